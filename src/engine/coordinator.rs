//! The group coordinator (classic group protocol), on the broker leading the
//! group's `__consumer_offsets` partition. Its state machine:
//!
//! `Empty`/`Stable` → `PreparingRebalance` (a member joins, leaves, times out,
//! or rejoins for a second cooperative round; heartbeats now answer
//! `REBALANCE_IN_PROGRESS`) → when every known member has sent JoinGroup, or
//! the rebalance timeout (`max.poll.interval.ms`) passes and the absent are
//! removed: a new generation, JoinGroup answers (the leader gets everyone's
//! subscriptions) → `CompletingRebalance` → the leader's SyncGroup carries the
//! assignment → `Stable`, and every member gets its partitions.
//!
//! Members are removed when their session expires (no heartbeat, JoinGroup or
//! SyncGroup for `session.timeout.ms`), when they leave, or when they miss
//! the rebalance timeout. Offset commits are checked against the member and
//! its generation (`UNKNOWN_MEMBER_ID`, `ILLEGAL_GENERATION`,
//! `REBALANCE_IN_PROGRESS` while the group awaits its SyncGroup).

pub use super::vocab::states::GroupState;

use std::collections::BTreeMap;

use super::event::{GroupEvent, RebalanceReason, RemovalReason};
use super::ids::{BrokerId, GroupIdx, MemberId};
use super::network::{Body, Message, Node};
use super::sim::{Sim, Timer};
pub use super::wire::group_message::{GroupMessage, JoinedMember};

use super::consumer::ConsumerTimer;

/// A member as the coordinator knows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KnownMember {
    /// Member id string.
    pub member_id: String,
    /// `group.instance.id`, for static members.
    pub instance_id: Option<String>,
    /// Last heartbeat (or JoinGroup/SyncGroup), simulated ms.
    pub last_heartbeat_ms: u64,
    /// Whether it has sent JoinGroup in the current round.
    pub joined: bool,
    /// The partitions it said it owns in its JoinGroup.
    pub owned: Vec<u32>,
    /// Its SyncGroup waits for the leader's.
    pub awaiting_sync: bool,
}

/// What the coordinator knows about a group.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CoordinatorView {
    /// State of the group.
    pub state: GroupState,
    /// Current generation (0 before the first rebalance completes).
    pub generation: u32,
    /// The leader of the current generation.
    pub leader: Option<MemberId>,
    /// Known members.
    pub members: BTreeMap<MemberId, KnownMember>,
    /// Members in the order their JoinGroup arrived this round.
    pub join_order: Vec<MemberId>,
    /// The assignment of the current generation.
    pub assignment: BTreeMap<MemberId, Vec<u32>>,
    /// Why the current (or last) rebalance started (`None` before the first).
    pub reason: Option<RebalanceReason>,
    /// Counts rebalance rounds, to match their deadline timers.
    pub round: u64,
}

