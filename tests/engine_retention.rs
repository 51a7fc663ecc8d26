//! Retention, segments and compaction across the cluster (KAFKA.md §4): a
//! slow consumer falls off the log start and applies `auto.offset.reset`;
//! a follower left behind the leader's log start starts again there; a
//! compacted topic keeps the latest value per key on every replica; config
//! changes are refused in Kafka's words; memory stays bounded however long
//! a run lasts. Property tests check the invariants over random workloads.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::sync::Arc;

use kafkascope::engine::config::DEFAULT_LOG_RETENTION_CHECK_INTERVAL_MS;
use kafkascope::engine::log::{DeletionReason, ReplicaLog};
use kafkascope::engine::record::Record;
use kafkascope::engine::retention::LOG_INITIAL_TASK_DELAY_MS;
use kafkascope::engine::scenarios::retention_scenario;
use kafkascope::engine::{
    BatchId, BrokerId, CleanupPolicy, ClusterConfig, Command, EventKind, GroupConfig, GroupIdx,
    LogConfig, OffsetReset, ProducerConfig, ProducerId, RecordId, Sim, TopicConfig, TopicIdx,
    TopicPartition,
};
use kafkascope::text::Describe;
use proptest::prelude::*;

const TP0: TopicPartition = TopicPartition {
    topic: TopicIdx(0),
    partition: 0,
};

fn run(sim: &mut Sim, until_ms: u64) -> Vec<kafkascope::engine::Event> {
    let mut events = Vec::new();
    while sim.now_ms() < until_ms {
        let next = (sim.now_ms() + 1_000).min(until_ms);
        sim.advance_to(next);
        events.extend(sim.take_events());
    }
    events
}

fn slow_group_with(policy: OffsetReset) -> ClusterConfig {
    let mut config = retention_scenario();
    config.groups[1].auto_offset_reset = policy;
    config
}

#[test]
fn a_slow_consumer_falls_off_the_log_start_and_resets_to_earliest() {
    let mut sim = Sim::new(retention_scenario()).unwrap();
    let events = run(&mut sim, 70_000);
    let slow = GroupIdx(1);
    let reset = events
        .iter()
        .find_map(|e| match &e.kind {
            EventKind::ConsumerOffsetReset {
                group,
                from_offset,
                to_offset,
                policy,
                log_start_offset,
                ..
            } if *group == slow => Some((*from_offset, *to_offset, *policy, *log_start_offset)),
            _ => None,
        })
        .expect("the slow group falls off");
    let (from, to, policy, log_start) = reset;
    assert_eq!(policy, OffsetReset::Earliest);
    assert!(from < log_start, "{from} < {log_start}");
    assert_eq!(to, Some(log_start), "earliest: the log start offset");
    let note = sim.offset_resets().next().unwrap();
    assert_eq!(note.skipped(), log_start - from);
    assert_eq!(note.deleted(), log_start - from, "all of them were deleted");
    // The fast group never falls off.
    assert!(!events.iter().any(|e| matches!(
        &e.kind,
        EventKind::ConsumerOffsetReset { group, .. } if *group == GroupIdx(0)
    )));
    // After the reset the member reads from the log start on.
    let first_after = events
        .iter()
        .skip_while(|e| !matches!(e.kind, EventKind::ConsumerOffsetReset { .. }))
        .find_map(|e| match &e.kind {
            EventKind::RecordConsumed { group, offset, .. } if *group == slow => Some(*offset),
            _ => None,
        })
        .unwrap();
    assert_eq!(first_after, log_start);
    // Retention deleted segments on every replica, by size, and the text says so.
    let deleting_brokers: std::collections::BTreeSet<BrokerId> = events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::SegmentsDeleted { broker, reason, .. } => {
                assert_eq!(*reason, DeletionReason::RetentionBytes);
                Some(*broker)
            }
            _ => None,
        })
        .collect();
    assert_eq!(deleting_brokers.len(), 3, "each broker runs its own check");
    let text: Vec<String> = events.iter().map(|e| sim.describe(e)).collect();
    assert!(text
        .iter()
        .any(|t| t.contains("OFFSET_OUT_OF_RANGE") && t.contains("auto.offset.reset=earliest")));
    assert!(text.iter().any(|t| t.contains("retention.bytes")));
}

