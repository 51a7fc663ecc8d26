//! The scenario file format, version 1: one serde model read from TOML or
//! JSON. Field names are `snake_case` versions of Kafka's config names
//! (`linger_ms` for `linger.ms`); unknown fields are refused so a typo is
//! caught. `docs/scenarios.md` describes every field with examples.

use serde::Deserialize;

/// The format version this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// A whole scenario file.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScenarioFile {
    /// Format version; must be 1.
    pub version: u32,
    /// Seed of the engine's random choices: same seed, same story.
    #[serde(default)]
    pub seed: u64,
    /// The scenario's title.
    pub title: Text,
    /// One paragraph saying what the scenario shows.
    #[serde(default)]
    pub summary: Option<Text>,
    /// Rows of the concept table the scenario teaches (for lesson lists).
    #[serde(default)]
    pub concepts: Vec<Concept>,
    /// Brokers, latency and timeouts.
    #[serde(default)]
    pub cluster: ClusterSpec,
    /// Topics created at start.
    #[serde(default)]
    pub topics: Vec<TopicSpec>,
    /// Producers started at start.
    #[serde(default)]
    pub producers: Vec<ProducerSpec>,
    /// Consumer groups started at start.
    #[serde(default)]
    pub groups: Vec<GroupSpec>,
    /// What happens, in order.
    #[serde(default)]
    pub steps: Vec<Step>,
}

/// Text in English (required) and Korean (shown to Korean readers; English
/// is shown when it is missing). Markdown.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// English.
    pub en: String,
    /// Korean (한국어).
    #[serde(default)]
    pub ko: Option<String>,
}

/// A row of PRODUCT.md's concept table.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Concept {
    /// Producers, topics, brokers, consumers.
    Basics,
    /// The partitioner.
    Partitioner,
    /// Batching (message sets), linger, compression.
    Batching,
    /// Offsets, LEO, HW, log start, committed offsets.
    Offsets,
    /// Replication, leader and followers, ISR.
    Replication,
    /// `acks` 0 / 1 / all and `min.insync.replicas`.
    Acks,
    /// Broker failure and recovery.
    BrokerFailure,
    /// Consumer groups and rebalances.
    ConsumerGroups,
    /// Consumer lag and Burrow.
    Lag,
    /// Retention.
    Retention,
    /// Re-reading.
    Rereading,
    /// Adding partitions.
    AddingPartitions,
    /// Producer sync/async, retries, idempotence.
    Idempotence,
    /// Message broker vs event broker.
    QueueVsLog,
    /// Cluster mirroring.
    Mirroring,
    /// Metadata and the controller (KRaft, ZooKeeper).
    Metadata,
    /// Compaction.
    Compaction,
}

impl Concept {
    /// Every concept, in the table's order.
    pub const ALL: [Concept; 17] = [
        Concept::Basics,
        Concept::Partitioner,
        Concept::Batching,
        Concept::Offsets,
        Concept::Replication,
        Concept::Acks,
        Concept::BrokerFailure,
        Concept::ConsumerGroups,
        Concept::Lag,
        Concept::Retention,
        Concept::Rereading,
        Concept::AddingPartitions,
        Concept::Idempotence,
        Concept::QueueVsLog,
        Concept::Mirroring,
        Concept::Metadata,
        Concept::Compaction,
    ];
}

/// The cluster: brokers, latency and timeouts. Missing values take the
/// engine's defaults (3 brokers, 300 ms a hop, Kafka's timeouts).
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ClusterSpec {
    /// Number of brokers, numbered from 1 (default 3).
    pub brokers: Option<u32>,
    /// One-way latency of every link, ms (default 300, a teaching value).
    pub network_latency_ms: Option<u64>,
    /// `replica.lag.time.max.ms` (default 30000).
    pub replica_lag_time_max_ms: Option<u64>,
    /// `broker.session.timeout.ms` (default 9000).
    pub broker_session_timeout_ms: Option<u64>,
    /// `log.retention.check.interval.ms` (default 300000).
    pub log_retention_check_interval_ms: Option<u64>,
}

