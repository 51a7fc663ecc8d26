//! Events in English: the event log, the golden files and the history
//! fingerprint read these sentences (they must not change by a byte unless
//! a golden file is rewritten on purpose). Every field is used: no `..`.

use crate::engine::config::Compression;
use crate::engine::event::{
    ElectionKind, IsrChange, LeaveReason, LogStartCause, RemovalReason, ResetCause,
};
use crate::engine::log::{DeletionReason, RollReason};
use crate::engine::retention::offset_reset_name;
use crate::engine::PartitionDecision;

use super::event::{
    Because, Change, EventLine, GroupLine, ProducerChange, ProducerSetting, SettingValue,
};
use super::lang::Lang;
use super::words;

const EN: Lang = Lang::En;

fn key_text(key: Option<&str>) -> String {
    key.map_or("null".to_string(), |k| format!("\"{k}\""))
}

fn parts(list: &[u32]) -> String {
    let items: Vec<String> = list.iter().map(|p| format!("p{p}")).collect();
    format!("[{}]", items.join(", "))
}

/// One event in English.
#[must_use]
pub fn event(line: &EventLine) -> String {
    match line {
        EventLine::RecordCreated {
            producer,
            record,
            key,
            tp,
            partition,
            decision,
        } => {
            let why = match decision {
                PartitionDecision::Explicit => "partition named by the record".to_string(),
                PartitionDecision::KeyHash {
                    murmur2,
                    partitions,
                } => format!("murmur2 = {murmur2}, toPositive % {partitions} = {partition}"),
                PartitionDecision::Sticky {
                    produced_bytes,
                    batch_size,
                } => format!(
                    "sticky partition, {produced_bytes} of batch.size {batch_size} B produced to it"
                ),
                PartitionDecision::RoundRobin { skipped: None } => "round robin".to_string(),
                PartitionDecision::RoundRobin { skipped: Some(s) } => format!(
                    "round robin; p{s} skipped: a new batch called partition() twice (KAFKA-9965)"
                ),
            };
            format!(
                "{producer} creates {record} key {} → {tp} ({why})",
                key_text(key.as_deref())
            )
        }
        EventLine::BatchSent {
            producer,
            batch,
            records,
            bytes,
            compression,
            uncompressed_bytes,
            attempt,
            leader,
            tp,
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
                "{producer} sends batch {batch} ({records} record(s), {size}{retry}) to {leader}, leader of {tp}"
            )
        }
        EventLine::BatchAppended {
            broker,
            tp,
            first,
            last,
            leader_epoch,
        } => format!("{broker} appends {tp} offsets {first}..={last} (leader epoch {leader_epoch})"),
        EventLine::ReplicaCopied {
            broker,
            tp,
            first,
            last,
        } => format!("{broker} (follower) copies {tp} offsets {first}..={last}"),
        EventLine::HighWatermark {
            tp,
            broker,
            high_watermark,
        } => format!("{tp} high watermark on {broker} → {high_watermark}"),
        EventLine::ProduceAcked {
            producer,
            tp,
            base_offset,
            records,
        } => format!(
            "{producer} receives ack: {tp} offset {base_offset} ({records} record(s))"
        ),
        EventLine::ProduceAssumed { producer, batch } => {
            format!("{producer} assumes {batch} delivered (acks=0: no answer comes)")
        }
        EventLine::FetchSent {
            member,
            broker,
            positions,
        } => {
            let parts: Vec<String> = positions.iter().map(|(tp, o)| format!("{tp}@{o}")).collect();
            format!("{member} fetches from {broker}: {}", parts.join(", "))
        }
        EventLine::FetchAnswered {
            broker,
            member,
            records,
        } => format!("{broker} answers {member}'s fetch with {records} record(s)"),
        EventLine::RecordConsumed {
            member,
            record,
            tp,
            offset,
        } => format!("{member} processes {record} at {tp} offset {offset}"),
        EventLine::OffsetCommitted {
            group,
            tp,
            offset,
            member,
        } => format!("group {group} commits {tp} offset {offset} (from {member})"),
        EventLine::PartitionsAssigned {
            group,
            generation,
            assignor,
            assignment,
        } => {
            let parts: Vec<String> = assignment
                .iter()
                .map(|(m, list)| {
                    let list: Vec<String> = list.iter().map(u32::to_string).collect();
                    format!("{m} ← [{}]", list.join(", "))
                })
                .collect();
            format!(
                "coordinator: group {group} is Stable, generation {generation} ({} assignor): {}",
                assignor.map_or("?", |a| a.name()),
                parts.join("; ")
            )
        }
        EventLine::ProducerRate {
            producer,
            records_per_sec,
        } => format!("{producer} rate set to {records_per_sec} records/s"),
        EventLine::SegmentRolled {
            broker,
            tp,
            base_offset,
            reason,
        } => {
            let why = match reason {
                RollReason::SegmentBytes => "the next batch would pass segment.bytes",
                RollReason::SegmentMs => {
                    "the active segment's first batch is older than segment.ms"
                }
                RollReason::Retention => {
                    "retention deletes every segment, so an empty one starts first"
                }
            };
            format!("{broker} rolls {tp} to a new segment at offset {base_offset} ({why})")
        }
        EventLine::SegmentsDeleted {
            broker,
            segments,
            tp,
            first,
            end,
            records,
            bytes,
            reason,
        } => {
            let why = match reason {
                DeletionReason::RetentionMs => {
                    "retention.ms: their newest record is older than the limit"
                }
                DeletionReason::RetentionBytes => {
                    "retention.bytes: the log is over the limit by at least a segment"
                }
                DeletionReason::LogStartOffset => "wholly below the log start offset",
            };
            format!(
                "{broker} deletes {segments} segment(s) of {tp}: offsets {first}..{end} ({records} record(s), {bytes} B), {why}"
            )
        }
        EventLine::LogStartMoved {
            tp,
            broker,
            log_start_offset,
            cause,
        } => match cause {
            LogStartCause::Retention => {
                format!("{tp} log start offset on {broker} → {log_start_offset}")
            }
            LogStartCause::Leader => format!(
                "{tp} log start offset on {broker} → {log_start_offset} (a follower follows its leader's)"
            ),
        },
        EventLine::LogCompacted {
            broker,
            tp,
            end_offset,
            dirty_percent,
            superseded,
            tombstones,
            keyless,
            bytes_before,
            bytes_after,
            segments_before,
            segments_after,
        } => {
            let mut parts = vec![format!("{superseded} older value(s) of a key")];
            if *tombstones > 0 {
                parts.push(format!("{tombstones} tombstone(s) past delete.retention.ms"));
            }
            if *keyless > 0 {
                parts.push(format!("{keyless} record(s) without a key"));
            }
            format!(
                "{broker} log cleaner compacts {tp} below offset {end_offset} (dirty {dirty_percent}%): removes {}; {bytes_before} B → {bytes_after} B, {segments_before} → {segments_after} segment(s); offsets stay, gaps remain",
                parts.join(", ")
            )
        }
        EventLine::ConsumerOffsetReset {
            member,
            group,
            from,
            tp,
            to,
            policy,
            log_start_offset,
            log_end_offset,
        } => {
            let place = if from < log_start_offset {
                format!("below the log start offset {log_start_offset}")
            } else {
                format!("above the log end offset {log_end_offset}")
            };
            let what = match to {
                None => "auto.offset.reset=none: the error goes to the application and it stops reading the partition".to_string(),
                Some(to) if to > from => format!(
                    "auto.offset.reset={} moves it to {to}: it skips offsets {from}..{to} ({} offset(s), {} of them deleted by retention)",
                    offset_reset_name(*policy),
                    to - from,
                    (*log_start_offset).min(*to).saturating_sub(*from)
                ),
                Some(to) => format!(
                    "auto.offset.reset={} moves it back to {to}: offsets {to}..{from} will be read again",
                    offset_reset_name(*policy)
                ),
            };
            format!(
                "{member} (group {group}) position {from} on {tp} is {place}: OFFSET_OUT_OF_RANGE; {what}"
            )
        }
        EventLine::FollowerOutOfRange {
            broker,
            fetch_offset,
            tp,
            leader_log_start,
            dropped,
        } => format!(
            "{broker} (follower) fetch offset {fetch_offset} on {tp} is below the leader's log start offset {leader_log_start}: OFFSET_OUT_OF_RANGE; it drops its {dropped} record(s) and starts again at {leader_log_start}"
        ),
        EventLine::TopicConfigChanged {
            topic,
            name,
            new,
            old,
        } => format!("topic {topic}: {name} = {new} (was {old})"),
        EventLine::RetentionCheckInterval { interval_ms } => format!(
            "every broker now checks retention every {interval_ms} ms (log.retention.check.interval.ms)"
        ),
        EventLine::BrokerStopped { broker, clean } => {
            if *clean {
                format!("{broker} shuts down cleanly (its leaderships moved first)")
            } else {
                format!("{broker} crashes; the controller will notice when its session expires")
            }
        }
        EventLine::BrokerStarted { broker } => {
            format!("{broker} starts; its replicas check their leader's epochs and catch up")
        }
        EventLine::BrokerFenced { broker } => {
            format!("controller fences {broker}: out of every ISR, its leaderships move")
        }
        EventLine::BrokerSlowed {
            broker,
            extra_latency_ms,
        } => {
            if *extra_latency_ms == 0 {
                format!("{broker} back to normal speed")
            } else {
                format!("{broker} slowed: +{extra_latency_ms} ms on every message")
            }
        }
        EventLine::LinkChanged { a, b, up } => {
            format!("link {a} ↔ {b} {}", if *up { "healed" } else { "cut" })
        }
        EventLine::MessageDropped {
            kind,
            from,
            to,
            reason,
        } => format!("{kind} from {from} to {to} dropped: {}", words::drop_reason(EN, *reason)),
        EventLine::LeaderElected {
            tp,
            leader,
            leader_epoch,
            kind,
        } => match (leader, kind) {
            (None, _) => format!(
                "{tp} is OFFLINE: no in-sync replica is alive (leader epoch {leader_epoch})"
            ),
            (Some(l), ElectionKind::Unclean) => {
                format!("UNCLEAN election: {l} (out of sync) leads {tp} at epoch {leader_epoch}")
            }
            (Some(l), ElectionKind::Preferred) => {
                format!("{l}, the preferred replica, leads {tp} again (epoch {leader_epoch})")
            }
            (Some(l), ElectionKind::Clean | ElectionKind::Offline) => {
                format!("controller elects {l} leader of {tp} (epoch {leader_epoch})")
            }
        },
        EventLine::IsrChanged { tp, isr, reason } => {
            let list: Vec<String> = isr.iter().map(u32::to_string).collect();
            let why = match reason {
                IsrChange::LaggingFollower => {
                    "a follower fell behind longer than replica.lag.time.max.ms"
                }
                IsrChange::BrokerGone => "a broker left",
                IsrChange::CaughtUp => "a follower caught up with the HW",
            };
            format!("{tp} ISR → [{}] ({why})", list.join(","))
        }
        EventLine::ProduceFailed {
            producer,
            error,
            batch,
            tp,
        } => format!("{producer} receives {error} for {batch} on {tp}"),
        EventLine::FollowerTruncated {
            broker,
            tp,
            from,
            to,
        } => format!(
            "{broker} truncates {tp} from {from} to {to}: its leader does not have those records"
        ),
        EventLine::RecordsDiscarded { records, tp } => format!(
            "{records} unacknowledged record(s) of {tp} are not on the new leader; the producer never got an answer for them and sends them again"
        ),
        EventLine::RecordsLost {
            records,
            tp,
            acknowledged,
            reason,
        } => format!(
            "LOST {records} record(s) of {tp} ({acknowledged} had been acknowledged): {}",
            words::loss_reason(EN, *reason)
        ),
        EventLine::StickySwitched {
            producer,
            from,
            produced_bytes,
            to,
            reason,
            weights,
        } => {
            let from = from
                .as_ref()
                .map_or("none".to_string(), |f| format!("{f} after {produced_bytes} B"));
            let how = match weights {
                Some(w) => {
                    let list: Vec<String> = w.iter().map(|(p, w)| format!("p{p}:{w}")).collect();
                    format!("adaptive weights {}", list.join(" "))
                }
                None => "uniformly at random".to_string(),
            };
            format!(
                "{producer} sticky partition {from} → {to} ({}; next chosen {how})",
                words::switch_reason(EN, *reason)
            )
        }
        EventLine::RequestTimedOut {
            producer,
            broker,
            batches,
        } => format!(
            "{producer}: no answer from {broker} within request.timeout.ms; connection closed, {batches} batch(es) failed"
        ),
        EventLine::ProduceRetried {
            producer,
            batch,
            tp,
            next_attempt,
        } => format!(
            "{producer} will retry batch {batch} for {tp} (attempt {next_attempt}) after retry.backoff.ms"
        ),
        EventLine::BatchExpired {
            producer,
            batch,
            tp,
            records,
        } => format!(
            "{producer}: batch {batch} for {tp} expired after delivery.timeout.ms; {records} record(s) failed"
        ),
        EventLine::DuplicateIgnored {
            broker,
            batch,
            tp,
            base_offset,
        } => format!(
            "{broker} already has batch {batch} in {tp} at offset {base_offset} (same producer id and sequence): not appended again"
        ),
        EventLine::DuplicateAppended {
            broker,
            batch,
            tp,
            records,
        } => format!(
            "{broker} appends batch {batch} to {tp} a second time (no idempotence): {records} duplicate record(s)"
        ),
        EventLine::OutOfOrderSequence {
            broker,
            batch,
            tp,
            got,
            expected,
        } => format!(
            "{broker} refuses batch {batch} for {tp}: sequence {got}, expected {expected} (OUT_OF_ORDER_SEQUENCE_NUMBER)"
        ),
        EventLine::PartitionsAdded {
            topic,
            from,
            to,
            replicas,
        } => format!(
            "topic {topic} grows from {from} to {to} partitions: {}",
            new_partitions(*from, replicas)
        ),
        EventLine::MetadataRefreshed {
            producer,
            from,
            to,
            moved,
        } => {
            let list = moved_keys(moved);
            format!(
                "{producer} refreshes metadata: {from} → {to} partitions; {} key(s) move{}{}",
                moved.len(),
                if list.is_empty() { "" } else { ": " },
                list
            )
        }
        EventLine::ProducerConfigChanged { producer, changes } => {
            let list: Vec<String> = changes.iter().map(change).collect();
            format!("{producer} restarted with {}", list.join("; "))
        }
        EventLine::Group(g) => group(g),
    }
}

