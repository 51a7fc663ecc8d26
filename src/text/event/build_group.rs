//! Consumer-group events as sentences: [`group_line`] looks the names up
//! in the simulation once.

use crate::engine::event::{GroupChange, RebalanceReason};
use crate::engine::{GroupEvent, GroupIdx, Sim};

use super::group::{Because, Change, GroupLine};

/// What started a rebalance, names looked up in `sim`.
#[must_use]
pub fn because(sim: &Sim, reason: RebalanceReason) -> Because {
    match reason {
        RebalanceReason::Joined(m) => Because::Joined(sim.member_name(m)),
        RebalanceReason::Rejoined(m) => Because::Rejoined(sim.member_name(m)),
        RebalanceReason::Removed { member, reason } => Because::Removed {
            member: sim.member_name(member),
            reason,
        },
        RebalanceReason::AssignorChanged(a) => Because::AssignorChanged(a),
        RebalanceReason::ProtocolChanged(p) => Because::ProtocolChanged(p),
    }
}

/// A consumer-group event as a sentence, names looked up in `sim`.
#[must_use]
pub fn group_line(sim: &Sim, event: &GroupEvent) -> GroupLine {
    let who = |m| sim.member_name(m);
    let group = |g: &GroupIdx| sim.group_name(*g);
    let plan = |list: &[(crate::engine::MemberId, Vec<u32>)]| {
        list.iter().map(|(m, l)| (who(*m), l.clone())).collect()
    };
    match event {
        GroupEvent::MemberAdded { group: g, member } => GroupLine::MemberAdded {
            member: who(*member),
            group: group(g),
        },
        GroupEvent::MemberClosing { group: g, member } => GroupLine::MemberClosing {
            member: who(*member),
            group: group(g),
        },
        GroupEvent::MemberCrashed { group: g, member } => GroupLine::MemberCrashed {
            member: who(*member),
            group: group(g),
        },
        GroupEvent::MemberPaused { member, paused, .. } => GroupLine::MemberPaused {
            member: who(*member),
            paused: *paused,
        },
        GroupEvent::MemberRemoved {
            group: g,
            member,
            reason,
        } => GroupLine::MemberRemoved {
            member: who(*member),
            group: group(g),
            reason: *reason,
        },
        GroupEvent::RebalanceStarted {
            group: g,
            reason,
            protocol,
        } => GroupLine::RebalanceStarted {
            group: group(g),
            protocol: *protocol,
            because: because(sim, *reason),
        },
        GroupEvent::PartitionsRevoked {
            member,
            partitions,
            lost,
            ..
        } => GroupLine::PartitionsRevoked {
            member: who(*member),
            partitions: partitions.clone(),
            lost: *lost,
        },
        GroupEvent::JoinGroupSent { member, owned, .. } => GroupLine::JoinGroupSent {
            member: who(*member),
            owned: owned.clone(),
        },
        GroupEvent::JoinCompleted {
            group: g,
            generation,
            leader,
            members,
        } => GroupLine::JoinCompleted {
            members: members.len(),
            group: group(g),
            generation: *generation,
            leader: who(*leader),
        },
        GroupEvent::AssignmentComputed {
            leader,
            assignor,
            assignment,
            held_back,
            ..
        } => GroupLine::AssignmentComputed {
            leader: who(*leader),
            assignor: *assignor,
            plan: plan(assignment),
            held_back: held_back.clone(),
        },
        GroupEvent::AssignmentReceived {
            member,
            generation,
            added,
            revoked,
            owned,
            ..
        } => GroupLine::AssignmentReceived {
            member: who(*member),
            generation: *generation,
            owned: owned.clone(),
            added: added.clone(),
            revoked: revoked.clone(),
        },
        GroupEvent::RecordReprocessed {
            member,
            tp,
            offset,
            record,
            ..
        } => GroupLine::RecordReprocessed {
            member: who(*member),
            record: *record,
            tp: sim.tp_name(*tp),
            offset: *offset,
        },
        GroupEvent::CommitFailed { member, error, .. } => GroupLine::CommitFailed {
            member: who(*member),
            error,
        },
        GroupEvent::OffsetReset {
            member,
            tp,
            from,
            to,
            reason,
            policy,
            ..
        } => GroupLine::OffsetReset {
            member: who(*member),
            tp: sim.tp_name(*tp),
            cause: *reason,
            from: *from,
            to: *to,
            policy: *policy,
        },
        GroupEvent::Seeked {
            member,
            tp,
            from,
            to,
            ..
        } => GroupLine::Seeked {
            member: who(*member),
            tp: sim.tp_name(*tp),
            from: *from,
            to: *to,
        },
        GroupEvent::ConfigChanged { group: g, what } => GroupLine::ConfigChanged {
            group: group(g),
            change: match *what {
                GroupChange::ProcessingTime { member, ms } => Change::ProcessingTime {
                    member: who(member),
                    ms,
                },
                GroupChange::Assignor { assignor, protocol } => {
                    Change::Assignor { assignor, protocol }
                }
                GroupChange::Protocol(p) => Change::Protocol(p),
                GroupChange::CommitMode(m) => Change::CommitMode(m),
            },
        },
        GroupEvent::GroupAdded { group: g } => {
            let (topic, members) = sim
                .groups()
                .get(g.0 as usize)
                .map_or((String::new(), 0), |x| {
                    (x.config.topic.clone(), x.config.members)
                });
            GroupLine::GroupAdded {
                group: group(g),
                topic,
                members,
            }
        }
    }
}
