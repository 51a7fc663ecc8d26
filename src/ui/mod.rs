//! The browser app (Yew). One state ([`state::app_state::AppState`]) changed
//! by actions in one reducer; effects (frames, keyboard, width, the host
//! page) in hooks of their own; panels that draw what they are given and
//! send actions. Imports run one way (checked by `tests/layers.rs`):
//!
//! - [`browser`]: the page around the app (address, size, clock, failure)
//! - [`state`]: actions, the state and its reducer, the page's start, lessons
//! - [`hooks`]: effects reporting to the reducer
//! - [`panels`]: the picture and the panels
//! - [`app`]: the root component, which ties them together
//!
//! Every word on the page comes from [`crate::text`].

pub mod app;
pub mod browser;
pub mod hooks;
pub mod panels;
pub mod picture;
pub mod state;

pub use app::App;

/// Mounts the app on the page's `<body>`, with the panic hook installed.
pub fn mount() {
    browser::failure::install_panic_hook();
    yew::Renderer::<App>::new().render();
}
