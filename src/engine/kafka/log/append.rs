//! Appends to a replica's log: a leader's batches, a follower's copies
//! (records in full and counted runs), and the segment rolls they cause.

use std::sync::Arc;

use super::cold_run::{ColdRun, LogSlice};
use super::entry::LogEntry;
use super::replica_log::ReplicaLog;
use super::segment::Segment;
use crate::engine::kafka::record::{Record, BATCH_HEADER_BYTES};
use crate::engine::vocab::ids::BatchId;
use crate::engine::vocab::reasons::RollReason;

impl ReplicaLog {
    /// Takes the segments rolled since the last call: (base offset, why).
    pub fn take_rolls(&mut self) -> Vec<(u64, RollReason)> {
        std::mem::take(&mut self.rolls)
    }

    pub(super) fn roll(&mut self, now_ms: u64, reason: RollReason) {
        self.segments
            .push_back(Segment::new(self.log_end_offset, now_ms));
        self.rolls.push((self.log_end_offset, reason));
    }

    /// Kafka's `LogSegment.shouldRoll` for a batch of `bytes` whose largest
    /// timestamp is `max_timestamp_ms`: never for an empty segment.
    pub(super) fn maybe_roll(&mut self, bytes: u64, max_timestamp_ms: u64, now_ms: u64) {
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
    pub(super) fn push_batch(&mut self, batch: Vec<LogEntry>, now_ms: u64) {
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
    pub(super) fn push_run(&mut self, piece: &ColdRun, now_ms: u64) -> usize {
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

    pub(super) fn push_cold(&mut self, run: ColdRun) {
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
}
