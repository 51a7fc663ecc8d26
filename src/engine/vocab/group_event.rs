//! What happened in a consumer group: the events of membership, rebalances and
//! offsets, and the typed reasons they carry.

use super::config::{Assignor, CommitMode, OffsetReset, RebalanceProtocol};
use super::ids::{GroupIdx, MemberId, RecordId, TopicPartition};

/// What happened in a consumer group.
#[derive(Clone, Debug, PartialEq)]
pub enum GroupEvent {
    /// A consumer process started and will join.
    MemberAdded {
        /// The group.
        group: GroupIdx,
        /// The new member.
        member: MemberId,
    },
    /// A member is closing (commit, then LeaveGroup).
    MemberClosing {
        /// The group.
        group: GroupIdx,
        /// The member.
        member: MemberId,
    },
    /// A member's process died: it says nothing more.
    MemberCrashed {
        /// The group.
        group: GroupIdx,
        /// The member.
        member: MemberId,
    },
    /// `consumer.pause()` or `resume()`.
    MemberPaused {
        /// The group.
        group: GroupIdx,
        /// The member.
        member: MemberId,
        /// Paused (true) or resumed.
        paused: bool,
    },
    /// The coordinator removed a member.
    MemberRemoved {
        /// The group.
        group: GroupIdx,
        /// The member.
        member: MemberId,
        /// Why: left, session timeout, rebalance timeout.
        reason: RemovalReason,
    },
    /// The coordinator started a rebalance (phase 1: members must rejoin).
    RebalanceStarted {
        /// The group.
        group: GroupIdx,
        /// What triggered it.
        reason: RebalanceReason,
        /// The protocol in force.
        protocol: RebalanceProtocol,
    },
    /// A member gave up partitions (`onPartitionsRevoked`, or `Lost`).
    PartitionsRevoked {
        /// The group.
        group: GroupIdx,
        /// The member.
        member: MemberId,
        /// The partitions.
        partitions: Vec<u32>,
        /// Lost (it was already out of the group) rather than revoked.
        lost: bool,
    },
    /// A member sent JoinGroup (phase 2).
    JoinGroupSent {
        /// The group.
        group: GroupIdx,
        /// The member.
        member: MemberId,
        /// The partitions it reports owning.
        owned: Vec<u32>,
    },
    /// Everyone joined: a new generation and its leader (phase 3).
    JoinCompleted {
        /// The group.
        group: GroupIdx,
        /// The new generation.
        generation: u32,
        /// The leader, who runs the assignor.
        leader: MemberId,
        /// The members, in join order.
        members: Vec<MemberId>,
    },
    /// The leader ran the assignor (phase 4, sent in its SyncGroup).
    AssignmentComputed {
        /// The group.
        group: GroupIdx,
        /// The generation.
        generation: u32,
        /// The leader.
        leader: MemberId,
        /// The assignor used.
        assignor: Assignor,
        /// Each member's partitions.
        assignment: Vec<(MemberId, Vec<u32>)>,
        /// Partitions assigned to nobody this round (cooperative: moving).
        held_back: Vec<u32>,
    },
    /// A member received and applied its assignment (phase 5).
    AssignmentReceived {
        /// The group.
        group: GroupIdx,
        /// The member.
        member: MemberId,
        /// The generation.
        generation: u32,
        /// Partitions it gained.
        added: Vec<u32>,
        /// Partitions it had to give up (cooperative).
        revoked: Vec<u32>,
        /// What it owns now.
        owned: Vec<u32>,
    },
    /// A record was processed again after its partition moved: a duplicate.
    RecordReprocessed {
        /// The group.
        group: GroupIdx,
        /// The member processing it again.
        member: MemberId,
        /// The partition.
        tp: TopicPartition,
        /// The offset.
        offset: u64,
        /// The record.
        record: RecordId,
    },
    /// The coordinator refused an offset commit.
    CommitFailed {
        /// The group.
        group: GroupIdx,
        /// The member.
        member: MemberId,
        /// Kafka's error.
        error: &'static str,
    },
    /// `auto.offset.reset` decided a member's position.
    OffsetReset {
        /// The group.
        group: GroupIdx,
        /// The member.
        member: MemberId,
        /// The partition.
        tp: TopicPartition,
        /// The position before, if any.
        from: Option<u64>,
        /// The new position, or `None` when the policy is `none` (an error).
        to: Option<u64>,
        /// Why.
        reason: ResetCause,
        /// The policy applied.
        policy: OffsetReset,
    },
    /// A member moved its position by a seek.
    Seeked {
        /// The group.
        group: GroupIdx,
        /// The member owning the partition.
        member: MemberId,
        /// The partition.
        tp: TopicPartition,
        /// The position before.
        from: Option<u64>,
        /// The new position.
        to: u64,
    },
    /// A setting of the group changed.
    ConfigChanged {
        /// The group.
        group: GroupIdx,
        /// What changed.
        what: GroupChange,
    },
    /// A new group started.
    GroupAdded {
        /// The group.
        group: GroupIdx,
    },
}

/// Why a consumer sends `LeaveGroup` (the reason its request carries, KIP-800).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeaveReason {
    /// `consumer.close()`.
    Closing,
    /// The application did not call `poll()` within `max.poll.interval.ms`:
    /// the heartbeat thread leaves.
    PollTimeout,
}

/// Why the coordinator removed a member.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RemovalReason {
    /// It sent `LeaveGroup`.
    Left(LeaveReason),
    /// No heartbeat within `session.timeout.ms`.
    SessionTimeout {
        /// The session, ms.
        session_ms: u64,
    },
    /// It did not rejoin within the rebalance timeout (`max.poll.interval.ms`).
    RebalanceTimeout,
}

/// What started a rebalance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RebalanceReason {
    /// A new member sent `JoinGroup`.
    Joined(MemberId),
    /// A known member sent `JoinGroup` again.
    Rejoined(MemberId),
    /// The coordinator removed a member.
    Removed {
        /// The member.
        member: MemberId,
        /// Why.
        reason: RemovalReason,
    },
    /// `partition.assignment.strategy` changed.
    AssignorChanged(Assignor),
    /// The rebalance protocol changed.
    ProtocolChanged(RebalanceProtocol),
}

/// Why `auto.offset.reset` decided a member's position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResetCause {
    /// The group has no committed offset for the partition.
    NoCommittedOffset,
}

/// A setting of a consumer group that changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupChange {
    /// A member's processing time per record.
    ProcessingTime {
        /// The member.
        member: MemberId,
        /// Milliseconds per record.
        ms: u64,
    },
    /// `partition.assignment.strategy` (the protocol follows it).
    Assignor {
        /// The assignor.
        assignor: Assignor,
        /// The protocol now.
        protocol: RebalanceProtocol,
    },
    /// The rebalance protocol.
    Protocol(RebalanceProtocol),
    /// Automatic or manual commits.
    CommitMode(CommitMode),
}