impl Sim {
    /// A group-protocol request reaches broker `b`.
    pub(crate) fn coordinator_receive(&mut self, b: BrokerId, msg: Message) {
        let Body::Group(message) = msg.body else {
            return;
        };
        let Node::Member(m) = msg.from else {
            return;
        };
        let g = message.group().0 as usize;
        if g >= self.groups.len() || self.groups[g].coordinator != b {
            return; // NOT_COORDINATOR: the coordinator never moves here
        }
        let now = self.rt.now_ms;
        let reply = |sim: &mut Sim, body: GroupMessage| {
            sim.send(Node::Broker(b), Node::Member(m), Body::Group(body));
        };
        let group = self.groups[g].idx;
        match message {
            GroupMessage::JoinGroupRequest { owned, .. } => {
                let session = self.groups[g].config.session_timeout_ms;
                let view = &mut self.groups[g].view;
                let new = !view.members.contains_key(&m);
                if new {
                    let (member_id, instance_id) = self.groups[g]
                        .member(m)
                        .map(|x| (x.name.clone(), x.instance_id.clone()))
                        .unwrap_or_else(|| (super::consumer::member_name_of(m), None));
                    self.groups[g].view.members.insert(
                        m,
                        KnownMember {
                            member_id,
                            instance_id,
                            last_heartbeat_ms: now,
                            joined: false,
                            owned: Vec::new(),
                            awaiting_sync: false,
                        },
                    );
                    self.schedule(
                        now.saturating_add(session),
                        Timer::Consumer(ConsumerTimer::SessionCheck(group, m)),
                    );
                }
                if self.groups[g].view.state != GroupState::PreparingRebalance {
                    let reason = if new {
                        RebalanceReason::Joined(m)
                    } else {
                        RebalanceReason::Rejoined(m)
                    };
                    self.prepare_rebalance(g, reason);
                }
                let known = self.groups[g].view.members.get_mut(&m).expect("known");
                known.last_heartbeat_ms = now;
                known.owned = owned;
                if !known.joined {
                    known.joined = true;
                    self.groups[g].view.join_order.push(m);
                }
                self.maybe_complete_join(g);
            }
            GroupMessage::SyncGroupRequest {
                generation,
                assignment,
                ..
            } => {
                let view = &self.groups[g].view;
                let error = if !view.members.contains_key(&m) {
                    Some("UNKNOWN_MEMBER_ID")
                } else if generation != view.generation {
                    Some("ILLEGAL_GENERATION")
                } else if view.state == GroupState::PreparingRebalance {
                    Some("REBALANCE_IN_PROGRESS")
                } else {
                    None
                };
                if let Some(error) = error {
                    reply(
                        self,
                        GroupMessage::SyncGroupResponse {
                            group,
                            generation,
                            assignment: Vec::new(),
                            error: Some(error),
                        },
                    );
                    return;
                }
                let view = &mut self.groups[g].view;
                if let Some(k) = view.members.get_mut(&m) {
                    k.last_heartbeat_ms = now;
                }
                if view.state == GroupState::Stable {
                    let mine = view.assignment.get(&m).cloned().unwrap_or_default();
                    reply(
                        self,
                        GroupMessage::SyncGroupResponse {
                            group,
                            generation,
                            assignment: mine,
                            error: None,
                        },
                    );
                    return;
                }
                view.members.get_mut(&m).expect("known").awaiting_sync = true;
                if view.leader == Some(m) {
                    view.assignment = assignment
                        .into_iter()
                        .filter(|(x, _)| view.members.contains_key(x))
                        .collect();
                    view.state = GroupState::Stable;
                    let generation = view.generation;
                    let plan: Vec<(MemberId, Vec<u32>)> = view
                        .assignment
                        .iter()
                        .map(|(x, l)| (*x, l.clone()))
                        .collect();
                    let waiting: Vec<MemberId> = view
                        .members
                        .iter()
                        .filter(|(_, k)| k.awaiting_sync)
                        .map(|(x, _)| *x)
                        .collect();
                    let topic = self.groups[g].topic;
                    self.emit(super::event::EventKind::PartitionsAssigned {
                        group,
                        generation,
                        assignment: plan
                            .iter()
                            .map(|(x, l)| {
                                (
                                    *x,
                                    l.iter()
                                        .map(|&p| super::ids::TopicPartition {
                                            topic,
                                            partition: p,
                                        })
                                        .collect(),
                                )
                            })
                            .collect(),
                    });
                    for x in waiting {
                        self.answer_sync(g, b, x);
                    }
                }
            }
            GroupMessage::HeartbeatRequest { generation, .. } => {
                let view = &mut self.groups[g].view;
                let error = match view.members.get_mut(&m) {
                    None => Some("UNKNOWN_MEMBER_ID"),
                    Some(k) => {
                        k.last_heartbeat_ms = now;
                        // After its JoinGroup answer a member heartbeats as usual.
                        match view.state {
                            GroupState::PreparingRebalance => Some("REBALANCE_IN_PROGRESS"),
                            _ if generation != view.generation => Some("ILLEGAL_GENERATION"),
                            _ => None,
                        }
                    }
                };
                reply(
                    self,
                    GroupMessage::HeartbeatResponse {
                        group,
                        generation,
                        error,
                    },
                );
            }
            GroupMessage::LeaveGroupRequest { reason, .. } => {
                reply(self, GroupMessage::LeaveGroupResponse { group });
                if self.groups[g].view.members.contains_key(&m) {
                    self.remove_known_member(g, m, RemovalReason::Left(reason));
                }
            }
            GroupMessage::JoinGroupResponse { .. }
            | GroupMessage::SyncGroupResponse { .. }
            | GroupMessage::HeartbeatResponse { .. }
            | GroupMessage::LeaveGroupResponse { .. } => {}
        }
    }

