//! Built-in scenarios. The default one is what the app opens on.

use super::config::{
    Acks, ClusterConfig, GroupConfig, OffsetReset, ProducerConfig, TopicConfig,
    DEFAULT_BROKER_SESSION_TIMEOUT_MS, DEFAULT_LOG_RETENTION_CHECK_INTERVAL_MS,
    DEFAULT_REPLICA_LAG_TIME_MAX_MS,
};

/// The default scene: 3 brokers, topic `orders` with 3 partitions replicated
/// 3 times (`min.insync.replicas=2`), a producer sending keyed records with
/// `acks=all`, and one consumer group reading them.
///
/// Teaching values, stated in the UI: the network is slowed to 300 ms a hop so
/// records are seen in flight, auto-commit runs every 2 s (Kafka: 5 s), and a
/// follower leaves the ISR after 10 s behind (Kafka: 30 s).
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
    let mut group = GroupConfig::new("order-audit", "orders", 1);
    group.processing_ms_per_record = 200;
    group.auto_commit_interval_ms = 2_000;
    group.auto_offset_reset = OffsetReset::Earliest;
    ClusterConfig {
        seed: 42,
        brokers: 3,
        network_latency_ms: 300,
        topics: vec![topic],
        producers: vec![producer],
        groups: vec![group],
        replica_lag_time_max_ms: 10_000,
        broker_session_timeout_ms: DEFAULT_BROKER_SESSION_TIMEOUT_MS,
        log_retention_check_interval_ms: DEFAULT_LOG_RETENTION_CHECK_INTERVAL_MS,
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
        replica_lag_time_max_ms: DEFAULT_REPLICA_LAG_TIME_MAX_MS,
        broker_session_timeout_ms: DEFAULT_BROKER_SESSION_TIMEOUT_MS,
        log_retention_check_interval_ms: DEFAULT_LOG_RETENTION_CHECK_INTERVAL_MS,
    }
}
