//! The import corpus (`tests/import/*.txt`, written from each Kafka
//! version's print code, see `tests/import/README.md`): every file is read
//! and compared field by field with the cluster it describes, the tool
//! and version it shows are recognised, and every file survives the round
//! trip through the 4.x printer.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

use kafkascope::import::{
    self, parse, parse_sources, print_4x, AssignedPartitions, ConfigSynonym, Coordinator,
    DescribedConfig, DescribedConfigs, Endpoint, Format, GroupNotice, GroupStateInfo,
    GroupStateName, ImportedBroker, ImportedCluster, ImportedGroup, ImportedMember,
    ImportedPartition, ImportedTopic, MembersTable, OffsetRow, OffsetsTable, Source,
};

fn corpus(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/import")
        .join(name);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn read(name: &str) -> import::Imported {
    match parse(&corpus(name)) {
        Ok(i) => i,
        Err(e) => panic!("{name}: {e}"),
    }
}

// ---- the cluster the corpus describes ---------------------------------

const ORDERS_ID: &str = "Wd6zVN3xRFevh7ZcW6Q2Yg";
const PAYMENTS_ID: &str = "0bq3Lr2HTGqJ8Nu1pZ5XCw";
const OFFSETS_ID: &str = "Jm8pQ3sRTkW2xYz4AbCdEf";
const M1: &str = "consumer-order-service-1-0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
const M2: &str = "order-worker-b-4d3c2b1a-0f9e-8d7c-6b5a-493827161504";
const C1: &str = "consumer-order-service-1";
const C2: &str = "consumer-order-service-order-worker-b";
const A1: &str = "aV3c9QZpS8mYk1nJ0bXw2g";

fn s(v: &str) -> String {
    v.to_string()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(k, v)| (s(k), s(v))).collect()
}

fn part(partition: u32, leader: Option<u32>, replicas: &[u32], isr: &[u32]) -> ImportedPartition {
    ImportedPartition {
        partition,
        leader,
        replicas: replicas.to_vec(),
        isr: isr.to_vec(),
        ..ImportedPartition::default()
    }
}

/// Which columns the partition lines have.
#[derive(Clone, Copy, PartialEq)]
enum Elr {
    /// Before 3.8: none.
    Absent,
    /// 3.8+ through the Metadata API: `N/A`.
    NotAvailable,
    /// 3.8+ KRaft: lists.
    Lists,
}

fn orders_partitions(elr: Elr) -> Vec<ImportedPartition> {
    let mut parts = vec![
        part(0, Some(1), &[1, 2, 3], &[1, 2, 3]),
        part(1, Some(2), &[2, 3, 1], &[2, 3]),
        part(2, Some(3), &[3, 1, 2], &[3, 1, 2]),
    ];
    if elr == Elr::Lists {
        for p in &mut parts {
            p.elr = Some(vec![]);
            p.last_known_elr = Some(vec![]);
        }
    }
    parts
}

fn payments_partitions(elr: Elr) -> Vec<ImportedPartition> {
    let mut parts = vec![
        part(0, None, &[1, 3], &[1]),
        part(1, Some(3), &[3, 2], &[3, 2]),
    ];
    if elr == Elr::Lists {
        parts[0].elr = Some(vec![]);
        parts[0].last_known_elr = Some(vec![1]);
        parts[1].elr = Some(vec![]);
        parts[1].last_known_elr = Some(vec![]);
    }
    parts
}

fn offsets_topic_partitions(elr: Elr) -> Vec<ImportedPartition> {
    let mut parts = vec![
        part(0, Some(2), &[2, 3, 1], &[2, 3, 1]),
        part(1, Some(3), &[3, 1, 2], &[3, 2]),
        part(2, Some(1), &[1, 2, 3], &[1, 2, 3]),
    ];
    if elr == Elr::Lists {
        for p in &mut parts {
            p.elr = Some(vec![]);
            p.last_known_elr = Some(vec![]);
        }
    }
    parts
}

