//! Refusals in the reader's language: `CODE: message` (Kafka's error code
//! stays as Kafka names it; the simulator's own limits have none), cut to
//! 1,000 characters, input quoted at most 200 characters. English is
//! Kafka's own wording, byte for byte, where Kafka has an error for it
//! (`Invalid value -2 for configuration retention.ms: Value must be at least
//! -1`); Korean says the same facts, side by side in one `match` per reason.
//! `Display` (English) for [`Refusal`] and [`Refused`] is implemented here,
//! outside the engine.

use std::fmt;

use crate::engine::network::Node;
use crate::engine::refusal::{
    Counted, OwnSetting, Refusal, RefusalReason, Setting, TopicNameProblem, Unit, ValueProblem,
};
use crate::timeline::Refused;

use super::lang::Lang;
use super::quote::{clip_message, quote_input as q};
use super::template::say;

/// What is wrong with a config value (the end of Kafka's `ConfigException`).
#[must_use]
pub fn value_problem(lang: Lang, p: ValueProblem) -> String {
    match p {
        ValueProblem::NotANumber(t) => say!(lang, kind = t.name();
            "Not a number of type {kind}",
            "{kind} 타입의 숫자가 아닙니다"),
        ValueProblem::AtLeast(n) => {
            say!(lang, n; "Value must be at least {n}", "{n} 이상이어야 합니다")
        }
        ValueProblem::NoMoreThan(n) => {
            say!(lang, n; "Value must be no more than {n}", "{n} 이하여야 합니다")
        }
        ValueProblem::NotOneOf(list) => say!(lang, list = list.join(", ");
            "String must be one of: {list}",
            "{list} 중 하나여야 합니다"),
    }
}

/// A numeric setting's name: Kafka's config name, or the simulator's own.
#[must_use]
pub fn setting(lang: Lang, s: Setting) -> &'static str {
    let own = match s {
        Setting::Kafka(name) => return name,
        Setting::Own(own) => own,
    };
    match own {
        OwnSetting::NetworkLatency => match lang {
            Lang::En => "network latency (ms)",
            Lang::Ko => "네트워크 지연(ms)",
        },
        OwnSetting::ExtraLatency => match lang {
            Lang::En => "extra latency (ms)",
            Lang::Ko => "추가 지연(ms)",
        },
        OwnSetting::RecordsPerSec => match lang {
            Lang::En => "records/s of a producer",
            Lang::Ko => "프로듀서의 초당 레코드 수",
        },
        OwnSetting::ValueBytes => match lang {
            Lang::En => "a value's size",
            Lang::Ko => "값의 크기",
        },
        OwnSetting::Members => match lang {
            Lang::En => "members",
            Lang::Ko => "멤버 수",
        },
        OwnSetting::ProcessingTime => match lang {
            Lang::En => "processing time per record",
            Lang::Ko => "레코드 하나의 처리 시간",
        },
    }
}

/// A unit, for messages (empty for a plain count).
#[must_use]
pub fn unit(lang: Lang, u: Unit) -> &'static str {
    match u {
        Unit::None => "",
        Unit::Ms => "ms",
        Unit::Bytes => match lang {
            Lang::En => "bytes",
            Lang::Ko => "B",
        },
        Unit::RecordsPerSec => match lang {
            Lang::En => "records/s",
            Lang::Ko => "레코드/초",
        },
    }
}

/// The simulator's range in words, with Kafka's beside it when wider.
fn range(lang: Lang, min: u64, max: u64, u: Unit, kafka: Option<(u64, u64)>) -> String {
    let unit = match unit(lang, u) {
        "" => String::new(),
        u => format!(" {u}"),
    };
    match kafka {
        None => say!(lang, min, max, unit;
            "kafkascope takes {min} to {max}{unit}",
            "kafkascope는 {min}부터 {max}{unit}까지 받습니다"),
        Some((kafka_min, kafka_max)) => say!(lang, min, max, unit, kafka_min, kafka_max;
            "kafkascope takes {min} to {max}{unit} (Kafka: {kafka_min} to {kafka_max})",
            "kafkascope는 {min}부터 {max}{unit}까지 받습니다 (Kafka: {kafka_min}부터 {kafka_max}까지)"),
    }
}

