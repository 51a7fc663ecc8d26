//! The partition read model: leader, epoch, ISR, health, and each replica's
//! log ends and ISR membership (with why a replica is out), plus the
//! markers each group's committed offset makes on the partition.

use crate::engine::parts::topic::{Partition, Topic};
use crate::engine::sim::Sim;
use crate::engine::vocab::ids::{BrokerId, GroupIdx, Node, TopicPartition};

/// A partition's health, by Kafka's rules (what `kafka-topics --describe`
/// flags with `--under-replicated-partitions`, `--under-min-isr-partitions`
/// and `--unavailable-partitions`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum PartitionHealth {
    /// Every replica is in the ISR.
    Healthy,
    /// The ISR is smaller than the replica set (`UnderReplicatedPartitions`).
    UnderReplicated,
    /// The ISR is smaller than the effective `min.insync.replicas`:
    /// `acks=all` writes fail with `NOT_ENOUGH_REPLICAS` and the high
    /// watermark stands still.
    UnderMinIsr,
    /// No leader: nothing can be written or read (`OfflinePartitionsCount`).
    Offline,
}

/// Why a replica is not in the ISR, as the engine's state explains it now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutOfIsr {
    /// Its broker's process is down (stopped or crashed).
    BrokerDown,
    /// Its broker runs but the controller has fenced it (it leads nothing
    /// and is in no ISR until it registers again).
    Fenced,
    /// The link between it and the leader is cut: its fetches cannot arrive.
    CutOffFromLeader,
    /// It fetches but has not caught up: it rejoins the ISR once its LEO
    /// reaches the leader's high watermark.
    CatchingUp,
    /// The partition has no leader to follow (offline).
    NoLeader,
}

/// One replica of a partition: where it is, its log ends, its place in the ISR.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReplicaView {
    /// The broker holding it.
    pub broker: BrokerId,
    /// It is the partition's leader.
    pub is_leader: bool,
    /// It is the preferred leader (first in the replica assignment).
    pub is_preferred: bool,
    /// It is in the ISR.
    pub in_isr: bool,
    /// Why it is out of the ISR (`None` while it is in).
    pub out_of_isr: Option<OutOfIsr>,
    /// Its log end offset (LEO): the offset its next record gets.
    pub log_end_offset: u64,
    /// Its own high watermark (a follower learns the leader's with each
    /// fetch, so it may trail).
    pub high_watermark: u64,
    /// Its log start offset: the first offset it still holds.
    pub log_start_offset: u64,
    /// Records it lacks to reach the leader's LEO (0 for the leader, and
    /// when there is no leader).
    pub behind_leader: u64,
    /// The leader's view: when it last caught up with the leader's LEO
    /// (Kafka's `lastCaughtUpTimeMs`), simulated ms.
    pub last_caught_up_ms: u64,
    /// Bytes its log holds.
    pub size_bytes: u64,
}

/// A group's committed offset on a partition (its marker on the lane).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CommittedMark {
    /// The group.
    pub group: GroupIdx,
    /// Its committed offset: the next offset it will read.
    pub offset: u64,
}

/// A partition's state: leader, ISR, health, replicas and markers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartitionView {
    /// Which partition.
    pub tp: TopicPartition,
    /// The current leader (`None`: offline).
    pub leader: Option<BrokerId>,
    /// The leader epoch, bumped at every election.
    pub leader_epoch: u32,
    /// In-sync replicas, in assignment order.
    pub isr: Vec<BrokerId>,
    /// Healthy, under-replicated, under min ISR or offline.
    pub health: PartitionHealth,
    /// The topic's `min.insync.replicas` as configured.
    pub min_insync_replicas: u32,
    /// The effective minimum: `min(min.insync.replicas, replication
    /// factor)`, below which the high watermark does not move.
    pub effective_min_isr: u32,
    /// The partition's high watermark: the leader's (records below it are
    /// committed); the highest replica's while offline.
    pub high_watermark: u64,
    /// The leader's LEO (the highest replica's while offline).
    pub log_end_offset: u64,
    /// The leader's log start offset (the highest replica's while offline).
    pub log_start_offset: u64,
    /// The replicas, in assignment order (the first is the preferred leader).
    pub replicas: Vec<ReplicaView>,
    /// Each group's committed offset here, by group index.
    pub committed: Vec<CommittedMark>,
}

