//! The simulated network: messages in flight between producers, brokers and
//! consumers (each for its link's latency), cut links, and the messages
//! dropped recently. Sending goes through a part's [`Ctx`](super::ctx::Ctx);
//! delivering is `Sim`'s.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::sync::Arc;

use crate::engine::vocab::ids::{BatchId, BrokerId, MsgId, Node, TopicPartition};
use crate::engine::wire::message::{Body, Message};

/// How many dropped messages are kept for the picture.
pub const DROPS_KEPT: usize = 32;

/// Messages on the network and the state of its links.
#[derive(Clone, Debug)]
pub(crate) struct Network {
    /// One-way latency of every link, ms.
    latency_ms: u64,
    /// Extra latency of every message to or from each broker (a slow
    /// broker), by broker id − 1, ms.
    slow_ms: Vec<u64>,
    /// Messages in flight (boxed: the map moves pointers, not messages).
    in_flight: BTreeMap<MsgId, Box<Message>>,
    /// Cut links, each as (lower node, higher node).
    down_links: BTreeSet<(Node, Node)>,
    /// The most recent dropped messages, with when they were dropped
    /// (shared by the checkpoints that hold them).
    drops: VecDeque<(Arc<Message>, u64)>,
}

impl Network {
    /// A network of `brokers` brokers whose links all have `latency_ms`.
    pub(crate) fn new(latency_ms: u64, brokers: u32) -> Self {
        Self {
            latency_ms,
            slow_ms: vec![0; brokers as usize],
            in_flight: BTreeMap::new(),
            down_links: BTreeSet::new(),
            drops: VecDeque::new(),
        }
    }

    fn extra_ms(&self, node: Node) -> u64 {
        match node {
            Node::Broker(b) => {
                b.0.checked_sub(1)
                    .and_then(|i| self.slow_ms.get(i as usize))
                    .copied()
                    .unwrap_or(0)
            }
            _ => 0,
        }
    }

    /// Puts a message on its link; returns when it arrives.
    pub(crate) fn put(&mut self, id: MsgId, from: Node, to: Node, now_ms: u64, body: Body) -> u64 {
        let arrives = now_ms
            .saturating_add(self.latency_ms)
            .saturating_add(self.extra_ms(from))
            .saturating_add(self.extra_ms(to));
        self.in_flight.insert(
            id,
            Box::new(Message {
                id,
                from,
                to,
                sent_at_ms: now_ms,
                arrives_at_ms: arrives,
                body,
            }),
        );
        arrives
    }

    /// Takes a message off its link when it arrives (`None`: it was removed
    /// meanwhile, with its connection).
    pub(crate) fn take(&mut self, id: MsgId) -> Option<Message> {
        self.in_flight.remove(&id).map(|m| *m)
    }

    /// A connection between a producer and a broker closed: the produce
    /// requests on it not yet read and the answers not yet received are gone.
    pub(crate) fn close_produce_connection(&mut self, producer: Node, broker: Node) {
        self.in_flight.retain(|_, m| {
            !matches!(
                (&m.body, m.from, m.to),
                (Body::ProduceRequest { .. }, f, t) if f == producer && t == broker
            ) && !matches!(
                (&m.body, m.from, m.to),
                (Body::ProduceResponse { .. }, f, t) if f == broker && t == producer
            )
        });
    }

    /// Adds to `into` the batches for `tp` in produce requests on the network.
    pub(crate) fn produce_batches_in_flight(
        &self,
        tp: TopicPartition,
        into: &mut BTreeSet<BatchId>,
    ) {
        for msg in self.in_flight.values() {
            if let Body::ProduceRequest { batch, .. } = &msg.body {
                if batch.tp == tp {
                    into.insert(batch.id);
                }
            }
        }
    }

    /// Messages in flight, oldest first.
    pub(crate) fn in_flight(&self) -> impl Iterator<Item = &Message> {
        self.in_flight.values().map(|m| &**m)
    }

    /// Messages in flight.
    pub(crate) fn in_flight_count(&self) -> usize {
        self.in_flight.len()
    }

    /// Sets the extra latency of every message to or from broker `b`.
    pub(crate) fn set_slow(&mut self, b: BrokerId, extra_latency_ms: u64) {
        if let Some(slot) =
            b.0.checked_sub(1)
                .and_then(|i| self.slow_ms.get_mut(i as usize))
        {
            *slot = extra_latency_ms;
        }
    }

    /// Cuts (`up` false) or heals the link between `a` and `b`; whether
    /// that changed anything. The link is named by its lower node first.
    pub(crate) fn set_link(&mut self, a: Node, b: Node, up: bool) -> bool {
        let key = if a < b { (a, b) } else { (b, a) };
        if up {
            self.down_links.remove(&key)
        } else {
            self.down_links.insert(key)
        }
    }

    /// Whether the link between two nodes is cut.
    pub(crate) fn link_is_down(&self, a: Node, b: Node) -> bool {
        let key = if a < b { (a, b) } else { (b, a) };
        self.down_links.contains(&key)
    }

    /// Cut links, each as (lower node, higher node).
    pub(crate) fn cut_links(&self) -> impl Iterator<Item = &(Node, Node)> {
        self.down_links.iter()
    }

    /// Keeps a dropped message for the picture (the newest [`DROPS_KEPT`]).
    pub(crate) fn note_drop(&mut self, msg: Message, now_ms: u64) {
        if self.drops.len() == DROPS_KEPT {
            self.drops.pop_front();
        }
        self.drops.push_back((Arc::new(msg), now_ms));
    }

    /// Messages dropped recently, with when they were dropped.
    pub(crate) fn drops(&self) -> impl DoubleEndedIterator<Item = &(Arc<Message>, u64)> {
        self.drops.iter()
    }

    /// Recently dropped messages kept.
    pub(crate) fn drop_count(&self) -> usize {
        self.drops.len()
    }

    /// Cut links.
    pub(crate) fn cut_link_count(&self) -> usize {
        self.down_links.len()
    }
}
