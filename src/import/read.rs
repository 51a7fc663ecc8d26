//! Reading the lines: which tool printed each one, and what it says.
//! Tables end at an empty line, at another header, or at a line that
//! cannot be a row (a prompt, a topic line, a notice).

use std::collections::{BTreeMap, BTreeSet};

use super::chatter::{self, Chatter};
use super::columns::expand_tabs;
use super::configs::{self, Heading};
use super::groups::{self, Col, Header, Row, TableKind};
use super::input::{Findings, Input, Place};
use super::model::{
    DescribedConfig, DescribedConfigs, ImportedGroup, ImportedTopic, MembersTable, OffsetsTable,
};
use super::report::Format;
use super::topics::{self, TopicsLine};

/// A topic being read, with where its parts came from.
#[derive(Default)]
pub(crate) struct TopicBuild {
    pub topic: ImportedTopic,
    pub first: Option<Place>,
    pub topic_line: Option<Place>,
    pub partition_places: Vec<Place>,
    pub configs_place: Option<Place>,
    pub config_entry_places: Vec<Place>,
}

/// A group being read, with where its parts came from.
#[derive(Default)]
pub(crate) struct GroupBuild {
    pub group: ImportedGroup,
    pub first: Option<Place>,
    pub offsets_header: Option<Place>,
    pub offset_places: Vec<Place>,
    pub members_header: Option<Place>,
    pub member_places: Vec<Place>,
    pub state_place: Option<Place>,
}

/// Everything read so far.
#[derive(Default)]
pub(crate) struct Builder {
    pub topics: Vec<TopicBuild>,
    topic_index: BTreeMap<String, usize>,
    pub groups: Vec<GroupBuild>,
    group_index: BTreeMap<String, usize>,
    /// Topics with a line that could not be read (their partition count is
    /// then not checked against the lines that could).
    pub topics_with_bad_lines: BTreeSet<String>,
}

impl Builder {
    fn topic(&mut self, name: &str, place: Place) -> usize {
        if let Some(&i) = self.topic_index.get(name) {
            return i;
        }
        self.topics.push(TopicBuild {
            topic: ImportedTopic {
                name: name.to_string(),
                ..ImportedTopic::default()
            },
            first: Some(place),
            ..TopicBuild::default()
        });
        self.topic_index
            .insert(name.to_string(), self.topics.len() - 1);
        self.topics.len() - 1
    }

    fn group(&mut self, id: &str, place: Place) -> usize {
        if let Some(&i) = self.group_index.get(id) {
            return i;
        }
        self.groups.push(GroupBuild {
            group: ImportedGroup {
                group_id: id.to_string(),
                ..ImportedGroup::default()
            },
            first: Some(place),
            ..GroupBuild::default()
        });
        self.group_index
            .insert(id.to_string(), self.groups.len() - 1);
        self.groups.len() - 1
    }
}

/// A table being read.
struct Table {
    header: Header,
    header_place: Place,
    last: usize,
    rows: usize,
    /// Whether its header was refused (its rows are then skipped silently).
    broken: bool,
    /// Groups that already have rows from this table.
    groups: Vec<usize>,
    /// Groups whose rows in this table are refused (pasted twice).
    refused_groups: Vec<usize>,
    // Layout hints.
    topicless_assignment: bool,
    topic_assignment: bool,
    two_spaces: Option<bool>,
    dash_strategy: bool,
}

/// A run of `kafka-topics` lines.
#[derive(Default)]
struct TopicsBlock {
    first: usize,
    last: usize,
    topic_lines: usize,
    with_elr: usize,
    without_elr: usize,
    /// Each topic with partition lines here, and the first of them.
    partition_topics: BTreeMap<String, usize>,
    /// Topic lines without a space after the colons (2.3 or earlier).
    compact: bool,
}

enum Mode {
    Idle,
    Table(Box<Table>),
    /// Config lines of a topic (its index), or of something skipped (`None`).
    Configs(Option<usize>, usize, bool),
}

