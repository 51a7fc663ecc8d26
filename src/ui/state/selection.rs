//! What is selected in the picture, for the inspector.

use crate::engine::{BrokerId, MemberId, RecordId, TopicPartition};

/// What is selected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selection {
    /// A record, with its creation time (where its story starts).
    Record {
        /// The record.
        id: RecordId,
        /// Its CreateTime, simulated ms.
        created_at_ms: u64,
    },
    /// One replica of a partition.
    Partition(TopicPartition, BrokerId),
    /// A broker.
    Broker(BrokerId),
    /// A consumer group member.
    Member(MemberId),
}
