//! Producers: records are created (at a steady rate or by hand), pass the
//! partitioner ([`super::partitioner`], in `KafkaProducer.partition`'s
//! order), gather in per-partition batches (`batch.size`, `linger.ms`, the
//! compression ratio estimate), and batches are closed (compressed for real)
//! and sent to each partition's leader, at most
//! `max.in.flight.requests.per.connection` unanswered per broker.
//!
//! Failures: a request unanswered after `request.timeout.ms` closes the
//! connection to that broker; every batch in flight on it goes back to the
//! front of its queue and is sent again after `retry.backoff.ms`, until
//! `delivery.timeout.ms` after its creation, when it expires. With
//! idempotence each batch carries sequence numbers so the leader drops a
//! retried batch it already has ([`super::idempotence`]).
//!
//! Sync mode (`send().get()`): the application waits for each record's
//! acknowledgement before creating the next.
//!
//! Metadata: a producer knows the partition count of its last metadata
//! refresh (every `metadata.max.age.ms`), so added partitions are used only
//! from its next refresh.

use std::collections::{BTreeMap, VecDeque};
use std::sync::Arc;

use rand::Rng;

use super::config::{Acks, Compression, Partitioner, ProducerConfig, SendMode};
use super::event::{EventKind, PartitionDecision};
use super::ids::{BatchId, BrokerId, MsgId, ProducerId, RecordId, TopicIdx, TopicPartition};
use super::network::{Body, Message, Node};
use super::partitioner::{self, RoundRobin, Sticky, SwitchReason};
use super::record::{Batch, Record};
use super::refusal::{Refusal, RefusalReason};
use super::sim::{Sim, Timer};

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
    pub(crate) timeout_timer: (u64, u64),
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
    pub(crate) delivery_timers: BTreeMap<BatchId, (u64, u64)>,
    /// The last partition count change it saw at a metadata refresh:
    /// partitions before, after, and the keys of its key set that moved.
    pub last_repartition: Option<(u32, u32, Vec<MovedKey>)>,
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

    /// Whether `record` would fit the last batch of `partition`'s queue
    /// (Kafka's `tryAppend` on the deque's last batch).
    fn has_room(&self, partition: u32, record: &Record) -> bool {
        self.accumulator
            .get(&partition)
            .and_then(|q| q.back())
            .is_some_and(|b| !b.full && b.batch.has_room_for(record, self.config.batch_size))
    }
}

impl Sim {
    pub(crate) fn producer_tick(&mut self, p: ProducerId) {
        let producer = &mut self.producers[p.0 as usize];
        if producer.config.records_per_sec == 0 {
            return;
        }
        if producer.blocked() {
            // send().get() still waiting: the record is created once it returns.
            producer.tick_deferred = true;
            return;
        }
        let key = if producer.keys.is_empty() {
            None
        } else {
            let n = producer.keys.len() as u32;
            let i = self.rng.random_range(0..n);
            Some(self.producers[p.0 as usize].keys[i as usize].clone())
        };
        self.create_record(p, key, None, None, false);
        let producer = &mut self.producers[p.0 as usize];
        producer.rate_ticks += 1;
        let next = producer.next_tick_at(producer.rate_started_at_ms);
        self.schedule(next, Timer::ProducerTick(p));
    }

    pub(crate) fn produce_by_hand(
        &mut self,
        p: ProducerId,
        key: Option<String>,
        value: String,
        partition: Option<u32>,
    ) -> Result<(), Refusal> {
        let Some(producer) = self.producers.get(p.0 as usize) else {
            return Err(RefusalReason::NoSuchNode(Node::Producer(p)).into());
        };
        let max = super::limits::MAX_TEXT_BYTES as usize;
        if key.as_ref().is_some_and(|k| k.len() > max) || value.len() > max {
            return Err(RefusalReason::RecordTooLarge { max: max as u32 }.into());
        }
        if let Some(part) = partition {
            if part >= producer.known_partitions {
                // KafkaProducer.partition's check, client side.
                return Err(RefusalReason::InvalidPartition {
                    partition: part,
                    partitions: producer.known_partitions,
                }
                .into());
            }
        }
        if producer.blocked() {
            return Err(RefusalReason::SyncProducerWaiting {
                producer: producer.config.name.clone(),
            }
            .into());
        }
        self.create_record(
            p,
            key.map(|k| Arc::from(k.as_str())),
            Some(Arc::from(value.as_str())),
            partition,
            false,
        );
        Ok(())
    }

