//! Checks every configuration before the engine uses it: Kafka's own rules
//! first, with Kafka's error names and texts, then the simulator's limits.
//!
//! Kafka's ranges come from its `ConfigDef` definitions (`ProducerConfig`,
//! `ConsumerConfig`, `LogConfig`/`TopicConfig`, `ServerLogConfigs`,
//! `ReplicationConfigs`, `KRaftConfigs`, `GroupCoordinatorConfig`) and are
//! refused as `ConfigException` words them ([`RefusalReason::InvalidValue`]:
//! `Invalid value -2 for configuration retention.ms: Value must be at least
//! -1`, or `Not a number of type INT` for a value its type cannot hold).
//! Where Kafka accepts values that would make the simulation unbounded or
//! meaningless (a metadata refresh every 0 ms, 40 producers at full rate),
//! the simulator's narrower range is refused ([`RefusalReason::OutOfRange`])
//! naming the limit and Kafka's range beside it. The words are in `crate::text`.

use super::config::{
    CleanupPolicy, ClusterConfig, GroupConfig, LogConfig, ProducerConfig, RebalanceProtocol,
};
use super::limits::*;
use super::refusal::{
    Counted, KafkaType, OwnSetting, Refusal, RefusalReason, Setting, TopicNameProblem, Unit,
    ValueProblem,
};

/// Kafka's type of a numeric config (`ConfigDef.Type`): the largest value
/// it can hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConfigType {
    /// `INT`: a Java `int`, at most 2147483647.
    Int,
    /// `LONG`: a Java `long`, at most 9223372036854775807.
    Long,
}

impl ConfigType {
    /// The largest value of the type.
    #[must_use]
    pub fn max(self) -> u64 {
        match self {
            ConfigType::Int => i32::MAX as u64,
            ConfigType::Long => i64::MAX as u64,
        }
    }

    /// Kafka's name of the type.
    #[must_use]
    pub fn name(self) -> &'static str {
        self.kafka_type().name()
    }

    /// The type as a refusal names it.
    #[must_use]
    pub fn kafka_type(self) -> KafkaType {
        match self {
            ConfigType::Int => KafkaType::Int,
            ConfigType::Long => KafkaType::Long,
        }
    }
}

/// A numeric setting: Kafka's config name, type and lower bound
/// (`ConfigDef.Range.atLeast`), and the simulator's own range, which is
/// never wider than Kafka's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NumericConfig {
    /// Kafka's name (`linger.ms`), or one of the simulator's own settings.
    pub name: Setting,
    /// Kafka's type, `None` for a setting Kafka does not have.
    pub kind: Option<ConfigType>,
    /// Kafka's `Range.atLeast`, if it has one.
    pub kafka_min: Option<u64>,
    /// The smallest value the simulator takes.
    pub min: u64,
    /// The largest value the simulator takes.
    pub max: u64,
    /// The unit, for messages.
    pub unit: Unit,
    /// Where Kafka defines it (the class, for readers checking the range).
    pub kafka_class: &'static str,
}

impl NumericConfig {
    const fn kafka(
        name: &'static str,
        kind: ConfigType,
        kafka_min: Option<u64>,
        unit: Unit,
        kafka_class: &'static str,
    ) -> Self {
        let min = match kafka_min {
            Some(m) => m,
            None => 0,
        };
        let max = match kind {
            ConfigType::Int => i32::MAX as u64,
            ConfigType::Long => i64::MAX as u64,
        };
        Self {
            name: Setting::Kafka(name),
            kind: Some(kind),
            kafka_min,
            min,
            max,
            unit,
            kafka_class,
        }
    }

    const fn own(name: OwnSetting, min: u64, max: u64, unit: Unit) -> Self {
        Self {
            name: Setting::Own(name),
            kind: None,
            kafka_min: None,
            min,
            max,
            unit,
            kafka_class: "",
        }
    }

    /// The same config with the simulator's narrower range.
    const fn within(mut self, min: u64, max: u64) -> Self {
        self.min = min;
        self.max = max;
        self
    }

