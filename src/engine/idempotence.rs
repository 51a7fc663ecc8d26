//! The idempotent producer, leader side (Kafka's `ProducerStateManager`):
//! every batch of an idempotent producer carries its producer id and the
//! sequence numbers of its records in their partition. The leader looks at
//! the last 5 batches of that producer in its log: a batch with the same
//! sequences is a retry of one already appended, and is answered with the
//! first attempt's offsets instead of being appended again; a batch whose
//! first sequence does not follow the last appended one is refused.
//!
//! The state is read from the log itself (records keep their sequence, and
//! counted runs of older records remember each producer's last batches),
//! so it is replicated and truncated along with the records, as in Kafka.
//!
//! Without idempotence nothing is checked: a retried batch whose first
//! attempt was appended is appended again. The engine, which sees
//! everything, counts such duplicates for the picture.

use super::config::Acks;
use super::event::EventKind;
use super::ids::BrokerId;
use super::network::{Body, Node};
use super::record::Batch;
use super::sim::Sim;
use super::topic::WaitingAck;

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

impl Sim {
    /// Checks `batch`'s sequence numbers against the leader `b`'s log.
    #[must_use]
    pub fn check_sequence(&self, b: BrokerId, batch: &Batch) -> SequenceCheck {
        let Some(first) = batch.records.first().and_then(|r| r.sequence) else {
            return SequenceCheck::Append;
        };
        let last = first.wrapping_add(batch.records.len() as u32 - 1);
        let Some(log) = self.partition(batch.tp).log_on(b) else {
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

    /// Called by the leader before appending: handles a duplicate (answers
    /// it by `acks` with the first attempt's offsets) or an out-of-order
    /// batch (dropped unanswered; the producer's request timeout retries
    /// it). Returns `true` when the batch must not be appended.
    pub(crate) fn deduplicate(
        &mut self,
        b: BrokerId,
        from: Node,
        batch: &Batch,
        acks: Acks,
    ) -> bool {
        let tp = batch.tp;
        match self.check_sequence(b, batch) {
            SequenceCheck::Append => false,
            SequenceCheck::OutOfOrder { expected, got } => {
                self.emit(EventKind::OutOfOrderSequence {
                    batch: batch.id,
                    broker: b,
                    tp,
                    expected,
                    got,
                });
                true
            }
            SequenceCheck::Duplicate {
                base_offset,
                last_offset,
            } => {
                self.totals.duplicates_ignored += 1;
                self.emit(EventKind::DuplicateIgnored {
                    batch: batch.id,
                    broker: b,
                    tp,
                    base_offset,
                });
                let records = (last_offset - base_offset + 1) as u32;
                let hw = self
                    .partition(tp)
                    .log_on(b)
                    .map_or(0, |l| l.high_watermark());
                let answer_now = match acks {
                    Acks::None => false,
                    Acks::Leader => true,
                    Acks::All => hw > last_offset,
                };
                if answer_now {
                    self.send(
                        Node::Broker(b),
                        from,
                        Body::ProduceResponse {
                            batch: batch.id,
                            tp,
                            base_offset,
                            records,
                            error: None,
                        },
                    );
                } else if acks == Acks::All {
                    let timeout = self.schedule(
                        self.now_ms
                            .saturating_add(super::broker::PRODUCE_REQUEST_TIMEOUT_MS),
                        super::sim::Timer::ProduceTimeout(tp, batch.id),
                    );
                    self.partition_mut(tp).waiting_acks.push(WaitingAck {
                        producer: batch.producer,
                        batch: batch.id,
                        base_offset,
                        last_offset,
                        reply_to: from,
                        timeout,
                    });
                }
                true
            }
        }
    }

    /// Whether a retried batch (attempt 2 or later) is already in the
    /// leader's log: appending it again makes duplicates. (A batch a
    /// producer may still send is never folded into counts, so looking at
    /// the records held in full is enough.)
    #[must_use]
    pub(crate) fn already_appended(&self, b: BrokerId, batch: &Batch) -> bool {
        batch.attempts > 1
            && self
                .partition(batch.tp)
                .log_on(b)
                .is_some_and(|log| log.entries().rev().any(|e| e.batch == batch.id))
    }

    /// Counts and tells a duplicate append.
    pub(crate) fn count_duplicate(&mut self, b: BrokerId, batch: &Batch) {
        let records = batch.records.len() as u32;
        self.totals.records_duplicated += u64::from(records);
        self.emit(EventKind::DuplicateAppended {
            batch: batch.id,
            broker: b,
            tp: batch.tp,
            records,
        });
    }
}
