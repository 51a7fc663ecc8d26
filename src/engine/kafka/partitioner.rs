//! Kafka's partitioners, as pure state machines the producer drives (and the
//! comparison view reuses): the order of `KafkaProducer.partition`, the
//! built-in uniform sticky partitioner of KIP-794
//! (`BuiltInPartitioner`), its adaptive weights, and `RoundRobinPartitioner`
//! both as fixed in Kafka 3.9 (KAFKA-17632) and with the older skipping
//! behaviour (KAFKA-9965).
//!
//! Randomness is passed in as a 31-bit non-negative `random` (Java's
//! `Utils.toPositive(random.nextInt())`), drawn by the caller from the
//! engine's seeded stream.

use crate::engine::vocab::reasons::SwitchReason;

use super::murmur2::{murmur2, to_positive};

/// Kafka's `PartitionLoadStats`: a cumulative frequency table over the
/// partitions that have a leader, where a partition with a shorter queue
/// weighs more: weight = `maxQueue + 1 − queue`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadStats {
    /// Running sums of the weights.
    pub cumulative: Vec<u32>,
    /// The partition of each entry.
    pub partition_ids: Vec<u32>,
}

impl LoadStats {
    /// Each partition's weight (the differences of the cumulative table).
    #[must_use]
    pub fn weights(&self) -> Vec<(u32, u32)> {
        let mut prev = 0;
        self.partition_ids
            .iter()
            .zip(&self.cumulative)
            .map(|(&p, &c)| {
                let w = c - prev;
                prev = c;
                (p, w)
            })
            .collect()
    }
}

/// Kafka's `BuiltInPartitioner.updatePartitionLoadStats`. `queues` holds the
/// queue length (batches waiting in the producer) of each partition that has
/// a leader, with its partition id; `all_partitions` counts every partition.
/// Returns `None` (uniform choice) with fewer than 2 partitions, no
/// available partition, or equal queues everywhere with none excluded.
#[must_use]
pub fn load_stats(queues: &[(u32, u32)], all_partitions: u32) -> Option<LoadStats> {
    if queues.is_empty() || all_partitions < 2 {
        return None;
    }
    let max = queues.iter().map(|&(_, q)| q).max().unwrap_or(0);
    let all_equal = queues.iter().all(|&(_, q)| q == queues[0].1);
    if all_equal && queues.len() as u32 == all_partitions {
        return None;
    }
    let mut cumulative = Vec::with_capacity(queues.len());
    let mut sum = 0;
    for &(_, q) in queues {
        sum += max + 1 - q;
        cumulative.push(sum);
    }
    Some(LoadStats {
        cumulative,
        partition_ids: queues.iter().map(|&(p, _)| p).collect(),
    })
}

/// Kafka's `BuiltInPartitioner.nextPartition`: with load stats, the first
/// partition whose cumulative weight is above `random % total`; without,
/// `available[random % available.len()]`, or `random % all_partitions`
/// when no partition has a leader.
#[must_use]
pub fn next_partition(
    random: u32,
    stats: Option<&LoadStats>,
    available: &[u32],
    all_partitions: u32,
) -> u32 {
    match stats {
        Some(s) => {
            let total = *s.cumulative.last().expect("stats are never empty");
            let weighted = random % total;
            let i = s.cumulative.partition_point(|&c| c <= weighted);
            s.partition_ids[i]
        }
        None if !available.is_empty() => available[(random % available.len() as u32) as usize],
        None => random % all_partitions.max(1),
    }
}

/// The built-in partitioner's sticky state for one topic.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sticky {
    /// The current sticky partition (`None` before the first null-key record).
    pub partition: Option<u32>,
    /// Bytes produced to it so far (batch bytes, as Kafka counts them).
    pub produced_bytes: u32,
}

