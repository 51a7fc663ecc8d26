//! Cases from Kafka's `RangeAssignorTest`, `RoundRobinAssignorTest` and
//! `AbstractStickyAssignorTest` (same members, topics and expectations).

use std::cmp::Ordering;
use std::collections::BTreeMap;

use super::sticky::sticky;
use super::*;
use crate::engine::vocab::config::Assignor;

fn topics(list: &[(&str, u32)]) -> BTreeMap<String, u32> {
    list.iter().map(|(t, n)| (t.to_string(), *n)).collect()
}

fn tps(list: &[(&str, u32)]) -> Vec<TopicPart> {
    list.iter().map(|(t, p)| TopicPart::new(t, *p)).collect()
}

fn stat(member: &str, instance: &str, topics: &[&str]) -> Subscription {
    let mut s = Subscription::new(member, topics);
    s.group_instance_id = Some(instance.to_string());
    s
}

const BOTH: &[&str] = &["topic1", "topic2"];

// ----- RangeAssignorTest -------------------------------------------

#[test]
fn range_one_consumer_no_topic_and_nonexistent_topic() {
    let a = assign(
        Assignor::Range,
        &topics(&[]),
        &[Subscription::new("consumer1", &[])],
    );
    assert_eq!(a["consumer1"], vec![]);
    let a = assign(
        Assignor::Range,
        &topics(&[]),
        &[Subscription::new("consumer1", &["topic1"])],
    );
    assert_eq!(a["consumer1"], vec![]);
}

#[test]
fn range_only_subscribed_topics_and_one_consumer_multiple_topics() {
    let a = assign(
        Assignor::Range,
        &topics(&[("topic1", 3), ("other", 3)]),
        &[Subscription::new("consumer1", &["topic1"])],
    );
    assert_eq!(
        a["consumer1"],
        tps(&[("topic1", 0), ("topic1", 1), ("topic1", 2)])
    );
    let a = assign(
        Assignor::Range,
        &topics(&[("topic1", 1), ("topic2", 2)]),
        &[Subscription::new("consumer1", BOTH)],
    );
    assert_eq!(
        a["consumer1"],
        tps(&[("topic1", 0), ("topic2", 0), ("topic2", 1)])
    );
}

#[test]
fn range_two_consumers_one_topic() {
    let members = [
        Subscription::new("consumer1", &["topic1"]),
        Subscription::new("consumer2", &["topic1"]),
    ];
    let a = assign(Assignor::Range, &topics(&[("topic1", 1)]), &members);
    assert_eq!(a["consumer1"], tps(&[("topic1", 0)]));
    assert_eq!(a["consumer2"], vec![]);
    let a = assign(Assignor::Range, &topics(&[("topic1", 2)]), &members);
    assert_eq!(a["consumer1"], tps(&[("topic1", 0)]));
    assert_eq!(a["consumer2"], tps(&[("topic1", 1)]));
}

#[test]
fn range_multiple_consumers_mixed_topics() {
    let members = [
        Subscription::new("consumer1", &["topic1"]),
        Subscription::new("consumer2", BOTH),
        Subscription::new("consumer3", &["topic1"]),
    ];
    let a = assign(
        Assignor::Range,
        &topics(&[("topic1", 3), ("topic2", 2)]),
        &members,
    );
    assert_eq!(a["consumer1"], tps(&[("topic1", 0)]));
    assert_eq!(
        a["consumer2"],
        tps(&[("topic1", 1), ("topic2", 0), ("topic2", 1)])
    );
    assert_eq!(a["consumer3"], tps(&[("topic1", 2)]));
}

#[test]
fn range_two_consumers_two_topics_six_partitions() {
    let members = [
        Subscription::new("consumer1", BOTH),
        Subscription::new("consumer2", BOTH),
    ];
    let a = assign(
        Assignor::Range,
        &topics(&[("topic1", 3), ("topic2", 3)]),
        &members,
    );
    assert_eq!(
        a["consumer1"],
        tps(&[("topic1", 0), ("topic1", 1), ("topic2", 0), ("topic2", 1)])
    );
    assert_eq!(a["consumer2"], tps(&[("topic1", 2), ("topic2", 2)]));
}

