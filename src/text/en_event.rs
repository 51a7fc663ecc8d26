//! Events in English: the event log, the golden files and the history
//! fingerprint read these sentences (they must not change by a byte
//! unless a golden file is rewritten on purpose).

use crate::engine::config::Compression;
use crate::engine::event::{ElectionKind, IsrChange, LogStartCause};
use crate::engine::log::{DeletionReason, RollReason};
use crate::engine::retention::offset_reset_name;
use crate::engine::{
    Event, EventKind, MemberId, PartitionDecision, ProducerId, Sim, TopicPartition,
};

use super::en_group_event::describe_group_event;
use super::en_words::{drop_reason, loss_reason, producer_changes, switch_reason};

/// One event in plain English, for the event log and golden files.
#[must_use]
pub fn describe(sim: &Sim, event: &Event) -> String {
    let member_name = |m: MemberId| sim.member_name(m);
    let producer_name = |p: ProducerId| sim.producer_name(p);
    match &event.kind {
        EventKind::RecordCreated {
            producer,
            key,
            tp,
            decision,
            record,
            ..
        } => {
            let why = match decision {
                PartitionDecision::Explicit => "partition named by the record".to_string(),
                PartitionDecision::KeyHash {
                    murmur2,
                    partitions,
                } => format!(
                    "murmur2 = {murmur2}, toPositive % {partitions} = {}",
                    tp.partition
                ),
                PartitionDecision::Sticky {
                    produced_bytes,
                    batch_size,
                } => format!(
                    "sticky partition, {produced_bytes} of batch.size {batch_size} B produced to it"
                ),
                PartitionDecision::RoundRobin { skipped: None } => {
                    "round robin".to_string()
                }
                PartitionDecision::RoundRobin { skipped: Some(s) } => format!(
                    "round robin; p{s} skipped: a new batch called partition() twice (KAFKA-9965)"
                ),
            };
            let key = key.as_deref().map_or("null".to_string(), |k| format!("\"{k}\""));
            format!(
                "{} creates {record} key {key} → {} ({why})",
                producer_name(*producer),
                sim.tp_name(*tp)
            )
        }
        EventKind::BatchSent {
            batch,
            producer,
            tp,
            leader,
            records,
            bytes,
            uncompressed_bytes,
            compression,
            attempt,
            ..
        } => {
            let size = if *compression == Compression::None {
                format!("{bytes} B")
            } else {
                format!(
                    "{bytes} B {}, {uncompressed_bytes} B before",
                    compression.as_config()
                )
            };
            let retry = if *attempt > 1 {
                format!(", attempt {attempt}")
            } else {
                String::new()
            };
            format!(
                "{} sends batch {batch} ({records} record(s), {size}{retry}) to {leader}, leader of {}",
                producer_name(*producer),
                sim.tp_name(*tp)
            )
        }
        EventKind::BatchAppended {
            broker,
            tp,
            base_offset,
            last_offset,
            leader_epoch,
            ..
        } => format!(
            "{broker} appends {} offsets {base_offset}..={last_offset} (leader epoch {leader_epoch})",
            sim.tp_name(*tp)
        ),
        EventKind::ReplicaCopied {
            broker,
            tp,
            first_offset,
            last_offset,
        } => format!(
            "{broker} (follower) copies {} offsets {first_offset}..={last_offset}",
            sim.tp_name(*tp)
        ),
        EventKind::HighWatermarkAdvanced {
            tp,
            broker,
            high_watermark,
        } => format!(
            "{} high watermark on {broker} → {high_watermark}",
            sim.tp_name(*tp)
        ),
        EventKind::ProduceAcked {
            producer,
            tp,
            base_offset,
            records,
            ..
        } => format!(
            "{} receives ack: {} offset {base_offset} ({records} record(s))",
            producer_name(*producer),
            sim.tp_name(*tp)
        ),
        EventKind::ProduceAssumed { batch, producer } => format!(
            "{} assumes {batch} delivered (acks=0: no answer comes)",
            producer_name(*producer)
        ),
        EventKind::FetchSent {
            member,
            broker,
            positions,
            ..
        } => {
            let parts: Vec<String> = positions
                .iter()
                .map(|(tp, o)| format!("{}@{o}", sim.tp_name(*tp)))
                .collect();
            format!("{} fetches from {broker}: {}", member_name(*member), parts.join(", "))
        }
        EventKind::FetchAnswered {
            member,
            broker,
            records,
            ..
        } => format!(
            "{broker} answers {}'s fetch with {records} record(s)",
            member_name(*member)
        ),
        EventKind::RecordConsumed {
            member,
            tp,
            offset,
            record,
            ..
        } => format!(
            "{} processes {record} at {} offset {offset}",
            member_name(*member),
            sim.tp_name(*tp)
        ),
        EventKind::OffsetCommitted {
            group,
            member,
            tp,
            offset,
        } => format!(
            "group {} commits {} offset {offset} (from {})",
            sim.group_name(*group),
            sim.tp_name(*tp),
            member_name(*member)
        ),
        EventKind::PartitionsAssigned {
            group,
            generation,
            assignment,
        } => {
            let parts: Vec<String> = assignment
                .iter()
                .map(|(m, tps)| {
                    let list: Vec<String> = tps.iter().map(|tp| tp.partition.to_string()).collect();
                    format!("{} ← [{}]", member_name(*m), list.join(", "))
                })
                .collect();
            let assignor = sim
                .groups()
                .get(group.0 as usize)
                .map_or("?", |g| g.config.assignor.name());
            format!(
                "coordinator: group {} is Stable, generation {generation} ({assignor} assignor): {}",
                sim.group_name(*group),
                parts.join("; ")
            )
        }
        EventKind::ProducerRateChanged {
            producer,
            records_per_sec,
        } => format!("{} rate set to {records_per_sec} records/s", producer_name(*producer)),
        EventKind::SegmentRolled {
            tp,
            broker,
            base_offset,
            reason,
        } => {
            let why = match reason {
                RollReason::SegmentBytes => "the next batch would pass segment.bytes",
                RollReason::SegmentMs => "the active segment's first batch is older than segment.ms",
                RollReason::Retention => "retention deletes every segment, so an empty one starts first",
            };
            format!(
                "{broker} rolls {} to a new segment at offset {base_offset} ({why})",
                sim.tp_name(*tp)
            )
        }
        EventKind::SegmentsDeleted {
            tp,
            broker,
            reason,
            segments,
            first_offset,
            end_offset,
            records,
            bytes,
        } => {
            let why = match reason {
                DeletionReason::RetentionMs => "retention.ms: their newest record is older than the limit",
                DeletionReason::RetentionBytes => "retention.bytes: the log is over the limit by at least a segment",
                DeletionReason::LogStartOffset => "wholly below the log start offset",
            };
            format!(
                "{broker} deletes {segments} segment(s) of {}: offsets {first_offset}..{end_offset} ({records} record(s), {bytes} B), {why}",
                sim.tp_name(*tp)
            )
        }
        EventKind::LogStartOffsetMoved {
            tp,
            broker,
            log_start_offset,
            cause,
        } => match cause {
            LogStartCause::Retention => format!(
                "{} log start offset on {broker} → {log_start_offset}",
                sim.tp_name(*tp)
            ),
            LogStartCause::Leader => format!(
                "{} log start offset on {broker} → {log_start_offset} (a follower follows its leader's)",
                sim.tp_name(*tp)
            ),
        },
        EventKind::LogCompacted {
            tp,
            broker,
            end_offset,
            dirty_ratio_percent,
            superseded,
            tombstones_removed,
            keyless,
            bytes_before,
            bytes_after,
            segments_before,
            segments_after,
        } => {
            let mut parts = vec![format!("{superseded} older value(s) of a key")];
            if *tombstones_removed > 0 {
                parts.push(format!("{tombstones_removed} tombstone(s) past delete.retention.ms"));
            }
            if *keyless > 0 {
                parts.push(format!("{keyless} record(s) without a key"));
            }
            format!(
                "{broker} log cleaner compacts {} below offset {end_offset} (dirty {dirty_ratio_percent}%): removes {}; {bytes_before} B → {bytes_after} B, {segments_before} → {segments_after} segment(s); offsets stay, gaps remain",
                sim.tp_name(*tp),
                parts.join(", ")
            )
        }
        EventKind::ConsumerOffsetReset {
            group,
            member,
            tp,
            from_offset,
            to_offset,
            policy,
            log_start_offset,
            log_end_offset,
        } => {
            let place = if from_offset < log_start_offset {
                format!("below the log start offset {log_start_offset}")
            } else {
                format!("above the log end offset {log_end_offset}")
            };
            let what = match to_offset {
                None => "auto.offset.reset=none: the error goes to the application and it stops reading the partition".to_string(),
                Some(to) if to > from_offset => format!(
                    "auto.offset.reset={} moves it to {to}: it skips offsets {from_offset}..{to} ({} offset(s), {} of them deleted by retention)",
                    offset_reset_name(*policy),
                    to - from_offset,
                    (*log_start_offset).min(*to).saturating_sub(*from_offset)
                ),
                Some(to) => format!(
                    "auto.offset.reset={} moves it back to {to}: offsets {to}..{from_offset} will be read again",
                    offset_reset_name(*policy)
                ),
            };
            format!(
                "{} (group {}) position {from_offset} on {} is {place}: OFFSET_OUT_OF_RANGE; {what}",
                member_name(*member),
                sim.group_name(*group),
                sim.tp_name(*tp)
            )
        }
        EventKind::FollowerOutOfRange {
            tp,
            broker,
            fetch_offset,
            leader_log_start_offset,
            dropped,
        } => format!(
            "{broker} (follower) fetch offset {fetch_offset} on {} is below the leader's log start offset {leader_log_start_offset}: OFFSET_OUT_OF_RANGE; it drops its {dropped} record(s) and starts again at {leader_log_start_offset}",
            sim.tp_name(*tp)
        ),
        EventKind::TopicConfigChanged {
            topic,
            name,
            old,
            new,
        } => format!(
            "topic {}: {name} = {new} (was {old})",
            sim.topic_name(*topic)
        ),
        EventKind::RetentionCheckIntervalChanged { interval_ms } => format!(
            "every broker now checks retention every {interval_ms} ms (log.retention.check.interval.ms)"
        ),
        EventKind::BrokerStopped { broker, clean } => {
            if *clean {
                format!("{broker} shuts down cleanly (its leaderships moved first)")
            } else {
                format!("{broker} crashes; the controller will notice when its session expires")
            }
        }
        EventKind::BrokerStarted { broker } => {
            format!("{broker} starts; its replicas check their leader's epochs and catch up")
        }
        EventKind::BrokerFenced { broker } => {
            format!("controller fences {broker}: out of every ISR, its leaderships move")
        }
        EventKind::BrokerSlowed {
            broker,
            extra_latency_ms,
        } => {
            if *extra_latency_ms == 0 {
                format!("{broker} back to normal speed")
            } else {
                format!("{broker} slowed: +{extra_latency_ms} ms on every message")
            }
        }
        EventKind::LinkChanged { a, b, up } => format!(
            "link {} ↔ {} {}",
            sim.node_name(*a),
            sim.node_name(*b),
            if *up { "healed" } else { "cut" }
        ),
        EventKind::MessageDropped {
            kind,
            from,
            to,
            reason,
            ..
        } => format!(
            "{kind} from {} to {} dropped: {}",
            sim.node_name(*from),
            sim.node_name(*to),
            drop_reason(*reason)
        ),
        EventKind::LeaderElected {
            tp,
            leader,
            leader_epoch,
            kind,
        } => match (leader, kind) {
            (None, _) => format!(
                "{} is OFFLINE: no in-sync replica is alive (leader epoch {leader_epoch})",
                sim.tp_name(*tp)
            ),
            (Some(l), ElectionKind::Unclean) => format!(
                "UNCLEAN election: {l} (out of sync) leads {} at epoch {leader_epoch}",
                sim.tp_name(*tp)
            ),
            (Some(l), ElectionKind::Preferred) => format!(
                "{l}, the preferred replica, leads {} again (epoch {leader_epoch})",
                sim.tp_name(*tp)
            ),
            (Some(l), _) => format!(
                "controller elects {l} leader of {} (epoch {leader_epoch})",
                sim.tp_name(*tp)
            ),
        },
        EventKind::IsrChanged { tp, isr, reason } => {
            let list: Vec<String> = isr.iter().map(|b| b.0.to_string()).collect();
            let why = match reason {
                IsrChange::LaggingFollower => "a follower fell behind longer than replica.lag.time.max.ms",
                IsrChange::BrokerGone => "a broker left",
                IsrChange::CaughtUp => "a follower caught up with the HW",
            };
            format!("{} ISR → [{}] ({why})", sim.tp_name(*tp), list.join(","))
        }
        EventKind::ProduceFailed {
            producer,
            tp,
            error,
            batch,
        } => format!(
            "{} receives {error} for {batch} on {}",
            producer_name(*producer),
            sim.tp_name(*tp)
        ),
        EventKind::FollowerTruncated {
            tp,
            broker,
            from_offset,
            to_offset,
        } => format!(
            "{broker} truncates {} from {from_offset} to {to_offset}: its leader does not have those records",
            sim.tp_name(*tp)
        ),
        EventKind::RecordsDiscarded { tp, records } => format!(
            "{records} unacknowledged record(s) of {} are not on the new leader; the producer never got an answer for them and sends them again",
            sim.tp_name(*tp)
        ),
        EventKind::RecordsLost {
            tp,
            records,
            acknowledged,
            reason,
        } => format!(
            "LOST {records} record(s) of {} ({acknowledged} had been acknowledged): {}",
            sim.tp_name(*tp),
            loss_reason(*reason)
        ),
        EventKind::StickySwitched {
            producer,
            topic,
            from,
            to,
            reason,
            produced_bytes,
            weights,
        } => {
            let tp = |p: u32| {
                sim.tp_name(TopicPartition {
                    topic: *topic,
                    partition: p,
                })
            };
            let from = from.map_or("none".to_string(), |f| format!("{} after {produced_bytes} B", tp(f)));
            let how = match weights {
                Some(w) => {
                    let list: Vec<String> = w.iter().map(|(p, w)| format!("p{p}:{w}")).collect();
                    format!("adaptive weights {}", list.join(" "))
                }
                None => "uniformly at random".to_string(),
            };
            format!(
                "{} sticky partition {from} → {} ({}; next chosen {how})",
                producer_name(*producer),
                tp(*to),
                switch_reason(*reason)
            )
        }
        EventKind::RequestTimedOut {
            producer,
            broker,
            batches,
        } => format!(
            "{}: no answer from {broker} within request.timeout.ms; connection closed, {} batch(es) failed",
            producer_name(*producer),
            batches.len()
        ),
        EventKind::ProduceRetried {
            batch,
            producer,
            tp,
            next_attempt,
        } => format!(
            "{} will retry batch {batch} for {} (attempt {next_attempt}) after retry.backoff.ms",
            producer_name(*producer),
            sim.tp_name(*tp)
        ),
        EventKind::BatchExpired {
            batch,
            producer,
            tp,
            records,
        } => format!(
            "{}: batch {batch} for {} expired after delivery.timeout.ms; {records} record(s) failed",
            producer_name(*producer),
            sim.tp_name(*tp)
        ),
        EventKind::DuplicateIgnored {
            batch,
            broker,
            tp,
            base_offset,
        } => format!(
            "{broker} already has batch {batch} in {} at offset {base_offset} (same producer id and sequence): not appended again",
            sim.tp_name(*tp)
        ),
        EventKind::DuplicateAppended {
            batch,
            broker,
            tp,
            records,
        } => format!(
            "{broker} appends batch {batch} to {} a second time (no idempotence): {records} duplicate record(s)",
            sim.tp_name(*tp)
        ),
        EventKind::OutOfOrderSequence {
            batch,
            broker,
            tp,
            expected,
            got,
        } => format!(
            "{broker} refuses batch {batch} for {}: sequence {got}, expected {expected} (OUT_OF_ORDER_SEQUENCE_NUMBER)",
            sim.tp_name(*tp)
        ),
        EventKind::PartitionsAdded {
            topic,
            from,
            to,
            replicas,
        } => {
            let list: Vec<String> = replicas
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let ids: Vec<String> = r.iter().map(|b| b.0.to_string()).collect();
                    format!("p{} [{}]", *from as usize + i, ids.join(","))
                })
                .collect();
            format!(
                "topic {} grows from {from} to {to} partitions: {}",
                sim.topics().get(topic.0 as usize).map_or("?", |t| t.name.as_str()),
                list.join(", ")
            )
        }
        EventKind::MetadataRefreshed {
            producer,
            from,
            to,
            moved_keys,
            ..
        } => {
            let moved: Vec<String> = moved_keys
                .iter()
                .map(|(k, a, b)| format!("\"{k}\" p{a}→p{b}"))
                .collect();
            format!(
                "{} refreshes metadata: {from} → {to} partitions; {} key(s) move{}{}",
                producer_name(*producer),
                moved_keys.len(),
                if moved.is_empty() { "" } else { ": " },
                moved.join(", ")
            )
        }
        EventKind::ProducerConfigChanged {
            producer,
            before,
            after,
        } => format!(
            "{} restarted with {}",
            producer_name(*producer),
            producer_changes(before, after).join("; ")
        ),
        EventKind::Group(e) => describe_group_event(sim, e),
    }
}