impl PartitionView {
    /// The replica on `broker`, if it holds one.
    #[must_use]
    pub fn replica(&self, broker: BrokerId) -> Option<&ReplicaView> {
        self.replicas.iter().find(|r| r.broker == broker)
    }
}

/// The health of `part` of `topic` by Kafka's rules.
#[must_use]
pub fn partition_health(topic: &Topic, part: &Partition) -> PartitionHealth {
    let effective = topic.effective_min_isr();
    if part.leader.is_none() {
        PartitionHealth::Offline
    } else if part.isr.len() < effective {
        PartitionHealth::UnderMinIsr
    } else if part.isr.len() < part.replicas.len() {
        PartitionHealth::UnderReplicated
    } else {
        PartitionHealth::Healthy
    }
}

/// Builds the view of one partition.
pub(super) fn partition_view(sim: &Sim, topic: &Topic, part: &Partition) -> PartitionView {
    let leader_log = part.leader_log();
    let max_of = |f: fn(&crate::engine::kafka::log::replica_log::ReplicaLog) -> u64| {
        leader_log
            .map(f)
            .unwrap_or_else(|| part.logs.iter().map(f).max().unwrap_or(0))
    };
    let leader_leo = leader_log.map(|l| l.log_end_offset());
    let replicas = part
        .replicas
        .iter()
        .enumerate()
        .map(|(i, &b)| replica_view(sim, part, i, b, leader_leo))
        .collect();
    let committed = sim
        .groups()
        .iter()
        .filter(|g| g.topic == part.tp.topic)
        .filter_map(|g| {
            g.committed
                .get(&part.tp.partition)
                .map(|&offset| CommittedMark {
                    group: g.idx,
                    offset,
                })
        })
        .collect();
    PartitionView {
        tp: part.tp,
        leader: part.leader,
        leader_epoch: part.leader_epoch,
        isr: part.isr.clone(),
        health: partition_health(topic, part),
        min_insync_replicas: topic.min_insync_replicas,
        effective_min_isr: topic.min_insync_replicas.min(topic.replication_factor),
        high_watermark: max_of(|l| l.high_watermark()),
        log_end_offset: max_of(|l| l.log_end_offset()),
        log_start_offset: max_of(|l| l.log_start_offset()),
        replicas,
        committed,
    }
}

fn replica_view(
    sim: &Sim,
    part: &Partition,
    i: usize,
    b: BrokerId,
    leader_leo: Option<u64>,
) -> ReplicaView {
    let log = &part.logs[i];
    let in_isr = part.isr.contains(&b);
    let is_leader = part.leader == Some(b);
    let out_of_isr = (!in_isr).then(|| out_of_isr_reason(sim, part, b));
    ReplicaView {
        broker: b,
        is_leader,
        is_preferred: i == 0,
        in_isr,
        out_of_isr,
        log_end_offset: log.log_end_offset(),
        high_watermark: log.high_watermark(),
        log_start_offset: log.log_start_offset(),
        behind_leader: leader_leo.map_or(0, |leo| leo.saturating_sub(log.log_end_offset())),
        last_caught_up_ms: part.followers.get(i).map_or(0, |f| f.last_caught_up_ms),
        size_bytes: log.size_bytes(),
    }
}

fn out_of_isr_reason(sim: &Sim, part: &Partition, b: BrokerId) -> OutOfIsr {
    let broker = sim.brokers().iter().find(|x| x.id == b);
    if broker.is_some_and(|x| !x.alive) {
        return OutOfIsr::BrokerDown;
    }
    if broker.is_some_and(|x| x.fenced) {
        return OutOfIsr::Fenced;
    }
    let Some(leader) = part.leader else {
        return OutOfIsr::NoLeader;
    };
    if sim.net.link_is_down(Node::Broker(leader), Node::Broker(b)) {
        OutOfIsr::CutOffFromLeader
    } else {
        OutOfIsr::CatchingUp
    }
}