fn topic(
    name: &str,
    id: Option<&str>,
    rf: u32,
    configs: &[(&str, &str)],
    partitions: Vec<ImportedPartition>,
) -> ImportedTopic {
    ImportedTopic {
        name: s(name),
        topic_id: id.map(s),
        partition_count: Some(partitions.len() as u32),
        replication_factor: Some(rf),
        configs: pairs(configs),
        marked_for_deletion: false,
        partitions,
        described_configs: None,
    }
}

const ORDERS_CONFIGS: [(&str, &str); 3] = [
    ("cleanup.policy", "compact,delete"),
    ("min.insync.replicas", "2"),
    ("segment.bytes", "1073741824"),
];
const PAYMENTS_CONFIGS: [(&str, &str); 2] = [
    ("retention.ms", "86400000"),
    ("segment.bytes", "1073741824"),
];
const OFFSETS_CONFIGS: [(&str, &str); 3] = [
    ("compression.type", "producer"),
    ("cleanup.policy", "compact"),
    ("segment.bytes", "104857600"),
];

fn orders(elr: Elr) -> ImportedTopic {
    topic(
        "orders",
        Some(ORDERS_ID),
        3,
        &ORDERS_CONFIGS,
        orders_partitions(elr),
    )
}

fn payments(elr: Elr) -> ImportedTopic {
    topic(
        "payments",
        Some(PAYMENTS_ID),
        2,
        &PAYMENTS_CONFIGS,
        payments_partitions(elr),
    )
}

fn offsets_topic(elr: Elr) -> ImportedTopic {
    topic(
        "__consumer_offsets",
        Some(OFFSETS_ID),
        3,
        &OFFSETS_CONFIGS,
        offsets_topic_partitions(elr),
    )
}

fn brokers(ids: &[u32]) -> Vec<ImportedBroker> {
    ids.iter()
        .map(|&id| ImportedBroker { id, endpoint: None })
        .collect()
}

fn endpoint(host: &str) -> Endpoint {
    Endpoint {
        host: s(host),
        port: 9092,
    }
}

fn cluster(
    brokers: Vec<ImportedBroker>,
    topics: Vec<ImportedTopic>,
    groups: Vec<ImportedGroup>,
) -> ImportedCluster {
    ImportedCluster {
        brokers,
        topics,
        groups,
    }
}

fn row(
    topic: &str,
    partition: u32,
    epoch: Option<i32>,
    current: i64,
    end: Option<i64>,
    member: Option<(&str, &str, &str)>,
) -> OffsetRow {
    OffsetRow {
        topic: Some(s(topic)),
        partition: Some(partition),
        leader_epoch: epoch,
        current_offset: Some(current),
        log_end_offset: end,
        lag: end.map(|e| e - current),
        consumer_id: member.map(|m| s(m.0)),
        host: member.map(|m| s(m.1)),
        client_id: member.map(|m| s(m.2)),
    }
}

/// The offsets table of a group; `verbose`: with LEADER-EPOCH (4.0+).
fn offsets_of(group: &str, verbose: bool) -> OffsetsTable {
    let e = |n: i32| verbose.then_some(n);
    let m1 = Some((M1, "/10.0.0.11", C1));
    let m2 = Some((M2, "/10.0.0.12", C2));
    let a1 = Some((A1, "/10.0.0.21", "consumer-audit-1"));
    let rows = match group {
        "order-service" => vec![
            row("orders", 0, e(4), 1200, Some(1250), m1),
            row("orders", 1, e(4), 980, Some(980), m1),
            row("orders", 2, e(5), 1104, Some(1190), m2),
        ],
        "billing" => vec![
            row("payments", 0, e(2), 500, None, None),
            row("payments", 1, e(3), 730, Some(731), None),
        ],
        "audit" => vec![
            row("orders", 0, e(4), 1250, Some(1250), a1),
            row("orders", 1, e(4), 980, Some(980), a1),
            row("orders", 2, e(5), 1190, Some(1190), a1),
        ],
        _ => unreachable!(),
    };
    OffsetsTable {
        leader_epoch_column: verbose,
        rows,
    }
}

