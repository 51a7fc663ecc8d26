//! Floor 0, the vocabulary: the words every other floor speaks and nothing
//! else. Ids, configurations and limits, commands, events with their typed
//! reasons, Kafka's error codes and refusals, the states the engine reports
//! by name, timer kinds and running totals. Plain data with Kafka's names;
//! no file here imports anything above this floor (see `tests/layers.rs`).

pub mod command;
pub mod config;
pub mod errors;
pub mod event;
pub mod fixed_settings;
pub mod group_event;
pub mod ids;
pub mod limits;
pub mod reasons;
pub mod refusal;
pub mod states;
pub(crate) mod timers;
pub mod totals;
