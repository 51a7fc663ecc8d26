//! Replication under failure: elections, ISR changes, acks, truncation and
//! the ledger of lost records (KAFKA.md §3), plus a property test over random
//! failure schedules (seeded by proptest; a failure prints its case).
#![cfg(not(target_arch = "wasm32"))]

use kafkascope::engine::errors::{LossReason, ProduceError};
use kafkascope::engine::event::{ElectionKind, IsrChange};
use kafkascope::engine::{
    Acks, BrokerId, ClusterConfig, Command, Event, EventKind, ProducerConfig, ProducerId, Sim,
    TopicConfig, TopicIdx, TopicPartition,
};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

const TP0: TopicPartition = TopicPartition {
    topic: TopicIdx(0),
    partition: 0,
};

fn cluster(brokers: u32, rf: u32, min_isr: u32, acks: Acks, rate: u32) -> ClusterConfig {
    let mut topic = TopicConfig::new("t", 1);
    topic.replication_factor = rf;
    topic.min_insync_replicas = min_isr;
    let mut producer = ProducerConfig::new("p", "t", rate, &["k"]);
    producer.acks = acks;
    ClusterConfig {
        seed: 1,
        brokers,
        network_latency_ms: 10,
        topics: vec![topic],
        producers: vec![producer],
        groups: vec![],
        ..ClusterConfig::default()
    }
}

fn leader(sim: &Sim) -> Option<BrokerId> {
    sim.partition_state(TP0).unwrap().leader
}

fn isr(sim: &Sim) -> Vec<BrokerId> {
    sim.partition_state(TP0).unwrap().isr.clone()
}

fn run(sim: &mut Sim, to_ms: u64, events: &mut Vec<Event>) {
    sim.advance_to(to_ms);
    events.extend(sim.take_events());
}

#[test]
fn clean_shutdown_moves_leadership_at_once_and_shrinks_the_isr() {
    let mut sim = Sim::new(cluster(3, 3, 2, Acks::All, 10)).unwrap();
    let mut events = Vec::new();
    run(&mut sim, 2_000, &mut events);
    let old = leader(&sim).unwrap();
    let replicas = sim.partition_state(TP0).unwrap().replicas.clone();
    sim.apply(Command::StopBroker(old)).unwrap();
    events.extend(sim.take_events());
    // The next replica in assignment order leads, in the same instant.
    assert_eq!(leader(&sim), Some(replicas[1]));
    assert!(!isr(&sim).contains(&old));
    assert_eq!(sim.partition_state(TP0).unwrap().leader_epoch, 1);
    assert!(events.iter().any(|e| matches!(
        e.kind,
        EventKind::LeaderElected {
            kind: ElectionKind::Clean,
            ..
        }
    )));
    // Producing goes on against the new leader; nothing acknowledged is lost.
    let acked_before = sim.totals().records_acknowledged;
    run(&mut sim, 6_000, &mut events);
    assert!(sim.totals().records_acknowledged > acked_before);
    assert_eq!(sim.totals().acknowledged_lost, 0);
}

#[test]
fn a_crash_is_noticed_after_the_session_timeout() {
    let mut sim = Sim::new(cluster(3, 3, 2, Acks::All, 10)).unwrap();
    let mut events = Vec::new();
    run(&mut sim, 2_000, &mut events);
    let old = leader(&sim).unwrap();
    sim.apply(Command::CrashBroker(old)).unwrap();
    run(&mut sim, 2_000 + 8_999, &mut events);
    assert_eq!(
        leader(&sim),
        Some(old),
        "the controller has not noticed yet"
    );
    run(&mut sim, 2_000 + 9_000, &mut events);
    assert_ne!(leader(&sim), Some(old));
    assert!(leader(&sim).is_some());
}

