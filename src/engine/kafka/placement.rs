//! Where a topic's replicas go: Kafka's rack-unaware assignment for a new
//! topic and the KRaft controller's placer for added partitions.

use crate::engine::vocab::ids::BrokerId;

/// Kafka's rack-unaware replica assignment
/// (`AdminUtils.assignReplicasToBrokersRackUnaware`): the first replica of
/// partition `p` is broker `(p + start) % n`, the others follow with a shift
/// that grows every `n` partitions. `start` and `shift` are the random
/// choices Kafka makes; here they come from the seeded RNG.
#[must_use]
pub fn assign_replicas(
    brokers: &[BrokerId],
    partitions: u32,
    first_partition: u32,
    replication_factor: u32,
    start: u32,
    shift: u32,
) -> Vec<Vec<BrokerId>> {
    let n = brokers.len() as u32;
    let mut next_shift = shift;
    let mut out = Vec::new();
    for p in first_partition..first_partition + partitions {
        if p > 0 && p % n == 0 {
            next_shift += 1;
        }
        let first = (p + start) % n;
        let mut replicas = vec![brokers[first as usize]];
        for j in 0..replication_factor.saturating_sub(1) {
            let index = (first + 1 + (next_shift + j) % (n - 1)) % n;
            replicas.push(brokers[index as usize]);
        }
        out.push(replicas);
    }
    out
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replicas_spread_over_distinct_brokers() {
        let brokers: Vec<BrokerId> = (1..=5).map(BrokerId).collect();
        let plan = assign_replicas(&brokers, 10, 0, 3, 0, 0);
        assert_eq!(plan.len(), 10);
        for replicas in &plan {
            let mut sorted = replicas.clone();
            sorted.sort();
            sorted.dedup();
            assert_eq!(sorted.len(), 3, "{replicas:?}");
        }
        // Leaders rotate over all brokers.
        let leaders: Vec<u32> = plan.iter().take(5).map(|r| r[0].0).collect();
        assert_eq!(leaders, vec![1, 2, 3, 4, 5]);
        // The AdminUtils example: with start 0 and shift 0, p0 = [1, 2, 3].
        assert_eq!(plan[0], vec![BrokerId(1), BrokerId(2), BrokerId(3)]);
        // After n partitions the shift grows: p5 = [1, 3, 4].
        assert_eq!(plan[5], vec![BrokerId(1), BrokerId(3), BrokerId(4)]);
    }

    #[test]
    fn single_broker_single_replica() {
        let plan = assign_replicas(&[BrokerId(1)], 3, 0, 1, 0, 0);
        assert_eq!(plan, vec![vec![BrokerId(1)]; 3]);
    }

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
