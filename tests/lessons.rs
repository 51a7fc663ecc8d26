//! Every built-in lesson parses, runs, and every expectation holds; the
//! lessons together cover every row of PRODUCT.md's concept table; and a
//! lesson's plan replayed in a `Timeline` reaches the runner's state.

#![cfg(not(target_arch = "wasm32"))]

use kafkascope::scenario::lessons::{coverage, LESSONS};
use kafkascope::scenario::model::Concept;
use kafkascope::scenario::Scenario;
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

/// The app reads each lesson from the JSON that `build.rs` makes; it must be
/// the same scenario as the TOML file the author wrote, and that file must
/// have every lesson in it (no TOML file left out of the build).
#[test]
fn every_lesson_reads_the_same_from_its_toml_and_its_compiled_json() {
    for lesson in LESSONS {
        let from_toml = Scenario::from_toml(lesson.toml)
            .unwrap_or_else(|e| panic!("lessons/{}.toml: {e}", lesson.id));
        let from_json = Scenario::from_json(lesson.json)
            .unwrap_or_else(|e| panic!("lessons/{}.toml as JSON: {e}", lesson.id));
        assert_eq!(from_toml, from_json, "lessons/{}.toml", lesson.id);
        assert_eq!(lesson.scenario().unwrap(), from_toml, "{}", lesson.id);
        assert!(
            !lesson.json.contains('\n'),
            "{}: the compiled form is minified",
            lesson.id
        );
    }
    let mut files: Vec<String> = std::fs::read_dir("lessons")
        .unwrap()
        .filter_map(|e| {
            let path = e.unwrap().path();
            (path.extension()? == "toml")
                .then(|| path.file_stem().unwrap().to_string_lossy().into_owned())
        })
        .collect();
    files.sort();
    let mut ids: Vec<String> = LESSONS.iter().map(|l| l.id.to_string()).collect();
    ids.sort();
    assert_eq!(
        files, ids,
        "every lessons/*.toml is listed in src/scenario/lessons.rs"
    );
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
