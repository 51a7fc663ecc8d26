//! White-box tests of the producer path: partitioner decisions inside the
//! engine, retries after a lost response (with and without idempotence),
//! delivery timeout, sync mode, compression on the wire and on disk, and
//! adding partitions.

use super::config::{Acks, ClusterConfig, Compression, ProducerConfig, SendMode, TopicConfig};
use super::event::{Event, EventKind, PartitionDecision};
use super::ids::{ProducerId, TopicPartition};
use super::network::Body;
use super::partitioner::SwitchReason;
use super::refusal::{ErrorCode, RefusalReason};
use super::sim::Sim;
use super::Command;

const P: ProducerId = ProducerId(0);

fn cluster(partitions: u32, producer: ProducerConfig) -> ClusterConfig {
    ClusterConfig {
        seed: 9,
        brokers: 1,
        network_latency_ms: 10,
        topics: vec![TopicConfig::new("t", partitions)],
        producers: vec![producer],
        groups: Vec::new(),
        ..ClusterConfig::default()
    }
}

fn by_hand() -> ProducerConfig {
    ProducerConfig::new("p", "t", 0, &[])
}

fn produce(sim: &mut Sim, key: Option<&str>, value: &str) {
    sim.apply(Command::Produce {
        producer: P,
        key: key.map(str::to_string),
        value: value.to_string(),
    })
    .unwrap();
}

fn tp(partition: u32) -> TopicPartition {
    TopicPartition {
        topic: super::ids::TopicIdx(0),
        partition,
    }
}

/// Runs until a produce response is on the network, then loses it (as a
/// cut link would): the message and its delivery timer are removed.
fn lose_next_produce_response(sim: &mut Sim) {
    loop {
        let found = sim
            .in_flight()
            .find(|m| matches!(m.body, Body::ProduceResponse { .. }))
            .map(|m| m.id);
        if let Some(id) = found {
            sim.lose_message(id);
            return;
        }
        assert!(sim.step(), "no produce response ever sent");
    }
}

fn leader_keys(sim: &Sim, partition: u32) -> Vec<String> {
    sim.partition_state(tp(partition))
        .unwrap()
        .leader_log()
        .unwrap()
        .entries()
        .map(|e| {
            e.record
                .value
                .as_deref()
                .map_or_else(|| format!("#{}", e.record.seq), str::to_string)
        })
        .collect()
}

#[test]
fn lost_response_is_retried_and_the_idempotent_leader_drops_the_duplicate() {
    let mut sim = Sim::new(cluster(1, by_hand())).unwrap();
    assert!(sim.producers()[0].config.idempotent(), "Kafka's default");
    produce(&mut sim, Some("k"), "v1");
    lose_next_produce_response(&mut sim);
    sim.advance_to(29_000);
    assert_eq!(sim.producers()[0].acknowledged, 0, "still waiting");
    sim.advance_to(40_000);
    let events = sim.take_events();
    let kinds: Vec<&EventKind> = events.iter().map(|e| &e.kind).collect();
    // Sent at 5 ms (linger.ms), timed out 30 s later, retried 100 ms after.
    let timed_out = events
        .iter()
        .find(|e| matches!(e.kind, EventKind::RequestTimedOut { .. }))
        .unwrap();
    assert_eq!(timed_out.at_ms, 5 + 30_000);
    assert!(kinds.iter().any(|k| matches!(
        k,
        EventKind::ProduceRetried {
            next_attempt: 2,
            ..
        }
    )));
    let resent = events
        .iter()
        .find(|e| matches!(e.kind, EventKind::BatchSent { attempt: 2, .. }))
        .unwrap();
    assert_eq!(resent.at_ms, 5 + 30_000 + 100);
    assert!(kinds
        .iter()
        .any(|k| matches!(k, EventKind::DuplicateIgnored { base_offset: 0, .. })));
    assert!(kinds.iter().any(|k| matches!(
        k,
        EventKind::ProduceAcked {
            base_offset: 0,
            records: 1,
            ..
        }
    )));
    assert_eq!(leader_keys(&sim, 0), vec!["v1"], "appended once");
    assert_eq!(sim.totals().records_duplicated, 0);
    assert_eq!(sim.totals().duplicates_ignored, 1);
    assert_eq!(sim.producers()[0].acknowledged, 1);
    // The next record continues the sequence and is appended normally.
    produce(&mut sim, Some("k"), "v2");
    sim.advance_to(41_000);
    assert_eq!(leader_keys(&sim, 0), vec!["v1", "v2"]);
}

