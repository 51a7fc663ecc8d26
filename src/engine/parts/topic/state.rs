//! Topics and partitions: replica assignment, leader, ISR, leader epoch, and
//! each replica's log.

use crate::engine::kafka::log::replica_log::ReplicaLog;
use crate::engine::kafka::replica_state::FollowerState;
use crate::engine::vocab::config::LogConfig;
use crate::engine::vocab::ids::{BatchId, BrokerId, Node, ProducerId, TopicIdx, TopicPartition};

/// One partition of a topic, with a log per replica.
#[derive(Clone, Debug, PartialEq)]
pub struct Partition {
    /// Which partition this is.
    pub tp: TopicPartition,
    /// Replica assignment; the first is the preferred leader.
    pub replicas: Vec<BrokerId>,
    /// The current leader, or `None` when the partition is offline.
    pub leader: Option<BrokerId>,
    /// The most recent leader there was (kept while offline, to tell what a
    /// later election loses).
    pub last_leader: Option<BrokerId>,
    /// In-sync replicas, in assignment order.
    pub isr: Vec<BrokerId>,
    /// Bumped at every leader election.
    pub leader_epoch: u32,
    /// One log per replica, in the order of `replicas`.
    pub logs: Vec<ReplicaLog>,
    /// The leader's knowledge of each replica's LEO (from its fetches), in
    /// the order of `replicas`; the HW is computed from these.
    pub remote_leo: Vec<u64>,
    /// Per replica, in the order of `replicas`: the leader's view of its lag,
    /// and its own fetcher's state while it follows.
    pub followers: Vec<FollowerState>,
    /// `acks=all` produce requests appended but not yet answered: each waits
    /// for the HW to pass its last offset (Kafka's produce purgatory).
    pub waiting_acks: Vec<WaitingAck>,
}

/// A produce request waiting in the leader for the high watermark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WaitingAck {
    /// Who to answer.
    pub producer: ProducerId,
    /// The batch.
    pub batch: BatchId,
    /// Its first offset.
    pub base_offset: u64,
    /// Its last offset.
    pub last_offset: u64,
    /// Who sent it (to answer).
    pub reply_to: Node,
    /// Its `request.timeout.ms` timer.
    pub timeout: (u64, u64),
}

impl Partition {
    /// The log held by `broker`, if it is a replica.
    #[must_use]
    pub fn log_on(&self, broker: BrokerId) -> Option<&ReplicaLog> {
        let i = self.replicas.iter().position(|b| *b == broker)?;
        self.logs.get(i)
    }

    /// Mutable access to the log held by `broker`.
    pub fn log_on_mut(&mut self, broker: BrokerId) -> Option<&mut ReplicaLog> {
        let i = self.replicas.iter().position(|b| *b == broker)?;
        self.logs.get_mut(i)
    }

    /// The leader's log, if there is a leader.
    #[must_use]
    pub fn leader_log(&self) -> Option<&ReplicaLog> {
        self.leader.and_then(|b| self.log_on(b))
    }
}

/// A topic.
#[derive(Clone, Debug, PartialEq)]
pub struct Topic {
    /// Its index.
    pub idx: TopicIdx,
    /// Its name.
    pub name: String,
    /// `min.insync.replicas`.
    pub min_insync_replicas: u32,
    /// Replicas per partition.
    pub replication_factor: u32,
    /// `unclean.leader.election.enable`.
    pub unclean_leader_election_enable: bool,
    /// Segments, retention and compaction settings in force.
    pub log_config: LogConfig,
    /// Its partitions, by number.
    pub partitions: Vec<Partition>,
}

impl Topic {
    /// Kafka's `Partition.effectiveMinIsr` (3.7+, KAFKA-15583):
    /// min(`min.insync.replicas`, replication factor). It gates the HW, the
    /// `acks=all` check before an append (`NOT_ENOUGH_REPLICAS`) and the one
    /// after it (`NOT_ENOUGH_REPLICAS_AFTER_APPEND`).
    #[must_use]
    pub fn effective_min_isr(&self) -> usize {
        self.min_insync_replicas.min(self.replication_factor) as usize
    }
}
