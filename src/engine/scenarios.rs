//! Built-in scenarios. The default one is what the app opens on.

use super::config::{
    Acks, ClusterConfig, GroupConfig, LogConfig, OffsetReset, ProducerConfig, TopicConfig,
};

/// The default scene: 3 brokers, topic `orders` with 3 partitions replicated
/// 3 times (`min.insync.replicas=2`), a producer sending keyed records with
/// `acks=all`, and one consumer group reading them.
///
/// Teaching values, stated in the UI: the network is slowed to 300 ms a hop so
/// records are seen in flight, auto-commit runs every 2 s (Kafka: 5 s), a
/// follower leaves the ISR after 10 s behind (Kafka: 30 s), the producer
/// refreshes its metadata every 10 s (Kafka: 5 min), and a crashed consumer is
/// noticed after a 10 s session (Kafka: 45 s).
#[must_use]
pub fn default_scenario() -> ClusterConfig {
    let mut topic = TopicConfig::new("orders", 3);
    topic.replication_factor = 3;
    topic.min_insync_replicas = 2;
    let mut producer = ProducerConfig::new(
        "producer-1",
        "orders",
        2,
        &["alice", "bob", "carol", "dave", "erin", "민준"],
    );
    producer.acks = Acks::All;
    // Teaching value: new partitions are seen within 10 s (Kafka: 5 min).
    producer.metadata_max_age_ms = 10_000;
    let mut group = GroupConfig::new("order-audit", "orders", 1);
    group.processing_ms_per_record = 200;
    group.auto_commit_interval_ms = 2_000;
    group.auto_offset_reset = OffsetReset::Earliest;
    group.session_timeout_ms = 10_000;
    ClusterConfig {
        seed: 42,
        brokers: 3,
        network_latency_ms: 300,
        topics: vec![topic],
        producers: vec![producer],
        groups: vec![group],
        replica_lag_time_max_ms: 10_000,
        ..ClusterConfig::default()
    }
}

/// The stress scene of PRODUCT.md's budgets: 9 brokers, 24 partitions,
/// replication factor 3, 1,000 records/s, 3 groups.
#[must_use]
pub fn stress_scenario() -> ClusterConfig {
    let mut topic = TopicConfig::new("events", 24);
    topic.replication_factor = 3;
    topic.min_insync_replicas = 2;
    let keys: Vec<String> = (0..200).map(|i| format!("user-{i}")).collect();
    let key_refs: Vec<&str> = keys.iter().map(String::as_str).collect();
    let producer = ProducerConfig::new("producer-1", "events", 1_000, &key_refs);
    let groups = (1..=3)
        .map(|i| {
            let mut g = GroupConfig::new(&format!("group-{i}"), "events", 4);
            g.processing_ms_per_record = 1;
            g.auto_offset_reset = OffsetReset::Earliest;
            g
        })
        .collect();
    ClusterConfig {
        seed: 7,
        brokers: 9,
        network_latency_ms: 20,
        topics: vec![topic],
        producers: vec![producer],
        groups,
        ..ClusterConfig::default()
    }
}

/// Teaching log settings for topics in the retention scene: 600-byte
/// segments (4 records of the scene's producer), `retention.bytes` 1500,
/// `retention.ms` 60 s, `segment.ms` 30 s (Kafka: 1 GiB, unlimited, 7 days,
/// 7 days). The UI states them next to Kafka's defaults.
#[must_use]
pub fn teaching_log_config() -> LogConfig {
    LogConfig {
        retention_ms: Some(60_000),
        retention_bytes: Some(1_500),
        segment_bytes: 600,
        segment_ms: 30_000,
        ..LogConfig::default()
    }
}

/// Teaching `log.retention.check.interval.ms` (Kafka: 300000).
pub const TEACHING_RETENTION_CHECK_INTERVAL_MS: u64 = 5_000;

/// The retention scene: one partition `sensors-0` replicated on 3 brokers
/// with small segments and retention, a producer at 2 records/s, a group
/// `dashboard` that keeps up and a slow group `nightly-report` (2 s a
/// record, `auto.offset.reset=earliest`) that falls off the log start and
/// resets, skipping what retention deleted.
#[must_use]
pub fn retention_scenario() -> ClusterConfig {
    let mut topic = TopicConfig::new("sensors", 1);
    topic.replication_factor = 3;
    topic.min_insync_replicas = 2;
    topic.log = teaching_log_config();
    let mut producer =
        ProducerConfig::new("producer-1", "sensors", 2, &["temp", "door", "fan", "lamp"]);
    producer.value_bytes = 60;
    let mut fast = GroupConfig::new("dashboard", "sensors", 1);
    fast.processing_ms_per_record = 100;
    fast.auto_commit_interval_ms = 2_000;
    fast.auto_offset_reset = OffsetReset::Earliest;
    let mut slow = GroupConfig::new("nightly-report", "sensors", 1);
    slow.processing_ms_per_record = 2_000;
    slow.auto_commit_interval_ms = 2_000;
    slow.auto_offset_reset = OffsetReset::Earliest;
    ClusterConfig {
        seed: 11,
        brokers: 3,
        network_latency_ms: 200,
        topics: vec![topic],
        producers: vec![producer],
        groups: vec![fast, slow],
        replica_lag_time_max_ms: 10_000,
        log_retention_check_interval_ms: TEACHING_RETENTION_CHECK_INTERVAL_MS,
        ..ClusterConfig::default()
    }
}
