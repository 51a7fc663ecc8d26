//! Consumer-group events in English, for the event log and the golden files.

use crate::engine::event::{GroupChange, LeaveReason, RebalanceReason, RemovalReason, ResetCause};
use crate::engine::{GroupEvent, MemberId, Sim};

use super::en_words::commit_mode;

fn parts(list: &[u32]) -> String {
    let items: Vec<String> = list.iter().map(|p| format!("p{p}")).collect();
    format!("[{}]", items.join(", "))
}

/// One consumer-group event in plain English.
#[must_use]
pub fn describe_group_event(sim: &Sim, event: &GroupEvent) -> String {
    let who = |m: MemberId| sim.member_name(m);
    match event {
        GroupEvent::MemberAdded { group, member } => format!(
            "{} starts in group {} and will send JoinGroup",
            who(*member),
            sim.group_name(*group)
        ),
        GroupEvent::MemberClosing { group, member } => format!(
            "{} closes: commits its offsets, then leaves group {}",
            who(*member),
            sim.group_name(*group)
        ),
        GroupEvent::MemberCrashed { group, member } => format!(
            "{} crashes: no commit, no LeaveGroup; group {}'s coordinator will notice after session.timeout.ms",
            who(*member),
            sim.group_name(*group)
        ),
        GroupEvent::MemberPaused {
            member, paused, ..
        } => {
            if *paused {
                format!("{} pauses its partitions (consumer.pause): it polls and commits, but fetches nothing", who(*member))
            } else {
                format!("{} resumes its partitions", who(*member))
            }
        }
        GroupEvent::MemberRemoved {
            group,
            member,
            reason,
        } => format!(
            "coordinator removes {} from group {}: {}",
            who(*member),
            sim.group_name(*group),
            removal_reason(*reason)
        ),
        GroupEvent::RebalanceStarted {
            group,
            reason,
            protocol,
        } => format!(
            "coordinator: group {} is PreparingRebalance ({} protocol) because {}; members must rejoin",
            sim.group_name(*group),
            protocol.name(),
            rebalance_reason(sim, *reason)
        ),
        GroupEvent::PartitionsRevoked {
            member,
            partitions,
            lost,
            ..
        } => {
            if *lost {
                format!("{} lost {} (it was no longer in the group)", who(*member), parts(partitions))
            } else {
                format!("{} revokes {}", who(*member), parts(partitions))
            }
        }
        GroupEvent::JoinGroupSent { member, owned, .. } => {
            if owned.is_empty() {
                format!("{} sends JoinGroup", who(*member))
            } else {
                format!("{} sends JoinGroup, owning {}", who(*member), parts(owned))
            }
        }
        GroupEvent::JoinCompleted {
            group,
            generation,
            leader,
            members,
        } => format!(
            "coordinator: all {} member(s) of group {} joined: generation {generation}, leader {}; CompletingRebalance",
            members.len(),
            sim.group_name(*group),
            who(*leader)
        ),
        GroupEvent::AssignmentComputed {
            leader,
            assignor,
            assignment,
            held_back,
            ..
        } => {
            let plan: Vec<String> = assignment
                .iter()
                .map(|(m, l)| format!("{} ← {}", who(*m), parts(l)))
                .collect();
            let held = if held_back.is_empty() {
                String::new()
            } else {
                format!("; {} held back until their owner revokes them", parts(held_back))
            };
            format!(
                "leader {} runs {}: {}{held}; sends SyncGroup",
                who(*leader),
                assignor.class_name(),
                plan.join("; ")
            )
        }
        GroupEvent::AssignmentReceived {
            member,
            generation,
            added,
            revoked,
            owned,
            ..
        } => {
            let mut text = format!("{} gets generation {generation}: owns {}", who(*member), parts(owned));
            if !added.is_empty() {
                text.push_str(&format!(", new {}", parts(added)));
            }
            if !revoked.is_empty() {
                text.push_str(&format!(
                    ", gives up {} without committing and rejoins",
                    parts(revoked)
                ));
            }
            text
        }
        GroupEvent::RecordReprocessed {
            member,
            tp,
            offset,
            record,
            ..
        } => format!(
            "DUPLICATE: {} processes {record} at {} offset {offset} again (processed before, not committed)",
            who(*member),
            sim.tp_name(*tp)
        ),
        GroupEvent::CommitFailed { member, error, .. } => format!(
            "{}'s offset commit fails: {error} (CommitFailedException)",
            who(*member)
        ),
        GroupEvent::OffsetReset {
            member,
            tp,
            from,
            to,
            reason,
            policy,
        ..
        } => {
            let from = from.map_or(String::new(), |o| format!(" at offset {o}"));
            match to {
                Some(to) => format!(
                    "{} on {}: {}{from}; auto.offset.reset={} → offset {to}",
                    who(*member),
                    sim.tp_name(*tp),
                    reset_cause(*reason),
                    policy.as_config()
                ),
                None => format!(
                    "{} on {}: {}{from}; auto.offset.reset=none → the application gets an exception and the partition stops",
                    who(*member),
                    sim.tp_name(*tp),
                    reset_cause(*reason)
                ),
            }
        }
        GroupEvent::Seeked {
            member, tp, from, to, ..
        } => format!(
            "{} seeks {} from {} to offset {to}",
            who(*member),
            sim.tp_name(*tp),
            from.map_or("none".to_string(), |o| o.to_string())
        ),
        GroupEvent::ConfigChanged { group, what } => {
            format!("group {}: {}", sim.group_name(*group), group_change(sim, *what))
        }
        GroupEvent::GroupAdded { group } => {
            let (topic, members) = sim.groups().get(group.0 as usize).map_or((String::new(), 0), |g| {
                (g.config.topic.clone(), g.config.members)
            });
            format!(
                "group {} starts reading {topic} with {members} member(s), its own offsets",
                sim.group_name(*group)
            )
        }
    }
}

