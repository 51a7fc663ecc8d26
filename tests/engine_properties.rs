//! Property tests of the engine over random clusters and workloads (seeded by
//! proptest; a failure prints the case and its seed): invariants of offsets,
//! high watermarks, the partitioner and consumer groups.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use kafkascope::engine::{
    partition_for_key, Acks, ClusterConfig, Command, EventKind, GroupConfig, OffsetReset,
    ProducerConfig, ProducerId, Sim, TopicConfig, TopicPartition,
};
use kafkascope::text::Describe;
use proptest::prelude::*;

fn arb_config() -> impl Strategy<Value = ClusterConfig> {
    (
        1u32..=5,
        1u32..=6,
        1u32..=3,
        1u32..=200,
        0usize..=8,
        0u8..3,
        1u64..=80,
        0u64..=30,
        any::<u64>(),
        0u32..=3,
    )
        .prop_map(
            |(brokers, partitions, rf, rate, keys, acks, latency, linger, seed, members)| {
                let rf = rf.min(brokers);
                let mut topic = TopicConfig::new("t", partitions);
                topic.replication_factor = rf;
                topic.min_insync_replicas = rf.min(2);
                let names: Vec<String> = (0..keys).map(|i| format!("k{i}")).collect();
                let refs: Vec<&str> = names.iter().map(String::as_str).collect();
                let mut producer = ProducerConfig::new("p", "t", rate, &refs);
                producer.acks = [Acks::None, Acks::Leader, Acks::All][acks as usize];
                producer.linger_ms = linger;
                producer.batch_size = 1_024;
                let mut group = GroupConfig::new("g", "t", members);
                group.processing_ms_per_record = 1;
                group.auto_commit_interval_ms = 500;
                group.auto_offset_reset = OffsetReset::Earliest;
                ClusterConfig {
                    seed,
                    brokers,
                    network_latency_ms: latency,
                    topics: vec![topic],
                    producers: vec![producer],
                    groups: vec![group],
                    ..ClusterConfig::default()
                }
            },
        )
}

