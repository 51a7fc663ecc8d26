//! Topic administration: `CreatePartitions` (adding partitions to a topic).

use super::command::Refusal;
use super::event::EventKind;
use super::ids::{BrokerId, TopicPartition};
use super::log::ReplicaLog;
use super::sim::{Sim, Timer};
use super::topic::{assign_replicas, Partition};

impl Sim {
    /// Raises `topic`'s partition count to `total`, as Kafka's controller
    /// does: refused unless it is an increase; new partitions' replicas are
    /// placed by the rack-unaware rule continuing from the existing
    /// partitions (start index and shift at the broker leading partition 0,
    /// as `AdminZkClient.createPartitions` does); followers start fetching.
    /// Producers see the new partitions at their next metadata refresh;
    /// consumer groups see them in the topic's metadata at once.
    pub(crate) fn add_partitions(&mut self, topic: &str, total: u32) -> Result<(), Refusal> {
        let Some(idx) = self.topic_named(topic) else {
            return Err(Refusal::kafka(
                "UNKNOWN_TOPIC_OR_PARTITION",
                "This server does not host this topic-partition.",
            ));
        };
        let t = &self.topics[idx.0 as usize];
        let current = t.partitions.len() as u32;
        if total < current {
            return Err(Refusal::kafka(
                "INVALID_PARTITIONS",
                format!(
                    "The topic {topic} currently has {current} partition(s); {total} would not be an increase."
                ),
            ));
        }
        if total == current {
            return Err(Refusal::kafka(
                "INVALID_PARTITIONS",
                format!("Topic already has {current} partition(s)."),
            ));
        }
        if total > super::limits::MAX_PARTITIONS {
            return Err(Refusal::limit(format!(
                "{total} partitions is above the limit of {} per topic here",
                super::limits::MAX_PARTITIONS
            )));
        }
        let brokers: Vec<BrokerId> = self.brokers.iter().map(|b| b.id).collect();
        let first_replica = t.partitions[0].replicas[0];
        let start = brokers
            .iter()
            .position(|b| *b >= first_replica)
            .unwrap_or(0) as u32;
        let plan = assign_replicas(
            &brokers,
            total - current,
            current,
            t.replication_factor,
            start,
            start,
        );
        let mut followers = Vec::new();
        for (i, replicas) in plan.iter().enumerate() {
            let tp = TopicPartition {
                topic: idx,
                partition: current + i as u32,
            };
            let alive: Vec<BrokerId> = replicas
                .iter()
                .copied()
                .filter(|b| self.broker_alive(*b))
                .collect();
            let leader = alive.first().copied();
            for f in replicas.iter().filter(|f| Some(**f) != leader) {
                followers.push((tp, *f));
            }
            self.topics[idx.0 as usize].partitions.push(Partition {
                tp,
                leader,
                last_leader: leader,
                followers: vec![super::topic::FollowerState::default(); replicas.len()],
                isr: alive,
                leader_epoch: 0,
                logs: vec![ReplicaLog::default(); replicas.len()],
                remote_leo: vec![0; replicas.len()],
                waiting_acks: Vec::new(),
                replicas: replicas.clone(),
            });
        }
        let now = self.now_ms;
        for (tp, f) in followers {
            self.schedule(now, Timer::ReplicaFetch(tp, f));
        }
        self.emit(EventKind::PartitionsAdded {
            topic: idx,
            from: current,
            to: total,
            replicas: plan,
        });
        // Each producer of the topic learns of them at its next refresh.
        let refreshes: Vec<(super::ids::ProducerId, u64)> = self
            .producers
            .iter()
            .filter(|p| p.topic == idx)
            .map(|p| {
                let age = p.config.metadata_max_age_ms.max(1);
                (p.id, (now / age + 1) * age)
            })
            .collect();
        for (p, at) in refreshes {
            self.schedule(at, Timer::MetadataRefresh(p));
        }
        Ok(())
    }
}