/// `p3 [1,2,3], p4 [2,3,1]`: each new partition and its replicas.
pub(super) fn new_partitions(from: u32, replicas: &[Vec<u32>]) -> String {
    let list: Vec<String> = replicas
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let ids: Vec<String> = r.iter().map(u32::to_string).collect();
            format!("p{} [{}]", from as usize + i, ids.join(","))
        })
        .collect();
    list.join(", ")
}

/// `"alice" p0→p3, "bob" p1→p4`.
pub(super) fn moved_keys(moved: &[(String, u32, u32)]) -> String {
    let list: Vec<String> = moved
        .iter()
        .map(|(k, a, b)| format!("\"{k}\" p{a}→p{b}"))
        .collect();
    list.join(", ")
}

/// A producer setting's name as the event log shows it.
fn setting(s: ProducerSetting) -> &'static str {
    match s {
        ProducerSetting::Partitioner => "partitioner",
        ProducerSetting::IgnoreKeys => "partitioner.ignore.keys",
        ProducerSetting::Adaptive => "partitioner.adaptive.partitioning.enable",
        ProducerSetting::BatchSize => "batch.size",
        ProducerSetting::LingerMs => "linger.ms",
        ProducerSetting::Compression => "compression.type",
        ProducerSetting::Acks => "acks",
        ProducerSetting::Mode => "mode",
        ProducerSetting::Idempotence => "enable.idempotence",
        ProducerSetting::MaxInFlight => "max.in.flight.requests.per.connection",
        ProducerSetting::Keys => "keys",
        ProducerSetting::ValueBytes => "value bytes",
        ProducerSetting::RequestTimeout => "request.timeout.ms",
        ProducerSetting::DeliveryTimeout => "delivery.timeout.ms",
        ProducerSetting::RetryBackoff => "retry.backoff.ms",
        ProducerSetting::MetadataMaxAge => "metadata.max.age.ms",
    }
}