#[test]
fn latest_moves_to_the_high_watermark() {
    let mut sim = Sim::new(slow_group_with(OffsetReset::Latest)).unwrap();
    let events = run(&mut sim, 70_000);
    let (from, to, log_start) = events
        .iter()
        .find_map(|e| match &e.kind {
            EventKind::ConsumerOffsetReset {
                group: GroupIdx(1),
                from_offset,
                to_offset,
                log_start_offset,
                ..
            } => Some((*from_offset, *to_offset, *log_start_offset)),
            _ => None,
        })
        .unwrap();
    let to = to.unwrap();
    assert!(to > log_start, "latest skips even the retained records");
    assert!(from < log_start);
}

fn one_partition(rf: u32, min_isr: u32, log: LogConfig, keys: &[&str], rate: u32) -> ClusterConfig {
    let mut topic = TopicConfig::new("t", 1);
    topic.replication_factor = rf;
    topic.min_insync_replicas = min_isr;
    topic.log = log;
    ClusterConfig {
        seed: 3,
        brokers: rf,
        network_latency_ms: 10,
        topics: vec![topic],
        producers: vec![ProducerConfig::new("p", "t", rate, keys)],
        groups: vec![],
        replica_lag_time_max_ms: 10_000,
        broker_session_timeout_ms: 9_000,
        log_retention_check_interval_ms: 2_000,
    }
}

#[test]
fn a_follower_behind_the_leaders_log_start_starts_again_there() {
    let log = LogConfig {
        retention_bytes: Some(2_000),
        segment_bytes: 600,
        ..LogConfig::default()
    };
    let mut sim = Sim::new(one_partition(3, 1, log, &["k"], 20)).unwrap();
    run(&mut sim, 2_000);
    let leader = sim.partition_state(TP0).unwrap().leader.unwrap();
    let follower = sim.partition_state(TP0).unwrap().replicas[1];
    assert_ne!(leader, follower);
    sim.apply(Command::StopBroker(follower)).unwrap();
    run(&mut sim, 40_000);
    let part = sim.partition_state(TP0).unwrap();
    let stale_leo = part.log_on(follower).unwrap().log_end_offset();
    let leader_start = part.leader_log().unwrap().log_start_offset();
    assert!(stale_leo < leader_start, "{stale_leo} < {leader_start}");
    sim.apply(Command::StartBroker(follower)).unwrap();
    let events = run(&mut sim, 60_000);
    let reset = events
        .iter()
        .find_map(|e| match &e.kind {
            EventKind::FollowerOutOfRange {
                broker,
                fetch_offset,
                leader_log_start_offset,
                ..
            } if *broker == follower => Some((*fetch_offset, *leader_log_start_offset)),
            _ => None,
        })
        .expect("the follower's fetch is out of range");
    assert_eq!(reset.0, stale_leo);
    assert!(reset.1 >= leader_start);
    sim.apply(Command::SetProducerRate {
        producer: ProducerId(0),
        records_per_sec: 0,
    })
    .unwrap();
    run(&mut sim, 80_000);
    let part = sim.partition_state(TP0).unwrap();
    let lead = part.leader_log().unwrap();
    let copy = part.log_on(follower).unwrap();
    assert_eq!(copy.log_end_offset(), lead.log_end_offset(), "caught up");
    assert!(part.isr.contains(&follower), "back in the ISR");
    assert_eq!(
        copy.log_start_offset(),
        lead.log_start_offset(),
        "its log start follows the leader's"
    );
    let ids = |l: &ReplicaLog| l.entries().map(|e| e.record.id).collect::<Vec<_>>();
    assert_eq!(ids(copy), ids(lead), "same records at the same offsets");
}

fn compacted(delete_retention_ms: u64) -> LogConfig {
    LogConfig {
        cleanup_policy: CleanupPolicy::Compact,
        segment_bytes: 1_024,
        delete_retention_ms,
        ..LogConfig::default()
    }
}

