//! Fixed texts of the retention panel and of the segments drawn on a log
//! row, English and Korean side by side.

use super::labels::labels;

labels! {
    /// Fixed texts of the retention panel and the segments.
    RetentionLabel {
        /// Heading.
        Heading => "Retention, segments, compaction",
            "보존 정책, 세그먼트, 컴팩션";
        /// How retention works.
        Intro => "Each partition replica's log is a list of segments; the last is the active one. Every broker checks its own logs every log.retention.check.interval.ms and deletes whole segments, oldest first, never past the high watermark; the log start offset moves to the first kept segment. Reading deletes nothing.",
            "파티션 복제본의 로그는 세그먼트의 목록이고, 마지막 세그먼트가 활성 세그먼트입니다. 브로커는 log.retention.check.interval.ms마다 자기 로그를 검사해서 가장 오래된 세그먼트부터 통째로 지우며, 하이 워터마크를 넘어서 지우지는 않습니다. 로그 시작 오프셋은 남은 첫 세그먼트로 옮겨집니다. 읽는다고 지워지지는 않습니다.";
        /// Teaching values button.
        Teaching => "Use teaching values",
            "교육용 값 쓰기";
        /// Its tooltip.
        TeachingTitle => "Small values so that segments roll and retention deletes within seconds",
            "작은 값을 넣어 몇 초 안에 세그먼트가 바뀌고 보존 정책이 지우게 합니다";
        /// Retention scene button.
        OpenScene => "Open the retention scene",
            "보존 정책 장면 열기";
        /// Its tooltip.
        OpenSceneTitle => "A slow consumer group falls off the log start and resets",
            "느린 컨슈머 그룹이 로그 시작 오프셋보다 뒤처져 오프셋이 리셋됩니다";
        /// Config table column: the config.
        ColConfig => "Config",
            "설정";
        /// Config table column: the value in force.
        ColInForce => "In force",
            "적용 중";
        /// Config table column: Kafka's default.
        ColDefault => "Kafka's default",
            "Kafka 기본값";
        /// Config table column: a change.
        ColChange => "Change",
            "변경";
        /// What `retention.ms` does.
        HintRetentionMs => "a segment goes once its newest record is older (-1: no limit)",
            "세그먼트의 가장 새 레코드가 이보다 오래되면 세그먼트를 지움 (-1: 제한 없음)";
        /// What `retention.bytes` does.
        HintRetentionBytes => "per partition replica; the log may stay up to one segment above (-1: no limit)",
            "파티션 복제본마다; 로그는 세그먼트 하나만큼 넘을 수 있음 (-1: 제한 없음)";
        /// What `segment.bytes` does.
        HintSegmentBytes => "a new segment starts when a batch would pass it (Kafka 4 needs at least 1 MiB; the simulator takes 14 B and up, as Kafka 3 did)",
            "배치가 이 크기를 넘기게 되면 새 세그먼트 시작 (Kafka 4는 최소 1 MiB; 시뮬레이터는 Kafka 3처럼 14 B부터 받음)";
        /// What `segment.ms` does.
        HintSegmentMs => "a new segment starts when a batch comes this long after the segment's first",
            "세그먼트의 첫 배치 뒤 이만큼 지나서 배치가 오면 새 세그먼트 시작";
        /// What `cleanup.policy` does.
        HintCleanupPolicy => "delete: retention; compact: keep the latest value per key",
            "delete: 보존 정책으로 삭제, compact: 키마다 최신 값만 남김";
        /// What `delete.retention.ms` does.
        HintDeleteRetentionMs => "how long the cleaner keeps a tombstone",
            "클리너가 툼스톤을 남겨 두는 시간";
        /// What `min.cleanable.dirty.ratio` does.
        HintMinCleanableDirtyRatio => "the cleaner compacts once more than this share of the log is not yet cleaned",
            "아직 정리되지 않은 부분이 로그에서 이 비율을 넘으면 클리너가 컴팩션";
        /// `-1 (no limit)`.
        NoLimit => "-1 (no limit)",
            "-1 (제한 없음)";
        /// Check interval label.
        IntervalLabel => "log.retention.check.interval.ms (every broker) ",
            "log.retention.check.interval.ms (모든 브로커) ";
        /// Tombstone key label.
        TombstoneKey => "Tombstone key ",
            "툼스톤 키 ";
        /// Tombstone button.
        SendTombstone => "Send a tombstone (null value)",
            "툼스톤 보내기 (값이 null)";
        /// How consumers reset.
        ResetHint => "A consumer whose position falls below the log start offset gets OFFSET_OUT_OF_RANGE and applies auto.offset.reset: earliest → log start, latest → high watermark (Kafka's default), none → an error. The simulated consumer takes the log start offset and HW from the fetch answer; Kafka's asks the leader again with a ListOffsets request.",
            "위치가 로그 시작 오프셋보다 앞인 컨슈머는 OFFSET_OUT_OF_RANGE를 받고 auto.offset.reset을 따릅니다: earliest → 로그 시작, latest → 하이 워터마크 (Kafka 기본값), none → 오류. 시뮬레이션 컨슈머는 로그 시작 오프셋과 HW를 페치 응답에서 얻고, 실제 Kafka 컨슈머는 ListOffsets 요청으로 리더에게 다시 묻습니다.";
        /// Offset reset notes aria-label.
        ResetsLabel => "Consumer offset resets",
            "컨슈머 오프셋 리셋";
        /// Offset reset note head.
        OffsetReset => "⟲ Offset reset · ",
            "⟲ 오프셋 리셋 · ";
        /// Log start marker on a log row.
        LogStart => "start",
            "시작";
        /// A record deleted by retention.
        DeletedByRetention => "deleted by retention",
            "보존 정책으로 삭제됨";
        /// A record removed by the cleaner.
        RemovedByCleaner => "removed by the log cleaner",
            "로그 클리너가 제거함";
        /// The active segment.
        Active => " (active)",
            " (활성)";
    }
}