/// Kafka's `ProducerStateManager` (`ProducerAppendInfo.checkSequence`): an
/// idempotent batch whose first sequence does not follow the last appended
/// one is answered `OUT_OF_ORDER_SEQUENCE_NUMBER`, not appended; the
/// producer retries it, and once the missing batch is resent (after its
/// request timed out) both are appended in order, once each.
#[test]
fn an_out_of_order_batch_is_answered_out_of_order_sequence_number() {
    let mut sim = Sim::new(cluster(1, by_hand())).unwrap();
    produce(&mut sim, Some("k"), "v1");
    sim.advance_to(1_000);
    assert_eq!(sim.producers()[0].acknowledged, 1);
    produce(&mut sim, Some("k"), "v2");
    // The request carrying v2 (sequence 1) is lost on the way.
    loop {
        let found = sim
            .in_flight()
            .find(|m| matches!(m.body, Body::ProduceRequest { .. }))
            .map(|m| m.id);
        if let Some(id) = found {
            sim.lose_message(id);
            break;
        }
        assert!(sim.step(), "no produce request ever sent");
    }
    produce(&mut sim, Some("k"), "v3");
    sim.advance_to(2_000);
    let events = sim.take_events();
    assert!(events.iter().any(|e| matches!(
        e.kind,
        EventKind::OutOfOrderSequence {
            expected: 1,
            got: 2,
            ..
        }
    )));
    assert!(events.iter().any(|e| matches!(
        e.kind,
        EventKind::ProduceFailed {
            error: super::errors::ProduceError::OutOfOrderSequenceNumber,
            ..
        }
    )));
    assert!(
        events
            .iter()
            .any(|e| matches!(e.kind, EventKind::ProduceRetried { .. })),
        "retried at once, not after request.timeout.ms"
    );
    assert_eq!(leader_keys(&sim, 0), vec!["v1"]);
    sim.advance_to(40_000);
    assert_eq!(leader_keys(&sim, 0), vec!["v1", "v2", "v3"]);
    assert_eq!(sim.producers()[0].acknowledged, 3);
    assert_eq!(sim.totals().records_duplicated, 0);
}

#[test]
fn without_idempotence_the_retry_appends_a_counted_duplicate() {
    let mut producer = by_hand();
    producer.enable_idempotence = false;
    let mut sim = Sim::new(cluster(1, producer)).unwrap();
    produce(&mut sim, Some("k"), "v1");
    lose_next_produce_response(&mut sim);
    sim.advance_to(40_000);
    let events = sim.take_events();
    assert!(events
        .iter()
        .any(|e| matches!(e.kind, EventKind::DuplicateAppended { records: 1, .. })));
    // The retry's answer carries the second copy's offset.
    assert!(events
        .iter()
        .any(|e| matches!(e.kind, EventKind::ProduceAcked { base_offset: 1, .. })));
    assert_eq!(leader_keys(&sim, 0), vec!["v1", "v1"]);
    assert_eq!(sim.totals().records_duplicated, 1);
    assert_eq!(sim.producers()[0].acknowledged, 1);
}