/// Reads every source into `builder`, noting what it finds.
pub(crate) fn read_all(input: &Input, builder: &mut Builder, findings: &mut Findings) {
    for src in 0..input.sources.len() {
        let mut reader = Reader {
            input,
            src,
            builder,
            findings,
            mode: Mode::Idle,
            topics: None,
            duplicate_topic: None,
            configs_last: 0,
        };
        for line in 0..input.sources[src].lines.len() {
            reader.line(line);
        }
        reader.end_mode();
        reader.end_topics();
    }
}

struct Reader<'r, 'a> {
    input: &'r Input<'a>,
    src: usize,
    builder: &'r mut Builder,
    findings: &'r mut Findings,
    mode: Mode,
    topics: Option<TopicsBlock>,
    /// A topic whose `Topic:` line was refused as a second description:
    /// its partition lines that follow are not read either.
    duplicate_topic: Option<String>,
    /// Last line of the configs section being read.
    configs_last: usize,
}

impl Reader<'_, '_> {
    fn place(&self, line: usize) -> Place {
        Place {
            src: self.src,
            line,
        }
    }

    fn error(&mut self, line: usize, message: &str) {
        let p = self.place(line);
        self.findings.error(self.input, Some(p), message);
    }

    fn note(&mut self, line: usize, message: &str) {
        let p = self.place(line);
        self.findings.note(self.input, Some(p), message);
    }

    fn line(&mut self, line: usize) {
        let raw = self.input.sources[self.src].lines[line];
        let text = raw.trim_end();
        let trimmed = text.trim_start();
        if trimmed.is_empty() {
            self.end_mode();
            self.end_topics();
            return;
        }
        match &self.mode {
            Mode::Table(_) => {
                if self.ends_table(trimmed) {
                    self.end_mode();
                } else {
                    let expanded = expand_tabs(text);
                    match groups::header(&expanded) {
                        Some(h) => {
                            self.end_mode();
                            self.start_table(line, h);
                            return;
                        }
                        None => {
                            if self.row(line, &expanded, trimmed) {
                                return;
                            }
                            self.end_mode();
                        }
                    }
                }
            }
            Mode::Configs(topic, _, _) => {
                if configs::is_entry(text) {
                    let topic = *topic;
                    self.config_entry(line, topic, text);
                    return;
                }
                self.end_mode();
            }
            Mode::Idle => {}
        }
        self.idle_line(line, text, trimmed);
    }

    /// Whether a line inside a table ends it rather than being a row.
    fn ends_table(&self, trimmed: &str) -> bool {
        topics::is_topics_line(trimmed)
            || configs::heading(trimmed).is_some()
            || trimmed.starts_with("Configs for ")
            || matches!(
                chatter::classify(trimmed),
                Some(Chatter::Notice(..) | Chatter::GroupMissing(_) | Chatter::Command)
            )
    }

    fn idle_line(&mut self, line: usize, text: &str, trimmed: &str) {
        if topics::is_topics_line(trimmed) {
            self.topics_line(line, trimmed);
            return;
        }
        self.end_topics();
        let expanded = expand_tabs(text);
        if let Some(h) = groups::header(&expanded) {
            self.start_table(line, h);
            return;
        }
        if let Some(h) = configs::heading(trimmed) {
            self.start_configs(line, h);
            return;
        }
        if let Some(z) = configs::zookeeper_line(trimmed) {
            self.zookeeper_configs(line, z);
            return;
        }
        match chatter::classify(trimmed) {
            Some(Chatter::Notice(group, notice)) => {
                let p = self.place(line);
                let g = self.builder.group(group, p);
                let gb = &mut self.builder.groups[g];
                match gb.group.notice {
                    None => gb.group.notice = Some(notice),
                    Some(n) if n == notice => {}
                    Some(_) => self.note(
                        line,
                        &format!("group `{group}`: this notice contradicts an earlier one, which is kept"),
                    ),
                }
            }
            Some(c) => {
                let text = c.describe();
                self.note(line, &text);
            }
            None => self.note(
                line,
                "skipped: not a line of kafka-topics, kafka-consumer-groups or kafka-configs --describe output",
            ),
        }
    }

