//! Reading a scenario file: TOML or JSON into [`ScenarioFile`], with the
//! line and column of the first problem.

use super::error::ScenarioError;
use super::limits::MAX_FILE_BYTES;
use super::model::ScenarioFile;
use crate::text::clip_message;

/// Which syntax a file is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    /// TOML (for people).
    Toml,
    /// JSON (equally accepted).
    Json,
}

impl Syntax {
    /// Guesses from a file name (`.json` is JSON, anything else TOML) or,
    /// without one, from the text (JSON starts with `{`).
    #[must_use]
    pub fn guess(file_name: Option<&str>, text: &str) -> Syntax {
        match file_name {
            Some(name) if name.to_ascii_lowercase().ends_with(".json") => Syntax::Json,
            Some(_) => Syntax::Toml,
            None if text.trim_start().starts_with('{') => Syntax::Json,
            None => Syntax::Toml,
        }
    }
}

/// Parses a scenario file in the given syntax (structure only; see
/// [`super::Scenario::parse`] for the full check).
pub fn parse_file(text: &str, syntax: Syntax) -> Result<ScenarioFile, ScenarioError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ScenarioError::limit(
            "file",
            format!(
                "the file has {} bytes; a scenario file may have at most {MAX_FILE_BYTES}",
                text.len()
            ),
        ));
    }
    match syntax {
        Syntax::Toml => toml::from_str(text).map_err(|e| {
            let (line, column) = match e.span() {
                Some(span) => {
                    let (l, c) = line_column(text, span.start);
                    (Some(l), Some(c))
                }
                None => (None, None),
            };
            ScenarioError::Syntax {
                format: "TOML",
                line,
                column,
                message: clip_message(&e.message().trim().replace('\n', "; ")),
            }
        }),
        Syntax::Json => serde_json::from_str(text).map_err(|e| {
            let message = e.to_string();
            // serde_json appends " at line L column C"; keep the message alone.
            let message = match message.rfind(" at line ") {
                Some(i) => message[..i].to_string(),
                None => message,
            };
            ScenarioError::Syntax {
                format: "JSON",
                line: (e.line() > 0).then_some(e.line()),
                column: (e.column() > 0).then_some(e.column()),
                message: clip_message(&message),
            }
        }),
    }
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_characters() {
        assert_eq!(line_column("ab\ncd", 4), (2, 2));
        assert_eq!(line_column("브로커\nx", 10), (2, 1));
    }
}