#[test]
fn restarted_broker_truncates_to_the_new_leaders_epoch_end_and_rejoins() {
    // acks=1 and a follower slowed so it lags: the leader has records the
    // follower never copied. The leader crashes; the follower (still in the
    // ISR, lag < 30 s) is elected, writes at epoch 1; the old leader comes
    // back, asks OffsetsForLeaderEpoch for epoch 0 and truncates.
    let mut sim = Sim::new(cluster(2, 2, 1, Acks::Leader, 20)).unwrap();
    let mut events = Vec::new();
    run(&mut sim, 1_000, &mut events);
    let l1 = leader(&sim).unwrap();
    let f = sim
        .partition_state(TP0)
        .unwrap()
        .replicas
        .iter()
        .copied()
        .find(|b| *b != l1)
        .unwrap();
    sim.apply(Command::SetBrokerSlow {
        broker: f,
        extra_latency_ms: 3_000,
    })
    .unwrap();
    run(&mut sim, 4_000, &mut events);
    let leader_leo = sim
        .partition_state(TP0)
        .unwrap()
        .log_on(l1)
        .unwrap()
        .log_end_offset();
    let follower_leo = sim
        .partition_state(TP0)
        .unwrap()
        .log_on(f)
        .unwrap()
        .log_end_offset();
    assert!(
        follower_leo < leader_leo,
        "the follower lags: {follower_leo} < {leader_leo}"
    );
    sim.apply(Command::CrashBroker(l1)).unwrap();
    sim.apply(Command::SetBrokerSlow {
        broker: f,
        extra_latency_ms: 0,
    })
    .unwrap();
    run(&mut sim, 4_000 + 9_000 + 1, &mut events);
    assert_eq!(leader(&sim), Some(f));
    // acks=1: acknowledged records that only the old leader had are lost.
    assert!(
        sim.totals().acknowledged_lost > 0,
        "acks=1 loses acknowledged records"
    );
    assert!(events.iter().any(|e| matches!(
        e.kind,
        EventKind::RecordsLost {
            reason: LossReason::NotOnNewLeader,
            ..
        }
    )));
    run(&mut sim, 16_000, &mut events);
    sim.apply(Command::StartBroker(l1)).unwrap();
    run(&mut sim, 25_000, &mut events);
    let truncated = events.iter().find_map(|e| match e.kind {
        EventKind::FollowerTruncated {
            broker,
            from_offset,
            to_offset,
            ..
        } if broker == l1 => Some((from_offset, to_offset)),
        _ => None,
    });
    let (from, to) = truncated.expect("the old leader truncates");
    assert_eq!(from, leader_leo.max(from));
    assert!(to < from);
    // Both replicas now hold the same records at the same offsets.
    let part = sim.partition_state(TP0).unwrap();
    let ids = |b: BrokerId| -> Vec<u64> {
        part.log_on(b)
            .unwrap()
            .entries()
            .map(|e| e.record.id.0)
            .collect()
    };
    let (a, b) = (ids(l1), ids(f));
    let n = a.len().min(b.len());
    assert!(n > 0);
    assert_eq!(a[..n], b[..n]);
    assert!(isr(&sim).contains(&l1), "caught up: back in the ISR");
    assert!(events.iter().any(|e| matches!(
        e.kind,
        EventKind::IsrChanged {
            reason: IsrChange::CaughtUp,
            ..
        }
    )));
}

#[test]
fn hw_is_held_while_the_isr_is_below_min_insync() {
    // Kafka 3.7+ (KAFKA-15583): with |ISR| < min(min.insync, RF) the HW does
    // not move, even for acks=1 records that the leader appended.
    let mut sim = Sim::new(cluster(3, 3, 2, Acks::Leader, 10)).unwrap();
    let mut events = Vec::new();
    run(&mut sim, 1_000, &mut events);
    let l = leader(&sim).unwrap();
    for b in [1, 2, 3].map(BrokerId) {
        if b != l {
            sim.apply(Command::StopBroker(b)).unwrap();
        }
    }
    assert_eq!(isr(&sim), vec![l]);
    run(&mut sim, 1_500, &mut events);
    let log = sim.partition_state(TP0).unwrap().log_on(l).unwrap();
    let hw = log.high_watermark();
    run(&mut sim, 5_000, &mut events);
    let log = sim.partition_state(TP0).unwrap().log_on(l).unwrap();
    assert!(log.log_end_offset() > hw + 10, "acks=1 appends go on");
    assert_eq!(log.high_watermark(), hw, "but the HW is held");
}

#[test]
fn acks_all_below_min_insync_is_refused_before_append() {
    let mut sim = Sim::new(cluster(3, 3, 2, Acks::All, 10)).unwrap();
    let mut events = Vec::new();
    run(&mut sim, 1_000, &mut events);
    let l = leader(&sim).unwrap();
    for b in [1, 2, 3].map(BrokerId) {
        if b != l {
            sim.apply(Command::StopBroker(b)).unwrap();
        }
    }
    run(&mut sim, 1_100, &mut events);
    let leo = sim
        .partition_state(TP0)
        .unwrap()
        .log_on(l)
        .unwrap()
        .log_end_offset();
    run(&mut sim, 3_000, &mut events);
    assert!(events.iter().any(|e| matches!(
        e.kind,
        EventKind::ProduceFailed {
            error: ProduceError::NotEnoughReplicas,
            ..
        }
    )));
    let now_leo = sim
        .partition_state(TP0)
        .unwrap()
        .log_on(l)
        .unwrap()
        .log_end_offset();
    assert_eq!(now_leo, leo, "nothing was appended");
}

