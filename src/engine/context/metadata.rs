//! What a part may read of another without naming it: the cluster's
//! metadata as clients learn it ([`Metadata`]: leaders, partition counts,
//! the leader's log), and the batches producers may still send
//! ([`ProducerBatches`], which the cluster's folding of records into counts
//! must not touch).

use std::collections::BTreeSet;

use crate::engine::kafka::log::replica_log::ReplicaLog;
use crate::engine::vocab::ids::{BatchId, BrokerId, TopicIdx, TopicPartition};

/// The cluster as producers and consumers see it (their metadata, and the
/// leader's log, which the engine reads directly instead of `ListOffsets`).
pub(crate) trait Metadata {
    /// The partition's leader, if it has one.
    fn leader(&self, tp: TopicPartition) -> Option<BrokerId>;
    /// Whether the broker's process is running (a connection to a stopped
    /// one is refused).
    fn broker_alive(&self, b: BrokerId) -> bool;
    /// Partitions of the topic.
    fn partition_count(&self, topic: TopicIdx) -> u32;
    /// Partitions (below `count`) of `topic` that have a leader, in order:
    /// Kafka's `availablePartitionsForTopic`.
    fn available_partitions(&self, topic: TopicIdx, count: u32) -> Vec<u32>;
    /// The topic's name.
    fn topic_name(&self, topic: TopicIdx) -> &str;
    /// `topic-partition`, as Kafka writes it.
    fn tp_name(&self, tp: TopicPartition) -> String;
    /// The leader's log, if the partition has a leader.
    fn leader_log(&self, tp: TopicPartition) -> Option<&ReplicaLog>;
}

/// Batches producers may still send (again): in an accumulator or awaiting
/// an answer. The cluster never folds their records into counts.
pub(crate) trait ProducerBatches {
    /// Adds to `into` the batches for `tp` the producers may still send.
    fn batches_in_play(&self, tp: TopicPartition, into: &mut BTreeSet<BatchId>);
}
