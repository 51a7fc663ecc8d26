//! What the picture draws, per entity, in plain values, built from the
//! engine's read models (`engine::views`): the one place that reads the
//! simulation for the picture. Everything else in [`crate::picture`] and the
//! UI's drawing works on these structs. Two things are not in the read
//! models yet and are read here directly: segment starts, and the messages
//! on their way (`Sim::in_flight`).

use crate::engine::consumer::MemberPhase;
use crate::engine::lag::BurrowStatus;
use crate::engine::network::{Body, Node};
use crate::engine::views::{BrokerStatus, CellState, RecordCell};
use crate::engine::{murmur2, BrokerId, GroupState, PartitionDecision, TopicPartition};
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
    /// The picture's input at the player's position, from the engine's read
    /// models (`engine::views`); `now_ms`: the exact (fractional) time
    /// messages are drawn at; `replicas_too`: each replica's own records
    /// (the broker view).
    #[must_use]
    pub fn of(player: &Player, now_ms: f64, replicas_too: bool) -> Self {
        let sim = player.sim();
        let broker_views = sim.broker_views();
        let running = |b: BrokerId| {
            broker_views
                .iter()
                .any(|v| v.id == b && v.status == BrokerStatus::Running)
        };
        let brokers = broker_views
            .iter()
            .map(|b| BrokerIn {
                id: b.id.0,
                alive: b.status == BrokerStatus::Running,
                crashed: b.status == BrokerStatus::Crashed,
                slow_ms: b.extra_latency_ms,
            })
            .collect();
        let group_views = sim.group_views();
        let partition_views = sim.partition_views();
        let max_cells = if partition_views.len() > DENSE_LANES {
            MAX_CELLS_DENSE
        } else {
            MAX_CELLS_IN
        };
        let cells_of = |tp: TopicPartition, broker: BrokerId| -> Vec<CellIn> {
            sim.record_window(tp, broker, max_cells)
                .map_or(Vec::new(), |w| w.cells.iter().map(cell_in).collect())
        };
        let mut topics: Vec<TopicIn> = sim
            .topics()
            .iter()
            .map(|t| TopicIn {
                name: t.name.to_string(),
                rf: t.replication_factor,
                lanes: Vec::new(),
            })
            .collect();
        for v in &partition_views {
            let tp = v.tp;
            let Some(topic) = topics.get_mut(tp.topic.0 as usize) else {
                continue;
            };
            let mut replicas: Vec<ReplicaIn> = v
                .replicas
                .iter()
                .map(|r| ReplicaIn {
                    broker: r.broker.0,
                    leader: r.is_leader,
                    in_isr: r.in_isr,
                    alive: running(r.broker),
                    leo: r.log_end_offset,
                    hw: r.high_watermark,
                    log_start: r.log_start_offset,
                    cells: if replicas_too {
                        cells_of(tp, r.broker)
                    } else {
                        Vec::new()
                    },
                })
                .collect();
            replicas.sort_by_key(|r| !r.leader);
            // The leader's records; offline: the furthest replica's, so a
            // stopped leader's records do not look lost.
            let shown = v.leader.or_else(|| {
                v.replicas
                    .iter()
                    .max_by_key(|r| r.log_end_offset)
                    .map(|r| r.broker)
            });
            let cells = shown.map_or(Vec::new(), |b| cells_of(tp, b));
            let segments = segment_starts(sim, tp, shown, v.log_start_offset);
            let committed = v
                .committed
                .iter()
                .map(|c| (c.group.0 as usize, c.offset))
                .collect();
            let owners = group_views
                .iter()
                .enumerate()
                .filter(|(_, g)| g.topic == tp.topic)
                .filter_map(|(gi, g)| {
                    let owner = g
                        .partitions
                        .iter()
                        .find(|l| l.partition == tp.partition)?
                        .owner?;
                    let mi = g.members.iter().position(|m| m.id == owner)?;
                    Some((gi, mi))
                })
                .collect();
            topic.lanes.push(LaneIn {
                partition: tp.partition,
                tp,
                offline: v.leader.is_none(),
                replicas,
                log_start: v.log_start_offset,
                hw: v.high_watermark,
                leo: v.log_end_offset,
                cells,
                segments,
                committed,
                owners,
            });
        }
        let groups = group_views
            .iter()
            .map(|g| GroupIn {
                name: g.group_id.clone(),
                topic: g.topic.0 as usize,
                state: g.state,
                generation: g.generation,
                lag: g.total_lag,
                status: g.burrow,
                members: g
                    .members
                    .iter()
                    .map(|m| MemberIn {
                        name: m.name.clone(),
                        id: m.id,
                        alive: !matches!(m.phase, MemberPhase::Crashed | MemberPhase::Leaving),
                        phase: m.phase,
                        paused: m.paused,
                        partitions: m.owned.iter().map(|o| o.partition).collect(),
                        lag: m.lag,
                    })
                    .collect(),
            })
            .collect();
        let producers = sim
            .producer_views()
            .into_iter()
            .map(|p| ProducerIn {
                topic: p.topic.0 as usize,
                rate: p.records_per_sec,
                acks: p.acks.as_config(),
                acked: p.acknowledged,
                queued: p.queued_records,
                decision: p
                    .latest_decision
                    .as_ref()
                    .map(|d| decision_of(d.key.as_deref(), d.tp, &d.decision)),
                name: p.name,
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

/// A record window's cell as drawn.
fn cell_in(c: &RecordCell) -> CellIn {
    CellIn {
        offset: c.offset,
        key: c.key.as_deref().map(str::to_string),
        hue: key_hue(c.key.as_deref()),
        committed: c.state == CellState::Committed,
    }
}

/// A partitioner decision in the picture's terms.
fn decision_of(key: Option<&str>, tp: TopicPartition, d: &PartitionDecision) -> Decision {
    match d {
        PartitionDecision::KeyHash { partitions, .. } => Decision::Key {
            key: key.unwrap_or("").to_string(),
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
    }
}

/// Where segments begin on `broker`'s replica (the newest 16 above the log
/// start). Not in the engine's read models yet: read from the log here.
fn segment_starts(
    sim: &crate::engine::Sim,
    tp: TopicPartition,
    broker: Option<BrokerId>,
    log_start: u64,
) -> Vec<u64> {
    let Some(log) = broker.and_then(|b| sim.partition_state(tp)?.log_on(b)) else {
        return Vec::new();
    };
    let mut bases: Vec<u64> = log
        .segments()
        .rev()
        .map(|s| s.base_offset)
        .filter(|b| *b > log_start)
        .take(16)
        .collect();
    bases.reverse();
    bases
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
