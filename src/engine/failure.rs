//! Failures: brokers stop cleanly, crash, restart or slow down; the KRaft
//! controller fences a broker whose session expired; links are cut and
//! healed; messages are dropped. The controller's decisions on partitions
//! (ISR, elections, the ledger of lost records) are in `elections.rs`.

pub use super::vocab::fixed_settings::{
    LEADER_IMBALANCE_CHECK_INTERVAL_MS, LEADER_IMBALANCE_PER_BROKER_PERCENTAGE,
};

use super::errors::{DropReason, LossReason};
use super::event::{EventKind, IsrChange};
use super::ids::{BrokerId, TopicIdx, TopicPartition};
use super::network::{Body, Message, Node};
use super::refusal::{Refusal, RefusalReason};
use super::sim::{LostRecord, Sim, Timer};

impl Sim {
    pub(crate) fn isr_check_interval_ms(&self) -> u64 {
        (self.config.replica_lag_time_max_ms / 2).max(1)
    }

    fn broker_mut(&mut self, b: BrokerId) -> Result<&mut super::sim::Broker, Refusal> {
        self.brokers
            .iter_mut()
            .find(|x| x.id == b)
            .ok_or_else(|| RefusalReason::NoSuchNode(Node::Broker(b)).into())
    }

    pub(super) fn all_partitions(&self) -> Vec<TopicPartition> {
        self.topics
            .iter()
            .flat_map(|t| t.partitions.iter().map(|p| p.tp))
            .collect()
    }

    /// A clean shutdown (`clean`) or a crash.
    pub(crate) fn stop_broker(&mut self, b: BrokerId, clean: bool) -> Result<(), Refusal> {
        if !self.broker_mut(b)?.alive {
            return Err(RefusalReason::BrokerAlreadyStopped(b).into());
        }
        if clean {
            // Controlled shutdown: the controller moves leadership away and
            // takes the broker out of every ISR before it stops.
            self.fence_broker(b);
        }
        let session = self.config.broker_session_timeout_ms;
        let broker = self.broker_mut(b)?;
        broker.alive = false;
        broker.crashed = !clean;
        let incarnation = broker.incarnation;
        self.emit(EventKind::BrokerStopped { broker: b, clean });
        // What the process held in memory is gone, and so are its requests
        // parked at other brokers (their connections closed). Consumers whose
        // fetch it held see the connection close.
        let disconnected: Vec<super::ids::MemberId> = self
            .parked
            .values()
            .filter(|m| m.to == Node::Broker(b))
            .filter_map(|m| match m.from {
                Node::Member(member) => Some(member),
                _ => None,
            })
            .collect();
        self.parked
            .retain(|_, m| m.to != Node::Broker(b) && m.from != Node::Broker(b));
        for member in disconnected {
            self.fetch_disconnected(member);
        }
        self.producers_disconnected(b);
        for tp in self.all_partitions() {
            let part = self.partition_mut(tp);
            if part.leader == Some(b) {
                part.waiting_acks.clear();
            }
            if let Some(i) = part.replicas.iter().position(|r| *r == b) {
                part.followers[i].fetch_in_flight = None;
                part.followers[i].truncated_for_epoch = None;
            }
        }
        if !clean {
            self.schedule(
                self.rt.now_ms.saturating_add(session),
                Timer::SessionExpired(b, incarnation),
            );
        }
        Ok(())
    }

    pub(crate) fn session_expired(&mut self, b: BrokerId, incarnation: u32) {
        let Some(broker) = self.brokers.iter().find(|x| x.id == b) else {
            return;
        };
        if broker.alive || broker.fenced || broker.incarnation != incarnation {
            return;
        }
        self.fence_broker(b);
    }

    /// The controller fences `b`: out of every ISR (never emptying one), and
    /// a new leader for every partition it led.
    fn fence_broker(&mut self, b: BrokerId) {
        let Ok(broker) = self.broker_mut(b) else {
            return;
        };
        if broker.fenced {
            return;
        }
        broker.fenced = true;
        self.emit(EventKind::BrokerFenced { broker: b });
        for tp in self.all_partitions() {
            let part = self.partition(tp);
            if part.isr.contains(&b) && part.isr.len() > 1 {
                let isr: Vec<_> = part.isr.iter().copied().filter(|r| *r != b).collect();
                self.set_isr(tp, isr, IsrChange::BrokerGone);
            }
            if self.partition(tp).leader == Some(b) {
                self.elect_leader(tp);
            } else {
                self.advance_leader_high_watermark(tp);
            }
        }
    }

