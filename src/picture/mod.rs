//! The picture, without a browser: what it draws per entity
//! ([`input::SceneInput`], read from the simulation in one place), how wide
//! its texts are ([`measure`]) and where everything sits in the topic view
//! ([`topic_layout`]). The UI's drawing (`ui::picture`) turns these into SVG.

pub mod broker_layout;
pub mod input;
pub mod measure;
pub mod topic_layout;