/// Kafka 3.7+ `Partition.effectiveMinIsr` (KAFKA-15583): the `acks=all`
/// check before an append compares the ISR with min(min.insync.replicas, RF),
/// so a topic with 2 replicas and `min.insync.replicas=3` takes writes while
/// both replicas are in sync, and refuses them once the ISR is the leader alone.
#[test]
fn acks_all_uses_the_effective_min_isr_kafka_15583() {
    let mut sim = Sim::new(cluster(2, 2, 3, Acks::All, 10)).unwrap();
    let mut events = Vec::new();
    run(&mut sim, 3_000, &mut events);
    let refused = |events: &[Event]| {
        events.iter().any(|e| {
            matches!(
                e.kind,
                EventKind::ProduceFailed {
                    error: ProduceError::NotEnoughReplicas
                        | ProduceError::NotEnoughReplicasAfterAppend,
                    ..
                }
            )
        })
    };
    assert!(!refused(&events), "2 in sync >= min(3, 2): accepted");
    let acked = sim.totals().records_acknowledged;
    assert!(acked > 0, "records were acknowledged");
    let l = leader(&sim).unwrap();
    let other = BrokerId(if l.0 == 1 { 2 } else { 1 });
    sim.apply(Command::StopBroker(other)).unwrap();
    events.clear();
    run(&mut sim, 5_000, &mut events);
    assert!(refused(&events), "1 in sync < min(3, 2): refused");
}

#[test]
fn a_lagging_follower_leaves_the_isr_after_replica_lag_time_max() {
    let mut sim = Sim::new(cluster(3, 3, 2, Acks::All, 10)).unwrap();
    let mut events = Vec::new();
    run(&mut sim, 2_000, &mut events);
    let l = leader(&sim).unwrap();
    let f = isr(&sim).into_iter().find(|b| *b != l).unwrap();
    sim.apply(Command::CutLink {
        a: kafkascope::engine::network::Node::Broker(l),
        b: kafkascope::engine::network::Node::Broker(f),
    })
    .unwrap();
    // Last caught up no later than the cut; the check runs every 15 s.
    run(&mut sim, 2_000 + 29_000, &mut events);
    assert!(isr(&sim).contains(&f), "not yet: lag under 30 s");
    run(&mut sim, 2_000 + 30_000 + 15_000, &mut events);
    assert!(!isr(&sim).contains(&f), "out after 30 s behind");
    assert!(events.iter().any(|e| matches!(
        e.kind,
        EventKind::IsrChanged {
            reason: IsrChange::LaggingFollower,
            ..
        }
    )));
    // Healed, it catches up and rejoins.
    sim.apply(Command::HealLink {
        a: kafkascope::engine::network::Node::Broker(l),
        b: kafkascope::engine::network::Node::Broker(f),
    })
    .unwrap();
    run(&mut sim, 2_000 + 30_000 + 15_000 + 31_000, &mut events);
    assert!(isr(&sim).contains(&f), "back after catching up");
}

/// Kafka's `Replica.isCaughtUp`: a follower whose LEO equals the leader's
/// LEO is caught up, so an idle partition keeps its ISR even when a follower
/// cannot fetch for far longer than `replica.lag.time.max.ms` (the lagging
/// case, with writes, is the test above).
#[test]
fn an_idle_follower_stays_in_the_isr_replica_is_caught_up() {
    let mut config = cluster(3, 3, 2, Acks::All, 10);
    config.producers.clear();
    let mut sim = Sim::new(config).unwrap();
    let mut events = Vec::new();
    run(&mut sim, 2_000, &mut events);
    let l = leader(&sim).unwrap();
    let f = isr(&sim).into_iter().find(|b| *b != l).unwrap();
    let link = || Command::CutLink {
        a: kafkascope::engine::network::Node::Broker(l),
        b: kafkascope::engine::network::Node::Broker(f),
    };
    sim.apply(link()).unwrap();
    run(&mut sim, 300_000, &mut events);
    assert!(isr(&sim).contains(&f), "idle: LEO equals the leader's LEO");
    assert!(!events.iter().any(|e| matches!(
        e.kind,
        EventKind::IsrChanged {
            reason: IsrChange::LaggingFollower,
            ..
        }
    )));
}

