//! A producer's sender: ready batches are closed (compressed for real) and
//! sent to each partition's leader, at most
//! `max.in.flight.requests.per.connection` unanswered per broker; answers
//! are acknowledgements or retriable errors. A request unanswered after
//! `request.timeout.ms` closes the connection to that broker; every batch in
//! flight on it goes back to the front of its queue and is sent again after
//! `retry.backoff.ms`, until `delivery.timeout.ms` after its creation, when
//! it expires. With idempotence each batch carries sequence numbers.

use std::sync::Arc;

use super::state::{PendingBatch, Producer, SentBatch};
use crate::engine::context::ctx::Ctx;
use crate::engine::context::metadata::Metadata;
use crate::engine::kafka::batch::Batch;
use crate::engine::kafka::compression::update_ratio_estimate;
use crate::engine::vocab::config::{Acks, Compression};
use crate::engine::vocab::event::EventKind;
use crate::engine::vocab::ids::{BatchId, BrokerId, MsgId, Node};
use crate::engine::vocab::timers::Timer;
use crate::engine::wire::message::{Body, Message};

impl Producer {
    /// A batch has waited `linger.ms`.
    pub(crate) fn linger_expired(&mut self, ctx: &mut Ctx, meta: &impl Metadata, _batch: BatchId) {
        self.drain(ctx, meta);
    }