#[test]
fn acks_1_turns_idempotence_off_as_kafka_does() {
    let mut producer = by_hand();
    producer.acks = Acks::Leader;
    assert!(!producer.idempotent());
    let mut sim = Sim::new(cluster(1, producer)).unwrap();
    produce(&mut sim, None, "v1");
    lose_next_produce_response(&mut sim);
    sim.advance_to(40_000);
    assert_eq!(sim.totals().records_duplicated, 1);
}

#[test]
fn every_request_on_the_closed_connection_is_retried_in_order() {
    let mut sim = Sim::new(cluster(1, by_hand())).unwrap();
    // Three batches in flight at once (each waits out linger.ms alone).
    for (i, v) in ["a", "b", "c"].iter().enumerate() {
        sim.advance_to(i as u64 * 10);
        produce(&mut sim, Some("k"), v);
    }
    lose_next_produce_response(&mut sim);
    sim.advance_to(60_000);
    assert_eq!(
        leader_keys(&sim, 0),
        vec!["a", "b", "c"],
        "no loss, no duplicate, in order"
    );
    assert_eq!(sim.producers()[0].acknowledged, 3);
}

#[test]
fn a_batch_without_leader_expires_at_delivery_timeout() {
    let mut producer = by_hand();
    producer.mode = SendMode::Sync;
    let mut sim = Sim::new(cluster(1, producer)).unwrap();
    sim.topics[0].partitions[0].leader = None;
    produce(&mut sim, Some("k"), "lost");
    assert!(sim.producers()[0].blocked());
    sim.advance_to(119_999);
    assert_eq!(sim.producers()[0].failed, 0);
    sim.advance_to(120_000);
    assert_eq!(sim.producers()[0].failed, 1);
    assert_eq!(sim.totals().records_expired, 1);
    assert!(
        !sim.producers()[0].blocked(),
        "send().get() returned with the error"
    );
    assert!(sim
        .take_events()
        .iter()
        .any(|e| matches!(e.kind, EventKind::BatchExpired { records: 1, .. })));
}

#[test]
fn sync_mode_sends_one_record_at_a_time() {
    let mut producer = ProducerConfig::new("p", "t", 100, &["a", "b"]);
    producer.mode = SendMode::Sync;
    let mut sim = Sim::new(cluster(2, producer)).unwrap();
    let mut max_unacked = 0;
    while sim.now_ms() < 2_000 {
        sim.step();
        let p = &sim.producers()[0];
        max_unacked = max_unacked.max(p.next_seq - p.acknowledged);
    }
    assert_eq!(max_unacked, 1);
    // Each record: linger 5 ms + request 10 ms + answer 10 ms = 25 ms, so
    // at most 80 in 2 s instead of the 200 the rate asks for.
    let created = sim.producers()[0].next_seq;
    assert!((70..=81).contains(&created), "{created}");
    // By hand while waiting: refused in words.
    let mut sim2 = sim.clone();
    let blocked = sim2.producers()[0].blocked();
    let r = sim2.apply(Command::Produce {
        producer: P,
        key: None,
        value: "x".into(),
    });
    assert_eq!(r.is_err(), blocked);
}

fn sticky_switches(events: &[Event]) -> Vec<(u32, SwitchReason, u32)> {
    events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::StickySwitched {
                to,
                reason,
                produced_bytes,
                ..
            } => Some((*to, *reason, *produced_bytes)),
            _ => None,
        })
        .collect()
}

