//! Consumer groups, client side: members join through the group coordinator
//! (JoinGroup, SyncGroup, heartbeats: see [`super::coordinator`]), poll the
//! leaders of the partitions they own, process records one at a time, and
//! commit the position (the next offset to read) automatically or manually.
//!
//! The poll loop follows the Java consumer:
//! - everything the group asks (rejoin, apply an assignment) happens inside
//!   `poll()`, i.e. only after the records of the previous poll are
//!   processed; heartbeats come from a background thread and keep flowing;
//! - before rejoining (`onJoinPrepare`), auto-commit commits the positions
//!   and waits for the answer; eager members then revoke everything, while
//!   cooperative members keep their partitions and keep processing them;
//! - cooperative members revoke the partitions the leader took from them
//!   when the SyncGroup answer arrives, WITHOUT committing (Kafka commits
//!   nothing there; an application would commit in `onPartitionsRevoked`),
//!   then rejoin for the second rebalance;
//! - auto-commit runs inside `poll()` every `auto.commit.interval.ms` and
//!   commits every owned partition's position, changed or not;
//! - a member that does not poll for `max.poll.interval.ms` leaves the group
//!   from its heartbeat thread and loses its partitions.
//!
//! Simplifications: positions come straight from the group's committed
//! offsets and the leader's log (no OffsetFetch / ListOffsets messages);
//! `group.initial.rebalance.delay.ms` is not simulated; the coordinator never
//! moves.

pub use super::kafka::java_hash::{
    java_string_hash, offsets_partition_for, OFFSETS_TOPIC_PARTITIONS,
};
pub(crate) use super::kafka::validate::protocol_refusal;
use super::vocab::fixed_settings::CONSUMER_RETRY_BACKOFF_MS;
pub use super::vocab::fixed_settings::{
    CONSUMER_REQUEST_TIMEOUT_MS, CONSUMER_RETRY_BACKOFF_MS as RETRY_BACKOFF_MS,
};

pub use super::vocab::command::SeekTarget;
pub use super::vocab::states::MemberPhase;
pub(crate) use super::vocab::timers::ConsumerTimer;

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use super::assignor::{self, Assignor, Subscription, TopicPart};
use super::config::{CommitMode, GroupConfig, OffsetReset, RebalanceProtocol};
use super::coordinator::{CoordinatorView, GroupMessage, JoinedMember};
use super::event::{EventKind, GroupChange, GroupEvent, LeaveReason, RebalanceReason, ResetCause};
use super::ids::{BrokerId, GroupIdx, MemberId, TopicIdx, TopicPartition};
use super::lag::{CommitSample, LagHistory};
use super::limits::{MAX_GROUPS, MAX_GROUP_ID_BYTES, MAX_MEMBERS};
use super::log::LogEntry;
use super::network::{Body, Message, Node};
use super::refusal::{Counted, Refusal, RefusalReason};
use super::sim::{Sim, Timer};

/// The member id a new member gets (`consumer-2`): the client's
/// `client.id`-based prefix and the engine's member number.
#[must_use]
pub fn member_name_of(id: MemberId) -> String {
    format!("consumer-{}", id.0)
}

/// A group member's state (the Java client's view of itself).
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    /// Its id.
    pub id: MemberId,
    /// Its member id string (`consumer-N`), which the assignors sort by.
    pub name: String,
    /// `group.instance.id` of a static member.
    pub instance_id: Option<String>,
    /// Where it stands in the group protocol.
    pub phase: MemberPhase,
    /// The generation it joined, if it is in one.
    pub generation: Option<u32>,
    /// Partitions it owns.
    pub assigned: Vec<u32>,
    /// Its previous assignment (the sticky assignor's user data).
    pub previous: Vec<u32>,
    /// Its position per owned partition: the next offset it will read.
    pub positions: BTreeMap<u32, u64>,
    /// Fetched records not yet processed.
    pub buffer: VecDeque<(TopicPartition, LogEntry)>,
    /// Fetch requests not yet answered.
    pub outstanding_fetches: u32,
    /// Whether it is processing a record now.
    pub busy: bool,
    /// Records it has processed.
    pub consumed: u64,
    /// `consumer.pause()` on all its partitions: it keeps polling,
    /// heartbeating and committing, but fetches nothing.
    pub paused: bool,
    /// Processing time of one record, ms.
    pub processing_ms: u64,
    /// Partitions it cannot read, with the exception the application got.
    pub errors: BTreeMap<u32, &'static str>,
    /// It was told to rejoin (rebalance in progress, or a second round).
    pub rejoin_needed: bool,
    /// It is the leader of the current generation.
    pub is_leader: bool,
    pub(crate) inbox: VecDeque<GroupMessage>,
    pub(crate) sync_commit_in_flight: bool,
    pub(crate) join_prepared: bool,
    pub(crate) next_auto_commit_ms: u64,
    pub(crate) last_poll_ms: u64,
    pub(crate) idle_poll_pending: bool,
    /// Counts rounds of fetches, so a fetch timeout knows whether its round
    /// is still waiting.
    pub(crate) fetch_round: u64,
}

