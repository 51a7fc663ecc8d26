//! The read models against known states of the default scene.

use super::*;
use crate::engine::event::EventKind;
use crate::engine::ids::{BrokerId, GroupIdx, Node, ProducerId, TopicIdx, TopicPartition};
use crate::engine::scenarios::default_scenario;
use crate::engine::{Command, Sim};

fn tp(partition: u32) -> TopicPartition {
    TopicPartition {
        topic: TopicIdx(0),
        partition,
    }
}

/// The default scene after `ms`.
fn sim_at(ms: u64) -> Sim {
    let mut sim = Sim::new(default_scenario()).unwrap();
    sim.advance_to(ms);
    sim
}

fn leader_of(sim: &Sim, partition: u32) -> BrokerId {
    sim.partition_state(tp(partition)).unwrap().leader.unwrap()
}

#[test]
fn the_default_scene_is_healthy() {
    let v = sim_at(5_000).views();
    assert_eq!(v.partitions.len(), 3);
    for p in &v.partitions {
        assert_eq!(p.health, PartitionHealth::Healthy, "{:?}", p.tp);
        assert_eq!((p.min_insync_replicas, p.effective_min_isr), (2, 2));
        assert_eq!(p.replicas.len(), 3);
        assert!(p
            .replicas
            .iter()
            .all(|r| r.in_isr && r.out_of_isr.is_none()));
        let leaders: Vec<_> = p.replicas.iter().filter(|r| r.is_leader).collect();
        assert_eq!(leaders.len(), 1);
        assert_eq!(Some(leaders[0].broker), p.leader);
        assert!(p.replicas[0].is_preferred && !p.replicas[1].is_preferred);
    }
    assert_eq!(v.brokers.len(), 3);
    for b in &v.brokers {
        assert_eq!(b.status, BrokerStatus::Running);
        assert!(!b.fenced && !b.down_unnoticed() && b.cut_off_from.is_empty());
        // 3 partitions, each on every broker: led here or followed here.
        assert_eq!(b.leads.len() + b.follows.len(), 3);
    }
    let coordinator = v.groups[0].coordinator;
    let hosts: Vec<_> = v
        .brokers
        .iter()
        .filter(|b| !b.coordinates.is_empty())
        .collect();
    assert_eq!(hosts.len(), 1);
    assert_eq!(
        (hosts[0].id, &hosts[0].coordinates[..]),
        (coordinator, &[GroupIdx(0)][..])
    );
}

#[test]
fn a_crashed_leader_is_noticed_fenced_and_its_replicas_leave_the_isr() {
    let mut sim = sim_at(5_000);
    let old = leader_of(&sim, 0);
    sim.apply(Command::CrashBroker(old)).unwrap();
    sim.advance_to(5_100);
    let v = sim.views();
    let b = v.brokers.iter().find(|b| b.id == old).unwrap();
    assert_eq!(b.status, BrokerStatus::Crashed);
    assert!(
        b.down_unnoticed(),
        "the controller waits for the session to expire"
    );

    // broker.session.timeout.ms (9 s) later the controller fences it and
    // elects new leaders from the ISR.
    sim.advance_to(20_000);
    let v = sim.views();
    let b = v.brokers.iter().find(|b| b.id == old).unwrap();
    assert!(b.fenced && !b.down_unnoticed());
    assert!(b.leads.is_empty());
    let p = v.partition(tp(0)).unwrap();
    assert_ne!(p.leader, Some(old));
    assert!(p.leader.is_some());
    assert_eq!(p.health, PartitionHealth::UnderReplicated);
    let r = p.replica(old).unwrap();
    assert!(!r.in_isr && !r.is_leader);
    assert_eq!(r.out_of_isr, Some(OutOfIsr::BrokerDown));
    assert_eq!(p.isr.len(), 2);

    // A second broker down: the ISR falls below min.insync.replicas=2.
    let second = p.leader.unwrap();
    sim.apply(Command::CrashBroker(second)).unwrap();
    sim.advance_to(35_000);
    let p = sim.views().partition(tp(0)).unwrap().clone();
    assert_eq!(p.health, PartitionHealth::UnderMinIsr);
    assert_eq!(p.isr.len(), 1);

    // The last one: no leader, offline.
    let third = p.leader.unwrap();
    sim.apply(Command::CrashBroker(third)).unwrap();
    sim.advance_to(50_000);
    let v = sim.views();
    assert!(v
        .partitions
        .iter()
        .all(|p| p.health == PartitionHealth::Offline && p.leader.is_none()));
    assert!(v.brokers.iter().all(|b| b.status == BrokerStatus::Crashed));
}

