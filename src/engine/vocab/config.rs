//! The initial setup of a simulated cluster, with Kafka's defaults where Kafka
//! has one (see `KAFKA.md` section 6). Teaching scenarios scale some values
//! down so that effects show within seconds; the UI always states what is in force.

use std::fmt;

/// `acks`: when the leader answers a produce request.
#[derive(serde::Serialize, serde::Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
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

/// `partitioner.class`: who picks the partition of a record without an
/// explicit partition.
#[derive(serde::Serialize, serde::Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Partitioner {
    /// No `partitioner.class` (the default since Kafka 3.3): keyed records by
    /// `murmur2(key) % partitions`, null keys by the built-in uniform sticky
    /// partitioner (KIP-794). Older posts call these `DefaultPartitioner`
    /// and `UniformStickyPartitioner` (both removed in Kafka 4.0).
    BuiltIn,
    /// `RoundRobinPartitioner` as fixed in Kafka 3.9 / 4.x (KAFKA-17632): a
    /// counter over available partitions, keys ignored; when a record
    /// needs a new batch, the partition it was given is kept.
    RoundRobin,
    /// `RoundRobinPartitioner` in Kafka 2.4–3.8 (KAFKA-9965): creating a new
    /// batch calls `partition()` a second time, so the counter moves twice
    /// and partitions are skipped (only half of them are used when the
    /// partition count is even and every record opens a batch).
    RoundRobinLegacy,
}

/// `compression.type` of a producer (Kafka's default `none`).
#[derive(
    serde::Serialize, serde::Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord,
)]
pub enum Compression {
    /// Batches travel and are stored as they are.
    None,
    /// GZIP (deflate), level 6 like `compression.gzip.level`'s default.
    Gzip,
    /// Snappy, in the xerial framing Kafka uses.
    Snappy,
    /// LZ4, in Kafka's LZ4 frame (64 KiB blocks).
    Lz4,
    /// Zstandard (computed at ruzstd's "fastest" level, about zstd level 1;
    /// Kafka's default level is 3, which compresses a little better).
    Zstd,
}

impl Compression {
    /// Every codec, in Kafka's id order.
    pub const ALL: [Compression; 5] = [
        Compression::None,
        Compression::Gzip,
        Compression::Snappy,
        Compression::Lz4,
        Compression::Zstd,
    ];

    /// The value as written in a Kafka producer config.
    #[must_use]
    pub fn as_config(self) -> &'static str {
        match self {
            Compression::None => "none",
            Compression::Gzip => "gzip",
            Compression::Snappy => "snappy",
            Compression::Lz4 => "lz4",
            Compression::Zstd => "zstd",
        }
    }
}

/// How the application calls the producer.
#[derive(serde::Serialize, serde::Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SendMode {
    /// `send(record)` and carry on: up to
    /// `max.in.flight.requests.per.connection` requests per broker.
    Async,
    /// `send(record).get()`: one record at a time, the next one only after
    /// the previous one's acknowledgement.
    Sync,
}

/// `auto.offset.reset`: where a consumer starts with no valid committed offset.
#[derive(
    serde::Serialize, serde::Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord,
)]
pub enum OffsetReset {
    /// Start at the log start offset.
    Earliest,
    /// Start at the high watermark (Kafka's default).
    Latest,
    /// Raise an error to the application.
    None,
}

impl OffsetReset {
    /// The value as written in a Kafka consumer config.
    #[must_use]
    pub fn as_config(self) -> &'static str {
        match self {
            OffsetReset::Earliest => "earliest",
            OffsetReset::Latest => "latest",
            OffsetReset::None => "none",
        }
    }
}

