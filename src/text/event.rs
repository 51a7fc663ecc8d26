//! Events as sentences: [`line`] turns an engine [`Event`] into an
//! [`EventLine`], one variant per sentence with the facts it tells and the
//! names already looked up; [`event_en`](super::event_en) and
//! [`event_ko`](super::event_ko) each say every variant in one exhaustive
//! `match`, destructuring every field (no `..`): a language that leaves a
//! fact out does not compile (an unused binding is denied).
//!
//! Names in a line are as the engine knows them: a producer's and a
//! member's name, `broker-1`, a group's `group.id`, a topic's name and a
//! partition as Kafka writes it (`orders-0`). Offsets, counts, bytes and ms
//! are numbers; reasons are the engine's typed values.

use crate::engine::assignor::Assignor;
use crate::engine::config::{Compression, OffsetReset, RebalanceProtocol};
use crate::engine::errors::{DropReason, LossReason, ProduceError};
use crate::engine::event::{
    ElectionKind, GroupChange, IsrChange, LogStartCause, RebalanceReason, RemovalReason, ResetCause,
};
use crate::engine::log::{DeletionReason, RollReason};
use crate::engine::partitioner::SwitchReason;
use crate::engine::{
    BatchId, CommitMode, Event, EventKind, GroupEvent, GroupIdx, PartitionDecision, Partitioner,
    ProducerConfig, RecordId, SendMode, Sim, TopicIdx, TopicPartition,
};