    fn answer_sync(&mut self, g: usize, b: BrokerId, m: MemberId) {
        let group = self.groups[g].idx;
        let view = &mut self.groups[g].view;
        let Some(k) = view.members.get_mut(&m) else {
            return;
        };
        k.awaiting_sync = false;
        let assignment = view.assignment.get(&m).cloned().unwrap_or_default();
        let generation = view.generation;
        self.send(
            Node::Broker(b),
            Node::Member(m),
            Body::Group(GroupMessage::SyncGroupResponse {
                group,
                generation,
                assignment,
                error: None,
            }),
        );
    }

    /// Starts a rebalance (if one is not already gathering members).
    pub(crate) fn prepare_rebalance(&mut self, g: usize, reason: RebalanceReason) {
        let now = self.rt.now_ms;
        let timeout = self.groups[g].config.max_poll_interval_ms;
        let b = self.groups[g].coordinator;
        let group = self.groups[g].idx;
        let protocol = self.groups[g].config.protocol;
        let view = &mut self.groups[g].view;
        if view.state == GroupState::PreparingRebalance {
            return;
        }
        if view.members.is_empty() {
            view.state = GroupState::Empty;
            return;
        }
        // Members waiting for their SyncGroup answer must rejoin.
        let waiting: Vec<MemberId> = view
            .members
            .iter()
            .filter(|(_, k)| k.awaiting_sync)
            .map(|(x, _)| *x)
            .collect();
        view.state = GroupState::PreparingRebalance;
        view.round += 1;
        view.join_order.clear();
        for k in view.members.values_mut() {
            k.joined = false;
            k.awaiting_sync = false;
        }
        view.reason = Some(reason);
        let round = view.round;
        self.groups[g].rebalances += 1;
        for x in waiting {
            let generation = self.groups[g].view.generation;
            self.send(
                Node::Broker(b),
                Node::Member(x),
                Body::Group(GroupMessage::SyncGroupResponse {
                    group,
                    generation,
                    assignment: Vec::new(),
                    error: Some("REBALANCE_IN_PROGRESS"),
                }),
            );
        }
        self.schedule(
            now.saturating_add(timeout),
            Timer::Consumer(ConsumerTimer::JoinDeadline(group, round)),
        );
        self.emit(super::event::EventKind::Group(
            GroupEvent::RebalanceStarted {
                group,
                reason,
                protocol,
            },
        ));
    }

    /// Completes the join phase when every known member has joined.
    fn maybe_complete_join(&mut self, g: usize) {
        let view = &self.groups[g].view;
        if view.state == GroupState::PreparingRebalance && view.members.values().all(|k| k.joined) {
            self.complete_join(g);
        }
    }

