//! Partition assignors: Kafka's `RangeAssignor`, `RoundRobinAssignor`,
//! `StickyAssignor` and `CooperativeStickyAssignor`, computed the way the
//! Java client's group leader computes them, for any number of topics and
//! members with different subscriptions.
//!
//! - Range and round robin give exactly Kafka's output (checked against the
//!   cases of Kafka's `RangeAssignorTest` and `RoundRobinAssignorTest`).
//!   Members are ordered as Kafka's `MemberInfo` orders them: static members
//!   (with a `group.instance.id`) first, by instance id, then dynamic members
//!   by member id, in plain Java string order (`consumer10 < consumer2`).
//! - Sticky and cooperative sticky, when every member subscribes to the same
//!   topics (always the case inside the simulator), follow Kafka's
//!   `ConstrainedAssignmentBuilder` step by step, including the order in which
//!   a Java `HashMap` hands members out (the tie between members that both
//!   own more than the quota depends on it). Members with different
//!   subscriptions get a balanced, sticky assignment computed by a simpler
//!   method than Kafka's `GeneralAssignmentBuilder`: valid and balanced, but
//!   not guaranteed identical.
//! - Cooperative sticky then removes every partition that changes owner from
//!   its new owner (`CooperativeStickyAssignor.adjustAssignment`): it is
//!   revoked first and assigned in a second rebalance.
//! - Rack awareness is not simulated (no consumer has a rack).

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::fmt;

use super::consumer::java_string_hash;
use super::stable_sort;

/// `partition.assignment.strategy`: which assignor the group leader runs.
#[derive(
    serde::Serialize, serde::Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash,
)]
pub enum Assignor {
    /// `RangeAssignor` (`range`): contiguous ranges per topic.
    Range,
    /// `RoundRobinAssignor` (`roundrobin`): all partitions dealt in a circle.
    RoundRobin,
    /// `StickyAssignor` (`sticky`): balanced, then as few moves as possible (eager).
    Sticky,
    /// `CooperativeStickyAssignor` (`cooperative-sticky`): sticky, and moving
    /// partitions are revoked before they are reassigned.
    CooperativeSticky,
}

impl Assignor {
    /// Every assignor, in the order the UI offers them.
    pub const ALL: [Assignor; 4] = [
        Assignor::Range,
        Assignor::RoundRobin,
        Assignor::Sticky,
        Assignor::CooperativeSticky,
    ];

    /// The name Kafka gives it (`ConsumerPartitionAssignor.name()`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Assignor::Range => "range",
            Assignor::RoundRobin => "roundrobin",
            Assignor::Sticky => "sticky",
            Assignor::CooperativeSticky => "cooperative-sticky",
        }
    }

    /// The Java class, as written in `partition.assignment.strategy`.
    #[must_use]
    pub fn class_name(self) -> &'static str {
        match self {
            Assignor::Range => "RangeAssignor",
            Assignor::RoundRobin => "RoundRobinAssignor",
            Assignor::Sticky => "StickyAssignor",
            Assignor::CooperativeSticky => "CooperativeStickyAssignor",
        }
    }

    /// Whether it supports the cooperative rebalance protocol. Only the
    /// cooperative sticky assignor does (it also supports eager).
    #[must_use]
    pub fn supports_cooperative(self) -> bool {
        self == Assignor::CooperativeSticky
    }

    /// The assignor named `name` (Kafka's short name), if any.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Assignor> {
        Assignor::ALL.into_iter().find(|a| a.name() == name)
    }
}

impl fmt::Display for Assignor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

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
fn member_order(a: &Subscription, b: &Subscription) -> Ordering {
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

fn tp_order(a: &TopicPart, b: &TopicPart) -> Ordering {
    java_compare(&a.topic, &b.topic).then(a.partition.cmp(&b.partition))
}

fn empty_assignment(members: &[Subscription]) -> Assignment {
    let mut out = Assignment::new();
    for m in members {
        out.insert(m.member_id.clone(), Vec::new());
    }
    out
}

/// A member's subscribed topics as a set.
fn topic_set(m: &Subscription) -> BTreeSet<&String> {
    let mut set = BTreeSet::new();
    for t in &m.topics {
        set.insert(t);
    }
    set
}

/// Topics sorted in Java string order, each with its partitions in order.
fn all_partitions_sorted(topics: &BTreeMap<String, u32>) -> Vec<TopicPart> {
    let mut names: Vec<&String> = topics.keys().collect();
    stable_sort::sort_by(&mut names, |a, b| java_compare(a, b));
    names
        .into_iter()
        .flat_map(|t| (0..topics[t]).map(move |p| TopicPart::new(t, p)))
        .collect()
}

/// `RangeAssignor`: per topic, the subscribed members in `MemberInfo` order;
/// `n / c` partitions each, the first `n % c` members one more.
fn range(topics: &BTreeMap<String, u32>, members: &[Subscription]) -> Assignment {
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

/// `RoundRobinAssignor`: all partitions (topics in name order) dealt to the
/// members in `MemberInfo` order, in a circle, skipping members not
/// subscribed to the partition's topic.
fn round_robin(topics: &BTreeMap<String, u32>, members: &[Subscription]) -> Assignment {
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

/// The sticky assignors' shared core. Returns the assignment and, for the
/// cooperative variant, the partitions that change owner (partition → new
/// owner).
fn sticky(
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

#[cfg(test)]
mod tests {
    //! Cases from Kafka's `RangeAssignorTest`, `RoundRobinAssignorTest` and
    //! `AbstractStickyAssignorTest` (same members, topics and expectations).
    use super::*;

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
}