/// A topic and its configs. `-1` means "no limit" where Kafka says so.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TopicSpec {
    /// Topic name.
    pub name: String,
    /// Partitions (default 1).
    pub partitions: Option<u32>,
    /// Replicas per partition (default 1).
    pub replication_factor: Option<u32>,
    /// `min.insync.replicas` (default 1).
    pub min_insync_replicas: Option<u32>,
    /// `unclean.leader.election.enable` (default false).
    pub unclean_leader_election_enable: Option<bool>,
    /// `retention.ms` (default 604800000; -1: no limit).
    pub retention_ms: Option<i64>,
    /// `retention.bytes` (default -1: no limit).
    pub retention_bytes: Option<i64>,
    /// `segment.bytes` (default 1073741824).
    pub segment_bytes: Option<u64>,
    /// `segment.ms` (default 604800000).
    pub segment_ms: Option<u64>,
    /// `cleanup.policy`: `delete` (default), `compact` or `compact,delete`.
    pub cleanup_policy: Option<String>,
    /// `delete.retention.ms` (default 86400000).
    pub delete_retention_ms: Option<u64>,
    /// `min.cleanable.dirty.ratio` (default 0.5).
    pub min_cleanable_dirty_ratio: Option<f64>,
}

/// `acks`.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum AcksSpec {
    /// `acks=0`.
    #[serde(rename = "0")]
    Zero,
    /// `acks=1`.
    #[serde(rename = "1")]
    One,
    /// `acks=all` (also written `-1`).
    #[serde(rename = "all", alias = "-1")]
    All,
}

/// `partitioner.class`.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PartitionerSpec {
    /// No `partitioner.class`: murmur2 for keys, uniform sticky for null keys.
    BuiltIn,
    /// `RoundRobinPartitioner` (Kafka 3.9+/4.x).
    RoundRobin,
    /// `RoundRobinPartitioner` before 3.9 (KAFKA-9965 skipping).
    RoundRobinLegacy,
}

/// `compression.type`.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CompressionSpec {
    /// `none`.
    None,
    /// `gzip`.
    Gzip,
    /// `snappy`.
    Snappy,
    /// `lz4`.
    Lz4,
    /// `zstd`.
    Zstd,
}

/// How the application sends.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SendModeSpec {
    /// `send()` and carry on.
    Async,
    /// `send().get()`: one record at a time.
    Sync,
}

/// A producer (at start), or the settings to change (`set_producer`).
/// Missing values take Kafka's defaults at start, and stay as they are in
/// `set_producer`.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProducerSpec {
    /// Its name (`producer-1`); `set_producer` finds the producer by it.
    pub name: String,
    /// The topic it writes to (required at start; not allowed in `set_producer`).
    pub topic: Option<String>,
    /// Records per simulated second (default 0: only records sent by steps).
    pub records_per_sec: Option<u32>,
    /// Keys it picks from at random (default none: null keys).
    pub keys: Option<Vec<String>>,
    /// Bytes of each generated value (default 100).
    pub value_bytes: Option<u32>,
    /// `acks`: `"0"`, `"1"` or `"all"` (default).
    pub acks: Option<AcksSpec>,
    /// `linger.ms` (default 5).
    pub linger_ms: Option<u64>,
    /// `batch.size` (default 16384).
    pub batch_size: Option<u32>,
    /// `max.in.flight.requests.per.connection` (default 5).
    pub max_in_flight: Option<u32>,
    /// `partitioner.class` (default `built_in`).
    pub partitioner: Option<PartitionerSpec>,
    /// `partitioner.ignore.keys` (default false).
    pub ignore_keys: Option<bool>,
    /// `partitioner.adaptive.partitioning.enable` (default true).
    pub adaptive: Option<bool>,
    /// `compression.type` (default `none`).
    pub compression: Option<CompressionSpec>,
    /// `async` (default) or `sync`.
    pub send_mode: Option<SendModeSpec>,
    /// `enable.idempotence` (default true).
    pub enable_idempotence: Option<bool>,
    /// `request.timeout.ms` (default 30000).
    pub request_timeout_ms: Option<u64>,
    /// `delivery.timeout.ms` (default 120000).
    pub delivery_timeout_ms: Option<u64>,
    /// `retry.backoff.ms` (default 100).
    pub retry_backoff_ms: Option<u64>,
    /// `metadata.max.age.ms` (default 300000).
    pub metadata_max_age_ms: Option<u64>,
}

