//! A record stored in a replica's log at an offset.

use std::sync::Arc;

use crate::engine::kafka::record::Record;
use crate::engine::vocab::ids::BatchId;

/// A record stored in a log at an offset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogEntry {
    /// Its offset in the partition.
    pub offset: u64,
    /// The leader epoch of the batch that wrote it.
    pub leader_epoch: u32,
    /// The batch it arrived in.
    pub batch: BatchId,
    /// When this replica appended it, in simulated ms.
    pub appended_at_ms: u64,
    /// Bytes it takes in the log (its share of the batch, without the header).
    pub size_bytes: u32,
    /// On the leader's copy: an acknowledgement for it was sent to the producer.
    pub acknowledged: bool,
    /// For a tombstone the cleaner has seen: when it may be removed
    /// (first cleaning + `delete.retention.ms`, KIP-534).
    pub delete_horizon_ms: Option<u64>,
    /// The record itself, shared by every replica's copy and every reader.
    /// An entry read from records held only as counts carries an unknown
    /// record ([`super::ids::RecordId::UNKNOWN`], no key, no value).
    pub record: Arc<Record>,
}