/// How a members table shows assignments.
#[derive(Clone, Copy, PartialEq)]
enum Assignments {
    /// Not `--verbose`.
    None,
    /// 2.8–3.7: `topic(0,1)`.
    Named,
    /// 3.8–3.9: `(0,1)`.
    Topicless,
    /// 4.0+: `topic:0,1` and epochs.
    Epochs,
}

fn assigned(topic: Option<&str>, partitions: &[u32]) -> Vec<AssignedPartitions> {
    vec![AssignedPartitions {
        topic: topic.map(s),
        partitions: partitions.to_vec(),
    }]
}

fn members_of(group: &str, a: Assignments) -> MembersTable {
    let topic = match a {
        Assignments::Topicless => None,
        _ => Some("orders"),
    };
    let assignment = |parts: &[u32]| (a != Assignments::None).then(|| assigned(topic, parts));
    let members = match group {
        "order-service" => vec![
            ImportedMember {
                consumer_id: s(M1),
                group_instance_id: None,
                host: s("/10.0.0.11"),
                client_id: s(C1),
                partition_count: 2,
                assignment: assignment(&[0, 1]),
                ..ImportedMember::default()
            },
            ImportedMember {
                consumer_id: s(M2),
                group_instance_id: Some(s("order-worker-b")),
                host: s("/10.0.0.12"),
                client_id: s(C2),
                partition_count: 1,
                assignment: assignment(&[2]),
                ..ImportedMember::default()
            },
        ],
        "audit" => vec![ImportedMember {
            consumer_id: s(A1),
            group_instance_id: None,
            host: s("/10.0.0.21"),
            client_id: s("consumer-audit-1"),
            partition_count: 3,
            assignment: assignment(&[0, 1, 2]),
            current_epoch: (a == Assignments::Epochs).then_some(7),
            target_epoch: (a == Assignments::Epochs).then_some(7),
            target_assignment: if a == Assignments::Epochs {
                assigned(Some("orders"), &[0, 1, 2])
            } else {
                vec![]
            },
            upgraded: None,
        }],
        _ => unreachable!(),
    };
    MembersTable {
        verbose: a != Assignments::None,
        members,
    }
}

fn state_of(group: &str, v4: bool, verbose: bool) -> GroupStateInfo {
    let (id, strategy, state, members, epochs) = match group {
        "order-service" => (1, Some("range"), GroupStateName::Stable, 2, None),
        "billing" => (2, None, GroupStateName::Empty, 0, None),
        "audit" => (3, Some("uniform"), GroupStateName::Stable, 1, Some(7)),
        _ => unreachable!(),
    };
    let _ = v4;
    GroupStateInfo {
        coordinator: Coordinator {
            id,
            endpoint: endpoint(&format!("kafka-{id}")),
        },
        assignment_strategy: strategy.map(s),
        state,
        member_count: members,
        group_epoch: if verbose { epochs } else { None },
        target_assignment_epoch: if verbose { epochs } else { None },
        verbose,
    }
}

fn group(id: &str) -> ImportedGroup {
    ImportedGroup {
        group_id: s(id),
        notice: (id == "billing").then_some(GroupNotice::NoActiveMembers),
        ..ImportedGroup::default()
    }
}

fn coordinators(ids: &[u32]) -> Vec<ImportedBroker> {
    ids.iter()
        .map(|&id| ImportedBroker {
            id,
            endpoint: Some(endpoint(&format!("kafka-{id}"))),
        })
        .collect()
}

fn layouts(i: &import::Imported) -> Vec<(Format, &'static str)> {
    i.sections.iter().map(|s| (s.format, s.layout)).collect()
}

// ---- kafka-topics -------------------------------------------------------

#[test]
fn topics_2_8() {
    let i = read("topics-describe-2.8.txt");
    assert_eq!(
        i.cluster,
        cluster(
            brokers(&[1, 2, 3]),
            vec![
                orders(Elr::Absent),
                payments(Elr::Absent),
                offsets_topic(Elr::Absent)
            ],
            vec![]
        )
    );
    assert_eq!(
        layouts(&i),
        vec![(Format::TopicsDescribe, "Kafka 2.8–3.7: no Elr columns")]
    );
    assert_eq!(i.sections[0].first_line, 1);
    assert_eq!(i.sections[0].last_line, 11);
    assert!(i.notes.is_empty(), "{:?}", i.notes);
}

