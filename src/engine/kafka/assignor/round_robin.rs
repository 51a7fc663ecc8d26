//! `RoundRobinAssignor`: every partition dealt in a circle over the members
//! subscribed to its topic (Kafka's exact output).

use std::collections::BTreeMap;

use super::subscription::{
    all_partitions_sorted, empty_assignment, member_order, Assignment, Subscription,
};
use crate::engine::kafka::stable_sort;

/// `RoundRobinAssignor`: all partitions (topics in name order) dealt to the
/// members in `MemberInfo` order, in a circle, skipping members not
/// subscribed to the partition's topic.
pub(super) fn round_robin(topics: &BTreeMap<String, u32>, members: &[Subscription]) -> Assignment {
    let mut out = empty_assignment(members);
    if members.is_empty() {
        return out;
    }
    let mut order: Vec<&Subscription> = members.iter().collect();
    stable_sort::sort_by(&mut order, |a, b| member_order(a, b));
    let mut next = 0usize;
    for tp in all_partitions_sorted(topics) {
        // Some member subscribes to every topic in `topics`, so this ends.
        while !order[next].topics.contains(&tp.topic) {
            next = (next + 1) % order.len();
        }
        let member = &order[next].member_id;
        out.get_mut(member).expect("member").push(tp);
        next = (next + 1) % order.len();
    }
    out
}
