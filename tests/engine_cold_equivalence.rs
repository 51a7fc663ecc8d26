//! Records held as counts change nothing but record identity: the same
//! scenarios run with a tiny window of records held in full and with a huge
//! one, and everything observable is compared after every simulated second
//! (offsets, HW, LEO, log start, segments, epoch caches, positions, commits,
//! lag, counters, ledgers) along with the whole event stream (except the id
//! of records read while held only as counts). Fixed seeds, bounded time.
#![cfg(not(target_arch = "wasm32"))]

use std::fmt::Write as _;

use kafkascope::engine::event::GroupEvent;
use kafkascope::engine::network::Node;
use kafkascope::engine::scenarios::{default_scenario, retention_scenario, stress_scenario};
use kafkascope::engine::{
    Acks, BrokerId, CleanupPolicy, ClusterConfig, Command, Event, EventKind, GroupConfig, GroupIdx,
    OffsetReset, ProducerConfig, ProducerId, RecordId, SeekTarget, Sim, TopicConfig,
};

/// Everything a view can read about the cluster, except record identity.
fn observe(sim: &Sim) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "t {} {:?}", sim.now_ms(), sim.totals());
    for b in sim.brokers() {
        let _ = writeln!(out, "{b:?}");
    }
    for topic in sim.topics() {
        let _ = writeln!(out, "{} {:?}", topic.name, topic.log_config);
        for p in &topic.partitions {
            let _ = writeln!(
                out,
                "{:?} leader {:?} last {:?} epoch {} isr {:?} replicas {:?} remote {:?} acks {:?}",
                p.tp,
                p.leader,
                p.last_leader,
                p.leader_epoch,
                p.isr,
                p.replicas,
                p.remote_leo,
                p.waiting_acks
                    .iter()
                    .map(|w| (w.batch, w.base_offset, w.last_offset))
                    .collect::<Vec<_>>()
            );
            for (b, log) in p.replicas.iter().zip(&p.logs) {
                let _ = writeln!(
                    out,
                    "  {b} start {} hw {} leo {} bytes {} records {} cleaned {} epochs {:?}",
                    log.log_start_offset(),
                    log.high_watermark(),
                    log.log_end_offset(),
                    log.size_bytes(),
                    log.record_count(),
                    log.cleaner_checkpoint(),
                    log.epoch_starts()
                );
                for s in log.segments() {
                    let _ = writeln!(
                        out,
                        "    segment {} bytes {} records {} first {:?} last {:?} max {:?} created {}",
                        s.base_offset,
                        s.size_bytes,
                        s.records,
                        s.first_timestamp_ms,
                        s.last_timestamp_ms,
                        s.max_timestamp_ms,
                        s.created_at_ms
                    );
                }
            }
        }
    }
    for p in sim.producers() {
        let _ = writeln!(
            out,
            "{} acked {} failed {} retries {} sent {:?} sequences {:?} sticky {:?}",
            p.config.name,
            p.acknowledged,
            p.failed,
            p.retries,
            p.sent.keys().collect::<Vec<_>>(),
            p.next_sequence,
            p.sticky
        );
    }
    for g in sim.groups() {
        let _ = writeln!(
            out,
            "{} committed {:?} dup {} replays {} rebalances {} upto {:?} replay {:?} lag {} burrow {:?} history {:?} windows {:?} view {:?}",
            g.config.group_id,
            g.committed,
            g.duplicates,
            g.replays,
            g.rebalances,
            g.processed_upto,
            g.replay_until,
            sim.group_lag(g.idx),
            sim.burrow_status(g.idx),
            g.lag_history.samples().collect::<Vec<_>>(),
            g.commit_windows,
            (g.view.state, g.view.generation),
        );
        for m in &g.members {
            let _ = writeln!(
                out,
                "  {} {:?} gen {:?} assigned {:?} positions {:?} buffered {:?} consumed {} busy {} errors {:?}",
                m.name,
                m.phase,
                m.generation,
                m.assigned,
                m.positions,
                m.buffer.iter().map(|(tp, e)| (tp.partition, e.offset)).collect::<Vec<_>>(),
                m.consumed,
                m.busy,
                m.errors
            );
        }
    }
    for l in sim.lost_records() {
        let _ = writeln!(
            out,
            "lost {:?} {} acked {} {:?} at {}",
            l.tp, l.offset, l.acknowledged, l.reason, l.at_ms
        );
    }
    for r in sim.recent_removals() {
        let offsets: Vec<u64> = r.records.iter().map(|(o, _)| *o).collect();
        let _ = writeln!(
            out,
            "removed {:?} {} at {} {:?} {offsets:?}",
            r.tp, r.broker, r.at_ms, r.cause
        );
    }
    for n in sim.offset_resets() {
        let _ = writeln!(out, "reset {n:?}");
    }
    let _ = writeln!(
        out,
        "messages {} parked {} timers {}",
        sim.in_flight().count(),
        sim.parked_fetches().count(),
        sim.footprint().timers
    );
    out
}

