//! The consumer group read model: the coordinator's state of the group,
//! its members (phase, owned partitions, positions and their lag), and per
//! partition the committed offset, lag and Burrow's status.

use crate::engine::parts::group::{Group, Member};
use crate::engine::sim::Sim;
use crate::engine::vocab::config::{Assignor, CommitMode, OffsetReset, RebalanceProtocol};
use crate::engine::vocab::group_event::RebalanceReason;
use crate::engine::vocab::ids::{BrokerId, GroupIdx, MemberId, TopicIdx, TopicPartition};
use crate::engine::vocab::states::{BurrowStatus, GroupState, MemberPhase};

/// One partition a member owns, and how far it has read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OwnedPartition {
    /// The partition number.
    pub partition: u32,
    /// The member's position: the next offset it will read (`None` until
    /// it has one, or after `auto.offset.reset=none` stopped it).
    pub position: Option<u64>,
    /// The client's lag here: the leader's high watermark − its position
    /// (Kafka's `records-lag`), `None` without a position or a leader.
    pub lag: Option<u64>,
}

/// A member (a consumer client) of a group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberView {
    /// Its id.
    pub id: MemberId,
    /// Its member id string (`consumer-2`), what the picture names it by.
    pub name: String,
    /// `group.instance.id` of a static member.
    pub instance_id: Option<String>,
    /// Where it stands in the group protocol.
    pub phase: MemberPhase,
    /// The generation it joined (`None` while it is in none).
    pub generation: Option<u32>,
    /// It is the leader of the current generation (it runs the assignor).
    pub is_leader: bool,
    /// The partitions it owns, in order, with its positions.
    pub owned: Vec<OwnedPartition>,
    /// Its total lag over what it owns (records).
    pub lag: u64,
    /// Records fetched and waiting to be processed.
    pub buffered: usize,
    /// Records it has processed.
    pub consumed: u64,
    /// `consumer.pause()` on all its partitions.
    pub paused: bool,
    /// Partitions it cannot read, with Kafka's exception name.
    pub errors: Vec<(u32, &'static str)>,
}

/// A group's offsets on one partition of its topic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartitionLag {
    /// The partition number.
    pub partition: u32,
    /// The committed offset: the next offset the group will read (`None`
    /// before its first commit there; Kafka shows `-`).
    pub committed: Option<u64>,
    /// The leader's high watermark (`None` while the partition is offline).
    pub high_watermark: Option<u64>,
    /// Lag: high watermark − committed offset, records (`None` when either
    /// is unknown).
    pub lag: Option<u64>,
    /// The member that owns it now, if any.
    pub owner: Option<MemberId>,
    /// Burrow's status from its last commits (`None` before any commit).
    pub burrow: Option<BurrowStatus>,
}

/// A consumer group as the picture and the group panel show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupView {
    /// Its index.
    pub idx: GroupIdx,
    /// `group.id`.
    pub group_id: String,
    /// The topic its members subscribe to.
    pub topic: TopicIdx,
    /// The coordinator's state of the group.
    pub state: GroupState,
    /// The current generation (0 before the first rebalance completes).
    pub generation: u32,
    /// Eager or cooperative rebalancing.
    pub protocol: RebalanceProtocol,
    /// `partition.assignment.strategy`.
    pub assignor: Assignor,
    /// Auto-commit or a commit after each poll.
    pub commit_mode: CommitMode,
    /// `auto.offset.reset`.
    pub auto_offset_reset: OffsetReset,
    /// The leader of the current generation.
    pub leader: Option<MemberId>,
    /// The broker acting as its coordinator.
    pub coordinator: BrokerId,
    /// Why the current (or last) rebalance started (`None` before the first).
    pub rebalance_reason: Option<RebalanceReason>,
    /// Rebalances started.
    pub rebalances: u32,
    /// Its members, in the order they were added (those gone included until
    /// they leave the list).
    pub members: Vec<MemberView>,
    /// Per partition of its topic: committed offset, lag, owner, Burrow.
    pub partitions: Vec<PartitionLag>,
    /// Total lag over the partitions it has committed, records.
    pub total_lag: u64,
    /// Burrow's status of the group (its worst partition's).
    pub burrow: BurrowStatus,
    /// Records processed again after a partition moved (at-least-once
    /// duplicates).
    pub duplicates: u64,
    /// Records processed again on purpose, after a seek backwards.
    pub replays: u64,
}

impl GroupView {
    /// The member with this id.
    #[must_use]
    pub fn member(&self, id: MemberId) -> Option<&MemberView> {
        self.members.iter().find(|m| m.id == id)
    }
}

fn high_watermark(sim: &Sim, tp: TopicPartition) -> Option<u64> {
    sim.partition_state(tp)?
        .leader_log()
        .map(|l| l.high_watermark())
}

fn member_view(sim: &Sim, g: &Group, m: &Member) -> MemberView {
    let owned: Vec<OwnedPartition> = m
        .assigned
        .iter()
        .map(|&partition| {
            let position = m.positions.get(&partition).copied();
            let tp = TopicPartition {
                topic: g.topic,
                partition,
            };
            let lag = position
                .zip(high_watermark(sim, tp))
                .map(|(pos, hw)| hw.saturating_sub(pos));
            OwnedPartition {
                partition,
                position,
                lag,
            }
        })
        .collect();
    MemberView {
        id: m.id,
        name: m.name.clone(),
        instance_id: m.instance_id.clone(),
        phase: m.phase,
        generation: m.generation,
        is_leader: m.is_leader,
        lag: owned.iter().filter_map(|o| o.lag).sum(),
        owned,
        buffered: m.buffer.len(),
        consumed: m.consumed,
        paused: m.paused,
        errors: m.errors.iter().map(|(p, e)| (*p, *e)).collect(),
    }
}

/// Builds the view of one group.
pub(super) fn group_view(sim: &Sim, g: &Group) -> GroupView {
    let (burrow, per_partition) = sim.burrow_status(g.idx);
    let partition_count = sim
        .topics()
        .get(g.topic.0 as usize)
        .map_or(0, |t| t.partitions.len() as u32);
    let partitions = (0..partition_count)
        .map(|partition| {
            let tp = TopicPartition {
                topic: g.topic,
                partition,
            };
            let committed = g.committed.get(&partition).copied();
            let high_watermark = high_watermark(sim, tp);
            PartitionLag {
                partition,
                committed,
                high_watermark,
                lag: committed
                    .zip(high_watermark)
                    .map(|(c, hw)| hw.saturating_sub(c)),
                owner: g.owner_of(partition),
                burrow: per_partition
                    .iter()
                    .find(|(p, _)| *p == partition)
                    .map(|(_, s)| *s),
            }
        })
        .collect();
    GroupView {
        idx: g.idx,
        group_id: g.config.group_id.clone(),
        topic: g.topic,
        state: g.view.state,
        generation: g.view.generation,
        protocol: g.config.protocol,
        assignor: g.config.assignor,
        commit_mode: g.config.commit_mode,
        auto_offset_reset: g.config.auto_offset_reset,
        leader: g.view.leader,
        coordinator: g.coordinator,
        rebalance_reason: g.view.reason,
        rebalances: g.rebalances,
        members: g.members.iter().map(|m| member_view(sim, g, m)).collect(),
        partitions,
        total_lag: sim.group_lag(g.idx),
        burrow,
        duplicates: g.duplicates,
        replays: g.replays,
    }
}
