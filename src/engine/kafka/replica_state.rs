//! One replica's replication state as its leader and its own fetcher keep
//! it (Kafka's `ReplicaState`): when it last caught up, and the fetch it
//! waits for.

use crate::engine::vocab::ids::MsgId;

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
    /// Leader's view: the follower's own LEO, from its last fetch offset
    /// (Kafka's `ReplicaState.logEndOffset`); unknown (`None`, Kafka's -1)
    /// after a leader change until it fetches from the new leader.
    pub log_end_offset: Option<u64>,
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
        self.log_end_offset = Some(fetch_offset);
    }

    /// Kafka's reset when a leader takes over: an in-sync follower counts as
    /// caught up now, at the new leader's LEO.
    pub fn reset_for_new_leader(&mut self, leader_leo: u64, now_ms: u64) {
        self.last_caught_up_ms = now_ms;
        self.last_fetch_ms = now_ms;
        self.leo_at_last_fetch = leader_leo;
        self.log_end_offset = None;
    }

    /// Out of sync: the negation of Kafka's `Replica.isCaughtUp`, where a
    /// follower is caught up if its LEO equals the leader's LEO, or it caught
    /// up within `replica.lag.time.max.ms`. So an idle partition does not
    /// shrink its ISR: a follower at the log end stays in sync however long
    /// nothing is written.
    #[must_use]
    pub fn lagging(&self, leader_leo: u64, now_ms: u64, replica_lag_time_max_ms: u64) -> bool {
        self.log_end_offset != Some(leader_leo)
            && now_ms.saturating_sub(self.last_caught_up_ms) > replica_lag_time_max_ms
    }
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
        assert!(!st.lagging(15, 10_001, 30_000));
    }

    /// PartitionTest.testShouldNotShrinkIsrIfFollowerCaughtUpToLogEnd and
    /// testMaybeShrinkIsr, with Kafka's `Replica.isCaughtUp`: a follower at
    /// the leader's log end stays in sync however long nothing is written;
    /// once the leader appends, a follower that has not caught up for
    /// replicaLagTimeMaxMs + 1 lags.
    #[test]
    fn caught_up_to_log_end_and_silent_follower() {
        let mut st = FollowerState::default();
        st.reset_for_new_leader(10, 0);
        st.record_fetch(10, 10, 0);
        assert!(!st.lagging(10, 30_000, 30_000));
        assert!(
            !st.lagging(10, 300_001, 30_000),
            "idle partition: LEO equals the leader's LEO"
        );
        assert!(
            st.lagging(11, 30_001, 30_000),
            "behind and not caught up for longer than the lag time"
        );
        st.record_fetch(11, 11, 30_001);
        assert!(!st.lagging(11, 30_001, 30_000));
    }

    /// Kafka's `Replica.resetReplicaState` on a new leader sets the
    /// follower's LEO to unknown: until it fetches, only the lag time counts.
    #[test]
    fn unknown_leo_after_a_leader_change() {
        let mut st = FollowerState::default();
        st.record_fetch(0, 0, 0);
        st.reset_for_new_leader(0, 1_000);
        assert_eq!(st.log_end_offset, None);
        assert!(!st.lagging(0, 31_000, 30_000));
        assert!(st.lagging(0, 31_001, 30_000));
    }
}
