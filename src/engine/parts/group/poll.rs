//! A member's `poll()`: rebalance work first (answers from the coordinator,
//! JoinGroup, the leader's assignment, SyncGroup's answer applied), then
//! auto-commit, then one fetch per leader broker. Everything the group asks
//! happens inside `poll()`, only after the records of the previous poll are
//! processed; before rejoining (`onJoinPrepare`) auto-commit commits and
//! waits; eager members then revoke everything, cooperative ones keep their
//! partitions.

use std::collections::{BTreeMap, BTreeSet};

use super::state::Group;
use crate::engine::context::ctx::Ctx;
use crate::engine::context::metadata::Metadata;
use crate::engine::kafka::assignor::{self, Subscription, TopicPart};
use crate::engine::vocab::config::{CommitMode, OffsetReset, RebalanceProtocol};
use crate::engine::vocab::event::EventKind;
use crate::engine::vocab::fixed_settings::{
    CONSUMER_REQUEST_TIMEOUT_MS, CONSUMER_RETRY_BACKOFF_MS,
};
use crate::engine::vocab::group_event::{GroupEvent, ResetCause};
use crate::engine::vocab::ids::{BrokerId, MemberId, Node, TopicPartition};
use crate::engine::vocab::states::MemberPhase;
use crate::engine::vocab::timers::{ConsumerTimer, Timer};
use crate::engine::wire::group_message::{GroupMessage, JoinedMember};
use crate::engine::wire::message::Body;

impl Group {
    pub(super) fn send_to_coordinator(&self, ctx: &mut Ctx, m: MemberId, message: GroupMessage) {
        let coordinator = self.coordinator;
        ctx.send(
            Node::Member(m),
            Node::Broker(coordinator),
            Body::Group(message),
        );
    }

    /// Sends the positions of every owned partition to the coordinator.
    pub(super) fn send_commit(&mut self, ctx: &mut Ctx, i: usize, sync: bool) -> bool {
        let group = &*self;
        let member = &group.members[i];
        let Some(generation) = member.generation else {
            return false;
        };
        // While the member itself is rebalancing, Kafka fails a commit locally
        // (RebalanceInProgressException) without sending it.
        if !matches!(member.phase, MemberPhase::Stable | MemberPhase::Leaving) {
            return false;
        }
        let offsets: Vec<(TopicPartition, u64)> = member
            .positions
            .iter()
            .filter(|(p, _)| member.assigned.contains(p))
            .map(|(&p, &pos)| {
                (
                    TopicPartition {
                        topic: group.topic,
                        partition: p,
                    },
                    pos,
                )
            })
            .collect();
        if offsets.is_empty() {
            return false;
        }
        let (idx, coordinator, m) = (group.idx, group.coordinator, member.id);
        ctx.send(
            Node::Member(m),
            Node::Broker(coordinator),
            Body::OffsetCommitRequest {
                group: idx,
                generation,
                offsets,
                sync,
            },
        );
        if sync {
            self.members[i].sync_commit_in_flight = true;
        }
        true
    }

    /// The member drops partitions: revoked (it knew) or lost (it was
    /// already out of the group).
    fn drop_partitions(&mut self, ctx: &mut Ctx, i: usize, partitions: &[u32], lost: bool) {
        if partitions.is_empty() {
            return;
        }
        let group = self.idx;
        let member = &mut self.members[i];
        member.assigned.retain(|p| !partitions.contains(p));
        for p in partitions {
            member.positions.remove(p);
            member.errors.remove(p);
        }
        member
            .buffer
            .retain(|(tp, _)| !partitions.contains(&tp.partition));
        let id = member.id;
        ctx.emit_group(GroupEvent::PartitionsRevoked {
            group,
            member: id,
            partitions: partitions.to_vec(),
            lost,
        });
    }

