//! Why a configuration or command was refused, as data: Kafka's error code
//! ([`ErrorCode`]) and a typed reason with its arguments ([`RefusalReason`]).
//! The engine speaks no language: the words (Kafka's own English, byte for
//! byte, and Korean) are in `crate::text`, which also implements `Display`
//! for [`Refusal`].
//!
//! Input a reason carries (a name, a value) is kept as it was given; the
//! text quotes at most 200 characters of it.

use super::config::Assignor;
use super::ids::{BrokerId, GroupIdx, MemberId, Node, TopicIdx};

/// Kafka's error codes (and the two Java exceptions) a refusal can carry,
/// by Kafka's names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ErrorCode {
    /// `INVALID_CONFIG`.
    InvalidConfig,
    /// `INVALID_PARTITIONS`.
    InvalidPartitions,
    /// `INVALID_REPLICATION_FACTOR`.
    InvalidReplicationFactor,
    /// `INVALID_TOPIC_EXCEPTION`.
    InvalidTopicException,
    /// `TOPIC_ALREADY_EXISTS`.
    TopicAlreadyExists,
    /// `UNKNOWN_TOPIC_OR_PARTITION`.
    UnknownTopicOrPartition,
    /// `RECORD_TOO_LARGE`.
    RecordTooLarge,
    /// `INVALID_GROUP_ID`.
    InvalidGroupId,
    /// `INVALID_SESSION_TIMEOUT`.
    InvalidSessionTimeout,
    /// `GROUP_ID_NOT_FOUND`.
    GroupIdNotFound,
    /// `UNKNOWN_MEMBER_ID`.
    UnknownMemberId,
    /// `FENCED_INSTANCE_ID`.
    FencedInstanceId,
    /// The client's `IllegalArgumentException`.
    IllegalArgumentException,
    /// The client's `IllegalStateException`.
    IllegalStateException,
}

impl ErrorCode {
    /// Kafka's name of the code (or the Java exception's class name).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            ErrorCode::InvalidConfig => "INVALID_CONFIG",
            ErrorCode::InvalidPartitions => "INVALID_PARTITIONS",
            ErrorCode::InvalidReplicationFactor => "INVALID_REPLICATION_FACTOR",
            ErrorCode::InvalidTopicException => "INVALID_TOPIC_EXCEPTION",
            ErrorCode::TopicAlreadyExists => "TOPIC_ALREADY_EXISTS",
            ErrorCode::UnknownTopicOrPartition => "UNKNOWN_TOPIC_OR_PARTITION",
            ErrorCode::RecordTooLarge => "RECORD_TOO_LARGE",
            ErrorCode::InvalidGroupId => "INVALID_GROUP_ID",
            ErrorCode::InvalidSessionTimeout => "INVALID_SESSION_TIMEOUT",
            ErrorCode::GroupIdNotFound => "GROUP_ID_NOT_FOUND",
            ErrorCode::UnknownMemberId => "UNKNOWN_MEMBER_ID",
            ErrorCode::FencedInstanceId => "FENCED_INSTANCE_ID",
            ErrorCode::IllegalArgumentException => "IllegalArgumentException",
            ErrorCode::IllegalStateException => "IllegalStateException",
        }
    }
}

/// Kafka's `ConfigDef.Type` of a value that did not parse or fit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KafkaType {
    /// `INT`.
    Int,
    /// `LONG`.
    Long,
    /// `DOUBLE`.
    Double,
}

impl KafkaType {
    /// Kafka's name of the type.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            KafkaType::Int => "INT",
            KafkaType::Long => "LONG",
            KafkaType::Double => "DOUBLE",
        }
    }
}

/// What is wrong with a config value (the end of Kafka's
/// `Invalid value V for configuration N: …`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueProblem {
    /// `Not a number of type INT` (or too large for it).
    NotANumber(KafkaType),
    /// `Value must be at least N`.
    AtLeast(i64),
    /// `Value must be no more than N`.
    NoMoreThan(i64),
    /// `String must be one of: a, b`.
    NotOneOf(&'static [&'static str]),
}