#[test]
fn offline_partition_and_unclean_election_lose_committed_records() {
    // RF 2: crash the follower, keep producing (ISR shrinks to the leader),
    // then crash the leader: offline. Restart the stale follower: with unclean
    // election off it stays offline; turning it on elects it at the KRaft
    // controller's next periodic check (QuorumController
    // .maybeScheduleNextElectUncleanLeaders, every 5 minutes), not at once,
    // and loses data.
    let mut config = cluster(2, 2, 1, Acks::All, 10);
    config.replica_lag_time_max_ms = 5_000;
    let mut sim = Sim::new(config).unwrap();
    let mut events = Vec::new();
    run(&mut sim, 1_000, &mut events);
    let l = leader(&sim).unwrap();
    let f = if l == BrokerId(1) {
        BrokerId(2)
    } else {
        BrokerId(1)
    };
    sim.apply(Command::CrashBroker(f)).unwrap();
    run(&mut sim, 15_000, &mut events);
    assert_eq!(isr(&sim), vec![l]);
    sim.apply(Command::CrashBroker(l)).unwrap();
    run(&mut sim, 25_000, &mut events);
    assert_eq!(leader(&sim), None, "offline: no in-sync replica alive");
    sim.apply(Command::StartBroker(f)).unwrap();
    run(&mut sim, 26_000, &mut events);
    assert_eq!(leader(&sim), None, "unclean election is off by default");
    sim.apply(Command::SetUncleanLeaderElection {
        topic: TopicIdx(0),
        enabled: true,
    })
    .unwrap();
    events.extend(sim.take_events());
    assert_eq!(leader(&sim), None, "not at once");
    run(&mut sim, 299_999, &mut events);
    assert_eq!(leader(&sim), None, "not before the 5-minute check");
    run(&mut sim, 300_000, &mut events);
    assert_eq!(leader(&sim), Some(f), "at the periodic check");
    let lost_at: Vec<u64> = events
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                EventKind::RecordsLost {
                    reason: LossReason::UncleanElection,
                    ..
                }
            )
        })
        .map(|e| e.at_ms)
        .collect();
    assert_eq!(lost_at, vec![300_000]);
    assert!(
        sim.totals().acknowledged_lost > 0,
        "committed, acknowledged records are gone"
    );
}

#[test]
fn acks_zero_to_a_dead_leader_is_lost_silently() {
    // Batches on the wire when the leader's process dies are never written,
    // and with acks=0 nobody notices (no answer was expected).
    let mut config = cluster(3, 3, 2, Acks::None, 50);
    config.network_latency_ms = 100;
    let mut sim = Sim::new(config).unwrap();
    let mut events = Vec::new();
    run(&mut sim, 1_000, &mut events);
    let l = leader(&sim).unwrap();
    sim.apply(Command::CrashBroker(l)).unwrap();
    run(&mut sim, 3_000, &mut events);
    assert!(sim.totals().records_lost > 0);
    assert!(events.iter().any(|e| matches!(
        e.kind,
        EventKind::RecordsLost {
            reason: LossReason::Acks0Undelivered,
            ..
        }
    )));
}

#[test]
fn impossible_commands_are_refused() {
    let mut sim = Sim::new(cluster(3, 3, 2, Acks::All, 10)).unwrap();
    assert!(sim.apply(Command::StartBroker(BrokerId(1))).is_err());
    assert!(sim.apply(Command::StopBroker(BrokerId(9))).is_err());
    sim.apply(Command::StopBroker(BrokerId(1))).unwrap();
    assert!(sim.apply(Command::CrashBroker(BrokerId(1))).is_err());
}

#[derive(Clone, Debug)]
enum Fault {
    Crash(u32),
    Stop(u32),
    Start(u32),
    Slow(u32, u64),
    Cut(u32, u32),
    Heal(u32, u32),
    /// A consumer joins the group.
    AddMember,
    /// The n-th live consumer's process dies (modulo the live count).
    CrashMember(u8),
}

fn arb_schedule() -> impl Strategy<Value = Vec<(u64, Fault)>> {
    let fault = prop_oneof![
        (1u32..=3).prop_map(Fault::Crash),
        (1u32..=3).prop_map(Fault::Stop),
        (1u32..=3).prop_map(Fault::Start),
        ((1u32..=3), 0u64..5_000).prop_map(|(b, ms)| Fault::Slow(b, ms)),
        ((1u32..=3), (1u32..=3)).prop_map(|(a, b)| Fault::Cut(a, b)),
        ((1u32..=3), (1u32..=3)).prop_map(|(a, b)| Fault::Heal(a, b)),
        Just(Fault::AddMember),
        any::<u8>().prop_map(Fault::CrashMember),
    ];
    proptest::collection::vec((0u64..60_000, fault), 0..12)
}