impl Sticky {
    /// Kafka's `updatePartitionInfo` after a null-key record was appended:
    /// adds `appended_bytes`, and says whether to switch now and why.
    /// `last_batch_full` is Kafka's `enableSwitch` (the partition's last
    /// batch is full).
    pub fn produced(
        &mut self,
        appended_bytes: u32,
        batch_size: u32,
        last_batch_full: bool,
    ) -> Option<SwitchReason> {
        self.produced_bytes = self.produced_bytes.saturating_add(appended_bytes);
        if self.produced_bytes >= batch_size && last_batch_full {
            Some(SwitchReason::BatchSizeAndFull)
        } else if self.produced_bytes >= batch_size.saturating_mul(2) {
            Some(SwitchReason::TwiceBatchSize)
        } else {
            None
        }
    }

    /// Moves to a new sticky partition with nothing produced yet.
    pub fn switch_to(&mut self, partition: u32) {
        self.partition = Some(partition);
        self.produced_bytes = 0;
    }
}

/// `RoundRobinPartitioner`'s state for one topic.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RoundRobin {
    /// The per-topic counter (Java's `AtomicInteger`, starting at 0).
    pub counter: i32,
    /// Kafka 3.9+: the partition remembered by `onNewBatch`, handed out
    /// again by the next `partition()` call.
    pub remembered: Option<u32>,
}

impl RoundRobin {
    /// `partition()`: the next partition among the available ones (all
    /// partitions when none has a leader).
    pub fn partition(&mut self, available: &[u32], all_partitions: u32) -> u32 {
        if let Some(p) = self.remembered.take() {
            return p;
        }
        let value = self.counter;
        self.counter = self.counter.wrapping_add(1);
        let n = to_positive(value);
        if available.is_empty() {
            n % all_partitions.max(1)
        } else {
            available[(n % available.len() as u32) as usize]
        }
    }

    /// `onNewBatch(prevPartition)`, called when the record would open a new
    /// batch, just before `partition()` is called a second time. The fixed
    /// partitioner remembers `prev` so the record stays there; the old one
    /// did nothing, so the second call moved the counter again.
    pub fn on_new_batch(&mut self, prev: u32, fixed: bool) {
        if fixed {
            self.remembered = Some(prev);
        }
    }
}

