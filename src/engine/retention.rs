//! Retention, segments and compaction at the cluster level (KAFKA.md §4):
//! every broker checks its own replicas' logs every
//! `log.retention.check.interval.ms` and its log cleaner compacts them
//! every `log.cleaner.backoff.ms`; topic configs change through
//! `AlterConfigs`-style commands refused with Kafka's `INVALID_CONFIG`
//! wording; a consumer whose position left the log applies
//! `auto.offset.reset`. The work on one log is in [`super::log`].

pub use super::kafka::validate::{topic_config_value, TOPIC_CONFIG_NAMES};
pub use super::vocab::config::offset_reset_name;
pub use super::vocab::fixed_settings::{LOG_CLEANER_BACKOFF_MS, LOG_INITIAL_TASK_DELAY_MS};

use super::context::ctx::Ctx;
use super::event::{EventKind, LogStartCause};
use super::ids::{BrokerId, TopicIdx, TopicPartition};
pub use super::parts::group::{OffsetResetNote, RESETS_KEPT};
use super::parts::retention::{note_rolls, Retention};
use super::parts::topic::Topic;
use super::refusal::{Refusal, RefusalReason};
use super::sim::{Sim, Timer};

pub use super::parts::retention::{Removal, RemovalCause, REMOVALS_KEPT};

pub use super::validate::{validate_log_config, with_topic_config};

impl Sim {
    /// Starts every broker's retention check and log cleaner timers. Kafka's
    /// `LogManager.startup` schedules the first retention pass
    /// `log.initial.task.delay.ms` (30 s) after start whatever
    /// `log.retention.check.interval.ms` says; the next ones follow the
    /// interval.
    pub(crate) fn schedule_log_tasks(&mut self) {
        let first = LOG_INITIAL_TASK_DELAY_MS;
        let brokers: Vec<BrokerId> = self.brokers.iter().map(|b| b.id).collect();
        for b in brokers {
            self.schedule(
                self.rt.now_ms.saturating_add(first),
                Timer::RetentionCheck(b),
            );
            self.schedule(
                self.rt.now_ms.saturating_add(LOG_CLEANER_BACKOFF_MS),
                Timer::CleanerCheck(b),
            );
        }
    }

    /// Tells the segments a replica's log rolled (after an append).
    pub(crate) fn note_rolls(&mut self, tp: TopicPartition, b: BrokerId) {
        let Sim {
            rt, net, topics, ..
        } = self;
        let Some(log) = topics[tp.topic.0 as usize].partitions[tp.partition as usize].log_on_mut(b)
        else {
            return;
        };
        note_rolls(&mut Ctx::new(rt, net), log, tp, b);
    }

    /// Lends the retention part the context and the topics' logs.
    fn with_retention(&mut self, f: impl FnOnce(&mut Retention, &mut Ctx, &mut [Topic])) {
        let Sim {
            rt,
            net,
            topics,
            retention,
            ..
        } = self;
        f(retention, &mut Ctx::new(rt, net), topics);
    }

    /// Broker `b`'s retention check (the retention part's).
    pub(crate) fn retention_check(&mut self, b: BrokerId) {
        let alive = self.broker_alive(b);
        let interval = self.config.log_retention_check_interval_ms;
        self.with_retention(|r, ctx, topics| r.retention_check(ctx, topics, b, alive, interval));
    }

    /// Broker `b`'s log cleaner pass (the retention part's).
    pub(crate) fn cleaner_check(&mut self, b: BrokerId) {
        let alive = self.broker_alive(b);
        self.with_retention(|r, ctx, topics| r.cleaner_check(ctx, topics, b, alive));
    }

    /// `AlterConfigs` on a topic: sets one config (as text) on every replica.
    pub(crate) fn alter_topic_config(
        &mut self,
        topic: TopicIdx,
        name: &str,
        value: &str,
    ) -> Result<(), Refusal> {
        let t = self
            .topics
            .get(topic.0 as usize)
            .ok_or_else(|| Refusal::from(RefusalReason::NoSuchTopic(topic)))?;
        let config = with_topic_config(&t.log_config, name, value)?;
        let old = topic_config_value(&t.log_config, name);
        let new = topic_config_value(&config, name);
        let t = &mut self.topics[topic.0 as usize];
        t.log_config = config;
        for part in &mut t.partitions {
            for log in &mut part.logs {
                log.set_config(config);
            }
        }
        self.emit(EventKind::TopicConfigChanged {
            topic,
            name: name.to_string(),
            old,
            new,
        });
        Ok(())
    }

    /// Sets `log.retention.check.interval.ms` on every broker; the next
    /// checks come one new interval from now. (A static broker config in
    /// Kafka, changed by restarting the brokers.)
    pub(crate) fn set_retention_check_interval(&mut self, interval_ms: u64) -> Result<(), Refusal> {
        super::validate::LOG_RETENTION_CHECK_INTERVAL_MS.check(interval_ms)?;
        self.config.log_retention_check_interval_ms = interval_ms;
        self.rt
            .timers
            .cancel_where(|t| matches!(t, Timer::RetentionCheck(_)));
        let brokers: Vec<BrokerId> = self.brokers.iter().map(|b| b.id).collect();
        for b in brokers {
            self.schedule(
                self.rt.now_ms.saturating_add(interval_ms),
                Timer::RetentionCheck(b),
            );
        }
        self.emit(EventKind::RetentionCheckIntervalChanged { interval_ms });
        Ok(())
    }