/// A setting of the simulator's own (Kafka has no config for it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OwnSetting {
    /// One-way latency of every link.
    NetworkLatency,
    /// Extra latency of a slow broker.
    ExtraLatency,
    /// Records a producer creates per simulated second.
    RecordsPerSec,
    /// Bytes of each generated value.
    ValueBytes,
    /// Members of a group at start.
    Members,
    /// Processing time of one record.
    ProcessingTime,
}

/// A numeric setting: Kafka's config, or one of the simulator's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Setting {
    /// Kafka's config name (`linger.ms`).
    Kafka(&'static str),
    /// The simulator's own.
    Own(OwnSetting),
}

/// The unit of a numeric setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// A plain count.
    None,
    /// Milliseconds.
    Ms,
    /// Bytes.
    Bytes,
    /// Records per simulated second.
    RecordsPerSec,
}

/// Something counted against a limit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Counted {
    /// Brokers in the cluster.
    Brokers,
    /// Topics in the cluster.
    Topics,
    /// Producers in the cluster.
    Producers,
    /// Consumer groups in the cluster.
    Groups,
    /// Bytes of a producer's name.
    ProducerNameBytes,
    /// Keys in the named producer's key set.
    KeysOf(String),
    /// Bytes of one key.
    KeyBytes,
    /// Bytes of a `group.id`.
    GroupIdBytes,
    /// Members of the named group.
    MembersOf(String),
    /// Partitions of the named topic.
    PartitionsOf(String),
}

/// What is wrong with a topic name (Kafka's `Topic.validate`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TopicNameProblem {
    /// The empty string.
    Empty,
    /// `.` or `..`.
    Dots,
    /// Longer than 249 characters.
    TooLong,
    /// Characters other than ASCII alphanumerics, `.`, `_` and `-`.
    IllegalCharacters,
}

