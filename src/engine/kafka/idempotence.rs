//! The idempotent producer's sequence check, leader side (Kafka's
//! `ProducerStateManager`): every batch of an idempotent producer carries
//! its producer id and the sequence numbers of its records in their
//! partition. The leader looks at the last 5 batches of that producer in its
//! log: a batch with the same sequences is a retry of one already appended,
//! and is answered with the first attempt's offsets instead of being
//! appended again; a batch whose first sequence does not follow the last
//! appended one is refused.
//!
//! The state is read from the log itself (records keep their sequence, and
//! counted runs of older records remember each producer's last batches),
//! so it is replicated and truncated along with the records, as in Kafka.

use super::batch::Batch;
use super::log::ReplicaLog;

/// How many batches per producer the leader remembers (Kafka's
/// `ProducerStateEntry.NUM_BATCHES_TO_RETAIN`).
pub const BATCHES_RETAINED: usize = 5;

/// What the leader makes of an incoming batch's sequence numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SequenceCheck {
    /// New and in order (or not idempotent): append it.
    Append,
    /// Already appended at these offsets: answer again, append nothing.
    Duplicate {
        /// First offset of the earlier append.
        base_offset: u64,
        /// Last offset of the earlier append.
        last_offset: u64,
    },
    /// A gap: the batch before it is missing (`OUT_OF_ORDER_SEQUENCE_NUMBER`).
    OutOfOrder {
        /// The sequence the leader expected.
        expected: u32,
        /// The batch's first sequence.
        got: u32,
    },
}

/// Checks `batch`'s sequence numbers against the leader's `log` (`None`:
/// the leader holds no replica, nothing to compare with).
#[must_use]
pub fn check_sequence(log: Option<&ReplicaLog>, batch: &Batch) -> SequenceCheck {
    let Some(first) = batch.records.first().and_then(|r| r.sequence) else {
        return SequenceCheck::Append;
    };
    let last = first.wrapping_add(batch.records.len() as u32 - 1);
    let Some(log) = log else {
        return SequenceCheck::Append;
    };
    // Newest first: (batch, first seq, last seq, base offset, last offset).
    let recent = log.producer_batches(batch.producer, BATCHES_RETAINED);
    if let Some(r) = recent.iter().find(|r| r.1 == first && r.2 == last) {
        return SequenceCheck::Duplicate {
            base_offset: r.3,
            last_offset: r.4,
        };
    }
    match recent.first() {
        Some(r) if first != r.2.wrapping_add(1) => SequenceCheck::OutOfOrder {
            expected: r.2.wrapping_add(1),
            got: first,
        },
        _ => SequenceCheck::Append,
    }
}
