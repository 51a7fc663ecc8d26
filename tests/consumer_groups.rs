//! Consumer groups end to end in the engine: rebalances phase by phase,
//! eager versus cooperative, duplicates, crashes, seeks, offset resets,
//! several groups, and Burrow's status as a group's behaviour changes.
#![cfg(not(target_arch = "wasm32"))]

use kafkascope::engine::{
    Assignor, BurrowStatus, ClusterConfig, Command, CommitMode, EventKind, GroupConfig, GroupEvent,
    GroupIdx, GroupState, MemberId, OffsetReset, ProducerConfig, RebalanceProtocol, SeekTarget,
    Sim, TopicConfig,
};

const G: GroupIdx = GroupIdx(0);

/// One topic of `partitions`, a producer at `rate`/s, one group of `members`.
fn cluster(partitions: u32, rate: u32, members: u32, assignor: Assignor) -> ClusterConfig {
    let mut topic = TopicConfig::new("orders", partitions);
    topic.replication_factor = 1;
    let producer = ProducerConfig::new("p", "orders", rate, &["a", "b", "c", "d", "e", "f", "g"]);
    let mut group = GroupConfig::new("audit", "orders", members);
    group.processing_ms_per_record = 20;
    group.max_poll_records = 20;
    group.auto_commit_interval_ms = 1_000;
    group.auto_offset_reset = OffsetReset::Earliest;
    group.session_timeout_ms = 6_000;
    group.heartbeat_interval_ms = 1_000;
    group.assignor = assignor;
    group.protocol = if assignor == Assignor::CooperativeSticky {
        RebalanceProtocol::Cooperative
    } else {
        RebalanceProtocol::Eager
    };
    ClusterConfig {
        seed: 11,
        brokers: 3,
        network_latency_ms: 20,
        topics: vec![topic],
        producers: vec![producer],
        groups: vec![group],
        ..ClusterConfig::default()
    }
}

fn owned(sim: &Sim) -> Vec<(String, Vec<u32>)> {
    sim.groups()[0]
        .members
        .iter()
        .map(|m| (m.name.clone(), m.assigned.clone()))
        .collect()
}

fn stable(sim: &Sim) -> bool {
    let g = &sim.groups()[0];
    g.view.state == GroupState::Stable
        && g.members
            .iter()
            .all(|m| m.phase == kafkascope::engine::MemberPhase::Stable && !m.rejoin_needed)
}

fn events(sim: &mut Sim) -> Vec<EventKind> {
    sim.take_events().into_iter().map(|e| e.kind).collect()
}

#[test]
fn a_second_member_splits_the_partitions_as_the_range_assignor_says() {
    let mut sim = Sim::new(cluster(3, 20, 1, Assignor::Range)).unwrap();
    sim.advance_to(2_000);
    assert!(stable(&sim));
    assert_eq!(owned(&sim), vec![("consumer-1".to_string(), vec![0, 1, 2])]);
    let _ = sim.take_events();
    sim.apply(Command::AddMember {
        group: G,
        instance_id: None,
    })
    .unwrap();
    sim.advance_to(6_000);
    assert!(stable(&sim));
    assert_eq!(
        owned(&sim),
        vec![
            ("consumer-1".to_string(), vec![0, 1]),
            ("consumer-2".to_string(), vec![2])
        ]
    );
    // The phases were told in order.
    let kinds: Vec<&'static str> = events(&mut sim)
        .iter()
        .filter_map(|k| match k {
            EventKind::Group(GroupEvent::RebalanceStarted { .. }) => Some("start"),
            EventKind::Group(GroupEvent::PartitionsRevoked { .. }) => Some("revoke"),
            EventKind::Group(GroupEvent::JoinCompleted { .. }) => Some("joined"),
            EventKind::Group(GroupEvent::AssignmentComputed { .. }) => Some("computed"),
            EventKind::PartitionsAssigned { .. } => Some("synced"),
            _ => None,
        })
        .collect();
    let first = |k: &str| kinds.iter().position(|x| *x == k).unwrap();
    assert!(first("start") < first("revoke"));
    assert!(first("revoke") < first("joined"));
    assert!(first("joined") < first("computed"));
    assert!(first("computed") < first("synced"));
}

#[test]
fn round_robin_and_more_members_than_partitions_leave_idle_members() {
    let mut sim = Sim::new(cluster(2, 5, 3, Assignor::RoundRobin)).unwrap();
    sim.advance_to(4_000);
    assert!(stable(&sim));
    assert_eq!(
        owned(&sim),
        vec![
            ("consumer-1".to_string(), vec![0]),
            ("consumer-2".to_string(), vec![1]),
            ("consumer-3".to_string(), vec![]),
        ]
    );
}

