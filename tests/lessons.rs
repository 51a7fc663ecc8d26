//! Every built-in lesson parses, runs, and every expectation holds; the
//! lessons together cover every row of PRODUCT.md's concept table; and a
//! lesson's plan replayed in a `Timeline` reaches the runner's state.

#![cfg(not(target_arch = "wasm32"))]

use kafkascope::scenario::lessons::{coverage, LESSONS};
use kafkascope::scenario::model::Concept;
use kafkascope::timeline::Timeline;

#[test]
fn every_lesson_passes() {
    let mut failures = Vec::new();
    for lesson in LESSONS {
        let scenario = lesson
            .scenario()
            .unwrap_or_else(|e| panic!("lessons/{}.toml: {e}", lesson.id));
        let report = scenario.run();
        println!(
            "lessons/{}.toml: {} steps, {} checks, {} ms simulated",
            lesson.id,
            report.steps.len(),
            report.checked(),
            report.end_ms
        );
        if !report.passed() {
            failures.push(format!(
                "lessons/{}.toml:\n{}",
                lesson.id,
                report.render(false)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_lesson_is_narrated_in_english_and_korean_with_expectations() {
    for lesson in LESSONS {
        let s = lesson.scenario().unwrap();
        let file = s.file();
        assert!(file.title.ko.is_some(), "{}: title.ko", lesson.id);
        assert!(
            file.summary.as_ref().is_some_and(|s| s.ko.is_some()),
            "{}: summary",
            lesson.id
        );
        assert!(!file.concepts.is_empty(), "{}: concepts", lesson.id);
        for (i, step) in file.steps.iter().enumerate() {
            let say = step
                .say
                .as_ref()
                .unwrap_or_else(|| panic!("{} step {}: say", lesson.id, i + 1));
            assert!(
                say.ko.as_ref().is_some_and(|k| !k.trim().is_empty()),
                "{} step {}: say.ko",
                lesson.id,
                i + 1
            );
        }
        let checks: usize = file
            .steps
            .iter()
            .map(|s| s.expect.len() + usize::from(s.wait.is_some()))
            .sum();
        assert!(checks >= 3, "{}: only {checks} expectations", lesson.id);
    }
}

#[test]
fn lessons_cover_every_concept_row() {
    let missing: Vec<Concept> = coverage()
        .into_iter()
        .filter(|(_, ids)| ids.is_empty())
        .map(|(c, _)| c)
        .collect();
    assert!(missing.is_empty(), "concepts no lesson covers: {missing:?}");
}

#[test]
fn a_lesson_plan_replays_in_a_timeline_to_the_same_state() {
    for lesson in LESSONS {
        let scenario = lesson.scenario().unwrap();
        let plan = scenario.plan();
        let mut timeline = Timeline::new(plan.config.clone()).unwrap();
        for (at, command) in &plan.commands {
            timeline.run_to(*at);
            timeline.apply(command.clone()).unwrap();
        }
        timeline.run_to(plan.end_ms);
        let expected = scenario.final_state().unwrap();
        assert_eq!(
            timeline.sim().to_string(),
            expected.to_string(),
            "{}: timeline replay differs",
            lesson.id
        );
        assert_eq!(timeline.sim().totals(), expected.totals(), "{}", lesson.id);
        // Every marker lies within the plan, in order.
        let mut last = 0;
        for m in &plan.markers {
            assert!(m.at_ms >= last && m.end_ms >= m.at_ms && m.end_ms <= plan.end_ms);
            last = m.at_ms;
        }
    }
}

#[test]
fn running_twice_gives_the_same_report() {
    for lesson in LESSONS {
        let s = lesson.scenario().unwrap();
        assert_eq!(s.execute(), s.execute(), "{}", lesson.id);
    }
}
