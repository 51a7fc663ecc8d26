//! Topic administration: `CreatePartitions` (adding partitions to a topic).

use super::event::EventKind;
use super::ids::{BrokerId, TopicPartition};
use super::log::ReplicaLog;
use super::refusal::{Refusal, RefusalReason};
use super::sim::{Sim, Timer};
use super::topic::{assign_replicas, FollowerState, Partition};

/// Replicas for `count` new partitions numbered from `first`, as the KRaft
/// controller's placer chooses them (`StripedReplicaPlacer`): the leader
/// (first replica) always on an unfenced broker, the other replicas on
/// unfenced brokers while there are enough, then on fenced ones. Among
/// unfenced brokers the rack-unaware rule continues from `start`
/// (`AdminUtils.assignReplicasToBrokersRackUnaware`, without Kafka's
/// shuffle, so the result is deterministic). `unfenced` must not be empty.
#[must_use]
pub fn place_replicas(
    unfenced: &[BrokerId],
    fenced: &[BrokerId],
    count: u32,
    first: u32,
    replication_factor: u32,
    start: u32,
) -> Vec<Vec<BrokerId>> {
    let on_unfenced = replication_factor.min(unfenced.len() as u32);
    let mut plan = assign_replicas(unfenced, count, first, on_unfenced, start, start);
    let missing = (replication_factor - on_unfenced) as usize;
    if missing > 0 && !fenced.is_empty() {
        for (i, replicas) in plan.iter_mut().enumerate() {
            let p = first as usize + i;
            replicas.extend((0..missing.min(fenced.len())).map(|j| fenced[(p + j) % fenced.len()]));
        }
    }
    plan
}

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
        let now = self.now_ms;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(v: &[u32]) -> Vec<BrokerId> {
        v.iter().map(|b| BrokerId(*b)).collect()
    }

    #[test]
    fn all_unfenced_is_the_rack_unaware_rule() {
        let all = ids(&[1, 2, 3]);
        assert_eq!(
            place_replicas(&all, &[], 3, 3, 3, 0),
            assign_replicas(&all, 3, 3, 3, 0, 0)
        );
    }

    #[test]
    fn leaders_stay_on_unfenced_brokers_and_fenced_ones_fill_up() {
        let plan = place_replicas(&ids(&[2, 3]), &ids(&[1]), 4, 3, 3, 0);
        for replicas in &plan {
            assert_ne!(replicas[0], BrokerId(1), "{plan:?}");
            assert_eq!(replicas.len(), 3);
            let mut sorted = replicas.clone();
            sorted.sort();
            assert_eq!(sorted, ids(&[1, 2, 3]));
            assert_eq!(replicas[2], BrokerId(1), "fenced last: {plan:?}");
        }
        let plan = place_replicas(&ids(&[3]), &ids(&[1, 2]), 2, 1, 3, 0);
        assert_eq!(plan, vec![ids(&[3, 2, 1]), ids(&[3, 1, 2])]);
    }
}
