//! The initial setup of a simulated cluster, with Kafka's defaults where Kafka
//! has one (see `KAFKA.md` section 6). Teaching scenarios scale some values
//! down so that effects show within seconds; the UI always states what is in force.

/// `acks`: when the leader answers a produce request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Acks {
    /// `acks=0`: never answered; the producer assumes success.
    None,
    /// `acks=1`: answered after the leader's local append.
    Leader,
    /// `acks=all` (`-1`, Kafka's default since 3.0): answered once the high
    /// watermark passes the batch, i.e. every in-sync replica has it.
    All,
}

impl Acks {
    /// The value as written in a Kafka producer config.
    #[must_use]
    pub fn as_config(self) -> &'static str {
        match self {
            Acks::None => "0",
            Acks::Leader => "1",
            Acks::All => "all",
        }
    }
}

/// `auto.offset.reset`: where a consumer starts with no valid committed offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OffsetReset {
    /// Start at the log start offset.
    Earliest,
    /// Start at the high watermark (Kafka's default).
    Latest,
    /// Raise an error to the application.
    None,
}

/// `cleanup.policy`: what happens to old segments of a topic's logs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CleanupPolicy {
    /// `delete` (Kafka's default): whole segments go by `retention.ms` and
    /// `retention.bytes`.
    Delete,
    /// `compact`: the log cleaner keeps the latest value of every key.
    Compact,
    /// `compact,delete`: both.
    CompactDelete,
}

impl CleanupPolicy {
    /// Every policy, in the order a menu shows them.
    pub const ALL: [CleanupPolicy; 3] = [
        CleanupPolicy::Delete,
        CleanupPolicy::Compact,
        CleanupPolicy::CompactDelete,
    ];

    /// The value as written in a topic config.
    #[must_use]
    pub fn as_config(self) -> &'static str {
        match self {
            CleanupPolicy::Delete => "delete",
            CleanupPolicy::Compact => "compact",
            CleanupPolicy::CompactDelete => "compact,delete",
        }
    }

    /// Parses a topic config value (`"compact, delete"` and `"delete,compact"` too).
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts: Vec<&str> = text.split(',').map(str::trim).collect();
        parts.sort_unstable();
        parts.dedup();
        match parts.as_slice() {
            ["delete"] => Some(CleanupPolicy::Delete),
            ["compact"] => Some(CleanupPolicy::Compact),
            ["compact", "delete"] => Some(CleanupPolicy::CompactDelete),
            _ => None,
        }
    }

    /// Whether retention deletes old segments.
    #[must_use]
    pub fn deletes(self) -> bool {
        matches!(self, CleanupPolicy::Delete | CleanupPolicy::CompactDelete)
    }

    /// Whether the log cleaner compacts the log.
    #[must_use]
    pub fn compacts(self) -> bool {
        matches!(self, CleanupPolicy::Compact | CleanupPolicy::CompactDelete)
    }
}

/// Kafka's default `retention.ms`: 7 days.
pub const DEFAULT_RETENTION_MS: u64 = 604_800_000;
/// Kafka's default `segment.bytes`: 1 GiB.
pub const DEFAULT_SEGMENT_BYTES: u64 = 1 << 30;
/// Kafka's default `segment.ms`: 7 days.
pub const DEFAULT_SEGMENT_MS: u64 = 604_800_000;
/// Kafka's default `delete.retention.ms`: 1 day.
pub const DEFAULT_DELETE_RETENTION_MS: u64 = 86_400_000;
/// Kafka's default `min.cleanable.dirty.ratio`.
pub const DEFAULT_MIN_CLEANABLE_DIRTY_RATIO: f64 = 0.5;
/// Kafka's default `log.retention.check.interval.ms`: 5 minutes.
pub const DEFAULT_LOG_RETENTION_CHECK_INTERVAL_MS: u64 = 300_000;

/// A topic's log settings: segments, retention and compaction (KAFKA.md §4).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LogConfig {
    /// `retention.ms`: a segment goes once its newest record is older than
    /// this. `None` is Kafka's `-1`: no time limit.
    pub retention_ms: Option<u64>,
    /// `retention.bytes`: the most bytes a partition replica keeps (it may
    /// stay up to one segment above). `None` is Kafka's default `-1`: no limit.
    pub retention_bytes: Option<u64>,
    /// `segment.bytes`: a new segment starts when a batch would make the
    /// active one larger than this.
    pub segment_bytes: u64,
    /// `segment.ms`: a new segment starts when a batch's timestamp is more
    /// than this after the active segment's first one.
    pub segment_ms: u64,
    /// `cleanup.policy`.
    pub cleanup_policy: CleanupPolicy,
    /// `delete.retention.ms`: how long the cleaner keeps a tombstone after
    /// it first cleaned it.
    pub delete_retention_ms: u64,
    /// `min.cleanable.dirty.ratio`: the cleaner compacts a log once its
    /// not-yet-cleaned bytes are at least this share of its cleanable bytes.
    pub min_cleanable_dirty_ratio: f64,
}

impl Default for LogConfig {
    /// Kafka's defaults.
    fn default() -> Self {
        Self {
            retention_ms: Some(DEFAULT_RETENTION_MS),
            retention_bytes: None,
            segment_bytes: DEFAULT_SEGMENT_BYTES,
            segment_ms: DEFAULT_SEGMENT_MS,
            cleanup_policy: CleanupPolicy::Delete,
            delete_retention_ms: DEFAULT_DELETE_RETENTION_MS,
            min_cleanable_dirty_ratio: DEFAULT_MIN_CLEANABLE_DIRTY_RATIO,
        }
    }
}

