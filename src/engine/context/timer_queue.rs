//! The ordered timer queue: work waiting for its time, run in
//! `(time, sequence)` order, so two timers due at the same millisecond run
//! in the order they were scheduled.

use std::collections::BTreeMap;

use crate::engine::vocab::limits::MAX_SIM_TIME_MS;
use crate::engine::vocab::timers::{Timer, TimerKey};

/// Timers waiting for their time, keyed by `(time, sequence)`.
#[derive(Clone, Debug, Default)]
pub(crate) struct TimerQueue {
    queue: BTreeMap<TimerKey, Timer>,
    /// Sequence numbers handed out so far (one per schedule, queued or not).
    seq: u64,
}

impl TimerQueue {
    /// Queues `timer` at `at_ms`; the key cancels it. Work due after
    /// [`MAX_SIM_TIME_MS`] is never queued (times are added with
    /// saturation, so a huge timeout lands there instead of overflowing,
    /// and a clock at the end of time stops instead of running the same
    /// periodic work for ever); its key is handed out all the same.
    pub(crate) fn schedule(&mut self, at_ms: u64, timer: Timer) -> TimerKey {
        self.seq += 1;
        let key = (at_ms, self.seq);
        if at_ms <= MAX_SIM_TIME_MS {
            self.queue.insert(key, timer);
        }
        key
    }

    /// Removes a queued timer (a timeout whose answer came in time), so the
    /// queue holds only live work however much traffic there is.
    pub(crate) fn cancel(&mut self, key: TimerKey) {
        self.queue.remove(&key);
    }

    /// Removes every queued timer `drop` says.
    pub(crate) fn cancel_where(&mut self, mut drop: impl FnMut(&Timer) -> bool) {
        self.queue.retain(|_, t| !drop(t));
    }

    /// Takes the next timer due (the earliest, then the first scheduled).
    pub(crate) fn pop_next(&mut self) -> Option<(TimerKey, Timer)> {
        self.queue.pop_first()
    }

    /// When the next timer is due, if any.
    pub(crate) fn next_at(&self) -> Option<u64> {
        self.queue.keys().next().map(|(t, _)| *t)
    }

    /// Timers waiting.
    pub(crate) fn len(&self) -> usize {
        self.queue.len()
    }
}
