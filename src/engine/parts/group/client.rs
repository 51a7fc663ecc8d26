//! A member's client side besides `poll()`: starting, fetch answers (records
//! buffered from the member's next offset; `OFFSET_OUT_OF_RANGE` applies
//! `auto.offset.reset`), processing one record at a time (duplicates and
//! replays counted), commit answers, the heartbeat thread (and the
//! `max.poll.interval.ms` check), falling out of the group, closing.

use super::state::{Group, OffsetResetNote};
use crate::engine::context::ctx::Ctx;
use crate::engine::context::metadata::Metadata;
use crate::engine::vocab::config::{CommitMode, OffsetReset};
use crate::engine::vocab::event::EventKind;
use crate::engine::vocab::fixed_settings::CONSUMER_RETRY_BACKOFF_MS;
use crate::engine::vocab::group_event::{GroupEvent, LeaveReason};
use crate::engine::vocab::ids::MemberId;
use crate::engine::vocab::states::MemberPhase;
use crate::engine::vocab::timers::{ConsumerTimer, Timer};
use crate::engine::wire::group_message::GroupMessage;
use crate::engine::wire::message::{Body, Message, OutOfRange};

impl Group {
    pub(super) fn member_start(&mut self, ctx: &mut Ctx, meta: &impl Metadata, m: MemberId) {
        if self.member_index(m).is_none() {
            return;
        }
        let interval = self.config.heartbeat_interval_ms;
        ctx.schedule(
            ctx.now().saturating_add(interval),
            Timer::Consumer(ConsumerTimer::Heartbeat(m)),
        );
        self.poll(ctx, meta, m);
    }

    /// The member learns it is no longer in the group: its partitions are
    /// lost, and it rejoins at its next poll.
    pub(super) fn fall_out_of_group(&mut self, ctx: &mut Ctx, i: usize) {
        let member = &mut self.members[i];
        member.generation = None;
        member.is_leader = false;
        if member.alive() {
            member.phase = MemberPhase::Unjoined;
        }
        let m = member.id;
        ctx.schedule(ctx.now(), Timer::Consumer(ConsumerTimer::Poll(m)));
    }

    /// A round of fetches got no (complete) answer within
    /// `request.timeout.ms`: the member stops waiting and polls again.
    pub(super) fn fetch_timed_out(&mut self, ctx: &mut Ctx, m: MemberId, round: u64) {
        let Some(i) = self.member_index(m) else {
            return;
        };
        let member = &mut self.members[i];
        if member.fetch_round != round || member.outstanding_fetches == 0 || !member.alive() {
            return;
        }
        member.outstanding_fetches = 0;
        if !member.busy && member.buffer.is_empty() {
            ctx.schedule(ctx.now(), Timer::Consumer(ConsumerTimer::Poll(m)));
        }
    }

    /// The broker a member was fetching from went down: its connection
    /// closed, so the fetch fails at once and the member polls again after
    /// `retry.backoff.ms` (with the controller's new leaders by then).
    pub(crate) fn fetch_disconnected(&mut self, ctx: &mut Ctx, m: MemberId) {
        let Some(i) = self.member_index(m) else {
            return;
        };
        let member = &mut self.members[i];
        member.outstanding_fetches = member.outstanding_fetches.saturating_sub(1);
        if member.alive()
            && member.outstanding_fetches == 0
            && !member.busy
            && member.buffer.is_empty()
        {
            ctx.schedule(
                ctx.now().saturating_add(CONSUMER_RETRY_BACKOFF_MS),
                Timer::Consumer(ConsumerTimer::Poll(m)),
            );
        }
    }