#[test]
fn sticky_switches_when_the_batch_is_full_and_batch_size_reached() {
    // Null keys, 1 record/ms, batches of 1 KiB that fill long before linger.
    // A record with a 98-byte value takes 107 B (its 105-byte body needs a
    // 2-byte length), and 61 + 9 × 107 = 1024: every 9th record fills its
    // batch exactly, which is when KIP-794 switches at batch.size.
    let mut producer = ProducerConfig::new("p", "t", 1_000, &[]);
    producer.batch_size = 1_024;
    producer.linger_ms = 1_000;
    producer.value_bytes = 98;
    let mut sim = Sim::new(cluster(3, producer)).unwrap();
    sim.advance_to(200);
    let events = sim.take_events();
    let switches = sticky_switches(&events);
    assert_eq!(switches[0].1, SwitchReason::First);
    assert!(switches.len() > 5);
    for &(_, reason, bytes) in &switches[1..] {
        assert_eq!(reason, SwitchReason::BatchSizeAndFull);
        assert_eq!(bytes, 1_024);
    }
    // Between two switches every record goes to the sticky partition.
    let mut current = None;
    for e in &events {
        match &e.kind {
            EventKind::StickySwitched { to, .. } => current = Some(*to),
            EventKind::RecordCreated { tp, decision, .. } => {
                assert!(matches!(decision, PartitionDecision::Sticky { .. }));
                assert_eq!(Some(tp.partition), current);
            }
            _ => {}
        }
    }
}

#[test]
fn sticky_switch_waits_for_a_full_batch_up_to_twice_batch_size() {
    // 100-byte values make 109-byte records: 8 fit a 1 KiB batch (933 B),
    // the 9th opens a second batch. batch.size is reached inside that
    // second batch, which is not full yet, so the partition stays until a
    // full batch or 2048 B: Kafka's "between batch.size and 2 × batch.size".
    let mut producer = ProducerConfig::new("p", "t", 1_000, &[]);
    producer.batch_size = 1_024;
    producer.linger_ms = 1_000;
    let mut sim = Sim::new(cluster(3, producer)).unwrap();
    sim.advance_to(300);
    let switches = sticky_switches(&sim.take_events());
    assert!(switches.len() > 5);
    for &(_, _, bytes) in &switches[1..] {
        assert!((1_024..2_048 + 200).contains(&bytes), "{bytes}");
    }
}

#[test]
fn sticky_switches_at_twice_batch_size_when_batches_leave_early() {
    // linger.ms 0 and a slow rate: every batch leaves with one record
    // (61 B header + 109 B record = 170 B; the record's 107-byte body needs
    // a 2-byte length) and is never full, so the partition changes only at
    // 2 × 1024 = 2048 B: after 13 records (12 make 2040 B).
    let mut producer = ProducerConfig::new("p", "t", 10, &[]);
    producer.batch_size = 1_024;
    producer.linger_ms = 0;
    let mut sim = Sim::new(cluster(3, producer)).unwrap();
    sim.advance_to(5_000);
    let switches = sticky_switches(&sim.take_events());
    assert!(switches.len() >= 3);
    for &(_, reason, bytes) in &switches[1..] {
        assert_eq!(reason, SwitchReason::TwiceBatchSize);
        assert_eq!(bytes, 13 * 170);
    }
}

#[test]
fn keyed_records_do_not_count_toward_the_sticky_limit() {
    let mut sim = Sim::new(cluster(3, by_hand())).unwrap();
    produce(&mut sim, None, "n1");
    let before = sim.producers()[0].sticky.clone();
    for i in 0..50 {
        produce(&mut sim, Some(&format!("key-{i}")), "keyed");
    }
    assert_eq!(sim.producers()[0].sticky, before);
}

#[test]
fn sticky_avoids_a_leaderless_partition_but_keys_do_not() {
    let mut producer = ProducerConfig::new("p", "t", 0, &[]);
    producer.batch_size = 200;
    producer.linger_ms = 0;
    let mut sim = Sim::new(cluster(3, producer)).unwrap();
    sim.topics[0].partitions[1].leader = None;
    for _ in 0..100 {
        produce(&mut sim, None, "some value of forty bytes, give or take");
    }
    let events = sim.take_events();
    assert!(sticky_switches(&events).iter().all(|s| s.0 != 1));
    // "key-1" hashes to partition 1 of 3: it goes there, leader or not.
    let p = super::murmur2::partition_for_key(b"key-7", 3);
    produce(&mut sim, Some("key-7"), "v");
    let landed = sim.take_events().iter().find_map(|e| match &e.kind {
        EventKind::RecordCreated { tp, .. } => Some(tp.partition),
        _ => None,
    });
    assert_eq!(landed, Some(p));
}

