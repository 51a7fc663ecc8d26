//! Refusals in English: Kafka's own words, byte for byte, where Kafka has
//! an error for it (`Invalid value -2 for configuration retention.ms: Value
//! must be at least -1`), and plain words for the simulator's own limits.
//! `Display` for [`Refusal`] is `CODE: message` (the message alone for the
//! simulator's limits), input quoted at most 200 characters.

use std::fmt;

use crate::engine::network::Node;
use crate::engine::refusal::{
    Counted, OwnSetting, Refusal, RefusalReason, Setting, TopicNameProblem, Unit, ValueProblem,
};

use super::quote::{clip_message, quote_input as q};
use crate::timeline::Refused;

/// What is wrong with a config value, as Kafka's `ConfigException` ends.
#[must_use]
pub fn value_problem(p: ValueProblem) -> String {
    match p {
        ValueProblem::NotANumber(t) => format!("Not a number of type {}", t.name()),
        ValueProblem::AtLeast(n) => format!("Value must be at least {n}"),
        ValueProblem::NoMoreThan(n) => format!("Value must be no more than {n}"),
        ValueProblem::NotOneOf(list) => format!("String must be one of: {}", list.join(", ")),
    }
}

/// A numeric setting's name: Kafka's config name, or the simulator's own.
#[must_use]
pub fn setting(s: Setting) -> &'static str {
    match s {
        Setting::Kafka(name) => name,
        Setting::Own(own) => match own {
            OwnSetting::NetworkLatency => "network latency (ms)",
            OwnSetting::ExtraLatency => "extra latency (ms)",
            OwnSetting::RecordsPerSec => "records/s of a producer",
            OwnSetting::ValueBytes => "a value's size",
            OwnSetting::Members => "members",
            OwnSetting::ProcessingTime => "processing time per record",
        },
    }
}

/// A unit, for messages (empty for a plain count).
#[must_use]
pub fn unit(u: Unit) -> &'static str {
    match u {
        Unit::None => "",
        Unit::Ms => "ms",
        Unit::Bytes => "bytes",
        Unit::RecordsPerSec => "records/s",
    }
}

/// The simulator's range in words, with Kafka's beside it when wider.
#[must_use]
pub fn range(min: u64, max: u64, u: Unit, kafka: Option<(u64, u64)>) -> String {
    let unit = match unit(u) {
        "" => String::new(),
        u => format!(" {u}"),
    };
    let own = format!("kafkascope takes {min} to {max}{unit}");
    match kafka {
        None => own,
        Some((kmin, kmax)) => format!("{own} (Kafka: {kmin} to {kmax})"),
    }
}

fn counted(c: &Counted) -> String {
    match c {
        Counted::Brokers => "the number of brokers".into(),
        Counted::Topics => "the number of topics".into(),
        Counted::Producers => "the number of producers".into(),
        Counted::Groups => "the number of groups".into(),
        Counted::ProducerNameBytes => "the length of a producer's name (bytes)".into(),
        Counted::KeysOf(name) => format!("the key count of {}", q(name)),
        Counted::KeyBytes => "a key's length (bytes)".into(),
        Counted::GroupIdBytes => "the length of group.id (bytes)".into(),
        Counted::MembersOf(id) => format!("the members of {}", q(id)),
        Counted::PartitionsOf(name) => format!("the partition count of {}", q(name)),
    }
}

fn node(n: Node) -> String {
    match n {
        Node::Broker(b) => b.to_string(),
        Node::Producer(p) => p.to_string(),
        Node::Member(m) => m.to_string(),
    }
}

