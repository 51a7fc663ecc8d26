//! A producer's records: created at a steady rate or by hand, through the
//! partitioner (`KafkaProducer.partition`'s order: an explicit partition, a
//! custom partitioner, the key's hash, else the built-in sticky partition
//! with its adaptive weights), into the accumulator's batches (`batch.size`,
//! `linger.ms`, the compression ratio estimate).

use std::collections::VecDeque;
use std::sync::Arc;

use rand::Rng;

use super::state::{LatestDecision, PendingBatch, Producer};
use crate::engine::context::ctx::Ctx;
use crate::engine::context::metadata::Metadata;
use crate::engine::kafka::batch::Batch;
use crate::engine::kafka::partitioner;
use crate::engine::kafka::record::Record;
use crate::engine::vocab::config::{Partitioner, SendMode};
use crate::engine::vocab::event::EventKind;
use crate::engine::vocab::ids::{BatchId, Node, RecordId, TopicPartition};
use crate::engine::vocab::limits::MAX_TEXT_BYTES;
use crate::engine::vocab::reasons::{PartitionDecision, SwitchReason};
use crate::engine::vocab::refusal::{Refusal, RefusalReason};
use crate::engine::vocab::timers::Timer;

impl Producer {
    /// The steady rate's next record is due.
    pub(crate) fn tick(&mut self, ctx: &mut Ctx, meta: &impl Metadata) {
        if self.config.records_per_sec == 0 {
            return;
        }
        if self.blocked() {
            // send().get() still waiting: the record is created once it returns.
            self.tick_deferred = true;
            return;
        }
        let key = if self.keys.is_empty() {
            None
        } else {
            let n = self.keys.len() as u32;
            let i = ctx.rng().random_range(0..n);
            Some(self.keys[i as usize].clone())
        };
        self.create_record(ctx, meta, key, None, None, false);
        self.rate_ticks += 1;
        let next = self.next_tick_at(self.rate_started_at_ms);
        ctx.schedule(next, Timer::ProducerTick(self.id));
    }

    /// A record typed by hand (`partition`: named by the record).
    pub(crate) fn produce_by_hand(
        &mut self,
        ctx: &mut Ctx,
        meta: &impl Metadata,
        key: Option<String>,
        value: String,
        partition: Option<u32>,
    ) -> Result<(), Refusal> {
        let max = MAX_TEXT_BYTES as usize;
        if key.as_ref().is_some_and(|k| k.len() > max) || value.len() > max {
            return Err(RefusalReason::RecordTooLarge { max: max as u32 }.into());
        }
        if let Some(part) = partition {
            if part >= self.known_partitions {
                // KafkaProducer.partition's check, client side.
                return Err(RefusalReason::InvalidPartition {
                    partition: part,
                    partitions: self.known_partitions,
                }
                .into());
            }
        }
        if self.blocked() {
            return Err(RefusalReason::SyncProducerWaiting {
                producer: self.config.name.clone(),
            }
            .into());
        }
        self.create_record(
            ctx,
            meta,
            key.map(|k| Arc::from(k.as_str())),
            Some(Arc::from(value.as_str())),
            partition,
            false,
        );
        Ok(())
    }

    /// A tombstone typed by hand: `key` with a null value.
    pub(crate) fn produce_tombstone(
        &mut self,
        ctx: &mut Ctx,
        meta: &impl Metadata,
        key: String,
    ) -> Result<(), Refusal> {
        let max = MAX_TEXT_BYTES as usize;
        if key.len() > max {
            return Err(RefusalReason::RecordTooLarge { max: max as u32 }.into());
        }
        self.create_record(ctx, meta, Some(Arc::from(key.as_str())), None, None, true);
        Ok(())
    }

