//! The idempotent producer, leader side (Kafka's `ProducerStateManager`):
//! every batch of an idempotent producer carries its producer id and the
//! sequence numbers of its records in their partition. The leader looks at
//! the last 5 batches of that producer in its log: a batch with the same
//! sequences is a retry of one already appended, and is answered with the
//! first attempt's offsets instead of being appended again; a batch whose
//! first sequence does not follow the last appended one is refused with
//! `OUT_OF_ORDER_SEQUENCE_NUMBER`.
//!
//! The state is read from the log itself (records keep their sequence, and
//! counted runs of older records remember each producer's last batches),
//! so it is replicated and truncated along with the records, as in Kafka.
//!
//! Without idempotence nothing is checked: a retried batch whose first
//! attempt was appended is appended again. The engine, which sees
//! everything, counts such duplicates for the picture.

use super::config::Acks;
use super::errors::ProduceError;
use super::event::EventKind;
use super::ids::BrokerId;
use super::network::{Body, Node};
use super::record::Batch;
use super::sim::Sim;
use super::topic::WaitingAck;

use super::kafka::idempotence::check_sequence;
pub use super::kafka::idempotence::{SequenceCheck, BATCHES_RETAINED};

impl Sim {
    /// Checks `batch`'s sequence numbers against the leader `b`'s log.
    #[must_use]
    pub fn check_sequence(&self, b: BrokerId, batch: &Batch) -> SequenceCheck {
        check_sequence(self.partition(batch.tp).log_on(b), batch)
    }

    /// Called by the leader before appending: handles a duplicate (answers
    /// it by `acks` with the first attempt's offsets) or an out-of-order
    /// batch (answered `OUT_OF_ORDER_SEQUENCE_NUMBER`, as Kafka's
    /// `ProducerStateManager` does; the producer retries it). Returns `true`
    /// when the batch must not be appended.
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
                if acks != Acks::None {
                    self.send(
                        Node::Broker(b),
                        from,
                        Body::ProduceResponse {
                            batch: batch.id,
                            tp,
                            base_offset: 0,
                            records: batch.records.len() as u32,
                            error: Some(ProduceError::OutOfOrderSequenceNumber),
                        },
                    );
                }
                true
            }
            SequenceCheck::Duplicate {
                base_offset,
                last_offset,
            } => {
                self.rt.totals.duplicates_ignored += 1;
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
                        self.rt
                            .now_ms
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
        self.rt.totals.records_duplicated += u64::from(records);
        self.emit(EventKind::DuplicateAppended {
            batch: batch.id,
            broker: b,
            tp: batch.tp,
            records,
        });
    }
}