#[test]
fn topics_2_3_without_spaces_and_ids() {
    let i = read("topics-describe-2.3.txt");
    let no_id = |mut t: ImportedTopic| {
        t.topic_id = None;
        t
    };
    assert_eq!(
        i.cluster,
        cluster(
            brokers(&[1, 2, 3]),
            vec![no_id(orders(Elr::Absent)), no_id(payments(Elr::Absent))],
            vec![]
        )
    );
    assert_eq!(
        layouts(&i),
        vec![(
            Format::TopicsDescribe,
            "Kafka 2.3 or earlier: no space after the Topic: line's colons"
        )]
    );
}

#[test]
fn topics_2_8_zookeeper_mode() {
    let i = read("topics-describe-2.8-zookeeper.txt");
    let zk = |mut t: ImportedTopic, configs: &[(&str, &str)]| {
        t.configs = pairs(configs);
        t
    };
    let old_events = ImportedTopic {
        name: s("old-events"),
        topic_id: None,
        partition_count: Some(1),
        replication_factor: Some(1),
        configs: vec![],
        marked_for_deletion: true,
        partitions: vec![part(0, Some(1), &[1], &[1])],
        described_configs: None,
    };
    assert_eq!(
        i.cluster,
        cluster(
            brokers(&[1, 2, 3]),
            vec![
                offsets_topic(Elr::Absent),
                old_events,
                zk(orders(Elr::Absent), &ORDERS_CONFIGS[..2]),
                zk(payments(Elr::Absent), &PAYMENTS_CONFIGS[..1]),
            ],
            vec![]
        )
    );
    assert!(i.notes.is_empty(), "{:?}", i.notes);
}

#[test]
fn topics_3_7_one_topic() {
    let i = read("topics-describe-3.7-one-topic.txt");
    assert_eq!(
        i.cluster,
        cluster(brokers(&[1, 2, 3]), vec![orders(Elr::Absent)], vec![])
    );
}

#[test]
fn topics_3_9_and_4_1_with_elr() {
    for file in ["topics-describe-3.9.txt", "topics-describe-4.1.txt"] {
        let i = read(file);
        assert_eq!(
            i.cluster,
            cluster(
                brokers(&[1, 2, 3]),
                vec![
                    orders(Elr::Lists),
                    payments(Elr::Lists),
                    offsets_topic(Elr::Lists)
                ],
                vec![]
            ),
            "{file}"
        );
        assert_eq!(
            layouts(&i),
            vec![(
                Format::TopicsDescribe,
                "Kafka 3.8 or later: Elr and LastKnownElr columns"
            )]
        );
    }
}

#[test]
fn topics_3_9_against_a_zookeeper_cluster_print_not_available() {
    let i = read("topics-describe-3.9-zookeeper-cluster.txt");
    // `N/A` is "not known", as when the columns are absent.
    assert_eq!(
        i.cluster,
        cluster(
            brokers(&[1, 2, 3]),
            vec![orders(Elr::NotAvailable), payments(Elr::NotAvailable)],
            vec![]
        )
    );
    assert_eq!(
        layouts(&i),
        vec![(
            Format::TopicsDescribe,
            "Kafka 3.8 or later: Elr and LastKnownElr columns"
        )]
    );
}

#[test]
fn topics_under_replicated_partitions_only() {
    let i = read("topics-describe-4.1-under-replicated.txt");
    let only = |name: &str, p: ImportedPartition| ImportedTopic {
        name: s(name),
        partitions: vec![p],
        ..ImportedTopic::default()
    };
    assert_eq!(
        i.cluster,
        cluster(
            brokers(&[1, 2, 3]),
            vec![
                only("orders", orders_partitions(Elr::Lists).remove(1)),
                only("payments", payments_partitions(Elr::Lists).remove(0)),
                only(
                    "__consumer_offsets",
                    offsets_topic_partitions(Elr::Lists).remove(1)
                ),
            ],
            vec![]
        )
    );
    assert_eq!(
        layouts(&i),
        vec![(
            Format::TopicsDescribe,
            "partition lines only (a filter such as --under-replicated-partitions), Kafka 3.8 or later"
        )]
    );
    // Each topic's partition count is unknown, and the import says so.
    assert_eq!(i.notes.len(), 3, "{:?}", i.notes);
    assert!(i.notes[0]
        .message
        .contains("its partition count and configs are unknown"));
    assert_eq!(i.notes[1].line, Some(2));
}

