//! Read-only views of the simulation for the picture, the event log and the
//! tests. Nothing here changes state.

use super::config::ClusterConfig;
use super::consumer::Group;
use super::event::{ElectionKind, Event, EventKind, IsrChange, LogStartCause, PartitionDecision};
use super::ids::{GroupIdx, TopicPartition};
use super::log::{DeletionReason, RollReason};
use super::network::{Message, Node};
use super::producer::Producer;
use super::retention::offset_reset_name;
use super::sim::{Broker, LostRecord, Sim, Totals};
use super::topic::{Partition, Topic};

impl Sim {
    /// The configuration the simulation started from.
    #[must_use]
    pub fn config(&self) -> &ClusterConfig {
        &self.config
    }

    /// Brokers, by id.
    #[must_use]
    pub fn brokers(&self) -> &[Broker] {
        &self.brokers
    }

    /// Topics, by index.
    #[must_use]
    pub fn topics(&self) -> &[Topic] {
        &self.topics
    }

    /// One partition.
    #[must_use]
    pub fn partition_state(&self, tp: TopicPartition) -> Option<&Partition> {
        self.topics
            .get(tp.topic.0 as usize)?
            .partitions
            .get(tp.partition as usize)
    }

    /// Producers, by id.
    #[must_use]
    pub fn producers(&self) -> &[Producer] {
        &self.producers
    }

    /// Consumer groups, by index.
    #[must_use]
    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    /// Messages on the network now, oldest first. Fetches held at a broker
    /// (long poll) are not on the network and are not listed.
    pub fn in_flight(&self) -> impl Iterator<Item = &Message> {
        self.in_flight.values().map(|m| &**m)
    }

    /// Fetch requests a broker is holding until data arrives or they expire.
    pub fn parked_fetches(&self) -> impl Iterator<Item = &Message> {
        self.parked.values().map(|m| &**m)
    }

    /// Running totals.
    #[must_use]
    pub fn totals(&self) -> &Totals {
        &self.totals
    }

    /// `topic-partition`, as Kafka writes it.
    #[must_use]
    pub fn tp_name(&self, tp: TopicPartition) -> String {
        match self.topics.get(tp.topic.0 as usize) {
            Some(t) => format!("{}-{}", t.name, tp.partition),
            None => format!("{}-{}", tp.topic, tp.partition),
        }
    }

    /// Lag of a group on one partition: leader HW − committed offset, or
    /// `None` while the group has committed nothing there (Kafka shows `-`).
    #[must_use]
    pub fn lag(&self, group: GroupIdx, partition: u32) -> Option<u64> {
        let g = self.groups.get(group.0 as usize)?;
        let committed = *g.committed.get(&partition)?;
        let tp = TopicPartition {
            topic: g.topic,
            partition,
        };
        let hw = self.partition_state(tp)?.leader_log()?.high_watermark();
        Some(hw.saturating_sub(committed))
    }

    /// A group's total lag over the partitions it has committed.
    #[must_use]
    pub fn group_lag(&self, group: GroupIdx) -> u64 {
        let Some(g) = self.groups.get(group.0 as usize) else {
            return 0;
        };
        g.committed.keys().filter_map(|&p| self.lag(group, p)).sum()
    }

