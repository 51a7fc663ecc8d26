//! A producer client's state: its settings in force, its accumulator of
//! batches per partition, the batches in flight, its partitioner's state,
//! sequence numbers and counters. What it does is in `records.rs` (records
//! through the partitioner into batches), `sender.rs` (batches to leaders,
//! answers, retries, timeouts) and `settings.rs` (rate, configuration,
//! metadata refresh).

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::sync::Arc;

use crate::engine::context::metadata::ProducerBatches;
use crate::engine::kafka::batch::Batch;
use crate::engine::kafka::partitioner::{self, RoundRobin, Sticky};
use crate::engine::kafka::record::Record;
use crate::engine::vocab::config::{Compression, ProducerConfig};
use crate::engine::vocab::ids::{
    BatchId, BrokerId, MsgId, ProducerId, RecordId, TopicIdx, TopicPartition,
};
use crate::engine::vocab::reasons::PartitionDecision;
use crate::engine::vocab::timers::TimerKey;

/// A batch waiting in the producer's accumulator. Records keep joining the
/// newest batch of a partition until it is full, even while it waits for a
/// free in-flight slot (as Kafka's `RecordAccumulator` does), so batches grow
/// under back-pressure.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingBatch {
    /// The batch.
    pub batch: Batch,
    /// No more records fit (or it was closed by an earlier send): it may be
    /// sent whatever `linger.ms` says.
    pub full: bool,
    /// A retried batch waits `retry.backoff.ms` before it is sent again.
    pub not_before_ms: u64,
}

impl PendingBatch {
    /// Sendable: past its retry backoff, and full or it has waited `linger.ms`.
    #[must_use]
    pub fn sendable(&self, now_ms: u64, linger_ms: u64) -> bool {
        now_ms >= self.not_before_ms
            && (self.full || now_ms >= self.batch.created_at_ms.saturating_add(linger_ms))
    }
}

/// A key whose partition changed: the key, its old and its new partition.
pub type MovedKey = (Arc<str>, u32, u32);

/// A batch sent and not yet answered.
#[derive(Clone, Debug, PartialEq)]
pub struct SentBatch {
    /// The batch (kept for a retry).
    pub batch: Batch,
    /// The leader it went to.
    pub broker: BrokerId,
    /// The request carrying it.
    pub request: MsgId,
    /// When it was sent.
    pub sent_at_ms: u64,
    /// It passed `delivery.timeout.ms` while in flight: its answer no
    /// longer matters (the records already failed).
    pub expired: bool,
    /// Its `request.timeout.ms` timer, cancelled when the answer comes.
    pub(super) timeout_timer: TimerKey,
}

/// A producer client's state.
#[derive(Clone, Debug, PartialEq)]
pub struct Producer {
    /// Its id (also its producer id for idempotence).
    pub id: ProducerId,
    /// Its configuration in force.
    pub config: ProducerConfig,
    /// The topic it writes to.
    pub topic: TopicIdx,
    /// Its key set, shared.
    pub keys: Vec<Arc<str>>,
    /// Next record number (counts every record created).
    pub next_seq: u64,
    /// Start of the current steady rate (records are due at `start + n·1000/rate`).
    pub rate_started_at_ms: u64,
    /// Records created at the current rate so far.
    pub rate_ticks: u64,
    /// Open and ready batches, per partition, oldest first.
    pub accumulator: BTreeMap<u32, VecDeque<PendingBatch>>,
    /// Unanswered produce requests per broker.
    pub in_flight: BTreeMap<BrokerId, u32>,
    /// Batches sent and not yet answered, by id.
    pub sent: BTreeMap<BatchId, SentBatch>,
    /// The built-in partitioner's sticky partition for null keys.
    pub sticky: Sticky,
    /// `RoundRobinPartitioner`'s counter.
    pub round_robin: RoundRobin,
    /// `CompressionRatioEstimator`: the running ratio estimate per codec.
    pub ratio_estimate: BTreeMap<Compression, f32>,
    /// Next idempotence sequence number per partition.
    pub next_sequence: BTreeMap<u32, u32>,
    /// Partitions of its topic as of its last metadata refresh.
    pub known_partitions: u32,
    /// Sync mode: the batch whose acknowledgement the application waits for.
    pub waiting_for: Option<BatchId>,
    /// Sync mode: a steady-rate record came due while waiting.
    pub tick_deferred: bool,
    /// Records acknowledged.
    pub acknowledged: u64,
    /// Records whose batch expired (failed to the application).
    pub failed: u64,
    /// Batches sent again after a failure.
    pub retries: u64,
    /// The `delivery.timeout.ms` timer of each batch not yet done, cancelled
    /// when the batch is acknowledged.
    pub(super) delivery_timers: BTreeMap<BatchId, TimerKey>,
    /// The last partition count change it saw at a metadata refresh:
    /// partitions before, after, and the keys of its key set that moved.
    pub last_repartition: Option<(u32, u32, Vec<MovedKey>)>,
    /// The partitioner's latest decision (for the picture: what the
    /// partitioner stage shows), `None` before the first record.
    pub last_decision: Option<LatestDecision>,
}

