//! Expectations: each [`Check`] said in words and evaluated against the
//! engine's read-only views (and the events the runner has counted).

use std::collections::BTreeMap;

use super::build::split_tp;
use super::model::{Check, Count, Counter, EventName, PartitionNumber};
use crate::engine::errors::ProduceError;
use crate::engine::event::{ElectionKind, EventKind, GroupEvent, IsrChange};
use crate::engine::log::ReplicaLog;
use crate::engine::{
    partition_for_key, BrokerId, Event, GroupIdx, ProducerId, Sim, TopicIdx, TopicPartition,
};
use crate::text::quote_input as q;

/// Events counted so far: by kind and partition, and produce errors by
/// producer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    events: BTreeMap<(EventName, Option<TopicPartition>), u64>,
    produce_errors: BTreeMap<(ProduceError, ProducerId), u64>,
}

impl Counts {
    /// Counts the events of one batch.
    pub fn absorb(&mut self, events: &[Event]) {
        for e in events {
            for (name, tp) in names_of(&e.kind) {
                *self.events.entry((name, tp)).or_default() += 1;
            }
            if let EventKind::ProduceFailed {
                producer, error, ..
            } = &e.kind
            {
                *self.produce_errors.entry((*error, *producer)).or_default() += 1;
            }
        }
    }

    fn seen(&self, name: EventName, tp: Option<TopicPartition>) -> u64 {
        self.events
            .iter()
            .filter(|((n, t), _)| *n == name && (tp.is_none() || *t == tp))
            .map(|(_, c)| *c)
            .sum()
    }
}