    /// A producer sends a tombstone typed by hand: `key` with a null value.
    pub(crate) fn produce_tombstone(&mut self, p: ProducerId, key: String) -> Result<(), Refusal> {
        if p.0 as usize >= self.producers.len() {
            return Err(RefusalReason::NoSuchNode(Node::Producer(p)).into());
        }
        let max = super::limits::MAX_TEXT_BYTES as usize;
        if key.len() > max {
            return Err(RefusalReason::RecordTooLarge { max: max as u32 }.into());
        }
        self.create_record(p, Some(Arc::from(key.as_str())), None, None, true);
        Ok(())
    }

    pub(crate) fn set_producer_rate(&mut self, p: ProducerId, rate: u32) -> Result<(), Refusal> {
        if p.0 as usize >= self.producers.len() {
            return Err(RefusalReason::NoSuchNode(Node::Producer(p)).into());
        }
        self.check_producer_rate(p, rate)?;
        let now = self.now_ms;
        let producer = &mut self.producers[p.0 as usize];
        let was_running = producer.config.records_per_sec > 0;
        producer.config.records_per_sec = rate;
        producer.rate_started_at_ms = now;
        producer.rate_ticks = 0;
        producer.tick_deferred = false;
        // A running producer already has its tick queued; drop it so the new
        // rate starts now.
        if was_running {
            self.timers.retain(|_, t| *t != Timer::ProducerTick(p));
        }
        if rate > 0 {
            let rate = u64::from(rate);
            self.schedule(now.saturating_add(1000 / rate), Timer::ProducerTick(p));
            self.producers[p.0 as usize].rate_ticks = 1;
        }
        self.emit(EventKind::ProducerRateChanged {
            producer: p,
            records_per_sec: rate,
        });
        Ok(())
    }

    /// Partitions (below `count`) of `topic` that have a leader, in order:
    /// Kafka's `availablePartitionsForTopic`.
    fn available_partitions(&self, topic: TopicIdx, count: u32) -> Vec<u32> {
        self.topics[topic.0 as usize]
            .partitions
            .iter()
            .take(count as usize)
            .filter(|part| part.leader.is_some())
            .map(|part| part.tp.partition)
            .collect()
    }

    /// The built-in partitioner picks the next sticky partition
    /// (`BuiltInPartitioner.nextPartition`), with adaptive weights from the
    /// accumulator's queue lengths once every partition has had a batch.
    fn switch_sticky(&mut self, p: ProducerId, reason: SwitchReason) -> u32 {
        let producer = &self.producers[p.0 as usize];
        let count = producer.known_partitions;
        let available = self.available_partitions(producer.topic, count);
        let stats = if producer.config.adaptive && producer.accumulator.len() as u32 >= count {
            let queues: Vec<(u32, u32)> = available
                .iter()
                .map(|&part| {
                    let q = producer.accumulator.get(&part).map_or(0, VecDeque::len);
                    (part, q as u32)
                })
                .collect();
            partitioner::load_stats(&queues, count)
        } else {
            None
        };
        let random = self.rng.random::<u32>() >> 1;
        let next = partitioner::next_partition(random, stats.as_ref(), &available, count);
        let producer = &mut self.producers[p.0 as usize];
        let from = producer.sticky.partition;
        let produced_bytes = producer.sticky.produced_bytes;
        producer.sticky.switch_to(next);
        let topic = producer.topic;
        self.emit(EventKind::StickySwitched {
            producer: p,
            topic,
            from,
            to: next,
            reason,
            produced_bytes,
            weights: stats.map(|s| s.weights()),
        });
        next
    }