#[test]
fn range_static_members_sort_by_instance_id_and_before_dynamic_ones() {
    let t = topics(&[("topic1", 3), ("topic2", 3)]);
    // consumer-b has instance1, consumer-a instance2: instance ids decide.
    let members = [
        stat("consumer-b", "instance1", BOTH),
        stat("consumer-a", "instance2", BOTH),
    ];
    let a = assign(Assignor::Range, &t, &members);
    assert_eq!(
        a["consumer-b"],
        tps(&[("topic1", 0), ("topic1", 1), ("topic2", 0), ("topic2", 1)])
    );
    assert_eq!(a["consumer-a"], tps(&[("topic1", 2), ("topic2", 2)]));
    // A static member wins over a dynamic one with a smaller member id.
    let members = [
        stat("consumer-b", "instance1", BOTH),
        Subscription::new("consumer-a", BOTH),
    ];
    let a = assign(Assignor::Range, &t, &members);
    assert_eq!(
        a["consumer-b"],
        tps(&[("topic1", 0), ("topic1", 1), ("topic2", 0), ("topic2", 1)])
    );
    assert_eq!(a["consumer-a"], tps(&[("topic1", 2), ("topic2", 2)]));
}

#[test]
fn range_static_member_assignment_persists() {
    let t = topics(&[("topic1", 5), ("topic2", 4)]);
    let mut members = vec![
        stat("consumer1", "instance1", BOTH),
        stat("consumer2", "instance2", BOTH),
        stat("consumer3", "instance3", BOTH),
        Subscription::new("consumer4", BOTH),
    ];
    let a = assign(Assignor::Range, &t, &members);
    assert_eq!(
        a["consumer1"],
        tps(&[("topic1", 0), ("topic1", 1), ("topic2", 0)])
    );
    assert_eq!(a["consumer2"], tps(&[("topic1", 2), ("topic2", 1)]));
    assert_eq!(a["consumer3"], tps(&[("topic1", 3), ("topic2", 2)]));
    assert_eq!(a["consumer4"], tps(&[("topic1", 4), ("topic2", 3)]));
    members[3] = Subscription::new("consumer5", BOTH);
    let b = assign(Assignor::Range, &t, &members);
    assert_eq!(b["consumer5"], a["consumer4"]);
    assert_eq!(b["consumer1"], a["consumer1"]);
}

#[test]
fn range_static_assignment_survives_member_id_changes() {
    let t = topics(&[("topic1", 5), ("topic2", 5)]);
    let members = [
        stat("consumer1", "instance1", BOTH),
        stat("consumer2", "instance2", BOTH),
        stat("consumer3", "instance3", BOTH),
    ];
    let a = assign(Assignor::Range, &t, &members);
    assert_eq!(
        a["consumer1"],
        tps(&[("topic1", 0), ("topic1", 1), ("topic2", 0), ("topic2", 1)])
    );
    assert_eq!(
        a["consumer2"],
        tps(&[("topic1", 2), ("topic1", 3), ("topic2", 2), ("topic2", 3)])
    );
    assert_eq!(a["consumer3"], tps(&[("topic1", 4), ("topic2", 4)]));
    let swapped = [
        stat("consumer1", "instance1", BOTH),
        stat("consumer5", "instance2", BOTH),
        stat("consumer4", "instance3", BOTH),
    ];
    let b = assign(Assignor::Range, &t, &swapped);
    assert_eq!(b["consumer5"], a["consumer2"]);
    assert_eq!(b["consumer4"], a["consumer3"]);
}

