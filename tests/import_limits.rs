//! The largest cluster the simulator can show, pasted in full: every limit
//! reached exactly (8 topics of 64 partitions plus `__consumer_offsets`,
//! 16 brokers, 8 groups of 32 members reading all 512 partitions) with
//! 249-character topic names and group ids, long member and client ids, and
//! every table in its widest (`--verbose`) form. It must fit the input
//! limit with room to spare, be accepted, and read back to the same model.
//! The figures are printed (`--nocapture`).
#![cfg(not(target_arch = "wasm32"))]

use std::time::Instant;

use kafkascope::import::limits::{
    MAX_BROKERS, MAX_GROUPS, MAX_INPUT_BYTES, MAX_INPUT_LINES, MAX_MEMBERS, MAX_PARTITIONS,
    MAX_TOPICS,
};
use kafkascope::import::{
    parse, print_4x, AssignedPartitions, ConfigSynonym, Coordinator, DescribedConfig,
    DescribedConfigs, Endpoint, GroupStateInfo, GroupStateName, ImportedBroker, ImportedCluster,
    ImportedGroup, ImportedMember, ImportedPartition, ImportedTopic, MembersTable, OffsetRow,
    OffsetsTable,
};

fn long_name(prefix: &str, len: usize) -> String {
    let mut s = prefix.to_string();
    while s.len() < len {
        s.push(char::from(b'a' + (s.len() % 26) as u8));
    }
    s
}

fn largest() -> ImportedCluster {
    let brokers = MAX_BROKERS;
    let topic_names: Vec<String> = (0..MAX_TOPICS)
        .map(|t| long_name(&format!("t{t}-"), 249))
        .collect();
    let partition = |p: u32, rf: u32| {
        let replicas: Vec<u32> = (0..rf).map(|r| (p + r) % brokers + 1).collect();
        ImportedPartition {
            partition: p,
            leader: Some(replicas[0]),
            replicas: replicas.clone(),
            isr: replicas,
            elr: Some(vec![]),
            last_known_elr: Some(vec![]),
            ..ImportedPartition::default()
        }
    };
    let mut topics: Vec<ImportedTopic> = topic_names
        .iter()
        .enumerate()
        .map(|(t, name)| ImportedTopic {
            name: name.clone(),
            topic_id: Some(format!("{:0>22}", format!("Topic{t}Id"))),
            partition_count: Some(MAX_PARTITIONS),
            replication_factor: Some(3),
            configs: vec![
                ("cleanup.policy".into(), "compact,delete".into()),
                ("min.insync.replicas".into(), "2".into()),
                ("retention.ms".into(), "604800000".into()),
            ],
            marked_for_deletion: false,
            partitions: (0..MAX_PARTITIONS).map(|p| partition(p, 3)).collect(),
            described_configs: Some(DescribedConfigs {
                all: false,
                entries: [
                    "cleanup.policy=compact,delete",
                    "min.insync.replicas=2",
                    "retention.ms=604800000",
                ]
                .iter()
                .map(|kv| {
                    let (k, v) = kv.split_once('=').unwrap();
                    DescribedConfig {
                        name: k.into(),
                        value: v.into(),
                        sensitive: false,
                        synonyms: vec![
                            ConfigSynonym {
                                source: "DYNAMIC_TOPIC_CONFIG".into(),
                                name: k.into(),
                                value: v.into(),
                            },
                            ConfigSynonym {
                                source: "DEFAULT_CONFIG".into(),
                                name: format!("log.{k}"),
                                value: "1".into(),
                            },
                        ],
                    }
                })
                .collect(),
            }),
        })
        .collect();
    topics.push(ImportedTopic {
        name: "__consumer_offsets".into(),
        topic_id: Some("Jm8pQ3sRTkW2xYz4AbCdEf".into()),
        partition_count: Some(50),
        replication_factor: Some(3),
        configs: vec![("cleanup.policy".into(), "compact".into())],
        partitions: (0..50).map(|p| partition(p, 3)).collect(),
        ..ImportedTopic::default()
    });
    let groups: Vec<ImportedGroup> = (0..MAX_GROUPS)
        .map(|g| {
            let group_id = long_name(&format!("g{g}-"), 249);
            let member_id = |m: u32| {
                format!(
                    "consumer-{}-{m}-0f1e2d3c-4b5a-6978-8796-a5b4c3d2e{m:03}",
                    long_name("svc-", 50)
                )
            };
            let client_id = |m: u32| format!("consumer-{}-{m}", long_name("svc-", 50));
            let host = |m: u32| format!("/10.0.{g}.{m}");
            // Partition k (over all topics) goes to member k % 32.
            let owned = |m: u32| -> Vec<AssignedPartitions> {
                topic_names
                    .iter()
                    .map(|t| AssignedPartitions {
                        topic: Some(t.clone()),
                        partitions: (0..MAX_PARTITIONS)
                            .filter(|p| p % MAX_MEMBERS == m)
                            .collect(),
                    })
                    .collect()
            };
            let members: Vec<ImportedMember> = (0..MAX_MEMBERS)
                .map(|m| ImportedMember {
                    consumer_id: member_id(m),
                    group_instance_id: (m % 2 == 0).then(|| format!("instance-{m}")),
                    host: host(m),
                    client_id: client_id(m),
                    partition_count: MAX_TOPICS * MAX_PARTITIONS / MAX_MEMBERS,
                    assignment: Some(owned(m)),
                    current_epoch: Some(12),
                    target_epoch: Some(12),
                    target_assignment: owned(m),
                    upgraded: None,
                })
                .collect();
            let rows: Vec<OffsetRow> = topic_names
                .iter()
                .flat_map(|t| (0..MAX_PARTITIONS).map(move |p| (t.clone(), p)))
                .map(|(t, p)| {
                    let m = p % MAX_MEMBERS;
                    OffsetRow {
                        topic: Some(t),
                        partition: Some(p),
                        leader_epoch: Some(7),
                        current_offset: Some(123_456_789_012),
                        log_end_offset: Some(123_456_790_000),
                        lag: Some(988),
                        consumer_id: Some(member_id(m)),
                        host: Some(host(m)),
                        client_id: Some(client_id(m)),
                    }
                })
                .collect();
            ImportedGroup {
                group_id,
                notice: None,
                offsets: Some(OffsetsTable {
                    leader_epoch_column: true,
                    rows,
                }),
                members: Some(MembersTable {
                    verbose: true,
                    members,
                }),
                state: Some(GroupStateInfo {
                    coordinator: Coordinator {
                        id: g % brokers + 1,
                        endpoint: Endpoint {
                            host: format!(
                                "kafka-{}.kafka-headless.kafka.svc.cluster.local",
                                g % brokers + 1
                            ),
                            port: 9092,
                        },
                    },
                    assignment_strategy: Some("cooperative-sticky".into()),
                    state: GroupStateName::Stable,
                    member_count: MAX_MEMBERS,
                    group_epoch: Some(12),
                    target_assignment_epoch: Some(12),
                    verbose: true,
                }),
            }
        })
        .collect();
    let brokers = (1..=brokers)
        .map(|id| ImportedBroker {
            id,
            endpoint: (id <= MAX_GROUPS).then(|| Endpoint {
                host: format!("kafka-{id}.kafka-headless.kafka.svc.cluster.local"),
                port: 9092,
            }),
        })
        .collect();
    ImportedCluster {
        brokers,
        topics,
        groups,
    }
}

