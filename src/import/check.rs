//! After reading: the checks that need more than one line (a partition
//! listed twice, `PartitionCount` against the partition lines, leaders and
//! ISR against the replicas, offsets rows against the topics), the limits
//! of what the simulator shows, and the list of brokers.

use std::collections::{BTreeMap, BTreeSet};

use super::input::{Findings, Input, Place};
use super::limits::{MAX_BROKERS, MAX_GROUPS, MAX_MEMBERS, MAX_PARTITIONS, MAX_TOPICS};
use super::model::{
    is_internal_topic, Endpoint, ImportedBroker, ImportedCluster, ImportedPartition,
};
use super::read::{Builder, GroupBuild, TopicBuild};

/// Runs the checks and returns the cluster (meaningful only when no error
/// was found).
pub(crate) fn finish(
    input: &Input,
    mut builder: Builder,
    findings: &mut Findings,
) -> ImportedCluster {
    for tb in &mut builder.topics {
        let complete = !builder.topics_with_bad_lines.contains(&tb.topic.name);
        check_topic(input, tb, complete, findings);
    }
    let topic_counts: BTreeMap<String, (Option<u32>, Option<Place>)> = builder
        .topics
        .iter()
        .map(|tb| {
            (
                tb.topic.name.clone(),
                (tb.topic.partition_count, tb.topic_line),
            )
        })
        .collect();
    let mut reported_unknown: BTreeSet<String> = BTreeSet::new();
    let mut log_ends: BTreeMap<(String, u32), (i64, String, Place)> = BTreeMap::new();
    for gb in &builder.groups {
        check_group(
            input,
            gb,
            &topic_counts,
            &mut reported_unknown,
            &mut log_ends,
            findings,
        );
    }
    check_limits(input, &builder, findings);
    let brokers = brokers(input, &builder, findings);
    ImportedCluster {
        brokers,
        topics: builder.topics.into_iter().map(|tb| tb.topic).collect(),
        groups: builder.groups.into_iter().map(|gb| gb.group).collect(),
    }
}

fn list(ids: &[u32]) -> String {
    ids.iter().map(u32::to_string).collect::<Vec<_>>().join(",")
}

/// `lines_complete`: every line naming the topic could be read (otherwise a
/// missing partition is that line, already reported).
fn check_topic(input: &Input, tb: &mut TopicBuild, lines_complete: bool, findings: &mut Findings) {
    let name = tb.topic.name.clone();
    // Sort the partition lines by number, keeping their places.
    let mut lines: Vec<(ImportedPartition, Place)> = std::mem::take(&mut tb.topic.partitions)
        .into_iter()
        .zip(tb.partition_places.iter().copied())
        .collect();
    lines.sort_by_key(|(p, _)| p.partition);
    let mut kept: Vec<(ImportedPartition, Place)> = Vec::with_capacity(lines.len());
    for (p, place) in lines {
        if let Some((_, first)) = kept.last().filter(|(k, _)| k.partition == p.partition) {
            let msg = format!(
                "kafka-topics: partition {} of topic `{name}` is listed twice (first at line {})",
                p.partition,
                first.line + 1
            );
            findings.error(input, Some(place), &msg);
            continue;
        }
        check_partition(
            input,
            &name,
            &p,
            place,
            tb.topic.replication_factor,
            findings,
        );
        kept.push((p, place));
    }
    if let (Some(count), Some(topic_line)) = (tb.topic.partition_count, tb.topic_line) {
        if !kept.is_empty() {
            for (p, place) in &kept {
                if p.partition >= count {
                    let msg = format!(
                        "kafka-topics: partition {} of topic `{name}`, whose PartitionCount is {count} (line {})",
                        p.partition,
                        topic_line.line + 1
                    );
                    findings.error(input, Some(*place), &msg);
                }
            }
            let present: BTreeSet<u32> = kept.iter().map(|(p, _)| p.partition).collect();
            let missing: Vec<u32> = (0..count.min(super::limits::MAX_PARTITIONS * 4))
                .filter(|n| !present.contains(n))
                .collect();
            if !missing.is_empty() && lines_complete {
                let shown: Vec<String> = missing.iter().take(10).map(u32::to_string).collect();
                let msg = format!(
                    "kafka-topics: PartitionCount {count} but no line for partition{} {}{} of topic `{name}` (cut short?)",
                    if missing.len() == 1 { "" } else { "s" },
                    shown.join(", "),
                    if missing.len() > 10 { ", …" } else { "" }
                );
                findings.error(input, Some(topic_line), &msg);
            }
        }
    } else if !kept.is_empty() {
        let first = kept[0].1;
        findings.note(
            input,
            Some(first),
            &format!(
                "kafka-topics: partition lines of topic `{name}` without its Topic: line (a filter such as --under-replicated-partitions): its partition count and configs are unknown"
            ),
        );
    }
    tb.partition_places = kept.iter().map(|(_, p)| *p).collect();
    tb.topic.partitions = kept.into_iter().map(|(p, _)| p).collect();
    check_configs(input, tb, findings);
}