/// `partition.assignment.strategy`.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum AssignorSpec {
    /// `RangeAssignor`.
    #[serde(rename = "range")]
    Range,
    /// `RoundRobinAssignor`.
    #[serde(rename = "roundrobin")]
    RoundRobin,
    /// `StickyAssignor`.
    #[serde(rename = "sticky")]
    Sticky,
    /// `CooperativeStickyAssignor`.
    #[serde(rename = "cooperative-sticky")]
    CooperativeSticky,
}

/// The rebalance protocol.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProtocolSpec {
    /// Stop the world.
    Eager,
    /// Incremental (KIP-429).
    Cooperative,
}

/// How members commit.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CommitModeSpec {
    /// `enable.auto.commit=true`.
    Auto,
    /// `commitSync()` after each poll.
    Manual,
}

/// `auto.offset.reset`.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OffsetResetSpec {
    /// The log start offset.
    Earliest,
    /// The high watermark (Kafka's default).
    Latest,
    /// An error to the application.
    None,
}

/// A consumer group (at start or added by a step).
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GroupSpec {
    /// `group.id`.
    pub group_id: String,
    /// The topic its members subscribe to.
    pub topic: String,
    /// Members at start (default 1).
    pub members: Option<u32>,
    /// Processing time of one record, ms (default 10).
    pub processing_ms_per_record: Option<u64>,
    /// `max.poll.records` (default 500).
    pub max_poll_records: Option<u32>,
    /// `fetch.max.wait.ms` (default 500).
    pub fetch_max_wait_ms: Option<u64>,
    /// `auto.commit.interval.ms` (default 5000).
    pub auto_commit_interval_ms: Option<u64>,
    /// `auto.offset.reset` (default `latest`).
    pub auto_offset_reset: Option<OffsetResetSpec>,
    /// `partition.assignment.strategy` (default `range`).
    pub assignor: Option<AssignorSpec>,
    /// Rebalance protocol (default: cooperative for `cooperative-sticky`, else eager).
    pub protocol: Option<ProtocolSpec>,
    /// `auto` (default) or `manual` commits.
    pub commit_mode: Option<CommitModeSpec>,
    /// `heartbeat.interval.ms` (default 3000).
    pub heartbeat_interval_ms: Option<u64>,
    /// `session.timeout.ms` (default 45000).
    pub session_timeout_ms: Option<u64>,
    /// `max.poll.interval.ms` (default 300000).
    pub max_poll_interval_ms: Option<u64>,
}

/// One step: narration, then actions in order, then an optional wait, then
/// expectations checked at the end.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// What to tell the reader at this step (Markdown).
    #[serde(default)]
    pub say: Option<Text>,
    /// Actions, in order.
    #[serde(default, rename = "do")]
    pub actions: Vec<Action>,
    /// The step's first refused action must be refused with this Kafka error
    /// name (`INVALID_PARTITIONS`) or a text its message contains. Without
    /// it, a refused action fails the step.
    #[serde(default)]
    pub expect_refusal: Option<String>,
    /// Let time run until a condition holds.
    #[serde(default)]
    pub wait: Option<Wait>,
    /// Expectations that must hold at the end of the step.
    #[serde(default)]
    pub expect: Vec<Check>,
    /// Which picture the step shows: `topic` (lanes per partition, the
    /// default) or `brokers` (brokers with their replicas).
    #[serde(default)]
    pub view: Option<ViewSpec>,
    /// What the step talks about: the picture highlights these while its
    /// narration is shown.
    #[serde(default)]
    pub focus: Vec<FocusSpec>,
}