/// Why something was refused, with its arguments. Each variant is one
/// sentence of `crate::text`; [`RefusalReason::code`] gives Kafka's error code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RefusalReason {
    /// `Invalid value V for configuration N: …` (Kafka's `ConfigException`).
    InvalidValue {
        /// The value as given.
        value: String,
        /// The config name.
        config: String,
        /// What is wrong.
        problem: ValueProblem,
    },
    /// A topic config this simulator (and Kafka) does not know.
    UnknownTopicConfig {
        /// The name as given.
        name: String,
    },
    /// A value Kafka takes, outside the simulator's narrower range.
    OutOfRange {
        /// The setting.
        setting: Setting,
        /// The value asked for.
        value: u64,
        /// The smallest value the simulator takes.
        min: u64,
        /// The largest.
        max: u64,
        /// The unit.
        unit: Unit,
        /// Kafka's range, when it is wider than the simulator's.
        kafka: Option<(u64, u64)>,
    },
    /// A count outside the simulator's limits.
    CountOutOfRange {
        /// What was counted.
        what: Counted,
        /// The count.
        value: u64,
        /// The least allowed.
        min: u64,
        /// The most allowed.
        max: u64,
    },
    /// A refusal about one producer: its name in front.
    Of {
        /// The producer's name.
        subject: String,
        /// The refusal.
        reason: Box<RefusalReason>,
    },
    /// `delivery.timeout.ms < linger.ms + request.timeout.ms`.
    DeliveryTimeoutTooShort,
    /// An empty `group.id`.
    InvalidGroupId,
    /// A group reads a topic that does not exist.
    GroupTopicUnknown {
        /// The group.
        group: String,
        /// The topic.
        topic: String,
    },
    /// A producer writes to a topic that does not exist.
    ProducerTopicUnknown {
        /// The producer.
        producer: String,
        /// The topic.
        topic: String,
    },
    /// `session.timeout.ms` above `group.max.session.timeout.ms`.
    SessionTimeoutOutsideBroker {
        /// The session asked for, ms.
        session_ms: u64,
        /// The broker's maximum, ms.
        max_ms: u64,
    },
    /// `heartbeat.interval.ms ≥ session.timeout.ms`.
    HeartbeatNotBelowSession,
    /// The cooperative protocol with an eager-only assignor.
    CooperativeNeedsCooperativeSticky {
        /// The assignor in force.
        assignor: Assignor,
    },
    /// The producers together would write too many record copies a second.
    TrafficTooHigh {
        /// Record copies per simulated second asked for.
        copies: u64,
        /// The most allowed.
        max: u64,
    },
    /// `replica.lag.time.max.ms` below `replica.fetch.wait.max.ms`.
    ReplicaLagBelowFetchWait {
        /// `replica.fetch.wait.max.ms`.
        fetch_wait_ms: u64,
        /// `replica.lag.time.max.ms` asked for.
        lag_ms: u64,
    },
    /// An illegal topic name.
    InvalidTopicName {
        /// The name as given.
        name: String,
        /// What is wrong with it.
        problem: TopicNameProblem,
    },
    /// Two topics with one name.
    TopicExists {
        /// The name.
        name: String,
    },
    /// A topic with no partitions.
    NoPartitions,
    /// A replication factor of 0.
    ZeroReplicationFactor,
    /// A replication factor above the broker count.
    ReplicationFactorAboveBrokers {
        /// The replication factor asked for.
        replication_factor: u32,
        /// Brokers registered.
        brokers: u32,
    },
    /// `CreatePartitions` for a topic that does not exist.
    TopicNotHosted,
    /// `CreatePartitions` asking for fewer partitions.
    PartitionsNotIncreased {
        /// The topic.
        topic: String,
        /// Its partitions now.
        current: u32,
        /// The count asked for.
        total: u32,
    },
    /// `CreatePartitions` asking for the count the topic has.
    PartitionsUnchanged {
        /// Its partitions now.
        current: u32,
    },
    /// More partitions than a topic may have here.
    TooManyPartitions {
        /// The count asked for.
        total: u32,
        /// The most allowed.
        max: u32,
    },
    /// New replicas cannot be placed: every broker is fenced.
    AllBrokersFenced,
    /// A command names a producer, broker or member that does not exist.
    NoSuchNode(Node),
    /// A command names a topic that does not exist.
    NoSuchTopic(TopicIdx),
    /// A key or value above the simulator's size limit.
    RecordTooLarge {
        /// The most bytes allowed.
        max: u32,
    },
    /// A record names a partition the producer does not know.
    InvalidPartition {
        /// The partition named.
        partition: u32,
        /// Partitions the producer knows.
        partitions: u32,
    },
    /// A sync producer still waits for its last acknowledgement.
    SyncProducerWaiting {
        /// The producer's name.
        producer: String,
    },
    /// A new producer config changes its name or topic.
    ProducerIdentityFixed,
    /// A member the coordinator does not know.
    UnknownMember(MemberId),
    /// A group that does not exist.
    GroupNotFound(GroupIdx),
    /// A group already has the most members allowed.
    GroupFull {
        /// The most members.
        max: u32,
    },
    /// A `group.instance.id` of 0 or more than 249 bytes.
    InvalidInstanceId,
    /// A `group.instance.id` a live member already has.
    InstanceIdInUse {
        /// The id.
        id: String,
    },
    /// A second group with the same `group.id`.
    GroupExists {
        /// The `group.id`.
        id: String,
    },
    /// A seek on a partition nobody in the group owns.
    NoCurrentAssignment {
        /// The partition, as Kafka writes it (`orders-0`).
        partition: String,
    },
    /// A command that is not a consumer-group command reached the group code.
    NotAGroupCommand(String),
    /// Stopping a broker that is stopped.
    BrokerAlreadyStopped(BrokerId),
    /// Starting a broker that runs.
    BrokerAlreadyRunning(BrokerId),
    /// A link from a node to itself.
    LinkToItself,
    /// A partitioner comparison longer than allowed.
    CompareTooLong {
        /// The most records.
        max: u32,
    },
    /// A partitioner comparison with a null-key share above 100 % or rate 0.
    CompareSpecInvalid,
}

