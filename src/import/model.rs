//! What was pasted, without words: the cluster as Kafka's tools described
//! it. Ids are the cluster's own (broker ids are never renumbered), order is
//! the order of the paste (partitions sorted by number, brokers by id), and
//! every field the tools can leave out is an `Option` (or an empty list,
//! where the tools print nothing and "none" alike).

/// Everything read from one import: topics, groups and the brokers they name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportedCluster {
    /// Every broker id the paste names (leaders, replicas, ISR, ELR,
    /// reassignments, group coordinators), sorted by id. A broker that holds
    /// no replica and coordinates no group never appears in these outputs,
    /// so it cannot be here.
    pub brokers: Vec<ImportedBroker>,
    /// Topics in the order they first appear (`kafka-topics --describe`,
    /// then `kafka-configs --describe`).
    pub topics: Vec<ImportedTopic>,
    /// Consumer groups in the order they first appear.
    pub groups: Vec<ImportedGroup>,
}

impl ImportedCluster {
    /// The topic called `name`.
    #[must_use]
    pub fn topic(&self, name: &str) -> Option<&ImportedTopic> {
        self.topics.iter().find(|t| t.name == name)
    }

    /// The group called `group_id`.
    #[must_use]
    pub fn group(&self, group_id: &str) -> Option<&ImportedGroup> {
        self.groups.iter().find(|g| g.group_id == group_id)
    }
}

/// A broker, by its `node.id` / `broker.id`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedBroker {
    /// The id, as the cluster numbers it (0, 1, 1001…).
    pub id: u32,
    /// `host:port`, when a group's coordinator column showed it.
    pub endpoint: Option<Endpoint>,
}

/// A broker's address as `--describe --state` prints it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    /// Host name or address.
    pub host: String,
    /// Port.
    pub port: u16,
}

/// Kafka's own internal topics: the group coordinator's, the transaction
/// coordinator's, the share-group state and tiered storage's metadata.
pub const INTERNAL_TOPICS: [&str; 4] = [
    "__consumer_offsets",
    "__transaction_state",
    "__share_group_state",
    "__remote_log_metadata",
];

/// A topic, from its `Topic:` line, its partition lines and its configs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportedTopic {
    /// Name.
    pub name: String,
    /// `TopicId:` (22 characters of URL-safe base64), absent for topics a
    /// ZooKeeper cluster created before Kafka 2.8 gave topics ids.
    pub topic_id: Option<String>,
    /// `PartitionCount:`; `None` when no `Topic:` line was pasted for it
    /// (the partition-filtering options such as
    /// `--under-replicated-partitions` print partition lines only).
    pub partition_count: Option<u32>,
    /// `ReplicationFactor:`; `None` exactly when `partition_count` is.
    pub replication_factor: Option<u32>,
    /// `Configs:` of the `Topic:` line: every config whose value is not
    /// Kafka's default (topic overrides, and broker-wide settings such as a
    /// `log.segment.bytes` in `server.properties`), in printed order.
    pub configs: Vec<(String, String)>,
    /// `MarkedForDeletion: true` (ZooKeeper mode, Kafka 3.x and older).
    pub marked_for_deletion: bool,
    /// Partition lines, sorted by partition number. Empty when only the
    /// `Topic:` line was pasted (`--topics-with-overrides` prints no
    /// partitions).
    pub partitions: Vec<ImportedPartition>,
    /// What `kafka-configs --describe --entity-type topics` printed for it.
    pub described_configs: Option<DescribedConfigs>,
}

impl ImportedTopic {
    /// Whether it is one of Kafka's [`INTERNAL_TOPICS`].
    #[must_use]
    pub fn internal(&self) -> bool {
        is_internal_topic(&self.name)
    }