    /// `KafkaProducer.partition`, in Kafka's order: an explicit partition;
    /// a custom partitioner (round robin); a key hashed over all partitions
    /// (unless `partitioner.ignore.keys`); else the sticky partition.
    /// Returns the partition and why; `sticky` says the built-in sticky
    /// logic chose it (so its bytes count toward the switch).
    fn choose_partition(
        &mut self,
        p: ProducerId,
        record: &Record,
        explicit: Option<u32>,
    ) -> (u32, PartitionDecision, bool) {
        if let Some(part) = explicit {
            return (part, PartitionDecision::Explicit, false);
        }
        let producer = &self.producers[p.0 as usize];
        let count = producer.known_partitions;
        match producer.config.partitioner {
            Partitioner::RoundRobin | Partitioner::RoundRobinLegacy => {
                let fixed = producer.config.partitioner == Partitioner::RoundRobin;
                let available = self.available_partitions(producer.topic, count);
                let producer = &mut self.producers[p.0 as usize];
                let first = producer.round_robin.partition(&available, count);
                if producer.has_room(first, record) {
                    return (
                        first,
                        PartitionDecision::RoundRobin { skipped: None },
                        false,
                    );
                }
                // RecordAccumulator.append aborts for a new batch; doSend calls
                // onNewBatch, then partition() again.
                producer.round_robin.on_new_batch(first, fixed);
                let second = producer.round_robin.partition(&available, count);
                let skipped = (second != first).then_some(first);
                (second, PartitionDecision::RoundRobin { skipped }, false)
            }
            Partitioner::BuiltIn => {
                if let (Some(key), false) = (&record.key, producer.config.ignore_keys) {
                    let (hash, part) = partitioner::key_partition(key.as_bytes(), count);
                    return (
                        part,
                        PartitionDecision::KeyHash {
                            murmur2: hash,
                            partitions: count,
                        },
                        false,
                    );
                }
                let part = match producer.sticky.partition {
                    Some(part) if part < count => part,
                    _ => self.switch_sticky(p, SwitchReason::First),
                };
                let producer = &self.producers[p.0 as usize];
                (
                    part,
                    PartitionDecision::Sticky {
                        produced_bytes: producer.sticky.produced_bytes,
                        batch_size: producer.config.batch_size,
                    },
                    true,
                )
            }
        }
    }

    fn create_record(
        &mut self,
        p: ProducerId,
        key: Option<Arc<str>>,
        value: Option<Arc<str>>,
        explicit: Option<u32>,
        tombstone: bool,
    ) -> RecordId {
        let id = self.next_record_id();
        let now = self.now_ms;
        let producer = &mut self.producers[p.0 as usize];
        let seq = producer.next_seq;
        producer.next_seq += 1;
        let value_bytes = match &value {
            _ if tombstone => 0,
            Some(v) => v.len() as u32,
            None => producer.config.value_bytes,
        };
        let record = Record {
            id,
            producer: p,
            seq,
            key,
            value,
            tombstone,
            value_bytes,
            timestamp_ms: now,
            sequence: None,
        };
        let (partition, decision, sticky) = self.choose_partition(p, &record, explicit);
        let topic = self.producers[p.0 as usize].topic;
        let tp = TopicPartition { topic, partition };
        self.totals.records_created += 1;
        let key = record.key.clone();
        let (batch, appended_bytes, last_full) = self.accumulate(p, tp, record);
        self.emit(EventKind::RecordCreated {
            record: id,
            producer: p,
            key,
            tp,
            decision,
            batch,
        });
        if sticky {
            // BuiltInPartitioner.updatePartitionInfo: keyed records never count.
            let producer = &mut self.producers[p.0 as usize];
            let batch_size = producer.config.batch_size;
            if let Some(reason) = producer
                .sticky
                .produced(appended_bytes, batch_size, last_full)
            {
                self.switch_sticky(p, reason);
            }
        }
        let producer = &mut self.producers[p.0 as usize];
        if producer.config.mode == SendMode::Sync {
            producer.waiting_for = Some(batch);
        }
        self.drain(p);
        id
    }