fn counted(lang: Lang, c: &Counted) -> String {
    match c {
        Counted::Brokers => say!(lang; "the number of brokers", "브로커 수"),
        Counted::Topics => say!(lang; "the number of topics", "토픽 수"),
        Counted::Producers => say!(lang; "the number of producers", "프로듀서 수"),
        Counted::Groups => say!(lang; "the number of groups", "그룹 수"),
        Counted::ProducerNameBytes => say!(lang;
            "the length of a producer's name (bytes)",
            "프로듀서 이름의 길이(바이트)"),
        Counted::KeysOf(topic) => {
            say!(lang, topic = q(topic); "the key count of {topic}", "{topic}의 키 개수")
        }
        Counted::KeyBytes => say!(lang; "a key's length (bytes)", "키 하나의 길이(바이트)"),
        Counted::GroupIdBytes => {
            say!(lang; "the length of group.id (bytes)", "group.id의 길이(바이트)")
        }
        Counted::MembersOf(group) => {
            say!(lang, group = q(group); "the members of {group}", "{group}의 멤버 수")
        }
        Counted::PartitionsOf(topic) => say!(lang, topic = q(topic);
            "the partition count of {topic}",
            "{topic}의 파티션 수"),
    }
}

fn node(n: Node) -> String {
    match n {
        Node::Broker(b) => b.to_string(),
        Node::Producer(p) => p.to_string(),
        Node::Member(m) => m.to_string(),
    }
}

