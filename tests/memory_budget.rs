//! Memory stays proportional to what is shown, not to history: heap bytes
//! counted by a global allocator (this test binary's own) while the stress
//! scene runs with its timeline. A generous bound that catches a regression
//! (today's figures are in `docs/benchmarks.md`, from `benches/memory.rs`);
//! one test only, so nothing else allocates meanwhile.
#![cfg(not(target_arch = "wasm32"))]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use kafkascope::engine::scenarios::stress_scenario;
use kafkascope::engine::Sim;
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

const MB: usize = 1 << 20;

fn live() -> usize {
    LIVE.load(Ordering::Relaxed)
}

#[test]
fn stress_scene_memory_stays_flat() {
    // The engine alone: 10 simulated minutes hold what 2 minutes held
    // (every record is kept under Kafka's 7-day retention, as counts).
    let base = live();
    let mut sim = Sim::new(stress_scenario()).unwrap();
    let mut at_two_minutes = 0;
    for s in 1..=600u64 {
        sim.advance_to(s * 1_000);
        let _ = sim.take_events();
        if s == 120 {
            at_two_minutes = live() - base;
        }
    }
    let at_ten_minutes = live() - base;
    assert!(
        at_ten_minutes < 12 * MB,
        "the engine alone holds {} MB after 10 simulated minutes",
        at_ten_minutes / MB
    );
    assert!(
        at_ten_minutes < at_two_minutes + 2 * MB,
        "grew from {} KB at 2 minutes to {} KB at 10",
        at_two_minutes / 1024,
        at_ten_minutes / 1024
    );
    assert!(sim.totals().records_created >= 590_000);

    // The estimates against the allocator: the whole simulation, and what
    // one clone adds at once.
    let estimate = sim.heap_estimate_bytes();
    assert!(
        estimate * 2 >= at_ten_minutes && estimate <= at_ten_minutes * 2,
        "heap estimate {estimate} B, counted {at_ten_minutes} B"
    );
    let before = live();
    let clone = sim.clone();
    let added = live() - before;
    let clone_estimate = sim.clone_estimate_bytes();
    assert!(
        clone_estimate * 2 >= added && clone_estimate <= added * 2,
        "clone estimate {clone_estimate} B, counted {added} B"
    );
    drop(clone);
    drop(sim);

    // With its timeline (up to 48 checkpoints): well under the browser's
    // budget (256 MB of wasm memory; about 110 MB natively at one hour).
    let base = live();
    PEAK.store(base, Ordering::Relaxed);
    let mut timeline = Timeline::new(stress_scenario()).unwrap();
    for s in 1..=600u64 {
        timeline.run_to(s * 1_000);
        let _ = timeline.take_events();
    }
    let peak = PEAK.load(Ordering::Relaxed) - base;
    assert!(
        peak < 160 * MB,
        "a timeline of 10 simulated minutes of the stress scene peaked at {} MB",
        peak / MB
    );
}
