//! Sentences of the consumer groups (their boxes in the picture, their
//! panels, the lag chart) with values in them. One variant per sentence,
//! one exhaustive `match` per language.

use crate::engine::config::{OffsetReset, RebalanceProtocol};
use crate::engine::{Assignor, BurrowStatus, CommitMode};

use super::event::Because;
use super::label_groups::GroupLabel;
use super::lang::{Lang, Say};
use super::{event_en, event_ko, words};

/// A sentence about a consumer group.
#[derive(Clone, Debug, PartialEq)]
pub enum GroupPanelLine {
    /// `Stable · gen 3 · range` under the group's name in the picture.
    StateLine {
        /// The coordinator's state (Kafka's name).
        state: &'static str,
        /// The generation.
        generation: u32,
        /// The assignor.
        assignor: Assignor,
    },
    /// `lag 12 · OK` at the top of the group's box.
    BoxLag {
        /// The group's lag.
        lag: u64,
        /// Burrow's status.
        status: BurrowStatus,
    },
    /// `owns p0,p1 · lag 3/0` in a member's box.
    Owns {
        /// The partitions it owns.
        partitions: Vec<u32>,
        /// The lag of each (`–` when nothing is committed).
        lags: Vec<Option<u64>>,
    },
    /// A member processing a record.
    ProcessingAt {
        /// The partition.
        partition: u32,
        /// The offset.
        offset: u64,
    },
    /// The group controls' label.
    SettingsOf {
        /// The group.
        group: String,
    },
    /// A member button's label: what it does, to whom.
    MemberAction {
        /// The action (pause, resume, remove, crash).
        action: GroupLabel,
        /// The member.
        member: String,
    },
    /// A seek button's label.
    Seek {
        /// The partition.
        tp: String,
        /// To the end (else to the beginning).
        to_end: bool,
    },
    /// A group panel's heading.
    Heading {
        /// The group.
        group: String,
    },
    /// The coordinator and how it was found.
    Coordinator {
        /// The coordinator broker.
        coordinator: String,
        /// The `__consumer_offsets` partition.
        offsets_partition: u32,
        /// The group.
        group: String,
    },
    /// The group's state, generation, leader and settings.
    State {
        /// The coordinator's state (Kafka's name).
        state: &'static str,
        /// The generation.
        generation: u32,
        /// The leader, if any.
        leader: Option<String>,
        /// The assignor.
        assignor: Assignor,
        /// The protocol.
        protocol: RebalanceProtocol,
        /// How members commit.
        commit: CommitMode,
        /// `auto.offset.reset`.
        reset: OffsetReset,
    },
    /// What started the last rebalance.
    LastRebalance(Because),
    /// The counters after the Burrow status.
    Counts {
        /// Lag.
        lag: u64,
        /// Duplicates.
        duplicates: u64,
        /// Replays.
        replays: u64,
        /// Rebalances.
        rebalances: u64,
    },
    /// The lag chart, for screen readers.
    LagChart {
        /// The group.
        group: String,
        /// From s, to s, now, highest; `None` before the first sample.
        span: Option<(u64, u64, u64, u64)>,
    },
}

fn owns(partitions: &[u32], lags: &[Option<u64>]) -> (String, String) {
    let parts: Vec<String> = partitions.iter().map(|p| format!("p{p}")).collect();
    let lags: Vec<String> = lags
        .iter()
        .map(|l| l.map_or("–".to_string(), |l| l.to_string()))
        .collect();
    (parts.join(","), lags.join("/"))
}

