//! One replica's copy of a partition log: entries with offsets, the log end
//! offset (LEO), the high watermark (HW) and the log start offset, split
//! into segments (KAFKA.md §4).
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
//! The records themselves are stored as [`super::log_store`] describes: the
//! newest in full ([`ReplicaLog::entries`]), in chunks a clone shares, and
//! older ones, once the simulation folds them ([`ReplicaLog::fold`]), as
//! counted runs ([`ReplicaLog::cold_runs`]) that keep what Kafka's rules
//! read (offsets, bytes, timestamps, epochs) but not the records. Offsets,
//! HW, LEO, log start, segments and the epoch cache never depend on how the
//! records are stored.

use std::collections::{BTreeMap, VecDeque};
use std::sync::Arc;

use super::config::LogConfig;
use super::ids::{BatchId, ProducerId};
use super::log_store::{unknown_record, ColdRun, Entries, HotEntries, LogSlice};
use super::record::{Record, BATCH_HEADER_BYTES};

/// Most removed records a deletion or a cleaning keeps for the picture.
pub const REMOVED_KEPT: usize = 16;

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
    last_batch: Option<BatchId>,
}

impl Segment {
    fn new(base_offset: u64, now_ms: u64) -> Self {
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

    fn add_batch(&mut self, batch: BatchId, entries: &[LogEntry]) -> u64 {
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
    fn add_run(&mut self, run: &ColdRun) -> u64 {
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

/// Why a new active segment was started.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RollReason {
    /// The next batch would have made the active segment larger than `segment.bytes`.
    SegmentBytes,
    /// The next batch came more than `segment.ms` after the segment's first one.
    SegmentMs,
    /// Retention deletes every segment, so an empty active one is started first.
    Retention,
}

/// Why retention deleted segments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeletionReason {
    /// Wholly below the log start offset (moved by the leader).
    LogStartOffset,
    /// `retention.bytes`: the log was larger than the limit by at least the segment.
    RetentionBytes,
    /// `retention.ms`: the segment's newest record was older than the limit.
    RetentionMs,
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

/// One batch of a producer found by [`ReplicaLog::producer_batches`]:
/// (batch, first sequence, last sequence, base offset, last offset).
pub type ProducerBatchSpan = (BatchId, u32, u32, u64, u64);

/// A replica's log.
#[derive(Clone, Debug, PartialEq)]
pub struct ReplicaLog {
    /// Records held only as counts, oldest first; all older than `hot`.
    cold: VecDeque<ColdRun>,
    /// Records held in full, oldest first.
    hot: HotEntries,
    log_start_offset: u64,
    log_end_offset: u64,
    high_watermark: u64,
    size_bytes: u64,
    /// Leader epoch cache: each epoch seen and the first offset written in it.
    epoch_starts: Vec<(u32, u64)>,
    /// Oldest first; never empty; the last is the active segment.
    segments: VecDeque<Segment>,
    /// The topic's log settings in force.
    config: LogConfig,
    /// The cleaner's checkpoint: offsets below it have been cleaned.
    cleaner_checkpoint: u64,
    /// Segments rolled and not yet told (base offset, why).
    rolls: Vec<(u64, RollReason)>,
}

impl Default for ReplicaLog {
    fn default() -> Self {
        Self::new(LogConfig::default(), 0)
    }
}

/// The base offset of the segment of `segments` that holds `offset`.
fn segment_base_of(segments: &VecDeque<Segment>, offset: u64) -> u64 {
    let i = segments.partition_point(|s| s.base_offset <= offset);
    segments[i.saturating_sub(1)].base_offset
}

/// Folds `e`, the next entry of the log after every run of `cold`, into
/// the runs (a new run at `cut` offsets).
fn fold_entry(
    cold: &mut VecDeque<ColdRun>,
    segments: &VecDeque<Segment>,
    e: &LogEntry,
    cuts: &[u64],
) {
    let base = segment_base_of(segments, e.offset);
    match cold.back_mut() {
        Some(last) if last.continues_with(e, base) && !cuts.contains(&e.offset) => {
            last.push_entry(e);
        }
        last => {
            // The entry begins a batch here unless the entry before it, in
            // the same segment, belongs to the same batch.
            let header = last.is_none_or(|l| l.segment_base != base || l.last_batch != e.batch);
            cold.push_back(ColdRun::from_entry(e, header, base));
        }
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

    /// Takes the segments rolled since the last call: (base offset, why).
    pub fn take_rolls(&mut self) -> Vec<(u64, RollReason)> {
        std::mem::take(&mut self.rolls)
    }

    fn roll(&mut self, now_ms: u64, reason: RollReason) {
        self.segments
            .push_back(Segment::new(self.log_end_offset, now_ms));
        self.rolls.push((self.log_end_offset, reason));
    }

    /// Kafka's `LogSegment.shouldRoll` for a batch of `bytes` whose largest
    /// timestamp is `max_timestamp_ms`: never for an empty segment.
    fn maybe_roll(&mut self, bytes: u64, max_timestamp_ms: u64, now_ms: u64) {
        let active = self.active_segment();
        if active.records == 0 {
            return;
        }
        let reason = if active.size_bytes + bytes > self.config.segment_bytes {
            Some(RollReason::SegmentBytes)
        } else if active
            .first_timestamp_ms
            .is_some_and(|first| max_timestamp_ms.saturating_sub(first) > self.config.segment_ms)
        {
            Some(RollReason::SegmentMs)
        } else {
            None
        };
        if let Some(reason) = reason {
            self.roll(now_ms, reason);
        }
    }

    /// Appends one batch's entries (offsets from the LEO on, gaps allowed),
    /// rolling the active segment first if the batch does not belong in it.
    fn push_batch(&mut self, batch: Vec<LogEntry>, now_ms: u64) {
        let Some(first) = batch.first() else {
            return;
        };
        let id = first.batch;
        let header = if self.active_segment().last_batch == Some(id) {
            0
        } else {
            u64::from(BATCH_HEADER_BYTES)
        };
        let bytes = header + batch.iter().map(|e| u64::from(e.size_bytes)).sum::<u64>();
        let max_ts = batch
            .iter()
            .map(|e| e.record.timestamp_ms)
            .max()
            .unwrap_or(0);
        self.maybe_roll(bytes, max_ts, now_ms);
        let segment = self
            .segments
            .back_mut()
            .expect("a log always has a segment");
        self.size_bytes += segment.add_batch(id, &batch);
        for e in batch {
            self.note_epoch(e.leader_epoch, e.offset);
            self.log_end_offset = e.offset + 1;
            self.hot.push(e);
        }
    }

    /// Appends records as one batch; returns the first and last offsets given.
    pub fn append(
        &mut self,
        records: &[Record],
        leader_epoch: u32,
        batch: BatchId,
        now_ms: u64,
        sizes: &[u32],
    ) -> (u64, u64) {
        let base = self.log_end_offset;
        let entries = records
            .iter()
            .enumerate()
            .map(|(i, record)| LogEntry {
                offset: base + i as u64,
                leader_epoch,
                batch,
                appended_at_ms: now_ms,
                size_bytes: sizes.get(i).copied().unwrap_or(0),
                acknowledged: false,
                delete_horizon_ms: None,
                record: Arc::new(record.clone()),
            })
            .collect();
        self.push_batch(entries, now_ms);
        (base, (base + records.len() as u64).saturating_sub(1))
    }

    /// A follower appends copies fetched from its leader, keeping their
    /// offsets and epochs. Entries below this log's LEO are ignored (a
    /// follower only ever appends at its end); offsets may skip ahead where
    /// the leader's cleaner left gaps. Returns how many were added.
    pub fn append_copies(&mut self, entries: &[LogEntry], now_ms: u64) -> usize {
        let mut next = self.log_end_offset;
        let mut added = 0;
        let mut run: Vec<LogEntry> = Vec::new();
        for e in entries {
            if e.offset < next {
                continue;
            }
            next = e.offset + 1;
            if run.last().is_some_and(|last| last.batch != e.batch) {
                self.push_batch(std::mem::take(&mut run), now_ms);
            }
            let mut copy = e.clone();
            copy.appended_at_ms = now_ms;
            copy.acknowledged = false;
            run.push(copy);
            added += 1;
        }
        self.push_batch(run, now_ms);
        added
    }

    /// A follower appends what its leader's fetch answer carries: parts of
    /// counted runs, then entries in full (see [`ReplicaLog::append_copies`]).
    /// Returns how many records were added.
    pub fn append_slice(&mut self, slice: &LogSlice, now_ms: u64) -> usize {
        let mut added = 0;
        for run in &slice.runs {
            if run.end_offset <= self.log_end_offset {
                continue;
            }
            let piece = if run.first_offset < self.log_end_offset {
                run.slice(self.log_end_offset, run.end_offset)
            } else {
                run.clone()
            };
            added += self.push_run(&piece, now_ms);
        }
        added + self.append_copies(&slice.entries, now_ms)
    }

    /// Appends counted records copied from the leader, as its batches would
    /// have been appended one by one: the roll check of the first batch is
    /// Kafka's; the run never crossed a segment boundary on the leader, so
    /// a follower whose active segment began where the leader's did rolls
    /// nowhere inside it, exactly as batch by batch. A follower whose
    /// segments do not line up with the leader's (after retention rolled
    /// one of them, for example) rolls before the run if the whole run
    /// would pass `segment.bytes` (a simplification: it cannot tell at
    /// which batch inside the run it would have rolled).
    fn push_run(&mut self, piece: &ColdRun, now_ms: u64) -> usize {
        // Runs stay older than the entries held in full.
        self.fold_all();
        let header_before = |log: &ReplicaLog| {
            piece.first_batch != BatchId::UNKNOWN
                && log.active_segment().last_batch != Some(piece.first_batch)
        };
        if piece.first_batch != BatchId::UNKNOWN {
            let header = header_before(self);
            let first = piece.rebased(0, header).first_batch_bytes;
            self.maybe_roll(first, piece.first_batch_max_timestamp_ms, now_ms);
        }
        let active = self.active_segment();
        if active.records > 0 && active.base_offset != piece.segment_base {
            let bytes = piece.rebased(0, header_before(self)).bytes;
            if active.size_bytes + bytes > self.config.segment_bytes {
                self.roll(now_ms, RollReason::SegmentBytes);
            }
        }
        let base = self.active_segment().base_offset;
        let local = piece.rebased(base, header_before(self));
        let segment = self
            .segments
            .back_mut()
            .expect("a log always has a segment");
        self.size_bytes += segment.add_run(&local);
        self.note_epoch(local.leader_epoch, local.first_offset);
        self.log_end_offset = local.end_offset;
        let records = local.records() as usize;
        self.push_cold(local);
        records
    }

    fn push_cold(&mut self, run: ColdRun) {
        match self.cold.back_mut() {
            Some(last)
                if last.end_offset == run.first_offset
                    && last.leader_epoch == run.leader_epoch
                    && last.segment_base == run.segment_base =>
            {
                last.absorb(&run);
            }
            _ => self.cold.push_back(run),
        }
    }

    /// Folds the oldest entries held in full into counted runs, keeping at
    /// least `keep` in full: only below the HW (so acknowledgements and the
    /// usual truncations never reach a run), only below `floor` (the lowest
    /// HW among the partition's replicas: what a replica behind may still
    /// copy stays in full) unless more than `keep + lag_cap` are held, only
    /// entries `may_fold` allows (the simulation keeps batches a producer may
    /// still send again), and never on a compacted log (its cleaner needs
    /// every key). Stops at the first entry it may not fold. A run begins
    /// at every offset of `cuts` (the other replicas' LEOs and HWs: where a
    /// replica behind will start copying, so that it copies whole runs and
    /// ends up with exact totals). Returns how many were folded.
    pub fn fold(
        &mut self,
        keep: usize,
        floor: u64,
        lag_cap: usize,
        cuts: &[u64],
        mut may_fold: impl FnMut(&LogEntry) -> bool,
    ) -> usize {
        if self.config.cleanup_policy.compacts() {
            return 0;
        }
        let excess = self.hot.len().saturating_sub(keep);
        let over_cap = self.hot.len().saturating_sub(keep.saturating_add(lag_cap));
        let mut n = 0;
        for e in self.hot.iter().take(excess) {
            let below_floor = e.offset < floor || n < over_cap;
            if e.offset >= self.high_watermark || !below_floor || !may_fold(e) {
                break;
            }
            fold_entry(&mut self.cold, &self.segments, e, cuts);
            n += 1;
        }
        self.hot.drop_front(n);
        if n > 0 {
            self.merge_cold_runs(floor);
        }
        n
    }

    /// Joins neighbouring runs that were split (at a replica's position, or
    /// where a follower's fetch ended) once every replica is past the split
    /// (it is below `floor`, the lowest HW): nobody fetches from there again.
    fn merge_cold_runs(&mut self, floor: u64) {
        let mut merged: VecDeque<ColdRun> = VecDeque::with_capacity(self.cold.len());
        for run in self.cold.drain(..) {
            match merged.back_mut() {
                Some(last)
                    if last.end_offset == run.first_offset
                        && last.leader_epoch == run.leader_epoch
                        && last.segment_base == run.segment_base
                        && run.first_offset < floor =>
                {
                    last.absorb(&run);
                }
                _ => merged.push_back(run),
            }
        }
        self.cold = merged;
    }

    /// Folds every entry held in full (before appending counted records
    /// after them).
    fn fold_all(&mut self) {
        for e in self.hot.iter() {
            fold_entry(&mut self.cold, &self.segments, e, &[]);
        }
        let n = self.hot.len();
        self.hot.drop_front(n);
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

    /// Kafka's `LeaderEpochFileCache.truncateFromStart`: epochs starting at
    /// or before `start` go; the latest of them is kept, starting at `start`.
    fn truncate_epochs_from_start(&mut self, start: u64) {
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
    fn truncate_with(&mut self, offset: u64) -> (Vec<(ColdRun, u64, u64)>, Vec<LogEntry>) {
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

    /// Rebuilds segment `i`'s metadata from the records it holds.
    fn recompute_segment(&mut self, i: usize) {
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

    /// Up to `max` entries from `from` (never below the log start offset),
    /// stopping before `upto`. Offsets the cleaner removed are skipped.
    /// Records held only as counts come as entries without identity.
    #[must_use]
    pub fn read(&self, from: u64, upto: u64, max: usize) -> Vec<LogEntry> {
        let from = from.max(self.log_start_offset);
        let mut out = Vec::new();
        if self.cold.back().is_some_and(|r| r.end_offset > from) {
            let placeholder = unknown_record();
            let i = self.cold.partition_point(|r| r.end_offset <= from);
            for run in self.cold.range(i..) {
                if out.len() >= max || run.first_offset >= upto {
                    break;
                }
                let left = max - out.len();
                out.extend(run.placeholders(from, upto, &placeholder).take(left));
            }
        }
        let left = max.saturating_sub(out.len());
        out.extend(
            self.hot
                .iter_from(from)
                .take_while(|e| e.offset < upto)
                .take(left)
                .cloned(),
        );
        out
    }

    /// What a follower's fetch gets: [`ReplicaLog::read`], with records held
    /// as counts carried as runs rather than one by one. A run the fetch
    /// starts or ends inside is split there first (each part with estimated
    /// bytes and timestamps, see [`ColdRun::slice`], adding up exactly to
    /// the whole), so that the follower, part after part, ends up with the
    /// run's exact totals whatever the leader folds into it meanwhile.
    pub fn read_slice(&mut self, from: u64, upto: u64, max: usize) -> LogSlice {
        let from = from.max(self.log_start_offset);
        let mut slice = LogSlice::default();
        let mut left = max as u64;
        if self.cold.back().is_some_and(|r| r.end_offset > from) {
            self.split_cold_at(from);
            let mut i = self.cold.partition_point(|r| r.end_offset <= from);
            while let Some(run) = self.cold.get(i) {
                if left == 0 || run.first_offset >= upto {
                    break;
                }
                let end = run.end_offset.min(upto).min(run.first_offset + left);
                self.split_cold_at(end);
                let run = &self.cold[i];
                left -= run.records();
                slice.runs.push(run.clone());
                i += 1;
            }
        }
        slice.entries.extend(
            self.hot
                .iter_from(from)
                .take_while(|e| e.offset < upto)
                .take(left as usize)
                .cloned(),
        );
        slice
    }

    /// Splits the counted run holding `offset` (not at its start) in two.
    fn split_cold_at(&mut self, offset: u64) {
        let i = self.cold.partition_point(|r| r.end_offset <= offset);
        let Some(run) = self.cold.get(i) else {
            return;
        };
        if run.first_offset >= offset {
            return;
        }
        let (head, tail) = (
            run.slice(run.first_offset, offset),
            run.slice(offset, run.end_offset),
        );
        self.cold[i] = head;
        self.cold.insert(i + 1, tail);
    }

    /// Kafka's `ListOffsets` by timestamp over the records below `upto`:
    /// the first offset whose record's timestamp is at or after
    /// `timestamp_ms`. For records held as counts, the first offset of the
    /// first run holding such a timestamp (their own timestamps are gone).
    #[must_use]
    pub fn offset_for_timestamp(&self, timestamp_ms: u64, upto: u64) -> Option<u64> {
        for run in &self.cold {
            if run.first_offset >= upto {
                return None;
            }
            if run.max_timestamp_ms >= timestamp_ms {
                return Some(run.first_offset);
            }
        }
        self.hot
            .iter()
            .take_while(|e| e.offset < upto)
            .find(|e| e.record.timestamp_ms >= timestamp_ms)
            .map(|e| e.offset)
    }

    /// The newest batches of `producer` with sequence numbers in this log,
    /// newest first, at most `max` (what the leader's duplicate check of an
    /// idempotent producer reads): records held in full, then the batches
    /// each counted run remembers.
    #[must_use]
    pub fn producer_batches(&self, producer: ProducerId, max: usize) -> Vec<ProducerBatchSpan> {
        let mut recent: Vec<ProducerBatchSpan> = Vec::new();
        for e in self.hot.iter().rev() {
            if e.record.producer != producer {
                continue;
            }
            let Some(seq) = e.record.sequence else {
                continue;
            };
            match recent.last_mut() {
                Some(r) if r.0 == e.batch => {
                    r.1 = seq;
                    r.3 = e.offset;
                }
                _ => {
                    if recent.len() == max {
                        return recent;
                    }
                    recent.push((e.batch, seq, seq, e.offset, e.offset));
                }
            }
        }
        for run in self.cold.iter().rev() {
            for b in run.producer_batches.iter().rev() {
                if b.producer != producer {
                    continue;
                }
                match recent.last_mut() {
                    Some(r) if r.0 == b.batch => {
                        r.1 = b.first_sequence;
                        r.3 = b.base_offset;
                    }
                    _ => {
                        if recent.len() == max {
                            return recent;
                        }
                        recent.push((
                            b.batch,
                            b.first_sequence,
                            b.last_sequence,
                            b.base_offset,
                            b.last_offset,
                        ));
                    }
                }
            }
        }
        recent
    }

    // ----- retention ------------------------------------------------------

    /// How many segments from the oldest on satisfy `predicate`, stopping at
    /// the first that does not (Kafka's `deletableSegments`): a segment can
    /// only go once the HW has passed its end, and an empty active segment
    /// never goes.
    fn deletable(&self, mut predicate: impl FnMut(&Segment, Option<&Segment>) -> bool) -> usize {
        let mut n = 0;
        for (i, segment) in self.segments.iter().enumerate() {
            let next = self.segments.get(i + 1);
            let upper = next.map_or(self.log_end_offset, |s| s.base_offset);
            let last_and_empty = next.is_none() && segment.size_bytes == 0;
            if self.high_watermark >= upper && predicate(segment, next) && !last_and_empty {
                n += 1;
            } else {
                break;
            }
        }
        n
    }

    /// Deletes the `n` oldest segments (rolling an empty active segment
    /// first when that is all of them) and frees their records; the log
    /// start offset moves to the oldest kept segment's base.
    fn delete_segments(
        &mut self,
        n: usize,
        reason: DeletionReason,
        now_ms: u64,
    ) -> SegmentDeletion {
        let rolled = n == self.segments.len();
        if rolled {
            self.roll(now_ms, RollReason::Retention);
        }
        let gone: Vec<Segment> = self.segments.drain(..n).collect();
        let end = self.segments[0].base_offset;
        // Runs never cross a segment boundary: whole runs go.
        let runs = self.cold.partition_point(|r| r.end_offset <= end);
        let k = self.hot.count_below(end);
        let mut removed: Vec<(u64, Option<Arc<str>>)> = self
            .hot
            .iter()
            .take(k)
            .skip(k.saturating_sub(REMOVED_KEPT))
            .map(|e| (e.offset, e.record.key.clone()))
            .collect();
        for run in self.cold.range(..runs).rev() {
            if removed.len() == REMOVED_KEPT {
                break;
            }
            let take = (REMOVED_KEPT - removed.len()) as u64;
            let from = run.end_offset.saturating_sub(take).max(run.first_offset);
            let older: Vec<(u64, Option<Arc<str>>)> =
                (from..run.end_offset).map(|o| (o, None)).collect();
            removed.splice(0..0, older);
        }
        self.cold.drain(..runs);
        self.hot.drop_front(k);
        let bytes: u64 = gone.iter().map(|s| s.size_bytes).sum();
        self.size_bytes -= bytes;
        if end > self.log_start_offset {
            self.log_start_offset = end;
            self.truncate_epochs_from_start(end);
        }
        self.cleaner_checkpoint = self.cleaner_checkpoint.max(end);
        SegmentDeletion {
            reason,
            segments: n as u32,
            first_offset: gone[0].base_offset,
            end_offset: end,
            records: gone.iter().map(|s| s.records).sum(),
            bytes,
            rolled,
            removed,
        }
    }

    /// One retention pass (Kafka's `UnifiedLog.deleteOldSegments`): first
    /// segments wholly below the log start offset, then, when
    /// `cleanup.policy` includes `delete`, by `retention.bytes` and by
    /// `retention.ms`. Returns what each step deleted.
    pub fn delete_old_segments(&mut self, now_ms: u64) -> Vec<SegmentDeletion> {
        let mut out = Vec::new();
        let start = self.log_start_offset;
        let n = self.deletable(|_, next| next.is_some_and(|s| s.base_offset <= start));
        if n > 0 {
            out.push(self.delete_segments(n, DeletionReason::LogStartOffset, now_ms));
        }
        if !self.config.cleanup_policy.deletes() {
            return out;
        }
        if let Some(limit) = self.config.retention_bytes {
            if self.size_bytes >= limit {
                let mut diff = self.size_bytes - limit;
                let n = self.deletable(|segment, _| {
                    if diff >= segment.size_bytes {
                        diff -= segment.size_bytes;
                        true
                    } else {
                        false
                    }
                });
                if n > 0 {
                    out.push(self.delete_segments(n, DeletionReason::RetentionBytes, now_ms));
                }
            }
        }
        if let Some(limit) = self.config.retention_ms {
            let n = self.deletable(|segment, _| {
                now_ms.saturating_sub(segment.largest_timestamp_ms()) > limit
            });
            if n > 0 {
                out.push(self.delete_segments(n, DeletionReason::RetentionMs, now_ms));
            }
        }
        out
    }

    // ----- compaction -----------------------------------------------------

    /// The log cleaner's pass over this log (Kafka's `LogCleaner`, with
    /// KIP-534 tombstones), when `cleanup.policy` includes `compact`.
    ///
    /// Cleanable: the whole segments below the HW, never the active one.
    /// The log is cleaned when its dirty (not yet cleaned) bytes are at
    /// least `min.cleanable.dirty.ratio` of the cleanable bytes, or when a
    /// tombstone's delete horizon has passed. Then, in every cleanable
    /// segment, a record goes if a later record in the dirty part has the
    /// same key, or if it has no key; a tombstone gets a delete horizon
    /// (now + `delete.retention.ms`) the first time it is cleaned and goes
    /// at a cleaning after that. Offsets never change: gaps remain. Small
    /// segments are merged up to `segment.bytes` (by their size before
    /// cleaning, as Kafka groups them).
    ///
    /// A compacted log is never folded into counts (the cleaner needs every
    /// key). Records folded before the topic became compacted have no key
    /// any more: the cleaner keeps them as they are (a simplification).
    pub fn clean(&mut self, now_ms: u64) -> Option<Cleaning> {
        if !self.config.cleanup_policy.compacts() {
            return None;
        }
        let active_base = self.active_segment().base_offset;
        let uncleanable = self.high_watermark.min(active_base);
        let upper = |i: usize| {
            self.segments
                .get(i + 1)
                .map_or(self.log_end_offset, |s| s.base_offset)
        };
        let k = (0..self.segments.len() - 1)
            .take_while(|&i| upper(i) <= uncleanable)
            .count();
        if k == 0 {
            return None;
        }
        let end = upper(k - 1);
        let first_dirty = self.cleaner_checkpoint;
        let (mut clean_bytes, mut dirty_bytes) = (0u64, 0u64);
        for i in 0..k {
            if upper(i) <= first_dirty {
                clean_bytes += self.segments[i].size_bytes;
            } else {
                dirty_bytes += self.segments[i].size_bytes;
            }
        }
        let total = clean_bytes + dirty_bytes;
        let dirty_ratio = if total == 0 {
            0.0
        } else {
            dirty_bytes as f64 / total as f64
        };
        let hi = self.hot.count_below(end);
        let tombstones_due = self
            .hot
            .iter()
            .take(hi)
            .any(|e| e.delete_horizon_ms.is_some_and(|h| h <= now_ms));
        let worth = dirty_bytes > 0 && dirty_ratio >= self.config.min_cleanable_dirty_ratio;
        if !worth && !tombstones_due {
            return None;
        }
        // The offset map: the latest offset of every key in the dirty part.
        let mut latest: BTreeMap<Arc<str>, u64> = BTreeMap::new();
        for e in self
            .hot
            .iter_from(first_dirty)
            .take_while(|e| e.offset < end)
        {
            if let Some(key) = &e.record.key {
                latest.insert(key.clone(), e.offset);
            }
        }
        // Groups of segments merged into one, by their size before cleaning.
        let mut groups: Vec<usize> = Vec::new(); // index of each group's first segment
        let mut group_bytes = 0u64;
        for i in 0..k {
            let size = self.segments[i].size_bytes;
            if groups.is_empty() || group_bytes + size > self.config.segment_bytes {
                groups.push(i);
                group_bytes = size;
            } else {
                group_bytes += size;
            }
        }
        let bytes_before: u64 = self.segments.range(..k).map(|s| s.size_bytes).sum();
        let mut cleaning = Cleaning {
            end_offset: end,
            dirty_ratio,
            superseded: 0,
            tombstones_removed: 0,
            keyless: 0,
            bytes_before,
            bytes_after: 0,
            segments_before: k as u32,
            segments_after: groups.len() as u32,
            removed: Vec::new(),
        };
        let delete_retention_ms = self.config.delete_retention_ms;
        let mut all = self.hot.take_all();
        let tail = all.split_off(hi);
        for mut e in all {
            let keep = match &e.record.key {
                None => {
                    cleaning.keyless += 1;
                    false
                }
                Some(key) if latest.get(key).is_some_and(|&o| o > e.offset) => {
                    cleaning.superseded += 1;
                    false
                }
                Some(_) if e.record.tombstone => match e.delete_horizon_ms {
                    None => {
                        e.delete_horizon_ms = Some(now_ms.saturating_add(delete_retention_ms));
                        true
                    }
                    Some(h) if h <= now_ms => {
                        cleaning.tombstones_removed += 1;
                        false
                    }
                    Some(_) => true,
                },
                Some(_) => true,
            };
            if keep {
                self.hot.push(e);
            } else {
                if cleaning.removed.len() == REMOVED_KEPT {
                    cleaning.removed.remove(0);
                }
                cleaning.removed.push((e.offset, e.record.key.clone()));
            }
        }
        for e in tail {
            self.hot.push(e);
        }
        // Merge each group into its first segment, then rebuild their metadata.
        let rest = self.segments.split_off(k);
        let old = std::mem::take(&mut self.segments);
        for &g in &groups {
            self.segments
                .push_back(Segment::new(old[g].base_offset, old[g].created_at_ms));
        }
        self.segments.extend(rest);
        for run in self.cold.iter_mut() {
            run.segment_base = segment_base_of(&self.segments, run.first_offset);
        }
        for i in 0..groups.len() {
            self.recompute_segment(i);
        }
        cleaning.bytes_after = self
            .segments
            .range(..groups.len())
            .map(|s| s.size_bytes)
            .sum();
        self.size_bytes = self.segments.iter().map(|s| s.size_bytes).sum();
        self.cleaner_checkpoint = end;
        Some(cleaning)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::ids::{ProducerId, RecordId};

    fn rec(n: u64) -> Record {
        Record {
            id: RecordId(n),
            producer: ProducerId(0),
            seq: n,
            key: None,
            value: None,
            tombstone: false,
            value_bytes: 10,
            timestamp_ms: 0,
            sequence: None,
        }
    }

    #[test]
    fn offsets_are_contiguous_and_hw_only_moves_forward() {
        let mut log = ReplicaLog::default();
        assert_eq!(
            log.append(&[rec(0), rec(1)], 0, BatchId(0), 5, &[16, 16]),
            (0, 1)
        );
        assert_eq!(log.append(&[rec(2)], 0, BatchId(1), 6, &[16]), (2, 2));
        assert_eq!(log.log_end_offset(), 3);
        assert!(log.advance_high_watermark(2));
        assert!(!log.advance_high_watermark(1));
        assert_eq!(log.high_watermark(), 2);
        assert!(log.advance_high_watermark(10));
        assert_eq!(log.high_watermark(), 3, "the HW never passes the LEO");
        assert_eq!(log.read(1, 3, 10).len(), 2);
        assert_eq!(log.get(2).map(|e| e.record.id), Some(RecordId(2)));
        // Three 16-byte records in two batches, each with a 61-byte header.
        assert_eq!(log.size_bytes(), 3 * 16 + 2 * 61);
    }

    #[test]
    fn epoch_cache_answers_offsets_for_leader_epoch_and_truncation_follows() {
        let mut log = ReplicaLog::default();
        log.append(&[rec(0), rec(1)], 0, BatchId(0), 0, &[10, 10]);
        log.append(&[rec(2)], 2, BatchId(1), 0, &[10]);
        log.note_epoch(3, 3);
        assert_eq!(log.epoch_starts(), &[(0, 0), (2, 2), (3, 3)]);
        assert_eq!(log.end_offset_for_epoch(0), Some((0, 2)));
        assert_eq!(
            log.end_offset_for_epoch(1),
            Some((0, 2)),
            "epoch 1 unknown: answer for 0"
        );
        assert_eq!(log.end_offset_for_epoch(2), Some((2, 3)));
        assert_eq!(log.end_offset_for_epoch(3), Some((3, 3)));
        log.advance_high_watermark(3);
        let removed = log.truncate_to(2);
        assert_eq!(removed.len(), 1);
        assert_eq!(log.log_end_offset(), 2);
        assert_eq!(log.high_watermark(), 2, "the HW is capped at the new LEO");
        assert_eq!(log.epoch_starts(), &[(0, 0)]);
        assert_eq!(log.size_bytes(), 20 + 61);
    }

    // ----- segments and retention: Kafka's UnifiedLogTest cases ----------

    use crate::engine::config::{CleanupPolicy, LogConfig};
    use crate::engine::record::record_size_bytes;

    /// `TestUtils.singletonRecords("test".getBytes)`: a null key, a 4-byte
    /// value, alone in its batch.
    fn singleton(n: u64, timestamp_ms: u64, key: Option<&str>) -> (Record, u32) {
        let record = Record {
            id: RecordId(n),
            producer: ProducerId(0),
            seq: n,
            key: key.map(Arc::from),
            value: None,
            tombstone: false,
            value_bytes: 4,
            timestamp_ms,
            sequence: None,
        };
        let size = record.size_in_batch(0, 0);
        (record, size)
    }

    /// Bytes of one singleton batch on disk (header + record).
    fn singleton_bytes() -> u64 {
        u64::from(BATCH_HEADER_BYTES + record_size_bytes(0, 0, None, Some(4)))
    }

    fn log_with(config: LogConfig) -> ReplicaLog {
        ReplicaLog::new(config, 0)
    }

    fn append_singletons(log: &mut ReplicaLog, count: u64, timestamp_ms: u64, key: Option<&str>) {
        for _ in 0..count {
            let n = log.log_end_offset();
            let (r, size) = singleton(n, timestamp_ms, key);
            log.append(&[r], 0, BatchId(n), timestamp_ms, &[size]);
        }
    }

    fn config(segment_records: u64) -> LogConfig {
        LogConfig {
            segment_bytes: singleton_bytes() * segment_records,
            ..LogConfig::default()
        }
    }

    /// UnifiedLogTest.shouldDeleteSizeBasedSegments: 15 one-record appends,
    /// 5 records a segment, retention.bytes of 10 records: 2 segments stay.
    #[test]
    fn size_retention_of_ten_records_leaves_two_segments() {
        let mut log = log_with(LogConfig {
            retention_bytes: Some(singleton_bytes() * 10),
            ..config(5)
        });
        append_singletons(&mut log, 15, 0, None);
        assert_eq!(log.segments().len(), 3);
        log.advance_high_watermark(log.log_end_offset());
        let deleted = log.delete_old_segments(0);
        assert_eq!(deleted.len(), 1, "at least one segment is deleted");
        assert_eq!(deleted[0].reason, DeletionReason::RetentionBytes);
        assert_eq!(deleted[0].segments, 1);
        assert_eq!(log.segments().len(), 2, "should have 2 segments");
        assert_eq!(log.log_start_offset(), 5);
        assert_eq!(log.entries().len(), 10, "the deleted records are freed");
        assert_eq!(log.size_bytes(), singleton_bytes() * 10);
    }

    /// UnifiedLogTest.shouldNotDeleteSizeBasedSegmentsWhenUnderRetentionSize:
    /// retention.bytes of 15 records: nothing goes, 3 segments stay.
    #[test]
    fn size_retention_of_fifteen_records_leaves_three_segments() {
        let mut log = log_with(LogConfig {
            retention_bytes: Some(singleton_bytes() * 15),
            ..config(5)
        });
        append_singletons(&mut log, 15, 0, None);
        log.advance_high_watermark(log.log_end_offset());
        assert!(log.delete_old_segments(0).is_empty());
        assert_eq!(log.segments().len(), 3, "should have 3 segments");
        assert_eq!(log.log_start_offset(), 0);
    }

    /// UnifiedLogTest.shouldDeleteTimeBasedSegmentsReadyToBeDeleted: one
    /// segment of 15 old records (timestamp 10), retention.ms 10000: the
    /// whole log expires, an empty active segment is rolled first and is
    /// the one segment left.
    #[test]
    fn a_wholly_expired_log_rolls_an_empty_active_segment_first() {
        let mut log = log_with(LogConfig {
            retention_ms: Some(10_000),
            ..config(15)
        });
        append_singletons(&mut log, 15, 10, None);
        assert_eq!(log.segments().len(), 1);
        log.advance_high_watermark(log.log_end_offset());
        let now = 1_000_000;
        let deleted = log.delete_old_segments(now);
        assert_eq!(deleted.len(), 1);
        assert_eq!(deleted[0].reason, DeletionReason::RetentionMs);
        assert!(deleted[0].rolled);
        assert_eq!(
            log.segments().len(),
            1,
            "There should be 1 segment remaining"
        );
        assert_eq!(log.active_segment().base_offset, 15);
        assert_eq!(log.active_segment().records, 0);
        assert_eq!(log.log_start_offset(), 15);
        assert_eq!(log.log_end_offset(), 15, "offsets are never reused");
        assert_eq!(log.take_rolls(), vec![(15, RollReason::Retention)]);
        assert_eq!(log.entries().len(), 0);
        assert_eq!(log.size_bytes(), 0);
    }

    /// UnifiedLogTest.shouldNotDeleteTimeBasedSegmentsWhenNoneReadyToBeDeleted.
    #[test]
    fn young_segments_stay() {
        let now = 5_000_000;
        let mut log = log_with(LogConfig {
            retention_ms: Some(10_000_000),
            ..config(5)
        });
        append_singletons(&mut log, 15, now, None);
        log.advance_high_watermark(log.log_end_offset());
        assert!(log.delete_old_segments(now).is_empty());
        assert_eq!(
            log.segments().len(),
            3,
            "There should be 3 segments remaining"
        );
    }

    /// UnifiedLogTest.shouldNotDeleteSegmentsWhenPolicyDoesNotIncludeDelete.
    #[test]
    fn compact_alone_never_deletes_by_retention() {
        let mut log = log_with(LogConfig {
            retention_ms: Some(10_000),
            cleanup_policy: CleanupPolicy::Compact,
            ..config(5)
        });
        append_singletons(&mut log, 15, 10, Some("test"));
        let segments = log.segments().len();
        log.advance_high_watermark(log.log_end_offset());
        assert!(log.delete_old_segments(1_000_000).is_empty());
        assert_eq!(log.segments().len(), segments);
    }

    /// UnifiedLogTest.shouldDeleteSegmentsReadyToBeDeletedWhenCleanupPolicyIsCompactAndDelete:
    /// retention.bytes of 10 records deletes one segment, then the default
    /// retention.ms (7 days) finds the rest expired (timestamp 10): 1 left.
    #[test]
    fn compact_delete_applies_retention() {
        let mut log = log_with(LogConfig {
            retention_bytes: Some(singleton_bytes() * 10),
            cleanup_policy: CleanupPolicy::CompactDelete,
            ..config(5)
        });
        append_singletons(&mut log, 15, 10, None);
        log.advance_high_watermark(log.log_end_offset());
        let now = 10 + 604_800_000 + 1;
        let deleted = log.delete_old_segments(now);
        let reasons: Vec<DeletionReason> = deleted.iter().map(|d| d.reason).collect();
        assert_eq!(
            reasons,
            vec![DeletionReason::RetentionBytes, DeletionReason::RetentionMs]
        );
        assert_eq!(
            log.segments().len(),
            1,
            "There should be 1 segment remaining"
        );
    }

    /// UnifiedLogTest.testDeleteOldSegments: 100 expired records, 5 a
    /// segment. Without a HW nothing goes; with the HW at 25..=30 only
    /// segments the HW has passed go; with the HW at the end everything
    /// goes and the epoch cache keeps the latest epoch at the LEO.
    #[test]
    fn retention_never_passes_the_high_watermark() {
        let mut log = log_with(LogConfig {
            retention_ms: Some(999),
            ..config(5)
        });
        for n in 0..100u64 {
            let (r, size) = singleton(n, 0, None);
            let epoch = if n < 90 { 0 } else { 1 };
            log.append(&[r], epoch, BatchId(n), 0, &[size]);
        }
        let now = 1_000;
        let segments = log.segments().len();
        assert_eq!(segments, 20);
        assert!(log.delete_old_segments(now).is_empty());
        assert_eq!(log.segments().len(), segments);
        assert_eq!(log.log_start_offset(), 0);
        for hw in 25..=30 {
            log.advance_high_watermark(hw);
            log.delete_old_segments(now);
            assert!(log.log_start_offset() <= hw);
            let bases: Vec<u64> = log.segments().map(|s| s.base_offset).collect();
            for (i, base) in bases.iter().enumerate() {
                let last = bases.get(i + 1).map_or(log.log_end_offset(), |b| *b) - 1;
                assert!(last >= hw, "segment at {base} ends at {last} < HW {hw}");
            }
        }
        log.advance_high_watermark(log.log_end_offset());
        assert!(!log.delete_old_segments(now).is_empty());
        assert_eq!(
            log.segments().len(),
            1,
            "The deleted segments should be gone."
        );
        assert_eq!(
            log.epoch_starts(),
            &[(1, 100)],
            "the latest epoch at the LEO"
        );
    }

    /// A follower whose log start moved (its leader's did) deletes the
    /// segments wholly below it, whatever cleanup.policy says.
    #[test]
    fn segments_below_the_log_start_offset_go() {
        let mut log = log_with(LogConfig {
            cleanup_policy: CleanupPolicy::Compact,
            ..config(5)
        });
        append_singletons(&mut log, 15, 0, None);
        log.advance_high_watermark(15);
        assert!(log.maybe_increment_log_start_offset(7));
        assert!(!log.maybe_increment_log_start_offset(6), "never backwards");
        assert!(log.read(0, 15, 100).iter().all(|e| e.offset >= 7));
        let deleted = log.delete_old_segments(0);
        assert_eq!(deleted[0].reason, DeletionReason::LogStartOffset);
        assert_eq!(deleted[0].segments, 1, "the segment holding 7 stays");
        assert_eq!(log.segments().next().unwrap().base_offset, 5);
        assert_eq!(log.log_start_offset(), 7);
    }

    #[test]
    fn segment_ms_rolls_on_the_first_batch_after_it() {
        let mut log = log_with(LogConfig {
            segment_ms: 250,
            ..LogConfig::default()
        });
        for (i, ts) in [0u64, 100, 250, 251, 300].iter().enumerate() {
            let (r, size) = singleton(i as u64, *ts, None);
            log.append(&[r], 0, BatchId(i as u64), *ts, &[size]);
        }
        // 251 - 0 > 250: the fourth record starts a new segment.
        let bases: Vec<u64> = log.segments().map(|s| s.base_offset).collect();
        assert_eq!(bases, vec![0, 3]);
        assert_eq!(log.take_rolls(), vec![(3, RollReason::SegmentMs)]);
        let first = log.segments().next().unwrap();
        assert_eq!(
            (
                first.records,
                first.max_timestamp_ms,
                first.last_timestamp_ms
            ),
            (3, Some(250), Some(250))
        );
    }

    #[test]
    fn a_batch_that_would_pass_segment_bytes_starts_a_segment() {
        let mut log = log_with(config(2));
        let records: Vec<Record> = (0..3).map(|n| singleton(n, 0, None).0).collect();
        let sizes: Vec<u32> = records
            .iter()
            .enumerate()
            .map(|(i, r)| r.size_in_batch(i as u32, 0))
            .collect();
        // One batch of three never splits, even when larger than a segment.
        log.append(&records, 0, BatchId(0), 0, &sizes);
        assert_eq!(log.segments().len(), 1);
        append_singletons(&mut log, 1, 0, None);
        assert_eq!(log.segments().len(), 2);
        assert_eq!(log.take_rolls(), vec![(3, RollReason::SegmentBytes)]);
    }

    /// Truncation keeps segments consistent: those past the new end go.
    #[test]
    fn truncation_drops_segments_past_the_new_end() {
        let mut log = log_with(config(5));
        append_singletons(&mut log, 12, 0, None);
        assert_eq!(log.segments().len(), 3);
        log.truncate_to(7);
        let bases: Vec<u64> = log.segments().map(|s| s.base_offset).collect();
        assert_eq!(bases, vec![0, 5]);
        assert_eq!(log.active_segment().records, 2);
        assert_eq!(log.size_bytes(), 7 * singleton_bytes());
        log.truncate_to(0);
        assert_eq!(log.segments().len(), 1);
        assert_eq!(log.size_bytes(), 0);
        append_singletons(&mut log, 1, 0, None);
        assert_eq!(log.log_end_offset(), 1);
    }

    #[test]
    fn a_follower_below_its_leaders_log_start_starts_again_there() {
        let mut log = log_with(config(5));
        append_singletons(&mut log, 4, 0, None);
        log.advance_high_watermark(3);
        assert_eq!(log.truncate_fully_and_start_at(20, 9), 4);
        assert_eq!(
            (
                log.log_start_offset(),
                log.high_watermark(),
                log.log_end_offset()
            ),
            (20, 20, 20)
        );
        assert!(log.epoch_starts().is_empty());
        assert_eq!(log.active_segment().base_offset, 20);
    }

    // ----- compaction --------------------------------------------------------

    fn keyed(n: u64, key: &str, tombstone: bool) -> (Record, u32) {
        let record = Record {
            id: RecordId(n),
            producer: ProducerId(0),
            seq: n,
            key: Some(Arc::from(key)),
            value: None,
            tombstone,
            value_bytes: if tombstone { 0 } else { 4 },
            timestamp_ms: 0,
            sequence: None,
        };
        let size = record.size_in_batch(0, 0);
        (record, size)
    }

    /// Bytes of one batch holding one record with a one-character key.
    fn keyed_bytes() -> u64 {
        u64::from(BATCH_HEADER_BYTES + keyed(0, "a", false).1)
    }

    fn append_keys(log: &mut ReplicaLog, keys: &[&str]) {
        for key in keys {
            let n = log.log_end_offset();
            let (tombstone, key) = match key.strip_prefix('-') {
                Some(k) => (true, k),
                None => (false, *key),
            };
            let (r, size) = keyed(n, key, tombstone);
            log.append(&[r], 0, BatchId(n), 0, &[size]);
        }
    }

    fn offsets(log: &ReplicaLog) -> Vec<u64> {
        log.entries().map(|e| e.offset).collect()
    }

    #[test]
    fn compaction_keeps_the_latest_value_per_key_and_leaves_gaps() {
        let mut log = log_with(LogConfig {
            cleanup_policy: CleanupPolicy::Compact,
            segment_bytes: 4 * keyed_bytes(),
            ..LogConfig::default()
        });
        // Four records a segment; "-c" is a tombstone for key c.
        append_keys(
            &mut log,
            &["a", "b", "a", "c", "a", "b", "-c", "d", "a", "e"],
        );
        let bases: Vec<u64> = log.segments().map(|s| s.base_offset).collect();
        assert_eq!(bases, vec![0, 4, 8], "active segment holds 8 and 9");
        assert!(log.clean(0).is_none(), "nothing below the HW yet");
        log.advance_high_watermark(10);
        let c = log.clean(100).expect("all dirty: ratio 1.0");
        assert_eq!(c.end_offset, 8);
        assert_eq!(c.superseded, 4, "a@0, b@1, a@2, c@3 have later values");
        assert_eq!(c.dirty_ratio, 1.0);
        // Offsets never change; the active segment (8, 9) is not compacted,
        // so a@4 stays although a@8 is newer.
        assert_eq!(offsets(&log), vec![4, 5, 6, 7, 8, 9]);
        assert_eq!(
            log.get(6).unwrap().delete_horizon_ms,
            Some(100 + 86_400_000)
        );
        assert!(log.get(2).is_none(), "a gap");
        assert_eq!(log.read(0, 10, 10)[0].offset, 4, "reads skip the gaps");
        assert_eq!(
            log.log_start_offset(),
            0,
            "compaction never moves the log start"
        );
        assert_eq!(log.cleaner_checkpoint(), 8);
        // Kafka groups segments by their size before cleaning: both were
        // full, so none merged; the first is now empty.
        let segments: Vec<(u64, u64)> =
            log.segments().map(|s| (s.base_offset, s.records)).collect();
        assert_eq!(segments, vec![(0, 0), (4, 4), (8, 2)]);
        assert_eq!(
            log.size_bytes(),
            log.segments().map(|s| s.size_bytes).sum::<u64>()
        );
        assert!(log.clean(200).is_none(), "nothing dirty, no tombstone due");
        // Six more records; the next cleaning removes a@4 (a@8 is now in the
        // dirty part) and merges the empty segment with the next one.
        append_keys(&mut log, &["f", "g", "h", "i", "j", "k"]);
        log.advance_high_watermark(16);
        let c = log.clean(300).expect("dirty enough");
        assert_eq!(c.superseded, 1);
        assert_eq!(c.segments_before, 3);
        assert_eq!(c.segments_after, 2);
        let bases: Vec<u64> = log.segments().map(|s| s.base_offset).collect();
        assert_eq!(bases, vec![0, 8, 12]);
        assert_eq!(
            log.segments().next().unwrap().records,
            3,
            "b@5, the tombstone c@6, d@7"
        );
    }

    #[test]
    fn tombstones_go_after_delete_retention_ms() {
        let mut log = log_with(LogConfig {
            cleanup_policy: CleanupPolicy::Compact,
            segment_bytes: 2 * keyed_bytes(),
            delete_retention_ms: 1_000,
            ..LogConfig::default()
        });
        append_keys(&mut log, &["a", "-a", "b", "c", "d"]);
        log.advance_high_watermark(5);
        let first = log.clean(0).unwrap();
        assert_eq!(first.superseded, 1);
        assert_eq!(
            offsets(&log),
            vec![1, 2, 3, 4],
            "the tombstone stays for now"
        );
        assert!(log.clean(999).is_none(), "its horizon is at 1000");
        let second = log.clean(1_000).unwrap();
        assert_eq!(second.tombstones_removed, 1);
        assert_eq!(offsets(&log), vec![2, 3, 4]);
    }

    #[test]
    fn a_clean_log_waits_for_min_cleanable_dirty_ratio() {
        let mut log = log_with(LogConfig {
            cleanup_policy: CleanupPolicy::Compact,
            segment_bytes: 2 * keyed_bytes(),
            ..LogConfig::default()
        });
        append_keys(&mut log, &["a", "b", "c", "d", "e", "f", "g"]);
        log.advance_high_watermark(7);
        assert!(log.clean(0).is_some());
        // One more full segment: dirty 1 of 4 segments' bytes, below 0.5.
        append_keys(&mut log, &["a", "b"]);
        log.advance_high_watermark(9);
        assert!(log.clean(0).is_none());
        append_keys(&mut log, &["a", "b", "c", "d", "e", "f"]);
        log.advance_high_watermark(15);
        let c = log.clean(0).expect("dirty enough now");
        assert!(c.dirty_ratio >= 0.5, "{}", c.dirty_ratio);
    }

    #[test]
    fn followers_copy_across_gaps() {
        let mut leader = log_with(LogConfig {
            cleanup_policy: CleanupPolicy::Compact,
            segment_bytes: 2 * keyed_bytes(),
            ..LogConfig::default()
        });
        append_keys(&mut leader, &["a", "a", "a", "a", "b"]);
        leader.advance_high_watermark(5);
        leader.clean(0).unwrap();
        assert_eq!(offsets(&leader), vec![3, 4]);
        let mut follower = ReplicaLog::default();
        let copies = leader.read(0, 5, 100);
        assert_eq!(follower.append_copies(&copies, 7), 2);
        assert_eq!(follower.log_end_offset(), 5);
        assert_eq!(offsets(&follower), vec![3, 4]);
    }
}
