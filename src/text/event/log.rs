//! Replica logs: segments, retention, the log start offset, compaction, topic configs. As sentences, in both languages side by side.

use crate::engine::event::LogStartCause;
use crate::engine::log::DeletionReason;
use crate::engine::log::RollReason;

use crate::text::lang::{Lang, Say};
use crate::text::template::say;

/// Replica logs: segments, retention, the log start offset, compaction, topic configs.
#[derive(Clone, Debug, PartialEq)]
pub enum LogLine {
    /// A replica's log rolled a new segment.
    SegmentRolled {
        /// The broker.
        broker: String,
        /// The partition.
        tp: String,
        /// The new segment's base offset.
        base_offset: u64,
        /// Why.
        reason: RollReason,
    },
    /// Retention deleted segments.
    SegmentsDeleted {
        /// The broker.
        broker: String,
        /// How many segments.
        segments: u32,
        /// The partition.
        tp: String,
        /// First deleted offset.
        first: u64,
        /// First kept offset.
        end: u64,
        /// Records freed.
        records: u64,
        /// Bytes freed.
        bytes: u64,
        /// Why.
        reason: DeletionReason,
    },
    /// A replica's log start offset moved.
    LogStartMoved {
        /// The partition.
        tp: String,
        /// The broker.
        broker: String,
        /// The new log start offset.
        log_start_offset: u64,
        /// Why.
        cause: LogStartCause,
    },
    /// The log cleaner compacted a log.
    LogCompacted {
        /// The broker.
        broker: String,
        /// The partition.
        tp: String,
        /// Cleaned below this offset.
        end_offset: u64,
        /// Dirty share, percent.
        dirty_percent: u32,
        /// Older values of a key removed.
        superseded: u64,
        /// Tombstones removed.
        tombstones: u64,
        /// Records without a key removed.
        keyless: u64,
        /// Bytes before.
        bytes_before: u64,
        /// Bytes after.
        bytes_after: u64,
        /// Segments before.
        segments_before: u32,
        /// Segments after.
        segments_after: u32,
    },
    /// A topic config changed.
    TopicConfigChanged {
        /// The topic.
        topic: String,
        /// The config name.
        name: String,
        /// Its value now.
        new: String,
        /// Its value before.
        old: String,
    },
    /// Every broker's retention check interval changed.
    RetentionCheckInterval {
        /// The interval, ms.
        interval_ms: u64,
    },
}

impl Say for LogLine {
    fn say(&self, lang: Lang) -> String {
        match self {
            LogLine::SegmentRolled {
                broker,
                tp,
                base_offset,
                reason,
            } => {
                let why = match reason {
                    RollReason::SegmentBytes => say!(lang;
                        "the next batch would pass segment.bytes",
                        "다음 배치가 segment.bytes를 넘기게 됨"),
                    RollReason::SegmentMs => say!(lang;
                        "the active segment's first batch is older than segment.ms",
                        "활성 세그먼트의 첫 배치가 segment.ms보다 오래됨"),
                    RollReason::Retention => say!(lang;
                        "retention deletes every segment, so an empty one starts first",
                        "보존 정책이 모든 세그먼트를 지우므로 빈 세그먼트를 먼저 시작"),
                };
                say!(lang, broker, tp, base_offset, why;
                    "{broker} rolls {tp} to a new segment at offset {base_offset} ({why})",
                    "{broker}{가} {tp}의 새 세그먼트를 오프셋 {base_offset}에서 시작 ({why})")
            }
            LogLine::SegmentsDeleted {
                broker,
                segments,
                tp,
                first,
                end,
                records,
                bytes,
                reason,
            } => {
                let why = match reason {
                    DeletionReason::RetentionMs => say!(lang;
                        "retention.ms: their newest record is older than the limit",
                        "retention.ms: 가장 새 레코드도 보존 기간보다 오래됨"),
                    DeletionReason::RetentionBytes => say!(lang;
                        "retention.bytes: the log is over the limit by at least a segment",
                        "retention.bytes: 로그가 한 세그먼트 이상 한도를 넘음"),
                    DeletionReason::LogStartOffset => say!(lang;
                        "wholly below the log start offset",
                        "로그 시작 오프셋보다 완전히 아래"),
                };
                say!(lang, broker, segments, tp, first, end, records, bytes, why;
                    "{broker} deletes {segments} segment(s) of {tp}: offsets {first}..{end} ({records} record(s), {bytes} B), {why}",
                    "{broker}{가} {tp}의 세그먼트 {segments}개 삭제: 오프셋 {first}..{end} (레코드 {records}개, {bytes} B), {why}")
            }
            LogLine::LogStartMoved {
                tp,
                broker,
                log_start_offset,
                cause: LogStartCause::Retention,
            } => say!(lang, tp, broker, log_start_offset;
                "{tp} log start offset on {broker} → {log_start_offset}",
                "{tp} 로그 시작 오프셋 ({broker}) → {log_start_offset}"),
            LogLine::LogStartMoved {
                tp,
                broker,
                log_start_offset,
                cause: LogStartCause::Leader,
            } => say!(lang, tp, broker, log_start_offset;
                "{tp} log start offset on {broker} → {log_start_offset} (a follower follows its leader's)",
                "{tp} 로그 시작 오프셋 ({broker}) → {log_start_offset} (팔로워는 리더를 따름)"),
            LogLine::LogCompacted {
                broker,
                tp,
                end_offset,
                dirty_percent,
                superseded,
                tombstones,
                keyless,
                bytes_before,
                bytes_after,
                segments_before,
                segments_after,
            } => {
                let mut parts = vec![say!(lang, superseded;
                    "{superseded} older value(s) of a key",
                    "같은 키의 이전 값 {superseded}개")];
                if *tombstones > 0 {
                    parts.push(say!(lang, tombstones;
                        "{tombstones} tombstone(s) past delete.retention.ms",
                        "delete.retention.ms가 지난 툼스톤 {tombstones}개"));
                }
                if *keyless > 0 {
                    parts.push(say!(lang, keyless; "{keyless} record(s) without a key", "키 없는 레코드 {keyless}개"));
                }
                say!(lang, broker, tp, end_offset, dirty_percent, removed = parts.join(", "), bytes_before, bytes_after, segments_before, segments_after;
                    "{broker} log cleaner compacts {tp} below offset {end_offset} (dirty {dirty_percent}%): removes {removed}; {bytes_before} B → {bytes_after} B, {segments_before} → {segments_after} segment(s); offsets stay, gaps remain",
                    "{broker}의 로그 클리너가 {tp}의 오프셋 {end_offset} 아래를 압축 (정리 안 된 비율 {dirty_percent}%): {removed} 제거; {bytes_before} B → {bytes_after} B, 세그먼트 {segments_before} → {segments_after}개; 오프셋은 그대로, 빈 자리가 남음")
            }
            LogLine::TopicConfigChanged {
                topic,
                name,
                new,
                old,
            } => say!(lang, topic, name, new, old;
                "topic {topic}: {name} = {new} (was {old})",
                "토픽 {topic}: {name} = {new} (이전 {old})"),
            LogLine::RetentionCheckInterval { interval_ms } => say!(lang, interval_ms;
                "every broker now checks retention every {interval_ms} ms (log.retention.check.interval.ms)",
                "모든 브로커가 이제 {interval_ms} ms마다 보존 정책을 확인 (log.retention.check.interval.ms)"),
        }
    }
}
