//! Brokers, links and the controller: stops, starts, fencing, slow brokers, cut links, dropped messages, elections, ISRs. As sentences, in both languages side by side.

use crate::engine::errors::DropReason;
use crate::engine::event::ElectionKind;
use crate::engine::event::IsrChange;

use crate::text::lang::{Lang, Say};
use crate::text::template::say;
use crate::text::words;

/// Brokers, links and the controller: stops, starts, fencing, slow brokers, cut links, dropped messages, elections, ISRs.
#[derive(Clone, Debug, PartialEq)]
pub enum ClusterLine {
    /// A broker stopped cleanly (`clean`) or crashed.
    BrokerStopped {
        /// The broker.
        broker: String,
        /// A controlled shutdown.
        clean: bool,
    },
    /// A broker started.
    BrokerStarted {
        /// The broker.
        broker: String,
    },
    /// The controller fenced a broker.
    BrokerFenced {
        /// The broker.
        broker: String,
    },
    /// A broker was slowed (0: back to normal).
    BrokerSlowed {
        /// The broker.
        broker: String,
        /// Extra latency, ms.
        extra_latency_ms: u64,
    },
    /// A link was cut or healed.
    LinkChanged {
        /// One end.
        a: String,
        /// The other end.
        b: String,
        /// Healed.
        up: bool,
    },
    /// A message never arrived.
    MessageDropped {
        /// Kafka's API name of the message.
        kind: &'static str,
        /// Sender.
        from: String,
        /// Receiver.
        to: String,
        /// Why.
        reason: DropReason,
    },
    /// The controller chose a leader (or none).
    LeaderElected {
        /// The partition.
        tp: String,
        /// The leader (`None`: offline).
        leader: Option<String>,
        /// The leader epoch.
        leader_epoch: u32,
        /// How.
        kind: ElectionKind,
    },
    /// A partition's ISR changed.
    IsrChanged {
        /// The partition.
        tp: String,
        /// The broker ids in the ISR.
        isr: Vec<u32>,
        /// Why.
        reason: IsrChange,
    },
}

impl Say for ClusterLine {
    fn say(&self, lang: Lang) -> String {
        match self {
            ClusterLine::BrokerStopped {
                broker,
                clean: true,
            } => say!(lang, broker;
                "{broker} shuts down cleanly (its leaderships moved first)",
                "{broker} 정상 종료 (리더 역할을 먼저 넘김)"),
            ClusterLine::BrokerStopped {
                broker,
                clean: false,
            } => say!(lang, broker;
                "{broker} crashes; the controller will notice when its session expires",
                "{broker} 장애 발생: 세션이 만료되면 컨트롤러가 알아챕니다"),
            ClusterLine::BrokerStarted { broker } => say!(lang, broker;
                "{broker} starts; its replicas check their leader's epochs and catch up",
                "{broker} 시작: 복제본들이 리더의 에포크를 확인하고 따라잡습니다"),
            ClusterLine::BrokerFenced { broker } => say!(lang, broker;
                "controller fences {broker}: out of every ISR, its leaderships move",
                "컨트롤러가 {broker}{를} 격리: 모든 ISR에서 빠지고 리더 역할이 옮겨집니다"),
            ClusterLine::BrokerSlowed {
                broker,
                extra_latency_ms: 0,
            } => say!(lang, broker;
                "{broker} back to normal speed",
                "{broker} 정상 속도로 복귀"),
            ClusterLine::BrokerSlowed {
                broker,
                extra_latency_ms,
            } => say!(lang, broker, extra_latency_ms;
                "{broker} slowed: +{extra_latency_ms} ms on every message",
                "{broker} 느려짐: 모든 메시지에 +{extra_latency_ms} ms"),
            ClusterLine::LinkChanged { a, b, up: true } => {
                say!(lang, a, b; "link {a} ↔ {b} healed", "{a} ↔ {b} 네트워크 복구")
            }
            ClusterLine::LinkChanged { a, b, up: false } => {
                say!(lang, a, b; "link {a} ↔ {b} cut", "{a} ↔ {b} 네트워크 차단")
            }
            ClusterLine::MessageDropped {
                kind,
                from,
                to,
                reason,
            } => say!(lang, kind, from, to, reason = words::drop_reason(lang, *reason);
                "{kind} from {from} to {to} dropped: {reason}",
                "{from}에서 {to}{로} 가던 {kind} 유실: {reason}"),
            ClusterLine::LeaderElected {
                tp,
                leader: None,
                leader_epoch,
                ..
            } => say!(lang, tp, leader_epoch;
                "{tp} is OFFLINE: no in-sync replica is alive (leader epoch {leader_epoch})",
                "{tp} 오프라인: 살아 있는 ISR 복제본이 없습니다 (리더 에포크 {leader_epoch})"),
            ClusterLine::LeaderElected {
                tp,
                leader: Some(leader),
                leader_epoch,
                kind,
            } => match kind {
                ElectionKind::Unclean => say!(lang, leader, tp, leader_epoch;
                    "UNCLEAN election: {leader} (out of sync) leads {tp} at epoch {leader_epoch}",
                    "언클린 선출: ISR 밖의 {leader}{가} {tp}의 리더가 됨 (에포크 {leader_epoch})"),
                ElectionKind::Preferred => say!(lang, leader, tp, leader_epoch;
                    "{leader}, the preferred replica, leads {tp} again (epoch {leader_epoch})",
                    "선호 복제본 {leader}{가} 다시 {tp}의 리더 (에포크 {leader_epoch})"),
                ElectionKind::Clean | ElectionKind::Offline => say!(lang, leader, tp, leader_epoch;
                    "controller elects {leader} leader of {tp} (epoch {leader_epoch})",
                    "컨트롤러가 {leader}{를} {tp}의 리더로 선출 (에포크 {leader_epoch})"),
            },
            ClusterLine::IsrChanged { tp, isr, reason } => {
                let list: Vec<String> = isr.iter().map(u32::to_string).collect();
                let why = match reason {
                    IsrChange::LaggingFollower => say!(lang;
                        "a follower fell behind longer than replica.lag.time.max.ms",
                        "팔로워가 replica.lag.time.max.ms보다 오래 뒤처짐"),
                    IsrChange::BrokerGone => say!(lang; "a broker left", "브로커가 빠짐"),
                    IsrChange::CaughtUp => say!(lang;
                        "a follower caught up with the HW",
                        "팔로워가 하이 워터마크를 따라잡음"),
                };
                say!(lang, tp, isr = list.join(","), why; "{tp} ISR → [{isr}] ({why})", "{tp} ISR → [{isr}] ({why})")
            }
        }
    }
}
