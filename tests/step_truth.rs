//! Step truth: every built-in lesson played through the same code the page
//! uses (`kafkascope::lesson` and the `Player`), natively. At each step the
//! player must stand at the step's exact moment (after its own actions and
//! wait, before any of the next step's), whichever way it got there:
//! opened there directly (a link with `step=N`), played there with Next
//! (frame by frame, as the page plays it), or gone back there with Back.
//! There the engine must be the runner's engine at that moment, the
//! snapshot (the read models a host page gets) the same, and the step's
//! wait condition and expectations must hold on the player's engine.

#![cfg(not(target_arch = "wasm32"))]
// Steps are numbered: the index is the step, read from several lists.
#![allow(clippy::needless_range_loop)]

use kafkascope::engine::Sim;
use kafkascope::lesson::{next, open_job, step_start, NextMove};
use kafkascope::player::Player;
use kafkascope::scenario::lessons::LESSONS;
use kafkascope::scenario::{Scenario, StepTruth};
use kafkascope::snapshot::Snapshot;

/// Most frames one step's motion may take (about 4 s at 60 frames a second,
/// plus the frames a heavy scene falls behind by).
const MAX_FRAMES: usize = 2_000;

/// Checks the player's engine against the runner's at step `i`.
fn check_here(id: &str, how: &str, scenario: &Scenario, truth: &StepTruth, i: usize, sim: &Sim) {
    let step = &scenario.file().steps[i];
    let at = format!("lessons/{id}.toml step {} ({how})", i + 1);
    assert_eq!(
        sim.to_string(),
        truth.sim.to_string(),
        "{at}: engine differs"
    );
    assert_eq!(sim.totals(), truth.sim.totals(), "{at}: totals differ");
    assert_eq!(
        Snapshot::of(sim, Some(i + 1)),
        Snapshot::of(&truth.sim, Some(i + 1)),
        "{at}: snapshot differs"
    );
    for o in truth.check(step, sim) {
        assert!(o.ok, "{at}: expected {}, found {}", o.expected, o.found);
    }
}

fn player_at(plan: &kafkascope::scenario::Plan, step: usize) -> Player {
    let mut player = Player::new(plan.config.clone()).unwrap();
    let job = open_job(plan, step).unwrap();
    player.start(job);
    player.finish_work();
    player
}

#[test]
fn every_step_of_every_lesson_shows_its_own_moment() {
    for lesson in LESSONS {
        let scenario = lesson.scenario().unwrap();
        step_truth(lesson.id, &scenario);
    }
}

/// The example an author's blog post embeds (`static/my-lesson.toml`, also
/// what the Playwright test opens with `?src=`) is as true as the built-in
/// ones, and its snapshots are the ones the browser test expects.
#[test]
fn the_example_authors_lesson_is_true_too() {
    let text = std::fs::read_to_string("static/my-lesson.toml").unwrap();
    let scenario = Scenario::from_toml(&text).unwrap();
    assert!(scenario.run().passed());
    step_truth("../static/my-lesson", &scenario);
    let plan = scenario.plan();
    let seen: Vec<String> = scenario
        .step_truths()
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let s = Snapshot::of(&t.sim, Some(i + 1));
            let p = &s.partitions[0];
            format!(
                "{} {} {:?} {:?} {} {}",
                s.step.unwrap(),
                s.t,
                p.leader,
                p.isr,
                p.hw,
                p.leo
            )
        })
        .collect();
    // tests/e2e/author-lesson.spec.mjs expects these.
    assert_eq!(
        seen,
        [
            "1 1000 Some(1) [1, 2, 3] 3 3",
            "2 10000 Some(1) [1, 2] 3 3",
            "3 11000 Some(1) [1, 2] 5 5",
            "4 11250 Some(1) [1, 2, 3] 5 5",
        ]
    );
    assert_eq!(
        plan.markers[1].view,
        Some(kafkascope::scenario::model::ViewSpec::Brokers)
    );
}

/// Opened at each step, Next through every step, Back to the first.
fn step_truth(id: &str, scenario: &Scenario) {
    {
        let plan = scenario.plan();
        let truths = scenario.step_truths();
        let n = scenario.file().steps.len();
        assert_eq!(truths.len(), n, "{}: every step runs", id);
        assert_eq!(plan.markers.len(), n, "{}", id);

        // Opened at the first step, then Next through every step, frame by
        // frame as the page plays them.
        let mut player = player_at(&plan, 0);
        assert_eq!(player.timeline().position(), plan.markers[0].moment);
        check_here(id, "opened", scenario, &truths[0], 0, player.sim());
        for i in 1..n {
            assert_eq!(
                player.timeline().position(),
                step_start(&plan.markers, i),
                "{}: step {} starts where step {} was shown",
                id,
                i + 1,
                i
            );
            let played = next(&mut player, &plan.markers, i);
            assert!(
                matches!(played, NextMove::Plays(_)),
                "{} step {}: Next plays",
                id,
                i + 1
            );
            let mut frames = 0;
            while player.motion().is_some() {
                assert!(frames < MAX_FRAMES, "{} step {}: motion ends", id, i + 1);
                player.tick(16.0);
                frames += 1;
            }
            assert_eq!(
                player.timeline().position(),
                plan.markers[i].moment,
                "{} step {}: Next stops at the step's moment",
                id,
                i + 1
            );
            check_here(id, "Next", scenario, &truths[i], i, player.sim());
        }

        // Back, one step at a time, to the first.
        for i in (0..n.saturating_sub(1)).rev() {
            player.seek_exact(plan.markers[i].moment);
            player.finish_work();
            assert_eq!(player.timeline().position(), plan.markers[i].moment);
            check_here(id, "Back", scenario, &truths[i], i, player.sim());
        }

        // Opened directly at each later step (a link with step=N).
        for i in 1..n {
            let player = player_at(&plan, i);
            assert_eq!(
                player.timeline().position(),
                plan.markers[i].moment,
                "{} step {}: opened at its moment",
                id,
                i + 1
            );
            check_here(id, "opened", scenario, &truths[i], i, player.sim());
        }
        println!("lessons/{}.toml: {n} steps true", id);
    }
}

#[test]
fn a_step_does_not_show_the_next_steps_action() {
    // The moment lies before the next step's commands even when they are
    // given at the same millisecond.
    for lesson in LESSONS {
        let plan = lesson.scenario().unwrap().plan();
        for w in plan.markers.windows(2) {
            let (this, next) = (&w[0], &w[1]);
            let given_by_then = plan
                .commands
                .iter()
                .take(this.moment.applied)
                .all(|(at, _)| *at <= this.moment.t_ms);
            assert!(given_by_then, "{} step {}", lesson.id, this.step);
            assert!(this.moment.applied <= next.moment.applied);
            assert!(this.moment.t_ms <= next.moment.t_ms);
            assert_eq!(this.end_ms, this.moment.t_ms);
        }
    }
}