/// The partition of a keyed record: `toPositive(murmur2(key)) % partitions`,
/// with the hash for the picture.
#[must_use]
pub fn key_partition(key: &[u8], all_partitions: u32) -> (i32, u32) {
    let hash = murmur2(key);
    (hash, to_positive(hash) % all_partitions.max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adaptive_weights_match_kafkas_adaptive_partitions_test() {
        // BuiltInPartitionerTest.adaptivePartitionsTest: queue sizes
        // {5, 0, 3, 0, 1} give frequencies {1, 6, 3, 6, 5} per cycle.
        let queues: Vec<(u32, u32)> = [5, 0, 3, 0, 1]
            .iter()
            .enumerate()
            .map(|(p, &q)| (p as u32, q))
            .collect();
        let stats = load_stats(&queues, 5).expect("unequal queues give stats");
        assert_eq!(stats.cumulative, vec![1, 7, 10, 16, 21]);
        let mut frequency = [0u32; 5];
        for random in 0..21 {
            frequency[next_partition(random, Some(&stats), &[], 5) as usize] += 1;
        }
        assert_eq!(frequency, [1, 6, 3, 6, 5]);
        // The next cycle repeats it (random is taken modulo the total).
        let mut again = [0u32; 5];
        for random in 21..42 {
            again[next_partition(random, Some(&stats), &[], 5) as usize] += 1;
        }
        assert_eq!(again, frequency);
        assert_eq!(
            stats.weights(),
            vec![(0, 1), (1, 6), (2, 3), (3, 6), (4, 5)]
        );
    }

    #[test]
    fn equal_queues_or_one_partition_mean_uniform() {
        assert_eq!(load_stats(&[(0, 2), (1, 2), (2, 2)], 3), None);
        assert_eq!(load_stats(&[(0, 4)], 1), None);
        assert_eq!(load_stats(&[], 3), None);
        // Equal queues but partition 1 has no leader: still weighted, over 0 and 2.
        let stats = load_stats(&[(0, 2), (2, 2)], 3).unwrap();
        assert_eq!(stats.partition_ids, vec![0, 2]);
        assert_eq!(stats.cumulative, vec![1, 2]);
    }

    #[test]
    fn uniform_choice_skips_partitions_without_leader() {
        let available = [0, 2, 3];
        let picks: Vec<u32> = (0..6)
            .map(|r| next_partition(r, None, &available, 4))
            .collect();
        assert_eq!(picks, vec![0, 2, 3, 0, 2, 3]);
        // No leader anywhere: any partition.
        assert_eq!(next_partition(7, None, &[], 4), 3);
    }

    #[test]
    fn sticky_switches_at_batch_size_when_full_or_at_twice_regardless() {
        let mut s = Sticky::default();
        s.switch_to(2);
        // 16384-byte batches: not yet.
        assert_eq!(s.produced(10_000, 16_384, false), None);
        // Reached batch.size but the batch is not full (linger sent it early): stay.
        assert_eq!(s.produced(7_000, 16_384, false), None);
        assert_eq!(s.produced_bytes, 17_000);
        // Reached batch.size and the last batch is full: switch.
        assert_eq!(
            s.produced(100, 16_384, true),
            Some(SwitchReason::BatchSizeAndFull)
        );
        s.switch_to(0);
        assert_eq!(s.produced_bytes, 0);
        // Never full: switch at 2 × batch.size = 32768.
        assert_eq!(s.produced(32_767, 16_384, false), None);
        assert_eq!(
            s.produced(1, 16_384, false),
            Some(SwitchReason::TwiceBatchSize)
        );
    }

    /// Drives a round robin partitioner the way `KafkaProducer.doSend` does
    /// when every record opens a new batch (each batch left before the next
    /// record came): partition(), then onNewBatch + partition() again.
    fn every_record_opens_a_batch(fixed: bool, partitions: u32, records: usize) -> Vec<u32> {
        let available: Vec<u32> = (0..partitions).collect();
        let mut rr = RoundRobin::default();
        (0..records)
            .map(|_| {
                let first = rr.partition(&available, partitions);
                rr.on_new_batch(first, fixed);
                rr.partition(&available, partitions)
            })
            .collect()
    }

    #[test]
    fn round_robin_kafka_9965_skips_every_other_partition() {
        // Kafka 2.4–3.8: the counter moves twice per record, so with 4
        // partitions only 1 and 3 ever get records (KAFKA-16283).
        assert_eq!(
            every_record_opens_a_batch(false, 4, 8),
            vec![1, 3, 1, 3, 1, 3, 1, 3]
        );
        // With an odd count every partition is reached, out of order.
        assert_eq!(
            every_record_opens_a_batch(false, 3, 6),
            vec![1, 0, 2, 1, 0, 2]
        );
    }

    #[test]
    fn round_robin_fixed_visits_every_partition_in_turn() {
        assert_eq!(
            every_record_opens_a_batch(true, 4, 8),
            vec![0, 1, 2, 3, 0, 1, 2, 3]
        );
    }

    #[test]
    fn round_robin_uses_available_partitions_only() {
        let mut rr = RoundRobin::default();
        let picks: Vec<u32> = (0..4).map(|_| rr.partition(&[1, 3], 4)).collect();
        assert_eq!(picks, vec![1, 3, 1, 3]);
        // The Java counter wraps at i32::MAX; toPositive keeps it non-negative.
        let mut rr = RoundRobin {
            counter: i32::MAX,
            remembered: None,
        };
        assert_eq!(rr.partition(&[0, 1, 2], 3), (i32::MAX as u32) % 3);
        assert_eq!(rr.partition(&[0, 1, 2], 3), 0, "toPositive(i32::MIN) = 0");
    }

    #[test]
    fn keyed_partition_is_murmur2_mod_all_partitions() {
        assert_eq!(
            key_partition(b"21", 7),
            (-973_932_308, (-973_932_308i32 & 0x7fff_ffff) as u32 % 7)
        );
    }
}