/// The event with the record id hidden, where the tiny run read a record
/// held only as counts.
fn unify(tiny: &Event, huge: &Event) -> Event {
    let mut e = huge.clone();
    match (&tiny.kind, &mut e.kind) {
        (
            EventKind::RecordConsumed { record, .. },
            EventKind::RecordConsumed { record: theirs, .. },
        ) if *record == RecordId::UNKNOWN => *theirs = RecordId::UNKNOWN,
        (
            EventKind::Group(GroupEvent::RecordReprocessed { record, .. }),
            EventKind::Group(GroupEvent::RecordReprocessed { record: theirs, .. }),
        ) if *record == RecordId::UNKNOWN => *theirs = RecordId::UNKNOWN,
        _ => {}
    }
    e
}

/// Every log's stored records add up to its segments.
fn check_storage(name: &str, sim: &Sim) {
    for topic in sim.topics() {
        for p in &topic.partitions {
            for (b, log) in p.replicas.iter().zip(&p.logs) {
                if let Err(e) = log.check_storage() {
                    panic!("{name}: {:?} on {b} at {}: {e}", p.tp, sim.now_ms());
                }
            }
        }
    }
}

/// What a run counted while comparing.
#[derive(Debug, Default)]
struct Seen {
    /// Largest number of counted runs the tiny run held at once.
    cold_runs: u64,
    /// Records read (consumed) while held only as counts.
    unknown_reads: u64,
    /// Records in all logs at the end.
    records: u64,
    /// Acknowledged records lost for ever, at the end.
    acknowledged_lost: u64,
}

/// Runs `config` twice, with `tiny` records held in full per log and with
/// all of them, applying `commands` at their times, and compares the two
/// after every `step_ms`.
fn compare(
    name: &str,
    config: ClusterConfig,
    commands: &[(u64, Command)],
    until_ms: u64,
    step_ms: u64,
    tiny: usize,
) -> Seen {
    let mut a = Sim::new(config.clone()).unwrap();
    a.set_hot_entries_per_log(Some(tiny));
    let mut b = Sim::new(config).unwrap();
    b.set_hot_entries_per_log(Some(usize::MAX));
    let mut seen = Seen::default();
    let mut next = commands.iter().peekable();
    let mut t = 0;
    let mut events = 0usize;
    while t < until_ms {
        t = (t + step_ms).min(until_ms);
        while let Some((at, command)) = next.peek().filter(|(at, _)| *at <= t) {
            a.advance_to(*at);
            b.advance_to(*at);
            let (ra, rb) = (a.apply(command.clone()), b.apply(command.clone()));
            assert_eq!(ra, rb, "{name}: {command:?} at {at}");
            next.next();
        }
        a.advance_to(t);
        b.advance_to(t);
        check_storage(name, &a);
        let (ea, eb) = (a.take_events(), b.take_events());
        assert_eq!(ea.len(), eb.len(), "{name}: events by t={t}");
        for (x, y) in ea.iter().zip(&eb) {
            if let EventKind::RecordConsumed { record, .. } = x.kind {
                if record == RecordId::UNKNOWN {
                    seen.unknown_reads += 1;
                }
            }
            assert_eq!(x, &unify(x, y), "{name}: event {events} at t={t}");
            events += 1;
        }
        let (oa, ob) = (observe(&a), observe(&b));
        if oa != ob {
            let diff: Vec<(&str, &str)> = oa
                .lines()
                .zip(ob.lines())
                .filter(|(x, y)| x != y)
                .take(6)
                .collect();
            panic!("{name}: states differ at t={t} (tiny, huge):\n{diff:#?}");
        }
        seen.cold_runs = seen.cold_runs.max(a.footprint().cold_runs);
    }
    assert!(events > 0, "{name}: something happened");
    assert_eq!(
        b.footprint().cold_runs,
        0,
        "{name}: the huge window folds nothing"
    );
    seen.records = a.footprint().log_entries;
    seen.acknowledged_lost = a.totals().acknowledged_lost;
    seen
}