    /// One event in plain English, for the event log and golden files.
    #[must_use]
    pub fn describe(&self, event: &Event) -> String {
        let member_name = |m: super::ids::MemberId| format!("consumer-{}", m.0);
        let producer_name = |p: super::ids::ProducerId| {
            self.producers
                .get(p.0 as usize)
                .map_or_else(|| p.to_string(), |x| x.config.name.clone())
        };
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
                    self.tp_name(*tp)
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
                let size = if *compression == super::config::Compression::None {
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
                    self.tp_name(*tp)
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
                self.tp_name(*tp)
            ),
            EventKind::ReplicaCopied {
                broker,
                tp,
                first_offset,
                last_offset,
            } => format!(
                "{broker} (follower) copies {} offsets {first_offset}..={last_offset}",
                self.tp_name(*tp)
            ),
            EventKind::HighWatermarkAdvanced {
                tp,
                broker,
                high_watermark,
            } => format!(
                "{} high watermark on {broker} → {high_watermark}",
                self.tp_name(*tp)
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
                self.tp_name(*tp)
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
                    .map(|(tp, o)| format!("{}@{o}", self.tp_name(*tp)))
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
                self.tp_name(*tp)
            ),
            EventKind::OffsetCommitted {
                group,
                member,
                tp,
                offset,
            } => format!(
                "group {} commits {} offset {offset} (from {})",
                self.group_name(*group),
                self.tp_name(*tp),
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
                let assignor = self
                    .groups
                    .get(group.0 as usize)
                    .map_or("?", |g| g.config.assignor.name());
                format!(
                    "coordinator: group {} is Stable, generation {generation} ({assignor} assignor): {}",
                    self.group_name(*group),
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
                    self.tp_name(*tp)
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
                    self.tp_name(*tp)
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
                    self.tp_name(*tp)
                ),
                LogStartCause::Leader => format!(
                    "{} log start offset on {broker} → {log_start_offset} (a follower follows its leader's)",
                    self.tp_name(*tp)
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
                    self.tp_name(*tp),
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
                    self.group_name(*group),
                    self.tp_name(*tp)
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
                self.tp_name(*tp)
            ),
            EventKind::TopicConfigChanged {
                topic,
                name,
                old,
                new,
            } => format!(
                "topic {}: {name} = {new} (was {old})",
                self.topics
                    .get(topic.0 as usize)
                    .map_or_else(|| topic.to_string(), |t| t.name.clone())
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
                self.node_name(*a),
                self.node_name(*b),
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
                self.node_name(*from),
                self.node_name(*to),
                reason.text()
            ),
            EventKind::LeaderElected {
                tp,
                leader,
                leader_epoch,
                kind,
            } => match (leader, kind) {
                (None, _) => format!(
                    "{} is OFFLINE: no in-sync replica is alive (leader epoch {leader_epoch})",
                    self.tp_name(*tp)
                ),
                (Some(l), ElectionKind::Unclean) => format!(
                    "UNCLEAN election: {l} (out of sync) leads {} at epoch {leader_epoch}",
                    self.tp_name(*tp)
                ),
                (Some(l), ElectionKind::Preferred) => format!(
                    "{l}, the preferred replica, leads {} again (epoch {leader_epoch})",
                    self.tp_name(*tp)
                ),
                (Some(l), _) => format!(
                    "controller elects {l} leader of {} (epoch {leader_epoch})",
                    self.tp_name(*tp)
                ),
            },
            EventKind::IsrChanged { tp, isr, reason } => {
                let list: Vec<String> = isr.iter().map(|b| b.0.to_string()).collect();
                let why = match reason {
                    IsrChange::LaggingFollower => "a follower fell behind longer than replica.lag.time.max.ms",
                    IsrChange::BrokerGone => "a broker left",
                    IsrChange::CaughtUp => "a follower caught up with the HW",
                };
                format!("{} ISR → [{}] ({why})", self.tp_name(*tp), list.join(","))
            }
            EventKind::ProduceFailed {
                producer,
                tp,
                error,
                batch,
            } => format!(
                "{} receives {error} for {batch} on {}",
                producer_name(*producer),
                self.tp_name(*tp)
            ),
            EventKind::FollowerTruncated {
                tp,
                broker,
                from_offset,
                to_offset,
            } => format!(
                "{broker} truncates {} from {from_offset} to {to_offset}: its leader does not have those records",
                self.tp_name(*tp)
            ),
            EventKind::RecordsDiscarded { tp, records } => format!(
                "{records} unacknowledged record(s) of {} are not on the new leader; the producer never got an answer for them and sends them again",
                self.tp_name(*tp)
            ),
            EventKind::RecordsLost {
                tp,
                records,
                acknowledged,
                reason,
            } => format!(
                "LOST {records} record(s) of {} ({acknowledged} had been acknowledged): {}",
                self.tp_name(*tp),
                reason.text()
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
                    self.tp_name(TopicPartition {
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
                    reason.describe()
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
                self.tp_name(*tp)
            ),
            EventKind::BatchExpired {
                batch,
                producer,
                tp,
                records,
            } => format!(
                "{}: batch {batch} for {} expired after delivery.timeout.ms; {records} record(s) failed",
                producer_name(*producer),
                self.tp_name(*tp)
            ),
            EventKind::DuplicateIgnored {
                batch,
                broker,
                tp,
                base_offset,
            } => format!(
                "{broker} already has batch {batch} in {} at offset {base_offset} (same producer id and sequence): not appended again",
                self.tp_name(*tp)
            ),
            EventKind::DuplicateAppended {
                batch,
                broker,
                tp,
                records,
            } => format!(
                "{broker} appends batch {batch} to {} a second time (no idempotence): {records} duplicate record(s)",
                self.tp_name(*tp)
            ),
            EventKind::OutOfOrderSequence {
                batch,
                broker,
                tp,
                expected,
                got,
            } => format!(
                "{broker} refuses batch {batch} for {}: sequence {got}, expected {expected} (OUT_OF_ORDER_SEQUENCE_NUMBER)",
                self.tp_name(*tp)
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
                    self.topics.get(topic.0 as usize).map_or("?", |t| t.name.as_str()),
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
            EventKind::ProducerConfigChanged { producer, changes } => format!(
                "{} restarted with {}",
                producer_name(*producer),
                changes.join("; ")
            ),
            EventKind::Group(e) => self.describe_group_event(e),
        }
    }

    /// A node's name: `broker-1`, `producer-1`, `consumer-2`.
    #[must_use]
    pub fn node_name(&self, node: Node) -> String {
        match node {
            Node::Broker(b) => b.to_string(),
            Node::Producer(p) => self
                .producers
                .get(p.0 as usize)
                .map_or_else(|| p.to_string(), |x| x.config.name.clone()),
            Node::Member(m) => format!("consumer-{}", m.0),
        }
    }

    /// Records lost for ever, most recent last.
    pub fn lost_records(&self) -> impl DoubleEndedIterator<Item = &LostRecord> {
        self.lost.iter()
    }

    /// Messages dropped recently, with when they were dropped.
    pub fn dropped_messages(
        &self,
    ) -> impl DoubleEndedIterator<Item = &(std::sync::Arc<Message>, u64)> {
        self.drops.iter()
    }

    /// Cut links.
    pub fn cut_links(&self) -> impl Iterator<Item = &(Node, Node)> {
        self.down_links.iter()
    }

    /// A group's `group.id`.
    #[must_use]
    pub fn group_name(&self, group: GroupIdx) -> String {
        self.groups
            .get(group.0 as usize)
            .map_or_else(|| group.to_string(), |g| g.config.group_id.clone())
    }
}