    /// `poll()`: rebalance work first, then auto-commit, then fetches.
    pub(crate) fn poll(&mut self, ctx: &mut Ctx, meta: &impl Metadata, m: MemberId) {
        let Some(i) = self.member_index(m) else {
            return;
        };
        let now = ctx.now();
        {
            let member = &self.members[i];
            if !member.alive()
                || member.busy
                || !member.buffer.is_empty()
                || member.sync_commit_in_flight
            {
                return;
            }
        }
        self.members[i].last_poll_ms = now;

        // Answers from the coordinator are handled inside poll().
        while let Some(message) = self.members[i].inbox.pop_front() {
            self.handle_group_answer(ctx, meta, i, message);
        }

        let protocol = self.config.protocol;
        let auto = self.config.commit_mode == CommitMode::Auto;
        let member = &self.members[i];
        let must_join = member.phase == MemberPhase::Unjoined
            || (member.phase == MemberPhase::Stable && member.rejoin_needed);
        if must_join {
            // Partitions of a member that fell out of the group are lost.
            if member.generation.is_none() && !member.assigned.is_empty() {
                let lost = member.assigned.clone();
                self.drop_partitions(ctx, i, &lost, true);
            }
            // onJoinPrepare: commit before rejoining, and wait for the answer.
            if auto && !self.members[i].join_prepared {
                self.members[i].join_prepared = true;
                if self.send_commit(ctx, i, true) {
                    return;
                }
            }
            let member = &mut self.members[i];
            member.join_prepared = false;
            member.rejoin_needed = false;
            let owned = member.assigned.clone();
            if protocol == RebalanceProtocol::Eager && !owned.is_empty() {
                member.previous = owned.clone();
                self.drop_partitions(ctx, i, &owned, false);
            }
            let member = &mut self.members[i];
            member.phase = MemberPhase::Joining;
            let owned = if protocol == RebalanceProtocol::Eager {
                member.previous.clone()
            } else {
                member.assigned.clone()
            };
            let group = self.idx;
            self.send_to_coordinator(
                ctx,
                m,
                GroupMessage::JoinGroupRequest {
                    group,
                    owned: owned.clone(),
                },
            );
            ctx.emit_group(GroupEvent::JoinGroupSent {
                group,
                member: m,
                owned,
            });
        }

        // Auto-commit, inside poll, when the interval has passed.
        let interval = self.config.auto_commit_interval_ms;
        if auto && now >= self.members[i].next_auto_commit_ms {
            self.members[i].next_auto_commit_ms = now.saturating_add(interval);
            self.send_commit(ctx, i, false);
        }

        self.send_fetches(ctx, meta, i);
    }

    /// One fetch per leader broker for the member's readable partitions.
    fn send_fetches(&mut self, ctx: &mut Ctx, meta: &impl Metadata, i: usize) {
        let group = &*self;
        let member = &group.members[i];
        let m = member.id;
        if member.outstanding_fetches > 0 {
            return;
        }
        let mut by_leader: BTreeMap<BrokerId, Vec<(TopicPartition, u64)>> = BTreeMap::new();
        let mut leaderless = false;
        if !member.paused {
            for (&p, &pos) in &member.positions {
                if !member.assigned.contains(&p) || member.errors.contains_key(&p) {
                    continue;
                }
                let tp = TopicPartition {
                    topic: group.topic,
                    partition: p,
                };
                match meta.leader(tp) {
                    Some(leader) => by_leader.entry(leader).or_default().push((tp, pos)),
                    None => leaderless = true,
                }
            }
        }
        let (idx, max_records, wait) = (
            group.idx,
            group.config.max_poll_records,
            group.config.fetch_max_wait_ms,
        );
        if by_leader.is_empty() {
            // Nothing to fetch: the application's loop calls poll() again.
            let delay = if leaderless {
                CONSUMER_RETRY_BACKOFF_MS
            } else {
                wait
            };
            if !self.members[i].idle_poll_pending {
                self.members[i].idle_poll_pending = true;
                ctx.schedule(
                    ctx.now().saturating_add(delay),
                    Timer::Consumer(ConsumerTimer::IdlePoll(m)),
                );
            }
            return;
        }
        self.members[i].fetch_round += 1;
        let round = self.members[i].fetch_round;
        ctx.schedule(
            ctx.now().saturating_add(CONSUMER_REQUEST_TIMEOUT_MS),
            Timer::Consumer(ConsumerTimer::FetchTimeout(m, round)),
        );
        for (broker, positions) in by_leader {
            let msg = ctx.send(
                Node::Member(m),
                Node::Broker(broker),
                Body::FetchRequest {
                    group: idx,
                    positions: positions.clone(),
                    max_records,
                },
            );
            self.members[i].outstanding_fetches += 1;
            ctx.emit(EventKind::FetchSent {
                msg,
                member: m,
                broker,
                positions,
            });
        }
    }