/// Which picture a step shows.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ViewSpec {
    /// Producers, one lane per partition, consumer groups.
    Topic,
    /// Brokers with the replicas they hold.
    Brokers,
}

/// A marker on a partition's log.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum MarkerSpec {
    /// The high watermark.
    Hw,
    /// The log end offset.
    Leo,
    /// The log start offset.
    LogStart,
    /// A group's committed offset (`group` names it).
    Committed,
}

/// One thing a step points at. Name exactly one: `{ producer }`,
/// `{ broker }`, `{ group }`, `{ group, member }` (member from 1, in the
/// order added), `{ topic, partition }`, `{ topic, partition, broker }` (a
/// replica), `{ topic, partition, offset }` (a record), or `{ marker,
/// topic, partition }` (`marker = "committed"` also names its `group`).
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FocusSpec {
    /// A producer's name.
    #[serde(default)]
    pub producer: Option<String>,
    /// A topic's name (with `partition`).
    #[serde(default)]
    pub topic: Option<String>,
    /// A partition number (with `topic`).
    #[serde(default)]
    pub partition: Option<u32>,
    /// A broker's id (alone, or with `topic` and `partition`: a replica).
    #[serde(default)]
    pub broker: Option<u32>,
    /// A record's offset (with `topic` and `partition`).
    #[serde(default)]
    pub offset: Option<u64>,
    /// A group's `group.id` (alone, with `member`, or with a committed marker).
    #[serde(default)]
    pub group: Option<String>,
    /// A member of `group`, from 1 in the order added.
    #[serde(default)]
    pub member: Option<u32>,
    /// A marker on the partition's log.
    #[serde(default)]
    pub marker: Option<MarkerSpec>,
}

/// Run until `until` holds, for at most `timeout_ms`.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Wait {
    /// The condition.
    pub until: Check,
    /// The longest wait, simulated ms; the step fails past it.
    pub timeout_ms: u64,
}

/// A node of the network, for cutting links.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum NodeRef {
    /// The `member`-th member (from 1, in the order added) of a group.
    Member {
        /// `group.id`.
        group: String,
        /// Which member, from 1.
        member: u32,
    },
    /// A broker.
    Broker {
        /// Its id.
        broker: u32,
    },
    /// A producer, by name.
    Producer {
        /// Its name.
        producer: String,
    },
}

/// A config value as TOML or JSON writes it.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum ConfigValue {
    /// Text, e.g. `"compact"`.
    Text(String),
    /// A whole number, e.g. `60000` or `-1`.
    Int(i64),
    /// A fraction, e.g. `0.1`.
    Float(f64),
}

/// Where a seek goes.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SeekSpec {
    /// `seekToBeginning`: the log start offset.
    Beginning,
    /// `seekToEnd`: the high watermark.
    End,
    /// `seek(offset)`.
    Offset(u64),
    /// `offsetsForTimes`: the first record at or after this time, ms.
    Timestamp(u64),
}

