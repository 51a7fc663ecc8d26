//! What happened: every change the engine makes is told as an [`Event`], in
//! order, with a stable id. The picture, the event log and the golden tests
//! all read these.

use std::sync::Arc;

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
}
