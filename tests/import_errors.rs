//! Bad input for the import: each problem refuses the whole paste with a
//! message that names the line and quotes it (at most 200 characters), and
//! every problem of a paste is listed at once.
#![cfg(not(target_arch = "wasm32"))]

use kafkascope::import::limits::{MAX_ERRORS, MAX_INPUT_BYTES, MAX_INPUT_LINES, MAX_SOURCES};
use kafkascope::import::{parse, parse_sources, Rejected, Source};
use kafkascope::text::quote::{MAX_MESSAGE_CHARS, MAX_QUOTED_CHARS};

const TOPICS: &str = "\
Topic: orders\tTopicId: Wd6zVN3xRFevh7ZcW6Q2Yg\tPartitionCount: 3\tReplicationFactor: 3\tConfigs: min.insync.replicas=2
\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2,3
\tTopic: orders\tPartition: 1\tLeader: 2\tReplicas: 2,3,1\tIsr: 2,3
\tTopic: orders\tPartition: 2\tLeader: 3\tReplicas: 3,1,2\tIsr: 3,1,2
";

const OFFSETS: &str = "
GROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             CONSUMER-ID     HOST            CLIENT-ID
billing         orders          0          500             510             10              -               -               -
billing         orders          1          730             731             1               -               -               -
";

fn refused(text: &str) -> Rejected {
    match parse(text) {
        Ok(i) => panic!("accepted:\n{text}\n{:?}", i.cluster),
        Err(e) => {
            for p in &e.errors {
                assert!(p.quote.chars().count() <= MAX_QUOTED_CHARS, "{p}");
                assert!(p.message.chars().count() <= MAX_MESSAGE_CHARS, "{p}");
            }
            e
        }
    }
}

/// The only error: its line and a piece of its message.
fn one_error(text: &str, line: usize, needle: &str) -> Rejected {
    let e = refused(text);
    assert_eq!(e.errors.len(), 1, "{e}");
    assert_eq!(e.errors[0].line, Some(line), "{e}");
    assert!(e.errors[0].message.contains(needle), "{e}");
    e
}

#[test]
fn the_good_inputs_these_tests_break_are_good() {
    parse(TOPICS).unwrap();
    parse(OFFSETS).unwrap();
    parse(&format!("{TOPICS}{OFFSETS}")).unwrap();
}

#[test]
fn text_that_is_no_kafka_output_is_refused_and_each_line_noted() {
    let e = refused(
        "total 8\ndrwxr-xr-x 2 root root 4096 Dec  2 08:33 .\n-rw-r--r-- 1 root root  138 a.txt\n",
    );
    assert_eq!(e.errors.len(), 1);
    assert_eq!(e.errors[0].line, None);
    assert!(e.errors[0].message.starts_with("nothing to import"), "{e}");
    assert_eq!(e.notes.len(), 3);
    assert!(e.notes.iter().all(|n| n.message.starts_with("skipped")));
    assert!(refused("").errors[0]
        .message
        .starts_with("nothing to import"));
    assert!(refused("\n\n  \r\n\t\n").errors[0]
        .message
        .starts_with("nothing to import"));
}

#[test]
fn truncated_lines() {
    one_error(
        "Topic: orders\tTopicId: Wd6zVN3xRFevh7ZcW6Q2Yg\tPartitionCou",
        1,
        "without `PartitionCount:` (cut short?)",
    );
    let cut = TOPICS.replace("\tIsr: 2,3\n", "\n");
    let e = one_error(&cut, 3, "without `Isr:`");
    assert_eq!(
        e.errors[0].quote,
        "\tTopic: orders\tPartition: 1\tLeader: 2\tReplicas: 2,3,1"
    );
    let cut = OFFSETS.replace(
        "730             731             1               -               -               -",
        "730             7",
    );
    one_error(&cut, 4, "no value under LAG (cut short?)");
    let e = refused(&OFFSETS.replace("1               -               -               -", ""));
    assert!(
        e.errors[0]
            .message
            .contains("is `-` although both offsets are known")
            || e.errors[0].message.contains("cut short"),
        "{e}"
    );
}

#[test]
fn unknown_columns_are_refused() {
    let e = one_error(
        &OFFSETS.replace("CLIENT-ID", "OWNER"),
        2,
        "unknown column `OWNER` in a kafka-consumer-groups header",
    );
    // Its rows are not read on their own: one error for the table.
    assert_eq!(e.errors.len(), 1);
    one_error("GROUP STATE\nbilling Empty\n", 1, "--list");
}

