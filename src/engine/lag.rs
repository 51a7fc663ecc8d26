//! Consumer lag: per partition (leader HW − committed offset), per group (the
//! sum), its history over time (a bounded ring of samples taken every
//! [`LAG_SAMPLE_MS`]), and a Burrow-style status per group from a sliding
//! window of each partition's last [`BURROW_WINDOW`] commits.
//!
//! Burrow (LinkedIn's lag monitor) evaluates each partition's window with
//! these rules, in this order (`core/internal/evaluator`):
//! 1. current lag 0: OK;
//! 2. STOP: the time since the last commit is longer than the window spans
//!    (first to last commit);
//! 3. if some commit in the window had lag 0: OK;
//! 4. REWIND: the committed offset went down somewhere in the window;
//! 5. STALL: the committed offset never changed;
//! 6. WARN: the lag never shrank from one commit to the next;
//! 7. otherwise OK.
//!
//! A group's status is its worst partition's.

use std::collections::VecDeque;

use super::ids::GroupIdx;
use super::limits::{BURROW_WINDOW, LAG_HISTORY_SAMPLES};
use super::sim::Sim;

/// How often the lag history is sampled, simulated ms.
pub const LAG_SAMPLE_MS: u64 = 1_000;

/// One commit as Burrow stores it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CommitSample {
    /// When the coordinator stored it, simulated ms.
    pub at_ms: u64,
    /// The committed offset.
    pub offset: u64,
    /// The lag at that moment: leader HW − offset.
    pub lag: u64,
}

/// A group's total lag at one moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LagSample {
    /// Simulated ms.
    pub at_ms: u64,
    /// Sum of the lag over the partitions with a committed offset.
    pub total: u64,
}

/// A bounded history of samples (the oldest drop out).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LagHistory {
    samples: VecDeque<LagSample>,
}

impl LagHistory {
    /// Adds a sample, dropping the oldest beyond [`LAG_HISTORY_SAMPLES`].
    pub fn push(&mut self, sample: LagSample) {
        if self.samples.len() == LAG_HISTORY_SAMPLES {
            self.samples.pop_front();
        }
        self.samples.push_back(sample);
    }

    /// The samples, oldest first.
    pub fn samples(&self) -> impl DoubleEndedIterator<Item = &LagSample> + ExactSizeIterator {
        self.samples.iter()
    }

    /// The largest total in the history.
    #[must_use]
    pub fn max_total(&self) -> u64 {
        self.samples.iter().map(|s| s.total).max().unwrap_or(0)
    }
}

/// Burrow's verdict on a partition or a group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum BurrowStatus {
    /// Fewer than two commits: nothing to judge yet.
    NotEnoughData,
    /// Keeping up.
    Ok,
    /// Committing, but the lag never shrinks.
    Warn,
    /// No commit for longer than the window spans.
    Stop,
    /// Committing the same offset while lag exists.
    Stall,
    /// The committed offset went backwards.
    Rewind,
}

impl BurrowStatus {
    /// The status as scenario files and the snapshot name it (Burrow's
    /// words; `NOT ENOUGH DATA` before two commits). An identifier: the
    /// reader's words are in `crate::text`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            BurrowStatus::NotEnoughData => "NOT ENOUGH DATA",
            BurrowStatus::Ok => "OK",
            BurrowStatus::Warn => "WARN",
            BurrowStatus::Stop => "STOP",
            BurrowStatus::Stall => "STALL",
            BurrowStatus::Rewind => "REWIND",
        }
    }
}

/// Burrow's rules for one partition (see the module doc). `window` holds the
/// last commits, oldest first; `current_lag` is HW − last committed offset now.
#[must_use]
pub fn burrow_partition_status(
    window: &[CommitSample],
    current_lag: u64,
    now_ms: u64,
) -> BurrowStatus {
    if window.len() < 2 {
        return BurrowStatus::NotEnoughData;
    }
    if current_lag == 0 {
        return BurrowStatus::Ok;
    }
    let first = window[0];
    let last = window[window.len() - 1];
    if now_ms.saturating_sub(last.at_ms) > last.at_ms - first.at_ms {
        return BurrowStatus::Stop;
    }
    if window.iter().any(|c| c.lag == 0) {
        return BurrowStatus::Ok;
    }
    let pairs = || window.windows(2).map(|w| (w[0], w[1]));
    if pairs().any(|(a, b)| b.offset < a.offset) {
        return BurrowStatus::Rewind;
    }
    if pairs().all(|(a, b)| b.offset == a.offset) {
        return BurrowStatus::Stall;
    }
    if pairs().all(|(a, b)| b.lag >= a.lag) {
        return BurrowStatus::Warn;
    }
    BurrowStatus::Ok
}

