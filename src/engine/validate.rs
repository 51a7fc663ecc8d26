//! Checks a [`ClusterConfig`] before a cluster is built: Kafka's own rules,
//! with Kafka's error names and messages, and the simulator's limits.

use super::command::Refusal;
use super::config::ClusterConfig;
use super::limits::*;

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
    }
    for g in &config.groups {
        if !known(&g.topic) {
            return Err(Refusal::kafka(
                "UNKNOWN_TOPIC_OR_PARTITION",
                format!("{}: topic {} does not exist", g.group_id, g.topic),
            ));
        }
        if g.group_id.is_empty() {
            return Err(Refusal::kafka(
                "INVALID_GROUP_ID",
                "The configured groupId is invalid",
            ));
        }
        within(
            &format!("the members of {}", g.group_id),
            g.members.into(),
            0,
            MAX_MEMBERS.into(),
        )?;
        within("max.poll.records", g.max_poll_records.into(), 1, 10_000)?;
        within("fetch.max.wait.ms", g.fetch_max_wait_ms, 1, 60_000)?;
        within(
            "auto.commit.interval.ms",
            g.auto_commit_interval_ms,
            1,
            3_600_000,
        )?;
        within(
            "processing time per record (ms)",
            g.processing_ms_per_record,
            0,
            60_000,
        )?;
    }
    Ok(())
}
