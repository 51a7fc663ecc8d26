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
}
