//! Fixed texts of the producer panel, one exhaustive `match` per language.

use super::lang::Lang;

/// Fixed texts of the producer panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProducerLabel {
    /// "Producer" (heading, aria-label).
    Producer,
    /// "topic" in the heading.
    Topic,
    /// Settings legend.
    Settings,
    /// Rate label.
    Rate,
    /// Keys label.
    Keys,
    /// The key set of English names.
    KeySetNames,
    /// The key set of Korean names.
    KeySetKorean,
    /// The key set of 12 users.
    KeySetUsers,
    /// Null keys only.
    KeySetNull,
    /// A key set typed elsewhere.
    Custom,
    /// Partitioner label.
    Partitioner,
    /// The built-in partitioner option.
    BuiltinOption,
    /// The old round-robin option.
    RrLegacyOption,
    /// Adaptive partitioning checkbox.
    Adaptive,
    /// Send mode label.
    SendMode,
    /// Async option.
    AsyncOption,
    /// Sync option.
    SyncOption,
    /// Idempotence asked for but off.
    IdempotenceOff,
    /// Hint about the partitioners' names.
    HintPartitioners,
    /// Hint about changing settings.
    HintRestart,
    /// Send form aria-label.
    SendARecord,
    /// Key field.
    Key,
    /// Null key checkbox.
    NullKey,
    /// Value field.
    Value,
    /// Partition field.
    Partition,
    /// No explicit partition.
    PartitionerDecides,
    /// An explicit partition.
    Explicit,
    /// Send button.
    Send,
    /// Partitioner stage aria-label.
    Decisions,
    /// Partitioner stage heading.
    PartitionerHeading,
    /// Batches heading.
    Batches,
    /// No batch waiting.
    NoBatchWaiting,
    /// A full batch.
    FullLeavesNow,
    /// Hand records heading.
    HandRecords,
    /// Add partitions heading.
    AddPartitions,
    /// Warning title.
    KeysMayMove,
    /// Warning text.
    KeysMayMoveText,
    /// "on".
    On,
    /// "off".
    Off,
}