impl Member {
    pub(crate) fn new(id: MemberId, instance_id: Option<String>, processing_ms: u64) -> Self {
        Self {
            id,
            name: member_name_of(id),
            instance_id,
            phase: MemberPhase::Unjoined,
            generation: None,
            assigned: Vec::new(),
            previous: Vec::new(),
            positions: BTreeMap::new(),
            buffer: VecDeque::new(),
            outstanding_fetches: 0,
            busy: false,
            consumed: 0,
            paused: false,
            processing_ms,
            errors: BTreeMap::new(),
            rejoin_needed: false,
            is_leader: false,
            inbox: VecDeque::new(),
            sync_commit_in_flight: false,
            join_prepared: false,
            next_auto_commit_ms: 0,
            last_poll_ms: 0,
            idle_poll_pending: false,
            fetch_round: 0,
        }
    }

    /// Whether it still takes part (not crashed, not closing).
    #[must_use]
    pub fn alive(&self) -> bool {
        !matches!(self.phase, MemberPhase::Crashed | MemberPhase::Leaving)
    }
}

/// A consumer group: its members (clients), the coordinator's view of it,
/// its committed offsets, lag history and counters.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// Its index.
    pub idx: GroupIdx,
    /// Its configuration in force.
    pub config: GroupConfig,
    /// The topic its members subscribe to.
    pub topic: TopicIdx,
    /// Its members (clients), in the order they were added.
    pub members: Vec<Member>,
    /// Committed offset per partition: the next offset to read.
    pub committed: BTreeMap<u32, u64>,
    /// The `__consumer_offsets` partition holding its offsets.
    pub offsets_partition: u32,
    /// The broker acting as its coordinator.
    pub coordinator: BrokerId,
    /// What the group coordinator knows: state, generation, members.
    pub view: CoordinatorView,
    /// Records processed again after a partition moved (at-least-once duplicates).
    pub duplicates: u64,
    /// Records processed again on purpose, after a seek backwards.
    pub replays: u64,
    /// Rebalances started.
    pub rebalances: u32,
    /// Per partition, one past the highest offset any member processed.
    pub processed_upto: BTreeMap<u32, u64>,
    /// Per partition, the end of a replay started by a seek backwards.
    pub replay_until: BTreeMap<u32, u64>,
    /// Per partition, the last commits (Burrow's window).
    pub commit_windows: BTreeMap<u32, VecDeque<CommitSample>>,
    /// Total lag over time.
    pub lag_history: LagHistory,
}

impl Group {
    pub(crate) fn new(idx: GroupIdx, config: GroupConfig, topic: TopicIdx, brokers: u32) -> Self {
        let offsets_partition = offsets_partition_for(&config.group_id);
        Self {
            idx,
            topic,
            members: Vec::new(),
            committed: BTreeMap::new(),
            offsets_partition,
            // The leader of __consumer_offsets-P; its replicas are placed
            // round robin here, so partition P leads on broker P % n + 1.
            coordinator: BrokerId(offsets_partition % brokers + 1),
            view: CoordinatorView::default(),
            duplicates: 0,
            replays: 0,
            rebalances: 0,
            processed_upto: BTreeMap::new(),
            replay_until: BTreeMap::new(),
            commit_windows: BTreeMap::new(),
            lag_history: LagHistory::default(),
            config,
        }
    }

    /// The member with this id.
    #[must_use]
    pub fn member(&self, id: MemberId) -> Option<&Member> {
        self.members.iter().find(|m| m.id == id)
    }

    /// Which member owns `partition` now, if any.
    #[must_use]
    pub fn owner_of(&self, partition: u32) -> Option<MemberId> {
        self.members
            .iter()
            .find(|m| m.alive() && m.assigned.contains(&partition))
            .map(|m| m.id)
    }
}

pub use super::validate::validate_group;

fn unknown_member(m: MemberId) -> Refusal {
    RefusalReason::UnknownMember(m).into()
}

impl Sim {
    pub(crate) fn member_loc(&self, m: MemberId) -> Option<(usize, usize)> {
        self.groups
            .iter()
            .enumerate()
            .find_map(|(g, group)| group.members.iter().position(|x| x.id == m).map(|i| (g, i)))
    }

    pub(crate) fn run_consumer_timer(&mut self, timer: ConsumerTimer) {
        match timer {
            ConsumerTimer::Start(m) => self.member_start(m),
            ConsumerTimer::Poll(m) => self.poll(m),
            ConsumerTimer::IdlePoll(m) => {
                if let Some((g, i)) = self.member_loc(m) {
                    self.groups[g].members[i].idle_poll_pending = false;
                }
                self.poll(m);
            }
            ConsumerTimer::Process(m) => self.process_one(m),
            ConsumerTimer::FetchTimeout(m, round) => self.fetch_timed_out(m, round),
            ConsumerTimer::Heartbeat(m) => self.heartbeat_tick(m),
            ConsumerTimer::SessionCheck(g, m) => self.session_check(g, m),
            ConsumerTimer::JoinDeadline(g, round) => self.join_deadline(g, round),
            ConsumerTimer::LagSample => {
                self.sample_lag();
                self.schedule(
                    self.rt.now_ms.saturating_add(super::lag::LAG_SAMPLE_MS),
                    Timer::Consumer(ConsumerTimer::LagSample),
                );
            }
        }
    }