#[test]
fn default_scene() {
    let seen = compare("default", default_scenario(), &[], 600_000, 1_000, 1);
    assert!(seen.cold_runs > 0, "{seen:?}");
}

#[test]
fn stress_scene_for_a_while() {
    let seen = compare("stress", stress_scenario(), &[], 20_000, 500, 2);
    assert!(seen.cold_runs > 0, "{seen:?}");
}

#[test]
fn retention_scene() {
    let seen = compare("retention", retention_scenario(), &[], 300_000, 1_000, 1);
    assert!(seen.cold_runs > 0, "{seen:?}");
}

/// A compacted topic is never folded (the cleaner needs every key), next to
/// a deleting one that is.
#[test]
fn compacted_topic_next_to_a_deleting_one() {
    let mut compacted = TopicConfig::new("users", 2);
    compacted.replication_factor = 3;
    compacted.log.cleanup_policy = CleanupPolicy::Compact;
    compacted.log.segment_bytes = 600;
    let mut deleting = TopicConfig::new("clicks", 2);
    deleting.replication_factor = 2;
    deleting.log.segment_bytes = 2_000;
    let users = ProducerConfig::new("users-writer", "users", 20, &["ann", "bo", "cy", "di"]);
    let clicks = ProducerConfig::new("clicks-writer", "clicks", 30, &["x", "y", "z"]);
    let mut group = GroupConfig::new("audit", "users", 2);
    group.auto_offset_reset = OffsetReset::Earliest;
    let config = ClusterConfig {
        seed: 5,
        brokers: 3,
        network_latency_ms: 30,
        topics: vec![compacted, deleting],
        producers: vec![users, clicks],
        groups: vec![group],
        ..ClusterConfig::default()
    };
    let tombstone = Command::ProduceTombstone {
        producer: ProducerId(0),
        key: "bo".to_string(),
    };
    let seen = compare(
        "compacted",
        config,
        &[(40_000, tombstone)],
        180_000,
        1_000,
        2,
    );
    assert!(seen.cold_runs > 0, "the deleting topic folds: {seen:?}");
}

/// Brokers crash and come back while records flow: elections, ISR
/// changes, truncation, followers catching up.
#[test]
fn failures_with_crashes_and_restarts() {
    let mut config = default_scenario();
    config.producers[0].records_per_sec = 40;
    config.network_latency_ms = 20;
    let commands = vec![
        (20_000, Command::CrashBroker(BrokerId(2))),
        (50_000, Command::StartBroker(BrokerId(2))),
        (70_000, Command::CrashBroker(BrokerId(1))),
        (75_000, Command::StopBroker(BrokerId(3))),
        (90_000, Command::StartBroker(BrokerId(3))),
        (100_000, Command::StartBroker(BrokerId(1))),
        (
            110_000,
            Command::CutLink {
                a: Node::Broker(BrokerId(1)),
                b: Node::Broker(BrokerId(2)),
            },
        ),
        (
            140_000,
            Command::HealLink {
                a: Node::Broker(BrokerId(1)),
                b: Node::Broker(BrokerId(2)),
            },
        ),
    ];
    let seen = compare("failures", config, &commands, 200_000, 500, 4);
    assert!(seen.cold_runs > 0, "{seen:?}");
}

/// acks=1, then the leader dies, an out-of-sync replica is elected
/// (unclean) and the old leader truncates when it returns: acknowledged
/// records are lost, counted the same way.
fn unclean_setup() -> (ClusterConfig, Vec<(u64, Command)>) {
    let mut topic = TopicConfig::new("t", 1);
    topic.replication_factor = 3;
    topic.min_insync_replicas = 1;
    topic.unclean_leader_election_enable = true;
    let mut producer = ProducerConfig::new("p", "t", 50, &["a", "b", "c"]);
    producer.acks = Acks::Leader;
    let mut group = GroupConfig::new("g", "t", 1);
    group.auto_offset_reset = OffsetReset::Earliest;
    let config = ClusterConfig {
        seed: 3,
        brokers: 3,
        network_latency_ms: 10,
        topics: vec![topic],
        producers: vec![producer],
        groups: vec![group],
        replica_lag_time_max_ms: 5_000,
        ..ClusterConfig::default()
    };
    // Partition 0's replicas come from the seed: find them first.
    let probe = Sim::new(config.clone()).unwrap();
    let replicas = probe.topics()[0].partitions[0].replicas.clone();
    let (first, second, third) = (replicas[0], replicas[1], replicas[2]);
    let commands = vec![
        // The followers fall far behind, then the leader dies.
        (5_000, Command::CrashBroker(second)),
        (5_000, Command::CrashBroker(third)),
        (60_000, Command::CrashBroker(first)),
        // A stale follower comes back and is elected: everything the old
        // leader had beyond it is lost; then the old leader returns and
        // truncates.
        (70_000, Command::StartBroker(second)),
        (90_000, Command::StartBroker(first)),
        (95_000, Command::StartBroker(third)),
        (
            130_000,
            Command::SetProducerRate {
                producer: ProducerId(0),
                records_per_sec: 0,
            },
        ),
    ];
    (config, commands)
}