impl Sim {
    /// Burrow's status of each partition a group has committed, and the
    /// group's (its worst partition's).
    #[must_use]
    pub fn burrow_status(&self, group: GroupIdx) -> (BurrowStatus, Vec<(u32, BurrowStatus)>) {
        let Some(g) = self.groups.get(group.0 as usize) else {
            return (BurrowStatus::NotEnoughData, Vec::new());
        };
        let parts: Vec<(u32, BurrowStatus)> = g
            .commit_windows
            .iter()
            .map(|(&p, window)| {
                let window: Vec<CommitSample> = window.iter().copied().collect();
                let lag = self.lag(group, p).unwrap_or(0);
                (p, burrow_partition_status(&window, lag, self.now_ms))
            })
            .collect();
        let worst = parts
            .iter()
            .map(|(_, s)| *s)
            .max()
            .unwrap_or(BurrowStatus::NotEnoughData);
        (worst, parts)
    }

    /// Records a commit in the group's Burrow window for `partition`.
    pub(crate) fn record_commit_sample(&mut self, group: GroupIdx, partition: u32, offset: u64) {
        let lag = {
            let g = &self.groups[group.0 as usize];
            let tp = super::ids::TopicPartition {
                topic: g.topic,
                partition,
            };
            self.partition(tp)
                .leader_log()
                .map_or(0, |l| l.high_watermark().saturating_sub(offset))
        };
        let now = self.now_ms;
        let window = self.groups[group.0 as usize]
            .commit_windows
            .entry(partition)
            .or_default();
        if window.len() == BURROW_WINDOW {
            window.pop_front();
        }
        window.push_back(CommitSample {
            at_ms: now,
            offset,
            lag,
        });
    }

    /// Samples every group's total lag into its history.
    pub(crate) fn sample_lag(&mut self) {
        let now = self.now_ms;
        for i in 0..self.groups.len() {
            let total = self.group_lag(GroupIdx(i as u32));
            self.groups[i]
                .lag_history
                .push(LagSample { at_ms: now, total });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window(points: &[(u64, u64, u64)]) -> Vec<CommitSample> {
        points
            .iter()
            .map(|&(at_ms, offset, lag)| CommitSample { at_ms, offset, lag })
            .collect()
    }

    #[test]
    fn ok_when_some_lag_in_the_window_is_zero() {
        let w = window(&[(0, 10, 0), (1000, 12, 3), (2000, 15, 4)]);
        assert_eq!(burrow_partition_status(&w, 4, 2500), BurrowStatus::Ok);
    }

    #[test]
    fn ok_when_lag_shrinks_and_when_caught_up_now() {
        let w = window(&[(0, 10, 9), (1000, 15, 7), (2000, 20, 8)]);
        assert_eq!(burrow_partition_status(&w, 8, 2500), BurrowStatus::Ok);
        let w = window(&[(0, 10, 9), (1000, 10, 9)]);
        assert_eq!(burrow_partition_status(&w, 0, 99_000), BurrowStatus::Ok);
    }

    #[test]
    fn warn_when_offsets_advance_but_lag_never_shrinks() {
        let w = window(&[(0, 10, 5), (1000, 12, 6), (2000, 14, 6), (3000, 16, 8)]);
        assert_eq!(burrow_partition_status(&w, 8, 3500), BurrowStatus::Warn);
    }

    #[test]
    fn stall_when_the_same_offset_is_committed_while_lag_exists() {
        let w = window(&[(0, 10, 5), (1000, 10, 7), (2000, 10, 9)]);
        assert_eq!(burrow_partition_status(&w, 9, 2500), BurrowStatus::Stall);
    }

    #[test]
    fn stop_when_no_commit_for_longer_than_the_window_spans() {
        let w = window(&[(0, 10, 5), (1000, 12, 3), (2000, 14, 2)]);
        assert_eq!(burrow_partition_status(&w, 6, 4001), BurrowStatus::Stop);
        assert_eq!(burrow_partition_status(&w, 6, 4000), BurrowStatus::Ok);
    }

    #[test]
    fn rewind_when_the_committed_offset_goes_down() {
        let w = window(&[(0, 10, 5), (1000, 14, 3), (2000, 4, 15)]);
        assert_eq!(burrow_partition_status(&w, 15, 2500), BurrowStatus::Rewind);
    }

    #[test]
    fn one_commit_is_not_enough() {
        let w = window(&[(0, 10, 5)]);
        assert_eq!(
            burrow_partition_status(&w, 5, 10),
            BurrowStatus::NotEnoughData
        );
    }

    #[test]
    fn history_is_bounded() {
        let mut h = LagHistory::default();
        for i in 0..(LAG_HISTORY_SAMPLES as u64 + 50) {
            h.push(LagSample { at_ms: i, total: i });
        }
        assert_eq!(h.samples().len(), LAG_HISTORY_SAMPLES);
        assert_eq!(h.samples().next().map(|s| s.at_ms), Some(50));
    }
}
