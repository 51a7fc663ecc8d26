//! [`Ctx`]: what a part's handler may do besides changing its own state —
//! read the clock, draw from the seeded RNG, schedule and cancel timers,
//! send messages, tell events, count totals — lent by `Sim` for the call.

use rand_chacha::ChaCha8Rng;

use super::network::Network;
use super::runtime::Runtime;
use crate::engine::vocab::event::{Event, EventKind};
use crate::engine::vocab::group_event::GroupEvent;
use crate::engine::vocab::ids::{
    BatchId, BrokerId, EventId, MemberId, MsgId, Node, ProducerId, RecordId,
};
use crate::engine::vocab::timers::{Timer, TimerKey};
use crate::engine::vocab::totals::Totals;
use crate::engine::wire::message::Body;

/// The narrow context of one handler call (see the module doc).
pub(crate) struct Ctx<'a> {
    rt: &'a mut Runtime,
    net: &'a mut Network,
}

impl<'a> Ctx<'a> {
    /// Lends `rt` and `net` to a handler.
    pub(crate) fn new(rt: &'a mut Runtime, net: &'a mut Network) -> Self {
        Self { rt, net }
    }

    /// The simulated time, ms.
    #[inline]
    pub(crate) fn now(&self) -> u64 {
        self.rt.now_ms
    }

    /// The seeded random stream.
    #[inline]
    pub(crate) fn rng(&mut self) -> &mut ChaCha8Rng {
        &mut self.rt.rng
    }

    /// Queues `timer` at `at_ms`; the key cancels it.
    #[inline]
    pub(crate) fn schedule(&mut self, at_ms: u64, timer: Timer) -> TimerKey {
        self.rt.timers.schedule(at_ms, timer)
    }

    /// Cancels a queued timer.
    #[inline]
    pub(crate) fn cancel(&mut self, key: TimerKey) {
        self.rt.timers.cancel(key);
    }

    /// Cancels every queued timer `drop` says.
    pub(crate) fn cancel_where(&mut self, drop: impl FnMut(&Timer) -> bool) {
        self.rt.timers.cancel_where(drop);
    }

    /// Tells an event, at the current time, with the next id.
    pub(crate) fn emit(&mut self, kind: EventKind) {
        self.rt.ids.event += 1;
        self.rt.events.push(Event {
            id: EventId(self.rt.ids.event),
            at_ms: self.rt.now_ms,
            kind,
        });
    }

    /// Tells a consumer group's event.
    pub(crate) fn emit_group(&mut self, event: GroupEvent) {
        self.emit(EventKind::Group(event));
    }

    /// Sends a message: it travels for its link's latency and is delivered
    /// (or dropped) when it arrives. Returns its id.
    pub(crate) fn send(&mut self, from: Node, to: Node, body: Body) -> MsgId {
        self.rt.ids.msg += 1;
        let id = MsgId(self.rt.ids.msg);
        let arrives = self.net.put(id, from, to, self.rt.now_ms, body);
        self.rt.timers.schedule(arrives, Timer::Deliver(id));
        id
    }

    /// The next record id.
    pub(crate) fn next_record_id(&mut self) -> RecordId {
        self.rt.ids.record += 1;
        RecordId(self.rt.ids.record)
    }

    /// The next batch id.
    pub(crate) fn next_batch_id(&mut self) -> BatchId {
        self.rt.ids.batch += 1;
        BatchId(self.rt.ids.batch)
    }

    /// The next member id (unique within the cluster).
    pub(crate) fn next_member_id(&mut self) -> MemberId {
        self.rt.ids.member += 1;
        MemberId(self.rt.ids.member)
    }

    /// The running totals.
    #[inline]
    pub(crate) fn totals(&mut self) -> &mut Totals {
        &mut self.rt.totals
    }

    /// A producer's connection to a broker closed: what was on it is gone.
    pub(crate) fn close_produce_connection(&mut self, producer: ProducerId, broker: BrokerId) {
        self.net
            .close_produce_connection(Node::Producer(producer), Node::Broker(broker));
    }
}
