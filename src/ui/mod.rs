//! The browser app (Yew). It owns a [`Player`](crate::player::Player), feeds
//! it animation frames, sends it commands from the controls, and draws what
//! the engine's views say. It never changes engine state any other way.
//!
//! - [`app`]: the root component: frame loop, keyboard, width tracking
//! - [`scene`]: the SVG picture (producers, brokers with logs, groups, messages)
//! - [`controls`]: play/pause, step, speed, time
//! - [`event_log`]: the event log in words
//! - [`group_panel`]: consumer groups: their boxes, panels, lag and controls
//! - [`lag_chart`]: a group's lag over time (SVG)

pub mod app;
pub mod controls;
pub mod event_log;
pub mod group_panel;
pub mod lag_chart;
pub mod scene;

pub use app::App;

/// Mounts the app on the page's `<body>`.
pub fn mount() {
    yew::Renderer::<App>::new().render();
}
