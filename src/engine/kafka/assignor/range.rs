//! `RangeAssignor`: contiguous ranges of each topic's partitions, members
//! in Kafka's order (Kafka's exact output).

use std::collections::BTreeMap;

use super::subscription::{empty_assignment, member_order, Assignment, Subscription, TopicPart};
use crate::engine::kafka::stable_sort;

/// `RangeAssignor`: per topic, the subscribed members in `MemberInfo` order;
/// `n / c` partitions each, the first `n % c` members one more.
pub(super) fn range(topics: &BTreeMap<String, u32>, members: &[Subscription]) -> Assignment {
    let mut out = empty_assignment(members);
    for (topic, &count) in topics {
        let mut consumers: Vec<&Subscription> = members
            .iter()
            .filter(|m| m.topics.iter().any(|t| t == topic))
            .collect();
        if consumers.is_empty() {
            continue;
        }
        stable_sort::sort_by(&mut consumers, |a, b| member_order(a, b));
        let c = consumers.len() as u32;
        let (each, extra) = (count / c, count % c);
        for (i, m) in consumers.iter().enumerate() {
            let i = i as u32;
            let start = each * i + i.min(extra);
            let len = each + u32::from(i < extra);
            let list = out
                .get_mut(&m.member_id)
                .expect("every member is in the map");
            list.extend((start..start + len).map(|p| TopicPart::new(topic, p)));
        }
    }
    out
}
