//! Floor 3, the context a part works in. [`Sim`](crate::engine::sim::Sim)
//! owns one [`Runtime`](runtime::Runtime) (the clock, the seeded RNG, the
//! ordered timer queue, the id counters, the events told and the running
//! totals) and one [`Network`](network::Network) (messages in flight, cut
//! links); a part's handler gets them lent as a narrow
//! [`Ctx`](ctx::Ctx): read the clock, draw from the RNG, schedule or
//! cancel a timer, send a message, tell an event. What a client may learn
//! of the cluster (leaders, partition counts, the leader's log) comes
//! through the [`Metadata`](metadata::Metadata) trait, so the client parts
//! never name the cluster part. Imports only the floors below.

pub(crate) mod ctx;
pub(crate) mod metadata;
pub(crate) mod network;
pub(crate) mod runtime;
pub(crate) mod timer_queue;
