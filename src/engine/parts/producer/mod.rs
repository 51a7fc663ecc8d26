//! The producer client part: each [`Producer`] owns its state (settings,
//! accumulator, batches in flight, partitioner, sequence numbers, counters)
//! and handles its timers and the leaders' answers with a narrow context
//! and the cluster's metadata.
//!
//! Records are created (at a steady rate or by hand), pass the partitioner
//! (in `KafkaProducer.partition`'s order), gather in per-partition batches
//! (`batch.size`, `linger.ms`, the compression ratio estimate), and batches
//! are closed (compressed for real) and sent to each partition's leader, at
//! most `max.in.flight.requests.per.connection` unanswered per broker.
//! Failures: a request unanswered after `request.timeout.ms` closes the
//! connection to that broker; its batches are retried after
//! `retry.backoff.ms` until `delivery.timeout.ms`. Sync mode
//! (`send().get()`) waits for each record's acknowledgement. A producer
//! knows the partition count of its last metadata refresh.

mod records;
mod sender;
mod settings;
pub mod state;

pub(crate) use records::no_such_producer;
pub use state::{moved_keys, LatestDecision, MovedKey, PendingBatch, Producer, SentBatch};