/// One event as a sentence: its facts, names looked up.
#[derive(Clone, Debug, PartialEq)]
pub enum EventLine {
    /// A producer created a record; its partitioner chose a partition.
    RecordCreated {
        /// The producer.
        producer: String,
        /// The record.
        record: RecordId,
        /// Its key (`None`: null).
        key: Option<String>,
        /// Where it goes.
        tp: String,
        /// The partition chosen.
        partition: u32,
        /// Why there.
        decision: PartitionDecision,
    },
    /// A producer sent a batch to a leader.
    BatchSent {
        /// The producer.
        producer: String,
        /// The batch.
        batch: BatchId,
        /// Records in it.
        records: u32,
        /// Bytes on the wire.
        bytes: u32,
        /// Its codec.
        compression: Compression,
        /// Bytes before compression.
        uncompressed_bytes: u32,
        /// 1 for the first send.
        attempt: u32,
        /// The leader.
        leader: String,
        /// Its partition.
        tp: String,
    },
    /// A broker appended a batch.
    BatchAppended {
        /// The broker.
        broker: String,
        /// The partition.
        tp: String,
        /// First offset.
        first: u64,
        /// Last offset.
        last: u64,
        /// The leader epoch.
        leader_epoch: u32,
    },
    /// A follower copied records.
    ReplicaCopied {
        /// The follower.
        broker: String,
        /// The partition.
        tp: String,
        /// First offset.
        first: u64,
        /// Last offset.
        last: u64,
    },
    /// A replica's high watermark moved.
    HighWatermark {
        /// The partition.
        tp: String,
        /// The replica's broker.
        broker: String,
        /// The new HW.
        high_watermark: u64,
    },
    /// A producer got an acknowledgement.
    ProduceAcked {
        /// The producer.
        producer: String,
        /// The partition.
        tp: String,
        /// Offset of the first record.
        base_offset: u64,
        /// Records.
        records: u32,
    },
    /// An `acks=0` batch is taken as delivered.
    ProduceAssumed {
        /// The producer.
        producer: String,
        /// The batch.
        batch: BatchId,
    },
    /// A consumer asked a broker for records.
    FetchSent {
        /// The member.
        member: String,
        /// The broker.
        broker: String,
        /// Each partition and the offset asked from.
        positions: Vec<(String, u64)>,
    },
    /// A broker answered a fetch.
    FetchAnswered {
        /// The broker.
        broker: String,
        /// The member.
        member: String,
        /// Records returned.
        records: u32,
    },
    /// A consumer processed a record.
    RecordConsumed {
        /// The member.
        member: String,
        /// The record.
        record: RecordId,
        /// The partition.
        tp: String,
        /// Its offset.
        offset: u64,
    },
    /// The coordinator stored a committed offset.
    OffsetCommitted {
        /// The group.
        group: String,
        /// The partition.
        tp: String,
        /// The offset.
        offset: u64,
        /// The member that committed.
        member: String,
    },
    /// A group is stable with a new assignment.
    PartitionsAssigned {
        /// The group.
        group: String,
        /// The generation.
        generation: u32,
        /// The group's assignor (`None`: the group is not known).
        assignor: Option<Assignor>,
        /// Each member and its partitions.
        assignment: Vec<(String, Vec<u32>)>,
    },
    /// A producer's rate changed.
    ProducerRate {
        /// The producer.
        producer: String,
        /// Records a second.
        records_per_sec: u32,
    },
    /// A replica's log rolled a new segment.
    SegmentRolled {
        /// The broker.
        broker: String,
        /// The partition.
        tp: String,
        /// The new segment's base offset.
        base_offset: u64,
        /// Why.
        reason: RollReason,
    },
    /// Retention deleted segments.
    SegmentsDeleted {
        /// The broker.
        broker: String,
        /// How many segments.
        segments: u32,
        /// The partition.
        tp: String,
        /// First deleted offset.
        first: u64,
        /// First kept offset.
        end: u64,
        /// Records freed.
        records: u64,
        /// Bytes freed.
        bytes: u64,
        /// Why.
        reason: DeletionReason,
    },
    /// A replica's log start offset moved.
    LogStartMoved {
        /// The partition.
        tp: String,
        /// The broker.
        broker: String,
        /// The new log start offset.
        log_start_offset: u64,
        /// Why.
        cause: LogStartCause,
    },
    /// The log cleaner compacted a log.
    LogCompacted {
        /// The broker.
        broker: String,
        /// The partition.
        tp: String,
        /// Cleaned below this offset.
        end_offset: u64,
        /// Dirty share, percent.
        dirty_percent: u32,
        /// Older values of a key removed.
        superseded: u64,
        /// Tombstones removed.
        tombstones: u64,
        /// Records without a key removed.
        keyless: u64,
        /// Bytes before.
        bytes_before: u64,
        /// Bytes after.
        bytes_after: u64,
        /// Segments before.
        segments_before: u32,
        /// Segments after.
        segments_after: u32,
    },
    /// A consumer's position was outside the log; `auto.offset.reset` moved it.
    ConsumerOffsetReset {
        /// The member.
        member: String,
        /// Its group.
        group: String,
        /// Its position.
        from: u64,
        /// The partition.
        tp: String,
        /// The new position (`None`: the policy is `none`).
        to: Option<u64>,
        /// The policy.
        policy: OffsetReset,
        /// The leader's log start offset.
        log_start_offset: u64,
        /// The leader's LEO.
        log_end_offset: u64,
    },
    /// A follower's fetch offset was below its leader's log start.
    FollowerOutOfRange {
        /// The follower.
        broker: String,
        /// Its fetch offset.
        fetch_offset: u64,
        /// The partition.
        tp: String,
        /// The leader's log start offset.
        leader_log_start: u64,
        /// Records it dropped.
        dropped: u64,
    },
    /// A topic config changed.
    TopicConfigChanged {
        /// The topic.
        topic: String,
        /// The config name.
        name: String,
        /// Its value now.
        new: String,
        /// Its value before.
        old: String,
    },
    /// Every broker's retention check interval changed.
    RetentionCheckInterval {
        /// The interval, ms.
        interval_ms: u64,
    },
    /// A broker stopped cleanly (`clean`) or crashed.
    BrokerStopped {
        /// The broker.
        broker: String,
        /// A controlled shutdown.
        clean: bool,
    },
    /// A broker started.
    BrokerStarted {
        /// The broker.
        broker: String,
    },
    /// The controller fenced a broker.
    BrokerFenced {
        /// The broker.
        broker: String,
    },
    /// A broker was slowed (0: back to normal).
    BrokerSlowed {
        /// The broker.
        broker: String,
        /// Extra latency, ms.
        extra_latency_ms: u64,
    },
    /// A link was cut or healed.
    LinkChanged {
        /// One end.
        a: String,
        /// The other end.
        b: String,
        /// Healed.
        up: bool,
    },
    /// A message never arrived.
    MessageDropped {
        /// Kafka's API name of the message.
        kind: &'static str,
        /// Sender.
        from: String,
        /// Receiver.
        to: String,
        /// Why.
        reason: DropReason,
    },
    /// The controller chose a leader (or none).
    LeaderElected {
        /// The partition.
        tp: String,
        /// The leader (`None`: offline).
        leader: Option<String>,
        /// The leader epoch.
        leader_epoch: u32,
        /// How.
        kind: ElectionKind,
    },
    /// A partition's ISR changed.
    IsrChanged {
        /// The partition.
        tp: String,
        /// The broker ids in the ISR.
        isr: Vec<u32>,
        /// Why.
        reason: IsrChange,
    },
    /// A leader answered a produce request with an error.
    ProduceFailed {
        /// The producer.
        producer: String,
        /// Kafka's error.
        error: ProduceError,
        /// The batch.
        batch: BatchId,
        /// The partition.
        tp: String,
    },
    /// A follower truncated its log.
    FollowerTruncated {
        /// The follower.
        broker: String,
        /// The partition.
        tp: String,
        /// Its LEO before.
        from: u64,
        /// After.
        to: u64,
    },
    /// Unacknowledged records are not on the new leader and will be resent.
    RecordsDiscarded {
        /// How many.
        records: u32,
        /// The partition.
        tp: String,
    },
    /// Records lost for ever.
    RecordsLost {
        /// How many.
        records: u32,
        /// The partition.
        tp: String,
        /// Of them acknowledged.
        acknowledged: u32,
        /// Why.
        reason: LossReason,
    },
    /// The built-in partitioner switched its sticky partition.
    StickySwitched {
        /// The producer.
        producer: String,
        /// The previous sticky partition (`orders-0`), if any.
        from: Option<String>,
        /// Bytes produced to it.
        produced_bytes: u32,
        /// The new one.
        to: String,
        /// Why.
        reason: SwitchReason,
        /// Adaptive weights (partition, weight); `None`: uniform.
        weights: Option<Vec<(u32, u32)>>,
    },
    /// A request timed out; its connection closed.
    RequestTimedOut {
        /// The producer.
        producer: String,
        /// The broker.
        broker: String,
        /// Batches that failed.
        batches: usize,
    },
    /// A failed batch will be retried.
    ProduceRetried {
        /// The producer.
        producer: String,
        /// The batch.
        batch: BatchId,
        /// The partition.
        tp: String,
        /// The next attempt.
        next_attempt: u32,
    },
    /// A batch expired after `delivery.timeout.ms`.
    BatchExpired {
        /// The producer.
        producer: String,
        /// The batch.
        batch: BatchId,
        /// The partition.
        tp: String,
        /// Records that failed.
        records: u32,
    },
    /// The idempotent leader ignored a duplicate batch.
    DuplicateIgnored {
        /// The leader.
        broker: String,
        /// The batch.
        batch: BatchId,
        /// The partition.
        tp: String,
        /// Offset of its first append.
        base_offset: u64,
    },
    /// Without idempotence, a batch was appended twice.
    DuplicateAppended {
        /// The leader.
        broker: String,
        /// The batch.
        batch: BatchId,
        /// The partition.
        tp: String,
        /// Records duplicated.
        records: u32,
    },
    /// The idempotent leader refused an out-of-order batch.
    OutOfOrderSequence {
        /// The leader.
        broker: String,
        /// The batch.
        batch: BatchId,
        /// The partition.
        tp: String,
        /// Its first sequence.
        got: u32,
        /// The sequence expected.
        expected: u32,
    },
    /// Partitions were added to a topic.
    PartitionsAdded {
        /// The topic (`?` when unknown).
        topic: String,
        /// Partitions before.
        from: u32,
        /// Partitions now.
        to: u32,
        /// Each new partition's replica broker ids, leader first.
        replicas: Vec<Vec<u32>>,
    },
    /// A producer saw a new partition count.
    MetadataRefreshed {
        /// The producer.
        producer: String,
        /// Partitions it knew.
        from: u32,
        /// Partitions it knows now.
        to: u32,
        /// Keys that move: key, old and new partition.
        moved: Vec<(String, u32, u32)>,
    },
    /// A producer restarted with other settings.
    ProducerConfigChanged {
        /// The producer.
        producer: String,
        /// The settings that differ.
        changes: Vec<ProducerChange>,
    },
    /// A consumer-group event.
    Group(GroupLine),
}