impl Say for GroupPanelLine {
    fn en(&self) -> String {
        const EN: Lang = Lang::En;
        match self {
            GroupPanelLine::StateLine {
                state,
                generation,
                assignor,
            } => format!("{state} · gen {generation} · {}", assignor.name()),
            GroupPanelLine::BoxLag { lag, status } => {
                format!("lag {lag} · {}", words::burrow(EN, *status))
            }
            GroupPanelLine::Owns { partitions, lags } => {
                let (parts, lags) = owns(partitions, lags);
                format!("owns {parts} · lag {lags}")
            }
            GroupPanelLine::ProcessingAt { partition, offset } => {
                format!("processing p{partition} @{offset}")
            }
            GroupPanelLine::SettingsOf { group } => format!("Settings of group {group}"),
            GroupPanelLine::MemberAction { action, member } => {
                format!("{} {member}", action.en())
            }
            GroupPanelLine::Seek { tp, to_end } => {
                if *to_end {
                    format!("Seek {tp} to the end")
                } else {
                    format!("Seek {tp} to the beginning")
                }
            }
            GroupPanelLine::Heading { group } => format!("group {group}"),
            GroupPanelLine::Coordinator {
                coordinator,
                offsets_partition,
                group,
            } => format!(
                "Coordinator {coordinator} (it leads __consumer_offsets-{offsets_partition}: abs(\"{group}\".hashCode()) % 50). "
            ),
            GroupPanelLine::State {
                state,
                generation,
                leader,
                assignor,
                protocol,
                commit,
                reset,
            } => format!(
                "State {state} · generation {generation} · leader {} · {} ({} protocol) · {} · auto.offset.reset={}.",
                leader.as_deref().unwrap_or(GroupLabel::None.en()),
                assignor.class_name(),
                protocol.name(),
                words::commit_mode(EN, *commit),
                reset.as_config()
            ),
            GroupPanelLine::LastRebalance(b) => {
                format!(" Last rebalance: {}.", event_en::because(b))
            }
            GroupPanelLine::Counts {
                lag,
                duplicates,
                replays,
                rebalances,
            } => format!(
                " · lag {lag} · duplicates {duplicates} · replays {replays} · rebalances {rebalances}"
            ),
            GroupPanelLine::LagChart { group, span } => match span {
                Some((from_s, to_s, now, highest)) => format!(
                    "Lag of group {group} from {from_s} s to {to_s} s: now {now}, highest {highest}"
                ),
                None => format!("Lag of group {group}: no samples yet"),
            },
        }
    }

    fn ko(&self) -> String {
        const KO: Lang = Lang::Ko;
        match self {
            GroupPanelLine::StateLine {
                state,
                generation,
                assignor,
            } => format!("{state} · 세대 {generation} · {}", assignor.name()),
            GroupPanelLine::BoxLag { lag, status } => {
                format!("랙 {lag} · {}", words::burrow(KO, *status))
            }
            GroupPanelLine::Owns { partitions, lags } => {
                let (parts, lags) = owns(partitions, lags);
                format!("담당 {parts} · 랙 {lags}")
            }
            GroupPanelLine::ProcessingAt { partition, offset } => {
                format!("처리 중 p{partition} @{offset}")
            }
            GroupPanelLine::SettingsOf { group } => format!("그룹 {group} 설정"),
            GroupPanelLine::MemberAction { action, member } => {
                format!("{member} {}", action.ko())
            }
            GroupPanelLine::Seek { tp, to_end } => {
                if *to_end {
                    format!("{tp}의 위치를 끝으로")
                } else {
                    format!("{tp}의 위치를 처음으로")
                }
            }
            GroupPanelLine::Heading { group } => format!("그룹 {group}"),
            GroupPanelLine::Coordinator {
                coordinator,
                offsets_partition,
                group,
            } => format!(
                "코디네이터 {coordinator} (__consumer_offsets-{offsets_partition}의 리더: abs(\"{group}\".hashCode()) % 50). "
            ),
            GroupPanelLine::State {
                state,
                generation,
                leader,
                assignor,
                protocol,
                commit,
                reset,
            } => format!(
                "상태 {state} · 세대 {generation} · 리더 {} · {} ({} 프로토콜) · {} · auto.offset.reset={}.",
                leader.as_deref().unwrap_or(GroupLabel::None.ko()),
                assignor.class_name(),
                protocol.name(),
                words::commit_mode(KO, *commit),
                reset.as_config()
            ),
            GroupPanelLine::LastRebalance(b) => {
                format!(" 마지막 리밸런스: {}.", event_ko::because(b))
            }
            GroupPanelLine::Counts {
                lag,
                duplicates,
                replays,
                rebalances,
            } => format!(
                " · 랙 {lag} · 중복 {duplicates} · 재처리 {replays} · 리밸런스 {rebalances}"
            ),
            GroupPanelLine::LagChart { group, span } => match span {
                Some((from_s, to_s, now, highest)) => format!(
                    "그룹 {group}의 랙 ({from_s}초부터 {to_s}초까지): 지금 {now}, 최고 {highest}"
                ),
                None => format!("그룹 {group}의 랙: 아직 측정값 없음"),
            },
        }
    }
}