fn value(v: &SettingValue) -> String {
    match v {
        SettingValue::Plain(s) => s.clone(),
        SettingValue::Partitioner(p) => words::partitioner(EN, *p).to_string(),
        SettingValue::Mode(m) => words::send_mode(EN, *m).to_string(),
    }
}

fn change(c: &ProducerChange) -> String {
    let ProducerChange {
        setting: s,
        old,
        new,
    } = c;
    format!("{} {} → {}", setting(*s), value(old), value(new))
}

fn removal(reason: RemovalReason) -> String {
    match reason {
        RemovalReason::Left(LeaveReason::Closing) => "the consumer is being closed".to_string(),
        RemovalReason::Left(LeaveReason::PollTimeout) => {
            "consumer poll timeout has expired (max.poll.interval.ms)".to_string()
        }
        RemovalReason::SessionTimeout { session_ms } => {
            format!("session timeout: no heartbeat for {session_ms} ms (session.timeout.ms)")
        }
        RemovalReason::RebalanceTimeout => {
            "did not rejoin within the rebalance timeout (max.poll.interval.ms)".to_string()
        }
    }
}

/// What started a rebalance.
#[must_use]
pub fn because(b: &Because) -> String {
    match b {
        Because::Joined(m) => format!("{m} joined"),
        Because::Rejoined(m) => format!("{m} rejoined"),
        Because::Removed { member, reason } => format!("{member} removed: {}", removal(*reason)),
        Because::AssignorChanged(a) => format!("assignor changed to {}", a.name()),
        Because::ProtocolChanged(p) => format!("protocol changed to {}", p.name()),
    }
}