/// The partitioner's decision for the producer's latest record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LatestDecision {
    /// The record.
    pub record: RecordId,
    /// Its key (`None`: a null key).
    pub key: Option<Arc<str>>,
    /// The partition chosen.
    pub tp: TopicPartition,
    /// Why that partition (`toPositive(murmur2(key)) % n`, sticky, round
    /// robin, or named by the record).
    pub decision: PartitionDecision,
    /// When the record was created, simulated ms.
    pub at_ms: u64,
}

impl Producer {
    pub(crate) fn new(
        id: ProducerId,
        config: ProducerConfig,
        topic: TopicIdx,
        partitions: u32,
    ) -> Self {
        Self {
            id,
            keys: config.keys.iter().map(|k| Arc::from(k.as_str())).collect(),
            config,
            topic,
            next_seq: 0,
            rate_started_at_ms: 0,
            rate_ticks: 0,
            accumulator: BTreeMap::new(),
            in_flight: BTreeMap::new(),
            sent: BTreeMap::new(),
            sticky: Sticky::default(),
            round_robin: RoundRobin::default(),
            ratio_estimate: BTreeMap::new(),
            next_sequence: BTreeMap::new(),
            known_partitions: partitions,
            waiting_for: None,
            tick_deferred: false,
            acknowledged: 0,
            failed: 0,
            retries: 0,
            last_repartition: None,
            last_decision: None,
            delivery_timers: BTreeMap::new(),
        }
    }

    /// When the next steady-rate record is due.
    pub(crate) fn next_tick_at(&self, start: u64) -> u64 {
        let rate = u64::from(self.config.records_per_sec.max(1));
        start.saturating_add(self.rate_ticks.saturating_mul(1000) / rate)
    }

    /// Records waiting in the accumulator.
    #[must_use]
    pub fn queued_records(&self) -> usize {
        self.accumulator
            .values()
            .flat_map(|q| q.iter())
            .map(|b| b.batch.records.len())
            .sum()
    }

    /// The compression ratio estimate for its codec (1.0 at first).
    #[must_use]
    pub fn ratio_estimate(&self) -> f32 {
        self.ratio_estimate
            .get(&self.config.compression)
            .copied()
            .unwrap_or(1.0)
    }

    /// Whether a record sent now by hand must wait (sync mode, an
    /// acknowledgement outstanding).
    #[must_use]
    pub fn blocked(&self) -> bool {
        self.waiting_for.is_some()
    }

    /// Timers of `delivery.timeout.ms` waiting (one per batch not yet done).
    #[must_use]
    pub fn delivery_timer_count(&self) -> usize {
        self.delivery_timers.len()
    }

    /// Whether `record` would fit the last batch of `partition`'s queue
    /// (Kafka's `tryAppend` on the deque's last batch).
    pub(super) fn has_room(&self, partition: u32, record: &Record) -> bool {
        self.accumulator
            .get(&partition)
            .and_then(|q| q.back())
            .is_some_and(|b| !b.full && b.batch.has_room_for(record, self.config.batch_size))
    }
}

/// Keys whose partition differs between `from` and `to` partitions: key,
/// old partition, new partition.
#[must_use]
pub fn moved_keys(keys: &[Arc<str>], from: u32, to: u32) -> Vec<MovedKey> {
    keys.iter()
        .filter_map(|k| {
            let (_, old) = partitioner::key_partition(k.as_bytes(), from);
            let (_, new) = partitioner::key_partition(k.as_bytes(), to);
            (old != new).then(|| (k.clone(), old, new))
        })
        .collect()
}

impl ProducerBatches for [Producer] {
    /// Batches for `tp` in a producer's accumulator or awaiting an answer.
    fn batches_in_play(&self, tp: TopicPartition, into: &mut BTreeSet<BatchId>) {
        for p in self {
            into.extend(
                p.sent
                    .iter()
                    .filter(|(_, s)| s.batch.tp == tp)
                    .map(|(id, _)| *id),
            );
            if let Some(queue) = p.accumulator.get(&tp.partition) {
                into.extend(
                    queue
                        .iter()
                        .filter(|b| b.batch.tp == tp)
                        .map(|b| b.batch.id),
                );
            }
        }
    }
}
