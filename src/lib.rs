//! kafkascope: see Apache Kafka work.
//!
//! One-way data flow: user input → [`engine::Command`] → [`engine::Sim`] →
//! [`engine::Event`]s and views → scene → DOM.
//!
//! Map of the code:
//! - [`determinism`]: a fingerprint of a history, compared natively and in wasm
//! - [`engine`]: the deterministic Kafka cluster (no browser crates; builds
//!   and tests natively with `--no-default-features`)
//! - [`text`]: every word: events, refusals, names of states in English (the
//!   engine speaks no language; `text` depends on it, never the reverse)
//! - [`share`]: share links: the whole state, compressed, in the URL (pure)
//! - [`snapshot`]: partitions and groups as a host page reads them (`snapshot`), language-free (pure)
//! - [`timeline`]: the history: recorded commands, checkpoints, seek, step back, fork (pure)
//! - [`job`]: long work (opening a link, a lesson, a far seek) in budgeted, cancellable slices (pure)
//! - [`story`]: a record's life story from the events (pure)
//! - [`scenario`]: scenario files and lessons: parse, check, run, plan (pure)
//! - [`import`]: what Kafka's own tools print (`kafka-topics`, `kafka-consumer-groups`,
//!   `kafka-configs --describe`), read into a model of the cluster (pure)
//! - [`lesson`]: a lesson in the player: a step's exact moment, opening at a step, the pace of Next (pure)
//! - [`player`]: play/pause/speed over a timeline, frame by frame (pure)
//! - [`layout`]: the rectangle the picture's layouts are made of (pure)
//! - [`picture`]: the topic view's input per entity, text widths and layout (pure)
//! - `ui` (feature `ui`): the Yew app that draws the scene and the controls

pub mod determinism;
pub mod engine;
pub mod import;
pub mod job;
pub mod layout;
pub mod lesson;
pub mod picture;
pub mod player;
pub mod scenario;
pub mod share;
pub mod snapshot;
pub mod story;
pub mod text;
pub mod timeline;

#[cfg(feature = "ui")]
pub mod ui;