#[test]
fn ignore_keys_makes_keyed_records_sticky() {
    let mut producer = by_hand();
    producer.ignore_keys = true;
    let mut sim = Sim::new(cluster(3, producer)).unwrap();
    produce(&mut sim, Some("alice"), "v");
    let decision = sim.take_events().into_iter().find_map(|e| match e.kind {
        EventKind::RecordCreated { decision, .. } => Some(decision),
        _ => None,
    });
    assert!(matches!(decision, Some(PartitionDecision::Sticky { .. })));
}

#[test]
fn explicit_partition_wins_and_is_checked() {
    let mut sim = Sim::new(cluster(3, by_hand())).unwrap();
    sim.apply(Command::ProduceToPartition {
        producer: P,
        partition: 2,
        key: Some("alice".into()),
        value: "v".into(),
    })
    .unwrap();
    let created = sim.take_events().into_iter().find_map(|e| match e.kind {
        EventKind::RecordCreated { tp, decision, .. } => Some((tp.partition, decision)),
        _ => None,
    });
    assert_eq!(created, Some((2, PartitionDecision::Explicit)));
    let err = sim
        .apply(Command::ProduceToPartition {
            producer: P,
            partition: 3,
            key: None,
            value: "v".into(),
        })
        .unwrap_err();
    assert_eq!(
        err.reason,
        RefusalReason::InvalidPartition {
            partition: 3,
            partitions: 3
        }
    );
}

#[test]
fn compressed_size_travels_and_is_stored() {
    for codec in Compression::ALL {
        let mut producer = ProducerConfig::new("p", "t", 1_000, &["user-1", "user-2"]);
        producer.compression = codec;
        producer.linger_ms = 50;
        let mut sim = Sim::new(cluster(1, producer)).unwrap();
        sim.advance_to(3_000);
        sim.apply(Command::SetProducerRate {
            producer: P,
            records_per_sec: 0,
        })
        .unwrap();
        sim.advance_to(5_000);
        let events = sim.take_events();
        let (mut wire, mut raw) = (0u64, 0u64);
        for e in &events {
            if let EventKind::BatchSent {
                bytes,
                uncompressed_bytes,
                compression,
                ..
            } = e.kind
            {
                assert_eq!(compression, codec);
                // The log stores each batch whole: its 61-byte header too.
                wire += u64::from(bytes);
                raw += u64::from(uncompressed_bytes);
            }
        }
        let stored = sim
            .partition_state(tp(0))
            .unwrap()
            .leader_log()
            .unwrap()
            .size_bytes();
        assert_eq!(
            stored, wire,
            "{codec:?}: the log holds the bytes that travelled"
        );
        if codec == Compression::None {
            assert_eq!(wire, raw);
        } else {
            assert!(wire * 2 < raw, "{codec:?}: {wire} of {raw}");
            // The estimator moved from 1.0, and stays conservative: a worse
            // batch raises it at once, a better one lowers it by 0.005 only.
            let estimate = sim.producers()[0].ratio_estimate();
            assert!(estimate != 1.0, "{codec:?}");
            assert!(
                estimate >= wire as f32 / raw as f32,
                "{codec:?}: {estimate}"
            );
        }
    }
}

