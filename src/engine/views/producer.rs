//! The producer read model: the settings the picture shows, the
//! partitioner's latest decision (kept by the producer part as it decides,
//! not searched for in the event log), and its batches and counters.

use std::collections::BTreeMap;

use crate::engine::parts::producer::{LatestDecision, Producer};
use crate::engine::vocab::config::{Acks, Compression, Partitioner, SendMode};
use crate::engine::vocab::ids::{BrokerId, ProducerId, TopicIdx};

/// A producer client's state as the picture and the producer panel show it.
#[derive(Clone, Debug, PartialEq)]
pub struct ProducerView {
    /// Its id.
    pub id: ProducerId,
    /// Its name (`client.id`).
    pub name: String,
    /// The topic it writes to.
    pub topic: TopicIdx,
    /// Records it creates per second at its steady rate (0: only by hand).
    pub records_per_sec: u32,
    /// `acks`: 0, 1 or all.
    pub acks: Acks,
    /// `partitioner.class` (none: the built-in partitioner).
    pub partitioner: Partitioner,
    /// `partitioner.ignore.keys`: keyed records are spread like null keys.
    pub ignore_keys: bool,
    /// `partitioner.adaptive.partitioning.enable`.
    pub adaptive: bool,
    /// `compression.type`.
    pub compression: Compression,
    /// `batch.size`, bytes.
    pub batch_size: u32,
    /// `linger.ms`.
    pub linger_ms: u64,
    /// `max.in.flight.requests.per.connection`.
    pub max_in_flight: u32,
    /// `enable.idempotence`.
    pub enable_idempotence: bool,
    /// Sync (`send().get()`) or async sends.
    pub mode: SendMode,
    /// How many keys its records cycle through (0: null keys).
    pub key_count: usize,
    /// Partitions of its topic as of its last metadata refresh.
    pub known_partitions: u32,
    /// The built-in partitioner's current sticky partition for null keys.
    pub sticky_partition: Option<u32>,
    /// The partitioner's decision for its latest record (`None` before the
    /// first record): key, partition, and why (murmur2 % n, sticky, round
    /// robin, or named by the record).
    pub latest_decision: Option<LatestDecision>,
    /// Records waiting in its accumulator.
    pub queued_records: usize,
    /// Batches waiting in its accumulator.
    pub queued_batches: usize,
    /// Batches sent and not yet answered.
    pub batches_in_flight: usize,
    /// Unanswered produce requests per broker (only brokers with some).
    pub requests_in_flight: BTreeMap<BrokerId, u32>,
    /// Sync mode: the application waits for an acknowledgement.
    pub blocked: bool,
    /// Records acknowledged.
    pub acknowledged: u64,
    /// Batches sent again after a failure.
    pub retries: u64,
    /// Records that failed to the application (`delivery.timeout.ms` passed).
    pub expired: u64,
}

/// Builds the view of one producer.
pub(super) fn producer_view(p: &Producer) -> ProducerView {
    let c = &p.config;
    ProducerView {
        id: p.id,
        name: c.name.clone(),
        topic: p.topic,
        records_per_sec: c.records_per_sec,
        acks: c.acks,
        partitioner: c.partitioner,
        ignore_keys: c.ignore_keys,
        adaptive: c.adaptive,
        compression: c.compression,
        batch_size: c.batch_size,
        linger_ms: c.linger_ms,
        max_in_flight: c.max_in_flight,
        enable_idempotence: c.enable_idempotence,
        mode: c.mode,
        key_count: p.keys.len(),
        known_partitions: p.known_partitions,
        sticky_partition: p.sticky.partition,
        latest_decision: p.last_decision.clone(),
        queued_records: p.queued_records(),
        queued_batches: p.accumulator.values().map(|q| q.len()).sum(),
        batches_in_flight: p.sent.len(),
        requests_in_flight: p
            .in_flight
            .iter()
            .filter(|(_, n)| **n > 0)
            .map(|(b, n)| (*b, *n))
            .collect(),
        blocked: p.blocked(),
        acknowledged: p.acknowledged,
        retries: p.retries,
        expired: p.failed,
    }
}