fn apply_fault(sim: &mut Sim, fault: &Fault) {
    use kafkascope::engine::network::Node;
    use kafkascope::engine::GroupIdx;
    let command = match *fault {
        Fault::Crash(b) => Command::CrashBroker(BrokerId(b)),
        Fault::Stop(b) => Command::StopBroker(BrokerId(b)),
        Fault::Start(b) => Command::StartBroker(BrokerId(b)),
        Fault::Slow(b, ms) => Command::SetBrokerSlow {
            broker: BrokerId(b),
            extra_latency_ms: ms,
        },
        Fault::Cut(a, b) => Command::CutLink {
            a: Node::Broker(BrokerId(a)),
            b: Node::Broker(BrokerId(b)),
        },
        Fault::Heal(a, b) => Command::HealLink {
            a: Node::Broker(BrokerId(a)),
            b: Node::Broker(BrokerId(b)),
        },
        Fault::AddMember => Command::AddMember {
            group: GroupIdx(0),
            instance_id: None,
        },
        Fault::CrashMember(n) => {
            let live: Vec<_> = sim.groups()[0]
                .members
                .iter()
                .filter(|m| m.alive())
                .map(|m| m.id)
                .collect();
            if live.is_empty() {
                return;
            }
            Command::CrashMember {
                member: live[n as usize % live.len()],
            }
        }
    };
    // Refusals (stopping a stopped broker, a link to itself, a full group)
    // are fine here.
    let _ = sim.apply(command);
}

/// What the durability harness counted over all its schedules.
#[derive(Default)]
struct Tally {
    schedules: u64,
    faults: u64,
    acknowledged_records: u64,
    invariant_checks: u64,
}

/// The invariants checked after every 250 ms of every schedule: HW ≤ LEO
/// and (every 4 s, walking the logs) offsets increasing by one up to the
/// LEO on every replica, the leader's HW
/// monotonic within its epoch, committed offsets ≤ the leader's LEO, and
/// one owner per partition among the members of one generation.
fn check_durability_invariants(
    sim: &Sim,
    hw_by_epoch: &mut std::collections::BTreeMap<u32, u64>,
    walk_logs: bool,
) -> Result<(), TestCaseError> {
    let part = sim.partition_state(TP0).unwrap();
    for log in &part.logs {
        prop_assert!(log.high_watermark() <= log.log_end_offset(), "HW ≤ LEO");
        if walk_logs {
            let mut last: Option<u64> = None;
            for e in log.entries() {
                prop_assert!(
                    last.is_none_or(|l| e.offset == l + 1),
                    "offsets increase by one"
                );
                last = Some(e.offset);
            }
            let end = last.map_or(log.log_start_offset(), |l| l + 1);
            prop_assert_eq!(end, log.log_end_offset());
        }
    }
    if let Some(l) = part.leader_log() {
        let hw = l.high_watermark();
        let before = hw_by_epoch.insert(part.leader_epoch, hw).unwrap_or(0);
        prop_assert!(
            hw >= before,
            "leader HW went back within epoch {}",
            part.leader_epoch
        );
        for (&p, &committed) in &sim.groups()[0].committed {
            prop_assert_eq!(p, 0);
            prop_assert!(
                committed <= l.log_end_offset(),
                "committed {} > LEO {}",
                committed,
                l.log_end_offset()
            );
        }
    }
    let mut owners: std::collections::BTreeMap<(u32, u32), u32> = Default::default();
    for m in sim.groups()[0].members.iter().filter(|m| m.alive()) {
        if let Some(generation) = m.generation {
            for p in &m.assigned {
                *owners.entry((generation, *p)).or_default() += 1;
            }
        }
    }
    prop_assert!(
        owners.values().all(|n| *n == 1),
        "two owners in one generation: {:?}",
        owners
    );
    Ok(())
}

/// Takes the events told so far; notes each acknowledged record (offset and
/// record id) as the leader holds it at the time of the ack.
fn note_acks(
    sim: &mut Sim,
    acked: &mut std::collections::BTreeMap<u64, u64>,
) -> Result<(), TestCaseError> {
    for e in sim.take_events() {
        if let EventKind::ProduceAcked {
            base_offset,
            records,
            ..
        } = e.kind
        {
            let part = sim.partition_state(TP0).unwrap();
            let log = part.leader_log().expect("an ack comes from a leader");
            for offset in base_offset..base_offset + u64::from(records) {
                let entry = log.get(offset);
                prop_assert!(entry.is_some(), "acked offset {} not on the leader", offset);
                acked.insert(offset, entry.unwrap().record.id.0);
            }
        }
    }
    Ok(())
}

