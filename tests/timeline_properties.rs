//! Property tests of the timeline and share links.
//!
//! - Any mix of playing, seeking, stepping forward and back and giving
//!   commands ends in exactly the state a straight replay of the recorded
//!   commands reaches (the engine is deterministic and checkpoints are
//!   faithful).
//! - A share link made at any moment of any such history (config-changing
//!   commands, records produced by hand, crashes and restarts, group
//!   operations, steps inside a millisecond, steps back, seeks, forks)
//!   restores exactly the state it was made from: the whole engine state
//!   compared through `Debug` (pending events aside), at the moment and
//!   after running both on for a while (which also compares their random
//!   streams and their recorded futures).
#![cfg(not(target_arch = "wasm32"))]

use kafkascope::engine::scenarios::default_scenario;
use kafkascope::engine::{BrokerId, Command, GroupIdx, MemberId, ProducerId};
use kafkascope::share::SharedState;
use kafkascope::timeline::Timeline;
use proptest::prelude::*;

#[derive(Clone, Debug)]
enum Op {
    Run(u64),
    Seek(u64),
    Forward,
    Back,
    Crash(u32),
    Start(u32),
    Stop(u32),
    Rate(u32),
    RetentionCheck(u64),
    Produce(Option<u8>),
    AddMember,
    CrashMember(u32),
    PauseMember(u32, bool),
    Link,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (1u64..20_000).prop_map(Op::Run),
        2 => (0u64..60_000).prop_map(Op::Seek),
        3 => Just(Op::Forward),
        2 => Just(Op::Back),
        1 => (1u32..=3).prop_map(Op::Crash),
        1 => (1u32..=3).prop_map(Op::Start),
        1 => (1u32..=3).prop_map(Op::Stop),
        1 => (0u32..20).prop_map(Op::Rate),
        1 => (1_000u64..600_000).prop_map(Op::RetentionCheck),
        2 => proptest::option::of(0u8..5).prop_map(Op::Produce),
        1 => Just(Op::AddMember),
        1 => (1u32..=3).prop_map(Op::CrashMember),
        1 => ((1u32..=3), any::<bool>()).prop_map(|(m, p)| Op::PauseMember(m, p)),
        3 => Just(Op::Link),
    ]
}

fn command(op: &Op) -> Option<Command> {
    Some(match *op {
        Op::Crash(b) => Command::CrashBroker(BrokerId(b)),
        Op::Start(b) => Command::StartBroker(BrokerId(b)),
        Op::Stop(b) => Command::StopBroker(BrokerId(b)),
        Op::Rate(r) => Command::SetProducerRate {
            producer: ProducerId(0),
            records_per_sec: r,
        },
        Op::RetentionCheck(ms) => Command::SetRetentionCheckInterval { interval_ms: ms },
        Op::Produce(key) => Command::Produce {
            producer: ProducerId(0),
            key: key.map(|k| format!("key-{k}")),
            value: "by hand".to_string(),
        },
        Op::AddMember => Command::AddMember {
            group: GroupIdx(0),
            instance_id: None,
        },
        Op::CrashMember(m) => Command::CrashMember {
            member: MemberId(m),
        },
        Op::PauseMember(m, paused) => Command::PauseMember {
            member: MemberId(m),
            paused,
        },
        _ => return None,
    })
}

/// Plays `op` on `t` (commands may be refused; that is part of the game).
fn play(t: &mut Timeline, op: &Op) {
    match *op {
        Op::Run(ms) => t.run_to(t.now_ms() + ms),
        Op::Seek(ms) => {
            t.seek(ms, 0);
        }
        Op::Forward => {
            t.step_forward(60_000, u64::MAX);
        }
        Op::Back => {
            let _ = t.step_back(0, u64::MAX);
        }
        Op::Link => {}
        _ => {
            if let Some(c) = command(op) {
                let _ = t.apply(c);
            }
        }
    }
    let _ = t.take_events();
}

/// The whole engine state, pending events aside.
fn full_state(t: &Timeline) -> String {
    let mut sim = t.sim().clone();
    let _ = sim.take_events();
    format!("{sim:?}")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn any_path_through_history_equals_a_straight_replay(ops in proptest::collection::vec(op(), 1..25)) {
        let mut t = Timeline::new(default_scenario()).unwrap();
        for op in &ops {
            play(&mut t, op);
        }
        let end = t.horizon_ms();
        t.seek(end, 0);
        let here = full_state(&t);
        // A fresh timeline fed the recorded commands at their times.
        let mut fresh = Timeline::new(default_scenario()).unwrap();
        for r in t.commands().to_vec() {
            fresh.run_to(r.at_ms);
            fresh.apply(r.command).unwrap();
        }
        fresh.run_to(end);
        prop_assert_eq!(here, full_state(&fresh));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn a_share_link_restores_exactly_the_state_it_was_made_from(ops in proptest::collection::vec(op(), 1..30)) {
        let mut t = Timeline::new(default_scenario()).unwrap();
        let mut links = 0;
        for op in ops.iter().chain([&Op::Link]) {
            play(&mut t, op);
            if !matches!(op, Op::Link) {
                continue;
            }
            links += 1;
            let shared = SharedState::of(&t);
            let restored = SharedState::decode(&shared.encode())
                .and_then(|s| s.restore())
                .map_err(|e| TestCaseError::fail(format!("link {links} did not open: {e}")))?;
            prop_assert_eq!(restored.position(), t.position(), "link {}", links);
            prop_assert_eq!(full_state(&restored), full_state(&t), "link {}", links);
            prop_assert_eq!(restored.commands(), t.commands(), "link {}", links);
            prop_assert_eq!(restored.initial_config(), t.initial_config());
            // The same future: run both on (the recorded future replays in
            // both; the random streams must agree).
            let mut a = t.clone();
            let mut b = restored;
            let later = a.now_ms() + 3_000;
            a.run_to(later);
            b.run_to(later);
            prop_assert_eq!(full_state(&a), full_state(&b), "link {} after 3 s", links);
        }
    }
}
