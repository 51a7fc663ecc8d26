//! What the picture draws, per entity, in plain values: the one place that
//! reads the simulation for the picture. Everything else in
//! [`crate::picture`] and the UI's drawing works on these structs, so when
//! the engine's read models arrive only this file changes.

use crate::engine::consumer::MemberPhase;
use crate::engine::lag::BurrowStatus;
use crate::engine::network::{Body, Node};
use crate::engine::{murmur2, EventKind, GroupState, PartitionDecision, TopicPartition};
use crate::player::Player;

/// Most record cells carried per lane (the layout shows fewer).
pub const MAX_CELLS_IN: usize = 48;
/// Most record cells carried per lane in a big cluster (more than
/// [`DENSE_LANES`] lanes), whose thin lanes show about a dozen.
pub const MAX_CELLS_DENSE: usize = 24;
/// Above this many lanes a cluster is big.
pub const DENSE_LANES: usize = 12;
/// Most moving messages carried (the rest are not drawn).
pub const MAX_FLOWS: usize = 160;

/// A producer's latest partitioner decision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    /// `key` hashed with murmur2, modulo `partitions`.
    Key {
        /// The key.
        key: String,
        /// The partitions it knew.
        partitions: u32,
        /// The partition chosen.
        partition: u32,
    },
    /// No key: the sticky partitioner's current batch partition.
    Sticky {
        /// The partition chosen.
        partition: u32,
    },
    /// Round robin.
    RoundRobin {
        /// The partition chosen.
        partition: u32,
    },
    /// A partition named by the record.
    Explicit {
        /// The partition chosen.
        partition: u32,
    },
}

impl Decision {
    /// The partition chosen.
    #[must_use]
    pub fn partition(&self) -> u32 {
        match self {
            Decision::Key { partition, .. }
            | Decision::Sticky { partition }
            | Decision::RoundRobin { partition }
            | Decision::Explicit { partition } => *partition,
        }
    }
}

/// A producer.
#[derive(Clone, Debug, PartialEq)]
pub struct ProducerIn {
    /// Its name.
    pub name: String,
    /// Index of its topic in [`SceneInput::topics`].
    pub topic: usize,
    /// Records per second.
    pub rate: u32,
    /// `acks` as configured (`0`, `1`, `all`).
    pub acks: &'static str,
    /// Records acknowledged.
    pub acked: u64,
    /// Records queued in its accumulator.
    pub queued: usize,
    /// Its latest partitioner decision.
    pub decision: Option<Decision>,
}

/// A broker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BrokerIn {
    /// Its id.
    pub id: u32,
    /// Running.
    pub alive: bool,
    /// Crashed (rather than stopped).
    pub crashed: bool,
    /// Extra latency, ms (slowed).
    pub slow_ms: u64,
}

/// One replica of a partition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReplicaIn {
    /// The broker holding it.
    pub broker: u32,
    /// The partition's leader.
    pub leader: bool,
    /// In the ISR.
    pub in_isr: bool,
    /// Its broker runs.
    pub alive: bool,
    /// Its log end offset (how far it has copied).
    pub leo: u64,
    /// Its high watermark.
    pub hw: u64,
    /// Its log start offset.
    pub log_start: u64,
    /// Its latest records, oldest first (only for the broker view).
    pub cells: Vec<CellIn>,
}

/// A record cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellIn {
    /// Its offset.
    pub offset: u64,
    /// Its key (`None`: a null key).
    pub key: Option<String>,
    /// The key's colour, 0..12 (a hash of the key; 12 for a null key).
    pub hue: u8,
    /// Below the high watermark (committed).
    pub committed: bool,
}

/// A partition of a topic: its lane.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LaneIn {
    /// The partition number.
    pub partition: u32,
    /// The engine's id of it (for selection).
    pub tp: TopicPartition,
    /// No leader: offline.
    pub offline: bool,
    /// Its replicas, leader first.
    pub replicas: Vec<ReplicaIn>,
    /// Log start offset.
    pub log_start: u64,
    /// High watermark.
    pub hw: u64,
    /// Log end offset (the leader's, or the furthest replica's when offline).
    pub leo: u64,
    /// The latest records, oldest first.
    pub cells: Vec<CellIn>,
    /// Where segments begin (base offsets above the log start, the newest
    /// 16).
    pub segments: Vec<u64>,
    /// Committed offsets: (index of the group in [`SceneInput::groups`], offset).
    pub committed: Vec<(usize, u64)>,
    /// Who reads it: (group index, member index in that group).
    pub owners: Vec<(usize, usize)>,
}

