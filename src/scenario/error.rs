//! What can be wrong with a scenario file, in words that point at the place.
//! Input quoted in a message is cut to
//! [`MAX_QUOTED_CHARS`](crate::text::MAX_QUOTED_CHARS) characters and a
//! whole message to [`MAX_MESSAGE_CHARS`](crate::text::MAX_MESSAGE_CHARS).

use std::fmt;

use crate::text::clip_message;

/// Why a scenario file cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScenarioError {
    /// The text is not valid TOML or JSON, or does not match the format.
    Syntax {
        /// `TOML` or `JSON`.
        format: &'static str,
        /// 1-based line, when the parser knows it.
        line: Option<usize>,
        /// 1-based column, when the parser knows it.
        column: Option<usize>,
        /// What was expected, in the parser's words.
        message: String,
    },
    /// The file parses, but asks for something impossible or unknown.
    Semantic {
        /// Where: a field path like `steps[3].do[1].crash_broker`, 1-based
        /// for steps as the report counts them.
        field: String,
        /// What is wrong (Kafka's error name first when Kafka has one).
        message: String,
    },
    /// The file asks for more than a limit allows.
    Limit {
        /// Where.
        field: String,
        /// The limit, in words.
        message: String,
    },
}

impl ScenarioError {
    /// A semantic error at `field`.
    pub(crate) fn at(field: impl Into<String>, message: impl Into<String>) -> Self {
        ScenarioError::Semantic {
            field: clip_message(&field.into()),
            message: clip_message(&message.into()),
        }
    }

    /// A limit error at `field`.
    pub(crate) fn limit(field: impl Into<String>, message: impl Into<String>) -> Self {
        ScenarioError::Limit {
            field: clip_message(&field.into()),
            message: clip_message(&message.into()),
        }
    }
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScenarioError::Syntax {
                format,
                line,
                column,
                message,
            } => {
                match (line, column) {
                    (Some(l), Some(c)) => write!(f, "{format} error at line {l}, column {c}: ")?,
                    (Some(l), None) => write!(f, "{format} error at line {l}: ")?,
                    _ => write!(f, "{format} error: ")?,
                }
                f.write_str(message)
            }
            ScenarioError::Semantic { field, message } => write!(f, "{field}: {message}"),
            ScenarioError::Limit { field, message } => write!(f, "{field}: limit: {message}"),
        }
    }
}

impl std::error::Error for ScenarioError {}
