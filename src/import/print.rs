//! An [`ImportedCluster`] printed back as Kafka 4.x's tools print it, so
//! that reading the text again gives the same model (the round trip the
//! import's tests check, and a way to show a cluster changed by a "what
//! if" as its owner knows it).
//!
//! Kafka 4.x's layouts (see [`super::topics`] and [`super::groups`]), with
//! four additions for what a 4.x tool would not print but the model can
//! hold from an older paste: `MarkedForDeletion: true` (ZooKeeper mode),
//! `Offline:` (Confluent), an assignment whose topic 3.8/3.9 left out,
//! written `(0,1)`, and ZooKeeper-mode configs, written as `Dynamic configs`
//! with no synonyms. Topics come in the model's order, each followed by its
//! `kafka-configs` lines (topics known only from partition lines, as a
//! filter prints them, set apart by an empty line); then the groups, each
//! with the notice the tool writes before its tables.

use std::fmt::Write as _;

use super::model::{
    AssignedPartitions, DescribedConfigs, GroupNotice, GroupStateInfo, ImportedCluster,
    ImportedGroup, ImportedPartition, ImportedTopic, MembersTable, OffsetsTable,
};

/// The cluster as Kafka 4.x's `kafka-topics --describe`,
/// `kafka-configs --describe` and `kafka-consumer-groups --describe`
/// (`--offsets`, `--members`, `--state`) print it.
#[must_use]
pub fn print_4x(cluster: &ImportedCluster) -> String {
    let mut out = String::new();
    let mut previous_had_line: Option<bool> = None;
    for t in &cluster.topics {
        // Partition lines without a Topic: line (a filtered output) are
        // their own output: an empty line between them and full ones.
        let has_line = t.partition_count.is_some();
        if !t.partitions.is_empty() || has_line {
            if previous_had_line.is_some_and(|p| p != has_line) {
                out.push('\n');
            }
            previous_had_line = Some(has_line);
        }
        topic(&mut out, t);
        if let Some(d) = &t.described_configs {
            configs(&mut out, &t.name, d);
        }
    }
    for g in &cluster.groups {
        group(&mut out, g);
    }
    out
}

fn ids(list: &[u32]) -> String {
    list.iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

fn topic(out: &mut String, t: &ImportedTopic) {
    if let (Some(count), Some(rf)) = (t.partition_count, t.replication_factor) {
        out.push_str("Topic: ");
        out.push_str(&t.name);
        if let Some(id) = &t.topic_id {
            let _ = write!(out, "\tTopicId: {id}");
        }
        let configs: Vec<String> = t.configs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let _ = write!(
            out,
            "\tPartitionCount: {count}\tReplicationFactor: {rf}\tConfigs: {}",
            configs.join(",")
        );
        if t.marked_for_deletion {
            out.push_str("\tMarkedForDeletion: true");
        }
        out.push('\n');
    }
    for p in &t.partitions {
        partition(out, &t.name, p, t.marked_for_deletion);
    }
}

fn partition(out: &mut String, topic: &str, p: &ImportedPartition, marked: bool) {
    let leader = p.leader.map_or("none".to_string(), |l| l.to_string());
    let _ = write!(
        out,
        "\tTopic: {topic}\tPartition: {}\tLeader: {leader}\tReplicas: {}\tIsr: {}",
        p.partition,
        ids(&p.replicas),
        ids(&p.isr)
    );
    if let Some(a) = &p.adding_replicas {
        let _ = write!(out, "\tAdding Replicas: {}", ids(a));
    }
    if let Some(r) = &p.removing_replicas {
        let _ = write!(out, "\tRemoving Replicas: {}", ids(r));
    }
    let or_na = |l: &Option<Vec<u32>>| l.as_ref().map_or("N/A".to_string(), |l| ids(l));
    let _ = write!(
        out,
        "\tElr: {}\tLastKnownElr: {}",
        or_na(&p.elr),
        or_na(&p.last_known_elr)
    );
    if let Some(o) = &p.offline {
        let _ = write!(out, "\tOffline: {}", ids(o));
    }
    if marked {
        out.push_str("\tMarkedForDeletion: true");
    }
    out.push('\n');
}

fn configs(out: &mut String, topic: &str, d: &DescribedConfigs) {
    let _ = writeln!(
        out,
        "{} configs for topic {topic} are:",
        if d.all { "All" } else { "Dynamic" }
    );
    for e in &d.entries {
        let synonyms: Vec<String> = e
            .synonyms
            .iter()
            .map(|s| format!("{}:{}={}", s.source, s.name, s.value))
            .collect();
        let _ = writeln!(
            out,
            "  {}={} sensitive={} synonyms={{{}}}",
            e.name,
            e.value,
            e.sensitive,
            synonyms.join(", ")
        );
    }
}

/// `%-Ns`: `s` padded with spaces to `width` characters (never cut).
fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    let mut out = String::with_capacity(s.len() + width.saturating_sub(n));
    out.push_str(s);
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(n)));
    out
}

