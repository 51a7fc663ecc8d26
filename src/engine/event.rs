//! What happened: every change the engine makes is told as an [`Event`], in
//! order, with a stable id. The picture, the event log and the golden tests
//! all read these.

use std::sync::Arc;

use super::assignor::Assignor;
use super::config::{CommitMode, Compression, OffsetReset, ProducerConfig, RebalanceProtocol};
use super::errors::{DropReason, LossReason, ProduceError};
use super::ids::{
    BatchId, BrokerId, EventId, GroupIdx, MemberId, MsgId, ProducerId, RecordId, TopicIdx,
    TopicPartition,
};
use super::log::{DeletionReason, RollReason};
use super::network::Node;

/// How a leader was chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ElectionKind {
    /// The first live in-sync replica in assignment order.
    Clean,
    /// No in-sync replica was alive; an out-of-sync one was chosen because
    /// `unclean.leader.election.enable=true`.
    Unclean,
    /// Leadership moved back to the preferred (first) replica.
    Preferred,
    /// No replica could lead: the partition is offline.
    Offline,
}

/// Why the ISR changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IsrChange {
    /// A follower fell behind for longer than `replica.lag.time.max.ms`.
    LaggingFollower,
    /// The broker was shut down or fenced by the controller.
    BrokerGone,
    /// A follower caught up with the high watermark and rejoined.
    CaughtUp,
}
use super::partitioner::SwitchReason;