/// Runs one failure schedule; returns the acknowledged records it checked
/// and how many times it checked the invariants.
fn durability_case(seed: u64, schedule: Vec<(u64, Fault)>) -> Result<(u64, u64), TestCaseError> {
    use kafkascope::engine::{GroupConfig, OffsetReset};
    let mut config = cluster(3, 3, 2, Acks::All, 40);
    config.seed = seed;
    config.replica_lag_time_max_ms = 6_000;
    let mut group = GroupConfig::new("g", "t", 1);
    group.processing_ms_per_record = 1;
    group.auto_commit_interval_ms = 1_000;
    group.auto_offset_reset = OffsetReset::Earliest;
    group.session_timeout_ms = 6_000;
    group.heartbeat_interval_ms = 1_000;
    config.groups = vec![group];
    let mut sim = Sim::new(config).unwrap();
    // Every acknowledged record's identity is checked at the end: keep them
    // all in full (by default records far behind the log end become counts).
    sim.set_hot_entries_per_log(Some(usize::MAX));
    let mut schedule = schedule;
    schedule.sort_by_key(|(t, _)| *t);
    // Every acknowledged record, by offset, with the id it had when acked.
    let mut acked: std::collections::BTreeMap<u64, u64> = Default::default();
    let mut hw_by_epoch: std::collections::BTreeMap<u32, u64> = Default::default();
    let mut next = schedule.into_iter().peekable();
    let mut t = 0;
    let mut checks = 0;
    while t < 80_000 {
        t += 250;
        while next.peek().is_some_and(|(at, _)| *at <= t) {
            let (at, fault) = next.next().unwrap();
            sim.advance_to(at);
            note_acks(&mut sim, &mut acked)?;
            apply_fault(&mut sim, &fault);
        }
        sim.advance_to(t);
        note_acks(&mut sim, &mut acked)?;
        check_durability_invariants(&sim, &mut hw_by_epoch, checks % 16 == 0)?;
        checks += 1;
        prop_assert_eq!(
            sim.totals().acknowledged_lost,
            0,
            "acknowledged record lost at t={}",
            t
        );
    }
    // Faults off: everything heals and converges.
    for b in 1..=3 {
        let _ = sim.apply(Command::StartBroker(BrokerId(b)));
        let _ = sim.apply(Command::SetBrokerSlow {
            broker: BrokerId(b),
            extra_latency_ms: 0,
        });
        for c in 1..=3 {
            apply_fault(&mut sim, &Fault::Heal(b, c));
        }
    }
    sim.apply(Command::SetProducerRate {
        producer: ProducerId(0),
        records_per_sec: 0,
    })
    .unwrap();
    sim.advance_to(t + 120_000);
    note_acks(&mut sim, &mut acked)?;
    check_durability_invariants(&sim, &mut hw_by_epoch, true)?;
    prop_assert_eq!(sim.totals().acknowledged_lost, 0);
    let part = sim.partition_state(TP0).unwrap();
    let leader_log = part.leader_log().expect("a leader after healing");
    // Every acknowledged record is still in the leader's log at its offset,
    // below the HW, and so on every replica.
    for (offset, id) in &acked {
        prop_assert!(
            *offset < leader_log.high_watermark(),
            "acked {} above HW",
            offset
        );
        for log in &part.logs {
            prop_assert_eq!(
                log.get(*offset).map(|e| e.record.id.0),
                Some(*id),
                "acked record at {} lost",
                offset
            );
        }
    }
    prop_assert_eq!(part.isr.len(), 3, "all replicas back in sync");
    for log in &part.logs {
        prop_assert_eq!(log.log_end_offset(), leader_log.log_end_offset());
    }
    Ok((acked.len() as u64, checks + 1))
}

/// The durability harness at CI size (fixed seed; a failure prints its
/// schedule, shrunk): with acks=all, min.insync.replicas=2 and unclean
/// election off, no acknowledged record is ever lost under random broker
/// crashes, stops, restarts, slow brokers, cut links and consumer crashes,
/// and the invariants of [`check_durability_invariants`] hold throughout.
/// `DURABILITY_SCHEDULES=6000` runs the full size.
#[test]
fn acks_all_min_insync_2_never_loses_an_acknowledged_record() {
    use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
    let cases = std::env::var("DURABILITY_SCHEDULES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(120);
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner =
        TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]));
    let tally = std::cell::RefCell::new(Tally::default());
    let started = std::time::Instant::now();
    let result = runner.run(&(any::<u64>(), arb_schedule()), |(seed, schedule)| {
        let faults = schedule.len() as u64;
        let (records, checks) = durability_case(seed, schedule)?;
        let mut t = tally.borrow_mut();
        t.schedules += 1;
        t.faults += faults;
        t.acknowledged_records += records;
        t.invariant_checks += checks;
        Ok(())
    });
    let t = tally.into_inner();
    eprintln!(
        "durability: {} acknowledged acks=all records checked under {} random failure schedules ({} faults; RF 3, min ISR 2, no unclean election): none lost; invariants checked {} times; {:.1} s",
        t.acknowledged_records,
        t.schedules,
        t.faults,
        t.invariant_checks,
        started.elapsed().as_secs_f64()
    );
    if let Err(e) = result {
        panic!("{e}");
    }
}

