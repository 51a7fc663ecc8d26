//! Events as sentences. [`line`] turns an engine [`Event`](crate::engine::Event)
//! into an [`EventLine`] (one variant per sentence, by area of the cluster,
//! with the facts it tells and the names already looked up); each area's
//! file says its sentences in both languages, side by side: one `match`
//! arm per sentence holds both templates
//! ([`say!`](crate::text::template)), so a sentence without a translation
//! does not compile and a reader sees both at once; debug builds check that
//! both templates use every fact given (`tests/text_catalogue.rs` says
//! every sentence in both languages).
//!
//! Names in a line are as the engine knows them: a producer's and a
//! member's name, `broker-1`, a group's `group.id`, a topic's name and a
//! partition as Kafka writes it (`orders-0`). Offsets, counts, bytes and ms
//! are numbers; reasons are the engine's typed values.
//!
//! - [`line`](mod@line): [`EventLine`], by area
//! - [`build`], [`build_group`]: from engine events ([`line()`],
//!   [`group_line`])
//! - [`produce`], [`replica`], [`cluster`], [`consume`], [`log`], [`group`]:
//!   each area's sentences
//! - [`setting`]: a producer's changed settings

pub mod build;
pub mod build_group;
pub mod cluster;
pub mod consume;
pub mod group;
pub mod line;
pub mod log;
pub mod produce;
pub mod replica;
pub mod setting;

pub use build::line;
pub use build_group::{because, group_line};
pub use cluster::ClusterLine;
pub use consume::ConsumeLine;
pub use group::{Because, Change, GroupLine};
pub use line::EventLine;
pub use log::LogLine;
pub use produce::ProduceLine;
pub use replica::ReplicaLine;
pub use setting::{producer_changes, ProducerChange, ProducerSetting, SettingValue};
