//! Truncating a replica's log: a follower discarding what its leader does
//! not have, starting again at the leader's log start offset, and the log
//! start offset moving forward.

use super::cold_run::{unknown_record, ColdRun};
use super::entry::LogEntry;
use super::replica_log::ReplicaLog;
use super::segment::Segment;
use super::store::HotEntries;
use std::collections::VecDeque;

impl ReplicaLog {
    /// Kafka's `LeaderEpochFileCache.truncateFromStart`: epochs starting at
    /// or before `start` go; the latest of them is kept, starting at `start`.
    pub(super) fn truncate_epochs_from_start(&mut self, start: u64) {
        let removed = self.epoch_starts.partition_point(|(_, s)| *s <= start);
        if removed > 0 {
            let epoch = self.epoch_starts[removed - 1].0;
            self.epoch_starts.drain(..removed);
            self.epoch_starts.insert(0, (epoch, start));
        }
    }

    /// Removes every entry at or above `offset` (a follower discarding what
    /// its leader does not have); the LEO and HW follow. Returns the entries
    /// removed, oldest first (records held as counts as entries without
    /// identity). [`ReplicaLog::truncate_records_to`] does the same and
    /// only counts them.
    pub fn truncate_to(&mut self, offset: u64) -> Vec<LogEntry> {
        let (cut, hot) = self.truncate_with(offset);
        let placeholder = unknown_record();
        let mut removed: Vec<LogEntry> = Vec::new();
        for (run, from, to) in &cut {
            removed.extend(run.placeholders(*from, *to, &placeholder));
        }
        removed.extend(hot);
        removed
    }

    /// [`ReplicaLog::truncate_to`], returning how many records went.
    pub fn truncate_records_to(&mut self, offset: u64) -> u64 {
        let (cut, hot) = self.truncate_with(offset);
        cut.iter().map(|(_, from, to)| to - from).sum::<u64>() + hot.len() as u64
    }

    /// Truncation; returns the counted runs cut (each with the offsets
    /// removed from it) and the entries removed. Cutting into a counted
    /// run keeps its first part with estimated bytes and timestamps (see
    /// [`ColdRun::slice`]): the usual truncations (a follower's
    /// unreplicated tail) are above the HW and never reach a run; only an
    /// unclean election can cut that deep.
    #[allow(clippy::type_complexity)]
    pub(super) fn truncate_with(
        &mut self,
        offset: u64,
    ) -> (Vec<(ColdRun, u64, u64)>, Vec<LogEntry>) {
        if offset >= self.log_end_offset {
            return (Vec::new(), Vec::new());
        }
        let i = self.cold.partition_point(|r| r.end_offset <= offset);
        let mut cut = Vec::new();
        for run in self.cold.drain(i..).collect::<Vec<_>>() {
            if run.first_offset < offset {
                self.cold.push_back(run.slice(run.first_offset, offset));
                let end = run.end_offset;
                cut.push((run, offset, end));
            } else {
                let (from, end) = (run.first_offset, run.end_offset);
                cut.push((run, from, end));
            }
        }
        let hot = self.hot.split_off(offset);
        self.log_end_offset = offset.max(self.log_start_offset);
        self.high_watermark = self.high_watermark.min(self.log_end_offset);
        self.epoch_starts
            .retain(|(_, start)| *start < self.log_end_offset);
        let leo = self.log_end_offset;
        while self.segments.len() > 1 && self.active_segment().base_offset >= leo {
            self.segments.pop_back();
        }
        if self.active_segment().base_offset > leo {
            let created = self.active_segment().created_at_ms;
            self.segments[0] = Segment::new(leo, created);
        }
        self.recompute_segment(self.segments.len() - 1);
        self.size_bytes = self.segments.iter().map(|s| s.size_bytes).sum();
        self.cleaner_checkpoint = self.cleaner_checkpoint.min(leo);
        (cut, hot)
    }

    /// Kafka's `truncateFullyAndStartAt`: every entry goes and the log
    /// starts again, empty, at `offset` (log start = HW = LEO = `offset`).
    /// A follower does this when its fetch offset fell below its leader's
    /// log start offset. Returns how many records were dropped.
    pub fn truncate_fully_and_start_at(&mut self, offset: u64, now_ms: u64) -> usize {
        let dropped = self.record_count() as usize;
        self.cold.clear();
        self.hot = HotEntries::default();
        self.segments = VecDeque::from([Segment::new(offset, now_ms)]);
        self.log_start_offset = offset;
        self.log_end_offset = offset;
        self.high_watermark = offset;
        self.size_bytes = 0;
        self.epoch_starts.clear();
        self.cleaner_checkpoint = offset;
        dropped
    }

    /// Kafka's `maybeIncrementLogStartOffset`: the log start offset moves
    /// forward to `offset` (never past the HW; a follower follows its
    /// leader's). Entries below it stay until retention deletes their
    /// segment, but are no longer read. Returns whether it moved.
    pub fn maybe_increment_log_start_offset(&mut self, offset: u64) -> bool {
        let offset = offset.min(self.high_watermark);
        if offset <= self.log_start_offset {
            return false;
        }
        self.log_start_offset = offset;
        self.truncate_epochs_from_start(offset);
        true
    }
}