#[test]
fn consumers_follow_the_new_leader_after_a_crash() {
    let mut config = kafkascope::engine::scenarios::default_scenario();
    config.network_latency_ms = 20;
    let mut sim = Sim::new(config).unwrap();
    let mut events = Vec::new();
    run(&mut sim, 10_000, &mut events);
    let l = leader(&sim).unwrap();
    sim.apply(Command::CrashBroker(l)).unwrap();
    // Fenced after 9 s; the consumer's fetch there failed when it crashed.
    run(&mut sim, 25_000, &mut events);
    let consumed_at = |events: &[Event], from: u64| {
        events
            .iter()
            .filter(|e| e.at_ms > from)
            .filter(|e| matches!(&e.kind, EventKind::RecordConsumed { tp, .. } if *tp == TP0))
            .count()
    };
    assert!(
        consumed_at(&events, 20_000) > 0,
        "the group reads orders-0 from its new leader"
    );
}

fn partition(sim: &Sim, p: u32) -> &kafkascope::engine::topic::Partition {
    sim.partition_state(TopicPartition {
        topic: TopicIdx(0),
        partition: p,
    })
    .unwrap()
}

/// `CreatePartitions` on a compacted topic: the new partitions' logs carry
/// the topic's configs (`cleanup.policy=compact`, its segment size), not
/// Kafka's defaults.
#[test]
fn added_partitions_take_the_topics_log_configs() {
    let mut config = cluster(3, 3, 2, Acks::All, 0);
    config.topics[0].log.cleanup_policy = kafkascope::engine::CleanupPolicy::Compact;
    config.topics[0].log.segment_bytes = 600;
    let mut sim = Sim::new(config).unwrap();
    sim.advance_to(1_000);
    sim.apply(Command::AddPartitions {
        topic: "t".into(),
        total: 3,
    })
    .unwrap();
    for p in 0..3 {
        for log in &partition(&sim, p).logs {
            assert!(log.config().cleanup_policy.compacts(), "partition {p}");
            assert_eq!(log.config().segment_bytes, 600, "partition {p}");
        }
    }
}

/// KRaft's placer puts leaders on unfenced brokers only, and the ISR of a
/// new partition is its unfenced replicas (`ReplicationControlManager.createPartitions`).
#[test]
fn added_partitions_lead_on_unfenced_brokers_and_the_fenced_one_catches_up() {
    let mut sim = Sim::new(cluster(3, 3, 2, Acks::All, 20)).unwrap();
    sim.advance_to(1_000);
    sim.apply(Command::StopBroker(BrokerId(2))).unwrap();
    sim.apply(Command::AddPartitions {
        topic: "t".into(),
        total: 7,
    })
    .unwrap();
    for p in 1..7 {
        let part = partition(&sim, p);
        assert_eq!(part.replicas.len(), 3);
        assert_ne!(part.leader, Some(BrokerId(2)), "p{p}: {:?}", part.replicas);
        assert!(part.leader.is_some());
        assert!(!part.isr.contains(&BrokerId(2)), "p{p}: {:?}", part.isr);
        assert_eq!(part.isr.len(), 2);
    }
    sim.advance_to(5_000);
    sim.apply(Command::StartBroker(BrokerId(2))).unwrap();
    sim.advance_to(40_000);
    for p in 1..7 {
        assert_eq!(partition(&sim, p).isr.len(), 3, "p{p} back in sync");
    }
    assert_eq!(sim.totals().acknowledged_lost, 0);
}

