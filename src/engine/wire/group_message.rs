//! The group protocol's messages between a member and its coordinator:
//! JoinGroup, SyncGroup, Heartbeat and LeaveGroup, requests and answers.

use crate::engine::vocab::group_event::LeaveReason;
use crate::engine::vocab::ids::{GroupIdx, MemberId};

/// One member's subscription as the leader receives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JoinedMember {
    /// The member.
    pub member: MemberId,
    /// Its member id string.
    pub member_id: String,
    /// Its `group.instance.id`.
    pub instance_id: Option<String>,
    /// The partitions it owns (or owned, for the eager sticky assignor).
    pub owned: Vec<u32>,
}

/// Group-protocol messages between members and their coordinator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GroupMessage {
    /// A member asks to join (or rejoin), with what it owns.
    JoinGroupRequest {
        /// The group.
        group: GroupIdx,
        /// Partitions it owns (cooperative) or owned (eager sticky user data).
        owned: Vec<u32>,
    },
    /// The coordinator's answer once everyone joined.
    JoinGroupResponse {
        /// The group.
        group: GroupIdx,
        /// The new generation.
        generation: u32,
        /// The leader, who computes the assignment.
        leader: MemberId,
        /// Every member's subscription (only in the leader's answer).
        members: Vec<JoinedMember>,
        /// An error, if any.
        error: Option<&'static str>,
    },
    /// A member asks for its assignment; the leader brings everyone's.
    SyncGroupRequest {
        /// The group.
        group: GroupIdx,
        /// The generation it joined.
        generation: u32,
        /// The plan (leader only).
        assignment: Vec<(MemberId, Vec<u32>)>,
    },
    /// The member's assignment.
    SyncGroupResponse {
        /// The group.
        group: GroupIdx,
        /// The generation.
        generation: u32,
        /// Its partitions.
        assignment: Vec<u32>,
        /// An error, if any (`REBALANCE_IN_PROGRESS`, `ILLEGAL_GENERATION`…).
        error: Option<&'static str>,
    },
    /// "I am alive" from the heartbeat thread.
    HeartbeatRequest {
        /// The group.
        group: GroupIdx,
        /// The member's generation.
        generation: u32,
    },
    /// The answer: `None`, or `REBALANCE_IN_PROGRESS`, `UNKNOWN_MEMBER_ID`…
    HeartbeatResponse {
        /// The group.
        group: GroupIdx,
        /// The generation the heartbeat was sent with (an answer about an
        /// older generation is ignored).
        generation: u32,
        /// An error, if any.
        error: Option<&'static str>,
    },
    /// A member leaves.
    LeaveGroupRequest {
        /// The group.
        group: GroupIdx,
        /// Why, as the client tells it.
        reason: LeaveReason,
    },
    /// The coordinator's answer.
    LeaveGroupResponse {
        /// The group.
        group: GroupIdx,
    },
}

impl GroupMessage {
    /// A short name for the picture and the log.
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            GroupMessage::JoinGroupRequest { .. } => "JoinGroup",
            GroupMessage::JoinGroupResponse { .. } => "JoinGroupResponse",
            GroupMessage::SyncGroupRequest { .. } => "SyncGroup",
            GroupMessage::SyncGroupResponse { .. } => "SyncGroupResponse",
            GroupMessage::HeartbeatRequest { .. } => "Heartbeat",
            GroupMessage::HeartbeatResponse { .. } => "HeartbeatResponse",
            GroupMessage::LeaveGroupRequest { .. } => "LeaveGroup",
            GroupMessage::LeaveGroupResponse { .. } => "LeaveGroupResponse",
        }
    }

    /// The group it concerns.
    #[must_use]
    pub fn group(&self) -> GroupIdx {
        match self {
            GroupMessage::JoinGroupRequest { group, .. }
            | GroupMessage::JoinGroupResponse { group, .. }
            | GroupMessage::SyncGroupRequest { group, .. }
            | GroupMessage::SyncGroupResponse { group, .. }
            | GroupMessage::HeartbeatRequest { group, .. }
            | GroupMessage::HeartbeatResponse { group, .. }
            | GroupMessage::LeaveGroupRequest { group, .. }
            | GroupMessage::LeaveGroupResponse { group } => *group,
        }
    }
}
