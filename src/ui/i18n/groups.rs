//! Texts of the consumer groups: their boxes in the picture, their panels,
//! the lag chart, and the group protocol's messages on the network. Engine
//! words (member phases, Burrow's statuses, commit modes) are mapped here,
//! one arm per variant, so a new variant without a translation does not
//! compile.

use super::Lang;
use crate::engine::consumer::MemberPhase;
use crate::engine::lag::BurrowStatus;
use crate::engine::CommitMode;

/// Fixed texts of the consumer groups.
#[derive(Debug, PartialEq)]
pub struct GroupTexts {
    /// Section heading and aria-label.
    pub consumer_groups: &'static str,
    /// Add a group button.
    pub add_group: &'static str,
    /// Add a member button.
    pub add_member: &'static str,
    /// Assignor label.
    pub assignor: &'static str,
    /// Protocol label.
    pub protocol: &'static str,
    /// Commit mode label.
    pub commits: &'static str,
    /// Auto commit option.
    pub commit_auto: &'static str,
    /// Manual commit option.
    pub commit_manual: &'static str,
    /// A stable member that must rejoin.
    pub must_rejoin: &'static str,
    /// Suffix of the group leader's phase.
    pub is_leader: &'static str,
    /// Suffix of a paused member.
    pub paused: &'static str,
    /// A stable member without partitions.
    pub idle_no_partition: &'static str,
    /// A member without partitions mid-rebalance.
    pub owns_nothing_now: &'static str,
    /// A member polling.
    pub polling: &'static str,
    /// Resume button.
    pub resume: &'static str,
    /// Pause button.
    pub pause: &'static str,
    /// Remove button.
    pub remove: &'static str,
    /// Crash button.
    pub crash: &'static str,
    /// Lag table column headings.
    pub columns: [&'static str; 5],
    /// Seek to the beginning button.
    pub seek_start: &'static str,
    /// Seek to the end button.
    pub seek_end: &'static str,
    /// No leader.
    pub none: &'static str,
    /// "Burrow status: ".
    pub burrow_status: &'static str,
}

/// English.
pub const GROUPS_EN: GroupTexts = GroupTexts {
    consumer_groups: "Consumer groups",
    add_group: "+ Add another group (reads the same records)",
    add_member: "+ Add member",
    assignor: "Assignor",
    protocol: "Protocol",
    commits: "Commits",
    commit_auto: "auto",
    commit_manual: "manual, per poll",
    must_rejoin: "must rejoin",
    is_leader: " · leader",
    paused: " · paused",
    idle_no_partition: "idle: no partition",
    owns_nothing_now: "owns nothing now",
    polling: "polling",
    resume: "Resume",
    pause: "Pause",
    remove: "Remove",
    crash: "Crash",
    columns: ["Partition", "Committed", "HW", "Lag", "Seek"],
    seek_start: "start",
    seek_end: "end",
    none: "none",
    burrow_status: "Burrow status: ",
};

/// Korean.
pub const GROUPS_KO: GroupTexts = GroupTexts {
    consumer_groups: "컨슈머 그룹",
    add_group: "+ 그룹 하나 더 추가 (같은 레코드를 읽음)",
    add_member: "+ 멤버 추가",
    assignor: "할당 전략",
    protocol: "프로토콜",
    commits: "커밋",
    commit_auto: "자동",
    commit_manual: "수동, poll마다",
    must_rejoin: "재참여 필요",
    is_leader: " · 리더",
    paused: " · 일시정지",
    idle_no_partition: "유휴: 파티션 없음",
    owns_nothing_now: "지금은 담당 없음",
    polling: "poll 중",
    resume: "재개",
    pause: "일시정지",
    remove: "제거",
    crash: "장애",
    columns: ["파티션", "커밋", "HW", "랙", "위치 이동"],
    seek_start: "처음",
    seek_end: "끝",
    none: "없음",
    burrow_status: "Burrow 상태: ",
};

/// A member's phase in the group protocol.
#[must_use]
pub fn phase_word(lang: Lang, phase: MemberPhase) -> &'static str {
    match lang {
        Lang::En => crate::text::en_words::phase_word(phase),
        Lang::Ko => match phase {
            MemberPhase::Unjoined => "재참여 중",
            MemberPhase::Joining => "JoinGroup 보냄",
            MemberPhase::AwaitingSync => "SyncGroup 보냄",
            MemberPhase::Stable => "안정",
            MemberPhase::Leaving => "나가는 중",
            MemberPhase::Crashed => "장애",
        },
    }
}