/// A topic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TopicIn {
    /// Its name.
    pub name: String,
    /// Replication factor.
    pub rf: u32,
    /// One lane per partition.
    pub lanes: Vec<LaneIn>,
}

/// A member of a group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberIn {
    /// Its name.
    pub name: String,
    /// The engine's id (for selection).
    pub id: crate::engine::MemberId,
    /// Running (not crashed, not left).
    pub alive: bool,
    /// Its phase in the group protocol.
    pub phase: MemberPhase,
    /// Paused.
    pub paused: bool,
    /// Partitions it owns.
    pub partitions: Vec<u32>,
    /// Lag over the partitions it owns.
    pub lag: u64,
}

/// A consumer group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupIn {
    /// Its group id.
    pub name: String,
    /// Index of its topic in [`SceneInput::topics`].
    pub topic: usize,
    /// The coordinator's state.
    pub state: GroupState,
    /// The generation.
    pub generation: u32,
    /// Total lag.
    pub lag: u64,
    /// Burrow's word on it.
    pub status: BurrowStatus,
    /// Its members.
    pub members: Vec<MemberIn>,
}

/// What a moving message is, for its look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlowKind {
    /// A batch to a leader.
    Produce,
    /// An acknowledgement back to a producer.
    Ack,
    /// Records copied to a follower.
    Replicate,
    /// Records fetched by a member.
    Fetch,
}

/// A message on its way, between two entities of the topic view.
#[derive(Clone, Debug, PartialEq)]
pub struct FlowIn {
    /// Its look.
    pub kind: FlowKind,
    /// The producer (produce, ack).
    pub producer: Option<usize>,
    /// The lane: (topic index, partition).
    pub lane: (usize, u32),
    /// The member: (group index, member index) (fetch).
    pub member: Option<(usize, usize)>,
    /// The broker it leaves or reaches (the leader; a follower for copies).
    pub broker: Option<u32>,
    /// How far along, 0..=1.
    pub progress: f64,
}

/// Everything the picture draws.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SceneInput {
    /// Producers.
    pub producers: Vec<ProducerIn>,
    /// Brokers.
    pub brokers: Vec<BrokerIn>,
    /// Topics with their lanes.
    pub topics: Vec<TopicIn>,
    /// Consumer groups.
    pub groups: Vec<GroupIn>,
    /// Messages on their way.
    pub flows: Vec<FlowIn>,
}

/// The colour of a key: one of 12 hues, 12 for a null key.
#[must_use]
pub fn key_hue(key: Option<&str>) -> u8 {
    key.map_or(12, |k| (murmur2(k.as_bytes()) as u32 % 12) as u8)
}

