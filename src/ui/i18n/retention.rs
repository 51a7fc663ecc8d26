//! Texts of the retention panel, the offset-reset notes and the segments
//! drawn on a log row.

use super::Lang;
use crate::engine::retention::{offset_reset_name, OffsetResetNote};

/// The topic configs the retention panel shows, in its order.
pub const CONFIG_NAMES: [&str; 7] = [
    "retention.ms",
    "retention.bytes",
    "segment.bytes",
    "segment.ms",
    "cleanup.policy",
    "delete.retention.ms",
    "min.cleanable.dirty.ratio",
];

/// Fixed texts of the retention panel and the segments.
#[derive(Debug, PartialEq)]
pub struct RetentionTexts {
    /// Heading.
    pub heading: &'static str,
    /// How retention works.
    pub intro: &'static str,
    /// Teaching values button.
    pub teaching: &'static str,
    /// Its tooltip.
    pub teaching_title: &'static str,
    /// Retention scene button.
    pub open_scene: &'static str,
    /// Its tooltip.
    pub open_scene_title: &'static str,
    /// Config table column headings.
    pub columns: [&'static str; 4],
    /// What each config of [`CONFIG_NAMES`] does.
    pub hints: [&'static str; CONFIG_NAMES.len()],
    /// `-1 (no limit)`.
    pub no_limit: &'static str,
    /// Check interval label.
    pub interval_label: &'static str,
    /// Tombstone key label.
    pub tombstone_key: &'static str,
    /// Tombstone button.
    pub send_tombstone: &'static str,
    /// How consumers reset.
    pub reset_hint: &'static str,
    /// Offset reset notes aria-label.
    pub resets_label: &'static str,
    /// Offset reset note head.
    pub offset_reset: &'static str,
    /// Log start marker on a log row.
    pub log_start: &'static str,
    /// A record deleted by retention.
    pub deleted_by_retention: &'static str,
    /// A record removed by the cleaner.
    pub removed_by_cleaner: &'static str,
    /// The active segment.
    pub active: &'static str,
}

/// English.
pub const RETENTION_EN: RetentionTexts = RetentionTexts {
    heading: "Retention, segments, compaction",
    intro: "Each partition replica's log is a list of segments; the last is the active one. Every broker checks its own logs every log.retention.check.interval.ms and deletes whole segments, oldest first, never past the high watermark; the log start offset moves to the first kept segment. Reading deletes nothing.",
    teaching: "Use teaching values",
    teaching_title: "Small values so that segments roll and retention deletes within seconds",
    open_scene: "Open the retention scene",
    open_scene_title: "A slow consumer group falls off the log start and resets",
    columns: ["Config", "In force", "Kafka's default", "Change"],
    hints: [
        "a segment goes once its newest record is older (-1: no limit)",
        "per partition replica; the log may stay up to one segment above (-1: no limit)",
        "a new segment starts when a batch would pass it (Kafka 4 needs at least 1 MiB; the simulator takes 14 B and up, as Kafka 3 did)",
        "a new segment starts when a batch comes this long after the segment's first",
        "delete: retention; compact: keep the latest value per key",
        "how long the cleaner keeps a tombstone",
        "the cleaner compacts once this share of the log is not yet cleaned",
    ],
    no_limit: "-1 (no limit)",
    interval_label: "log.retention.check.interval.ms (every broker) ",
    tombstone_key: "Tombstone key ",
    send_tombstone: "Send a tombstone (null value)",
    reset_hint: "A consumer whose position falls below the log start offset gets OFFSET_OUT_OF_RANGE and applies auto.offset.reset: earliest → log start, latest → high watermark (Kafka's default), none → an error. The simulated consumer takes the log start offset and HW from the fetch answer; Kafka's asks the leader again with a ListOffsets request.",
    resets_label: "Consumer offset resets",
    offset_reset: "⟲ Offset reset · ",
    log_start: "start",
    deleted_by_retention: "deleted by retention",
    removed_by_cleaner: "removed by the log cleaner",
    active: " (active)",
};

/// Korean.
pub const RETENTION_KO: RetentionTexts = RetentionTexts {
    heading: "보존 정책, 세그먼트, 컴팩션",
    intro: "파티션 복제본의 로그는 세그먼트의 목록이고, 마지막 세그먼트가 활성 세그먼트입니다. 브로커는 log.retention.check.interval.ms마다 자기 로그를 검사해서 가장 오래된 세그먼트부터 통째로 지우며, 하이 워터마크를 넘어서 지우지는 않습니다. 로그 시작 오프셋은 남은 첫 세그먼트로 옮겨집니다. 읽는다고 지워지지는 않습니다.",
    teaching: "교육용 값 쓰기",
    teaching_title: "작은 값을 넣어 몇 초 안에 세그먼트가 바뀌고 보존 정책이 지우게 합니다",
    open_scene: "보존 정책 장면 열기",
    open_scene_title: "느린 컨슈머 그룹이 로그 시작 오프셋보다 뒤처져 오프셋이 리셋됩니다",
    columns: ["설정", "적용 중", "Kafka 기본값", "변경"],
    hints: [
        "세그먼트의 가장 새 레코드가 이보다 오래되면 세그먼트를 지움 (-1: 제한 없음)",
        "파티션 복제본마다; 로그는 세그먼트 하나만큼 넘을 수 있음 (-1: 제한 없음)",
        "배치가 이 크기를 넘기게 되면 새 세그먼트 시작 (Kafka 4는 최소 1 MiB; 시뮬레이터는 Kafka 3처럼 14 B부터 받음)",
        "세그먼트의 첫 배치 뒤 이만큼 지나서 배치가 오면 새 세그먼트 시작",
        "delete: 보존 정책으로 삭제, compact: 키마다 최신 값만 남김",
        "클리너가 툼스톤을 남겨 두는 시간",
        "아직 정리되지 않은 부분이 로그에서 이 비율을 넘으면 클리너가 컴팩션",
    ],
    no_limit: "-1 (제한 없음)",
    interval_label: "log.retention.check.interval.ms (모든 브로커) ",
    tombstone_key: "툼스톤 키 ",
    send_tombstone: "툼스톤 보내기 (값이 null)",
    reset_hint: "위치가 로그 시작 오프셋보다 앞인 컨슈머는 OFFSET_OUT_OF_RANGE를 받고 auto.offset.reset을 따릅니다: earliest → 로그 시작, latest → 하이 워터마크 (Kafka 기본값), none → 오류. 시뮬레이션 컨슈머는 로그 시작 오프셋과 HW를 fetch 응답에서 얻고, 실제 Kafka 컨슈머는 ListOffsets 요청으로 리더에게 다시 묻습니다.",
    resets_label: "컨슈머 오프셋 리셋",
    offset_reset: "⟲ 오프셋 리셋 · ",
    log_start: "시작",
    deleted_by_retention: "보존 정책으로 삭제됨",
    removed_by_cleaner: "로그 클리너가 제거함",
    active: " (활성)",
};

/// A duration in words: `604800000` → `7 days` (`7일`).
#[must_use]
pub fn duration_words(lang: Lang, ms: u64) -> String {
    const UNITS: [(u64, &str, &str); 4] = [
        (86_400_000, "day", "일"),
        (3_600_000, "hour", "시간"),
        (60_000, "min", "분"),
        (1_000, "s", "초"),
    ];
    for (unit, en, ko) in UNITS {
        if ms >= unit && ms % unit == 0 {
            let n = ms / unit;
            return match lang {
                Lang::En => {
                    let plural = if n > 1 && (en == "day" || en == "hour") {
                        "s"
                    } else {
                        ""
                    };
                    format!("{n} {en}{plural}")
                }
                Lang::Ko => format!("{n}{ko}"),
            };
        }
    }
    format!("{ms} ms")
}

/// ", cleaned below offset 12".
#[must_use]
pub fn cleaned_below(lang: Lang, offset: u64) -> String {
    match lang {
        Lang::En => format!(", cleaned below offset {offset}"),
        Lang::Ko => format!(", 오프셋 {offset} 앞까지 정리됨"),
    }
}

/// One leader log in numbers.
#[must_use]
pub fn leader_stat(
    lang: Lang,
    tp: &str,
    segments: usize,
    size: &str,
    records: usize,
    log_start: u64,
) -> String {
    match lang {
        Lang::En => format!(
            "{tp}: {segments} segment(s), {size}, {records} record(s) held, log start {log_start}"
        ),
        Lang::Ko => format!(
            "{tp}: 세그먼트 {segments}개, {size}, 레코드 {records}개 보관, 로그 시작 {log_start}"
        ),
    }
}

/// A topic's heading.
#[must_use]
pub fn topic_heading(lang: Lang, topic: &str) -> String {
    match lang {
        Lang::En => format!("Topic {topic}"),
        Lang::Ko => format!("토픽 {topic}"),
    }
}

/// The leaders' logs line.
#[must_use]
pub fn on_leaders(lang: Lang, stats: &str) -> String {
    match lang {
        Lang::En => format!("On the leaders: {stats}"),
        Lang::Ko => format!("리더 기준: {stats}"),
    }
}

/// The check interval in force, beside Kafka's default.
#[must_use]
pub fn interval_in_force(lang: Lang, interval_ms: u64, default_ms: u64) -> String {
    let (now, default) = (
        duration_words(lang, interval_ms),
        duration_words(lang, default_ms),
    );
    match lang {
        Lang::En => format!(
            " in force {interval_ms} ({now}); Kafka's default {default_ms} ({default}). A static broker setting in Kafka (changed by a restart); here it applies at once."
        ),
        Lang::Ko => format!(
            " 적용 중 {interval_ms} ({now}), Kafka 기본값 {default_ms} ({default}). Kafka에서는 브로커의 정적 설정이라 재시작해야 바뀌지만, 여기서는 바로 적용됩니다."
        ),
    }
}

/// What the tombstone button does.
#[must_use]
pub fn tombstone_note(lang: Lang, producer: &str) -> String {
    match lang {
        Lang::En => format!(
            " from {producer}; the log cleaner runs every 15 s (log.cleaner.backoff.ms) and keeps the latest value of each key outside the active segment."
        ),
        Lang::Ko => format!(
            " {producer}가 보냅니다. 로그 클리너는 15초마다 (log.cleaner.backoff.ms) 돌면서, 활성 세그먼트 밖에서는 키마다 최신 값만 남깁니다."
        ),
    }
}

/// A consumer's offset reset in words, for the note under the picture.
/// `group` and `tp` are the names of the note's group and partition.
#[must_use]
pub fn reset_words(lang: Lang, note: &OffsetResetNote, group: &str, tp: &str) -> String {
    let member = note.member.0;
    let at = format!("{}.{:03} s", note.at_ms / 1000, note.at_ms % 1000);
    let (from, start) = (note.from_offset, note.log_start_offset);
    let policy = offset_reset_name(note.policy);
    match (lang, note.to_offset) {
        (Lang::En, None) => format!(
            "{at}: consumer-{member} (group {group}) fell off {tp}: position {from} is below the log start offset {start}; auto.offset.reset=none, so the error went to the application and it stopped reading {tp}."
        ),
        (Lang::Ko, None) => format!(
            "{at}: consumer-{member} (그룹 {group})가 {tp}에서 밀려났습니다. 위치 {from} < 로그 시작 오프셋 {start}. auto.offset.reset=none이라 오류가 애플리케이션에 전달되었고 {tp} 읽기를 멈췄습니다."
        ),
        (Lang::En, Some(to)) if to >= from => format!(
            "{at}: consumer-{member} (group {group}) fell off {tp}: position {from} was below the log start offset {start} (OFFSET_OUT_OF_RANGE). auto.offset.reset={policy} moved it to {to}: it skipped offsets {from}..{} ({} record offset(s), {} deleted by retention before it read them).",
            to.saturating_sub(1),
            note.skipped(),
            note.deleted()
        ),
        (Lang::Ko, Some(to)) if to >= from => format!(
            "{at}: consumer-{member} (그룹 {group})가 {tp}에서 밀려났습니다. 위치 {from} < 로그 시작 오프셋 {start} (OFFSET_OUT_OF_RANGE). auto.offset.reset={policy}에 따라 위치를 {to}에 맞췄습니다. 오프셋 {from}..{} 건너뜀 (레코드 오프셋 {}개, 그중 {}개는 읽기 전에 보존 정책으로 삭제됨).",
            to.saturating_sub(1),
            note.skipped(),
            note.deleted()
        ),
        (Lang::En, Some(to)) => format!(
            "{at}: consumer-{member} (group {group})'s position {from} on {tp} was past the log end (OFFSET_OUT_OF_RANGE). auto.offset.reset={policy} moved it back to {to}."
        ),
        (Lang::Ko, Some(to)) => format!(
            "{at}: consumer-{member} (그룹 {group})의 {tp} 위치 {from}가 로그 끝을 넘어섰습니다 (OFFSET_OUT_OF_RANGE). auto.offset.reset={policy}에 따라 위치를 {to}에 되돌렸습니다."
        ),
    }
}

/// A segment edge's tooltip.
#[must_use]
pub fn segment_title(lang: Lang, base: u64, records: u64, bytes: u64, active: bool) -> String {
    let active = if active {
        lang.texts().retention.active
    } else {
        ""
    };
    match lang {
        Lang::En => format!("segment from offset {base}: {records} record(s), {bytes} B{active}"),
        Lang::Ko => format!("오프셋 {base}부터의 세그먼트: 레코드 {records}개, {bytes} B{active}"),
    }
}

/// A removed record's tooltip.
#[must_use]
pub fn removed_title(lang: Lang, offset: u64, why: &str) -> String {
    match lang {
        Lang::En => format!("offset {offset}: {why}"),
        Lang::Ko => format!("오프셋 {offset}: {why}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_in_both_languages() {
        assert_eq!(duration_words(Lang::En, 604_800_000), "7 days");
        assert_eq!(duration_words(Lang::En, 60_000), "1 min");
        assert_eq!(duration_words(Lang::En, 5_000), "5 s");
        assert_eq!(duration_words(Lang::En, 1_500), "1500 ms");
        assert_eq!(duration_words(Lang::Ko, 604_800_000), "7일");
        assert_eq!(duration_words(Lang::Ko, 3_600_000), "1시간");
        assert_eq!(duration_words(Lang::Ko, 300_000), "5분");
        assert_eq!(duration_words(Lang::Ko, 1_500), "1500 ms");
    }
}