/// Why the coordinator removed a member.
fn removal_reason(reason: RemovalReason) -> String {
    match reason {
        RemovalReason::Left(leave) => leave_reason(leave).to_string(),
        RemovalReason::SessionTimeout { session_ms } => {
            format!("session timeout: no heartbeat for {session_ms} ms (session.timeout.ms)")
        }
        RemovalReason::RebalanceTimeout => {
            "did not rejoin within the rebalance timeout (max.poll.interval.ms)".to_string()
        }
    }
}

/// The reason a `LeaveGroup` request carries.
fn leave_reason(reason: LeaveReason) -> &'static str {
    match reason {
        LeaveReason::Closing => "the consumer is being closed",
        LeaveReason::PollTimeout => "consumer poll timeout has expired (max.poll.interval.ms)",
    }
}

/// What started a rebalance.
#[must_use]
pub fn rebalance_reason(sim: &Sim, reason: RebalanceReason) -> String {
    match reason {
        RebalanceReason::Joined(m) => format!("{} joined", sim.member_name(m)),
        RebalanceReason::Rejoined(m) => format!("{} rejoined", sim.member_name(m)),
        RebalanceReason::Removed { member, reason } => format!(
            "{} removed: {}",
            sim.member_name(member),
            removal_reason(reason)
        ),
        RebalanceReason::AssignorChanged(a) => format!("assignor changed to {}", a.name()),
        RebalanceReason::ProtocolChanged(p) => format!("protocol changed to {}", p.name()),
    }
}

fn reset_cause(cause: ResetCause) -> &'static str {
    match cause {
        ResetCause::NoCommittedOffset => "no committed offset",
    }
}

fn group_change(sim: &Sim, change: GroupChange) -> String {
    match change {
        GroupChange::ProcessingTime { member, ms } => {
            format!("{} processes a record in {ms} ms", sim.member_name(member))
        }
        GroupChange::Assignor { assignor, protocol } => format!(
            "partition.assignment.strategy = {} ({} protocol)",
            assignor.class_name(),
            protocol.name()
        ),
        GroupChange::Protocol(p) => format!("rebalance protocol {}", p.name()),
        GroupChange::CommitMode(mode) => commit_mode(mode).to_string(),
    }
}
