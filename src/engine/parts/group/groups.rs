//! Routing inside the group part: a timer, a message or a command for a
//! member or a group finds it, and groups are created with their first
//! members.

use super::lag::LAG_SAMPLE_MS;
use super::state::{Group, Groups, Member};
use crate::engine::context::ctx::Ctx;
use crate::engine::context::metadata::Metadata;
use crate::engine::kafka::uuid::static_member_id;
use crate::engine::vocab::config::GroupConfig;
use crate::engine::vocab::ids::{BrokerId, GroupIdx, MemberId, Node, TopicIdx};
use crate::engine::vocab::timers::{ConsumerTimer, Timer};
use crate::engine::wire::message::{Body, Message};

impl Groups {
    /// Runs a consumer-group timer.
    pub(crate) fn run_timer(&mut self, ctx: &mut Ctx, meta: &impl Metadata, timer: ConsumerTimer) {
        match timer {
            ConsumerTimer::Start(m) => {
                if let Some((g, _)) = self.member_loc(m) {
                    self.list[g].member_start(ctx, meta, m);
                }
            }
            ConsumerTimer::Poll(m) => self.poll(ctx, meta, m),
            ConsumerTimer::IdlePoll(m) => {
                if let Some((g, i)) = self.member_loc(m) {
                    self.list[g].members[i].idle_poll_pending = false;
                }
                self.poll(ctx, meta, m);
            }
            ConsumerTimer::Process(m) => {
                if let Some((g, _)) = self.member_loc(m) {
                    self.list[g].process_one(ctx, meta, m);
                }
            }
            ConsumerTimer::FetchTimeout(m, round) => {
                if let Some((g, _)) = self.member_loc(m) {
                    self.list[g].fetch_timed_out(ctx, m, round);
                }
            }
            ConsumerTimer::Heartbeat(m) => {
                if let Some((g, _)) = self.member_loc(m) {
                    self.list[g].heartbeat_tick(ctx, m);
                }
            }
            ConsumerTimer::SessionCheck(g, m) => {
                if let Some(group) = self.list.get_mut(g.0 as usize) {
                    group.session_check(ctx, m);
                }
            }
            ConsumerTimer::JoinDeadline(g, round) => {
                if let Some(group) = self.list.get_mut(g.0 as usize) {
                    group.join_deadline(ctx, round);
                }
            }
            ConsumerTimer::LagSample => {
                self.sample_lag(ctx, meta);
                ctx.schedule(
                    ctx.now().saturating_add(LAG_SAMPLE_MS),
                    Timer::Consumer(ConsumerTimer::LagSample),
                );
            }
        }
    }

    /// Member `m` calls `poll()`.
    fn poll(&mut self, ctx: &mut Ctx, meta: &impl Metadata, m: MemberId) {
        if let Some((g, _)) = self.member_loc(m) {
            self.list[g].poll(ctx, meta, m);
        }
    }

    /// Creates a group (of `topic`, on a cluster of `brokers` brokers) at
    /// start or by command, with its first members.
    pub(crate) fn create(
        &mut self,
        ctx: &mut Ctx,
        config: GroupConfig,
        topic: TopicIdx,
        brokers: u32,
    ) -> GroupIdx {
        let idx = GroupIdx(self.list.len() as u32);
        let members = config.members;
        if self.list.is_empty() {
            ctx.schedule(ctx.now(), Timer::Consumer(ConsumerTimer::LagSample));
        }
        self.list.push(Group::new(idx, config, topic, brokers));
        for _ in 0..members {
            self.add_member(ctx, idx, None);
        }
        idx
    }

    /// A consumer process starts in `group`; it joins at its first poll.
    pub(super) fn add_member(
        &mut self,
        ctx: &mut Ctx,
        group: GroupIdx,
        instance_id: Option<String>,
    ) -> MemberId {
        let id = ctx.next_member_id();
        // A static member's member id: `<group.instance.id>-<UUID>`.
        let member_id = instance_id.as_deref().map(|i| {
            use rand::Rng;
            static_member_id(i, ctx.rng().random::<u128>())
        });
        let g = &mut self.list[group.0 as usize];
        let mut member = Member::new(id, instance_id, g.config.processing_ms_per_record);
        if let Some(member_id) = member_id {
            member.member_id = member_id;
        }
        g.members.push(member);
        ctx.schedule(ctx.now(), Timer::Consumer(ConsumerTimer::Start(id)));
        id
    }

    /// A message reaches member `m`.
    pub(crate) fn member_receive(&mut self, ctx: &mut Ctx, m: MemberId, msg: Message) {
        let Some((g, _)) = self.member_loc(m) else {
            return;
        };
        let notes = self.list[g].member_receive(ctx, m, msg);
        self.note_resets(notes);
    }

    /// A group-protocol request reaches broker `b`.
    pub(crate) fn coordinator_receive(&mut self, ctx: &mut Ctx, b: BrokerId, msg: Message) {
        let Body::Group(message) = msg.body else {
            return;
        };
        let Node::Member(m) = msg.from else {
            return;
        };
        let g = message.group().0 as usize;
        if g >= self.list.len() || self.list[g].coordinator != b {
            return; // NOT_COORDINATOR: the coordinator never moves here
        }
        self.list[g].coordinator_receive(ctx, b, m, message);
    }

    /// An `OffsetCommit` request reaches broker `b`.
    pub(crate) fn handle_offset_commit(
        &mut self,
        ctx: &mut Ctx,
        meta: &impl Metadata,
        b: BrokerId,
        msg: Message,
    ) {
        let Body::OffsetCommitRequest { group, .. } = &msg.body else {
            return;
        };
        let g = group.0 as usize;
        self.list[g].handle_offset_commit(ctx, meta, b, msg);
    }

    /// The broker member `m` was fetching from went down (or refused the
    /// connection): its fetch fails at once.
    pub(crate) fn fetch_disconnected(&mut self, ctx: &mut Ctx, m: MemberId) {
        if let Some((g, _)) = self.member_loc(m) {
            self.list[g].fetch_disconnected(ctx, m);
        }
    }

    /// Whether member `m` is (still) in some group's member list.
    #[must_use]
    pub(crate) fn has_member(&self, m: MemberId) -> bool {
        self.member_loc(m).is_some()
    }

    /// Total duplicates over all groups.
    #[must_use]
    pub(crate) fn duplicates_total(&self) -> u64 {
        self.list.iter().map(|g| g.duplicates).sum()
    }
}
