//! The picture's topic view in SVG: producers with their partitioners, the
//! brokers, one lane per partition, the consumer groups, the lines between
//! them and the messages on their way (see [`crate::picture`] for its input
//! and layout). Boxes and lanes are components with plain props, so what did
//! not change is not drawn again; a click anywhere is read from the entity
//! it hit (one listener for the whole picture).

pub mod broker_view;
pub mod caption;
pub mod cards;
pub mod flows;
pub mod lane;
pub mod legend;
pub mod pick;
pub mod scene_svg;
pub mod svg;
pub mod topic_view;
