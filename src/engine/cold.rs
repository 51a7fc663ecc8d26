//! When records become counts: the simulation keeps the newest records of
//! every replica's log in full and folds older ones into counted runs (see
//! [`super::log_store`]), so memory follows what can be shown, not history.
//!
//! What can reach a record in full: the picture (at most 16 newest offsets
//! per log row, `layout::MAX_CELLS`), the inspector
//! (a record picked in the picture, while it is among the newest of its
//! partition) and a record's story (replayed from the checkpoint before the
//! record was created, so it meets the record while it is new). Everything
//! else reads offsets, counts, bytes and timestamps, which runs keep.
//!
//! A record is folded only when all of this holds: more than
//! [`Sim::hot_entries_per_log`] newer entries are held in full; it is below
//! its log's high watermark (acknowledgements and the usual truncations
//! only touch records above it); every replica of its partition has it
//! below its HW, or [`Sim::lagging_entries_per_log`] more are held (a
//! replica that comes back copies what it missed in full, exactly); no
//! producer may still send its batch again (the engine's count of
//! duplicates compares batch ids); and its topic is not compacted (the
//! cleaner needs every key).

use std::collections::BTreeSet;

use super::context::metadata::ProducerBatches;
use super::ids::{BatchId, BrokerId, TopicPartition};
use super::sim::Sim;

/// Records held in full across all replica logs of a cluster, shared out
/// evenly between its logs (see [`Sim::hot_entries_per_log`]). About 2 MB
/// of entries for any cluster size; a timeline checkpoint shares most of
/// them with the live simulation and the checkpoint before it.
pub const HOT_RECORDS_BUDGET: usize = 16_384;

/// Records held in full across all replica logs, beyond their windows,
/// because a replica of their partition has not copied them yet (its HW is
/// below them: a broker that is down, or a follower far behind), shared out
/// evenly between the logs. Past this share a log folds them anyway, and a
/// replica that comes back copies counted runs (with estimated bytes until
/// it has a run whole). Entries kept for a broker that is down change
/// little between checkpoints, so checkpoints share them.
pub const LAGGING_RECORDS_BUDGET: usize = 262_144;

/// Fewest records a log holds in full, whatever the budget says: four times
/// the most record cells a log row shows (16, `layout::MAX_CELLS`), so
/// the picture, the inspector and a story find the newest records.
pub const MIN_HOT_ENTRIES_PER_LOG: usize = 64;

impl Sim {
    /// How many of its newest records each replica log holds in full:
    /// [`HOT_RECORDS_BUDGET`] shared by the cluster's replica logs, at least
    /// [`MIN_HOT_ENTRIES_PER_LOG`] (the stress scene's 72 logs hold 227
    /// each; the default scene's 9 hold 1,820).
    #[must_use]
    pub fn hot_entries_per_log(&self) -> usize {
        if let Some(n) = self.hot_window_override {
            return n;
        }
        (HOT_RECORDS_BUDGET / self.replica_log_count().max(1)).max(MIN_HOT_ENTRIES_PER_LOG)
    }

    /// How many records each replica log holds in full beyond its window
    /// for a replica that has not copied them ([`LAGGING_RECORDS_BUDGET`]
    /// shared by the cluster's replica logs).
    #[must_use]
    pub fn lagging_entries_per_log(&self) -> usize {
        if let Some(n) = self.lagging_window_override {
            return n;
        }
        LAGGING_RECORDS_BUDGET / self.replica_log_count().max(1)
    }

    fn replica_log_count(&self) -> usize {
        self.topics
            .iter()
            .flat_map(|t| t.partitions.iter())
            .map(|p| p.logs.len())
            .sum()
    }

    /// Sets how many records each log holds in full beyond its window for
    /// replicas behind (`None`: the budget's share). For tests.
    #[doc(hidden)]
    pub fn set_lagging_entries_per_log(&mut self, n: Option<usize>) {
        self.lagging_window_override = n;
    }

    /// Sets how many records each log holds in full (`None`: the budget's
    /// share). For tests that compare a tiny window with a huge one: only
    /// record identity differs (records held as counts read as
    /// [`super::ids::RecordId::UNKNOWN`]).
    #[doc(hidden)]
    pub fn set_hot_entries_per_log(&mut self, n: Option<usize>) {
        self.hot_window_override = n;
    }

    /// After an append to `broker`'s replica of `tp`: folds its oldest
    /// records into counts when it holds a quarter more than its window.
    pub(crate) fn maybe_fold(&mut self, tp: TopicPartition, broker: BrokerId) {
        let keep = self.hot_entries_per_log();
        let slack = (keep / 4).max(1);
        let Some(held) = self.partition(tp).log_on(broker).map(|l| l.entries().len()) else {
            return;
        };
        if held < keep.saturating_add(slack) {
            return;
        }
        let live = self.batches_in_play(tp);
        let floor = self
            .partition(tp)
            .logs
            .iter()
            .map(|l| l.high_watermark())
            .min()
            .unwrap_or(0);
        let lag_cap = self.lagging_entries_per_log();
        let part = self.partition(tp);
        let mut cuts: Vec<u64> = part
            .replicas
            .iter()
            .zip(&part.logs)
            .filter(|(b, _)| **b != broker)
            .flat_map(|(_, l)| [l.log_end_offset(), l.high_watermark()])
            .collect();
        cuts.sort_unstable();
        cuts.dedup();
        if let Some(log) = self.partition_mut(tp).log_on_mut(broker) {
            log.fold(keep, floor, lag_cap, &cuts, |e| !live.contains(&e.batch));
        }
    }

    /// Batches for `tp` a producer may still send (again): in its
    /// accumulator or awaiting an answer, in a produce request on the
    /// network, or waiting in the leader's purgatory.
    fn batches_in_play(&self, tp: TopicPartition) -> BTreeSet<BatchId> {
        let mut live = BTreeSet::new();
        self.producers.batches_in_play(tp, &mut live);
        self.net.produce_batches_in_flight(tp, &mut live);
        live.extend(self.partition(tp).waiting_acks.iter().map(|w| w.batch));
        live
    }
}