fn width<'a>(min: usize, values: impl Iterator<Item = &'a str>) -> usize {
    values.map(|v| v.chars().count()).fold(min, usize::max)
}

fn or_dash<T: ToString>(v: Option<T>) -> String {
    v.map_or("-".to_string(), |v| v.to_string())
}

fn group(out: &mut String, g: &ImportedGroup) {
    let notice = |out: &mut String| match g.notice {
        Some(GroupNotice::NoActiveMembers) => {
            let _ = write!(
                out,
                "\nConsumer group '{}' has no active members.\n",
                g.group_id
            );
        }
        Some(GroupNotice::Rebalancing) => {
            let _ = write!(
                out,
                "\nWarning: Consumer group '{}' is rebalancing.\n",
                g.group_id
            );
        }
        None => {}
    };
    if g.offsets.is_none() && g.members.is_none() && g.state.is_none() {
        notice(out);
    }
    if let Some(o) = &g.offsets {
        notice(out);
        offsets(out, &g.group_id, o);
    }
    if let Some(m) = &g.members {
        notice(out);
        members(out, &g.group_id, m);
    }
    if let Some(s) = &g.state {
        notice(out);
        state(out, &g.group_id, s);
    }
}

fn offsets(out: &mut String, group: &str, o: &OffsetsTable) {
    let dash = "-";
    let gw = width(15, std::iter::once(group));
    let tw = width(
        15,
        o.rows.iter().map(|r| r.topic.as_deref().unwrap_or(dash)),
    );
    let cw = width(
        15,
        o.rows
            .iter()
            .map(|r| r.consumer_id.as_deref().unwrap_or(dash)),
    );
    let hw = width(15, o.rows.iter().map(|r| r.host.as_deref().unwrap_or(dash)));
    let line = |out: &mut String, cells: [&str; 10]| {
        let _ = write!(
            out,
            "\n{} {} {} ",
            pad(cells[0], gw),
            pad(cells[1], tw),
            pad(cells[2], 10)
        );
        if o.leader_epoch_column {
            let _ = write!(out, "{} ", pad(cells[3], 15));
        }
        let _ = write!(
            out,
            "{} {} {} {} {} {}",
            pad(cells[4], 15),
            pad(cells[5], 15),
            pad(cells[6], 15),
            pad(cells[7], cw),
            pad(cells[8], hw),
            cells[9]
        );
    };
    line(
        out,
        [
            "GROUP",
            "TOPIC",
            "PARTITION",
            "LEADER-EPOCH",
            "CURRENT-OFFSET",
            "LOG-END-OFFSET",
            "LAG",
            "CONSUMER-ID",
            "HOST",
            "CLIENT-ID",
        ],
    );
    for r in &o.rows {
        let cells = [
            group.to_string(),
            or_dash(r.topic.as_deref()),
            or_dash(r.partition),
            or_dash(r.leader_epoch),
            or_dash(r.current_offset),
            or_dash(r.log_end_offset),
            or_dash(r.lag),
            or_dash(r.consumer_id.as_deref()),
            or_dash(r.host.as_deref()),
            or_dash(r.client_id.as_deref()),
        ];
        line(out, std::array::from_fn(|i| cells[i].as_str()));
    }
    out.push('\n');
}

/// 4.0's `getAssignmentString`: `topic:0,1;other:2` (a topic 3.8/3.9 left
/// out: `(0,1)`), `-` for none.
fn assignment(a: &[AssignedPartitions]) -> String {
    if a.is_empty() {
        return "-".to_string();
    }
    a.iter()
        .map(|t| match &t.topic {
            Some(topic) => format!("{topic}:{}", ids(&t.partitions)),
            None => format!("({})", ids(&t.partitions)),
        })
        .collect::<Vec<_>>()
        .join(";")
}