    /// Adds a record to the partition's last batch, or a new one. Returns the
    /// batch, the bytes the batch grew by (Kafka's `appendedBytes`: the whole
    /// estimated size for a new batch), and whether the partition's last
    /// batch is now full (Kafka's `enableSwitch`).
    fn accumulate(
        &mut self,
        p: ProducerId,
        tp: TopicPartition,
        record: Record,
    ) -> (BatchId, u32, bool) {
        let now = self.now_ms;
        let producer = &mut self.producers[p.0 as usize];
        let batch_size = producer.config.batch_size;
        let linger = producer.config.linger_ms;
        let compression = producer.config.compression;
        let ratio = producer.ratio_estimate();
        let queue = producer.accumulator.entry(tp.partition).or_default();
        if let Some(open) = queue.back_mut().filter(|b| !b.full) {
            if open.batch.has_room_for(&record, batch_size) {
                let before = open.batch.estimated_bytes();
                open.batch.push(record);
                let after = open.batch.estimated_bytes();
                open.full = after >= batch_size;
                return (open.batch.id, after.saturating_sub(before), open.full);
            }
            open.full = true;
        }
        let id = self.next_batch_id();
        let mut batch = Batch::new(id, p, tp, now).with_compression(compression, ratio);
        batch.push(record);
        let appended = batch.estimated_bytes();
        let full = appended >= batch_size;
        self.producers[p.0 as usize]
            .accumulator
            .entry(tp.partition)
            .or_default()
            .push_back(PendingBatch {
                batch,
                full,
                not_before_ms: 0,
            });
        if !full && linger > 0 {
            self.schedule(now.saturating_add(linger), Timer::Linger(p, id));
        }
        let delivery = self.producers[p.0 as usize].config.delivery_timeout_ms;
        let key = self.schedule_key(now.saturating_add(delivery), Timer::DeliveryTimeout(p, id));
        self.producers[p.0 as usize].delivery_timers.insert(id, key);
        (id, appended, full)
    }

    pub(crate) fn linger_expired(&mut self, p: ProducerId, _batch: BatchId) {
        self.drain(p);
    }

    /// Sends every ready batch whose leader has room for another request.
    pub(crate) fn drain(&mut self, p: ProducerId) {
        let partitions: Vec<u32> = self.producers[p.0 as usize]
            .accumulator
            .keys()
            .copied()
            .collect();
        for partition in partitions {
            loop {
                let producer = &self.producers[p.0 as usize];
                let Some(front) = producer.accumulator.get(&partition).and_then(|q| q.front())
                else {
                    break;
                };
                if !front.sendable(self.now_ms, producer.config.linger_ms) {
                    break;
                }
                let tp = front.batch.tp;
                // No leader, or a leader whose process is down (connection
                // refused): the batch waits in the accumulator.
                let Some(leader) = self.partition(tp).leader.filter(|l| self.broker_alive(*l))
                else {
                    break;
                };
                let used = producer.in_flight.get(&leader).copied().unwrap_or(0);
                if used >= producer.config.max_in_flight {
                    break;
                }
                let acks = producer.config.acks;
                let idempotent = producer.config.idempotent();
                let request_timeout = producer.config.request_timeout_ms;
                let producer = &mut self.producers[p.0 as usize];
                let mut batch = producer
                    .accumulator
                    .get_mut(&partition)
                    .and_then(|q| q.pop_front())
                    .expect("front exists")
                    .batch;
                if batch.wire_bytes.is_none() {
                    // Sender.drain closes the batch: compressed for real now.
                    let observed = batch.close();
                    if batch.compression != Compression::None {
                        let estimate = producer.ratio_estimate();
                        producer.ratio_estimate.insert(
                            batch.compression,
                            super::compression::update_ratio_estimate(estimate, observed),
                        );
                    }
                }
                if idempotent && batch.attempts == 0 {
                    let next = producer.next_sequence.entry(partition).or_insert(0);
                    for r in Arc::make_mut(&mut batch.records) {
                        r.sequence = Some(*next);
                        *next = next.wrapping_add(1);
                    }
                }
                batch.attempts += 1;
                let (id, records) = (batch.id, batch.records.len() as u32);
                let (bytes, uncompressed_bytes) = (batch.bytes_on_wire(), batch.size_bytes);
                let (compression, attempt) = (batch.compression, batch.attempts);
                let kept = (acks != Acks::None).then(|| batch.clone());
                let msg = self.send(
                    Node::Producer(p),
                    Node::Broker(leader),
                    Body::ProduceRequest { batch, acks },
                );
                self.emit(EventKind::BatchSent {
                    batch: id,
                    msg,
                    producer: p,
                    tp,
                    leader,
                    records,
                    bytes,
                    uncompressed_bytes,
                    compression,
                    attempt,
                });
                match kept {
                    None => {
                        self.emit(EventKind::ProduceAssumed {
                            batch: id,
                            producer: p,
                        });
                        self.batch_done(p, id);
                        self.release_sync(p, id);
                    }
                    Some(batch) => {
                        let now = self.now_ms;
                        let timeout_timer = self.schedule_key(
                            now.saturating_add(request_timeout),
                            Timer::RequestTimeout(p, msg),
                        );
                        let producer = &mut self.producers[p.0 as usize];
                        *producer.in_flight.entry(leader).or_default() += 1;
                        producer.sent.insert(
                            id,
                            SentBatch {
                                batch,
                                broker: leader,
                                request: msg,
                                sent_at_ms: now,
                                expired: false,
                                timeout_timer,
                            },
                        );
                    }
                }
            }
        }
    }

