//! `kafka-consumer-groups.sh --describe`: the offsets, members and state
//! tables.
//!
//! What each version prints (read from `ConsumerGroupCommand`: Scala in
//! `core/src/main/scala/kafka/admin/` up to 3.7, Java in
//! `tools/src/main/java/org/apache/kafka/tools/consumer/group/` from 3.8;
//! 4.0's columns from KIP-1099, apache/kafka PR 18141). Every table is
//! printed once per group (`--all-groups` repeats the header), after an
//! empty line, its columns left-aligned and padded with spaces
//! (`%-Ns`, one space between columns, a value longer than its column
//! pushing the rest of the row right):
//! - offsets (`--describe`, `--offsets`), 2.8 to 4.x: `GROUP` (width
//!   max(15, longest)), `TOPIC` (same), `PARTITION` (10), `CURRENT-OFFSET`,
//!   `LOG-END-OFFSET`, `LAG` (15 each), `CONSUMER-ID`, `HOST` (max(15,
//!   longest)), `CLIENT-ID`; `-` where there is no value (a member without
//!   partitions, a partition without a commit, a partition no member owns).
//!   With `--verbose`, 4.0 adds `LEADER-EPOCH` (15) after `PARTITION`. 3.8
//!   and 3.9 end the table without a final newline.
//! - members (`--members`): `GROUP`, `CONSUMER-ID`, `GROUP-INSTANCE-ID`
//!   (17; only when some member is static), `HOST`, `CLIENT-ID` (15 or
//!   longest), `#PARTITIONS` (15). With `--verbose`: 2.8–3.7 add
//!   `ASSIGNMENT` as `topic(0,1), other(2)`; 3.8–3.9 print it without the
//!   topic names, `(0,1), (2)`; 4.0 replaces it with `CURRENT-EPOCH` (15),
//!   `CURRENT-ASSIGNMENT`, `TARGET-EPOCH` (15), `TARGET-ASSIGNMENT` (20 or
//!   longest) as `topic:0,1;other:2`, and `UPGRADED` while a group mixes
//!   the classic and the new protocol. 3.8 and later print the header even
//!   for a group they could not describe.
//! - state (`--state`): `GROUP`, `COORDINATOR (ID)` as `host:port (id)`,
//!   `ASSIGNMENT-STRATEGY` (20), `STATE`, `#MEMBERS`. Up to 3.7 the group
//!   column is as wide as the coordinator's (max(25, its length)), the
//!   coordinator column 25 and `STATE` 15, and an empty group's strategy is
//!   empty; 3.8 and 3.9 print two spaces before `(id)`; 4.0 sizes the group
//!   column on the group (max(15, length)), prints `-` for no strategy,
//!   widens `STATE` to 20 and, with `--verbose`, adds `GROUP-EPOCH` (15)
//!   and `TARGET-ASSIGNMENT-EPOCH` (25) before `#MEMBERS`.

use super::columns::{split_at_starts, split_words, words};
use super::limits::MAX_FIELD_CHARS;
use super::model::{
    AssignedPartitions, Coordinator, Endpoint, GroupStateInfo, GroupStateName, ImportedMember,
    OffsetRow,
};
use super::topics::{check_topic_name, parse_int};

/// A column of one of the tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Col {
    Group,
    Topic,
    Partition,
    LeaderEpoch,
    CurrentOffset,
    LogEndOffset,
    Lag,
    ConsumerId,
    Host,
    ClientId,
    GroupInstanceId,
    PartitionCount,
    Assignment,
    CurrentEpoch,
    CurrentAssignment,
    TargetEpoch,
    TargetAssignment,
    Upgraded,
    Coordinator,
    AssignmentStrategy,
    State,
    GroupEpoch,
    TargetAssignmentEpoch,
    MemberCount,
}

