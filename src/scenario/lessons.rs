//! The built-in lessons, compiled into the binary from `lessons/*.toml` so
//! the app can list them and the tests can run them.

use super::model::Concept;
use super::{Scenario, ScenarioError};

/// A built-in lesson: its id (file stem) and its TOML text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lesson {
    /// The id, e.g. `acks` (the file `lessons/acks.toml`).
    pub id: &'static str,
    /// The file's text.
    pub toml: &'static str,
}

impl Lesson {
    /// Parses the lesson.
    pub fn scenario(&self) -> Result<Scenario, ScenarioError> {
        Scenario::from_toml(self.toml)
    }
}

macro_rules! lessons {
    ($($id:literal),* $(,)?) => {
        /// Every built-in lesson, in the order a reader should take them.
        pub const LESSONS: &[Lesson] = &[
            $(Lesson { id: $id, toml: include_str!(concat!("../../lessons/", $id, ".toml")) },)*
        ];
    };
}

lessons!(
    "basics",
    "partitioner",
    "replication",
    "acks",
    "unclean",
    "metadata",
    "groups",
    "lag",
    "queue_vs_log",
    "retention",
    "compaction",
    "partitions",
    "idempotence",
    "mirroring",
);

/// The lesson with this id.
#[must_use]
pub fn lesson(id: &str) -> Option<&'static Lesson> {
    LESSONS.iter().find(|l| l.id == id)
}

/// The concepts the built-in lessons cover, each with the lessons that cover it.
#[must_use]
pub fn coverage() -> Vec<(Concept, Vec<&'static str>)> {
    Concept::ALL
        .iter()
        .map(|c| {
            let ids = LESSONS
                .iter()
                .filter(|l| {
                    l.scenario()
                        .map(|s| s.file().concepts.contains(c))
                        .unwrap_or(false)
                })
                .map(|l| l.id)
                .collect();
            (*c, ids)
        })
        .collect()
}
