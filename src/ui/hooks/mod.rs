//! Effects, each in a hook of its own (above the state layer, beside the
//! panels): the animation frame loop and slices of long work
//! ([`frames`]), the keyboard ([`keyboard`]), the picture's width
//! ([`resize`]), the host page's messages ([`host`], and for lessons
//! [`host_lesson`]) and an author's lesson file (`?src=`, [`lesson_source`]). They report to the
//! reducer as actions; none changes the state itself.

pub mod frames;
pub mod host;
pub mod host_lesson;
pub mod keyboard;
pub mod lesson_source;
pub mod resize;