#[test]
fn a_compacted_topic_keeps_the_latest_value_per_key_everywhere() {
    let mut config = one_partition(3, 2, compacted(10_000), &["b", "c", "d"], 10);
    let mut group = GroupConfig::new("g", "t", 1);
    group.processing_ms_per_record = 1;
    group.auto_offset_reset = OffsetReset::Earliest;
    config.groups = vec![group];
    let mut sim = Sim::new(config).unwrap();
    // Key "a" by hand: three values, then (20 s later) its tombstone.
    for value in ["1", "2", "3"] {
        sim.apply(Command::Produce {
            producer: ProducerId(0),
            key: Some("a".to_string()),
            value: value.to_string(),
        })
        .unwrap();
    }
    let events = run(&mut sim, 20_000);
    sim.apply(Command::ProduceTombstone {
        producer: ProducerId(0),
        key: "a".to_string(),
    })
    .unwrap();
    let events: Vec<_> = events.into_iter().chain(run(&mut sim, 80_000)).collect();
    let compactions = events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::LogCompacted { .. }))
        .count();
    assert!(
        compactions >= 3,
        "the cleaner ran on every broker ({compactions})"
    );
    let part = sim.partition_state(TP0).unwrap();
    for log in &part.logs {
        let checkpoint = log.cleaner_checkpoint();
        assert!(checkpoint > 0);
        let mut seen: BTreeMap<Arc<str>, u64> = BTreeMap::new();
        let mut last = None;
        for e in log.entries() {
            assert!(last.is_none_or(|l| e.offset > l), "offsets only grow");
            last = Some(e.offset);
            if e.offset < checkpoint {
                let key = e.record.key.clone().unwrap();
                assert!(
                    seen.insert(key.clone(), e.offset).is_none(),
                    "one record per key in the cleaned part ({key})"
                );
            }
        }
        assert!(
            !seen.contains_key("a"),
            "a's tombstone went after delete.retention.ms, and with it every value of a"
        );
        assert!((log.entries().len() as u64) < log.log_end_offset() / 4);
    }
    let ids = |l: &ReplicaLog| l.entries().map(|e| e.record.id).collect::<Vec<_>>();
    let leader = part.leader_log().unwrap();
    let tombstone = leader.entries().find(|e| e.record.tombstone);
    assert!(tombstone.is_none(), "the tombstone itself was removed");
    assert!(ids(leader).len() > 4);
    // The group read across the gaps up to the HW.
    sim.apply(Command::SetProducerRate {
        producer: ProducerId(0),
        records_per_sec: 0,
    })
    .unwrap();
    run(&mut sim, 90_000);
    let hw = sim
        .partition_state(TP0)
        .unwrap()
        .leader_log()
        .unwrap()
        .high_watermark();
    assert_eq!(sim.groups()[0].committed.get(&0), Some(&hw));
}

#[test]
fn a_compacted_topic_refuses_records_without_a_key() {
    let mut sim = Sim::new(one_partition(1, 1, compacted(1_000), &[], 5)).unwrap();
    let events = run(&mut sim, 3_000);
    let failed = events
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                EventKind::ProduceFailed {
                    error: kafkascope::engine::errors::ProduceError::InvalidRecord,
                    ..
                }
            )
        })
        .count();
    assert!(failed > 0);
    assert_eq!(sim.totals().records_appended, 0);
}

