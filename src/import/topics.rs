//! `kafka-topics.sh --describe`: the `Topic:` line and the partition lines.
//!
//! What each version prints (read from `TopicCommand`: Scala in
//! `core/src/main/scala/kafka/admin/` up to 3.6, Java in
//! `tools/src/main/java/org/apache/kafka/tools/` from 3.7):
//! - topic line, 2.8 to 4.x: `Topic: T` `\tTopicId: ID` (left out for a zero
//!   id) `\tPartitionCount: N` `\tReplicationFactor: R` `\tConfigs: k=v,k=v`
//!   (every config that is not Kafka's default, joined by `,` with no
//!   escaping, so a value holding commas, like `cleanup.policy=compact,delete`,
//!   runs on) and, in ZooKeeper mode up to 3.x, `\tMarkedForDeletion: true`;
//! - partition line: a tab, then `Topic: T` `\tPartition: P` `\tLeader: L`
//!   (`none` when there is no leader; `-1` with `--zookeeper` before 2.4)
//!   `\tReplicas: a,b,c` `\tIsr: a,b`, during a reassignment
//!   `\tAdding Replicas: …\tRemoving Replicas: …`, from 3.8 (KIP-966)
//!   `\tElr: …\tLastKnownElr: …` (`N/A` when the cluster answers through
//!   the Metadata API, empty lists otherwise), and the ZooKeeper-mode
//!   `\tMarkedForDeletion: true`;
//! - `--under-replicated-partitions`, `--unavailable-partitions`,
//!   `--under-min-isr-partitions` and `--at-min-isr-partitions` print the
//!   matching partition lines only (no `Topic:` line);
//!   `--topics-with-overrides` prints the `Topic:` lines of topics with
//!   overrides only (no partition lines).
//!
//! Up to 2.3 the topic line had no space after its colons
//! (`Topic:orders\tPartitionCount:3\t…`); it is read too. A terminal copy may
//! turn the tabs into spaces, so fields are found by their labels, not by tabs.

use super::model::{ImportedPartition, ImportedTopic};

/// Labels Apache Kafka's tool prints (and Confluent's `Offline`).
const KNOWN_LABELS: [&str; 15] = [
    "Topic",
    "TopicId",
    "PartitionCount",
    "ReplicationFactor",
    "Configs",
    "MarkedForDeletion",
    "Partition",
    "Leader",
    "Replicas",
    "Isr",
    "Adding Replicas",
    "Removing Replicas",
    "Elr",
    "LastKnownElr",
    "Offline",
];

/// A `Label: value` field of a line.
#[derive(Debug)]
struct Field<'a> {
    label: &'a str,
    value: &'a str,
}

/// Whether `line` (trimmed) is a line of `kafka-topics --describe`.
pub(crate) fn is_topics_line(line: &str) -> bool {
    line.starts_with("Topic:")
}

/// A label starting at byte `at` of `line`: `Word:` or `Adding Replicas:` /
/// `Removing Replicas:`, followed by whitespace or the end. Returns the
/// label and the byte just after its colon.
fn label_at(line: &str, at: usize) -> Option<(&str, usize)> {
    let rest = &line[at..];
    if !rest.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let word_len = rest
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    let mut end = word_len;
    if matches!(&rest[..word_len], "Adding" | "Removing")
        && rest[word_len..].starts_with(" Replicas:")
    {
        end = word_len + " Replicas".len();
    }
    if !rest[end..].starts_with(':') {
        return None;
    }
    let after = end + 1;
    // Up to 2.3 the topic line had no space after its colons
    // (`Topic:orders\tPartitionCount:3`): a known label needs none.
    if rest[after..].is_empty()
        || rest[after..].starts_with(char::is_whitespace)
        || KNOWN_LABELS.contains(&&rest[..end])
    {
        Some((&rest[..end], at + after))
    } else {
        None
    }
}

/// The fields of a line, in order. After `Configs:` only `MarkedForDeletion:`
/// starts a field (config values may hold anything).
fn fields(line: &str) -> Vec<Field<'_>> {
    let mut starts: Vec<(usize, &str, usize)> = Vec::new();
    let mut prev_space = true;
    let mut in_configs = false;
    let mut inside_label_until = 0;
    for (i, c) in line.char_indices() {
        if prev_space && i >= inside_label_until {
            if let Some((label, after)) = label_at(line, i) {
                if !in_configs || label == "MarkedForDeletion" {
                    in_configs |= label == "Configs";
                    starts.push((i, label, after));
                    inside_label_until = after;
                }
            }
        }
        prev_space = c.is_whitespace();
    }
    starts
        .iter()
        .enumerate()
        .map(|(k, &(_, label, after))| {
            let end = starts.get(k + 1).map_or(line.len(), |next| next.0);
            Field {
                label,
                value: line[after.min(end)..end].trim(),
            }
        })
        .collect()
}