impl SceneInput {
    /// The picture's input at the player's position; `now_ms`: the exact
    /// (fractional) time messages are drawn at; `replicas_too`: each
    /// replica's own records (the broker view).
    #[must_use]
    pub fn of(player: &Player, now_ms: f64, replicas_too: bool) -> Self {
        let sim = player.sim();
        let brokers = sim
            .brokers()
            .iter()
            .map(|b| BrokerIn {
                id: b.id.0,
                alive: b.alive,
                crashed: b.crashed,
                slow_ms: b.extra_latency_ms,
            })
            .collect();
        let groups_raw = sim.groups();
        let lanes_total: usize = sim.topics().iter().map(|t| t.partitions.len()).sum();
        let max_cells = if lanes_total > DENSE_LANES {
            MAX_CELLS_DENSE
        } else {
            MAX_CELLS_IN
        };
        let cells_of = |l: &crate::engine::log::ReplicaLog| cells_of(l, max_cells);
        let mut topics: Vec<TopicIn> = Vec::new();
        for (ti, topic) in sim.topics().iter().enumerate() {
            let mut lanes = Vec::new();
            for p in 0..topic.partitions.len() as u32 {
                let tp = TopicPartition {
                    topic: crate::engine::TopicIdx(ti as u32),
                    partition: p,
                };
                let Some(part) = sim.partition_state(tp) else {
                    continue;
                };
                let mut replicas: Vec<ReplicaIn> = part
                    .replicas
                    .iter()
                    .map(|b| ReplicaIn {
                        broker: b.0,
                        leader: part.leader == Some(*b),
                        in_isr: part.isr.contains(b),
                        alive: sim.brokers().iter().any(|x| x.id == *b && x.alive),
                        leo: part.log_on(*b).map_or(0, |l| l.log_end_offset()),
                        hw: part.log_on(*b).map_or(0, |l| l.high_watermark()),
                        log_start: part.log_on(*b).map_or(0, |l| l.log_start_offset()),
                        cells: if replicas_too {
                            part.log_on(*b).map_or(Vec::new(), &cells_of)
                        } else {
                            Vec::new()
                        },
                    })
                    .collect();
                replicas.sort_by_key(|r| !r.leader);
                // The leader's log; offline: the furthest replica's, so a
                // stopped leader's records do not look lost.
                let log = part.leader_log().or_else(|| {
                    part.replicas
                        .iter()
                        .filter_map(|b| part.log_on(*b))
                        .max_by_key(|l| l.log_end_offset())
                });
                let (log_start, hw, leo) = log.map_or((0, 0, 0), |l| {
                    (l.log_start_offset(), l.high_watermark(), l.log_end_offset())
                });
                let cells = log.map_or(Vec::new(), &cells_of);
                let segments = log.map_or(Vec::new(), |l| {
                    let mut bases: Vec<u64> = l
                        .segments()
                        .rev()
                        .map(|s| s.base_offset)
                        .filter(|b| *b > log_start)
                        .take(16)
                        .collect();
                    bases.reverse();
                    bases
                });
                let mut committed = Vec::new();
                let mut owners = Vec::new();
                for (gi, g) in groups_raw.iter().enumerate() {
                    if g.topic.0 as usize != ti {
                        continue;
                    }
                    if let Some(c) = g.committed.get(&p) {
                        committed.push((gi, *c));
                    }
                    for (mi, m) in g.members.iter().enumerate() {
                        if m.alive() && m.assigned.contains(&p) {
                            owners.push((gi, mi));
                        }
                    }
                }
                lanes.push(LaneIn {
                    partition: p,
                    tp,
                    offline: part.leader.is_none(),
                    replicas,
                    log_start,
                    hw,
                    leo,
                    cells,
                    segments,
                    committed,
                    owners,
                });
            }
            topics.push(TopicIn {
                name: topic.name.to_string(),
                rf: topic.replication_factor,
                lanes,
            });
        }
        let groups = groups_raw
            .iter()
            .map(|g| {
                let (status, _) = sim.burrow_status(g.idx);
                GroupIn {
                    name: g.config.group_id.clone(),
                    topic: g.topic.0 as usize,
                    state: g.view.state,
                    generation: g.view.generation,
                    lag: sim.group_lag(g.idx),
                    status,
                    members: g
                        .members
                        .iter()
                        .map(|m| MemberIn {
                            name: m.name.clone(),
                            id: m.id,
                            alive: m.alive(),
                            phase: m.phase,
                            paused: m.paused,
                            partitions: m.assigned.clone(),
                            lag: m.assigned.iter().filter_map(|p| sim.lag(g.idx, *p)).sum(),
                        })
                        .collect(),
                }
            })
            .collect();
        let producers = sim
            .producers()
            .iter()
            .enumerate()
            .map(|(i, p)| ProducerIn {
                name: p.config.name.clone(),
                topic: p.topic.0 as usize,
                rate: p.config.records_per_sec,
                acks: p.config.acks.as_config(),
                acked: p.acknowledged,
                queued: p.queued_records(),
                decision: latest_decision(player, i),
            })
            .collect();
        let mut input = SceneInput {
            producers,
            brokers,
            topics,
            groups,
            flows: Vec::new(),
        };
        input.flows = flows(player, now_ms, &input);
        input
    }
}

/// A replica's latest `max` records as cells.
fn cells_of(l: &crate::engine::log::ReplicaLog, max: usize) -> Vec<CellIn> {
    let (log_start, hw, leo) = (l.log_start_offset(), l.high_watermark(), l.log_end_offset());
    let first = leo.saturating_sub(max as u64).max(log_start);
    (first..leo)
        .filter_map(|o| l.get(o))
        .map(|e| CellIn {
            offset: e.offset,
            key: e.record.key.as_deref().map(str::to_string),
            hue: key_hue(e.record.key.as_deref()),
            committed: e.offset < hw,
        })
        .collect()
}

fn latest_decision(player: &Player, index: usize) -> Option<Decision> {
    let id = player.sim().producers().get(index)?.id;
    from_log(player, id).or_else(|| from_logs(player, index))
}

