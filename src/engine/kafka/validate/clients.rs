//! Client settings: a producer's (`ProducerConfig`), a group's
//! (`ConsumerConfig`, the coordinator's session bounds), and the cluster's
//! traffic limit on producer rates.

use super::numeric::*;
use crate::engine::vocab::config::{
    Assignor, ClusterConfig, GroupConfig, ProducerConfig, RebalanceProtocol,
};
use crate::engine::vocab::limits::*;
use crate::engine::vocab::refusal::{Counted, Refusal, RefusalReason};

/// Checks one producer's settings: Kafka's ranges (`ProducerConfig`), the
/// simulator's limits, and Kafka's rule that `delivery.timeout.ms ≥
/// linger.ms + request.timeout.ms` (`KafkaProducer.configureDeliveryTimeout`).
pub fn validate_producer(p: &ProducerConfig) -> Result<(), Refusal> {
    count(
        Counted::ProducerNameBytes,
        p.name.len() as u64,
        1,
        MAX_NAME_BYTES as u64,
    )?;
    RECORDS_PER_SEC
        .check(p.records_per_sec.into())
        .map_err(|r| r.of(&p.name))?;
    count(
        Counted::KeysOf(p.name.clone()),
        p.keys.len() as u64,
        0,
        MAX_KEYS.into(),
    )?;
    if let Some(k) = p.keys.iter().find(|k| k.len() > MAX_TEXT_BYTES as usize) {
        count(Counted::KeyBytes, k.len() as u64, 0, MAX_TEXT_BYTES.into())?;
    }
    VALUE_BYTES.check(p.value_bytes.into())?;
    BATCH_SIZE.check(p.batch_size.into())?;
    LINGER_MS.check(p.linger_ms)?;
    MAX_IN_FLIGHT.check(p.max_in_flight.into())?;
    REQUEST_TIMEOUT_MS.check(p.request_timeout_ms)?;
    DELIVERY_TIMEOUT_MS.check(p.delivery_timeout_ms)?;
    RETRY_BACKOFF_MS.check(p.retry_backoff_ms)?;
    METADATA_MAX_AGE_MS.check(p.metadata_max_age_ms)?;
    if p.delivery_timeout_ms < p.linger_ms.saturating_add(p.request_timeout_ms) {
        return Err(RefusalReason::DeliveryTimeoutTooShort.into());
    }
    Ok(())
}

// ----- consumer groups -------------------------------------------------------------

/// Checks a group's configuration: Kafka's ranges (`ConsumerConfig`, the
/// broker's session bounds of `GroupCoordinatorConfig`) and the
/// simulator's limits.
pub fn validate_group(g: &GroupConfig, topic_exists: bool) -> Result<(), Refusal> {
    if g.group_id.is_empty() {
        return Err(RefusalReason::InvalidGroupId.into());
    }
    count(
        Counted::GroupIdBytes,
        g.group_id.len() as u64,
        1,
        MAX_GROUP_ID_BYTES as u64,
    )?;
    if !topic_exists {
        return Err(RefusalReason::GroupTopicUnknown {
            group: g.group_id.clone(),
            topic: g.topic.clone(),
        }
        .into());
    }
    count(
        Counted::MembersOf(g.group_id.clone()),
        g.members.into(),
        0,
        MAX_MEMBERS.into(),
    )?;
    MAX_POLL_RECORDS.check(g.max_poll_records.into())?;
    FETCH_MAX_WAIT_MS.check(g.fetch_max_wait_ms)?;
    AUTO_COMMIT_INTERVAL_MS.check(g.auto_commit_interval_ms)?;
    PROCESSING_MS_PER_RECORD.check(g.processing_ms_per_record)?;
    HEARTBEAT_INTERVAL_MS.check(g.heartbeat_interval_ms)?;
    if let Some(r) = SESSION_TIMEOUT_MS.kafka_refusal(g.session_timeout_ms) {
        return Err(r);
    }
    if g.session_timeout_ms > GROUP_MAX_SESSION_TIMEOUT_MS {
        // The coordinator answers JoinGroup with this (Errors.INVALID_SESSION_TIMEOUT).
        return Err(RefusalReason::SessionTimeoutOutsideBroker {
            session_ms: g.session_timeout_ms,
            max_ms: GROUP_MAX_SESSION_TIMEOUT_MS,
        }
        .into());
    }
    SESSION_TIMEOUT_MS.check(g.session_timeout_ms)?;
    MAX_POLL_INTERVAL_MS.check(g.max_poll_interval_ms)?;
    if g.heartbeat_interval_ms >= g.session_timeout_ms {
        // The consumer's `Heartbeat`: "Heartbeat must be set lower than the session timeout".
        return Err(RefusalReason::HeartbeatNotBelowSession.into());
    }
    if g.protocol == RebalanceProtocol::Cooperative && !g.assignor.supports_cooperative() {
        return Err(protocol_refusal(g.assignor));
    }
    Ok(())
}

// ----- the whole cluster -------------------------------------------------------------

/// Record copies the producers ask for per simulated second: each
/// producer's rate times its topic's replication factor (the work and
/// memory a cluster's traffic costs). `rate_of` gives each producer's rate.
pub(super) fn record_copies_per_sec<'a>(
    config: &'a ClusterConfig,
    rate_of: impl Fn(usize, &'a ProducerConfig) -> u32,
) -> u64 {
    config
        .producers
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let rf = config
                .topics
                .iter()
                .find(|t| t.name == p.topic)
                .map_or(1, |t| t.replication_factor);
            u64::from(rate_of(i, p)) * u64::from(rf)
        })
        .sum()
}

/// Refuses traffic above [`MAX_RECORD_COPIES_PER_SEC`].
pub(super) fn check_record_copies(copies: u64) -> Result<(), Refusal> {
    if copies > MAX_RECORD_COPIES_PER_SEC {
        return Err(RefusalReason::TrafficTooHigh {
            copies,
            max: MAX_RECORD_COPIES_PER_SEC,
        }
        .into());
    }
    Ok(())
}

/// Checks a producer's new rate against the cluster's traffic limit
/// ([`MAX_RECORD_COPIES_PER_SEC`]), the other producers at their current rates.
pub fn check_rate_change(
    config: &ClusterConfig,
    rates: &[u32],
    producer: usize,
    rate: u32,
) -> Result<(), Refusal> {
    RECORDS_PER_SEC.check(rate.into())?;
    check_record_copies(record_copies_per_sec(config, |i, _| {
        if i == producer {
            rate
        } else {
            rates.get(i).copied().unwrap_or(0)
        }
    }))
}

/// Kafka's refusal of the cooperative protocol with an eager-only assignor.
pub(crate) fn protocol_refusal(assignor: Assignor) -> Refusal {
    RefusalReason::CooperativeNeedsCooperativeSticky { assignor }.into()
}