#[test]
fn topics_with_overrides_only() {
    let i = read("topics-describe-4.1-with-overrides.txt");
    let no_parts = |mut t: ImportedTopic| {
        t.partitions.clear();
        t
    };
    assert_eq!(
        i.cluster,
        cluster(
            vec![],
            vec![
                no_parts(orders(Elr::Lists)),
                no_parts(payments(Elr::Lists)),
                no_parts(offsets_topic(Elr::Lists))
            ],
            vec![]
        )
    );
    assert_eq!(
        layouts(&i)[0].1,
        "topic lines only: --topics-with-overrides, or a paste without partition lines"
    );
}

#[test]
fn topics_during_a_reassignment() {
    let i = read("topics-describe-4.1-reassignment.txt");
    let mut t = orders(Elr::Lists);
    t.partitions[0].replicas = vec![4, 2, 3, 1];
    t.partitions[0].adding_replicas = Some(vec![4]);
    t.partitions[0].removing_replicas = Some(vec![1]);
    assert_eq!(i.cluster, cluster(brokers(&[1, 2, 3, 4]), vec![t], vec![]));
}

// ---- kafka-consumer-groups -----------------------------------------------

#[test]
fn groups_offsets_2_8_and_3_9() {
    for file in ["groups-describe-2.8.txt", "groups-describe-3.9.txt"] {
        let i = read(file);
        let mut billing = group("billing");
        billing.offsets = Some(offsets_of("billing", false));
        let mut orders = group("order-service");
        orders.offsets = Some(offsets_of("order-service", false));
        assert_eq!(
            i.cluster,
            cluster(vec![], vec![], vec![billing, orders]),
            "{file}"
        );
        assert_eq!(
            layouts(&i),
            vec![
                (Format::GroupOffsets, "Kafka 2.8 or later"),
                (Format::GroupOffsets, "Kafka 2.8 or later")
            ],
            "{file}"
        );
    }
}

#[test]
fn groups_offsets_4_1() {
    let i = read("groups-describe-4.1.txt");
    let mut g = group("order-service");
    g.offsets = Some(offsets_of("order-service", false));
    assert_eq!(i.cluster, cluster(vec![], vec![], vec![g]));
    let i = read("groups-describe-verbose-4.1.txt");
    let groups: Vec<ImportedGroup> = ["audit", "billing", "order-service"]
        .iter()
        .map(|id| {
            let mut g = group(id);
            g.offsets = Some(offsets_of(id, true));
            g
        })
        .collect();
    assert_eq!(i.cluster, cluster(vec![], vec![], groups));
    assert_eq!(
        layouts(&i)[0],
        (
            Format::GroupOffsets,
            "Kafka 4.0 or later, --verbose: LEADER-EPOCH column"
        )
    );
}

#[test]
fn groups_members_of_each_version() {
    let cases = [
        (
            "groups-members-verbose-2.8.txt",
            Assignments::Named,
            "Kafka 2.8–3.7, --verbose: topic(partitions)",
        ),
        (
            "groups-members-verbose-3.9.txt",
            Assignments::Topicless,
            "Kafka 3.8–3.9, --verbose: (partitions) without topic names",
        ),
        (
            "groups-members-3.9.txt",
            Assignments::None,
            "Kafka 2.8 or later",
        ),
    ];
    for (file, a, layout) in cases {
        let i = read(file);
        let mut orders = group("order-service");
        orders.members = Some(members_of("order-service", a));
        let expected = if file == "groups-members-3.9.txt" {
            vec![orders]
        } else {
            vec![group("billing"), orders]
        };
        assert_eq!(i.cluster, cluster(vec![], vec![], expected), "{file}");
        assert_eq!(
            layouts(&i).last().unwrap(),
            &(Format::GroupMembers, layout),
            "{file}"
        );
    }
    // 3.8+ print billing's header with no rows: noted.
    let i = read("groups-members-verbose-3.9.txt");
    assert_eq!(i.notes.len(), 1, "{:?}", i.notes);
    assert_eq!(i.notes[0].line, Some(4));
    assert!(i.notes[0].message.contains("header without rows"));
}