    /// Creates a group at start or by command, with its first members.
    pub(crate) fn create_group(&mut self, config: GroupConfig) -> GroupIdx {
        let topic = self.topic_named(&config.topic).expect("validated");
        let idx = GroupIdx(self.groups.len() as u32);
        let members = config.members;
        if self.groups.is_empty() {
            self.schedule(self.rt.now_ms, Timer::Consumer(ConsumerTimer::LagSample));
        }
        let brokers = self.brokers.len() as u32;
        self.groups.push(Group::new(idx, config, topic, brokers));
        for _ in 0..members {
            self.add_member(idx, None);
        }
        idx
    }

    fn add_member(&mut self, group: GroupIdx, instance_id: Option<String>) -> MemberId {
        let id = super::context::ctx::Ctx::new(&mut self.rt, &mut self.net).next_member_id();
        let g = &mut self.groups[group.0 as usize];
        g.members.push(Member::new(
            id,
            instance_id,
            g.config.processing_ms_per_record,
        ));
        self.schedule(self.rt.now_ms, Timer::Consumer(ConsumerTimer::Start(id)));
        id
    }

    fn member_start(&mut self, m: MemberId) {
        let Some((g, _)) = self.member_loc(m) else {
            return;
        };
        let interval = self.groups[g].config.heartbeat_interval_ms;
        self.schedule(
            self.rt.now_ms.saturating_add(interval),
            Timer::Consumer(ConsumerTimer::Heartbeat(m)),
        );
        self.poll(m);
    }

    fn send_to_coordinator(&mut self, g: usize, m: MemberId, message: GroupMessage) {
        let coordinator = self.groups[g].coordinator;
        self.send(
            Node::Member(m),
            Node::Broker(coordinator),
            Body::Group(message),
        );
    }

    /// Sends the positions of every owned partition to the coordinator.
    fn send_commit(&mut self, g: usize, i: usize, sync: bool) -> bool {
        let group = &self.groups[g];
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
        self.send(
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
            self.groups[g].members[i].sync_commit_in_flight = true;
        }
        true
    }

    fn emit_group(&mut self, event: GroupEvent) {
        self.emit(EventKind::Group(event));
    }

    /// The member drops partitions: revoked (it knew) or lost (it was
    /// already out of the group).
    fn drop_partitions(&mut self, g: usize, i: usize, partitions: &[u32], lost: bool) {
        if partitions.is_empty() {
            return;
        }
        let group = self.groups[g].idx;
        let member = &mut self.groups[g].members[i];
        member.assigned.retain(|p| !partitions.contains(p));
        for p in partitions {
            member.positions.remove(p);
            member.errors.remove(p);
        }
        member
            .buffer
            .retain(|(tp, _)| !partitions.contains(&tp.partition));
        let id = member.id;
        self.emit_group(GroupEvent::PartitionsRevoked {
            group,
            member: id,
            partitions: partitions.to_vec(),
            lost,
        });
    }

    /// `poll()`: rebalance work first, then auto-commit, then fetches.
    pub(crate) fn poll(&mut self, m: MemberId) {
        let Some((g, i)) = self.member_loc(m) else {
            return;
        };
        let now = self.rt.now_ms;
        {
            let member = &self.groups[g].members[i];
            if !member.alive()
                || member.busy
                || !member.buffer.is_empty()
                || member.sync_commit_in_flight
            {
                return;
            }
        }
        self.groups[g].members[i].last_poll_ms = now;

        // Answers from the coordinator are handled inside poll().
        while let Some(message) = self.groups[g].members[i].inbox.pop_front() {
            self.handle_group_answer(g, i, message);
        }

        let protocol = self.groups[g].config.protocol;
        let auto = self.groups[g].config.commit_mode == CommitMode::Auto;
        let member = &self.groups[g].members[i];
        let must_join = member.phase == MemberPhase::Unjoined
            || (member.phase == MemberPhase::Stable && member.rejoin_needed);
        if must_join {
            // Partitions of a member that fell out of the group are lost.
            if member.generation.is_none() && !member.assigned.is_empty() {
                let lost = member.assigned.clone();
                self.drop_partitions(g, i, &lost, true);
            }
            // onJoinPrepare: commit before rejoining, and wait for the answer.
            if auto && !self.groups[g].members[i].join_prepared {
                self.groups[g].members[i].join_prepared = true;
                if self.send_commit(g, i, true) {
                    return;
                }
            }
            let member = &mut self.groups[g].members[i];
            member.join_prepared = false;
            member.rejoin_needed = false;
            let owned = member.assigned.clone();
            if protocol == RebalanceProtocol::Eager && !owned.is_empty() {
                member.previous = owned.clone();
                self.drop_partitions(g, i, &owned, false);
            }
            let member = &mut self.groups[g].members[i];
            member.phase = MemberPhase::Joining;
            let owned = if protocol == RebalanceProtocol::Eager {
                member.previous.clone()
            } else {
                member.assigned.clone()
            };
            let group = self.groups[g].idx;
            self.send_to_coordinator(
                g,
                m,
                GroupMessage::JoinGroupRequest {
                    group,
                    owned: owned.clone(),
                },
            );
            self.emit_group(GroupEvent::JoinGroupSent {
                group,
                member: m,
                owned,
            });
        }

        // Auto-commit, inside poll, when the interval has passed.
        let interval = self.groups[g].config.auto_commit_interval_ms;
        if auto && now >= self.groups[g].members[i].next_auto_commit_ms {
            self.groups[g].members[i].next_auto_commit_ms = now.saturating_add(interval);
            self.send_commit(g, i, false);
        }

        self.send_fetches(g, i);
    }