/// The kinds a `seen` expectation may count for one event.
fn names_of(kind: &EventKind) -> Vec<(EventName, Option<TopicPartition>)> {
    use EventName as N;
    match kind {
        EventKind::LeaderElected {
            tp, kind, leader, ..
        } => {
            let mut v = vec![(N::LeaderElected, Some(*tp))];
            if *kind == ElectionKind::Unclean {
                v.push((N::UncleanElection, Some(*tp)));
            }
            if leader.is_none() || *kind == ElectionKind::Offline {
                v.push((N::PartitionOffline, Some(*tp)));
            }
            v
        }
        EventKind::IsrChanged { tp, reason, .. } => match reason {
            IsrChange::CaughtUp => vec![(N::IsrExpanded, Some(*tp))],
            IsrChange::LaggingFollower | IsrChange::BrokerGone => vec![(N::IsrShrunk, Some(*tp))],
        },
        EventKind::FollowerTruncated { tp, .. } => vec![(N::FollowerTruncated, Some(*tp))],
        EventKind::RecordsLost { tp, .. } => vec![(N::RecordsLost, Some(*tp))],
        EventKind::ProduceFailed { tp, .. } => vec![(N::ProduceFailed, Some(*tp))],
        EventKind::ProduceRetried { tp, .. } => vec![(N::ProduceRetried, Some(*tp))],
        EventKind::DuplicateIgnored { tp, .. } => vec![(N::DuplicateIgnored, Some(*tp))],
        EventKind::DuplicateAppended { tp, .. } => vec![(N::DuplicateAppended, Some(*tp))],
        EventKind::BatchExpired { tp, .. } => vec![(N::BatchExpired, Some(*tp))],
        EventKind::BatchSent { tp, .. } => vec![(N::BatchSent, Some(*tp))],
        EventKind::ProduceAcked { tp, .. } => vec![(N::ProduceAcked, Some(*tp))],
        EventKind::SegmentRolled { tp, .. } => vec![(N::SegmentRolled, Some(*tp))],
        EventKind::SegmentsDeleted { tp, .. } => vec![(N::SegmentsDeleted, Some(*tp))],
        EventKind::LogCompacted { tp, .. } => vec![(N::LogCompacted, Some(*tp))],
        EventKind::ConsumerOffsetReset { tp, .. } => vec![(N::OffsetReset, Some(*tp))],
        EventKind::PartitionsAdded { .. } => vec![(N::PartitionsAdded, None)],
        EventKind::MetadataRefreshed { .. } => vec![(N::MetadataRefreshed, None)],
        EventKind::BrokerFenced { .. } => vec![(N::BrokerFenced, None)],
        EventKind::RecordConsumed { tp, .. } => vec![(N::RecordConsumed, Some(*tp))],
        EventKind::OffsetCommitted { .. } => vec![(N::OffsetCommitted, None)],
        EventKind::Group(g) => match g {
            GroupEvent::RebalanceStarted { .. } => vec![(N::RebalanceStarted, None)],
            GroupEvent::RecordReprocessed { tp, .. } => vec![(N::RecordReprocessed, Some(*tp))],
            GroupEvent::Seeked { tp, .. } => vec![(N::Seeked, Some(*tp))],
            GroupEvent::OffsetReset { tp, .. } => vec![(N::OffsetReset, Some(*tp))],
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// A number compared in words.
#[must_use]
pub fn count_text(c: &Count) -> String {
    match c {
        Count::Exactly(n) => n.to_string(),
        Count::Bounds {
            at_least: Some(a),
            at_most: Some(b),
        } => format!("from {a} to {b}"),
        Count::Bounds {
            at_least: Some(a), ..
        } => format!("at least {a}"),
        Count::Bounds {
            at_most: Some(b), ..
        } => format!("at most {b}"),
        Count::Bounds { .. } => "any number".to_string(),
    }
}

fn count_holds(c: &Count, v: u64) -> bool {
    match c {
        Count::Exactly(n) => v == *n,
        Count::Bounds { at_least, at_most } => {
            at_least.is_none_or(|a| v >= a) && at_most.is_none_or(|b| v <= b)
        }
    }
}

fn at_least_one() -> Count {
    Count::Bounds {
        at_least: Some(1),
        at_most: None,
    }
}

fn numbered(what: &str, p: &PartitionNumber) -> String {
    let on = p.broker.map_or_else(
        || "leader".to_string(),
        |b| format!("replica on broker-{b}"),
    );
    format!(
        "{what} of {} ({on}) is {}",
        q(&p.partition),
        count_text(&p.is)
    )
}

/// What an expectation asks, in words.
#[must_use]
pub fn describe(c: &Check) -> String {
    match c {
        Check::LogEndOffset(p) => numbered("LEO", p),
        Check::HighWatermark(p) => numbered("HW", p),
        Check::LogStartOffset(p) => numbered("log start offset", p),
        Check::Records(p) => numbered("records held", p),
        Check::Segments(p) => numbered("segments", p),
        Check::Leader { partition, is } => format!("leader of {} is broker-{is}", q(partition)),
        Check::Offline { partition, is } => {
            format!(
                "{} is {}",
                q(partition),
                if *is { "offline" } else { "online" }
            )
        }
        Check::Isr { partition, is } => format!("ISR of {} is {is:?}", q(partition)),
        Check::IsrSize { partition, is } => {
            format!("ISR of {} has {} replica(s)", q(partition), count_text(is))
        }
        Check::Committed {
            group,
            partition,
            is,
        } => format!(
            "{} committed offset on partition {partition} is {}",
            q(group),
            count_text(is)
        ),
        Check::Lag {
            group,
            partition: Some(p),
            is,
        } => format!("lag of {} on partition {p} is {}", q(group), count_text(is)),
        Check::Lag { group, is, .. } => format!("total lag of {} is {}", q(group), count_text(is)),
        Check::Burrow { group, is } => format!("Burrow says {} is {}", q(group), q(is)),
        Check::GroupState { group, is } => format!("{} is {}", q(group), q(is)),
        Check::Assignment {
            group,
            member,
            partitions,
        } => format!(
            "member {member} of {} owns partitions {partitions:?}",
            q(group)
        ),
        Check::Members(g) => format!(
            "{} has {} running member(s)",
            q(&g.group),
            count_text(&g.is)
        ),
        Check::Consumed(g) => format!("{} processed {} record(s)", q(&g.group), count_text(&g.is)),
        Check::Duplicates(g) => format!(
            "{} processed {} duplicate(s) after partitions moved",
            q(&g.group),
            count_text(&g.is)
        ),
        Check::Replays(g) => format!("{} replayed {} record(s)", q(&g.group), count_text(&g.is)),
        Check::Rebalances(g) => {
            format!("{} started {} rebalance(s)", q(&g.group), count_text(&g.is))
        }
        Check::KeyPartition {
            topic,
            key,
            partition,
        } => format!("key \"{}\" goes to {}-{partition}", q(key), q(topic)),
        Check::KeyValues {
            partition,
            key,
            values,
            ..
        } => format!(
            "values of key \"{}\" in {} are {}",
            q(key),
            q(partition),
            q(&format!("{values:?}"))
        ),
        Check::Partitions { topic, is } => format!("{} has {is} partition(s)", q(topic)),
        Check::TopicConfig { topic, name, is } => {
            format!("{} of {} is {}", q(name), q(topic), q(is))
        }
        Check::BrokerAlive { broker, is } => {
            format!(
                "broker-{broker} is {}",
                if *is { "running" } else { "down" }
            )
        }
        Check::ProduceError {
            error,
            producer,
            count,
        } => format!(
            "{} {} seen by {}",
            count_text(&count.unwrap_or_else(at_least_one)),
            q(error),
            q(producer.as_deref().unwrap_or("any producer"))
        ),
        Check::RecordsLost { is, acknowledged } => match acknowledged {
            Some(a) => format!(
                "{} record(s) lost, {} of them acknowledged",
                count_text(is),
                count_text(a)
            ),
            None => format!("{} record(s) lost", count_text(is)),
        },
        Check::Total { counter, is } => format!("{} is {}", counter_name(*counter), count_text(is)),
        Check::Seen {
            event,
            partition,
            since_step,
            count,
        } => format!(
            "{} {} event(s){}{}",
            count_text(&count.unwrap_or_else(at_least_one)),
            event_name(*event),
            partition
                .as_ref()
                .map_or(String::new(), |p| format!(" on {}", q(p))),
            if *since_step { " in this step" } else { "" }
        ),
    }
}

fn counter_name(c: Counter) -> &'static str {
    match c {
        Counter::RecordsCreated => "records created",
        Counter::RecordsAppended => "records appended",
        Counter::RecordsAcknowledged => "records acknowledged",
        Counter::RecordsConsumed => "records consumed",
        Counter::RecordsDuplicated => "records duplicated",
        Counter::DuplicatesIgnored => "duplicates ignored",
        Counter::Retries => "retries",
        Counter::RecordsExpired => "records expired",
        Counter::RecordsLost => "records lost",
        Counter::AcknowledgedLost => "acknowledged records lost",
        Counter::MessagesDropped => "messages dropped",
    }
}

/// The event kind as the file writes it (`records_lost`).
fn event_name(e: EventName) -> String {
    let mut out = String::new();
    for (i, c) in format!("{e:?}").chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Where the runner stands: the engine and what it has counted.
pub struct Ctx<'a> {
    /// The engine.
    pub sim: &'a Sim,
    /// Events since the start.
    pub counts: &'a Counts,
    /// Events before the current step began.
    pub at_step_start: &'a Counts,
    /// Per group, its members in the order they were added.
    pub members: &'a BTreeMap<String, Vec<crate::engine::MemberId>>,
}

impl Ctx<'_> {
    fn topic(&self, name: &str) -> Result<TopicIdx, String> {
        self.sim
            .topic_named(name)
            .ok_or_else(|| format!("no topic {name}"))
    }

    fn tp(&self, text: &str) -> Result<TopicPartition, String> {
        let (topic, partition) = split_tp(text).ok_or_else(|| format!("bad partition {text}"))?;
        let tp = TopicPartition {
            topic: self.topic(topic)?,
            partition,
        };
        self.sim
            .partition_state(tp)
            .map(|_| tp)
            .ok_or_else(|| format!("no partition {text}"))
    }

    fn group(&self, id: &str) -> Result<GroupIdx, String> {
        self.sim
            .group_named(id)
            .ok_or_else(|| format!("no group {id} yet"))
    }

    fn log(&self, partition: &str, broker: Option<u32>) -> Result<&ReplicaLog, String> {
        let p = self
            .sim
            .partition_state(self.tp(partition)?)
            .ok_or("no such partition")?;
        match broker {
            Some(b) => p
                .log_on(BrokerId(b))
                .ok_or_else(|| format!("broker-{b} holds no replica of {partition}")),
            None => p
                .leader_log()
                .ok_or_else(|| format!("{partition} has no leader (offline)")),
        }
    }

    fn number(
        &self,
        p: &PartitionNumber,
        f: fn(&ReplicaLog) -> u64,
    ) -> Result<(bool, String), String> {
        let v = f(self.log(&p.partition, p.broker)?);
        Ok((count_holds(&p.is, v), v.to_string()))
    }

    fn group_number(
        &self,
        g: &super::model::GroupNumber,
        f: fn(&crate::engine::consumer::Group) -> u64,
    ) -> Result<(bool, String), String> {
        let idx = self.group(&g.group)?;
        let v = f(&self.sim.groups()[idx.0 as usize]);
        Ok((count_holds(&g.is, v), v.to_string()))
    }
}

/// Evaluates an expectation: whether it holds, and what was found.
#[must_use]
pub fn evaluate(ctx: &Ctx<'_>, c: &Check) -> (bool, String) {
    match try_evaluate(ctx, c) {
        Ok(r) => r,
        Err(found) => (false, found),
    }
}

fn try_evaluate(ctx: &Ctx<'_>, c: &Check) -> Result<(bool, String), String> {
    let sim = ctx.sim;
    match c {
        Check::LogEndOffset(p) => ctx.number(p, ReplicaLog::log_end_offset),
        Check::HighWatermark(p) => ctx.number(p, ReplicaLog::high_watermark),
        Check::LogStartOffset(p) => ctx.number(p, ReplicaLog::log_start_offset),
        Check::Records(p) => ctx.number(p, ReplicaLog::record_count),
        Check::Segments(p) => ctx.number(p, |l| l.segments().len() as u64),
        Check::Leader { partition, is } => {
            let p = sim
                .partition_state(ctx.tp(partition)?)
                .ok_or("no partition")?;
            Ok(match p.leader {
                Some(b) => (b.0 == *is, b.to_string()),
                None => (false, "no leader (offline)".to_string()),
            })
        }
        Check::Offline { partition, is } => {
            let p = sim
                .partition_state(ctx.tp(partition)?)
                .ok_or("no partition")?;
            let offline = p.leader.is_none();
            Ok((
                offline == *is,
                match p.leader {
                    Some(b) => format!("online, led by {b}"),
                    None => "offline".to_string(),
                },
            ))
        }
        Check::Isr { partition, is } => {
            let p = sim
                .partition_state(ctx.tp(partition)?)
                .ok_or("no partition")?;
            let mut found: Vec<u32> = p.isr.iter().map(|b| b.0).collect();
            found.sort_unstable();
            let mut want = is.clone();
            want.sort_unstable();
            Ok((found == want, format!("{found:?}")))
        }
        Check::IsrSize { partition, is } => {
            let p = sim
                .partition_state(ctx.tp(partition)?)
                .ok_or("no partition")?;
            let n = p.isr.len() as u64;
            Ok((
                count_holds(is, n),
                format!("{n} ({:?})", p.isr.iter().map(|b| b.0).collect::<Vec<_>>()),
            ))
        }
        Check::Committed {
            group,
            partition,
            is,
        } => {
            let g = &sim.groups()[ctx.group(group)?.0 as usize];
            Ok(match g.committed.get(partition) {
                Some(o) => (count_holds(is, *o), o.to_string()),
                None => (false, "nothing committed".to_string()),
            })
        }
        Check::Lag {
            group,
            partition,
            is,
        } => {
            let idx = ctx.group(group)?;
            match partition {
                Some(p) => Ok(match sim.lag(idx, *p) {
                    Some(l) => (count_holds(is, l), l.to_string()),
                    None => (false, "no committed offset (Kafka shows -)".to_string()),
                }),
                None => {
                    if sim.groups()[idx.0 as usize].committed.is_empty() {
                        return Ok((false, "nothing committed yet".to_string()));
                    }
                    let l = sim.group_lag(idx);
                    Ok((count_holds(is, l), l.to_string()))
                }
            }
        }
        Check::Burrow { group, is } => {
            let (status, _) = sim.burrow_status(ctx.group(group)?);
            Ok((status.name() == is, status.name().to_string()))
        }
        Check::GroupState { group, is } => {
            let g = &sim.groups()[ctx.group(group)?.0 as usize];
            let state = g.view.state.name();
            Ok((state == is, state.to_string()))
        }
        Check::Assignment {
            group,
            member,
            partitions,
        } => {
            let g = &sim.groups()[ctx.group(group)?.0 as usize];
            let id = ctx
                .members
                .get(group)
                .and_then(|ids| ids.get((*member as usize).wrapping_sub(1)))
                .ok_or_else(|| format!("{group} has no member {member} yet"))?;
            let m = g
                .member(*id)
                .ok_or_else(|| format!("member {member} has left {group}"))?;
            if !m.alive() {
                return Ok((false, format!("{} is not running", m.name)));
            }
            let mut found = m.assigned.clone();
            found.sort_unstable();
            let mut want = partitions.clone();
            want.sort_unstable();
            Ok((found == want, format!("{found:?}")))
        }
        Check::Members(g) => {
            ctx.group_number(g, |g| g.members.iter().filter(|m| m.alive()).count() as u64)
        }
        Check::Consumed(g) => ctx.group_number(g, |g| g.members.iter().map(|m| m.consumed).sum()),
        Check::Duplicates(g) => ctx.group_number(g, |g| g.duplicates),
        Check::Replays(g) => ctx.group_number(g, |g| g.replays),
        Check::Rebalances(g) => ctx.group_number(g, |g| u64::from(g.rebalances)),
        Check::KeyPartition {
            topic,
            key,
            partition,
        } => {
            let t = &sim.topics()[ctx.topic(topic)?.0 as usize];
            let n = t.partitions.len() as u32;
            let p = partition_for_key(key.as_bytes(), n);
            Ok((p == *partition, format!("{topic}-{p} (murmur2 % {n})")))
        }
        Check::KeyValues {
            partition,
            key,
            broker,
            values,
        } => {
            let log = ctx.log(partition, *broker)?;
            let found: Vec<String> = log
                .entries()
                .filter(|e| e.record.key.as_deref() == Some(key.as_str()))
                .map(|e| {
                    if e.record.tombstone {
                        "null".to_string()
                    } else {
                        crate::text::words::value(crate::text::Lang::En, &e.record)
                    }
                })
                .collect();
            Ok((&found == values, format!("{found:?}")))
        }
        Check::Partitions { topic, is } => {
            let n = sim.topics()[ctx.topic(topic)?.0 as usize].partitions.len() as u32;
            Ok((n == *is, n.to_string()))
        }
        Check::TopicConfig { topic, name, is } => {
            let t = &sim.topics()[ctx.topic(topic)?.0 as usize];
            let v = crate::engine::retention::topic_config_value(&t.log_config, name);
            Ok((&v == is, v))
        }
        Check::BrokerAlive { broker, is } => {
            let b = sim
                .brokers()
                .iter()
                .find(|b| b.id.0 == *broker)
                .ok_or_else(|| format!("no broker-{broker}"))?;
            Ok((
                b.alive == *is,
                if b.alive { "running" } else { "down" }.to_string(),
            ))
        }
        Check::ProduceError {
            error,
            producer,
            count,
        } => {
            let pid = match producer {
                Some(name) => Some(
                    sim.producers()
                        .iter()
                        .find(|p| &p.config.name == name)
                        .map(|p| p.id)
                        .ok_or_else(|| format!("no producer {name}"))?,
                ),
                None => None,
            };
            let n: u64 = ctx
                .counts
                .produce_errors
                .iter()
                .filter(|((e, p), _)| e.name() == error && pid.is_none_or(|x| x == *p))
                .map(|(_, n)| *n)
                .sum();
            Ok((
                count_holds(&count.unwrap_or_else(at_least_one), n),
                n.to_string(),
            ))
        }
        Check::RecordsLost { is, acknowledged } => {
            let t = sim.totals();
            let ok = count_holds(is, t.records_lost)
                && acknowledged.is_none_or(|a| count_holds(&a, t.acknowledged_lost));
            Ok((
                ok,
                format!(
                    "{} lost, {} of them acknowledged",
                    t.records_lost, t.acknowledged_lost
                ),
            ))
        }
        Check::Total { counter, is } => {
            let t = sim.totals();
            let v = match counter {
                Counter::RecordsCreated => t.records_created,
                Counter::RecordsAppended => t.records_appended,
                Counter::RecordsAcknowledged => t.records_acknowledged,
                Counter::RecordsConsumed => t.records_consumed,
                Counter::RecordsDuplicated => t.records_duplicated,
                Counter::DuplicatesIgnored => t.duplicates_ignored,
                Counter::Retries => t.retries,
                Counter::RecordsExpired => t.records_expired,
                Counter::RecordsLost => t.records_lost,
                Counter::AcknowledgedLost => t.acknowledged_lost,
                Counter::MessagesDropped => t.messages_dropped,
            };
            Ok((count_holds(is, v), v.to_string()))
        }
        Check::Seen {
            event,
            partition,
            since_step,
            count,
        } => {
            let tp = match partition {
                Some(p) => Some(ctx.tp(p)?),
                None => None,
            };
            let mut n = ctx.counts.seen(*event, tp);
            if *since_step {
                n -= ctx.at_step_start.seen(*event, tp);
            }
            Ok((
                count_holds(&count.unwrap_or_else(at_least_one), n),
                n.to_string(),
            ))
        }
    }
}
