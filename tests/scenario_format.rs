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

/// The web app's TOML reader (basic-toml, then the JSON reader): the same
/// model as the native reader for every lesson, syntax errors with their line
/// and column, model errors with the same words but no line.
#[test]
fn the_web_readers_toml_matches_the_native_one() {
    use kafkascope::scenario::lessons::LESSONS;
    use kafkascope::scenario::parse::parse_toml_via_json;
    for lesson in LESSONS {
        let native = Scenario::from_toml(lesson.toml).unwrap();
        let web = parse_toml_via_json(lesson.toml).unwrap();
        assert_eq!(native.file(), &web, "{}", lesson.id);
    }
    let web_err = |text: &str| parse_toml_via_json(text).unwrap_err().to_string();
    let e = web_err("version = 1\ntitle.en = \"t\"\n[cluster]\nbrokers = three\n");
    assert!(e.starts_with("TOML error at line 4, column 11:"), "{e}");
    let e = web_err(&format!("{BASE}[[steps]]\ndo = [{{ crash_brokr = 1 }}]\n"));
    assert!(
        e.starts_with("TOML error: unknown variant `crash_brokr`") && e.contains("expected one of"),
        "{e}"
    );
    let e = web_err(&format!("{BASE}[[steps]]\nexpectt = []\n"));
    assert!(e.contains("unknown field `expectt`"), "{e}");
    // A typo inside an action's table is refused by both (and in JSON).
    let typo =
        format!("{BASE}[[steps]]\ndo = [{{ produce = {{ producer = \"p\", kee = \"k\" }} }}]\n");
    assert!(Scenario::from_toml(&typo).is_err());
    assert!(
        web_err(&typo).contains("unknown field `kee`"),
        "{}",
        web_err(&typo)
    );
    let json = r#"{"version": 1, "title": {"en": "t"}, "topics": [{"name": "a"}], "producers": [{"name": "p", "topic": "a"}],
        "steps": [{"do": [{"produce": {"producer": "p", "kee": "k"}}]}]}"#;
    assert!(Scenario::from_json(json)
        .unwrap_err()
        .to_string()
        .contains("unknown field `kee`"));
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
        "topics[orders].replication_factor: INVALID_REPLICATION_FACTOR: Unable to replicate the partition 4 time(s): The target replication factor of 4 cannot be reached because only 3 broker(s) are registered."
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

/// The issue's 1 KB file: a 10,000 records/s producer and a one-hour wait
/// (over 60 CPU seconds before) is refused from the estimate, at once.
#[test]
fn an_expensive_file_is_refused_before_it_runs_and_says_how_far_over() {
    let text = format!(
        "{}[[steps]]\nwait = {{ until = {{ high_watermark = {{ partition = \"orders-0\", is = 0 }} }}, timeout_ms = 3600000 }}\n",
        BASE.replace("topic = \"orders\"\n[[groups]]", "topic = \"orders\"\nrecords_per_sec = 10000\n[[groups]]")
            .replace("replication_factor = 3", "replication_factor = 1")
    );
    let started = std::time::Instant::now();
    let e = err(&text);
    assert!(started.elapsed().as_secs_f64() < 1.0);
    assert!(
        e.starts_with("step 1: limit: by this step the run would take about 36")
            && e.contains("a run may take at most 5000000 (7.2")
            && e.contains("× over)"),
        "{e}"
    );
    // Memory: record copies (records/s × replication factor × time).
    let text = format!(
        "{}[[steps]]\ndo = [{{ advance_ms = 200000 }}]\n",
        BASE.replace(
            "topic = \"orders\"\n[[groups]]",
            "topic = \"orders\"\nrecords_per_sec = 5000\n[[groups]]"
        )
    );
    let e = err(&text);
    assert!(
        e.starts_with(
            "step 1: limit: by this step the cluster would hold about 3000000 record copies"
        ) && e.contains("at most 1000000 (3.00× over)"),
        "{e}"
    );
}

