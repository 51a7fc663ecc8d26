//! The whole cluster's configuration: counts, broker settings, then every
//! topic, producer and group.

use super::clients::*;
use super::numeric::*;
use super::topic::*;
use crate::engine::vocab::config::ClusterConfig;
use crate::engine::vocab::fixed_settings::REPLICA_FETCH_WAIT_MAX_MS;
use crate::engine::vocab::limits::*;
use crate::engine::vocab::refusal::{Counted, Refusal, RefusalReason};

// ----- topics and logs ---------------------------------------------------------

/// Checks `replica.lag.time.max.ms`: a LONG, and at least
/// `replica.fetch.wait.max.ms` (`KafkaConfig`'s startup requirement).
pub fn check_replica_lag_time_max_ms(value: u64) -> Result<(), Refusal> {
    if let Some(r) = REPLICA_LAG_TIME_MAX_MS.kafka_refusal(value) {
        return Err(r);
    }
    let fetch_wait = REPLICA_FETCH_WAIT_MAX_MS;
    if value < fetch_wait {
        return Err(RefusalReason::ReplicaLagBelowFetchWait {
            fetch_wait_ms: fetch_wait,
            lag_ms: value,
        }
        .into());
    }
    Ok(())
}

/// Refuses what Kafka would refuse and what passes the simulator's limits.
pub fn validate(config: &ClusterConfig) -> Result<(), Refusal> {
    count(
        Counted::Brokers,
        config.brokers.into(),
        1,
        MAX_BROKERS.into(),
    )?;
    NETWORK_LATENCY_MS.check(config.network_latency_ms)?;
    check_replica_lag_time_max_ms(config.replica_lag_time_max_ms)?;
    BROKER_SESSION_TIMEOUT_MS.check(config.broker_session_timeout_ms)?;
    LOG_RETENTION_CHECK_INTERVAL_MS.check(config.log_retention_check_interval_ms)?;
    count(
        Counted::Topics,
        config.topics.len() as u64,
        0,
        MAX_TOPICS.into(),
    )?;
    count(
        Counted::Producers,
        config.producers.len() as u64,
        0,
        MAX_PRODUCERS.into(),
    )?;
    count(
        Counted::Groups,
        config.groups.len() as u64,
        0,
        MAX_GROUPS.into(),
    )?;
    for (i, t) in config.topics.iter().enumerate() {
        validate_topic_name(&t.name)?;
        if config.topics[..i].iter().any(|o| o.name == t.name) {
            return Err(RefusalReason::TopicExists {
                name: t.name.clone(),
            }
            .into());
        }
        // ReplicationControlManager.createTopic's order: the replication
        // factor, then the partition count, then the replica placer.
        if t.replication_factor == 0 {
            return Err(RefusalReason::ZeroReplicationFactor.into());
        }
        if t.partitions == 0 {
            return Err(RefusalReason::NoPartitions.into());
        }
        count(
            Counted::PartitionsOf(t.name.clone()),
            t.partitions.into(),
            1,
            MAX_PARTITIONS.into(),
        )?;
        if t.replication_factor > config.brokers {
            return Err(RefusalReason::ReplicationFactorAboveBrokers {
                replication_factor: t.replication_factor,
                brokers: config.brokers,
            }
            .into());
        }
        validate_log_config(&t.log)?;
        MIN_INSYNC_REPLICAS.check(t.min_insync_replicas.into())?;
    }
    let known = |name: &str| config.topics.iter().any(|t| t.name == name);
    for p in &config.producers {
        if !known(&p.topic) {
            return Err(RefusalReason::ProducerTopicUnknown {
                producer: p.name.clone(),
                topic: p.topic.clone(),
            }
            .into());
        }
        validate_producer(p)?;
    }
    check_record_copies(record_copies_per_sec(config, |_, p| p.records_per_sec))?;
    for g in &config.groups {
        validate_group(g, known(&g.topic))?;
    }
    Ok(())
}
