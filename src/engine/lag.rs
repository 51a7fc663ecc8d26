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

pub use super::kafka::burrow::{burrow_partition_status, CommitSample, LagHistory, LagSample};

pub use super::vocab::states::BurrowStatus;

use super::ids::GroupIdx;
use super::limits::BURROW_WINDOW;
use super::sim::Sim;

/// How often the lag history is sampled, simulated ms.
pub const LAG_SAMPLE_MS: u64 = 1_000;

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
                (p, burrow_partition_status(&window, lag, self.rt.now_ms))
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
        let now = self.rt.now_ms;
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
        let now = self.rt.now_ms;
        for i in 0..self.groups.len() {
            let total = self.group_lag(GroupIdx(i as u32));
            self.groups[i]
                .lag_history
                .push(LagSample { at_ms: now, total });
        }
    }
}