    fn complete_join(&mut self, g: usize) {
        let b = self.groups[g].coordinator;
        let group = self.groups[g].idx;
        let absent: Vec<MemberId> = self.groups[g]
            .view
            .members
            .iter()
            .filter(|(_, k)| !k.joined)
            .map(|(x, _)| *x)
            .collect();
        for x in absent {
            self.groups[g].view.members.remove(&x);
            self.emit(super::event::EventKind::Group(GroupEvent::MemberRemoved {
                group,
                member: x,
                reason: RemovalReason::RebalanceTimeout,
            }));
            self.forget_client(g, x);
        }
        let view = &mut self.groups[g].view;
        let known = view.members.clone();
        view.join_order.retain(|x| known.contains_key(x));
        view.generation += 1;
        view.assignment.clear();
        if view.members.is_empty() {
            view.state = GroupState::Empty;
            view.leader = None;
            return;
        }
        let leader = match view.leader {
            Some(l) if view.members.contains_key(&l) => l,
            _ => view.join_order[0],
        };
        view.leader = Some(leader);
        view.state = GroupState::CompletingRebalance;
        let generation = view.generation;
        let everyone: Vec<JoinedMember> = view
            .join_order
            .iter()
            .filter_map(|x| {
                view.members.get(x).map(|k| JoinedMember {
                    member: *x,
                    member_id: k.member_id.clone(),
                    instance_id: k.instance_id.clone(),
                    owned: k.owned.clone(),
                })
            })
            .collect();
        let order = view.join_order.clone();
        self.emit(super::event::EventKind::Group(GroupEvent::JoinCompleted {
            group,
            generation,
            leader,
            members: order.clone(),
        }));
        for x in order {
            let members = if x == leader {
                everyone.clone()
            } else {
                Vec::new()
            };
            self.send(
                Node::Broker(b),
                Node::Member(x),
                Body::Group(GroupMessage::JoinGroupResponse {
                    group,
                    generation,
                    leader,
                    members,
                    error: None,
                }),
            );
        }
    }

    /// The rebalance timeout of one round: members that have not rejoined
    /// are removed and the round completes.
    pub(crate) fn join_deadline(&mut self, group: GroupIdx, round: u64) {
        let g = group.0 as usize;
        let Some(grp) = self.groups.get(g) else {
            return;
        };
        if grp.view.round == round && grp.view.state == GroupState::PreparingRebalance {
            self.complete_join(g);
        }
    }

    /// The coordinator checks a member's session.
    pub(crate) fn session_check(&mut self, group: GroupIdx, m: MemberId) {
        let g = group.0 as usize;
        let now = self.rt.now_ms;
        let Some(grp) = self.groups.get(g) else {
            return;
        };
        let session = grp.config.session_timeout_ms;
        let Some(k) = grp.view.members.get(&m) else {
            return;
        };
        // A member whose JoinGroup waits for the others is not expired.
        let waiting = grp.view.state == GroupState::PreparingRebalance && k.joined;
        let due = k.last_heartbeat_ms.saturating_add(session);
        if waiting || now < due {
            let next = if waiting {
                now.saturating_add(session)
            } else {
                due
            };
            self.schedule(next, Timer::Consumer(ConsumerTimer::SessionCheck(group, m)));
            return;
        }
        self.remove_known_member(
            g,
            m,
            RemovalReason::SessionTimeout {
                session_ms: session,
            },
        );
    }

    fn remove_known_member(&mut self, g: usize, m: MemberId, reason: RemovalReason) {
        let group = self.groups[g].idx;
        self.groups[g].view.members.remove(&m);
        self.groups[g].view.assignment.remove(&m);
        self.groups[g].view.join_order.retain(|x| *x != m);
        self.emit(super::event::EventKind::Group(GroupEvent::MemberRemoved {
            group,
            member: m,
            reason,
        }));
        self.forget_client(g, m);
        if self.groups[g].view.state == GroupState::PreparingRebalance {
            self.maybe_complete_join(g);
        } else {
            self.prepare_rebalance(g, RebalanceReason::Removed { member: m, reason });
        }
    }

    /// A crashed client disappears from the picture once the coordinator
    /// has removed it.
    fn forget_client(&mut self, g: usize, m: MemberId) {
        if let Some(i) = self.groups[g].members.iter().position(|x| x.id == m) {
            if self.groups[g].members[i].phase == super::consumer::MemberPhase::Crashed {
                self.groups[g].members.remove(i);
            }
        }
    }

    /// Whether an offset commit from member `m` at `generation` is accepted.
    pub(crate) fn commit_error(
        &self,
        g: usize,
        m: MemberId,
        generation: u32,
    ) -> Option<&'static str> {
        let view = &self.groups[g].view;
        if !view.members.contains_key(&m) {
            Some("UNKNOWN_MEMBER_ID")
        } else if generation != view.generation {
            Some("ILLEGAL_GENERATION")
        } else if view.state == GroupState::CompletingRebalance {
            Some("REBALANCE_IN_PROGRESS")
        } else {
            None
        }
    }
}