/// A `Topic:` line as read.
#[derive(Debug)]
pub(crate) struct TopicLine {
    pub topic: ImportedTopic,
    /// `Topic:orders` with no space: Kafka 2.3 or earlier.
    pub compact: bool,
    /// Fields this reader does not know (kept out, told in a note).
    pub unknown: Vec<String>,
}

/// A partition line as read.
#[derive(Debug)]
pub(crate) struct PartitionLine {
    pub topic: String,
    pub partition: ImportedPartition,
    /// Whether `Elr:` / `LastKnownElr:` were printed (even as `N/A`).
    pub elr_columns: bool,
    pub marked_for_deletion: bool,
    pub unknown: Vec<String>,
}

/// One line of `kafka-topics --describe`.
#[derive(Debug)]
pub(crate) enum TopicsLine {
    Topic(TopicLine),
    Partition(PartitionLine),
}

impl TopicsLine {
    /// Whether the line has the KIP-966 columns (3.8 and later).
    pub fn has_elr(&self) -> bool {
        matches!(self, TopicsLine::Partition(p) if p.elr_columns)
    }
}

/// Checks a topic name as Kafka does (`Topic.validate`): 1 to 249 of
/// `[a-zA-Z0-9._-]`, not `.` or `..`.
pub(crate) fn check_topic_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("empty topic name".into());
    }
    if name == "." || name == ".." {
        return Err(format!("topic name `{name}` is not allowed by Kafka"));
    }
    if name.chars().count() > super::limits::MAX_TOPIC_NAME_CHARS {
        return Err(format!(
            "topic name of {} characters: Kafka allows at most {}",
            name.chars().count(),
            super::limits::MAX_TOPIC_NAME_CHARS
        ));
    }
    if let Some(c) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')))
    {
        return Err(format!(
            "topic name `{name}` has `{c}`, which Kafka does not allow (only ASCII letters, digits, `.`, `_` and `-`)"
        ));
    }
    Ok(())
}

/// A non-negative 32-bit number (Java `int`), as Kafka prints partition
/// numbers, counts and broker ids.
pub(crate) fn parse_int(value: &str, what: &str) -> Result<u32, String> {
    match value.parse::<u32>() {
        Ok(n) if n <= i32::MAX as u32 => Ok(n),
        Ok(_) => Err(format!("{what} `{value}` is past Java's int range")),
        Err(_) if value.is_empty() => Err(format!("{what} is empty")),
        Err(_) if value.starts_with('-') && value[1..].parse::<u64>().is_ok() => {
            Err(format!("{what} `{value}` is negative"))
        }
        Err(_) => Err(format!("{what} `{value}` is not a number")),
    }
}

/// A comma-separated list of broker ids (`1,2,3`; empty for none).
pub(crate) fn parse_ids(value: &str, what: &str) -> Result<Vec<u32>, String> {
    if value.is_empty() {
        return Ok(Vec::new());
    }
    value
        .split(',')
        .map(|id| {
            let id = id.trim();
            if id.is_empty() {
                Err(format!("{what} `{value}` has an empty entry"))
            } else {
                parse_int(id, &format!("broker id in {what}"))
            }
        })
        .collect()
}

/// The `Configs:` value: `k=v,k=v`, where a piece that does not start a
/// new `name=` belongs to the previous value (Kafka joins with `,`
/// without escaping).
pub(crate) fn parse_configs(value: &str) -> Result<Vec<(String, String)>, String> {
    let mut out: Vec<(String, String)> = Vec::new();
    if value.is_empty() {
        return Ok(out);
    }
    for piece in value.split(',') {
        let starts_entry = piece
            .split_once('=')
            .is_some_and(|(k, _)| is_config_name(k));
        match (starts_entry, out.last_mut()) {
            (true, _) => {
                let (k, v) = piece.split_once('=').unwrap_or((piece, ""));
                out.push((k.to_string(), v.to_string()));
            }
            (false, Some((_, v))) => {
                v.push(',');
                v.push_str(piece);
            }
            (false, None) => {
                return Err(format!(
                    "Configs `{value}` does not start with `name=value`"
                ))
            }
        }
    }
    Ok(out)
}

/// A config name as Kafka spells them: lower case, digits, `.`, `_`, `-`.
pub(crate) fn is_config_name(name: &str) -> bool {
    !name.is_empty()
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'))
}

