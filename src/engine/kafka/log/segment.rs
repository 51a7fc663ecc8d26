//! A segment of a replica's log (metadata over its records), and what one
//! retention step or one cleaning did to the segments.

use std::sync::Arc;

use super::cold_run::ColdRun;
use super::entry::LogEntry;
use crate::engine::kafka::record::BATCH_HEADER_BYTES;
use crate::engine::vocab::ids::BatchId;
use crate::engine::vocab::reasons::DeletionReason;

/// Most removed records a deletion or a cleaning keeps for the picture.
pub const REMOVED_KEPT: usize = 16;

/// A segment of a replica's log: a run of offsets from `base_offset` up to
/// the next segment's base (or the LEO for the active one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// The first offset it may hold.
    pub base_offset: u64,
    /// Bytes: each batch's 61-byte header plus its records.
    pub size_bytes: u64,
    /// Records it holds.
    pub records: u64,
    /// The largest timestamp of its first batch (Kafka's
    /// `rollingBasedTimestamp`, which `segment.ms` is measured from).
    pub first_timestamp_ms: Option<u64>,
    /// The timestamp of its last record.
    pub last_timestamp_ms: Option<u64>,
    /// Its largest record timestamp (`retention.ms` is measured from it).
    pub max_timestamp_ms: Option<u64>,
    /// When it was created, simulated ms (stands for the file's
    /// modification time while it is empty).
    pub created_at_ms: u64,
    pub(super) last_batch: Option<BatchId>,
}

impl Segment {
    pub(super) fn new(base_offset: u64, now_ms: u64) -> Self {
        Self {
            base_offset,
            size_bytes: 0,
            records: 0,
            first_timestamp_ms: None,
            last_timestamp_ms: None,
            max_timestamp_ms: None,
            created_at_ms: now_ms,
            last_batch: None,
        }
    }

    /// Kafka's `largestTimestamp`: the largest record timestamp, or the
    /// file's modification time when the segment holds nothing.
    #[must_use]
    pub fn largest_timestamp_ms(&self) -> u64 {
        self.max_timestamp_ms.unwrap_or(self.created_at_ms)
    }

    pub(super) fn add_batch(&mut self, batch: BatchId, entries: &[LogEntry]) -> u64 {
        let header = if self.last_batch == Some(batch) {
            0
        } else {
            u64::from(BATCH_HEADER_BYTES)
        };
        let bytes = header + entries.iter().map(|e| u64::from(e.size_bytes)).sum::<u64>();
        let batch_max = entries.iter().map(|e| e.record.timestamp_ms).max();
        if self.first_timestamp_ms.is_none() {
            self.first_timestamp_ms = batch_max;
        }
        self.max_timestamp_ms = self.max_timestamp_ms.max(batch_max);
        self.last_timestamp_ms = entries.last().map(|e| e.record.timestamp_ms);
        self.size_bytes += bytes;
        self.records += entries.len() as u64;
        self.last_batch = Some(batch);
        bytes
    }

    /// Adds a run of counted records (its bytes already counted for this
    /// log); returns its bytes.
    pub(super) fn add_run(&mut self, run: &ColdRun) -> u64 {
        if self.first_timestamp_ms.is_none() {
            self.first_timestamp_ms = Some(run.first_batch_max_timestamp_ms);
        }
        self.max_timestamp_ms = self.max_timestamp_ms.max(Some(run.max_timestamp_ms));
        self.last_timestamp_ms = Some(run.last_timestamp_ms);
        self.size_bytes += run.bytes;
        self.records += run.records();
        self.last_batch = Some(run.last_batch);
        run.bytes
    }
}

/// Segments one retention step deleted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SegmentDeletion {
    /// Why.
    pub reason: DeletionReason,
    /// How many segments.
    pub segments: u32,
    /// Base offset of the first one deleted.
    pub first_offset: u64,
    /// Base offset of the first segment kept: the new log start offset.
    pub end_offset: u64,
    /// Records freed.
    pub records: u64,
    /// Bytes freed.
    pub bytes: u64,
    /// Every segment went, so a new empty active segment was rolled first.
    pub rolled: bool,
    /// The newest removed records (offset and key), at most [`REMOVED_KEPT`]
    /// (no key for records held only as counts).
    pub removed: Vec<(u64, Option<Arc<str>>)>,
}

/// What one cleaning (compaction) of a log did.
#[derive(Clone, Debug, PartialEq)]
pub struct Cleaning {
    /// Offsets cleaned: from the first segment's base to this (exclusive).
    pub end_offset: u64,
    /// The share of not-yet-cleaned bytes that made the log worth cleaning.
    pub dirty_ratio: f64,
    /// Records removed because a later record has the same key.
    pub superseded: u64,
    /// Tombstones removed after `delete.retention.ms`.
    pub tombstones_removed: u64,
    /// Records removed because they had no key.
    pub keyless: u64,
    /// Bytes of the cleaned segments before and after.
    pub bytes_before: u64,
    /// See `bytes_before`.
    pub bytes_after: u64,
    /// Segments before and after (small cleaned segments are merged).
    pub segments_before: u32,
    /// See `segments_before`.
    pub segments_after: u32,
    /// The newest removed records (offset and key), at most [`REMOVED_KEPT`].
    pub removed: Vec<(u64, Option<Arc<str>>)>,
}

impl Cleaning {
    /// Records removed in all.
    #[must_use]
    pub fn records_removed(&self) -> u64 {
        self.superseded + self.tombstones_removed + self.keyless
    }
}

/// The base offset of the segment of `segments` that holds `offset`.
pub(super) fn segment_base_of(segments: &std::collections::VecDeque<Segment>, offset: u64) -> u64 {
    let i = segments.partition_point(|s| s.base_offset <= offset);
    segments[i.saturating_sub(1)].base_offset
}
