//! The initial setup of a simulated cluster, with Kafka's defaults where Kafka
//! has one (see `KAFKA.md` section 6). Teaching scenarios scale some values
//! down so that effects show within seconds; the UI always states what is in force.

pub use super::assignor::Assignor;

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
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
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

/// The rebalance protocol a group's members follow (the common protocol of
/// their assignors: only `cooperative-sticky` supports cooperative).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum CommitMode {
    /// `enable.auto.commit=true` (Kafka's default): inside `poll()`, every
    /// `auto.commit.interval.ms`, and before a rebalance or a clean close.
    Auto,
    /// `enable.auto.commit=false` and `commitSync()` after the records of each
    /// poll are processed.
    ManualPerPoll,
}

impl CommitMode {
    /// How it reads in a Kafka consumer config.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            CommitMode::Auto => "enable.auto.commit=true",
            CommitMode::ManualPerPoll => "commitSync() after each poll",
        }
    }
}

/// A consumer group and its members at start.
#[derive(Clone, Debug, PartialEq, Eq)]
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
}