#[test]
fn a_leader_or_isr_member_that_is_not_a_replica() {
    one_error(
        &TOPICS.replace("Leader: 2\tReplicas: 2,3,1", "Leader: 4\tReplicas: 2,3,1"),
        3,
        "leader 4 is not one of the replicas 2,3,1",
    );
    one_error(
        &TOPICS.replace("Isr: 3,1,2", "Isr: 3,1,5"),
        4,
        "Isr member 5 is not one of the replicas 3,1,2",
    );
    one_error(
        &TOPICS.replace("Replicas: 1,2,3\tIsr: 1,2,3", "Replicas: 1,2,1\tIsr: 1,2"),
        2,
        "broker 1 is twice in Replicas 1,2,1",
    );
}

#[test]
fn a_partition_listed_twice_or_missing_or_past_the_count() {
    let twice =
        format!("{TOPICS}\tTopic: orders\tPartition: 1\tLeader: 2\tReplicas: 2,3,1\tIsr: 2,3,1\n");
    one_error(
        &twice,
        5,
        "partition 1 of topic `orders` is listed twice (first at line 3)",
    );
    let missing: String = TOPICS
        .lines()
        .filter(|l| !l.contains("Partition: 2"))
        .map(|l| format!("{l}\n"))
        .collect();
    one_error(
        &missing,
        1,
        "PartitionCount 3 but no line for partition 2 of topic `orders` (cut short?)",
    );
    let extra =
        format!("{TOPICS}\tTopic: orders\tPartition: 3\tLeader: 2\tReplicas: 2,3,1\tIsr: 2,3,1\n");
    one_error(
        &extra,
        5,
        "partition 3 of topic `orders`, whose PartitionCount is 3 (line 1)",
    );
    let e = one_error(
        &format!("{TOPICS}{TOPICS}"),
        5,
        "topic `orders` is described twice (first at line 1)",
    );
    assert_eq!(e.errors[0].line, Some(5));
}

#[test]
fn a_lost_topic_line() {
    // An output with Topic: lines has one for each topic; the partition
    // filters print none at all.
    let other = "\tTopic: payments\tPartition: 0\tLeader: 3\tReplicas: 3\tIsr: 3\n";
    one_error(
        &format!("{TOPICS}{other}"),
        5,
        "partition lines of topic `payments` without its Topic: line, in an output that has the Topic: lines of other topics",
    );
    let i = parse(&format!("{TOPICS}\n{other}")).unwrap();
    assert!(
        i.notes[0]
            .message
            .contains("without its Topic: line (a filter"),
        "{:?}",
        i.notes
    );
}

#[test]
fn a_replication_factor_that_does_not_match() {
    one_error(
        &TOPICS.replace("Replicas: 2,3,1\tIsr: 2,3", "Replicas: 2,3\tIsr: 2,3"),
        3,
        "2 replicas (2,3) but the topic's ReplicationFactor is 3",
    );
}

#[test]
fn negative_offsets_and_a_wrong_lag() {
    one_error(
        &OFFSETS.replace(
            "500             510             10",
            "-5              510             515",
        ),
        3,
        "CURRENT-OFFSET -5 is negative",
    );
    one_error(
        &OFFSETS.replace(
            "500             510             10",
            "500             510             7 ",
        ),
        3,
        "LAG 7 is not LOG-END-OFFSET − CURRENT-OFFSET = 510 − 500",
    );
    one_error(
        &OFFSETS.replace(
            "500             510",
            "500             99999999999999999999",
        ),
        3,
        "past Java's long range",
    );
    // A negative lag is what Kafka prints when the commit is past the end.
    parse(&OFFSETS.replace(
        "500             510             10",
        "520             510             -10",
    ))
    .unwrap();
}

#[test]
fn offsets_against_the_topics() {
    let past = OFFSETS.replace(
        "billing         orders          1 ",
        "billing         orders          7 ",
    );
    one_error(
        &format!("{TOPICS}{past}"),
        8,
        "partition 7 of `orders`, whose PartitionCount is 3 (line 1)",
    );
    let twice = OFFSETS.replace(
        "billing         orders          1 ",
        "billing         orders          0 ",
    );
    one_error(
        &twice,
        4,
        "group `billing` lists partition 0 of `orders` twice (first at line 3)",
    );
    // Said once, at the first row of the second table.
    one_error(
        &format!("{OFFSETS}{OFFSETS}"),
        7,
        "the offsets of group `billing` are pasted twice (first at line 2)",
    );
    // A topic no kafka-topics output describes: kept, and noted.
    let other = format!("{TOPICS}{}", OFFSETS.replace(" orders  ", " invoices"));
    let i = parse(&other).unwrap();
    assert!(i.notes.iter().any(|n| n
        .message
        .contains("reads topic `invoices`, which no kafka-topics output here describes")));
}

