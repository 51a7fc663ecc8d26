//! The broker read model: whether its process runs and how it went down,
//! whether the controller has fenced it, whether it is slow or cut off, and
//! what it leads, follows and coordinates.

use crate::engine::sim::{Broker, Sim};
use crate::engine::vocab::ids::{BrokerId, GroupIdx, Node, TopicPartition};

/// Whether a broker's process runs, and how it stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum BrokerStatus {
    /// Its process runs.
    Running,
    /// It was shut down cleanly (controlled shutdown: its leaderships moved
    /// first).
    Stopped,
    /// Its process died at once.
    Crashed,
}

/// A broker's state as the picture and the broker panel show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BrokerView {
    /// Its id (`broker.id`, from 1).
    pub id: BrokerId,
    /// Running, stopped or crashed.
    pub status: BrokerStatus,
    /// The KRaft controller has fenced it: it leads nothing and is in no
    /// ISR. A broker that is down but not yet fenced is one the controller
    /// has not noticed yet (it waits `broker.session.timeout.ms` after a
    /// crash).
    pub fenced: bool,
    /// Extra latency on every message to or from it (a slow broker), ms;
    /// 0 when it is not slowed.
    pub extra_latency_ms: u64,
    /// The nodes it cannot reach (cut links), in order; empty when no link
    /// of it is cut.
    pub cut_off_from: Vec<Node>,
    /// Partitions it leads, in order.
    pub leads: Vec<TopicPartition>,
    /// Partitions it holds a follower replica of, in order.
    pub follows: Vec<TopicPartition>,
    /// Groups whose coordinator it is (it leads their
    /// `__consumer_offsets` partition), by index.
    pub coordinates: Vec<GroupIdx>,
}

impl BrokerView {
    /// Down, but the controller has not fenced it yet.
    #[must_use]
    pub fn down_unnoticed(&self) -> bool {
        self.status != BrokerStatus::Running && !self.fenced
    }
}

/// The status of `b`.
#[must_use]
pub fn broker_status(b: &Broker) -> BrokerStatus {
    if b.alive {
        BrokerStatus::Running
    } else if b.crashed {
        BrokerStatus::Crashed
    } else {
        BrokerStatus::Stopped
    }
}

/// Builds the view of one broker.
pub(super) fn broker_view(sim: &Sim, b: &Broker) -> BrokerView {
    let me = Node::Broker(b.id);
    let cut_off_from = sim
        .cut_links()
        .filter_map(|&(x, y)| {
            if x == me {
                Some(y)
            } else if y == me {
                Some(x)
            } else {
                None
            }
        })
        .collect();
    let mut leads = Vec::new();
    let mut follows = Vec::new();
    for part in sim.topics().iter().flat_map(|t| t.partitions.iter()) {
        if part.leader == Some(b.id) {
            leads.push(part.tp);
        } else if part.replicas.contains(&b.id) {
            follows.push(part.tp);
        }
    }
    let coordinates = sim
        .groups()
        .iter()
        .filter(|g| g.coordinator == b.id)
        .map(|g| g.idx)
        .collect();
    BrokerView {
        id: b.id,
        status: broker_status(b),
        fenced: b.fenced,
        extra_latency_ms: b.extra_latency_ms,
        cut_off_from,
        leads,
        follows,
        coordinates,
    }
}