    /// Kafka's refusal of `value`, if Kafka refuses it.
    #[must_use]
    pub fn kafka_refusal(&self, value: u64) -> Option<Refusal> {
        let kind = self.kind?;
        let Setting::Kafka(name) = self.name else {
            return None;
        };
        if value > kind.max() {
            return Some(invalid_value(
                &value.to_string(),
                name,
                ValueProblem::NotANumber(kind.kafka_type()),
            ));
        }
        match self.kafka_min {
            Some(min) if value < min => Some(invalid_value(
                &value.to_string(),
                name,
                ValueProblem::AtLeast(min as i64),
            )),
            _ => None,
        }
    }

    /// Checks `value`: Kafka's refusal first, then the simulator's range.
    pub fn check(&self, value: u64) -> Result<(), Refusal> {
        if let Some(r) = self.kafka_refusal(value) {
            return Err(r);
        }
        if value < self.min || value > self.max {
            return Err(RefusalReason::OutOfRange {
                setting: self.name,
                value,
                min: self.min,
                max: self.max,
                unit: self.unit,
                kafka: self.kafka_range(),
            }
            .into());
        }
        Ok(())
    }

    /// Kafka's range, when it is wider than the simulator's.
    #[must_use]
    pub fn kafka_range(&self) -> Option<(u64, u64)> {
        let kind = self.kind?;
        let kafka = (self.kafka_min.unwrap_or(0), kind.max());
        (kafka != (self.min, self.max)).then_some(kafka)
    }
}

/// `Invalid value V for configuration NAME: WHY` (Kafka's
/// `ConfigException`), as `INVALID_CONFIG`.
#[must_use]
pub fn invalid_value(value: &str, name: &str, problem: ValueProblem) -> Refusal {
    RefusalReason::InvalidValue {
        value: value.to_string(),
        config: name.to_string(),
        problem,
    }
    .into()
}

use ConfigType::{Int, Long};

// ----- cluster (broker) ------------------------------------------------------

/// One-way latency of every link (the simulator's own setting).
pub const NETWORK_LATENCY_MS: NumericConfig =
    NumericConfig::own(OwnSetting::NetworkLatency, 1, MAX_LATENCY_MS, Unit::Ms);
/// Extra latency of a slow broker (the simulator's own setting).
pub const EXTRA_LATENCY_MS: NumericConfig =
    NumericConfig::own(OwnSetting::ExtraLatency, 0, MAX_LATENCY_MS, Unit::Ms);
/// `replica.lag.time.max.ms` (`ReplicationConfigs`, LONG, no range; see
/// [`REPLICA_FETCH_WAIT_MAX_MS`](super::replication::REPLICA_FETCH_WAIT_MAX_MS)
/// for the lower bound `KafkaConfig` requires).
pub const REPLICA_LAG_TIME_MAX_MS: NumericConfig = NumericConfig::kafka(
    "replica.lag.time.max.ms",
    Long,
    None,
    Unit::Ms,
    "ReplicationConfigs",
)
.within(500, i64::MAX as u64);
/// `broker.session.timeout.ms` (`KRaftConfigs`, INT, no range).
pub const BROKER_SESSION_TIMEOUT_MS: NumericConfig = NumericConfig::kafka(
    "broker.session.timeout.ms",
    Int,
    None,
    Unit::Ms,
    "KRaftConfigs",
);
/// `log.retention.check.interval.ms` (`ServerLogConfigs`, LONG, at least
/// 1); the simulator checks at most every 100 ms.
pub const LOG_RETENTION_CHECK_INTERVAL_MS: NumericConfig = NumericConfig::kafka(
    "log.retention.check.interval.ms",
    Long,
    Some(1),
    Unit::Ms,
    "ServerLogConfigs",
)
.within(MIN_RETENTION_CHECK_INTERVAL_MS, i64::MAX as u64);

// ----- topic -----------------------------------------------------------------

/// `min.insync.replicas` (`LogConfig`, INT, at least 1).
pub const MIN_INSYNC_REPLICAS: NumericConfig =
    NumericConfig::kafka("min.insync.replicas", Int, Some(1), Unit::None, "LogConfig");
/// `segment.bytes` (`LogConfig`, INT, at least 14 in Kafka 3.x; Kafka 4.0
/// raised it to 1 MiB, the simulator keeps 14 so small segments can be seen).
pub const SEGMENT_BYTES: NumericConfig =
    NumericConfig::kafka("segment.bytes", Int, Some(14), Unit::Bytes, "LogConfig");
/// `segment.ms` (`LogConfig`, LONG, at least 1).
pub const SEGMENT_MS: NumericConfig =
    NumericConfig::kafka("segment.ms", Long, Some(1), Unit::Ms, "LogConfig");
