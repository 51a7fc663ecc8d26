//! Sentences of the page with values in them: the teaching note, the
//! ledger, what the picture shows (for screen readers), a record's summary,
//! the producer box's latest decision, tooltips and the labels of messages
//! in the picture. One variant per sentence, one exhaustive `match` per
//! language.

use crate::engine::errors::LossReason;
use crate::engine::RecordId;

use super::lang::Say;
use super::template::say;
use super::words::{self, Lang};

/// A sentence of the page.
#[derive(Clone, Debug, PartialEq)]
pub enum AppLine {
    /// The teaching values in force, under the picture.
    TeachingNote {
        /// One-way latency of a hop, ms.
        latency_ms: u64,
    },
    /// The ledger's totals.
    Ledger {
        /// Records created.
        created: u64,
        /// Appended.
        appended: u64,
        /// Acknowledged.
        acknowledged: u64,
        /// Lost.
        lost: u64,
        /// Lost after their acknowledgement.
        acknowledged_lost: u64,
        /// Messages dropped.
        dropped: u64,
    },
    /// The picture in one sentence, for screen readers.
    SceneSummary {
        /// Brokers.
        brokers: usize,
        /// Producers.
        producers: usize,
        /// Consumer groups.
        groups: usize,
        /// Records created.
        created: u64,
        /// Acknowledged.
        acknowledged: u64,
        /// Consumed.
        consumed: u64,
    },
    /// A record in the picture, for screen readers.
    RecordLabel {
        /// Its partition.
        tp: String,
        /// Its offset.
        offset: u64,
        /// Its key (`null` when none).
        key: String,
    },
    /// The inspector's one-line summary of a record.
    RecordSummary {
        /// Its partition.
        tp: String,
        /// Its offset.
        offset: u64,
        /// Its key, as the event log writes it.
        key: String,
        /// Its value.
        value: String,
        /// Its bytes.
        bytes: u32,
    },
    /// The producer box's latest decision: sticky (or explicit) → partition.
    BoxDecision {
        /// Sticky (else explicit).
        sticky: bool,
        /// The partition.
        partition: u32,
    },
    /// The producer box's latest round-robin decision.
    BoxRoundRobin {
        /// The partition.
        partition: u32,
        /// A partition the old round robin skipped.
        skipped: Option<u32>,
    },
    /// The slow button's tooltip.
    SlowTitle {
        /// Extra latency, ms.
        ms: u64,
    },
    /// Message label: a JoinGroup answer.
    MsgJoined {
        /// The generation.
        generation: u32,
    },
    /// Message label: an OffsetsForLeaderEpoch request.
    MsgEpoch {
        /// The epoch asked about.
        epoch: u32,
    },
    /// Message label: an OffsetsForLeaderEpoch answer.
    MsgEpochEnd {
        /// The end offset of the epoch.
        end: u64,
    },
    /// A record lost for ever, in the ledger.
    Lost {
        /// The record.
        record: RecordId,
        /// Its partition.
        tp: String,
        /// Its offset, if it had one.
        offset: Option<u64>,
        /// Its key.
        key: String,
        /// When, simulated ms.
        at_ms: u64,
        /// It had been acknowledged.
        acknowledged: bool,
        /// Why.
        reason: LossReason,
    },
}

