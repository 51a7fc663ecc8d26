//! Tests of the timeline: seeking, forks, stepping back, stories, checkpoints.

use super::*;
use crate::engine::scenarios::default_scenario;
use crate::engine::{BrokerId, ProducerId};

fn snapshot(t: &Timeline) -> String {
    t.sim().to_string()
}

#[test]
fn seeking_back_and_forth_gives_the_same_state() {
    let mut a = Timeline::new(default_scenario()).unwrap();
    a.run_to(12_345);
    let at_12 = snapshot(&a);
    a.run_to(47_000);
    let at_47 = snapshot(&a);
    a.seek(12_345, 0);
    assert_eq!(snapshot(&a), at_12);
    a.seek(47_000, 0);
    assert_eq!(snapshot(&a), at_47);
    a.seek(3_000, 0);
    a.seek(12_345, 0);
    assert_eq!(snapshot(&a), at_12);
}

#[test]
fn commands_replay_at_their_times_and_a_change_in_the_past_forks() {
    let mut a = Timeline::new(default_scenario()).unwrap();
    a.run_to(5_000);
    a.apply(Command::CrashBroker(BrokerId(2))).unwrap();
    a.run_to(30_000);
    let end = snapshot(&a);
    assert!(end.contains("broker-2 down"));
    // Back before the crash: broker 2 is alive again.
    a.seek(4_000, 0);
    assert!(snapshot(&a).contains("broker-2 up"));
    // Forward again replays the crash at 5 s.
    a.seek(30_000, 0);
    assert_eq!(snapshot(&a), end);
    // A change in the past discards the recorded future.
    a.seek(4_000, 0);
    let forked = a
        .apply(Command::SetProducerRate {
            producer: ProducerId(0),
            records_per_sec: 5,
        })
        .unwrap();
    assert!(forked);
    assert_eq!(a.commands().len(), 1);
    assert_eq!(a.horizon_ms(), 4_000);
    a.run_to(30_000);
    assert!(
        snapshot(&a).contains("broker-2 up"),
        "the crash was in the discarded future"
    );
}

#[test]
fn step_back_undoes_the_latest_step_exactly() {
    let mut a = Timeline::new(default_scenario()).unwrap();
    a.run_to(2_000);
    let _ = a.take_events();
    let mut states = Vec::new();
    for _ in 0..6 {
        states.push((snapshot(&a), a.sim().event_count()));
        let events = a.step_forward(60_000, u64::MAX);
        assert!(!events.is_empty());
    }
    for (state, count) in states.into_iter().rev() {
        a.step_back(10, u64::MAX).unwrap();
        assert_eq!(a.sim().event_count(), count);
        assert_eq!(snapshot(&a), state);
    }
}

#[test]
fn step_back_across_a_checkpoint_and_a_command() {
    let mut a = Timeline::new(default_scenario()).unwrap();
    a.run_to(CHECKPOINT_EVERY_MS - 1);
    a.apply(Command::CrashBroker(BrokerId(1))).unwrap();
    let crashed = a.sim().event_count();
    let _ = a.take_events();
    a.step_forward(60_000, u64::MAX);
    a.step_back(10, u64::MAX).unwrap();
    assert_eq!(a.sim().event_count(), crashed);
    a.step_back(10, u64::MAX).unwrap();
    assert!(a.sim().event_count() < crashed);
    assert!(
        snapshot(&a).contains("broker-1 up"),
        "stepping back before the crash revives it"
    );
}

#[test]
fn a_records_story_follows_it_from_producer_to_consumer_commit() {
    let mut a = Timeline::new(default_scenario()).unwrap();
    a.run_to(20_000);
    let _ = a.take_events();
    let part = a
        .sim()
        .partition_state(crate::engine::TopicPartition {
            topic: crate::engine::TopicIdx(0),
            partition: 0,
        })
        .unwrap();
    let entry = part.leader_log().unwrap().get(0).unwrap().clone();
    let story = a
        .record_story(entry.record.id, entry.record.timestamp_ms, u64::MAX)
        .lines;
    let text: Vec<String> = story
        .iter()
        .map(|l| crate::text::story::story_line(crate::text::Lang::En, a.sim(), l))
        .collect();
    let has = |needle: &str| text.iter().any(|t| t.contains(needle));
    assert!(has("creates"), "{text:#?}");
    assert!(has("murmur2"), "the partitioner's decision");
    assert!(has("joins batch"));
    assert!(has("sends batch"));
    assert!(has("at offset 0"));
    assert_eq!(
        text.iter()
            .filter(|t| t.contains("(follower) copies it"))
            .count(),
        2
    );
    assert!(has("high watermark"));
    assert!(has("receives ack"));
    assert!(has("processes"));
    assert!(has("commits offset"));
    // In time order, and the timeline did not move.
    assert!(story.windows(2).all(|w| w[0].at_ms <= w[1].at_ms));
    assert_eq!(a.now_ms(), 20_000);
}