/// Runs a scale-out from 2 to 3 members under a steady load and returns the
/// duplicates and the records processed while the rebalance was under way.
fn scale_out(assignor: Assignor) -> (u64, u64, Sim) {
    let mut sim = Sim::new(cluster(6, 200, 2, assignor)).unwrap();
    sim.advance_to(5_000);
    assert!(stable(&sim));
    let before = sim.totals().records_consumed;
    sim.apply(Command::AddMember {
        group: G,
        instance_id: None,
    })
    .unwrap();
    let mut t = 5_000;
    while !stable(&sim) || t == 5_000 {
        t += 10;
        sim.advance_to(t);
        assert!(t < 20_000, "the group settles");
    }
    let during = sim.totals().records_consumed - before;
    sim.advance_to(t + 3_000);
    (sim.groups()[0].duplicates, during, sim)
}

#[test]
fn eager_stops_the_world_and_cooperative_duplicates_what_it_revokes() {
    // Eager: auto-commit commits in onJoinPrepare before revoking everything,
    // so nothing is processed twice, but everyone stops during the rebalance.
    let (eager_dups, eager_during, eager) = scale_out(Assignor::Sticky);
    // Cooperative: members keep processing what they own while the group
    // rebalances; the partitions that move are revoked when the SyncGroup
    // answer arrives, without a commit, so their newest records are
    // processed again by the new owner.
    let (coop_dups, coop_during, coop) = scale_out(Assignor::CooperativeSticky);
    assert_eq!(eager_dups, 0, "{}", eager);
    assert!(coop_dups > 0, "{}", coop);
    assert!(
        coop_during > eager_during,
        "cooperative keeps consuming: {coop_during} vs {eager_during}"
    );
    // Both end balanced: 6 partitions over 3 members.
    for sim in [&eager, &coop] {
        let counts: Vec<usize> = sim.groups()[0]
            .members
            .iter()
            .map(|m| m.assigned.len())
            .collect();
        assert_eq!(counts, vec![2, 2, 2]);
    }
    // Cooperative took two rebalances for the scale-out (revoke, then
    // assign); eager one. (Both started the same way: without
    // group.initial.rebalance.delay.ms the two first members join in turn.)
    assert_eq!(
        coop.groups()[0].rebalances,
        eager.groups()[0].rebalances + 1
    );
}

#[test]
fn a_crash_is_noticed_after_the_session_timeout_and_its_uncommitted_records_repeat() {
    let mut sim = Sim::new(cluster(2, 100, 2, Assignor::Range)).unwrap();
    sim.advance_to(5_500);
    assert!(stable(&sim));
    let crashed = sim.groups()[0].members[1].id;
    sim.apply(Command::CrashMember { member: crashed }).unwrap();
    sim.advance_to(10_000);
    // Not yet noticed (session.timeout.ms = 6000).
    assert_eq!(sim.groups()[0].view.members.len(), 2);
    sim.advance_to(16_000);
    assert_eq!(sim.groups()[0].view.members.len(), 1);
    assert_eq!(owned(&sim), vec![("consumer-1".to_string(), vec![0, 1])]);
    sim.advance_to(18_000);
    assert!(
        sim.groups()[0].duplicates > 0,
        "records after its last commit repeat"
    );
    let removed = events(&mut sim).iter().any(|k| {
        matches!(k, EventKind::Group(GroupEvent::MemberRemoved { member, reason, .. })
            if *member == crashed && matches!(reason, kafkascope::engine::event::RemovalReason::SessionTimeout { .. }))
    });
    assert!(removed);
}

#[test]
fn a_clean_leave_commits_first_so_nothing_repeats() {
    let mut sim = Sim::new(cluster(2, 100, 2, Assignor::Range)).unwrap();
    sim.advance_to(5_000);
    let leaving = sim.groups()[0].members[1].id;
    sim.apply(Command::RemoveMember { member: leaving })
        .unwrap();
    sim.advance_to(9_000);
    assert!(stable(&sim));
    assert_eq!(owned(&sim), vec![("consumer-1".to_string(), vec![0, 1])]);
    assert_eq!(sim.groups()[0].duplicates, 0);
}

