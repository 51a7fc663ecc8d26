//! Floor 4, the parts: each owns its state and keeps its invariants, and
//! handles its timers and messages with a narrow context (see
//! `crate::engine::context`) rather than the whole simulation:
//! [`producer`] (the producer clients), [`group`] (consumer groups: the
//! clients and their coordinator), [`retention`] (each broker's retention
//! check and log cleaner, and the removals kept for the picture).

pub mod group;
pub mod producer;
pub mod retention;
pub mod topic;