    /// `batch` is done (acknowledged, assumed or expired): its delivery
    /// timeout is cancelled.
    fn batch_done(&mut self, p: ProducerId, batch: BatchId) {
        if let Some(key) = self.producers[p.0 as usize].delivery_timers.remove(&batch) {
            self.timers.remove(&key);
        }
    }

    /// Sync mode: `send().get()` returns once `batch` is done.
    fn release_sync(&mut self, p: ProducerId, batch: BatchId) {
        let producer = &mut self.producers[p.0 as usize];
        if producer.waiting_for != Some(batch) {
            return;
        }
        producer.waiting_for = None;
        if std::mem::take(&mut producer.tick_deferred) {
            self.producer_tick(p);
        }
    }

    pub(crate) fn producer_receive(&mut self, p: ProducerId, msg: Message) {
        let Node::Broker(broker) = msg.from else {
            return;
        };
        if let Body::ProduceResponse {
            batch,
            tp,
            base_offset,
            records,
            error,
        } = msg.body
        {
            let producer = &mut self.producers[p.0 as usize];
            // An answer for a batch no longer in flight to this broker (its
            // connection was closed) is never read.
            if producer.sent.get(&batch).is_none_or(|s| s.broker != broker) {
                return;
            }
            let sent = producer.sent.remove(&batch).expect("checked");
            if let Some(n) = producer.in_flight.get_mut(&broker) {
                *n = n.saturating_sub(1);
            }
            self.timers.remove(&sent.timeout_timer);
            if let Some(error) = error {
                // Every produce error the engine answers is retriable
                // (NOT_ENOUGH_REPLICAS, …_AFTER_APPEND, NOT_LEADER_OR_FOLLOWER,
                // REQUEST_TIMED_OUT): the batch goes back to the front of its
                // queue, after retry.backoff.ms, until delivery.timeout.ms.
                self.emit(EventKind::ProduceFailed {
                    batch,
                    producer: p,
                    tp,
                    error,
                });
                if !sent.expired {
                    self.retry_or_expire(p, vec![sent]);
                }
                self.drain(p);
                return;
            }
            self.batch_done(p, batch);
            let producer = &mut self.producers[p.0 as usize];
            if !sent.expired {
                producer.acknowledged += u64::from(records);
                self.totals.records_acknowledged += u64::from(records);
                self.emit(EventKind::ProduceAcked {
                    batch,
                    producer: p,
                    tp,
                    base_offset,
                    records,
                });
                self.release_sync(p, batch);
            }
            self.drain(p);
        }
    }

    /// `request.timeout.ms` passed for the request `msg`: if it is still
    /// unanswered, the producer closes its connection to that broker (as
    /// Kafka's `NetworkClient` does), so every request in flight on it
    /// fails; their batches are retried or expire.
    pub(crate) fn request_timed_out(&mut self, p: ProducerId, msg: MsgId) {
        let producer = &self.producers[p.0 as usize];
        let Some(broker) = producer
            .sent
            .values()
            .find(|s| s.request == msg)
            .map(|s| s.broker)
        else {
            return;
        };
        self.close_connection(p, broker, true);
    }