impl Col {
    /// The header text.
    pub fn name(self) -> &'static str {
        match self {
            Col::Group => "GROUP",
            Col::Topic => "TOPIC",
            Col::Partition => "PARTITION",
            Col::LeaderEpoch => "LEADER-EPOCH",
            Col::CurrentOffset => "CURRENT-OFFSET",
            Col::LogEndOffset => "LOG-END-OFFSET",
            Col::Lag => "LAG",
            Col::ConsumerId => "CONSUMER-ID",
            Col::Host => "HOST",
            Col::ClientId => "CLIENT-ID",
            Col::GroupInstanceId => "GROUP-INSTANCE-ID",
            Col::PartitionCount => "#PARTITIONS",
            Col::Assignment => "ASSIGNMENT",
            Col::CurrentEpoch => "CURRENT-EPOCH",
            Col::CurrentAssignment => "CURRENT-ASSIGNMENT",
            Col::TargetEpoch => "TARGET-EPOCH",
            Col::TargetAssignment => "TARGET-ASSIGNMENT",
            Col::Upgraded => "UPGRADED",
            Col::Coordinator => "COORDINATOR (ID)",
            Col::AssignmentStrategy => "ASSIGNMENT-STRATEGY",
            Col::State => "STATE",
            Col::GroupEpoch => "GROUP-EPOCH",
            Col::TargetAssignmentEpoch => "TARGET-ASSIGNMENT-EPOCH",
            Col::MemberCount => "#MEMBERS",
        }
    }

    const ALL: [Col; 24] = [
        Col::Group,
        Col::Topic,
        Col::Partition,
        Col::LeaderEpoch,
        Col::CurrentOffset,
        Col::LogEndOffset,
        Col::Lag,
        Col::ConsumerId,
        Col::Host,
        Col::ClientId,
        Col::GroupInstanceId,
        Col::PartitionCount,
        Col::Assignment,
        Col::CurrentEpoch,
        Col::CurrentAssignment,
        Col::TargetEpoch,
        Col::TargetAssignment,
        Col::Upgraded,
        Col::Coordinator,
        Col::AssignmentStrategy,
        Col::State,
        Col::GroupEpoch,
        Col::TargetAssignmentEpoch,
        Col::MemberCount,
    ];

    fn from_name(name: &str) -> Option<Col> {
        Self::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// Which table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TableKind {
    Offsets,
    Members,
    State,
}

/// Every column layout the versions print, by table.
fn layouts() -> Vec<(TableKind, Vec<Col>)> {
    use Col::*;
    let mut out = vec![
        (
            TableKind::Offsets,
            vec![
                Group,
                Topic,
                Partition,
                CurrentOffset,
                LogEndOffset,
                Lag,
                ConsumerId,
                Host,
                ClientId,
            ],
        ),
        (
            TableKind::Offsets,
            vec![
                Group,
                Topic,
                Partition,
                LeaderEpoch,
                CurrentOffset,
                LogEndOffset,
                Lag,
                ConsumerId,
                Host,
                ClientId,
            ],
        ),
        (
            TableKind::State,
            vec![Group, Coordinator, AssignmentStrategy, State, MemberCount],
        ),
        (
            TableKind::State,
            vec![
                Group,
                Coordinator,
                AssignmentStrategy,
                State,
                GroupEpoch,
                TargetAssignmentEpoch,
                MemberCount,
            ],
        ),
    ];
    for instance in [false, true] {
        let mut base = vec![Group, ConsumerId];
        if instance {
            base.push(GroupInstanceId);
        }
        base.extend([Host, ClientId, PartitionCount]);
        out.push((TableKind::Members, base.clone()));
        let mut old = base.clone();
        old.push(Assignment);
        out.push((TableKind::Members, old));
        let mut new = base.clone();
        new.extend([
            CurrentEpoch,
            CurrentAssignment,
            TargetEpoch,
            TargetAssignment,
        ]);
        out.push((TableKind::Members, new.clone()));
        new.push(Upgraded);
        out.push((TableKind::Members, new));
    }
    out
}

/// A recognised header.
#[derive(Clone, Debug)]
pub(crate) struct Header {
    pub kind: TableKind,
    pub columns: Vec<Col>,
    /// Character index where each column starts.
    pub starts: Vec<usize>,
}