    /// The built-in partitioner picks the next sticky partition
    /// (`BuiltInPartitioner.nextPartition`), with adaptive weights from the
    /// accumulator's queue lengths once every partition has had a batch.
    fn switch_sticky(&mut self, ctx: &mut Ctx, meta: &impl Metadata, reason: SwitchReason) -> u32 {
        let count = self.known_partitions;
        let available = meta.available_partitions(self.topic, count);
        let stats = if self.config.adaptive && self.accumulator.len() as u32 >= count {
            let queues: Vec<(u32, u32)> = available
                .iter()
                .map(|&part| {
                    let q = self.accumulator.get(&part).map_or(0, VecDeque::len);
                    (part, q as u32)
                })
                .collect();
            partitioner::load_stats(&queues, count)
        } else {
            None
        };
        let random = ctx.rng().random::<u32>() >> 1;
        let next = partitioner::next_partition(random, stats.as_ref(), &available, count);
        let from = self.sticky.partition;
        let produced_bytes = self.sticky.produced_bytes;
        self.sticky.switch_to(next);
        ctx.emit(EventKind::StickySwitched {
            producer: self.id,
            topic: self.topic,
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
        ctx: &mut Ctx,
        meta: &impl Metadata,
        record: &Record,
        explicit: Option<u32>,
    ) -> (u32, PartitionDecision, bool) {
        if let Some(part) = explicit {
            return (part, PartitionDecision::Explicit, false);
        }
        let count = self.known_partitions;
        match self.config.partitioner {
            Partitioner::RoundRobin | Partitioner::RoundRobinLegacy => {
                let fixed = self.config.partitioner == Partitioner::RoundRobin;
                let available = meta.available_partitions(self.topic, count);
                let first = self.round_robin.partition(&available, count);
                if self.has_room(first, record) {
                    return (
                        first,
                        PartitionDecision::RoundRobin { skipped: None },
                        false,
                    );
                }
                // RecordAccumulator.append aborts for a new batch; doSend calls
                // onNewBatch, then partition() again.
                self.round_robin.on_new_batch(first, fixed);
                let second = self.round_robin.partition(&available, count);
                let skipped = (second != first).then_some(first);
                (second, PartitionDecision::RoundRobin { skipped }, false)
            }
            Partitioner::BuiltIn => {
                if let (Some(key), false) = (&record.key, self.config.ignore_keys) {
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
                let part = match self.sticky.partition {
                    Some(part) if part < count => part,
                    _ => self.switch_sticky(ctx, meta, SwitchReason::First),
                };
                (
                    part,
                    PartitionDecision::Sticky {
                        produced_bytes: self.sticky.produced_bytes,
                        batch_size: self.config.batch_size,
                    },
                    true,
                )
            }
        }
    }

    pub(super) fn create_record(
        &mut self,
        ctx: &mut Ctx,
        meta: &impl Metadata,
        key: Option<Arc<str>>,
        value: Option<Arc<str>>,
        explicit: Option<u32>,
        tombstone: bool,
    ) -> RecordId {
        let id = ctx.next_record_id();
        let now = ctx.now();
        let seq = self.next_seq;
        self.next_seq += 1;
        let value_bytes = match &value {
            _ if tombstone => 0,
            Some(v) => v.len() as u32,
            None => self.config.value_bytes,
        };
        let record = Record {
            id,
            producer: self.id,
            seq,
            key,
            value,
            tombstone,
            value_bytes,
            timestamp_ms: now,
            sequence: None,
        };
        let (partition, decision, sticky) = self.choose_partition(ctx, meta, &record, explicit);
        let tp = TopicPartition {
            topic: self.topic,
            partition,
        };
        ctx.totals().records_created += 1;
        let key = record.key.clone();
        let (batch, appended_bytes, last_full) = self.accumulate(ctx, tp, record);
        self.last_decision = Some(LatestDecision {
            record: id,
            key: key.clone(),
            tp,
            decision: decision.clone(),
            at_ms: now,
        });
        ctx.emit(EventKind::RecordCreated {
            record: id,
            producer: self.id,
            key,
            tp,
            decision,
            batch,
        });
        if sticky {
            // BuiltInPartitioner.updatePartitionInfo: keyed records never count.
            let batch_size = self.config.batch_size;
            if let Some(reason) = self.sticky.produced(appended_bytes, batch_size, last_full) {
                self.switch_sticky(ctx, meta, reason);
            }
        }
        if self.config.mode == SendMode::Sync {
            self.waiting_for = Some(batch);
        }
        self.drain(ctx, meta);
        id
    }

    /// Adds a record to the partition's last batch, or a new one. Returns the
    /// batch, the bytes the batch grew by (Kafka's `appendedBytes`: the whole
    /// estimated size for a new batch), and whether the partition's last
    /// batch is now full (Kafka's `enableSwitch`).
    fn accumulate(
        &mut self,
        ctx: &mut Ctx,
        tp: TopicPartition,
        record: Record,
    ) -> (BatchId, u32, bool) {
        let now = ctx.now();
        let batch_size = self.config.batch_size;
        let linger = self.config.linger_ms;
        let compression = self.config.compression;
        let ratio = self.ratio_estimate();
        let queue = self.accumulator.entry(tp.partition).or_default();
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
        let id = ctx.next_batch_id();
        let mut batch = Batch::new(id, self.id, tp, now).with_compression(compression, ratio);
        batch.push(record);
        let appended = batch.estimated_bytes();
        let full = appended >= batch_size;
        self.accumulator
            .entry(tp.partition)
            .or_default()
            .push_back(PendingBatch {
                batch,
                full,
                not_before_ms: 0,
            });
        if !full && linger > 0 {
            ctx.schedule(now.saturating_add(linger), Timer::Linger(self.id, id));
        }
        let delivery = self.config.delivery_timeout_ms;
        let key = ctx.schedule(
            now.saturating_add(delivery),
            Timer::DeliveryTimeout(self.id, id),
        );
        self.delivery_timers.insert(id, key);
        (id, appended, full)
    }
}

/// Why a producer id names no producer.
pub(crate) fn no_such_producer(p: crate::engine::vocab::ids::ProducerId) -> Refusal {
    RefusalReason::NoSuchNode(Node::Producer(p)).into()
}