/// `delete.retention.ms` (`LogConfig`, LONG, at least 0).
pub const DELETE_RETENTION_MS: NumericConfig =
    NumericConfig::kafka("delete.retention.ms", Long, Some(0), Unit::Ms, "LogConfig");
/// `retention.ms` when not `-1` (`LogConfig`, LONG, at least -1).
pub const RETENTION_MS: NumericConfig =
    NumericConfig::kafka("retention.ms", Long, None, Unit::Ms, "LogConfig");
/// `retention.bytes` when not negative (`LogConfig`, LONG, no range).
pub const RETENTION_BYTES: NumericConfig =
    NumericConfig::kafka("retention.bytes", Long, None, Unit::Bytes, "LogConfig");

// ----- producer --------------------------------------------------------------

/// Records a producer creates per simulated second (the simulator's own).
pub const RECORDS_PER_SEC: NumericConfig = NumericConfig::own(
    OwnSetting::RecordsPerSec,
    0,
    MAX_RECORDS_PER_SEC as u64,
    Unit::RecordsPerSec,
);
/// Bytes of each generated value (the simulator's own).
pub const VALUE_BYTES: NumericConfig = NumericConfig::own(
    OwnSetting::ValueBytes,
    0,
    MAX_TEXT_BYTES as u64,
    Unit::Bytes,
);
/// `batch.size` (`ProducerConfig`, INT, at least 0; 0 turns batching off,
/// which the simulator does not model).
pub const BATCH_SIZE: NumericConfig =
    NumericConfig::kafka("batch.size", Int, Some(0), Unit::Bytes, "ProducerConfig")
        .within(1, 1 << 20);
/// `linger.ms` (`ProducerConfig`, LONG, at least 0).
pub const LINGER_MS: NumericConfig =
    NumericConfig::kafka("linger.ms", Long, Some(0), Unit::Ms, "ProducerConfig").within(0, 60_000);
/// `max.in.flight.requests.per.connection` (`ProducerConfig`, INT, at least 1).
pub const MAX_IN_FLIGHT: NumericConfig = NumericConfig::kafka(
    "max.in.flight.requests.per.connection",
    Int,
    Some(1),
    Unit::None,
    "ProducerConfig",
)
.within(1, 100);
/// `request.timeout.ms` (`ProducerConfig`, INT, at least 0).
pub const REQUEST_TIMEOUT_MS: NumericConfig = NumericConfig::kafka(
    "request.timeout.ms",
    Int,
    Some(0),
    Unit::Ms,
    "ProducerConfig",
)
.within(1, 3_600_000);
/// `delivery.timeout.ms` (`ProducerConfig`, INT, at least 0).
pub const DELIVERY_TIMEOUT_MS: NumericConfig = NumericConfig::kafka(
    "delivery.timeout.ms",
    Int,
    Some(0),
    Unit::Ms,
    "ProducerConfig",
)
.within(1, 3_600_000);
/// `retry.backoff.ms` (`ProducerConfig`, LONG, at least 0).
pub const RETRY_BACKOFF_MS: NumericConfig = NumericConfig::kafka(
    "retry.backoff.ms",
    Long,
    Some(0),
    Unit::Ms,
    "ProducerConfig",
)
.within(0, 60_000);
/// `metadata.max.age.ms` (`ProducerConfig`, LONG, at least 0; a refresh
/// every 0 ms would never let time pass, so the simulator starts at 100).
pub const METADATA_MAX_AGE_MS: NumericConfig = NumericConfig::kafka(
    "metadata.max.age.ms",
    Long,
    Some(0),
    Unit::Ms,
    "ProducerConfig",
)
.within(100, 3_600_000);

// ----- consumer group --------------------------------------------------------

/// Members of a group at start (the simulator's own).
pub const MEMBERS: NumericConfig =
    NumericConfig::own(OwnSetting::Members, 0, MAX_MEMBERS as u64, Unit::None);
/// Processing time of one record (the simulator's own).
pub const PROCESSING_MS_PER_RECORD: NumericConfig =
    NumericConfig::own(OwnSetting::ProcessingTime, 0, 60_000, Unit::Ms);
