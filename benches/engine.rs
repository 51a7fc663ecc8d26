//! Engine throughput, natively: runs the built-in scenarios headless and
//! prints simulated records and engine steps per wall-clock second.
//! `cargo bench --bench engine --no-default-features`. Figures go to
//! `docs/benchmarks.md` with the machine they were taken on.

use std::time::Instant;

use kafkascope::engine::scenarios::{default_scenario, stress_scenario};
use kafkascope::engine::{
    ClusterConfig, Compression, Partitioner, ProducerConfig, Sim, TopicConfig,
};
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

/// The producer path alone: one producer at the highest rate allowed
/// (10,000 records/s) into 12 partitions on 3 brokers, replication factor 1,
/// no consumer. Prints records created and appended per wall-clock second.
fn producer_path(name: &str, partitioner: Partitioner, keys: bool, compression: Compression) {
    let key_names: Vec<String> = (0..100).map(|i| format!("user-{i}")).collect();
    let key_refs: Vec<&str> = if keys {
        key_names.iter().map(String::as_str).collect()
    } else {
        Vec::new()
    };
    let mut producer = ProducerConfig::new("p", "t", 10_000, &key_refs);
    producer.partitioner = partitioner;
    producer.compression = compression;
    let config = ClusterConfig {
        seed: 1,
        brokers: 3,
        network_latency_ms: 1,
        topics: vec![TopicConfig::new("t", 12)],
        producers: vec![producer],
        groups: Vec::new(),
        ..ClusterConfig::default()
    };
    let simulated_s = 30;
    let mut sim = Sim::new(config).expect("valid");
    let start = Instant::now();
    for s in 1..=simulated_s {
        sim.advance_to(s * 1000);
        let _ = sim.take_events();
    }
    let wall = start.elapsed().as_secs_f64();
    let t = sim.totals();
    println!(
        "producer {name:<22} {:>7} records in {wall:>6.3} s wall | {:>9.0} records/s produced | {:>9.0} appended/s",
        t.records_created,
        t.records_created as f64 / wall,
        t.records_appended as f64 / wall
    );
}

fn main() {
    producer_path("keyed, none", Partitioner::BuiltIn, true, Compression::None);
    producer_path(
        "null keys (sticky)",
        Partitioner::BuiltIn,
        false,
        Compression::None,
    );
    producer_path(
        "round robin",
        Partitioner::RoundRobin,
        false,
        Compression::None,
    );
    for codec in [
        Compression::Gzip,
        Compression::Snappy,
        Compression::Lz4,
        Compression::Zstd,
    ] {
        producer_path(
            &format!("keyed, {}", codec.as_config()),
            Partitioner::BuiltIn,
            true,
            codec,
        );
    }
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
    // As the player does: an hour of the default scene played in 1 s
    // frames (checkpoints every 10 s, thinned by age and memory), then
    // seeks; and ten minutes of the stress scene the same way.
    for (name, config, played_s) in [
        ("default", default_scenario(), 3_600u64),
        ("stress", stress_scenario(), 600),
    ] {
        let mut timeline = Timeline::new(config).expect("valid");
        for s in 1..=played_s {
            timeline.run_to(s * 1000);
            let _ = timeline.take_events();
        }
        println!(
            "played {name:<7} {played_s:>5} s: {} checkpoints, {:.1} MB estimated (the scene itself: {:.1} MB)",
            timeline.checkpoint_times().len(),
            timeline.checkpoint_bytes() as f64 / 1e6,
            kafkascope::timeline::clone_cost_bytes(timeline.sim()) as f64 / 1e6
        );
        let end = played_s * 1000;
        for target in [end / 2, end - 5_000, end / 3 + 1_234, end] {
            let start = Instant::now();
            let _ = timeline.seek(target, 200);
            println!(
                "  seek to {:>7.1} s: {:>8.2} ms",
                target as f64 / 1000.0,
                start.elapsed().as_secs_f64() * 1000.0
            );
        }
    }
}