#[test]
fn groups_members_4_1() {
    for (file, a) in [
        ("groups-members-verbose-4.1.txt", Assignments::Epochs),
        ("groups-members-4.1.txt", Assignments::None),
    ] {
        let i = read(file);
        let mut audit = group("audit");
        audit.members = Some(members_of("audit", a));
        let mut orders = group("order-service");
        orders.members = Some(members_of("order-service", a));
        let expected = if a == Assignments::Epochs {
            vec![audit, group("billing"), orders]
        } else {
            vec![audit, orders]
        };
        assert_eq!(i.cluster, cluster(vec![], vec![], expected), "{file}");
    }
    let i = read("groups-members-verbose-4.1.txt");
    assert_eq!(
        layouts(&i)[0],
        (
            Format::GroupMembers,
            "Kafka 4.0 or later, --verbose: epochs and target assignments"
        )
    );
}

#[test]
fn groups_state_of_each_version() {
    for (file, v4, verbose, layout) in [
        ("groups-state-2.8.txt", false, false, "Kafka 2.8–3.7"),
        (
            "groups-state-3.9.txt",
            false,
            false,
            "Kafka 3.8–3.9: two spaces before (id)",
        ),
        ("groups-state-4.1.txt", true, false, "Kafka 4.0 or later"),
        (
            "groups-state-verbose-4.1.txt",
            true,
            true,
            "Kafka 4.0 or later, --verbose: epoch columns",
        ),
    ] {
        let i = read(file);
        let ids: &[&str] = if v4 {
            &["audit", "billing", "order-service"]
        } else {
            &["billing", "order-service"]
        };
        let groups: Vec<ImportedGroup> = ids
            .iter()
            .map(|id| {
                let mut g = group(id);
                g.state = Some(state_of(id, v4, verbose));
                g
            })
            .collect();
        let b = if v4 {
            coordinators(&[1, 2, 3])
        } else {
            coordinators(&[1, 2])
        };
        assert_eq!(i.cluster, cluster(b, vec![], groups), "{file}");
        for (format, l) in layouts(&i) {
            assert_eq!((format, l), (Format::GroupState, layout), "{file}");
        }
    }
}

// ---- kafka-configs ------------------------------------------------------

fn syn(source: &str, name: &str, value: &str) -> ConfigSynonym {
    ConfigSynonym {
        source: s(source),
        name: s(name),
        value: s(value),
    }
}

fn entry(name: &str, value: &str, synonyms: Vec<ConfigSynonym>) -> DescribedConfig {
    DescribedConfig {
        name: s(name),
        value: s(value),
        sensitive: false,
        synonyms,
    }
}

fn described(name: &str, all: bool, entries: Vec<DescribedConfig>) -> ImportedTopic {
    ImportedTopic {
        name: s(name),
        described_configs: Some(DescribedConfigs { all, entries }),
        ..ImportedTopic::default()
    }
}

fn retention_entry() -> DescribedConfig {
    entry(
        "retention.ms",
        "86400000",
        vec![
            syn("DYNAMIC_TOPIC_CONFIG", "retention.ms", "86400000"),
            syn("STATIC_BROKER_CONFIG", "log.retention.hours", "168"),
            syn("DEFAULT_CONFIG", "log.retention.hours", "168"),
        ],
    )
}

fn dynamic_orders() -> Vec<DescribedConfig> {
    vec![
        entry(
            "cleanup.policy",
            "compact,delete",
            vec![
                syn("DYNAMIC_TOPIC_CONFIG", "cleanup.policy", "compact,delete"),
                syn("DEFAULT_CONFIG", "log.cleanup.policy", "delete"),
            ],
        ),
        entry(
            "min.insync.replicas",
            "2",
            vec![
                syn("DYNAMIC_TOPIC_CONFIG", "min.insync.replicas", "2"),
                syn("DEFAULT_CONFIG", "min.insync.replicas", "1"),
            ],
        ),
    ]
}