#[test]
fn checkpoints_stay_bounded_over_a_long_run() {
    let mut a = Timeline::new(default_scenario()).unwrap();
    a.run_to(3_600_000);
    let _ = a.take_events();
    assert!(a.checkpoints.len() <= MAX_CHECKPOINTS);
    assert_eq!(a.checkpoints[0].at_ms, 0);
    let end = snapshot(&a);
    a.seek(1_800_000, 0);
    a.seek(3_600_000, 0);
    assert_eq!(snapshot(&a), end);
}

/// The whole engine state, pending events aside.
fn full_state(t: &Timeline) -> String {
    let mut sim = t.sim().clone();
    let _ = sim.take_events();
    format!("{sim:?}")
}

#[test]
fn an_exact_position_inside_a_millisecond_is_found_again() {
    let mut a = Timeline::new(default_scenario()).unwrap();
    a.run_to(21_000);
    for _ in 0..4 {
        a.step_forward(60_000, u64::MAX);
    }
    let here = a.position();
    let state = full_state(&a);
    a.seek(50_000, 0);
    a.seek_to(Goal::Exact(here), 0);
    assert_eq!(a.position(), here);
    assert_eq!(full_state(&a), state);
    a.seek(3_000, 0);
    a.seek_to(Goal::Exact(here), 0);
    assert_eq!(full_state(&a), state);
}

#[test]
fn a_run_stops_after_its_steps_at_a_real_position() {
    let mut a = Timeline::new(default_scenario()).unwrap();
    let run = a.run_toward(Goal::Time(60_000), 500);
    assert!(!run.reached);
    assert_eq!(run.steps, 500);
    assert_eq!(a.sim().totals().steps, 500);
    let here = a.position();
    let state = full_state(&a);
    // Going on reaches the same end as one run.
    while !a.run_toward(Goal::Time(60_000), 500).reached {}
    let mut b = Timeline::new(default_scenario()).unwrap();
    b.run_to(60_000);
    assert_eq!(full_state(&a), full_state(&b));
    // And the stop was a position of the history.
    b.seek_to(Goal::Exact(here), 0);
    assert_eq!(full_state(&b), state);
}

#[test]
fn checkpoints_are_dense_recently_and_sparse_long_ago() {
    let mut a = Timeline::new(default_scenario()).unwrap();
    // By count alone here (memory has its own test).
    a.set_checkpoint_budget(u64::MAX);
    // Played, frame by frame at 100x: one checkpoint every 10 s, thinned.
    let mut t = 0;
    while t < 7_200_000 {
        t += 10_000;
        a.run_to(t);
        let _ = a.take_events();
    }
    let times = a.checkpoint_times();
    assert!(times.len() <= MAX_CHECKPOINTS);
    assert_eq!(times[0], 0);
    let gaps: Vec<u64> = times.windows(2).map(|w| w[1] - w[0]).collect();
    let recent = gaps[gaps.len() - 5..].iter().max().unwrap();
    let old = gaps[..5].iter().min().unwrap();
    assert!(recent < old, "recent gaps {recent} ms, old gaps {old} ms");
    assert!(times.len() > MAX_CHECKPOINTS / 2, "{}", times.len());
    assert!(*gaps.iter().max().unwrap() <= 120_000, "{gaps:?}");
}

#[test]
fn a_far_run_takes_dozens_of_checkpoints_not_thousands() {
    let mut a = Timeline::new(default_scenario()).unwrap();
    a.set_heading(6 * 3_600_000);
    let mut taken = 1;
    let mut last = a.checkpoint_times();
    while !a.run_toward(Goal::Time(6 * 3_600_000), 50_000).reached {
        let _ = a.take_events();
        let now = a.checkpoint_times();
        taken += now.iter().filter(|t| !last.contains(t)).count();
        last = now;
    }
    assert!(taken < 60, "{taken} checkpoints taken");
}

#[test]
fn checkpoints_keep_to_their_memory_budget() {
    // A checkpoint's cost grows while the logs fill up to the records held
    // in full: learn it from the end of the run, then allow about four.
    let mut probe = Timeline::new(default_scenario()).unwrap();
    probe.run_to(900_000);
    let budget = 4 * clone_cost_bytes(probe.sim()) + 200_000;
    let mut a = Timeline::new(default_scenario()).unwrap();
    a.set_checkpoint_budget(budget);
    a.run_to(900_000);
    let _ = a.take_events();
    assert!(a.checkpoint_bytes() <= budget);
    assert!(a.checkpoint_times().len() >= 2);
    let end = full_state(&a);
    a.seek(400_000, 0);
    a.seek(900_000, 0);
    assert_eq!(full_state(&a), end);
}

#[test]
fn a_command_in_the_past_keeps_its_recorded_time_on_replay() {
    let mut a = Timeline::new(default_scenario()).unwrap();
    a.run_to(30_116);
    a.apply(Command::Produce {
        producer: ProducerId(0),
        key: Some("k".into()),
        value: "v".into(),
    })
    .unwrap();
    let state = full_state(&a);
    a.seek(0, 0);
    a.seek_to(
        Goal::Exact(Position {
            t_ms: 30_116,
            steps: u64::MAX,
            applied: 1,
        }),
        0,
    );
    assert_eq!(full_state(&a), state);
}
