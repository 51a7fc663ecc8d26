//! A group's lag: per partition (the leader's HW − the committed offset),
//! in total, its history (sampled every [`LAG_SAMPLE_MS`]) and Burrow's
//! status from each partition's last commits (the arithmetic is in
//! `kafka/burrow.rs`).

use super::state::{Group, Groups};
use crate::engine::context::ctx::Ctx;
use crate::engine::context::metadata::Metadata;
use crate::engine::kafka::burrow::{burrow_partition_status, CommitSample, LagSample};
use crate::engine::vocab::ids::TopicPartition;
use crate::engine::vocab::limits::BURROW_WINDOW;
use crate::engine::vocab::states::BurrowStatus;

/// How often the lag history is sampled, simulated ms.
pub const LAG_SAMPLE_MS: u64 = 1_000;

impl Group {
    /// Lag on one partition: leader HW − committed offset, or `None` while
    /// the group has committed nothing there (Kafka shows `-`) or the
    /// partition has no leader.
    #[must_use]
    pub(crate) fn lag(&self, meta: &impl Metadata, partition: u32) -> Option<u64> {
        let committed = *self.committed.get(&partition)?;
        let tp = TopicPartition {
            topic: self.topic,
            partition,
        };
        let hw = meta.leader_log(tp)?.high_watermark();
        Some(hw.saturating_sub(committed))
    }

    /// Total lag over the partitions the group has committed.
    #[must_use]
    pub(crate) fn total_lag(&self, meta: &impl Metadata) -> u64 {
        self.committed
            .keys()
            .filter_map(|&p| self.lag(meta, p))
            .sum()
    }

    /// Burrow's status of each partition the group has committed, and the
    /// group's (its worst partition's), at `now_ms`.
    #[must_use]
    pub(crate) fn burrow_status(
        &self,
        meta: &impl Metadata,
        now_ms: u64,
    ) -> (BurrowStatus, Vec<(u32, BurrowStatus)>) {
        let parts: Vec<(u32, BurrowStatus)> = self
            .commit_windows
            .iter()
            .map(|(&p, window)| {
                let window: Vec<CommitSample> = window.iter().copied().collect();
                let lag = self.lag(meta, p).unwrap_or(0);
                (p, burrow_partition_status(&window, lag, now_ms))
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
    pub(super) fn record_commit_sample(
        &mut self,
        ctx: &mut Ctx,
        meta: &impl Metadata,
        partition: u32,
        offset: u64,
    ) {
        let tp = TopicPartition {
            topic: self.topic,
            partition,
        };
        let lag = meta
            .leader_log(tp)
            .map_or(0, |l| l.high_watermark().saturating_sub(offset));
        let now = ctx.now();
        let window = self.commit_windows.entry(partition).or_default();
        if window.len() == BURROW_WINDOW {
            window.pop_front();
        }
        window.push_back(CommitSample {
            at_ms: now,
            offset,
            lag,
        });
    }
}

impl Groups {
    /// Samples every group's total lag into its history.
    pub(super) fn sample_lag(&mut self, ctx: &mut Ctx, meta: &impl Metadata) {
        let now = ctx.now();
        for g in &mut self.list {
            let total = g.total_lag(meta);
            g.lag_history.push(LagSample { at_ms: now, total });
        }
    }
}
