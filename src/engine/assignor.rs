//! Partition assignors. This slice has Kafka's `RangeAssignor` for one topic;
//! round robin and the sticky assignors come with consumer groups in full.

/// Kafka's `RangeAssignor` for one topic: members sorted by member id (plain
/// string order, so `consumer-10` sorts before `consumer-2`); each gets
/// `partitions / members` contiguous partitions, and the first
/// `partitions % members` get one more. Returns partitions per member, in the
/// order of `member_ids` as given.
#[must_use]
pub fn range_assign(member_ids: &[String], partitions: u32) -> Vec<Vec<u32>> {
    let mut order: Vec<usize> = (0..member_ids.len()).collect();
    order.sort_by(|a, b| member_ids[*a].cmp(&member_ids[*b]));
    let mut out = vec![Vec::new(); member_ids.len()];
    let n = member_ids.len() as u32;
    if n == 0 {
        return out;
    }
    let (each, extra) = (partitions / n, partitions % n);
    let mut next = 0;
    for (rank, &i) in order.iter().enumerate() {
        let count = each + u32::from((rank as u32) < extra);
        out[i] = (next..next + count).collect();
        next += count;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn one_member_takes_all() {
        assert_eq!(range_assign(&ids(&["c"]), 3), vec![vec![0, 1, 2]]);
    }

    #[test]
    fn uneven_split_gives_the_first_members_one_more() {
        // RangeAssignorTest.testOneConsumerMultipleTopics-style: 3 partitions, 2 members.
        assert_eq!(
            range_assign(&ids(&["consumer1", "consumer2"]), 3),
            vec![vec![0, 1], vec![2]]
        );
    }

    #[test]
    fn plain_string_order() {
        // consumer-10 sorts before consumer-2.
        let got = range_assign(&ids(&["consumer-2", "consumer-10"]), 3);
        assert_eq!(got, vec![vec![2], vec![0, 1]]);
    }

    #[test]
    fn more_members_than_partitions_leaves_members_idle() {
        let got = range_assign(&ids(&["a", "b", "c"]), 2);
        assert_eq!(got, vec![vec![0], vec![1], vec![]]);
    }
}
