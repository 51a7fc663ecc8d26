//! A consumer group's state: its members (the clients: phase, assignment,
//! positions, buffered records), what its coordinator knows (state,
//! generation, known members, the assignment), its committed offsets, lag
//! history and Burrow windows, and the engine's counts of duplicates and
//! replays. `Groups` holds every group and the recent offset resets.

use std::collections::{BTreeMap, VecDeque};

use crate::engine::kafka::burrow::{CommitSample, LagHistory};
use crate::engine::kafka::java_hash::offsets_partition_for;
use crate::engine::kafka::log::entry::LogEntry;
use crate::engine::vocab::config::{GroupConfig, OffsetReset};
use crate::engine::vocab::group_event::RebalanceReason;
use crate::engine::vocab::ids::{BrokerId, GroupIdx, MemberId, TopicIdx, TopicPartition};
use crate::engine::vocab::states::{GroupState, MemberPhase};
use crate::engine::wire::group_message::GroupMessage;

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
    /// Its name (`consumer-N`), shown on the page; a dynamic member's
    /// member id too.
    pub name: String,
    /// Kafka's member id, which the sticky assignors sort by: `consumer-N`
    /// for a dynamic member, `<group.instance.id>-<UUID>` for a static one
    /// (the UUID from the seeded RNG, a new one each time it joins as a new
    /// process).
    pub member_id: String,
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
    pub(super) inbox: VecDeque<GroupMessage>,
    pub(super) sync_commit_in_flight: bool,
    pub(super) join_prepared: bool,
    pub(super) next_auto_commit_ms: u64,
    pub(super) last_poll_ms: u64,
    pub(super) idle_poll_pending: bool,
    /// Counts rounds of fetches, so a fetch timeout knows whether its round
    /// is still waiting.
    pub(super) fetch_round: u64,
}

impl Member {
    pub(super) fn new(id: MemberId, instance_id: Option<String>, processing_ms: u64) -> Self {
        Self {
            id,
            name: member_name_of(id),
            member_id: member_name_of(id),
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

    /// Answers from the coordinator waiting to be read in `poll()`.
    #[must_use]
    pub fn inbox_len(&self) -> usize {
        self.inbox.len()
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
    pub(super) fn new(idx: GroupIdx, config: GroupConfig, topic: TopicIdx, brokers: u32) -> Self {
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

    /// The index of member `m` in [`Group::members`].
    #[must_use]
    pub(crate) fn member_index(&self, m: MemberId) -> Option<usize> {
        self.members.iter().position(|x| x.id == m)
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

/// How many recent offset resets are kept for the picture.
pub const RESETS_KEPT: usize = 8;

/// A consumer found its position outside the log and applied its
/// `auto.offset.reset` (or reported the error, with `none`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OffsetResetNote {
    /// When, simulated ms.
    pub at_ms: u64,
    /// The group.
    pub group: GroupIdx,
    /// The member.
    pub member: MemberId,
    /// The partition.
    pub tp: TopicPartition,
    /// Its position, which the leader answered `OFFSET_OUT_OF_RANGE` to.
    pub from_offset: u64,
    /// Where it moved to (`None`: `auto.offset.reset=none`, it stopped).
    pub to_offset: Option<u64>,
    /// The policy applied.
    pub policy: OffsetReset,
    /// The leader's log start offset then.
    pub log_start_offset: u64,
    /// The leader's HW then.
    pub high_watermark: u64,
}

impl OffsetResetNote {
    /// Offsets skipped over (`to − from` when it moved forward).
    #[must_use]
    pub fn skipped(&self) -> u64 {
        self.to_offset
            .map_or(0, |to| to.saturating_sub(self.from_offset))
    }

    /// Of those, offsets retention had deleted (below the log start offset).
    #[must_use]
    pub fn deleted(&self) -> u64 {
        let to = self.to_offset.unwrap_or(self.log_start_offset);
        self.log_start_offset
            .min(to)
            .saturating_sub(self.from_offset)
    }
}

/// Every consumer group, and the recent offset resets kept for the picture.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Groups {
    /// The groups, by index.
    pub(super) list: Vec<Group>,
    /// Recent consumer offset resets (the newest [`RESETS_KEPT`]).
    pub(super) offset_resets: VecDeque<OffsetResetNote>,
}

impl Groups {
    /// The groups, by index.
    #[must_use]
    pub(crate) fn list(&self) -> &[Group] {
        &self.list
    }

    /// Group `g`, to change in a test.
    #[cfg(test)]
    pub(crate) fn group_mut(&mut self, g: GroupIdx) -> &mut Group {
        &mut self.list[g.0 as usize]
    }

    /// Recent consumer offset resets, oldest first.
    pub(crate) fn offset_resets(&self) -> impl DoubleEndedIterator<Item = &OffsetResetNote> {
        self.offset_resets.iter()
    }

    /// The group and index of member `m`.
    #[must_use]
    pub(crate) fn member_loc(&self, m: MemberId) -> Option<(usize, usize)> {
        self.list
            .iter()
            .enumerate()
            .find_map(|(g, group)| group.member_index(m).map(|i| (g, i)))
    }

    /// Keeps offset resets for the picture (the newest [`RESETS_KEPT`]).
    pub(super) fn note_resets(&mut self, notes: Vec<OffsetResetNote>) {
        for note in notes {
            if self.offset_resets.len() == RESETS_KEPT {
                self.offset_resets.pop_front();
            }
            self.offset_resets.push_back(note);
        }
    }
}
