//! Sentences of the retention panel, the offset-reset notes and the
//! segments drawn on a log row, with values in them. One variant per
//! sentence, one exhaustive `match` per language.

use crate::engine::config::OffsetReset;
use crate::engine::retention::{offset_reset_name, RemovalCause};

use super::label_retention::RetentionLabel;
use super::lang::{Lang, Say};
use super::line_app::seconds;
use super::template::say;

/// A duration in words: `604800000` → `7 days` (`7일`); else `… ms`.
#[must_use]
pub fn duration(lang: Lang, ms: u64) -> String {
    const UNITS: [u64; 4] = [86_400_000, 3_600_000, 60_000, 1_000];
    for (i, unit) in UNITS.into_iter().enumerate() {
        if ms >= unit && ms % unit == 0 {
            let n = ms / unit;
            return match lang {
                Lang::En => match i {
                    0 if n > 1 => format!("{n} days"),
                    0 => format!("{n} day"),
                    1 if n > 1 => format!("{n} hours"),
                    1 => format!("{n} hour"),
                    2 => format!("{n} min"),
                    _ => format!("{n} s"),
                },
                Lang::Ko => match i {
                    0 => format!("{n}일"),
                    1 => format!("{n}시간"),
                    2 => format!("{n}분"),
                    _ => format!("{n}초"),
                },
            };
        }
    }
    format!("{ms} ms")
}

/// A size in binary units: `1073741824` → `1 GiB` (the same in both languages).
#[must_use]
pub fn bytes(bytes: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")];
    for (unit, name) in UNITS {
        if bytes >= unit && bytes % unit == 0 {
            return format!("{} {name}", bytes / unit);
        }
    }
    format!("{bytes} B")
}

/// A sentence of the retention panel.
#[derive(Clone, Debug, PartialEq)]
pub enum RetentionLine {
    /// A config value in ms with its duration: `604800000 (7 days)`.
    Millis(u64),
    /// A config value in bytes with its size: `1073741824 (1 GiB)`.
    Bytes(u64),
    /// The leader's log, cleaned below an offset.
    CleanedBelow {
        /// The cleaner's checkpoint.
        offset: u64,
    },
    /// One leader log in numbers.
    LeaderStat {
        /// The partition.
        tp: String,
        /// Segments.
        segments: usize,
        /// Bytes.
        bytes: u64,
        /// Records held.
        records: u64,
        /// The log start offset.
        log_start: u64,
        /// The cleaner's checkpoint, on a compacted topic.
        cleaned_below: Option<u64>,
    },
    /// A topic's heading.
    TopicHeading {
        /// The topic.
        topic: String,
    },
    /// The leaders' logs line (each already said by [`RetentionLine::LeaderStat`]).
    OnLeaders {
        /// The stats, joined.
        stats: String,
    },
    /// The retention check interval in force, with Kafka's default.
    IntervalInForce {
        /// In force, ms.
        interval_ms: u64,
        /// Kafka's default, ms.
        default_ms: u64,
    },
    /// What the tombstone button does.
    TombstoneNote {
        /// The producer that sends it.
        producer: String,
    },
    /// A consumer's offset reset, under the picture.
    Reset {
        /// When, ms.
        at_ms: u64,
        /// The member.
        member: String,
        /// Its group.
        group: String,
        /// The partition.
        tp: String,
        /// Its position.
        from: u64,
        /// The new position (`None`: policy `none`).
        to: Option<u64>,
        /// The policy.
        policy: OffsetReset,
        /// The log start offset.
        log_start: u64,
        /// Offsets skipped.
        skipped: u64,
        /// Of them deleted by retention.
        deleted: u64,
    },
    /// A segment edge's tooltip.
    SegmentTitle {
        /// Its base offset.
        base: u64,
        /// Its records.
        records: u64,
        /// Its bytes.
        bytes: u64,
        /// It is the active segment.
        active: bool,
    },
    /// A removed record's tooltip.
    Removed {
        /// Its offset.
        offset: u64,
        /// Retention or the cleaner.
        cause: RemovalCause,
    },
}

