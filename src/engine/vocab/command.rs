//! Commands: the only way anything outside the engine changes it.

use super::config::{Assignor, CommitMode, GroupConfig, ProducerConfig, RebalanceProtocol};
use super::ids::{BrokerId, GroupIdx, MemberId, Node, ProducerId, TopicIdx};

/// A change asked of the engine, applied at the current simulated time.
#[derive(serde::Serialize, serde::Deserialize, Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Command {
    /// A producer sends one record typed by hand.
    Produce {
        /// Which producer.
        producer: ProducerId,
        /// The key (`None`: a null key).
        key: Option<String>,
        /// The value.
        value: String,
    },
    /// Change a producer's steady rate (0 stops it).
    SetProducerRate {
        /// Which producer.
        producer: ProducerId,
        /// New rate, records per simulated second.
        records_per_sec: u32,
    },
    /// Controlled shutdown: the controller moves the broker's leaderships
    /// first, then the broker stops.
    StopBroker(BrokerId),
    /// The broker's process dies at once; the controller notices when its
    /// session expires (`broker.session.timeout.ms`).
    CrashBroker(BrokerId),
    /// Start a stopped or crashed broker; its replicas truncate and catch up.
    StartBroker(BrokerId),
    /// Add latency to every message to or from a broker (0: normal).
    SetBrokerSlow {
        /// The broker.
        broker: BrokerId,
        /// Extra latency, ms.
        extra_latency_ms: u64,
    },
    /// Cut the network link between two nodes (both directions).
    CutLink {
        /// One end.
        a: Node,
        /// The other end.
        b: Node,
    },
    /// Heal a cut link.
    HealLink {
        /// One end.
        a: Node,
        /// The other end.
        b: Node,
    },
    /// Set a topic's `unclean.leader.election.enable`.
    SetUncleanLeaderElection {
        /// The topic.
        topic: TopicIdx,
        /// The new value.
        enabled: bool,
    },
    /// A producer sends a tombstone typed by hand: a key with a null value,
    /// which deletes the key from a compacted topic.
    ProduceTombstone {
        /// Which producer.
        producer: ProducerId,
        /// The key.
        key: String,
    },
    /// `AlterConfigs` on a topic (`kafka-configs --alter --add-config
    /// name=value`): one of `retention.ms`, `retention.bytes`,
    /// `segment.bytes`, `segment.ms`, `cleanup.policy`,
    /// `delete.retention.ms`, `min.cleanable.dirty.ratio`, as text (`-1`
    /// means no limit). Refused with Kafka's `INVALID_CONFIG` wording.
    AlterTopicConfig {
        /// The topic.
        topic: TopicIdx,
        /// The config name.
        name: String,
        /// The value, as text.
        value: String,
    },
    /// Set every broker's `log.retention.check.interval.ms`.
    SetRetentionCheckInterval {
        /// The new interval, ms.
        interval_ms: u64,
    },
    /// Move every partition's leadership back to its preferred replica where
    /// that replica is alive and in sync (`kafka-leader-election.sh --election-type PREFERRED`).
    ElectPreferredLeaders,
    /// A producer sends one record typed by hand to a partition it names
    /// (the partitioner is not asked).
    ProduceToPartition {
        /// Which producer.
        producer: ProducerId,
        /// The partition named by the record.
        partition: u32,
        /// The key (`None`: a null key).
        key: Option<String>,
        /// The value.
        value: String,
    },
    /// Replace a producer's configuration (partitioner, `batch.size`,
    /// `linger.ms`, compression, `acks`, sync/async, keys…). Kafka fixes a
    /// producer's settings at creation: this stands for the application
    /// restarting its producer with new ones. Name and topic stay.
    SetProducerConfig {
        /// Which producer.
        producer: ProducerId,
        /// The new configuration.
        config: Box<ProducerConfig>,
    },
    /// `CreatePartitions`: raise a topic's partition count to `total`
    /// (Kafka never lowers it). Keys may move to other partitions.
    AddPartitions {
        /// The topic, by name.
        topic: String,
        /// The new partition count.
        total: u32,
    },

    // ----- consumer groups ----------------------------------------------
    /// A new consumer starts in a group and joins it (a rebalance follows).
    AddMember {
        /// The group.
        group: GroupIdx,
        /// `group.instance.id` for a static member (sorted first by range
        /// and round robin; it does not send LeaveGroup when closed).
        instance_id: Option<String>,
    },
    /// A consumer closes cleanly: commits (auto-commit), then LeaveGroup.
    RemoveMember {
        /// The member.
        member: MemberId,
    },
    /// A consumer's process dies: no commit, no LeaveGroup; the coordinator
    /// notices after `session.timeout.ms`.
    CrashMember {
        /// The member.
        member: MemberId,
    },
    /// `consumer.pause()` (true) or `resume()` (false) on all its partitions.
    PauseMember {
        /// The member.
        member: MemberId,
        /// Pause or resume.
        paused: bool,
    },
    /// A slow (or fast) consumer: processing time of one record.
    SetProcessingTime {
        /// The member.
        member: MemberId,
        /// Milliseconds per record.
        ms_per_record: u64,
    },
    /// Changes `partition.assignment.strategy` for the whole group (the
    /// protocol follows: cooperative for cooperative-sticky); it rebalances.
    SetAssignor {
        /// The group.
        group: GroupIdx,
        /// The assignor.
        assignor: Assignor,
    },
    /// Changes the rebalance protocol; it rebalances.
    SetRebalanceProtocol {
        /// The group.
        group: GroupIdx,
        /// The protocol.
        protocol: RebalanceProtocol,
    },
    /// Automatic or manual commits.
    SetCommitMode {
        /// The group.
        group: GroupIdx,
        /// The mode.
        mode: CommitMode,
    },
    /// Starts another consumer group.
    AddGroup(GroupConfig),
    /// The member owning a partition seeks.
    Seek {
        /// The group.
        group: GroupIdx,
        /// The partition of the group's topic.
        partition: u32,
        /// Where to.
        target: SeekTarget,
    },
}

pub use super::refusal::Refusal;

/// Where a seek moves a member's position.
#[derive(serde::Serialize, serde::Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeekTarget {
    /// A given offset (`seek`); beyond the log end it gets OFFSET_OUT_OF_RANGE.
    Offset(u64),
    /// The log start offset (`seekToBeginning`).
    Beginning,
    /// The high watermark (`seekToEnd`, read_uncommitted).
    End,
    /// The first record with a timestamp at or after this time
    /// (`offsetsForTimes`), or the end when there is none.
    Timestamp(u64),
}