#[test]
fn topic_configs_are_refused_in_kafkas_words() {
    let mut sim = Sim::new(retention_scenario()).unwrap();
    let _ = sim.take_events();
    let alter = |sim: &mut Sim, name: &str, value: &str| {
        sim.apply(Command::AlterTopicConfig {
            topic: TopicIdx(0),
            name: name.to_string(),
            value: value.to_string(),
        })
    };
    let refused = |r: Result<(), kafkascope::engine::Refusal>| r.unwrap_err().to_string();
    assert_eq!(
        refused(alter(&mut sim, "segment.bytes", "10")),
        "INVALID_CONFIG: Invalid value 10 for configuration segment.bytes: Value must be at least 14"
    );
    assert_eq!(
        refused(alter(&mut sim, "retention.ms", "-2")),
        "INVALID_CONFIG: Invalid value -2 for configuration retention.ms: Value must be at least -1"
    );
    assert_eq!(
        refused(alter(&mut sim, "retention.ms", "soon")),
        "INVALID_CONFIG: Invalid value soon for configuration retention.ms: Not a number of type LONG"
    );
    assert_eq!(
        refused(alter(&mut sim, "cleanup.policy", "forever")),
        "INVALID_CONFIG: Invalid value forever for configuration cleanup.policy: String must be one of: compact, delete"
    );
    assert_eq!(
        refused(alter(&mut sim, "min.cleanable.dirty.ratio", "1.5")),
        "INVALID_CONFIG: Invalid value 1.5 for configuration min.cleanable.dirty.ratio: Value must be no more than 1"
    );
    assert_eq!(
        refused(alter(&mut sim, "retention.hours", "1")),
        "INVALID_CONFIG: Unknown topic config name: retention.hours"
    );
    assert!(sim.take_events().is_empty(), "a refusal changes nothing");
    alter(&mut sim, "retention.bytes", "-1").unwrap();
    alter(&mut sim, "cleanup.policy", "compact, delete").unwrap();
    let config = sim.topics()[0].log_config;
    assert_eq!(config.retention_bytes, None);
    assert_eq!(config.cleanup_policy, CleanupPolicy::CompactDelete);
    let log = *sim.partition_state(TP0).unwrap().logs[2].config();
    assert_eq!(log, config, "every replica follows");
    let text: Vec<String> = sim.take_events().iter().map(|e| sim.describe(e)).collect();
    assert_eq!(
        text,
        vec![
            "topic sensors: retention.bytes = -1 (was 1500)",
            "topic sensors: cleanup.policy = compact,delete (was delete)"
        ]
    );
    assert!(sim
        .apply(Command::SetRetentionCheckInterval { interval_ms: 10 })
        .is_err());
    sim.apply(Command::SetRetentionCheckInterval { interval_ms: 1_000 })
        .unwrap();
    assert_eq!(sim.config().log_retention_check_interval_ms, 1_000);
    // A cluster config with an impossible value is refused before start.
    let mut bad = retention_scenario();
    bad.topics[0].log.segment_bytes = 0;
    assert_eq!(
        Sim::new(bad).unwrap_err().code.map(|c| c.name()),
        Some("INVALID_CONFIG")
    );
}

#[test]
fn retention_changes_take_effect_at_the_next_check() {
    let mut sim = Sim::new(retention_scenario()).unwrap();
    // Unlimited bytes; 8 s of time.
    for (name, value) in [("retention.bytes", "-1"), ("retention.ms", "8000")] {
        sim.apply(Command::AlterTopicConfig {
            topic: TopicIdx(0),
            name: name.to_string(),
            value: value.to_string(),
        })
        .unwrap();
    }
    let events = run(&mut sim, 30_000);
    let reasons: Vec<DeletionReason> = events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::SegmentsDeleted { reason, .. } => Some(*reason),
            _ => None,
        })
        .collect();
    assert!(!reasons.is_empty());
    assert!(reasons.iter().all(|r| *r == DeletionReason::RetentionMs));
    // Every kept segment but the active one has a record younger than 8 s
    // at the last check (t = 30 s), give or take the time since.
    let log = sim.partition_state(TP0).unwrap().leader_log().unwrap();
    let oldest = log.segments().next().unwrap();
    assert!(30_000 - oldest.largest_timestamp_ms() <= 8_000);
}

/// Kafka's `LogManager.startup`: the first retention pass runs
/// `log.initial.task.delay.ms` (30 s) after start even when
/// `log.retention.check.interval.ms` is shorter (here 2 s); the next passes
/// follow the interval.
#[test]
fn the_first_retention_pass_waits_log_initial_task_delay_log_manager_startup() {
    let log = LogConfig {
        segment_bytes: 1_000,
        retention_ms: Some(1_000),
        ..LogConfig::default()
    };
    let mut sim = Sim::new(one_partition(1, 1, log, &["k"], 20)).unwrap();
    let deletions_at = |events: &[kafkascope::engine::Event]| -> Vec<u64> {
        events
            .iter()
            .filter(|e| matches!(e.kind, EventKind::SegmentsDeleted { .. }))
            .map(|e| e.at_ms)
            .collect()
    };
    let before = run(&mut sim, 29_999);
    assert!(deletions_at(&before).is_empty(), "no pass before 30 s");
    let first = run(&mut sim, 30_000);
    assert_eq!(deletions_at(&first), vec![30_000], "the first pass at 30 s");
    let next = run(&mut sim, 32_000);
    assert_eq!(deletions_at(&next), vec![32_000], "then every 2 s");
}