#[test]
fn configs_dynamic_all_and_zookeeper() {
    let i = read("configs-describe-3.9.txt");
    assert_eq!(
        i.cluster,
        cluster(
            vec![],
            vec![
                described("orders", false, dynamic_orders()),
                described("payments", false, vec![retention_entry()])
            ],
            vec![]
        )
    );
    let i = read("configs-describe-all-4.1.txt");
    let d = |n: &str, v: &str, b: &str| entry(n, v, vec![syn("DEFAULT_CONFIG", b, v)]);
    assert_eq!(
        i.cluster,
        cluster(
            vec![],
            vec![described(
                "payments",
                true,
                vec![
                    d("cleanup.policy", "delete", "log.cleanup.policy"),
                    d("min.insync.replicas", "1", "min.insync.replicas"),
                    d("retention.bytes", "-1", "log.retention.bytes"),
                    retention_entry(),
                    entry(
                        "segment.bytes",
                        "1073741824",
                        vec![
                            syn("STATIC_BROKER_CONFIG", "log.segment.bytes", "1073741824"),
                            syn("DEFAULT_CONFIG", "log.segment.bytes", "1073741824"),
                        ]
                    ),
                    d(
                        "unclean.leader.election.enable",
                        "false",
                        "unclean.leader.election.enable"
                    ),
                ]
            )],
            vec![]
        )
    );
    assert_eq!(
        layouts(&i),
        vec![(Format::TopicConfigs, "Kafka 2.8 or later, --all")]
    );
    let i = read("configs-describe-2.8-zookeeper.txt");
    let plain = |n: &str, v: &str| entry(n, v, vec![]);
    assert_eq!(
        i.cluster,
        cluster(
            vec![],
            vec![
                described(
                    "orders",
                    false,
                    vec![
                        plain("cleanup.policy", "compact,delete"),
                        plain("min.insync.replicas", "2")
                    ]
                ),
                described("payments", false, vec![plain("retention.ms", "86400000")]),
            ],
            vec![]
        )
    );
}

// ---- a whole session, and files together ---------------------------------

#[test]
fn a_windows_terminal_session_with_everything() {
    let i = read("session-4.1-windows-terminal.txt");
    let mut orders_topic = orders(Elr::Lists);
    orders_topic.described_configs = Some(DescribedConfigs {
        all: false,
        entries: dynamic_orders(),
    });
    let groups: Vec<ImportedGroup> = ["audit", "billing", "order-service"]
        .iter()
        .map(|id| {
            let mut g = group(id);
            g.offsets = Some(offsets_of(id, false));
            g.state = Some(state_of(id, true, false));
            g
        })
        .collect();
    assert_eq!(
        i.cluster,
        cluster(
            coordinators(&[1, 2, 3]),
            vec![orders_topic, payments(Elr::Lists)],
            groups
        )
    );
    let formats: Vec<Format> = i.sections.iter().map(|s| s.format).collect();
    assert_eq!(
        formats,
        [
            vec![Format::TopicsDescribe],
            vec![Format::GroupOffsets; 3],
            vec![Format::GroupState; 3],
            vec![Format::TopicConfigs]
        ]
        .concat()
    );
    // The five prompts and the WARN line are skipped, and said to be.
    let skipped: Vec<(Option<usize>, &str)> = i
        .notes
        .iter()
        .map(|n| (n.line, n.message.as_str()))
        .collect();
    assert_eq!(
        skipped,
        vec![
            (Some(1), "skipped: a command line or prompt"),
            (Some(9), "skipped: a command line or prompt"),
            (Some(10), "skipped: a message from the tool"),
            (Some(27), "skipped: a command line or prompt"),
            (Some(39), "skipped: a command line or prompt"),
            (Some(43), "skipped: a command line or prompt"),
        ]
    );
}

