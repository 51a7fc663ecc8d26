//! Scenario reading in WebAssembly (headless Chromium, wasm-bindgen-test):
//! the lessons come from the JSON `build.rs` compiled, and TOML goes through
//! the web app's reader (basic-toml, then the JSON reader), which natively
//! is only tested, never used.
#![cfg(target_arch = "wasm32")]

use kafkascope::scenario::lessons::LESSONS;
use kafkascope::scenario::{Scenario, ScenarioError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const FILE: &str = r#"
version = 1
seed = 7
title = { en = "Three records", ko = "레코드 세 개" }
[[topics]]
name = "orders"
partitions = 2
[[producers]]
name = "p"
topic = "orders"
[[steps]]
say.en = """
Three records.
"""
do = [{ produce = { producer = "p", key = "k", value = "v", times = 3 } }, { advance_ms = 2000 }]
expect = [{ high_watermark = { partition = "orders-1", is = { at_least = 0 } } }]
"#;

#[wasm_bindgen_test]
fn every_lesson_reads_from_its_compiled_json() {
    assert_eq!(LESSONS.len(), 14);
    for lesson in LESSONS {
        let scenario = lesson
            .scenario()
            .unwrap_or_else(|e| panic!("{}: {e}", lesson.id));
        assert!(!scenario.file().steps.is_empty(), "{}", lesson.id);
        assert!(scenario.file().title.ko.is_some(), "{}", lesson.id);
    }
}

#[wasm_bindgen_test]
fn toml_reads_and_runs_in_the_browser() {
    let scenario = Scenario::from_toml(FILE).unwrap();
    assert_eq!(scenario.file().seed, 7);
    assert_eq!(scenario.file().title.ko.as_deref(), Some("레코드 세 개"));
    assert_eq!(
        scenario.file().steps[0].say.as_ref().unwrap().en,
        "Three records.\n"
    );
    assert!(scenario.run().passed());
}

#[wasm_bindgen_test]
fn toml_errors_in_the_browser_say_what_and_where_they_can() {
    let e = Scenario::from_toml("version = 1\ntitle.en = \"t\"\n[cluster]\nbrokers = three\n")
        .unwrap_err();
    assert!(
        matches!(
            e,
            ScenarioError::Syntax {
                line: Some(4),
                column: Some(11),
                ..
            }
        ),
        "{e}"
    );
    let e = Scenario::from_toml(&FILE.replace("[[steps]]", "[[steps]]\nexpectt = []"))
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("TOML error: unknown field `expectt`"), "{e}");
}