#[test]
fn manual_commit_after_each_poll_also_works() {
    let mut config = cluster(2, 20, 1, Assignor::Range);
    config.groups[0].commit_mode = CommitMode::ManualPerPoll;
    let mut sim = Sim::new(config).unwrap();
    sim.advance_to(5_000);
    let g = &sim.groups()[0];
    assert!(!g.committed.is_empty());
    assert!(sim.group_lag(G) < 20, "lag {}", sim.group_lag(G));
}

#[test]
fn seeks_replay_and_out_of_range_applies_auto_offset_reset() {
    let mut sim = Sim::new(cluster(1, 20, 1, Assignor::Range)).unwrap();
    sim.advance_to(4_000);
    let consumed = sim.totals().records_consumed;
    assert!(consumed > 10);
    sim.apply(Command::Seek {
        group: G,
        partition: 0,
        target: SeekTarget::Beginning,
    })
    .unwrap();
    sim.advance_to(6_000);
    let g = &sim.groups()[0];
    assert!(g.replays > 0, "a seek back replays on purpose");
    assert_eq!(g.duplicates, 0, "replays are not duplicates");
    // Beyond the LEO: OFFSET_OUT_OF_RANGE, then earliest.
    let _ = sim.take_events();
    sim.apply(Command::Seek {
        group: G,
        partition: 0,
        target: SeekTarget::Offset(1_000_000),
    })
    .unwrap();
    sim.advance_to(6_500);
    // The fetch answer carries OFFSET_OUT_OF_RANGE with the leader's log
    // start; earliest moves the member there.
    let reset = events(&mut sim).into_iter().find_map(|k| match k {
        EventKind::ConsumerOffsetReset {
            from_offset,
            to_offset,
            ..
        } => Some((from_offset, to_offset)),
        _ => None,
    });
    assert_eq!(reset, Some((1_000_000, Some(0))));
    // To the end: the high watermark.
    sim.apply(Command::Seek {
        group: G,
        partition: 0,
        target: SeekTarget::End,
    })
    .unwrap();
    let hw = sim.topics()[0].partitions[0]
        .leader_log()
        .unwrap()
        .high_watermark();
    assert_eq!(sim.groups()[0].members[0].positions[&0], hw);
    // By timestamp: the first record at or after t = 2 s.
    sim.apply(Command::Seek {
        group: G,
        partition: 0,
        target: SeekTarget::Timestamp(2_000),
    })
    .unwrap();
    let pos = sim.groups()[0].members[0].positions[&0];
    let log = sim.topics()[0].partitions[0].leader_log().unwrap();
    let first = log
        .entries()
        .find(|e| e.record.timestamp_ms >= 2_000)
        .unwrap()
        .offset;
    assert_eq!(pos, first);
}

#[test]
fn auto_offset_reset_none_stops_the_partition_with_an_error() {
    let mut config = cluster(1, 20, 1, Assignor::Range);
    config.groups[0].auto_offset_reset = OffsetReset::None;
    let mut sim = Sim::new(config).unwrap();
    sim.advance_to(3_000);
    let m = &sim.groups()[0].members[0];
    assert_eq!(m.errors.get(&0), Some(&"NoOffsetForPartitionException"));
    assert_eq!(m.consumed, 0);
}

#[test]
fn two_groups_read_the_same_records_independently() {
    let mut sim = Sim::new(cluster(2, 50, 1, Assignor::Range)).unwrap();
    let mut second = GroupConfig::new("billing", "orders", 2);
    second.auto_offset_reset = OffsetReset::Earliest;
    second.processing_ms_per_record = 5;
    sim.apply(Command::AddGroup(second)).unwrap();
    sim.advance_to(6_000);
    let (a, b) = (&sim.groups()[0], &sim.groups()[1]);
    assert!(a.members.iter().map(|m| m.consumed).sum::<u64>() > 50);
    assert!(b.members.iter().map(|m| m.consumed).sum::<u64>() > 50);
    assert_ne!(a.offsets_partition, b.offsets_partition);
    // Refusals in Kafka's words.
    let dup = sim.apply(Command::AddGroup(GroupConfig::new("billing", "orders", 1)));
    assert!(dup.is_err());
    let err = sim
        .apply(Command::AddGroup(GroupConfig::new("x", "nope", 1)))
        .unwrap_err();
    assert_eq!(
        err.code.map(|c| c.name()),
        Some("UNKNOWN_TOPIC_OR_PARTITION")
    );
    let err = sim
        .apply(Command::SetRebalanceProtocol {
            group: G,
            protocol: RebalanceProtocol::Cooperative,
        })
        .unwrap_err();
    assert_eq!(err.code.map(|c| c.name()), Some("IllegalArgumentException"));
    let err = sim
        .apply(Command::CrashMember {
            member: MemberId(999),
        })
        .unwrap_err();
    assert_eq!(err.code.map(|c| c.name()), Some("UNKNOWN_MEMBER_ID"));
}