    // ---- kafka-topics ------------------------------------------------

    fn topics_line(&mut self, line: usize, trimmed: &str) {
        let place = self.place(line);
        let block = self.topics.get_or_insert(TopicsBlock {
            first: line,
            ..TopicsBlock::default()
        });
        block.last = line;
        let parsed = match topics::parse_line(trimmed) {
            Ok(p) => p,
            Err(e) => {
                if let Some(name) = topics::topic_name_of(trimmed) {
                    self.builder.topics_with_bad_lines.insert(name);
                }
                self.error(line, &format!("kafka-topics: {e}"));
                return;
            }
        };
        let has_elr = parsed.has_elr();
        match parsed {
            TopicsLine::Topic(t) => {
                block.topic_lines += 1;
                block.compact |= t.compact;
                self.duplicate_topic = None;
                let unknown = t.unknown;
                let i = self.builder.topic(&t.topic.name, place);
                let tb = &mut self.builder.topics[i];
                if let Some(first) = tb.topic_line {
                    let msg = format!(
                        "kafka-topics: topic `{}` is described twice (first at line {})",
                        t.topic.name,
                        first.line + 1
                    );
                    self.duplicate_topic = Some(t.topic.name.clone());
                    self.error(line, &msg);
                    return;
                }
                tb.topic_line = Some(place);
                tb.topic.topic_id = t.topic.topic_id;
                tb.topic.partition_count = t.topic.partition_count;
                tb.topic.replication_factor = t.topic.replication_factor;
                tb.topic.configs = t.topic.configs;
                tb.topic.marked_for_deletion |= t.topic.marked_for_deletion;
                self.unknown_fields(line, &unknown);
            }
            TopicsLine::Partition(p) => {
                if self.duplicate_topic.as_deref() == Some(p.topic.as_str()) {
                    return;
                }
                if has_elr {
                    block.with_elr += 1;
                } else {
                    block.without_elr += 1;
                }
                block
                    .partition_topics
                    .entry(p.topic.clone())
                    .or_insert(line);
                let i = self.builder.topic(&p.topic, place);
                let tb = &mut self.builder.topics[i];
                tb.topic.partitions.push(p.partition);
                tb.partition_places.push(place);
                tb.topic.marked_for_deletion |= p.marked_for_deletion;
                self.unknown_fields(line, &p.unknown);
            }
        }
    }

    fn unknown_fields(&mut self, line: usize, unknown: &[String]) {
        if !unknown.is_empty() {
            let list: Vec<String> = unknown.iter().map(|u| format!("`{u}:`")).collect();
            self.note(
                line,
                &format!(
                    "kafka-topics: field{} {} not printed by Apache Kafka's tool: ignored",
                    if unknown.len() == 1 { "" } else { "s" },
                    list.join(", ")
                ),
            );
        }
    }

