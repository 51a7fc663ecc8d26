//! The log cleaner on one replica's log (Kafka's `LogCleaner`, KIP-534
//! tombstones): the latest record of every key stays, offsets never change.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::replica_log::ReplicaLog;
use super::segment::{segment_base_of, Cleaning, Segment, REMOVED_KEPT};

impl ReplicaLog {
    /// The log cleaner's pass over this log (Kafka's `LogCleaner`, with
    /// KIP-534 tombstones), when `cleanup.policy` includes `compact`.
    ///
    /// Cleanable: the whole segments below the HW, never the active one.
    /// The log is cleaned when its dirty (not yet cleaned) bytes are at
    /// least `min.cleanable.dirty.ratio` of the cleanable bytes, or when a
    /// tombstone's delete horizon has passed. Then, in every cleanable
    /// segment, a record goes if a later record in the dirty part has the
    /// same key, or if it has no key; a tombstone gets a delete horizon
    /// (now + `delete.retention.ms`) the first time it is cleaned and goes
    /// at a cleaning after that. Offsets never change: gaps remain. Small
    /// segments are merged up to `segment.bytes` (by their size before
    /// cleaning, as Kafka groups them).
    ///
    /// A compacted log is never folded into counts (the cleaner needs every
    /// key). Records folded before the topic became compacted have no key
    /// any more: the cleaner keeps them as they are (a simplification).
    pub fn clean(&mut self, now_ms: u64) -> Option<Cleaning> {
        if !self.config.cleanup_policy.compacts() {
            return None;
        }
        let active_base = self.active_segment().base_offset;
        let uncleanable = self.high_watermark.min(active_base);
        let upper = |i: usize| {
            self.segments
                .get(i + 1)
                .map_or(self.log_end_offset, |s| s.base_offset)
        };
        let k = (0..self.segments.len() - 1)
            .take_while(|&i| upper(i) <= uncleanable)
            .count();
        if k == 0 {
            return None;
        }
        let end = upper(k - 1);
        let first_dirty = self.cleaner_checkpoint;
        let (mut clean_bytes, mut dirty_bytes) = (0u64, 0u64);
        for i in 0..k {
            if upper(i) <= first_dirty {
                clean_bytes += self.segments[i].size_bytes;
            } else {
                dirty_bytes += self.segments[i].size_bytes;
            }
        }
        let total = clean_bytes + dirty_bytes;
        let dirty_ratio = if total == 0 {
            0.0
        } else {
            dirty_bytes as f64 / total as f64
        };
        let hi = self.hot.count_below(end);
        let tombstones_due = self
            .hot
            .iter()
            .take(hi)
            .any(|e| e.delete_horizon_ms.is_some_and(|h| h <= now_ms));
        // Kafka's grabFilthiestCompactedLog: strictly greater than the minimum.
        let worth = dirty_bytes > 0 && dirty_ratio > self.config.min_cleanable_dirty_ratio;
        if !worth && !tombstones_due {
            return None;
        }
        // The offset map: the latest offset of every key in the dirty part.
        let mut latest: BTreeMap<Arc<str>, u64> = BTreeMap::new();
        for e in self
            .hot
            .iter_from(first_dirty)
            .take_while(|e| e.offset < end)
        {
            if let Some(key) = &e.record.key {
                latest.insert(key.clone(), e.offset);
            }
        }
        // Groups of segments merged into one, by their size before cleaning.
        let mut groups: Vec<usize> = Vec::new(); // index of each group's first segment
        let mut group_bytes = 0u64;
        for i in 0..k {
            let size = self.segments[i].size_bytes;
            if groups.is_empty() || group_bytes + size > self.config.segment_bytes {
                groups.push(i);
                group_bytes = size;
            } else {
                group_bytes += size;
            }
        }
        let bytes_before: u64 = self.segments.range(..k).map(|s| s.size_bytes).sum();
        let mut cleaning = Cleaning {
            end_offset: end,
            dirty_ratio,
            superseded: 0,
            tombstones_removed: 0,
            keyless: 0,
            bytes_before,
            bytes_after: 0,
            segments_before: k as u32,
            segments_after: groups.len() as u32,
            removed: Vec::new(),
        };
        let delete_retention_ms = self.config.delete_retention_ms;
        let mut all = self.hot.take_all();
        let tail = all.split_off(hi);
        for mut e in all {
            let keep = match &e.record.key {
                None => {
                    cleaning.keyless += 1;
                    false
                }
                Some(key) if latest.get(key).is_some_and(|&o| o > e.offset) => {
                    cleaning.superseded += 1;
                    false
                }
                Some(_) if e.record.tombstone => match e.delete_horizon_ms {
                    None => {
                        e.delete_horizon_ms = Some(now_ms.saturating_add(delete_retention_ms));
                        true
                    }
                    Some(h) if h <= now_ms => {
                        cleaning.tombstones_removed += 1;
                        false
                    }
                    Some(_) => true,
                },
                Some(_) => true,
            };
            if keep {
                self.hot.push(e);
            } else {
                if cleaning.removed.len() == REMOVED_KEPT {
                    cleaning.removed.remove(0);
                }
                cleaning.removed.push((e.offset, e.record.key.clone()));
            }
        }
        for e in tail {
            self.hot.push(e);
        }
        // Merge each group into its first segment, then rebuild their metadata.
        let rest = self.segments.split_off(k);
        let old = std::mem::take(&mut self.segments);
        for &g in &groups {
            self.segments
                .push_back(Segment::new(old[g].base_offset, old[g].created_at_ms));
        }
        self.segments.extend(rest);
        for run in self.cold.iter_mut() {
            run.segment_base = segment_base_of(&self.segments, run.first_offset);
        }
        for i in 0..groups.len() {
            self.recompute_segment(i);
        }
        cleaning.bytes_after = self
            .segments
            .range(..groups.len())
            .map(|s| s.size_bytes)
            .sum();
        self.size_bytes = self.segments.iter().map(|s| s.size_bytes).sum();
        self.cleaner_checkpoint = end;
        Some(cleaning)
    }
}
