//! A fingerprint of a whole history, to check that the same config gives
//! the same story natively and in WebAssembly.

use crate::engine::{ClusterConfig, Sim};
use crate::text::Describe;

/// FNV-1a (64-bit) over every event, in order, as `time text` lines, from a
/// run of `config` for `until_ms` simulated ms, and the number of events.
#[must_use]
pub fn history_hash(config: ClusterConfig, until_ms: u64) -> (u64, u64) {
    let Ok(mut sim) = Sim::new(config) else {
        return (0, 0);
    };
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut count = 0;
    let mut t = 0;
    while t < until_ms {
        t = (t + 1_000).min(until_ms);
        sim.advance_to(t);
        for e in sim.take_events() {
            count += 1;
            let line = format!("{} {}\n", e.at_ms, sim.describe(&e));
            for b in line.bytes() {
                hash ^= u64::from(b);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
        }
    }
    (hash, count)
}
