//! [`Sim`]: the whole cluster as one deterministic state machine.
//!
//! Time is virtual (ms). Work waits in a timer queue ordered by
//! `(time, sequence)`; [`Sim::advance_to`] runs it in that order. Nothing
//! reads the wall clock, randomness comes from one seeded ChaCha8 stream, and
//! every map iterated is ordered, so the same config and commands always give
//! the same history. `Sim` is `Clone`: a clone is a checkpoint.

use std::collections::BTreeMap;

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::command::{Command, Refusal};
use super::config::ClusterConfig;
use super::consumer::{ConsumerTimer, Group};
use super::event::{Event, EventKind};
use super::ids::{
    BatchId, BrokerId, EventId, MsgId, ProducerId, RecordId, TopicIdx, TopicPartition,
};
use super::log::ReplicaLog;
use super::network::{Body, Message, Node};
use super::producer::Producer;
use super::topic::{assign_replicas, Partition, Topic};
use super::validate::validate;

/// A broker of the simulated cluster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Broker {
    /// Its id, from 1.
    pub id: BrokerId,
    /// Whether it is running.
    pub alive: bool,
}

/// Work waiting for its time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Timer {
    /// A producer creates its next record at its steady rate.
    ProducerTick(ProducerId),
    /// A batch has waited `linger.ms`.
    Linger(ProducerId, BatchId),
    /// A message reaches its receiver.
    Deliver(MsgId),
    /// A parked fetch has waited its maximum and is answered as it is.
    FetchExpiry(MsgId),
    /// A follower sends its next fetch to the leader.
    ReplicaFetch(TopicPartition, BrokerId),
    /// Consumer groups: poll loop, heartbeats, the coordinator's timers.
    Consumer(ConsumerTimer),
}

/// Counters handed out in order: ids and timer sequence numbers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Counters {
    pub(crate) record: u64,
    pub(crate) batch: u64,
    pub(crate) msg: u64,
    pub(crate) event: u64,
    pub(crate) timer: u64,
    pub(crate) member: u32,
}

/// Running totals, for the picture and the tests.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// Records created by producers.
    pub records_created: u64,
    /// Records appended by leaders.
    pub records_appended: u64,
    /// Records whose batch was acknowledged to the producer.
    pub records_acknowledged: u64,
    /// Records processed by consumers (all groups).
    pub records_consumed: u64,
    /// Timer entries run so far (a measure of simulation work).
    pub steps: u64,
}

/// The simulated cluster. See the module doc.
#[derive(Clone, Debug)]
pub struct Sim {
    pub(crate) now_ms: u64,
    pub(crate) rng: ChaCha8Rng,
    pub(crate) config: ClusterConfig,
    pub(crate) brokers: Vec<Broker>,
    pub(crate) topics: Vec<Topic>,
    pub(crate) producers: Vec<Producer>,
    pub(crate) groups: Vec<Group>,
    pub(crate) in_flight: BTreeMap<MsgId, Message>,
    pub(crate) parked: BTreeMap<MsgId, Message>,
    pub(crate) timers: BTreeMap<(u64, u64), Timer>,
    pub(crate) ids: Counters,
    pub(crate) pending_events: Vec<Event>,
    pub(crate) totals: Totals,
}

impl Sim {
    /// Builds a cluster from `config`, or says why Kafka (or a limit) refuses it.
    pub fn new(config: ClusterConfig) -> Result<Sim, Refusal> {
        validate(&config)?;
        let mut sim = Sim {
            now_ms: 0,
            rng: ChaCha8Rng::seed_from_u64(config.seed),
            brokers: (1..=config.brokers)
                .map(|i| Broker {
                    id: BrokerId(i),
                    alive: true,
                })
                .collect(),
            topics: Vec::new(),
            producers: Vec::new(),
            groups: Vec::new(),
            in_flight: BTreeMap::new(),
            parked: BTreeMap::new(),
            timers: BTreeMap::new(),
            ids: Counters::default(),
            pending_events: Vec::new(),
            totals: Totals::default(),
            config: config.clone(),
        };
        for topic in &config.topics {
            sim.create_topic(topic);
        }
        for (i, p) in config.producers.iter().enumerate() {
            let id = ProducerId(i as u32);
            let topic = sim.topic_named(&p.topic).expect("validated");
            sim.producers.push(Producer::new(id, p.clone(), topic));
            if p.records_per_sec > 0 {
                let first = sim.producers[i].next_tick_at(0);
                sim.schedule(first, Timer::ProducerTick(id));
            }
        }
        for g in &config.groups {
            sim.create_group(g.clone());
        }
        Ok(sim)
    }

    fn create_topic(&mut self, config: &super::config::TopicConfig) {
        use rand::Rng;
        let idx = TopicIdx(self.topics.len() as u32);
        let brokers: Vec<BrokerId> = self.brokers.iter().map(|b| b.id).collect();
        let n = brokers.len() as u32;
        let start = self.rng.random_range(0..n);
        let shift = if n > 1 {
            self.rng.random_range(0..n - 1)
        } else {
            0
        };
        let plan = assign_replicas(
            &brokers,
            config.partitions,
            0,
            config.replication_factor,
            start,
            shift,
        );
        let partitions = plan
            .into_iter()
            .enumerate()
            .map(|(p, replicas)| Partition {
                tp: TopicPartition {
                    topic: idx,
                    partition: p as u32,
                },
                leader: replicas.first().copied(),
                isr: replicas.clone(),
                leader_epoch: 0,
                logs: vec![ReplicaLog::default(); replicas.len()],
                remote_leo: vec![0; replicas.len()],
                waiting_acks: Vec::new(),
                replicas,
            })
            .collect();
        self.topics.push(Topic {
            idx,
            name: config.name.clone(),
            min_insync_replicas: config.min_insync_replicas,
            replication_factor: config.replication_factor,
            partitions,
        });
        for p in 0..config.partitions {
            let tp = TopicPartition {
                topic: idx,
                partition: p,
            };
            let followers: Vec<BrokerId> = self.partition(tp).replicas[1..].to_vec();
            for f in followers {
                self.schedule(0, Timer::ReplicaFetch(tp, f));
            }
        }
    }

