//! The records window of a replica's log: its newest records, each with its
//! offset, key and whether it is committed or acknowledged, and the records
//! a leader change lost at offsets in the window.

use std::sync::Arc;

use crate::engine::sim::Sim;
use crate::engine::vocab::errors::LossReason;
use crate::engine::vocab::ids::{BrokerId, RecordId, TopicPartition};

/// How many cells [`crate::engine::Sim::views`] puts in each window.
pub const DEFAULT_WINDOW_CELLS: usize = 16;

/// The most cells a window holds, whatever is asked.
pub const MAX_WINDOW_CELLS: usize = 512;

/// Where a record in a replica's log stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum CellState {
    /// At or above the partition's high watermark and not acknowledged:
    /// consumers cannot read it yet, and a leader change may remove it.
    Uncommitted,
    /// Acknowledged to the producer (`acks=1`, or the leader answered) but
    /// still above the high watermark: a leader change can lose it although
    /// the producer was told it was written.
    AckedUncommitted,
    /// Below the partition's high watermark: on every in-sync replica,
    /// readable, and kept through a clean leader change.
    Committed,
}

/// One record of a replica's log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordCell {
    /// Its offset in the partition.
    pub offset: u64,
    /// The record's id (the same on every replica's copy).
    pub record: RecordId,
    /// Its key (`None`: a null key).
    pub key: Option<Arc<str>>,
    /// It is a tombstone (a null value, for compaction).
    pub tombstone: bool,
    /// The leader epoch of the batch that wrote it.
    pub leader_epoch: u32,
    /// Committed, acknowledged but uncommitted, or uncommitted.
    pub state: CellState,
}

/// A record a leader change (or an unclean election) lost, at an offset in
/// the window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LostMark {
    /// The offset it had on the old leader.
    pub offset: u64,
    /// The record's id.
    pub record: RecordId,
    /// Its key.
    pub key: Option<Arc<str>>,
    /// The producer had been told it was written.
    pub acknowledged: bool,
    /// Why it was lost.
    pub reason: LossReason,
    /// When, simulated ms.
    pub at_ms: u64,
}

/// The newest records of one replica's log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordWindow {
    /// The partition.
    pub tp: TopicPartition,
    /// The broker holding this replica.
    pub broker: BrokerId,
    /// The first offset the window shows (the oldest cell's, or the log end
    /// offset when the window is empty).
    pub first_offset: u64,
    /// The newest records, oldest first, offsets ascending (compaction and
    /// records held only as counts leave gaps).
    pub cells: Vec<RecordCell>,
    /// Records lost at offsets from `first_offset` on, oldest first.
    pub lost: Vec<LostMark>,
}

impl Sim {
    /// The newest `cells` records (at most [`MAX_WINDOW_CELLS`]) of the
    /// replica of `tp` on `broker`, or `None` if it holds no replica of it.
    #[must_use]
    pub fn record_window(
        &self,
        tp: TopicPartition,
        broker: BrokerId,
        cells: usize,
    ) -> Option<RecordWindow> {
        let part = self.partition_state(tp)?;
        let log = part.log_on(broker)?;
        // Committed means below the partition's (the leader's) HW; a
        // follower's own HW may trail it.
        let hw = part
            .leader_log()
            .map_or(log.high_watermark(), |l| l.high_watermark());
        let n = cells.min(MAX_WINDOW_CELLS);
        let mut cells: Vec<RecordCell> = log
            .entries()
            .rev()
            .take(n)
            .map(|e| RecordCell {
                offset: e.offset,
                record: e.record.id,
                key: e.record.key.clone(),
                tombstone: e.record.tombstone,
                leader_epoch: e.leader_epoch,
                state: if e.offset < hw {
                    CellState::Committed
                } else if e.acknowledged {
                    CellState::AckedUncommitted
                } else {
                    CellState::Uncommitted
                },
            })
            .collect();
        cells.reverse();
        let first_offset = cells.first().map_or(log.log_end_offset(), |c| c.offset);
        let mut lost: Vec<LostMark> = self
            .lost_records()
            .rev()
            .filter(|l| l.tp == tp && l.offset >= first_offset)
            .take(n)
            .map(|l| LostMark {
                offset: l.offset,
                record: l.record.id,
                key: l.record.key.clone(),
                acknowledged: l.acknowledged,
                reason: l.reason,
                at_ms: l.at_ms,
            })
            .collect();
        lost.reverse();
        Some(RecordWindow {
            tp,
            broker,
            first_offset,
            cells,
            lost,
        })
    }
}
