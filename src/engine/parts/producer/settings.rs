//! A producer's settings while it runs: its steady rate, a new
//! configuration (standing for the application restarting its producer),
//! and the partition count it learns at each metadata refresh.

use std::sync::Arc;

use super::state::{moved_keys, Producer};
use crate::engine::context::ctx::Ctx;
use crate::engine::context::metadata::Metadata;
use crate::engine::kafka::partitioner::{RoundRobin, Sticky};
use crate::engine::vocab::config::{ProducerConfig, SendMode};
use crate::engine::vocab::event::EventKind;
use crate::engine::vocab::timers::Timer;

impl Producer {
    /// Sets the steady rate (already checked against the limits): the new
    /// rate starts now.
    pub(crate) fn set_rate(&mut self, ctx: &mut Ctx, rate: u32) {
        let p = self.id;
        let now = ctx.now();
        let was_running = self.config.records_per_sec > 0;
        self.config.records_per_sec = rate;
        self.rate_started_at_ms = now;
        self.rate_ticks = 0;
        self.tick_deferred = false;
        // A running producer already has its tick queued; drop it so the new
        // rate starts now.
        if was_running {
            ctx.cancel_where(|t| *t == Timer::ProducerTick(p));
        }
        if rate > 0 {
            let rate = u64::from(rate);
            ctx.schedule(now.saturating_add(1000 / rate), Timer::ProducerTick(p));
            self.rate_ticks = 1;
        }
        ctx.emit(EventKind::ProducerRateChanged {
            producer: p,
            records_per_sec: rate,
        });
    }

    /// `metadata.max.age.ms` passed: the producer learns its topic's
    /// partition count; keys of its key set whose partition changes are told.
    pub(crate) fn refresh_metadata(&mut self, ctx: &mut Ctx, meta: &impl Metadata) {
        let from = self.known_partitions;
        let to = meta.partition_count(self.topic);
        if from == to {
            return;
        }
        let moved_keys = moved_keys(&self.keys, from, to);
        self.known_partitions = to;
        self.last_repartition = Some((from, to, moved_keys.clone()));
        ctx.emit(EventKind::MetadataRefreshed {
            producer: self.id,
            topic: self.topic,
            from,
            to,
            moved_keys,
        });
    }

    /// Replaces the configuration (already checked: same name and topic,
    /// Kafka's ranges, the rate limits). Kafka fixes a producer's
    /// configuration when it is created; this stands for the application
    /// restarting its producer with new settings, its queued batches still
    /// delivered.
    pub(crate) fn set_config(
        &mut self,
        ctx: &mut Ctx,
        meta: &impl Metadata,
        config: ProducerConfig,
    ) {
        let before = self.config.clone();
        let rate = config.records_per_sec;
        let old_rate = self.config.records_per_sec;
        if config.partitioner != self.config.partitioner
            || config.ignore_keys != self.config.ignore_keys
        {
            self.sticky = Sticky::default();
            self.round_robin = RoundRobin::default();
        }
        if config.keys != self.config.keys {
            self.keys = config.keys.iter().map(|k| Arc::from(k.as_str())).collect();
        }
        if config.mode == SendMode::Async {
            self.waiting_for = None;
        }
        self.config = ProducerConfig {
            records_per_sec: old_rate,
            ..config
        };
        if self.config != before {
            ctx.emit(EventKind::ProducerConfigChanged {
                producer: self.id,
                before: Box::new(before),
                after: Box::new(self.config.clone()),
            });
        }
        if rate != old_rate {
            self.set_rate(ctx, rate);
        }
        if self.tick_deferred && !self.blocked() {
            self.tick_deferred = false;
            self.tick(ctx, meta);
        }
        self.drain(ctx, meta);
    }
}
