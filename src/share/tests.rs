//! Tests of share links: exact round trips, old links, damaged links, and
//! the work budget.

use std::io::Write;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use flate2::write::DeflateEncoder;
use flate2::Compression as Level;

use super::*;
use crate::engine::{BrokerId, ProducerId};
use crate::job::Status;

/// The whole engine state, pending events aside.
fn state(t: &Timeline) -> String {
    let mut sim = t.sim().clone();
    let _ = sim.take_events();
    format!("{sim:?}")
}

fn round_trip(t: &Timeline) -> Timeline {
    SharedState::decode(&SharedState::of(t).encode())
        .unwrap()
        .restore()
        .unwrap()
}

fn packed(json: &[u8]) -> String {
    let mut deflate = DeflateEncoder::new(Vec::new(), Level::best());
    deflate.write_all(json).unwrap();
    URL_SAFE_NO_PAD.encode(deflate.finish().unwrap())
}

#[test]
fn a_link_rebuilds_the_same_state() {
    let mut t = Timeline::new(scenarios::default_scenario()).unwrap();
    t.run_to(4_000);
    t.apply(Command::CrashBroker(BrokerId(2))).unwrap();
    t.run_to(9_000);
    t.apply(Command::StartBroker(BrokerId(2))).unwrap();
    t.run_to(15_500);
    let _ = t.take_events();
    // Inside a millisecond, after stepping event by event.
    t.step_forward(60_000, u64::MAX);
    t.step_forward(60_000, u64::MAX);
    let state_now = SharedState::of(&t);
    assert_eq!(state_now.v, SHARE_VERSION);
    assert_eq!(state_now.scenario.as_deref(), Some("default"));
    let link = state_now.encode();
    assert!(
        link.len() < 400,
        "short enough to share: {} chars",
        link.len()
    );
    let back = SharedState::decode(&link).unwrap();
    assert_eq!(back, state_now);
    let rebuilt = back.restore().unwrap();
    assert_eq!(state(&rebuilt), state(&t));
    assert_eq!(rebuilt.position(), t.position());
    assert_eq!(rebuilt.commands(), t.commands());
}

#[test]
fn an_inline_config_travels_too() {
    let mut config = scenarios::default_scenario();
    config.seed = 7;
    let mut t = Timeline::new(config).unwrap();
    t.run_to(3_000);
    let shared = SharedState::of(&t);
    assert!(shared.scenario.is_none() && shared.config.is_some());
    assert_eq!(state(&round_trip(&t)), state(&t));
}

#[test]
fn a_config_changing_command_restores_from_the_initial_config() {
    let mut t = Timeline::new(scenarios::default_scenario()).unwrap();
    t.run_to(2_000);
    t.apply(Command::SetRetentionCheckInterval { interval_ms: 5_000 })
        .unwrap();
    t.run_to(21_000);
    let shared = SharedState::of(&t);
    // The scene is still the built-in one at time 0.
    assert_eq!(shared.scenario.as_deref(), Some("default"));
    assert_eq!(state(&round_trip(&t)), state(&t));
}

#[test]
fn a_record_produced_by_hand_keeps_its_time() {
    let mut t = Timeline::new(scenarios::default_scenario()).unwrap();
    t.run_to(30_116);
    t.apply(Command::Produce {
        producer: ProducerId(0),
        key: Some("k".into()),
        value: "by hand".into(),
    })
    .unwrap();
    let rebuilt = round_trip(&t);
    assert_eq!(state(&rebuilt), state(&t));
    assert!(state(&rebuilt).contains("timestamp_ms: 30116"));
    // Mid-millisecond: after stepping, then a command, then more steps.
    let mut t = Timeline::new(scenarios::default_scenario()).unwrap();
    t.run_to(7_000);
    for _ in 0..3 {
        t.step_forward(60_000, u64::MAX);
    }
    t.apply(Command::Produce {
        producer: ProducerId(0),
        key: None,
        value: "mid".into(),
    })
    .unwrap();
    t.step_forward(60_000, u64::MAX);
    assert_eq!(state(&round_trip(&t)), state(&t));
}

#[test]
fn a_link_before_a_recorded_command_stays_before_it() {
    let mut t = Timeline::new(scenarios::default_scenario()).unwrap();
    t.run_to(5_000);
    t.apply(Command::CrashBroker(BrokerId(3))).unwrap();
    t.run_to(12_000);
    // Back to just before the crash: the crash is the recorded future.
    t.step_back(10, u64::MAX).unwrap();
    while t.applied() == 1 {
        t.step_back(10, u64::MAX).unwrap();
    }
    let rebuilt = round_trip(&t);
    assert_eq!(rebuilt.position(), t.position());
    assert_eq!(state(&rebuilt), state(&t));
    assert_eq!(rebuilt.commands().len(), 1, "the future travels too");
}