/// Why a replica's log start offset moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogStartCause {
    /// Its own retention deleted segments.
    Retention,
    /// A follower follows its leader's log start offset.
    Leader,
}

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
    /// A null key (or any key, with `partitioner.ignore.keys=true`) went to
    /// the built-in partitioner's current sticky partition.
    Sticky {
        /// Bytes produced to the sticky partition before this record.
        produced_bytes: u32,
        /// `batch.size`: the sticky partition changes after this many bytes
        /// (and a full batch), or twice this many regardless.
        batch_size: u32,
    },
    /// `RoundRobinPartitioner`'s counter.
    RoundRobin {
        /// Kafka 2.4–3.8 only: the partition the first `partition()` call
        /// gave, abandoned because the record needed a new batch and the
        /// second call moved the counter again (KAFKA-9965).
        skipped: Option<u32>,
    },
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
        /// Bytes on the wire (compressed when a codec is set).
        bytes: u32,
        /// Bytes before compression.
        uncompressed_bytes: u32,
        /// Its `compression.type`.
        compression: Compression,
        /// 1 for the first send, 2 for the first retry…
        attempt: u32,
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
    /// A broker stopped: a clean shutdown or a crash.
    BrokerStopped {
        /// The broker.
        broker: BrokerId,
        /// `true`: controlled shutdown; `false`: crash.
        clean: bool,
    },
    /// A broker started again.
    BrokerStarted {
        /// The broker.
        broker: BrokerId,
    },
    /// The controller fenced a broker (after a clean shutdown, or when its
    /// session expired after a crash) and moved its leaderships.
    BrokerFenced {
        /// The broker.
        broker: BrokerId,
    },
    /// A broker's links were slowed (0: back to normal).
    BrokerSlowed {
        /// The broker.
        broker: BrokerId,
        /// Extra latency on every message to or from it, ms.
        extra_latency_ms: u64,
    },
    /// A network link was cut or healed.
    LinkChanged {
        /// One end.
        a: Node,
        /// The other end.
        b: Node,
        /// `true`: healed.
        up: bool,
    },
    /// A message never arrived.
    MessageDropped {
        /// The message.
        msg: MsgId,
        /// Its kind (`Produce`, `Fetch`…).
        kind: &'static str,
        /// Sender.
        from: Node,
        /// Intended receiver.
        to: Node,
        /// Why.
        reason: DropReason,
    },
    /// The controller chose a partition's leader.
    LeaderElected {
        /// The partition.
        tp: TopicPartition,
        /// The new leader (`None`: offline).
        leader: Option<BrokerId>,
        /// The new leader epoch.
        leader_epoch: u32,
        /// How.
        kind: ElectionKind,
    },
    /// A partition's ISR changed.
    IsrChanged {
        /// The partition.
        tp: TopicPartition,
        /// The new ISR.
        isr: Vec<BrokerId>,
        /// Why.
        reason: IsrChange,
    },
    /// A leader answered a produce request with an error.
    ProduceFailed {
        /// The batch.
        batch: BatchId,
        /// Its producer.
        producer: ProducerId,
        /// Its partition.
        tp: TopicPartition,
        /// The error.
        error: ProduceError,
    },
    /// A follower discarded the end of its log that its leader does not have.
    FollowerTruncated {
        /// The partition.
        tp: TopicPartition,
        /// The follower.
        broker: BrokerId,
        /// Its LEO before.
        from_offset: u64,
        /// Its LEO after.
        to_offset: u64,
    },
    /// The new leader never had these records, but they were never
    /// acknowledged: the producer gets no answer for them and sends them again.
    RecordsDiscarded {
        /// The partition.
        tp: TopicPartition,
        /// How many.
        records: u32,
    },
    /// Records became unreachable for ever.
    RecordsLost {
        /// The partition.
        tp: TopicPartition,
        /// How many.
        records: u32,
        /// How many of them the producer had been told were written.
        acknowledged: u32,
        /// Why.
        reason: LossReason,
    },
    /// A replica's log started a new active segment.
    SegmentRolled {
        /// The partition.
        tp: TopicPartition,
        /// The replica's broker.
        broker: BrokerId,
        /// The new segment's base offset.
        base_offset: u64,
        /// Why.
        reason: RollReason,
    },
    /// Retention deleted whole segments of a replica's log.
    SegmentsDeleted {
        /// The partition.
        tp: TopicPartition,
        /// The replica's broker.
        broker: BrokerId,
        /// Why.
        reason: DeletionReason,
        /// How many segments.
        segments: u32,
        /// Base offset of the first deleted.
        first_offset: u64,
        /// Base offset of the first kept (the new log start offset).
        end_offset: u64,
        /// Records freed.
        records: u64,
        /// Bytes freed.
        bytes: u64,
    },
    /// A replica's log start offset moved forward.
    LogStartOffsetMoved {
        /// The partition.
        tp: TopicPartition,
        /// The replica's broker.
        broker: BrokerId,
        /// The new log start offset.
        log_start_offset: u64,
        /// Why.
        cause: LogStartCause,
    },
    /// The log cleaner compacted a replica's log.
    LogCompacted {
        /// The partition.
        tp: TopicPartition,
        /// The replica's broker.
        broker: BrokerId,
        /// Offsets below this were cleaned.
        end_offset: u64,
        /// Dirty bytes as a share of the cleanable bytes, in percent.
        dirty_ratio_percent: u32,
        /// Records removed because a later one has the same key.
        superseded: u64,
        /// Tombstones removed after `delete.retention.ms`.
        tombstones_removed: u64,
        /// Records removed because they had no key.
        keyless: u64,
        /// Bytes of the cleaned segments before.
        bytes_before: u64,
        /// And after.
        bytes_after: u64,
        /// Segments before (small ones are merged).
        segments_before: u32,
        /// And after.
        segments_after: u32,
    },
    /// A consumer's position was outside the log (`OFFSET_OUT_OF_RANGE`)
    /// and it applied `auto.offset.reset`.
    ConsumerOffsetReset {
        /// The group.
        group: GroupIdx,
        /// The member.
        member: MemberId,
        /// The partition.
        tp: TopicPartition,
        /// The position the leader refused.
        from_offset: u64,
        /// The new position (`None`: `none`, an error to the application).
        to_offset: Option<u64>,
        /// The policy applied.
        policy: OffsetReset,
        /// The leader's log start offset.
        log_start_offset: u64,
        /// The leader's LEO.
        log_end_offset: u64,
    },
    /// A follower's fetch offset was below its leader's log start offset:
    /// it emptied its log and starts again there.
    FollowerOutOfRange {
        /// The partition.
        tp: TopicPartition,
        /// The follower.
        broker: BrokerId,
        /// Its fetch offset (its LEO) before.
        fetch_offset: u64,
        /// The leader's log start offset, where it starts again.
        leader_log_start_offset: u64,
        /// Records it dropped.
        dropped: u64,
    },
    /// A topic config was changed (`AlterConfigs`).
    TopicConfigChanged {
        /// The topic.
        topic: TopicIdx,
        /// The config name.
        name: String,
        /// The value before.
        old: String,
        /// The value now.
        new: String,
    },
    /// Every broker's `log.retention.check.interval.ms` was changed.
    RetentionCheckIntervalChanged {
        /// The new interval, ms.
        interval_ms: u64,
    },
    /// A producer's rate was changed.
    ProducerRateChanged {
        /// The producer.
        producer: ProducerId,
        /// New rate, records per second.
        records_per_sec: u32,
    },
    /// The built-in partitioner chose a new sticky partition for null keys.
    StickySwitched {
        /// The producer.
        producer: ProducerId,
        /// The topic.
        topic: TopicIdx,
        /// The previous sticky partition.
        from: Option<u32>,
        /// The new one.
        to: u32,
        /// Why it switched.
        reason: SwitchReason,
        /// Bytes produced to the previous one.
        produced_bytes: u32,
        /// With adaptive partitioning: each available partition's weight
        /// (`maxQueue + 1 − queue`); `None` when the choice was uniform.
        weights: Option<Vec<(u32, u32)>>,
    },
    /// A produce request got no answer within `request.timeout.ms`: the
    /// producer closes its connection to the broker, and every request in
    /// flight on it fails.
    RequestTimedOut {
        /// The producer.
        producer: ProducerId,
        /// The broker.
        broker: BrokerId,
        /// The batches whose requests failed.
        batches: Vec<BatchId>,
    },
    /// A failed batch goes back to the front of its queue and will be sent
    /// again after `retry.backoff.ms`.
    ProduceRetried {
        /// The batch.
        batch: BatchId,
        /// The producer.
        producer: ProducerId,
        /// Its partition.
        tp: TopicPartition,
        /// The attempt that comes next (2 for the first retry).
        next_attempt: u32,
    },
    /// A batch passed `delivery.timeout.ms` since it was created: its
    /// records fail (the application's callback gets a `TimeoutException`).
    BatchExpired {
        /// The batch.
        batch: BatchId,
        /// The producer.
        producer: ProducerId,
        /// Its partition.
        tp: TopicPartition,
        /// Records lost to the application.
        records: u32,
    },
    /// The idempotent leader recognised a retried batch it had already
    /// appended (same producer id and sequence numbers) and did not append it again.
    DuplicateIgnored {
        /// The batch.
        batch: BatchId,
        /// The leader.
        broker: BrokerId,
        /// The partition.
        tp: TopicPartition,
        /// Offset the first attempt got (answered again).
        base_offset: u64,
    },
    /// Without idempotence, a retried batch was appended a second time: its
    /// records are now twice in the log.
    DuplicateAppended {
        /// The batch.
        batch: BatchId,
        /// The leader.
        broker: BrokerId,
        /// The partition.
        tp: TopicPartition,
        /// Records duplicated.
        records: u32,
    },
    /// The idempotent leader refused a batch whose first sequence number
    /// does not follow the last one it appended (a batch before it is
    /// missing). Kafka answers `OUT_OF_ORDER_SEQUENCE_NUMBER`; here the
    /// batch is dropped unanswered and the producer's request timeout retries it.
    OutOfOrderSequence {
        /// The batch.
        batch: BatchId,
        /// The leader.
        broker: BrokerId,
        /// The partition.
        tp: TopicPartition,
        /// The sequence the leader expected.
        expected: u32,
        /// The batch's first sequence.
        got: u32,
    },
    /// Partitions were added to a topic (`CreatePartitions`).
    PartitionsAdded {
        /// The topic.
        topic: TopicIdx,
        /// Partitions before.
        from: u32,
        /// Partitions now.
        to: u32,
        /// Replicas of each new partition, leader first.
        replicas: Vec<Vec<BrokerId>>,
    },
    /// A producer refreshed its metadata and saw a new partition count.
    MetadataRefreshed {
        /// The producer.
        producer: ProducerId,
        /// The topic.
        topic: TopicIdx,
        /// Partitions it knew.
        from: u32,
        /// Partitions it knows now.
        to: u32,
        /// Keys of its key set whose partition changed: key, old, new.
        moved_keys: Vec<(Arc<str>, u32, u32)>,
    },
    /// A producer's configuration changed (its client restarted with it).
    ProducerConfigChanged {
        /// The producer.
        producer: ProducerId,
        /// Its configuration before.
        before: Box<ProducerConfig>,
        /// And after (the text lists the settings that differ).
        after: Box<ProducerConfig>,
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