/// A topic to create at start.
#[derive(Clone, Debug, PartialEq)]
pub struct TopicConfig {
    /// Topic name, e.g. `orders`.
    pub name: String,
    /// Number of partitions (`num.partitions`, Kafka's default 1).
    pub partitions: u32,
    /// Replicas per partition (`default.replication.factor`, Kafka's default 1).
    pub replication_factor: u32,
    /// `min.insync.replicas` (Kafka's default 1).
    pub min_insync_replicas: u32,
    /// `unclean.leader.election.enable` (Kafka's default false): whether an
    /// out-of-sync replica may become leader when no in-sync one is alive.
    pub unclean_leader_election_enable: bool,
    /// Segments, retention and compaction (`retention.ms`, `segment.bytes`,
    /// `cleanup.policy`…), Kafka's defaults unless a scenario scales them down.
    pub log: LogConfig,
}

impl TopicConfig {
    /// A topic with Kafka's defaults except the name and partition count.
    #[must_use]
    pub fn new(name: &str, partitions: u32) -> Self {
        Self {
            name: name.to_string(),
            partitions,
            replication_factor: 1,
            min_insync_replicas: 1,
            unclean_leader_election_enable: false,
            log: LogConfig::default(),
        }
    }
}

/// A producer client that sends records at a steady rate.
#[derive(Clone, Debug, PartialEq)]
pub struct ProducerConfig {
    /// Shown on screen, e.g. `producer-1`.
    pub name: String,
    /// The topic it writes to, by name.
    pub topic: String,
    /// Records created per simulated second (0: only records sent by hand).
    pub records_per_sec: u32,
    /// The keys it cycles through at random; empty means null keys.
    pub keys: Vec<String>,
    /// Bytes of each generated value.
    pub value_bytes: u32,
    /// `acks` (Kafka's default `all`).
    pub acks: Acks,
    /// `linger.ms` (Kafka's default 5 since 4.0).
    pub linger_ms: u64,
    /// `batch.size` in bytes (Kafka's default 16384).
    pub batch_size: u32,
    /// `max.in.flight.requests.per.connection` (Kafka's default 5).
    pub max_in_flight: u32,
}

impl ProducerConfig {
    /// A producer with Kafka's defaults writing keyed records to `topic`.
    #[must_use]
    pub fn new(name: &str, topic: &str, records_per_sec: u32, keys: &[&str]) -> Self {
        Self {
            name: name.to_string(),
            topic: topic.to_string(),
            records_per_sec,
            keys: keys.iter().map(|k| k.to_string()).collect(),
            value_bytes: 100,
            acks: Acks::All,
            linger_ms: 5,
            batch_size: 16_384,
            max_in_flight: 5,
        }
    }
}

/// A consumer group and its members at start.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupConfig {
    /// `group.id`.
    pub group_id: String,
    /// The topic the members subscribe to, by name.
    pub topic: String,
    /// Members at start.
    pub members: u32,
    /// Simulated processing time of one record, in ms.
    pub processing_ms_per_record: u64,
    /// `max.poll.records` (Kafka's default 500).
    pub max_poll_records: u32,
    /// `fetch.max.wait.ms`: how long a broker holds an empty fetch (Kafka's default 500).
    pub fetch_max_wait_ms: u64,
    /// `auto.commit.interval.ms` (Kafka's default 5000).
    pub auto_commit_interval_ms: u64,
    /// `auto.offset.reset` (Kafka's default `latest`).
    pub auto_offset_reset: OffsetReset,
}

impl GroupConfig {
    /// A group with Kafka's defaults.
    #[must_use]
    pub fn new(group_id: &str, topic: &str, members: u32) -> Self {
        Self {
            group_id: group_id.to_string(),
            topic: topic.to_string(),
            members,
            processing_ms_per_record: 10,
            max_poll_records: 500,
            fetch_max_wait_ms: 500,
            auto_commit_interval_ms: 5_000,
            auto_offset_reset: OffsetReset::Latest,
        }
    }
}

/// Everything needed to start a simulation. Same config, same history.
#[derive(Clone, Debug, PartialEq)]
pub struct ClusterConfig {
    /// Seed of the engine's random choices (keys picked, sticky partitions).
    pub seed: u64,
    /// Number of brokers, numbered from 1.
    pub brokers: u32,
    /// One-way latency of every simulated network link, in ms. Real links are
    /// far faster; the picture slows them so records are seen in flight.
    pub network_latency_ms: u64,
    /// Topics created at start.
    pub topics: Vec<TopicConfig>,
    /// Producers started at start.
    pub producers: Vec<ProducerConfig>,
    /// Consumer groups started at start.
    pub groups: Vec<GroupConfig>,
    /// `replica.lag.time.max.ms`: a follower that has not caught up with the
    /// leader's LEO for this long leaves the ISR (Kafka's default 30000).
    pub replica_lag_time_max_ms: u64,
    /// `broker.session.timeout.ms`: how long the KRaft controller waits for a
    /// silent (crashed) broker before fencing it (Kafka's default 9000).
    pub broker_session_timeout_ms: u64,
    /// `log.retention.check.interval.ms`: how often each broker applies
    /// retention to its logs (Kafka's default 300000).
    pub log_retention_check_interval_ms: u64,
}

/// Kafka's default `replica.lag.time.max.ms`.
pub const DEFAULT_REPLICA_LAG_TIME_MAX_MS: u64 = 30_000;
/// Kafka's default `broker.session.timeout.ms`.
pub const DEFAULT_BROKER_SESSION_TIMEOUT_MS: u64 = 9_000;