    fn end_topics(&mut self) {
        let Some(b) = self.topics.take() else {
            return;
        };
        // An output with Topic: lines has one for every topic: a topic
        // without one lost it (the filters print no Topic: line at all).
        if b.topic_lines > 0 {
            for (name, line) in &b.partition_topics {
                let has_line = self
                    .builder
                    .topic_index
                    .get(name)
                    .is_some_and(|&i| self.builder.topics[i].topic_line.is_some());
                if !has_line && !self.builder.topics_with_bad_lines.contains(name) {
                    let msg = format!(
                        "kafka-topics: partition lines of topic `{name}` without its Topic: line, in an output that has the Topic: lines of other topics (a line lost in the copy?)"
                    );
                    self.error(*line, &msg);
                }
            }
        }
        let layout = match (b.topic_lines > 0, b.with_elr > 0, b.without_elr > 0) {
            _ if b.compact => "Kafka 2.3 or earlier: no space after the Topic: line's colons",
            (_, false, false) => "topic lines only: --topics-with-overrides, or a paste without partition lines",
            (true, true, false) => "Kafka 3.8 or later: Elr and LastKnownElr columns",
            (true, false, true) => "Kafka 2.8–3.7: no Elr columns",
            (false, true, false) => {
                "partition lines only (a filter such as --under-replicated-partitions), Kafka 3.8 or later"
            }
            (false, false, true) => {
                "partition lines only (a filter such as --under-replicated-partitions), Kafka 2.8–3.7"
            }
            (_, true, true) => "lines with and without Elr columns: outputs of different versions",
        };
        self.findings.section(
            self.input,
            self.src,
            b.first,
            b.last,
            Format::TopicsDescribe,
            layout,
        );
    }

    // ---- kafka-configs -----------------------------------------------

    fn start_configs(&mut self, line: usize, heading: Heading) {
        match heading {
            Heading::Topic { name, all } => {
                if let Err(e) = topics::check_topic_name(name) {
                    self.error(line, &format!("kafka-configs: {e}"));
                    self.mode = Mode::Configs(None, line, all);
                    return;
                }
                let place = self.place(line);
                let i = self.builder.topic(name, place);
                let tb = &mut self.builder.topics[i];
                if let Some(first) = tb.configs_place {
                    let msg = format!(
                        "kafka-configs: the configs of topic `{name}` are pasted twice (first at line {})",
                        first.line + 1
                    );
                    self.error(line, &msg);
                    self.mode = Mode::Configs(None, line, all);
                    return;
                }
                tb.configs_place = Some(place);
                tb.topic.described_configs = Some(DescribedConfigs {
                    all,
                    entries: Vec::new(),
                });
                self.mode = Mode::Configs(Some(i), line, all);
                self.configs_last = line;
            }
            Heading::Other(_) => {
                self.note(
                    line,
                    "skipped: configs of something other than a topic (this line and its entries)",
                );
                self.mode = Mode::Configs(None, line, false);
            }
        }
    }

    fn config_entry(&mut self, line: usize, topic: Option<usize>, text: &str) {
        let Some(i) = topic else {
            self.extend_configs(line);
            return;
        };
        match configs::parse_entry(text) {
            Ok(entry) => {
                let tb = &mut self.builder.topics[i];
                if let Some(d) = tb.topic.described_configs.as_mut() {
                    d.entries.push(entry);
                }
                let p = self.place(line);
                self.builder.topics[i].config_entry_places.push(p);
            }
            Err(e) => self.error(line, &format!("kafka-configs: {e}")),
        }
        self.extend_configs(line);
    }

    fn extend_configs(&mut self, line: usize) {
        self.configs_last = line;
    }

    fn zookeeper_configs(&mut self, line: usize, z: configs::ZookeeperConfigs<'_>) {
        match z {
            Ok((name, values)) => {
                if let Err(e) = topics::check_topic_name(name) {
                    self.error(line, &format!("kafka-configs: {e}"));
                    return;
                }
                let place = self.place(line);
                let i = self.builder.topic(name, place);
                let tb = &mut self.builder.topics[i];
                if let Some(first) = tb.configs_place {
                    let msg = format!(
                        "kafka-configs: the configs of topic `{name}` are pasted twice (first at line {})",
                        first.line + 1
                    );
                    self.error(line, &msg);
                    return;
                }
                tb.configs_place = Some(place);
                tb.config_entry_places = vec![place; values.len()];
                tb.topic.described_configs = Some(DescribedConfigs {
                    all: false,
                    entries: values
                        .into_iter()
                        .map(|(name, value)| DescribedConfig {
                            name,
                            value,
                            sensitive: false,
                            synonyms: Vec::new(),
                        })
                        .collect(),
                });
                self.findings.section(
                    self.input,
                    self.src,
                    line,
                    line,
                    Format::TopicConfigs,
                    "ZooKeeper mode (--zookeeper, Kafka 2.8)",
                );
            }
            Err(None) => self.note(line, "skipped: configs of something other than a topic"),
            Err(Some(e)) => self.error(line, &format!("kafka-configs: {e}")),
        }
    }

