//! Hard limits on what a configuration may ask for, so that no file or link
//! can make the engine run out of memory or time.

/// Most brokers in one cluster.
pub const MAX_BROKERS: u32 = 16;
/// Most topics in one cluster.
pub const MAX_TOPICS: u32 = 8;
/// Most partitions in one topic.
pub const MAX_PARTITIONS: u32 = 64;
/// Most producers.
pub const MAX_PRODUCERS: u32 = 8;
/// Most consumer groups.
pub const MAX_GROUPS: u32 = 8;
/// Most members in one group.
pub const MAX_MEMBERS: u32 = 32;
/// Highest rate of one producer, records per simulated second.
pub const MAX_RECORDS_PER_SEC: u32 = 10_000;
/// Longest key or value a record may carry, in bytes.
pub const MAX_TEXT_BYTES: u32 = 1_024;
/// Highest network latency, in ms.
pub const MAX_LATENCY_MS: u64 = 60_000;
/// Most distinct keys in one producer's key set.
pub const MAX_KEYS: u32 = 1_000;
/// Commits per partition in a group's Burrow window (Burrow's default 10).
pub const BURROW_WINDOW: usize = 10;
/// Lag samples kept per group (one a second: the last three minutes).
pub const LAG_HISTORY_SAMPLES: usize = 180;
/// Longest producer name (its `client.id`), in bytes.
pub const MAX_NAME_BYTES: usize = 249;
/// Longest `group.id` or `group.instance.id`, in bytes.
pub const MAX_GROUP_ID_BYTES: usize = 249;
/// Longest time settable for `heartbeat.interval.ms`,
/// `auto.commit.interval.ms` or `max.poll.interval.ms`, in ms
/// (`session.timeout.ms` stops at the broker's 30 minutes).
pub const MAX_GROUP_TIMEOUT_MS: u64 = 3_600_000;
/// Shortest `log.retention.check.interval.ms`, in ms (Kafka allows 1).
pub const MIN_RETENTION_CHECK_INTERVAL_MS: u64 = 100;
/// The end of simulated time, ms: work due later is never queued (Kafka's
/// times are Java `long` milliseconds; this is `Long.MAX_VALUE`).
pub const MAX_SIM_TIME_MS: u64 = i64::MAX as u64;
/// Most record copies the producers may ask for per simulated second, summed
/// over producers: each one's records/s times its topic's replication
/// factor. It bounds the work and memory traffic costs (the stress scene
/// asks for 3,000; one producer at its highest rate with 3 replicas, 30,000).
pub const MAX_RECORD_COPIES_PER_SEC: u64 = 30_000;