/// `cleanup.policy`: what happens to old segments of a topic's logs.
#[derive(serde::Serialize, serde::Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
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
#[derive(serde::Serialize, serde::Deserialize, Clone, Copy, Debug, PartialEq)]
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
#[derive(serde::Serialize, serde::Deserialize, Clone, Debug, PartialEq)]
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
#[derive(serde::Serialize, serde::Deserialize, Clone, Debug, PartialEq, Eq)]
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
    /// `partitioner.class` (default: none, the built-in partitioner).
    pub partitioner: Partitioner,
    /// `partitioner.ignore.keys` (default false): the built-in partitioner
    /// treats every record as if its key were null.
    pub ignore_keys: bool,
    /// `partitioner.adaptive.partitioning.enable` (default true): the next
    /// sticky partition favours partitions with shorter queues.
    pub adaptive: bool,
    /// `compression.type` (default `none`).
    pub compression: Compression,
    /// Sync (`send().get()`) or async sending.
    pub mode: SendMode,
    /// `enable.idempotence` (default true; in force only with `acks=all`
    /// and at most 5 requests in flight, as Kafka does).
    pub enable_idempotence: bool,
    /// `request.timeout.ms` (default 30000).
    pub request_timeout_ms: u64,
    /// `delivery.timeout.ms` (default 120000).
    pub delivery_timeout_ms: u64,
    /// `retry.backoff.ms` (default 100).
    pub retry_backoff_ms: u64,
    /// `metadata.max.age.ms` (default 300000): how often the producer
    /// refreshes its metadata, so how late it sees new partitions.
    pub metadata_max_age_ms: u64,
}

impl ProducerConfig {
    /// Whether the idempotent producer is in force: Kafka turns it off when
    /// `acks` is not `all` or more than 5 requests may be in flight.
    #[must_use]
    pub fn idempotent(&self) -> bool {
        self.enable_idempotence && self.acks == Acks::All && self.max_in_flight <= 5
    }
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
            partitioner: Partitioner::BuiltIn,
            ignore_keys: false,
            adaptive: true,
            compression: Compression::None,
            mode: SendMode::Async,
            enable_idempotence: true,
            request_timeout_ms: 30_000,
            delivery_timeout_ms: 120_000,
            retry_backoff_ms: 100,
            metadata_max_age_ms: 300_000,
        }
    }
}

/// The rebalance protocol a group's members follow (the common protocol of
/// their assignors: only `cooperative-sticky` supports cooperative).
#[derive(
    serde::Serialize, serde::Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord,
)]
pub enum RebalanceProtocol {
    /// Stop the world: every member revokes everything, then all rejoin.
    Eager,
    /// Members keep what they own; moving partitions are revoked first and
    /// assigned in a second rebalance (KIP-429).
    Cooperative,
}

impl RebalanceProtocol {
    /// Kafka's name (`RebalanceProtocol.EAGER` / `COOPERATIVE`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            RebalanceProtocol::Eager => "EAGER",
            RebalanceProtocol::Cooperative => "COOPERATIVE",
        }
    }
}

/// How a group's members commit their offsets.
#[derive(
    serde::Serialize, serde::Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord,
)]
pub enum CommitMode {
    /// `enable.auto.commit=true` (Kafka's default): inside `poll()`, every
    /// `auto.commit.interval.ms`, and before a rebalance or a clean close.
    Auto,
    /// `enable.auto.commit=false` and `commitSync()` after the records of each
    /// poll are processed.
    ManualPerPoll,
}

/// A consumer group and its members at start.
#[derive(serde::Serialize, serde::Deserialize, Clone, Debug, PartialEq, Eq)]
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
    /// `partition.assignment.strategy` in force. Kafka's default list is
    /// `[RangeAssignor, CooperativeStickyAssignor]`, which picks range.
    pub assignor: Assignor,
    /// The rebalance protocol (eager unless the assignor is cooperative sticky).
    pub protocol: RebalanceProtocol,
    /// Automatic or manual commits.
    pub commit_mode: CommitMode,
    /// `heartbeat.interval.ms` (Kafka's default 3000).
    pub heartbeat_interval_ms: u64,
    /// `session.timeout.ms` (Kafka's default 45000).
    pub session_timeout_ms: u64,
    /// `max.poll.interval.ms` (Kafka's default 300000); also the rebalance timeout.
    pub max_poll_interval_ms: u64,
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
            assignor: Assignor::Range,
            protocol: RebalanceProtocol::Eager,
            commit_mode: CommitMode::Auto,
            heartbeat_interval_ms: 3_000,
            session_timeout_ms: 45_000,
            max_poll_interval_ms: 300_000,
        }
    }
}