    /// The value of config `key` in force, as far as the paste tells:
    /// `kafka-configs` first (it names the source), then the `Configs:` field.
    /// `None`: not pasted, which for a `Configs:` field or `Dynamic configs`
    /// means Kafka's default (an `--all` listing shows defaults too).
    #[must_use]
    pub fn config(&self, key: &str) -> Option<&str> {
        if let Some(entry) = self
            .described_configs
            .as_ref()
            .and_then(|d| d.entries.iter().find(|e| e.name == key))
        {
            return Some(&entry.value);
        }
        self.configs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// Whether `name` is one of Kafka's [`INTERNAL_TOPICS`].
#[must_use]
pub fn is_internal_topic(name: &str) -> bool {
    INTERNAL_TOPICS.contains(&name)
}

/// One partition line of `kafka-topics --describe`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportedPartition {
    /// `Partition:`.
    pub partition: u32,
    /// `Leader:`; `None` for `none` (and `-1`, which Kafka before 2.4
    /// printed with `--zookeeper`): the partition is offline.
    pub leader: Option<u32>,
    /// `Replicas:`, in assignment order (the first is the preferred leader).
    pub replicas: Vec<u32>,
    /// `Isr:`, in printed order.
    pub isr: Vec<u32>,
    /// `Elr:` (Kafka 3.8 and later, KIP-966 eligible leader replicas);
    /// `None` when not printed or printed `N/A`.
    pub elr: Option<Vec<u32>>,
    /// `LastKnownElr:` (Kafka 3.8 and later); `None` when not printed or `N/A`.
    pub last_known_elr: Option<Vec<u32>>,
    /// `Adding Replicas:` while a reassignment is in progress.
    pub adding_replicas: Option<Vec<u32>>,
    /// `Removing Replicas:` while a reassignment is in progress.
    pub removing_replicas: Option<Vec<u32>>,
    /// `Offline:` (not printed by Apache Kafka's tool; Confluent Platform's
    /// prints replicas on offline log directories).
    pub offline: Option<Vec<u32>>,
}

/// The output of `kafka-configs --describe` for one topic.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DescribedConfigs {
    /// `All configs for topic …` (`--all`): defaults included. Otherwise
    /// `Dynamic configs for topic …`: the topic's own overrides.
    pub all: bool,
    /// The entries, in printed order.
    pub entries: Vec<DescribedConfig>,
}

/// One `  name=value sensitive=false synonyms={…}` line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DescribedConfig {
    /// Config name.
    pub name: String,
    /// Value (`null` for a sensitive one).
    pub value: String,
    /// `sensitive=`.
    pub sensitive: bool,
    /// `synonyms={SOURCE:name=value, …}`, the first being the source in
    /// force. Empty for ZooKeeper mode's `Configs for topic 't' are …`.
    pub synonyms: Vec<ConfigSynonym>,
}

/// One synonym of a described config.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigSynonym {
    /// Kafka's `ConfigSource` name, e.g. `DYNAMIC_TOPIC_CONFIG`,
    /// `STATIC_BROKER_CONFIG`, `DEFAULT_CONFIG`.
    pub source: String,
    /// Config name at that level (e.g. `log.retention.ms` for a broker).
    pub name: String,
    /// Its value there.
    pub value: String,
}

/// A consumer group, from `kafka-consumer-groups --describe` and its
/// `--members` and `--state` views.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportedGroup {
    /// `group.id`.
    pub group_id: String,
    /// What the tool said before its table: no active members, or rebalancing.
    pub notice: Option<GroupNotice>,
    /// The offsets view (`--describe`, `--describe --offsets`), if pasted.
    pub offsets: Option<OffsetsTable>,
    /// The members view (`--describe --members`), if pasted.
    pub members: Option<MembersTable>,
    /// The state view (`--describe --state`), if pasted.
    pub state: Option<GroupStateInfo>,
}

/// What `kafka-consumer-groups` writes (to stderr) before a group's table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupNotice {
    /// `Consumer group 'g' has no active members.` (state `Empty`).
    NoActiveMembers,
    /// `Warning: Consumer group 'g' is rebalancing.`
    Rebalancing,
}

/// The offsets table of one group.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetsTable {
    /// Whether it had the `LEADER-EPOCH` column (`--verbose`, Kafka 4.0 and later).
    pub leader_epoch_column: bool,
    /// Rows in printed order.
    pub rows: Vec<OffsetRow>,
}

/// One row of the offsets table: a partition the group owns or has
/// committed, or a member that owns nothing (`TOPIC` and `PARTITION` `-`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetRow {
    /// `TOPIC`; `None` for `-` (a member without partitions).
    pub topic: Option<String>,
    /// `PARTITION`; `None` for `-`.
    pub partition: Option<u32>,
    /// `LEADER-EPOCH` of the commit (`--verbose`, 4.0+); `None` for `-` or absent.
    pub leader_epoch: Option<i32>,
    /// `CURRENT-OFFSET`, the committed offset; `None` for `-` (no commit).
    pub current_offset: Option<i64>,
    /// `LOG-END-OFFSET` (in fact the high watermark the consumer can read
    /// to); `None` for `-` (no leader to ask).
    pub log_end_offset: Option<i64>,
    /// `LAG` = `LOG-END-OFFSET − CURRENT-OFFSET`; `None` for `-`. Negative
    /// when the committed offset is past the end (after a truncation).
    pub lag: Option<i64>,
    /// `CONSUMER-ID`; `None` for `-` (no member owns it).
    pub consumer_id: Option<String>,
    /// `HOST`; `None` for `-`.
    pub host: Option<String>,
    /// `CLIENT-ID`; `None` for `-`.
    pub client_id: Option<String>,
}

