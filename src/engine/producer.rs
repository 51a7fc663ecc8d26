//! Producers: records are created (at a steady rate or by hand), pass the
//! partitioner, gather in per-partition batches (`batch.size`, `linger.ms`),
//! and batches are sent to each partition's leader, at most
//! `max.in.flight.requests.per.connection` unanswered per broker.

use std::collections::{BTreeMap, VecDeque};
use std::sync::Arc;

use rand::Rng;

use super::command::Refusal;
use super::config::{Acks, ProducerConfig};
use super::event::{EventKind, PartitionDecision};
use super::ids::{BatchId, BrokerId, ProducerId, TopicIdx, TopicPartition};
use super::murmur2::{murmur2, to_positive};
use super::network::{Body, Message, Node};
use super::record::{Batch, Record};
use super::sim::{Sim, Timer};

/// A batch waiting in the producer's accumulator. Records keep joining the
/// newest batch of a partition until it is full, even while it waits for a
/// free in-flight slot (as Kafka's `RecordAccumulator` does), so batches grow
/// under back-pressure.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingBatch {
    /// The batch.
    pub batch: Batch,
    /// No more records fit: it may be sent whatever `linger.ms` says.
    pub full: bool,
}

impl PendingBatch {
    /// Sendable: full, or it has waited `linger.ms`.
    #[must_use]
    pub fn sendable(&self, now_ms: u64, linger_ms: u64) -> bool {
        self.full || now_ms >= self.batch.created_at_ms + linger_ms
    }
}

/// A producer client's state.
#[derive(Clone, Debug, PartialEq)]
pub struct Producer {
    /// Its id.
    pub id: ProducerId,
    /// Its configuration in force.
    pub config: ProducerConfig,
    /// The topic it writes to.
    pub topic: TopicIdx,
    /// Its key set, shared.
    pub keys: Vec<Arc<str>>,
    /// Next sequence number.
    pub next_seq: u64,
    /// Start of the current steady rate (records are due at `start + n·1000/rate`).
    pub rate_started_at_ms: u64,
    /// Records created at the current rate so far.
    pub rate_ticks: u64,
    /// Open and ready batches, per partition, oldest first.
    pub accumulator: BTreeMap<u32, VecDeque<PendingBatch>>,
    /// Unanswered produce requests per broker.
    pub in_flight: BTreeMap<BrokerId, u32>,
    /// The sticky partition for null keys, and the bytes it has taken.
    pub sticky: Option<(u32, u32)>,
    /// Records acknowledged.
    pub acknowledged: u64,
    /// Records whose batch was answered with an error.
    pub failed: u64,
}

impl Producer {
    pub(crate) fn new(id: ProducerId, config: ProducerConfig, topic: TopicIdx) -> Self {
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
            sticky: None,
            acknowledged: 0,
            failed: 0,
        }
    }

    /// When the next steady-rate record is due.
    pub(crate) fn next_tick_at(&self, start: u64) -> u64 {
        let rate = u64::from(self.config.records_per_sec.max(1));
        start + self.rate_ticks * 1000 / rate
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
}

impl Sim {
    pub(crate) fn producer_tick(&mut self, p: ProducerId) {
        let producer = &self.producers[p.0 as usize];
        if producer.config.records_per_sec == 0 {
            return;
        }
        let key = if producer.keys.is_empty() {
            None
        } else {
            let n = producer.keys.len() as u32;
            let i = self.rng.random_range(0..n);
            Some(self.producers[p.0 as usize].keys[i as usize].clone())
        };
        self.create_record(p, key, None, false);
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
    ) -> Result<(), Refusal> {
        if p.0 as usize >= self.producers.len() {
            return Err(Refusal::limit(format!("there is no {p}")));
        }
        let max = super::limits::MAX_TEXT_BYTES as usize;
        if key.as_ref().is_some_and(|k| k.len() > max) || value.len() > max {
            return Err(Refusal::kafka(
                "RECORD_TOO_LARGE",
                format!("keys and values are limited to {max} bytes here"),
            ));
        }
        self.create_record(
            p,
            key.map(|k| Arc::from(k.as_str())),
            Some(Arc::from(value.as_str())),
            false,
        );
        Ok(())
    }

    /// A producer sends a tombstone typed by hand: `key` with a null value.
    pub(crate) fn produce_tombstone(&mut self, p: ProducerId, key: String) -> Result<(), Refusal> {
        if p.0 as usize >= self.producers.len() {
            return Err(Refusal::limit(format!("there is no {p}")));
        }
        let max = super::limits::MAX_TEXT_BYTES as usize;
        if key.len() > max {
            return Err(Refusal::kafka(
                "RECORD_TOO_LARGE",
                format!("keys and values are limited to {max} bytes here"),
            ));
        }
        self.create_record(p, Some(Arc::from(key.as_str())), None, true);
        Ok(())
    }

    pub(crate) fn set_producer_rate(&mut self, p: ProducerId, rate: u32) -> Result<(), Refusal> {
        if p.0 as usize >= self.producers.len() {
            return Err(Refusal::limit(format!("there is no {p}")));
        }
        if rate > super::limits::MAX_RECORDS_PER_SEC {
            return Err(Refusal::limit(format!(
                "a rate of {rate} records/s is above the limit of {}",
                super::limits::MAX_RECORDS_PER_SEC
            )));
        }
        let now = self.now_ms;
        let producer = &mut self.producers[p.0 as usize];
        let was_running = producer.config.records_per_sec > 0;
        producer.config.records_per_sec = rate;
        producer.rate_started_at_ms = now;
        producer.rate_ticks = 0;
        // A running producer already has its tick queued; drop it so the new
        // rate starts now.
        if was_running {
            self.timers.retain(|_, t| *t != Timer::ProducerTick(p));
        }
        if rate > 0 {
            let rate = u64::from(rate);
            self.schedule(now + 1000 / rate, Timer::ProducerTick(p));
            self.producers[p.0 as usize].rate_ticks = 1;
        }
        self.emit(EventKind::ProducerRateChanged {
            producer: p,
            records_per_sec: rate,
        });
        Ok(())
    }

