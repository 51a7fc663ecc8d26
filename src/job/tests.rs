//! Tests of budgeted jobs: progress, cancel, early refusals, words.

use super::*;
use crate::engine::scenarios::{default_scenario, stress_scenario};
use crate::engine::BrokerId;

fn full_state(t: &Timeline) -> String {
    let mut sim = t.sim().clone();
    let _ = sim.take_events();
    format!("{sim:?}")
}

#[test]
fn a_seek_runs_in_slices_with_progress_and_a_cancel_goes_back() {
    let mut t = Timeline::new(default_scenario()).unwrap();
    t.run_to(5_000);
    let before = full_state(&t);
    let mut job = Job::seek(&mut t, Goal::Time(600_000), 10);
    let mut last = 0.0;
    for _ in 0..3 {
        match job.run(&mut t, 2_000) {
            Status::Working(f) => {
                assert!(f >= last && f < 1.0, "{f} after {last}");
                last = f;
            }
            other => panic!("{other:?}"),
        }
    }
    assert!(last > 0.0);
    assert!(t.now_ms() > 5_000);
    job.cancel(&mut t);
    assert_eq!(full_state(&t), before);
    assert_eq!(t.now_ms(), 5_000);
}

#[test]
fn a_seek_back_then_cancelled_returns_to_the_end() {
    let mut t = Timeline::new(default_scenario()).unwrap();
    t.run_to(100_000);
    let end = full_state(&t);
    let mut job = Job::seek(&mut t, Goal::Time(55_555), 10);
    let _ = job.run(&mut t, 10);
    job.cancel(&mut t);
    assert_eq!(full_state(&t), end);
    // And done, it is where a plain seek goes.
    let job = Job::seek(&mut t, Goal::Time(55_555), 10);
    let kept = job.finish(&mut t).unwrap();
    assert!(kept.len() <= 10);
    let mut plain = Timeline::new(default_scenario()).unwrap();
    plain.run_to(55_555);
    assert_eq!(full_state(&t), full_state(&plain));
}

#[test]
fn a_far_seek_in_a_heavy_scene_is_refused_from_what_the_history_cost() {
    let mut t = Timeline::new(stress_scenario()).unwrap();
    t.run_to(2_000);
    let mut job = Job::seek(&mut t, Goal::Time(86_400_000), 10);
    // Refused on the first slice: the history so far gives the rate.
    match job.run(&mut t, 1_000) {
        Status::Refused(why) => {
            let why = why.to_string();
            assert!(why.starts_with("this seek needs about"), "{why}");
            assert!(why.contains("choose a nearer moment"), "{why}");
        }
        other => panic!("{other:?}"),
    }
    job.cancel(&mut t);
    assert_eq!(t.now_ms(), 2_000);
}

#[test]
fn a_job_never_runs_past_its_budget() {
    // A history whose rate jumps after the estimate was made: the hard
    // limit still holds.
    let mut t = Timeline::new(default_scenario()).unwrap();
    let mut job = Job::seek(&mut t, Goal::Time(86_400_000), 0);
    job.spent = MAX_WORK_STEPS + 1;
    match job.run(&mut t, 1) {
        Status::Refused(why) => {
            let why = why.to_string();
            assert!(why.contains("needs more than 8.0 million"), "{why}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_lesson_build_skips_what_the_engine_refuses() {
    let commands = vec![
        (1_000, Command::StartBroker(BrokerId(1))), // running already: refused
        (2_000, Command::CrashBroker(BrokerId(2))),
    ];
    let job = Job::build(
        Purpose::Lesson,
        default_scenario(),
        commands.clone(),
        10_000,
        Goal::Time(4_000),
        false,
        10,
    )
    .unwrap();
    let mut current = Timeline::new(default_scenario()).unwrap();
    job.finish(&mut current).unwrap();
    assert_eq!(current.now_ms(), 4_000);
    assert_eq!(current.horizon_ms(), 10_000);
    assert_eq!(current.commands().len(), 1);
    // A link is strict: the same refusal fails it, naming the command.
    let job = Job::build(
        Purpose::Link,
        default_scenario(),
        commands,
        10_000,
        Goal::Time(4_000),
        true,
        10,
    )
    .unwrap();
    let mut current = Timeline::new(default_scenario()).unwrap();
    let err = job.finish(&mut current).unwrap_err().to_string();
    assert!(err.starts_with("the link's command 1 is refused"), "{err}");
    assert_eq!(current.now_ms(), 0, "the scene before stays");
}