#[test]
fn configs_that_contradict_the_topic_line() {
    let configs = "Dynamic configs for topic orders are:\n  min.insync.replicas=3 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:min.insync.replicas=3, DEFAULT_CONFIG:min.insync.replicas=1}\n";
    one_error(
        &format!("{TOPICS}{configs}"),
        6,
        "`min.insync.replicas` of topic `orders` is `3` here but `2` in its Topic: line (line 1)",
    );
}

#[test]
fn a_config_entry_cut_short() {
    let configs = "Dynamic configs for topic orders are:\n  min.insync.replicas=2 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:min.insync.replicas=2\n  retention.ms=1000 sensi\n";
    let e = refused(configs);
    let lines: Vec<Option<usize>> = e.errors.iter().map(|p| p.line).collect();
    assert_eq!(lines, vec![Some(2), Some(3)], "{e}");
    assert!(
        e.errors[0]
            .message
            .contains("without its closing `}` (cut short?)"),
        "{e}"
    );
}

#[test]
fn a_coordinator_at_two_addresses() {
    let state = "
GROUP                     COORDINATOR (ID)          ASSIGNMENT-STRATEGY  STATE           #MEMBERS
a                         kafka-1:9092 (1)          range                Stable          1

GROUP                     COORDINATOR (ID)          ASSIGNMENT-STRATEGY  STATE           #MEMBERS
b                         kafka-9:9092 (1)          range                Stable          1
";
    one_error(
        state,
        6,
        "broker 1 is `kafka-9:9092` here but `kafka-1:9092` at line 3",
    );
}

#[test]
fn every_problem_is_listed_at_once_and_nothing_is_loaded() {
    let text = format!(
        "{}{}",
        TOPICS
            .replace("Leader: 2\tReplicas: 2,3,1", "Leader: 4\tReplicas: 2,3,1")
            .replace("Isr: 3,1,2", "Isr: 3,1,9"),
        OFFSETS.replace(
            "730             731             1 ",
            "730             731             2 "
        )
    );
    let e = refused(&text);
    let lines: Vec<Option<usize>> = e.errors.iter().map(|p| p.line).collect();
    assert_eq!(lines, vec![Some(3), Some(4), Some(8)], "{e}");
    let shown = e.to_string();
    assert!(shown.starts_with("Nothing was imported: 3 problems.\nline 3: kafka-topics: topic `orders` partition 1: leader 4"), "{shown}");
    assert!(
        shown.contains("\n    | →Topic: orders→Partition: 1→Leader: 4"),
        "{shown}"
    );
}

#[test]
fn errors_are_capped_and_counted() {
    let mut text = String::from(OFFSETS);
    for n in 0..200 {
        text.push_str(&format!("billing         orders          {n}          -1              510             511             -               -               -\n"));
    }
    let e = refused(&text);
    assert_eq!(e.errors.len(), MAX_ERRORS);
    assert_eq!(e.errors.len() + e.errors_left_out, 200);
    assert!(e.to_string().ends_with("… and 150 more."), "{e}");
}

#[test]
fn long_lines_are_quoted_short() {
    let name = "x".repeat(50_000);
    let e = refused(&format!(
        "Topic: {name}\tPartitionCount: 1\tReplicationFactor: 1\tConfigs: "
    ));
    assert!(
        e.errors[0]
            .message
            .contains("topic name of 50000 characters"),
        "{e}"
    );
    assert!(
        e.errors[0].quote.ends_with("characters)"),
        "{}",
        e.errors[0].quote
    );
    let e = refused(&format!(
        "{TOPICS}\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: {}\tIsr: 1\n",
        "1,".repeat(100_000)
    ));
    assert!(e
        .errors
        .iter()
        .all(|p| p.quote.chars().count() <= MAX_QUOTED_CHARS));
}

// ---- limits -----------------------------------------------------------------