    /// A message for member `m`: a fetch answer, a commit answer, or the
    /// coordinator's answer in the group protocol. Returns the offset resets
    /// it applied (for the picture's notes).
    pub(crate) fn member_receive(
        &mut self,
        ctx: &mut Ctx,
        m: MemberId,
        msg: Message,
    ) -> Vec<OffsetResetNote> {
        let mut notes = Vec::new();
        let Some(i) = self.member_index(m) else {
            return notes;
        };
        let now = ctx.now();
        match msg.body {
            Body::FetchResponse {
                records,
                out_of_range,
            } => {
                let member = &mut self.members[i];
                member.outstanding_fetches = member.outstanding_fetches.saturating_sub(1);
                if !member.alive() {
                    return notes;
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
                    if self.members[i].assigned.contains(&oor.tp.partition) {
                        notes.extend(self.apply_offset_reset(ctx, i, oor));
                    }
                }
                let member = &mut self.members[i];
                if !member.busy && !member.buffer.is_empty() {
                    member.busy = true;
                    let processing = member.processing_ms;
                    ctx.schedule(
                        now.saturating_add(processing),
                        Timer::Consumer(ConsumerTimer::Process(m)),
                    );
                } else if member.buffer.is_empty() && !member.busy {
                    ctx.schedule(now, Timer::Consumer(ConsumerTimer::Poll(m)));
                }
            }
            Body::OffsetCommitResponse { error, sync, .. } => {
                let member = &mut self.members[i];
                if sync {
                    member.sync_commit_in_flight = false;
                }
                let group = self.idx;
                if let Some(error) = error {
                    ctx.emit_group(GroupEvent::CommitFailed {
                        group,
                        member: m,
                        error,
                    });
                    if matches!(error, "UNKNOWN_MEMBER_ID" | "ILLEGAL_GENERATION") {
                        self.fall_out_of_group(ctx, i);
                    }
                }
                if self.members[i].phase == MemberPhase::Leaving && sync {
                    self.finish_close(ctx, i);
                } else if sync {
                    ctx.schedule(now, Timer::Consumer(ConsumerTimer::Poll(m)));
                }
            }
            Body::Group(message) => self.member_group_message(ctx, i, message),
            _ => {}
        }
        notes
    }

    fn member_group_message(&mut self, ctx: &mut Ctx, i: usize, message: GroupMessage) {
        let m = self.members[i].id;
        let now = ctx.now();
        match message {
            GroupMessage::HeartbeatResponse {
                error, generation, ..
            } if self.members[i].generation != Some(generation) => {
                // About a generation it has left behind: ignored.
                let _ = error;
            }
            GroupMessage::HeartbeatResponse { error, .. } => match error {
                None => {}
                Some("REBALANCE_IN_PROGRESS") => {
                    let member = &mut self.members[i];
                    if member.phase == MemberPhase::Stable && !member.rejoin_needed {
                        member.rejoin_needed = true;
                        ctx.schedule(now, Timer::Consumer(ConsumerTimer::Poll(m)));
                    }
                }
                Some(_) if self.members[i].phase == MemberPhase::Stable => {
                    self.fall_out_of_group(ctx, i);
                }
                Some(_) => {}
            },
            GroupMessage::LeaveGroupResponse { .. } => {
                if self.members[i].phase == MemberPhase::Leaving {
                    self.members.remove(i);
                }
            }
            other => {
                self.members[i].inbox.push_back(other);
                ctx.schedule(now, Timer::Consumer(ConsumerTimer::Poll(m)));
            }
        }
    }