/// Whether `line` (tabs expanded, trimmed at the end) is a table header:
/// `None` when it is not one at all, `Some(Err)` for a header whose columns
/// no version prints.
pub(crate) fn header(line: &str) -> Option<Result<Header, String>> {
    let mut w = words(line);
    if w.len() < 2 || w[0].1 != "GROUP" {
        return None;
    }
    // `COORDINATOR (ID)` is one column of two words.
    if let Some(k) = w.iter().position(|(_, s)| *s == "COORDINATOR") {
        if w.get(k + 1).is_some_and(|(_, s)| *s == "(ID)") {
            w.remove(k + 1);
            w[k].1 = "COORDINATOR (ID)";
        }
    }
    let names: Vec<&str> = w.iter().map(|(_, s)| *s).collect();
    let known: Option<Vec<Col>> = names.iter().map(|n| Col::from_name(n)).collect();
    let unknown: Vec<&str> = names
        .iter()
        .copied()
        .filter(|n| Col::from_name(n).is_none())
        .collect();
    if let Some(cols) = known {
        if let Some((kind, _)) = layouts().into_iter().find(|(_, l)| *l == cols) {
            return Some(Ok(Header {
                kind,
                columns: cols,
                starts: w.iter().map(|(i, _)| *i).collect(),
            }));
        }
    }
    if names.len() == 2 && names[1] == "STATE" || names.get(1) == Some(&"TYPE") {
        return Some(Err(
            "this is the list of `kafka-consumer-groups --list`, which has no offsets: paste `--describe` output".into(),
        ));
    }
    if names.contains(&"START-OFFSET") || names.contains(&"MEMBER") {
        return Some(Err(
            "this table is not `kafka-consumer-groups --describe` output (a share or streams group tool?), which this import does not read".into(),
        ));
    }
    Some(Err(if unknown.is_empty() {
        format!(
            "columns in an order no Kafka version prints: {}",
            names.join(" ")
        )
    } else {
        format!(
            "unknown column{} {} in a kafka-consumer-groups header",
            if unknown.len() == 1 { "" } else { "s" },
            unknown
                .iter()
                .map(|u| format!("`{u}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    }))
}

/// A row, read.
#[derive(Debug)]
pub(crate) enum Row {
    Offsets(String, OffsetRow),
    Members(String, ImportedMember),
    /// The group, its state, and what the row tells of the version.
    State(String, GroupStateInfo, StateHints),
}

/// What a state row tells of the version that printed it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct StateHints {
    /// Two spaces before `(id)` in the coordinator (3.8 and later).
    pub two_spaces: bool,
    /// `-` for no assignment strategy (4.0 and later).
    pub dash_strategy: bool,
}

/// Reads one row under `header`. Cut at the header's column starts first;
/// when that does not fit (a value wider than its column, squeezed
/// spaces), split at whitespace.
pub(crate) fn parse_row(header: &Header, row: &str) -> Result<Row, String> {
    let mut first_error = None;
    if let Some(cells) = split_at_starts(row, &header.starts) {
        match typed(header, &cells) {
            Ok(r) => return Ok(r),
            Err(e) => first_error = Some(e),
        }
    }
    match cells_from_words(header, row) {
        Some(cells) => typed(header, &cells).map_err(|e| first_error.unwrap_or(e)),
        None => Err(first_error.unwrap_or_else(|| {
            format!(
                "a row with {} value{} under a header of {} columns (cut short?)",
                words(row).len(),
                if words(row).len() == 1 { "" } else { "s" },
                header.columns.len()
            )
        })),
    }
}

/// The row's values split at whitespace, allowing for the two-word
/// coordinator and the values a version leaves empty.
fn cells_from_words(header: &Header, row: &str) -> Option<Vec<String>> {
    let n = header.columns.len();
    let idx = |c: Col| header.columns.iter().position(|x| *x == c);
    if header.kind == TableKind::State {
        let mut w: Vec<String> = words(row).into_iter().map(|(_, s)| s.to_string()).collect();
        if let Some(k) = w.iter().position(|s| is_coordinator_id(s)) {
            if k >= 2 {
                let id = w.remove(k);
                w[k - 1] = format!("{} {id}", w[k - 1]);
            }
        }
        if w.len() + 1 == n {
            // Up to 3.7 an empty group's strategy is printed empty.
            let strategy = idx(Col::AssignmentStrategy)?;
            w.insert(strategy, String::new());
        }
        return (w.len() == n).then_some(w);
    }
    if let Some(cells) = split_words(row, n) {
        return Some(cells);
    }
    // A members row of a table with GROUP-INSTANCE-ID where this member
    // has none (printed empty).
    let instance = idx(Col::GroupInstanceId)?;
    let mut cells = split_words(row, n - 1)?;
    cells.insert(instance, String::new());
    Some(cells)
}

/// `(3)`: the id part of `host:port (id)`.
fn is_coordinator_id(word: &str) -> bool {
    word.strip_prefix('(')
        .and_then(|w| w.strip_suffix(')'))
        .is_some_and(|id| {
            !id.is_empty()
                && id
                    .trim_start_matches('-')
                    .bytes()
                    .all(|b| b.is_ascii_digit())
        })
}

fn dash(v: &str) -> Option<&str> {
    (v != "-").then_some(v)
}

fn text_field(v: &str, what: &str) -> Result<String, String> {
    if v.chars().count() > MAX_FIELD_CHARS {
        return Err(format!(
            "{what} of {} characters: at most {MAX_FIELD_CHARS} are read",
            v.chars().count()
        ));
    }
    Ok(v.to_string())
}

fn opt_text(v: &str, what: &str) -> Result<Option<String>, String> {
    dash(v).map(|v| text_field(v, what)).transpose()
}

fn long(v: &str, what: &str) -> Result<Option<i64>, String> {
    match dash(v) {
        None => Ok(None),
        Some(v) => v.parse::<i64>().map(Some).map_err(|_| {
            if v.trim_start_matches('-')
                .bytes()
                .all(|b| b.is_ascii_digit())
                && !v.is_empty()
            {
                format!("{what} `{v}` is past Java's long range")
            } else {
                format!("{what} `{v}` is not a number")
            }
        }),
    }
}

fn offset(v: &str, what: &str) -> Result<Option<i64>, String> {
    let n = long(v, what)?;
    if let Some(n) = n.filter(|n| *n < 0) {
        return Err(format!(
            "{what} {n} is negative: Kafka prints offsets from 0, and `-` for none"
        ));
    }
    Ok(n)
}

fn epoch(v: &str, what: &str) -> Result<Option<i32>, String> {
    match dash(v) {
        None => Ok(None),
        Some(v) => v
            .parse::<i32>()
            .map(Some)
            .map_err(|_| format!("{what} `{v}` is not a 32-bit number")),
    }
}

/// A group id cell.
fn group_id(v: &str) -> Result<String, String> {
    if v.is_empty() {
        return Err("empty GROUP".into());
    }
    text_field(v, "GROUP")
}

fn typed(header: &Header, cells: &[String]) -> Result<Row, String> {
    let get = |c: Col| -> &str {
        header
            .columns
            .iter()
            .position(|x| *x == c)
            .map_or("", |i| cells[i].as_str())
    };
    let has = |c: Col| header.columns.contains(&c);
    // Only these may be printed empty (a member without an instance id, an
    // empty group's strategy before 4.0, an empty client.id).
    const MAY_BE_EMPTY: [Col; 3] = [Col::GroupInstanceId, Col::AssignmentStrategy, Col::ClientId];
    if let Some((c, _)) = header
        .columns
        .iter()
        .zip(cells)
        .find(|(c, v)| v.is_empty() && !MAY_BE_EMPTY.contains(c))
    {
        return Err(format!("no value under {} (cut short?)", c.name()));
    }
    let group = group_id(get(Col::Group))?;
    match header.kind {
        TableKind::Offsets => {
            let topic = opt_text(get(Col::Topic), "TOPIC")?;
            if let Some(t) = &topic {
                check_topic_name(t)?;
            }
            let partition = dash(get(Col::Partition))
                .map(|p| parse_int(p, "PARTITION"))
                .transpose()?;
            let leader_epoch = if has(Col::LeaderEpoch) {
                epoch(get(Col::LeaderEpoch), "LEADER-EPOCH")?
            } else {
                None
            };
            let current_offset = offset(get(Col::CurrentOffset), "CURRENT-OFFSET")?;
            let log_end_offset = offset(get(Col::LogEndOffset), "LOG-END-OFFSET")?;
            let lag = long(get(Col::Lag), "LAG")?;
            if topic.is_none() != partition.is_none() {
                return Err("TOPIC and PARTITION: one is `-` and the other is not".into());
            }
            if topic.is_none() && (current_offset.is_some() || log_end_offset.is_some()) {
                return Err("offsets for a row without a topic and partition".into());
            }
            match (current_offset, log_end_offset, lag) {
                (Some(c), Some(e), Some(l)) if e.checked_sub(c) != Some(l) => {
                    return Err(format!(
                        "LAG {l} is not LOG-END-OFFSET − CURRENT-OFFSET = {e} − {c}"
                    ))
                }
                (Some(_), Some(_), None) => {
                    return Err("LAG is `-` although both offsets are known".into())
                }
                (None, _, Some(_)) | (_, None, Some(_)) => {
                    return Err("a LAG where an offset is `-`".into())
                }
                _ => {}
            }
            Ok(Row::Offsets(
                group,
                OffsetRow {
                    topic,
                    partition,
                    leader_epoch,
                    current_offset,
                    log_end_offset,
                    lag,
                    consumer_id: opt_text(get(Col::ConsumerId), "CONSUMER-ID")?,
                    host: opt_text(get(Col::Host), "HOST")?,
                    client_id: opt_text(get(Col::ClientId), "CLIENT-ID")?,
                },
            ))
        }
        TableKind::Members => {
            let consumer_id = get(Col::ConsumerId);
            if consumer_id.is_empty() {
                return Err("empty CONSUMER-ID".into());
            }
            let instance = get(Col::GroupInstanceId);
            let partition_count = parse_int(get(Col::PartitionCount), "#PARTITIONS")?;
            let assignment = if has(Col::Assignment) {
                Some(parse_old_assignment(get(Col::Assignment))?)
            } else if has(Col::CurrentAssignment) {
                Some(parse_new_assignment(
                    get(Col::CurrentAssignment),
                    "CURRENT-ASSIGNMENT",
                )?)
            } else {
                None
            };
            if let Some(a) = &assignment {
                let n: usize = a.iter().map(|t| t.partitions.len()).sum();
                if n != partition_count as usize {
                    return Err(format!(
                        "#PARTITIONS {partition_count} but the assignment lists {n} partition{}",
                        if n == 1 { "" } else { "s" }
                    ));
                }
            }
            let upgraded = match get(Col::Upgraded) {
                "" | "-" => None,
                "true" => Some(true),
                "false" => Some(false),
                other => return Err(format!("UPGRADED `{other}`: Kafka prints true, false or -")),
            };
            Ok(Row::Members(
                group,
                ImportedMember {
                    consumer_id: text_field(consumer_id, "CONSUMER-ID")?,
                    group_instance_id: (!instance.is_empty() && instance != "-")
                        .then(|| text_field(instance, "GROUP-INSTANCE-ID"))
                        .transpose()?,
                    host: text_field(get(Col::Host), "HOST")?,
                    client_id: text_field(get(Col::ClientId), "CLIENT-ID")?,
                    partition_count,
                    assignment,
                    current_epoch: if has(Col::CurrentEpoch) {
                        epoch(get(Col::CurrentEpoch), "CURRENT-EPOCH")?
                    } else {
                        None
                    },
                    target_epoch: if has(Col::TargetEpoch) {
                        epoch(get(Col::TargetEpoch), "TARGET-EPOCH")?
                    } else {
                        None
                    },
                    target_assignment: if has(Col::TargetAssignment) {
                        parse_new_assignment(get(Col::TargetAssignment), "TARGET-ASSIGNMENT")?
                    } else {
                        Vec::new()
                    },
                    upgraded,
                },
            ))
        }
        TableKind::State => {
            let (coordinator, two_spaces) = parse_coordinator(get(Col::Coordinator))?;
            let strategy = get(Col::AssignmentStrategy);
            let state_text = get(Col::State);
            let state = GroupStateName::from_kafka_name(state_text)
                .ok_or_else(|| format!("STATE `{state_text}` is not a group state Kafka prints"))?;
            let verbose = has(Col::GroupEpoch);
            Ok(Row::State(
                group,
                GroupStateInfo {
                    coordinator,
                    assignment_strategy: (!strategy.is_empty() && strategy != "-")
                        .then(|| text_field(strategy, "ASSIGNMENT-STRATEGY"))
                        .transpose()?,
                    state,
                    member_count: parse_int(get(Col::MemberCount), "#MEMBERS")?,
                    group_epoch: if verbose {
                        epoch(get(Col::GroupEpoch), "GROUP-EPOCH")?
                    } else {
                        None
                    },
                    target_assignment_epoch: if verbose {
                        epoch(get(Col::TargetAssignmentEpoch), "TARGET-ASSIGNMENT-EPOCH")?
                    } else {
                        None
                    },
                    verbose,
                },
                StateHints {
                    two_spaces,
                    dash_strategy: strategy == "-",
                },
            ))
        }
    }
}

/// `host:port (id)` (3.8 and later: two spaces before `(`).
fn parse_coordinator(v: &str) -> Result<(Coordinator, bool), String> {
    let bad = || format!("COORDINATOR (ID) `{v}` is not `host:port (id)`");
    let open = v.rfind('(').ok_or_else(bad)?;
    let id_text = v[open + 1..].strip_suffix(')').ok_or_else(bad)?;
    let id = parse_int(id_text, "coordinator id")?;
    let address = v[..open].trim_end();
    let (host, port) = address.rsplit_once(':').ok_or_else(bad)?;
    let port: u16 = port
        .parse()
        .map_err(|_| format!("coordinator port `{port}` is not a port number"))?;
    if host.is_empty() || host.contains(char::is_whitespace) {
        return Err(bad());
    }
    Ok((
        Coordinator {
            id,
            endpoint: Endpoint {
                host: text_field(host, "coordinator host")?,
                port,
            },
        },
        v[..open].ends_with("  "),
    ))
}

/// Partition numbers `0,1,2` of an assignment.
fn parse_partitions(v: &str, whole: &str) -> Result<Vec<u32>, String> {
    if v.trim().is_empty() {
        return Err(format!("assignment `{whole}` has an empty partition list"));
    }
    v.split(',')
        .map(|p| parse_int(p.trim(), "assigned partition"))
        .collect()
}

fn assigned_topic(t: &str) -> Result<Option<String>, String> {
    let t = t.trim();
    if t.is_empty() {
        return Ok(None);
    }
    check_topic_name(t)?;
    Ok(Some(t.to_string()))
}

/// `ASSIGNMENT` before 4.0: `topic(0,1), other(2)`, or `(0,1), (2)` in 3.8
/// and 3.9; `-` for none.
pub(crate) fn parse_old_assignment(v: &str) -> Result<Vec<AssignedPartitions>, String> {
    let mut out = Vec::new();
    if v == "-" {
        return Ok(out);
    }
    let bad = || format!("ASSIGNMENT `{v}` is not `topic(0,1), other(2)`");
    let mut rest = v.trim();
    loop {
        let open = rest.find('(').ok_or_else(bad)?;
        let close = rest.find(')').ok_or_else(bad)?;
        if close < open {
            return Err(bad());
        }
        out.push(AssignedPartitions {
            topic: assigned_topic(&rest[..open])?,
            partitions: parse_partitions(&rest[open + 1..close], v)?,
        });
        rest = rest[close + 1..].trim_start();
        if rest.is_empty() {
            return Ok(out);
        }
        rest = rest.strip_prefix(',').ok_or_else(bad)?.trim_start();
    }
}

/// `CURRENT-ASSIGNMENT` / `TARGET-ASSIGNMENT` of 4.0: `topic:0,1;other:2`;
/// `-` for none. (A topicless `(0,1)` item, which [`super::print`] writes
/// for a 3.8/3.9 assignment, is read back too.)
pub(crate) fn parse_new_assignment(v: &str, what: &str) -> Result<Vec<AssignedPartitions>, String> {
    if v == "-" || v.is_empty() {
        return Ok(Vec::new());
    }
    v.split(';')
        .map(|item| {
            if let Some(inner) = item.strip_prefix('(').and_then(|i| i.strip_suffix(')')) {
                return Ok(AssignedPartitions {
                    topic: None,
                    partitions: parse_partitions(inner, v)?,
                });
            }
            let (topic, parts) = item
                .split_once(':')
                .ok_or_else(|| format!("{what} `{v}` is not `topic:0,1;other:2`"))?;
            Ok(AssignedPartitions {
                topic: assigned_topic(topic)?,
                partitions: parse_partitions(parts, v)?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(line: &str) -> Header {
        header(line).unwrap().unwrap()
    }

    #[test]
    fn headers_of_each_layout() {
        assert_eq!(
            head("GROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             CONSUMER-ID     HOST            CLIENT-ID").kind,
            TableKind::Offsets
        );
        let h = head("GROUP                     COORDINATOR (ID)          ASSIGNMENT-STRATEGY  STATE           #MEMBERS");
        assert_eq!(h.kind, TableKind::State);
        assert_eq!(h.columns.len(), 5);
        assert_eq!(h.starts[1], 26);
        assert!(header("GROUP").is_none());
        assert!(header("TOPIC PARTITION").is_none());
        let e = header("GROUP TOPIC PARTITION CURRENT-OFFSET LOG-END-OFFSET LAG OWNER")
            .unwrap()
            .unwrap_err();
        assert!(e.contains("`OWNER`"), "{e}");
        assert!(header("GROUP STATE").unwrap().is_err());
    }

    #[test]
    fn assignments_of_each_version() {
        let a = parse_old_assignment("orders(0,1), payments(2)").unwrap();
        assert_eq!(a[0].topic.as_deref(), Some("orders"));
        assert_eq!(a[1].partitions, vec![2]);
        let a = parse_old_assignment("(0,1), (2)").unwrap();
        assert_eq!(a[0].topic, None);
        assert_eq!(a.len(), 2);
        let a = parse_new_assignment("orders:0,1;payments:2", "CURRENT-ASSIGNMENT").unwrap();
        assert_eq!(a[1].topic.as_deref(), Some("payments"));
        assert!(parse_old_assignment("orders(0,").is_err());
        assert!(parse_new_assignment("orders", "X").is_err());
    }

    #[test]
    fn state_rows_with_a_coordinator_in_two_words() {
        let h = head("GROUP                     COORDINATOR (ID)          ASSIGNMENT-STRATEGY  STATE           #MEMBERS");
        let Row::State(g, s, hints) =
            parse_row(&h, "billing                   broker-2:9092 (2)                              Empty           0").unwrap()
        else {
            panic!()
        };
        assert_eq!(g, "billing");
        assert_eq!(s.coordinator.id, 2);
        assert_eq!(s.coordinator.endpoint.host, "broker-2");
        assert_eq!(s.assignment_strategy, None);
        assert_eq!(s.state, GroupStateName::Empty);
        assert!(!hints.two_spaces && !hints.dash_strategy);
        // Squeezed spaces: split at whitespace.
        let Row::State(_, s, _) =
            parse_row(&h, "billing broker-2:9092 (2) range Stable 3").unwrap()
        else {
            panic!()
        };
        assert_eq!(s.assignment_strategy.as_deref(), Some("range"));
        assert_eq!(s.member_count, 3);
    }
}