/// Everything needed to start a simulation. Same config, same history.
#[derive(serde::Serialize, serde::Deserialize, Clone, Debug, PartialEq)]
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

impl Default for ClusterConfig {
    /// Three brokers, no topics, producers or groups, Kafka's timeouts, a
    /// 300 ms teaching latency, seed 0: a base for `..Default::default()`.
    fn default() -> Self {
        Self {
            seed: 0,
            brokers: 3,
            network_latency_ms: 300,
            topics: Vec::new(),
            producers: Vec::new(),
            groups: Vec::new(),
            replica_lag_time_max_ms: DEFAULT_REPLICA_LAG_TIME_MAX_MS,
            broker_session_timeout_ms: DEFAULT_BROKER_SESSION_TIMEOUT_MS,
            log_retention_check_interval_ms: DEFAULT_LOG_RETENTION_CHECK_INTERVAL_MS,
        }
    }
}

/// Kafka's default `replica.lag.time.max.ms`.
pub const DEFAULT_REPLICA_LAG_TIME_MAX_MS: u64 = 30_000;
/// Kafka's default `broker.session.timeout.ms`.
pub const DEFAULT_BROKER_SESSION_TIMEOUT_MS: u64 = 9_000;

/// `partition.assignment.strategy`: which assignor the group leader runs.
#[derive(
    serde::Serialize, serde::Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash,
)]
pub enum Assignor {
    /// `RangeAssignor` (`range`): contiguous ranges per topic.
    Range,
    /// `RoundRobinAssignor` (`roundrobin`): all partitions dealt in a circle.
    RoundRobin,
    /// `StickyAssignor` (`sticky`): balanced, then as few moves as possible (eager).
    Sticky,
    /// `CooperativeStickyAssignor` (`cooperative-sticky`): sticky, and moving
    /// partitions are revoked before they are reassigned.
    CooperativeSticky,
}

impl Assignor {
    /// Every assignor, in the order the UI offers them.
    pub const ALL: [Assignor; 4] = [
        Assignor::Range,
        Assignor::RoundRobin,
        Assignor::Sticky,
        Assignor::CooperativeSticky,
    ];

    /// The name Kafka gives it (`ConsumerPartitionAssignor.name()`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Assignor::Range => "range",
            Assignor::RoundRobin => "roundrobin",
            Assignor::Sticky => "sticky",
            Assignor::CooperativeSticky => "cooperative-sticky",
        }
    }

    /// The Java class, as written in `partition.assignment.strategy`.
    #[must_use]
    pub fn class_name(self) -> &'static str {
        match self {
            Assignor::Range => "RangeAssignor",
            Assignor::RoundRobin => "RoundRobinAssignor",
            Assignor::Sticky => "StickyAssignor",
            Assignor::CooperativeSticky => "CooperativeStickyAssignor",
        }
    }

    /// Whether it supports the cooperative rebalance protocol. Only the
    /// cooperative sticky assignor does (it also supports eager).
    #[must_use]
    pub fn supports_cooperative(self) -> bool {
        self == Assignor::CooperativeSticky
    }

    /// The assignor named `name` (Kafka's short name), if any.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Assignor> {
        Assignor::ALL.into_iter().find(|a| a.name() == name)
    }
}

impl fmt::Display for Assignor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The name of an `auto.offset.reset` value.
#[must_use]
pub fn offset_reset_name(policy: OffsetReset) -> &'static str {
    match policy {
        OffsetReset::Earliest => "earliest",
        OffsetReset::Latest => "latest",
        OffsetReset::None => "none",
    }
}
