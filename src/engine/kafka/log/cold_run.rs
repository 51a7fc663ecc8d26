//! Records a log holds only as counts: [`ColdRun`]s keep exactly what
//! Kafka's behaviour needs from older records (offsets, records, bytes with
//! batch headers, the timestamps segment rolling and retention read, the
//! leader epoch, acknowledgements counted, and the last batches of each
//! idempotent producer), but not the records themselves, so memory follows
//! what can be shown rather than how long the cluster has run. A run never
//! crosses a segment boundary of its log, an epoch change or an offset gap,
//! so retention deletes whole runs and followers that copy a run roll their
//! segments where the leader did. The newest records are held in full
//! ([`super::store`]).
//!
//! Reading offsets that are held as counts yields entries without identity
//! ([`RecordId::UNKNOWN`], no key, no value): consumers still count,
//! process and commit them, and lag stays exact. When to fold is decided by
//! the simulation (`parts/cluster/fold.rs`).

use std::sync::Arc;

use super::entry::LogEntry;
use crate::engine::kafka::record::{Record, BATCH_HEADER_BYTES};
use crate::engine::vocab::ids::{BatchId, ProducerId, RecordId};

/// Batches of each idempotent producer a run remembers (Kafka's
/// `ProducerStateEntry.NUM_BATCHES_TO_RETAIN`): the leader's duplicate check
/// looks at the last five batches of a producer, wherever they are.
pub const PRODUCER_BATCHES_KEPT: usize = 5;

const HEADER: u64 = BATCH_HEADER_BYTES as u64;

/// One batch of an idempotent producer as the leader's duplicate check
/// remembers it (Kafka's `BatchMetadata`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProducerBatch {
    /// The producer.
    pub producer: ProducerId,
    /// The batch.
    pub batch: BatchId,
    /// Sequence number of its first record held.
    pub first_sequence: u32,
    /// Sequence number of its last record held.
    pub last_sequence: u32,
    /// Offset of its first record held.
    pub base_offset: u64,
    /// Offset of its last record held.
    pub last_offset: u64,
}

impl ProducerBatch {
    /// Keeps only offsets in `from..to` (offsets and sequence numbers of a
    /// batch run together).
    fn clip(mut self, from: u64, to: u64) -> Option<Self> {
        if self.last_offset < from || self.base_offset >= to {
            return None;
        }
        if self.base_offset < from {
            let skip = from - self.base_offset;
            self.first_sequence = self.first_sequence.wrapping_add(skip as u32);
            self.base_offset = from;
        }
        if self.last_offset >= to {
            let cut = self.last_offset - (to - 1);
            self.last_sequence = self.last_sequence.wrapping_sub(cut as u32);
            self.last_offset = to - 1;
        }
        Some(self)
    }
}

/// Records held only as counts: a run of consecutive offsets written in one
/// leader epoch, inside one segment of its log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColdRun {
    /// Offset of its first record.
    pub first_offset: u64,
    /// One past its last record (no gaps inside a run).
    pub end_offset: u64,
    /// Base offset of the segment of its log that holds it.
    pub segment_base: u64,
    /// The leader epoch its records were written in.
    pub leader_epoch: u32,
    /// Bytes: the records plus a 61-byte header for every batch that starts
    /// in it (the first record's batch counted by `header_at_start`).
    pub bytes: u64,
    /// Whether `bytes` counts a header for the first record's batch (it
    /// does not when that batch began in the run before, in the same segment).
    pub header_at_start: bool,
    /// The batch of its first record.
    pub first_batch: BatchId,
    /// Bytes of its first batch's records in it (with the header if counted).
    pub first_batch_bytes: u64,
    /// The largest timestamp of its first batch's records in it (what a
    /// segment's first batch gives as `rollingBasedTimestamp`).
    pub first_batch_max_timestamp_ms: u64,
    /// The batch of its last record.
    pub last_batch: BatchId,
    /// Its largest record timestamp.
    pub max_timestamp_ms: u64,
    /// The timestamp of its last record.
    pub last_timestamp_ms: u64,
    /// How many of its records had been acknowledged to their producer.
    pub acknowledged: u64,
    /// The last batches of each idempotent producer in it, oldest first
    /// (at most [`PRODUCER_BATCHES_KEPT`] per producer).
    pub producer_batches: Vec<ProducerBatch>,
    /// Its bytes and timestamps are estimated: it was copied or truncated
    /// in part (see [`ColdRun::slice`]).
    pub estimated: bool,
    /// Its first batch may still grow (no other batch came after it yet).
    first_batch_open: bool,
}

impl ColdRun {
    /// Records in it.
    #[must_use]
    pub fn records(&self) -> u64 {
        self.end_offset - self.first_offset
    }