    /// A broker's process went down: every producer's connection to it
    /// closes at once, and what was in flight on it is retried.
    pub(crate) fn producers_disconnected(&mut self, broker: BrokerId) {
        let producers: Vec<ProducerId> = self
            .producers
            .iter()
            .filter(|p| p.sent.values().any(|s| s.broker == broker))
            .map(|p| p.id)
            .collect();
        for p in producers {
            self.close_connection(p, broker, false);
        }
    }

    /// Closes the producer's connection to `broker` (after a request timeout,
    /// or because the broker went down): every request in flight on it
    /// fails, and its batches are retried or expire.
    fn close_connection(&mut self, p: ProducerId, broker: BrokerId, timed_out: bool) {
        let producer = &self.producers[p.0 as usize];
        let failed: Vec<BatchId> = producer
            .sent
            .iter()
            .filter(|(_, s)| s.broker == broker)
            .map(|(id, _)| *id)
            .collect();
        // The closed connection carries nothing more: requests not yet read
        // and answers not yet received are gone, and the broker's pending
        // acks=all answers for them have nowhere to go.
        let (from, to) = (Node::Producer(p), Node::Broker(broker));
        self.in_flight.retain(|_, m| {
            !matches!(
                (&m.body, m.from, m.to),
                (Body::ProduceRequest { .. }, f, t) if f == from && t == to
            ) && !matches!(
                (&m.body, m.from, m.to),
                (Body::ProduceResponse { .. }, f, t) if f == to && t == from
            )
        });
        let topic = producer.topic;
        for part in &mut self.topics[topic.0 as usize].partitions {
            part.waiting_acks
                .retain(|w| !(w.producer == p && failed.contains(&w.batch)));
        }
        if timed_out {
            self.emit(EventKind::RequestTimedOut {
                producer: p,
                broker,
                batches: failed.clone(),
            });
        }
        let producer = &mut self.producers[p.0 as usize];
        producer.in_flight.insert(broker, 0);
        let mut batches = Vec::new();
        for id in &failed {
            let sent = producer.sent.remove(id).expect("listed above");
            self.timers.remove(&sent.timeout_timer);
            if !sent.expired {
                batches.push(sent);
            }
        }
        self.retry_or_expire(p, batches);
    }

    /// Failed batches (oldest first) go back to the front of their queues
    /// to be sent again after `retry.backoff.ms`, or expire if
    /// `delivery.timeout.ms` has passed.
    fn retry_or_expire(&mut self, p: ProducerId, failed: Vec<SentBatch>) {
        let now = self.now_ms;
        let producer = &mut self.producers[p.0 as usize];
        let backoff = producer.config.retry_backoff_ms;
        let delivery = producer.config.delivery_timeout_ms;
        let mut retried = Vec::new();
        let mut expired = Vec::new();
        // Newest first, each pushed to the front: the oldest ends up first.
        for sent in failed.into_iter().rev() {
            let id = sent.batch.id;
            if now >= sent.batch.created_at_ms.saturating_add(delivery) {
                expired.push(sent.batch);
                continue;
            }
            let tp = sent.batch.tp;
            let next_attempt = sent.batch.attempts + 1;
            producer
                .accumulator
                .entry(tp.partition)
                .or_default()
                .push_front(PendingBatch {
                    batch: sent.batch,
                    full: true,
                    not_before_ms: now.saturating_add(backoff),
                });
            producer.retries += 1;
            retried.push((id, tp, next_attempt));
        }
        for (batch, tp, next_attempt) in retried.into_iter().rev() {
            self.totals.retries += 1;
            self.emit(EventKind::ProduceRetried {
                batch,
                producer: p,
                tp,
                next_attempt,
            });
        }
        for batch in expired {
            self.expire(p, batch);
        }
        self.schedule(now.saturating_add(backoff), Timer::RetryBackoff(p));
    }

    /// `delivery.timeout.ms` after `batch` was created: if it is still
    /// waiting or in flight, its records fail.
    pub(crate) fn delivery_timed_out(&mut self, p: ProducerId, batch: BatchId) {
        let producer = &mut self.producers[p.0 as usize];
        if let Some(sent) = producer.sent.get_mut(&batch) {
            if !sent.expired {
                sent.expired = true;
                let b = sent.batch.clone();
                self.expire(p, b);
            }
            return;
        }
        let mut found = None;
        for queue in producer.accumulator.values_mut() {
            if let Some(i) = queue.iter().position(|b| b.batch.id == batch) {
                found = queue.remove(i).map(|b| b.batch);
                break;
            }
        }
        if let Some(b) = found {
            self.expire(p, b);
        }
    }