/// A topic id as `Uuid.toString` prints it: 22 characters of URL-safe base64.
fn check_topic_id(id: &str) -> Result<(), String> {
    if id.len() == 22
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        Ok(())
    } else {
        Err(format!(
            "TopicId `{id}` is not a Kafka topic id (22 characters of URL-safe base64)"
        ))
    }
}

/// The `Elr:`-style value: `N/A` (not known), or a list.
fn parse_optional_ids(value: &str, what: &str) -> Result<Option<Vec<u32>>, String> {
    if value == "N/A" {
        Ok(None)
    } else {
        parse_ids(value, what).map(Some)
    }
}

/// The topic a line names, even when the line cannot be read.
pub(crate) fn topic_name_of(line: &str) -> Option<String> {
    fields(line.trim())
        .into_iter()
        .find(|f| f.label == "Topic")
        .map(|f| f.value.to_string())
}

/// Reads one line that [`is_topics_line`] accepted. Errors name what is
/// wrong; the caller adds the line.
pub(crate) fn parse_line(line: &str) -> Result<TopicsLine, String> {
    let fields = fields(line.trim());
    let mut seen: Vec<&str> = Vec::new();
    for f in &fields {
        if seen.contains(&f.label) {
            return Err(format!("field `{}:` appears twice", f.label));
        }
        seen.push(f.label);
    }
    let get = |label: &str| fields.iter().find(|f| f.label == label).map(|f| f.value);
    let unknown: Vec<String> = fields
        .iter()
        .filter(|f| !KNOWN_LABELS.contains(&f.label))
        .map(|f| f.label.to_string())
        .collect();
    let name = get("Topic").unwrap_or_default();
    check_topic_name(name)?;
    let marked_for_deletion = match get("MarkedForDeletion") {
        None => false,
        Some("true") => true,
        Some(other) => {
            return Err(format!(
                "MarkedForDeletion `{other}`: Kafka prints only `true`"
            ))
        }
    };
    if get("Partition").is_some() {
        let require = |label: &str| {
            get(label).ok_or_else(|| format!("partition line without `{label}:` (cut short?)"))
        };
        let partition = parse_int(require("Partition")?, "Partition")?;
        let leader = match require("Leader")? {
            "none" | "-1" => None,
            other => Some(parse_int(other, "Leader")?),
        };
        let replicas = parse_ids(require("Replicas")?, "Replicas")?;
        if replicas.is_empty() {
            return Err("Replicas is empty".into());
        }
        let isr = parse_ids(require("Isr")?, "Isr")?;
        let p = ImportedPartition {
            partition,
            leader,
            replicas,
            isr,
            elr: get("Elr")
                .map(|v| parse_optional_ids(v, "Elr"))
                .transpose()?
                .flatten(),
            last_known_elr: get("LastKnownElr")
                .map(|v| parse_optional_ids(v, "LastKnownElr"))
                .transpose()?
                .flatten(),
            adding_replicas: get("Adding Replicas")
                .map(|v| parse_ids(v, "Adding Replicas"))
                .transpose()?,
            removing_replicas: get("Removing Replicas")
                .map(|v| parse_ids(v, "Removing Replicas"))
                .transpose()?,
            offline: get("Offline")
                .map(|v| parse_ids(v, "Offline"))
                .transpose()?,
        };
        for label in ["TopicId", "PartitionCount", "ReplicationFactor", "Configs"] {
            if get(label).is_some() {
                return Err(format!(
                    "a partition line with `{label}:`, which only the topic line has"
                ));
            }
        }
        return Ok(TopicsLine::Partition(PartitionLine {
            topic: name.to_string(),
            partition: p,
            elr_columns: get("Elr").is_some() || get("LastKnownElr").is_some(),
            marked_for_deletion,
            unknown,
        }));
    }
    let require = |label: &str| {
        get(label).ok_or_else(|| format!("topic line without `{label}:` (cut short?)"))
    };
    let partition_count = parse_int(require("PartitionCount")?, "PartitionCount")?;
    if partition_count == 0 {
        return Err("PartitionCount 0: a topic has at least one partition".into());
    }
    let replication_factor = parse_int(require("ReplicationFactor")?, "ReplicationFactor")?;
    if replication_factor == 0 {
        return Err("ReplicationFactor 0: a topic has at least one replica".into());
    }
    let configs = parse_configs(require("Configs")?)?;
    let topic_id = match get("TopicId") {
        Some(id) => {
            check_topic_id(id)?;
            Some(id.to_string())
        }
        None => None,
    };
    for label in ["Leader", "Replicas", "Isr"] {
        if get(label).is_some() {
            return Err(format!("a topic line with `{label}:` but no `Partition:`"));
        }
    }
    Ok(TopicsLine::Topic(TopicLine {
        compact: line
            .trim_start()
            .strip_prefix("Topic:")
            .is_some_and(|r| !r.starts_with(char::is_whitespace)),
        topic: ImportedTopic {
            name: name.to_string(),
            topic_id,
            partition_count: Some(partition_count),
            replication_factor: Some(replication_factor),
            configs,
            marked_for_deletion,
            partitions: Vec::new(),
            described_configs: None,
        },
        unknown,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topic(line: &str) -> TopicLine {
        match parse_line(line).unwrap() {
            TopicsLine::Topic(t) => t,
            TopicsLine::Partition(_) => panic!("a partition line"),
        }
    }

    fn partition(line: &str) -> PartitionLine {
        match parse_line(line).unwrap() {
            TopicsLine::Partition(p) => p,
            TopicsLine::Topic(_) => panic!("a topic line"),
        }
    }

    #[test]
    fn topic_line_with_tabs_or_spaces() {
        for line in [
            "Topic: orders\tTopicId: 9vK3-Zq0QyWc1pXbZk5d2A\tPartitionCount: 3\tReplicationFactor: 2\tConfigs: cleanup.policy=compact,delete,min.insync.replicas=2",
            "Topic: orders   TopicId: 9vK3-Zq0QyWc1pXbZk5d2A PartitionCount: 3       ReplicationFactor: 2    Configs: cleanup.policy=compact,delete,min.insync.replicas=2",
        ] {
            let t = topic(line).topic;
            assert_eq!(t.name, "orders");
            assert_eq!(t.topic_id.as_deref(), Some("9vK3-Zq0QyWc1pXbZk5d2A"));
            assert_eq!(t.partition_count, Some(3));
            assert_eq!(t.replication_factor, Some(2));
            assert_eq!(
                t.configs,
                vec![
                    ("cleanup.policy".into(), "compact,delete".into()),
                    ("min.insync.replicas".into(), "2".into())
                ]
            );
        }
    }

    #[test]
    fn topic_line_of_kafka_2_3() {
        let t =
            topic("Topic:orders\tPartitionCount:3\tReplicationFactor:2\tConfigs:retention.ms=1000");
        assert!(t.compact);
        assert_eq!(t.topic.name, "orders");
        assert_eq!(t.topic.partition_count, Some(3));
        assert_eq!(
            t.topic.configs,
            vec![("retention.ms".into(), "1000".into())]
        );
        assert!(
            !topic("Topic: orders\tPartitionCount: 3\tReplicationFactor: 2\tConfigs: ").compact
        );
    }

    #[test]
    fn partition_line_fields() {
        let p = partition("\tTopic: orders\tPartition: 2\tLeader: none\tReplicas: 3,1,2\tIsr: \tElr: 1\tLastKnownElr: ");
        assert_eq!(p.topic, "orders");
        assert_eq!(p.partition.partition, 2);
        assert_eq!(p.partition.leader, None);
        assert_eq!(p.partition.replicas, vec![3, 1, 2]);
        assert!(p.partition.isr.is_empty());
        assert_eq!(p.partition.elr, Some(vec![1]));
        assert_eq!(p.partition.last_known_elr, Some(vec![]));
        let p = partition("Topic: t Partition: 0 Leader: -1 Replicas: 1 Isr: 1 Adding Replicas: 4 Removing Replicas: 1 Elr: N/A LastKnownElr: N/A");
        assert_eq!(p.partition.leader, None);
        assert_eq!(p.partition.adding_replicas, Some(vec![4]));
        assert_eq!(p.partition.removing_replicas, Some(vec![1]));
        assert_eq!(p.partition.elr, None);
    }

    #[test]
    fn bad_lines_say_why() {
        let e =
            parse_line("Topic: orders\tTopicId: 9vK3-Zq0QyWc1pXbZk5d2A\tPartitionCo").unwrap_err();
        assert!(e.contains("PartitionCount"), "{e}");
        let e =
            parse_line("\tTopic: o\tPartition: 0\tLeader: 1\tReplicas: 1,,2\tIsr: 1").unwrap_err();
        assert!(e.contains("empty entry"), "{e}");
        let e = parse_line("\tTopic: o\tPartition: 0\tLeader: x\tReplicas: 1\tIsr: 1").unwrap_err();
        assert!(e.contains("not a number"), "{e}");
        let e = parse_line("Topic: a/b\tPartitionCount: 1\tReplicationFactor: 1\tConfigs: ")
            .unwrap_err();
        assert!(e.contains("does not allow"), "{e}");
        let e =
            parse_line("\tTopic: o\tPartition: -3\tLeader: 1\tReplicas: 1\tIsr: 1").unwrap_err();
        assert!(e.contains("negative"), "{e}");
    }
}
