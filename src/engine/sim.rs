//! [`Sim`]: the whole cluster as one deterministic state machine.
//!
//! Time is virtual (ms). Work waits in a timer queue ordered by
//! `(time, sequence)`; [`Sim::advance_to`] runs it in that order. Nothing
//! reads the wall clock, randomness comes from one seeded ChaCha8 stream, and
//! every map iterated is ordered, so the same config and commands always give
//! the same history. `Sim` is `Clone`: a clone is a checkpoint.

pub(crate) use super::vocab::timers::{Timer, TimerKey};
pub use super::vocab::totals::Totals;

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::command::{Command, Refusal};
use super::config::ClusterConfig;
use super::consumer::Group;
use super::errors::DropReason;
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
    /// It went down by crashing (not by a clean shutdown).
    pub crashed: bool,
    /// The controller considers it gone: it leads nothing and is in no ISR.
    pub fenced: bool,
    /// Extra latency on every message to or from it (a slow broker), ms.
    pub extra_latency_ms: u64,
    /// Bumped at every start, so timers of an earlier life are ignored.
    pub incarnation: u32,
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

/// A record lost for ever, kept (the most recent [`LOST_KEPT`]) so the
/// picture can show it with the reason.
#[derive(Clone, Debug, PartialEq)]
pub struct LostRecord {
    /// Where it was.
    pub tp: TopicPartition,
    /// The offset it had on the old leader.
    pub offset: u64,
    /// The record.
    pub record: super::record::Record,
    /// Whether the producer had been told it was written.
    pub acknowledged: bool,
    /// Why it was lost.
    pub reason: super::errors::LossReason,
    /// When, simulated ms.
    pub at_ms: u64,
}