fn check_partition(
    input: &Input,
    topic: &str,
    p: &ImportedPartition,
    place: Place,
    replication_factor: Option<u32>,
    findings: &mut Findings,
) {
    let mut error = |msg: String| {
        findings.error(
            input,
            Some(place),
            &format!(
                "kafka-topics: topic `{topic}` partition {}: {msg}",
                p.partition
            ),
        );
    };
    let replicas = &p.replicas;
    let replica_set: BTreeSet<u32> = replicas.iter().copied().collect();
    if let Some(d) = duplicate(replicas) {
        error(format!(
            "broker {d} is twice in Replicas {}",
            list(replicas)
        ));
    }
    if let Some(d) = duplicate(&p.isr) {
        error(format!("broker {d} is twice in Isr {}", list(&p.isr)));
    }
    if let Some(l) = p.leader {
        if !replicas.contains(&l) {
            error(format!(
                "leader {l} is not one of the replicas {}",
                list(replicas)
            ));
        }
    }
    let subsets: [(&str, Option<&Vec<u32>>); 6] = [
        ("Isr", Some(&p.isr)),
        ("Elr", p.elr.as_ref()),
        ("LastKnownElr", p.last_known_elr.as_ref()),
        ("Adding Replicas", p.adding_replicas.as_ref()),
        ("Removing Replicas", p.removing_replicas.as_ref()),
        ("Offline", p.offline.as_ref()),
    ];
    for (label, ids) in subsets {
        for id in ids.into_iter().flatten() {
            if !replica_set.contains(id) {
                error(format!(
                    "{label} member {id} is not one of the replicas {}",
                    list(replicas)
                ));
            }
        }
    }
    if let Some(rf) = replication_factor {
        let adding = p.adding_replicas.as_ref().map_or(0, Vec::len);
        let n = replicas.len().saturating_sub(adding);
        if n != rf as usize {
            error(format!(
                "{n} replica{} ({}{}) but the topic's ReplicationFactor is {rf} (the simulator needs one replication factor per topic)",
                if n == 1 { "" } else { "s" },
                list(replicas),
                if adding > 0 { ", not counting those being added" } else { "" }
            ));
        }
    }
    if let Some(l) = p.leader {
        if replicas.contains(&l) && !p.isr.contains(&l) {
            findings.note(
                input,
                Some(place),
                &format!(
                    "kafka-topics: topic `{topic}` partition {}: leader {l} is not in its Isr {}",
                    p.partition,
                    list(&p.isr)
                ),
            );
        }
    }
}

fn duplicate(ids: &[u32]) -> Option<u32> {
    let mut seen = BTreeSet::new();
    ids.iter().find(|id| !seen.insert(**id)).copied()
}

/// `kafka-configs` against the `Configs:` field: a topic override with two
/// different values, or a config listed twice.
fn check_configs(input: &Input, tb: &TopicBuild, findings: &mut Findings) {
    let Some(d) = &tb.topic.described_configs else {
        return;
    };
    let name = &tb.topic.name;
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    for (i, e) in d.entries.iter().enumerate() {
        let place = tb.config_entry_places.get(i).copied().or(tb.configs_place);
        if !seen.insert(&e.name) {
            findings.error(
                input,
                place,
                &format!(
                    "kafka-configs: `{}` of topic `{name}` is listed twice",
                    e.name
                ),
            );
            continue;
        }
        let in_force_here = e
            .synonyms
            .first()
            .is_none_or(|s| s.source != "DEFAULT_CONFIG");
        if !in_force_here {
            continue;
        }
        if let Some((_, v)) = tb.topic.configs.iter().find(|(k, _)| *k == e.name) {
            if *v != e.value {
                let line = tb.topic_line.map_or(0, |p| p.line + 1);
                findings.error(
                    input,
                    place,
                    &format!(
                        "kafka-configs: `{}` of topic `{name}` is `{}` here but `{v}` in its Topic: line (line {line}): were they taken at different times?",
                        e.name, e.value
                    ),
                );
            }
        }
    }
}