    pub(crate) fn start_broker(&mut self, b: BrokerId) -> Result<(), Refusal> {
        if self.broker_mut(b)?.alive {
            return Err(RefusalReason::BrokerAlreadyRunning(b).into());
        }
        // A new incarnation registers: the controller first fences the old one.
        self.fence_broker(b);
        let broker = self.broker_mut(b)?;
        broker.alive = true;
        broker.crashed = false;
        broker.fenced = false;
        broker.incarnation += 1;
        self.emit(EventKind::BrokerStarted { broker: b });
        for tp in self.all_partitions() {
            let part = self.partition(tp);
            if !part.replicas.contains(&b) {
                continue;
            }
            if part.leader.is_none() {
                // An offline partition comes back with this replica if it can lead.
                self.elect_leader(tp);
            }
            if self.partition(tp).leader != Some(b) {
                let i = self.partition(tp).replicas.iter().position(|r| *r == b);
                if let Some(i) = i {
                    let st = &mut self.partition_mut(tp).followers[i];
                    st.fetch_in_flight = None;
                    st.truncated_for_epoch = None;
                }
                self.schedule(self.rt.now_ms, Timer::ReplicaFetch(tp, b));
            }
        }
        Ok(())
    }

    pub(crate) fn set_broker_slow(
        &mut self,
        b: BrokerId,
        extra_latency_ms: u64,
    ) -> Result<(), Refusal> {
        super::validate::EXTRA_LATENCY_MS.check(extra_latency_ms)?;
        self.broker_mut(b)?.extra_latency_ms = extra_latency_ms;
        self.net.set_slow(b, extra_latency_ms);
        self.emit(EventKind::BrokerSlowed {
            broker: b,
            extra_latency_ms,
        });
        Ok(())
    }

    pub(crate) fn set_link(&mut self, a: Node, b: Node, up: bool) -> Result<(), Refusal> {
        if a == b {
            return Err(RefusalReason::LinkToItself.into());
        }
        for node in [a, b] {
            let exists = match node {
                Node::Broker(x) => self.brokers.iter().any(|y| y.id == x),
                Node::Producer(p) => (p.0 as usize) < self.producers.len(),
                Node::Member(m) => self.groups.has_member(m),
            };
            if !exists {
                return Err(RefusalReason::NoSuchNode(node).into());
            }
        }
        let key = if a < b { (a, b) } else { (b, a) };
        let changed = self.net.set_link(a, b, up);
        if changed {
            self.emit(EventKind::LinkChanged {
                a: key.0,
                b: key.1,
                up,
            });
        }
        Ok(())
    }

    pub(crate) fn set_unclean_leader_election(
        &mut self,
        topic: TopicIdx,
        enabled: bool,
    ) -> Result<(), Refusal> {
        let t = self
            .topics
            .get_mut(topic.0 as usize)
            .ok_or_else(|| Refusal::from(RefusalReason::NoSuchTopic(topic)))?;
        // Under KRaft, enabling it does not elect at once for partitions
        // already offline: the controller's periodic check does, within
        // 5 minutes (`Sim::unclean_election_check`). A leader lost while it
        // is on is replaced at once (`elect_leader`).
        t.unclean_leader_election_enable = enabled;
        Ok(())
    }

    /// Whether a link between two nodes is cut.
    pub(crate) fn link_is_down(&self, a: Node, b: Node) -> bool {
        self.net.link_is_down(a, b)
    }

    pub(crate) fn drop_message(&mut self, msg: Message, reason: DropReason) {
        self.rt.totals.messages_dropped += 1;
        self.emit(EventKind::MessageDropped {
            msg: msg.id,
            kind: msg.body.name(),
            from: msg.from,
            to: msg.to,
            reason,
        });
        if let (Body::FetchRequest { .. }, Node::Member(member), DropReason::ReceiverDown) =
            (&msg.body, msg.from, reason)
        {
            // Connection refused: the fetch fails at once.
            self.fetch_disconnected(member);
        }
        if let Body::ProduceRequest {
            batch,
            acks: super::config::Acks::None,
        } = &msg.body
        {
            // Nobody will ever know: the producer assumed success.
            let lost: Vec<LostRecord> = batch
                .records
                .iter()
                .map(|r| LostRecord {
                    tp: batch.tp,
                    offset: u64::MAX,
                    record: r.clone(),
                    acknowledged: false,
                    reason: LossReason::Acks0Undelivered,
                    at_ms: self.rt.now_ms,
                })
                .collect();
            self.record_losses(batch.tp, lost, LossReason::Acks0Undelivered);
        }
        self.net.note_drop(msg, self.rt.now_ms);
    }
}
