//! Sentences of the consumer groups (their boxes in the picture, their
//! panels, the lag chart) with values in them. One variant per sentence,
//! one exhaustive `match` per language.

use crate::engine::config::{OffsetReset, RebalanceProtocol};
use crate::engine::{Assignor, BurrowStatus, CommitMode};

use super::event::group::Because;
use super::label_groups::GroupLabel;
use super::lang::{Lang, Say};
use super::template::say;
use super::words;

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
    fn say(&self, lang: Lang) -> String {
        match self {
            GroupPanelLine::StateLine {
                state,
                generation,
                assignor,
            } => say!(lang, state, generation, assignor = assignor.name();
                "{state} · gen {generation} · {assignor}",
                "{state} · 세대 {generation} · {assignor}"),
            GroupPanelLine::BoxLag { lag, status } => {
                say!(lang, lag, status = words::burrow(lang, *status);
                    "lag {lag} · {status}",
                    "랙 {lag} · {status}")
            }
            GroupPanelLine::Owns { partitions, lags } => {
                let (partitions, lags) = owns(partitions, lags);
                say!(lang, partitions, lags; "owns {partitions} · lag {lags}", "담당 {partitions} · 랙 {lags}")
            }
            GroupPanelLine::ProcessingAt { partition, offset } => say!(lang, partition, offset;
                "processing p{partition} @{offset}",
                "처리 중 p{partition} @{offset}"),
            GroupPanelLine::SettingsOf { group } => {
                say!(lang, group; "Settings of group {group}", "그룹 {group} 설정")
            }
            GroupPanelLine::MemberAction { action, member } => {
                say!(lang, action = action.say(lang), member;
                    "{action} {member}",
                    "{member} {action}")
            }
            GroupPanelLine::Seek { tp, to_end: true } => {
                say!(lang, tp; "Seek {tp} to the end", "{tp}의 위치를 끝으로")
            }
            GroupPanelLine::Seek { tp, to_end: false } => say!(lang, tp;
                "Seek {tp} to the beginning",
                "{tp}의 위치를 처음으로"),
            GroupPanelLine::Heading { group } => say!(lang, group; "group {group}", "그룹 {group}"),
            GroupPanelLine::Coordinator {
                coordinator,
                offsets_partition,
                group,
            } => say!(lang, coordinator, offsets_partition, group;
                "Coordinator {coordinator} (it leads __consumer_offsets-{offsets_partition}: abs(\"{group}\".hashCode()) % 50). ",
                "코디네이터 {coordinator} (__consumer_offsets-{offsets_partition}의 리더: abs(\"{group}\".hashCode()) % 50). "),
            GroupPanelLine::State {
                state,
                generation,
                leader,
                assignor,
                protocol,
                commit,
                reset,
            } => say!(lang,
                state, generation,
                leader = leader.as_deref().unwrap_or(GroupLabel::None.say(lang)),
                assignor = assignor.class_name(),
                protocol = protocol.name(),
                commit = words::commit_mode(lang, *commit),
                reset = reset.as_config();
                "State {state} · generation {generation} · leader {leader} · {assignor} ({protocol} protocol) · {commit} · auto.offset.reset={reset}.",
                "상태 {state} · 세대 {generation} · 리더 {leader} · {assignor} ({protocol} 프로토콜) · {commit} · auto.offset.reset={reset}."),
            GroupPanelLine::LastRebalance(because) => say!(lang, because = because.say(lang);
                " Last rebalance: {because}.",
                " 마지막 리밸런스: {because}."),
            GroupPanelLine::Counts {
                lag,
                duplicates,
                replays,
                rebalances,
            } => say!(lang, lag, duplicates, replays, rebalances;
                " · lag {lag} · duplicates {duplicates} · replays {replays} · rebalances {rebalances}",
                " · 랙 {lag} · 중복 {duplicates} · 재처리 {replays} · 리밸런스 {rebalances}"),
            GroupPanelLine::LagChart {
                group,
                span: Some((from_s, to_s, now, highest)),
            } => say!(lang, group, from_s, to_s, now, highest;
                "Lag of group {group} from {from_s} s to {to_s} s: now {now}, highest {highest}",
                "그룹 {group}의 랙 ({from_s}초부터 {to_s}초까지): 지금 {now}, 최고 {highest}"),
            GroupPanelLine::LagChart { group, span: None } => say!(lang, group;
                "Lag of group {group}: no samples yet",
                "그룹 {group}의 랙: 아직 측정값 없음"),
        }
    }
}
