//! The UI's state (above the browser layer, below hooks and panels): what
//! the address asked for ([`embed`]), what can happen ([`action`]), the one
//! state and its reducer ([`app_state`]), the state the page opens on
//! ([`start`]), the lesson player's state ([`lesson`]), what a lesson step
//! points at and which view the picture shows ([`focus`]) and the
//! inspector's selection ([`selection`]). No rendering here.

pub mod action;
pub mod app_state;
pub mod embed;
pub mod focus;
pub mod lesson;
pub mod selection;
pub mod start;
