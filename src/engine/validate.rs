//! Checks a [`ClusterConfig`] before a cluster is built: Kafka's own rules,
//! with Kafka's error names and messages, and the simulator's limits.

use super::command::Refusal;
use super::config::{ClusterConfig, ProducerConfig};

use super::consumer::validate_group;
use super::limits::*;

fn within(what: &str, value: u64, min: u64, max: u64) -> Result<(), Refusal> {
    if value < min || value > max {
        Err(Refusal::limit(format!(
            "{what} is {value}; it must be from {min} to {max}"
        )))
    } else {
        Ok(())
    }
}

/// Checks one producer's settings: the simulator's limits and Kafka's own
/// rule that `delivery.timeout.ms ≥ linger.ms + request.timeout.ms`.
pub fn validate_producer(p: &ProducerConfig) -> Result<(), Refusal> {
    within(
        &format!("the rate of {} (records/s)", p.name),
        p.records_per_sec.into(),
        0,
        MAX_RECORDS_PER_SEC.into(),
    )?;
    within(
        &format!("the key count of {}", p.name),
        p.keys.len() as u64,
        0,
        MAX_KEYS.into(),
    )?;
    for k in &p.keys {
        within(
            "a key's length (bytes)",
            k.len() as u64,
            0,
            MAX_TEXT_BYTES.into(),
        )?;
    }
    within(
        "a value's size (bytes)",
        p.value_bytes.into(),
        0,
        MAX_TEXT_BYTES.into(),
    )?;
    within("batch.size", p.batch_size.into(), 1, 1 << 20)?;
    within("linger.ms", p.linger_ms, 0, 60_000)?;
    within(
        "max.in.flight.requests.per.connection",
        p.max_in_flight.into(),
        1,
        100,
    )?;
    within("request.timeout.ms", p.request_timeout_ms, 1, 3_600_000)?;
    within("delivery.timeout.ms", p.delivery_timeout_ms, 1, 3_600_000)?;
    within("retry.backoff.ms", p.retry_backoff_ms, 0, 60_000)?;
    within("metadata.max.age.ms", p.metadata_max_age_ms, 100, 3_600_000)?;
    if p.delivery_timeout_ms < p.linger_ms + p.request_timeout_ms {
        return Err(Refusal::kafka(
            "INVALID_CONFIG",
            "delivery.timeout.ms should be equal to or larger than linger.ms + request.timeout.ms",
        ));
    }
    Ok(())
}

/// Refuses what Kafka would refuse and what passes the simulator's limits.
pub fn validate(config: &ClusterConfig) -> Result<(), Refusal> {
    let within = |what: &str, value: u64, min: u64, max: u64| {
        if value < min || value > max {
            Err(Refusal::limit(format!(
                "{what} is {value}; it must be from {min} to {max}"
            )))
        } else {
            Ok(())
        }
    };
    within(
        "the number of brokers",
        config.brokers.into(),
        1,
        MAX_BROKERS.into(),
    )?;
    within(
        "network latency (ms)",
        config.network_latency_ms,
        1,
        MAX_LATENCY_MS,
    )?;
    within(
        "the number of topics",
        config.topics.len() as u64,
        0,
        MAX_TOPICS.into(),
    )?;
    within(
        "the number of producers",
        config.producers.len() as u64,
        0,
        MAX_PRODUCERS.into(),
    )?;
    within(
        "the number of groups",
        config.groups.len() as u64,
        0,
        MAX_GROUPS.into(),
    )?;
    if config.log_retention_check_interval_ms < MIN_RETENTION_CHECK_INTERVAL_MS
        || config.log_retention_check_interval_ms > 86_400_000
    {
        within(
            "log.retention.check.interval.ms",
            config.log_retention_check_interval_ms,
            MIN_RETENTION_CHECK_INTERVAL_MS,
            86_400_000,
        )?;
    }
    for (i, t) in config.topics.iter().enumerate() {
        if t.name.is_empty()
            || t.name.len() > 249
            || !t
                .name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_' || c == '-')
            || t.name == "."
            || t.name == ".."
        {
            return Err(Refusal::kafka(
                "INVALID_TOPIC_EXCEPTION",
                format!(
                    "Topic name \"{}\" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'",
                    t.name
                ),
            ));
        }
        if config.topics[..i].iter().any(|o| o.name == t.name) {
            return Err(Refusal::kafka(
                "TOPIC_ALREADY_EXISTS",
                format!("Topic '{}' already exists.", t.name),
            ));
        }
        if t.partitions == 0 {
            return Err(Refusal::kafka(
                "INVALID_PARTITIONS",
                "Number of partitions must be larger than 0.",
            ));
        }
        within(
            &format!("the partition count of {}", t.name),
            t.partitions.into(),
            1,
            MAX_PARTITIONS.into(),
        )?;
        if t.replication_factor == 0 {
            return Err(Refusal::kafka(
                "INVALID_REPLICATION_FACTOR",
                "Replication factor must be larger than 0.",
            ));
        }
        if t.replication_factor > config.brokers {
            return Err(Refusal::kafka(
                "INVALID_REPLICATION_FACTOR",
                format!(
                    "The target replication factor of {} cannot be reached because only {} broker(s) are registered.",
                    t.replication_factor, config.brokers
                ),
            ));
        }
        super::retention::validate_log_config(&t.log)?;
        if t.min_insync_replicas == 0 {
            return Err(Refusal::kafka(
                "INVALID_CONFIG",
                "Invalid value 0 for configuration min.insync.replicas: Value must be at least 1",
            ));
        }
    }
    let known = |name: &str| config.topics.iter().any(|t| t.name == name);
    for p in &config.producers {
        if !known(&p.topic) {
            return Err(Refusal::kafka(
                "UNKNOWN_TOPIC_OR_PARTITION",
                format!(
                    "{}: topic {} does not exist (auto-creation is off here)",
                    p.name, p.topic
                ),
            ));
        }
        validate_producer(p)?;
    }
    for g in &config.groups {
        validate_group(g, known(&g.topic))?;
    }
    Ok(())
}
