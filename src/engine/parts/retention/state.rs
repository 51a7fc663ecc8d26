//! What the retention part keeps: the records that recently left replicas'
//! logs, with why, for the picture.

use std::collections::VecDeque;
use std::sync::Arc;

use crate::engine::vocab::ids::{BrokerId, TopicPartition};
use crate::engine::vocab::reasons::DeletionReason;

/// How many recent removals are kept for the picture.
pub const REMOVALS_KEPT: usize = 48;

/// Why records left a replica's log, for the picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RemovalCause {
    /// Retention deleted their segment.
    Retention(DeletionReason),
    /// The log cleaner compacted them away.
    Compaction,
}

/// Records that recently left one replica's log (the newest few of them).
#[derive(Clone, Debug, PartialEq)]
pub struct Removal {
    /// The partition.
    pub tp: TopicPartition,
    /// The replica's broker.
    pub broker: BrokerId,
    /// When, simulated ms.
    pub at_ms: u64,
    /// Why.
    pub cause: RemovalCause,
    /// Offsets and keys of the newest removed records.
    pub records: Vec<(u64, Option<Arc<str>>)>,
}

/// The retention part's state: the newest [`REMOVALS_KEPT`] removals.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Retention {
    removals: VecDeque<Removal>,
}

impl Retention {
    /// Recent removals, oldest first.
    pub(crate) fn removals(&self) -> impl DoubleEndedIterator<Item = &Removal> {
        self.removals.iter()
    }

    /// Keeps a removal (dropping the oldest past [`REMOVALS_KEPT`]); one
    /// that removed nothing is not kept.
    pub(super) fn note(&mut self, removal: Removal) {
        if removal.records.is_empty() {
            return;
        }
        if self.removals.len() == REMOVALS_KEPT {
            self.removals.pop_front();
        }
        self.removals.push_back(removal);
    }
}