/// `max.poll.records` (`ConsumerConfig`, INT, at least 1).
pub const MAX_POLL_RECORDS: NumericConfig = NumericConfig::kafka(
    "max.poll.records",
    Int,
    Some(1),
    Unit::None,
    "ConsumerConfig",
)
.within(1, 10_000);
/// `fetch.max.wait.ms` (`ConsumerConfig`, INT, at least 0).
pub const FETCH_MAX_WAIT_MS: NumericConfig = NumericConfig::kafka(
    "fetch.max.wait.ms",
    Int,
    Some(0),
    Unit::Ms,
    "ConsumerConfig",
)
.within(1, 60_000);
/// `auto.commit.interval.ms` (`ConsumerConfig`, INT, at least 0).
pub const AUTO_COMMIT_INTERVAL_MS: NumericConfig = NumericConfig::kafka(
    "auto.commit.interval.ms",
    Int,
    Some(0),
    Unit::Ms,
    "ConsumerConfig",
)
.within(1, MAX_GROUP_TIMEOUT_MS);
/// `heartbeat.interval.ms` (`ConsumerConfig`, INT, no range; it must be
/// lower than `session.timeout.ms`).
pub const HEARTBEAT_INTERVAL_MS: NumericConfig = NumericConfig::kafka(
    "heartbeat.interval.ms",
    Int,
    None,
    Unit::Ms,
    "ConsumerConfig",
)
.within(1, MAX_GROUP_TIMEOUT_MS);
/// `session.timeout.ms` (`ConsumerConfig`, INT, no range; the broker takes
/// `group.min.session.timeout.ms` 6000 to `group.max.session.timeout.ms`
/// 1800000, `GroupCoordinatorConfig`; the simulator takes shorter sessions
/// for teaching).
pub const SESSION_TIMEOUT_MS: NumericConfig =
    NumericConfig::kafka("session.timeout.ms", Int, None, Unit::Ms, "ConsumerConfig")
        .within(1, GROUP_MAX_SESSION_TIMEOUT_MS);
/// `max.poll.interval.ms` (`ConsumerConfig`, INT, at least 1).
pub const MAX_POLL_INTERVAL_MS: NumericConfig = NumericConfig::kafka(
    "max.poll.interval.ms",
    Int,
    Some(1),
    Unit::Ms,
    "ConsumerConfig",
)
.within(1, MAX_GROUP_TIMEOUT_MS);

/// Kafka's `group.max.session.timeout.ms` default (`GroupCoordinatorConfig`).
pub const GROUP_MAX_SESSION_TIMEOUT_MS: u64 = 1_800_000;
/// Kafka's `group.min.session.timeout.ms` default (`GroupCoordinatorConfig`);
/// the simulator does not enforce it, so sessions can be short for teaching.
pub const GROUP_MIN_SESSION_TIMEOUT_MS: u64 = 6_000;

/// `cleanup.policy`'s values (`LogConfig`'s `ValidList`).
pub const CLEANUP_POLICY_VALUES: ValueProblem = ValueProblem::NotOneOf(&["compact", "delete"]);

/// Every numeric setting, for the table in `docs/scenarios.md`.
pub const NUMERIC_CONFIGS: [&NumericConfig; 28] = [
    &NETWORK_LATENCY_MS,
    &EXTRA_LATENCY_MS,
    &REPLICA_LAG_TIME_MAX_MS,
    &BROKER_SESSION_TIMEOUT_MS,
    &LOG_RETENTION_CHECK_INTERVAL_MS,
    &MIN_INSYNC_REPLICAS,
    &SEGMENT_BYTES,
    &SEGMENT_MS,
    &DELETE_RETENTION_MS,
    &RETENTION_MS,
    &RETENTION_BYTES,
    &RECORDS_PER_SEC,
    &VALUE_BYTES,
    &BATCH_SIZE,
    &LINGER_MS,
    &MAX_IN_FLIGHT,
    &REQUEST_TIMEOUT_MS,
    &DELIVERY_TIMEOUT_MS,
    &RETRY_BACKOFF_MS,
    &METADATA_MAX_AGE_MS,
    &MEMBERS,
    &PROCESSING_MS_PER_RECORD,
    &MAX_POLL_RECORDS,
    &FETCH_MAX_WAIT_MS,
    &AUTO_COMMIT_INTERVAL_MS,
    &HEARTBEAT_INTERVAL_MS,
    &SESSION_TIMEOUT_MS,
    &MAX_POLL_INTERVAL_MS,
];