impl Say for AppLine {
    fn say(&self, lang: Lang) -> String {
        match self {
            AppLine::TeachingNote { latency_ms } => say!(lang, latency_ms;
                "Teaching values in force: network slowed to {latency_ms} ms per hop so messages are visible (a LAN takes well under 1 ms); auto-commit every 2 s (Kafka's default: 5 s); a follower leaves the ISR after 10 s behind (Kafka's default: 30 s); producer metadata refreshed every 10 s (metadata.max.age.ms, Kafka's default: 5 min), so added partitions are used soon; session.timeout.ms 10 s (Kafka's default: 45 s), so a crashed consumer is noticed sooner. Everything else uses Kafka's defaults.",
                "교육용 설정: 메시지가 보이도록 네트워크를 한 구간에 {latency_ms} ms로 늦췄습니다 (실제 근거리 네트워크는 1 ms도 안 걸립니다). 자동 커밋은 2초마다 (Kafka 기본값: 5초), 팔로워는 10초 뒤처지면 ISR에서 빠지고 (Kafka 기본값: 30초), 프로듀서는 메타데이터를 10초마다 새로 받아 (metadata.max.age.ms, Kafka 기본값: 5분) 늘어난 파티션을 곧바로 씁니다. session.timeout.ms는 10초라서 (Kafka 기본값: 45초) 죽은 컨슈머를 더 빨리 알아챕니다. 나머지는 모두 Kafka 기본값입니다."),
            AppLine::Ledger {
                created,
                appended,
                acknowledged,
                lost,
                acknowledged_lost,
                dropped,
            } => say!(lang,
                created, appended, acknowledged, lost, acknowledged_lost, dropped;
                "created {created} · appended {appended} · acknowledged {acknowledged} · lost {lost} (of which acknowledged {acknowledged_lost}) · messages dropped {dropped}",
                "생성 {created} · 기록 {appended} · 확인 응답 {acknowledged} · 유실 {lost} (그중 확인 응답을 받은 것 {acknowledged_lost}) · 사라진 메시지 {dropped}"),
            AppLine::SceneSummary {
                brokers,
                producers,
                groups,
                created,
                acknowledged,
                consumed,
            } => say!(lang,
                brokers, producers, groups, created, acknowledged, consumed;
                "{brokers} brokers, {producers} producer(s), {groups} consumer group(s); {created} records created, {acknowledged} acknowledged, {consumed} consumed",
                "브로커 {brokers}개, 프로듀서 {producers}개, 컨슈머 그룹 {groups}개. 레코드 생성 {created}, 확인 응답 {acknowledged}, 소비 {consumed}"),
            AppLine::RecordLabel { tp, offset, key } => say!(lang, tp, offset, key;
                "{tp} offset {offset} key {key}",
                "{tp} 오프셋 {offset} 키 {key}"),
            AppLine::RecordSummary {
                tp,
                offset,
                key,
                value,
                bytes,
            } => say!(lang, tp, offset, key, value, bytes;
                "{tp} · offset {offset} · key {key} · value {value} · {bytes} B",
                "{tp} · 오프셋 {offset} · 키 {key} · 값 {value} · {bytes} B"),
            AppLine::BoxDecision {
                sticky: true,
                partition,
            } => say!(lang, partition; "sticky → p{partition}", "스티키 → p{partition}"),
            AppLine::BoxDecision {
                sticky: false,
                partition,
            } => say!(lang, partition;
                "explicit → p{partition}",
                "직접 지정 → p{partition}"),
            AppLine::BoxRoundRobin {
                partition,
                skipped: None,
            } => say!(lang, partition;
                "round robin → p{partition}",
                "라운드 로빈 → p{partition}"),
            AppLine::BoxRoundRobin {
                partition,
                skipped: Some(skipped),
            } => say!(lang, partition, skipped;
                "round robin → p{partition} (skips p{skipped})",
                "라운드 로빈 → p{partition} (p{skipped} 건너뜀)"),
            AppLine::SlowTitle { ms } => say!(lang, ms;
                "Add {ms} ms to every message to or from this broker",
                "이 브로커가 주고받는 모든 메시지에 {ms} ms를 더합니다"),
            AppLine::MsgJoined { generation } => {
                say!(lang, generation; "joined g{generation}", "참여 g{generation}")
            }
            AppLine::MsgEpoch { epoch } => say!(lang, epoch; "epoch {epoch}?", "에포크 {epoch}?"),
            AppLine::MsgEpochEnd { end } => say!(lang, end; "end {end}", "끝 {end}"),
            AppLine::Lost {
                record,
                tp,
                offset,
                key,
                at_ms,
                acknowledged,
                reason,
            } => {
                let place = match offset {
                    Some(offset) => {
                        say!(lang, tp, offset; "({tp} offset {offset})", "({tp} 오프셋 {offset})")
                    }
                    None => format!("({tp})"),
                };
                let acked = if *acknowledged {
                    say!(lang; ", acknowledged", ", 확인 응답 받음")
                } else {
                    String::new()
                };
                say!(lang, record, place, key, at = seconds(*at_ms), acked, reason = words::loss_reason(lang, *reason);
                    "{record} {place} key {key} at {at} s{acked}: {reason}",
                    "{record} {place} 키 {key}, {at} s{acked}: {reason}")
            }
        }
    }
}

/// Simulated ms as seconds with three decimals: `12.345`.
#[must_use]
pub fn seconds(ms: u64) -> String {
    format!("{}.{:03}", ms / 1000, ms % 1000)
}

/// Simulated time as `t = 12.345 s` (the same in both languages).
#[must_use]
pub fn format_time(ms: u64) -> String {
    format!("t = {} s", seconds(ms))
}