impl RefusalReason {
    /// Kafka's error code, or `None` for the simulator's own limits.
    #[must_use]
    pub fn code(&self) -> Option<ErrorCode> {
        use RefusalReason as R;
        Some(match self {
            R::InvalidValue { .. }
            | R::UnknownTopicConfig { .. }
            | R::DeliveryTimeoutTooShort
            | R::HeartbeatNotBelowSession
            | R::ReplicaLagBelowFetchWait { .. }
            | R::InvalidInstanceId => ErrorCode::InvalidConfig,
            R::Of { reason, .. } => return reason.code(),
            R::InvalidGroupId => ErrorCode::InvalidGroupId,
            R::GroupTopicUnknown { .. }
            | R::ProducerTopicUnknown { .. }
            | R::TopicNotHosted
            | R::NoSuchTopic(_) => ErrorCode::UnknownTopicOrPartition,
            R::SessionTimeoutOutsideBroker { .. } => ErrorCode::InvalidSessionTimeout,
            R::CooperativeNeedsCooperativeSticky { .. } => ErrorCode::IllegalArgumentException,
            R::InvalidTopicName { .. } => ErrorCode::InvalidTopicException,
            R::TopicExists { .. } => ErrorCode::TopicAlreadyExists,
            R::NoPartitions | R::PartitionsNotIncreased { .. } | R::PartitionsUnchanged { .. } => {
                ErrorCode::InvalidPartitions
            }
            R::ZeroReplicationFactor
            | R::ReplicationFactorAboveBrokers { .. }
            | R::AllBrokersFenced => ErrorCode::InvalidReplicationFactor,
            R::RecordTooLarge { .. } => ErrorCode::RecordTooLarge,
            R::UnknownMember(_) => ErrorCode::UnknownMemberId,
            R::GroupNotFound(_) => ErrorCode::GroupIdNotFound,
            R::InstanceIdInUse { .. } => ErrorCode::FencedInstanceId,
            R::NoCurrentAssignment { .. } => ErrorCode::IllegalStateException,
            R::OutOfRange { .. }
            | R::CountOutOfRange { .. }
            | R::TrafficTooHigh { .. }
            | R::TooManyPartitions { .. }
            | R::NoSuchNode(_)
            | R::InvalidPartition { .. }
            | R::SyncProducerWaiting { .. }
            | R::ProducerIdentityFixed
            | R::GroupFull { .. }
            | R::GroupExists { .. }
            | R::NotAGroupCommand(_)
            | R::BrokerAlreadyStopped(_)
            | R::BrokerAlreadyRunning(_)
            | R::LinkToItself
            | R::CompareTooLong { .. }
            | R::CompareSpecInvalid => return None,
        })
    }
}

/// A refusal: Kafka's error code where Kafka has one for it (`None` when
/// the limit is the simulator's own), and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// Kafka's error code, or `None` for the simulator's own limits.
    pub code: Option<ErrorCode>,
    /// Why, with its arguments.
    pub reason: RefusalReason,
}

impl From<RefusalReason> for Refusal {
    fn from(reason: RefusalReason) -> Self {
        Self {
            code: reason.code(),
            reason,
        }
    }
}

impl Refusal {
    /// The same refusal about one producer (its name in front).
    #[must_use]
    pub fn of(self, subject: &str) -> Self {
        RefusalReason::Of {
            subject: subject.to_string(),
            reason: Box::new(self.reason),
        }
        .into()
    }
}
