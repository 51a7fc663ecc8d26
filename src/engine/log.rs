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
            self.entries.push_back(LogEntry {
                offset: base + i as u64,
                leader_epoch,
                batch,
                appended_at_ms: now_ms,
                size_bytes,
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
            self.size_bytes += u64::from(copy.size_bytes);
            self.entries.push_back(copy);
            self.log_end_offset += 1;
            added += 1;
        }
        added
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
}
