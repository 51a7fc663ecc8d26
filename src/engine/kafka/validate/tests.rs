//! Tests of the configuration checks.

use super::*;
use crate::engine::vocab::config::{ClusterConfig, GroupConfig, ProducerConfig, TopicConfig};
use crate::engine::vocab::refusal::{ErrorCode, RefusalReason, Setting, Unit, ValueProblem};

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

#[test]
fn kafkas_ranges_give_kafkas_code_and_reason() {
    let mut c = base();
    c.producers[0].max_in_flight = 0;
    let r = validate(&c).unwrap_err();
    assert_eq!(r.code, Some(ErrorCode::InvalidConfig));
    assert_eq!(
        r.reason,
        RefusalReason::InvalidValue {
            value: "0".into(),
            config: "max.in.flight.requests.per.connection".into(),
            problem: ValueProblem::AtLeast(1),
        }
    );
    let mut c = base();
    c.producers[0].metadata_max_age_ms = 0;
    let r = validate(&c).unwrap_err();
    assert_eq!(r.code, None);
    assert_eq!(
        r.reason,
        RefusalReason::OutOfRange {
            setting: Setting::Kafka("metadata.max.age.ms"),
            value: 0,
            min: 100,
            max: 3_600_000,
            unit: Unit::Ms,
            kafka: Some((0, i64::MAX as u64)),
        }
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
        validate(&c).unwrap_err().reason,
        RefusalReason::TrafficTooHigh {
            copies: 1_280_000,
            max: 30_000
        }
    );
    let rates = [10_000; 8];
    assert!(check_rate_change(&c, &rates, 0, 0).is_err());
    c.producers.truncate(1);
    c.producers[0].records_per_sec = 1_000;
    assert!(validate(&c).is_ok());
    assert!(check_rate_change(&c, &[1_000], 0, 1_875).is_ok());
    assert!(check_rate_change(&c, &[1_000], 0, 1_876).is_err());
}
