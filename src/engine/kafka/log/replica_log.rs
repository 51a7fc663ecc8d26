//! The log of one replica: its offsets (log start, HW, LEO), its segments'
//! metadata, its leader epoch cache, and the records it holds (in full or
//! as counts). Appends, reads, truncation, folding, retention and cleaning
//! are in the files beside this one.

use std::collections::VecDeque;

use super::cold_run::ColdRun;
use super::entry::LogEntry;
use super::segment::{segment_base_of, Segment};
use super::store::{Entries, HotEntries};
use crate::engine::vocab::config::LogConfig;
use crate::engine::vocab::ids::BatchId;
use crate::engine::vocab::reasons::RollReason;

/// One batch of a producer found by [`ReplicaLog::producer_batches`]:
/// (batch, first sequence, last sequence, base offset, last offset).
pub type ProducerBatchSpan = (BatchId, u32, u32, u64, u64);

/// A replica's log.
#[derive(Clone, Debug, PartialEq)]
pub struct ReplicaLog {
    /// Records held only as counts, oldest first; all older than `hot`.
    pub(super) cold: VecDeque<ColdRun>,
    /// Records held in full, oldest first.
    pub(super) hot: HotEntries,
    pub(super) log_start_offset: u64,
    pub(super) log_end_offset: u64,
    pub(super) high_watermark: u64,
    pub(super) size_bytes: u64,
    /// Leader epoch cache: each epoch seen and the first offset written in it.
    pub(super) epoch_starts: Vec<(u32, u64)>,
    /// Oldest first; never empty; the last is the active segment.
    pub(super) segments: VecDeque<Segment>,
    /// The topic's log settings in force.
    pub(super) config: LogConfig,
    /// The cleaner's checkpoint: offsets below it have been cleaned.
    pub(super) cleaner_checkpoint: u64,
    /// Segments rolled and not yet told (base offset, why).
    pub(super) rolls: Vec<(u64, RollReason)>,
}

impl Default for ReplicaLog {
    fn default() -> Self {
        Self::new(LogConfig::default(), 0)
    }
}

impl ReplicaLog {
    /// An empty log created at `now_ms` with the topic's log settings.
    #[must_use]
    pub fn new(config: LogConfig, now_ms: u64) -> Self {
        Self {
            cold: VecDeque::new(),
            hot: HotEntries::default(),
            log_start_offset: 0,
            log_end_offset: 0,
            high_watermark: 0,
            size_bytes: 0,
            epoch_starts: Vec::new(),
            segments: VecDeque::from([Segment::new(0, now_ms)]),
            config,
            cleaner_checkpoint: 0,
            rolls: Vec::new(),
        }
    }

    /// The offset of the first record still in the log.
    #[must_use]
    pub fn log_start_offset(&self) -> u64 {
        self.log_start_offset
    }

    /// LEO: the offset the next appended record will get.
    #[must_use]
    pub fn log_end_offset(&self) -> u64 {
        self.log_end_offset
    }

    /// HW: records below it are committed and visible to consumers.
    #[must_use]
    pub fn high_watermark(&self) -> u64 {
        self.high_watermark
    }

    /// Bytes of the log: its segments, batch headers included.
    #[must_use]
    pub fn size_bytes(&self) -> u64 {
        self.size_bytes
    }

    /// The log settings in force.
    #[must_use]
    pub fn config(&self) -> &LogConfig {
        &self.config
    }

    /// Applies new log settings (from the next append or check on).
    pub fn set_config(&mut self, config: LogConfig) {
        self.config = config;
    }

    /// Segments, oldest first; the last is the active one.
    pub fn segments(&self) -> impl DoubleEndedIterator<Item = &Segment> + ExactSizeIterator {
        self.segments.iter()
    }

    /// The active segment (the one appended to).
    #[must_use]
    pub fn active_segment(&self) -> &Segment {
        self.segments.back().expect("a log always has a segment")
    }

    /// The cleaner's checkpoint: offsets below it have been compacted.
    #[must_use]
    pub fn cleaner_checkpoint(&self) -> u64 {
        self.cleaner_checkpoint
    }

