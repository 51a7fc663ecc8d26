//! Consumer-group events in words, for the event log and the golden files.

use super::event::GroupEvent;
use super::ids::MemberId;
use super::sim::Sim;

fn parts(list: &[u32]) -> String {
    let items: Vec<String> = list.iter().map(|p| format!("p{p}")).collect();
    format!("[{}]", items.join(", "))
}

fn who(m: MemberId) -> String {
    format!("consumer-{}", m.0)
}

impl Sim {
    /// One consumer-group event in plain English.
    #[must_use]
    pub fn describe_group_event(&self, event: &GroupEvent) -> String {
        match event {
            GroupEvent::MemberAdded { group, member } => format!(
                "{} starts in group {} and will send JoinGroup",
                who(*member),
                self.group_name(*group)
            ),
            GroupEvent::MemberClosing { group, member } => format!(
                "{} closes: commits its offsets, then leaves group {}",
                who(*member),
                self.group_name(*group)
            ),
            GroupEvent::MemberCrashed { group, member } => format!(
                "{} crashes: no commit, no LeaveGroup; group {}'s coordinator will notice after session.timeout.ms",
                who(*member),
                self.group_name(*group)
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
                "coordinator removes {} from group {}: {reason}",
                who(*member),
                self.group_name(*group)
            ),
            GroupEvent::RebalanceStarted {
                group,
                reason,
                protocol,
            } => format!(
                "coordinator: group {} is PreparingRebalance ({} protocol) because {reason}; members must rejoin",
                self.group_name(*group),
                protocol.name()
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
                self.group_name(*group),
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
                self.tp_name(*tp)
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
                        "{} on {}: {reason}{from}; auto.offset.reset={} → offset {to}",
                        who(*member),
                        self.tp_name(*tp),
                        policy.as_config()
                    ),
                    None => format!(
                        "{} on {}: {reason}{from}; auto.offset.reset=none → the application gets an exception and the partition stops",
                        who(*member),
                        self.tp_name(*tp)
                    ),
                }
            }
            GroupEvent::Seeked {
                member, tp, from, to, ..
            } => format!(
                "{} seeks {} from {} to offset {to}",
                who(*member),
                self.tp_name(*tp),
                from.map_or("none".to_string(), |o| o.to_string())
            ),
            GroupEvent::ConfigChanged { group, what } => {
                format!("group {}: {what}", self.group_name(*group))
            }
            GroupEvent::GroupAdded { group } => {
                let (topic, members) = self.groups.get(group.0 as usize).map_or((String::new(), 0), |g| {
                    (g.config.topic.clone(), g.config.members)
                });
                format!(
                    "group {} starts reading {topic} with {members} member(s), its own offsets",
                    self.group_name(*group)
                )
            }
        }
    }
}
