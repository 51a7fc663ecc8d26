//! Fixed texts of the producer panel, English and Korean side by side.

use super::labels::labels;

labels! {
    /// Fixed texts of the producer panel.
    ProducerLabel {
        /// "Producer" (heading, aria-label).
        Producer => "Producer",
            "프로듀서";
        /// "topic" in the heading.
        Topic => "topic",
            "토픽";
        /// Settings legend.
        Settings => "Settings",
            "설정";
        /// Rate label.
        Rate => "Rate",
            "전송 속도";
        /// Keys label.
        Keys => "Keys",
            "키";
        /// The key set of English names.
        KeySetNames => "names",
            "영어 이름";
        /// The key set of Korean names.
        KeySetKorean => "Korean names",
            "한국어 이름";
        /// The key set of 12 users.
        KeySetUsers => "12 users",
            "사용자 12명";
        /// Null keys only.
        KeySetNull => "null keys",
            "null 키";
        /// A key set typed elsewhere.
        Custom => "custom",
            "직접 지정";
        /// Partitioner label.
        Partitioner => "partitioner",
            "파티셔너";
        /// The built-in partitioner option.
        BuiltinOption => "built-in: murmur2 for keys, sticky for null keys",
            "기본 내장: 키가 있으면 murmur2, null 키면 스티키";
        /// The old round-robin option.
        RrLegacyOption => "RoundRobinPartitioner, Kafka 2.4–3.8 (skips)",
            "RoundRobinPartitioner, Kafka 2.4–3.8 (파티션을 건너뜀)";
        /// Adaptive partitioning checkbox.
        Adaptive => " adaptive partitioning",
            " 적응형 파티셔닝";
        /// Send mode label.
        SendMode => "send",
            "전송 방식";
        /// Async option.
        AsyncOption => "async (up to max.in.flight 5)",
            "비동기 (max.in.flight 5개까지)";
        /// Sync option.
        SyncOption => "sync: send().get()",
            "동기: send().get()";
        /// Idempotence asked for but off.
        IdempotenceOff => " enable.idempotence (off: needs acks=all)",
            " enable.idempotence (꺼짐: acks=all 필요)";
        /// Hint about the partitioners' names.
        HintPartitioners => "Built-in = no partitioner.class (Kafka 3.3+). Older posts call it DefaultPartitioner (murmur2 for keys) and UniformStickyPartitioner, both removed in Kafka 4.0. The old RoundRobinPartitioner skips partitions because a new batch calls partition() twice (KAFKA-9965, fixed in 3.9 by KAFKA-17632).",
            "기본 내장 = partitioner.class를 지정하지 않음 (Kafka 3.3+). 예전 글에서는 DefaultPartitioner(키는 murmur2)와 UniformStickyPartitioner라고 부르는데, 둘 다 Kafka 4.0에서 없어졌습니다. 예전 RoundRobinPartitioner는 새 배치를 만들 때 partition()을 두 번 불러서 파티션을 건너뜁니다 (KAFKA-9965, 3.9에서 KAFKA-17632로 수정).";
        /// Hint about changing settings.
        HintRestart => "Kafka fixes a producer's settings when it is created: a change here stands for restarting the producer with the new settings. Batches already queued are still delivered.",
            "Kafka는 프로듀서를 만들 때 설정을 고정합니다. 여기서 설정을 바꾸는 것은 새 설정으로 프로듀서를 다시 시작하는 것과 같습니다. 이미 쌓인 배치는 그대로 전달됩니다.";
        /// Send form aria-label.
        SendARecord => "Send a record",
            "레코드 보내기";
        /// Key field.
        Key => "key",
            "키";
        /// Null key checkbox.
        NullKey => " null key",
            " null 키";
        /// Value field.
        Value => "value",
            "값";
        /// Partition field.
        Partition => "partition",
            "파티션";
        /// No explicit partition.
        PartitionerDecides => "partitioner decides",
            "파티셔너가 결정";
        /// An explicit partition.
        Explicit => "explicit",
            "직접 지정";
        /// Send button.
        Send => "Send",
            "보내기";
        /// Partitioner stage aria-label.
        Decisions => "Partitioner decisions",
            "파티셔너의 결정";
        /// Partitioner stage heading.
        PartitionerHeading => "Partitioner",
            "파티셔너";
        /// Batches heading.
        Batches => "Batches",
            "배치";
        /// No batch waiting.
        NoBatchWaiting => "no batch waiting",
            "기다리는 배치 없음";
        /// A full batch.
        FullLeavesNow => "full: leaves now",
            "가득 참: 바로 전송";
        /// Hand records heading.
        HandRecords => "Your records, as stored by the leaders",
            "직접 보낸 레코드 (리더에 저장된 모습)";
        /// Add partitions heading.
        AddPartitions => "Add partitions",
            "파티션 추가";
        /// Warning title.
        KeysMayMove => "⚠ Keys may move. ",
            "⚠ 키가 다른 파티션으로 옮겨질 수 있습니다. ";
        /// Warning text.
        KeysMayMoveText => "A keyed record goes to murmur2(key) % partitions: with more partitions many keys map elsewhere. Records already written stay where they are, so the order per key breaks across the change. Kafka can add partitions, never remove them.",
            "키가 있는 레코드는 murmur2(키) % 파티션 수로 갑니다. 파티션이 늘면 많은 키가 다른 파티션에 배정됩니다. 이미 쓰인 레코드는 그 자리에 남으므로, 변경 전후로 키별 순서가 깨집니다. Kafka는 파티션을 늘릴 수는 있어도 줄일 수는 없습니다.";
        /// "on".
        On => "on",
            "켜짐";
        /// "off".
        Off => "off",
            "꺼짐";
    }
}