/// Why, in `lang` (without the error code).
#[must_use]
pub fn reason(lang: Lang, r: &RefusalReason) -> String {
    use RefusalReason as R;
    match r {
        R::InvalidValue {
            value,
            config,
            problem,
        } => {
            say!(lang, value = q(value), config = q(config), problem = value_problem(lang, *problem);
                "Invalid value {value} for configuration {config}: {problem}",
                "설정 {config}의 값 {value}{이} 올바르지 않습니다: {problem}")
        }
        R::UnknownTopicConfig { name } => say!(lang, name = q(name);
            "Unknown topic config name: {name}",
            "알 수 없는 토픽 설정 이름: {name}"),
        R::OutOfRange {
            setting: s,
            value,
            min,
            max,
            unit: u,
            kafka,
        } => say!(lang,
            setting = setting(lang, *s), value, range = range(lang, *min, *max, *u, *kafka);
            "{setting} is {value}; {range}",
            "{setting}{은} {value}입니다. {range}"),
        R::CountOutOfRange {
            what,
            value,
            min,
            max,
        } => say!(lang, what = counted(lang, what), value, min, max;
            "{what} is {value}; it must be from {min} to {max}",
            "{what}{은} {value}입니다. {min}부터 {max}까지여야 합니다"),
        R::Of { subject, reason: r } => say!(lang, subject = q(subject), reason = reason(lang, r);
            "{subject}: {reason}",
            "{subject}: {reason}"),
        R::DeliveryTimeoutTooShort => say!(lang;
            "delivery.timeout.ms should be equal to or larger than linger.ms + request.timeout.ms",
            "delivery.timeout.ms는 linger.ms + request.timeout.ms 이상이어야 합니다"),
        R::InvalidGroupId => {
            say!(lang; "The configured groupId is invalid", "설정된 groupId가 올바르지 않습니다")
        }
        R::GroupTopicUnknown { group, topic } => say!(lang, group = q(group), topic = q(topic);
            "{group}: topic {topic} does not exist",
            "{group}: 토픽 {topic}{이} 없습니다"),
        R::ProducerTopicUnknown { producer, topic } => {
            say!(lang, producer = q(producer), topic = q(topic);
                "{producer}: topic {topic} does not exist (auto-creation is off here)",
                "{producer}: 토픽 {topic}{이} 없습니다 (여기서는 자동 생성이 꺼져 있습니다)")
        }
        R::SessionTimeoutOutsideBroker { session_ms, max_ms } => say!(lang, session_ms, max_ms;
            "The session timeout is not within the range allowed by the broker (as configured by group.min.session.timeout.ms and group.max.session.timeout.ms): session.timeout.ms is {session_ms}, group.max.session.timeout.ms {max_ms}",
            "세션 타임아웃이 브로커가 허용하는 범위(group.min.session.timeout.ms와 group.max.session.timeout.ms로 설정) 밖입니다: session.timeout.ms {session_ms}, group.max.session.timeout.ms {max_ms}"),
        R::HeartbeatNotBelowSession => say!(lang;
            "heartbeat.interval.ms must be lower than session.timeout.ms",
            "heartbeat.interval.ms는 session.timeout.ms보다 작아야 합니다"),
        R::CooperativeNeedsCooperativeSticky { assignor } => {
            say!(lang, assignor = assignor.class_name();
                "the {assignor} supports only the EAGER rebalance protocol; COOPERATIVE needs the CooperativeStickyAssignor",
                "{assignor}{는} EAGER 리밸런스 프로토콜만 지원합니다. COOPERATIVE에는 CooperativeStickyAssignor가 필요합니다")
        }
        R::TrafficTooHigh { copies, max } => {
            say!(lang, copies, max, over = format!("{:.1}", *copies as f64 / *max as f64);
                "the producers would write {copies} record copies per simulated second (records/s × replication factor, summed over producers); kafkascope takes at most {max} ({over}× over)",
                "프로듀서들이 시뮬레이션 1초에 레코드 복사본 {copies}개를 쓰게 됩니다 (초당 레코드 × 복제 계수, 프로듀서 합계). kafkascope는 최대 {max}개까지 받습니다 ({over}배 초과)")
        }
        R::ReplicaLagBelowFetchWait {
            fetch_wait_ms,
            lag_ms,
        } => say!(lang, fetch_wait_ms, lag_ms;
            "requirement failed: replica.fetch.wait.max.ms should always be less than or equal to replica.lag.time.max.ms to prevent frequent changes in ISR (replica.fetch.wait.max.ms is {fetch_wait_ms}, replica.lag.time.max.ms {lag_ms})",
            "요구 조건 불충족: ISR이 자주 바뀌지 않도록 replica.fetch.wait.max.ms는 replica.lag.time.max.ms 이하여야 합니다 (replica.fetch.wait.max.ms {fetch_wait_ms}, replica.lag.time.max.ms {lag_ms})"),
        R::InvalidTopicName { name, problem } => {
            let name = q(name);
            let why = match problem {
                TopicNameProblem::Empty => say!(lang;
                    "the empty string is not allowed",
                    "빈 문자열은 쓸 수 없습니다"),
                TopicNameProblem::Dots => {
                    say!(lang, name; "'{name}' is not allowed", "'{name}'{는} 쓸 수 없습니다")
                }
                TopicNameProblem::TooLong => say!(lang, name;
                    "the length of '{name}' is longer than the max allowed length 249",
                    "'{name}'의 길이가 최대 길이 249를 넘습니다"),
                TopicNameProblem::IllegalCharacters => say!(lang, name;
                    "'{name}' contains one or more characters other than ASCII alphanumerics, '.', '_' and '-'",
                    "'{name}'에 영문자, 숫자, '.', '_', '-' 밖의 문자가 있습니다"),
            };
            say!(lang, why; "Topic name is invalid: {why}", "토픽 이름이 올바르지 않습니다: {why}")
        }
        R::TopicExists { name } => say!(lang, name = q(name);
            "Topic '{name}' already exists.",
            "토픽 '{name}'{는} 이미 있습니다."),
        R::NoPartitions => {
            say!(lang; "Number of partitions was set to an invalid non-positive value.", "파티션 수가 0 이하의 잘못된 값으로 정해졌습니다.")
        }
        R::ZeroReplicationFactor => {
            say!(lang; "Replication factor must be larger than 0, or -1 to use the default value.", "복제 계수는 0보다 커야 합니다. 기본값을 쓰려면 -1입니다.")
        }
        R::ReplicationFactorAboveBrokers {
            replication_factor,
            brokers,
        } => say!(lang, replication_factor, brokers;
            "Unable to replicate the partition {replication_factor} time(s): The target replication factor of {replication_factor} cannot be reached because only {brokers} broker(s) are registered.",
            "파티션을 {replication_factor}번 복제할 수 없습니다: 복제 계수 {replication_factor}에 이를 수 없습니다. 등록된 브로커가 {brokers}개뿐입니다."),
        R::TopicNotHosted => say!(lang;
            "This server does not host this topic-partition.",
            "이 서버는 이 토픽 파티션을 가지고 있지 않습니다."),
        R::PartitionsNotIncreased {
            topic,
            current,
            total,
        } => say!(lang, topic = q(topic), current, total;
            "The topic {topic} currently has {current} partition(s); {total} would not be an increase.",
            "토픽 {topic}의 파티션은 지금 {current}개입니다. {total}개는 늘리는 것이 아닙니다."),
        R::PartitionsUnchanged { current } => say!(lang, current;
            "Topic already has {current} partition(s).",
            "토픽의 파티션은 이미 {current}개입니다."),
        R::TooManyPartitions { total, max } => say!(lang, total, max;
            "{total} partitions is above the limit of {max} per topic here",
            "파티션 {total}개는 여기서 토픽당 한도 {max}개를 넘습니다"),
        R::AllBrokersFenced => {
            say!(lang; "All brokers are currently fenced.", "모든 브로커가 지금 격리되어 있습니다.")
        }
        R::NoSuchNode(n) => {
            say!(lang, node = node(*n); "there is no {node}", "{node}{가} 없습니다")
        }
        R::NoSuchTopic(topic) => say!(lang, topic; "there is no {topic}", "{topic}{이} 없습니다"),
        R::RecordTooLarge { max } => say!(lang, max;
            "keys and values are limited to {max} bytes here",
            "키와 값은 여기서 {max}바이트까지입니다"),
        R::InvalidPartition {
            partition,
            partitions,
        } => say!(lang, partition, partitions;
            "Invalid partition given with record: {partition} is not in the range [0...{partitions}).",
            "레코드에 지정한 파티션이 올바르지 않습니다: {partition}{는} [0...{partitions}) 범위 밖입니다."),
        R::SyncProducerWaiting { producer } => say!(lang, producer = q(producer);
            "{producer} is in sync mode and still waits for the acknowledgement of its last record (send().get() has not returned)",
            "{producer}{는} 동기 모드이고 마지막 레코드의 확인 응답을 아직 기다립니다 (send().get()이 돌아오지 않음)"),
        R::ProducerIdentityFixed => say!(lang;
            "a producer's name and topic stay as created; add another producer instead",
            "프로듀서의 이름과 토픽은 만들 때 그대로입니다. 프로듀서를 하나 더 추가하세요"),
        R::UnknownMember(member) => say!(lang, member;
            "The coordinator is not aware of this member ({member}).",
            "코디네이터가 이 멤버({member})를 모릅니다."),
        R::GroupNotFound(group) => {
            say!(lang, group; "The group {group} does not exist.", "그룹 {group}{은} 없습니다.")
        }
        R::GroupFull { max } => say!(lang, max;
            "a group has at most {max} members here",
            "여기서 그룹의 멤버는 최대 {max}명입니다"),
        R::InvalidInstanceId => say!(lang;
            "group.instance.id must be 1 to 249 bytes",
            "group.instance.id는 1~249바이트여야 합니다"),
        R::InstanceIdInUse { id } => say!(lang, id = q(id);
            "group.instance.id {id} is in use: a second consumer with it would fence the first",
            "group.instance.id {id}{가} 이미 쓰이고 있습니다: 같은 식별자를 쓰는 두 번째 컨슈머는 첫 번째를 밀어냅니다"),
        R::GroupExists { id } => say!(lang, id = q(id);
            "group {id} already exists: add members to it instead",
            "그룹 {id}{가} 이미 있습니다: 그 그룹에 멤버를 추가하세요"),
        R::NoCurrentAssignment { partition } => say!(lang, partition = q(partition);
            "No current assignment for partition {partition}",
            "파티션 {partition}에 지금 할당된 멤버가 없습니다"),
        R::NotAGroupCommand(command) => say!(lang, command;
            "not a consumer-group command: {command}",
            "컨슈머 그룹 명령이 아닙니다: {command}"),
        R::BrokerAlreadyStopped(broker) => {
            say!(lang, broker; "{broker} is already stopped", "{broker}{가} 이미 멈춰 있습니다")
        }
        R::BrokerAlreadyRunning(broker) => {
            say!(lang, broker; "{broker} is already running", "{broker}{가} 이미 실행 중입니다")
        }
        R::LinkToItself => say!(lang;
            "a link joins two different nodes",
            "네트워크 연결은 서로 다른 두 노드를 잇습니다"),
        R::CompareTooLong { max } => say!(lang, max;
            "a comparison streams at most {max} records",
            "비교는 레코드를 최대 {max}개까지 흘려 보냅니다"),
        R::CompareSpecInvalid => say!(lang;
            "the null-key share is a percentage and the rate must be above 0",
            "null 키 비율은 백분율이고 전송 속도는 0보다 커야 합니다"),
    }
}

