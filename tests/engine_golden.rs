//! Golden scenario tests: a scenario run for a while must print exactly the
//! text in `tests/golden/*.txt` (the cluster snapshot and every event in
//! words). After a deliberate change, rewrite them with
//! `UPDATE_GOLDEN=1 cargo test --test engine_golden` and read the diff.
#![cfg(not(target_arch = "wasm32"))]

use std::fmt::Write;
use std::path::PathBuf;

use kafkascope::engine::scenarios::default_scenario;
use kafkascope::engine::{ClusterConfig, Sim};
use kafkascope::text::Describe;

fn transcript(config: ClusterConfig, until_ms: u64, every_ms: u64) -> String {
    let mut sim = Sim::new(config).expect("valid scenario");
    let mut out = String::new();
    let mut t = 0;
    while t < until_ms {
        t = (t + every_ms).min(until_ms);
        sim.advance_to(t);
        for e in sim.take_events() {
            writeln!(out, "{:>6} ms  {}", e.at_ms, sim.describe(&e)).unwrap();
        }
        writeln!(out, "---- snapshot\n{sim}----").unwrap();
    }
    out
}

fn check(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(format!("{name}.txt"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing {path:?}: run with UPDATE_GOLDEN=1 to create it"));
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .map_or(expected.lines().count().min(actual.lines().count()), |i| i);
        panic!(
            "{name}: output differs from {path:?} at line {}:\n expected: {:?}\n   actual: {:?}\n(rewrite with UPDATE_GOLDEN=1 if the change is intended)",
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line)
        );
    }
}

#[test]
fn default_scenario_first_four_seconds() {
    check("default_4s", &transcript(default_scenario(), 4_000, 1_000));
}

#[test]
fn acks_one_answers_before_followers_copy() {
    let mut config = default_scenario();
    config.producers[0].acks = kafkascope::engine::Acks::Leader;
    config.groups.clear();
    check("acks1_2s", &transcript(config, 2_000, 2_000));
}

/// The same fingerprint is checked in headless Chromium by `tests/web.rs`:
/// native and wasm histories must be identical.
#[test]
fn default_scenario_history_hash() {
    let (hash, events) = kafkascope::determinism::history_hash(default_scenario(), 60_000);
    assert!(events > 500, "{events} events");
    check("default_history_hash", &format!("{hash:016x} {events}\n"));
}