fn topic_lines(name: &str, partitions: u32, brokers: u32) -> String {
    let mut s =
        format!("Topic: {name}\tPartitionCount: {partitions}\tReplicationFactor: 1\tConfigs: \n");
    for p in 0..partitions {
        let b = p % brokers;
        s.push_str(&format!(
            "\tTopic: {name}\tPartition: {p}\tLeader: {b}\tReplicas: {b}\tIsr: {b}\n"
        ));
    }
    s
}

#[test]
fn more_topics_than_the_simulator_shows() {
    let text: String = (0..11)
        .map(|i| topic_lines(&format!("t{i}"), 1, 1))
        .collect();
    let e = one_error(&text, 17, "limit: 11 topics (not counting Kafka's internal topics): the simulator shows at most 8 (3 too many)");
    assert!(e.errors[0].message.contains("--topic"));
    // Kafka's internal topics do not count; 8 others are fine.
    let ok: String = (0..8)
        .map(|i| topic_lines(&format!("t{i}"), 1, 1))
        .chain(std::iter::once(topic_lines("__consumer_offsets", 50, 3)))
        .collect();
    parse(&ok).unwrap();
}

#[test]
fn more_partitions_brokers_groups_or_members() {
    one_error(
        &topic_lines("big", 65, 1),
        1,
        "limit: 65 partitions in topic `big`: the simulator shows at most 64 (1 too many)",
    );
    one_error(
        "Topic: huge\tPartitionCount: 2000000000\tReplicationFactor: 1\tConfigs: \n",
        1,
        "limit: 2000000000 partitions in topic `huge`",
    );
    let e = refused(&topic_lines("wide", 18, 18));
    assert_eq!(e.errors.len(), 1);
    assert_eq!(e.errors[0].line, None);
    assert!(
        e.errors[0]
            .message
            .starts_with("limit: 18 brokers named (0, 1, 2"),
        "{e}"
    );
    assert!(
        e.errors[0]
            .message
            .ends_with("the simulator shows at most 16 (2 too many)"),
        "{e}"
    );
    let groups: String = (0..10)
        .map(|g| OFFSETS.replace("billing        ", &format!("group-{g:<9}")))
        .collect();
    one_error(
        &groups,
        35,
        "limit: 10 consumer groups: the simulator shows at most 8 (2 too many)",
    );
    let mut members = String::from(
        "\nGROUP           CONSUMER-ID     HOST            CLIENT-ID       #PARTITIONS     \n",
    );
    for m in 0..40 {
        members.push_str(&format!(
            "crowd           member-{m:<8} /10.0.0.1       c               0               \n"
        ));
    }
    one_error(
        &members,
        2,
        "limit: 40 members in group `crowd`: the simulator shows at most 32 (8 too many)",
    );
}

#[test]
fn too_much_input() {
    let big = "x".repeat(MAX_INPUT_BYTES + 10);
    let e = one_error_whole(&big);
    assert!(
        e.contains(&format!(
            "limit: {} bytes pasted: at most {MAX_INPUT_BYTES} are read (10 too many)",
            MAX_INPUT_BYTES + 10
        )),
        "{e}"
    );
    let many = "\n".repeat(MAX_INPUT_LINES + 4);
    let e = one_error_whole(&many);
    assert!(
        e.contains(&format!(
            "limit: {} lines pasted: at most {MAX_INPUT_LINES} are read (5 too many)",
            MAX_INPUT_LINES + 5
        )),
        "{e}"
    );
    let sources: Vec<Source> = (0..MAX_SOURCES + 1)
        .map(|_| Source {
            name: Some("f"),
            text: TOPICS,
        })
        .collect();
    let e = parse_sources(&sources).unwrap_err();
    assert!(
        e.errors[0]
            .message
            .contains("17 sources: at most 16 are read together (1 too many)"),
        "{e}"
    );
}

fn one_error_whole(text: &str) -> String {
    let e = parse(text).unwrap_err();
    assert_eq!(e.errors.len(), 1);
    assert_eq!(e.errors[0].line, None);
    e.errors[0].message.clone()
}

#[test]
fn messages_name_the_file_when_there_are_several() {
    let e = parse_sources(&[
        Source {
            name: Some("topics.txt"),
            text: TOPICS,
        },
        Source {
            name: Some("groups.txt"),
            text: &OFFSETS.replace("510             10", "510             11"),
        },
    ])
    .unwrap_err();
    assert_eq!(e.errors.len(), 1);
    assert_eq!(e.errors[0].source.as_deref(), Some("groups.txt"));
    assert!(
        e.to_string()
            .contains("groups.txt, line 3: kafka-consumer-groups: LAG 11"),
        "{e}"
    );
}