/// Burrow's status word.
#[must_use]
pub fn burrow_word(lang: Lang, status: BurrowStatus) -> &'static str {
    match lang {
        Lang::En => status.name(),
        Lang::Ko => match status {
            BurrowStatus::NotEnoughData => "판단 불가",
            BurrowStatus::Ok => "정상",
            BurrowStatus::Warn => "경고",
            BurrowStatus::Stop => "멈춤",
            BurrowStatus::Stall => "정체",
            BurrowStatus::Rewind => "되감김",
        },
    }
}

/// What Burrow's status means.
#[must_use]
pub fn burrow_explain(lang: Lang, status: BurrowStatus) -> &'static str {
    match lang {
        Lang::En => crate::text::en_words::burrow_explain(status),
        Lang::Ko => match status {
            BurrowStatus::NotEnoughData => "판단할 커밋이 2개 미만",
            BurrowStatus::Ok => "잘 따라가는 중",
            BurrowStatus::Warn => "커밋은 하지만 랙이 줄지 않음",
            BurrowStatus::Stop => "윈도 기간보다 오래 커밋이 없음",
            BurrowStatus::Stall => "랙이 느는데 같은 오프셋만 커밋함",
            BurrowStatus::Rewind => "커밋된 오프셋이 뒤로 감",
        },
    }
}

/// The Burrow status line's head: the word, with Burrow's own word beside
/// it in Korean (it is what Burrow's API and dashboards show).
#[must_use]
pub fn burrow_label(lang: Lang, status: BurrowStatus) -> String {
    match lang {
        Lang::En => status.name().to_string(),
        Lang::Ko => format!("{} ({})", burrow_word(lang, status), status.name()),
    }
}

/// How members commit.
#[must_use]
pub fn commit_mode(lang: Lang, mode: CommitMode) -> &'static str {
    match lang {
        Lang::En => crate::text::en_words::commit_mode(mode),
        Lang::Ko => match mode {
            CommitMode::Auto => "enable.auto.commit=true",
            CommitMode::ManualPerPoll => "poll마다 처리 후 commitSync()",
        },
    }
}

/// `Stable · gen 3 · range` under the group's name in the picture.
#[must_use]
pub fn state_line(lang: Lang, state: &str, generation: u32, assignor: &str) -> String {
    match lang {
        Lang::En => format!("{state} · gen {generation} · {assignor}"),
        Lang::Ko => format!("{state} · 세대 {generation} · {assignor}"),
    }
}

/// `lag 12 · OK` at the top right of the group's box.
#[must_use]
pub fn box_lag(lang: Lang, lag: u64, status: BurrowStatus) -> String {
    match lang {
        Lang::En => format!("lag {lag} · {}", status.name()),
        Lang::Ko => format!("랙 {lag} · {}", burrow_word(lang, status)),
    }
}

/// `owns p0,p1 · lag 3/0` in a member's box.
#[must_use]
pub fn owns_line(lang: Lang, parts: &str, lags: &str) -> String {
    match lang {
        Lang::En => format!("owns {parts} · lag {lags}"),
        Lang::Ko => format!("담당 {parts} · 랙 {lags}"),
    }
}

/// A member processing a record.
#[must_use]
pub fn processing_at(lang: Lang, partition: u32, offset: u64) -> String {
    match lang {
        Lang::En => format!("processing p{partition} @{offset}"),
        Lang::Ko => format!("처리 중 p{partition} @{offset}"),
    }
}

/// The controls' aria-label.
#[must_use]
pub fn settings_of(lang: Lang, group: &str) -> String {
    match lang {
        Lang::En => format!("Settings of group {group}"),
        Lang::Ko => format!("그룹 {group} 설정"),
    }
}

/// A member button's aria-label: `Pause consumer-1`.
#[must_use]
pub fn member_action(lang: Lang, action: &str, member: &str) -> String {
    match lang {
        Lang::En => format!("{action} {member}"),
        Lang::Ko => format!("{member} {action}"),
    }
}