#[test]
fn a_follower_cut_off_from_its_leader_leaves_the_isr_and_says_why() {
    let mut sim = sim_at(5_000);
    let part = sim.partition_state(tp(0)).unwrap();
    let leader = part.leader.unwrap();
    let follower = *part.replicas.iter().find(|b| **b != leader).unwrap();
    let (a, b) = (Node::Broker(leader), Node::Broker(follower));
    sim.apply(Command::CutLink { a, b }).unwrap();
    // replica.lag.time.max.ms is 10 s in the default scene.
    sim.advance_to(25_000);
    let v = sim.views();
    let p = v.partition(tp(0)).unwrap();
    assert_eq!(p.health, PartitionHealth::UnderReplicated);
    let r = p.replica(follower).unwrap();
    assert_eq!(r.out_of_isr, Some(OutOfIsr::CutOffFromLeader));
    assert!(r.behind_leader > 0, "the leader kept appending");
    assert!(r.last_caught_up_ms < 10_000);
    let cut = v.brokers.iter().find(|x| x.id == follower).unwrap();
    assert_eq!(cut.cut_off_from, vec![a]);
    // Healed, it fetches again but is out until it reaches the HW.
    sim.apply(Command::HealLink { a, b }).unwrap();
    let p = sim.views().partition(tp(0)).unwrap().clone();
    assert_eq!(
        p.replica(follower).unwrap().out_of_isr,
        Some(OutOfIsr::CatchingUp)
    );
    sim.advance_to(45_000);
    let p = sim.views().partition(tp(0)).unwrap().clone();
    assert!(p.replica(follower).unwrap().in_isr);
    assert_eq!(p.health, PartitionHealth::Healthy);
}

#[test]
fn group_lag_is_the_high_watermark_minus_the_committed_offset() {
    let mut sim = sim_at(5_000);
    // A slow member falls behind: 2 s a record against 2 records a second.
    let member = sim.groups()[0].members[0].id;
    sim.apply(Command::SetProcessingTime {
        member,
        ms_per_record: 2_000,
    })
    .unwrap();
    sim.advance_to(60_000);
    let v = sim.views();
    let g = &v.groups[0];
    assert_eq!(g.group_id, "order-audit");
    assert_eq!(g.partitions.len(), 3);
    let mut total = 0;
    for pl in &g.partitions {
        let p = v.partition(tp(pl.partition)).unwrap();
        assert_eq!(pl.high_watermark, Some(p.high_watermark));
        let committed = pl.committed.expect("the group has committed everywhere");
        assert_eq!(pl.lag, Some(p.high_watermark - committed));
        assert_eq!(pl.lag, sim.lag(GroupIdx(0), pl.partition));
        assert!(p.committed.contains(&CommittedMark {
            group: GroupIdx(0),
            offset: committed
        }));
        total += pl.lag.unwrap();
    }
    assert!(total > 10, "the slow member lags: {total}");
    assert_eq!(g.total_lag, total);
    assert_eq!(g.burrow, sim.burrow_status(GroupIdx(0)).0);
    // One member owns every partition, and its own lag counts from its
    // position (ahead of the committed offset, never behind it).
    let m = &g.members[0];
    assert_eq!(m.name, "consumer-1");
    assert!(m.is_leader && g.leader == Some(m.id));
    assert_eq!(
        m.owned.iter().map(|o| o.partition).collect::<Vec<_>>(),
        vec![0, 1, 2]
    );
    for o in &m.owned {
        let pl = &g.partitions[o.partition as usize];
        assert_eq!(pl.owner, Some(m.id));
        assert!(o.position.unwrap() >= pl.committed.unwrap());
        assert_eq!(
            o.lag,
            Some(pl.high_watermark.unwrap() - o.position.unwrap())
        );
    }
    assert_eq!(m.lag, m.owned.iter().map(|o| o.lag.unwrap()).sum::<u64>());
}