fn group_change(c: &Change) -> String {
    match c {
        Change::ProcessingTime { member, ms } => format!("{member} processes a record in {ms} ms"),
        Change::Assignor { assignor, protocol } => format!(
            "partition.assignment.strategy = {} ({} protocol)",
            assignor.class_name(),
            protocol.name()
        ),
        Change::Protocol(p) => format!("rebalance protocol {}", p.name()),
        Change::CommitMode(m) => words::commit_mode(EN, *m).to_string(),
    }
}

/// One consumer-group event in English.
#[must_use]
pub fn group(line: &GroupLine) -> String {
    match line {
        GroupLine::MemberAdded { member, group } => {
            format!("{member} starts in group {group} and will send JoinGroup")
        }
        GroupLine::MemberClosing { member, group } => {
            format!("{member} closes: commits its offsets, then leaves group {group}")
        }
        GroupLine::MemberCrashed { member, group } => format!(
            "{member} crashes: no commit, no LeaveGroup; group {group}'s coordinator will notice after session.timeout.ms"
        ),
        GroupLine::MemberPaused { member, paused } => {
            if *paused {
                format!("{member} pauses its partitions (consumer.pause): it polls and commits, but fetches nothing")
            } else {
                format!("{member} resumes its partitions")
            }
        }
        GroupLine::MemberRemoved {
            member,
            group,
            reason,
        } => format!(
            "coordinator removes {member} from group {group}: {}",
            removal(*reason)
        ),
        GroupLine::RebalanceStarted {
            group,
            protocol,
            because: b,
        } => format!(
            "coordinator: group {group} is PreparingRebalance ({} protocol) because {}; members must rejoin",
            protocol.name(),
            because(b)
        ),
        GroupLine::PartitionsRevoked {
            member,
            partitions,
            lost,
        } => {
            if *lost {
                format!("{member} lost {} (it was no longer in the group)", parts(partitions))
            } else {
                format!("{member} revokes {}", parts(partitions))
            }
        }
        GroupLine::JoinGroupSent { member, owned } => {
            if owned.is_empty() {
                format!("{member} sends JoinGroup")
            } else {
                format!("{member} sends JoinGroup, owning {}", parts(owned))
            }
        }
        GroupLine::JoinCompleted {
            members,
            group,
            generation,
            leader,
        } => format!(
            "coordinator: all {members} member(s) of group {group} joined: generation {generation}, leader {leader}; CompletingRebalance"
        ),
        GroupLine::AssignmentComputed {
            leader,
            assignor,
            plan,
            held_back,
        } => {
            let plan: Vec<String> = plan
                .iter()
                .map(|(m, l)| format!("{m} ← {}", parts(l)))
                .collect();
            let held = if held_back.is_empty() {
                String::new()
            } else {
                format!("; {} held back until their owner revokes them", parts(held_back))
            };
            format!(
                "leader {leader} runs {}: {}{held}; sends SyncGroup",
                assignor.class_name(),
                plan.join("; ")
            )
        }
        GroupLine::AssignmentReceived {
            member,
            generation,
            owned,
            added,
            revoked,
        } => {
            let mut text = format!("{member} gets generation {generation}: owns {}", parts(owned));
            if !added.is_empty() {
                text.push_str(&format!(", new {}", parts(added)));
            }
            if !revoked.is_empty() {
                text.push_str(&format!(
                    ", gives up {} without committing and rejoins",
                    parts(revoked)
                ));
            }
            text
        }
        GroupLine::RecordReprocessed {
            member,
            record,
            tp,
            offset,
        } => format!(
            "DUPLICATE: {member} processes {record} at {tp} offset {offset} again (processed before, not committed)"
        ),
        GroupLine::CommitFailed { member, error } => {
            format!("{member}'s offset commit fails: {error} (CommitFailedException)")
        }
        GroupLine::OffsetReset {
            member,
            tp,
            cause,
            from,
            to,
            policy,
        } => {
            let cause = match cause {
                ResetCause::NoCommittedOffset => "no committed offset",
            };
            let from = from.map_or(String::new(), |o| format!(" at offset {o}"));
            match to {
                Some(to) => format!(
                    "{member} on {tp}: {cause}{from}; auto.offset.reset={} → offset {to}",
                    policy.as_config()
                ),
                None => format!(
                    "{member} on {tp}: {cause}{from}; auto.offset.reset=none → the application gets an exception and the partition stops"
                ),
            }
        }
        GroupLine::Seeked {
            member,
            tp,
            from,
            to,
        } => format!(
            "{member} seeks {tp} from {} to offset {to}",
            from.map_or("none".to_string(), |o| o.to_string())
        ),
        GroupLine::ConfigChanged { group, change } => {
            format!("group {group}: {}", group_change(change))
        }
        GroupLine::GroupAdded {
            group,
            topic,
            members,
        } => format!("group {group} starts reading {topic} with {members} member(s), its own offsets"),
    }
}
