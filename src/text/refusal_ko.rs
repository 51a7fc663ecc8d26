//! Refusals in Korean: the same facts as Kafka's English
//! ([`refusal_en`](super::refusal_en)); Kafka's error code, config names and
//! values stay as Kafka writes them. Every field is used (no `..`).

use crate::engine::network::Node;
use crate::engine::refusal::{
    Counted, OwnSetting, RefusalReason, Setting, TopicNameProblem, Unit, ValueProblem,
};
use crate::engine::Refusal;
use crate::timeline::Refused;

use super::particle::{ga, neun};
use super::quote::quote_input as q;

/// What is wrong with a config value.
#[must_use]
pub fn value_problem(p: ValueProblem) -> String {
    match p {
        ValueProblem::NotANumber(t) => format!("{} 타입의 숫자가 아닙니다", t.name()),
        ValueProblem::AtLeast(n) => format!("{n} 이상이어야 합니다"),
        ValueProblem::NoMoreThan(n) => format!("{n} 이하여야 합니다"),
        ValueProblem::NotOneOf(list) => format!("{} 중 하나여야 합니다", list.join(", ")),
    }
}

/// A numeric setting's name.
#[must_use]
pub fn setting(s: Setting) -> &'static str {
    match s {
        Setting::Kafka(name) => name,
        Setting::Own(own) => match own {
            OwnSetting::NetworkLatency => "네트워크 지연(ms)",
            OwnSetting::ExtraLatency => "추가 지연(ms)",
            OwnSetting::RecordsPerSec => "프로듀서의 초당 레코드 수",
            OwnSetting::ValueBytes => "값의 크기",
            OwnSetting::Members => "멤버 수",
            OwnSetting::ProcessingTime => "레코드 하나의 처리 시간",
        },
    }
}

/// A unit (empty for a plain count).
#[must_use]
pub fn unit(u: Unit) -> &'static str {
    match u {
        Unit::None => "",
        Unit::Ms => "ms",
        Unit::Bytes => "B",
        Unit::RecordsPerSec => "레코드/초",
    }
}

fn range(min: u64, max: u64, u: Unit, kafka: Option<(u64, u64)>) -> String {
    let unit = match unit(u) {
        "" => String::new(),
        u => format!(" {u}"),
    };
    let own = format!("kafkascope는 {min}부터 {max}{unit}까지 받습니다");
    match kafka {
        None => own,
        Some((kmin, kmax)) => format!("{own} (Kafka: {kmin}부터 {kmax}까지)"),
    }
}

fn counted(c: &Counted) -> String {
    match c {
        Counted::Brokers => "브로커 수".into(),
        Counted::Topics => "토픽 수".into(),
        Counted::Producers => "프로듀서 수".into(),
        Counted::Groups => "그룹 수".into(),
        Counted::ProducerNameBytes => "프로듀서 이름의 길이(바이트)".into(),
        Counted::KeysOf(name) => format!("{}의 키 개수", q(name)),
        Counted::KeyBytes => "키 하나의 길이(바이트)".into(),
        Counted::GroupIdBytes => "group.id의 길이(바이트)".into(),
        Counted::MembersOf(id) => format!("{}의 멤버 수", q(id)),
        Counted::PartitionsOf(name) => format!("{}의 파티션 수", q(name)),
    }
}

fn node(n: Node) -> String {
    match n {
        Node::Broker(b) => b.to_string(),
        Node::Producer(p) => p.to_string(),
        Node::Member(m) => m.to_string(),
    }
}

