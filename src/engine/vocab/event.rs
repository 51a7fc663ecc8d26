//! What happened: every change the engine makes is told as an [`Event`], in
//! order, with a stable id. The picture, the event log and the golden tests
//! all read these.

use std::sync::Arc;

use super::config::{Compression, OffsetReset, ProducerConfig};
use super::errors::{DropReason, LossReason, ProduceError};
use super::group_event::GroupEvent;
use super::ids::{
    BatchId, BrokerId, EventId, GroupIdx, MemberId, MsgId, Node, ProducerId, RecordId, TopicIdx,
    TopicPartition,
};
use super::reasons::{
    DeletionReason, ElectionKind, IsrChange, LogStartCause, PartitionDecision, RollReason,
    SwitchReason,
};

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
    /// missing) and answers `OUT_OF_ORDER_SEQUENCE_NUMBER`, as Kafka does;
    /// the producer retries it.
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