fn members(out: &mut String, group: &str, m: &MembersTable) {
    let list = &m.members;
    let gw = width(15, std::iter::once(group));
    let cw = width(15, list.iter().map(|x| x.consumer_id.as_str()));
    let iw = width(
        17,
        list.iter()
            .map(|x| x.group_instance_id.as_deref().unwrap_or("")),
    );
    let hw = width(15, list.iter().map(|x| x.host.as_str()));
    let clw = width(15, list.iter().map(|x| x.client_id.as_str()));
    let with_instance = list.iter().any(|x| x.group_instance_id.is_some());
    let current: Vec<String> = list
        .iter()
        .map(|x| assignment(x.assignment.as_deref().unwrap_or(&[])))
        .collect();
    let target: Vec<String> = list
        .iter()
        .map(|x| assignment(&x.target_assignment))
        .collect();
    let caw = width(20, current.iter().map(String::as_str));
    let taw = width(20, target.iter().map(String::as_str));
    let upgrade_column = list.iter().any(|x| x.upgraded == Some(true))
        && list.iter().any(|x| x.upgraded == Some(false));
    let base = |out: &mut String, c: [&str; 6]| {
        let _ = write!(out, "{} {} ", pad(c[0], gw), pad(c[1], cw));
        if with_instance {
            let _ = write!(out, "{} ", pad(c[2], iw));
        }
        let _ = write!(
            out,
            "{} {} {} ",
            pad(c[3], hw),
            pad(c[4], clw),
            pad(c[5], 15)
        );
    };
    let verbose = |out: &mut String, c: [&str; 5]| {
        let _ = write!(
            out,
            "{} {} {} {}",
            pad(c[0], 15),
            pad(c[1], caw),
            pad(c[2], 15),
            pad(c[3], taw)
        );
        if upgrade_column {
            let _ = write!(out, " {}", c[4]);
        }
    };
    out.push('\n');
    base(
        out,
        [
            "GROUP",
            "CONSUMER-ID",
            "GROUP-INSTANCE-ID",
            "HOST",
            "CLIENT-ID",
            "#PARTITIONS",
        ],
    );
    if m.verbose {
        verbose(
            out,
            [
                "CURRENT-EPOCH",
                "CURRENT-ASSIGNMENT",
                "TARGET-EPOCH",
                "TARGET-ASSIGNMENT",
                "UPGRADED",
            ],
        );
    }
    out.push('\n');
    for (i, x) in list.iter().enumerate() {
        base(
            out,
            [
                group,
                &x.consumer_id,
                x.group_instance_id.as_deref().unwrap_or(""),
                &x.host,
                &x.client_id,
                &x.partition_count.to_string(),
            ],
        );
        if m.verbose {
            verbose(
                out,
                [
                    &or_dash(x.current_epoch),
                    &current[i],
                    &or_dash(x.target_epoch),
                    &target[i],
                    &or_dash(x.upgraded),
                ],
            );
        }
        out.push('\n');
    }
}

fn state(out: &mut String, group: &str, s: &GroupStateInfo) {
    let coordinator = format!(
        "{}:{}  ({})",
        s.coordinator.endpoint.host, s.coordinator.endpoint.port, s.coordinator.id
    );
    let cw = width(25, std::iter::once(coordinator.as_str()));
    let gw = width(15, std::iter::once(group));
    let strategy = s.assignment_strategy.as_deref().unwrap_or("-");
    let line = |out: &mut String, c: [&str; 7]| {
        let _ = write!(
            out,
            "\n{} {} {} {} ",
            pad(c[0], gw),
            pad(c[1], cw),
            pad(c[2], 20),
            pad(c[3], 20)
        );
        if s.verbose {
            let _ = write!(out, "{} {} ", pad(c[4], 15), pad(c[5], 25));
        }
        out.push_str(c[6]);
    };
    line(
        out,
        [
            "GROUP",
            "COORDINATOR (ID)",
            "ASSIGNMENT-STRATEGY",
            "STATE",
            "GROUP-EPOCH",
            "TARGET-ASSIGNMENT-EPOCH",
            "#MEMBERS",
        ],
    );
    line(
        out,
        [
            group,
            &coordinator,
            strategy,
            s.state.kafka_name(),
            &or_dash(s.group_epoch),
            &or_dash(s.target_assignment_epoch),
            &s.member_count.to_string(),
        ],
    );
    out.push('\n');
}