/// One action of a step. Each maps to one engine command, except
/// `advance_ms` (time passes) and `produce` with `times` (several records).
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
// `deny_unknown_fields`: a typo inside a variant's table is refused in JSON
// as in TOML (the `toml` crate refuses it on its own; serde_json would not).
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Action {
    /// Let simulated time run, ms.
    AdvanceMs(u64),
    /// A producer sends records typed here.
    Produce {
        /// The producer's name.
        producer: String,
        /// The key (missing: a null key).
        #[serde(default)]
        key: Option<String>,
        /// The value (default empty).
        #[serde(default)]
        value: String,
        /// A partition named by the record (the partitioner is not asked).
        #[serde(default)]
        partition: Option<u32>,
        /// How many such records (default 1).
        #[serde(default)]
        times: Option<u32>,
    },
    /// A producer sends a tombstone (a key with a null value).
    Tombstone {
        /// The producer's name.
        producer: String,
        /// The key.
        key: String,
    },
    /// Change a producer's rate (0 stops it).
    SetRate {
        /// The producer's name.
        producer: String,
        /// Records per simulated second.
        records_per_sec: u32,
    },
    /// Restart a producer with other settings (only those given change).
    SetProducer(ProducerSpec),
    /// Controlled shutdown of a broker.
    StopBroker(u32),
    /// A broker crashes.
    CrashBroker(u32),
    /// A stopped or crashed broker starts.
    StartBroker(u32),
    /// Extra latency on every message to or from a broker (0: normal).
    SlowBroker {
        /// The broker.
        broker: u32,
        /// Extra latency, ms.
        extra_latency_ms: u64,
    },
    /// Cut the link between two nodes.
    CutLink {
        /// One end.
        a: NodeRef,
        /// The other end.
        b: NodeRef,
    },
    /// Heal a cut link.
    HealLink {
        /// One end.
        a: NodeRef,
        /// The other end.
        b: NodeRef,
    },
    /// Set a topic's `unclean.leader.election.enable`.
    UncleanLeaderElection {
        /// The topic.
        topic: String,
        /// The new value.
        enabled: bool,
    },
    /// `kafka-configs --alter` on a topic: `retention.ms`, `retention.bytes`,
    /// `segment.bytes`, `segment.ms`, `cleanup.policy`,
    /// `delete.retention.ms`, `min.cleanable.dirty.ratio`.
    AlterTopicConfig {
        /// The topic.
        topic: String,
        /// Kafka's config name.
        name: String,
        /// The value.
        value: ConfigValue,
    },
    /// Every broker's `log.retention.check.interval.ms`.
    RetentionCheckIntervalMs(u64),
    /// Move leaderships back to preferred replicas.
    ElectPreferredLeaders,
    /// `CreatePartitions`: raise a topic's partition count to `total`.
    AddPartitions {
        /// The topic.
        topic: String,
        /// The new partition count.
        total: u32,
    },
    /// A consumer joins a group.
    AddMember {
        /// `group.id`.
        group: String,
        /// `group.instance.id` for a static member.
        #[serde(default)]
        instance_id: Option<String>,
    },
    /// A member closes cleanly.
    RemoveMember(MemberRef),
    /// A member's process dies.
    CrashMember(MemberRef),
    /// `pause()` or `resume()` a member.
    PauseMember {
        /// `group.id`.
        group: String,
        /// Which member, from 1.
        member: u32,
        /// true: pause; false: resume.
        paused: bool,
    },
    /// A member's processing time per record.
    ProcessingTime {
        /// `group.id`.
        group: String,
        /// Which member, from 1.
        member: u32,
        /// ms a record.
        ms_per_record: u64,
    },
    /// Change a group's assignor (it rebalances).
    SetAssignor {
        /// `group.id`.
        group: String,
        /// The assignor.
        assignor: AssignorSpec,
    },
    /// Change a group's rebalance protocol (it rebalances).
    SetProtocol {
        /// `group.id`.
        group: String,
        /// The protocol.
        protocol: ProtocolSpec,
    },
    /// Change how a group commits.
    SetCommitMode {
        /// `group.id`.
        group: String,
        /// The mode.
        mode: CommitModeSpec,
    },
    /// Start another consumer group.
    AddGroup(GroupSpec),
    /// The member owning a partition seeks.
    Seek {
        /// `group.id`.
        group: String,
        /// The partition number.
        partition: u32,
        /// Where to.
        to: SeekSpec,
    },
}

/// A member of a group: the `member`-th (from 1) in the order added.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MemberRef {
    /// `group.id`.
    pub group: String,
    /// Which member, from 1.
    pub member: u32,
}

/// A number to compare with: exact (`5`) or bounds (`{ at_least = 3 }`).
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Count {
    /// Exactly this.
    Exactly(u64),
    /// Within bounds (both inclusive).
    Bounds {
        /// Lowest allowed.
        #[serde(default)]
        at_least: Option<u64>,
        /// Highest allowed.
        #[serde(default)]
        at_most: Option<u64>,
    },
}

