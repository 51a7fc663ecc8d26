//! Reading a replica's log: consumer reads below the HW, a follower's fetch
//! slice (counted runs carried as runs), offsets by timestamp
//! (`ListOffsets`), and a producer's newest batches for the idempotence check.

use super::cold_run::{unknown_record, LogSlice};
use super::entry::LogEntry;
use super::replica_log::{ProducerBatchSpan, ReplicaLog};
use crate::engine::vocab::ids::ProducerId;

impl ReplicaLog {
    /// Up to `max` entries from `from` (never below the log start offset),
    /// stopping before `upto`. Offsets the cleaner removed are skipped.
    /// Records held only as counts come as entries without identity.
    #[must_use]
    pub fn read(&self, from: u64, upto: u64, max: usize) -> Vec<LogEntry> {
        let from = from.max(self.log_start_offset);
        let mut out = Vec::new();
        if self.cold.back().is_some_and(|r| r.end_offset > from) {
            let placeholder = unknown_record();
            let i = self.cold.partition_point(|r| r.end_offset <= from);
            for run in self.cold.range(i..) {
                if out.len() >= max || run.first_offset >= upto {
                    break;
                }
                let left = max - out.len();
                out.extend(run.placeholders(from, upto, &placeholder).take(left));
            }
        }
        let left = max.saturating_sub(out.len());
        out.extend(
            self.hot
                .iter_from(from)
                .take_while(|e| e.offset < upto)
                .take(left)
                .cloned(),
        );
        out
    }

    /// What a follower's fetch gets: [`ReplicaLog::read`], with records held
    /// as counts carried as runs rather than one by one. A run the fetch
    /// starts or ends inside is split there first (each part with estimated
    /// bytes and timestamps, see [`ColdRun::slice`], adding up exactly to
    /// the whole), so that the follower, part after part, ends up with the
    /// run's exact totals whatever the leader folds into it meanwhile.
    pub fn read_slice(&mut self, from: u64, upto: u64, max: usize) -> LogSlice {
        let from = from.max(self.log_start_offset);
        let mut slice = LogSlice::default();
        let mut left = max as u64;
        if self.cold.back().is_some_and(|r| r.end_offset > from) {
            self.split_cold_at(from);
            let mut i = self.cold.partition_point(|r| r.end_offset <= from);
            while let Some(run) = self.cold.get(i) {
                if left == 0 || run.first_offset >= upto {
                    break;
                }
                let end = run.end_offset.min(upto).min(run.first_offset + left);
                self.split_cold_at(end);
                let run = &self.cold[i];
                left -= run.records();
                slice.runs.push(run.clone());
                i += 1;
            }
        }
        slice.entries.extend(
            self.hot
                .iter_from(from)
                .take_while(|e| e.offset < upto)
                .take(left as usize)
                .cloned(),
        );
        slice
    }

    /// Splits the counted run holding `offset` (not at its start) in two.
    pub(super) fn split_cold_at(&mut self, offset: u64) {
        let i = self.cold.partition_point(|r| r.end_offset <= offset);
        let Some(run) = self.cold.get(i) else {
            return;
        };
        if run.first_offset >= offset {
            return;
        }
        let (head, tail) = (
            run.slice(run.first_offset, offset),
            run.slice(offset, run.end_offset),
        );
        self.cold[i] = head;
        self.cold.insert(i + 1, tail);
    }

    /// Kafka's `ListOffsets` by timestamp over the records below `upto`:
    /// the first offset whose record's timestamp is at or after
    /// `timestamp_ms`. For records held as counts, the first offset of the
    /// first run holding such a timestamp (their own timestamps are gone).
    #[must_use]
    pub fn offset_for_timestamp(&self, timestamp_ms: u64, upto: u64) -> Option<u64> {
        for run in &self.cold {
            if run.first_offset >= upto {
                return None;
            }
            if run.max_timestamp_ms >= timestamp_ms {
                return Some(run.first_offset);
            }
        }
        self.hot
            .iter()
            .take_while(|e| e.offset < upto)
            .find(|e| e.record.timestamp_ms >= timestamp_ms)
            .map(|e| e.offset)
    }

    /// The newest batches of `producer` with sequence numbers in this log,
    /// newest first, at most `max` (what the leader's duplicate check of an
    /// idempotent producer reads): records held in full, then the batches
    /// each counted run remembers.
    #[must_use]
    pub fn producer_batches(&self, producer: ProducerId, max: usize) -> Vec<ProducerBatchSpan> {
        let mut recent: Vec<ProducerBatchSpan> = Vec::new();
        for e in self.hot.iter().rev() {
            if e.record.producer != producer {
                continue;
            }
            let Some(seq) = e.record.sequence else {
                continue;
            };
            match recent.last_mut() {
                Some(r) if r.0 == e.batch => {
                    r.1 = seq;
                    r.3 = e.offset;
                }
                _ => {
                    if recent.len() == max {
                        return recent;
                    }
                    recent.push((e.batch, seq, seq, e.offset, e.offset));
                }
            }
        }
        for run in self.cold.iter().rev() {
            for b in run.producer_batches.iter().rev() {
                if b.producer != producer {
                    continue;
                }
                match recent.last_mut() {
                    Some(r) if r.0 == b.batch => {
                        r.1 = b.first_sequence;
                        r.3 = b.base_offset;
                    }
                    _ => {
                        if recent.len() == max {
                            return recent;
                        }
                        recent.push((
                            b.batch,
                            b.first_sequence,
                            b.last_sequence,
                            b.base_offset,
                            b.last_offset,
                        ));
                    }
                }
            }
        }
        recent
    }
}