/// How many lost records are kept for the picture.
pub const LOST_KEPT: usize = 200;
/// How many dropped messages are kept for the picture.
pub const DROPS_KEPT: usize = 32;

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
    /// Messages on the network (boxed: the map moves pointers, not messages).
    pub(crate) in_flight: BTreeMap<MsgId, Box<Message>>,
    pub(crate) parked: BTreeMap<MsgId, Box<Message>>,
    /// The expiry timer of each parked fetch.
    pub(crate) parked_expiry: BTreeMap<MsgId, TimerKey>,
    pub(crate) timers: BTreeMap<(u64, u64), Timer>,
    pub(crate) ids: Counters,
    pub(crate) pending_events: Vec<Event>,
    pub(crate) totals: Totals,
    /// Cut links, each as (lower node, higher node).
    pub(crate) down_links: BTreeSet<(Node, Node)>,
    /// The most recent lost records.
    pub(crate) lost: VecDeque<LostRecord>,
    /// The most recent dropped messages, with the time they were dropped
    /// (shared by the checkpoints that hold them).
    pub(crate) drops: VecDeque<(std::sync::Arc<Message>, u64)>,
    /// Records that recently left replicas' logs (retention, cleaner).
    pub(crate) removals: VecDeque<super::retention::Removal>,
    /// Recent consumer offset resets.
    pub(crate) offset_resets: VecDeque<super::retention::OffsetResetNote>,
    /// Records each log holds in full, when a test sets it (see `cold.rs`).
    pub(crate) hot_window_override: Option<usize>,
    /// Records each log holds in full for replicas behind, when a test sets it.
    pub(crate) lagging_window_override: Option<usize>,
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
                    crashed: false,
                    fenced: false,
                    extra_latency_ms: 0,
                    incarnation: 0,
                })
                .collect(),
            topics: Vec::new(),
            producers: Vec::new(),
            groups: Vec::new(),
            in_flight: BTreeMap::new(),
            parked: BTreeMap::new(),
            parked_expiry: BTreeMap::new(),
            timers: BTreeMap::new(),
            ids: Counters::default(),
            pending_events: Vec::new(),
            totals: Totals::default(),
            down_links: BTreeSet::new(),
            lost: VecDeque::new(),
            drops: VecDeque::new(),
            removals: VecDeque::new(),
            offset_resets: VecDeque::new(),
            hot_window_override: None,
            lagging_window_override: None,
            config: config.clone(),
        };
        let check = sim.isr_check_interval_ms();
        sim.schedule(check, Timer::IsrCheck);
        sim.schedule_log_tasks();
        for topic in &config.topics {
            sim.create_topic(topic);
        }
        for (i, p) in config.producers.iter().enumerate() {
            let id = ProducerId(i as u32);
            let topic = sim.topic_named(&p.topic).expect("validated");
            let partitions = sim.topics[topic.0 as usize].partitions.len() as u32;
            sim.producers
                .push(Producer::new(id, p.clone(), topic, partitions));
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
                last_leader: replicas.first().copied(),
                isr: replicas.clone(),
                leader_epoch: 0,
                logs: vec![ReplicaLog::new(config.log, self.now_ms); replicas.len()],
                remote_leo: vec![0; replicas.len()],
                followers: vec![super::topic::FollowerState::default(); replicas.len()],
                waiting_acks: Vec::new(),
                replicas,
            })
            .collect();
        self.topics.push(Topic {
            idx,
            name: config.name.clone(),
            min_insync_replicas: config.min_insync_replicas,
            replication_factor: config.replication_factor,
            unclean_leader_election_enable: config.unclean_leader_election_enable,
            log_config: config.log,
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

    /// Queues `timer` at `at_ms`; the key cancels it. Work due after
    /// [`MAX_SIM_TIME_MS`](super::limits::MAX_SIM_TIME_MS) is never queued
    /// (times are added with saturation, so a huge timeout lands there
    /// instead of overflowing, and a clock at the end of time stops
    /// instead of running the same periodic work for ever).
    pub(crate) fn schedule(&mut self, at_ms: u64, timer: Timer) -> TimerKey {
        self.ids.timer += 1;
        let key = (at_ms, self.ids.timer);
        if at_ms <= super::limits::MAX_SIM_TIME_MS {
            self.timers.insert(key, timer);
        }
        key
    }

    /// Same as [`Sim::schedule`] (the name the producer code uses).
    pub(crate) fn schedule_key(&mut self, at_ms: u64, timer: Timer) -> TimerKey {
        self.schedule(at_ms, timer)
    }

    /// Removes a queued timer (a timeout whose answer came in time), so the
    /// queue holds only live work however much traffic there is.
    pub(crate) fn cancel(&mut self, key: TimerKey) {
        self.timers.remove(&key);
    }

    fn run_timer(&mut self, timer: Timer) {
        match timer {
            Timer::ProducerTick(p) => self.producer_tick(p),
            Timer::Linger(p, b) => self.linger_expired(p, b),
            Timer::Deliver(m) => {
                if let Some(msg) = self.in_flight.remove(&m) {
                    self.deliver(*msg);
                }
            }
            Timer::FetchExpiry(m) => {
                self.parked_expiry.remove(&m);
                if let Some(msg) = self.parked.remove(&m) {
                    self.answer_parked(*msg);
                }
            }
            Timer::ReplicaFetch(tp, b) => self.send_replica_fetch(tp, b),
            Timer::SessionExpired(b, incarnation) => self.session_expired(b, incarnation),
            Timer::IsrCheck => self.isr_check(),
            Timer::ReplicaFetchTimeout(tp, b, m) => self.replica_fetch_timed_out(tp, b, m),
            Timer::ProduceTimeout(tp, batch) => self.produce_timed_out(tp, batch),
            Timer::RequestTimeout(p, m) => self.request_timed_out(p, m),
            Timer::RetryBackoff(p) => self.drain(p),
            Timer::DeliveryTimeout(p, b) => self.delivery_timed_out(p, b),
            Timer::MetadataRefresh(p) => self.refresh_metadata(p),
            Timer::Consumer(t) => self.run_consumer_timer(t),
            Timer::RetentionCheck(b) => self.retention_check(b),
            Timer::CleanerCheck(b) => self.cleaner_check(b),
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
            } => self.produce_by_hand(producer, key, value, None),
            Command::ProduceToPartition {
                producer,
                partition,
                key,
                value,
            } => self.produce_by_hand(producer, key, value, Some(partition)),
            Command::SetProducerRate {
                producer,
                records_per_sec,
            } => self.set_producer_rate(producer, records_per_sec),
            Command::StopBroker(b) => self.stop_broker(b, true),
            Command::CrashBroker(b) => self.stop_broker(b, false),
            Command::StartBroker(b) => self.start_broker(b),
            Command::SetBrokerSlow {
                broker,
                extra_latency_ms,
            } => self.set_broker_slow(broker, extra_latency_ms),
            Command::CutLink { a, b } => self.set_link(a, b, false),
            Command::HealLink { a, b } => self.set_link(a, b, true),
            Command::SetUncleanLeaderElection { topic, enabled } => {
                self.set_unclean_leader_election(topic, enabled)
            }
            Command::ProduceTombstone { producer, key } => self.produce_tombstone(producer, key),
            Command::AlterTopicConfig { topic, name, value } => {
                self.alter_topic_config(topic, &name, &value)
            }
            Command::SetRetentionCheckInterval { interval_ms } => {
                self.set_retention_check_interval(interval_ms)
            }
            Command::ElectPreferredLeaders => {
                self.elect_preferred_leaders();
                Ok(())
            }
            Command::SetProducerConfig { producer, config } => {
                self.set_producer_config(producer, *config)
            }
            Command::AddPartitions { topic, total } => self.add_partitions(&topic, total),
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

    /// How many events have been told since the start (the next event's id
    /// is this plus one): a position in the history.
    #[must_use]
    pub fn event_count(&self) -> u64 {
        self.ids.event
    }

    /// Puts back events taken with [`Sim::take_events`] (oldest first), in
    /// front of any told since.
    pub fn restore_events(&mut self, mut events: Vec<Event>) {
        events.append(&mut self.pending_events);
        self.pending_events = events;
    }

    /// Takes the events told since the last call, oldest first. Events stay
    /// in the simulation until taken: take them as it runs.
    #[must_use]
    pub fn take_events(&mut self) -> Vec<Event> {
        std::mem::take(&mut self.pending_events)
    }

    // ----- network ------------------------------------------------------

    pub(crate) fn send(&mut self, from: Node, to: Node, body: Body) -> MsgId {
        self.ids.msg += 1;
        let id = MsgId(self.ids.msg);
        let extra = |node: Node| match node {
            Node::Broker(b) => self
                .brokers
                .iter()
                .find(|x| x.id == b)
                .map_or(0, |x| x.extra_latency_ms),
            _ => 0,
        };
        let arrives = self
            .now_ms
            .saturating_add(self.config.network_latency_ms)
            .saturating_add(extra(from))
            .saturating_add(extra(to));
        self.in_flight.insert(
            id,
            Box::new(Message {
                id,
                from,
                to,
                sent_at_ms: self.now_ms,
                arrives_at_ms: arrives,
                body,
            }),
        );
        self.schedule(arrives, Timer::Deliver(id));
        id
    }

    fn deliver(&mut self, msg: Message) {
        let reason = if self.link_is_down(msg.from, msg.to) {
            Some(DropReason::LinkCut)
        } else {
            match msg.to {
                Node::Broker(b) if !self.broker_alive(b) => Some(DropReason::ReceiverDown),
                _ => None,
            }
        };
        if let Some(reason) = reason {
            self.drop_message(msg, reason);
            return;
        }
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

    /// A topic by name.
    #[must_use]
    pub fn topic_named(&self, name: &str) -> Option<TopicIdx> {
        self.topics.iter().find(|t| t.name == name).map(|t| t.idx)
    }

    /// A consumer group by `group.id`.
    #[must_use]
    pub fn group_named(&self, group_id: &str) -> Option<super::ids::GroupIdx> {
        self.groups
            .iter()
            .find(|g| g.config.group_id == group_id)
            .map(|g| g.idx)
    }

    /// A producer by name.
    #[must_use]
    pub fn producer_named(&self, name: &str) -> Option<ProducerId> {
        self.producers
            .iter()
            .find(|p| p.config.name == name)
            .map(|p| p.id)
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
