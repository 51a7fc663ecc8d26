//! The browser app (Yew). It owns a [`Player`](crate::player::Player), feeds
//! it animation frames, sends it commands from the controls, and draws what
//! the engine's views say. It never changes engine state any other way.
//!
//! - [`app`]: the root component: frame loop, keyboard, width tracking
//! - [`scene`]: the SVG picture (producers, brokers with logs, groups, messages)
//! - [`controls`]: play/pause, step, speed, time
//! - [`event_log`]: the event log in words
//! - [`broker_panel`]: stop, crash, restart, slow or cut off a broker
//! - [`metadata_panel`]: leaders, epochs, ISRs, and the ledger of lost records
//! - [`producer_panel`]: send by hand, producer settings, partitioner stage, batches, add partitions
//! - [`partitioner_compare`]: one stream through several partitioners, side by side
//! - [`group_panel`]: consumer groups: their boxes, panels, lag and controls
//! - [`lag_chart`]: a group's lag over time (SVG)
//! - [`retention_panel`]: retention, segment and compaction settings, tombstones, offset resets
//! - [`segments`]: segment edges, the log start marker and fading removals on a log row
//! - [`progress`]: the progress line and Cancel of long work (links, lessons, far seeks)
//! - [`failure`]: the panic hook: a failure is shown on the page (with `static/failure.js`)

pub mod app;
pub mod broker_panel;
pub mod controls;
pub mod embed;
pub mod event_log;
pub mod event_text;
pub mod failure;
pub mod group_event_text;
pub mod group_panel;
pub mod i18n;
pub mod inspector;
pub mod lag_chart;
pub mod lesson_player;
pub mod metadata_panel;
pub mod partitioner_compare;
pub mod producer_panel;
pub mod progress;
pub mod retention_panel;
pub mod scene;
pub mod segments;
pub mod share_panel;

pub use app::App;

/// Mounts the app on the page's `<body>`, with the panic hook installed.
pub fn mount() {
    failure::install_panic_hook();
    yew::Renderer::<App>::new().render();
}