/// Checks what must hold at every moment.
fn check_invariants(sim: &Sim, last_leader_hw: &mut BTreeMap<TopicPartition, u64>) {
    for topic in sim.topics() {
        for part in &topic.partitions {
            for log in &part.logs {
                assert!(log.high_watermark() <= log.log_end_offset(), "HW ≤ LEO");
                assert!(
                    log.log_start_offset() <= log.high_watermark(),
                    "log start ≤ HW"
                );
                let offsets: Vec<u64> = log.entries().map(|e| e.offset).collect();
                for pair in offsets.windows(2) {
                    if topic.log_config.cleanup_policy.compacts() {
                        // The cleaner leaves gaps; offsets still only grow.
                        assert!(pair[1] > pair[0], "offsets increase");
                    } else {
                        assert_eq!(pair[1], pair[0] + 1, "offsets are contiguous");
                    }
                }
            }
            if let Some(leader) = part.leader_log() {
                let hw = leader.high_watermark();
                let before = last_leader_hw.insert(part.tp, hw).unwrap_or(0);
                assert!(hw >= before, "the leader's HW never goes back");
            }
        }
    }
    for g in sim.groups() {
        for (&p, &committed) in &g.committed {
            let tp = TopicPartition {
                topic: g.topic,
                partition: p,
            };
            let hw = sim
                .partition_state(tp)
                .unwrap()
                .leader_log()
                .unwrap()
                .high_watermark();
            assert!(committed <= hw, "committed ≤ HW");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn cluster_invariants_hold_and_every_record_lands_once(config in arb_config()) {
        let partitions = config.topics[0].partitions;
        let mut sim = Sim::new(config).unwrap();
        // Every record's identity is checked at the end: keep them all in
        // full (by default records far behind the log end become counts).
        sim.set_hot_entries_per_log(Some(usize::MAX));
        let mut hw = BTreeMap::new();
        let mut created: BTreeMap<u64, TopicPartition> = BTreeMap::new();
        let mut key_partition: BTreeMap<String, u32> = BTreeMap::new();
        let mut t = 0;
        while t < 6_000 {
            t += 100;
            sim.advance_to(t);
            for e in sim.take_events() {
                if let EventKind::RecordCreated { record, key, tp, .. } = e.kind {
                    created.insert(record.0, tp);
                    if let Some(k) = key {
                        let p = *key_partition.entry(k.to_string()).or_insert(tp.partition);
                        prop_assert_eq!(p, tp.partition, "a key always maps to one partition");
                        prop_assert_eq!(p, partition_for_key(k.as_bytes(), partitions));
                    }
                }
            }
            check_invariants(&sim, &mut hw);
        }
        // Stop producing and let everything settle.
        sim.apply(Command::SetProducerRate { producer: ProducerId(0), records_per_sec: 0 }).unwrap();
        sim.advance_to(t + 20_000);
        check_invariants(&sim, &mut hw);
        // Every record created is in exactly one partition, exactly once, on every replica.
        let mut seen: BTreeMap<u64, u32> = BTreeMap::new();
        for topic in sim.topics() {
            for part in &topic.partitions {
                let leader = part.leader_log().unwrap();
                for e in leader.entries() {
                    *seen.entry(e.record.id.0).or_default() += 1;
                    prop_assert_eq!(created.get(&e.record.id.0), Some(&part.tp), "landed where the partitioner said");
                }
                for log in &part.logs {
                    prop_assert_eq!(log.log_end_offset(), leader.log_end_offset(), "followers caught up");
                    prop_assert_eq!(log.high_watermark(), leader.log_end_offset(), "HW reached the end");
                }
            }
        }
        prop_assert_eq!(seen.len(), created.len());
        prop_assert!(seen.values().all(|n| *n == 1));
        // Consumers with partitions have read and committed everything.
        for g in sim.groups() {
            for m in &g.members {
                for p in &m.assigned {
                    let tp = TopicPartition { topic: g.topic, partition: *p };
                    let end = sim.partition_state(tp).unwrap().leader_log().unwrap().high_watermark();
                    prop_assert_eq!(g.committed.get(p).copied(), Some(end), "committed up to the HW");
                }
            }
        }
    }
}

#[test]
fn same_seed_same_history_other_seed_other_history() {
    fn history(seed: u64) -> u64 {
        let mut config = kafkascope::engine::scenarios::default_scenario();
        config.seed = seed;
        let mut sim = Sim::new(config).unwrap();
        sim.advance_to(30_000);
        // FNV-1a over every event in words.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for e in sim.take_events() {
            for b in format!("{} {}", e.at_ms, sim.describe(&e)).bytes() {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
        }
        h
    }
    assert_eq!(history(42), history(42));
    assert_ne!(history(42), history(43));
}

#[test]
fn a_clone_is_a_checkpoint() {
    let mut a = Sim::new(kafkascope::engine::scenarios::default_scenario()).unwrap();
    a.advance_to(5_000);
    let _ = a.take_events();
    let mut b = a.clone();
    a.advance_to(9_000);
    b.advance_to(9_000);
    assert_eq!(a.to_string(), b.to_string());
    let (ea, eb) = (a.take_events(), b.take_events());
    assert_eq!(ea, eb);
}

/// Kafka 4 (KRaft) texts: `ReplicationControlManager.createTopic` wraps
/// `StripedReplicaPlacer`'s refusal in "Unable to replicate the partition N
/// time(s): …".
#[test]
fn replication_factor_above_brokers_is_refused_with_kafkas_message() {
    let mut config = kafkascope::engine::scenarios::default_scenario();
    config.topics[0].replication_factor = 4;
    let err = Sim::new(config).unwrap_err();
    assert_eq!(
        err.code.map(|c| c.name()),
        Some("INVALID_REPLICATION_FACTOR")
    );
    assert_eq!(
        kafkascope::text::refusal::reason(kafkascope::text::Lang::En, &err.reason),
        "Unable to replicate the partition 4 time(s): The target replication factor of 4 cannot be reached because only 3 broker(s) are registered."
    );
}

/// The other KRaft refusals at topic creation, in
/// `ReplicationControlManager.createTopic`'s order (replication factor
/// before partitions) and `Topic.validate`'s name texts; a bad config at
/// creation gets the same text as `AlterConfigs` (`LogConfig.validate`).
#[test]
fn topic_creation_refusals_are_kraft_controller_texts_replication_control_manager() {
    use kafkascope::text::{refusal::reason, Lang};
    let refused = |f: &dyn Fn(&mut kafkascope::engine::ClusterConfig)| {
        let mut config = kafkascope::engine::scenarios::default_scenario();
        f(&mut config);
        let err = Sim::new(config).unwrap_err();
        (err.code.map(|c| c.name()), reason(Lang::En, &err.reason))
    };
    assert_eq!(
        refused(&|c| {
            c.topics[0].replication_factor = 0;
            c.topics[0].partitions = 0;
        }),
        (
            Some("INVALID_REPLICATION_FACTOR"),
            "Replication factor must be larger than 0, or -1 to use the default value.".to_string()
        )
    );
    assert_eq!(
        refused(&|c| c.topics[0].partitions = 0),
        (
            Some("INVALID_PARTITIONS"),
            "Number of partitions was set to an invalid non-positive value.".to_string()
        )
    );
    assert_eq!(
        refused(&|c| c.topics[0].name = "a b".into()),
        (
            Some("INVALID_TOPIC_EXCEPTION"),
            "Topic name is invalid: 'a b' contains one or more characters other than ASCII alphanumerics, '.', '_' and '-'".to_string()
        )
    );
    assert_eq!(
        refused(&|c| c.topics[0].name = "..".into()).1,
        "Topic name is invalid: '..' is not allowed"
    );
    assert_eq!(
        refused(&|c| c.topics[0].name = String::new()).1,
        "Topic name is invalid: the empty string is not allowed"
    );
    let (code, text) = refused(&|c| c.topics[0].log.segment_bytes = 10);
    let mut sim = Sim::new(kafkascope::engine::scenarios::default_scenario()).unwrap();
    let altered = sim
        .apply(kafkascope::engine::Command::AlterTopicConfig {
            topic: kafkascope::engine::TopicIdx(0),
            name: "segment.bytes".into(),
            value: "10".into(),
        })
        .unwrap_err();
    assert_eq!(code, Some("INVALID_CONFIG"));
    assert_eq!(text, reason(Lang::En, &altered.reason));
    assert_eq!(
        text,
        "Invalid value 10 for configuration segment.bytes: Value must be at least 14"
    );
}

#[test]
fn acks_all_waits_for_every_isr_member() {
    // With acks=all the ack leaves only after both followers fetched the
    // record and the leader's HW passed it: at least 3 hops after the append.
    let mut config = kafkascope::engine::scenarios::default_scenario();
    config.groups.clear();
    let latency = config.network_latency_ms;
    let mut sim = Sim::new(config).unwrap();
    sim.advance_to(10_000);
    let events = sim.take_events();
    let appended = events
        .iter()
        .find_map(|e| match &e.kind {
            EventKind::BatchAppended { batch, .. } => Some((*batch, e.at_ms)),
            _ => None,
        })
        .unwrap();
    let acked = events
        .iter()
        .find_map(|e| match &e.kind {
            EventKind::ProduceAcked { batch, .. } if *batch == appended.0 => Some(e.at_ms),
            _ => None,
        })
        .unwrap();
    // Parked follower fetch answered at once (1 hop), the follower's next
    // fetch tells the leader its LEO (1 hop), then the ack travels (1 hop).
    assert!(
        acked - appended.1 >= 3 * latency,
        "acked {acked} appended {}",
        appended.1
    );

    let mut config = kafkascope::engine::scenarios::default_scenario();
    config.groups.clear();
    config.producers[0].acks = Acks::Leader;
    let mut sim = Sim::new(config).unwrap();
    sim.advance_to(10_000);
    let events = sim.take_events();
    let appended = events
        .iter()
        .find_map(|e| match &e.kind {
            EventKind::BatchAppended { batch, .. } => Some((*batch, e.at_ms)),
            _ => None,
        })
        .unwrap();
    let acked = events
        .iter()
        .find_map(|e| match &e.kind {
            EventKind::ProduceAcked { batch, .. } if *batch == appended.0 => Some(e.at_ms),
            _ => None,
        })
        .unwrap();
    assert_eq!(
        acked - appended.1,
        latency,
        "acks=1: one hop after the leader's append"
    );
}

/// A random membership story: members added, removed cleanly, crashed.
#[derive(Clone, Debug)]
enum GroupOp {
    Add,
    Remove(u8),
    Crash(u8),
    Wait(u16),
}

fn arb_group_ops() -> impl Strategy<Value = Vec<GroupOp>> {
    prop::collection::vec(
        prop_oneof![
            Just(GroupOp::Add),
            any::<u8>().prop_map(GroupOp::Remove),
            any::<u8>().prop_map(GroupOp::Crash),
            (100u16..3_000).prop_map(GroupOp::Wait),
        ],
        1..12,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    /// After the rebalances settle, every partition has exactly one owner,
    /// counts are balanced, committed ≤ HW and lag = HW − committed.
    #[test]
    fn after_a_completed_rebalance_each_partition_has_one_owner(
        partitions in 1u32..=6,
        members in 0u32..=3,
        assignor in 0usize..4,
        seed in any::<u64>(),
        ops in arb_group_ops(),
    ) {
        use kafkascope::engine::{Assignor, GroupIdx, GroupState, MemberPhase, RebalanceProtocol};
        let assignor = Assignor::ALL[assignor];
        let mut topic = TopicConfig::new("t", partitions);
        topic.replication_factor = 1;
        let producer = ProducerConfig::new("p", "t", 50, &["a", "b", "c", "d", "e"]);
        let mut group = GroupConfig::new("g", "t", members);
        group.processing_ms_per_record = 5;
        group.max_poll_records = 20;
        group.auto_commit_interval_ms = 500;
        group.auto_offset_reset = OffsetReset::Earliest;
        group.session_timeout_ms = 4_000;
        group.heartbeat_interval_ms = 1_000;
        group.max_poll_interval_ms = 30_000;
        group.assignor = assignor;
        group.protocol = if assignor == Assignor::CooperativeSticky {
            RebalanceProtocol::Cooperative
        } else {
            RebalanceProtocol::Eager
        };
        let config = ClusterConfig {
            seed,
            brokers: 2,
            network_latency_ms: 10,
            topics: vec![topic],
            producers: vec![producer],
            groups: vec![group],
            ..ClusterConfig::default()
        };
        let mut sim = Sim::new(config).unwrap();
        let mut hw = BTreeMap::new();
        let mut t = 0u64;
        for op in ops {
            let live: Vec<_> = sim.groups()[0].members.iter().filter(|m| m.alive()).map(|m| m.id).collect();
            let result = match op {
                GroupOp::Add => sim.apply(Command::AddMember { group: GroupIdx(0), instance_id: None }),
                GroupOp::Remove(i) if !live.is_empty() => {
                    sim.apply(Command::RemoveMember { member: live[i as usize % live.len()] })
                }
                GroupOp::Crash(i) if !live.is_empty() => {
                    sim.apply(Command::CrashMember { member: live[i as usize % live.len()] })
                }
                GroupOp::Wait(ms) => {
                    t += u64::from(ms);
                    sim.advance_to(t);
                    Ok(())
                }
                _ => Ok(()),
            };
            prop_assert!(result.is_ok(), "{:?}", result);
            check_invariants(&sim, &mut hw);
        }
        // Let sessions expire and every rebalance finish.
        sim.apply(Command::SetProducerRate { producer: ProducerId(0), records_per_sec: 0 }).unwrap();
        sim.advance_to(t + 30_000);
        check_invariants(&sim, &mut hw);
        let g = &sim.groups()[0];
        let live: Vec<_> = g.members.iter().filter(|m| m.alive()).collect();
        if live.is_empty() {
            prop_assert_eq!(g.view.state, GroupState::Empty);
            return Ok(());
        }
        prop_assert_eq!(g.view.state, GroupState::Stable, "{}", sim);
        for m in &live {
            prop_assert_eq!(m.phase, MemberPhase::Stable, "{}", sim);
        }
        let mut owners: BTreeMap<u32, u32> = BTreeMap::new();
        for m in &live {
            for p in &m.assigned {
                *owners.entry(*p).or_default() += 1;
            }
        }
        for p in 0..partitions {
            prop_assert_eq!(owners.get(&p).copied(), Some(1), "partition {} owners\n{}", p, sim);
        }
        let counts: Vec<usize> = live.iter().map(|m| m.assigned.len()).collect();
        let (lo, hi) = (counts.iter().min().unwrap(), counts.iter().max().unwrap());
        prop_assert!(hi - lo <= 1, "balanced: {:?}", counts);
        for (&p, &committed) in &g.committed {
            let tp = TopicPartition { topic: g.topic, partition: p };
            let end = sim.partition_state(tp).unwrap().leader_log().unwrap().high_watermark();
            prop_assert!(committed <= end);
            prop_assert_eq!(sim.lag(GroupIdx(0), p), Some(end - committed));
            // Everything was read and committed once the producer stopped.
            prop_assert_eq!(committed, end);
        }
    }
}