fn check_group(
    input: &Input,
    gb: &GroupBuild,
    topics: &BTreeMap<String, (Option<u32>, Option<Place>)>,
    reported_unknown: &mut BTreeSet<String>,
    log_ends: &mut BTreeMap<(String, u32), (i64, String, Place)>,
    findings: &mut Findings,
) {
    let g = &gb.group;
    let id = &g.group_id;
    if let Some(o) = &g.offsets {
        let mut seen: BTreeMap<(&str, u32), Place> = BTreeMap::new();
        for (row, place) in o.rows.iter().zip(gb.offset_places.iter().copied()) {
            let (Some(topic), Some(partition)) = (&row.topic, row.partition) else {
                continue;
            };
            if let Some(first) = seen.insert((topic, partition), place) {
                let msg = format!(
                    "kafka-consumer-groups: group `{id}` lists partition {partition} of `{topic}` twice (first at line {})",
                    first.line + 1
                );
                findings.error(input, Some(place), &msg);
                continue;
            }
            match topics.get(topic.as_str()) {
                Some((Some(count), topic_line)) if partition >= *count => {
                    let msg = format!(
                        "kafka-consumer-groups: group `{id}` has partition {partition} of `{topic}`, whose PartitionCount is {count}{}",
                        topic_line.map_or(String::new(), |p| format!(" (line {})", p.line + 1))
                    );
                    findings.error(input, Some(place), &msg);
                }
                Some(_) => {}
                None if !topics.is_empty() && reported_unknown.insert(topic.clone()) => {
                    let msg = format!(
                        "group `{id}` reads topic `{topic}`, which no kafka-topics output here describes"
                    );
                    findings.note(input, Some(place), &msg);
                }
                None => {}
            }
            if let Some(end) = row.log_end_offset {
                match log_ends.get(&(topic.clone(), partition)) {
                    Some((other, other_group, other_place)) if *other != end => {
                        let msg = format!(
                            "LOG-END-OFFSET of `{topic}` partition {partition} is {end} for group `{id}` but {other} for group `{other_group}` (line {}): taken at different times",
                            other_place.line + 1
                        );
                        findings.note(input, Some(place), &msg);
                    }
                    Some(_) => {}
                    None => {
                        log_ends.insert((topic.clone(), partition), (end, id.clone(), place));
                    }
                }
            }
        }
    }
    if let Some(m) = &g.members {
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        for (member, place) in m.members.iter().zip(gb.member_places.iter().copied()) {
            if !seen.insert(&member.consumer_id) {
                let msg = format!(
                    "kafka-consumer-groups: member `{}` of group `{id}` is listed twice",
                    member.consumer_id
                );
                findings.error(input, Some(place), &msg);
            }
        }
        if let (Some(o), Some(header)) = (&g.offsets, gb.members_header) {
            for row in &o.rows {
                if let Some(c) = &row.consumer_id {
                    if !seen.contains(c.as_str()) {
                        let msg = format!(
                            "group `{id}`: consumer `{c}` of the offsets table is not in the members table: taken at different times?"
                        );
                        findings.note(input, Some(header), &msg);
                        break;
                    }
                }
            }
        }
    }
    if let (Some(s), Some(place)) = (&g.state, gb.state_place) {
        if let Some(m) = &g.members {
            if m.members.len() != s.member_count as usize {
                let msg = format!(
                    "group `{id}`: #MEMBERS {} but its members table lists {}: taken at different times?",
                    s.member_count,
                    m.members.len()
                );
                findings.note(input, Some(place), &msg);
            }
        }
    }
}

/// The number of `what`, the limit, and the first place past it.
fn limit_error(
    input: &Input,
    findings: &mut Findings,
    place: Option<Place>,
    count: usize,
    limit: u32,
    what: &str,
    hint: &str,
) {
    if count > limit as usize {
        let over = count - limit as usize;
        findings.error(
            input,
            place,
            &format!(
                "limit: {count} {what}: the simulator shows at most {limit} ({over} too many). {hint}"
            ),
        );
    }
}