/// An offset-like number of one partition: on its leader, or on the replica
/// of `broker`.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PartitionNumber {
    /// `topic-partition`, e.g. `orders-0`.
    pub partition: String,
    /// A replica's broker (default: the leader).
    #[serde(default)]
    pub broker: Option<u32>,
    /// The expected value.
    pub is: Count,
}

/// A per-group number.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GroupNumber {
    /// `group.id`.
    pub group: String,
    /// The expected value.
    pub is: Count,
}

/// Cluster-wide counters (`Totals` of the engine).
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Counter {
    /// Records created by producers.
    RecordsCreated,
    /// Records appended by leaders.
    RecordsAppended,
    /// Records acknowledged to producers.
    RecordsAcknowledged,
    /// Records processed by consumers (all groups).
    RecordsConsumed,
    /// Records appended twice by a retry without idempotence.
    RecordsDuplicated,
    /// Retried batches an idempotent leader recognised.
    DuplicatesIgnored,
    /// Batches sent again.
    Retries,
    /// Records failed after `delivery.timeout.ms`.
    RecordsExpired,
    /// Records lost for ever.
    RecordsLost,
    /// Lost records the producer had been told were written.
    AcknowledgedLost,
    /// Messages that never arrived.
    MessagesDropped,
}

/// Kinds of event a `seen` expectation counts.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EventName {
    /// Any leader election (clean, unclean, preferred, offline).
    LeaderElected,
    /// An out-of-sync replica was elected.
    UncleanElection,
    /// A partition went offline (no leader).
    PartitionOffline,
    /// A follower left the ISR.
    IsrShrunk,
    /// A follower rejoined the ISR.
    IsrExpanded,
    /// A returning replica truncated its log.
    FollowerTruncated,
    /// Records lost for ever.
    RecordsLost,
    /// A produce request answered with an error.
    ProduceFailed,
    /// A batch sent again.
    ProduceRetried,
    /// An idempotent leader ignored a retried batch.
    DuplicateIgnored,
    /// A retried batch appended a second time.
    DuplicateAppended,
    /// A batch failed after `delivery.timeout.ms`.
    BatchExpired,
    /// A batch was sent.
    BatchSent,
    /// An acknowledgement reached a producer.
    ProduceAcked,
    /// A segment rolled.
    SegmentRolled,
    /// Retention deleted segments.
    SegmentsDeleted,
    /// The log cleaner compacted a log.
    LogCompacted,
    /// A consumer's position was reset (`auto.offset.reset`).
    OffsetReset,
    /// Partitions were added to a topic.
    PartitionsAdded,
    /// A producer saw new metadata.
    MetadataRefreshed,
    /// A broker was fenced by the controller.
    BrokerFenced,
    /// A group started a rebalance.
    RebalanceStarted,
    /// A record was processed again after its partition moved.
    RecordReprocessed,
    /// A member seeked.
    Seeked,
    /// A consumer processed a record.
    RecordConsumed,
    /// A group committed an offset.
    OffsetCommitted,
}