fn count(what: Counted, value: u64, min: u64, max: u64) -> Result<(), Refusal> {
    if value < min || value > max {
        Err(RefusalReason::CountOutOfRange {
            what,
            value,
            min,
            max,
        }
        .into())
    } else {
        Ok(())
    }
}

// ----- topics and logs ---------------------------------------------------------

/// Checks a topic's log settings as Kafka's `LogConfig.validate` does (its
/// `INVALID_CONFIG` wording). One difference, stated in the UI: Kafka 4
/// requires `segment.bytes` of at least 1 MiB (KIP-1030); the simulator
/// accepts Kafka 3's minimum of 14 bytes so segments show with small
/// teaching values.
pub fn validate_log_config(config: &LogConfig) -> Result<(), Refusal> {
    SEGMENT_BYTES.check(config.segment_bytes)?;
    SEGMENT_MS.check(config.segment_ms)?;
    if let Some(ms) = config.retention_ms {
        RETENTION_MS.check(ms)?;
    }
    if let Some(bytes) = config.retention_bytes {
        RETENTION_BYTES.check(bytes)?;
    }
    DELETE_RETENTION_MS.check(config.delete_retention_ms)?;
    let ratio = config.min_cleanable_dirty_ratio;
    if !(0.0..=1.0).contains(&ratio) {
        let why = if ratio > 1.0 {
            ValueProblem::NoMoreThan(1)
        } else if ratio < 0.0 {
            ValueProblem::AtLeast(0)
        } else {
            ValueProblem::NotANumber(KafkaType::Double)
        };
        return Err(invalid_value(
            &ratio.to_string(),
            "min.cleanable.dirty.ratio",
            why,
        ));
    }
    Ok(())
}

fn parse_long(name: &str, value: &str) -> Result<i64, Refusal> {
    value
        .trim()
        .parse::<i64>()
        .map_err(|_| invalid_value(value, name, ValueProblem::NotANumber(KafkaType::Long)))
}

/// `config` with the topic config `name` set to `value` (text, as
/// `kafka-configs --alter --add-config name=value` takes it), or Kafka's
/// refusal (`LogConfig`'s ranges).
pub fn with_topic_config(
    config: &LogConfig,
    name: &str,
    value: &str,
) -> Result<LogConfig, Refusal> {
    let mut c = *config;
    let long_at_least = |min: i64| -> Result<u64, Refusal> {
        let v = parse_long(name, value)?;
        if v < min {
            return Err(invalid_value(value, name, ValueProblem::AtLeast(min)));
        }
        Ok(v as u64)
    };
    match name {
        "retention.ms" => {
            let v = parse_long(name, value)?;
            if v < -1 {
                return Err(invalid_value(value, name, ValueProblem::AtLeast(-1)));
            }
            c.retention_ms = u64::try_from(v).ok();
        }
        "retention.bytes" => {
            // Any negative value means no limit.
            c.retention_bytes = u64::try_from(parse_long(name, value)?).ok();
        }
        "segment.bytes" => {
            let v = value.trim().parse::<i32>().map_err(|_| {
                invalid_value(value, name, ValueProblem::NotANumber(KafkaType::Int))
            })?;
            if v < 14 {
                return Err(invalid_value(value, name, ValueProblem::AtLeast(14)));
            }
            c.segment_bytes = v as u64;
        }
        "segment.ms" => c.segment_ms = long_at_least(1)?,
        "delete.retention.ms" => c.delete_retention_ms = long_at_least(0)?,
        "min.cleanable.dirty.ratio" => {
            // Same reading as `str::parse::<f64>`, without its tables.
            let v = super::decimal::parse_f64(value.trim())
                .filter(|v| v.is_finite())
                .ok_or_else(|| {
                    invalid_value(value, name, ValueProblem::NotANumber(KafkaType::Double))
                })?;
            c.min_cleanable_dirty_ratio = v;
        }
        "cleanup.policy" => {
            c.cleanup_policy = CleanupPolicy::parse(value)
                .ok_or_else(|| invalid_value(value, name, CLEANUP_POLICY_VALUES))?;
        }
        _ => {
            return Err(RefusalReason::UnknownTopicConfig {
                name: name.to_string(),
            }
            .into())
        }
    }
    validate_log_config(&c)?;
    Ok(c)
}