#[test]
fn several_files_make_one_cluster() {
    let topics = corpus("topics-describe-3.9.txt");
    let groups = corpus("groups-describe-3.9.txt");
    let state = corpus("groups-state-3.9.txt");
    let configs = corpus("configs-describe-3.9.txt");
    let i = parse_sources(&[
        Source {
            name: Some("topics.txt"),
            text: &topics,
        },
        Source {
            name: Some("groups.txt"),
            text: &groups,
        },
        Source {
            name: Some("state.txt"),
            text: &state,
        },
        Source {
            name: Some("configs.txt"),
            text: &configs,
        },
    ])
    .unwrap_or_else(|e| panic!("{e}"));
    let c = &i.cluster;
    assert_eq!(
        c.brokers,
        coordinators(&[1, 2])
            .into_iter()
            .chain(brokers(&[3]))
            .collect::<Vec<_>>()
    );
    assert_eq!(c.topics.len(), 3);
    assert_eq!(
        c.topic("orders").unwrap().config("min.insync.replicas"),
        Some("2")
    );
    assert_eq!(
        c.topic("payments").unwrap().config("retention.ms"),
        Some("86400000")
    );
    assert_eq!(
        c.topic("payments").unwrap().config("segment.bytes"),
        Some("1073741824")
    );
    assert_eq!(c.topic("payments").unwrap().config("retention.bytes"), None);
    let billing = c.group("billing").unwrap();
    assert_eq!(billing.state.as_ref().unwrap().state, GroupStateName::Empty);
    assert_eq!(billing.offsets.as_ref().unwrap().rows.len(), 2);
    assert_eq!(i.sections[0].source.as_deref(), Some("topics.txt"));
    assert_eq!(
        i.sections.last().unwrap().source.as_deref(),
        Some("configs.txt")
    );
}

// ---- round trip through the 4.x printer -----------------------------------

#[test]
fn every_corpus_file_round_trips_through_the_4x_printer() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 27, "{}", files.len());
    for path in files {
        let text = fs::read_to_string(&path).unwrap();
        let first = parse(&text)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            .cluster;
        let printed = print_4x(&first);
        let second = parse(&printed)
            .unwrap_or_else(|e| panic!("{}: printed:\n{printed}\n{e}", path.display()))
            .cluster;
        assert_eq!(first, second, "{}: printed:\n{printed}", path.display());
        // Printing is stable.
        assert_eq!(print_4x(&second), printed, "{}", path.display());
    }
}

#[test]
fn the_printer_writes_what_kafka_4_prints() {
    // The 4.1 files are the 4.x tool's own layout: printing their model
    // gives the same bytes back.
    for file in [
        "groups-describe-verbose-4.1.txt",
        "groups-state-verbose-4.1.txt",
        "groups-state-4.1.txt",
        "groups-members-4.1.txt",
    ] {
        let text = corpus(file);
        assert_eq!(print_4x(&read(file).cluster), text, "{file}");
    }
    let text = corpus("topics-describe-4.1.txt");
    assert_eq!(print_4x(&read("topics-describe-4.1.txt").cluster), text);
}

#[test]
fn a_group_mixing_both_protocols_has_the_upgraded_column() {
    let member = |id: &str, upgraded: bool| ImportedMember {
        consumer_id: s(id),
        group_instance_id: None,
        host: s("/10.0.0.5"),
        client_id: s("c"),
        partition_count: 1,
        assignment: Some(assigned(Some("orders"), &[0])),
        current_epoch: Some(3),
        target_epoch: Some(3),
        target_assignment: assigned(Some("orders"), &[0]),
        upgraded: Some(upgraded),
    };
    let mut g = group("migrating");
    g.members = Some(MembersTable {
        verbose: true,
        members: vec![member("m-classic", false), member("m-new", true)],
    });
    let model = cluster(vec![], vec![], vec![g]);
    let text = print_4x(&model);
    let header = text.lines().nth(1).unwrap();
    assert!(
        header.ends_with("TARGET-ASSIGNMENT    UPGRADED"),
        "{header}"
    );
    assert!(text.lines().nth(2).unwrap().ends_with(" false"), "{text}");
    let read = parse(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(read.cluster, model);
}