/// One producer setting that changed, before and after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProducerChange {
    /// The setting.
    pub setting: ProducerSetting,
    /// Its value before.
    pub old: SettingValue,
    /// And now.
    pub new: SettingValue,
}

/// A producer setting (Kafka's config where it has one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProducerSetting {
    /// `partitioner.class` (the built-in one or a round robin).
    Partitioner,
    /// `partitioner.ignore.keys`.
    IgnoreKeys,
    /// `partitioner.adaptive.partitioning.enable`.
    Adaptive,
    /// `batch.size`.
    BatchSize,
    /// `linger.ms`.
    LingerMs,
    /// `compression.type`.
    Compression,
    /// `acks`.
    Acks,
    /// Sync or async sending.
    Mode,
    /// `enable.idempotence`.
    Idempotence,
    /// `max.in.flight.requests.per.connection`.
    MaxInFlight,
    /// The key set.
    Keys,
    /// Bytes of a generated value.
    ValueBytes,
    /// `request.timeout.ms`.
    RequestTimeout,
    /// `delivery.timeout.ms`.
    DeliveryTimeout,
    /// `retry.backoff.ms`.
    RetryBackoff,
    /// `metadata.max.age.ms`.
    MetadataMaxAge,
}

/// A producer setting's value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SettingValue {
    /// As Kafka writes it (a number, `true`, `gzip`, `all`, keys joined by commas).
    Plain(String),
    /// A partitioner.
    Partitioner(Partitioner),
    /// A send mode.
    Mode(SendMode),
}

