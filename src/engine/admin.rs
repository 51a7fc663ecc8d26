//! Topic administration: `CreatePartitions` (adding partitions to a topic).

pub use super::kafka::placement::place_replicas;

use super::event::EventKind;
use super::ids::{BrokerId, TopicPartition};
use super::log::ReplicaLog;
use super::refusal::{Refusal, RefusalReason};
use super::sim::{Sim, Timer};
use super::topic::{FollowerState, Partition};

impl Sim {
    /// Raises `topic`'s partition count to `total`, as Kafka's KRaft
    /// controller does (`ReplicationControlManager.createPartitions`):
    /// refused unless it is an increase; refused with
    /// `INVALID_REPLICATION_FACTOR` when every broker is fenced (stopped, or
    /// crashed longer than `broker.session.timeout.ms` ago); otherwise
    /// replicas are placed by [`place_replicas`], leaders on unfenced
    /// brokers, the ISR is the unfenced replicas, and every new replica's
    /// log takes the topic's own configs (`cleanup.policy`, `retention.ms`,
    /// `segment.bytes`…). Followers start fetching. Producers see the new
    /// partitions at their next metadata refresh; consumer groups see them
    /// in the topic's metadata at once.
    pub(crate) fn add_partitions(&mut self, topic: &str, total: u32) -> Result<(), Refusal> {
        let Some(idx) = self.topic_named(topic) else {
            return Err(RefusalReason::TopicNotHosted.into());
        };
        let t = &self.topics[idx.0 as usize];
        let current = t.partitions.len() as u32;
        if total < current {
            return Err(RefusalReason::PartitionsNotIncreased {
                topic: topic.to_string(),
                current,
                total,
            }
            .into());
        }
        if total == current {
            return Err(RefusalReason::PartitionsUnchanged { current }.into());
        }
        if total > super::limits::MAX_PARTITIONS {
            return Err(RefusalReason::TooManyPartitions {
                total,
                max: super::limits::MAX_PARTITIONS,
            }
            .into());
        }
        // The controller's view: a crashed broker stays unfenced until its
        // session expires; a stopped one is fenced at once.
        let unfenced: Vec<BrokerId> = self
            .brokers
            .iter()
            .filter(|b| !b.fenced)
            .map(|b| b.id)
            .collect();
        let fenced: Vec<BrokerId> = self
            .brokers
            .iter()
            .filter(|b| b.fenced)
            .map(|b| b.id)
            .collect();
        if unfenced.is_empty() {
            // StripedReplicaPlacer.throwInvalidReplicationFactorIfZero.
            return Err(RefusalReason::AllBrokersFenced.into());
        }
        let first_replica = t.partitions[0].replicas[0];
        let start = unfenced
            .iter()
            .position(|b| *b >= first_replica)
            .unwrap_or(0) as u32;
        let plan = place_replicas(
            &unfenced,
            &fenced,
            total - current,
            current,
            t.replication_factor,
            start,
        );
        let log_config = t.log_config;
        let now = self.rt.now_ms;
        let mut followers = Vec::new();
        for (i, replicas) in plan.iter().enumerate() {
            let tp = TopicPartition {
                topic: idx,
                partition: current + i as u32,
            };
            let isr: Vec<BrokerId> = replicas
                .iter()
                .copied()
                .filter(|b| unfenced.contains(b))
                .collect();
            let leader = isr.first().copied();
            for f in replicas.iter().filter(|f| Some(**f) != leader) {
                followers.push((tp, *f));
            }
            let mut follower_state = FollowerState::default();
            follower_state.reset_for_new_leader(0, now);
            self.topics[idx.0 as usize].partitions.push(Partition {
                tp,
                leader,
                last_leader: leader,
                followers: vec![follower_state; replicas.len()],
                isr,
                leader_epoch: 0,
                logs: vec![ReplicaLog::new(log_config, now); replicas.len()],
                remote_leo: vec![0; replicas.len()],
                waiting_acks: Vec::new(),
                replicas: replicas.clone(),
            });
        }
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
                (p.id, (now / age).saturating_add(1).saturating_mul(age))
            })
            .collect();
        for (p, at) in refreshes {
            self.schedule(at, Timer::MetadataRefresh(p));
        }
        Ok(())
    }
}
