//! Sim's side of the producers (moving to `sim/`): routing timers, answers
//! and commands to the producer part, with the limits checked first.

pub use super::parts::producer::{
    moved_keys, LatestDecision, MovedKey, PendingBatch, Producer, SentBatch,
};

use super::config::ProducerConfig;
use super::context::ctx::Ctx;
use super::ids::{BatchId, BrokerId, MsgId, ProducerId};
use super::network::Message;
use super::parts::producer::no_such_producer;
use super::refusal::{Refusal, RefusalReason};
use super::sim::{ClusterMeta, Sim};

impl Sim {
    /// Lends producer `p` the context and the cluster's metadata.
    fn with_producer<R>(
        &mut self,
        p: ProducerId,
        f: impl FnOnce(&mut Producer, &mut Ctx, &ClusterMeta) -> R,
    ) -> R {
        let Sim {
            rt,
            net,
            topics,
            brokers,
            producers,
            ..
        } = self;
        let mut ctx = Ctx::new(rt, net);
        let meta = ClusterMeta { topics, brokers };
        f(&mut producers[p.0 as usize], &mut ctx, &meta)
    }

    fn producer_exists(&self, p: ProducerId) -> Result<(), Refusal> {
        if (p.0 as usize) < self.producers.len() {
            Ok(())
        } else {
            Err(no_such_producer(p))
        }
    }

    pub(crate) fn producer_tick(&mut self, p: ProducerId) {
        self.with_producer(p, |pr, ctx, meta| pr.tick(ctx, meta));
    }

    pub(crate) fn linger_expired(&mut self, p: ProducerId, batch: BatchId) {
        self.with_producer(p, |pr, ctx, meta| pr.linger_expired(ctx, meta, batch));
    }

    pub(crate) fn drain(&mut self, p: ProducerId) {
        self.with_producer(p, |pr, ctx, meta| pr.drain(ctx, meta));
    }

    pub(crate) fn delivery_timed_out(&mut self, p: ProducerId, batch: BatchId) {
        self.with_producer(p, |pr, ctx, meta| pr.delivery_timed_out(ctx, meta, batch));
    }

    pub(crate) fn refresh_metadata(&mut self, p: ProducerId) {
        self.with_producer(p, |pr, ctx, meta| pr.refresh_metadata(ctx, meta));
    }

    pub(crate) fn producer_receive(&mut self, p: ProducerId, msg: Message) {
        self.with_producer(p, |pr, ctx, meta| pr.receive(ctx, meta, msg));
    }

    /// `request.timeout.ms` passed for a request: the connection to its
    /// broker closes; the leader's pending answers for its batches go.
    pub(crate) fn request_timed_out(&mut self, p: ProducerId, msg: MsgId) {
        if let Some(failed) =
            self.with_producer(p, |pr, ctx, meta| pr.request_timed_out(ctx, meta, msg))
        {
            self.forget_waiting_acks(p, &failed);
        }
    }

    /// A broker's process went down: every producer's connection to it
    /// closes at once, and what was in flight on it is retried.
    pub(crate) fn producers_disconnected(&mut self, broker: BrokerId) {
        let producers: Vec<ProducerId> = self
            .producers
            .iter()
            .filter(|p| p.talks_to(broker))
            .map(|p| p.id)
            .collect();
        for p in producers {
            let failed = self.with_producer(p, |pr, ctx, meta| {
                pr.close_connection(ctx, meta, broker, false)
            });
            self.forget_waiting_acks(p, &failed);
        }
    }

    /// The leaders' `acks=all` answers for `batches` of producer `p` have
    /// nowhere to go: its connection closed.
    fn forget_waiting_acks(&mut self, p: ProducerId, batches: &[BatchId]) {
        let topic = self.producers[p.0 as usize].topic;
        for part in &mut self.topics[topic.0 as usize].partitions {
            part.waiting_acks
                .retain(|w| !(w.producer == p && batches.contains(&w.batch)));
        }
    }

    pub(crate) fn produce_by_hand(
        &mut self,
        p: ProducerId,
        key: Option<String>,
        value: String,
        partition: Option<u32>,
    ) -> Result<(), Refusal> {
        self.producer_exists(p)?;
        self.with_producer(p, |pr, ctx, meta| {
            pr.produce_by_hand(ctx, meta, key, value, partition)
        })
    }

    /// A producer sends a tombstone typed by hand: `key` with a null value.
    pub(crate) fn produce_tombstone(&mut self, p: ProducerId, key: String) -> Result<(), Refusal> {
        self.producer_exists(p)?;
        self.with_producer(p, |pr, ctx, meta| pr.produce_tombstone(ctx, meta, key))
    }

    pub(crate) fn set_producer_rate(&mut self, p: ProducerId, rate: u32) -> Result<(), Refusal> {
        self.producer_exists(p)?;
        self.check_producer_rate(p, rate)?;
        self.with_producer(p, |pr, ctx, _| pr.set_rate(ctx, rate));
        Ok(())
    }

    /// Replaces a producer's configuration (see `Producer::set_config`).
    /// Name and topic cannot change.
    pub(crate) fn set_producer_config(
        &mut self,
        p: ProducerId,
        config: ProducerConfig,
    ) -> Result<(), Refusal> {
        self.producer_exists(p)?;
        let producer = &self.producers[p.0 as usize];
        if config.name != producer.config.name || config.topic != producer.config.topic {
            return Err(RefusalReason::ProducerIdentityFixed.into());
        }
        super::validate::validate_producer(&config)?;
        self.check_producer_rate(p, config.records_per_sec)?;
        self.with_producer(p, |pr, ctx, meta| pr.set_config(ctx, meta, config));
        Ok(())
    }

    /// Checks producer `p`'s new rate: the simulator's limit per producer
    /// and the cluster's traffic limit (`MAX_RECORD_COPIES_PER_SEC`).
    pub(crate) fn check_producer_rate(&self, p: ProducerId, rate: u32) -> Result<(), Refusal> {
        let rates: Vec<u32> = self
            .producers
            .iter()
            .map(|x| x.config.records_per_sec)
            .collect();
        super::kafka::validate::check_rate_change(&self.config, &rates, p.0 as usize, rate)
    }
}