impl ProducerLabel {
    /// Every label, for tests that walk them all.
    pub const ALL: [ProducerLabel; 39] = [
        ProducerLabel::Producer,
        ProducerLabel::Topic,
        ProducerLabel::Settings,
        ProducerLabel::Rate,
        ProducerLabel::Keys,
        ProducerLabel::KeySetNames,
        ProducerLabel::KeySetKorean,
        ProducerLabel::KeySetUsers,
        ProducerLabel::KeySetNull,
        ProducerLabel::Custom,
        ProducerLabel::Partitioner,
        ProducerLabel::BuiltinOption,
        ProducerLabel::RrLegacyOption,
        ProducerLabel::Adaptive,
        ProducerLabel::SendMode,
        ProducerLabel::AsyncOption,
        ProducerLabel::SyncOption,
        ProducerLabel::IdempotenceOff,
        ProducerLabel::HintPartitioners,
        ProducerLabel::HintRestart,
        ProducerLabel::SendARecord,
        ProducerLabel::Key,
        ProducerLabel::NullKey,
        ProducerLabel::Value,
        ProducerLabel::Partition,
        ProducerLabel::PartitionerDecides,
        ProducerLabel::Explicit,
        ProducerLabel::Send,
        ProducerLabel::Decisions,
        ProducerLabel::PartitionerHeading,
        ProducerLabel::Batches,
        ProducerLabel::NoBatchWaiting,
        ProducerLabel::FullLeavesNow,
        ProducerLabel::HandRecords,
        ProducerLabel::AddPartitions,
        ProducerLabel::KeysMayMove,
        ProducerLabel::KeysMayMoveText,
        ProducerLabel::On,
        ProducerLabel::Off,
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
            ProducerLabel::Producer => "Producer",
            ProducerLabel::Topic => "topic",
            ProducerLabel::Settings => "Settings",
            ProducerLabel::Rate => "Rate",
            ProducerLabel::Keys => "Keys",
            ProducerLabel::KeySetNames => "names",
            ProducerLabel::KeySetKorean => "Korean names",
            ProducerLabel::KeySetUsers => "12 users",
            ProducerLabel::KeySetNull => "null keys",
            ProducerLabel::Custom => "custom",
            ProducerLabel::Partitioner => "partitioner",
            ProducerLabel::BuiltinOption => "built-in: murmur2 for keys, sticky for null keys",
            ProducerLabel::RrLegacyOption => "RoundRobinPartitioner, Kafka 2.4–3.8 (skips)",
            ProducerLabel::Adaptive => " adaptive partitioning",
            ProducerLabel::SendMode => "send",
            ProducerLabel::AsyncOption => "async (up to max.in.flight 5)",
            ProducerLabel::SyncOption => "sync: send().get()",
            ProducerLabel::IdempotenceOff => " enable.idempotence (off: needs acks=all)",
            ProducerLabel::HintPartitioners => "Built-in = no partitioner.class (Kafka 3.3+). Older posts call it DefaultPartitioner (murmur2 for keys) and UniformStickyPartitioner, both removed in Kafka 4.0. The old RoundRobinPartitioner skips partitions because a new batch calls partition() twice (KAFKA-9965, fixed in 3.9 by KAFKA-17632).",
            ProducerLabel::HintRestart => "Kafka fixes a producer's settings when it is created: a change here stands for restarting the producer with the new settings. Batches already queued are still delivered.",
            ProducerLabel::SendARecord => "Send a record",
            ProducerLabel::Key => "key",
            ProducerLabel::NullKey => " null key",
            ProducerLabel::Value => "value",
            ProducerLabel::Partition => "partition",
            ProducerLabel::PartitionerDecides => "partitioner decides",
            ProducerLabel::Explicit => "explicit",
            ProducerLabel::Send => "Send",
            ProducerLabel::Decisions => "Partitioner decisions",
            ProducerLabel::PartitionerHeading => "Partitioner",
            ProducerLabel::Batches => "Batches",
            ProducerLabel::NoBatchWaiting => "no batch waiting",
            ProducerLabel::FullLeavesNow => "full: leaves now",
            ProducerLabel::HandRecords => "Your records, as stored by the leaders",
            ProducerLabel::AddPartitions => "Add partitions",
            ProducerLabel::KeysMayMove => "⚠ Keys may move. ",
            ProducerLabel::KeysMayMoveText => "A keyed record goes to murmur2(key) % partitions: with more partitions many keys map elsewhere. Records already written stay where they are, so the order per key breaks across the change. Kafka can add partitions, never remove them.",
            ProducerLabel::On => "on",
            ProducerLabel::Off => "off",
        }
    }

    /// In Korean.
    #[must_use]
    pub fn ko(self) -> &'static str {
        match self {
            ProducerLabel::Producer => "프로듀서",
            ProducerLabel::Topic => "토픽",
            ProducerLabel::Settings => "설정",
            ProducerLabel::Rate => "전송 속도",
            ProducerLabel::Keys => "키",
            ProducerLabel::KeySetNames => "영어 이름",
            ProducerLabel::KeySetKorean => "한국어 이름",
            ProducerLabel::KeySetUsers => "사용자 12명",
            ProducerLabel::KeySetNull => "null 키",
            ProducerLabel::Custom => "직접 지정",
            ProducerLabel::Partitioner => "파티셔너",
            ProducerLabel::BuiltinOption => "기본 내장: 키가 있으면 murmur2, null 키면 스티키",
            ProducerLabel::RrLegacyOption => "RoundRobinPartitioner, Kafka 2.4–3.8 (파티션을 건너뜀)",
            ProducerLabel::Adaptive => " 적응형 파티셔닝",
            ProducerLabel::SendMode => "전송 방식",
            ProducerLabel::AsyncOption => "비동기 (max.in.flight 5개까지)",
            ProducerLabel::SyncOption => "동기: send().get()",
            ProducerLabel::IdempotenceOff => " enable.idempotence (꺼짐: acks=all 필요)",
            ProducerLabel::HintPartitioners => "기본 내장 = partitioner.class를 지정하지 않음 (Kafka 3.3+). 예전 글에서는 DefaultPartitioner(키는 murmur2)와 UniformStickyPartitioner라고 부르는데, 둘 다 Kafka 4.0에서 없어졌습니다. 예전 RoundRobinPartitioner는 새 배치를 만들 때 partition()을 두 번 불러서 파티션을 건너뜁니다 (KAFKA-9965, 3.9에서 KAFKA-17632로 수정).",
            ProducerLabel::HintRestart => "Kafka는 프로듀서를 만들 때 설정을 고정합니다. 여기서 설정을 바꾸는 것은 새 설정으로 프로듀서를 다시 시작하는 것과 같습니다. 이미 쌓인 배치는 그대로 전달됩니다.",
            ProducerLabel::SendARecord => "레코드 보내기",
            ProducerLabel::Key => "키",
            ProducerLabel::NullKey => " null 키",
            ProducerLabel::Value => "값",
            ProducerLabel::Partition => "파티션",
            ProducerLabel::PartitionerDecides => "파티셔너가 결정",
            ProducerLabel::Explicit => "직접 지정",
            ProducerLabel::Send => "보내기",
            ProducerLabel::Decisions => "파티셔너의 결정",
            ProducerLabel::PartitionerHeading => "파티셔너",
            ProducerLabel::Batches => "배치",
            ProducerLabel::NoBatchWaiting => "기다리는 배치 없음",
            ProducerLabel::FullLeavesNow => "가득 참: 바로 전송",
            ProducerLabel::HandRecords => "직접 보낸 레코드 (리더에 저장된 모습)",
            ProducerLabel::AddPartitions => "파티션 추가",
            ProducerLabel::KeysMayMove => "⚠ 키가 다른 파티션으로 옮겨질 수 있습니다. ",
            ProducerLabel::KeysMayMoveText => "키가 있는 레코드는 murmur2(키) % 파티션 수로 갑니다. 파티션이 늘면 많은 키가 다른 파티션에 배정됩니다. 이미 쓰인 레코드는 그 자리에 남으므로, 변경 전후로 키별 순서가 깨집니다. Kafka는 파티션을 늘릴 수는 있어도 줄일 수는 없습니다.",
            ProducerLabel::On => "켜짐",
            ProducerLabel::Off => "꺼짐",
        }
    }
}