    /// The leader's JoinGroup answer carries every member's subscription:
    /// it runs the assignor and sends the plan in its SyncGroup.
    fn handle_group_answer(
        &mut self,
        ctx: &mut Ctx,
        meta: &impl Metadata,
        i: usize,
        message: GroupMessage,
    ) {
        let m = self.members[i].id;
        let group = self.idx;
        match message {
            GroupMessage::JoinGroupResponse {
                generation,
                leader,
                members,
                error,
                ..
            } => {
                if self.members[i].phase != MemberPhase::Joining {
                    return;
                }
                if error.is_some() {
                    self.members[i].phase = MemberPhase::Unjoined;
                    return;
                }
                let member = &mut self.members[i];
                member.generation = Some(generation);
                member.is_leader = leader == m;
                member.phase = MemberPhase::AwaitingSync;
                let assignment = if leader == m {
                    self.compute_assignment(ctx, meta, generation, &members)
                } else {
                    Vec::new()
                };
                self.send_to_coordinator(
                    ctx,
                    m,
                    GroupMessage::SyncGroupRequest {
                        group,
                        generation,
                        assignment,
                    },
                );
            }
            GroupMessage::SyncGroupResponse {
                generation,
                assignment,
                error,
                ..
            } => {
                if self.members[i].phase != MemberPhase::AwaitingSync {
                    return;
                }
                match error {
                    Some("REBALANCE_IN_PROGRESS") => {
                        let member = &mut self.members[i];
                        member.phase = MemberPhase::Stable;
                        member.rejoin_needed = true;
                    }
                    Some(_) => self.fall_out_of_group(ctx, i),
                    None => self.apply_assignment(ctx, meta, i, generation, assignment),
                }
            }
            _ => {}
        }
    }

    fn compute_assignment(
        &mut self,
        ctx: &mut Ctx,
        meta: &impl Metadata,
        generation: u32,
        members: &[JoinedMember],
    ) -> Vec<(MemberId, Vec<u32>)> {
        let group = &*self;
        let topic_name = meta.topic_name(group.topic).to_string();
        let count = meta.partition_count(group.topic);
        let subs: Vec<Subscription> = members
            .iter()
            .map(|j| Subscription {
                member_id: j.member_id.clone(),
                group_instance_id: j.instance_id.clone(),
                topics: vec![topic_name.clone()],
                owned: j
                    .owned
                    .iter()
                    .map(|&p| TopicPart::new(&topic_name, p))
                    .collect(),
            })
            .collect();
        let per_topic = BTreeMap::from([(topic_name.clone(), count)]);
        let assignor = group.config.assignor;
        let plan = assignor::assign(assignor, &per_topic, &subs);
        let assignment: Vec<(MemberId, Vec<u32>)> = members
            .iter()
            .map(|j| {
                let parts = plan
                    .get(&j.member_id)
                    .map(|l| l.iter().map(|tp| tp.partition).collect())
                    .unwrap_or_default();
                (j.member, parts)
            })
            .collect();
        let given: BTreeSet<u32> = assignment
            .iter()
            .flat_map(|(_, l)| l.iter().copied())
            .collect();
        let held_back: Vec<u32> = (0..count).filter(|p| !given.contains(p)).collect();
        let (idx, leader) = (
            group.idx,
            self.members.iter().find(|x| x.is_leader).map(|x| x.id),
        );
        ctx.emit_group(GroupEvent::AssignmentComputed {
            group: idx,
            generation,
            leader: leader.unwrap_or(MemberId(0)),
            assignor,
            assignment: assignment.clone(),
            held_back,
        });
        assignment
    }