/// Why, in words (without the error code).
#[must_use]
pub fn reason(r: &RefusalReason) -> String {
    use RefusalReason as R;
    match r {
        R::InvalidValue {
            value,
            config,
            problem,
        } => format!(
            "Invalid value {} for configuration {}: {}",
            q(value),
            q(config),
            value_problem(*problem)
        ),
        R::UnknownTopicConfig { name } => format!("Unknown topic config name: {}", q(name)),
        R::OutOfRange {
            setting: s,
            value,
            min,
            max,
            unit: u,
            kafka,
        } => format!("{} is {value}; {}", setting(*s), range(*min, *max, *u, *kafka)),
        R::CountOutOfRange {
            what,
            value,
            min,
            max,
        } => format!("{} is {value}; it must be from {min} to {max}", counted(what)),
        R::Of { subject, reason: r } => format!("{}: {}", q(subject), reason(r)),
        R::DeliveryTimeoutTooShort => {
            "delivery.timeout.ms should be equal to or larger than linger.ms + request.timeout.ms"
                .into()
        }
        R::InvalidGroupId => "The configured groupId is invalid".into(),
        R::GroupTopicUnknown { group, topic } => {
            format!("{}: topic {} does not exist", q(group), q(topic))
        }
        R::ProducerTopicUnknown { producer, topic } => format!(
            "{}: topic {} does not exist (auto-creation is off here)",
            q(producer),
            q(topic)
        ),
        R::SessionTimeoutOutsideBroker { session_ms, max_ms } => format!(
            "The session timeout is not within the range allowed by the broker (as configured by group.min.session.timeout.ms and group.max.session.timeout.ms): session.timeout.ms is {session_ms}, group.max.session.timeout.ms {max_ms}"
        ),
        R::HeartbeatNotBelowSession => {
            "heartbeat.interval.ms must be lower than session.timeout.ms".into()
        }
        R::CooperativeNeedsCooperativeSticky { assignor } => format!(
            "the {} supports only the EAGER rebalance protocol; COOPERATIVE needs the CooperativeStickyAssignor",
            assignor.class_name()
        ),
        R::TrafficTooHigh { copies, max } => format!(
            "the producers would write {copies} record copies per simulated second (records/s × replication factor, summed over producers); kafkascope takes at most {max} ({:.1}× over)",
            *copies as f64 / *max as f64
        ),
        R::ReplicaLagBelowFetchWait {
            fetch_wait_ms,
            lag_ms,
        } => format!(
            "requirement failed: replica.fetch.wait.max.ms should always be less than or equal to replica.lag.time.max.ms to prevent frequent changes in ISR (replica.fetch.wait.max.ms is {fetch_wait_ms}, replica.lag.time.max.ms {lag_ms})"
        ),
        R::InvalidTopicName { name, problem } => {
            let why = match problem {
                TopicNameProblem::Empty => "the empty string is not allowed".to_string(),
                TopicNameProblem::Dots => format!("'{}' is not allowed", q(name)),
                TopicNameProblem::TooLong => format!(
                    "the length of '{}' is longer than the max allowed length 249",
                    q(name)
                ),
                TopicNameProblem::IllegalCharacters => format!(
                    "'{}' contains one or more characters other than ASCII alphanumerics, '.', '_' and '-'",
                    q(name)
                ),
            };
            format!("Topic name is invalid: {why}")
        }
        R::TopicExists { name } => format!("Topic '{}' already exists.", q(name)),
        R::NoPartitions => "Number of partitions must be larger than 0.".into(),
        R::ZeroReplicationFactor => "Replication factor must be larger than 0.".into(),
        R::ReplicationFactorAboveBrokers {
            replication_factor,
            brokers,
        } => format!(
            "The target replication factor of {replication_factor} cannot be reached because only {brokers} broker(s) are registered."
        ),
        R::TopicNotHosted => "This server does not host this topic-partition.".into(),
        R::PartitionsNotIncreased {
            topic,
            current,
            total,
        } => format!(
            "The topic {} currently has {current} partition(s); {total} would not be an increase.",
            q(topic)
        ),
        R::PartitionsUnchanged { current } => {
            format!("Topic already has {current} partition(s).")
        }
        R::TooManyPartitions { total, max } => {
            format!("{total} partitions is above the limit of {max} per topic here")
        }
        R::AllBrokersFenced => "All brokers are currently fenced.".into(),
        R::NoSuchNode(n) => format!("there is no {}", node(*n)),
        R::NoSuchTopic(t) => format!("there is no {t}"),
        R::RecordTooLarge { max } => format!("keys and values are limited to {max} bytes here"),
        R::InvalidPartition {
            partition,
            partitions,
        } => format!(
            "Invalid partition given with record: {partition} is not in the range [0...{partitions})."
        ),
        R::SyncProducerWaiting { producer } => format!(
            "{} is in sync mode and still waits for the acknowledgement of its last record (send().get() has not returned)",
            q(producer)
        ),
        R::ProducerIdentityFixed => {
            "a producer's name and topic stay as created; add another producer instead".into()
        }
        R::UnknownMember(m) => format!("The coordinator is not aware of this member ({m})."),
        R::GroupNotFound(g) => format!("The group {g} does not exist."),
        R::GroupFull { max } => format!("a group has at most {max} members here"),
        R::InvalidInstanceId => "group.instance.id must be 1 to 249 bytes".into(),
        R::InstanceIdInUse { id } => format!(
            "group.instance.id {} is in use: a second consumer with it would fence the first",
            q(id)
        ),
        R::GroupExists { id } => {
            format!("group {} already exists: add members to it instead", q(id))
        }
        R::NoCurrentAssignment { partition } => {
            format!("No current assignment for partition {}", q(partition))
        }
        R::NotAGroupCommand(command) => format!("not a consumer-group command: {command}"),
        R::BrokerAlreadyStopped(b) => format!("{b} is already stopped"),
        R::BrokerAlreadyRunning(b) => format!("{b} is already running"),
        R::LinkToItself => "a link joins two different nodes".into(),
        R::CompareTooLong { max } => format!("a comparison streams at most {max} records"),
        R::CompareSpecInvalid => {
            "the null-key share is a percentage and the rate must be above 0".into()
        }
    }
}

/// The whole refusal in English: `CODE: message`, cut to 1,000 characters.
#[must_use]
pub fn refusal(r: &Refusal) -> String {
    let message = clip_message(&reason(&r.reason));
    match r.code {
        Some(code) => format!("{}: {message}", code.name()),
        None => message,
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&refusal(self))
    }
}

impl std::error::Error for Refusal {}

/// A command a history did not take, in English.
#[must_use]
pub fn history_refusal(r: &Refused) -> String {
    match r {
        Refused::Engine(r) => refusal(r),
        Refused::HistoryFull { max } => format!("a history holds at most {max} commands"),
        Refused::InPast => "a history is rebuilt from its start, never in its past".into(),
        Refused::Loading => "the scene is still loading; wait or cancel first".into(),
    }
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&history_refusal(self))
    }
}

impl std::error::Error for Refused {}