/// A steady producer for half an hour of simulated time: what the logs
/// hold, and everything else the engine keeps, stays under a bound.
#[test]
fn a_long_run_keeps_memory_bounded() {
    let mut config = retention_scenario();
    config.producers[0].records_per_sec = 20;
    let mut sim = Sim::new(config).unwrap();
    let mut peak_first_half = kafkascope::engine::retention::Footprint::default();
    let mut peak = peak_first_half;
    let half = 15 * 60_000;
    let mut t = 0;
    while t < 2 * half {
        t += 5_000;
        sim.advance_to(t);
        let _ = sim.take_events();
        let f = sim.footprint();
        // retention.bytes 1500 is about 12 records; one more segment (4)
        // and what arrives between two checks (5 s × 20/s) on 3 replicas;
        // before the first pass (LogManager's log.initial.task.delay.ms,
        // 30 s) what arrives until then.
        let between = if t <= LOG_INITIAL_TASK_DELAY_MS {
            30 * 20
        } else {
            100
        };
        assert!(f.log_entries <= 3 * (12 + 4 + between + 10), "{f:?} at {t}");
        assert!(f.segments <= 3 * (40 + between / 4), "{f:?}");
        // Each acks=all batch holds a request.timeout.ms timer (30 s) in
        // the leader: 20 batches/s × 30 s at most, plus a few dozen others.
        assert!(f.timers < 20 * 30 + 100, "{f:?}");
        assert!(f.messages < 100, "{f:?}");
        // A member buffers at most one poll: max.poll.records (500) each.
        assert!(f.buffered <= 2 * 500, "{f:?}");
        let bump = |p: &mut kafkascope::engine::retention::Footprint| {
            p.log_entries = p.log_entries.max(f.log_entries);
            p.timers = p.timers.max(f.timers);
            p.messages = p.messages.max(f.messages);
        };
        if t <= LOG_INITIAL_TASK_DELAY_MS {
            continue;
        }
        if t <= half {
            bump(&mut peak_first_half);
        }
        bump(&mut peak);
    }
    assert!(sim.totals().records_created >= 2 * half / 1000 * 20);
    assert_eq!(
        peak.log_entries, peak_first_half.log_entries,
        "no growth after the first quarter hour"
    );
    assert!(peak.timers <= peak_first_half.timers + 2);
}

#[test]
fn the_retention_scene_is_deterministic() {
    let history = || {
        let mut sim = Sim::new(retention_scenario()).unwrap();
        run(&mut sim, 30_000)
            .iter()
            .map(|e| format!("{} {}", e.at_ms, sim.describe(e)))
            .collect::<Vec<_>>()
    };
    assert_eq!(history(), history());
}

#[test]
fn default_scenario_states_kafkas_defaults() {
    let config = kafkascope::engine::scenarios::default_scenario();
    assert_eq!(config.topics[0].log, LogConfig::default());
    assert_eq!(
        config.log_retention_check_interval_ms,
        DEFAULT_LOG_RETENTION_CHECK_INTERVAL_MS
    );
    let d = LogConfig::default();
    assert_eq!(
        (
            d.retention_ms,
            d.retention_bytes,
            d.segment_bytes,
            d.segment_ms
        ),
        (Some(604_800_000), None, 1 << 30, 604_800_000)
    );
    assert_eq!(d.cleanup_policy, CleanupPolicy::Delete);
    assert_eq!(d.delete_retention_ms, 86_400_000);
}

// ----- properties ---------------------------------------------------------

#[derive(Clone, Debug)]
enum Op {
    /// A batch of records with these sizes, timestamps advancing by `dt`.
    Append { sizes: Vec<u32>, dt: u64 },
    /// The HW moves to this share of the way to the LEO.
    Hw(u8),
    /// A retention pass `dt` ms later.
    Retain { dt: u64 },
}

