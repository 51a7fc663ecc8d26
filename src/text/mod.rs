//! Every word the app says, in English and Korean: one catalogue, outside
//! the engine. The engine speaks no language: its events, refusals and
//! states carry typed values, and this module turns them into sentences.
//! The arrow runs one way: `text` uses the engine (and the pure modules
//! above it), never the reverse, and the UI uses `text`. No browser crate:
//! it builds and tests natively (`--no-default-features`); the command line
//! uses it too.
//!
//! Each kind of sentence is a typed enum, one variant per sentence with its
//! facts as typed arguments, said by one exhaustive `match` per language
//! ([`Say`]): a sentence without a translation does not compile, and the
//! event and refusal matches destructure every field, so a language that
//! leaves a fact out does not compile either (an unused binding is denied).
//!
//! - [`lang`]: [`Lang`] and the [`Say`] trait
//! - [`particle`]: Korean particles chosen by the word before them
//! - [`event`] / [`event_en`] / [`event_ko`]: events as sentences
//! - [`refusal`] / [`refusal_en`] / [`refusal_ko`]: refusals (Kafka's words in
//!   English), `Display` for [`Refusal`](crate::engine::Refusal)
//! - [`story`]: a record's story
//! - [`words`]: reasons, phases, modes, statuses, partitioners
//! - `label_*`: the page's fixed texts, one enum per area ([`label_app`],
//!   [`label_producer`], [`label_compare`], [`label_groups`],
//!   [`label_retention`], [`label_page`])
//! - `line_*`: the page's sentences with values, one enum per area
//!   ([`line_app`], [`line_producer`], [`line_groups`], [`line_retention`],
//!   [`line_work`]: long work and why it stopped)
//! - [`notice`]: notices above the picture, kept typed in the UI's state
//! - [`snapshot`]: the text snapshot of the cluster (`Display` for [`Sim`])
//! - [`ranges`]: the table of every numeric setting's range, for the docs
//! - [`quote`]: input quoted short in messages
//! - [`Describe`]: `sim.describe(&event)`, an event in English

pub mod event;
pub mod label_app;
pub mod label_compare;
pub mod label_groups;
pub mod label_page;
pub mod label_picture;
pub mod label_producer;
pub mod label_retention;
pub mod labels;
pub mod lang;
pub mod line_app;
pub mod line_groups;
pub mod line_producer;
pub mod line_retention;
pub mod line_work;
pub mod notice;
pub mod particle;
pub mod quote;
pub mod ranges;
pub mod refusal;
#[cfg(test)]
mod refusal_tests;
pub mod snapshot;
pub mod story;
pub mod template;
pub mod words;

pub use label_app::AppLabel;
pub use label_compare::CompareLabel;
pub use label_groups::GroupLabel;
pub use label_page::{PageLabel, PageLine};
pub use label_picture::{PictureLabel, PictureLine};
pub use label_producer::ProducerLabel;
pub use label_retention::RetentionLabel;
pub use lang::{Lang, Say};
pub use line_app::{format_time, AppLine};
pub use line_groups::GroupPanelLine;
pub use line_producer::ProducerLine;
pub use line_retention::RetentionLine;
pub use notice::{Notice, Problem};
pub use quote::{clip_message, quote_input, MAX_MESSAGE_CHARS, MAX_QUOTED_CHARS};
pub use ranges::ranges_table;

use crate::engine::{Event, GroupEvent, Sim};

/// Events told in English, as methods of [`Sim`] (which knows the names of
/// producers, members, topics and groups): `use kafkascope::text::Describe;`
/// then `sim.describe(&event)`. (`Sim::describe` moved here from the engine.)
pub trait Describe {
    /// One event in plain English, for the event log and golden files.
    fn describe(&self, event: &Event) -> String;
    /// One consumer-group event in plain English.
    fn describe_group_event(&self, event: &GroupEvent) -> String;
    /// One event in `lang`.
    fn describe_in(&self, lang: Lang, event: &Event) -> String;
}

impl Describe for Sim {
    fn describe(&self, event: &Event) -> String {
        event::line(self, event).en()
    }

    fn describe_group_event(&self, event: &GroupEvent) -> String {
        event::group_line(self, event).en()
    }

    fn describe_in(&self, lang: Lang, event: &Event) -> String {
        event::line(self, event).say(lang)
    }
}
