//! Commands: the only way anything outside the engine changes it.

use std::fmt;

use super::ids::{BrokerId, ProducerId, TopicIdx};
use super::network::Node;

/// A change asked of the engine, applied at the current simulated time.
#[derive(Clone, Debug, PartialEq, Eq)]
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
}

/// Why a configuration or command was refused, in Kafka's words where Kafka
/// has an error for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// Kafka's error name (`INVALID_REPLICATION_FACTOR`…), or `None` when the
    /// limit is the simulator's own.
    pub code: Option<&'static str>,
    /// What is wrong, in words.
    pub message: String,
}

impl Refusal {
    /// A refusal with Kafka's error name.
    #[must_use]
    pub fn kafka(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            code: Some(code),
            message: message.into(),
        }
    }

    /// A refusal by one of the simulator's own limits.
    #[must_use]
    pub fn limit(message: impl Into<String>) -> Self {
        Self {
            code: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.code {
            Some(code) => write!(f, "{code}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Refusal {}
