//! What the page draws around the picture (above the state layer, below the
//! app; the picture itself is `ui::picture`). Each gets the data it shows
//! and sends [`Action`](crate::ui::state::action::Action)s; none changes the
//! state itself.
//!
//! - [`controls`]: play/pause, step, speed, time, language
//! - [`notice`] / [`progress`]: the notice above the picture, long work's progress
//! - [`event_log`]: the event log in words
//! - [`inspector`]: what was clicked, in detail (a record's story)
//! - [`broker_panel`] / [`metadata_panel`]: broker controls; leaders,
//!   epochs, ISRs and the ledger of lost records
//! - [`producer_panel`] / [`producer_stage`] / [`add_partitions`]: the producer
//! - [`partitioner_compare`]: one stream through several partitioners
//! - [`group_panel`] / [`lag_chart`]: consumer groups' panels and lag over time
//! - [`retention_panel`]: retention, segments, compaction, offset resets
//! - [`lesson_player`] / [`share_panel`]: lessons; share links and embeds

pub mod add_partitions;
pub mod broker_panel;
pub mod controls;
pub mod event_log;
pub mod group_panel;
pub mod inspector;
pub mod lag_chart;
pub mod lesson_player;
pub mod metadata_panel;
pub mod notice;
pub mod partitioner_compare;
pub mod producer_panel;
pub mod producer_stage;
pub mod progress;
pub mod retention_panel;
pub mod share_panel;
