//! Every word the app says, outside the engine. The engine speaks no
//! language: its events, refusals and states carry typed values, and this
//! module turns them into sentences. The arrow runs one way: `text` uses
//! the engine, the engine never uses `text`. No browser crate: it builds
//! and tests natively (`--no-default-features`), and the command line uses it.
//!
//! - [`Describe`]: `sim.describe(&event)`, an event in English (the event
//!   log, golden files, the history fingerprint)
//! - [`en_event`] / [`en_group_event`]: events and consumer-group events in English
//! - [`en_refusal`]: refusals in Kafka's words (`Display` for
//!   [`Refusal`](crate::engine::Refusal))
//! - [`en_words`]: reasons, phases, modes and statuses in English
//! - [`snapshot`]: the text snapshot of the cluster (`Display` for [`Sim`])
//! - [`ranges`]: the table of every numeric setting's range, for the docs
//! - [`quote`]: input quoted short in messages

pub mod en_event;
pub mod en_group_event;
pub mod en_refusal;
#[cfg(test)]
mod en_refusal_tests;
pub mod en_words;
pub mod quote;
pub mod ranges;
pub mod snapshot;

pub use quote::{clip_message, quote_input, MAX_MESSAGE_CHARS, MAX_QUOTED_CHARS};
pub use ranges::ranges_table;

use crate::engine::{Event, GroupEvent, Sim};

/// Events told in words, as methods of [`Sim`] (which knows the names of
/// producers, members, topics and groups): `use kafkascope::text::Describe;`
/// then `sim.describe(&event)`. (`Sim::describe` moved here from the engine.)
pub trait Describe {
    /// One event in plain English, for the event log and golden files.
    fn describe(&self, event: &Event) -> String;
    /// One consumer-group event in plain English.
    fn describe_group_event(&self, event: &GroupEvent) -> String;
}

impl Describe for Sim {
    fn describe(&self, event: &Event) -> String {
        en_event::describe(self, event)
    }

    fn describe_group_event(&self, event: &GroupEvent) -> String {
        en_group_event::describe_group_event(self, event)
    }
}