    /// A run of one entry; `header` says whether the entry began its batch
    /// in its segment (so its bytes count a batch header).
    pub(crate) fn from_entry(e: &LogEntry, header: bool, segment_base: u64) -> Self {
        let bytes = u64::from(e.size_bytes) + if header { HEADER } else { 0 };
        let mut run = ColdRun {
            first_offset: e.offset,
            end_offset: e.offset + 1,
            segment_base,
            leader_epoch: e.leader_epoch,
            bytes,
            header_at_start: header,
            first_batch: e.batch,
            first_batch_bytes: bytes,
            first_batch_max_timestamp_ms: e.record.timestamp_ms,
            last_batch: e.batch,
            max_timestamp_ms: e.record.timestamp_ms,
            last_timestamp_ms: e.record.timestamp_ms,
            acknowledged: u64::from(e.acknowledged),
            producer_batches: Vec::new(),
            estimated: false,
            first_batch_open: true,
        };
        run.note_sequence(e);
        run
    }

    /// Whether `e` (the next entry of the log) can join this run.
    pub(crate) fn continues_with(&self, e: &LogEntry, segment_base: u64) -> bool {
        self.end_offset == e.offset
            && self.leader_epoch == e.leader_epoch
            && self.segment_base == segment_base
    }

    /// Adds the next entry of the log (see [`ColdRun::continues_with`]).
    pub(crate) fn push_entry(&mut self, e: &LogEntry) {
        let header = self.last_batch != e.batch;
        let bytes = u64::from(e.size_bytes) + if header { HEADER } else { 0 };
        if self.first_batch_open && e.batch == self.first_batch {
            self.first_batch_bytes += bytes;
            self.first_batch_max_timestamp_ms =
                self.first_batch_max_timestamp_ms.max(e.record.timestamp_ms);
        } else {
            self.first_batch_open = false;
        }
        self.bytes += bytes;
        self.end_offset = e.offset + 1;
        self.last_batch = e.batch;
        self.max_timestamp_ms = self.max_timestamp_ms.max(e.record.timestamp_ms);
        self.last_timestamp_ms = e.record.timestamp_ms;
        self.acknowledged += u64::from(e.acknowledged);
        self.note_sequence(e);
    }

    fn note_sequence(&mut self, e: &LogEntry) {
        let Some(seq) = e.record.sequence else {
            return;
        };
        let producer = e.record.producer;
        let newest = self
            .producer_batches
            .iter_mut()
            .rev()
            .find(|b| b.producer == producer);
        match newest {
            Some(b) if b.batch == e.batch => {
                b.last_sequence = seq;
                b.last_offset = e.offset;
            }
            _ => self.add_producer_batch(ProducerBatch {
                producer,
                batch: e.batch,
                first_sequence: seq,
                last_sequence: seq,
                base_offset: e.offset,
                last_offset: e.offset,
            }),
        }
    }

    fn add_producer_batch(&mut self, b: ProducerBatch) {
        self.producer_batches.push(b);
        let same = self
            .producer_batches
            .iter()
            .filter(|x| x.producer == b.producer)
            .count();
        if same > PRODUCER_BATCHES_KEPT {
            let oldest = self
                .producer_batches
                .iter()
                .position(|x| x.producer == b.producer)
                .expect("counted");
            self.producer_batches.remove(oldest);
        }
    }

    /// Appends `later`, which starts where this run ends, in the same
    /// epoch and segment of the same log (its `bytes` and `header_at_start`
    /// already counted for this log).
    pub(crate) fn absorb(&mut self, later: &ColdRun) {
        if self.first_batch_open && !later.header_at_start && later.first_batch == self.first_batch
        {
            self.first_batch_bytes += later.first_batch_bytes;
            self.first_batch_max_timestamp_ms = self
                .first_batch_max_timestamp_ms
                .max(later.first_batch_max_timestamp_ms);
            self.first_batch_open = later.first_batch_open;
        } else {
            self.first_batch_open = false;
        }
        self.bytes += later.bytes;
        self.end_offset = later.end_offset;
        self.last_batch = later.last_batch;
        self.max_timestamp_ms = self.max_timestamp_ms.max(later.max_timestamp_ms);
        self.last_timestamp_ms = later.last_timestamp_ms;
        self.acknowledged += later.acknowledged;
        self.estimated |= later.estimated;
        for b in &later.producer_batches {
            let newest = self
                .producer_batches
                .iter_mut()
                .rev()
                .find(|x| x.producer == b.producer);
            match newest {
                Some(x) if x.batch == b.batch && x.last_offset + 1 == b.base_offset => {
                    x.last_sequence = b.last_sequence;
                    x.last_offset = b.last_offset;
                }
                _ => self.add_producer_batch(*b),
            }
        }
    }

