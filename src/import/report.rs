//! What an import says back: the cluster and notes, or why nothing was
//! loaded; and which tool printed which lines.

use std::fmt;

use super::model::ImportedCluster;

/// One thing to tell about the input: where (source and 1-based line, when
/// it is about a line), what, and the line itself (at most
/// [`MAX_QUOTED_CHARS`](crate::text::quote::MAX_QUOTED_CHARS) characters
/// of it, through [`quote_input`](crate::text::quote::quote_input)).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The source's name (a file name), when the import was given several.
    pub source: Option<String>,
    /// 1-based line number; `None` for the input as a whole.
    pub line: Option<usize>,
    /// What is wrong or worth knowing.
    pub message: String,
    /// The line, cut to at most 200 characters; empty when `line` is `None`.
    pub quote: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.source, self.line) {
            (Some(s), Some(l)) => write!(f, "{s}, line {l}: ")?,
            (None, Some(l)) => write!(f, "line {l}: ")?,
            (Some(s), None) => write!(f, "{s}: ")?,
            (None, None) => {}
        }
        f.write_str(&self.message)?;
        if self.line.is_some() {
            write!(f, "\n    | {}", self.quote.replace('\t', "→"))?;
        }
        Ok(())
    }
}

/// Which output a run of lines is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `kafka-topics.sh --describe`.
    TopicsDescribe,
    /// `kafka-consumer-groups.sh --describe` (or `--offsets`): the offsets table.
    GroupOffsets,
    /// `kafka-consumer-groups.sh --describe --members` (`--verbose`).
    GroupMembers,
    /// `kafka-consumer-groups.sh --describe --state` (`--verbose`).
    GroupState,
    /// `kafka-configs.sh --describe --entity-type topics`.
    TopicConfigs,
}

impl Format {
    /// The command that prints it.
    #[must_use]
    pub fn command(self) -> &'static str {
        match self {
            Format::TopicsDescribe => "kafka-topics --describe",
            Format::GroupOffsets => "kafka-consumer-groups --describe",
            Format::GroupMembers => "kafka-consumer-groups --describe --members",
            Format::GroupState => "kafka-consumer-groups --describe --state",
            Format::TopicConfigs => "kafka-configs --describe --entity-type topics",
        }
    }
}

/// A run of lines printed by one tool, as recognised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// The source's name, when the import was given several.
    pub source: Option<String>,
    /// First line, 1-based.
    pub first_line: usize,
    /// Last line, 1-based.
    pub last_line: usize,
    /// Which output.
    pub format: Format,
    /// Which Kafka versions print it this way, e.g. `Kafka 3.8 or later`,
    /// with the variant (`--verbose`, ZooKeeper mode…) when it shows.
    pub layout: &'static str,
}

impl fmt::Display for Section {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(s) = &self.source {
            write!(f, "{s}, ")?;
        }
        if self.first_line == self.last_line {
            write!(f, "line {}", self.first_line)?;
        } else {
            write!(f, "lines {}–{}", self.first_line, self.last_line)?;
        }
        write!(f, ": {} ({})", self.format.command(), self.layout)
    }
}

/// A successful import: everything in the paste was read; the notes say
/// what was skipped (banners, warnings, prompts) or looks odd but is kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    /// The cluster.
    pub cluster: ImportedCluster,
    /// What was recognised where.
    pub sections: Vec<Section>,
    /// Skipped lines and remarks, at most
    /// [`MAX_NOTES`](super::limits::MAX_NOTES).
    pub notes: Vec<Problem>,
    /// Notes left out beyond that.
    pub notes_left_out: usize,
}

/// A refused import: nothing was loaded, and these are the reasons (all of
/// them, up to [`MAX_ERRORS`](super::limits::MAX_ERRORS), so that one pass
/// of corrections fixes them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    /// Why, in line order per source (whole-input problems first).
    pub errors: Vec<Problem>,
    /// Errors left out beyond the cap.
    pub errors_left_out: usize,
    /// What was recognised where (empty when the input was refused unread).
    pub sections: Vec<Section>,
    /// Notes, as for an import.
    pub notes: Vec<Problem>,
    /// Notes left out beyond the cap.
    pub notes_left_out: usize,
}

impl fmt::Display for Rejected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.errors.len() + self.errors_left_out;
        write!(
            f,
            "Nothing was imported: {n} problem{}.",
            if n == 1 { "" } else { "s" }
        )?;
        for e in &self.errors {
            write!(f, "\n{e}")?;
        }
        if self.errors_left_out > 0 {
            write!(f, "\n… and {} more.", self.errors_left_out)?;
        }
        Ok(())
    }
}
