//! Folding the oldest records a log holds in full into counted runs (what
//! may be folded is the simulation's decision; how is the log's).

use std::collections::VecDeque;

use super::cold_run::ColdRun;
use super::entry::LogEntry;
use super::replica_log::ReplicaLog;
use super::segment::{segment_base_of, Segment};

/// Folds `e`, the next entry of the log after every run of `cold`, into
/// the runs (a new run at `cut` offsets).
pub(super) fn fold_entry(
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
    pub(super) fn merge_cold_runs(&mut self, floor: u64) {
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
    pub(super) fn fold_all(&mut self) {
        for e in self.hot.iter() {
            fold_entry(&mut self.cold, &self.segments, e, &[]);
        }
        let n = self.hot.len();
        self.hot.drop_front(n);
    }
}