/// The settings that differ between two producer configs (the rate is
/// changed on its own and not listed), in the order the panel lists them.
#[must_use]
pub fn producer_changes(a: &ProducerConfig, b: &ProducerConfig) -> Vec<ProducerChange> {
    use ProducerSetting as S;
    use SettingValue::Plain;
    let plain = |x: &dyn ToString| Plain(x.to_string());
    let all = [
        (
            S::Partitioner,
            SettingValue::Partitioner(a.partitioner),
            SettingValue::Partitioner(b.partitioner),
        ),
        (S::IgnoreKeys, plain(&a.ignore_keys), plain(&b.ignore_keys)),
        (S::Adaptive, plain(&a.adaptive), plain(&b.adaptive)),
        (S::BatchSize, plain(&a.batch_size), plain(&b.batch_size)),
        (S::LingerMs, plain(&a.linger_ms), plain(&b.linger_ms)),
        (
            S::Compression,
            plain(&a.compression.as_config()),
            plain(&b.compression.as_config()),
        ),
        (
            S::Acks,
            plain(&a.acks.as_config()),
            plain(&b.acks.as_config()),
        ),
        (
            S::Mode,
            SettingValue::Mode(a.mode),
            SettingValue::Mode(b.mode),
        ),
        (
            S::Idempotence,
            plain(&a.enable_idempotence),
            plain(&b.enable_idempotence),
        ),
        (
            S::MaxInFlight,
            plain(&a.max_in_flight),
            plain(&b.max_in_flight),
        ),
        (S::Keys, Plain(a.keys.join(",")), Plain(b.keys.join(","))),
        (S::ValueBytes, plain(&a.value_bytes), plain(&b.value_bytes)),
        (
            S::RequestTimeout,
            plain(&a.request_timeout_ms),
            plain(&b.request_timeout_ms),
        ),
        (
            S::DeliveryTimeout,
            plain(&a.delivery_timeout_ms),
            plain(&b.delivery_timeout_ms),
        ),
        (
            S::RetryBackoff,
            plain(&a.retry_backoff_ms),
            plain(&b.retry_backoff_ms),
        ),
        (
            S::MetadataMaxAge,
            plain(&a.metadata_max_age_ms),
            plain(&b.metadata_max_age_ms),
        ),
    ];
    all.into_iter()
        .filter(|(_, old, new)| old != new)
        .map(|(setting, old, new)| ProducerChange { setting, old, new })
        .collect()
}

/// A consumer-group event as a sentence.
#[derive(Clone, Debug, PartialEq)]
pub enum GroupLine {
    /// A consumer started and will join.
    MemberAdded {
        /// The member.
        member: String,
        /// The group.
        group: String,
    },
    /// A member closes: commit, then LeaveGroup.
    MemberClosing {
        /// The member.
        member: String,
        /// The group.
        group: String,
    },
    /// A member's process died.
    MemberCrashed {
        /// The member.
        member: String,
        /// The group.
        group: String,
    },
    /// `pause()` (`paused`) or `resume()`.
    MemberPaused {
        /// The member.
        member: String,
        /// Paused.
        paused: bool,
    },
    /// The coordinator removed a member.
    MemberRemoved {
        /// The member.
        member: String,
        /// The group.
        group: String,
        /// Why.
        reason: RemovalReason,
    },
    /// A rebalance started.
    RebalanceStarted {
        /// The group.
        group: String,
        /// The protocol.
        protocol: RebalanceProtocol,
        /// What started it.
        because: Because,
    },
    /// A member gave up partitions (`lost`: it was out of the group already).
    PartitionsRevoked {
        /// The member.
        member: String,
        /// The partitions.
        partitions: Vec<u32>,
        /// Lost rather than revoked.
        lost: bool,
    },
    /// A member sent JoinGroup.
    JoinGroupSent {
        /// The member.
        member: String,
        /// Partitions it owns.
        owned: Vec<u32>,
    },
    /// Everyone joined: a new generation.
    JoinCompleted {
        /// Members.
        members: usize,
        /// The group.
        group: String,
        /// The generation.
        generation: u32,
        /// Its leader.
        leader: String,
    },
    /// The leader ran the assignor.
    AssignmentComputed {
        /// The leader.
        leader: String,
        /// The assignor.
        assignor: Assignor,
        /// Each member's partitions.
        plan: Vec<(String, Vec<u32>)>,
        /// Partitions held back until their owner revokes them.
        held_back: Vec<u32>,
    },
    /// A member applied its assignment.
    AssignmentReceived {
        /// The member.
        member: String,
        /// The generation.
        generation: u32,
        /// What it owns now.
        owned: Vec<u32>,
        /// Gained.
        added: Vec<u32>,
        /// Given up.
        revoked: Vec<u32>,
    },
    /// A record processed again: a duplicate.
    RecordReprocessed {
        /// The member.
        member: String,
        /// The record.
        record: RecordId,
        /// The partition.
        tp: String,
        /// The offset.
        offset: u64,
    },
    /// An offset commit failed.
    CommitFailed {
        /// The member.
        member: String,
        /// Kafka's error.
        error: &'static str,
    },
    /// `auto.offset.reset` decided a position.
    OffsetReset {
        /// The member.
        member: String,
        /// The partition.
        tp: String,
        /// Why.
        cause: ResetCause,
        /// The position before.
        from: Option<u64>,
        /// The new position (`None`: policy `none`).
        to: Option<u64>,
        /// The policy.
        policy: OffsetReset,
    },
    /// A member seeked.
    Seeked {
        /// The member.
        member: String,
        /// The partition.
        tp: String,
        /// The position before.
        from: Option<u64>,
        /// The new position.
        to: u64,
    },
    /// A group setting changed.
    ConfigChanged {
        /// The group.
        group: String,
        /// What changed.
        change: Change,
    },
    /// A new group started.
    GroupAdded {
        /// The group.
        group: String,
        /// Its topic.
        topic: String,
        /// Members at start.
        members: u32,
    },
}

