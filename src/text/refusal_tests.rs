//! Refusals in Kafka's words, byte for byte, from real configurations.

use crate::engine::config::{ClusterConfig, GroupConfig, ProducerConfig, TopicConfig};
use crate::engine::validate::validate;

fn base() -> ClusterConfig {
    let mut t = TopicConfig::new("t", 3);
    t.replication_factor = 3;
    ClusterConfig {
        topics: vec![t],
        producers: vec![ProducerConfig::new("p", "t", 10, &["k"])],
        groups: vec![GroupConfig::new("g", "t", 1)],
        ..ClusterConfig::default()
    }
}

fn refused(config: &ClusterConfig) -> String {
    validate(config).unwrap_err().to_string()
}

/// `ConfigException`'s form: "Invalid value V for configuration N: WHY".
#[test]
fn kafkas_wording_for_kafkas_ranges() {
    let mut c = base();
    c.broker_session_timeout_ms = u64::MAX;
    assert_eq!(
        refused(&c),
        "INVALID_CONFIG: Invalid value 18446744073709551615 for configuration broker.session.timeout.ms: Not a number of type INT"
    );
    let mut c = base();
    c.producers[0].max_in_flight = 0;
    assert_eq!(
        refused(&c),
        "INVALID_CONFIG: Invalid value 0 for configuration max.in.flight.requests.per.connection: Value must be at least 1"
    );
    let mut c = base();
    c.groups[0].max_poll_records = 0;
    assert_eq!(
        refused(&c),
        "INVALID_CONFIG: Invalid value 0 for configuration max.poll.records: Value must be at least 1"
    );
    let mut c = base();
    c.log_retention_check_interval_ms = 0;
    assert_eq!(
        refused(&c),
        "INVALID_CONFIG: Invalid value 0 for configuration log.retention.check.interval.ms: Value must be at least 1"
    );
    let mut c = base();
    c.topics[0].min_insync_replicas = 0;
    assert_eq!(
        refused(&c),
        "INVALID_CONFIG: Invalid value 0 for configuration min.insync.replicas: Value must be at least 1"
    );
    let mut c = base();
    c.topics[0].log.segment_ms = 0;
    assert_eq!(
        refused(&c),
        "INVALID_CONFIG: Invalid value 0 for configuration segment.ms: Value must be at least 1"
    );
    let mut c = base();
    c.groups[0].session_timeout_ms = u64::from(u32::MAX);
    assert!(refused(&c).ends_with("session.timeout.ms: Not a number of type INT"));
    let mut c = base();
    c.groups[0].session_timeout_ms = 2_000_000;
    assert!(refused(&c).starts_with("INVALID_SESSION_TIMEOUT: The session timeout is not within the range allowed by the broker"));
}

/// `KafkaConfig` requires replica.fetch.wait.max.ms ≤ replica.lag.time.max.ms.
#[test]
fn replica_lag_time_below_the_fetch_wait_is_refused() {
    let mut c = base();
    c.replica_lag_time_max_ms = 499;
    assert!(refused(&c).contains(
        "replica.fetch.wait.max.ms should always be less than or equal to replica.lag.time.max.ms"
    ));
    c.replica_lag_time_max_ms = 500;
    assert!(validate(&c).is_ok());
    c.replica_lag_time_max_ms = u64::MAX;
    assert!(refused(&c).ends_with("Not a number of type LONG"));
}

#[test]
fn the_simulators_limits_name_kafkas_range_beside_their_own() {
    let mut c = base();
    c.producers[0].metadata_max_age_ms = 0;
    assert_eq!(
        refused(&c),
        "metadata.max.age.ms is 0; kafkascope takes 100 to 3600000 ms (Kafka: 0 to 9223372036854775807)"
    );
    let mut c = base();
    c.network_latency_ms = 0;
    assert_eq!(
        refused(&c),
        "network latency (ms) is 0; kafkascope takes 1 to 60000 ms"
    );
}

#[test]
fn traffic_is_bounded_by_record_copies_per_second() {
    let mut c = base();
    c.brokers = 16;
    c.topics[0].replication_factor = 16;
    c.producers = (0..8)
        .map(|i| ProducerConfig::new(&format!("p{i}"), "t", 10_000, &[]))
        .collect();
    assert_eq!(
        refused(&c),
        "the producers would write 1280000 record copies per simulated second (records/s × replication factor, summed over producers); kafkascope takes at most 30000 (42.7× over)"
    );
}

#[test]
fn long_names_are_quoted_short() {
    let mut c = base();
    c.topics[0].name = "x".repeat(40_000);
    let m = refused(&c);
    assert!(m.len() < 400, "{} characters", m.len());
    let mut c = base();
    c.topics[0].name = "ä".repeat(40_000);
    assert!(refused(&c).chars().count() < 400);
}

#[test]
fn commands_are_refused_in_kafkas_words() {
    use crate::engine::scenarios::default_scenario;
    use crate::engine::{Command, ProducerId, Sim};
    let mut sim = Sim::new(default_scenario()).unwrap();
    let refused = |sim: &mut Sim, c: Command| sim.apply(c).unwrap_err().to_string();
    let add = |total| Command::AddPartitions {
        topic: "orders".into(),
        total,
    };
    assert_eq!(
        refused(&mut sim, add(2)),
        "INVALID_PARTITIONS: The topic orders currently has 3 partition(s); 2 would not be an increase."
    );
    assert_eq!(
        refused(&mut sim, add(3)),
        "INVALID_PARTITIONS: Topic already has 3 partition(s)."
    );
    assert_eq!(
        refused(
            &mut sim,
            Command::ProduceToPartition {
                producer: ProducerId(0),
                partition: 3,
                key: None,
                value: "v".into(),
            }
        ),
        "Invalid partition given with record: 3 is not in the range [0...3)."
    );
}
