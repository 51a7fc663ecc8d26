//! The pasted text as numbered lines, and the list of findings about them.

use crate::text::quote::{clip_message, quote_input};

use super::limits::{MAX_ERRORS, MAX_NOTES};
use super::report::{Format, Problem, Section};

/// Where a line is: which source, which line (0-based index).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Place {
    pub src: usize,
    pub line: usize,
}

/// One source's lines, without line ends (`\n`, `\r\n`, `\r`).
pub(crate) struct SourceLines<'a> {
    pub name: Option<&'a str>,
    pub lines: Vec<&'a str>,
}

/// All sources.
pub(crate) struct Input<'a> {
    pub sources: Vec<SourceLines<'a>>,
}

impl<'a> Input<'a> {
    /// Splits each source into lines (a byte-order mark at the start is dropped).
    pub fn new(sources: &[(Option<&'a str>, &'a str)]) -> Self {
        let sources = sources
            .iter()
            .map(|&(name, text)| {
                let text = text.strip_prefix('\u{feff}').unwrap_or(text);
                let mut lines: Vec<&str> = text
                    .split('\n')
                    .map(|l| l.strip_suffix('\r').unwrap_or(l))
                    .collect();
                // A lone `\r` (old Mac line ends) also ends a line.
                if lines.len() == 1 && text.contains('\r') {
                    lines = text.split('\r').collect();
                }
                if lines.last() == Some(&"") {
                    lines.pop();
                }
                SourceLines { name, lines }
            })
            .collect();
        Input { sources }
    }

    /// The raw line at `place`.
    pub fn line(&self, place: Place) -> &'a str {
        self.sources[place.src].lines[place.line]
    }
}

/// Errors, notes and recognised sections, collected while reading.
#[derive(Default)]
pub(crate) struct Findings {
    errors: Vec<(Option<Place>, Problem)>,
    errors_total: usize,
    notes: Vec<(Option<Place>, Problem)>,
    notes_total: usize,
    pub sections: Vec<(usize, Section)>,
}

/// Findings kept in memory before sorting (the rest are only counted).
const KEPT_FINDINGS: usize = 2_000;

impl Findings {
    fn problem(input: &Input, place: Option<Place>, message: &str) -> Problem {
        let (source, line, quote) = match place {
            Some(p) => (
                input.sources[p.src].name.map(str::to_string),
                Some(p.line + 1),
                quote_input(input.line(p)).into_owned(),
            ),
            None => (None, None, String::new()),
        };
        Problem {
            source,
            line,
            message: clip_message(message),
            quote,
        }
    }

    /// An error: the import will be refused.
    pub fn error(&mut self, input: &Input, place: Option<Place>, message: &str) {
        self.errors_total += 1;
        if self.errors.len() < KEPT_FINDINGS {
            let p = Self::problem(input, place, message);
            self.errors.push((place, p));
        }
    }

    /// A note: kept alongside the import.
    pub fn note(&mut self, input: &Input, place: Option<Place>, message: &str) {
        self.notes_total += 1;
        if self.notes.len() < KEPT_FINDINGS {
            let p = Self::problem(input, place, message);
            self.notes.push((place, p));
        }
    }

    /// Whether any error was found.
    pub fn has_errors(&self) -> bool {
        self.errors_total > 0
    }

    /// Records that lines `first..=last` of source `src` are `format`.
    pub fn section(
        &mut self,
        input: &Input,
        src: usize,
        first: usize,
        last: usize,
        format: Format,
        layout: &'static str,
    ) {
        // Consecutive runs of the same output and layout are one section.
        if let Some((s, prev)) = self.sections.last_mut() {
            if *s == src
                && prev.format == format
                && prev.layout == layout
                && prev.last_line + 1 >= first
                && format == Format::TopicsDescribe
            {
                prev.last_line = last + 1;
                return;
            }
        }
        self.sections.push((
            src,
            Section {
                source: input.sources[src].name.map(str::to_string),
                first_line: first + 1,
                last_line: last + 1,
                format,
                layout,
            },
        ));
    }

    /// Errors, notes and sections, sorted by place and capped.
    pub fn finish(mut self) -> Finished {
        self.errors.sort_by_key(|(p, _)| *p);
        self.notes.sort_by_key(|(p, _)| *p);
        let errors: Vec<Problem> = self
            .errors
            .into_iter()
            .take(MAX_ERRORS)
            .map(|(_, p)| p)
            .collect();
        let notes: Vec<Problem> = self
            .notes
            .into_iter()
            .take(MAX_NOTES)
            .map(|(_, p)| p)
            .collect();
        self.sections.sort_by_key(|(src, s)| (*src, s.first_line));
        Finished {
            errors_left_out: self.errors_total - errors.len(),
            notes_left_out: self.notes_total - notes.len(),
            errors,
            notes,
            sections: self.sections.into_iter().map(|(_, s)| s).collect(),
        }
    }
}

/// Findings, sorted and capped.
pub(crate) struct Finished {
    pub errors: Vec<Problem>,
    pub errors_left_out: usize,
    pub notes: Vec<Problem>,
    pub notes_left_out: usize,
    pub sections: Vec<Section>,
}