/// What started a rebalance, names looked up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Because {
    /// A member joined.
    Joined(String),
    /// A member rejoined.
    Rejoined(String),
    /// A member was removed.
    Removed {
        /// The member.
        member: String,
        /// Why.
        reason: RemovalReason,
    },
    /// The assignor changed.
    AssignorChanged(Assignor),
    /// The protocol changed.
    ProtocolChanged(RebalanceProtocol),
}

/// A group setting that changed, names looked up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// A member's processing time.
    ProcessingTime {
        /// The member.
        member: String,
        /// Ms per record.
        ms: u64,
    },
    /// The assignor and the protocol it brings.
    Assignor {
        /// The assignor.
        assignor: Assignor,
        /// The protocol.
        protocol: RebalanceProtocol,
    },
    /// The protocol.
    Protocol(RebalanceProtocol),
    /// Commits.
    CommitMode(CommitMode),
}

/// What started a rebalance, names looked up in `sim`.
#[must_use]
pub fn because(sim: &Sim, reason: RebalanceReason) -> Because {
    match reason {
        RebalanceReason::Joined(m) => Because::Joined(sim.member_name(m)),
        RebalanceReason::Rejoined(m) => Because::Rejoined(sim.member_name(m)),
        RebalanceReason::Removed { member, reason } => Because::Removed {
            member: sim.member_name(member),
            reason,
        },
        RebalanceReason::AssignorChanged(a) => Because::AssignorChanged(a),
        RebalanceReason::ProtocolChanged(p) => Because::ProtocolChanged(p),
    }
}

fn topic_name_or(sim: &Sim, topic: TopicIdx, unknown: &str) -> String {
    sim.topics()
        .get(topic.0 as usize)
        .map_or_else(|| unknown.to_string(), |t| t.name.clone())
}

fn tp_of(sim: &Sim, topic: TopicIdx, partition: u32) -> String {
    sim.tp_name(TopicPartition { topic, partition })
}

