//! What every handler touches and `Sim` alone owns: the clock, the seeded
//! RNG, the timer queue, the id counters, the events told and not yet
//! taken, and the running totals.

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::timer_queue::TimerQueue;
use crate::engine::vocab::event::Event;
use crate::engine::vocab::totals::Totals;

/// Counters handed out in order: ids of records, batches, messages, events
/// and members.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Counters {
    pub(crate) record: u64,
    pub(crate) batch: u64,
    pub(crate) msg: u64,
    pub(crate) event: u64,
    pub(crate) member: u32,
}

/// The simulation's clock, randomness, timers, counters, events and totals.
#[derive(Clone, Debug)]
pub(crate) struct Runtime {
    /// Simulated time, ms.
    pub(crate) now_ms: u64,
    /// The one seeded random stream (ChaCha8: the same natively and in wasm).
    pub(crate) rng: ChaCha8Rng,
    /// Work waiting for its time.
    pub(crate) timers: TimerQueue,
    /// Ids handed out so far.
    pub(crate) ids: Counters,
    /// Events told and not yet taken.
    pub(crate) events: Vec<Event>,
    /// Running totals.
    pub(crate) totals: Totals,
}

impl Runtime {
    /// A runtime at time 0 whose random stream is seeded with `seed`.
    pub(crate) fn new(seed: u64) -> Self {
        Self {
            now_ms: 0,
            rng: ChaCha8Rng::seed_from_u64(seed),
            timers: TimerQueue::default(),
            ids: Counters::default(),
            events: Vec::new(),
            totals: Totals::default(),
        }
    }
}
