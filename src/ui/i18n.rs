//! English and Korean. Every piece of UI text lives in [`Texts`], one
//! constant per language, so a missing translation does not compile.
//! Texts with values in them are functions. The panels' texts live in
//! sub-structs, one file each: [`producer`] (with the partitioner
//! comparison), [`groups`], [`retention`] and [`work`] (progress, cancel,
//! refusals of long work).

pub mod groups;
pub mod producer;
pub mod retention;
pub mod work;

use groups::{GroupTexts, GROUPS_EN, GROUPS_KO};
use producer::{CompareTexts, ProducerTexts, COMPARE_EN, COMPARE_KO, PRODUCER_EN, PRODUCER_KO};
use retention::{RetentionTexts, RETENTION_EN, RETENTION_KO};

/// A UI language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// English.
    En,
    /// Korean (한국어).
    Ko,
}

impl Lang {
    /// The BCP 47 tag, for `<html lang>`.
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }

    /// From a tag such as `ko`, `ko-KR` or `en-US`; English otherwise.
    #[must_use]
    pub fn from_tag(tag: &str) -> Self {
        if tag.to_ascii_lowercase().starts_with("ko") {
            Lang::Ko
        } else {
            Lang::En
        }
    }

    /// The texts of this language.
    #[must_use]
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::En => &EN,
            Lang::Ko => &KO,
        }
    }
}

