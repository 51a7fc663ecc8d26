//! Topics and partitions: replica assignment, leader, ISR, leader epoch, and
//! each replica's log.

use super::ids::{BatchId, BrokerId, MsgId, ProducerId, TopicIdx, TopicPartition};
use super::log::ReplicaLog;

/// One partition of a topic, with a log per replica.
#[derive(Clone, Debug, PartialEq)]
pub struct Partition {
    /// Which partition this is.
    pub tp: TopicPartition,
    /// Replica assignment; the first is the preferred leader.
    pub replicas: Vec<BrokerId>,
    /// The current leader, or `None` when the partition is offline.
    pub leader: Option<BrokerId>,
    /// The most recent leader there was (kept while offline, to tell what a
    /// later election loses).
    pub last_leader: Option<BrokerId>,
    /// In-sync replicas, in assignment order.
    pub isr: Vec<BrokerId>,
    /// Bumped at every leader election.
    pub leader_epoch: u32,
    /// One log per replica, in the order of `replicas`.
    pub logs: Vec<ReplicaLog>,
    /// The leader's knowledge of each replica's LEO (from its fetches), in
    /// the order of `replicas`; the HW is computed from these.
    pub remote_leo: Vec<u64>,
    /// Per replica, in the order of `replicas`: the leader's view of its lag,
    /// and its own fetcher's state while it follows.
    pub followers: Vec<FollowerState>,
    /// `acks=all` produce requests appended but not yet answered: each waits
    /// for the HW to pass its last offset (Kafka's produce purgatory).
    pub waiting_acks: Vec<WaitingAck>,
}

/// One replica's replication state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FollowerState {
    /// Leader's view: when it last caught up with the leader's LEO (Kafka's
    /// `lastCaughtUpTimeMs`), simulated ms.
    pub last_caught_up_ms: u64,
    /// Leader's view: when it last fetched.
    pub last_fetch_ms: u64,
    /// Leader's view: the leader's LEO at that fetch.
    pub leo_at_last_fetch: u64,
    /// Follower's side: its fetch (or epoch query) waiting for an answer.
    pub fetch_in_flight: Option<MsgId>,
    /// Follower's side: the timeout timer of that request.
    pub fetch_timeout: Option<(u64, u64)>,
    /// Follower's side: the leader epoch it has truncated for (it must ask
    /// `OffsetsForLeaderEpoch` again after every leader change).
    pub truncated_for_epoch: Option<u32>,
}

impl FollowerState {
    /// The leader's bookkeeping of a follower fetch (Kafka's
    /// `ReplicaState.updateFetchStateOrThrow`): the follower has caught up if
    /// it reached the leader's LEO now, or the LEO the leader had at its
    /// previous fetch (then it was caught up at that previous fetch's time).
    pub fn record_fetch(&mut self, fetch_offset: u64, leader_leo: u64, now_ms: u64) {
        if fetch_offset >= leader_leo {
            self.last_caught_up_ms = self.last_caught_up_ms.max(now_ms);
        } else if fetch_offset >= self.leo_at_last_fetch {
            self.last_caught_up_ms = self.last_caught_up_ms.max(self.last_fetch_ms);
        }
        self.last_fetch_ms = now_ms;
        self.leo_at_last_fetch = leader_leo;
    }

    /// Kafka's reset when a leader takes over: an in-sync follower counts as
    /// caught up now, at the new leader's LEO.
    pub fn reset_for_new_leader(&mut self, leader_leo: u64, now_ms: u64) {
        self.last_caught_up_ms = now_ms;
        self.last_fetch_ms = now_ms;
        self.leo_at_last_fetch = leader_leo;
    }

    /// Out of sync: not caught up for longer than `replica.lag.time.max.ms`.
    #[must_use]
    pub fn lagging(&self, now_ms: u64, replica_lag_time_max_ms: u64) -> bool {
        now_ms.saturating_sub(self.last_caught_up_ms) > replica_lag_time_max_ms
    }
}

/// A produce request waiting in the leader for the high watermark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WaitingAck {
    /// Who to answer.
    pub producer: ProducerId,
    /// The batch.
    pub batch: BatchId,
    /// Its first offset.
    pub base_offset: u64,
    /// Its last offset.
    pub last_offset: u64,
    /// Who sent it (to answer).
    pub reply_to: super::network::Node,
    /// Its `request.timeout.ms` timer.
    pub timeout: (u64, u64),
}

impl Partition {
    /// The log held by `broker`, if it is a replica.
    #[must_use]
    pub fn log_on(&self, broker: BrokerId) -> Option<&ReplicaLog> {
        let i = self.replicas.iter().position(|b| *b == broker)?;
        self.logs.get(i)
    }

    /// Mutable access to the log held by `broker`.
    pub fn log_on_mut(&mut self, broker: BrokerId) -> Option<&mut ReplicaLog> {
        let i = self.replicas.iter().position(|b| *b == broker)?;
        self.logs.get_mut(i)
    }

    /// The leader's log, if there is a leader.
    #[must_use]
    pub fn leader_log(&self) -> Option<&ReplicaLog> {
        self.leader.and_then(|b| self.log_on(b))
    }
}

/// A topic.
#[derive(Clone, Debug, PartialEq)]
pub struct Topic {
    /// Its index.
    pub idx: TopicIdx,
    /// Its name.
    pub name: String,
    /// `min.insync.replicas`.
    pub min_insync_replicas: u32,
    /// Replicas per partition.
    pub replication_factor: u32,
    /// `unclean.leader.election.enable`.
    pub unclean_leader_election_enable: bool,
    /// Segments, retention and compaction settings in force.
    pub log_config: super::config::LogConfig,
    /// Its partitions, by number.
    pub partitions: Vec<Partition>,
}

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

#[cfg(test)]
mod tests {
    use super::*;

    /// Kafka's PartitionTest.testShouldNotShrinkIsrIfPreviousFetchIsCaughtUp:
    /// leader LEO 10 at t=0; fetch at offset 5 at t=5000 (behind); 5 more
    /// records; fetch at offset 10 at t=10001 catches up to the LEO of the
    /// previous fetch, so the follower was caught up at t=5000; no shrink.
    #[test]
    fn previous_fetch_caught_up_counts() {
        let mut st = FollowerState::default();
        st.reset_for_new_leader(10, 0);
        st.record_fetch(5, 10, 5_000);
        assert_eq!(
            st.last_caught_up_ms, 0,
            "behind the LEO: still the initial time"
        );
        st.record_fetch(10, 15, 10_001);
        assert_eq!(st.last_caught_up_ms, 5_000);
        assert!(!st.lagging(10_001, 30_000));
    }

    /// PartitionTest.testShouldNotShrinkIsrIfFollowerCaughtUpToLogEnd and
    /// testMaybeShrinkIsr: caught up to the log end, then 30001 ms pass with
    /// the leader's log unchanged: a fetch at the log end keeps it in sync;
    /// without any fetch it lags after replicaLagTimeMaxMs + 1.
    #[test]
    fn caught_up_to_log_end_and_silent_follower() {
        let mut st = FollowerState::default();
        st.reset_for_new_leader(10, 0);
        st.record_fetch(10, 10, 0);
        assert!(!st.lagging(30_000, 30_000));
        assert!(
            st.lagging(30_001, 30_000),
            "silent for longer than the lag time"
        );
        st.record_fetch(10, 10, 30_001);
        assert!(!st.lagging(30_001, 30_000));
    }

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
}