fn validate_topic_name(name: &str) -> Result<(), Refusal> {
    let legal = !name.is_empty()
        && name.len() <= 249
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_' || c == '-')
        && name != "."
        && name != "..";
    if legal {
        return Ok(());
    }
    // Kafka's `Topic.validate` cases.
    let problem = if name.is_empty() {
        TopicNameProblem::Empty
    } else if name == "." || name == ".." {
        TopicNameProblem::Dots
    } else if name.len() > 249 {
        TopicNameProblem::TooLong
    } else {
        TopicNameProblem::IllegalCharacters
    };
    Err(RefusalReason::InvalidTopicName {
        name: name.to_string(),
        problem,
    }
    .into())
}

// ----- producers -----------------------------------------------------------------

/// Checks one producer's settings: Kafka's ranges (`ProducerConfig`), the
/// simulator's limits, and Kafka's rule that `delivery.timeout.ms ≥
/// linger.ms + request.timeout.ms` (`KafkaProducer.configureDeliveryTimeout`).
pub fn validate_producer(p: &ProducerConfig) -> Result<(), Refusal> {
    count(
        Counted::ProducerNameBytes,
        p.name.len() as u64,
        1,
        MAX_NAME_BYTES as u64,
    )?;
    RECORDS_PER_SEC
        .check(p.records_per_sec.into())
        .map_err(|r| r.of(&p.name))?;
    count(
        Counted::KeysOf(p.name.clone()),
        p.keys.len() as u64,
        0,
        MAX_KEYS.into(),
    )?;
    if let Some(k) = p.keys.iter().find(|k| k.len() > MAX_TEXT_BYTES as usize) {
        count(Counted::KeyBytes, k.len() as u64, 0, MAX_TEXT_BYTES.into())?;
    }
    VALUE_BYTES.check(p.value_bytes.into())?;
    BATCH_SIZE.check(p.batch_size.into())?;
    LINGER_MS.check(p.linger_ms)?;
    MAX_IN_FLIGHT.check(p.max_in_flight.into())?;
    REQUEST_TIMEOUT_MS.check(p.request_timeout_ms)?;
    DELIVERY_TIMEOUT_MS.check(p.delivery_timeout_ms)?;
    RETRY_BACKOFF_MS.check(p.retry_backoff_ms)?;
    METADATA_MAX_AGE_MS.check(p.metadata_max_age_ms)?;
    if p.delivery_timeout_ms < p.linger_ms.saturating_add(p.request_timeout_ms) {
        return Err(RefusalReason::DeliveryTimeoutTooShort.into());
    }
    Ok(())
}

// ----- consumer groups -------------------------------------------------------------

/// Checks a group's configuration: Kafka's ranges (`ConsumerConfig`, the
/// broker's session bounds of `GroupCoordinatorConfig`) and the
/// simulator's limits.
pub fn validate_group(g: &GroupConfig, topic_exists: bool) -> Result<(), Refusal> {
    if g.group_id.is_empty() {
        return Err(RefusalReason::InvalidGroupId.into());
    }
    count(
        Counted::GroupIdBytes,
        g.group_id.len() as u64,
        1,
        MAX_GROUP_ID_BYTES as u64,
    )?;
    if !topic_exists {
        return Err(RefusalReason::GroupTopicUnknown {
            group: g.group_id.clone(),
            topic: g.topic.clone(),
        }
        .into());
    }
    count(
        Counted::MembersOf(g.group_id.clone()),
        g.members.into(),
        0,
        MAX_MEMBERS.into(),
    )?;
    MAX_POLL_RECORDS.check(g.max_poll_records.into())?;
    FETCH_MAX_WAIT_MS.check(g.fetch_max_wait_ms)?;
    AUTO_COMMIT_INTERVAL_MS.check(g.auto_commit_interval_ms)?;
    PROCESSING_MS_PER_RECORD.check(g.processing_ms_per_record)?;
    HEARTBEAT_INTERVAL_MS.check(g.heartbeat_interval_ms)?;
    if let Some(r) = SESSION_TIMEOUT_MS.kafka_refusal(g.session_timeout_ms) {
        return Err(r);
    }
    if g.session_timeout_ms > GROUP_MAX_SESSION_TIMEOUT_MS {
        // The coordinator answers JoinGroup with this (Errors.INVALID_SESSION_TIMEOUT).
        return Err(RefusalReason::SessionTimeoutOutsideBroker {
            session_ms: g.session_timeout_ms,
            max_ms: GROUP_MAX_SESSION_TIMEOUT_MS,
        }
        .into());
    }
    SESSION_TIMEOUT_MS.check(g.session_timeout_ms)?;
    MAX_POLL_INTERVAL_MS.check(g.max_poll_interval_ms)?;
    if g.heartbeat_interval_ms >= g.session_timeout_ms {
        // The consumer's `Heartbeat`: "Heartbeat must be set lower than the session timeout".
        return Err(RefusalReason::HeartbeatNotBelowSession.into());
    }
    if g.protocol == RebalanceProtocol::Cooperative && !g.assignor.supports_cooperative() {
        return Err(super::consumer::protocol_refusal(g.assignor));
    }
    Ok(())
}

