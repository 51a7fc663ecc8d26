//! Fixed texts of the consumer groups (their boxes and panels), one
//! exhaustive `match` per language.

use super::lang::Lang;

/// Fixed texts of the consumer groups.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupLabel {
    /// Section heading and aria-label.
    ConsumerGroups,
    /// Add a group button.
    AddGroup,
    /// Add a member button.
    AddMember,
    /// Assignor label.
    Assignor,
    /// Protocol label.
    Protocol,
    /// Commit mode label.
    Commits,
    /// Auto commit option.
    CommitAuto,
    /// Manual commit option.
    CommitManual,
    /// A stable member that must rejoin.
    MustRejoin,
    /// Suffix of the group leader's phase.
    IsLeader,
    /// Suffix of a paused member.
    Paused,
    /// A stable member without partitions.
    IdleNoPartition,
    /// A member without partitions mid-rebalance.
    OwnsNothingNow,
    /// A member polling.
    Polling,
    /// Resume button.
    Resume,
    /// Pause button.
    Pause,
    /// Remove button.
    Remove,
    /// Crash button.
    Crash,
    /// Lag table column: the partition.
    ColPartition,
    /// Lag table column: the committed offset.
    ColCommitted,
    /// Lag table column: the HW.
    ColHw,
    /// Lag table column: the lag.
    ColLag,
    /// Lag table column: seek buttons.
    ColSeek,
    /// Seek to the beginning button.
    SeekStart,
    /// Seek to the end button.
    SeekEnd,
    /// No leader.
    None,
    /// "Burrow status: ".
    BurrowStatus,
}

impl GroupLabel {
    /// Every label, for tests that walk them all.
    pub const ALL: [GroupLabel; 27] = [
        GroupLabel::ConsumerGroups,
        GroupLabel::AddGroup,
        GroupLabel::AddMember,
        GroupLabel::Assignor,
        GroupLabel::Protocol,
        GroupLabel::Commits,
        GroupLabel::CommitAuto,
        GroupLabel::CommitManual,
        GroupLabel::MustRejoin,
        GroupLabel::IsLeader,
        GroupLabel::Paused,
        GroupLabel::IdleNoPartition,
        GroupLabel::OwnsNothingNow,
        GroupLabel::Polling,
        GroupLabel::Resume,
        GroupLabel::Pause,
        GroupLabel::Remove,
        GroupLabel::Crash,
        GroupLabel::ColPartition,
        GroupLabel::ColCommitted,
        GroupLabel::ColHw,
        GroupLabel::ColLag,
        GroupLabel::ColSeek,
        GroupLabel::SeekStart,
        GroupLabel::SeekEnd,
        GroupLabel::None,
        GroupLabel::BurrowStatus,
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
            GroupLabel::ConsumerGroups => "Consumer groups",
            GroupLabel::AddGroup => "+ Add another group (reads the same records)",
            GroupLabel::AddMember => "+ Add member",
            GroupLabel::Assignor => "Assignor",
            GroupLabel::Protocol => "Protocol",
            GroupLabel::Commits => "Commits",
            GroupLabel::CommitAuto => "auto",
            GroupLabel::CommitManual => "manual, per poll",
            GroupLabel::MustRejoin => "must rejoin",
            GroupLabel::IsLeader => " · leader",
            GroupLabel::Paused => " · paused",
            GroupLabel::IdleNoPartition => "idle: no partition",
            GroupLabel::OwnsNothingNow => "owns nothing now",
            GroupLabel::Polling => "polling",
            GroupLabel::Resume => "Resume",
            GroupLabel::Pause => "Pause",
            GroupLabel::Remove => "Remove",
            GroupLabel::Crash => "Crash",
            GroupLabel::ColPartition => "Partition",
            GroupLabel::ColCommitted => "Committed",
            GroupLabel::ColHw => "HW",
            GroupLabel::ColLag => "Lag",
            GroupLabel::ColSeek => "Seek",
            GroupLabel::SeekStart => "start",
            GroupLabel::SeekEnd => "end",
            GroupLabel::None => "none",
            GroupLabel::BurrowStatus => "Burrow status: ",
        }
    }

    /// In Korean.
    #[must_use]
    pub fn ko(self) -> &'static str {
        match self {
            GroupLabel::ConsumerGroups => "컨슈머 그룹",
            GroupLabel::AddGroup => "+ 그룹 하나 더 추가 (같은 레코드를 읽음)",
            GroupLabel::AddMember => "+ 멤버 추가",
            GroupLabel::Assignor => "할당 전략",
            GroupLabel::Protocol => "프로토콜",
            GroupLabel::Commits => "커밋",
            GroupLabel::CommitAuto => "자동",
            GroupLabel::CommitManual => "수동, poll마다",
            GroupLabel::MustRejoin => "재참여 필요",
            GroupLabel::IsLeader => " · 리더",
            GroupLabel::Paused => " · 일시정지",
            GroupLabel::IdleNoPartition => "유휴: 파티션 없음",
            GroupLabel::OwnsNothingNow => "지금은 담당 없음",
            GroupLabel::Polling => "poll 중",
            GroupLabel::Resume => "재개",
            GroupLabel::Pause => "일시정지",
            GroupLabel::Remove => "제거",
            GroupLabel::Crash => "장애",
            GroupLabel::ColPartition => "파티션",
            GroupLabel::ColCommitted => "커밋",
            GroupLabel::ColHw => "HW",
            GroupLabel::ColLag => "랙",
            GroupLabel::ColSeek => "위치 이동",
            GroupLabel::SeekStart => "처음",
            GroupLabel::SeekEnd => "끝",
            GroupLabel::None => "없음",
            GroupLabel::BurrowStatus => "Burrow 상태: ",
        }
    }
}