    /// Sends every ready batch whose leader has room for another request.
    pub(crate) fn drain(&mut self, ctx: &mut Ctx, meta: &impl Metadata) {
        let p = self.id;
        let partitions: Vec<u32> = self.accumulator.keys().copied().collect();
        for partition in partitions {
            while let Some(front) = self.accumulator.get(&partition).and_then(|q| q.front()) {
                if !front.sendable(ctx.now(), self.config.linger_ms) {
                    break;
                }
                let tp = front.batch.tp;
                // No leader, or a leader whose process is down (connection
                // refused): the batch waits in the accumulator.
                let Some(leader) = meta.leader(tp).filter(|l| meta.broker_alive(*l)) else {
                    break;
                };
                let used = self.in_flight.get(&leader).copied().unwrap_or(0);
                if used >= self.config.max_in_flight {
                    break;
                }
                let acks = self.config.acks;
                let idempotent = self.config.idempotent();
                let request_timeout = self.config.request_timeout_ms;
                let mut batch = self
                    .accumulator
                    .get_mut(&partition)
                    .and_then(|q| q.pop_front())
                    .expect("front exists")
                    .batch;
                if batch.wire_bytes.is_none() {
                    // Sender.drain closes the batch: compressed for real now.
                    let observed = batch.close();
                    if batch.compression != Compression::None {
                        let estimate = self.ratio_estimate();
                        self.ratio_estimate
                            .insert(batch.compression, update_ratio_estimate(estimate, observed));
                    }
                }
                if idempotent && batch.attempts == 0 {
                    let next = self.next_sequence.entry(partition).or_insert(0);
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
                let msg = ctx.send(
                    Node::Producer(p),
                    Node::Broker(leader),
                    Body::ProduceRequest { batch, acks },
                );
                ctx.emit(EventKind::BatchSent {
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
                        ctx.emit(EventKind::ProduceAssumed {
                            batch: id,
                            producer: p,
                        });
                        self.batch_done(ctx, id);
                        self.release_sync(ctx, meta, id);
                    }
                    Some(batch) => {
                        let now = ctx.now();
                        let timeout_timer = ctx.schedule(
                            now.saturating_add(request_timeout),
                            Timer::RequestTimeout(p, msg),
                        );
                        *self.in_flight.entry(leader).or_default() += 1;
                        self.sent.insert(
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
    fn batch_done(&mut self, ctx: &mut Ctx, batch: BatchId) {
        if let Some(key) = self.delivery_timers.remove(&batch) {
            ctx.cancel(key);
        }
    }

    /// Sync mode: `send().get()` returns once `batch` is done.
    fn release_sync(&mut self, ctx: &mut Ctx, meta: &impl Metadata, batch: BatchId) {
        if self.waiting_for != Some(batch) {
            return;
        }
        self.waiting_for = None;
        if std::mem::take(&mut self.tick_deferred) {
            self.tick(ctx, meta);
        }
    }

    /// A message for the producer: a leader's answer to a produce request.
    pub(crate) fn receive(&mut self, ctx: &mut Ctx, meta: &impl Metadata, msg: Message) {
        let p = self.id;
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
            // An answer for a batch no longer in flight to this broker (its
            // connection was closed) is never read.
            if self.sent.get(&batch).is_none_or(|s| s.broker != broker) {
                return;
            }
            let sent = self.sent.remove(&batch).expect("checked");
            if let Some(n) = self.in_flight.get_mut(&broker) {
                *n = n.saturating_sub(1);
            }
            ctx.cancel(sent.timeout_timer);
            if let Some(error) = error {
                // The produce errors the engine answers are retried
                // (NOT_ENOUGH_REPLICAS, …_AFTER_APPEND, NOT_LEADER_OR_FOLLOWER,
                // REQUEST_TIMED_OUT, and OUT_OF_ORDER_SEQUENCE_NUMBER, which
                // only comes while an earlier batch is unresolved): the batch
                // goes back to the front of its queue, after retry.backoff.ms,
                // until delivery.timeout.ms.
                ctx.emit(EventKind::ProduceFailed {
                    batch,
                    producer: p,
                    tp,
                    error,
                });
                if !sent.expired {
                    self.retry_or_expire(ctx, meta, vec![sent]);
                }
                self.drain(ctx, meta);
                return;
            }
            self.batch_done(ctx, batch);
            if !sent.expired {
                self.acknowledged += u64::from(records);
                ctx.totals().records_acknowledged += u64::from(records);
                ctx.emit(EventKind::ProduceAcked {
                    batch,
                    producer: p,
                    tp,
                    base_offset,
                    records,
                });
                self.release_sync(ctx, meta, batch);
            }
            self.drain(ctx, meta);
        }
    }

    /// `request.timeout.ms` passed for the request `msg`: if it is still
    /// unanswered, the producer closes its connection to that broker (as
    /// Kafka's `NetworkClient` does), so every request in flight on it
    /// fails; their batches are retried or expire. Returns the batches that
    /// were in flight on it (the leader's pending answers for them have
    /// nowhere to go), `None` if the request was answered meanwhile.
    pub(crate) fn request_timed_out(
        &mut self,
        ctx: &mut Ctx,
        meta: &impl Metadata,
        msg: MsgId,
    ) -> Option<Vec<BatchId>> {
        let broker = self
            .sent
            .values()
            .find(|s| s.request == msg)
            .map(|s| s.broker)?;
        Some(self.close_connection(ctx, meta, broker, true))
    }

    /// Whether a batch is in flight to `broker`.
    #[must_use]
    pub(crate) fn talks_to(&self, broker: BrokerId) -> bool {
        self.sent.values().any(|s| s.broker == broker)
    }

    /// Closes the producer's connection to `broker` (after a request timeout,
    /// or because the broker went down): every request in flight on it
    /// fails, and its batches are retried or expire. Returns those batches.
    pub(crate) fn close_connection(
        &mut self,
        ctx: &mut Ctx,
        meta: &impl Metadata,
        broker: BrokerId,
        timed_out: bool,
    ) -> Vec<BatchId> {
        let p = self.id;
        let failed: Vec<BatchId> = self
            .sent
            .iter()
            .filter(|(_, s)| s.broker == broker)
            .map(|(id, _)| *id)
            .collect();
        // The closed connection carries nothing more: requests not yet read
        // and answers not yet received are gone, and the broker's pending
        // acks=all answers for them have nowhere to go (the caller tells it).
        ctx.close_produce_connection(p, broker);
        if timed_out {
            ctx.emit(EventKind::RequestTimedOut {
                producer: p,
                broker,
                batches: failed.clone(),
            });
        }
        self.in_flight.insert(broker, 0);
        let mut batches = Vec::new();
        for id in &failed {
            let sent = self.sent.remove(id).expect("listed above");
            ctx.cancel(sent.timeout_timer);
            if !sent.expired {
                batches.push(sent);
            }
        }
        self.retry_or_expire(ctx, meta, batches);
        failed
    }

    /// Failed batches (oldest first) go back to the front of their queues
    /// to be sent again after `retry.backoff.ms`, or expire if
    /// `delivery.timeout.ms` has passed.
    fn retry_or_expire(&mut self, ctx: &mut Ctx, meta: &impl Metadata, failed: Vec<SentBatch>) {
        let p = self.id;
        let now = ctx.now();
        let backoff = self.config.retry_backoff_ms;
        let delivery = self.config.delivery_timeout_ms;
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
            self.accumulator
                .entry(tp.partition)
                .or_default()
                .push_front(PendingBatch {
                    batch: sent.batch,
                    full: true,
                    not_before_ms: now.saturating_add(backoff),
                });
            self.retries += 1;
            retried.push((id, tp, next_attempt));
        }
        for (batch, tp, next_attempt) in retried.into_iter().rev() {
            ctx.totals().retries += 1;
            ctx.emit(EventKind::ProduceRetried {
                batch,
                producer: p,
                tp,
                next_attempt,
            });
        }
        for batch in expired {
            self.expire(ctx, meta, batch);
        }
        ctx.schedule(now.saturating_add(backoff), Timer::RetryBackoff(p));
    }

    /// `delivery.timeout.ms` after `batch` was created: if it is still
    /// waiting or in flight, its records fail.
    pub(crate) fn delivery_timed_out(
        &mut self,
        ctx: &mut Ctx,
        meta: &impl Metadata,
        batch: BatchId,
    ) {
        if let Some(sent) = self.sent.get_mut(&batch) {
            if !sent.expired {
                sent.expired = true;
                let b = sent.batch.clone();
                self.expire(ctx, meta, b);
            }
            return;
        }
        let mut found = None;
        for queue in self.accumulator.values_mut() {
            if let Some(i) = queue.iter().position(|b| b.batch.id == batch) {
                found = queue.remove(i).map(|b| b.batch);
                break;
            }
        }
        if let Some(b) = found {
            self.expire(ctx, meta, b);
        }
    }

    fn expire(&mut self, ctx: &mut Ctx, meta: &impl Metadata, batch: Batch) {
        self.batch_done(ctx, batch.id);
        let records = batch.records.len() as u32;
        self.failed += u64::from(records);
        ctx.totals().records_expired += u64::from(records);
        ctx.emit(EventKind::BatchExpired {
            batch: batch.id,
            producer: self.id,
            tp: batch.tp,
            records,
        });
        self.release_sync(ctx, meta, batch.id);
    }
}