    // ---- kafka-consumer-groups ---------------------------------------

    fn start_table(&mut self, line: usize, header: Result<Header, String>) {
        let place = self.place(line);
        let (header, broken) = match header {
            Ok(h) => (h, false),
            Err(e) => {
                self.error(line, &format!("kafka-consumer-groups: {e}"));
                (
                    Header {
                        kind: TableKind::Offsets,
                        columns: Vec::new(),
                        starts: Vec::new(),
                    },
                    true,
                )
            }
        };
        self.mode = Mode::Table(Box::new(Table {
            header,
            header_place: place,
            last: line,
            rows: 0,
            broken,
            groups: Vec::new(),
            refused_groups: Vec::new(),
            topicless_assignment: false,
            topic_assignment: false,
            two_spaces: None,
            dash_strategy: false,
        }));
    }

    /// Reads a row of the table being read. `false` when the line is no
    /// row but a message or log line (which ends the table).
    fn row(&mut self, line: usize, text: &str, trimmed: &str) -> bool {
        let Mode::Table(table) = &mut self.mode else {
            return false;
        };
        let parsed = (!table.broken).then(|| groups::parse_row(&table.header, text));
        if !matches!(parsed, Some(Ok(_))) && chatter::classify(trimmed).is_some() {
            return false;
        }
        table.last = line;
        let Some(parsed) = parsed else {
            return true;
        };
        table.rows += 1;
        let header_place = table.header_place;
        let row = match parsed {
            Ok(r) => r,
            Err(e) => {
                self.error(line, &format!("kafka-consumer-groups: {e}"));
                return true;
            }
        };
        let place = self.place(line);
        let (group_id, kind) = match &row {
            Row::Offsets(g, _) => (g.clone(), TableKind::Offsets),
            Row::Members(g, _) => (g.clone(), TableKind::Members),
            Row::State(g, _, _) => (g.clone(), TableKind::State),
        };
        let g = self.builder.group(&group_id, place);
        let Mode::Table(table) = &mut self.mode else {
            return true;
        };
        if table.refused_groups.contains(&g) {
            return true;
        }
        let first_in_table = !table.groups.contains(&g);
        if first_in_table {
            table.groups.push(g);
        }
        let gb = &mut self.builder.groups[g];
        // A second table of the same kind for the same group: pasted twice.
        let earlier = match kind {
            TableKind::Offsets => gb.offsets_header,
            TableKind::Members => gb.members_header,
            TableKind::State => gb.state_place,
        };
        if first_in_table {
            if let Some(e) = earlier.filter(|e| *e != header_place) {
                let msg = format!(
                    "kafka-consumer-groups: the {} of group `{group_id}` are pasted twice (first at line {})",
                    match kind {
                        TableKind::Offsets => "offsets",
                        TableKind::Members => "members",
                        TableKind::State => "state",
                    },
                    e.line + 1
                );
                table.refused_groups.push(g);
                self.error(line, &msg);
                return true;
            }
        }
        match row {
            Row::Offsets(_, r) => {
                let verbose = table.header.columns.contains(&Col::LeaderEpoch);
                gb.offsets_header = Some(header_place);
                gb.group
                    .offsets
                    .get_or_insert_with(|| OffsetsTable {
                        leader_epoch_column: verbose,
                        rows: Vec::new(),
                    })
                    .rows
                    .push(r);
                gb.offset_places.push(place);
            }
            Row::Members(_, m) => {
                if let Some(a) = &m.assignment {
                    table.topicless_assignment |= a.iter().any(|p| p.topic.is_none());
                    table.topic_assignment |= a.iter().any(|p| p.topic.is_some());
                }
                let verbose = table.header.columns.contains(&Col::Assignment)
                    || table.header.columns.contains(&Col::CurrentEpoch);
                gb.members_header = Some(header_place);
                gb.group
                    .members
                    .get_or_insert_with(|| MembersTable {
                        verbose,
                        members: Vec::new(),
                    })
                    .members
                    .push(m);
                gb.member_places.push(place);
            }
            Row::State(_, s, hints) => {
                if !first_in_table || gb.state_place.is_some() {
                    let msg =
                        format!("kafka-consumer-groups: a second state row for group `{group_id}`");
                    self.error(line, &msg);
                    return true;
                }
                table.two_spaces = Some(hints.two_spaces);
                table.dash_strategy |= hints.dash_strategy;
                gb.state_place = Some(place);
                gb.group.state = Some(s);
            }
        }
        true
    }

