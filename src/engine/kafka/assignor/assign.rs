//! The group leader runs the group's assignor (and, for cooperative sticky,
//! takes back every partition that changes owner).

use std::collections::{BTreeMap, BTreeSet};

use super::range::range;
use super::round_robin::round_robin;
use super::sticky::sticky;
use super::subscription::{tp_order, Assignment, Subscription};
use crate::engine::kafka::stable_sort;
use crate::engine::vocab::config::Assignor;

/// Runs `assignor` for these members over the topics in `partitions_per_topic`
/// (name → partition count). As in the Java client, only topics some member
/// subscribes to, and that exist, are assigned. Every member appears in the
/// result, idle members with an empty list.
#[must_use]
pub fn assign(
    assignor: Assignor,
    partitions_per_topic: &BTreeMap<String, u32>,
    members: &[Subscription],
) -> Assignment {
    // Sets and maps are filled by `insert` rather than `collect`: collecting
    // sorts first, one more copy of the standard sort per type (see
    // `stable_sort`).
    let mut subscribed: BTreeSet<&str> = BTreeSet::new();
    for m in members {
        for t in &m.topics {
            subscribed.insert(t.as_str());
        }
    }
    let mut topics: BTreeMap<String, u32> = BTreeMap::new();
    for (t, n) in partitions_per_topic {
        if *n > 0 && subscribed.contains(t.as_str()) {
            topics.insert(t.clone(), *n);
        }
    }
    let mut out = match assignor {
        Assignor::Range => range(&topics, members),
        Assignor::RoundRobin => round_robin(&topics, members),
        Assignor::Sticky => sticky(&topics, members).0,
        Assignor::CooperativeSticky => {
            let (mut assignment, transferring) = sticky(&topics, members);
            for (tp, member) in transferring {
                if let Some(list) = assignment.get_mut(&member) {
                    list.retain(|x| *x != tp);
                }
            }
            assignment
        }
    };
    for list in out.values_mut() {
        stable_sort::sort_by(list, tp_order);
    }
    out
}
