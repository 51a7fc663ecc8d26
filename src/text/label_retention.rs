//! Fixed texts of the retention panel and of the segments drawn on a log
//! row, one exhaustive `match` per language.

use super::lang::Lang;

/// Fixed texts of the retention panel and the segments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RetentionLabel {
    /// Heading.
    Heading,
    /// How retention works.
    Intro,
    /// Teaching values button.
    Teaching,
    /// Its tooltip.
    TeachingTitle,
    /// Retention scene button.
    OpenScene,
    /// Its tooltip.
    OpenSceneTitle,
    /// Config table column: the config.
    ColConfig,
    /// Config table column: the value in force.
    ColInForce,
    /// Config table column: Kafka's default.
    ColDefault,
    /// Config table column: a change.
    ColChange,
    /// What `retention.ms` does.
    HintRetentionMs,
    /// What `retention.bytes` does.
    HintRetentionBytes,
    /// What `segment.bytes` does.
    HintSegmentBytes,
    /// What `segment.ms` does.
    HintSegmentMs,
    /// What `cleanup.policy` does.
    HintCleanupPolicy,
    /// What `delete.retention.ms` does.
    HintDeleteRetentionMs,
    /// What `min.cleanable.dirty.ratio` does.
    HintMinCleanableDirtyRatio,
    /// `-1 (no limit)`.
    NoLimit,
    /// Check interval label.
    IntervalLabel,
    /// Tombstone key label.
    TombstoneKey,
    /// Tombstone button.
    SendTombstone,
    /// How consumers reset.
    ResetHint,
    /// Offset reset notes aria-label.
    ResetsLabel,
    /// Offset reset note head.
    OffsetReset,
    /// Log start marker on a log row.
    LogStart,
    /// A record deleted by retention.
    DeletedByRetention,
    /// A record removed by the cleaner.
    RemovedByCleaner,
    /// The active segment.
    Active,
}

impl RetentionLabel {
    /// Every label, for tests that walk them all.
    pub const ALL: [RetentionLabel; 28] = [
        RetentionLabel::Heading,
        RetentionLabel::Intro,
        RetentionLabel::Teaching,
        RetentionLabel::TeachingTitle,
        RetentionLabel::OpenScene,
        RetentionLabel::OpenSceneTitle,
        RetentionLabel::ColConfig,
        RetentionLabel::ColInForce,
        RetentionLabel::ColDefault,
        RetentionLabel::ColChange,
        RetentionLabel::HintRetentionMs,
        RetentionLabel::HintRetentionBytes,
        RetentionLabel::HintSegmentBytes,
        RetentionLabel::HintSegmentMs,
        RetentionLabel::HintCleanupPolicy,
        RetentionLabel::HintDeleteRetentionMs,
        RetentionLabel::HintMinCleanableDirtyRatio,
        RetentionLabel::NoLimit,
        RetentionLabel::IntervalLabel,
        RetentionLabel::TombstoneKey,
        RetentionLabel::SendTombstone,
        RetentionLabel::ResetHint,
        RetentionLabel::ResetsLabel,
        RetentionLabel::OffsetReset,
        RetentionLabel::LogStart,
        RetentionLabel::DeletedByRetention,
        RetentionLabel::RemovedByCleaner,
        RetentionLabel::Active,
    ];

