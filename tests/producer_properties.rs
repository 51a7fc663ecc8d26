//! Property tests of the producer path over random partitioners, key sets,
//! compression codecs, send modes and partition additions: every record
//! lands in exactly one partition, exactly once, where the partitioner
//! said; offsets are contiguous; a key maps to one partition
//! (`murmur2 % n`) as long as the producer's partition count stays.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use kafkascope::engine::{
    partition_for_key, Acks, ClusterConfig, Command, Compression, EventKind, Partitioner,
    ProducerConfig, ProducerId, SendMode, Sim, TopicConfig, TopicPartition,
};
use proptest::prelude::*;

#[derive(Clone, Debug)]
struct Case {
    config: ClusterConfig,
    add_at_ms: Option<(u64, u32)>,
}

fn arb_case() -> impl Strategy<Value = Case> {
    (
        (1u32..=3, 1u32..=5, 1u32..=300, 0usize..=6),
        (0u8..3, 0u8..5, any::<bool>(), any::<bool>(), any::<bool>()),
        (
            0u64..=20,
            1u64..=50,
            prop_oneof![Just(512u32), Just(2_048), Just(16_384)],
        ),
        (
            any::<u64>(),
            proptest::option::of((500u64..4_000, 1u32..=4)),
        ),
    )
        .prop_map(
            |(
                (brokers, partitions, rate, keys),
                (partitioner, codec, ignore_keys, sync, acks_all),
                (linger, latency, batch_size),
                (seed, add),
            )| {
                let mut topic = TopicConfig::new("t", partitions);
                topic.replication_factor = brokers.min(2);
                let names: Vec<String> = (0..keys).map(|i| format!("키-{i}")).collect();
                let refs: Vec<&str> = names.iter().map(String::as_str).collect();
                let mut producer = ProducerConfig::new("p", "t", rate, &refs);
                producer.partitioner = [
                    Partitioner::BuiltIn,
                    Partitioner::RoundRobin,
                    Partitioner::RoundRobinLegacy,
                ][partitioner as usize];
                producer.compression = Compression::ALL[codec as usize];
                producer.ignore_keys = ignore_keys;
                producer.mode = if sync {
                    SendMode::Sync
                } else {
                    SendMode::Async
                };
                producer.acks = if acks_all { Acks::All } else { Acks::Leader };
                producer.linger_ms = linger;
                producer.batch_size = batch_size;
                producer.metadata_max_age_ms = 1_000;
                Case {
                    config: ClusterConfig {
                        seed,
                        brokers,
                        network_latency_ms: latency,
                        topics: vec![topic],
                        producers: vec![producer],
                        groups: Vec::new(),
                        ..ClusterConfig::default()
                    },
                    add_at_ms: add.map(|(t, extra)| (t, partitions + extra)),
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn every_record_lands_once_where_the_partitioner_said(case in arb_case()) {
        let hashes_keys = case.config.producers[0].partitioner == Partitioner::BuiltIn
            && !case.config.producers[0].ignore_keys;
        let mut known = case.config.topics[0].partitions;
        let mut sim = Sim::new(case.config).unwrap();
        // Every record's identity is checked below: keep them all in full
        // (by default records far behind the log end are held as counts).
        sim.set_hot_entries_per_log(Some(usize::MAX));
        let mut created: BTreeMap<u64, TopicPartition> = BTreeMap::new();
        let mut key_partition: BTreeMap<String, u32> = BTreeMap::new();
        let mut t = 0;
        let mut add = case.add_at_ms;
        while t < 6_000 {
            t += 100;
            if let Some((at, total)) = add {
                if t >= at {
                    sim.apply(Command::AddPartitions { topic: "t".into(), total }).unwrap();
                    add = None;
                }
            }
            sim.advance_to(t);
            for e in sim.take_events() {
                match e.kind {
                    EventKind::MetadataRefreshed { to, .. } => {
                        known = to;
                        key_partition.clear();
                    }
                    EventKind::RecordCreated { record, key, tp, .. } => {
                        prop_assert!(tp.partition < known, "only partitions the producer knows");
                        created.insert(record.0, tp);
                        if let (Some(k), true) = (key, hashes_keys) {
                            let p = *key_partition.entry(k.to_string()).or_insert(tp.partition);
                            prop_assert_eq!(p, tp.partition, "a key maps to one partition");
                            prop_assert_eq!(p, partition_for_key(k.as_bytes(), known));
                        }
                    }
                    _ => {}
                }
            }
        }
        sim.apply(Command::SetProducerRate { producer: ProducerId(0), records_per_sec: 0 }).unwrap();
        sim.advance_to(t + 20_000);
        let mut seen: BTreeMap<u64, u32> = BTreeMap::new();
        for part in &sim.topics()[0].partitions {
            let leader = part.leader_log().unwrap();
            let offsets: Vec<u64> = leader.entries().map(|e| e.offset).collect();
            for (i, o) in offsets.iter().enumerate() {
                prop_assert_eq!(*o, i as u64, "offsets contiguous from 0");
            }
            for e in leader.entries() {
                *seen.entry(e.record.id.0).or_default() += 1;
                prop_assert_eq!(created.get(&e.record.id.0), Some(&part.tp));
            }
            for log in &part.logs {
                prop_assert_eq!(log.log_end_offset(), leader.log_end_offset());
            }
        }
        prop_assert_eq!(seen.len(), created.len(), "every record landed");
        prop_assert!(seen.values().all(|n| *n == 1), "exactly once");
        let p = &sim.producers()[0];
        prop_assert_eq!(p.acknowledged, p.next_seq, "all acknowledged");
        prop_assert_eq!(sim.totals().records_duplicated, 0);
    }
}
