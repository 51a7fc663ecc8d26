//! Kafka settings the simulator keeps fixed at Kafka's defaults (they cannot
//! be changed by a configuration, a file or a command), by Kafka's names.

/// `replica.fetch.wait.max.ms`: how long a leader holds a follower's empty fetch.
pub const REPLICA_FETCH_WAIT_MAX_MS: u64 = 500;

/// `replica.socket.timeout.ms`: how long a follower waits for an answer.
pub const REPLICA_SOCKET_TIMEOUT_MS: u64 = 30_000;

/// Most records a leader returns to one follower fetch.
pub const REPLICA_FETCH_MAX_RECORDS: usize = 500;

/// How long a leader holds an `acks=all` request for the ISR: the
/// producer's `request.timeout.ms` (Kafka's default 30000), which the
/// request carries as its timeout.
pub const PRODUCE_REQUEST_TIMEOUT_MS: u64 = 30_000;

/// `retry.backoff.ms`: how long a consumer waits before retrying when a
/// partition has no leader.
pub const CONSUMER_RETRY_BACKOFF_MS: u64 = 100;

/// The consumer's `request.timeout.ms` (Kafka's default 30000).
pub const CONSUMER_REQUEST_TIMEOUT_MS: u64 = 30_000;

/// Kafka's `log.initial.task.delay.ms`: a broker's first retention check
/// comes this long after it starts (or after one interval, if shorter).
pub const LOG_INITIAL_TASK_DELAY_MS: u64 = 30_000;

/// `log.cleaner.backoff.ms` (Kafka's default): the cleaner sleeps this long
/// when no log needs cleaning.
pub const LOG_CLEANER_BACKOFF_MS: u64 = 15_000;

/// `leader.imbalance.check.interval.seconds` (300 s): how often the
/// controller moves leadership back to preferred replicas.
pub const LEADER_IMBALANCE_CHECK_INTERVAL_MS: u64 = 300_000;

/// How often the KRaft controller's periodic task elects unclean leaders for
/// offline partitions of topics with `unclean.leader.election.enable`
/// (`QuorumController.maybeScheduleNextElectUncleanLeaders`, 5 minutes):
/// turning the setting on for an already offline partition acts at the next
/// check, not at once.
pub const UNCLEAN_LEADER_ELECTION_CHECK_INTERVAL_MS: u64 = 300_000;

/// `leader.imbalance.per.broker.percentage` (10 %).
pub const LEADER_IMBALANCE_PER_BROKER_PERCENTAGE: u64 = 10;