/// A file whose work the estimate misjudges (one-record batches, acks=all,
/// many requests a record) is stopped by the measured pace long before the
/// budget is spent, with the extrapolated total.
#[test]
fn the_runner_stops_a_run_whose_measured_pace_goes_over_the_budget() {
    use kafkascope::scenario::Budget;
    let text = format!(
        "{}[[steps]]\ndo = [{{ advance_ms = 300000 }}]\n",
        BASE.replace(
            "topic = \"orders\"\n[[groups]]",
            "topic = \"orders\"\nrecords_per_sec = 200\nbatch_size = 1\nlinger_ms = 0\nkeys = [\"a\", \"b\", \"c\"]\n[[groups]]"
        )
    );
    let scenario = Scenario::from_toml(&text).unwrap();
    // About 107,000 units of work in all; estimated at about 64,000.
    let budget = Budget { work: 80_000 };
    assert!(scenario.cost().work < 80_000.0, "the estimate fits");
    let (report, _, _) = scenario.execute_within(false, budget);
    let why = report.stopped.expect("stopped");
    assert!(
        why.starts_with("step 1: stopped at ") && why.contains("over its budget of 80000 ("),
        "{why}"
    );
    assert!(report.work < 80_000 / 2, "stopped early: {}", report.work);
    assert!(report.end_ms < 300_000);
}

/// Waits are work: each check of the condition counts, so a wait that
/// re-checks after every event is bounded too.
#[test]
fn wait_checks_count_as_work() {
    use kafkascope::scenario::Budget;
    let text = format!(
        "{}[[steps]]\nwait = {{ until = {{ records_lost = {{ is = 1 }} }}, timeout_ms = 60000 }}\n",
        BASE.replace(
            "topic = \"orders\"\n[[groups]]",
            "topic = \"orders\"\nrecords_per_sec = 50\n[[groups]]"
        )
    );
    let scenario = Scenario::from_toml(&text).unwrap();
    let report = scenario.run();
    let steps = scenario.final_state().unwrap().totals().steps;
    assert!(
        report.work > steps + 1_000,
        "work {} engine steps {steps}",
        report.work
    );
    let (report, _, _) = scenario.execute_within(false, Budget { work: steps });
    assert!(
        report.stopped.is_some(),
        "steps alone fit the budget; the checks do not"
    );
}

/// Input is quoted at most ~200 characters in every error: a 40 KB name
/// used to come back whole (a 42,363-character message).
#[test]
fn errors_quote_long_input_briefly() {
    use kafkascope::text::MAX_MESSAGE_CHARS;
    let long = "n".repeat(40_000);
    let cases = [
        BASE.replace("name = \"orders\"", &format!("name = \"{long}\"")),
        BASE.replace("name = \"p\"", &format!("name = \"{long}\"")),
        BASE.replace("group_id = \"g\"", &format!("group_id = \"{long}\"")),
        BASE.replace(
            "topic = \"orders\"\n[[groups]]",
            &format!("topic = \"{long}\"\n[[groups]]"),
        ),
        format!("{BASE}[[steps]]\ndo = [{{ {long} = 1 }}]\n"),
        format!("{BASE}[[steps]]\n{long} = 1\n"),
        format!(
            "{BASE}[[steps]]\nexpect = [{{ burrow = {{ group = \"g\", is = \"{long}\" }} }}]\n"
        ),
        format!(
            "{BASE}[[steps]]\nexpect = [{{ leader = {{ partition = \"{long}\", is = 1 }} }}]\n"
        ),
        format!("{BASE}[[topics]]\nname = \"x\"\ncleanup_policy = \"{long}\"\n"),
    ];
    for (i, text) in cases.iter().enumerate() {
        let e = err(text);
        assert!(
            e.chars().count() <= MAX_MESSAGE_CHARS,
            "{} characters: {}",
            e.chars().count(),
            &e[..e.len().min(300)]
        );
        // The first one renames the topic: the producer's topic is unknown.
        assert!(i == 0 || e.contains("(40000 characters)"), "{e}");
    }
    let json = format!("{{\"version\": 1, \"title\": {{\"en\": \"t\"}}, \"{long}\": 1}}");
    let e = Scenario::from_json(&json).unwrap_err().to_string();
    assert!(e.chars().count() < 600, "{e}");
}

/// The ranges table in docs/scenarios.md is the engine's own.
#[test]
fn documented_ranges_are_the_engines() {
    let docs =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/scenarios.md")).unwrap();
    let table = kafkascope::text::ranges_table();
    assert!(
        docs.contains(&table),
        "docs/scenarios.md lacks the current ranges table:\n{table}"
    );
}

