//! Topic settings: a topic's name, its log settings as Kafka's
//! `LogConfig.validate` checks them, and one setting changed as text
//! (`AlterConfigs`).

use super::numeric::*;
use crate::engine::kafka::decimal;
use crate::engine::vocab::config::{CleanupPolicy, LogConfig};
use crate::engine::vocab::refusal::{
    KafkaType, Refusal, RefusalReason, TopicNameProblem, ValueProblem,
};

/// Checks a topic's log settings as Kafka's `LogConfig.validate` does (its
/// `INVALID_CONFIG` wording). One difference, stated in the UI: Kafka 4
/// requires `segment.bytes` of at least 1 MiB (KIP-1030); the simulator
/// accepts Kafka 3's minimum of 14 bytes so segments show with small
/// teaching values.
pub fn validate_log_config(config: &LogConfig) -> Result<(), Refusal> {
    SEGMENT_BYTES.check(config.segment_bytes)?;
    SEGMENT_MS.check(config.segment_ms)?;
    if let Some(ms) = config.retention_ms {
        RETENTION_MS.check(ms)?;
    }
    if let Some(bytes) = config.retention_bytes {
        RETENTION_BYTES.check(bytes)?;
    }
    DELETE_RETENTION_MS.check(config.delete_retention_ms)?;
    let ratio = config.min_cleanable_dirty_ratio;
    if !(0.0..=1.0).contains(&ratio) {
        let why = if ratio > 1.0 {
            ValueProblem::NoMoreThan(1)
        } else if ratio < 0.0 {
            ValueProblem::AtLeast(0)
        } else {
            ValueProblem::NotANumber(KafkaType::Double)
        };
        return Err(invalid_value(
            &ratio.to_string(),
            "min.cleanable.dirty.ratio",
            why,
        ));
    }
    Ok(())
}

fn parse_long(name: &str, value: &str) -> Result<i64, Refusal> {
    value
        .trim()
        .parse::<i64>()
        .map_err(|_| invalid_value(value, name, ValueProblem::NotANumber(KafkaType::Long)))
}

/// `config` with the topic config `name` set to `value` (text, as
/// `kafka-configs --alter --add-config name=value` takes it), or Kafka's
/// refusal (`LogConfig`'s ranges).
pub fn with_topic_config(
    config: &LogConfig,
    name: &str,
    value: &str,
) -> Result<LogConfig, Refusal> {
    let mut c = *config;
    let long_at_least = |min: i64| -> Result<u64, Refusal> {
        let v = parse_long(name, value)?;
        if v < min {
            return Err(invalid_value(value, name, ValueProblem::AtLeast(min)));
        }
        Ok(v as u64)
    };
    match name {
        "retention.ms" => {
            let v = parse_long(name, value)?;
            if v < -1 {
                return Err(invalid_value(value, name, ValueProblem::AtLeast(-1)));
            }
            c.retention_ms = u64::try_from(v).ok();
        }
        "retention.bytes" => {
            // Any negative value means no limit.
            c.retention_bytes = u64::try_from(parse_long(name, value)?).ok();
        }
        "segment.bytes" => {
            let v = value.trim().parse::<i32>().map_err(|_| {
                invalid_value(value, name, ValueProblem::NotANumber(KafkaType::Int))
            })?;
            if v < 14 {
                return Err(invalid_value(value, name, ValueProblem::AtLeast(14)));
            }
            c.segment_bytes = v as u64;
        }
        "segment.ms" => c.segment_ms = long_at_least(1)?,
        "delete.retention.ms" => c.delete_retention_ms = long_at_least(0)?,
        "min.cleanable.dirty.ratio" => {
            // Same reading as `str::parse::<f64>`, without its tables.
            let v = decimal::parse_f64(value.trim())
                .filter(|v| v.is_finite())
                .ok_or_else(|| {
                    invalid_value(value, name, ValueProblem::NotANumber(KafkaType::Double))
                })?;
            c.min_cleanable_dirty_ratio = v;
        }
        "cleanup.policy" => {
            c.cleanup_policy = CleanupPolicy::parse(value)
                .ok_or_else(|| invalid_value(value, name, CLEANUP_POLICY_VALUES))?;
        }
        _ => {
            return Err(RefusalReason::UnknownTopicConfig {
                name: name.to_string(),
            }
            .into())
        }
    }
    validate_log_config(&c)?;
    Ok(c)
}

pub(super) fn validate_topic_name(name: &str) -> Result<(), Refusal> {
    let legal = !name.is_empty()
        && name.len() <= 249
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_' || c == '-')
        && name != "."
        && name != "..";
    if legal {
        return Ok(());
    }
    // Kafka's `Topic.validate` cases.
    let problem = if name.is_empty() {
        TopicNameProblem::Empty
    } else if name == "." || name == ".." {
        TopicNameProblem::Dots
    } else if name.len() > 249 {
        TopicNameProblem::TooLong
    } else {
        TopicNameProblem::IllegalCharacters
    };
    Err(RefusalReason::InvalidTopicName {
        name: name.to_string(),
        problem,
    }
    .into())
}

// ----- producers -----------------------------------------------------------------

/// The topic configs [`Command::AlterTopicConfig`](super::Command::AlterTopicConfig) accepts.
pub const TOPIC_CONFIG_NAMES: [&str; 7] = [
    "retention.ms",
    "retention.bytes",
    "segment.bytes",
    "segment.ms",
    "cleanup.policy",
    "delete.retention.ms",
    "min.cleanable.dirty.ratio",
];

/// A topic config's value as Kafka prints it (`-1` for no limit).
#[must_use]
pub fn topic_config_value(config: &LogConfig, name: &str) -> String {
    let long = |v: Option<u64>| v.map_or("-1".to_string(), |v| v.to_string());
    match name {
        "retention.ms" => long(config.retention_ms),
        "retention.bytes" => long(config.retention_bytes),
        "segment.bytes" => config.segment_bytes.to_string(),
        "segment.ms" => config.segment_ms.to_string(),
        "cleanup.policy" => config.cleanup_policy.as_config().to_string(),
        "delete.retention.ms" => config.delete_retention_ms.to_string(),
        "min.cleanable.dirty.ratio" => config.min_cleanable_dirty_ratio.to_string(),
        _ => String::new(),
    }
}
