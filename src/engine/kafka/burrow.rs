//! Lag arithmetic: a group's lag history (a bounded ring of samples) and
//! Burrow's status per partition from a sliding window of its last
//! [`BURROW_WINDOW`] commits.
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

use crate::engine::vocab::limits::LAG_HISTORY_SAMPLES;
use crate::engine::vocab::states::BurrowStatus;

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