impl Say for RetentionLine {
    fn say(&self, lang: Lang) -> String {
        match self {
            RetentionLine::Millis(ms) => format!("{ms} ({})", duration(lang, *ms)),
            RetentionLine::Bytes(b) => format!("{b} ({})", bytes(*b)),
            RetentionLine::CleanedBelow { offset } => say!(lang, offset;
                ", cleaned below offset {offset}",
                ", 오프셋 {offset} 앞까지 정리됨"),
            RetentionLine::LeaderStat {
                tp,
                segments,
                bytes: size,
                records,
                log_start,
                cleaned_below,
            } => say!(lang,
                tp, segments, size = bytes(*size), records, log_start,
                cleaned = cleaned_below.map_or(String::new(), |offset| RetentionLine::CleanedBelow { offset }.say(lang));
                "{tp}: {segments} segment(s), {size}, {records} record(s) held, log start {log_start}{cleaned}",
                "{tp}: 세그먼트 {segments}개, {size}, 레코드 {records}개 보관, 로그 시작 {log_start}{cleaned}"),
            RetentionLine::TopicHeading { topic } => {
                say!(lang, topic; "Topic {topic}", "토픽 {topic}")
            }
            RetentionLine::OnLeaders { stats } => {
                say!(lang, stats; "On the leaders: {stats}", "리더 기준: {stats}")
            }
            RetentionLine::IntervalInForce {
                interval_ms,
                default_ms,
            } => say!(lang,
                interval_ms, interval = duration(lang, *interval_ms), default_ms, default = duration(lang, *default_ms);
                " in force {interval_ms} ({interval}); Kafka's default {default_ms} ({default}). A static broker setting in Kafka (changed by a restart); here it applies at once.",
                " 적용 중 {interval_ms} ({interval}), Kafka 기본값 {default_ms} ({default}). Kafka에서는 브로커의 정적 설정이라 재시작해야 바뀌지만, 여기서는 바로 적용됩니다."),
            RetentionLine::TombstoneNote { producer } => say!(lang, producer;
                " from {producer}; the log cleaner runs every 15 s (log.cleaner.backoff.ms) and keeps the latest value of each key outside the active segment.",
                " {producer}{가} 보냅니다. 로그 클리너는 15초마다 (log.cleaner.backoff.ms) 돌면서, 활성 세그먼트 밖에서는 키마다 최신 값만 남깁니다."),
            RetentionLine::Reset {
                at_ms,
                member,
                group,
                tp,
                from,
                to,
                policy,
                log_start,
                skipped,
                deleted,
            } => {
                let at = seconds(*at_ms);
                let policy = offset_reset_name(*policy);
                match to {
                    None => say!(lang, at, member, group, tp, from, log_start;
                        "{at} s: {member} (group {group}) fell off {tp}: position {from} is below the log start offset {log_start}; auto.offset.reset=none, so the error went to the application and it stopped reading {tp}.",
                        "{at} s: 그룹 {group}의 {member}{가} {tp}에서 밀려났습니다. 위치 {from} < 로그 시작 오프셋 {log_start}. auto.offset.reset=none이라 오류가 애플리케이션에 전달되었고 {tp} 읽기를 멈췄습니다."),
                    Some(to) if to >= from => {
                        say!(lang, at, member, group, tp, from, log_start, policy, to, last = to.saturating_sub(1), skipped, deleted;
                            "{at} s: {member} (group {group}) fell off {tp}: position {from} was below the log start offset {log_start} (OFFSET_OUT_OF_RANGE). auto.offset.reset={policy} moved it to {to}: it skipped offsets {from}..{last} ({skipped} record offset(s), {deleted} deleted by retention before it read them).",
                            "{at} s: 그룹 {group}의 {member}{가} {tp}에서 밀려났습니다. 위치 {from} < 로그 시작 오프셋 {log_start} (OFFSET_OUT_OF_RANGE). auto.offset.reset={policy}에 따라 위치를 {to}에 맞췄습니다. 오프셋 {from}..{last} 건너뜀 (레코드 오프셋 {skipped}개, 그중 {deleted}개는 읽기 전에 보존 정책으로 삭제됨).")
                    }
                    Some(to) => say!(lang, at, member, group, from, tp, policy, to;
                        "{at} s: {member} (group {group})'s position {from} on {tp} was past the log end (OFFSET_OUT_OF_RANGE). auto.offset.reset={policy} moved it back to {to}.",
                        "{at} s: 그룹 {group}의 {member}의 {tp} 위치 {from}{이} 로그 끝을 넘어섰습니다 (OFFSET_OUT_OF_RANGE). auto.offset.reset={policy}에 따라 위치를 {to}에 되돌렸습니다."),
                }
            }
            RetentionLine::SegmentTitle {
                base,
                records,
                bytes,
                active,
            } => say!(lang, base, records, bytes,
                active = if *active { RetentionLabel::Active.say(lang) } else { "" };
                "segment from offset {base}: {records} record(s), {bytes} B{active}",
                "오프셋 {base}부터의 세그먼트: 레코드 {records}개, {bytes} B{active}"),
            RetentionLine::Removed { offset, cause } => say!(lang, offset,
                cause = match cause {
                RemovalCause::Retention(_) => RetentionLabel::DeletedByRetention.say(lang),
                RemovalCause::Compaction => RetentionLabel::RemovedByCleaner.say(lang),
                };
                "offset {offset}: {cause}",
                "오프셋 {offset}: {cause}"),
        }
    }
}
