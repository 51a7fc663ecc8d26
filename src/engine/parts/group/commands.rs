//! Commands on consumer groups: members added, closed, crashed, paused or
//! slowed; the assignor, protocol and commit mode; another group; seeks.

use super::state::Groups;
use crate::engine::context::ctx::Ctx;
use crate::engine::context::metadata::Metadata;
use crate::engine::kafka::validate::{protocol_refusal, validate_group, PROCESSING_MS_PER_RECORD};
use crate::engine::vocab::command::{Command, SeekTarget};
use crate::engine::vocab::config::{Assignor, CommitMode, GroupConfig, RebalanceProtocol};
use crate::engine::vocab::group_event::{GroupChange, GroupEvent, RebalanceReason};
use crate::engine::vocab::ids::{GroupIdx, MemberId, TopicIdx, TopicPartition};
use crate::engine::vocab::limits::{MAX_GROUPS, MAX_GROUP_ID_BYTES, MAX_MEMBERS};
use crate::engine::vocab::refusal::{Counted, Refusal, RefusalReason};
use crate::engine::vocab::states::MemberPhase;
use crate::engine::vocab::timers::{ConsumerTimer, Timer};

fn unknown_member(m: MemberId) -> Refusal {
    RefusalReason::UnknownMember(m).into()
}

impl Groups {
    fn group_index(&self, group: GroupIdx) -> Result<usize, Refusal> {
        let g = group.0 as usize;
        if g < self.list.len() {
            Ok(g)
        } else {
            Err(RefusalReason::GroupNotFound(group).into())
        }
    }

    fn live_member(&self, m: MemberId) -> Result<(usize, usize), Refusal> {
        match self.member_loc(m) {
            Some((g, i)) if self.list[g].members[i].alive() => Ok((g, i)),
            _ => Err(unknown_member(m)),
        }
    }

    /// Applies a consumer-group command. `topic_of` finds a topic by name
    /// (for a new group); `brokers` counts the cluster's brokers.
    pub(crate) fn apply(
        &mut self,
        ctx: &mut Ctx,
        meta: &impl Metadata,
        topic_of: impl Fn(&str) -> Option<TopicIdx>,
        brokers: u32,
        command: Command,
    ) -> Result<(), Refusal> {
        match command {
            Command::AddMember { group, instance_id } => {
                self.cmd_add_member(ctx, group, instance_id).map(|_| ())
            }
            Command::RemoveMember { member } => self.cmd_remove_member(ctx, member),
            Command::CrashMember { member } => self.cmd_crash_member(ctx, member),
            Command::PauseMember { member, paused } => self.cmd_pause_member(ctx, member, paused),
            Command::SetProcessingTime {
                member,
                ms_per_record,
            } => self.cmd_set_processing(ctx, member, ms_per_record),
            Command::SetAssignor { group, assignor } => self.cmd_set_assignor(ctx, group, assignor),
            Command::SetRebalanceProtocol { group, protocol } => {
                self.cmd_set_protocol(ctx, group, protocol)
            }
            Command::SetCommitMode { group, mode } => self.cmd_set_commit_mode(ctx, group, mode),
            Command::AddGroup(config) => self
                .cmd_add_group(ctx, topic_of, brokers, config)
                .map(|_| ()),
            Command::Seek {
                group,
                partition,
                target,
            } => self.cmd_seek(ctx, meta, group, partition, target),
            other => Err(RefusalReason::NotAGroupCommand(format!("{other:?}")).into()),
        }
    }

    /// A new member joins the group (a consumer process starts).
    fn cmd_add_member(
        &mut self,
        ctx: &mut Ctx,
        group: GroupIdx,
        instance_id: Option<String>,
    ) -> Result<MemberId, Refusal> {
        let g = self.group_index(group)?;
        if self.list[g].members.len() >= MAX_MEMBERS as usize {
            return Err(RefusalReason::GroupFull { max: MAX_MEMBERS }.into());
        }
        if let Some(id) = &instance_id {
            if id.is_empty() || id.len() > MAX_GROUP_ID_BYTES {
                return Err(RefusalReason::InvalidInstanceId.into());
            }
            let taken = self.list[g]
                .members
                .iter()
                .any(|m| m.alive() && m.instance_id.as_ref() == Some(id));
            if taken {
                return Err(RefusalReason::InstanceIdInUse { id: id.clone() }.into());
            }
        }
        let id = self.add_member(ctx, group, instance_id);
        ctx.emit_group(GroupEvent::MemberAdded { group, member: id });
        Ok(id)
    }