    fn apply_assignment(
        &mut self,
        ctx: &mut Ctx,
        meta: &impl Metadata,
        i: usize,
        generation: u32,
        assignment: Vec<u32>,
    ) {
        let now = ctx.now();
        let group = self.idx;
        let interval = self.config.auto_commit_interval_ms;
        let old = self.members[i].assigned.clone();
        let revoked: Vec<u32> = old
            .iter()
            .copied()
            .filter(|p| !assignment.contains(p))
            .collect();
        let added: Vec<u32> = assignment
            .iter()
            .copied()
            .filter(|p| !old.contains(p))
            .collect();
        if !revoked.is_empty() {
            // Cooperative: give up what moves, without committing, and rejoin.
            self.drop_partitions(ctx, i, &revoked, false);
            self.members[i].rejoin_needed = true;
        }
        for &p in &added {
            self.init_position(ctx, meta, i, p);
        }
        let member = &mut self.members[i];
        member.assigned = assignment.clone();
        member.assigned.sort_unstable();
        member.generation = Some(generation);
        member.phase = MemberPhase::Stable;
        member.next_auto_commit_ms = now.saturating_add(interval);
        let m = member.id;
        ctx.emit_group(GroupEvent::AssignmentReceived {
            group,
            member: m,
            generation,
            added,
            revoked,
            owned: assignment,
        });
    }

    /// Where a member starts on a newly assigned partition: the committed
    /// offset, or `auto.offset.reset`.
    fn init_position(&mut self, ctx: &mut Ctx, meta: &impl Metadata, i: usize, p: u32) {
        if let Some(&c) = self.committed.get(&p) {
            let member = &mut self.members[i];
            member.positions.insert(p, c);
            member.errors.remove(&p);
            return;
        }
        self.reset_position(ctx, meta, i, p, ResetCause::NoCommittedOffset);
    }

    /// Applies `auto.offset.reset` to partition `p`.
    fn reset_position(
        &mut self,
        ctx: &mut Ctx,
        meta: &impl Metadata,
        i: usize,
        p: u32,
        reason: ResetCause,
    ) {
        let group = &*self;
        let tp = TopicPartition {
            topic: group.topic,
            partition: p,
        };
        let policy = group.config.auto_offset_reset;
        let log = meta.leader_log(tp);
        let to = match policy {
            OffsetReset::Earliest => log.map(|l| l.log_start_offset()),
            OffsetReset::Latest => log.map(|l| l.high_watermark()),
            OffsetReset::None => None,
        };
        let (idx, m) = (group.idx, group.members[i].id);
        let member = &mut self.members[i];
        let from = member.positions.get(&p).copied();
        member.buffer.retain(|(t, _)| t.partition != p);
        match to {
            Some(to) => {
                member.positions.insert(p, to);
                member.errors.remove(&p);
            }
            None => {
                member.positions.remove(&p);
                let exception = match reason {
                    ResetCause::NoCommittedOffset => "NoOffsetForPartitionException",
                };
                member.errors.insert(p, exception);
            }
        }
        ctx.emit_group(GroupEvent::OffsetReset {
            group: idx,
            member: m,
            tp,
            from,
            to,
            reason,
            policy,
        });
    }
}
