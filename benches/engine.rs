//! Engine throughput, natively: runs the built-in scenarios headless and
//! prints simulated records and engine steps per wall-clock second.
//! `cargo bench --bench engine --no-default-features`. Figures go to
//! `docs/benchmarks.md` with the machine they were taken on.

use std::time::Instant;

use kafkascope::engine::scenarios::{default_scenario, stress_scenario};
use kafkascope::engine::{ClusterConfig, Sim};
use kafkascope::timeline::Timeline;

fn run(name: &str, config: ClusterConfig, simulated_s: u64) {
    let mut sim = Sim::new(config).expect("valid scenario");
    let start = Instant::now();
    let mut events = 0usize;
    for s in 1..=simulated_s {
        sim.advance_to(s * 1000);
        events += sim.take_events().len();
    }
    let wall = start.elapsed().as_secs_f64();
    let t = sim.totals();
    let record_ops = t.records_created + t.records_appended + t.records_consumed;
    println!(
        "{name:<8} {simulated_s:>5} s simulated in {wall:>7.3} s wall | {:>10.0} record ops/s | {:>10.0} events/s | {:>10.0} steps/s | {:>8.0}x real time",
        record_ops as f64 / wall,
        events as f64 / wall,
        t.steps as f64 / wall,
        simulated_s as f64 / wall
    );
}

fn main() {
    run("default", default_scenario(), 3_600);
    run("stress", stress_scenario(), 120);
    // Seeking by replay: an hour of the default scenario from a checkpoint at 0.
    let base = Sim::new(default_scenario()).expect("valid");
    let start = Instant::now();
    let mut sim = base.clone();
    sim.advance_to(3_600_000);
    let _ = sim.take_events();
    println!(
        "seek     replay 1 h of the default scenario from t=0: {:.1} ms",
        start.elapsed().as_secs_f64() * 1000.0
    );
    // The app's seek: a timeline with checkpoints, after an hour was played.
    let mut timeline = Timeline::new(default_scenario()).expect("valid");
    timeline.run_to(3_600_000);
    let _ = timeline.take_events();
    for target in [0, 1_800_000, 3_600_000, 1_234_567] {
        let start = Instant::now();
        let _ = timeline.seek(target, 200);
        println!(
            "timeline seek to {:>7.1} s in an hour of history: {:.2} ms",
            target as f64 / 1000.0,
            start.elapsed().as_secs_f64() * 1000.0
        );
    }
}