#[test]
fn unclean_election_with_truncation() {
    let (config, commands) = unclean_setup();
    let seen = compare("unclean", config, &commands, 150_000, 500, 3);
    assert!(seen.cold_runs > 0, "{seen:?}");
    assert!(seen.acknowledged_lost > 0, "{seen:?}");
}

/// A follower down for a long time catches up from records its leader
/// holds only as counts.
#[test]
fn follower_far_behind_catches_up() {
    let mut config = default_scenario();
    config.producers[0].records_per_sec = 60;
    config.network_latency_ms = 20;
    let commands = vec![
        (10_000, Command::CrashBroker(BrokerId(3))),
        (130_000, Command::StartBroker(BrokerId(3))),
    ];
    let seen = compare("far behind", config, &commands, 200_000, 500, 8);
    assert!(seen.cold_runs > 0, "{seen:?}");
}

/// A group seeks its partitions to the beginning and reads everything
/// again: most of it only held as counts.
#[test]
fn group_seeks_to_the_beginning() {
    let mut config = default_scenario();
    config.producers[0].records_per_sec = 20;
    config.groups[0].processing_ms_per_record = 5;
    let commands: Vec<(u64, Command)> = (0..3)
        .map(|p| {
            (
                120_000,
                Command::Seek {
                    group: GroupIdx(0),
                    partition: p,
                    target: SeekTarget::Beginning,
                },
            )
        })
        .chain([(
            121_000,
            Command::AddGroup({
                let mut g = GroupConfig::new("latecomer", "orders", 2);
                g.auto_offset_reset = OffsetReset::Earliest;
                g
            }),
        )])
        .collect();
    let seen = compare("seek", config, &commands, 200_000, 1_000, 4);
    assert!(seen.unknown_reads > 100, "{seen:?}");
}

/// The same seed twice gives the same history, with a tiny window too.
#[test]
fn same_seed_same_history() {
    let run = || {
        let mut sim = Sim::new(stress_scenario()).unwrap();
        sim.set_hot_entries_per_log(Some(3));
        let mut lines = Vec::new();
        for s in 1..=10 {
            sim.advance_to(s * 1_000);
            lines.extend(sim.take_events().iter().map(|e| format!("{e:?}")));
            lines.push(observe(&sim));
        }
        lines
    };
    assert_eq!(run(), run());
}

