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

use super::state::{member_name_of, Group, KnownMember};
use crate::engine::context::ctx::Ctx;
use crate::engine::context::metadata::Metadata;
use crate::engine::vocab::event::EventKind;
use crate::engine::vocab::group_event::{GroupEvent, RebalanceReason, RemovalReason};
use crate::engine::vocab::ids::{BrokerId, MemberId, Node, TopicPartition};
use crate::engine::vocab::states::{GroupState, MemberPhase};
use crate::engine::vocab::timers::{ConsumerTimer, Timer};
use crate::engine::wire::group_message::{GroupMessage, JoinedMember};
use crate::engine::wire::message::{Body, Message};

impl Group {
    /// A group-protocol request from member `m` reaches this group's
    /// coordinator on broker `b`.
    pub(super) fn coordinator_receive(
        &mut self,
        ctx: &mut Ctx,
        b: BrokerId,
        m: MemberId,
        message: GroupMessage,
    ) {
        let now = ctx.now();
        let reply = |ctx: &mut Ctx, body: GroupMessage| {
            ctx.send(Node::Broker(b), Node::Member(m), Body::Group(body));
        };
        let group = self.idx;
        match message {
            GroupMessage::JoinGroupRequest { owned, .. } => {
                let session = self.config.session_timeout_ms;
                let view = &mut self.view;
                let new = !view.members.contains_key(&m);
                if new {
                    let (member_id, instance_id) = self
                        .member(m)
                        .map(|x| (x.member_id.clone(), x.instance_id.clone()))
                        .unwrap_or_else(|| (member_name_of(m), None));
                    self.view.members.insert(
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
                    ctx.schedule(
                        now.saturating_add(session),
                        Timer::Consumer(ConsumerTimer::SessionCheck(group, m)),
                    );
                }
                if self.view.state != GroupState::PreparingRebalance {
                    let reason = if new {
                        RebalanceReason::Joined(m)
                    } else {
                        RebalanceReason::Rejoined(m)
                    };
                    self.prepare_rebalance(ctx, reason);
                }
                let known = self.view.members.get_mut(&m).expect("known");
                known.last_heartbeat_ms = now;
                known.owned = owned;
                if !known.joined {
                    known.joined = true;
                    self.view.join_order.push(m);
                }
                self.maybe_complete_join(ctx);
            }
            GroupMessage::SyncGroupRequest {
                generation,
                assignment,
                ..
            } => {
                let view = &self.view;
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
                        ctx,
                        GroupMessage::SyncGroupResponse {
                            group,
                            generation,
                            assignment: Vec::new(),
                            error: Some(error),
                        },
                    );
                    return;
                }
                let view = &mut self.view;
                if let Some(k) = view.members.get_mut(&m) {
                    k.last_heartbeat_ms = now;
                }
                if view.state == GroupState::Stable {
                    let mine = view.assignment.get(&m).cloned().unwrap_or_default();
                    reply(
                        ctx,
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
                    let topic = self.topic;
                    ctx.emit(EventKind::PartitionsAssigned {
                        group,
                        generation,
                        assignment: plan
                            .iter()
                            .map(|(x, l)| {
                                (
                                    *x,
                                    l.iter()
                                        .map(|&p| TopicPartition {
                                            topic,
                                            partition: p,
                                        })
                                        .collect(),
                                )
                            })
                            .collect(),
                    });
                    for x in waiting {
                        self.answer_sync(ctx, b, x);
                    }
                }
            }
            GroupMessage::HeartbeatRequest { generation, .. } => {
                let view = &mut self.view;
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
                    ctx,
                    GroupMessage::HeartbeatResponse {
                        group,
                        generation,
                        error,
                    },
                );
            }
            GroupMessage::LeaveGroupRequest { reason, .. } => {
                reply(ctx, GroupMessage::LeaveGroupResponse { group });
                if self.view.members.contains_key(&m) {
                    self.remove_known_member(ctx, m, RemovalReason::Left(reason));
                }
            }
            GroupMessage::JoinGroupResponse { .. }
            | GroupMessage::SyncGroupResponse { .. }
            | GroupMessage::HeartbeatResponse { .. }
            | GroupMessage::LeaveGroupResponse { .. } => {}
        }
    }

    fn answer_sync(&mut self, ctx: &mut Ctx, b: BrokerId, m: MemberId) {
        let group = self.idx;
        let view = &mut self.view;
        let Some(k) = view.members.get_mut(&m) else {
            return;
        };
        k.awaiting_sync = false;
        let assignment = view.assignment.get(&m).cloned().unwrap_or_default();
        let generation = view.generation;
        ctx.send(
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
    pub(super) fn prepare_rebalance(&mut self, ctx: &mut Ctx, reason: RebalanceReason) {
        let now = ctx.now();
        let timeout = self.config.max_poll_interval_ms;
        let b = self.coordinator;
        let group = self.idx;
        let protocol = self.config.protocol;
        let view = &mut self.view;
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
        self.rebalances += 1;
        for x in waiting {
            let generation = self.view.generation;
            ctx.send(
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
        ctx.schedule(
            now.saturating_add(timeout),
            Timer::Consumer(ConsumerTimer::JoinDeadline(group, round)),
        );
        ctx.emit(EventKind::Group(GroupEvent::RebalanceStarted {
            group,
            reason,
            protocol,
        }));
    }

    /// Completes the join phase when every known member has joined.
    fn maybe_complete_join(&mut self, ctx: &mut Ctx) {
        let view = &self.view;
        if view.state == GroupState::PreparingRebalance && view.members.values().all(|k| k.joined) {
            self.complete_join(ctx);
        }
    }

    fn complete_join(&mut self, ctx: &mut Ctx) {
        let b = self.coordinator;
        let group = self.idx;
        let absent: Vec<MemberId> = self
            .view
            .members
            .iter()
            .filter(|(_, k)| !k.joined)
            .map(|(x, _)| *x)
            .collect();
        for x in absent {
            self.view.members.remove(&x);
            ctx.emit(EventKind::Group(GroupEvent::MemberRemoved {
                group,
                member: x,
                reason: RemovalReason::RebalanceTimeout,
            }));
            self.forget_client(x);
        }
        let view = &mut self.view;
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
        ctx.emit(EventKind::Group(GroupEvent::JoinCompleted {
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
            ctx.send(
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
    pub(super) fn join_deadline(&mut self, ctx: &mut Ctx, round: u64) {
        if self.view.round == round && self.view.state == GroupState::PreparingRebalance {
            self.complete_join(ctx);
        }
    }

    /// The coordinator checks a member's session.
    pub(super) fn session_check(&mut self, ctx: &mut Ctx, m: MemberId) {
        let now = ctx.now();
        let group = self.idx;
        let grp = &*self;
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
            ctx.schedule(next, Timer::Consumer(ConsumerTimer::SessionCheck(group, m)));
            return;
        }
        self.remove_known_member(
            ctx,
            m,
            RemovalReason::SessionTimeout {
                session_ms: session,
            },
        );
    }

    fn remove_known_member(&mut self, ctx: &mut Ctx, m: MemberId, reason: RemovalReason) {
        let group = self.idx;
        self.view.members.remove(&m);
        self.view.assignment.remove(&m);
        self.view.join_order.retain(|x| *x != m);
        ctx.emit(EventKind::Group(GroupEvent::MemberRemoved {
            group,
            member: m,
            reason,
        }));
        self.forget_client(m);
        if self.view.state == GroupState::PreparingRebalance {
            self.maybe_complete_join(ctx);
        } else {
            self.prepare_rebalance(ctx, RebalanceReason::Removed { member: m, reason });
        }
    }

    /// A crashed client disappears from the picture once the coordinator
    /// has removed it.
    fn forget_client(&mut self, m: MemberId) {
        if let Some(i) = self.members.iter().position(|x| x.id == m) {
            if self.members[i].phase == MemberPhase::Crashed {
                self.members.remove(i);
            }
        }
    }

    /// Whether an offset commit from member `m` at `generation` is accepted.
    fn commit_error(&self, m: MemberId, generation: u32) -> Option<&'static str> {
        let view = &self.view;
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

    /// An `OffsetCommit` request reaches broker `b`: the coordinator checks
    /// the member and its generation, stores the offsets and answers.
    pub(super) fn handle_offset_commit(
        &mut self,
        ctx: &mut Ctx,
        meta: &impl Metadata,
        b: BrokerId,
        msg: Message,
    ) {
        let Body::OffsetCommitRequest {
            group,
            generation,
            offsets,
            sync,
        } = msg.body
        else {
            return;
        };
        let Node::Member(member) = msg.from else {
            return;
        };
        if self.coordinator != b {
            return;
        }
        if let Some(error) = self.commit_error(member, generation) {
            ctx.send(
                Node::Broker(b),
                msg.from,
                Body::OffsetCommitResponse {
                    offsets: Vec::new(),
                    error: Some(error),
                    sync,
                },
            );
            return;
        }
        for (tp, offset) in &offsets {
            self.committed.insert(tp.partition, *offset);
            self.record_commit_sample(ctx, meta, tp.partition, *offset);
        }
        for (tp, offset) in &offsets {
            ctx.emit(EventKind::OffsetCommitted {
                group,
                member,
                tp: *tp,
                offset: *offset,
            });
        }
        ctx.send(
            Node::Broker(b),
            msg.from,
            Body::OffsetCommitResponse {
                offsets,
                error: None,
                sync,
            },
        );
    }
}