    /// One fetch per leader broker for the member's readable partitions.
    fn send_fetches(&mut self, g: usize, i: usize) {
        let group = &self.groups[g];
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
                match self.partition(tp).leader {
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
            if !self.groups[g].members[i].idle_poll_pending {
                self.groups[g].members[i].idle_poll_pending = true;
                self.schedule(
                    self.rt.now_ms.saturating_add(delay),
                    Timer::Consumer(ConsumerTimer::IdlePoll(m)),
                );
            }
            return;
        }
        self.groups[g].members[i].fetch_round += 1;
        let round = self.groups[g].members[i].fetch_round;
        self.schedule(
            self.rt.now_ms.saturating_add(CONSUMER_REQUEST_TIMEOUT_MS),
            Timer::Consumer(ConsumerTimer::FetchTimeout(m, round)),
        );
        for (broker, positions) in by_leader {
            let msg = self.send(
                Node::Member(m),
                Node::Broker(broker),
                Body::FetchRequest {
                    group: idx,
                    positions: positions.clone(),
                    max_records,
                },
            );
            self.groups[g].members[i].outstanding_fetches += 1;
            self.emit(EventKind::FetchSent {
                msg,
                member: m,
                broker,
                positions,
            });
        }
    }

    /// The leader's JoinGroup answer carries every member's subscription:
    /// it runs the assignor and sends the plan in its SyncGroup.
    fn handle_group_answer(&mut self, g: usize, i: usize, message: GroupMessage) {
        let m = self.groups[g].members[i].id;
        let group = self.groups[g].idx;
        match message {
            GroupMessage::JoinGroupResponse {
                generation,
                leader,
                members,
                error,
                ..
            } => {
                if self.groups[g].members[i].phase != MemberPhase::Joining {
                    return;
                }
                if error.is_some() {
                    self.groups[g].members[i].phase = MemberPhase::Unjoined;
                    return;
                }
                let member = &mut self.groups[g].members[i];
                member.generation = Some(generation);
                member.is_leader = leader == m;
                member.phase = MemberPhase::AwaitingSync;
                let assignment = if leader == m {
                    self.compute_assignment(g, generation, &members)
                } else {
                    Vec::new()
                };
                self.send_to_coordinator(
                    g,
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
                if self.groups[g].members[i].phase != MemberPhase::AwaitingSync {
                    return;
                }
                match error {
                    Some("REBALANCE_IN_PROGRESS") => {
                        let member = &mut self.groups[g].members[i];
                        member.phase = MemberPhase::Stable;
                        member.rejoin_needed = true;
                    }
                    Some(_) => self.fall_out_of_group(g, i),
                    None => self.apply_assignment(g, i, generation, assignment),
                }
            }
            _ => {}
        }
    }

    fn compute_assignment(
        &mut self,
        g: usize,
        generation: u32,
        members: &[JoinedMember],
    ) -> Vec<(MemberId, Vec<u32>)> {
        let group = &self.groups[g];
        let topic = &self.topics[group.topic.0 as usize];
        let topic_name = topic.name.clone();
        let count = topic.partitions.len() as u32;
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
            self.groups[g]
                .members
                .iter()
                .find(|x| x.is_leader)
                .map(|x| x.id),
        );
        self.emit_group(GroupEvent::AssignmentComputed {
            group: idx,
            generation,
            leader: leader.unwrap_or(MemberId(0)),
            assignor,
            assignment: assignment.clone(),
            held_back,
        });
        assignment
    }