/// All fixed UI text of one language.
#[derive(Debug, PartialEq)]
pub struct Texts {
    /// Tagline under the title.
    pub tagline: &'static str,
    /// Play button.
    pub play: &'static str,
    /// Pause button.
    pub pause: &'static str,
    /// Step forward button.
    pub step: &'static str,
    /// Step back button.
    pub step_back: &'static str,
    /// Speed label.
    pub speed: &'static str,
    /// Timeline slider label.
    pub timeline: &'static str,
    /// Toolbar label.
    pub time_controls: &'static str,
    /// Shown while the position is before the end of the history.
    pub replaying: &'static str,
    /// Button to jump to the end of the history.
    pub to_end: &'static str,
    /// Language switch label.
    pub language: &'static str,
    /// Event log heading.
    pub event_log: &'static str,
    /// Event log filter label.
    pub filter: &'static str,
    /// Event log filter placeholder.
    pub filter_placeholder: &'static str,
    /// Inspector heading.
    pub inspector: &'static str,
    /// Inspector hint when nothing is selected.
    pub inspector_hint: &'static str,
    /// Close button.
    pub close: &'static str,
    /// Record story heading prefix.
    pub record_story: &'static str,
    /// Brokers panel heading.
    pub brokers: &'static str,
    /// Stop button.
    pub stop: &'static str,
    /// Crash button.
    pub crash: &'static str,
    /// Restart button.
    pub restart: &'static str,
    /// Slow button.
    pub slow: &'static str,
    /// Normal speed button.
    pub normal_speed: &'static str,
    /// Cut off button.
    pub cut_off: &'static str,
    /// Heal links button.
    pub heal_links: &'static str,
    /// Preferred election button.
    pub elect_preferred: &'static str,
    /// Metadata panel heading.
    pub metadata: &'static str,
    /// Metadata hint about KRaft and ZooKeeper.
    pub metadata_hint: &'static str,
    /// Column headings of the metadata table.
    pub metadata_columns: [&'static str; 6],
    /// Ledger heading.
    pub ledger: &'static str,
    /// Broker states.
    pub running: &'static str,
    /// Broker state.
    pub stopped: &'static str,
    /// Broker state.
    pub crashed: &'static str,
    /// Broker state suffix while the controller has not fenced it yet.
    pub not_yet_aware: &'static str,
    /// Broker state suffix when its links are cut.
    pub cut_off_state: &'static str,
    /// Partition states.
    pub offline: &'static str,
    /// Partition state.
    pub under_min_isr: &'static str,
    /// Partition state.
    pub under_replicated: &'static str,
    /// Partition state.
    pub healthy: &'static str,
    /// Leader role.
    pub leader: &'static str,
    /// Follower role.
    pub follower: &'static str,
    /// In the ISR.
    pub in_isr: &'static str,
    /// Out of the ISR.
    pub out_of_isr: &'static str,
    /// Lag.
    pub lag: &'static str,
    /// Owns (partitions).
    pub owns: &'static str,
    /// Owns nothing.
    pub owns_nothing: &'static str,
    /// Member status.
    pub processing: &'static str,
    /// Member status.
    pub waiting_for_records: &'static str,
    /// Member status.
    pub idle: &'static str,
    /// The broker word in the picture.
    pub broker: &'static str,
    /// The group word in the picture.
    pub group: &'static str,
    /// Producer stats: records in the open batch.
    pub in_batch: &'static str,
    /// Producer stats: acknowledged.
    pub acked: &'static str,
    /// Producer stats: retries.
    pub retries: &'static str,
    /// Partitioner waiting for its first record.
    pub waiting_first_record: &'static str,
    /// Unclean election checkbox (topic name follows).
    pub unclean_for: &'static str,
    /// "Kafka's default: false".
    pub kafka_default_false: &'static str,
    /// Lost.
    pub lost: &'static str,
    /// Notice after a change in the past.
    pub forked: &'static str,
    /// Before a refusal's message (Kafka's own words, kept as they are).
    pub refused: &'static str,
    /// Stop button tooltip.
    pub stop_title: &'static str,
    /// Crash button tooltip.
    pub crash_title: &'static str,
    /// Cut off button tooltip.
    pub cut_off_title: &'static str,
    /// Inspector: partition facts' labels (leader / epoch, replicas / ISR,
    /// log start / HW / LEO, bytes / records, leader epochs).
    pub partition_facts: [&'static str; 5],
    /// Inspector: committed offset.
    pub committed: &'static str,
    /// Inspector: the groups a broker coordinates.
    pub group_coordinator: &'static str,
    /// Inspector: member facts' labels (positions, consumed, buffered).
    pub member_facts: [&'static str; 3],
    /// None (no leader).
    pub none: &'static str,
    /// Producer box suffix in sync mode.
    pub sync_suffix: &'static str,
    /// Scene message: a commit request.
    pub msg_commit: &'static str,
    /// Scene message: an answer without error.
    pub msg_ok: &'static str,
    /// Scene message: SyncGroup from the leader, with the plan.
    pub msg_sync_plan: &'static str,
    /// Scene message: SyncGroup answered with an error.
    pub msg_retry: &'static str,
    /// Scene message: a heartbeat answered with "rebalance in progress".
    pub msg_rejoin: &'static str,
    /// Scene message: LeaveGroup answered.
    pub msg_bye: &'static str,
    /// The producer panel.
    pub producer: ProducerTexts,
    /// The partitioner comparison.
    pub compare: CompareTexts,
    /// The consumer groups.
    pub groups: GroupTexts,
    /// The retention panel and the segments.
    pub retention: RetentionTexts,
}

/// English.
pub const EN: Texts = Texts {
    tagline: "See Apache Kafka work: every record, offset and acknowledgement computed by a simulated cluster.",
    play: "Play",
    pause: "Pause",
    step: "Step ›",
    step_back: "‹ Back",
    speed: "Speed",
    timeline: "Timeline",
    time_controls: "Time controls",
    replaying: "An earlier moment: a change here replaces what came after",
    to_end: "To the end",
    language: "Language",
    event_log: "Event log",
    filter: "Filter",
    filter_placeholder: "broker-2, orders-1, ack, LOST…",
    inspector: "Inspector",
    inspector_hint: "Click a record, a partition, a broker or a consumer in the picture to inspect it.",
    close: "Close",
    record_story: "Life of record",
    brokers: "Brokers",
    stop: "Stop",
    crash: "Crash",
    restart: "Restart",
    slow: "Slow",
    normal_speed: "Normal speed",
    cut_off: "Cut off",
    heal_links: "Heal links",
    elect_preferred: "Elect preferred leaders",
    metadata: "Metadata (KRaft controller)",
    metadata_hint: "Kafka 4 keeps this in a controller quorum inside Kafka (KRaft); older clusters kept it in ZooKeeper.",
    metadata_columns: ["Partition", "Leader", "Epoch", "Replicas", "ISR", "State"],
    ledger: "Ledger",
    running: "running",
    stopped: "stopped",
    crashed: "crashed",
    not_yet_aware: " (controller not yet aware)",
    cut_off_state: " · cut off",
    offline: "OFFLINE",
    under_min_isr: "under min ISR",
    under_replicated: "under-replicated",
    healthy: "healthy",
    leader: "leader",
    follower: "follower",
    in_isr: "ISR",
    out_of_isr: "out of ISR",
    lag: "lag",
    owns: "owns",
    owns_nothing: "nothing (idle)",
    processing: "processing",
    waiting_for_records: "waiting for records",
    idle: "idle",
    broker: "Broker",
    group: "group",
    in_batch: "in batch",
    acked: "acked",
    retries: "retries",
    waiting_first_record: "waiting for the first record",
    unclean_for: "unclean.leader.election.enable for",
    kafka_default_false: "(Kafka's default: false)",
    lost: "LOST",
    forked: "You changed the past: the recorded future after this moment was discarded.",
    refused: "",
    stop_title: "Controlled shutdown: leadership moves first",
    crash_title: "Kill the process: the controller notices after broker.session.timeout.ms",
    cut_off_title: "Cut (or heal) the network links between this broker and the other brokers",
    partition_facts: [
        "leader / epoch",
        "replicas / ISR",
        "log start / HW / LEO",
        "bytes / records",
        "leader epochs",
    ],
    committed: "committed",
    group_coordinator: "group coordinator",
    member_facts: ["positions", "consumed", "buffered"],
    none: "none",
    sync_suffix: " · sync",
    msg_commit: "commit",
    msg_ok: "ok",
    msg_sync_plan: "SyncGroup+plan",
    msg_retry: "retry",
    msg_rejoin: "rejoin!",
    msg_bye: "bye",
    producer: PRODUCER_EN,
    compare: COMPARE_EN,
    groups: GROUPS_EN,
    retention: RETENTION_EN,
};

/// Korean.
pub const KO: Texts = Texts {
    tagline: "Apache Kafka가 일하는 모습을 보세요: 모든 레코드, 오프셋, 확인 응답을 시뮬레이션 클러스터가 직접 계산합니다.",
    play: "재생",
    pause: "일시정지",
    step: "다음 ›",
    step_back: "‹ 이전",
    speed: "속도",
    timeline: "타임라인",
    time_controls: "시간 조작",
    replaying: "지나간 순간입니다: 여기서 바꾸면 그 뒤의 일이 새로 쓰입니다",
    to_end: "끝으로",
    language: "언어",
    event_log: "이벤트 로그",
    filter: "필터",
    filter_placeholder: "broker-2, orders-1, ack, LOST…",
    inspector: "살펴보기",
    inspector_hint: "그림에서 레코드, 파티션, 브로커, 컨슈머를 클릭하면 자세히 볼 수 있습니다.",
    close: "닫기",
    record_story: "레코드의 일생",
    brokers: "브로커",
    stop: "정지",
    crash: "장애",
    restart: "재시작",
    slow: "느리게",
    normal_speed: "정상 속도",
    cut_off: "네트워크 차단",
    heal_links: "네트워크 복구",
    elect_preferred: "선호 리더 선출",
    metadata: "메타데이터 (KRaft 컨트롤러)",
    metadata_hint: "Kafka 4는 이 정보를 Kafka 안의 컨트롤러 쿼럼(KRaft)에 보관합니다. 예전 클러스터는 ZooKeeper에 보관했습니다.",
    metadata_columns: ["파티션", "리더", "에포크", "복제본", "ISR", "상태"],
    ledger: "장부",
    running: "실행 중",
    stopped: "정지됨",
    crashed: "장애 발생",
    not_yet_aware: " (컨트롤러가 아직 모름)",
    cut_off_state: " · 네트워크 차단됨",
    offline: "오프라인",
    under_min_isr: "최소 ISR 미달",
    under_replicated: "복제 부족",
    healthy: "정상",
    leader: "리더",
    follower: "팔로워",
    in_isr: "ISR",
    out_of_isr: "ISR 밖",
    lag: "랙",
    owns: "담당",
    owns_nothing: "없음 (유휴)",
    processing: "처리 중",
    waiting_for_records: "레코드 기다리는 중",
    idle: "유휴",
    broker: "브로커",
    group: "그룹",
    in_batch: "배치에",
    acked: "확인됨",
    retries: "재시도",
    waiting_first_record: "첫 레코드를 기다리는 중",
    unclean_for: "unclean.leader.election.enable:",
    kafka_default_false: "(Kafka 기본값: false)",
    lost: "유실",
    forked: "과거를 바꿨습니다: 이 시점 이후의 기록은 버려졌습니다.",
    refused: "거부됨: ",
    stop_title: "정상 종료: 리더 역할을 먼저 넘깁니다",
    crash_title: "프로세스 강제 종료: 컨트롤러는 broker.session.timeout.ms 뒤에 알아챕니다",
    cut_off_title: "이 브로커와 다른 브로커 사이의 네트워크를 끊거나 다시 잇습니다",
    partition_facts: [
        "리더 / 에포크",
        "복제본 / ISR",
        "로그 시작 / HW / LEO",
        "바이트 / 레코드",
        "리더 에포크",
    ],
    committed: "커밋",
    group_coordinator: "그룹 코디네이터",
    member_facts: ["위치", "소비함", "버퍼"],
    none: "없음",
    sync_suffix: " · 동기",
    msg_commit: "커밋",
    msg_ok: "ok",
    msg_sync_plan: "SyncGroup+할당",
    msg_retry: "재시도",
    msg_rejoin: "재참여!",
    msg_bye: "나감",
    producer: PRODUCER_KO,
    compare: COMPARE_KO,
    groups: GROUPS_KO,
    retention: RETENTION_KO,
};

/// The teaching-values note under the picture.
#[must_use]
pub fn teaching_note(lang: Lang, latency_ms: u64) -> String {
    match lang {
        Lang::En => format!(
            "Teaching values in force: network slowed to {latency_ms} ms per hop so messages are visible (a LAN takes well under 1 ms); auto-commit every 2 s (Kafka's default: 5 s); a follower leaves the ISR after 10 s behind (Kafka's default: 30 s); producer metadata refreshed every 10 s (metadata.max.age.ms, Kafka's default: 5 min), so added partitions are used soon; session.timeout.ms 10 s (Kafka's default: 45 s), so a crashed consumer is noticed sooner. Everything else uses Kafka's defaults."
        ),
        Lang::Ko => format!(
            "교육용 설정: 메시지가 보이도록 네트워크를 한 구간에 {latency_ms} ms로 늦췄습니다 (실제 LAN은 1 ms도 안 걸립니다). 자동 커밋은 2초마다 (Kafka 기본값: 5초), 팔로워는 10초 뒤처지면 ISR에서 빠지고 (Kafka 기본값: 30초), 프로듀서는 메타데이터를 10초마다 새로 받아 (metadata.max.age.ms, Kafka 기본값: 5분) 늘어난 파티션을 곧바로 씁니다. session.timeout.ms는 10초라서 (Kafka 기본값: 45초) 죽은 컨슈머를 더 빨리 알아챕니다. 나머지는 모두 Kafka 기본값입니다."
        ),
    }
}

/// The ledger's totals in words.
#[must_use]
pub fn ledger_line(lang: Lang, t: &crate::engine::Totals) -> String {
    match lang {
        Lang::En => format!(
            "created {} · appended {} · acknowledged {} · lost {} (of which acknowledged {}) · messages dropped {}",
            t.records_created, t.records_appended, t.records_acknowledged, t.records_lost, t.acknowledged_lost, t.messages_dropped
        ),
        Lang::Ko => format!(
            "생성 {} · 기록 {} · 확인 응답 {} · 유실 {} (그중 확인 응답을 받은 것 {}) · 사라진 메시지 {}",
            t.records_created, t.records_appended, t.records_acknowledged, t.records_lost, t.acknowledged_lost, t.messages_dropped
        ),
    }
}

/// The picture in one sentence, for screen readers.
#[must_use]
pub fn scene_summary(lang: Lang, sim: &crate::engine::Sim) -> String {
    let (b, p, g) = (
        sim.brokers().len(),
        sim.producers().len(),
        sim.groups().len(),
    );
    let t = sim.totals();
    let (created, acked, consumed) = (
        t.records_created,
        t.records_acknowledged,
        t.records_consumed,
    );
    match lang {
        Lang::En => format!(
            "{b} brokers, {p} producer(s), {g} consumer group(s); {created} records created, {acked} acknowledged, {consumed} consumed"
        ),
        Lang::Ko => format!(
            "브로커 {b}개, 프로듀서 {p}개, 컨슈머 그룹 {g}개. 레코드 생성 {created}, 확인 응답 {acked}, 소비 {consumed}"
        ),
    }
}

/// A record in the picture, for screen readers.
#[must_use]
pub fn record_label(lang: Lang, tp: &str, offset: u64, key: &str) -> String {
    match lang {
        Lang::En => format!("{tp} offset {offset} key {key}"),
        Lang::Ko => format!("{tp} 오프셋 {offset} 키 {key}"),
    }
}

/// The inspector's one-line summary of a record.
#[must_use]
pub fn record_summary(
    lang: Lang,
    tp: &str,
    offset: u64,
    key: &str,
    value: &str,
    bytes: u32,
) -> String {
    match lang {
        Lang::En => format!("{tp} · offset {offset} · key {key} · value {value} · {bytes} B"),
        Lang::Ko => format!("{tp} · 오프셋 {offset} · 키 {key} · 값 {value} · {bytes} B"),
    }
}

/// The partitioner's latest decision in the producer's box: sticky or
/// explicit (key hashes and round robin have their own texts).
#[must_use]
pub fn box_decision(lang: Lang, sticky: bool, partition: u32) -> String {
    match (lang, sticky) {
        (Lang::En, true) => format!("sticky → p{partition}"),
        (Lang::En, false) => format!("explicit → p{partition}"),
        (Lang::Ko, true) => format!("스티키 → p{partition}"),
        (Lang::Ko, false) => format!("직접 지정 → p{partition}"),
    }
}

/// A broker's slow button tooltip.
#[must_use]
pub fn slow_title(lang: Lang, ms: u64) -> String {
    match lang {
        Lang::En => format!("Add {ms} ms to every message to or from this broker"),
        Lang::Ko => format!("이 브로커가 주고받는 모든 메시지에 {ms} ms를 더합니다"),
    }
}

/// Scene messages: a JoinGroup answer.
#[must_use]
pub fn msg_joined(lang: Lang, generation: u32) -> String {
    match lang {
        Lang::En => format!("joined g{generation}"),
        Lang::Ko => format!("참여 g{generation}"),
    }
}

/// Scene messages: an OffsetsForLeaderEpoch request.
#[must_use]
pub fn msg_epoch(lang: Lang, epoch: u32) -> String {
    match lang {
        Lang::En => format!("epoch {epoch}?"),
        Lang::Ko => format!("에포크 {epoch}?"),
    }
}

/// Scene messages: an OffsetsForLeaderEpoch answer.
#[must_use]
pub fn msg_epoch_end(lang: Lang, end: u64) -> String {
    match lang {
        Lang::En => format!("end {end}"),
        Lang::Ko => format!("끝 {end}"),
    }
}

/// Width of a message label's pill: at least `min`, wide enough for the
/// text (Hangul is about 1.6 times as wide as Latin letters at 10 px).
#[must_use]
pub fn pill_width(label: &str, min: f64) -> f64 {
    let text: f64 = label
        .chars()
        .map(|c| if c.is_ascii() { 6.3 } else { 10.5 })
        .sum();
    (text + 10.0).max(min)
}

/// A lost record in the ledger; `offset` is `None` when it never had one.
#[must_use]
#[allow(clippy::too_many_arguments)]
pub fn lost_line(
    lang: Lang,
    record: &str,
    tp: &str,
    offset: Option<u64>,
    key: &str,
    at_ms: u64,
    acknowledged: bool,
    reason: crate::engine::errors::LossReason,
) -> String {
    let at = at_ms as f64 / 1000.0;
    match lang {
        Lang::En => {
            let place = offset.map_or(format!("({tp})"), |o| format!("({tp} offset {o})"));
            let acked = if acknowledged { ", acknowledged" } else { "" };
            format!(
                "{record} {place} key {key} at {at:.3} s{acked}: {}",
                crate::text::en_words::loss_reason(reason)
            )
        }
        Lang::Ko => {
            let place = offset.map_or(format!("({tp})"), |o| format!("({tp} 오프셋 {o})"));
            let acked = if acknowledged {
                ", 확인 응답 받음"
            } else {
                ""
            };
            format!(
                "{record} {place} 키 {key}, {at:.3} s{acked}: {}",
                super::event_text::loss_reason_ko(reason)
            )
        }
    }
}

/// Simulated time as `t = 12.345 s` (the same in both languages).
#[must_use]
pub fn format_time(ms: u64) -> String {
    format!("t = {}.{:03} s", ms / 1000, ms % 1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_pick_the_language() {
        assert_eq!(Lang::from_tag("ko-KR"), Lang::Ko);
        assert_eq!(Lang::from_tag("KO"), Lang::Ko);
        assert_eq!(Lang::from_tag("en-US"), Lang::En);
        assert_eq!(Lang::from_tag("fr"), Lang::En);
    }

    #[test]
    fn every_text_is_translated() {
        // Debug prints every field; no Korean field may equal its English one
        // except names that Kafka itself uses (ISR, config keys, examples).
        let en = format!("{EN:?}");
        let ko = format!("{KO:?}");
        assert_ne!(en, ko);
        assert_ne!(EN.play, KO.play);
        assert_ne!(EN.event_log, KO.event_log);
        assert!(KO.tagline.contains("Kafka"));
    }

    fn has_hangul(s: &str) -> bool {
        s.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
    }

    #[test]
    fn panels_are_translated() {
        assert_ne!(format!("{:?}", EN.producer), format!("{:?}", KO.producer));
        assert_ne!(format!("{:?}", EN.compare), format!("{:?}", KO.compare));
        assert_ne!(format!("{:?}", EN.groups), format!("{:?}", KO.groups));
        assert_ne!(format!("{:?}", EN.retention), format!("{:?}", KO.retention));
        for text in [
            KO.producer.settings,
            KO.producer.hint_restart,
            KO.compare.heading,
            KO.groups.consumer_groups,
            KO.retention.heading,
            KO.retention.intro,
        ] {
            assert!(has_hangul(text), "{text}");
        }
        assert!(KO.retention.hints.iter().all(|h| has_hangul(h)));
        assert!(KO.compare.strategies.iter().all(|(n, _)| has_hangul(n)));
        // The English comparison names are the engine's own.
        assert_eq!(
            EN.compare.strategies[0].0,
            crate::text::en_words::strategy(crate::engine::compare::STRATEGIES[0]).0
        );
    }

    #[test]
    fn engine_words_are_mapped_to_korean() {
        use crate::engine::consumer::MemberPhase;
        use crate::engine::lag::BurrowStatus;
        let statuses = [
            BurrowStatus::NotEnoughData,
            BurrowStatus::Ok,
            BurrowStatus::Warn,
            BurrowStatus::Stop,
            BurrowStatus::Stall,
            BurrowStatus::Rewind,
        ];
        for s in statuses {
            assert_eq!(groups::burrow_word(Lang::En, s), s.name());
            assert!(has_hangul(groups::burrow_word(Lang::Ko, s)));
            assert!(has_hangul(groups::burrow_explain(Lang::Ko, s)));
            // Burrow's own word stays beside the Korean one.
            assert!(groups::burrow_label(Lang::Ko, s).contains(s.name()));
        }
        let words: std::collections::BTreeSet<_> = statuses
            .iter()
            .map(|s| groups::burrow_word(Lang::Ko, *s))
            .collect();
        assert_eq!(words.len(), statuses.len());
        for p in [
            MemberPhase::Unjoined,
            MemberPhase::Joining,
            MemberPhase::AwaitingSync,
            MemberPhase::Stable,
            MemberPhase::Leaving,
            MemberPhase::Crashed,
        ] {
            assert_eq!(
                groups::phase_word(Lang::En, p),
                crate::text::en_words::phase_word(p)
            );
            assert!(has_hangul(groups::phase_word(Lang::Ko, p)));
        }
        assert!(has_hangul(&producer::round_robin(Lang::Ko, 1, Some(0))));
        assert_eq!(producer::round_robin(Lang::En, 1, None), "round robin → p1");
    }

    #[test]
    fn pills_grow_with_hangul() {
        assert_eq!(pill_width("ok", 18.0), 22.6);
        assert!(pill_width("재참여!", 44.0) > 44.0);
    }
}