    // ----- time ---------------------------------------------------------

    /// The simulated time, ms.
    #[must_use]
    pub fn now_ms(&self) -> u64 {
        self.now_ms
    }

    /// When the next piece of work is due, if any.
    #[must_use]
    pub fn next_event_at(&self) -> Option<u64> {
        self.timers.keys().next().map(|(t, _)| *t)
    }

    /// Runs the next piece of work (moving the clock to its time).
    /// Returns `false` when nothing is waiting.
    pub fn step(&mut self) -> bool {
        let Some(((at, _), timer)) = self.timers.pop_first() else {
            return false;
        };
        self.now_ms = self.now_ms.max(at);
        self.totals.steps += 1;
        self.run_timer(timer);
        true
    }

    /// Runs all work due at or before `t`, then sets the clock to `t`.
    pub fn advance_to(&mut self, t: u64) {
        while let Some(at) = self.next_event_at() {
            if at > t {
                break;
            }
            self.step();
        }
        self.now_ms = self.now_ms.max(t);
    }

    /// Runs work until at least one event is told or `limit_ms` is reached;
    /// the clock stops at the time of that work. Used to step one event.
    pub fn step_to_next_event(&mut self, limit_ms: u64) {
        while self.pending_events.is_empty() {
            match self.next_event_at() {
                Some(at) if at <= limit_ms => {
                    self.step();
                }
                _ => {
                    self.now_ms = self.now_ms.max(limit_ms);
                    break;
                }
            }
        }
    }

    pub(crate) fn schedule(&mut self, at_ms: u64, timer: Timer) {
        self.ids.timer += 1;
        self.timers.insert((at_ms, self.ids.timer), timer);
    }

    fn run_timer(&mut self, timer: Timer) {
        match timer {
            Timer::ProducerTick(p) => self.producer_tick(p),
            Timer::Linger(p, b) => self.linger_expired(p, b),
            Timer::Deliver(m) => {
                if let Some(msg) = self.in_flight.remove(&m) {
                    self.deliver(msg);
                }
            }
            Timer::FetchExpiry(m) => {
                if let Some(msg) = self.parked.remove(&m) {
                    self.answer_parked(msg);
                }
            }
            Timer::ReplicaFetch(tp, b) => self.send_replica_fetch(tp, b),
            Timer::Consumer(t) => self.run_consumer_timer(t),
        }
    }

    // ----- commands -----------------------------------------------------

    /// Applies a command at the current time.
    pub fn apply(&mut self, command: Command) -> Result<(), Refusal> {
        match command {
            Command::Produce {
                producer,
                key,
                value,
            } => self.produce_by_hand(producer, key, value),
            Command::SetProducerRate {
                producer,
                records_per_sec,
            } => self.set_producer_rate(producer, records_per_sec),
            group_command => self.apply_group_command(group_command),
        }
    }

    // ----- events -------------------------------------------------------

    pub(crate) fn emit(&mut self, kind: EventKind) {
        self.ids.event += 1;
        self.pending_events.push(Event {
            id: EventId(self.ids.event),
            at_ms: self.now_ms,
            kind,
        });
    }

    /// Takes the events told since the last call, oldest first.
    #[must_use]
    pub fn take_events(&mut self) -> Vec<Event> {
        std::mem::take(&mut self.pending_events)
    }

    // ----- network ------------------------------------------------------

    pub(crate) fn send(&mut self, from: Node, to: Node, body: Body) -> MsgId {
        self.ids.msg += 1;
        let id = MsgId(self.ids.msg);
        let arrives = self.now_ms + self.config.network_latency_ms;
        self.in_flight.insert(
            id,
            Message {
                id,
                from,
                to,
                sent_at_ms: self.now_ms,
                arrives_at_ms: arrives,
                body,
            },
        );
        self.schedule(arrives, Timer::Deliver(id));
        id
    }

    fn deliver(&mut self, msg: Message) {
        match msg.to {
            Node::Broker(b) => self.broker_receive(b, msg),
            Node::Producer(p) => self.producer_receive(p, msg),
            Node::Member(m) => self.member_receive(m, msg),
        }
    }

    // ----- lookups ------------------------------------------------------

    pub(crate) fn next_record_id(&mut self) -> RecordId {
        self.ids.record += 1;
        RecordId(self.ids.record)
    }

    pub(crate) fn next_batch_id(&mut self) -> BatchId {
        self.ids.batch += 1;
        BatchId(self.ids.batch)
    }

    pub(crate) fn topic_named(&self, name: &str) -> Option<TopicIdx> {
        self.topics.iter().find(|t| t.name == name).map(|t| t.idx)
    }

    pub(crate) fn partition(&self, tp: TopicPartition) -> &Partition {
        &self.topics[tp.topic.0 as usize].partitions[tp.partition as usize]
    }

    pub(crate) fn partition_mut(&mut self, tp: TopicPartition) -> &mut Partition {
        &mut self.topics[tp.topic.0 as usize].partitions[tp.partition as usize]
    }

    pub(crate) fn broker_alive(&self, b: BrokerId) -> bool {
        self.brokers.iter().any(|x| x.id == b && x.alive)
    }
}
