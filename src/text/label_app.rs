//! Fixed texts of the page (no values in them), English and Korean side by
//! side: the time controls, the event log, the inspector, the brokers and
//! metadata panels, and the picture.

use super::labels::labels;

labels! {
    /// Fixed texts of the page: time controls, event log, inspector, brokers, metadata, the picture.
    AppLabel {
        /// Tagline under the title.
        Tagline => "See Apache Kafka work: every record, offset and acknowledgement computed by a simulated cluster.",
            "Apache Kafka가 일하는 모습을 보세요: 모든 레코드, 오프셋, 확인 응답을 시뮬레이션 클러스터가 직접 계산합니다.";
        /// Play button.
        Play => "Play",
            "재생";
        /// Pause button.
        Pause => "Pause",
            "일시정지";
        /// Step forward button.
        Step => "Step ›",
            "다음 ›";
        /// Step back button.
        StepBack => "‹ Back",
            "‹ 이전";
        /// Speed label.
        Speed => "Speed",
            "속도";
        /// Timeline slider label.
        Timeline => "Timeline",
            "타임라인";
        /// Toolbar label.
        TimeControls => "Time controls",
            "시간 조작";
        /// Shown while the position is before the end of the history.
        Replaying => "An earlier moment: a change here replaces what came after",
            "지나간 순간입니다: 여기서 바꾸면 그 뒤의 일이 새로 쓰입니다";
        /// Button to jump to the end of the history.
        ToEnd => "To the end",
            "끝으로";
        /// Language switch label.
        Language => "Language",
            "언어";
        /// Event log heading.
        EventLog => "Event log",
            "이벤트 로그";
        /// Event log filter label.
        Filter => "Filter",
            "필터";
        /// Event log filter placeholder.
        FilterPlaceholder => "broker-2, orders-1, ack, LOST…",
            "broker-2, orders-1, 확인 응답, 유실…";
        /// Inspector heading.
        Inspector => "Inspector",
            "살펴보기";
        /// Inspector hint when nothing is selected.
        InspectorHint => "Click a record, a partition, a broker or a consumer in the picture to inspect it.",
            "그림에서 레코드, 파티션, 브로커, 컨슈머를 클릭하면 자세히 볼 수 있습니다.";
        /// Close button.
        Close => "Close",
            "닫기";
        /// Record story heading prefix.
        RecordStory => "Life of record",
            "레코드의 일생";
        /// Brokers panel heading.
        Brokers => "Brokers",
            "브로커";
        /// Stop button.
        Stop => "Stop",
            "정지";
        /// Crash button.
        Crash => "Crash",
            "장애";
        /// Restart button.
        Restart => "Restart",
            "재시작";
        /// Slow button.
        Slow => "Slow",
            "느리게";
        /// Normal speed button.
        NormalSpeed => "Normal speed",
            "정상 속도";
        /// Cut off button.
        CutOff => "Cut off",
            "네트워크 차단";
        /// Heal links button.
        HealLinks => "Heal links",
            "네트워크 복구";
        /// Preferred election button.
        ElectPreferred => "Elect preferred leaders",
            "선호 리더 선출";
        /// Metadata panel heading.
        Metadata => "Metadata (KRaft controller)",
            "메타데이터 (KRaft 컨트롤러)";
        /// Metadata hint about KRaft and ZooKeeper.
        MetadataHint => "Kafka 4 keeps this in a controller quorum inside Kafka (KRaft); older clusters kept it in ZooKeeper.",
            "Kafka 4는 이 정보를 Kafka 안의 컨트롤러 쿼럼(KRaft)에 보관합니다. 예전 클러스터는 ZooKeeper에 보관했습니다.";
        /// Metadata table column: the partition.
        ColPartition => "Partition",
            "파티션";
        /// Metadata table column: the leader.
        ColLeader => "Leader",
            "리더";
        /// Metadata table column: the leader epoch.
        ColEpoch => "Epoch",
            "에포크";
        /// Metadata table column: the replicas.
        ColReplicas => "Replicas",
            "복제본";
        /// Metadata table column: the ISR.
        ColIsr => "ISR",
            "ISR";
        /// Metadata table column (and inspector fact): the state.
        ColState => "State",
            "상태";
        /// Ledger heading.
        Ledger => "Ledger",
            "장부";
        /// Broker states.
        Running => "running",
            "실행 중";
        /// Broker state.
        Stopped => "stopped",
            "정지됨";
        /// Broker state.
        Crashed => "crashed",
            "장애 발생";
        /// Broker state suffix while the controller has not fenced it yet.
        NotYetAware => " (controller not yet aware)",
            " (컨트롤러가 아직 모름)";
        /// Broker state suffix when its links are cut.
        CutOffState => " · cut off",
            " · 네트워크 차단됨";
        /// Partition states.
        Offline => "OFFLINE",
            "오프라인";
        /// Partition state.
        UnderMinIsr => "under min ISR",
            "최소 ISR 미달";
        /// Partition state.
        UnderReplicated => "under-replicated",
            "복제 부족";
        /// Partition state.
        Healthy => "healthy",
            "정상";
        /// Leader role.
        Leader => "leader",
            "리더";
        /// Follower role.
        Follower => "follower",
            "팔로워";
        /// In the ISR.
        InIsr => "ISR",
            "ISR";
        /// Out of the ISR.
        OutOfIsr => "out of ISR",
            "ISR 밖";
        /// Lag.
        Lag => "lag",
            "랙";
        /// Owns (partitions).
        Owns => "owns",
            "담당";
        /// Owns nothing.
        OwnsNothing => "nothing (idle)",
            "없음 (유휴)";
        /// Member status.
        Processing => "processing",
            "처리 중";
        /// Member status.
        WaitingForRecords => "waiting for records",
            "레코드 기다리는 중";
        /// Member status.
        Idle => "idle",
            "유휴";
        /// The broker word in the picture.
        Broker => "Broker",
            "브로커";
        /// The group word in the picture.
        Group => "group",
            "그룹";
        /// Producer stats: records in the open batch.
        InBatch => "in batch",
            "배치에";
        /// Producer stats: acknowledged.
        Acked => "acked",
            "확인됨";
        /// Producer stats: retries.
        Retries => "retries",
            "재시도";
        /// Partitioner waiting for its first record.
        WaitingFirstRecord => "waiting for the first record",
            "첫 레코드를 기다리는 중";
        /// Unclean election checkbox (topic name follows).
        UncleanFor => "unclean.leader.election.enable for",
            "unclean.leader.election.enable:";
        /// "Kafka's default: false".
        KafkaDefaultFalse => "(Kafka's default: false)",
            "(Kafka 기본값: false)";
        /// Lost.
        Lost => "LOST",
            "유실";
        /// Notice after a change in the past.
        Forked => "You changed the past: the recorded future after this moment was discarded.",
            "과거를 바꿨습니다: 이 시점 이후의 기록은 버려졌습니다.";
        /// Stop button tooltip.
        StopTitle => "Controlled shutdown: leadership moves first",
            "정상 종료: 리더 역할을 먼저 넘깁니다";
        /// Crash button tooltip.
        CrashTitle => "Kill the process: the controller notices after broker.session.timeout.ms",
            "프로세스 강제 종료: 컨트롤러는 broker.session.timeout.ms 뒤에 알아챕니다";
        /// Cut off button tooltip.
        CutOffTitle => "Cut (or heal) the network links between this broker and the other brokers",
            "이 브로커와 다른 브로커 사이의 네트워크를 끊거나 다시 잇습니다";
        /// Inspector: leader / epoch.
        FactLeaderEpoch => "leader / epoch",
            "리더 / 에포크";
        /// Inspector: replicas / ISR.
        FactReplicasIsr => "replicas / ISR",
            "복제본 / ISR";
        /// Inspector: log start / HW / LEO.
        FactOffsets => "log start / HW / LEO",
            "로그 시작 / HW / LEO";
        /// Inspector: bytes / records.
        FactSize => "bytes / records",
            "바이트 / 레코드";
        /// Inspector: the leader epochs.
        FactLeaderEpochs => "leader epochs",
            "리더 에포크";
        /// Inspector: committed offset.
        Committed => "committed",
            "커밋";
        /// Inspector: the groups a broker coordinates.
        GroupCoordinator => "group coordinator",
            "그룹 코디네이터";
        /// Inspector: a member's positions.
        FactPositions => "positions",
            "위치";
        /// Inspector: records consumed.
        FactConsumed => "consumed",
            "소비함";
        /// Inspector: records buffered.
        FactBuffered => "buffered",
            "버퍼";
        /// None (no leader).
        None => "none",
            "없음";
        /// Producer box suffix in sync mode.
        SyncSuffix => " · sync",
            " · 동기";
        /// Scene message: a commit request.
        MsgCommit => "commit",
            "커밋";
        /// Scene message: an answer without error.
        MsgOk => "ok",
            "확인";
        /// Scene message: SyncGroup from the leader, with the plan.
        MsgSyncPlan => "SyncGroup+plan",
            "SyncGroup+할당";
        /// Scene message: SyncGroup answered with an error.
        MsgRetry => "retry",
            "재시도";
        /// Scene message: a heartbeat answered with "rebalance in progress".
        MsgRejoin => "rejoin!",
            "재참여!";
        /// Scene message: LeaveGroup answered.
        MsgBye => "bye",
            "나감";
    }
}
