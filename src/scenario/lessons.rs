//! The built-in lessons, compiled into the binary from `lessons/*.toml` so
//! the app can list them and the tests can run them.
//!
//! Authors write TOML; the build (`build.rs`) turns each file into minified
//! JSON, which is what the binary carries and reads: the web app needs no
//! TOML parser for its own lessons (a smaller download). Native builds also
//! keep the TOML text, which `kafkascope check lesson:ID` checks as written.

use super::model::Concept;
use super::{Scenario, ScenarioError};

/// A built-in lesson: its id (file stem) and its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lesson {
    /// The id, e.g. `acks` (the file `lessons/acks.toml`).
    pub id: &'static str,
    /// The file as written (native builds only: the web app carries the JSON).
    #[cfg(not(target_arch = "wasm32"))]
    pub toml: &'static str,
    /// The same file as minified JSON, made by `build.rs` at build time.
    pub json: &'static str,
}

impl Lesson {
    /// Parses the lesson (from its JSON form; `tests/lessons.rs` checks that
    /// it reads the same as the TOML file).
    pub fn scenario(&self) -> Result<Scenario, ScenarioError> {
        Scenario::from_json(self.json)
    }
}

macro_rules! lessons {
    ($($id:literal),* $(,)?) => {
        /// Every built-in lesson, in the order a reader should take them.
        pub const LESSONS: &[Lesson] = &[
            $(Lesson {
                id: $id,
                #[cfg(not(target_arch = "wasm32"))]
                toml: include_str!(concat!("../../lessons/", $id, ".toml")),
                json: include_str!(concat!(env!("OUT_DIR"), "/lessons/", $id, ".json")),
            },)*
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