#[test]
fn range_non_rack_aware_uniform_and_non_equal_subscriptions() {
    // testRackAwareAssignmentWithUniformSubscription / NonEqualSubscription,
    // the combinations where rack-aware logic is not used.
    let t = topics(&[("t1", 6), ("t2", 7), ("t3", 2)]);
    let all = &["t1", "t2", "t3"];
    let names = |a: &Assignment, m: &str| {
        a[m].iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let members = [
        Subscription::new("consumer0", all),
        Subscription::new("consumer1", all),
        Subscription::new("consumer2", all),
    ];
    let a = assign(Assignor::Range, &t, &members);
    assert_eq!(names(&a, "consumer0"), "t1-0, t1-1, t2-0, t2-1, t2-2, t3-0");
    assert_eq!(names(&a, "consumer1"), "t1-2, t1-3, t2-3, t2-4, t3-1");
    assert_eq!(names(&a, "consumer2"), "t1-4, t1-5, t2-5, t2-6");
    let members = [
        Subscription::new("consumer0", all),
        Subscription::new("consumer1", all),
        Subscription::new("consumer2", &["t1", "t3"]),
    ];
    let a = assign(Assignor::Range, &t, &members);
    assert_eq!(
        names(&a, "consumer0"),
        "t1-0, t1-1, t2-0, t2-1, t2-2, t2-3, t3-0"
    );
    assert_eq!(names(&a, "consumer1"), "t1-2, t1-3, t2-4, t2-5, t2-6, t3-1");
    assert_eq!(names(&a, "consumer2"), "t1-4, t1-5");
}

#[test]
fn range_plain_string_order() {
    // consumer10 sorts before consumer2.
    let members = [
        Subscription::new("consumer2", &["t"]),
        Subscription::new("consumer10", &["t"]),
    ];
    let a = assign(Assignor::Range, &topics(&[("t", 3)]), &members);
    assert_eq!(a["consumer10"], tps(&[("t", 0), ("t", 1)]));
    assert_eq!(a["consumer2"], tps(&[("t", 2)]));
}

// ----- RoundRobinAssignorTest --------------------------------------

#[test]
fn round_robin_single_consumer_cases() {
    let one = |t: &[(&str, u32)], subs: &[&str]| {
        assign(
            Assignor::RoundRobin,
            &topics(t),
            &[Subscription::new("consumer", subs)],
        )["consumer"]
            .clone()
    };
    assert_eq!(one(&[], &[]), vec![]);
    assert_eq!(one(&[], &["topic"]), vec![]);
    assert_eq!(
        one(&[("topic", 3)], &["topic"]),
        tps(&[("topic", 0), ("topic", 1), ("topic", 2)])
    );
    assert_eq!(
        one(&[("topic", 3), ("other", 3)], &["topic"]),
        tps(&[("topic", 0), ("topic", 1), ("topic", 2)])
    );
    assert_eq!(
        one(&[("topic1", 1), ("topic2", 2)], BOTH),
        tps(&[("topic1", 0), ("topic2", 0), ("topic2", 1)])
    );
}

#[test]
fn round_robin_two_consumers_one_topic() {
    let members = [
        Subscription::new("consumer1", &["topic"]),
        Subscription::new("consumer2", &["topic"]),
    ];
    let a = assign(Assignor::RoundRobin, &topics(&[("topic", 1)]), &members);
    assert_eq!(a["consumer1"], tps(&[("topic", 0)]));
    assert_eq!(a["consumer2"], vec![]);
    let a = assign(Assignor::RoundRobin, &topics(&[("topic", 2)]), &members);
    assert_eq!(a["consumer1"], tps(&[("topic", 0)]));
    assert_eq!(a["consumer2"], tps(&[("topic", 1)]));
}

#[test]
fn round_robin_multiple_consumers_mixed_topics() {
    let members = [
        Subscription::new("consumer1", &["topic1"]),
        Subscription::new("consumer2", BOTH),
        Subscription::new("consumer3", &["topic1"]),
    ];
    let a = assign(
        Assignor::RoundRobin,
        &topics(&[("topic1", 3), ("topic2", 2)]),
        &members,
    );
    assert_eq!(a["consumer1"], tps(&[("topic1", 0)]));
    assert_eq!(
        a["consumer2"],
        tps(&[("topic1", 1), ("topic2", 0), ("topic2", 1)])
    );
    assert_eq!(a["consumer3"], tps(&[("topic1", 2)]));
}

#[test]
fn round_robin_two_topics_six_partitions_dynamic_and_static() {
    let t = topics(&[("topic1", 3), ("topic2", 3)]);
    let expect1 = tps(&[("topic1", 0), ("topic1", 2), ("topic2", 1)]);
    let expect2 = tps(&[("topic1", 1), ("topic2", 0), ("topic2", 2)]);
    let a = assign(
        Assignor::RoundRobin,
        &t,
        &[
            Subscription::new("consumer1", BOTH),
            Subscription::new("consumer2", BOTH),
        ],
    );
    assert_eq!(
        (a["consumer1"].clone(), a["consumer2"].clone()),
        (expect1.clone(), expect2.clone())
    );
    let a = assign(
        Assignor::RoundRobin,
        &t,
        &[
            stat("consumer-b", "instance1", BOTH),
            stat("consumer-a", "instance2", BOTH),
        ],
    );
    assert_eq!(
        (a["consumer-b"].clone(), a["consumer-a"].clone()),
        (expect1.clone(), expect2.clone())
    );
    let a = assign(
        Assignor::RoundRobin,
        &t,
        &[
            stat("consumer-b", "instance1", BOTH),
            Subscription::new("consumer-a", BOTH),
        ],
    );
    assert_eq!(
        (a["consumer-b"].clone(), a["consumer-a"].clone()),
        (expect1, expect2)
    );
}

#[test]
fn round_robin_static_member_assignment_persists() {
    let t = topics(&[("topic1", 3), ("topic2", 3)]);
    let mut members = vec![
        stat("consumer1", "instance1", BOTH),
        stat("consumer2", "instance2", BOTH),
        stat("consumer3", "instance3", BOTH),
        Subscription::new("consumer4", BOTH),
    ];
    let a = assign(Assignor::RoundRobin, &t, &members);
    assert_eq!(a["consumer1"], tps(&[("topic1", 0), ("topic2", 1)]));
    assert_eq!(a["consumer2"], tps(&[("topic1", 1), ("topic2", 2)]));
    assert_eq!(a["consumer3"], tps(&[("topic1", 2)]));
    assert_eq!(a["consumer4"], tps(&[("topic2", 0)]));
    members[3] = Subscription::new("consumer5", BOTH);
    let b = assign(Assignor::RoundRobin, &t, &members);
    assert_eq!(b["consumer5"], tps(&[("topic2", 0)]));
}

#[test]
fn round_robin_static_assignment_survives_member_id_changes() {
    let t = topics(&[("topic1", 3), ("topic2", 3)]);
    let members = [
        stat("consumer4", "instance1", BOTH),
        stat("consumer5", "instance2", BOTH),
        stat("consumer1", "instance3", BOTH),
    ];
    let a = assign(Assignor::RoundRobin, &t, &members);
    assert_eq!(a["consumer4"], tps(&[("topic1", 0), ("topic2", 0)]));
    assert_eq!(a["consumer5"], tps(&[("topic1", 1), ("topic2", 1)]));
    assert_eq!(a["consumer1"], tps(&[("topic1", 2), ("topic2", 2)]));
}

#[test]
fn round_robin_skips_members_not_subscribed() {
    // The class doc's example: C0 → t0; C1 → t0, t1; C2 → t0, t1, t2.
    let members = [
        Subscription::new("C0", &["t0"]),
        Subscription::new("C1", &["t0", "t1"]),
        Subscription::new("C2", &["t0", "t1", "t2"]),
    ];
    let a = assign(
        Assignor::RoundRobin,
        &topics(&[("t0", 1), ("t1", 2), ("t2", 3)]),
        &members,
    );
    assert_eq!(a["C0"], tps(&[("t0", 0)]));
    assert_eq!(a["C1"], tps(&[("t1", 0)]));
    assert_eq!(a["C2"], tps(&[("t1", 1), ("t2", 0), ("t2", 1), ("t2", 2)]));
}

// ----- AbstractStickyAssignorTest ----------------------------------

#[test]
fn sticky_two_consumers_two_topics_six_partitions() {
    let members = [
        Subscription::new("consumer1", BOTH),
        Subscription::new("consumer2", BOTH),
    ];
    for a in [Assignor::Sticky, Assignor::CooperativeSticky] {
        let got = assign(a, &topics(&[("topic1", 3), ("topic2", 3)]), &members);
        assert_eq!(
            got["consumer1"],
            tps(&[("topic1", 0), ("topic1", 2), ("topic2", 1)])
        );
        assert_eq!(
            got["consumer2"],
            tps(&[("topic1", 1), ("topic2", 0), ("topic2", 2)])
        );
    }
}

#[test]
fn sticky_add_consumer_moves_one_partition_and_cooperative_revokes_it_first() {
    let t = topics(&[("topic", 3)]);
    let first = assign(
        Assignor::Sticky,
        &t,
        &[Subscription::new("consumer1", &["topic"])],
    );
    assert_eq!(
        first["consumer1"],
        tps(&[("topic", 0), ("topic", 1), ("topic", 2)])
    );
    let mut c1 = Subscription::new("consumer1", &["topic"]);
    c1.owned = first["consumer1"].clone();
    let members = [c1, Subscription::new("consumer2", &["topic"])];
    // partitionsTransferringOwnership == {topic-2 → consumer2}
    let (eager, transferring) = sticky(&t, &members);
    assert_eq!(eager["consumer1"], tps(&[("topic", 0), ("topic", 1)]));
    assert_eq!(eager["consumer2"], tps(&[("topic", 2)]));
    assert_eq!(
        transferring,
        BTreeMap::from([(TopicPart::new("topic", 2), "consumer2".to_string())])
    );
    let coop = assign(Assignor::CooperativeSticky, &t, &members);
    assert_eq!(coop["consumer1"], tps(&[("topic", 0), ("topic", 1)]));
    assert_eq!(
        coop["consumer2"],
        vec![],
        "revoked first, assigned next round"
    );
}

#[test]
fn sticky_keeps_owned_partitions_when_a_member_leaves() {
    // Three members owning one partition each of 3; consumer2 leaves.
    let t = topics(&[("topic", 3)]);
    let mut c1 = Subscription::new("consumer1", &["topic"]);
    c1.owned = tps(&[("topic", 0)]);
    let mut c3 = Subscription::new("consumer3", &["topic"]);
    c3.owned = tps(&[("topic", 2)]);
    let a = assign(Assignor::CooperativeSticky, &t, &[c1, c3]);
    assert!(a["consumer1"].contains(&TopicPart::new("topic", 0)));
    assert!(a["consumer3"].contains(&TopicPart::new("topic", 2)));
    let all: usize = a.values().map(Vec::len).sum();
    assert_eq!(
        all, 3,
        "the orphaned partition moves at once: nobody owns it"
    );
}

#[test]
fn sticky_unequal_subscriptions_are_valid_and_balanced() {
    let members = [
        Subscription::new("consumer1", &["topic1"]),
        Subscription::new("consumer2", BOTH),
        Subscription::new("consumer3", BOTH),
    ];
    let a = assign(
        Assignor::Sticky,
        &topics(&[("topic1", 3), ("topic2", 3)]),
        &members,
    );
    let counts: Vec<usize> = a.values().map(Vec::len).collect();
    assert_eq!(counts, vec![2, 2, 2]);
    assert!(a["consumer1"].iter().all(|tp| tp.topic == "topic1"));
}

#[test]
fn java_hashmap_order_groups_by_bucket() {
    // "a" (97) and "q" (113) share bucket 1 of 16; "b" is bucket 2.
    let keys: Vec<String> = ["b", "q", "a"].iter().map(|s| s.to_string()).collect();
    assert_eq!(java_hashmap_order(&keys), vec![1, 2, 0]);
    assert_eq!(java_compare("consumer10", "consumer2"), Ordering::Less);
}
