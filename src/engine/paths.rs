//! The engine's module paths from before its floors, kept so that callers
//! (`src/ui`, `src/scenario`, `src/text`, tests, benches, other crates) keep
//! working: each module here re-exports what the old module of that name
//! held. New code inside the engine imports from the floors themselves.

pub use super::kafka::{compression, decimal, murmur2, stable_sort, validate};
pub use super::vocab::{command, config, errors, ids, limits, refusal};

/// Old path of the events: [`super::vocab::event`], [`super::vocab::group_event`]
/// and the reasons of [`super::vocab::reasons`] they carry.
pub mod event {
    pub use crate::engine::vocab::event::*;
    pub use crate::engine::vocab::group_event::*;
    pub use crate::engine::vocab::reasons::{
        ElectionKind, IsrChange, LogStartCause, PartitionDecision,
    };
}

/// Old path of the network's messages ([`super::wire::message`]) and of
/// [`Node`](super::vocab::ids::Node).
pub mod network {
    pub use crate::engine::vocab::ids::Node;
    pub use crate::engine::wire::message::*;
}

/// Old path of [`super::kafka::assignor`] (and the [`Assignor`] names).
///
/// [`Assignor`]: super::vocab::config::Assignor
pub mod assignor {
    pub use crate::engine::kafka::assignor::*;
    pub use crate::engine::vocab::config::Assignor;
}

/// Old path of [`super::kafka::partitioner`] (and [`SwitchReason`]).
///
/// [`SwitchReason`]: super::vocab::reasons::SwitchReason
pub mod partitioner {
    pub use crate::engine::kafka::partitioner::*;
    pub use crate::engine::vocab::reasons::SwitchReason;
}

/// Old path of records and batches ([`super::kafka::record`],
/// [`super::kafka::batch`]).
pub mod record {
    pub use crate::engine::kafka::batch::Batch;
    pub use crate::engine::kafka::record::*;
}

/// Old path of the replica log ([`super::kafka::log`]) and the reasons it
/// reports.
pub mod log {
    pub use crate::engine::kafka::log::{
        Cleaning, LogEntry, ProducerBatchSpan, ReplicaLog, Segment, SegmentDeletion, REMOVED_KEPT,
    };
    pub use crate::engine::vocab::reasons::{DeletionReason, RollReason};
}

/// Old path of how a log holds its records ([`super::kafka::log::store`],
/// [`super::kafka::log::cold_run`]).
pub mod log_store {
    pub use crate::engine::kafka::log::cold_run::*;
    pub use crate::engine::kafka::log::store::{Entries, CHUNK_ENTRIES};
}
