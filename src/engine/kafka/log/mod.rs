//! One replica's copy of a partition log: entries with offsets, the log end
//! offset (LEO), the high watermark (HW) and the log start offset, split
//! into segments (KAFKA.md §4). Pure: nothing here knows the simulation.
//!
//! Segments are metadata over the records (base offset, bytes, records,
//! timestamps). The last segment is the active one; a new one starts when a
//! batch would pass `segment.bytes` or comes more than `segment.ms` after
//! the active segment's first batch. Retention
//! ([`ReplicaLog::delete_old_segments`]) deletes whole segments, oldest
//! first, never past the HW, and frees their records; the cleaner
//! ([`ReplicaLog::clean`]) keeps the latest record of every key in the
//! segments below the HW and the active segment, leaving offset gaps.
//!
//! The records themselves are stored as [`store`] and [`cold_run`]
//! describe: the newest in full ([`ReplicaLog::entries`]), in chunks a
//! clone shares, and older ones, once the simulation folds them
//! ([`ReplicaLog::fold`]), as counted runs ([`ReplicaLog::cold_runs`]) that
//! keep what Kafka's rules read (offsets, bytes, timestamps, epochs) but
//! not the records. Offsets, HW, LEO, log start, segments and the epoch
//! cache never depend on how the records are stored.
//!
//! Files: `replica_log.rs` (the log, its offsets and epoch cache),
//! `append.rs` (appends and segment rolls), `read.rs` (reads, fetch slices,
//! lookups by timestamp and producer), `truncate.rs`, `fold.rs` (records
//! into counts), `retention.rs` (deleting segments), `cleaner.rs`
//! (compaction), `segment.rs`, `entry.rs`, `store.rs`, `cold_run.rs`.

mod append;
mod cleaner;
pub mod cold_run;
pub mod entry;
mod fold;
mod read;
pub mod replica_log;
mod retention;
pub mod segment;
pub mod store;
mod truncate;

#[cfg(test)]
mod store_tests;
#[cfg(test)]
mod tests;

pub use cold_run::{unknown_record, ColdRun, LogSlice, ProducerBatch, PRODUCER_BATCHES_KEPT};
pub use entry::LogEntry;
pub use replica_log::{ProducerBatchSpan, ReplicaLog};
pub use segment::{Cleaning, Segment, SegmentDeletion, REMOVED_KEPT};
pub use store::{Entries, CHUNK_ENTRIES};
