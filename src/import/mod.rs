//! Import: read what Kafka's own tools print about a real cluster, as
//! pasted from a terminal, into a language-free model
//! ([`ImportedCluster`]) that a scenario can later be built from.
//!
//! Read: `kafka-topics.sh --describe` (2.8 to 4.x, with or without
//! `--topic`, and its partition filters), `kafka-consumer-groups.sh
//! --describe` (`--group` or `--all-groups`; the offsets, `--members`
//! (`--verbose`) and `--state` (`--verbose`) views), and
//! `kafka-configs.sh --describe --entity-type topics`. Several outputs may
//! be pasted together, in any order, with the prompts, commands, warnings
//! and log lines around them; CRLF, trailing spaces and tabs turned into
//! spaces are fine. `docs/import.md` shows each format.
//!
//! The policy is all or nothing: [`parse`] either returns everything that
//! was pasted ([`Imported`], with notes on the lines it skipped and on what
//! looks odd but is possible), or refuses the whole paste ([`Rejected`])
//! with every problem found, each naming its line and quoting it (cut to
//! 200 characters). Never a half-imported cluster. Problems are: a line of
//! a recognised output that cannot be read (cut short, a bad number, an
//! unknown column), data that contradicts itself (a leader or ISR member
//! that is not a replica, a partition listed twice, `PartitionCount` or
//! `ReplicationFactor` not matching the partition lines, a negative offset,
//! a `LAG` that is not `LOG-END-OFFSET − CURRENT-OFFSET`), more than the
//! simulator can show ([`limits`]), or nothing recognised at all. No input
//! makes it panic, and its work is linear in the input, which is bounded
//! ([`limits::MAX_INPUT_BYTES`]).
//!
//! Map of the code:
//! - [`model`]: the imported cluster; [`report`]: notes, errors, sections
//! - [`limits`]: how much may be pasted and shown
//! - `topics`, `groups` (with `columns`), `configs`: each tool's lines
//! - `chatter`: prompts, notices, warnings and logs around the outputs
//! - `read`: which tool printed each line; `check`: what needs more than a line
//! - [`print`]: a model printed back in Kafka 4.x's formats

mod chatter;
mod check;
mod columns;
mod configs;
mod groups;
mod input;
pub mod limits;
pub mod model;
pub mod print;
mod read;
pub mod report;
mod topics;

pub use model::*;
pub use print::print_4x;
pub use report::{Format, Imported, Problem, Rejected, Section};

use input::{Findings, Input};
use limits::{MAX_INPUT_BYTES, MAX_INPUT_LINES, MAX_SOURCES};

/// One pasted text or file.
#[derive(Clone, Copy, Debug)]
pub struct Source<'a> {
    /// Its name in messages (a file name), or `None` for a single paste.
    pub name: Option<&'a str>,
    /// The text.
    pub text: &'a str,
}

/// Reads one paste. See the module documentation for what is accepted.
///
/// # Errors
/// [`Rejected`] when anything in it cannot be used: nothing is loaded then.
pub fn parse(text: &str) -> Result<Imported, Rejected> {
    parse_sources(&[Source { name: None, text }])
}

/// Reads several pastes or files together, as one cluster (the topics from
/// one, the groups from another…). Messages name the source.
///
/// # Errors
/// [`Rejected`] when anything in them cannot be used: nothing is loaded then.
pub fn parse_sources(sources: &[Source]) -> Result<Imported, Rejected> {
    let refuse = |message: String| Rejected {
        errors: vec![Problem {
            source: None,
            line: None,
            message,
            quote: String::new(),
        }],
        errors_left_out: 0,
        sections: Vec::new(),
        notes: Vec::new(),
        notes_left_out: 0,
    };
    if sources.len() > MAX_SOURCES {
        return Err(refuse(format!(
            "limit: {} sources: at most {MAX_SOURCES} are read together ({} too many)",
            sources.len(),
            sources.len() - MAX_SOURCES
        )));
    }
    let bytes: usize = sources.iter().map(|s| s.text.len()).sum();
    if bytes > MAX_INPUT_BYTES {
        return Err(refuse(format!(
            "limit: {bytes} bytes pasted: at most {MAX_INPUT_BYTES} are read ({} too many). Describe fewer topics (--topic) or groups (--group).",
            bytes - MAX_INPUT_BYTES
        )));
    }
    let lines: usize = sources
        .iter()
        .map(|s| s.text.bytes().filter(|b| *b == b'\n').count() + 1)
        .sum();
    if lines > MAX_INPUT_LINES {
        return Err(refuse(format!(
            "limit: {lines} lines pasted: at most {MAX_INPUT_LINES} are read ({} too many). Describe fewer topics (--topic) or groups (--group).",
            lines - MAX_INPUT_LINES
        )));
    }
    let named: Vec<(Option<&str>, &str)> = sources.iter().map(|s| (s.name, s.text)).collect();
    let input = Input::new(&named);
    let mut findings = Findings::default();
    let mut builder = read::Builder::default();
    read::read_all(&input, &mut builder, &mut findings);
    let cluster = check::finish(&input, builder, &mut findings);
    if cluster.topics.is_empty() && cluster.groups.is_empty() && !findings.has_errors() {
        findings.error(
            &input,
            None,
            "nothing to import: no output of kafka-topics --describe, kafka-consumer-groups --describe or kafka-configs --describe --entity-type topics was found",
        );
    }
    let failed = findings.has_errors();
    let f = findings.finish();
    if failed {
        Err(Rejected {
            errors: f.errors,
            errors_left_out: f.errors_left_out,
            sections: f.sections,
            notes: f.notes,
            notes_left_out: f.notes_left_out,
        })
    } else {
        Ok(Imported {
            cluster,
            sections: f.sections,
            notes: f.notes,
            notes_left_out: f.notes_left_out,
        })
    }
}
