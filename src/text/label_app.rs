//! Fixed texts of the page (no values in them), one exhaustive `match` per
//! language: the time controls, the event log, the inspector, the brokers
//! and metadata panels, and the picture.

use super::lang::Lang;

/// Fixed texts of the page: time controls, event log, inspector, brokers, metadata, the picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppLabel {
    /// Tagline under the title.
    Tagline,
    /// Play button.
    Play,
    /// Pause button.
    Pause,
    /// Step forward button.
    Step,
    /// Step back button.
    StepBack,
    /// Speed label.
    Speed,
    /// Timeline slider label.
    Timeline,
    /// Toolbar label.
    TimeControls,
    /// Shown while the position is before the end of the history.
    Replaying,
    /// Button to jump to the end of the history.
    ToEnd,
    /// Language switch label.
    Language,
    /// Event log heading.
    EventLog,
    /// Event log filter label.
    Filter,
    /// Event log filter placeholder.
    FilterPlaceholder,
    /// Inspector heading.
    Inspector,
    /// Inspector hint when nothing is selected.
    InspectorHint,
    /// Close button.
    Close,
    /// Record story heading prefix.
    RecordStory,
    /// Brokers panel heading.
    Brokers,
    /// Stop button.
    Stop,
    /// Crash button.
    Crash,
    /// Restart button.
    Restart,
    /// Slow button.
    Slow,
    /// Normal speed button.
    NormalSpeed,
    /// Cut off button.
    CutOff,
    /// Heal links button.
    HealLinks,
    /// Preferred election button.
    ElectPreferred,
    /// Metadata panel heading.
    Metadata,
    /// Metadata hint about KRaft and ZooKeeper.
    MetadataHint,
    /// Metadata table column: the partition.
    ColPartition,
    /// Metadata table column: the leader.
    ColLeader,
    /// Metadata table column: the leader epoch.
    ColEpoch,
    /// Metadata table column: the replicas.
    ColReplicas,
    /// Metadata table column: the ISR.
    ColIsr,
    /// Metadata table column (and inspector fact): the state.
    ColState,
    /// Ledger heading.
    Ledger,
    /// Broker states.
    Running,
    /// Broker state.
    Stopped,
    /// Broker state.
    Crashed,
    /// Broker state suffix while the controller has not fenced it yet.
    NotYetAware,
    /// Broker state suffix when its links are cut.
    CutOffState,
    /// Partition states.
    Offline,
    /// Partition state.
    UnderMinIsr,
    /// Partition state.
    UnderReplicated,
    /// Partition state.
    Healthy,
    /// Leader role.
    Leader,
    /// Follower role.
    Follower,
    /// In the ISR.
    InIsr,
    /// Out of the ISR.
    OutOfIsr,
    /// Lag.
    Lag,
    /// Owns (partitions).
    Owns,
    /// Owns nothing.
    OwnsNothing,
    /// Member status.
    Processing,
    /// Member status.
    WaitingForRecords,
    /// Member status.
    Idle,
    /// The broker word in the picture.
    Broker,
    /// The group word in the picture.
    Group,
    /// Producer stats: records in the open batch.
    InBatch,
    /// Producer stats: acknowledged.
    Acked,
    /// Producer stats: retries.
    Retries,
    /// Partitioner waiting for its first record.
    WaitingFirstRecord,
    /// Unclean election checkbox (topic name follows).
    UncleanFor,
    /// "Kafka's default: false".
    KafkaDefaultFalse,
    /// Lost.
    Lost,
    /// Notice after a change in the past.
    Forked,
    /// Stop button tooltip.
    StopTitle,
    /// Crash button tooltip.
    CrashTitle,
    /// Cut off button tooltip.
    CutOffTitle,
    /// Inspector: leader / epoch.
    FactLeaderEpoch,
    /// Inspector: replicas / ISR.
    FactReplicasIsr,
    /// Inspector: log start / HW / LEO.
    FactOffsets,
    /// Inspector: bytes / records.
    FactSize,
    /// Inspector: the leader epochs.
    FactLeaderEpochs,
    /// Inspector: committed offset.
    Committed,
    /// Inspector: the groups a broker coordinates.
    GroupCoordinator,
    /// Inspector: a member's positions.
    FactPositions,
    /// Inspector: records consumed.
    FactConsumed,
    /// Inspector: records buffered.
    FactBuffered,
    /// None (no leader).
    None,
    /// Producer box suffix in sync mode.
    SyncSuffix,
    /// Scene message: a commit request.
    MsgCommit,
    /// Scene message: an answer without error.
    MsgOk,
    /// Scene message: SyncGroup from the leader, with the plan.
    MsgSyncPlan,
    /// Scene message: SyncGroup answered with an error.
    MsgRetry,
    /// Scene message: a heartbeat answered with "rebalance in progress".
    MsgRejoin,
    /// Scene message: LeaveGroup answered.
    MsgBye,
}