/// A condition on the cluster, checked against the engine's read-only views.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
// `deny_unknown_fields`: a typo inside a variant's table is refused in JSON
// as in TOML (the `toml` crate refuses it on its own; serde_json would not).
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Check {
    /// Log end offset (the next offset to be written).
    LogEndOffset(PartitionNumber),
    /// High watermark.
    HighWatermark(PartitionNumber),
    /// Log start offset.
    LogStartOffset(PartitionNumber),
    /// Records held in the log (after retention and compaction).
    Records(PartitionNumber),
    /// Segments of the log.
    Segments(PartitionNumber),
    /// The partition's leader is this broker.
    Leader {
        /// `topic-partition`.
        partition: String,
        /// The broker.
        is: u32,
    },
    /// Whether the partition has no leader.
    Offline {
        /// `topic-partition`.
        partition: String,
        /// true: offline.
        is: bool,
    },
    /// The ISR is exactly these brokers (any order).
    Isr {
        /// `topic-partition`.
        partition: String,
        /// Broker ids.
        is: Vec<u32>,
    },
    /// The ISR's size.
    IsrSize {
        /// `topic-partition`.
        partition: String,
        /// Expected size.
        is: Count,
    },
    /// A group's committed offset on a partition (the next offset to read).
    Committed {
        /// `group.id`.
        group: String,
        /// The partition number.
        partition: u32,
        /// Expected offset.
        is: Count,
    },
    /// Lag (HW − committed) of a group, on one partition or in total.
    Lag {
        /// `group.id`.
        group: String,
        /// One partition (default: the group's total).
        #[serde(default)]
        partition: Option<u32>,
        /// Expected lag.
        is: Count,
    },
    /// Burrow's verdict on a group: `OK`, `WARN`, `STALL`, `STOP`, `REWIND`.
    Burrow {
        /// `group.id`.
        group: String,
        /// The status.
        is: String,
    },
    /// The coordinator's state of a group: `Empty`, `PreparingRebalance`,
    /// `CompletingRebalance`, `Stable`.
    GroupState {
        /// `group.id`.
        group: String,
        /// The state.
        is: String,
    },
    /// The partitions a member owns (any order).
    Assignment {
        /// `group.id`.
        group: String,
        /// Which member, from 1.
        member: u32,
        /// Partition numbers.
        partitions: Vec<u32>,
    },
    /// Members of a group still running (not crashed or closed).
    Members(GroupNumber),
    /// Records a group processed.
    Consumed(GroupNumber),
    /// Records a group processed again after a partition moved.
    Duplicates(GroupNumber),
    /// Records a group re-read on purpose after seeking back.
    Replays(GroupNumber),
    /// Rebalances a group started.
    Rebalances(GroupNumber),
    /// The partition the built-in partitioner gives a key now
    /// (`toPositive(murmur2(key)) % partitions`).
    KeyPartition {
        /// The topic.
        topic: String,
        /// The key.
        key: String,
        /// Expected partition.
        partition: u32,
    },
    /// The values of the records with this key in a log, in offset order
    /// (a tombstone reads `null`).
    KeyValues {
        /// `topic-partition`.
        partition: String,
        /// The key.
        key: String,
        /// A replica's broker (default: the leader).
        #[serde(default)]
        broker: Option<u32>,
        /// Expected values.
        values: Vec<String>,
    },
    /// A topic's partition count.
    Partitions {
        /// The topic.
        topic: String,
        /// Expected count.
        is: u32,
    },
    /// A topic config in force, as text (`kafka-configs --describe`).
    TopicConfig {
        /// The topic.
        topic: String,
        /// Kafka's config name.
        name: String,
        /// Expected value.
        is: String,
    },
    /// Whether a broker is running.
    BrokerAlive {
        /// The broker.
        broker: u32,
        /// true: running.
        is: bool,
    },
    /// Produce errors seen by producers since the start (by Kafka's name,
    /// e.g. `NOT_ENOUGH_REPLICAS`).
    ProduceError {
        /// Kafka's error name.
        error: String,
        /// Only this producer's (default: any).
        #[serde(default)]
        producer: Option<String>,
        /// How many (default: at least one).
        #[serde(default)]
        count: Option<Count>,
    },
    /// Records lost for ever, since the start.
    RecordsLost {
        /// How many.
        is: Count,
        /// Of them, how many had been acknowledged.
        #[serde(default)]
        acknowledged: Option<Count>,
    },
    /// A cluster-wide counter.
    Total {
        /// Which counter.
        counter: Counter,
        /// Expected value.
        is: Count,
    },
    /// Events of a kind seen (since the start, or since the step began).
    Seen {
        /// The kind.
        event: EventName,
        /// Only on this partition (`topic-partition`).
        #[serde(default)]
        partition: Option<String>,
        /// Count only from the start of this step.
        #[serde(default)]
        since_step: bool,
        /// How many (default: at least one).
        #[serde(default)]
        count: Option<Count>,
    },
}