fn arb_op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (prop::collection::vec(5u32..200, 1..5), 0u64..2_000)
            .prop_map(|(sizes, dt)| Op::Append { sizes, dt }),
        1 => (0u8..=100).prop_map(Op::Hw),
        1 => (0u64..5_000).prop_map(|dt| Op::Retain { dt }),
    ]
}

fn arb_log_config() -> impl Strategy<Value = LogConfig> {
    (
        prop::option::of(0u64..20_000),
        prop::option::of(0u64..3_000),
        100u64..2_000,
        1u64..10_000,
    )
        .prop_map(
            |(retention_ms, retention_bytes, segment_bytes, segment_ms)| LogConfig {
                retention_ms,
                retention_bytes,
                segment_bytes,
                segment_ms,
                ..LogConfig::default()
            },
        )
}

fn record(n: u64, ts: u64, size: u32) -> Record {
    Record {
        id: RecordId(n),
        producer: ProducerId(0),
        seq: n,
        key: None,
        value: None,
        tombstone: false,
        value_bytes: size,
        timestamp_ms: ts,
        sequence: None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Any sequence of appends, HW moves and retention passes keeps a log
    /// consistent: log start ≤ HW ≤ LEO; offsets only grow and are never
    /// reused; segments cover exactly the entries; and right after a pass
    /// with the HW at the end, the log is at most one segment above
    /// retention.bytes and its oldest segment is within retention.ms.
    #[test]
    fn retention_keeps_a_log_consistent_and_bounded(
        config in arb_log_config(),
        ops in prop::collection::vec(arb_op(), 1..120),
    ) {
        let mut log = ReplicaLog::new(config, 0);
        let mut now = 0u64;
        let mut n = 0u64;
        let mut ever: BTreeMap<u64, RecordId> = BTreeMap::new();
        for op in ops {
            match op {
                Op::Append { sizes, dt } => {
                    now += dt;
                    let records: Vec<Record> = sizes.iter().map(|&s| { n += 1; record(n, now, s) }).collect();
                    let leo = log.log_end_offset();
                    let (first, last) = log.append(&records, 0, BatchId(n), now, &sizes);
                    prop_assert_eq!(first, leo);
                    prop_assert_eq!(last, leo + records.len() as u64 - 1);
                }
                Op::Hw(share) => {
                    let hw = log.high_watermark()
                        + (log.log_end_offset() - log.high_watermark()) * u64::from(share) / 100;
                    log.advance_high_watermark(hw);
                }
                Op::Retain { dt } => {
                    now += dt;
                    let before = log.log_end_offset();
                    log.delete_old_segments(now);
                    prop_assert_eq!(log.log_end_offset(), before, "retention never moves the LEO");
                    if log.high_watermark() == log.log_end_offset() {
                        let first = log.segments().next().unwrap();
                        if let Some(limit) = config.retention_bytes {
                            prop_assert!(log.size_bytes() < limit + first.size_bytes.max(1),
                                "size {} limit {limit} first segment {}", log.size_bytes(), first.size_bytes);
                        }
                        if let (Some(limit), true) = (config.retention_ms, first.records > 0) {
                            prop_assert!(now - first.largest_timestamp_ms() <= limit);
                        }
                    }
                }
            }
            prop_assert!(log.log_start_offset() <= log.high_watermark());
            prop_assert!(log.high_watermark() <= log.log_end_offset());
            let segments: Vec<_> = log.segments().collect();
            prop_assert_eq!(segments.iter().map(|s| s.size_bytes).sum::<u64>(), log.size_bytes());
            prop_assert_eq!(segments.iter().map(|s| s.records).sum::<u64>(), log.entries().len() as u64);
            prop_assert!(segments.windows(2).all(|w| w[0].base_offset < w[1].base_offset));
            let offsets: Vec<u64> = log.entries().map(|e| e.offset).collect();
            prop_assert!(offsets.windows(2).all(|w| w[1] == w[0] + 1), "contiguous");
            if let Some(first) = offsets.first() {
                prop_assert!(*first >= segments[0].base_offset);
                prop_assert_eq!(*first, log.log_start_offset());
            }
            for e in log.entries() {
                let was = *ever.entry(e.offset).or_insert(e.record.id);
                prop_assert_eq!(was, e.record.id, "an offset is never reused");
            }
        }
    }
}

fn arb_cluster() -> impl Strategy<Value = ClusterConfig> {
    (
        1u32..=3,
        1u32..=3,
        5u32..=80,
        0u8..3,
        prop::option::of(500u64..4_000),
        200u64..1_500,
        prop::option::of(2_000u64..20_000),
        500u64..5_000,
        any::<u64>(),
        (1u64..=40, 1u64..=400),
    )
        .prop_map(
            |(
                brokers,
                partitions,
                rate,
                policy,
                bytes,
                segment,
                ms,
                check,
                seed,
                (latency, proc_ms),
            )| {
                let mut topic = TopicConfig::new("t", partitions);
                topic.replication_factor = brokers;
                topic.min_insync_replicas = brokers.min(2);
                topic.log = LogConfig {
                    retention_bytes: bytes,
                    retention_ms: ms,
                    segment_bytes: segment,
                    cleanup_policy: CleanupPolicy::ALL[policy as usize],
                    delete_retention_ms: 3_000,
                    ..LogConfig::default()
                };
                let mut group = GroupConfig::new("g", "t", 1);
                group.processing_ms_per_record = proc_ms;
                group.auto_offset_reset = OffsetReset::Earliest;
                ClusterConfig {
                    seed,
                    brokers,
                    network_latency_ms: latency,
                    topics: vec![topic],
                    producers: vec![ProducerConfig::new(
                        "p",
                        "t",
                        rate,
                        &["a", "b", "c", "d", "e"],
                    )],
                    groups: vec![group],
                    replica_lag_time_max_ms: 30_000,
                    broker_session_timeout_ms: 9_000,
                    log_retention_check_interval_ms: check,
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// A whole cluster under retention and compaction: at every moment log
    /// start ≤ HW ≤ LEO on every replica, offsets only grow (contiguous
    /// unless the topic compacts), a committed offset never holds another
    /// record, committed consumer offsets stay ≤ HW; at the end, with the
    /// producer stopped and one more check, every replica is at most one
    /// segment above retention.bytes.
    #[test]
    fn cluster_retention_invariants(config in arb_cluster()) {
        let log_config = config.topics[0].log;
        let check = config.log_retention_check_interval_ms;
        let mut sim = Sim::new(config).unwrap();
        let mut ever: BTreeMap<(u32, u64), RecordId> = BTreeMap::new();
        let mut t = 0;
        while t < 30_000 {
            t += 250;
            sim.advance_to(t);
            let _ = sim.take_events();
            for part in &sim.topics()[0].partitions {
                for log in &part.logs {
                    prop_assert!(log.log_start_offset() <= log.high_watermark());
                    prop_assert!(log.high_watermark() <= log.log_end_offset());
                    let offsets: Vec<u64> = log.entries().map(|e| e.offset).collect();
                    if log_config.cleanup_policy.compacts() {
                        prop_assert!(offsets.windows(2).all(|w| w[1] > w[0]));
                    } else {
                        prop_assert!(offsets.windows(2).all(|w| w[1] == w[0] + 1));
                    }
                }
                let leader = part.leader_log().unwrap();
                for e in leader.entries().take_while(|e| e.offset < leader.high_watermark()) {
                    let was = *ever.entry((part.tp.partition, e.offset)).or_insert(e.record.id);
                    prop_assert_eq!(was, e.record.id, "a committed offset is never reused");
                }
                if let Some(&c) = sim.groups()[0].committed.get(&part.tp.partition) {
                    prop_assert!(c <= leader.high_watermark());
                }
            }
        }
        sim.apply(Command::SetProducerRate { producer: ProducerId(0), records_per_sec: 0 }).unwrap();
        sim.advance_to(t + 10_000 + 2 * check);
        if let (Some(limit), true) = (log_config.retention_bytes, log_config.cleanup_policy.deletes()) {
            for part in &sim.topics()[0].partitions {
                for log in &part.logs {
                    let first = log.segments().next().unwrap().size_bytes;
                    prop_assert!(log.size_bytes() < limit + first.max(1),
                        "size {} limit {limit} first {first}", log.size_bytes());
                }
            }
        }
    }
}