/// Runs `config` with tiny windows for replicas behind too (so a replica
/// that comes back copies counted runs, and an unclean election compares
/// records held as counts), next to a huge window. Offsets, HW, LEO, log
/// start, epochs, records per segment, counters and events stay exact; a
/// replica copying a run in parts has estimated bytes until it has the run
/// whole: within `tolerance` of the exact bytes meanwhile, exact after.
fn compare_lagging(
    name: &str,
    config: ClusterConfig,
    commands: &[(u64, Command)],
    until_ms: u64,
    tolerance: f64,
) -> Seen {
    let mut a = Sim::new(config.clone()).unwrap();
    a.set_hot_entries_per_log(Some(4));
    a.set_lagging_entries_per_log(Some(8));
    let mut b = Sim::new(config).unwrap();
    b.set_hot_entries_per_log(Some(usize::MAX));
    let mut seen = Seen::default();
    let mut next = commands.iter().peekable();
    let mut t = 0;
    let mut worst = 0.0f64;
    while t < until_ms {
        t = (t + 500).min(until_ms);
        while let Some((at, command)) = next.peek().filter(|(at, _)| *at <= t) {
            a.advance_to(*at);
            b.advance_to(*at);
            let _ = a.apply(command.clone());
            let _ = b.apply(command.clone());
            next.next();
        }
        a.advance_to(t);
        b.advance_to(t);
        check_storage(name, &a);
        let (ea, eb) = (a.take_events(), b.take_events());
        assert_eq!(ea.len(), eb.len(), "{name}: events by t={t}");
        for (x, y) in ea.iter().zip(&eb) {
            assert_eq!(x, &unify(x, y), "{name}: event at t={t}");
        }
        for (ta, tb) in a.topics().iter().zip(b.topics()) {
            for (pa, pb) in ta.partitions.iter().zip(&tb.partitions) {
                assert_eq!(pa.leader, pb.leader, "{name}");
                assert_eq!(pa.isr, pb.isr, "{name}");
                for (la, lb) in pa.logs.iter().zip(&pb.logs) {
                    let exact = |l: &kafkascope::engine::log::ReplicaLog| {
                        (
                            l.log_start_offset(),
                            l.high_watermark(),
                            l.log_end_offset(),
                            l.record_count(),
                            l.epoch_starts().to_vec(),
                            l.segments()
                                .map(|s| (s.base_offset, s.records))
                                .collect::<Vec<_>>(),
                        )
                    };
                    assert_eq!(exact(la), exact(lb), "{name} at t={t}");
                    let (x, y) = (la.size_bytes() as f64, lb.size_bytes() as f64);
                    let off = (x - y).abs() / y.max(1.0);
                    worst = worst.max(off);
                    assert!(off <= tolerance, "{name} at t={t}: {x} bytes, exactly {y}");
                }
            }
        }
        assert_eq!(a.totals(), b.totals(), "{name} at t={t}");
        seen.cold_runs = seen.cold_runs.max(a.footprint().cold_runs);
    }
    // Caught up and quiet: every estimate has been replaced by the run's
    // exact totals.
    let (oa, ob) = (observe(&a), observe(&b));
    let diff: Vec<(&str, &str)> = oa
        .lines()
        .zip(ob.lines())
        .filter(|(x, y)| x != y)
        .take(6)
        .collect();
    assert!(
        diff.is_empty(),
        "{name}: at the end (tiny, huge):\n{diff:#?}"
    );
    eprintln!("{name}: largest byte estimate error {:.3} %", worst * 100.0);
    seen.acknowledged_lost = a.totals().acknowledged_lost;
    seen
}

#[test]
fn follower_further_behind_than_the_lagging_budget() {
    let mut config = default_scenario();
    config.producers[0].records_per_sec = 60;
    config.network_latency_ms = 20;
    let commands = vec![
        (10_000, Command::CrashBroker(BrokerId(3))),
        (130_000, Command::StartBroker(BrokerId(3))),
        (
            170_000,
            Command::SetProducerRate {
                producer: ProducerId(0),
                records_per_sec: 0,
            },
        ),
    ];
    let seen = compare_lagging("far behind, runs", config, &commands, 200_000, 0.05);
    assert!(seen.cold_runs > 0, "{seen:?}");
}

/// The unclean election again, with replicas further behind than the
/// lagging budget: the records the new leader lacks are found by leader
/// epoch among counted runs, the old leader truncates into a run.
#[test]
fn unclean_election_beyond_the_lagging_budget() {
    let (config, commands) = unclean_setup();
    let seen = compare_lagging("unclean, runs", config, &commands, 150_000, 0.05);
    assert!(seen.cold_runs > 0, "{seen:?}");
    assert!(seen.acknowledged_lost > 0, "{seen:?}");
}

#[test]
fn failures_beyond_the_lagging_budget() {
    let mut config = default_scenario();
    config.producers[0].records_per_sec = 40;
    config.network_latency_ms = 20;
    let commands = vec![
        (20_000, Command::CrashBroker(BrokerId(2))),
        (80_000, Command::StartBroker(BrokerId(2))),
        (90_000, Command::CrashBroker(BrokerId(1))),
        (95_000, Command::StopBroker(BrokerId(3))),
        (150_000, Command::StartBroker(BrokerId(3))),
        (160_000, Command::StartBroker(BrokerId(1))),
        (
            200_000,
            Command::SetProducerRate {
                producer: ProducerId(0),
                records_per_sec: 0,
            },
        ),
    ];
    let seen = compare_lagging("failures, runs", config, &commands, 240_000, 0.05);
    assert!(seen.cold_runs > 0, "{seen:?}");
}
