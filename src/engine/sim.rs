//! [`Sim`]: the whole cluster as one deterministic state machine.
//!
//! Time is virtual (ms). Work waits in a timer queue ordered by
//! `(time, sequence)`; [`Sim::advance_to`] runs it in that order. Nothing
//! reads the wall clock, randomness comes from one seeded ChaCha8 stream, and
//! every map iterated is ordered, so the same config and commands always give
//! the same history. `Sim` is `Clone`: a clone is a checkpoint.

pub(crate) use super::vocab::timers::{Timer, TimerKey};
pub use super::vocab::totals::Totals;

use std::collections::{BTreeMap, VecDeque};

use super::context::ctx::Ctx;
use super::context::network::Network;
use super::context::runtime::Runtime;

use super::command::{Command, Refusal};
use super::config::ClusterConfig;
use super::errors::DropReason;
use super::event::{Event, EventKind};
use super::ids::{BrokerId, MsgId, ProducerId, TopicIdx, TopicPartition};
use super::log::ReplicaLog;
use super::network::{Body, Message, Node};
use super::parts::group::Groups;
use super::parts::retention::Retention;
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
pub use super::context::network::DROPS_KEPT;

/// The simulated cluster. See the module doc.
#[derive(Clone, Debug)]
pub struct Sim {
    /// The clock, RNG, timer queue, counters, events and totals.
    pub(crate) rt: Runtime,
    /// Messages in flight and the links.
    pub(crate) net: Network,
    pub(crate) config: ClusterConfig,
    pub(crate) brokers: Vec<Broker>,
    pub(crate) topics: Vec<Topic>,
    pub(crate) producers: Vec<Producer>,
    pub(crate) groups: Groups,
    pub(crate) parked: BTreeMap<MsgId, Box<Message>>,
    /// The expiry timer of each parked fetch.
    pub(crate) parked_expiry: BTreeMap<MsgId, TimerKey>,
    /// The most recent lost records.
    pub(crate) lost: VecDeque<LostRecord>,
    /// The retention and cleaner part (records that recently left
    /// replicas' logs).
    pub(crate) retention: Retention,
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
            rt: Runtime::new(config.seed),
            net: Network::new(config.network_latency_ms, config.brokers),
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
            groups: Groups::default(),
            parked: BTreeMap::new(),
            parked_expiry: BTreeMap::new(),
            lost: VecDeque::new(),
            retention: Retention::default(),
            hot_window_override: None,
            lagging_window_override: None,
            config: config.clone(),
        };
        let check = sim.isr_check_interval_ms();
        sim.schedule(check, Timer::IsrCheck);
        sim.schedule(
            super::vocab::fixed_settings::UNCLEAN_LEADER_ELECTION_CHECK_INTERVAL_MS,
            Timer::UncleanElectionCheck,
        );
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
        let start = self.rt.rng.random_range(0..n);
        let shift = if n > 1 {
            self.rt.rng.random_range(0..n - 1)
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
                logs: vec![ReplicaLog::new(config.log, self.rt.now_ms); replicas.len()],
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
        self.rt.now_ms
    }

    /// When the next piece of work is due, if any.
    #[must_use]
    pub fn next_event_at(&self) -> Option<u64> {
        self.rt.timers.next_at()
    }

    /// Runs the next piece of work (moving the clock to its time).
    /// Returns `false` when nothing is waiting.
    pub fn step(&mut self) -> bool {
        let Some(((at, _), timer)) = self.rt.timers.pop_next() else {
            return false;
        };
        self.rt.now_ms = self.rt.now_ms.max(at);
        self.rt.totals.steps += 1;
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
        self.rt.now_ms = self.rt.now_ms.max(t);
    }

    /// Runs work until at least one event is told or `limit_ms` is reached;
    /// the clock stops at the time of that work. Used to step one event.
    pub fn step_to_next_event(&mut self, limit_ms: u64) {
        while self.rt.events.is_empty() {
            match self.next_event_at() {
                Some(at) if at <= limit_ms => {
                    self.step();
                }
                _ => {
                    self.rt.now_ms = self.rt.now_ms.max(limit_ms);
                    break;
                }
            }
        }
    }

    /// Queues `timer` at `at_ms`; the key cancels it (see
    /// [`TimerQueue::schedule`](super::context::timer_queue::TimerQueue::schedule)).
    pub(crate) fn schedule(&mut self, at_ms: u64, timer: Timer) -> TimerKey {
        self.rt.timers.schedule(at_ms, timer)
    }

    /// Removes a queued timer.
    pub(crate) fn cancel(&mut self, key: TimerKey) {
        self.rt.timers.cancel(key);
    }

    fn run_timer(&mut self, timer: Timer) {
        match timer {
            Timer::ProducerTick(p) => self.producer_tick(p),
            Timer::Linger(p, b) => self.linger_expired(p, b),
            Timer::Deliver(m) => {
                if let Some(msg) = self.net.take(m) {
                    self.deliver(msg);
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
            Timer::UncleanElectionCheck => self.unclean_election_check(),
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
        Ctx::new(&mut self.rt, &mut self.net).emit(kind);
    }

    /// How many events have been told since the start (the next event's id
    /// is this plus one): a position in the history.
    #[must_use]
    pub fn event_count(&self) -> u64 {
        self.rt.ids.event
    }

    /// Puts back events taken with [`Sim::take_events`] (oldest first), in
    /// front of any told since.
    pub fn restore_events(&mut self, mut events: Vec<Event>) {
        events.append(&mut self.rt.events);
        self.rt.events = events;
    }

    /// Takes the events told since the last call, oldest first. Events stay
    /// in the simulation until taken: take them as it runs.
    #[must_use]
    pub fn take_events(&mut self) -> Vec<Event> {
        std::mem::take(&mut self.rt.events)
    }

    // ----- network ------------------------------------------------------

    pub(crate) fn send(&mut self, from: Node, to: Node, body: Body) -> MsgId {
        Ctx::new(&mut self.rt, &mut self.net).send(from, to, body)
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

    /// A topic by name.
    #[must_use]
    pub fn topic_named(&self, name: &str) -> Option<TopicIdx> {
        self.topics.iter().find(|t| t.name == name).map(|t| t.idx)
    }

    /// A consumer group by `group.id`.
    #[must_use]
    pub fn group_named(&self, group_id: &str) -> Option<super::ids::GroupIdx> {
        self.groups
            .list()
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

#[cfg(test)]
impl Sim {
    /// Loses a message in flight, as a cut link would (for tests): the
    /// message and its delivery timer go.
    pub(crate) fn lose_message(&mut self, id: MsgId) {
        self.net.take(id);
        self.rt.timers.cancel_where(|t| *t == Timer::Deliver(id));
    }
}

impl Sim {
    /// The cluster's metadata as clients read it.
    pub(crate) fn meta(&self) -> ClusterMeta<'_> {
        ClusterMeta {
            topics: &self.topics,
            brokers: &self.brokers,
        }
    }
}

/// The cluster's metadata as clients read it (brokers and topics).
pub(crate) struct ClusterMeta<'a> {
    pub(crate) topics: &'a [Topic],
    pub(crate) brokers: &'a [Broker],
}

impl super::context::metadata::Metadata for ClusterMeta<'_> {
    fn leader(&self, tp: TopicPartition) -> Option<BrokerId> {
        self.topics[tp.topic.0 as usize].partitions[tp.partition as usize].leader
    }

    fn broker_alive(&self, b: BrokerId) -> bool {
        self.brokers.iter().any(|x| x.id == b && x.alive)
    }

    fn partition_count(&self, topic: TopicIdx) -> u32 {
        self.topics[topic.0 as usize].partitions.len() as u32
    }

    fn available_partitions(&self, topic: TopicIdx, count: u32) -> Vec<u32> {
        self.topics[topic.0 as usize]
            .partitions
            .iter()
            .take(count as usize)
            .filter(|part| part.leader.is_some())
            .map(|part| part.tp.partition)
            .collect()
    }

    fn topic_name(&self, topic: TopicIdx) -> &str {
        &self.topics[topic.0 as usize].name
    }

    fn tp_name(&self, tp: TopicPartition) -> String {
        match self.topics.get(tp.topic.0 as usize) {
            Some(t) => format!("{}-{}", t.name, tp.partition),
            None => format!("{}-{}", tp.topic, tp.partition),
        }
    }

    fn leader_log(&self, tp: TopicPartition) -> Option<&super::log::ReplicaLog> {
        self.topics
            .get(tp.topic.0 as usize)?
            .partitions
            .get(tp.partition as usize)?
            .leader_log()
    }
}
