//! Small typed reasons the events carry: why a leader was chosen, why an
//! ISR changed, why a segment rolled or was deleted, why the partitioner
//! chose a partition or left its sticky one. Kafka names, no words (the words
//! are in `crate::text`).

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

/// Why a new active segment was started.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RollReason {
    /// The next batch would have made the active segment larger than `segment.bytes`.
    SegmentBytes,
    /// The next batch came more than `segment.ms` after the segment's first one.
    SegmentMs,
    /// Retention deletes every segment, so an empty active one is started first.
    Retention,
}

/// Why retention deleted segments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeletionReason {
    /// Wholly below the log start offset (moved by the leader).
    LogStartOffset,
    /// `retention.bytes`: the log was larger than the limit by at least the segment.
    RetentionBytes,
    /// `retention.ms`: the segment's newest record was older than the limit.
    RetentionMs,
}

/// Why the built-in partitioner left its sticky partition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SwitchReason {
    /// No sticky partition yet (the first null-key record of the topic).
    First,
    /// The bytes produced to it reached `batch.size` and its last batch is full.
    BatchSizeAndFull,
    /// The bytes produced to it reached `2 × batch.size` (batch full or not).
    TwiceBatchSize,
}