    /// A member closes cleanly: it commits (auto-commit), then leaves.
    fn cmd_remove_member(&mut self, ctx: &mut Ctx, m: MemberId) -> Result<(), Refusal> {
        let (g, i) = self.live_member(m)?;
        let group = &mut self.list[g];
        let auto = group.config.commit_mode == CommitMode::Auto;
        ctx.emit_group(GroupEvent::MemberClosing {
            group: group.idx,
            member: m,
        });
        let member = &mut group.members[i];
        member.buffer.clear();
        member.busy = false;
        let in_generation = member.generation.is_some();
        member.phase = MemberPhase::Leaving;
        if !(auto && in_generation && group.send_commit(ctx, i, true)) {
            group.finish_close(ctx, i);
        }
        Ok(())
    }

    /// A member's process dies: no commit, no leave.
    fn cmd_crash_member(&mut self, ctx: &mut Ctx, m: MemberId) -> Result<(), Refusal> {
        let (g, i) = self.live_member(m)?;
        let group = &mut self.list[g];
        let member = &mut group.members[i];
        member.phase = MemberPhase::Crashed;
        member.busy = false;
        member.buffer.clear();
        ctx.emit_group(GroupEvent::MemberCrashed {
            group: group.idx,
            member: m,
        });
        Ok(())
    }

    /// `consumer.pause()` / `resume()` on all of a member's partitions.
    fn cmd_pause_member(
        &mut self,
        ctx: &mut Ctx,
        m: MemberId,
        paused: bool,
    ) -> Result<(), Refusal> {
        let (g, i) = self.live_member(m)?;
        let group = &mut self.list[g];
        group.members[i].paused = paused;
        ctx.emit_group(GroupEvent::MemberPaused {
            group: group.idx,
            member: m,
            paused,
        });
        if !paused {
            ctx.schedule(ctx.now(), Timer::Consumer(ConsumerTimer::Poll(m)));
        }
        Ok(())
    }

    /// Sets a member's processing time per record (a slow consumer).
    fn cmd_set_processing(&mut self, ctx: &mut Ctx, m: MemberId, ms: u64) -> Result<(), Refusal> {
        let (g, i) = self.live_member(m)?;
        PROCESSING_MS_PER_RECORD.check(ms)?;
        let group = &mut self.list[g];
        group.members[i].processing_ms = ms;
        ctx.emit_group(GroupEvent::ConfigChanged {
            group: group.idx,
            what: GroupChange::ProcessingTime { member: m, ms },
        });
        Ok(())
    }

    /// Every member switches assignor (a rolling restart, here at once) and
    /// the group rebalances. The protocol follows: cooperative for
    /// cooperative-sticky, eager otherwise.
    fn cmd_set_assignor(
        &mut self,
        ctx: &mut Ctx,
        group: GroupIdx,
        assignor: Assignor,
    ) -> Result<(), Refusal> {
        let g = self.group_index(group)?;
        let protocol = if assignor.supports_cooperative() {
            RebalanceProtocol::Cooperative
        } else {
            RebalanceProtocol::Eager
        };
        let grp = &mut self.list[g];
        grp.config.assignor = assignor;
        grp.config.protocol = protocol;
        ctx.emit_group(GroupEvent::ConfigChanged {
            group,
            what: GroupChange::Assignor { assignor, protocol },
        });
        grp.prepare_rebalance(ctx, RebalanceReason::AssignorChanged(assignor));
        Ok(())
    }