/// The members table of one group.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MembersTable {
    /// Whether it was `--verbose` (an assignment per member).
    pub verbose: bool,
    /// Members in printed order.
    pub members: Vec<ImportedMember>,
}

/// One member of a group (a row of `--members`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportedMember {
    /// `CONSUMER-ID` (the member id).
    pub consumer_id: String,
    /// `GROUP-INSTANCE-ID` (static membership); `None` when empty or absent.
    pub group_instance_id: Option<String>,
    /// `HOST`.
    pub host: String,
    /// `CLIENT-ID`.
    pub client_id: String,
    /// `#PARTITIONS`.
    pub partition_count: u32,
    /// `ASSIGNMENT` (before 4.0) or `CURRENT-ASSIGNMENT` (4.0+) with
    /// `--verbose`; empty for `-`; `None` without `--verbose`.
    pub assignment: Option<Vec<AssignedPartitions>>,
    /// `CURRENT-EPOCH` (4.0+ `--verbose`); `None` for `-` or absent.
    pub current_epoch: Option<i32>,
    /// `TARGET-EPOCH` (4.0+ `--verbose`); `None` for `-` or absent.
    pub target_epoch: Option<i32>,
    /// `TARGET-ASSIGNMENT` (4.0+ `--verbose`, new consumer protocol);
    /// empty for `-` or absent.
    pub target_assignment: Vec<AssignedPartitions>,
    /// `UPGRADED` (4.0+ `--verbose`, shown while a group has members of
    /// both protocols): whether the member uses the new protocol.
    pub upgraded: Option<bool>,
}

/// Partitions of one topic in a member's assignment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AssignedPartitions {
    /// The topic; `None` where Kafka 3.8 and 3.9 printed `(0,1)` without it.
    pub topic: Option<String>,
    /// Partition numbers in printed order.
    pub partitions: Vec<u32>,
}

/// The state view of one group (a row of `--state`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupStateInfo {
    /// `COORDINATOR (ID)`: the broker that coordinates the group.
    pub coordinator: Coordinator,
    /// `ASSIGNMENT-STRATEGY` (`range`, `cooperative-sticky`, `uniform`…);
    /// `None` when empty or `-`.
    pub assignment_strategy: Option<String>,
    /// `STATE`.
    pub state: GroupStateName,
    /// `#MEMBERS`.
    pub member_count: u32,
    /// `GROUP-EPOCH` (4.0+ `--verbose`); `None` for `-` or absent.
    pub group_epoch: Option<i32>,
    /// `TARGET-ASSIGNMENT-EPOCH` (4.0+ `--verbose`); `None` for `-` or absent.
    pub target_assignment_epoch: Option<i32>,
    /// Whether it was `--verbose` (the two epoch columns, 4.0+).
    pub verbose: bool,
}

/// The coordinator column: `host:port (id)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coordinator {
    /// Broker id.
    pub id: u32,
    /// Its address.
    pub endpoint: Endpoint,
}

/// A group state as Kafka's `GroupState` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupStateName {
    /// `Stable`.
    Stable,
    /// `Empty`: no members (offsets may remain).
    Empty,
    /// `PreparingRebalance` (classic protocol).
    PreparingRebalance,
    /// `CompletingRebalance` (classic protocol).
    CompletingRebalance,
    /// `Assigning` (KIP-848 consumer protocol).
    Assigning,
    /// `Reconciling` (KIP-848 consumer protocol).
    Reconciling,
    /// `Dead`.
    Dead,
    /// `Unknown`.
    Unknown,
}

impl GroupStateName {
    /// Every state, for parsing.
    pub const ALL: [GroupStateName; 8] = [
        GroupStateName::Stable,
        GroupStateName::Empty,
        GroupStateName::PreparingRebalance,
        GroupStateName::CompletingRebalance,
        GroupStateName::Assigning,
        GroupStateName::Reconciling,
        GroupStateName::Dead,
        GroupStateName::Unknown,
    ];

    /// Kafka's name, as printed.
    #[must_use]
    pub fn kafka_name(self) -> &'static str {
        match self {
            GroupStateName::Stable => "Stable",
            GroupStateName::Empty => "Empty",
            GroupStateName::PreparingRebalance => "PreparingRebalance",
            GroupStateName::CompletingRebalance => "CompletingRebalance",
            GroupStateName::Assigning => "Assigning",
            GroupStateName::Reconciling => "Reconciling",
            GroupStateName::Dead => "Dead",
            GroupStateName::Unknown => "Unknown",
        }
    }

    /// The state printed as `text` (Kafka's spelling; case-insensitive).
    #[must_use]
    pub fn from_kafka_name(text: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|s| s.kafka_name().eq_ignore_ascii_case(text))
    }
}
