//! Members and partitions as the assignors see them: subscriptions, topic
//! partitions in Kafka's order, members in Kafka's `MemberInfo` order, and
//! the order in which a Java `HashMap` hands members out.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use crate::engine::kafka::java_hash::java_string_hash;
use crate::engine::kafka::stable_sort;

/// A partition by topic name, ordered as Kafka sorts them: topic, then number.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TopicPart {
    /// Topic name.
    pub topic: String,
    /// Partition number.
    pub partition: u32,
}

impl TopicPart {
    /// `topic-partition`.
    #[must_use]
    pub fn new(topic: &str, partition: u32) -> Self {
        Self {
            topic: topic.to_string(),
            partition,
        }
    }
}

impl fmt::Display for TopicPart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.topic, self.partition)
    }
}

/// What one member tells the leader in its JoinGroup: its subscription and,
/// for the sticky assignors, the partitions it owns now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subscription {
    /// The member id the coordinator gave it.
    pub member_id: String,
    /// `group.instance.id` of a static member.
    pub group_instance_id: Option<String>,
    /// Topics it subscribes to.
    pub topics: Vec<String>,
    /// Partitions it owns (cooperative: `ownedPartitions`; eager sticky: its
    /// previous assignment in the user data).
    pub owned: Vec<TopicPart>,
}

impl Subscription {
    /// A dynamic member subscribing to `topics` and owning nothing.
    #[must_use]
    pub fn new(member_id: &str, topics: &[&str]) -> Self {
        Self {
            member_id: member_id.to_string(),
            group_instance_id: None,
            topics: topics.iter().map(|t| t.to_string()).collect(),
            owned: Vec::new(),
        }
    }
}

/// Partitions per member id, each list sorted by topic then partition.
pub type Assignment = BTreeMap<String, Vec<TopicPart>>;

/// Java's `String.compareTo`: UTF-16 code units compared in order.
#[must_use]
pub fn java_compare(a: &str, b: &str) -> Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// Kafka's `MemberInfo.compareTo`: static members first, by instance id;
/// then dynamic members by member id.
pub(super) fn member_order(a: &Subscription, b: &Subscription) -> Ordering {
    match (&a.group_instance_id, &b.group_instance_id) {
        (Some(x), Some(y)) => java_compare(x, y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => java_compare(&a.member_id, &b.member_id),
    }
}

/// The order in which a Java `HashMap<String, _>` (default capacity) iterates
/// keys inserted in the given order: by bucket `(h ^ h >>> 16) & (n - 1)` of
/// `String.hashCode`, then insertion order within a bucket. Returns indexes
/// into `keys`. (Bins are never treeified below 64 buckets with 8 keys in one
/// bin, far beyond the simulator's limits.)
#[must_use]
pub fn java_hashmap_order(keys: &[String]) -> Vec<usize> {
    let mut table = 16usize;
    while keys.len() > table * 3 / 4 {
        table *= 2;
    }
    let mask = (table - 1) as u32;
    let mut order: Vec<usize> = (0..keys.len()).collect();
    stable_sort::sort_by_key(&mut order, |&i| {
        let h = java_string_hash(&keys[i]) as u32;
        ((h ^ (h >> 16)) & mask, i)
    });
    order
}

pub(super) fn tp_order(a: &TopicPart, b: &TopicPart) -> Ordering {
    java_compare(&a.topic, &b.topic).then(a.partition.cmp(&b.partition))
}

pub(super) fn empty_assignment(members: &[Subscription]) -> Assignment {
    let mut out = Assignment::new();
    for m in members {
        out.insert(m.member_id.clone(), Vec::new());
    }
    out
}

/// A member's subscribed topics as a set.
pub(super) fn topic_set(m: &Subscription) -> BTreeSet<&String> {
    let mut set = BTreeSet::new();
    for t in &m.topics {
        set.insert(t);
    }
    set
}

/// Topics sorted in Java string order, each with its partitions in order.
pub(super) fn all_partitions_sorted(topics: &BTreeMap<String, u32>) -> Vec<TopicPart> {
    let mut names: Vec<&String> = topics.keys().collect();
    stable_sort::sort_by(&mut names, |a, b| java_compare(a, b));
    names
        .into_iter()
        .flat_map(|t| (0..topics[t]).map(move |p| TopicPart::new(t, p)))
        .collect()
}
