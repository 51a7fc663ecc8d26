//! `StickyAssignor` and `CooperativeStickyAssignor`: balanced, then as few
//! moves as possible. Equal subscriptions follow Kafka's
//! `ConstrainedAssignmentBuilder` step by step; unequal ones a simpler
//! balanced method (see the module doc of [`super`]).

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use super::subscription::{
    all_partitions_sorted, empty_assignment, java_compare, java_hashmap_order, topic_set,
    Assignment, Subscription, TopicPart,
};
use crate::engine::kafka::stable_sort;

/// The sticky assignors' shared core. Returns the assignment and, for the
/// cooperative variant, the partitions that change owner (partition → new
/// owner).
pub(super) fn sticky(
    topics: &BTreeMap<String, u32>,
    members: &[Subscription],
) -> (Assignment, BTreeMap<TopicPart, String>) {
    if members.is_empty() {
        return (Assignment::new(), BTreeMap::new());
    }
    let first = topic_set(&members[0]);
    let all_equal = members.iter().all(|m| topic_set(m) == first);
    // Owned partitions still valid: their topic is still assigned, and no
    // other member claimed them first.
    let mut claimed: BTreeSet<TopicPart> = BTreeSet::new();
    let owned: Vec<Vec<TopicPart>> = members
        .iter()
        .map(|m| {
            m.owned
                .iter()
                .filter(|tp| {
                    topics.get(&tp.topic).is_some_and(|n| tp.partition < *n)
                        && claimed.insert((*tp).clone())
                })
                .cloned()
                .collect()
        })
        .collect();
    if all_equal {
        constrained(topics, members, &owned)
    } else {
        let assignment = general(topics, members, &owned);
        // Kafka computes the moving partitions from the owned lists here.
        let mut transferring = BTreeMap::new();
        let mut owner: BTreeMap<&TopicPart, &String> = BTreeMap::new();
        for (m, list) in members.iter().zip(&owned) {
            for tp in list {
                owner.insert(tp, &m.member_id);
            }
        }
        for (member, list) in &assignment {
            for tp in list {
                if owner.get(tp).is_some_and(|o| *o != member) {
                    transferring.insert(tp.clone(), member.clone());
                }
            }
        }
        (assignment, transferring)
    }
}

/// Kafka's `ConstrainedAssignmentBuilder` (all subscriptions equal).
fn constrained(
    topics: &BTreeMap<String, u32>,
    members: &[Subscription],
    owned: &[Vec<TopicPart>],
) -> (Assignment, BTreeMap<TopicPart, String>) {
    let total: u32 = topics.values().sum();
    let n = members.len() as u32;
    let min_quota = (total / n) as usize;
    let max_quota = total.div_ceil(n) as usize;
    let expected_over = (total % n) as usize;
    let mut current_over = 0usize;

    let mut assignment = empty_assignment(members);
    let mut assigned: BTreeSet<TopicPart> = BTreeSet::new();
    let mut revoked: BTreeSet<TopicPart> = BTreeSet::new();
    let mut under_min: Vec<String> = Vec::new();
    let mut exactly_min: VecDeque<String> = VecDeque::new();

    // Step 1: keep owned partitions up to the quota, members taken in the
    // order a Java HashMap of member ids gives them.
    let ids: Vec<String> = members.iter().map(|m| m.member_id.clone()).collect();
    for i in java_hashmap_order(&ids) {
        let consumer = &ids[i];
        let mut mine = owned[i].clone();
        stable_sort::sort_by(&mut mine, |a, b| {
            a.partition
                .cmp(&b.partition)
                .then_with(|| java_compare(&a.topic, &b.topic))
        });
        let list = assignment.get_mut(consumer).expect("member");
        if mine.len() < min_quota {
            assigned.extend(mine.iter().cloned());
            list.extend(mine);
            under_min.push(consumer.clone());
        } else if mine.len() >= max_quota && current_over < expected_over {
            current_over += 1;
            if current_over == expected_over {
                exactly_min.clear();
            }
            assigned.extend(mine[..max_quota].iter().cloned());
            list.extend(mine[..max_quota].iter().cloned());
            revoked.extend(mine[max_quota..].iter().cloned());
        } else {
            assigned.extend(mine[..min_quota].iter().cloned());
            list.extend(mine[..min_quota].iter().cloned());
            revoked.extend(mine[min_quota..].iter().cloned());
            if current_over < expected_over {
                exactly_min.push_back(consumer.clone());
            }
        }
    }

    let unassigned: Vec<TopicPart> = all_partitions_sorted(topics)
        .into_iter()
        .filter(|tp| !assigned.contains(tp))
        .collect();
    stable_sort::sort_by(&mut under_min, |a, b| java_compare(a, b));
    stable_sort::sort_by(exactly_min.make_contiguous(), |a, b| java_compare(a, b));

    // Step 3 (no racks, so step 2 does nothing): round robin over the
    // members under the minimum quota, then one more each for members at it.
    let mut transferring = BTreeMap::new();
    let mut cursor = 0usize; // Java iterator over `under_min`
    for tp in unassigned {
        let (consumer, from_iter) = if cursor < under_min.len() {
            cursor += 1;
            (under_min[cursor - 1].clone(), true)
        } else if under_min.is_empty() {
            match exactly_min.pop_front() {
                Some(c) => (c, false),
                // Kafka throws here; the quotas make it unreachable.
                None => break,
            }
        } else {
            cursor = 1;
            (under_min[0].clone(), true)
        };
        let list = assignment.get_mut(&consumer).expect("member");
        list.push(tp.clone());
        if revoked.contains(&tp) {
            transferring.insert(tp, consumer.clone());
        }
        // (Kafka also counts members reaching the max quota here, for a log line.)
        if list.len() == min_quota {
            if from_iter {
                cursor -= 1;
                under_min.remove(cursor);
            }
            exactly_min.push_back(consumer);
        }
    }
    (assignment, transferring)
}