    fn apply_assignment(&mut self, g: usize, i: usize, generation: u32, assignment: Vec<u32>) {
        let now = self.rt.now_ms;
        let group = self.groups[g].idx;
        let interval = self.groups[g].config.auto_commit_interval_ms;
        let old = self.groups[g].members[i].assigned.clone();
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
            self.drop_partitions(g, i, &revoked, false);
            self.groups[g].members[i].rejoin_needed = true;
        }
        for &p in &added {
            self.init_position(g, i, p);
        }
        let member = &mut self.groups[g].members[i];
        member.assigned = assignment.clone();
        member.assigned.sort_unstable();
        member.generation = Some(generation);
        member.phase = MemberPhase::Stable;
        member.next_auto_commit_ms = now.saturating_add(interval);
        let m = member.id;
        self.emit_group(GroupEvent::AssignmentReceived {
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
    fn init_position(&mut self, g: usize, i: usize, p: u32) {
        let member_id = self.groups[g].members[i].id;
        if let Some(&c) = self.groups[g].committed.get(&p) {
            let member = &mut self.groups[g].members[i];
            member.positions.insert(p, c);
            member.errors.remove(&p);
            return;
        }
        self.reset_position(g, i, p, ResetCause::NoCommittedOffset);
        let _ = member_id;
    }

    /// Applies `auto.offset.reset` to partition `p`.
    fn reset_position(&mut self, g: usize, i: usize, p: u32, reason: ResetCause) {
        let group = &self.groups[g];
        let tp = TopicPartition {
            topic: group.topic,
            partition: p,
        };
        let policy = group.config.auto_offset_reset;
        let log = self.partition(tp).leader_log();
        let to = match policy {
            OffsetReset::Earliest => log.map(|l| l.log_start_offset()),
            OffsetReset::Latest => log.map(|l| l.high_watermark()),
            OffsetReset::None => None,
        };
        let (idx, m) = (group.idx, group.members[i].id);
        let member = &mut self.groups[g].members[i];
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
        self.emit_group(GroupEvent::OffsetReset {
            group: idx,
            member: m,
            tp,
            from,
            to,
            reason,
            policy,
        });
    }

    /// The member learns it is no longer in the group: its partitions are
    /// lost, and it rejoins at its next poll.
    fn fall_out_of_group(&mut self, g: usize, i: usize) {
        let member = &mut self.groups[g].members[i];
        member.generation = None;
        member.is_leader = false;
        if member.alive() {
            member.phase = MemberPhase::Unjoined;
        }
        let m = member.id;
        self.schedule(self.rt.now_ms, Timer::Consumer(ConsumerTimer::Poll(m)));
    }

    /// A round of fetches got no (complete) answer within
    /// `request.timeout.ms`: the member stops waiting and polls again.
    fn fetch_timed_out(&mut self, m: MemberId, round: u64) {
        let Some((g, i)) = self.member_loc(m) else {
            return;
        };
        let member = &mut self.groups[g].members[i];
        if member.fetch_round != round || member.outstanding_fetches == 0 || !member.alive() {
            return;
        }
        member.outstanding_fetches = 0;
        if !member.busy && member.buffer.is_empty() {
            self.schedule(self.rt.now_ms, Timer::Consumer(ConsumerTimer::Poll(m)));
        }
    }

    /// The broker a member was fetching from went down: its connection
    /// closed, so the fetch fails at once and the member polls again after
    /// `retry.backoff.ms` (with the controller's new leaders by then).
    pub(crate) fn fetch_disconnected(&mut self, m: MemberId) {
        let Some((g, i)) = self.member_loc(m) else {
            return;
        };
        let member = &mut self.groups[g].members[i];
        member.outstanding_fetches = member.outstanding_fetches.saturating_sub(1);
        if member.alive()
            && member.outstanding_fetches == 0
            && !member.busy
            && member.buffer.is_empty()
        {
            self.schedule(
                self.rt.now_ms.saturating_add(CONSUMER_RETRY_BACKOFF_MS),
                Timer::Consumer(ConsumerTimer::Poll(m)),
            );
        }
    }

    pub(crate) fn member_receive(&mut self, m: MemberId, msg: Message) {
        let Some((g, i)) = self.member_loc(m) else {
            return;
        };
        let now = self.rt.now_ms;
        match msg.body {
            Body::FetchResponse {
                records,
                out_of_range,
            } => {
                let member = &mut self.groups[g].members[i];
                member.outstanding_fetches = member.outstanding_fetches.saturating_sub(1);
                if !member.alive() {
                    return;
                }
                for (tp, entries) in records {
                    // Only records from the member's next offset on are taken
                    // (a reply to an older fetch may overlap what it already
                    // has; compaction leaves gaps in offsets).
                    for e in entries {
                        let queued = member.buffer.iter().rev().find(|(t, _)| *t == tp);
                        let next = match queued {
                            Some((_, last)) => Some(last.offset + 1),
                            None => member.positions.get(&tp.partition).copied(),
                        };
                        if member.assigned.contains(&tp.partition)
                            && next.is_some_and(|n| e.offset >= n)
                        {
                            member.buffer.push_back((tp, e));
                        }
                    }
                }
                for oor in &out_of_range {
                    if self.groups[g].members[i]
                        .assigned
                        .contains(&oor.tp.partition)
                    {
                        self.apply_offset_reset(g, i, oor);
                    }
                }
                let member = &mut self.groups[g].members[i];
                if !member.busy && !member.buffer.is_empty() {
                    member.busy = true;
                    let processing = member.processing_ms;
                    self.schedule(
                        now.saturating_add(processing),
                        Timer::Consumer(ConsumerTimer::Process(m)),
                    );
                } else if member.buffer.is_empty() && !member.busy {
                    self.schedule(now, Timer::Consumer(ConsumerTimer::Poll(m)));
                }
            }
            Body::OffsetCommitResponse { error, sync, .. } => {
                let member = &mut self.groups[g].members[i];
                if sync {
                    member.sync_commit_in_flight = false;
                }
                let group = self.groups[g].idx;
                if let Some(error) = error {
                    self.emit_group(GroupEvent::CommitFailed {
                        group,
                        member: m,
                        error,
                    });
                    if matches!(error, "UNKNOWN_MEMBER_ID" | "ILLEGAL_GENERATION") {
                        self.fall_out_of_group(g, i);
                    }
                }
                if self.groups[g].members[i].phase == MemberPhase::Leaving && sync {
                    self.finish_close(g, i);
                } else if sync {
                    self.schedule(now, Timer::Consumer(ConsumerTimer::Poll(m)));
                }
            }
            Body::Group(message) => self.member_group_message(g, i, message),
            _ => {}
        }
    }

    fn member_group_message(&mut self, g: usize, i: usize, message: GroupMessage) {
        let m = self.groups[g].members[i].id;
        let now = self.rt.now_ms;
        match message {
            GroupMessage::HeartbeatResponse {
                error, generation, ..
            } if self.groups[g].members[i].generation != Some(generation) => {
                // About a generation it has left behind: ignored.
                let _ = error;
            }
            GroupMessage::HeartbeatResponse { error, .. } => match error {
                None => {}
                Some("REBALANCE_IN_PROGRESS") => {
                    let member = &mut self.groups[g].members[i];
                    if member.phase == MemberPhase::Stable && !member.rejoin_needed {
                        member.rejoin_needed = true;
                        self.schedule(now, Timer::Consumer(ConsumerTimer::Poll(m)));
                    }
                }
                Some(_) if self.groups[g].members[i].phase == MemberPhase::Stable => {
                    self.fall_out_of_group(g, i);
                }
                Some(_) => {}
            },
            GroupMessage::LeaveGroupResponse { .. } => {
                if self.groups[g].members[i].phase == MemberPhase::Leaving {
                    self.groups[g].members.remove(i);
                }
            }
            other => {
                self.groups[g].members[i].inbox.push_back(other);
                self.schedule(now, Timer::Consumer(ConsumerTimer::Poll(m)));
            }
        }
    }

    /// The member finishes processing the record at the head of its buffer.
    pub(crate) fn process_one(&mut self, m: MemberId) {
        let Some((g, i)) = self.member_loc(m) else {
            return;
        };
        let now = self.rt.now_ms;
        let group_idx = self.groups[g].idx;
        let manual = self.groups[g].config.commit_mode == CommitMode::ManualPerPoll;
        let member = &mut self.groups[g].members[i];
        if !member.alive() {
            member.busy = false;
            return;
        }
        let Some((tp, entry)) = member.buffer.pop_front() else {
            // Its buffer was emptied (a seek, a revocation): back to poll().
            member.busy = false;
            self.poll(m);
            return;
        };
        member.positions.insert(tp.partition, entry.offset + 1);
        member.consumed += 1;
        let processing = member.processing_ms;
        let more = !member.buffer.is_empty();
        if more {
            self.schedule(
                now.saturating_add(processing),
                Timer::Consumer(ConsumerTimer::Process(m)),
            );
        } else {
            self.groups[g].members[i].busy = false;
        }
        self.rt.totals.records_consumed += 1;
        self.emit(EventKind::RecordConsumed {
            group: group_idx,
            member: m,
            tp,
            offset: entry.offset,
            record: entry.record.id,
        });
        // Processed before by this group: a replay (after a seek back) or a duplicate.
        let group = &mut self.groups[g];
        let upto = group
            .processed_upto
            .get(&tp.partition)
            .copied()
            .unwrap_or(0);
        if entry.offset < upto {
            let replay = group
                .replay_until
                .get(&tp.partition)
                .is_some_and(|&end| entry.offset < end);
            if replay {
                group.replays += 1;
            } else {
                group.duplicates += 1;
                self.emit_group(GroupEvent::RecordReprocessed {
                    group: group_idx,
                    member: m,
                    tp,
                    offset: entry.offset,
                    record: entry.record.id,
                });
            }
        } else {
            group.processed_upto.insert(tp.partition, entry.offset + 1);
        }
        let group = &mut self.groups[g];
        if group
            .replay_until
            .get(&tp.partition)
            .is_some_and(|&end| entry.offset + 1 >= end)
        {
            group.replay_until.remove(&tp.partition);
        }
        if !more {
            if manual && self.send_commit(g, i, true) {
                return; // commitSync(): poll again when it is answered
            }
            self.poll(m);
        }
    }

    /// The heartbeat thread: a heartbeat every `heartbeat.interval.ms` while
    /// in the group, and the `max.poll.interval.ms` check.
    fn heartbeat_tick(&mut self, m: MemberId) {
        let Some((g, i)) = self.member_loc(m) else {
            return;
        };
        let now = self.rt.now_ms;
        let config = &self.groups[g].config;
        let (interval, max_poll) = (config.heartbeat_interval_ms, config.max_poll_interval_ms);
        let member = &self.groups[g].members[i];
        if !member.alive() {
            return;
        }
        let in_group = matches!(
            member.phase,
            MemberPhase::Stable | MemberPhase::AwaitingSync
        );
        let (last_poll, generation) = (member.last_poll_ms, member.generation);
        let group = self.groups[g].idx;
        self.schedule(
            now.saturating_add(interval),
            Timer::Consumer(ConsumerTimer::Heartbeat(m)),
        );
        if in_group && now.saturating_sub(last_poll) > max_poll {
            // "consumer poll timeout has expired": leave from the heartbeat thread.
            self.send_to_coordinator(
                g,
                m,
                GroupMessage::LeaveGroupRequest {
                    group,
                    reason: LeaveReason::PollTimeout,
                },
            );
            let member = &mut self.groups[g].members[i];
            member.generation = None;
            member.is_leader = false;
            member.phase = MemberPhase::Unjoined;
            return;
        }
        if let (true, Some(generation)) = (in_group, generation) {
            self.send_to_coordinator(g, m, GroupMessage::HeartbeatRequest { group, generation });
        }
    }

    fn finish_close(&mut self, g: usize, i: usize) {
        let member = &self.groups[g].members[i];
        let (m, group, is_static) = (member.id, self.groups[g].idx, member.instance_id.is_some());
        if is_static {
            // Static members do not leave on close: the coordinator waits for
            // their session to time out (they may come back with the same id).
            self.groups[g].members.remove(i);
        } else {
            self.send_to_coordinator(
                g,
                m,
                GroupMessage::LeaveGroupRequest {
                    group,
                    reason: LeaveReason::Closing,
                },
            );
        }
    }

    // ----- commands -----------------------------------------------------

    fn group_index(&self, group: GroupIdx) -> Result<usize, Refusal> {
        let g = group.0 as usize;
        if g < self.groups.len() {
            Ok(g)
        } else {
            Err(RefusalReason::GroupNotFound(group).into())
        }
    }

    fn live_member(&self, m: MemberId) -> Result<(usize, usize), Refusal> {
        match self.member_loc(m) {
            Some((g, i)) if self.groups[g].members[i].alive() => Ok((g, i)),
            _ => Err(unknown_member(m)),
        }
    }

    /// A new member joins the group (a consumer process starts).
    pub(crate) fn cmd_add_member(
        &mut self,
        group: GroupIdx,
        instance_id: Option<String>,
    ) -> Result<MemberId, Refusal> {
        let g = self.group_index(group)?;
        if self.groups[g].members.len() >= MAX_MEMBERS as usize {
            return Err(RefusalReason::GroupFull { max: MAX_MEMBERS }.into());
        }
        if let Some(id) = &instance_id {
            if id.is_empty() || id.len() > MAX_GROUP_ID_BYTES {
                return Err(RefusalReason::InvalidInstanceId.into());
            }
            let taken = self.groups[g]
                .members
                .iter()
                .any(|m| m.alive() && m.instance_id.as_ref() == Some(id));
            if taken {
                return Err(RefusalReason::InstanceIdInUse { id: id.clone() }.into());
            }
        }
        let id = self.add_member(group, instance_id);
        self.emit_group(GroupEvent::MemberAdded { group, member: id });
        Ok(id)
    }

    /// A member closes cleanly: it commits (auto-commit), then leaves.
    pub(crate) fn cmd_remove_member(&mut self, m: MemberId) -> Result<(), Refusal> {
        let (g, i) = self.live_member(m)?;
        let auto = self.groups[g].config.commit_mode == CommitMode::Auto;
        let group = self.groups[g].idx;
        self.emit_group(GroupEvent::MemberClosing { group, member: m });
        let member = &mut self.groups[g].members[i];
        member.buffer.clear();
        member.busy = false;
        let in_generation = member.generation.is_some();
        member.phase = MemberPhase::Leaving;
        if !(auto && in_generation && self.send_commit(g, i, true)) {
            self.finish_close(g, i);
        }
        Ok(())
    }

    /// A member's process dies: no commit, no leave.
    pub(crate) fn cmd_crash_member(&mut self, m: MemberId) -> Result<(), Refusal> {
        let (g, i) = self.live_member(m)?;
        let group = self.groups[g].idx;
        let member = &mut self.groups[g].members[i];
        member.phase = MemberPhase::Crashed;
        member.busy = false;
        member.buffer.clear();
        self.emit_group(GroupEvent::MemberCrashed { group, member: m });
        Ok(())
    }

    /// `consumer.pause()` / `resume()` on all of a member's partitions.
    pub(crate) fn cmd_pause_member(&mut self, m: MemberId, paused: bool) -> Result<(), Refusal> {
        let (g, i) = self.live_member(m)?;
        let group = self.groups[g].idx;
        self.groups[g].members[i].paused = paused;
        self.emit_group(GroupEvent::MemberPaused {
            group,
            member: m,
            paused,
        });
        if !paused {
            self.schedule(self.rt.now_ms, Timer::Consumer(ConsumerTimer::Poll(m)));
        }
        Ok(())
    }

    /// Sets a member's processing time per record (a slow consumer).
    pub(crate) fn cmd_set_processing(&mut self, m: MemberId, ms: u64) -> Result<(), Refusal> {
        let (g, i) = self.live_member(m)?;
        super::validate::PROCESSING_MS_PER_RECORD.check(ms)?;
        self.groups[g].members[i].processing_ms = ms;
        let group = self.groups[g].idx;
        self.emit_group(GroupEvent::ConfigChanged {
            group,
            what: GroupChange::ProcessingTime { member: m, ms },
        });
        Ok(())
    }

    /// Every member switches assignor (a rolling restart, here at once) and
    /// the group rebalances. The protocol follows: cooperative for
    /// cooperative-sticky, eager otherwise.
    pub(crate) fn cmd_set_assignor(
        &mut self,
        group: GroupIdx,
        assignor: Assignor,
    ) -> Result<(), Refusal> {
        let g = self.group_index(group)?;
        let protocol = if assignor.supports_cooperative() {
            RebalanceProtocol::Cooperative
        } else {
            RebalanceProtocol::Eager
        };
        let config = &mut self.groups[g].config;
        config.assignor = assignor;
        config.protocol = protocol;
        self.emit_group(GroupEvent::ConfigChanged {
            group,
            what: GroupChange::Assignor { assignor, protocol },
        });
        self.prepare_rebalance(g, RebalanceReason::AssignorChanged(assignor));
        Ok(())
    }

    /// Switches the rebalance protocol (cooperative needs cooperative-sticky).
    pub(crate) fn cmd_set_protocol(
        &mut self,
        group: GroupIdx,
        protocol: RebalanceProtocol,
    ) -> Result<(), Refusal> {
        let g = self.group_index(group)?;
        let assignor = self.groups[g].config.assignor;
        if protocol == RebalanceProtocol::Cooperative && !assignor.supports_cooperative() {
            return Err(protocol_refusal(assignor));
        }
        self.groups[g].config.protocol = protocol;
        self.emit_group(GroupEvent::ConfigChanged {
            group,
            what: GroupChange::Protocol(protocol),
        });
        self.prepare_rebalance(g, RebalanceReason::ProtocolChanged(protocol));
        Ok(())
    }

    /// Switches between auto-commit and commitSync after each poll.
    pub(crate) fn cmd_set_commit_mode(
        &mut self,
        group: GroupIdx,
        mode: CommitMode,
    ) -> Result<(), Refusal> {
        let g = self.group_index(group)?;
        self.groups[g].config.commit_mode = mode;
        self.emit_group(GroupEvent::ConfigChanged {
            group,
            what: GroupChange::CommitMode(mode),
        });
        Ok(())
    }

    /// Starts another group with its own members and offsets.
    pub(crate) fn cmd_add_group(&mut self, config: GroupConfig) -> Result<GroupIdx, Refusal> {
        if self.groups.len() >= MAX_GROUPS as usize {
            return Err(RefusalReason::CountOutOfRange {
                what: Counted::Groups,
                value: self.groups.len() as u64 + 1,
                min: 0,
                max: MAX_GROUPS.into(),
            }
            .into());
        }
        validate_group(&config, self.topic_named(&config.topic).is_some())?;
        if self
            .groups
            .iter()
            .any(|g| g.config.group_id == config.group_id)
        {
            return Err(RefusalReason::GroupExists {
                id: config.group_id,
            }
            .into());
        }
        let idx = self.create_group(config);
        self.emit_group(GroupEvent::GroupAdded { group: idx });
        Ok(idx)
    }

    /// The member owning `partition` moves its position (`seek`,
    /// `seekToBeginning`, `seekToEnd`, `offsetsForTimes`).
    pub(crate) fn cmd_seek(
        &mut self,
        group: GroupIdx,
        partition: u32,
        target: SeekTarget,
    ) -> Result<(), Refusal> {
        let g = self.group_index(group)?;
        let topic = self.groups[g].topic;
        let tp = TopicPartition { topic, partition };
        let Some(owner) = self.groups[g].owner_of(partition) else {
            return Err(RefusalReason::NoCurrentAssignment {
                partition: self.tp_name(tp),
            }
            .into());
        };
        let (_, i) = self.member_loc(owner).expect("owner exists");
        let log = self.partition(tp).leader_log();
        let (start, hw) = log.map_or((0, 0), |l| (l.log_start_offset(), l.high_watermark()));
        let to = match target {
            SeekTarget::Offset(o) => o,
            SeekTarget::Beginning => start,
            SeekTarget::End => hw,
            SeekTarget::Timestamp(ts) => log
                .and_then(|l| l.offset_for_timestamp(ts, hw))
                .unwrap_or(hw),
        };
        let group_state = &mut self.groups[g];
        let upto = group_state
            .processed_upto
            .get(&partition)
            .copied()
            .unwrap_or(0);
        if to < upto {
            group_state.replay_until.insert(partition, upto);
        }
        let member = &mut group_state.members[i];
        let from = member.positions.get(&partition).copied();
        member.positions.insert(partition, to);
        member.errors.remove(&partition);
        member.buffer.retain(|(t, _)| t.partition != partition);
        self.emit_group(GroupEvent::Seeked {
            group,
            member: owner,
            tp,
            from,
            to,
        });
        self.schedule(self.rt.now_ms, Timer::Consumer(ConsumerTimer::Poll(owner)));
        Ok(())
    }

    /// Applies a consumer-group command.
    pub(crate) fn apply_group_command(
        &mut self,
        command: super::command::Command,
    ) -> Result<(), Refusal> {
        use super::command::Command;
        match command {
            Command::AddMember { group, instance_id } => {
                self.cmd_add_member(group, instance_id).map(|_| ())
            }
            Command::RemoveMember { member } => self.cmd_remove_member(member),
            Command::CrashMember { member } => self.cmd_crash_member(member),
            Command::PauseMember { member, paused } => self.cmd_pause_member(member, paused),
            Command::SetProcessingTime {
                member,
                ms_per_record,
            } => self.cmd_set_processing(member, ms_per_record),
            Command::SetAssignor { group, assignor } => self.cmd_set_assignor(group, assignor),
            Command::SetRebalanceProtocol { group, protocol } => {
                self.cmd_set_protocol(group, protocol)
            }
            Command::SetCommitMode { group, mode } => self.cmd_set_commit_mode(group, mode),
            Command::AddGroup(config) => self.cmd_add_group(config).map(|_| ()),
            Command::Seek {
                group,
                partition,
                target,
            } => self.cmd_seek(group, partition, target),
            other => Err(RefusalReason::NotAGroupCommand(format!("{other:?}")).into()),
        }
    }

    /// Total duplicates over all groups.
    #[must_use]
    pub fn duplicates_total(&self) -> u64 {
        self.groups.iter().map(|g| g.duplicates).sum()
    }
}
