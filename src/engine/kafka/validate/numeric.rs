//! Every numeric setting with Kafka's name, type and lower bound
//! (`ConfigDef`), and the simulator's own narrower range; the refusal in
//! Kafka's words when a value is out of range.

use crate::engine::vocab::limits::*;
use crate::engine::vocab::refusal::{
    Counted, KafkaType, OwnSetting, Refusal, RefusalReason, Setting, Unit, ValueProblem,
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

/// Checks a count against the simulator's range for it.
pub(super) fn count(what: Counted, value: u64, min: u64, max: u64) -> Result<(), Refusal> {
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
