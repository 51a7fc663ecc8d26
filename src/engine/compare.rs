//! One record stream through several partitioners, side by side. Each
//! strategy runs in its own small simulated cluster (one broker, the given
//! partitions) fed the very same records at the same times, so the counts
//! come from the engine's real partitioner, batching and sticky switching,
//! not from a copy of their rules.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::command::Command;
use super::compression::generated_value;
use super::config::{ClusterConfig, Partitioner, ProducerConfig, TopicConfig};
use super::ids::ProducerId;
use super::refusal::{Refusal, RefusalReason};
use super::sim::Sim;

/// Most records one comparison may stream.
pub const MAX_COMPARE_RECORDS: u32 = 5_000;

/// The stream to compare on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompareSpec {
    /// Partitions of the topic.
    pub partitions: u32,
    /// Records in the stream.
    pub records: u32,
    /// Keys the stream picks from (empty: every key is null).
    pub keys: Vec<String>,
    /// Share of records with a null key, in percent.
    pub null_key_percent: u32,
    /// Bytes of each value.
    pub value_bytes: u32,
    /// `batch.size`.
    pub batch_size: u32,
    /// `linger.ms`.
    pub linger_ms: u64,
    /// Records per simulated second.
    pub records_per_sec: u32,
    /// Seed of the stream and of the partitioners' random choices.
    pub seed: u64,
}

/// One strategy's result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StrategyResult {
    /// The strategy.
    pub strategy: Strategy,
    /// Records that landed in each partition.
    pub per_partition: Vec<u32>,
    /// Batches appended.
    pub batches: u32,
}

/// A way of spreading records over partitions, as a learner would name it
/// (its name and settings in words are in `crate::text`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strategy {
    /// The default partitioner: murmur2 for keys, sticky for null keys.
    KeyHash,
    /// `partitioner.ignore.keys=true`: every record sticky (KIP-794).
    Sticky,
    /// `RoundRobinPartitioner` as in Kafka 3.9+/4.x.
    RoundRobin,
    /// `RoundRobinPartitioner` before KAFKA-17632 (skips, KAFKA-9965).
    RoundRobinLegacy,
}

impl Strategy {
    /// A short identifier (`key-hash`), for tests and the page's markup.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Strategy::KeyHash => "key-hash",
            Strategy::Sticky => "sticky",
            Strategy::RoundRobin => "round-robin",
            Strategy::RoundRobinLegacy => "round-robin-legacy",
        }
    }

    /// The producer settings that give it: the partitioner and
    /// `partitioner.ignore.keys`.
    #[must_use]
    pub fn settings(self) -> (Partitioner, bool) {
        match self {
            Strategy::KeyHash => (Partitioner::BuiltIn, false),
            Strategy::Sticky => (Partitioner::BuiltIn, true),
            Strategy::RoundRobin => (Partitioner::RoundRobin, false),
            Strategy::RoundRobinLegacy => (Partitioner::RoundRobinLegacy, false),
        }
    }
}

/// The strategies compared, in order.
pub const STRATEGIES: [Strategy; 4] = [
    Strategy::KeyHash,
    Strategy::Sticky,
    Strategy::RoundRobin,
    Strategy::RoundRobinLegacy,
];

/// The stream: each record's key (`None`: null), deterministic in the seed.
#[must_use]
pub fn stream(spec: &CompareSpec) -> Vec<Option<String>> {
    let mut rng = ChaCha8Rng::seed_from_u64(spec.seed);
    (0..spec.records)
        .map(|_| {
            let null = rng.random_range(0..100u32) < spec.null_key_percent;
            if null || spec.keys.is_empty() {
                None
            } else {
                let i = rng.random_range(0..spec.keys.len() as u32);
                Some(spec.keys[i as usize].clone())
            }
        })
        .collect()
}