/// Kafka's wording for Kafka's ranges, with the field that holds the value.
#[test]
fn settings_out_of_kafkas_range_are_refused_in_kafkas_words() {
    let e = err(&BASE.replace(
        "brokers = 3",
        "brokers = 3\nbroker_session_timeout_ms = 2147483648",
    ));
    assert_eq!(
        e,
        "cluster.broker_session_timeout_ms: INVALID_CONFIG: Invalid value 2147483648 for configuration broker.session.timeout.ms: Not a number of type INT"
    );
    // JSON holds the u64 that crashed the engine (an overflow in failure.rs).
    let json = r#"{"version": 1, "title": {"en": "t"}, "cluster": {"broker_session_timeout_ms": 18446744073709551615}}"#;
    assert_eq!(
        Scenario::from_json(json).unwrap_err().to_string(),
        "cluster.broker_session_timeout_ms: INVALID_CONFIG: Invalid value 18446744073709551615 for configuration broker.session.timeout.ms: Not a number of type INT"
    );
    let e = err(&BASE.replace(
        "topic = \"orders\"\n[[groups]]",
        "topic = \"orders\"\nmax_in_flight = 0\n[[groups]]",
    ));
    assert_eq!(
        e,
        "producers[p]: INVALID_CONFIG: Invalid value 0 for configuration max.in.flight.requests.per.connection: Value must be at least 1"
    );
    let e = err(&BASE.replace("partitions = 2", "partitions = 2\nretention_ms = -2"));
    assert_eq!(
        e,
        "topics[orders].retention_ms: INVALID_CONFIG: Invalid value -2 for configuration retention.ms: Value must be at least -1"
    );
    let e = err(&BASE.replace("brokers = 3", "brokers = 3\nreplica_lag_time_max_ms = 100"));
    assert!(e.starts_with("cluster.replica_lag_time_max_ms: INVALID_CONFIG: requirement failed: replica.fetch.wait.max.ms should always be less than or equal to replica.lag.time.max.ms"), "{e}");
}

/// `view` and `focus` on a step: each focus names one thing that exists by
/// then; the plan carries them, members named as the picture names them.
#[test]
fn steps_point_at_things_and_choose_a_view() {
    use kafkascope::scenario::focus::FocusTarget;
    use kafkascope::scenario::model::{MarkerSpec, ViewSpec};
    let ok = format!(
        "{BASE}[[steps]]\nview = \"brokers\"\nfocus = [{{ topic = \"orders\", partition = 1 }}, {{ topic = \"orders\", partition = 0, broker = 2 }}, {{ group = \"g\", member = 1 }}, {{ marker = \"committed\", topic = \"orders\", partition = 0, group = \"g\" }}, {{ marker = \"hw\", topic = \"orders\", partition = 1 }}, {{ producer = \"p\" }}, {{ topic = \"orders\", partition = 0, offset = 3 }}]\ndo = [{{ advance_ms = 10 }}]\n"
    );
    let plan = Scenario::from_toml(&ok).unwrap().plan();
    let m = &plan.markers[0];
    assert_eq!(m.view, Some(ViewSpec::Brokers));
    assert_eq!(m.focus.len(), 7);
    assert!(
        matches!(&m.focus[2], FocusTarget::Member { group, member } if group == "g" && member.starts_with("consumer-"))
    );
    assert!(matches!(
        &m.focus[3],
        FocusTarget::Marker { kind: MarkerSpec::Committed, group: Some(g), .. } if g == "g"
    ));
    for (focus, words) in [
        ("{ topic = \"orders\" }", "a focus names one thing"),
        (
            "{ producer = \"p\", broker = 1 }",
            "a focus names one thing",
        ),
        (
            "{ topic = \"orders\", partition = 5 }",
            "UNKNOWN_TOPIC_OR_PARTITION",
        ),
        ("{ broker = 9 }", "broker 9 of 3"),
        ("{ group = \"g\", member = 4 }", "member 4 of group"),
        (
            "{ marker = \"committed\", topic = \"orders\", partition = 0 }",
            "names its group",
        ),
        (
            "{ marker = \"hw\", topic = \"orders\", partition = 0, group = \"g\" }",
            "only a committed marker",
        ),
        ("{ brokr = 1 }", "unknown field `brokr`"),
    ] {
        let e = err(&format!("{BASE}[[steps]]\nfocus = [{focus}]\n"));
        assert!(e.contains(words), "{focus}: {e}");
    }
    let many = vec!["{ broker = 1 }"; 17].join(", ");
    let e = err(&format!("{BASE}[[steps]]\nfocus = [{many}]\n"));
    assert!(e.contains("limit") && e.contains("16"), "{e}");
    let e = err(&format!("{BASE}[[steps]]\nview = \"side\"\n"));
    assert!(e.contains("unknown variant `side`"), "{e}");
}
