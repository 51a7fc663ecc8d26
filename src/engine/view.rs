//! Read-only views of the simulation for the picture, the event log and the
//! tests. Nothing here changes state.

use super::config::ClusterConfig;
use super::consumer::Group;
use super::event::{Event, EventKind, PartitionDecision};
use super::ids::{GroupIdx, TopicPartition};
use super::network::Message;
use super::producer::Producer;
use super::sim::{Broker, Sim, Totals};
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
        self.in_flight.values()
    }

    /// Fetch requests a broker is holding until data arrives or they expire.
    pub fn parked_fetches(&self) -> impl Iterator<Item = &Message> {
        self.parked.values()
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
                    PartitionDecision::Sticky => "null key: sticky partition".to_string(),
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
                ..
            } => format!(
                "{} sends batch {batch} ({records} record(s), {bytes} B) to {leader}, leader of {}",
                producer_name(*producer),
                self.tp_name(*tp)
            ),
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
            EventKind::Group(e) => self.describe_group_event(e),
        }
    }

    /// A group's `group.id`.
    #[must_use]
    pub fn group_name(&self, group: GroupIdx) -> String {
        self.groups
            .get(group.0 as usize)
            .map_or_else(|| group.to_string(), |g| g.config.group_id.clone())
    }
}
