//! Property test of the timeline: any mix of playing, seeking, stepping
//! forward and back and giving commands ends in exactly the state a straight
//! replay of the recorded commands reaches (the engine is deterministic and
//! checkpoints are faithful).
#![cfg(not(target_arch = "wasm32"))]

use kafkascope::engine::scenarios::default_scenario;
use kafkascope::engine::{BrokerId, Command, ProducerId};
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
    Rate(u32),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (1u64..20_000).prop_map(Op::Run),
        (0u64..60_000).prop_map(Op::Seek),
        Just(Op::Forward),
        Just(Op::Back),
        (1u32..=3).prop_map(Op::Crash),
        (1u32..=3).prop_map(Op::Start),
        (0u32..20).prop_map(Op::Rate),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn any_path_through_history_equals_a_straight_replay(ops in proptest::collection::vec(op(), 1..25)) {
        let mut t = Timeline::new(default_scenario()).unwrap();
        for op in &ops {
            match *op {
                Op::Run(ms) => t.run_to(t.now_ms() + ms),
                Op::Seek(ms) => { t.seek(ms, 0); }
                Op::Forward => { t.step_forward(60_000); }
                Op::Back => { t.step_back(0); }
                Op::Crash(b) => { let _ = t.apply(Command::CrashBroker(BrokerId(b))); }
                Op::Start(b) => { let _ = t.apply(Command::StartBroker(BrokerId(b))); }
                Op::Rate(r) => { let _ = t.apply(Command::SetProducerRate { producer: ProducerId(0), records_per_sec: r }); }
            }
            let _ = t.take_events();
        }
        let end = t.horizon_ms();
        t.seek(end, 0);
        let here = t.sim().to_string();
        // A fresh timeline fed the recorded commands at their times.
        let mut fresh = Timeline::new(default_scenario()).unwrap();
        for r in t.commands().to_vec() {
            fresh.run_to(r.at_ms);
            fresh.apply(r.command).unwrap();
        }
        fresh.run_to(end);
        prop_assert_eq!(here, fresh.sim().to_string());
    }
}
