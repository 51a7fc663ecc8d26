//! The scenario format: the committed JSON Schema is up to date, and bad
//! files get messages that name the place (line and column, or step and
//! field) and say what was expected.

#![cfg(not(target_arch = "wasm32"))]

use kafkascope::scenario::{schema::json_schema, Scenario, ScenarioError};

const SCHEMA_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/scenario.schema.json");

/// `UPDATE_SCHEMA=1 cargo test --test scenario_format` rewrites the file.
#[test]
fn committed_schema_is_up_to_date() {
    let schema = json_schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(SCHEMA_PATH, &schema).unwrap();
    }
    let committed = std::fs::read_to_string(SCHEMA_PATH).unwrap_or_default();
    assert!(
        committed == schema,
        "docs/scenario.schema.json is out of date: run `UPDATE_SCHEMA=1 cargo test --no-default-features --test scenario_format` \
         (or `cargo run --bin kafkascope -- schema > docs/scenario.schema.json`)"
    );
}

const BASE: &str = r#"
version = 1
title.en = "t"
[cluster]
brokers = 3
[[topics]]
name = "orders"
partitions = 2
replication_factor = 3
[[producers]]
name = "p"
topic = "orders"
[[groups]]
group_id = "g"
topic = "orders"
"#;

fn err(text: &str) -> String {
    match Scenario::from_toml(text) {
        Ok(_) => panic!("accepted:\n{text}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn toml_syntax_errors_name_line_and_column() {
    let e = err("version = 1\ntitle.en = \"t\"\n[cluster]\nbrokers = three\n");
    assert!(e.starts_with("TOML error at line 4, column 11:"), "{e}");
    let e = err(&format!("{BASE}[[steps]]\ndo = [{{ crash_brokr = 1 }}]\n"));
    assert!(
        e.contains("line 17")
            && e.contains("unknown variant `crash_brokr`")
            && e.contains("expected one of"),
        "{e}"
    );
    let e = err(&format!("{BASE}[[steps]]\nexpectt = []\n"));
    assert!(
        e.contains("unknown field `expectt`") && e.contains("line 17"),
        "{e}"
    );
}

#[test]
fn json_is_accepted_and_its_errors_name_line_and_column() {
    let ok = r#"{"version": 1, "title": {"en": "t"}, "topics": [{"name": "a"}]}"#;
    assert!(Scenario::from_json(ok).is_ok());
    let e = Scenario::from_json("{\"version\": 1,\n \"title\": {\"en\": 5}}").unwrap_err();
    assert!(
        matches!(e, ScenarioError::Syntax { line: Some(2), .. }),
        "{e}"
    );
    assert!(
        e.to_string().starts_with("JSON error at line 2, column"),
        "{e}"
    );
    assert!(e.to_string().contains("expected a string"), "{e}");
}

#[test]
fn semantic_errors_name_the_step_and_field() {
    let e = err(&BASE.replace("replication_factor = 3", "replication_factor = 4"));
    assert_eq!(
        e,
        "topics[orders].replication_factor: INVALID_REPLICATION_FACTOR: The target replication factor of 4 cannot be reached because only 3 broker(s) are registered."
    );
    let e = err(&format!(
        "{BASE}[[steps]]\ndo = [{{ advance_ms = 10 }}, {{ crash_broker = 9 }}]\n"
    ));
    assert_eq!(
        e,
        "step 1, action 2 (crash_broker): broker 9 of 3: brokers are numbered 1 to 3"
    );
    let e = err(&format!(
        "{BASE}[[steps]]\n[[steps]]\nexpect = [{{ lag = {{ group = \"nope\", is = 0 }} }}]\n"
    ));
    assert!(
        e.starts_with("step 2, expect 1 (lag).group: no group nope at this step"),
        "{e}"
    );
    let e = err(&format!(
        "{BASE}[[steps]]\nexpect = [{{ leader = {{ partition = \"payments-0\", is = 1 }} }}]\n"
    ));
    assert!(
        e.starts_with(
            "step 1, expect 1 (leader).partition: UNKNOWN_TOPIC_OR_PARTITION: no topic payments"
        ),
        "{e}"
    );
    let e = err(&format!("{BASE}[[steps]]\nexpect = [{{ high_watermark = {{ partition = \"orders-2\", is = 1 }} }}]\n"));
    assert!(e.contains("orders has partitions 0 to 1"), "{e}");
    // A member added by an earlier step exists; one more does not.
    let ok = format!("{BASE}[[steps]]\ndo = [{{ add_member = {{ group = \"g\" }} }}]\n[[steps]]\ndo = [{{ crash_member = {{ group = \"g\", member = 2 }} }}]\n");
    assert!(Scenario::from_toml(&ok).is_ok());
    let e = err(&ok.replace("member = 2", "member = 3"));
    assert!(e.contains("member 3 of group g"), "{e}");
    let e = err("version = 2\ntitle.en = \"t\"\n");
    assert!(e.starts_with("version: this is format version 2"), "{e}");
}

#[test]
fn limits_have_clear_messages() {
    let big = format!("{BASE}# {}\n", "x".repeat(300 * 1024));
    assert!(err(&big).starts_with("file: limit: the file has"));
    let many = format!("{BASE}{}", "[[steps]]\n".repeat(201));
    assert_eq!(
        err(&many),
        "steps: limit: 201 steps; a scenario may have at most 200"
    );
    let long = format!("{BASE}[[steps]]\ndo = [{{ advance_ms = 3600001 }}]\n");
    assert!(err(&long).contains("at most 3600000 ms (one hour)"));
    let text = format!("{BASE}[[steps]]\nsay.en = \"{}\"\n", "a".repeat(9000));
    assert!(err(&text).starts_with("step 1, say.en: limit: the text has 9000 bytes"));
    let brokers = BASE.replace("brokers = 3", "brokers = 40");
    assert!(err(&brokers).starts_with("cluster.brokers: limit: 40 brokers"));
    let times =
        format!("{BASE}[[steps]]\ndo = [{{ produce = {{ producer = \"p\", times = 5000 }} }}]\n");
    assert!(err(&times).contains("times: limit: 5000"));
}

#[test]
fn failed_expectations_say_what_was_expected_and_found() {
    let text = format!(
        "{BASE}[[steps]]\ndo = [{{ produce = {{ producer = \"p\", key = \"k\", times = 2 }} }}, {{ advance_ms = 3000 }}]\n\
         expect = [{{ log_end_offset = {{ partition = \"orders-1\", is = 5 }} }}]\n\
         [[steps]]\ndo = [{{ add_partitions = {{ topic = \"orders\", total = 1 }} }}]\nexpect_refusal = \"INVALID_PARTITIONS\"\n\
         [[steps]]\nwait = {{ until = {{ isr_size = {{ partition = \"orders-0\", is = 1 }} }}, timeout_ms = 2000 }}\n"
    );
    let report = Scenario::from_toml(&text).unwrap().run();
    assert!(!report.passed());
    let rendered = report.render(false);
    let partition = kafkascope::engine::partition_for_key(b"k", 2);
    if partition == 1 {
        assert!(
            rendered.contains("LEO of orders-1 (leader) is 5") && rendered.contains("found: 2"),
            "{rendered}"
        );
    }
    assert!(report.steps[1].passed(), "{rendered}");
    assert!(
        rendered.contains("within 2000 ms: ISR of orders-0 has 1 replica(s)"),
        "{rendered}"
    );
    assert!(rendered.contains("(timed out)"), "{rendered}");
}