/// Why, in Korean (without the error code).
#[must_use]
pub fn reason(r: &RefusalReason) -> String {
    use RefusalReason as R;
    match r {
        R::InvalidValue {
            value,
            config,
            problem,
        } => format!(
            "설정 {}의 값 {} 올바르지 않습니다: {}",
            q(config),
            ga(&q(value)),
            value_problem(*problem)
        ),
        R::UnknownTopicConfig { name } => format!("알 수 없는 토픽 설정 이름: {}", q(name)),
        R::OutOfRange {
            setting: s,
            value,
            min,
            max,
            unit: u,
            kafka,
        } => format!(
            "{} {value}입니다. {}",
            neun(setting(*s)),
            range(*min, *max, *u, *kafka)
        ),
        R::CountOutOfRange {
            what,
            value,
            min,
            max,
        } => format!(
            "{} {value}입니다. {min}부터 {max}까지여야 합니다",
            neun(&counted(what))
        ),
        R::Of { subject, reason: r } => format!("{}: {}", q(subject), reason(r)),
        R::DeliveryTimeoutTooShort => {
            "delivery.timeout.ms는 linger.ms + request.timeout.ms 이상이어야 합니다".into()
        }
        R::InvalidGroupId => "설정된 groupId가 올바르지 않습니다".into(),
        R::GroupTopicUnknown { group, topic } => {
            format!("{}: 토픽 {} 없습니다", q(group), ga(&q(topic)))
        }
        R::ProducerTopicUnknown { producer, topic } => format!(
            "{}: 토픽 {} 없습니다 (여기서는 자동 생성이 꺼져 있습니다)",
            q(producer),
            ga(&q(topic))
        ),
        R::SessionTimeoutOutsideBroker { session_ms, max_ms } => format!(
            "세션 타임아웃이 브로커가 허용하는 범위(group.min.session.timeout.ms와 group.max.session.timeout.ms로 설정) 밖입니다: session.timeout.ms {session_ms}, group.max.session.timeout.ms {max_ms}"
        ),
        R::HeartbeatNotBelowSession => {
            "heartbeat.interval.ms는 session.timeout.ms보다 작아야 합니다".into()
        }
        R::CooperativeNeedsCooperativeSticky { assignor } => format!(
            "{} EAGER 리밸런스 프로토콜만 지원합니다. COOPERATIVE에는 CooperativeStickyAssignor가 필요합니다",
            neun(assignor.class_name())
        ),
        R::TrafficTooHigh { copies, max } => format!(
            "프로듀서들이 시뮬레이션 1초에 레코드 복사본 {copies}개를 쓰게 됩니다 (초당 레코드 × 복제 계수, 프로듀서 합계). kafkascope는 최대 {max}개까지 받습니다 ({:.1}배 초과)",
            *copies as f64 / *max as f64
        ),
        R::ReplicaLagBelowFetchWait {
            fetch_wait_ms,
            lag_ms,
        } => format!(
            "요구 조건 불충족: ISR이 자주 바뀌지 않도록 replica.fetch.wait.max.ms는 replica.lag.time.max.ms 이하여야 합니다 (replica.fetch.wait.max.ms {fetch_wait_ms}, replica.lag.time.max.ms {lag_ms})"
        ),
        R::InvalidTopicName { name, problem } => {
            let why = match problem {
                TopicNameProblem::Empty => "빈 문자열은 쓸 수 없습니다".to_string(),
                TopicNameProblem::Dots => format!("'{}'는 쓸 수 없습니다", q(name)),
                TopicNameProblem::TooLong => {
                    format!("'{}'의 길이가 최대 길이 249를 넘습니다", q(name))
                }
                TopicNameProblem::IllegalCharacters => format!(
                    "'{}'에 영문자, 숫자, '.', '_', '-' 밖의 문자가 있습니다",
                    q(name)
                ),
            };
            format!("토픽 이름이 올바르지 않습니다: {why}")
        }
        R::TopicExists { name } => format!("토픽 '{}'는 이미 있습니다.", q(name)),
        R::NoPartitions => "파티션 수는 0보다 커야 합니다.".into(),
        R::ZeroReplicationFactor => "복제 계수는 0보다 커야 합니다.".into(),
        R::ReplicationFactorAboveBrokers {
            replication_factor,
            brokers,
        } => format!(
            "복제 계수 {replication_factor}에 이를 수 없습니다: 등록된 브로커가 {brokers}개뿐입니다."
        ),
        R::TopicNotHosted => "이 서버는 이 토픽 파티션을 가지고 있지 않습니다.".into(),
        R::PartitionsNotIncreased {
            topic,
            current,
            total,
        } => format!(
            "토픽 {}의 파티션은 지금 {current}개입니다. {total}개는 늘리는 것이 아닙니다.",
            q(topic)
        ),
        R::PartitionsUnchanged { current } => {
            format!("토픽의 파티션은 이미 {current}개입니다.")
        }
        R::TooManyPartitions { total, max } => {
            format!("파티션 {total}개는 여기서 토픽당 한도 {max}개를 넘습니다")
        }
        R::AllBrokersFenced => "모든 브로커가 지금 격리되어 있습니다.".into(),
        R::NoSuchNode(n) => format!("{} 없습니다", ga(&node(*n))),
        R::NoSuchTopic(t) => format!("{} 없습니다", ga(&t.to_string())),
        R::RecordTooLarge { max } => format!("키와 값은 여기서 {max}바이트까지입니다"),
        R::InvalidPartition {
            partition,
            partitions,
        } => format!(
            "레코드에 지정한 파티션이 올바르지 않습니다: {} [0...{partitions}) 범위 밖입니다.",
            neun(&partition.to_string())
        ),
        R::SyncProducerWaiting { producer } => format!(
            "{} 동기 모드이고 마지막 레코드의 확인 응답을 아직 기다립니다 (send().get()이 돌아오지 않음)",
            neun(&q(producer))
        ),
        R::ProducerIdentityFixed => {
            "프로듀서의 이름과 토픽은 만들 때 그대로입니다. 프로듀서를 하나 더 추가하세요".into()
        }
        R::UnknownMember(m) => format!("코디네이터가 이 멤버({m})를 모릅니다."),
        R::GroupNotFound(g) => format!("그룹 {} 없습니다.", neun(&g.to_string())),
        R::GroupFull { max } => format!("여기서 그룹의 멤버는 최대 {max}명입니다"),
        R::InvalidInstanceId => "group.instance.id는 1~249바이트여야 합니다".into(),
        R::InstanceIdInUse { id } => format!(
            "group.instance.id {} 이미 쓰이고 있습니다: 같은 식별자를 쓰는 두 번째 컨슈머는 첫 번째를 밀어냅니다",
            ga(&q(id))
        ),
        R::GroupExists { id } => format!(
            "그룹 {} 이미 있습니다: 그 그룹에 멤버를 추가하세요",
            ga(&q(id))
        ),
        R::NoCurrentAssignment { partition } => {
            format!("파티션 {}에 지금 할당된 멤버가 없습니다", q(partition))
        }
        R::NotAGroupCommand(command) => format!("컨슈머 그룹 명령이 아닙니다: {command}"),
        R::BrokerAlreadyStopped(b) => format!("{} 이미 멈춰 있습니다", ga(&b.to_string())),
        R::BrokerAlreadyRunning(b) => format!("{} 이미 실행 중입니다", ga(&b.to_string())),
        R::LinkToItself => "네트워크 연결은 서로 다른 두 노드를 잇습니다".into(),
        R::CompareTooLong { max } => format!("비교는 레코드를 최대 {max}개까지 흘려 보냅니다"),
        R::CompareSpecInvalid => {
            "null 키 비율은 백분율이고 전송 속도는 0보다 커야 합니다".into()
        }
    }
}

/// A command a history did not take, in Korean (`engine` says an engine
/// refusal).
#[must_use]
pub fn history_refusal(r: &Refused, engine: &dyn Fn(&Refusal) -> String) -> String {
    match r {
        Refused::Engine(r) => engine(r),
        Refused::HistoryFull { max } => format!("기록에는 명령을 최대 {max}개까지 담습니다"),
        Refused::InPast => "기록은 처음부터 다시 만들 뿐, 과거에 끼워 넣지 않습니다".into(),
        Refused::Loading => "아직 장면을 불러오는 중입니다. 기다리거나 먼저 취소하세요".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_take_their_particles() {
        assert_eq!(
            reason(&RefusalReason::ReplicationFactorAboveBrokers {
                replication_factor: 4,
                brokers: 3
            }),
            "복제 계수 4에 이를 수 없습니다: 등록된 브로커가 3개뿐입니다."
        );
        assert_eq!(
            reason(&RefusalReason::BrokerAlreadyStopped(
                crate::engine::BrokerId(1)
            )),
            "broker-1이 이미 멈춰 있습니다"
        );
    }
}