#[test]
fn the_largest_cluster_the_simulator_shows_fits_the_input_limit() {
    let model = largest();
    let text = print_4x(&model);
    let lines = text.lines().count();
    println!(
        "largest paste: {} bytes ({:.0}% of the {MAX_INPUT_BYTES}-byte limit), {lines} lines ({:.0}% of {MAX_INPUT_LINES})",
        text.len(),
        100.0 * text.len() as f64 / MAX_INPUT_BYTES as f64,
        100.0 * lines as f64 / MAX_INPUT_LINES as f64
    );
    assert!(text.len() < MAX_INPUT_BYTES * 3 / 4, "{}", text.len());
    assert!(lines < MAX_INPUT_LINES / 2, "{lines}");
    let start = Instant::now();
    let read = parse(&text).unwrap_or_else(|e| panic!("{e}"));
    println!("read in {:?} (this build)", start.elapsed());
    assert_eq!(read.cluster, model);
    assert!(read.notes.is_empty(), "{:?}", read.notes);
}

#[test]
fn the_largest_paste_at_the_byte_limit_is_read_in_linear_time() {
    // Padding the largest paste with skipped lines up to the byte limit:
    // all read, none kept, the cluster unchanged.
    let model = largest();
    let mut text = print_4x(&model);
    let filler = format!(
        "WARN this line is skipped by the import. {}\n",
        "x".repeat(260)
    );
    let room = MAX_INPUT_BYTES - text.len();
    let n = (room / filler.len()).min(MAX_INPUT_LINES - text.lines().count() - 1);
    text.push_str(&filler.repeat(n));
    let start = Instant::now();
    let read = parse(&text).unwrap_or_else(|e| panic!("{e}"));
    println!(
        "{} bytes, {} lines read in {:?} (this build)",
        text.len(),
        text.lines().count(),
        start.elapsed()
    );
    assert_eq!(read.cluster, model);
    assert_eq!(read.notes.len() + read.notes_left_out, n);
    assert!(text.len() > MAX_INPUT_BYTES - filler.len());
}
