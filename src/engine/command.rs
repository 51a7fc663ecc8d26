//! Commands: the only way anything outside the engine changes it.

use std::fmt;

use super::config::ProducerConfig;
use super::ids::ProducerId;

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