/// Members with different subscriptions: keep owned partitions, give each
/// unassigned partition (topics with fewest candidates first) to the
/// candidate with fewest partitions, then move partitions from the fullest
/// to the emptiest candidate while that narrows the gap by more than one.
/// Balanced and sticky, but simpler than Kafka's `GeneralAssignmentBuilder`.
fn general(
    topics: &BTreeMap<String, u32>,
    members: &[Subscription],
    owned: &[Vec<TopicPart>],
) -> Assignment {
    let subscribes = |m: &Subscription, topic: &str| m.topics.iter().any(|t| t == topic);
    let mut assignment = empty_assignment(members);
    let mut taken: BTreeSet<TopicPart> = BTreeSet::new();
    for (m, list) in members.iter().zip(owned) {
        for tp in list {
            if subscribes(m, &tp.topic) {
                assignment
                    .get_mut(&m.member_id)
                    .expect("member")
                    .push(tp.clone());
                taken.insert(tp.clone());
            }
        }
    }
    let mut names: Vec<&String> = topics.keys().collect();
    let candidates = |t: &str| members.iter().filter(|m| subscribes(m, t)).count();
    stable_sort::sort_by(&mut names, |a, b| {
        candidates(a).cmp(&candidates(b)).then(java_compare(a, b))
    });
    let least = |assignment: &Assignment, topic: &str| -> Option<String> {
        members
            .iter()
            .filter(|m| subscribes(m, topic))
            .min_by(|a, b| {
                assignment[&a.member_id]
                    .len()
                    .cmp(&assignment[&b.member_id].len())
                    .then(java_compare(&a.member_id, &b.member_id))
            })
            .map(|m| m.member_id.clone())
    };
    for t in names {
        for p in 0..topics[t] {
            let tp = TopicPart::new(t, p);
            if taken.contains(&tp) {
                continue;
            }
            if let Some(m) = least(&assignment, t) {
                assignment.get_mut(&m).expect("member").push(tp);
            }
        }
    }
    // Balance: each move lowers the sum of squared counts, so this ends.
    loop {
        let mut best: Option<(usize, String, String, TopicPart)> = None;
        for from in members {
            let from_len = assignment[&from.member_id].len();
            for tp in &assignment[&from.member_id] {
                for to in members.iter().filter(|m| subscribes(m, &tp.topic)) {
                    let to_len = assignment[&to.member_id].len();
                    if from_len > to_len + 1 {
                        let gap = from_len - to_len;
                        if best.as_ref().is_none_or(|b| gap > b.0) {
                            best = Some((
                                gap,
                                from.member_id.clone(),
                                to.member_id.clone(),
                                tp.clone(),
                            ));
                        }
                    }
                }
            }
        }
        let Some((_, from, to, tp)) = best else {
            break;
        };
        assignment
            .get_mut(&from)
            .expect("member")
            .retain(|x| *x != tp);
        assignment.get_mut(&to).expect("member").push(tp);
    }
    assignment
}
