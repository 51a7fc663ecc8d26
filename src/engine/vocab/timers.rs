//! Work waiting for its time: the timer kinds of every part, as plain ids.
//! The queue that orders them is `Sim`'s; parts schedule them through their
//! context.

use super::ids::{BatchId, BrokerId, GroupIdx, MemberId, MsgId, ProducerId, TopicPartition};

/// A queued timer's key: its time and sequence number.
pub(crate) type TimerKey = (u64, u64);

/// Work waiting for its time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Timer {
    /// A producer creates its next record at its steady rate.
    ProducerTick(ProducerId),
    /// A batch has waited `linger.ms`.
    Linger(ProducerId, BatchId),
    /// A message reaches its receiver.
    Deliver(MsgId),
    /// A parked fetch has waited its maximum and is answered as it is.
    FetchExpiry(MsgId),
    /// A follower sends its next fetch to the leader.
    ReplicaFetch(TopicPartition, BrokerId),
    /// The controller's session for a crashed broker (of this incarnation) expires.
    SessionExpired(BrokerId, u32),
    /// Leaders check their followers' lag (every `replica.lag.time.max.ms / 2`).
    IsrCheck,
    /// The controller's periodic unclean leader election (every 5 minutes).
    UncleanElectionCheck,
    /// A follower's fetch got no answer within `replica.socket.timeout.ms`.
    ReplicaFetchTimeout(TopicPartition, BrokerId, MsgId),
    /// An `acks=all` produce request waited `request.timeout.ms` in the leader.
    ProduceTimeout(TopicPartition, BatchId),
    /// A produce request has waited `request.timeout.ms`.
    RequestTimeout(ProducerId, MsgId),
    /// A producer's retried batches have waited `retry.backoff.ms`.
    RetryBackoff(ProducerId),
    /// A batch has existed for `delivery.timeout.ms`.
    DeliveryTimeout(ProducerId, BatchId),
    /// A producer refreshes its metadata (`metadata.max.age.ms`).
    MetadataRefresh(ProducerId),
    /// Consumer groups: poll loop, heartbeats, the coordinator's timers.
    Consumer(ConsumerTimer),
    /// A broker applies retention to its logs (`log.retention.check.interval.ms`).
    RetentionCheck(BrokerId),
    /// A broker's log cleaner looks for logs to compact (`log.cleaner.backoff.ms`).
    CleanerCheck(BrokerId),
}

/// Work a consumer (or its coordinator) waits to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ConsumerTimer {
    /// A new member starts: it sends its first JoinGroup.
    Start(MemberId),
    /// The member calls `poll()`.
    Poll(MemberId),
    /// The member's idle poll loop (nothing to fetch): `poll()` again.
    IdlePoll(MemberId),
    /// The member finishes processing one record.
    Process(MemberId),
    /// The member's heartbeat thread wakes up.
    Heartbeat(MemberId),
    /// The coordinator checks a member's session.
    SessionCheck(GroupIdx, MemberId),
    /// The coordinator's rebalance timeout for one rebalance round.
    JoinDeadline(GroupIdx, u64),
    /// The lag history is sampled.
    LagSample,
    /// `request.timeout.ms` after a round of fetches: if it is still
    /// unanswered (a cut link), the member gives up on it and polls again.
    FetchTimeout(MemberId, u64),
}