    fn expire(&mut self, p: ProducerId, batch: Batch) {
        self.batch_done(p, batch.id);
        let records = batch.records.len() as u32;
        self.producers[p.0 as usize].failed += u64::from(records);
        self.totals.records_expired += u64::from(records);
        self.emit(EventKind::BatchExpired {
            batch: batch.id,
            producer: p,
            tp: batch.tp,
            records,
        });
        self.release_sync(p, batch.id);
    }

    /// `metadata.max.age.ms` passed: the producer learns its topic's
    /// partition count; keys of its key set whose partition changes are told.
    pub(crate) fn refresh_metadata(&mut self, p: ProducerId) {
        let producer = &self.producers[p.0 as usize];
        let topic = producer.topic;
        let from = producer.known_partitions;
        let to = self.topics[topic.0 as usize].partitions.len() as u32;
        if from == to {
            return;
        }
        let moved_keys = moved_keys(&producer.keys, from, to);
        let producer = &mut self.producers[p.0 as usize];
        producer.known_partitions = to;
        producer.last_repartition = Some((from, to, moved_keys.clone()));
        self.emit(EventKind::MetadataRefreshed {
            producer: p,
            topic,
            from,
            to,
            moved_keys,
        });
    }

    /// Replaces a producer's configuration (Kafka fixes a producer's
    /// configuration when it is created; this stands for the application
    /// restarting its producer with new settings, its queued batches still
    /// delivered). Name and topic cannot change.
    pub(crate) fn set_producer_config(
        &mut self,
        p: ProducerId,
        config: ProducerConfig,
    ) -> Result<(), Refusal> {
        let Some(producer) = self.producers.get(p.0 as usize) else {
            return Err(RefusalReason::NoSuchNode(Node::Producer(p)).into());
        };
        if config.name != producer.config.name || config.topic != producer.config.topic {
            return Err(RefusalReason::ProducerIdentityFixed.into());
        }
        super::validate::validate_producer(&config)?;
        self.check_producer_rate(p, config.records_per_sec)?;
        let before = producer.config.clone();
        let rate = config.records_per_sec;
        let old_rate = producer.config.records_per_sec;
        let producer = &mut self.producers[p.0 as usize];
        if config.partitioner != producer.config.partitioner
            || config.ignore_keys != producer.config.ignore_keys
        {
            producer.sticky = Sticky::default();
            producer.round_robin = RoundRobin::default();
        }
        if config.keys != producer.config.keys {
            producer.keys = config.keys.iter().map(|k| Arc::from(k.as_str())).collect();
        }
        if config.mode == SendMode::Async {
            producer.waiting_for = None;
        }
        producer.config = ProducerConfig {
            records_per_sec: old_rate,
            ..config
        };
        let after = self.producers[p.0 as usize].config.clone();
        if after != before {
            self.emit(EventKind::ProducerConfigChanged {
                producer: p,
                before: Box::new(before),
                after: Box::new(after),
            });
        }
        if rate != old_rate {
            self.set_producer_rate(p, rate)?;
        }
        if self.producers[p.0 as usize].tick_deferred && !self.producers[p.0 as usize].blocked() {
            self.producers[p.0 as usize].tick_deferred = false;
            self.producer_tick(p);
        }
        self.drain(p);
        Ok(())
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

impl Sim {
    /// Checks producer `p`'s new rate: the simulator's limit per producer
    /// and the cluster's traffic limit ([`MAX_RECORD_COPIES_PER_SEC`]).
    pub(crate) fn check_producer_rate(
        &self,
        p: super::ids::ProducerId,
        rate: u32,
    ) -> Result<(), Refusal> {
        let rates: Vec<u32> = self
            .producers
            .iter()
            .map(|x| x.config.records_per_sec)
            .collect();
        super::kafka::validate::check_rate_change(&self.config, &rates, p.0 as usize, rate)
    }
}