fn check_limits(input: &Input, builder: &Builder, findings: &mut Findings) {
    // Topics: those described and those the groups read, internal ones aside.
    let mut names: Vec<(String, Option<Place>)> = builder
        .topics
        .iter()
        .filter(|tb| !is_internal_topic(&tb.topic.name))
        .map(|tb| (tb.topic.name.clone(), tb.first))
        .collect();
    let mut known: BTreeSet<String> = names.iter().map(|(n, _)| n.clone()).collect();
    for gb in &builder.groups {
        if let Some(o) = &gb.group.offsets {
            for (row, place) in o.rows.iter().zip(&gb.offset_places) {
                if let Some(t) = &row.topic {
                    if !is_internal_topic(t) && known.insert(t.clone()) {
                        names.push((t.clone(), Some(*place)));
                    }
                }
            }
        }
    }
    let place = names.get(MAX_TOPICS as usize).and_then(|(_, p)| *p);
    limit_error(
        input,
        findings,
        place,
        names.len(),
        MAX_TOPICS,
        "topics (not counting Kafka's internal topics)",
        "Describe fewer with --topic (and fewer groups with --group).",
    );
    for tb in &builder.topics {
        let highest = tb
            .topic
            .partitions
            .iter()
            .map(|p| p.partition + 1)
            .max()
            .unwrap_or(0);
        let count = tb.topic.partition_count.unwrap_or(0).max(highest);
        let place = tb.topic_line.or(tb.partition_places.last().copied());
        limit_error(
            input,
            findings,
            place,
            count as usize,
            MAX_PARTITIONS,
            &format!("partitions in topic `{}`", tb.topic.name),
            "",
        );
    }
    let places: Vec<Option<Place>> = builder.groups.iter().map(|g| g.first).collect();
    limit_error(
        input,
        findings,
        places.get(MAX_GROUPS as usize).copied().flatten(),
        builder.groups.len(),
        MAX_GROUPS,
        "consumer groups",
        "Describe fewer with --group.",
    );
    for gb in &builder.groups {
        let mut ids: BTreeSet<&str> = BTreeSet::new();
        if let Some(m) = &gb.group.members {
            ids.extend(m.members.iter().map(|m| m.consumer_id.as_str()));
        }
        if let Some(o) = &gb.group.offsets {
            ids.extend(o.rows.iter().filter_map(|r| r.consumer_id.as_deref()));
        }
        limit_error(
            input,
            findings,
            gb.members_header.or(gb.offsets_header).or(gb.first),
            ids.len(),
            MAX_MEMBERS,
            &format!("members in group `{}`", gb.group.group_id),
            "",
        );
    }
}

fn brokers(input: &Input, builder: &Builder, findings: &mut Findings) -> Vec<ImportedBroker> {
    let mut ids: BTreeMap<u32, Option<(Endpoint, Place)>> = BTreeMap::new();
    for tb in &builder.topics {
        for p in &tb.topic.partitions {
            let all = p
                .leader
                .iter()
                .chain(&p.replicas)
                .chain(&p.isr)
                .chain(p.elr.iter().flatten())
                .chain(p.last_known_elr.iter().flatten())
                .chain(p.adding_replicas.iter().flatten())
                .chain(p.removing_replicas.iter().flatten())
                .chain(p.offline.iter().flatten());
            for id in all {
                ids.entry(*id).or_insert(None);
            }
        }
    }
    for gb in &builder.groups {
        let (Some(s), Some(place)) = (&gb.group.state, gb.state_place) else {
            continue;
        };
        let c = &s.coordinator;
        match ids.get(&c.id) {
            Some(Some((e, first))) if *e != c.endpoint => {
                let msg = format!(
                    "broker {} is `{}:{}` here but `{}:{}` at line {}",
                    c.id,
                    c.endpoint.host,
                    c.endpoint.port,
                    e.host,
                    e.port,
                    first.line + 1
                );
                findings.error(input, Some(place), &msg);
            }
            Some(Some(_)) => {}
            _ => {
                ids.insert(c.id, Some((c.endpoint.clone(), place)));
            }
        }
    }
    if ids.len() > MAX_BROKERS as usize {
        let shown: Vec<String> = ids.keys().take(20).map(u32::to_string).collect();
        findings.error(
            input,
            None,
            &format!(
                "limit: {} brokers named ({}{}): the simulator shows at most {MAX_BROKERS} ({} too many)",
                ids.len(),
                shown.join(", "),
                if ids.len() > 20 { ", …" } else { "" },
                ids.len() - MAX_BROKERS as usize
            ),
        );
    }
    ids.into_iter()
        .map(|(id, e)| ImportedBroker {
            id,
            endpoint: e.map(|(e, _)| e),
        })
        .collect()
}
