//! Fixed texts of the consumer groups (their boxes and panels), English and
//! Korean side by side.

use super::labels::labels;

labels! {
    /// Fixed texts of the consumer groups.
    GroupLabel {
        /// Section heading and aria-label.
        ConsumerGroups => "Consumer groups",
            "컨슈머 그룹";
        /// Add a group button.
        AddGroup => "+ Add another group (reads the same records)",
            "+ 그룹 하나 더 추가 (같은 레코드를 읽음)";
        /// Add a member button.
        AddMember => "+ Add member",
            "+ 멤버 추가";
        /// Assignor label.
        Assignor => "Assignor",
            "할당 전략";
        /// Protocol label.
        Protocol => "Protocol",
            "프로토콜";
        /// Commit mode label.
        Commits => "Commits",
            "커밋";
        /// Auto commit option.
        CommitAuto => "auto",
            "자동";
        /// Manual commit option.
        CommitManual => "manual, per poll",
            "수동, poll마다";
        /// A stable member that must rejoin.
        MustRejoin => "must rejoin",
            "재참여 필요";
        /// Suffix of the group leader's phase.
        IsLeader => " · leader",
            " · 리더";
        /// Suffix of a paused member.
        Paused => " · paused",
            " · 일시정지";
        /// A stable member without partitions.
        IdleNoPartition => "idle: no partition",
            "유휴: 파티션 없음";
        /// A member without partitions mid-rebalance.
        OwnsNothingNow => "owns nothing now",
            "지금은 담당 없음";
        /// A member polling.
        Polling => "polling",
            "poll 중";
        /// Resume button.
        Resume => "Resume",
            "재개";
        /// Pause button.
        Pause => "Pause",
            "일시정지";
        /// Remove button.
        Remove => "Remove",
            "제거";
        /// Crash button.
        Crash => "Crash",
            "장애";
        /// Lag table column: the partition.
        ColPartition => "Partition",
            "파티션";
        /// Lag table column: the committed offset.
        ColCommitted => "Committed",
            "커밋";
        /// Lag table column: the HW.
        ColHw => "HW",
            "HW";
        /// Lag table column: the lag.
        ColLag => "Lag",
            "랙";
        /// Lag table column: seek buttons.
        ColSeek => "Seek",
            "위치 이동";
        /// Seek to the beginning button.
        SeekStart => "start",
            "처음";
        /// Seek to the end button.
        SeekEnd => "end",
            "끝";
        /// No leader.
        None => "none",
            "없음";
        /// "Burrow status: ".
        BurrowStatus => "Burrow status: ",
            "Burrow 상태: ";
    }
}