/// Every broker fenced: Kafka refuses (`StripedReplicaPlacer`); every broker
/// crashed but not yet fenced: Kafka places the partitions (the controller
/// does not know yet), they go offline when the sessions expire and get a
/// leader again when a broker comes back.
#[test]
fn adding_partitions_with_no_live_broker() {
    let mut sim = Sim::new(cluster(3, 3, 2, Acks::All, 0)).unwrap();
    sim.advance_to(1_000);
    for b in 1..=3 {
        sim.apply(Command::CrashBroker(BrokerId(b))).unwrap();
    }
    sim.apply(Command::AddPartitions {
        topic: "t".into(),
        total: 2,
    })
    .unwrap();
    assert!(partition(&sim, 1).leader.is_some());
    sim.advance_to(20_000);
    assert_eq!(
        partition(&sim, 1).leader,
        None,
        "offline once all are fenced"
    );
    assert!(
        !partition(&sim, 1).isr.is_empty(),
        "an ISR is never emptied"
    );
    let refused = sim
        .apply(Command::AddPartitions {
            topic: "t".into(),
            total: 3,
        })
        .unwrap_err();
    assert_eq!(
        refused.to_string(),
        "INVALID_REPLICATION_FACTOR: All brokers are currently fenced."
    );
    for b in 1..=3 {
        sim.apply(Command::StartBroker(BrokerId(b))).unwrap();
    }
    sim.advance_to(40_000);
    for p in 0..2 {
        assert!(
            partition(&sim, p).leader.is_some(),
            "p{p} has a leader again"
        );
        assert_eq!(partition(&sim, p).isr.len(), 3, "p{p}");
    }
}

/// Every time setting at the largest value Kafka accepts (INT or LONG
/// maximum): crashes, restarts and a minute of traffic run without an
/// overflow; one past Kafka's type is refused in Kafka's words. (A
/// `broker.session.timeout.ms` of u64::MAX used to overflow in failure.rs
/// and, with `panic = "abort"`, kill the page.)
#[test]
fn time_settings_at_kafkas_maximums_never_overflow() {
    let int_max = i32::MAX as u64;
    let long_max = i64::MAX as u64;
    let mut config = cluster(3, 3, 2, Acks::All, 50);
    config.broker_session_timeout_ms = int_max;
    config.replica_lag_time_max_ms = long_max;
    config.log_retention_check_interval_ms = long_max;
    config.topics[0].log.retention_ms = Some(long_max);
    config.topics[0].log.segment_ms = long_max;
    config.topics[0].log.delete_retention_ms = long_max;
    config.topics[0].log.retention_bytes = Some(long_max);
    let mut group = kafkascope::engine::GroupConfig::new("g", "t", 2);
    group.session_timeout_ms = 1_800_000;
    group.heartbeat_interval_ms = 1_799_999;
    group.max_poll_interval_ms = 3_600_000;
    group.auto_commit_interval_ms = 3_600_000;
    config.groups = vec![group];
    let mut sim = Sim::new(config.clone()).unwrap();
    sim.advance_to(5_000);
    sim.apply(Command::CrashBroker(BrokerId(1))).unwrap();
    sim.apply(Command::SetRetentionCheckInterval {
        interval_ms: long_max,
    })
    .unwrap();
    sim.advance_to(30_000);
    sim.apply(Command::StartBroker(BrokerId(1))).unwrap();
    sim.advance_to(60_000);
    assert!(sim.totals().records_acknowledged > 0);

    for (what, set) in [
        (
            "broker.session.timeout.ms: Not a number of type INT",
            (|c: &mut ClusterConfig| c.broker_session_timeout_ms = u64::MAX)
                as fn(&mut ClusterConfig),
        ),
        ("replica.lag.time.max.ms: Not a number of type LONG", |c| {
            c.replica_lag_time_max_ms = i64::MAX as u64 + 1
        }),
        (
            "log.retention.check.interval.ms: Not a number of type LONG",
            |c| c.log_retention_check_interval_ms = u64::MAX,
        ),
        ("retention.ms: Not a number of type LONG", |c| {
            c.topics[0].log.retention_ms = Some(u64::MAX)
        }),
        ("session.timeout.ms: Not a number of type INT", |c| {
            c.groups[0].session_timeout_ms = u64::MAX
        }),
        ("linger.ms: Not a number of type LONG", |c| {
            c.producers[0].linger_ms = u64::MAX
        }),
    ] {
        let mut bad = config.clone();
        set(&mut bad);
        let refused = Sim::new(bad).unwrap_err().to_string();
        assert!(
            refused.starts_with("INVALID_CONFIG: Invalid value ") && refused.ends_with(what),
            "{refused}"
        );
    }
    let refused = sim
        .apply(Command::SetRetentionCheckInterval {
            interval_ms: u64::MAX,
        })
        .unwrap_err();
    assert!(refused.to_string().ends_with("Not a number of type LONG"));
}
