//! Floor 5, the read models: language-free views of everything the picture
//! and the panels show, computed here by Kafka's rules (partition health,
//! ISR membership and why a replica is out, broker status, the producer's
//! latest partitioner decision, group and member state, lag, records
//! windows, markers), so the UI computes no Kafka rule itself.
//!
//! Views are plain data, `PartialEq`, built from a `Sim` at one position in
//! history ([`Sim::views`], or one kind at a time); they hold no reference
//! into the simulation, so a player can keep them per position and the UI
//! can skip what did not change. They never change state.

pub mod broker;
pub mod group;
pub mod partition;
pub mod producer;
pub mod records;
#[cfg(test)]
mod tests;

pub use broker::{broker_status, BrokerStatus, BrokerView};
pub use group::{GroupView, MemberView, OwnedPartition, PartitionLag};
pub use partition::{
    partition_health, CommittedMark, OutOfIsr, PartitionHealth, PartitionView, ReplicaView,
};
pub use producer::ProducerView;
pub use records::{
    CellState, LostMark, RecordCell, RecordWindow, DEFAULT_WINDOW_CELLS, MAX_WINDOW_CELLS,
};

use super::sim::Sim;

/// Everything the picture reads, at one position in history.
#[derive(Clone, Debug, PartialEq)]
pub struct Views {
    /// Simulated time of this position, ms.
    pub now_ms: u64,
    /// Every partition of every topic, topic by topic, by number.
    pub partitions: Vec<PartitionView>,
    /// Every broker, by id.
    pub brokers: Vec<BrokerView>,
    /// Every producer, by id.
    pub producers: Vec<ProducerView>,
    /// Every consumer group, by index.
    pub groups: Vec<GroupView>,
    /// The records window of every replica, in the order of `partitions`
    /// and, within a partition, of its replicas.
    pub records: Vec<RecordWindow>,
}

impl Views {
    /// The view of partition `tp`.
    #[must_use]
    pub fn partition(&self, tp: super::vocab::ids::TopicPartition) -> Option<&PartitionView> {
        self.partitions.iter().find(|p| p.tp == tp)
    }

    /// The records window of the replica of `tp` on `broker`.
    #[must_use]
    pub fn records(
        &self,
        tp: super::vocab::ids::TopicPartition,
        broker: super::vocab::ids::BrokerId,
    ) -> Option<&RecordWindow> {
        self.records
            .iter()
            .find(|w| w.tp == tp && w.broker == broker)
    }
}

impl Sim {
    /// Every view at the current position, with [`DEFAULT_WINDOW_CELLS`]
    /// records per replica window.
    #[must_use]
    pub fn views(&self) -> Views {
        self.views_with(DEFAULT_WINDOW_CELLS)
    }

    /// Every view at the current position, with the newest `cells` records
    /// (at most [`MAX_WINDOW_CELLS`]) in each replica's window.
    #[must_use]
    pub fn views_with(&self, cells: usize) -> Views {
        Views {
            now_ms: self.now_ms(),
            partitions: self.partition_views(),
            brokers: self.broker_views(),
            producers: self.producer_views(),
            groups: self.group_views(),
            records: self.record_windows(cells),
        }
    }

    /// The view of every partition, topic by topic, by number.
    #[must_use]
    pub fn partition_views(&self) -> Vec<PartitionView> {
        self.topics()
            .iter()
            .flat_map(|t| {
                t.partitions
                    .iter()
                    .map(move |p| partition::partition_view(self, t, p))
            })
            .collect()
    }

    /// The view of every broker, by id.
    #[must_use]
    pub fn broker_views(&self) -> Vec<BrokerView> {
        self.brokers()
            .iter()
            .map(|b| broker::broker_view(self, b))
            .collect()
    }

    /// The view of every producer, by id.
    #[must_use]
    pub fn producer_views(&self) -> Vec<ProducerView> {
        self.producers()
            .iter()
            .map(producer::producer_view)
            .collect()
    }

    /// The view of every consumer group, by index.
    #[must_use]
    pub fn group_views(&self) -> Vec<GroupView> {
        self.groups()
            .iter()
            .map(|g| group::group_view(self, g))
            .collect()
    }

    /// The records window of every replica (see [`Sim::record_window`]).
    #[must_use]
    pub fn record_windows(&self, cells: usize) -> Vec<RecordWindow> {
        self.topics()
            .iter()
            .flat_map(|t| t.partitions.iter())
            .flat_map(|p| {
                p.replicas
                    .iter()
                    .filter_map(move |&b| self.record_window(p.tp, b, cells))
            })
            .collect()
    }
}
