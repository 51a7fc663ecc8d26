//! Engine events as sentences: [`line`] looks the names up in the
//! simulation once and sorts each event into its area's sentence.

use crate::engine::{Event, EventKind, Sim, TopicIdx, TopicPartition};

use super::build_group::group_line;
use super::cluster::ClusterLine;
use super::consume::ConsumeLine;
use super::line::EventLine;
use super::log::LogLine;
use super::produce::ProduceLine;
use super::replica::ReplicaLine;
use super::setting::producer_changes;

fn topic_name_or(sim: &Sim, topic: TopicIdx, unknown: &str) -> String {
    sim.topics()
        .get(topic.0 as usize)
        .map_or_else(|| unknown.to_string(), |t| t.name.clone())
}

fn tp_of(sim: &Sim, topic: TopicIdx, partition: u32) -> String {
    sim.tp_name(TopicPartition { topic, partition })
}

/// An event as a sentence, names looked up in `sim` (the state right
/// after the event, or any later one: names never change).
#[must_use]
pub fn line(sim: &Sim, event: &Event) -> EventLine {
    let producer = |p| sim.producer_name(p);
    let member = |m| sim.member_name(m);
    let broker = |b| sim.broker_name(b);
    let tp = |t| sim.tp_name(t);
    match &event.kind {
        EventKind::RecordCreated {
            record,
            producer: p,
            key,
            tp: t,
            decision,
            ..
        } => EventLine::Produce(ProduceLine::RecordCreated {
            producer: producer(*p),
            record: *record,
            key: key.as_deref().map(str::to_string),
            tp: tp(*t),
            partition: t.partition,
            decision: decision.clone(),
        }),
        EventKind::BatchSent {
            batch,
            producer: p,
            tp: t,
            leader,
            records,
            bytes,
            uncompressed_bytes,
            compression,
            attempt,
            ..
        } => EventLine::Produce(ProduceLine::BatchSent {
            producer: producer(*p),
            batch: *batch,
            records: *records,
            bytes: *bytes,
            compression: *compression,
            uncompressed_bytes: *uncompressed_bytes,
            attempt: *attempt,
            leader: broker(*leader),
            tp: tp(*t),
        }),
        EventKind::BatchAppended {
            broker: b,
            tp: t,
            base_offset,
            last_offset,
            leader_epoch,
            ..
        } => EventLine::Replica(ReplicaLine::BatchAppended {
            broker: broker(*b),
            tp: tp(*t),
            first: *base_offset,
            last: *last_offset,
            leader_epoch: *leader_epoch,
        }),
        EventKind::ReplicaCopied {
            broker: b,
            tp: t,
            first_offset,
            last_offset,
        } => EventLine::Replica(ReplicaLine::ReplicaCopied {
            broker: broker(*b),
            tp: tp(*t),
            first: *first_offset,
            last: *last_offset,
        }),
        EventKind::HighWatermarkAdvanced {
            tp: t,
            broker: b,
            high_watermark,
        } => EventLine::Replica(ReplicaLine::HighWatermark {
            tp: tp(*t),
            broker: broker(*b),
            high_watermark: *high_watermark,
        }),
        EventKind::ProduceAcked {
            producer: p,
            tp: t,
            base_offset,
            records,
            ..
        } => EventLine::Produce(ProduceLine::ProduceAcked {
            producer: producer(*p),
            tp: tp(*t),
            base_offset: *base_offset,
            records: *records,
        }),
        EventKind::ProduceAssumed { batch, producer: p } => {
            EventLine::Produce(ProduceLine::ProduceAssumed {
                producer: producer(*p),
                batch: *batch,
            })
        }
        EventKind::FetchSent {
            member: m,
            broker: b,
            positions,
            ..
        } => EventLine::Consume(ConsumeLine::FetchSent {
            member: member(*m),
            broker: broker(*b),
            positions: positions.iter().map(|(t, o)| (tp(*t), *o)).collect(),
        }),
        EventKind::FetchAnswered {
            member: m,
            broker: b,
            records,
            ..
        } => EventLine::Consume(ConsumeLine::FetchAnswered {
            broker: broker(*b),
            member: member(*m),
            records: *records,
        }),
        EventKind::RecordConsumed {
            member: m,
            tp: t,
            offset,
            record,
            ..
        } => EventLine::Consume(ConsumeLine::RecordConsumed {
            member: member(*m),
            record: *record,
            tp: tp(*t),
            offset: *offset,
        }),
        EventKind::OffsetCommitted {
            group,
            member: m,
            tp: t,
            offset,
        } => EventLine::Consume(ConsumeLine::OffsetCommitted {
            group: sim.group_name(*group),
            tp: tp(*t),
            offset: *offset,
            member: member(*m),
        }),
        EventKind::PartitionsAssigned {
            group,
            generation,
            assignment,
        } => EventLine::Consume(ConsumeLine::PartitionsAssigned {
            group: sim.group_name(*group),
            generation: *generation,
            assignor: sim
                .groups()
                .get(group.0 as usize)
                .map(|g| g.config.assignor),
            assignment: assignment
                .iter()
                .map(|(m, tps)| (member(*m), tps.iter().map(|t| t.partition).collect()))
                .collect(),
        }),
        EventKind::ProducerRateChanged {
            producer: p,
            records_per_sec,
        } => EventLine::Produce(ProduceLine::ProducerRate {
            producer: producer(*p),
            records_per_sec: *records_per_sec,
        }),
        EventKind::SegmentRolled {
            tp: t,
            broker: b,
            base_offset,
            reason,
        } => EventLine::Log(LogLine::SegmentRolled {
            broker: broker(*b),
            tp: tp(*t),
            base_offset: *base_offset,
            reason: *reason,
        }),
        EventKind::SegmentsDeleted {
            tp: t,
            broker: b,
            reason,
            segments,
            first_offset,
            end_offset,
            records,
            bytes,
        } => EventLine::Log(LogLine::SegmentsDeleted {
            broker: broker(*b),
            segments: *segments,
            tp: tp(*t),
            first: *first_offset,
            end: *end_offset,
            records: *records,
            bytes: *bytes,
            reason: *reason,
        }),
        EventKind::LogStartOffsetMoved {
            tp: t,
            broker: b,
            log_start_offset,
            cause,
        } => EventLine::Log(LogLine::LogStartMoved {
            tp: tp(*t),
            broker: broker(*b),
            log_start_offset: *log_start_offset,
            cause: *cause,
        }),
        EventKind::LogCompacted {
            tp: t,
            broker: b,
            end_offset,
            dirty_ratio_percent,
            superseded,
            tombstones_removed,
            keyless,
            bytes_before,
            bytes_after,
            segments_before,
            segments_after,
        } => EventLine::Log(LogLine::LogCompacted {
            broker: broker(*b),
            tp: tp(*t),
            end_offset: *end_offset,
            dirty_percent: *dirty_ratio_percent,
            superseded: *superseded,
            tombstones: *tombstones_removed,
            keyless: *keyless,
            bytes_before: *bytes_before,
            bytes_after: *bytes_after,
            segments_before: *segments_before,
            segments_after: *segments_after,
        }),
        EventKind::ConsumerOffsetReset {
            group,
            member: m,
            tp: t,
            from_offset,
            to_offset,
            policy,
            log_start_offset,
            log_end_offset,
        } => EventLine::Consume(ConsumeLine::ConsumerOffsetReset {
            member: member(*m),
            group: sim.group_name(*group),
            from: *from_offset,
            tp: tp(*t),
            to: *to_offset,
            policy: *policy,
            log_start_offset: *log_start_offset,
            log_end_offset: *log_end_offset,
        }),
        EventKind::FollowerOutOfRange {
            tp: t,
            broker: b,
            fetch_offset,
            leader_log_start_offset,
            dropped,
        } => EventLine::Replica(ReplicaLine::FollowerOutOfRange {
            broker: broker(*b),
            fetch_offset: *fetch_offset,
            tp: tp(*t),
            leader_log_start: *leader_log_start_offset,
            dropped: *dropped,
        }),
        EventKind::TopicConfigChanged {
            topic,
            name,
            old,
            new,
        } => EventLine::Log(LogLine::TopicConfigChanged {
            topic: sim.topic_name(*topic),
            name: name.clone(),
            new: new.clone(),
            old: old.clone(),
        }),
        EventKind::RetentionCheckIntervalChanged { interval_ms } => {
            EventLine::Log(LogLine::RetentionCheckInterval {
                interval_ms: *interval_ms,
            })
        }
        EventKind::BrokerStopped { broker: b, clean } => {
            EventLine::Cluster(ClusterLine::BrokerStopped {
                broker: broker(*b),
                clean: *clean,
            })
        }
        EventKind::BrokerStarted { broker: b } => {
            EventLine::Cluster(ClusterLine::BrokerStarted { broker: broker(*b) })
        }
        EventKind::BrokerFenced { broker: b } => {
            EventLine::Cluster(ClusterLine::BrokerFenced { broker: broker(*b) })
        }
        EventKind::BrokerSlowed {
            broker: b,
            extra_latency_ms,
        } => EventLine::Cluster(ClusterLine::BrokerSlowed {
            broker: broker(*b),
            extra_latency_ms: *extra_latency_ms,
        }),
        EventKind::LinkChanged { a, b, up } => EventLine::Cluster(ClusterLine::LinkChanged {
            a: sim.node_name(*a),
            b: sim.node_name(*b),
            up: *up,
        }),
        EventKind::MessageDropped {
            kind,
            from,
            to,
            reason,
            ..
        } => EventLine::Cluster(ClusterLine::MessageDropped {
            kind,
            from: sim.node_name(*from),
            to: sim.node_name(*to),
            reason: *reason,
        }),
        EventKind::LeaderElected {
            tp: t,
            leader,
            leader_epoch,
            kind,
        } => EventLine::Cluster(ClusterLine::LeaderElected {
            tp: tp(*t),
            leader: leader.map(broker),
            leader_epoch: *leader_epoch,
            kind: *kind,
        }),
        EventKind::IsrChanged { tp: t, isr, reason } => {
            EventLine::Cluster(ClusterLine::IsrChanged {
                tp: tp(*t),
                isr: isr.iter().map(|b| b.0).collect(),
                reason: *reason,
            })
        }
        EventKind::ProduceFailed {
            batch,
            producer: p,
            tp: t,
            error,
        } => EventLine::Produce(ProduceLine::ProduceFailed {
            producer: producer(*p),
            error: *error,
            batch: *batch,
            tp: tp(*t),
        }),
        EventKind::FollowerTruncated {
            tp: t,
            broker: b,
            from_offset,
            to_offset,
        } => EventLine::Replica(ReplicaLine::FollowerTruncated {
            broker: broker(*b),
            tp: tp(*t),
            from: *from_offset,
            to: *to_offset,
        }),
        EventKind::RecordsDiscarded { tp: t, records } => {
            EventLine::Replica(ReplicaLine::RecordsDiscarded {
                records: *records,
                tp: tp(*t),
            })
        }
        EventKind::RecordsLost {
            tp: t,
            records,
            acknowledged,
            reason,
        } => EventLine::Replica(ReplicaLine::RecordsLost {
            records: *records,
            tp: tp(*t),
            acknowledged: *acknowledged,
            reason: *reason,
        }),
        EventKind::StickySwitched {
            producer: p,
            topic,
            from,
            to,
            reason,
            produced_bytes,
            weights,
        } => EventLine::Produce(ProduceLine::StickySwitched {
            producer: producer(*p),
            from: from.map(|f| tp_of(sim, *topic, f)),
            produced_bytes: *produced_bytes,
            to: tp_of(sim, *topic, *to),
            reason: *reason,
            weights: weights.clone(),
        }),
        EventKind::RequestTimedOut {
            producer: p,
            broker: b,
            batches,
        } => EventLine::Produce(ProduceLine::RequestTimedOut {
            producer: producer(*p),
            broker: broker(*b),
            batches: batches.len(),
        }),
        EventKind::ProduceRetried {
            batch,
            producer: p,
            tp: t,
            next_attempt,
        } => EventLine::Produce(ProduceLine::ProduceRetried {
            producer: producer(*p),
            batch: *batch,
            tp: tp(*t),
            next_attempt: *next_attempt,
        }),
        EventKind::BatchExpired {
            batch,
            producer: p,
            tp: t,
            records,
        } => EventLine::Produce(ProduceLine::BatchExpired {
            producer: producer(*p),
            batch: *batch,
            tp: tp(*t),
            records: *records,
        }),
        EventKind::DuplicateIgnored {
            batch,
            broker: b,
            tp: t,
            base_offset,
        } => EventLine::Replica(ReplicaLine::DuplicateIgnored {
            broker: broker(*b),
            batch: *batch,
            tp: tp(*t),
            base_offset: *base_offset,
        }),
        EventKind::DuplicateAppended {
            batch,
            broker: b,
            tp: t,
            records,
        } => EventLine::Replica(ReplicaLine::DuplicateAppended {
            broker: broker(*b),
            batch: *batch,
            tp: tp(*t),
            records: *records,
        }),
        EventKind::OutOfOrderSequence {
            batch,
            broker: b,
            tp: t,
            expected,
            got,
        } => EventLine::Replica(ReplicaLine::OutOfOrderSequence {
            broker: broker(*b),
            batch: *batch,
            tp: tp(*t),
            got: *got,
            expected: *expected,
        }),
        EventKind::PartitionsAdded {
            topic,
            from,
            to,
            replicas,
        } => EventLine::Replica(ReplicaLine::PartitionsAdded {
            topic: topic_name_or(sim, *topic, "?"),
            from: *from,
            to: *to,
            replicas: replicas
                .iter()
                .map(|r| r.iter().map(|b| b.0).collect())
                .collect(),
        }),
        EventKind::MetadataRefreshed {
            producer: p,
            from,
            to,
            moved_keys,
            ..
        } => EventLine::Produce(ProduceLine::MetadataRefreshed {
            producer: producer(*p),
            from: *from,
            to: *to,
            moved: moved_keys
                .iter()
                .map(|(k, a, b)| (k.to_string(), *a, *b))
                .collect(),
        }),
        EventKind::ProducerConfigChanged {
            producer: p,
            before,
            after,
        } => EventLine::Produce(ProduceLine::ProducerConfigChanged {
            producer: producer(*p),
            changes: producer_changes(before, after),
        }),
        EventKind::Group(g) => EventLine::Group(group_line(sim, g)),
    }
}