impl AppLabel {
    /// Every label, for tests that walk them all.
    pub const ALL: [AppLabel; 86] = [
        AppLabel::Tagline,
        AppLabel::Play,
        AppLabel::Pause,
        AppLabel::Step,
        AppLabel::StepBack,
        AppLabel::Speed,
        AppLabel::Timeline,
        AppLabel::TimeControls,
        AppLabel::Replaying,
        AppLabel::ToEnd,
        AppLabel::Language,
        AppLabel::EventLog,
        AppLabel::Filter,
        AppLabel::FilterPlaceholder,
        AppLabel::Inspector,
        AppLabel::InspectorHint,
        AppLabel::Close,
        AppLabel::RecordStory,
        AppLabel::Brokers,
        AppLabel::Stop,
        AppLabel::Crash,
        AppLabel::Restart,
        AppLabel::Slow,
        AppLabel::NormalSpeed,
        AppLabel::CutOff,
        AppLabel::HealLinks,
        AppLabel::ElectPreferred,
        AppLabel::Metadata,
        AppLabel::MetadataHint,
        AppLabel::ColPartition,
        AppLabel::ColLeader,
        AppLabel::ColEpoch,
        AppLabel::ColReplicas,
        AppLabel::ColIsr,
        AppLabel::ColState,
        AppLabel::Ledger,
        AppLabel::Running,
        AppLabel::Stopped,
        AppLabel::Crashed,
        AppLabel::NotYetAware,
        AppLabel::CutOffState,
        AppLabel::Offline,
        AppLabel::UnderMinIsr,
        AppLabel::UnderReplicated,
        AppLabel::Healthy,
        AppLabel::Leader,
        AppLabel::Follower,
        AppLabel::InIsr,
        AppLabel::OutOfIsr,
        AppLabel::Lag,
        AppLabel::Owns,
        AppLabel::OwnsNothing,
        AppLabel::Processing,
        AppLabel::WaitingForRecords,
        AppLabel::Idle,
        AppLabel::Broker,
        AppLabel::Group,
        AppLabel::InBatch,
        AppLabel::Acked,
        AppLabel::Retries,
        AppLabel::WaitingFirstRecord,
        AppLabel::UncleanFor,
        AppLabel::KafkaDefaultFalse,
        AppLabel::Lost,
        AppLabel::Forked,
        AppLabel::StopTitle,
        AppLabel::CrashTitle,
        AppLabel::CutOffTitle,
        AppLabel::FactLeaderEpoch,
        AppLabel::FactReplicasIsr,
        AppLabel::FactOffsets,
        AppLabel::FactSize,
        AppLabel::FactLeaderEpochs,
        AppLabel::Committed,
        AppLabel::GroupCoordinator,
        AppLabel::FactPositions,
        AppLabel::FactConsumed,
        AppLabel::FactBuffered,
        AppLabel::None,
        AppLabel::SyncSuffix,
        AppLabel::MsgCommit,
        AppLabel::MsgOk,
        AppLabel::MsgSyncPlan,
        AppLabel::MsgRetry,
        AppLabel::MsgRejoin,
        AppLabel::MsgBye,
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
            AppLabel::Tagline => "See Apache Kafka work: every record, offset and acknowledgement computed by a simulated cluster.",
            AppLabel::Play => "Play",
            AppLabel::Pause => "Pause",
            AppLabel::Step => "Step ›",
            AppLabel::StepBack => "‹ Back",
            AppLabel::Speed => "Speed",
            AppLabel::Timeline => "Timeline",
            AppLabel::TimeControls => "Time controls",
            AppLabel::Replaying => "An earlier moment: a change here replaces what came after",
            AppLabel::ToEnd => "To the end",
            AppLabel::Language => "Language",
            AppLabel::EventLog => "Event log",
            AppLabel::Filter => "Filter",
            AppLabel::FilterPlaceholder => "broker-2, orders-1, ack, LOST…",
            AppLabel::Inspector => "Inspector",
            AppLabel::InspectorHint => "Click a record, a partition, a broker or a consumer in the picture to inspect it.",
            AppLabel::Close => "Close",
            AppLabel::RecordStory => "Life of record",
            AppLabel::Brokers => "Brokers",
            AppLabel::Stop => "Stop",
            AppLabel::Crash => "Crash",
            AppLabel::Restart => "Restart",
            AppLabel::Slow => "Slow",
            AppLabel::NormalSpeed => "Normal speed",
            AppLabel::CutOff => "Cut off",
            AppLabel::HealLinks => "Heal links",
            AppLabel::ElectPreferred => "Elect preferred leaders",
            AppLabel::Metadata => "Metadata (KRaft controller)",
            AppLabel::MetadataHint => "Kafka 4 keeps this in a controller quorum inside Kafka (KRaft); older clusters kept it in ZooKeeper.",
            AppLabel::ColPartition => "Partition",
            AppLabel::ColLeader => "Leader",
            AppLabel::ColEpoch => "Epoch",
            AppLabel::ColReplicas => "Replicas",
            AppLabel::ColIsr => "ISR",
            AppLabel::ColState => "State",
            AppLabel::Ledger => "Ledger",
            AppLabel::Running => "running",
            AppLabel::Stopped => "stopped",
            AppLabel::Crashed => "crashed",
            AppLabel::NotYetAware => " (controller not yet aware)",
            AppLabel::CutOffState => " · cut off",
            AppLabel::Offline => "OFFLINE",
            AppLabel::UnderMinIsr => "under min ISR",
            AppLabel::UnderReplicated => "under-replicated",
            AppLabel::Healthy => "healthy",
            AppLabel::Leader => "leader",
            AppLabel::Follower => "follower",
            AppLabel::InIsr => "ISR",
            AppLabel::OutOfIsr => "out of ISR",
            AppLabel::Lag => "lag",
            AppLabel::Owns => "owns",
            AppLabel::OwnsNothing => "nothing (idle)",
            AppLabel::Processing => "processing",
            AppLabel::WaitingForRecords => "waiting for records",
            AppLabel::Idle => "idle",
            AppLabel::Broker => "Broker",
            AppLabel::Group => "group",
            AppLabel::InBatch => "in batch",
            AppLabel::Acked => "acked",
            AppLabel::Retries => "retries",
            AppLabel::WaitingFirstRecord => "waiting for the first record",
            AppLabel::UncleanFor => "unclean.leader.election.enable for",
            AppLabel::KafkaDefaultFalse => "(Kafka's default: false)",
            AppLabel::Lost => "LOST",
            AppLabel::Forked => "You changed the past: the recorded future after this moment was discarded.",
            AppLabel::StopTitle => "Controlled shutdown: leadership moves first",
            AppLabel::CrashTitle => "Kill the process: the controller notices after broker.session.timeout.ms",
            AppLabel::CutOffTitle => "Cut (or heal) the network links between this broker and the other brokers",
            AppLabel::FactLeaderEpoch => "leader / epoch",
            AppLabel::FactReplicasIsr => "replicas / ISR",
            AppLabel::FactOffsets => "log start / HW / LEO",
            AppLabel::FactSize => "bytes / records",
            AppLabel::FactLeaderEpochs => "leader epochs",
            AppLabel::Committed => "committed",
            AppLabel::GroupCoordinator => "group coordinator",
            AppLabel::FactPositions => "positions",
            AppLabel::FactConsumed => "consumed",
            AppLabel::FactBuffered => "buffered",
            AppLabel::None => "none",
            AppLabel::SyncSuffix => " · sync",
            AppLabel::MsgCommit => "commit",
            AppLabel::MsgOk => "ok",
            AppLabel::MsgSyncPlan => "SyncGroup+plan",
            AppLabel::MsgRetry => "retry",
            AppLabel::MsgRejoin => "rejoin!",
            AppLabel::MsgBye => "bye",
        }
    }

    /// In Korean.
    #[must_use]
    pub fn ko(self) -> &'static str {
        match self {
            AppLabel::Tagline => "Apache Kafka가 일하는 모습을 보세요: 모든 레코드, 오프셋, 확인 응답을 시뮬레이션 클러스터가 직접 계산합니다.",
            AppLabel::Play => "재생",
            AppLabel::Pause => "일시정지",
            AppLabel::Step => "다음 ›",
            AppLabel::StepBack => "‹ 이전",
            AppLabel::Speed => "속도",
            AppLabel::Timeline => "타임라인",
            AppLabel::TimeControls => "시간 조작",
            AppLabel::Replaying => "지나간 순간입니다: 여기서 바꾸면 그 뒤의 일이 새로 쓰입니다",
            AppLabel::ToEnd => "끝으로",
            AppLabel::Language => "언어",
            AppLabel::EventLog => "이벤트 로그",
            AppLabel::Filter => "필터",
            AppLabel::FilterPlaceholder => "broker-2, orders-1, 확인 응답, 유실…",
            AppLabel::Inspector => "살펴보기",
            AppLabel::InspectorHint => "그림에서 레코드, 파티션, 브로커, 컨슈머를 클릭하면 자세히 볼 수 있습니다.",
            AppLabel::Close => "닫기",
            AppLabel::RecordStory => "레코드의 일생",
            AppLabel::Brokers => "브로커",
            AppLabel::Stop => "정지",
            AppLabel::Crash => "장애",
            AppLabel::Restart => "재시작",
            AppLabel::Slow => "느리게",
            AppLabel::NormalSpeed => "정상 속도",
            AppLabel::CutOff => "네트워크 차단",
            AppLabel::HealLinks => "네트워크 복구",
            AppLabel::ElectPreferred => "선호 리더 선출",
            AppLabel::Metadata => "메타데이터 (KRaft 컨트롤러)",
            AppLabel::MetadataHint => "Kafka 4는 이 정보를 Kafka 안의 컨트롤러 쿼럼(KRaft)에 보관합니다. 예전 클러스터는 ZooKeeper에 보관했습니다.",
            AppLabel::ColPartition => "파티션",
            AppLabel::ColLeader => "리더",
            AppLabel::ColEpoch => "에포크",
            AppLabel::ColReplicas => "복제본",
            AppLabel::ColIsr => "ISR",
            AppLabel::ColState => "상태",
            AppLabel::Ledger => "장부",
            AppLabel::Running => "실행 중",
            AppLabel::Stopped => "정지됨",
            AppLabel::Crashed => "장애 발생",
            AppLabel::NotYetAware => " (컨트롤러가 아직 모름)",
            AppLabel::CutOffState => " · 네트워크 차단됨",
            AppLabel::Offline => "오프라인",
            AppLabel::UnderMinIsr => "최소 ISR 미달",
            AppLabel::UnderReplicated => "복제 부족",
            AppLabel::Healthy => "정상",
            AppLabel::Leader => "리더",
            AppLabel::Follower => "팔로워",
            AppLabel::InIsr => "ISR",
            AppLabel::OutOfIsr => "ISR 밖",
            AppLabel::Lag => "랙",
            AppLabel::Owns => "담당",
            AppLabel::OwnsNothing => "없음 (유휴)",
            AppLabel::Processing => "처리 중",
            AppLabel::WaitingForRecords => "레코드 기다리는 중",
            AppLabel::Idle => "유휴",
            AppLabel::Broker => "브로커",
            AppLabel::Group => "그룹",
            AppLabel::InBatch => "배치에",
            AppLabel::Acked => "확인됨",
            AppLabel::Retries => "재시도",
            AppLabel::WaitingFirstRecord => "첫 레코드를 기다리는 중",
            AppLabel::UncleanFor => "unclean.leader.election.enable:",
            AppLabel::KafkaDefaultFalse => "(Kafka 기본값: false)",
            AppLabel::Lost => "유실",
            AppLabel::Forked => "과거를 바꿨습니다: 이 시점 이후의 기록은 버려졌습니다.",
            AppLabel::StopTitle => "정상 종료: 리더 역할을 먼저 넘깁니다",
            AppLabel::CrashTitle => "프로세스 강제 종료: 컨트롤러는 broker.session.timeout.ms 뒤에 알아챕니다",
            AppLabel::CutOffTitle => "이 브로커와 다른 브로커 사이의 네트워크를 끊거나 다시 잇습니다",
            AppLabel::FactLeaderEpoch => "리더 / 에포크",
            AppLabel::FactReplicasIsr => "복제본 / ISR",
            AppLabel::FactOffsets => "로그 시작 / HW / LEO",
            AppLabel::FactSize => "바이트 / 레코드",
            AppLabel::FactLeaderEpochs => "리더 에포크",
            AppLabel::Committed => "커밋",
            AppLabel::GroupCoordinator => "그룹 코디네이터",
            AppLabel::FactPositions => "위치",
            AppLabel::FactConsumed => "소비함",
            AppLabel::FactBuffered => "버퍼",
            AppLabel::None => "없음",
            AppLabel::SyncSuffix => " · 동기",
            AppLabel::MsgCommit => "커밋",
            AppLabel::MsgOk => "확인",
            AppLabel::MsgSyncPlan => "SyncGroup+할당",
            AppLabel::MsgRetry => "재시도",
            AppLabel::MsgRejoin => "재참여!",
            AppLabel::MsgBye => "나감",
        }
    }
}