#[test]
fn the_producer_keeps_its_latest_decision() {
    let mut sim = Sim::new(default_scenario()).unwrap();
    assert_eq!(sim.producer_views()[0].latest_decision, None);
    sim.advance_to(7_300);
    let last = sim
        .take_events()
        .into_iter()
        .rev()
        .find_map(|e| match e.kind {
            EventKind::RecordCreated {
                record,
                producer: ProducerId(0),
                key,
                tp,
                decision,
                ..
            } => Some((record, key, tp, decision)),
            _ => None,
        })
        .expect("records were created");
    let p = &sim.producer_views()[0];
    let d = p.latest_decision.as_ref().unwrap();
    assert_eq!((d.record, d.key.clone(), d.tp, d.decision.clone()), last);
    assert_eq!(p.name, "producer-1");
    assert_eq!(p.acks, crate::engine::Acks::All);
    assert!(p.acknowledged > 0);
}

#[test]
fn a_records_window_holds_the_newest_records_with_their_state() {
    let sim = sim_at(10_000);
    let leader = leader_of(&sim, 0);
    let w = sim.record_window(tp(0), leader, 4).unwrap();
    let p = sim.partition_state(tp(0)).unwrap();
    let log = p.leader_log().unwrap();
    assert!(log.log_end_offset() >= 4);
    assert_eq!(w.cells.len(), 4);
    assert_eq!(w.cells.last().unwrap().offset, log.log_end_offset() - 1);
    assert_eq!(w.first_offset, w.cells[0].offset);
    assert!(w.cells.windows(2).all(|c| c[0].offset < c[1].offset));
    for c in &w.cells {
        let e = log.get(c.offset).unwrap();
        assert_eq!((c.record, &c.key), (e.record.id, &e.record.key));
        let committed = c.offset < log.high_watermark();
        assert_eq!(c.state == CellState::Committed, committed);
    }
    assert!(w.lost.is_empty());
    // Asking for more than the limit gets the limit at most.
    let all = sim.record_window(tp(0), leader, usize::MAX).unwrap();
    assert!(all.cells.len() <= MAX_WINDOW_CELLS);
    // A broker without a replica of it has no window.
    assert!(sim.record_window(tp(0), BrokerId(9), 4).is_none());
    // One window per replica, in partition then replica order.
    let v = sim.views_with(4);
    assert_eq!(v.records.len(), 9);
    assert_eq!(v.records(tp(0), leader), Some(&w));
}

#[test]
fn views_are_equal_at_the_same_position_and_differ_after_it() {
    let mut sim = sim_at(3_000);
    let a = sim.views();
    assert_eq!(a, sim.clone().views());
    assert_eq!(a.now_ms, 3_000);
    sim.advance_to(6_000);
    assert_ne!(a, sim.views());
}

#[test]
fn acks_1_records_above_the_hw_are_acked_uncommitted_and_a_leader_change_loses_them() {
    let mut config = default_scenario();
    config.producers[0].acks = crate::engine::Acks::Leader;
    let mut sim = Sim::new(config).unwrap();
    sim.advance_to(5_000);
    let part = sim.partition_state(tp(0)).unwrap();
    let leader = part.leader.unwrap();
    let followers: Vec<BrokerId> = part
        .replicas
        .iter()
        .copied()
        .filter(|b| *b != leader)
        .collect();
    for f in &followers {
        let (a, b) = (Node::Broker(leader), Node::Broker(*f));
        sim.apply(Command::CutLink { a, b }).unwrap();
    }
    sim.advance_to(8_000);
    let w = sim.record_window(tp(0), leader, 64).unwrap();
    let hw = sim
        .partition_state(tp(0))
        .unwrap()
        .leader_log()
        .unwrap()
        .high_watermark();
    let above: Vec<_> = w.cells.iter().filter(|c| c.offset >= hw).collect();
    assert!(
        !above.is_empty(),
        "the leader appended what no follower has"
    );
    assert!(above.iter().all(|c| c.state == CellState::AckedUncommitted));
    assert!(w
        .cells
        .iter()
        .filter(|c| c.offset < hw)
        .all(|c| c.state == CellState::Committed));
    let acked_offsets: Vec<u64> = above.iter().map(|c| c.offset).collect();

    // The leader dies; a follower from the ISR takes over without them.
    sim.apply(Command::CrashBroker(leader)).unwrap();
    sim.advance_to(20_000);
    let new_leader = leader_of(&sim, 0);
    assert!(followers.contains(&new_leader));
    let w = sim.record_window(tp(0), new_leader, 64).unwrap();
    let lost: Vec<u64> = w.lost.iter().map(|l| l.offset).collect();
    assert_eq!(lost, acked_offsets);
    assert!(w.lost.iter().all(|l| l.acknowledged));
}