#[test]
fn version_1_links_still_open() {
    // As version 1 wrote them: live config by name, `t`, `steps`, no `applied`.
    let mut t = Timeline::new(scenarios::default_scenario()).unwrap();
    t.run_to(3_000);
    t.apply(Command::CrashBroker(BrokerId(1))).unwrap();
    t.run_to(8_000);
    let json = format!(
        r#"{{"v":1,"scenario":"default","commands":[[3000,{{"CrashBroker":1}}]],"t":8000,"steps":{}}}"#,
        t.sim().totals().steps
    );
    let old = SharedState::decode(&packed(json.as_bytes())).unwrap();
    assert_eq!(old.v, 1);
    assert_eq!(state(&old.restore().unwrap()), state(&t));
    // And without steps: the time only.
    let old = SharedState::decode(&packed(br#"{"v":1,"scenario":"default","t":8000}"#)).unwrap();
    let mut plain = Timeline::new(scenarios::default_scenario()).unwrap();
    plain.run_to(8_000);
    assert_eq!(state(&old.restore().unwrap()), state(&plain));
}

#[test]
fn broken_links_say_what_is_wrong() {
    assert!(SharedState::decode("%%%")
        .unwrap_err()
        .to_string()
        .contains("not base64url"));
    assert!(SharedState::decode("AAAA")
        .unwrap_err()
        .to_string()
        .contains("damaged"));
    let too_long = "A".repeat(MAX_LINK_CHARS + 1);
    assert!(SharedState::decode(&too_long)
        .unwrap_err()
        .to_string()
        .contains("too long"));
    let mut shared = SharedState::of(&Timeline::new(scenarios::default_scenario()).unwrap());
    shared.scenario = Some("nope".into());
    let err = SharedState::decode(&shared.encode())
        .unwrap()
        .restore()
        .unwrap_err()
        .to_string();
    assert!(err.contains("\"nope\""), "{err}");
    shared.scenario = Some("default".into());
    shared.t = MAX_LINK_TIME_MS + 1;
    assert!(SharedState::decode(&shared.encode())
        .unwrap_err()
        .to_string()
        .contains("past"));
    // Valid JSON of the wrong shape points at the place.
    let err = SharedState::decode(&packed(br#"{"v":1,"t":"soon"}"#))
        .unwrap_err()
        .to_string();
    assert!(err.contains("column"), "{err}");
    // A refused command names its number.
    let mut shared = SharedState::of(&Timeline::new(scenarios::default_scenario()).unwrap());
    shared.commands = vec![(100, Command::StartBroker(BrokerId(1)))];
    shared.applied = Some(1);
    let err = shared.restore().unwrap_err().to_string();
    assert!(err.contains("command 1"), "{err}");
    // More applied commands than the link holds.
    shared.applied = Some(2);
    assert!(SharedState::decode(&shared.encode())
        .unwrap_err()
        .to_string()
        .contains("applied"));
}

#[test]
fn long_input_is_quoted_short() {
    let name = "x".repeat(40_000);
    let json = format!(r#"{{"v":2,"scenario":"{name}","t":0}}"#);
    let err = SharedState::decode(&packed(json.as_bytes()))
        .unwrap()
        .restore()
        .unwrap_err()
        .to_string();
    assert!(err.matches('x').count() <= 200, "{err}");
    assert!(err.chars().count() < 500, "{} characters", err.len());
    let json = format!(r#"{{"v":2,"scenario":"default","commands":[[0,{{"{name}":1}}]],"t":0}}"#);
    let err = SharedState::decode(&packed(json.as_bytes()))
        .unwrap_err()
        .to_string();
    // The input is quoted at most 200 characters (the list of the command
    // names serde expects makes the rest).
    assert!(err.matches('x').count() <= 200, "{err}");
    assert!(err.chars().count() <= 1_100, "{} characters", err.len());
}

#[test]
fn a_link_at_the_last_step_there_is_is_refused_before_any_work() {
    let json = br#"{"v":2,"scenario":"default","t":1000,"steps":18446744073709551615,"applied":0}"#;
    let shared = SharedState::decode(&packed(json)).unwrap();
    let err = shared.job().unwrap_err().to_string();
    assert!(err.contains("engine steps into its history"), "{err}");
    assert!(err.contains("times the 8.0 million"), "{err}");
    // A lie the other way (few steps, far time) stops at the time.
    let json = br#"{"v":2,"scenario":"default","t":20000,"steps":5,"applied":0}"#;
    let t = SharedState::decode(&packed(json))
        .unwrap()
        .restore()
        .unwrap();
    assert_eq!(t.sim().totals().steps, 5);
    assert!(t.now_ms() <= 20_000);
}

#[test]
fn a_day_of_the_stress_scene_is_refused_early_and_clearly() {
    let json = br#"{"v":1,"scenario":"stress","t":86400000}"#;
    let shared = SharedState::decode(&packed(json)).unwrap();
    let mut job = shared.job().unwrap();
    let mut current = Timeline::new(scenarios::default_scenario()).unwrap();
    let mut refusal = None;
    for _ in 0..50 {
        match job.run(&mut current, 20_000) {
            Status::Working(_) => {}
            Status::Done => panic!("a day of the stress scene is over the budget"),
            Status::Refused(why) => {
                refusal = Some(why);
                break;
            }
        }
    }
    let why = refusal.expect("refused within a few slices").to_string();
    eprintln!("{why}");
    assert!(
        job.spent() < 200_000,
        "estimated early: {} steps",
        job.spent()
    );
    assert!(why.contains("24 h 00 min"), "{why}");
    assert!(why.contains("times the 8.0 million"), "{why}");
    // The scene shown before is untouched.
    assert_eq!(current.now_ms(), 0);
}

#[test]
fn a_day_of_the_default_scene_is_within_the_budget() {
    let json = br#"{"v":2,"scenario":"default","t":86400000}"#;
    let shared = SharedState::decode(&packed(json)).unwrap();
    let mut job = shared.job().unwrap();
    let mut current = Timeline::new(scenarios::default_scenario()).unwrap();
    // The first few slices measure the rate; the estimate stays in budget.
    for _ in 0..10 {
        match job.run(&mut current, 20_000) {
            Status::Working(f) => assert!((0.0..1.0).contains(&f)),
            other => panic!("{other:?}"),
        }
    }
}