    /// This run as another log holds it: in `segment_base`, with the first
    /// record's batch header counted or not (`header`).
    #[must_use]
    pub(crate) fn rebased(&self, segment_base: u64, header: bool) -> ColdRun {
        let adjust = |bytes: u64| {
            bytes.saturating_sub(if self.header_at_start { HEADER } else { 0 })
                + if header { HEADER } else { 0 }
        };
        ColdRun {
            segment_base,
            bytes: adjust(self.bytes),
            first_batch_bytes: adjust(self.first_batch_bytes),
            header_at_start: header,
            acknowledged: 0,
            ..self.clone()
        }
    }

    /// The part of this run in `from..to`. A part that is not the whole run
    /// is estimated: its bytes are the run's in proportion to its records
    /// (so consecutive parts add up exactly to the whole), its timestamps
    /// are the run's largest, its acknowledgements proportional, and it
    /// knows only the producer batches the run remembers. (Per-record sizes
    /// and timestamps of records held as counts are gone; this is used only
    /// when a follower copies part of a run, or a log is truncated into one.)
    #[must_use]
    pub fn slice(&self, from: u64, to: u64) -> ColdRun {
        let from = from.clamp(self.first_offset, self.end_offset);
        let to = to.clamp(from, self.end_offset);
        if from == self.first_offset && to == self.end_offset {
            return self.clone();
        }
        let n = u128::from(self.records());
        let share = |total: u64, k: u64| (u128::from(total) * u128::from(k) / n.max(1)) as u64;
        let (a, b) = (from - self.first_offset, to - self.first_offset);
        let starts = from == self.first_offset;
        let ends = to == self.end_offset;
        ColdRun {
            first_offset: from,
            end_offset: to,
            segment_base: self.segment_base,
            leader_epoch: self.leader_epoch,
            bytes: share(self.bytes, b) - share(self.bytes, a),
            header_at_start: starts && self.header_at_start,
            first_batch: if starts {
                self.first_batch
            } else {
                BatchId::UNKNOWN
            },
            first_batch_bytes: if starts {
                self.first_batch_bytes
                    .min(share(self.bytes, b) - share(self.bytes, a))
            } else {
                0
            },
            first_batch_max_timestamp_ms: if starts {
                self.first_batch_max_timestamp_ms
            } else {
                self.max_timestamp_ms
            },
            last_batch: if ends {
                self.last_batch
            } else {
                BatchId::UNKNOWN
            },
            max_timestamp_ms: self.max_timestamp_ms,
            last_timestamp_ms: if ends {
                self.last_timestamp_ms
            } else {
                self.max_timestamp_ms
            },
            acknowledged: share(self.acknowledged, b) - share(self.acknowledged, a),
            producer_batches: self
                .producer_batches
                .iter()
                .filter_map(|p| p.clip(from, to))
                .collect(),
            estimated: true,
            first_batch_open: false,
        }
    }

    /// Entries standing for its records in `from..to`: their offsets and
    /// epoch, with `record` (an unknown record) and no size.
    pub(crate) fn placeholders(
        &self,
        from: u64,
        to: u64,
        record: &Arc<Record>,
    ) -> impl Iterator<Item = LogEntry> + '_ {
        let record = Arc::clone(record);
        let epoch = self.leader_epoch;
        (from.max(self.first_offset)..to.min(self.end_offset)).map(move |offset| LogEntry {
            offset,
            leader_epoch: epoch,
            batch: BatchId::UNKNOWN,
            appended_at_ms: 0,
            size_bytes: 0,
            acknowledged: false,
            delete_horizon_ms: None,
            record: Arc::clone(&record),
        })
    }
}

/// The record that entries read from counted runs carry: no id, no key, no value.
#[must_use]
pub fn unknown_record() -> Arc<Record> {
    Arc::new(Record {
        id: RecordId::UNKNOWN,
        producer: ProducerId::UNKNOWN,
        seq: 0,
        key: None,
        value: None,
        tombstone: false,
        value_bytes: 0,
        timestamp_ms: 0,
        sequence: None,
    })
}

/// What a follower's fetch carries: records the leader holds only as counts
/// (parts of its runs, oldest first), then entries in full.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LogSlice {
    /// Counted records, oldest first, all before `entries`.
    pub runs: Vec<ColdRun>,
    /// Entries in full, oldest first.
    pub entries: Vec<LogEntry>,
}

impl LogSlice {
    /// Entries in full only.
    #[must_use]
    pub fn from_entries(entries: Vec<LogEntry>) -> Self {
        Self {
            runs: Vec::new(),
            entries,
        }
    }

    /// Records it carries.
    #[must_use]
    pub fn len(&self) -> usize {
        self.runs
            .iter()
            .map(|r| r.records() as usize)
            .sum::<usize>()
            + self.entries.len()
    }

    /// Whether it carries no record.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.runs.is_empty() && self.entries.is_empty()
    }
}