    /// The partitioner (KAFKA.md §1–2): a key hashes with murmur2 over all
    /// partitions; a null key goes to the sticky partition, which changes
    /// once it has taken `batch.size` bytes.
    fn choose_partition(
        &mut self,
        p: ProducerId,
        key: Option<&str>,
        size: u32,
    ) -> (u32, PartitionDecision) {
        let topic = self.producers[p.0 as usize].topic;
        let count = self.topics[topic.0 as usize].partitions.len() as u32;
        if let Some(key) = key {
            let hash = murmur2(key.as_bytes());
            return (
                to_positive(hash) % count,
                PartitionDecision::KeyHash {
                    murmur2: hash,
                    partitions: count,
                },
            );
        }
        let batch_size = self.producers[p.0 as usize].config.batch_size;
        let sticky = match self.producers[p.0 as usize].sticky {
            Some((partition, bytes)) if bytes < batch_size => partition,
            _ => {
                let with_leader: Vec<u32> = self.topics[topic.0 as usize]
                    .partitions
                    .iter()
                    .filter(|part| part.leader.is_some())
                    .map(|part| part.tp.partition)
                    .collect();
                let pool = if with_leader.is_empty() {
                    (0..count).collect()
                } else {
                    with_leader
                };
                let i = self.rng.random_range(0..pool.len() as u32);
                pool[i as usize]
            }
        };
        let producer = &mut self.producers[p.0 as usize];
        let bytes = match producer.sticky {
            Some((s, b)) if s == sticky => b,
            _ => 0,
        };
        producer.sticky = Some((sticky, bytes + size));
        (sticky, PartitionDecision::Sticky)
    }

    fn create_record(
        &mut self,
        p: ProducerId,
        key: Option<Arc<str>>,
        value: Option<Arc<str>>,
        tombstone: bool,
    ) {
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
        };
        let (partition, decision) =
            self.choose_partition(p, record.key.as_deref(), record.size_in_batch(0, 0));
        let topic = self.producers[p.0 as usize].topic;
        let tp = TopicPartition { topic, partition };
        self.totals.records_created += 1;
        let key = record.key.clone();
        let batch = self.accumulate(p, tp, record);
        self.emit(EventKind::RecordCreated {
            record: id,
            producer: p,
            key,
            tp,
            decision,
            batch,
        });
        self.drain(p);
    }

    /// Adds a record to the partition's open batch (or a new one); returns the batch.
    fn accumulate(&mut self, p: ProducerId, tp: TopicPartition, record: Record) -> BatchId {
        let now = self.now_ms;
        let batch_size = self.producers[p.0 as usize].config.batch_size;
        let linger = self.producers[p.0 as usize].config.linger_ms;
        let queue = self.producers[p.0 as usize]
            .accumulator
            .entry(tp.partition)
            .or_default();
        if let Some(open) = queue.back_mut().filter(|b| !b.full) {
            if open.batch.size_with(&record) <= batch_size {
                open.batch.push(record);
                open.full = open.batch.size_bytes >= batch_size;
                return open.batch.id;
            }
            open.full = true;
        }
        let id = self.next_batch_id();
        let mut batch = Batch::new(id, p, tp, now);
        batch.push(record);
        let full = batch.size_bytes >= batch_size;
        self.producers[p.0 as usize]
            .accumulator
            .entry(tp.partition)
            .or_default()
            .push_back(PendingBatch { batch, full });
        if !full && linger > 0 {
            self.schedule(now + linger, Timer::Linger(p, id));
        }
        id
    }

    pub(crate) fn linger_expired(&mut self, p: ProducerId, _batch: BatchId) {
        self.drain(p);
    }

    /// Sends every ready batch whose leader has room for another request.
    fn drain(&mut self, p: ProducerId) {
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
                let Some(leader) = self.partition(tp).leader else {
                    break;
                };
                let used = producer.in_flight.get(&leader).copied().unwrap_or(0);
                if used >= producer.config.max_in_flight {
                    break;
                }
                let acks = producer.config.acks;
                let pending = self.producers[p.0 as usize]
                    .accumulator
                    .get_mut(&partition)
                    .and_then(|q| q.pop_front())
                    .expect("front exists");
                let batch = pending.batch;
                let (id, records, bytes) = (batch.id, batch.records.len() as u32, batch.size_bytes);
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
                });
                if acks == Acks::None {
                    self.emit(EventKind::ProduceAssumed {
                        batch: id,
                        producer: p,
                    });
                } else {
                    *self.producers[p.0 as usize]
                        .in_flight
                        .entry(leader)
                        .or_default() += 1;
                }
            }
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
            if let Some(n) = producer.in_flight.get_mut(&broker) {
                *n = n.saturating_sub(1);
            }
            if let Some(error) = error {
                producer.failed += u64::from(records);
                self.emit(EventKind::ProduceFailed {
                    batch,
                    producer: p,
                    tp,
                    error,
                });
                self.drain(p);
                return;
            }
            producer.acknowledged += u64::from(records);
            self.totals.records_acknowledged += u64::from(records);
            self.emit(EventKind::ProduceAcked {
                batch,
                producer: p,
                tp,
                base_offset,
                records,
            });
            self.drain(p);
        }
    }
}
