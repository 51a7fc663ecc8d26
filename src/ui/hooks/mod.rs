//! Effects, each in a hook of its own (above the state layer, beside the
//! panels): the animation frame loop and slices of long work
//! ([`frames`]), the keyboard ([`keyboard`]), the picture's width
//! ([`resize`]) and the host page's messages ([`host`]). They report to the
//! reducer as actions; none changes the state itself.

pub mod frames;
pub mod host;
pub mod keyboard;
pub mod resize;
