//! The browser around the app (the bottom layer of the UI): the page's
//! address, attributes, size, clock and frame ([`page`]), and what happens
//! when the app fails ([`failure`]). Nothing here knows the app's state.

pub mod failure;
pub mod page;
