//! What happened: every change the engine makes is told as an [`Event`], in
//! order, with a stable id. The picture, the event log and the golden tests
//! all read these.

use std::sync::Arc;

use super::assignor::Assignor;
use super::config::{OffsetReset, RebalanceProtocol};
use super::ids::{
    BatchId, BrokerId, EventId, GroupIdx, MemberId, MsgId, ProducerId, RecordId, TopicPartition,
};

/// Why the partitioner chose a partition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PartitionDecision {
    /// The record named its partition.
    Explicit,
    /// `toPositive(murmur2(key)) % partitions`.
    KeyHash {
        /// `murmur2` of the key's UTF-8 bytes, as Java's signed int.
        murmur2: i32,
        /// Partitions counted (all of the topic's, leaderless ones too).
        partitions: u32,
    },
    /// A null key went to the current sticky partition.
    Sticky,
}

/// One thing that happened at one simulated time.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Stable, increasing id.
    pub id: EventId,
    /// Simulated time, ms.
    pub at_ms: u64,
    /// What happened.
    pub kind: EventKind,
}

/// The kinds of event.
#[derive(Clone, Debug, PartialEq)]
pub enum EventKind {
    /// A producer created a record and its partitioner chose a partition.
    RecordCreated {
        /// The record.
        record: RecordId,
        /// Its producer.
        producer: ProducerId,
        /// Its key (`None`: null key).
        key: Option<Arc<str>>,
        /// Where it will go.
        tp: TopicPartition,
        /// Why there.
        decision: PartitionDecision,
        /// The batch it joined.
        batch: BatchId,
    },
    /// A producer sent a batch to the partition's leader.
    BatchSent {
        /// The batch.
        batch: BatchId,
        /// The request carrying it.
        msg: MsgId,
        /// Its producer.
        producer: ProducerId,
        /// Its partition.
        tp: TopicPartition,
        /// The leader it was sent to.
        leader: BrokerId,
        /// Records in it.
        records: u32,
        /// Bytes on the wire.
        bytes: u32,
    },
    /// A broker appended a batch to its log.
    BatchAppended {
        /// The batch.
        batch: BatchId,
        /// The broker.
        broker: BrokerId,
        /// The partition.
        tp: TopicPartition,
        /// First offset given.
        base_offset: u64,
        /// Last offset given.
        last_offset: u64,
        /// The leader epoch written with it.
        leader_epoch: u32,
    },
    /// A follower copied records from its leader.
    ReplicaCopied {
        /// The follower's broker.
        broker: BrokerId,
        /// The partition.
        tp: TopicPartition,
        /// First offset copied.
        first_offset: u64,
        /// Last offset copied.
        last_offset: u64,
    },
    /// A replica's high watermark moved forward.
    HighWatermarkAdvanced {
        /// The partition.
        tp: TopicPartition,
        /// The replica's broker.
        broker: BrokerId,
        /// The new HW.
        high_watermark: u64,
    },
    /// The producer received the acknowledgement of a batch.
    ProduceAcked {
        /// The batch.
        batch: BatchId,
        /// Its producer.
        producer: ProducerId,
        /// Its partition.
        tp: TopicPartition,
        /// Offset of its first record.
        base_offset: u64,
        /// Records in it.
        records: u32,
    },
    /// A batch sent with `acks=0`: no answer will come.
    ProduceAssumed {
        /// The batch.
        batch: BatchId,
        /// Its producer.
        producer: ProducerId,
    },
    /// A consumer sent a fetch request to a broker.
    FetchSent {
        /// The request.
        msg: MsgId,
        /// The member fetching.
        member: MemberId,
        /// The broker asked.
        broker: BrokerId,
        /// Partitions asked for, with the offset asked from.
        positions: Vec<(TopicPartition, u64)>,
    },
    /// A broker answered a fetch.
    FetchAnswered {
        /// The response.
        msg: MsgId,
        /// The member that asked.
        member: MemberId,
        /// The broker answering.
        broker: BrokerId,
        /// Records returned.
        records: u32,
    },
    /// A consumer processed a record.
    RecordConsumed {
        /// The group.
        group: GroupIdx,
        /// The member.
        member: MemberId,
        /// The partition.
        tp: TopicPartition,
        /// The record's offset.
        offset: u64,
        /// The record.
        record: RecordId,
    },
    /// The group coordinator stored a committed offset.
    OffsetCommitted {
        /// The group.
        group: GroupIdx,
        /// The member that committed.
        member: MemberId,
        /// The partition.
        tp: TopicPartition,
        /// The committed offset: the next offset to read.
        offset: u64,
    },
    /// A group's partitions were assigned to its members.
    PartitionsAssigned {
        /// The group.
        group: GroupIdx,
        /// Generation of the assignment.
        generation: u32,
        /// Each member and its partitions.
        assignment: Vec<(MemberId, Vec<TopicPartition>)>,
    },
    /// A producer's rate was changed.
    ProducerRateChanged {
        /// The producer.
        producer: ProducerId,
        /// New rate, records per second.
        records_per_sec: u32,
    },
    /// Consumer groups: membership, rebalance phases, offsets.
    Group(GroupEvent),
}

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
        reason: String,
    },
    /// The coordinator started a rebalance (phase 1: members must rejoin).
    RebalanceStarted {
        /// The group.
        group: GroupIdx,
        /// What triggered it.
        reason: String,
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
        /// Why: no committed offset, or OFFSET_OUT_OF_RANGE.
        reason: &'static str,
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
        /// What changed, in words.
        what: String,
    },
    /// A new group started.
    GroupAdded {
        /// The group.
        group: GroupIdx,
    },
}
