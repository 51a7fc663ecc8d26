//! The states the engine reports by name: a group's state at its coordinator,
//! a member's phase in the group protocol, Burrow's verdict on lag.

/// The coordinator's state of a group.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum GroupState {
    /// No members.
    #[default]
    Empty,
    /// Waiting for every member's JoinGroup.
    PreparingRebalance,
    /// Waiting for the leader's SyncGroup.
    CompletingRebalance,
    /// Everyone has an assignment.
    Stable,
}

impl GroupState {
    /// Kafka's name of the state.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            GroupState::Empty => "Empty",
            GroupState::PreparingRebalance => "PreparingRebalance",
            GroupState::CompletingRebalance => "CompletingRebalance",
            GroupState::Stable => "Stable",
        }
    }
}

/// Where a member stands in the group protocol.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MemberPhase {
    /// Not (or no longer) in the group: it will send JoinGroup at its next poll.
    Unjoined,
    /// JoinGroup sent, waiting for the coordinator's answer.
    Joining,
    /// SyncGroup sent, waiting for its assignment.
    AwaitingSync,
    /// In the group with an assignment.
    Stable,
    /// Closing: committing, then leaving.
    Leaving,
    /// Crashed: silent; the coordinator notices after `session.timeout.ms`.
    Crashed,
}

/// Burrow's verdict on a partition or a group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum BurrowStatus {
    /// Fewer than two commits: nothing to judge yet.
    NotEnoughData,
    /// Keeping up.
    Ok,
    /// Committing, but the lag never shrinks.
    Warn,
    /// No commit for longer than the window spans.
    Stop,
    /// Committing the same offset while lag exists.
    Stall,
    /// The committed offset went backwards.
    Rewind,
}

impl BurrowStatus {
    /// The status as scenario files and the snapshot name it (Burrow's
    /// words; `NOT ENOUGH DATA` before two commits). An identifier: the
    /// reader's words are in `crate::text`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            BurrowStatus::NotEnoughData => "NOT ENOUGH DATA",
            BurrowStatus::Ok => "OK",
            BurrowStatus::Warn => "WARN",
            BurrowStatus::Stop => "STOP",
            BurrowStatus::Stall => "STALL",
            BurrowStatus::Rewind => "REWIND",
        }
    }
}