fn status(sim: &Sim) -> BurrowStatus {
    sim.burrow_status(G).0
}

#[test]
fn burrow_status_follows_the_group() {
    // OK: a consumer faster than its producer (2 records/s) catches up.
    let mut sim = Sim::new(cluster(1, 2, 1, Assignor::Range)).unwrap();
    sim.advance_to(15_000);
    assert_eq!(status(&sim), BurrowStatus::Ok);

    // WARN: commits advance but the consumer is slower than the producer.
    let producer = kafkascope::engine::ProducerId(0);
    sim.apply(Command::SetProducerRate {
        producer,
        records_per_sec: 20,
    })
    .unwrap();
    let m = sim.groups()[0].members[0].id;
    sim.apply(Command::SetProcessingTime {
        member: m,
        ms_per_record: 80,
    })
    .unwrap();
    // (Once the window no longer holds a commit made with zero lag.)
    sim.advance_to(35_000);
    assert_eq!(status(&sim), BurrowStatus::Warn);

    // STALL: paused, it keeps committing the same offset while lag grows.
    sim.apply(Command::SetProcessingTime {
        member: m,
        ms_per_record: 1,
    })
    .unwrap();
    sim.apply(Command::PauseMember {
        member: m,
        paused: true,
    })
    .unwrap();
    sim.advance_to(50_000);
    assert_eq!(status(&sim), BurrowStatus::Stall);

    // REWIND: resumed after a seek back to the beginning.
    sim.apply(Command::PauseMember {
        member: m,
        paused: false,
    })
    .unwrap();
    sim.apply(Command::Seek {
        group: G,
        partition: 0,
        target: SeekTarget::Beginning,
    })
    .unwrap();
    sim.advance_to(51_500);
    assert_eq!(status(&sim), BurrowStatus::Rewind);

    // STOP: the only member crashes; no more commits.
    sim.advance_to(65_000);
    sim.apply(Command::CrashMember { member: m }).unwrap();
    sim.advance_to(95_000);
    assert_eq!(status(&sim), BurrowStatus::Stop);
}

/// Kafka's group coordinator names a static member `<group.instance.id>-<UUID>`
/// (a new static member's member id) and the sticky assignors
/// (`AbstractStickyAssignor`) order members by member id; the UUID here comes
/// from the seeded RNG, so the same seed gives the same ids.
#[test]
fn static_members_have_instance_id_uuid_member_ids_that_the_sticky_assignor_orders_by() {
    use kafkascope::engine::kafka::assignor::{assign, Subscription};
    let start = || {
        let mut sim = Sim::new(cluster(4, 0, 0, Assignor::Sticky)).unwrap();
        for instance in ["reader-c", "reader-a", "reader-b"] {
            sim.apply(Command::AddMember {
                group: G,
                instance_id: Some(instance.to_string()),
            })
            .unwrap();
        }
        sim.advance_to(20_000);
        sim
    };
    let sim = start();
    assert!(stable(&sim));
    let members = &sim.groups()[0].members;
    for m in members {
        let instance = m.instance_id.as_deref().unwrap();
        let uuid = m.member_id.strip_prefix(&format!("{instance}-")).unwrap();
        let parts: Vec<usize> = uuid.split('-').map(str::len).collect();
        assert_eq!(parts, vec![8, 4, 4, 4, 12], "{}", m.member_id);
        assert_eq!(&uuid[14..15], "4", "version 4: {uuid}");
    }
    let ids: Vec<String> = members.iter().map(|m| m.member_id.clone()).collect();
    let again: Vec<String> = start().groups()[0]
        .members
        .iter()
        .map(|m| m.member_id.clone())
        .collect();
    assert_eq!(ids, again, "deterministic from the seed");
    // The assignment is the sticky assignor's over these member ids.
    let subs: Vec<Subscription> = members
        .iter()
        .map(|m| {
            let mut s = Subscription::new(&m.member_id, &["orders"]);
            s.group_instance_id = m.instance_id.clone();
            s
        })
        .collect();
    let plan = assign(
        Assignor::Sticky,
        &std::collections::BTreeMap::from([("orders".to_string(), 4)]),
        &subs,
    );
    for m in members {
        let expected: Vec<u32> = plan[&m.member_id].iter().map(|tp| tp.partition).collect();
        assert_eq!(m.assigned, expected, "{}", m.member_id);
    }
}