    fn end_table(&mut self, table: Table) {
        if table.broken {
            return;
        }
        let (format, layout) = match table.header.kind {
            TableKind::Offsets => (
                Format::GroupOffsets,
                if table.header.columns.contains(&Col::LeaderEpoch) {
                    "Kafka 4.0 or later, --verbose: LEADER-EPOCH column"
                } else {
                    "Kafka 2.8 or later"
                },
            ),
            TableKind::Members => (
                Format::GroupMembers,
                if table.header.columns.contains(&Col::CurrentEpoch) {
                    "Kafka 4.0 or later, --verbose: epochs and target assignments"
                } else if table.header.columns.contains(&Col::Assignment) {
                    match (table.topic_assignment, table.topicless_assignment) {
                        (true, false) => "Kafka 2.8–3.7, --verbose: topic(partitions)",
                        (false, true) => {
                            "Kafka 3.8–3.9, --verbose: (partitions) without topic names"
                        }
                        (true, true) => "--verbose, assignments with and without topic names",
                        (false, false) => "Kafka 2.8–3.9, --verbose",
                    }
                } else {
                    "Kafka 2.8 or later"
                },
            ),
            TableKind::State => (Format::GroupState, {
                let cols = &table.header.columns;
                let state_width = cols
                    .iter()
                    .position(|c| *c == Col::State)
                    .and_then(|i| Some(table.header.starts.get(i + 1)? - table.header.starts[i]));
                if cols.contains(&Col::GroupEpoch) {
                    "Kafka 4.0 or later, --verbose: epoch columns"
                } else if state_width == Some(21) || table.dash_strategy {
                    "Kafka 4.0 or later"
                } else if table.two_spaces == Some(true) {
                    "Kafka 3.8–3.9: two spaces before (id)"
                } else if state_width == Some(16) && table.two_spaces == Some(false) {
                    "Kafka 2.8–3.7"
                } else {
                    "Kafka 2.8 or later"
                }
            }),
        };
        if table.rows == 0 {
            let msg = "kafka-consumer-groups: a header without rows (Kafka 3.8 and later print the members header even for a group they could not describe)";
            self.note(table.header_place.line, msg);
        }
        self.findings.section(
            self.input,
            self.src,
            table.header_place.line,
            table.last,
            format,
            layout,
        );
    }

    fn end_mode(&mut self) {
        match std::mem::replace(&mut self.mode, Mode::Idle) {
            Mode::Idle => {}
            Mode::Table(t) => self.end_table(*t),
            Mode::Configs(topic, start, all) => {
                if topic.is_some() {
                    self.findings.section(
                        self.input,
                        self.src,
                        start,
                        self.configs_last.max(start),
                        Format::TopicConfigs,
                        if all {
                            "Kafka 2.8 or later, --all"
                        } else {
                            "Kafka 2.8 or later"
                        },
                    );
                }
            }
        }
    }
}