/// A seek button's aria-label.
#[must_use]
pub fn seek_label(lang: Lang, tp: &str, to_end: bool) -> String {
    match (lang, to_end) {
        (Lang::En, false) => format!("Seek {tp} to the beginning"),
        (Lang::En, true) => format!("Seek {tp} to the end"),
        (Lang::Ko, false) => format!("{tp}의 위치를 처음으로"),
        (Lang::Ko, true) => format!("{tp}의 위치를 끝으로"),
    }
}

/// A group panel's heading.
#[must_use]
pub fn group_heading(lang: Lang, group: &str) -> String {
    match lang {
        Lang::En => format!("group {group}"),
        Lang::Ko => format!("그룹 {group}"),
    }
}

/// The coordinator and how it was found.
#[must_use]
pub fn coordinator_fact(
    lang: Lang,
    coordinator: &str,
    offsets_partition: u32,
    group: &str,
) -> String {
    match lang {
        Lang::En => format!(
            "Coordinator {coordinator} (it leads __consumer_offsets-{offsets_partition}: abs(\"{group}\".hashCode()) % 50). "
        ),
        Lang::Ko => format!(
            "코디네이터 {coordinator} (__consumer_offsets-{offsets_partition}의 리더: abs(\"{group}\".hashCode()) % 50). "
        ),
    }
}

/// The group's state, generation, leader and settings.
#[must_use]
pub fn state_fact(lang: Lang, facts: &StateFacts<'_>) -> String {
    let StateFacts {
        state,
        generation,
        leader,
        assignor,
        protocol,
        commit,
        reset,
    } = facts;
    match lang {
        Lang::En => format!(
            "State {state} · generation {generation} · leader {leader} · {assignor} ({protocol} protocol) · {commit} · auto.offset.reset={reset}."
        ),
        Lang::Ko => format!(
            "상태 {state} · 세대 {generation} · 리더 {leader} · {assignor} ({protocol} 프로토콜) · {commit} · auto.offset.reset={reset}."
        ),
    }
}

/// What [`state_fact`] says.
pub struct StateFacts<'a> {
    /// The coordinator's state name (Kafka's).
    pub state: &'a str,
    /// Generation.
    pub generation: u32,
    /// The group leader, or none.
    pub leader: &'a str,
    /// The assignor's class name.
    pub assignor: &'a str,
    /// EAGER or COOPERATIVE.
    pub protocol: &'a str,
    /// How members commit, in words.
    pub commit: &'a str,
    /// `auto.offset.reset`.
    pub reset: &'a str,
}

/// The last rebalance's reason (the engine's words: config and error names).
#[must_use]
pub fn last_rebalance(lang: Lang, reason: &str) -> String {
    match lang {
        Lang::En => format!(" Last rebalance: {reason}."),
        Lang::Ko => format!(" 마지막 리밸런스: {reason}."),
    }
}

/// The counters after the Burrow status.
#[must_use]
pub fn group_counts(
    lang: Lang,
    lag: u64,
    duplicates: u64,
    replays: u64,
    rebalances: u64,
) -> String {
    match lang {
        Lang::En => format!(
            " · lag {lag} · duplicates {duplicates} · replays {replays} · rebalances {rebalances}"
        ),
        Lang::Ko => {
            format!(" · 랙 {lag} · 중복 {duplicates} · 재처리 {replays} · 리밸런스 {rebalances}")
        }
    }
}

/// The lag chart's description for screen readers.
#[must_use]
pub fn lag_chart_label(lang: Lang, group: &str, span: Option<(u64, u64, u64, u64)>) -> String {
    match (lang, span) {
        (Lang::En, Some((from_s, to_s, now, highest))) => format!(
            "Lag of group {group} from {from_s} s to {to_s} s: now {now}, highest {highest}"
        ),
        (Lang::Ko, Some((from_s, to_s, now, highest))) => {
            format!("그룹 {group}의 랙 ({from_s}초부터 {to_s}초까지): 지금 {now}, 최고 {highest}")
        }
        (Lang::En, None) => format!("Lag of group {group}: no samples yet"),
        (Lang::Ko, None) => format!("그룹 {group}의 랙: 아직 측정값 없음"),
    }
}