/// The decision for the producer's newest record still in a partition
/// (when the event log starts after it: a lesson step or a link just built).
fn from_logs(player: &Player, index: usize) -> Option<Decision> {
    let sim = player.sim();
    let p = sim.producers().get(index)?;
    let topic = sim.topics().get(p.topic.0 as usize)?;
    let newest = topic
        .partitions
        .iter()
        .filter_map(|part| {
            let log = part.leader_log()?;
            let end = log.log_end_offset();
            (end.saturating_sub(8)..end)
                .rev()
                .filter_map(|o| log.get(o))
                .find(|e| e.record.producer == p.id)
                .map(|e| (e.record.seq, part.tp.partition, e.record.key.clone()))
        })
        .max_by_key(|(seq, _, _)| *seq)?;
    let (_, partition, key) = newest;
    Some(match (key, p.config.partitioner) {
        (_, crate::engine::config::Partitioner::RoundRobin) => Decision::RoundRobin { partition },
        (Some(key), _) if !p.config.ignore_keys => Decision::Key {
            key: key.to_string(),
            partitions: p.known_partitions,
            partition,
        },
        _ => Decision::Sticky { partition },
    })
}

fn from_log(player: &Player, id: crate::engine::ProducerId) -> Option<Decision> {
    player.log().rev().find_map(|e| match &e.kind {
        EventKind::RecordCreated {
            producer,
            key,
            tp,
            decision,
            ..
        } if *producer == id => Some(match decision {
            PartitionDecision::KeyHash { partitions, .. } => Decision::Key {
                key: key.as_deref().unwrap_or("").to_string(),
                partitions: *partitions,
                partition: tp.partition,
            },
            PartitionDecision::Sticky { .. } => Decision::Sticky {
                partition: tp.partition,
            },
            PartitionDecision::RoundRobin { .. } => Decision::RoundRobin {
                partition: tp.partition,
            },
            PartitionDecision::Explicit => Decision::Explicit {
                partition: tp.partition,
            },
        }),
        _ => None,
    })
}

fn member_at(sim: &crate::engine::Sim, id: crate::engine::MemberId) -> Option<(usize, usize)> {
    sim.groups()
        .iter()
        .enumerate()
        .find_map(|(gi, g)| g.members.iter().position(|m| m.id == id).map(|mi| (gi, mi)))
}

fn flows(player: &Player, now_ms: f64, input: &SceneInput) -> Vec<FlowIn> {
    let sim = player.sim();
    let producer_index = |n: Node| match n {
        Node::Producer(p) => sim.producers().iter().position(|x| x.id == p),
        _ => None,
    };
    let broker_of = |n: Node| match n {
        Node::Broker(b) => Some(b.0),
        _ => None,
    };
    let mut out = Vec::new();
    for m in sim.in_flight() {
        if out.len() >= MAX_FLOWS {
            break;
        }
        let progress = m.progress(now_ms).clamp(0.0, 1.0);
        let flow = match &m.body {
            Body::ProduceRequest { batch, .. } => Some(FlowIn {
                kind: FlowKind::Produce,
                broker: broker_of(m.to),
                producer: producer_index(m.from),
                lane: (batch.tp.topic.0 as usize, batch.tp.partition),
                member: None,
                progress,
            }),
            Body::ProduceResponse { tp, .. } => Some(FlowIn {
                kind: FlowKind::Ack,
                broker: broker_of(m.from),
                producer: producer_index(m.to),
                lane: (tp.topic.0 as usize, tp.partition),
                member: None,
                progress,
            }),
            Body::ReplicaFetchResponse { tp, entries, .. } if !entries.is_empty() => Some(FlowIn {
                broker: broker_of(m.to),
                kind: FlowKind::Replicate,
                producer: None,
                lane: (tp.topic.0 as usize, tp.partition),
                member: None,
                progress,
            }),
            Body::FetchResponse { records, .. } => {
                let to = match m.to {
                    Node::Member(id) => member_at(sim, id),
                    _ => None,
                };
                records
                    .iter()
                    .find(|(_, r)| !r.is_empty())
                    .zip(to)
                    .and_then(|((tp, _), to)| {
                        let topic = input.groups.get(to.0)?.topic;
                        Some(FlowIn {
                            kind: FlowKind::Fetch,
                            broker: broker_of(m.from),
                            producer: None,
                            lane: (topic, tp.partition),
                            member: Some(to),
                            progress,
                        })
                    })
            }
            _ => None,
        };
        if let Some(f) = flow {
            if f.kind != FlowKind::Produce && f.kind != FlowKind::Ack || f.producer.is_some() {
                out.push(f);
            }
        }
    }
    out
}
