//! Lines around the outputs: what the tools write besides their tables
//! (notices, warnings, errors, log lines), and what a terminal shows
//! (prompts, commands). They are skipped and listed as notes, except the
//! group notices, which say something about a group.

use super::model::GroupNotice;

/// A line that is not part of an output this import reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Chatter<'a> {
    /// `Consumer group 'g' has no active members.` or
    /// `Warning: Consumer group 'g' is rebalancing.`
    Notice(&'a str, GroupNotice),
    /// `Error: Consumer group 'g' does not exist.`
    GroupMissing(&'a str),
    /// A shell prompt or a command line.
    Command,
    /// A warning or error printed by a tool, or a log line.
    ToolMessage,
    /// A Java stack trace line.
    StackTrace,
}

impl Chatter<'_> {
    /// In words, for the note.
    pub fn describe(&self) -> String {
        match self {
            Chatter::Notice(g, GroupNotice::NoActiveMembers) => {
                format!("group `{g}` has no active members (kept: its state is Empty)")
            }
            Chatter::Notice(g, GroupNotice::Rebalancing) => {
                format!("group `{g}` is rebalancing (kept)")
            }
            Chatter::GroupMissing(g) => {
                format!("skipped: the tool says group `{g}` does not exist")
            }
            Chatter::Command => "skipped: a command line or prompt".to_string(),
            Chatter::ToolMessage => "skipped: a message from the tool".to_string(),
            Chatter::StackTrace => "skipped: part of a Java stack trace".to_string(),
        }
    }
}

/// The quoted name in `prefix'NAME'suffix`.
fn quoted<'a>(text: &'a str, prefix: &str, suffix: &str) -> Option<&'a str> {
    let name = text.strip_prefix(prefix)?.strip_suffix(suffix)?;
    (!name.is_empty()).then_some(name)
}

/// What `line` (already trimmed at both ends) is, if it is chatter.
pub(crate) fn classify(line: &str) -> Option<Chatter<'_>> {
    if let Some(g) = quoted(line, "Consumer group '", "' has no active members.") {
        return Some(Chatter::Notice(g, GroupNotice::NoActiveMembers));
    }
    if let Some(g) = quoted(line, "Warning: Consumer group '", "' is rebalancing.") {
        return Some(Chatter::Notice(g, GroupNotice::Rebalancing));
    }
    if let Some(g) = quoted(line, "Error: Consumer group '", "' does not exist.")
        .or_else(|| quoted(line, "Error: The consumer group '", "' does not exist."))
    {
        return Some(Chatter::GroupMissing(g));
    }
    if is_command(line) {
        return Some(Chatter::Command);
    }
    if line.starts_with("at ") && line.contains('(')
        || line.starts_with("... ") && line.ends_with("more")
    {
        return Some(Chatter::StackTrace);
    }
    const MESSAGE_STARTS: [&str; 12] = [
        "WARN",
        "Warning",
        "WARNING",
        "ERROR",
        "Error",
        "INFO",
        "SLF4J:",
        "log4j:",
        "Exception",
        "Caused by:",
        "Note:",
        "OpenJDK",
    ];
    if MESSAGE_STARTS.iter().any(|s| line.starts_with(s)) || is_log_line(line) {
        return Some(Chatter::ToolMessage);
    }
    None
}

/// A log4j line: `[2024-05-01 10:00:00,123] WARN …`.
fn is_log_line(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('[') else {
        return false;
    };
    let Some((stamp, after)) = rest.split_once(']') else {
        return false;
    };
    stamp.len() >= 10
        && stamp.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"]
            .iter()
            .any(|level| after.trim_start().starts_with(level))
}

/// A shell prompt or a command: `$ …`, `user@host:~$ …`, `# …`, or a line
/// that runs one of Kafka's scripts.
pub(crate) fn is_command(line: &str) -> bool {
    if ["$ ", "# ", "> ", "% ", "❯ "]
        .iter()
        .any(|p| line.starts_with(p))
        || line == "$"
    {
        return true;
    }
    if (line.ends_with('$') || line.ends_with('#') || line.ends_with('>'))
        && (line.contains('@') || line.contains('~'))
        && !line.contains(char::is_whitespace)
    {
        return true;
    }
    if let Some((before, _)) = line.split_once("$ ") {
        if before.contains('@') || before.ends_with('~') || before.ends_with(']') {
            return true;
        }
    }
    [
        "kafka-topics",
        "kafka-consumer-groups",
        "kafka-configs",
        "bin/kafka",
    ]
    .iter()
    .any(|cmd| line.contains(cmd))
        && (line.contains("--describe")
            || line.contains("--bootstrap-server")
            || line.contains(".sh"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_name_their_group() {
        assert_eq!(
            classify("Consumer group 'orders-app' has no active members."),
            Some(Chatter::Notice("orders-app", GroupNotice::NoActiveMembers))
        );
        assert_eq!(
            classify("Warning: Consumer group 'a b' is rebalancing."),
            Some(Chatter::Notice("a b", GroupNotice::Rebalancing))
        );
        assert_eq!(
            classify("Error: Consumer group 'gone' does not exist."),
            Some(Chatter::GroupMissing("gone"))
        );
        assert_eq!(
            classify("Error: The consumer group 'gone' does not exist."),
            Some(Chatter::GroupMissing("gone"))
        );
    }

    #[test]
    fn prompts_logs_and_traces_are_recognised() {
        for line in [
            "$ bin/kafka-topics.sh --describe --bootstrap-server localhost:9092",
            "kafka@broker-1:~$ kafka-consumer-groups --describe --all-groups",
            "[root@kafka bin]$ ./kafka-configs.sh --describe",
            "# kafka-topics.sh --bootstrap-server b:9092 --describe",
            "kafka@kafka-1:~$",
        ] {
            assert_eq!(classify(line), Some(Chatter::Command), "{line}");
        }
        assert_eq!(
            classify(
                "[2024-05-01 10:00:00,123] WARN [AdminClient clientId=adminclient-1] Connection"
            ),
            Some(Chatter::ToolMessage)
        );
        assert_eq!(
            classify("SLF4J: Class path contains multiple SLF4J bindings."),
            Some(Chatter::ToolMessage)
        );
        assert_eq!(
            classify("at org.apache.kafka.tools.TopicCommand.main(TopicCommand.java:96)"),
            Some(Chatter::StackTrace)
        );
        assert_eq!(classify("orders  0  5  5  0  -  -  -"), None);
        assert_eq!(classify("Topic: orders"), None);
    }
}