/// Runs the stream through every strategy of [`STRATEGIES`].
pub fn compare(spec: &CompareSpec) -> Result<Vec<StrategyResult>, Refusal> {
    if spec.records > MAX_COMPARE_RECORDS {
        return Err(RefusalReason::CompareTooLong {
            max: MAX_COMPARE_RECORDS,
        }
        .into());
    }
    if spec.null_key_percent > 100 || spec.records_per_sec == 0 {
        return Err(RefusalReason::CompareSpecInvalid.into());
    }
    let keys = stream(spec);
    let value = String::from_utf8(generated_value(0, spec.value_bytes)).expect("ASCII");
    STRATEGIES
        .iter()
        .map(|&strategy| {
            let (partitioner, ignore_keys) = strategy.settings();
            let mut producer = ProducerConfig::new("producer", "compare", 0, &[]);
            producer.partitioner = partitioner;
            producer.ignore_keys = ignore_keys;
            producer.batch_size = spec.batch_size;
            producer.linger_ms = spec.linger_ms;
            producer.value_bytes = spec.value_bytes;
            let config = ClusterConfig {
                seed: spec.seed,
                brokers: 1,
                network_latency_ms: 2,
                topics: vec![TopicConfig::new("compare", spec.partitions)],
                producers: vec![producer],
                groups: Vec::new(),
                ..ClusterConfig::default()
            };
            let mut sim = Sim::new(config)?;
            // Every record held in full: the batches are counted from them
            // (the stream is bounded by MAX_COMPARE_RECORDS).
            sim.set_hot_entries_per_log(Some(usize::MAX));
            let rate = u64::from(spec.records_per_sec);
            for (i, key) in keys.iter().enumerate() {
                sim.advance_to(i as u64 * 1000 / rate);
                sim.apply(Command::Produce {
                    producer: ProducerId(0),
                    key: key.clone(),
                    value: value.clone(),
                })?;
            }
            sim.advance_to(sim.now_ms() + 60_000);
            let _ = sim.take_events();
            let part_logs = &sim.topics()[0].partitions;
            let per_partition = part_logs
                .iter()
                .map(|p| p.leader_log().map_or(0, |l| l.log_end_offset() as u32))
                .collect();
            let mut batches: Vec<_> = part_logs
                .iter()
                .filter_map(|p| p.leader_log())
                .flat_map(|l| l.entries().map(|e| e.batch))
                .collect();
            batches.sort_unstable();
            batches.dedup();
            Ok(StrategyResult {
                strategy,
                per_partition,
                batches: batches.len() as u32,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::murmur2::partition_for_key;

    fn spec() -> CompareSpec {
        CompareSpec {
            partitions: 4,
            records: 400,
            keys: vec!["alice".into(), "bob".into(), "carol".into(), "민준".into()],
            null_key_percent: 0,
            value_bytes: 100,
            batch_size: 16_384,
            linger_ms: 5,
            records_per_sec: 100,
            seed: 1,
        }
    }

    #[test]
    fn every_strategy_places_every_record_once() {
        let results = compare(&spec()).unwrap();
        assert_eq!(results.len(), 4);
        for r in &results {
            assert_eq!(
                r.per_partition.iter().sum::<u32>(),
                400,
                "{}",
                r.strategy.id()
            );
        }
    }

    #[test]
    fn key_hash_counts_follow_murmur2() {
        let s = spec();
        let mut expected = vec![0u32; 4];
        for key in stream(&s).into_iter().flatten() {
            expected[partition_for_key(key.as_bytes(), 4) as usize] += 1;
        }
        let results = compare(&s).unwrap();
        assert_eq!(results[0].per_partition, expected);
    }

    #[test]
    fn round_robin_spreads_evenly_and_the_old_one_skips_half() {
        // 100 records/s with linger 5 ms: every record opens a new batch.
        let results = compare(&spec()).unwrap();
        assert_eq!(results[2].per_partition, vec![100, 100, 100, 100]);
        assert_eq!(results[3].per_partition, vec![0, 200, 0, 200]);
    }

    #[test]
    fn sticky_fills_one_partition_at_a_time() {
        let mut s = spec();
        s.batch_size = 1_024;
        s.records_per_sec = 1_000;
        s.linger_ms = 50; // batches fill (8 records of ~125 B) before linger.ms
        let results = compare(&s).unwrap();
        let sticky = &results[1];
        assert_eq!(sticky.per_partition.iter().sum::<u32>(), 400);
        // Records take 112–117 B with their key, so a 1 KiB batch holds 7 or
        // 8 of them (61 B header): 400 records make 50 to 58 batches.
        assert!((50..=58).contains(&sticky.batches), "{}", sticky.batches);
        // Round robin opens a batch per record only while batches are
        // drained; here they fill, so records share batches too.
        assert!(results[2].batches < 400);
    }

    #[test]
    fn limits_are_enforced() {
        let mut s = spec();
        s.records = MAX_COMPARE_RECORDS + 1;
        assert!(compare(&s).is_err());
    }
}