    /// The label in `lang`.
    #[must_use]
    pub fn say(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en(),
            Lang::Ko => self.ko(),
        }
    }

    /// In English.
    #[must_use]
    pub fn en(self) -> &'static str {
        match self {
            RetentionLabel::Heading => "Retention, segments, compaction",
            RetentionLabel::Intro => "Each partition replica's log is a list of segments; the last is the active one. Every broker checks its own logs every log.retention.check.interval.ms and deletes whole segments, oldest first, never past the high watermark; the log start offset moves to the first kept segment. Reading deletes nothing.",
            RetentionLabel::Teaching => "Use teaching values",
            RetentionLabel::TeachingTitle => "Small values so that segments roll and retention deletes within seconds",
            RetentionLabel::OpenScene => "Open the retention scene",
            RetentionLabel::OpenSceneTitle => "A slow consumer group falls off the log start and resets",
            RetentionLabel::ColConfig => "Config",
            RetentionLabel::ColInForce => "In force",
            RetentionLabel::ColDefault => "Kafka's default",
            RetentionLabel::ColChange => "Change",
            RetentionLabel::HintRetentionMs => "a segment goes once its newest record is older (-1: no limit)",
            RetentionLabel::HintRetentionBytes => "per partition replica; the log may stay up to one segment above (-1: no limit)",
            RetentionLabel::HintSegmentBytes => "a new segment starts when a batch would pass it (Kafka 4 needs at least 1 MiB; the simulator takes 14 B and up, as Kafka 3 did)",
            RetentionLabel::HintSegmentMs => "a new segment starts when a batch comes this long after the segment's first",
            RetentionLabel::HintCleanupPolicy => "delete: retention; compact: keep the latest value per key",
            RetentionLabel::HintDeleteRetentionMs => "how long the cleaner keeps a tombstone",
            RetentionLabel::HintMinCleanableDirtyRatio => "the cleaner compacts once this share of the log is not yet cleaned",
            RetentionLabel::NoLimit => "-1 (no limit)",
            RetentionLabel::IntervalLabel => "log.retention.check.interval.ms (every broker) ",
            RetentionLabel::TombstoneKey => "Tombstone key ",
            RetentionLabel::SendTombstone => "Send a tombstone (null value)",
            RetentionLabel::ResetHint => "A consumer whose position falls below the log start offset gets OFFSET_OUT_OF_RANGE and applies auto.offset.reset: earliest → log start, latest → high watermark (Kafka's default), none → an error. The simulated consumer takes the log start offset and HW from the fetch answer; Kafka's asks the leader again with a ListOffsets request.",
            RetentionLabel::ResetsLabel => "Consumer offset resets",
            RetentionLabel::OffsetReset => "⟲ Offset reset · ",
            RetentionLabel::LogStart => "start",
            RetentionLabel::DeletedByRetention => "deleted by retention",
            RetentionLabel::RemovedByCleaner => "removed by the log cleaner",
            RetentionLabel::Active => " (active)",
        }
    }

    /// In Korean.
    #[must_use]
    pub fn ko(self) -> &'static str {
        match self {
            RetentionLabel::Heading => "보존 정책, 세그먼트, 컴팩션",
            RetentionLabel::Intro => "파티션 복제본의 로그는 세그먼트의 목록이고, 마지막 세그먼트가 활성 세그먼트입니다. 브로커는 log.retention.check.interval.ms마다 자기 로그를 검사해서 가장 오래된 세그먼트부터 통째로 지우며, 하이 워터마크를 넘어서 지우지는 않습니다. 로그 시작 오프셋은 남은 첫 세그먼트로 옮겨집니다. 읽는다고 지워지지는 않습니다.",
            RetentionLabel::Teaching => "교육용 값 쓰기",
            RetentionLabel::TeachingTitle => "작은 값을 넣어 몇 초 안에 세그먼트가 바뀌고 보존 정책이 지우게 합니다",
            RetentionLabel::OpenScene => "보존 정책 장면 열기",
            RetentionLabel::OpenSceneTitle => "느린 컨슈머 그룹이 로그 시작 오프셋보다 뒤처져 오프셋이 리셋됩니다",
            RetentionLabel::ColConfig => "설정",
            RetentionLabel::ColInForce => "적용 중",
            RetentionLabel::ColDefault => "Kafka 기본값",
            RetentionLabel::ColChange => "변경",
            RetentionLabel::HintRetentionMs => "세그먼트의 가장 새 레코드가 이보다 오래되면 세그먼트를 지움 (-1: 제한 없음)",
            RetentionLabel::HintRetentionBytes => "파티션 복제본마다; 로그는 세그먼트 하나만큼 넘을 수 있음 (-1: 제한 없음)",
            RetentionLabel::HintSegmentBytes => "배치가 이 크기를 넘기게 되면 새 세그먼트 시작 (Kafka 4는 최소 1 MiB; 시뮬레이터는 Kafka 3처럼 14 B부터 받음)",
            RetentionLabel::HintSegmentMs => "세그먼트의 첫 배치 뒤 이만큼 지나서 배치가 오면 새 세그먼트 시작",
            RetentionLabel::HintCleanupPolicy => "delete: 보존 정책으로 삭제, compact: 키마다 최신 값만 남김",
            RetentionLabel::HintDeleteRetentionMs => "클리너가 툼스톤을 남겨 두는 시간",
            RetentionLabel::HintMinCleanableDirtyRatio => "아직 정리되지 않은 부분이 로그에서 이 비율을 넘으면 클리너가 컴팩션",
            RetentionLabel::NoLimit => "-1 (제한 없음)",
            RetentionLabel::IntervalLabel => "log.retention.check.interval.ms (모든 브로커) ",
            RetentionLabel::TombstoneKey => "툼스톤 키 ",
            RetentionLabel::SendTombstone => "툼스톤 보내기 (값이 null)",
            RetentionLabel::ResetHint => "위치가 로그 시작 오프셋보다 앞인 컨슈머는 OFFSET_OUT_OF_RANGE를 받고 auto.offset.reset을 따릅니다: earliest → 로그 시작, latest → 하이 워터마크 (Kafka 기본값), none → 오류. 시뮬레이션 컨슈머는 로그 시작 오프셋과 HW를 페치 응답에서 얻고, 실제 Kafka 컨슈머는 ListOffsets 요청으로 리더에게 다시 묻습니다.",
            RetentionLabel::ResetsLabel => "컨슈머 오프셋 리셋",
            RetentionLabel::OffsetReset => "⟲ 오프셋 리셋 · ",
            RetentionLabel::LogStart => "시작",
            RetentionLabel::DeletedByRetention => "보존 정책으로 삭제됨",
            RetentionLabel::RemovedByCleaner => "로그 클리너가 제거함",
            RetentionLabel::Active => " (활성)",
        }
    }
}
