//! One replica's copy of a partition log: entries with offsets, the log end
//! offset (LEO), the high watermark (HW) and the log start offset.

use std::collections::VecDeque;

use super::ids::BatchId;
use super::record::Record;

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
    /// The record itself.
    pub record: Record,
}

/// A replica's log.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReplicaLog {
    entries: VecDeque<LogEntry>,
    log_start_offset: u64,
    log_end_offset: u64,
    high_watermark: u64,
    size_bytes: u64,
    /// Leader epoch cache: each epoch seen and the first offset written in it.
    epoch_starts: Vec<(u32, u64)>,
}

impl ReplicaLog {
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

    /// Bytes of the records held.
    #[must_use]
    pub fn size_bytes(&self) -> u64 {
        self.size_bytes
    }

    /// Every entry held, oldest first.
    pub fn entries(&self) -> impl DoubleEndedIterator<Item = &LogEntry> + ExactSizeIterator {
        self.entries.iter()
    }

    /// The entry at `offset`, if held.
    #[must_use]
    pub fn get(&self, offset: u64) -> Option<&LogEntry> {
        let i = self.entries.partition_point(|e| e.offset < offset);
        self.entries.get(i).filter(|e| e.offset == offset)
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
        for (i, record) in records.iter().enumerate() {
            let size_bytes = sizes.get(i).copied().unwrap_or(0);
            self.note_epoch(leader_epoch, base + i as u64);
            self.entries.push_back(LogEntry {
                offset: base + i as u64,
                leader_epoch,
                batch,
                appended_at_ms: now_ms,
                size_bytes,
                acknowledged: false,
                record: record.clone(),
            });
            self.size_bytes += u64::from(size_bytes);
        }
        self.log_end_offset = base + records.len() as u64;
        (base, self.log_end_offset.saturating_sub(1))
    }

    /// A follower appends copies fetched from its leader, keeping their
    /// offsets and epochs. Entries not starting at this log's LEO are ignored
    /// (a follower only ever appends at its end). Returns how many were added.
    pub fn append_copies(&mut self, entries: &[LogEntry], now_ms: u64) -> usize {
        let mut added = 0;
        for e in entries {
            if e.offset != self.log_end_offset {
                continue;
            }
            let mut copy = e.clone();
            copy.appended_at_ms = now_ms;
            copy.acknowledged = false;
            self.note_epoch(copy.leader_epoch, copy.offset);
            self.size_bytes += u64::from(copy.size_bytes);
            self.entries.push_back(copy);
            self.log_end_offset += 1;
            added += 1;
        }
        added
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

    /// Removes every entry at or above `offset` (a follower discarding what
    /// its leader does not have); the LEO and HW follow. Returns the entries
    /// removed, oldest first.
    pub fn truncate_to(&mut self, offset: u64) -> Vec<LogEntry> {
        if offset >= self.log_end_offset {
            return Vec::new();
        }
        let keep = self.entries.partition_point(|e| e.offset < offset);
        let removed: Vec<LogEntry> = self.entries.drain(keep..).collect();
        for e in &removed {
            self.size_bytes -= u64::from(e.size_bytes);
        }
        self.log_end_offset = offset.max(self.log_start_offset);
        self.high_watermark = self.high_watermark.min(self.log_end_offset);
        self.epoch_starts
            .retain(|(_, start)| *start < self.log_end_offset);
        removed
    }

    /// Marks entries `first..=last` as acknowledged to their producer.
    pub fn mark_acknowledged(&mut self, first: u64, last: u64) {
        let i = self.entries.partition_point(|e| e.offset < first);
        for e in self
            .entries
            .iter_mut()
            .skip(i)
            .take_while(|e| e.offset <= last)
        {
            e.acknowledged = true;
        }
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

    /// Up to `max` entries from `from`, stopping before `upto`.
    #[must_use]
    pub fn read(&self, from: u64, upto: u64, max: usize) -> Vec<LogEntry> {
        let i = self.entries.partition_point(|e| e.offset < from);
        self.entries
            .iter()
            .skip(i)
            .take_while(|e| e.offset < upto)
            .take(max)
            .cloned()
            .collect()
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
        assert_eq!(log.size_bytes(), 48);
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
        assert_eq!(log.size_bytes(), 20);
    }
}