/// A refusal in `lang`.
#[must_use]
pub fn refusal(lang: Lang, r: &Refusal) -> String {
    let message = clip_message(&reason(lang, &r.reason));
    match r.code {
        Some(code) => format!("{}: {message}", code.name()),
        None => message,
    }
}

/// A command a history did not take, in `lang`.
#[must_use]
pub fn history_refusal(lang: Lang, r: &Refused) -> String {
    match r {
        Refused::Engine(r) => refusal(lang, r),
        Refused::HistoryFull { max } => say!(lang, max;
            "a history holds at most {max} commands",
            "기록에는 명령을 최대 {max}개까지 담습니다"),
        Refused::InPast => say!(lang;
            "a history is rebuilt from its start, never in its past",
            "기록은 처음부터 다시 만들 뿐, 과거에 끼워 넣지 않습니다"),
        Refused::Loading => say!(lang;
            "the scene is still loading; wait or cancel first",
            "아직 장면을 불러오는 중입니다. 기다리거나 먼저 취소하세요"),
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&refusal(Lang::En, self))
    }
}

impl std::error::Error for Refusal {}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&history_refusal(Lang::En, self))
    }
}

impl std::error::Error for Refused {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korean_says_the_same_facts() {
        assert_eq!(
            reason(
                Lang::Ko,
                &RefusalReason::ReplicationFactorAboveBrokers {
                    replication_factor: 4,
                    brokers: 3
                }
            ),
            "파티션을 4번 복제할 수 없습니다: 복제 계수 4에 이를 수 없습니다. 등록된 브로커가 3개뿐입니다."
        );
        assert_eq!(
            reason(
                Lang::Ko,
                &RefusalReason::BrokerAlreadyStopped(crate::engine::BrokerId(1))
            ),
            "broker-1이 이미 멈춰 있습니다"
        );
    }
}