    /// Switches the rebalance protocol (cooperative needs cooperative-sticky).
    fn cmd_set_protocol(
        &mut self,
        ctx: &mut Ctx,
        group: GroupIdx,
        protocol: RebalanceProtocol,
    ) -> Result<(), Refusal> {
        let g = self.group_index(group)?;
        let grp = &mut self.list[g];
        let assignor = grp.config.assignor;
        if protocol == RebalanceProtocol::Cooperative && !assignor.supports_cooperative() {
            return Err(protocol_refusal(assignor));
        }
        grp.config.protocol = protocol;
        ctx.emit_group(GroupEvent::ConfigChanged {
            group,
            what: GroupChange::Protocol(protocol),
        });
        grp.prepare_rebalance(ctx, RebalanceReason::ProtocolChanged(protocol));
        Ok(())
    }

    /// Switches between auto-commit and commitSync after each poll.
    fn cmd_set_commit_mode(
        &mut self,
        ctx: &mut Ctx,
        group: GroupIdx,
        mode: CommitMode,
    ) -> Result<(), Refusal> {
        let g = self.group_index(group)?;
        self.list[g].config.commit_mode = mode;
        ctx.emit_group(GroupEvent::ConfigChanged {
            group,
            what: GroupChange::CommitMode(mode),
        });
        Ok(())
    }

    /// Starts another group with its own members and offsets.
    fn cmd_add_group(
        &mut self,
        ctx: &mut Ctx,
        topic_of: impl Fn(&str) -> Option<TopicIdx>,
        brokers: u32,
        config: GroupConfig,
    ) -> Result<GroupIdx, Refusal> {
        if self.list.len() >= MAX_GROUPS as usize {
            return Err(RefusalReason::CountOutOfRange {
                what: Counted::Groups,
                value: self.list.len() as u64 + 1,
                min: 0,
                max: MAX_GROUPS.into(),
            }
            .into());
        }
        validate_group(&config, topic_of(&config.topic).is_some())?;
        if self
            .list
            .iter()
            .any(|g| g.config.group_id == config.group_id)
        {
            return Err(RefusalReason::GroupExists {
                id: config.group_id,
            }
            .into());
        }
        let topic = topic_of(&config.topic).expect("validated");
        let idx = self.create(ctx, config, topic, brokers);
        ctx.emit_group(GroupEvent::GroupAdded { group: idx });
        Ok(idx)
    }

    /// The member owning `partition` moves its position (`seek`,
    /// `seekToBeginning`, `seekToEnd`, `offsetsForTimes`).
    fn cmd_seek(
        &mut self,
        ctx: &mut Ctx,
        meta: &impl Metadata,
        group: GroupIdx,
        partition: u32,
        target: SeekTarget,
    ) -> Result<(), Refusal> {
        let g = self.group_index(group)?;
        let grp = &mut self.list[g];
        let tp = TopicPartition {
            topic: grp.topic,
            partition,
        };
        let Some(owner) = grp.owner_of(partition) else {
            return Err(RefusalReason::NoCurrentAssignment {
                partition: meta.tp_name(tp),
            }
            .into());
        };
        let i = grp.member_index(owner).expect("owner exists");
        let log = meta.leader_log(tp);
        let (start, hw) = log.map_or((0, 0), |l| (l.log_start_offset(), l.high_watermark()));
        let to = match target {
            SeekTarget::Offset(o) => o,
            SeekTarget::Beginning => start,
            SeekTarget::End => hw,
            SeekTarget::Timestamp(ts) => log
                .and_then(|l| l.offset_for_timestamp(ts, hw))
                .unwrap_or(hw),
        };
        let upto = grp.processed_upto.get(&partition).copied().unwrap_or(0);
        if to < upto {
            grp.replay_until.insert(partition, upto);
        }
        let member = &mut grp.members[i];
        let from = member.positions.get(&partition).copied();
        member.positions.insert(partition, to);
        member.errors.remove(&partition);
        member.buffer.retain(|(t, _)| t.partition != partition);
        ctx.emit_group(GroupEvent::Seeked {
            group,
            member: owner,
            tp,
            from,
            to,
        });
        ctx.schedule(ctx.now(), Timer::Consumer(ConsumerTimer::Poll(owner)));
        Ok(())
    }
}