    /// The member finishes processing the record at the head of its buffer.
    pub(super) fn process_one(&mut self, ctx: &mut Ctx, meta: &impl Metadata, m: MemberId) {
        let Some(i) = self.member_index(m) else {
            return;
        };
        let now = ctx.now();
        let group_idx = self.idx;
        let manual = self.config.commit_mode == CommitMode::ManualPerPoll;
        let member = &mut self.members[i];
        if !member.alive() {
            member.busy = false;
            return;
        }
        let Some((tp, entry)) = member.buffer.pop_front() else {
            // Its buffer was emptied (a seek, a revocation): back to poll().
            member.busy = false;
            self.poll(ctx, meta, m);
            return;
        };
        member.positions.insert(tp.partition, entry.offset + 1);
        member.consumed += 1;
        let processing = member.processing_ms;
        let more = !member.buffer.is_empty();
        if more {
            ctx.schedule(
                now.saturating_add(processing),
                Timer::Consumer(ConsumerTimer::Process(m)),
            );
        } else {
            self.members[i].busy = false;
        }
        ctx.totals().records_consumed += 1;
        ctx.emit(EventKind::RecordConsumed {
            group: group_idx,
            member: m,
            tp,
            offset: entry.offset,
            record: entry.record.id,
        });
        // Processed before by this group: a replay (after a seek back) or a duplicate.
        let group = &mut *self;
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
                ctx.emit_group(GroupEvent::RecordReprocessed {
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
        let group = &mut *self;
        if group
            .replay_until
            .get(&tp.partition)
            .is_some_and(|&end| entry.offset + 1 >= end)
        {
            group.replay_until.remove(&tp.partition);
        }
        if !more {
            if manual && self.send_commit(ctx, i, true) {
                return; // commitSync(): poll again when it is answered
            }
            self.poll(ctx, meta, m);
        }
    }

    /// The heartbeat thread: a heartbeat every `heartbeat.interval.ms` while
    /// in the group, and the `max.poll.interval.ms` check.
    pub(super) fn heartbeat_tick(&mut self, ctx: &mut Ctx, m: MemberId) {
        let Some(i) = self.member_index(m) else {
            return;
        };
        let now = ctx.now();
        let config = &self.config;
        let (interval, max_poll) = (config.heartbeat_interval_ms, config.max_poll_interval_ms);
        let member = &self.members[i];
        if !member.alive() {
            return;
        }
        let in_group = matches!(
            member.phase,
            MemberPhase::Stable | MemberPhase::AwaitingSync
        );
        let (last_poll, generation) = (member.last_poll_ms, member.generation);
        let group = self.idx;
        ctx.schedule(
            now.saturating_add(interval),
            Timer::Consumer(ConsumerTimer::Heartbeat(m)),
        );
        if in_group && now.saturating_sub(last_poll) > max_poll {
            // "consumer poll timeout has expired": leave from the heartbeat thread.
            self.send_to_coordinator(
                ctx,
                m,
                GroupMessage::LeaveGroupRequest {
                    group,
                    reason: LeaveReason::PollTimeout,
                },
            );
            let member = &mut self.members[i];
            member.generation = None;
            member.is_leader = false;
            member.phase = MemberPhase::Unjoined;
            return;
        }
        if let (true, Some(generation)) = (in_group, generation) {
            self.send_to_coordinator(ctx, m, GroupMessage::HeartbeatRequest { group, generation });
        }
    }

    pub(super) fn finish_close(&mut self, ctx: &mut Ctx, i: usize) {
        let member = &self.members[i];
        let (m, group, is_static) = (member.id, self.idx, member.instance_id.is_some());
        if is_static {
            // Static members do not leave on close: the coordinator waits for
            // their session to time out (they may come back with the same id).
            self.members.remove(i);
        } else {
            self.send_to_coordinator(
                ctx,
                m,
                GroupMessage::LeaveGroupRequest {
                    group,
                    reason: LeaveReason::Closing,
                },
            );
        }
    }

    /// A member's fetch was answered `OFFSET_OUT_OF_RANGE` for a partition:
    /// it applies its group's `auto.offset.reset` (from the log start offset
    /// and HW the answer carries) and the picture notes which offsets it
    /// skipped. With `none` it stops reading the partition: the error goes
    /// to the application.
    fn apply_offset_reset(
        &mut self,
        ctx: &mut Ctx,
        i: usize,
        oor: &OutOfRange,
    ) -> Option<OffsetResetNote> {
        let group = &*self;
        let (idx, policy) = (group.idx, group.config.auto_offset_reset);
        let member = &group.members[i];
        let m = member.id;
        let p = oor.tp.partition;
        if member.positions.get(&p) != Some(&oor.fetch_offset) {
            return None; // it has moved on since
        }
        let to = match policy {
            OffsetReset::Earliest => Some(oor.log_start_offset),
            OffsetReset::Latest => Some(oor.high_watermark),
            OffsetReset::None => None,
        };
        let member = &mut self.members[i];
        member.buffer.retain(|(tp, _)| tp.partition != p);
        match to {
            Some(to) => {
                member.positions.insert(p, to);
            }
            None => {
                // auto.offset.reset=none: the application gets the exception
                // and this partition stops being read.
                member.positions.remove(&p);
                member.errors.insert(p, "OffsetOutOfRangeException");
            }
        }
        let note = OffsetResetNote {
            at_ms: ctx.now(),
            group: idx,
            member: m,
            tp: oor.tp,
            from_offset: oor.fetch_offset,
            to_offset: to,
            policy,
            log_start_offset: oor.log_start_offset,
            high_watermark: oor.high_watermark,
        };
        ctx.emit(EventKind::ConsumerOffsetReset {
            group: idx,
            member: m,
            tp: oor.tp,
            from_offset: oor.fetch_offset,
            to_offset: to,
            policy,
            log_start_offset: oor.log_start_offset,
            log_end_offset: oor.log_end_offset,
        });
        Some(note)
    }
}