    /// The follower side of `OFFSET_OUT_OF_RANGE`: its fetch offset is
    /// below the leader's log start offset, so (Kafka's
    /// `AbstractFetcherThread.fetchOffsetAndTruncate`) it empties its log
    /// and starts again at the leader's log start offset.
    pub(crate) fn follower_out_of_range(
        &mut self,
        tp: TopicPartition,
        b: BrokerId,
        leader_log_start_offset: u64,
    ) {
        let now = self.rt.now_ms;
        let Some(log) = self.partition_mut(tp).log_on_mut(b) else {
            return;
        };
        let fetch_offset = log.log_end_offset();
        let dropped = log.truncate_fully_and_start_at(leader_log_start_offset, now);
        self.emit(EventKind::FollowerOutOfRange {
            tp,
            broker: b,
            fetch_offset,
            leader_log_start_offset,
            dropped: dropped as u64,
        });
    }

    /// A follower's log start offset follows its leader's (Kafka's
    /// `maybeIncrementLogStartOffset(leaderLogStartOffset)`).
    pub(crate) fn follow_leader_log_start(
        &mut self,
        tp: TopicPartition,
        b: BrokerId,
        leader_log_start_offset: u64,
    ) {
        let Some(log) = self.partition_mut(tp).log_on_mut(b) else {
            return;
        };
        if log.maybe_increment_log_start_offset(leader_log_start_offset) {
            let log_start_offset = log.log_start_offset();
            self.emit(EventKind::LogStartOffsetMoved {
                tp,
                broker: b,
                log_start_offset,
                cause: LogStartCause::Leader,
            });
        }
    }

    /// Records that recently left replicas' logs (retention or cleaner),
    /// oldest first.
    pub fn recent_removals(&self) -> impl DoubleEndedIterator<Item = &Removal> {
        self.retention.removals()
    }

    /// Recent consumer offset resets, oldest first.
    pub fn offset_resets(&self) -> impl DoubleEndedIterator<Item = &OffsetResetNote> {
        self.groups.offset_resets()
    }

    /// What the engine holds now, counted: a measure of its memory that
    /// retention must keep bounded however long a run lasts.
    #[must_use]
    pub fn footprint(&self) -> Footprint {
        let mut f = Footprint::default();
        for part in self.topics.iter().flat_map(|t| t.partitions.iter()) {
            for log in &part.logs {
                f.log_entries += log.record_count();
                f.entries_in_full += log.entries().len() as u64;
                f.cold_runs += log.cold_runs().len() as u64;
                f.segments += log.segments().len() as u64;
                f.log_bytes += log.size_bytes();
            }
        }
        f.timers = self.rt.timers.len() as u64;
        f.messages = (self.net.in_flight_count() + self.parked.len()) as u64;
        f.buffered = self
            .groups
            .list()
            .iter()
            .flat_map(|g| g.members.iter())
            .map(|m| m.buffer.len() as u64)
            .sum();
        f
    }
}

/// Counts of what the engine holds (see [`Sim::footprint`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Footprint {
    /// Records held in all replica logs.
    pub log_entries: u64,
    /// Of those, records held in full (the others are counted in runs).
    pub entries_in_full: u64,
    /// Counted runs of all replica logs.
    pub cold_runs: u64,
    /// Segments of all replica logs.
    pub segments: u64,
    /// Bytes of all replica logs.
    pub log_bytes: u64,
    /// Timers waiting.
    pub timers: u64,
    /// Messages in flight or parked at brokers.
    pub messages: u64,
    /// Records fetched by consumers and not yet processed.
    pub buffered: u64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::config::{LogConfig, OffsetReset};
    use crate::engine::ids::GroupIdx;
    use crate::engine::scenarios::retention_scenario;

    /// `auto.offset.reset=none`: the error goes to the application (an
    /// event) and the member stops reading the partition. The group starts
    /// with a position (as if it had committed one), then falls off.
    #[test]
    fn none_reports_the_error_and_stops_reading() {
        let mut sim = Sim::new(retention_scenario()).unwrap();
        // Joined and reading from offset 0 (earliest) first; then the policy
        // in force when it falls off is `none`.
        sim.advance_to(5_000);
        assert!(!sim.groups.list()[1].members[0].positions.is_empty());
        sim.groups.group_mut(GroupIdx(1)).config.auto_offset_reset = OffsetReset::None;
        // The first retention pass is at 30 s (log.initial.task.delay.ms).
        sim.advance_to(70_000);
        let events = sim.take_events();
        let error = events
            .iter()
            .find(|e| {
                matches!(
                    e.kind,
                    EventKind::ConsumerOffsetReset {
                        group: GroupIdx(1),
                        to_offset: None,
                        ..
                    }
                )
            })
            .expect("the error is reported");
        assert!(matches!(
            error.kind,
            EventKind::ConsumerOffsetReset {
                policy: OffsetReset::None,
                ..
            }
        ));
        assert!(!events.iter().any(|e| e.at_ms > error.at_ms
            && matches!(
                e.kind,
                EventKind::RecordConsumed {
                    group: GroupIdx(1),
                    ..
                }
            )));
        assert!(sim.groups.list()[1].members[0].positions.is_empty());
        let note = sim.offset_resets().last().unwrap();
        assert_eq!((note.to_offset, note.skipped()), (None, 0));
        assert!(
            note.deleted() > 0,
            "retention had deleted what it was to read"
        );
    }

    #[test]
    fn topic_config_text_round_trips() {
        let config = LogConfig::default();
        for name in TOPIC_CONFIG_NAMES {
            let text = topic_config_value(&config, name);
            assert_eq!(
                with_topic_config(&config, name, &text).unwrap(),
                config,
                "{name}"
            );
        }
        assert_eq!(topic_config_value(&config, "retention.bytes"), "-1");
    }
}