/// A consumer-group event as a sentence, names looked up in `sim`.
#[must_use]
pub fn group_line(sim: &Sim, event: &GroupEvent) -> GroupLine {
    let who = |m| sim.member_name(m);
    let group = |g: &GroupIdx| sim.group_name(*g);
    let plan = |list: &[(crate::engine::MemberId, Vec<u32>)]| {
        list.iter().map(|(m, l)| (who(*m), l.clone())).collect()
    };
    match event {
        GroupEvent::MemberAdded { group: g, member } => GroupLine::MemberAdded {
            member: who(*member),
            group: group(g),
        },
        GroupEvent::MemberClosing { group: g, member } => GroupLine::MemberClosing {
            member: who(*member),
            group: group(g),
        },
        GroupEvent::MemberCrashed { group: g, member } => GroupLine::MemberCrashed {
            member: who(*member),
            group: group(g),
        },
        GroupEvent::MemberPaused { member, paused, .. } => GroupLine::MemberPaused {
            member: who(*member),
            paused: *paused,
        },
        GroupEvent::MemberRemoved {
            group: g,
            member,
            reason,
        } => GroupLine::MemberRemoved {
            member: who(*member),
            group: group(g),
            reason: *reason,
        },
        GroupEvent::RebalanceStarted {
            group: g,
            reason,
            protocol,
        } => GroupLine::RebalanceStarted {
            group: group(g),
            protocol: *protocol,
            because: because(sim, *reason),
        },
        GroupEvent::PartitionsRevoked {
            member,
            partitions,
            lost,
            ..
        } => GroupLine::PartitionsRevoked {
            member: who(*member),
            partitions: partitions.clone(),
            lost: *lost,
        },
        GroupEvent::JoinGroupSent { member, owned, .. } => GroupLine::JoinGroupSent {
            member: who(*member),
            owned: owned.clone(),
        },
        GroupEvent::JoinCompleted {
            group: g,
            generation,
            leader,
            members,
        } => GroupLine::JoinCompleted {
            members: members.len(),
            group: group(g),
            generation: *generation,
            leader: who(*leader),
        },
        GroupEvent::AssignmentComputed {
            leader,
            assignor,
            assignment,
            held_back,
            ..
        } => GroupLine::AssignmentComputed {
            leader: who(*leader),
            assignor: *assignor,
            plan: plan(assignment),
            held_back: held_back.clone(),
        },
        GroupEvent::AssignmentReceived {
            member,
            generation,
            added,
            revoked,
            owned,
            ..
        } => GroupLine::AssignmentReceived {
            member: who(*member),
            generation: *generation,
            owned: owned.clone(),
            added: added.clone(),
            revoked: revoked.clone(),
        },
        GroupEvent::RecordReprocessed {
            member,
            tp,
            offset,
            record,
            ..
        } => GroupLine::RecordReprocessed {
            member: who(*member),
            record: *record,
            tp: sim.tp_name(*tp),
            offset: *offset,
        },
        GroupEvent::CommitFailed { member, error, .. } => GroupLine::CommitFailed {
            member: who(*member),
            error,
        },
        GroupEvent::OffsetReset {
            member,
            tp,
            from,
            to,
            reason,
            policy,
            ..
        } => GroupLine::OffsetReset {
            member: who(*member),
            tp: sim.tp_name(*tp),
            cause: *reason,
            from: *from,
            to: *to,
            policy: *policy,
        },
        GroupEvent::Seeked {
            member,
            tp,
            from,
            to,
            ..
        } => GroupLine::Seeked {
            member: who(*member),
            tp: sim.tp_name(*tp),
            from: *from,
            to: *to,
        },
        GroupEvent::ConfigChanged { group: g, what } => GroupLine::ConfigChanged {
            group: group(g),
            change: match *what {
                GroupChange::ProcessingTime { member, ms } => Change::ProcessingTime {
                    member: who(member),
                    ms,
                },
                GroupChange::Assignor { assignor, protocol } => {
                    Change::Assignor { assignor, protocol }
                }
                GroupChange::Protocol(p) => Change::Protocol(p),
                GroupChange::CommitMode(m) => Change::CommitMode(m),
            },
        },
        GroupEvent::GroupAdded { group: g } => {
            let (topic, members) = sim
                .groups()
                .get(g.0 as usize)
                .map_or((String::new(), 0), |x| {
                    (x.config.topic.clone(), x.config.members)
                });
            GroupLine::GroupAdded {
                group: group(g),
                topic,
                members,
            }
        }
    }
}