    /// The entries held in full, oldest first: the newest records of the
    /// log (older ones may be held only as counts, see
    /// [`ReplicaLog::cold_runs`]; [`ReplicaLog::record_count`] counts all).
    pub fn entries(&self) -> Entries<'_> {
        self.hot.iter()
    }

    /// Records held only as counts, oldest first (all older than
    /// [`ReplicaLog::entries`]).
    pub fn cold_runs(&self) -> impl DoubleEndedIterator<Item = &ColdRun> + ExactSizeIterator {
        self.cold.iter()
    }

    /// Every record the log holds, in full or as counts (the sum of its
    /// segments' records).
    #[must_use]
    pub fn record_count(&self) -> u64 {
        self.cold.iter().map(ColdRun::records).sum::<u64>() + self.hot.len() as u64
    }

    /// How the log holds its records: (entries in full, of which in the
    /// unshared tail, shared chunks, counted runs).
    #[must_use]
    pub fn storage(&self) -> (usize, usize, usize, usize) {
        (
            self.hot.len(),
            self.hot.tail_len(),
            self.hot.chunk_count(),
            self.cold.len(),
        )
    }

    /// The entry at `offset`, if held in full (compaction leaves gaps;
    /// older records may be held only as counts).
    #[must_use]
    pub fn get(&self, offset: u64) -> Option<&LogEntry> {
        self.hot.get(offset)
    }

    /// The leader epoch the record at `offset` was written in, if the log
    /// holds a record there (in full or as a count; below the log start
    /// offset too, until retention deletes it).
    #[must_use]
    pub fn epoch_at(&self, offset: u64) -> Option<u32> {
        let i = self.cold.partition_point(|r| r.end_offset <= offset);
        if let Some(run) = self.cold.get(i).filter(|r| r.first_offset <= offset) {
            return Some(run.leader_epoch);
        }
        self.hot.get(offset).map(|e| e.leader_epoch)
    }

    /// How many records in `from..to` the log holds from leader epoch `epoch`.
    #[must_use]
    pub fn records_in_epoch(&self, from: u64, to: u64, epoch: u32) -> u64 {
        let cold: u64 = self
            .cold
            .iter()
            .filter(|r| r.leader_epoch == epoch)
            .map(|r| {
                to.min(r.end_offset)
                    .saturating_sub(from.max(r.first_offset))
            })
            .sum();
        let hot = self
            .hot
            .iter_from(from)
            .take_while(|e| e.offset < to)
            .filter(|e| e.leader_epoch == epoch)
            .count() as u64;
        cold + hot
    }

    /// Records in the epoch cache that `epoch` starts at `offset` (if newer).
    pub fn note_epoch(&mut self, epoch: u32, offset: u64) {
        if self.epoch_starts.last().is_none_or(|(e, _)| epoch > *e) {
            self.epoch_starts.push((epoch, offset));
        }
    }

    /// The newest leader epoch this log has seen, if any.
    #[must_use]
    pub fn latest_epoch(&self) -> Option<u32> {
        self.epoch_starts.last().map(|(e, _)| *e)
    }

    /// The leader epoch cache: `(epoch, first offset)` pairs, oldest first.
    #[must_use]
    pub fn epoch_starts(&self) -> &[(u32, u64)] {
        &self.epoch_starts
    }

    /// Kafka's `OffsetsForLeaderEpoch` answer from this log for `epoch`: the
    /// largest epoch ≤ `epoch` it knows, and where that epoch ended (the start
    /// of the next epoch, or the LEO for the latest one). `None` if it knows
    /// no epoch that old.
    #[must_use]
    pub fn end_offset_for_epoch(&self, epoch: u32) -> Option<(u32, u64)> {
        let i = self.epoch_starts.partition_point(|(e, _)| *e <= epoch);
        if i == 0 {
            return None;
        }
        let found = self.epoch_starts[i - 1].0;
        let end = self
            .epoch_starts
            .get(i)
            .map_or(self.log_end_offset, |(_, start)| *start);
        Some((found, end))
    }

    /// Rebuilds segment `i`'s metadata from the records it holds.
    pub(super) fn recompute_segment(&mut self, i: usize) {
        let base = self.segments[i].base_offset;
        let end = self.segments.get(i + 1).map_or(u64::MAX, |s| s.base_offset);
        let mut segment = Segment::new(base, self.segments[i].created_at_ms);
        for run in self
            .cold
            .iter()
            .filter(|r| r.first_offset >= base && r.first_offset < end)
        {
            segment.add_run(run);
        }
        let mut run: Vec<LogEntry> = Vec::new();
        for e in self.hot.iter_from(base).take_while(|e| e.offset < end) {
            if run.last().is_some_and(|last| last.batch != e.batch) {
                segment.add_batch(run[0].batch, &run);
                run.clear();
            }
            run.push(e.clone());
        }
        if let Some(first) = run.first() {
            segment.add_batch(first.batch, &run);
        }
        self.segments[i] = segment;
    }

    /// Checks that the records stored add up to the segments' metadata:
    /// runs ordered, inside one segment each and before every entry held
    /// in full, and each segment's records and bytes recomputed from what is
    /// stored equal to its metadata. For tests; says what is wrong.
    #[doc(hidden)]
    pub fn check_storage(&self) -> Result<(), String> {
        let mut prev_end = 0;
        for run in &self.cold {
            if run.first_offset < prev_end || run.end_offset <= run.first_offset {
                return Err(format!("run {run:?} after offset {prev_end}"));
            }
            prev_end = run.end_offset;
            let base = segment_base_of(&self.segments, run.first_offset);
            let last = segment_base_of(&self.segments, run.end_offset - 1);
            if base != last || base != run.segment_base {
                return Err(format!("run {run:?} across segments {base}..{last}"));
            }
        }
        if self.hot.iter().next().is_some_and(|e| e.offset < prev_end) {
            return Err(format!("entries held in full before offset {prev_end}"));
        }
        let mut copy = self.clone();
        for i in 0..copy.segments.len() {
            copy.recompute_segment(i);
        }
        for (a, b) in self.segments.iter().zip(&copy.segments) {
            if (a.size_bytes, a.records) != (b.size_bytes, b.records) {
                return Err(format!(
                    "segment {} holds {} records, {} bytes; stored: {} records, {} bytes",
                    a.base_offset, a.records, a.size_bytes, b.records, b.size_bytes
                ));
            }
        }
        Ok(())
    }

    /// Marks entries `first..=last` as acknowledged to their producer.
    /// (Acknowledgements come for batches above the HW, which are never
    /// folded; a run touched anyway counts them, at most once a record.)
    pub fn mark_acknowledged(&mut self, first: u64, last: u64) {
        for run in self.cold.iter_mut() {
            let from = first.max(run.first_offset);
            let to = (last + 1).min(run.end_offset);
            if from < to {
                run.acknowledged = (run.acknowledged + (to - from)).min(run.records());
            }
        }
        self.hot
            .update_range(first, last, |e| e.acknowledged = true);
    }

    /// Moves the HW forward to `hw` (never back, never past the LEO).
    /// Returns whether it moved.
    pub fn advance_high_watermark(&mut self, hw: u64) -> bool {
        let hw = hw.min(self.log_end_offset);
        if hw > self.high_watermark {
            self.high_watermark = hw;
            true
        } else {
            false
        }
    }
}
