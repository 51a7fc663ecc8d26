//! Retention on one replica's log (Kafka's `UnifiedLog.deleteOldSegments`):
//! segments wholly below the log start offset, then `retention.bytes`,
//! then `retention.ms`; whole segments, oldest first, never past the HW.

use std::sync::Arc;

use super::replica_log::ReplicaLog;
use super::segment::{Segment, SegmentDeletion, REMOVED_KEPT};
use crate::engine::vocab::reasons::{DeletionReason, RollReason};

impl ReplicaLog {
    /// How many segments from the oldest on satisfy `predicate`, stopping at
    /// the first that does not (Kafka's `deletableSegments`): a segment can
    /// only go once the HW has passed its end, and an empty active segment
    /// never goes.
    pub(super) fn deletable(
        &self,
        mut predicate: impl FnMut(&Segment, Option<&Segment>) -> bool,
    ) -> usize {
        let mut n = 0;
        for (i, segment) in self.segments.iter().enumerate() {
            let next = self.segments.get(i + 1);
            let upper = next.map_or(self.log_end_offset, |s| s.base_offset);
            let last_and_empty = next.is_none() && segment.size_bytes == 0;
            if self.high_watermark >= upper && predicate(segment, next) && !last_and_empty {
                n += 1;
            } else {
                break;
            }
        }
        n
    }

    /// Deletes the `n` oldest segments (rolling an empty active segment
    /// first when that is all of them) and frees their records; the log
    /// start offset moves to the oldest kept segment's base.
    pub(super) fn delete_segments(
        &mut self,
        n: usize,
        reason: DeletionReason,
        now_ms: u64,
    ) -> SegmentDeletion {
        let rolled = n == self.segments.len();
        if rolled {
            self.roll(now_ms, RollReason::Retention);
        }
        let gone: Vec<Segment> = self.segments.drain(..n).collect();
        let end = self.segments[0].base_offset;
        // Runs never cross a segment boundary: whole runs go.
        let runs = self.cold.partition_point(|r| r.end_offset <= end);
        let k = self.hot.count_below(end);
        let mut removed: Vec<(u64, Option<Arc<str>>)> = self
            .hot
            .iter()
            .take(k)
            .skip(k.saturating_sub(REMOVED_KEPT))
            .map(|e| (e.offset, e.record.key.clone()))
            .collect();
        for run in self.cold.range(..runs).rev() {
            if removed.len() == REMOVED_KEPT {
                break;
            }
            let take = (REMOVED_KEPT - removed.len()) as u64;
            let from = run.end_offset.saturating_sub(take).max(run.first_offset);
            let older: Vec<(u64, Option<Arc<str>>)> =
                (from..run.end_offset).map(|o| (o, None)).collect();
            removed.splice(0..0, older);
        }
        self.cold.drain(..runs);
        self.hot.drop_front(k);
        let bytes: u64 = gone.iter().map(|s| s.size_bytes).sum();
        self.size_bytes -= bytes;
        if end > self.log_start_offset {
            self.log_start_offset = end;
            self.truncate_epochs_from_start(end);
        }
        self.cleaner_checkpoint = self.cleaner_checkpoint.max(end);
        SegmentDeletion {
            reason,
            segments: n as u32,
            first_offset: gone[0].base_offset,
            end_offset: end,
            records: gone.iter().map(|s| s.records).sum(),
            bytes,
            rolled,
            removed,
        }
    }

    /// One retention pass (Kafka's `UnifiedLog.deleteOldSegments`): first
    /// segments wholly below the log start offset, then, when
    /// `cleanup.policy` includes `delete`, by `retention.bytes` and by
    /// `retention.ms`. Returns what each step deleted.
    pub fn delete_old_segments(&mut self, now_ms: u64) -> Vec<SegmentDeletion> {
        let mut out = Vec::new();
        let start = self.log_start_offset;
        let n = self.deletable(|_, next| next.is_some_and(|s| s.base_offset <= start));
        if n > 0 {
            out.push(self.delete_segments(n, DeletionReason::LogStartOffset, now_ms));
        }
        if !self.config.cleanup_policy.deletes() {
            return out;
        }
        if let Some(limit) = self.config.retention_bytes {
            if self.size_bytes >= limit {
                let mut diff = self.size_bytes - limit;
                let n = self.deletable(|segment, _| {
                    if diff >= segment.size_bytes {
                        diff -= segment.size_bytes;
                        true
                    } else {
                        false
                    }
                });
                if n > 0 {
                    out.push(self.delete_segments(n, DeletionReason::RetentionBytes, now_ms));
                }
            }
        }
        if let Some(limit) = self.config.retention_ms {
            let n = self.deletable(|segment, _| {
                now_ms.saturating_sub(segment.largest_timestamp_ms()) > limit
            });
            if n > 0 {
                out.push(self.delete_segments(n, DeletionReason::RetentionMs, now_ms));
            }
        }
        out
    }
}
