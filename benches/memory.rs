//! Memory soak: heap bytes live and at their peak, counted by a global
//! allocator, while the engine runs the built-in scenes for simulated
//! hours. `cargo bench --no-default-features --bench memory`. Prints
//! figures, asserts nothing (the regression bound is
//! `tests/memory_budget.rs`); figures go to `docs/benchmarks.md`.
//!
//! - the engine alone, stress scene: every 5 simulated minutes to 1 hour;
//! - the engine alone, default scene: every 2 simulated hours to 24 hours;
//! - a timeline (checkpoints included) of the stress scene to 1 hour.
//!
//! Budget (the browser's wasm memory must stay well under 256 MB): the
//! stress scene for one simulated hour with its timeline stays under
//! 150 MB natively, and flat after the first minutes.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use kafkascope::engine::scenarios::{default_scenario, stress_scenario};
use kafkascope::engine::{ClusterConfig, Sim};
use kafkascope::timeline::Timeline;

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(n: usize) {
    let live = LIVE.fetch_add(n, Ordering::Relaxed) + n;
    PEAK.fetch_max(live, Ordering::Relaxed);
}

// SAFETY: every call is passed to the system allocator unchanged; the
// counters only observe sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
            grew(new_size);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1_048_576.0
}

/// Starts a measurement: the peak so far is forgotten.
fn reset_peak() -> usize {
    let live = LIVE.load(Ordering::Relaxed);
    PEAK.store(live, Ordering::Relaxed);
    live
}

fn engine_alone(name: &str, config: ClusterConfig, hours: u64, every_s: u64) {
    let base = reset_peak();
    let start = Instant::now();
    let mut sim = Sim::new(config).expect("valid scenario");
    println!("{name}: the engine alone, {hours} simulated hour(s)");
    let mut t = 0;
    while t < hours * 3_600 {
        // Events are taken every simulated second, as the player does.
        for _ in 0..every_s {
            t += 1;
            sim.advance_to(t * 1_000);
            let _ = sim.take_events();
        }
        let f = sim.footprint();
        println!(
            "  t {:>6} s  live {:>7.1} MB  peak {:>7.1} MB  records {:>9}  in full {:>6}  runs {:>4}  estimate {:>5.2} MB  wall {:>6.1} s",
            t,
            mb(LIVE.load(Ordering::Relaxed) - base),
            mb(PEAK.load(Ordering::Relaxed) - base),
            f.log_entries,
            f.entries_in_full,
            f.cold_runs,
            mb(sim.heap_estimate_bytes()),
            start.elapsed().as_secs_f64()
        );
    }
    // What one clone (a checkpoint) adds, measured against the estimate.
    let before = LIVE.load(Ordering::Relaxed);
    let clone = sim.clone();
    let added = LIVE.load(Ordering::Relaxed) - before;
    println!(
        "  one clone adds {:.2} MB at once (estimate {:.2} MB)",
        mb(added),
        mb(sim.clone_estimate_bytes())
    );
    drop(clone);
    let t = sim.totals();
    println!(
        "  {} records created, {} steps, {:.1} s wall",
        t.records_created,
        t.steps,
        start.elapsed().as_secs_f64()
    );
}

fn timeline(name: &str, config: ClusterConfig, hours: u64, every_s: u64) {
    let base = reset_peak();
    let start = Instant::now();
    let mut timeline = Timeline::new(config).expect("valid scenario");
    println!("{name}: a timeline with its checkpoints, {hours} simulated hour(s)");
    let mut t = 0;
    while t < hours * 3_600 {
        for _ in 0..every_s {
            t += 1;
            timeline.run_to(t * 1_000);
            let _ = timeline.take_events();
        }
        println!(
            "  t {:>6} s  live {:>7.1} MB  peak {:>7.1} MB  wall {:>6.1} s",
            t,
            mb(LIVE.load(Ordering::Relaxed) - base),
            mb(PEAK.load(Ordering::Relaxed) - base),
            start.elapsed().as_secs_f64()
        );
    }
}

fn main() {
    // `cargo bench` passes `--bench`; a name filter picks one soak.
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let wanted = |name: &str| filter.is_empty() || filter.iter().any(|f| name.contains(f.as_str()));
    if wanted("stress-engine") {
        engine_alone("stress-engine", stress_scenario(), 1, 300);
    }
    if wanted("default-engine") {
        engine_alone("default-engine", default_scenario(), 24, 7_200);
    }
    if wanted("stress-timeline") {
        timeline("stress-timeline", stress_scenario(), 1, 300);
    }
}