/// An event as a sentence, names looked up in `sim` (the state right
/// after the event, or any later one: names never change).
#[must_use]
pub fn line(sim: &Sim, event: &Event) -> EventLine {
    let producer = |p| sim.producer_name(p);
    let member = |m| sim.member_name(m);
    let broker = |b| sim.broker_name(b);
    let tp = |t| sim.tp_name(t);
    match &event.kind {
        EventKind::RecordCreated {
            record,
            producer: p,
            key,
            tp: t,
            decision,
            ..
        } => EventLine::RecordCreated {
            producer: producer(*p),
            record: *record,
            key: key.as_deref().map(str::to_string),
            tp: tp(*t),
            partition: t.partition,
            decision: decision.clone(),
        },
        EventKind::BatchSent {
            batch,
            producer: p,
            tp: t,
            leader,
            records,
            bytes,
            uncompressed_bytes,
            compression,
            attempt,
            ..
        } => EventLine::BatchSent {
            producer: producer(*p),
            batch: *batch,
            records: *records,
            bytes: *bytes,
            compression: *compression,
            uncompressed_bytes: *uncompressed_bytes,
            attempt: *attempt,
            leader: broker(*leader),
            tp: tp(*t),
        },
        EventKind::BatchAppended {
            broker: b,
            tp: t,
            base_offset,
            last_offset,
            leader_epoch,
            ..
        } => EventLine::BatchAppended {
            broker: broker(*b),
            tp: tp(*t),
            first: *base_offset,
            last: *last_offset,
            leader_epoch: *leader_epoch,
        },
        EventKind::ReplicaCopied {
            broker: b,
            tp: t,
            first_offset,
            last_offset,
        } => EventLine::ReplicaCopied {
            broker: broker(*b),
            tp: tp(*t),
            first: *first_offset,
            last: *last_offset,
        },
        EventKind::HighWatermarkAdvanced {
            tp: t,
            broker: b,
            high_watermark,
        } => EventLine::HighWatermark {
            tp: tp(*t),
            broker: broker(*b),
            high_watermark: *high_watermark,
        },
        EventKind::ProduceAcked {
            producer: p,
            tp: t,
            base_offset,
            records,
            ..
        } => EventLine::ProduceAcked {
            producer: producer(*p),
            tp: tp(*t),
            base_offset: *base_offset,
            records: *records,
        },
        EventKind::ProduceAssumed { batch, producer: p } => EventLine::ProduceAssumed {
            producer: producer(*p),
            batch: *batch,
        },
        EventKind::FetchSent {
            member: m,
            broker: b,
            positions,
            ..
        } => EventLine::FetchSent {
            member: member(*m),
            broker: broker(*b),
            positions: positions.iter().map(|(t, o)| (tp(*t), *o)).collect(),
        },
        EventKind::FetchAnswered {
            member: m,
            broker: b,
            records,
            ..
        } => EventLine::FetchAnswered {
            broker: broker(*b),
            member: member(*m),
            records: *records,
        },
        EventKind::RecordConsumed {
            member: m,
            tp: t,
            offset,
            record,
            ..
        } => EventLine::RecordConsumed {
            member: member(*m),
            record: *record,
            tp: tp(*t),
            offset: *offset,
        },
        EventKind::OffsetCommitted {
            group,
            member: m,
            tp: t,
            offset,
        } => EventLine::OffsetCommitted {
            group: sim.group_name(*group),
            tp: tp(*t),
            offset: *offset,
            member: member(*m),
        },
        EventKind::PartitionsAssigned {
            group,
            generation,
            assignment,
        } => EventLine::PartitionsAssigned {
            group: sim.group_name(*group),
            generation: *generation,
            assignor: sim
                .groups()
                .get(group.0 as usize)
                .map(|g| g.config.assignor),
            assignment: assignment
                .iter()
                .map(|(m, tps)| (member(*m), tps.iter().map(|t| t.partition).collect()))
                .collect(),
        },
        EventKind::ProducerRateChanged {
            producer: p,
            records_per_sec,
        } => EventLine::ProducerRate {
            producer: producer(*p),
            records_per_sec: *records_per_sec,
        },
        EventKind::SegmentRolled {
            tp: t,
            broker: b,
            base_offset,
            reason,
        } => EventLine::SegmentRolled {
            broker: broker(*b),
            tp: tp(*t),
            base_offset: *base_offset,
            reason: *reason,
        },
        EventKind::SegmentsDeleted {
            tp: t,
            broker: b,
            reason,
            segments,
            first_offset,
            end_offset,
            records,
            bytes,
        } => EventLine::SegmentsDeleted {
            broker: broker(*b),
            segments: *segments,
            tp: tp(*t),
            first: *first_offset,
            end: *end_offset,
            records: *records,
            bytes: *bytes,
            reason: *reason,
        },
        EventKind::LogStartOffsetMoved {
            tp: t,
            broker: b,
            log_start_offset,
            cause,
        } => EventLine::LogStartMoved {
            tp: tp(*t),
            broker: broker(*b),
            log_start_offset: *log_start_offset,
            cause: *cause,
        },
        EventKind::LogCompacted {
            tp: t,
            broker: b,
            end_offset,
            dirty_ratio_percent,
            superseded,
            tombstones_removed,
            keyless,
            bytes_before,
            bytes_after,
            segments_before,
            segments_after,
        } => EventLine::LogCompacted {
            broker: broker(*b),
            tp: tp(*t),
            end_offset: *end_offset,
            dirty_percent: *dirty_ratio_percent,
            superseded: *superseded,
            tombstones: *tombstones_removed,
            keyless: *keyless,
            bytes_before: *bytes_before,
            bytes_after: *bytes_after,
            segments_before: *segments_before,
            segments_after: *segments_after,
        },
        EventKind::ConsumerOffsetReset {
            group,
            member: m,
            tp: t,
            from_offset,
            to_offset,
            policy,
            log_start_offset,
            log_end_offset,
        } => EventLine::ConsumerOffsetReset {
            member: member(*m),
            group: sim.group_name(*group),
            from: *from_offset,
            tp: tp(*t),
            to: *to_offset,
            policy: *policy,
            log_start_offset: *log_start_offset,
            log_end_offset: *log_end_offset,
        },
        EventKind::FollowerOutOfRange {
            tp: t,
            broker: b,
            fetch_offset,
            leader_log_start_offset,
            dropped,
        } => EventLine::FollowerOutOfRange {
            broker: broker(*b),
            fetch_offset: *fetch_offset,
            tp: tp(*t),
            leader_log_start: *leader_log_start_offset,
            dropped: *dropped,
        },
        EventKind::TopicConfigChanged {
            topic,
            name,
            old,
            new,
        } => EventLine::TopicConfigChanged {
            topic: sim.topic_name(*topic),
            name: name.clone(),
            new: new.clone(),
            old: old.clone(),
        },
        EventKind::RetentionCheckIntervalChanged { interval_ms } => {
            EventLine::RetentionCheckInterval {
                interval_ms: *interval_ms,
            }
        }
        EventKind::BrokerStopped { broker: b, clean } => EventLine::BrokerStopped {
            broker: broker(*b),
            clean: *clean,
        },
        EventKind::BrokerStarted { broker: b } => EventLine::BrokerStarted { broker: broker(*b) },
        EventKind::BrokerFenced { broker: b } => EventLine::BrokerFenced { broker: broker(*b) },
        EventKind::BrokerSlowed {
            broker: b,
            extra_latency_ms,
        } => EventLine::BrokerSlowed {
            broker: broker(*b),
            extra_latency_ms: *extra_latency_ms,
        },
        EventKind::LinkChanged { a, b, up } => EventLine::LinkChanged {
            a: sim.node_name(*a),
            b: sim.node_name(*b),
            up: *up,
        },
        EventKind::MessageDropped {
            kind,
            from,
            to,
            reason,
            ..
        } => EventLine::MessageDropped {
            kind,
            from: sim.node_name(*from),
            to: sim.node_name(*to),
            reason: *reason,
        },
        EventKind::LeaderElected {
            tp: t,
            leader,
            leader_epoch,
            kind,
        } => EventLine::LeaderElected {
            tp: tp(*t),
            leader: leader.map(broker),
            leader_epoch: *leader_epoch,
            kind: *kind,
        },
        EventKind::IsrChanged { tp: t, isr, reason } => EventLine::IsrChanged {
            tp: tp(*t),
            isr: isr.iter().map(|b| b.0).collect(),
            reason: *reason,
        },
        EventKind::ProduceFailed {
            batch,
            producer: p,
            tp: t,
            error,
        } => EventLine::ProduceFailed {
            producer: producer(*p),
            error: *error,
            batch: *batch,
            tp: tp(*t),
        },
        EventKind::FollowerTruncated {
            tp: t,
            broker: b,
            from_offset,
            to_offset,
        } => EventLine::FollowerTruncated {
            broker: broker(*b),
            tp: tp(*t),
            from: *from_offset,
            to: *to_offset,
        },
        EventKind::RecordsDiscarded { tp: t, records } => EventLine::RecordsDiscarded {
            records: *records,
            tp: tp(*t),
        },
        EventKind::RecordsLost {
            tp: t,
            records,
            acknowledged,
            reason,
        } => EventLine::RecordsLost {
            records: *records,
            tp: tp(*t),
            acknowledged: *acknowledged,
            reason: *reason,
        },
        EventKind::StickySwitched {
            producer: p,
            topic,
            from,
            to,
            reason,
            produced_bytes,
            weights,
        } => EventLine::StickySwitched {
            producer: producer(*p),
            from: from.map(|f| tp_of(sim, *topic, f)),
            produced_bytes: *produced_bytes,
            to: tp_of(sim, *topic, *to),
            reason: *reason,
            weights: weights.clone(),
        },
        EventKind::RequestTimedOut {
            producer: p,
            broker: b,
            batches,
        } => EventLine::RequestTimedOut {
            producer: producer(*p),
            broker: broker(*b),
            batches: batches.len(),
        },
        EventKind::ProduceRetried {
            batch,
            producer: p,
            tp: t,
            next_attempt,
        } => EventLine::ProduceRetried {
            producer: producer(*p),
            batch: *batch,
            tp: tp(*t),
            next_attempt: *next_attempt,
        },
        EventKind::BatchExpired {
            batch,
            producer: p,
            tp: t,
            records,
        } => EventLine::BatchExpired {
            producer: producer(*p),
            batch: *batch,
            tp: tp(*t),
            records: *records,
        },
        EventKind::DuplicateIgnored {
            batch,
            broker: b,
            tp: t,
            base_offset,
        } => EventLine::DuplicateIgnored {
            broker: broker(*b),
            batch: *batch,
            tp: tp(*t),
            base_offset: *base_offset,
        },
        EventKind::DuplicateAppended {
            batch,
            broker: b,
            tp: t,
            records,
        } => EventLine::DuplicateAppended {
            broker: broker(*b),
            batch: *batch,
            tp: tp(*t),
            records: *records,
        },
        EventKind::OutOfOrderSequence {
            batch,
            broker: b,
            tp: t,
            expected,
            got,
        } => EventLine::OutOfOrderSequence {
            broker: broker(*b),
            batch: *batch,
            tp: tp(*t),
            got: *got,
            expected: *expected,
        },
        EventKind::PartitionsAdded {
            topic,
            from,
            to,
            replicas,
        } => EventLine::PartitionsAdded {
            topic: topic_name_or(sim, *topic, "?"),
            from: *from,
            to: *to,
            replicas: replicas
                .iter()
                .map(|r| r.iter().map(|b| b.0).collect())
                .collect(),
        },
        EventKind::MetadataRefreshed {
            producer: p,
            from,
            to,
            moved_keys,
            ..
        } => EventLine::MetadataRefreshed {
            producer: producer(*p),
            from: *from,
            to: *to,
            moved: moved_keys
                .iter()
                .map(|(k, a, b)| (k.to_string(), *a, *b))
                .collect(),
        },
        EventKind::ProducerConfigChanged {
            producer: p,
            before,
            after,
        } => EventLine::ProducerConfigChanged {
            producer: producer(*p),
            changes: producer_changes(before, after),
        },
        EventKind::Group(g) => EventLine::Group(group_line(sim, g)),
    }
}