// ----- the whole cluster -------------------------------------------------------------

/// Record copies the producers ask for per simulated second: each
/// producer's rate times its topic's replication factor (the work and
/// memory a cluster's traffic costs). `rate_of` gives each producer's rate.
fn record_copies_per_sec<'a>(
    config: &'a ClusterConfig,
    rate_of: impl Fn(usize, &'a ProducerConfig) -> u32,
) -> u64 {
    config
        .producers
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let rf = config
                .topics
                .iter()
                .find(|t| t.name == p.topic)
                .map_or(1, |t| t.replication_factor);
            u64::from(rate_of(i, p)) * u64::from(rf)
        })
        .sum()
}

/// Refuses traffic above [`MAX_RECORD_COPIES_PER_SEC`].
fn check_record_copies(copies: u64) -> Result<(), Refusal> {
    if copies > MAX_RECORD_COPIES_PER_SEC {
        return Err(RefusalReason::TrafficTooHigh {
            copies,
            max: MAX_RECORD_COPIES_PER_SEC,
        }
        .into());
    }
    Ok(())
}

/// Checks a producer's new rate against the cluster's traffic limit
/// ([`MAX_RECORD_COPIES_PER_SEC`]), the other producers at their current rates.
pub fn check_rate_change(
    config: &ClusterConfig,
    rates: &[u32],
    producer: usize,
    rate: u32,
) -> Result<(), Refusal> {
    RECORDS_PER_SEC.check(rate.into())?;
    check_record_copies(record_copies_per_sec(config, |i, _| {
        if i == producer {
            rate
        } else {
            rates.get(i).copied().unwrap_or(0)
        }
    }))
}

impl super::sim::Sim {
    /// Checks producer `p`'s new rate: the simulator's limit per producer
    /// and the cluster's traffic limit ([`MAX_RECORD_COPIES_PER_SEC`]).
    pub(crate) fn check_producer_rate(
        &self,
        p: super::ids::ProducerId,
        rate: u32,
    ) -> Result<(), Refusal> {
        let rates: Vec<u32> = self
            .producers
            .iter()
            .map(|x| x.config.records_per_sec)
            .collect();
        check_rate_change(&self.config, &rates, p.0 as usize, rate)
    }
}

/// Checks `replica.lag.time.max.ms`: a LONG, and at least
/// `replica.fetch.wait.max.ms` (`KafkaConfig`'s startup requirement).
pub fn check_replica_lag_time_max_ms(value: u64) -> Result<(), Refusal> {
    if let Some(r) = REPLICA_LAG_TIME_MAX_MS.kafka_refusal(value) {
        return Err(r);
    }
    let fetch_wait = super::replication::REPLICA_FETCH_WAIT_MAX_MS;
    if value < fetch_wait {
        return Err(RefusalReason::ReplicaLagBelowFetchWait {
            fetch_wait_ms: fetch_wait,
            lag_ms: value,
        }
        .into());
    }
    Ok(())
}