#[test]
fn adding_partitions_is_refused_unless_it_is_an_increase() {
    let mut sim = Sim::new(super::scenarios::default_scenario()).unwrap();
    let err = sim
        .apply(Command::AddPartitions {
            topic: "orders".into(),
            total: 2,
        })
        .unwrap_err();
    assert_eq!(err.code, Some(ErrorCode::InvalidPartitions));
    assert_eq!(
        err.reason,
        RefusalReason::PartitionsNotIncreased {
            topic: "orders".into(),
            current: 3,
            total: 2
        }
    );
    let err = sim
        .apply(Command::AddPartitions {
            topic: "orders".into(),
            total: 3,
        })
        .unwrap_err();
    assert_eq!(
        err.reason,
        RefusalReason::PartitionsUnchanged { current: 3 }
    );
    let err = sim
        .apply(Command::AddPartitions {
            topic: "nope".into(),
            total: 5,
        })
        .unwrap_err();
    assert_eq!(err.code, Some(ErrorCode::UnknownTopicOrPartition));
    assert!(sim
        .apply(Command::AddPartitions {
            topic: "orders".into(),
            total: 65,
        })
        .is_err());
}

#[test]
fn added_partitions_are_replicated_and_keys_move_at_the_next_metadata_refresh() {
    let mut config = super::scenarios::default_scenario();
    config.producers[0].metadata_max_age_ms = 10_000;
    config.producers[0].records_per_sec = 20;
    let mut sim = Sim::new(config).unwrap();
    sim.advance_to(4_000);
    sim.apply(Command::AddPartitions {
        topic: "orders".into(),
        total: 6,
    })
    .unwrap();
    let events = sim.take_events();
    let replicas = events.iter().find_map(|e| match &e.kind {
        EventKind::PartitionsAdded {
            replicas,
            from: 3,
            to: 6,
            ..
        } => Some(replicas.clone()),
        _ => None,
    });
    let replicas = replicas.expect("told");
    assert_eq!(replicas.len(), 3);
    for r in &replicas {
        let mut ids: Vec<u32> = r.iter().map(|b| b.0).collect();
        ids.sort_unstable();
        assert_eq!(ids, vec![1, 2, 3], "3 replicas on distinct brokers");
    }
    // Until its refresh at 10 s the producer still hashes over 3 partitions.
    sim.advance_to(9_999);
    for e in sim.take_events() {
        if let EventKind::RecordCreated { tp, decision, .. } = e.kind {
            assert!(tp.partition < 3);
            assert!(matches!(
                decision,
                PartitionDecision::KeyHash { partitions: 3, .. }
            ));
        }
    }
    sim.advance_to(10_000);
    let moved = sim.take_events().into_iter().find_map(|e| match e.kind {
        EventKind::MetadataRefreshed {
            from: 3,
            to: 6,
            moved_keys,
            ..
        } => Some(moved_keys),
        _ => None,
    });
    let moved = moved.expect("refreshed at 10 s");
    let keys = ["alice", "bob", "carol", "dave", "erin", "민준"];
    let expected: Vec<&str> = keys
        .iter()
        .copied()
        .filter(|k| {
            super::murmur2::partition_for_key(k.as_bytes(), 3)
                != super::murmur2::partition_for_key(k.as_bytes(), 6)
        })
        .collect();
    let got: Vec<&str> = moved.iter().map(|(k, _, _)| &**k).collect();
    assert_eq!(got, expected);
    // "민준" hashes to 1 of 3 and 4 of 6: it moves.
    assert!(moved
        .iter()
        .any(|(k, a, b)| &**k == "민준" && *a == 1 && *b == 4));
    sim.advance_to(30_000);
    sim.apply(Command::SetProducerRate {
        producer: P,
        records_per_sec: 0,
    })
    .unwrap();
    sim.advance_to(40_000);
    // New partitions got records and their followers copied them all.
    let mut new_records = 0;
    for p in 3..6 {
        let part = sim.partition_state(tp(p)).unwrap();
        let leo = part.leader_log().unwrap().log_end_offset();
        new_records += leo;
        for log in &part.logs {
            assert_eq!(log.log_end_offset(), leo, "followers caught up");
            assert_eq!(log.high_watermark(), leo);
        }
    }
    assert!(new_records > 0);
}
