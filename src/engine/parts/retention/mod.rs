//! The retention and cleaner part: each broker's retention check (every
//! `log.retention.check.interval.ms`, Kafka's `LogManager.cleanupLogs`) and
//! log cleaner (every `log.cleaner.backoff.ms`) over the replicas it holds,
//! and the record removals kept for the picture. Its handlers take the
//! narrow context and the topics' logs, not the whole simulation; the work
//! on one log (segments, deletion, compaction) is in `kafka/log/`.

mod checks;
mod state;

pub(crate) use checks::note_rolls;
pub(crate) use state::Retention;
pub use state::{Removal, RemovalCause, REMOVALS_KEPT};