/// Refuses what Kafka would refuse and what passes the simulator's limits.
pub fn validate(config: &ClusterConfig) -> Result<(), Refusal> {
    count(
        Counted::Brokers,
        config.brokers.into(),
        1,
        MAX_BROKERS.into(),
    )?;
    NETWORK_LATENCY_MS.check(config.network_latency_ms)?;
    check_replica_lag_time_max_ms(config.replica_lag_time_max_ms)?;
    BROKER_SESSION_TIMEOUT_MS.check(config.broker_session_timeout_ms)?;
    LOG_RETENTION_CHECK_INTERVAL_MS.check(config.log_retention_check_interval_ms)?;
    count(
        Counted::Topics,
        config.topics.len() as u64,
        0,
        MAX_TOPICS.into(),
    )?;
    count(
        Counted::Producers,
        config.producers.len() as u64,
        0,
        MAX_PRODUCERS.into(),
    )?;
    count(
        Counted::Groups,
        config.groups.len() as u64,
        0,
        MAX_GROUPS.into(),
    )?;
    for (i, t) in config.topics.iter().enumerate() {
        validate_topic_name(&t.name)?;
        if config.topics[..i].iter().any(|o| o.name == t.name) {
            return Err(RefusalReason::TopicExists {
                name: t.name.clone(),
            }
            .into());
        }
        if t.partitions == 0 {
            return Err(RefusalReason::NoPartitions.into());
        }
        count(
            Counted::PartitionsOf(t.name.clone()),
            t.partitions.into(),
            1,
            MAX_PARTITIONS.into(),
        )?;
        if t.replication_factor == 0 {
            return Err(RefusalReason::ZeroReplicationFactor.into());
        }
        if t.replication_factor > config.brokers {
            return Err(RefusalReason::ReplicationFactorAboveBrokers {
                replication_factor: t.replication_factor,
                brokers: config.brokers,
            }
            .into());
        }
        validate_log_config(&t.log)?;
        MIN_INSYNC_REPLICAS.check(t.min_insync_replicas.into())?;
    }
    let known = |name: &str| config.topics.iter().any(|t| t.name == name);
    for p in &config.producers {
        if !known(&p.topic) {
            return Err(RefusalReason::ProducerTopicUnknown {
                producer: p.name.clone(),
                topic: p.topic.clone(),
            }
            .into());
        }
        validate_producer(p)?;
    }
    check_record_copies(record_copies_per_sec(config, |_, p| p.records_per_sec))?;
    for g in &config.groups {
        validate_group(g, known(&g.topic))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::config::{GroupConfig, TopicConfig};

    fn base() -> ClusterConfig {
        let mut t = TopicConfig::new("t", 3);
        t.replication_factor = 3;
        ClusterConfig {
            topics: vec![t],
            producers: vec![ProducerConfig::new("p", "t", 10, &["k"])],
            groups: vec![GroupConfig::new("g", "t", 1)],
            ..ClusterConfig::default()
        }
    }

    #[test]
    fn kafkas_ranges_give_kafkas_code_and_reason() {
        let mut c = base();
        c.producers[0].max_in_flight = 0;
        let r = validate(&c).unwrap_err();
        assert_eq!(
            r.code,
            Some(super::super::refusal::ErrorCode::InvalidConfig)
        );
        assert_eq!(
            r.reason,
            RefusalReason::InvalidValue {
                value: "0".into(),
                config: "max.in.flight.requests.per.connection".into(),
                problem: ValueProblem::AtLeast(1),
            }
        );
        let mut c = base();
        c.producers[0].metadata_max_age_ms = 0;
        let r = validate(&c).unwrap_err();
        assert_eq!(r.code, None);
        assert_eq!(
            r.reason,
            RefusalReason::OutOfRange {
                setting: Setting::Kafka("metadata.max.age.ms"),
                value: 0,
                min: 100,
                max: 3_600_000,
                unit: Unit::Ms,
                kafka: Some((0, i64::MAX as u64)),
            }
        );
    }

    #[test]
    fn traffic_is_bounded_by_record_copies_per_second() {
        let mut c = base();
        c.brokers = 16;
        c.topics[0].replication_factor = 16;
        c.producers = (0..8)
            .map(|i| ProducerConfig::new(&format!("p{i}"), "t", 10_000, &[]))
            .collect();
        assert_eq!(
            validate(&c).unwrap_err().reason,
            RefusalReason::TrafficTooHigh {
                copies: 1_280_000,
                max: 30_000
            }
        );
        let rates = [10_000; 8];
        assert!(check_rate_change(&c, &rates, 0, 0).is_err());
        c.producers.truncate(1);
        c.producers[0].records_per_sec = 1_000;
        assert!(validate(&c).is_ok());
        assert!(check_rate_change(&c, &[1_000], 0, 1_875).is_ok());
        assert!(check_rate_change(&c, &[1_000], 0, 1_876).is_err());
    }
}
