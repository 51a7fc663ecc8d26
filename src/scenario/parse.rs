//! Reading a scenario file: TOML or JSON into [`ScenarioFile`], with the
//! line and column of the first problem.
//!
//! Natively (`kafkascope check`) TOML is read by the `toml` crate straight
//! into the model, so every error has its line and column. The web app reads
//! TOML with [`parse_toml_via_json`] instead: `basic-toml` turns the text into
//! a JSON value and the JSON reader (which the app carries anyway, for share
//! links and its compiled lessons) reads the model from it. That costs the
//! wasm about 20 KB gzip where the `toml` crate's own deserializer for the
//! model costs about 110 KB (docs/benchmarks.md); the price is that an error
//! found in the model (an unknown field, a wrong type) has no line number in
//! the browser. Syntax errors keep their line and column in both.

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
    check_size(text)?;
    match syntax {
        #[cfg(not(target_arch = "wasm32"))]
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
        #[cfg(target_arch = "wasm32")]
        Syntax::Toml => parse_toml_via_json(text),
        // `from_slice`, not `from_str`: the same reader as share links, so the
        // web app carries one JSON deserializer per type instead of two
        // (the text is already UTF-8; errors and positions are the same).
        Syntax::Json => serde_json::from_slice(text.as_bytes()).map_err(|e| {
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

/// TOML read the web app's way: `basic-toml` into a JSON value, then the
/// model from that value's JSON text (see the module doc). Accepts the same
/// files as the native reader (`tests/scenario_format.rs` and the fuzz test
/// compare them); errors found in the model have no line and column.
pub fn parse_toml_via_json(text: &str) -> Result<ScenarioFile, ScenarioError> {
    check_size(text)?;
    let value: serde_json::Value = basic_toml::from_str(text).map_err(|e| {
        let message = e.to_string();
        // basic-toml appends " at line L column C"; keep the message alone.
        let message = match message.rfind(" at line ") {
            Some(i) => message[..i].to_string(),
            None => message,
        };
        let (line, column) = e
            .line_col()
            .map_or((None, None), |(l, c)| (Some(l + 1), Some(c + 1)));
        ScenarioError::Syntax {
            format: "TOML",
            line,
            column,
            message: clip_message(&message),
        }
    })?;
    let json = serde_json::to_vec(&value).map_err(|e| ScenarioError::Syntax {
        format: "TOML",
        line: None,
        column: None,
        message: clip_message(&e.to_string()),
    })?;
    serde_json::from_slice(&json).map_err(|e| {
        let message = e.to_string();
        // Positions in the JSON made here mean nothing to the author.
        let message = match message.rfind(" at line ") {
            Some(i) => message[..i].to_string(),
            None => message,
        };
        ScenarioError::Syntax {
            format: "TOML",
            line: None,
            column: None,
            message: clip_message(&message),
        }
    })
}

/// Refuses a file over [`MAX_FILE_BYTES`] before reading it.
fn check_size(text: &str) -> Result<(), ScenarioError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ScenarioError::limit(
            "file",
            format!(
                "the file has {} bytes; a scenario file may have at most {MAX_FILE_BYTES}",
                text.len()
            ),
        ));
    }
    Ok(())
}

/// 1-based line and column (in characters) of a byte offset.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
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
