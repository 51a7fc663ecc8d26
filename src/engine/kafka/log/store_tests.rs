//! How a log stores its records (`log_store.rs`, `ReplicaLog::fold`): clones
//! share full chunks and copy on write; folded records keep the segments'
//! numbers; reads of folded records give entries without identity; a
//! follower copying runs ends up with the leader's numbers.

use std::sync::Arc;

use super::cold_run::LogSlice;
use super::replica_log::ReplicaLog;
use super::store::CHUNK_ENTRIES;
use crate::engine::kafka::record::Record;
use crate::engine::vocab::config::{CleanupPolicy, LogConfig};
use crate::engine::vocab::ids::{BatchId, ProducerId, RecordId};

fn record(n: u64, key: &str, ts: u64) -> Record {
    Record {
        id: RecordId(n + 1),
        producer: ProducerId(0),
        seq: n,
        key: Some(Arc::from(key)),
        value: None,
        tombstone: false,
        value_bytes: 20,
        timestamp_ms: ts,
        sequence: Some(n as u32),
    }
}

/// `batches` batches of 1 to 3 records with keys of varied lengths, one a
/// millisecond, committed (HW at the LEO).
fn log_with(config: LogConfig, batches: u64) -> ReplicaLog {
    let mut log = ReplicaLog::new(config, 0);
    let keys = ["a", "bob", "carol", "dave-the-longest"];
    let mut n = 0;
    for b in 0..batches {
        let count = 1 + b % 3;
        let records: Vec<Record> = (0..count)
            .map(|i| record(n + i, keys[((n + i) % 4) as usize], b))
            .collect();
        let sizes: Vec<u32> = records
            .iter()
            .enumerate()
            .map(|(i, r)| r.size_in_batch(i as u32, 0))
            .collect();
        log.append(&records, (b / 100) as u32, BatchId(b + 1), b, &sizes);
        n += count;
    }
    log.advance_high_watermark(log.log_end_offset());
    log
}

fn small_segments() -> LogConfig {
    LogConfig {
        segment_bytes: 2_000,
        ..LogConfig::default()
    }
}

#[test]
fn a_clone_copies_only_the_open_tail_and_copies_a_chunk_on_write() {
    let log = log_with(LogConfig::default(), 400);
    let (held, tail, chunks, _) = log.storage();
    assert_eq!(held as u64, log.record_count());
    assert!(tail < CHUNK_ENTRIES && chunks == held / CHUNK_ENTRIES);
    let mut clone = log.clone();
    clone.mark_acknowledged(0, 5);
    assert!(clone.get(3).unwrap().acknowledged);
    assert!(
        !log.get(3).unwrap().acknowledged,
        "the original is untouched"
    );
    assert_eq!(
        Arc::as_ptr(&log.get(700).unwrap().record),
        Arc::as_ptr(&clone.get(700).unwrap().record),
        "records are shared"
    );
}

#[test]
fn folding_keeps_the_segments_numbers_and_reads_give_unknown_records() {
    let mut log = log_with(small_segments(), 300);
    let before: Vec<_> = log.segments().cloned().collect();
    let folded = log.fold(10, u64::MAX, 0, &[], |_| true);
    assert_eq!(folded, log.record_count() as usize - 10);
    assert_eq!(log.entries().len(), 10);
    assert_eq!(log.segments().cloned().collect::<Vec<_>>(), before);
    log.check_storage().unwrap();
    // One run per segment and epoch (3 epochs of 100 batches).
    let runs = log.cold_runs().len();
    assert!(runs >= before.len() && runs <= before.len() + 3, "{runs}");
    let read = log.read(0, log.log_end_offset(), 1_000);
    assert_eq!(read.len() as u64, log.record_count());
    assert!(read.windows(2).all(|w| w[1].offset == w[0].offset + 1));
    assert_eq!(read[0].record.id, RecordId::UNKNOWN);
    assert!(read[0].record.key.is_none());
    assert_eq!(read[read.len() - 1].record.id, RecordId(log.record_count()));
    assert_eq!(log.epoch_at(5), Some(0));
    assert_eq!(log.epoch_at(log.log_end_offset() - 1), Some(2));
}

#[test]
fn a_follower_copying_runs_in_pieces_ends_up_with_the_leaders_numbers() {
    let mut leader = log_with(small_segments(), 300);
    let exact = leader.clone();
    leader.fold(4, u64::MAX, 0, &[0], |_| true);
    let mut follower = ReplicaLog::new(small_segments(), 0);
    while follower.log_end_offset() < leader.log_end_offset() {
        let slice = leader.read_slice(follower.log_end_offset(), leader.log_end_offset(), 37);
        assert!(slice.len() <= 37 && !slice.is_empty());
        follower.append_slice(&slice, 1);
        follower.check_storage().unwrap();
        leader.check_storage().unwrap();
    }
    let numbers = |l: &ReplicaLog| {
        l.segments()
            .map(|s| {
                (
                    s.base_offset,
                    s.size_bytes,
                    s.records,
                    s.first_timestamp_ms,
                    s.last_timestamp_ms,
                    s.max_timestamp_ms,
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(numbers(&follower), numbers(&exact));
    assert_eq!(follower.epoch_starts(), exact.epoch_starts());
    assert_eq!(follower.size_bytes(), exact.size_bytes());
}

#[test]
fn idempotence_finds_a_producers_last_batches_among_runs() {
    let mut log = log_with(LogConfig::default(), 50);
    let exact = log.producer_batches(ProducerId(0), 5);
    log.fold(1, u64::MAX, 0, &[], |_| true);
    assert_eq!(log.entries().len(), 1);
    assert_eq!(log.producer_batches(ProducerId(0), 5), exact);
    assert!(log.producer_batches(ProducerId(1), 5).is_empty());
}

#[test]
fn truncating_into_a_run_keeps_the_counts_and_estimates_the_bytes() {
    let mut log = log_with(LogConfig::default(), 90);
    let exact = {
        let mut l = log.clone();
        l.truncate_to(100);
        l.size_bytes()
    };
    log.fold(0, u64::MAX, 0, &[], |_| true);
    let removed = log.truncate_records_to(100);
    assert_eq!(removed, 180 - 100);
    assert_eq!((log.log_end_offset(), log.record_count()), (100, 100));
    log.check_storage().unwrap();
    let off = (log.size_bytes() as f64 - exact as f64).abs() / exact as f64;
    assert!(off < 0.05, "{} bytes, exactly {exact}", log.size_bytes());
}

#[test]
fn compacted_logs_are_not_folded_and_folded_records_survive_compaction() {
    let compact = LogConfig {
        cleanup_policy: CleanupPolicy::Compact,
        ..small_segments()
    };
    let mut log = log_with(compact, 60);
    assert_eq!(log.fold(0, u64::MAX, 0, &[], |_| true), 0);
    // A deleting log folds; once it becomes compacted, its cleaner keeps
    // what was folded and compacts the rest.
    let mut log = log_with(small_segments(), 60);
    log.fold(100, u64::MAX, 0, &[], |_| true);
    assert!(log.cold_runs().len() > 0);
    let folded: u64 = log.cold_runs().map(|r| r.records()).sum();
    log.set_config(LogConfig {
        cleanup_policy: CleanupPolicy::Compact,
        min_cleanable_dirty_ratio: 0.0,
        ..small_segments()
    });
    let cleaning = log.clean(1_000).expect("dirty");
    assert!(cleaning.superseded > 0);
    assert_eq!(log.cold_runs().map(|r| r.records()).sum::<u64>(), folded);
    log.check_storage().unwrap();
}

#[test]
fn a_slice_counts_its_records() {
    let mut log = log_with(LogConfig::default(), 30);
    log.fold(5, u64::MAX, 0, &[], |_| true);
    let slice: LogSlice = log.read_slice(3, log.log_end_offset(), 1_000);
    assert_eq!(slice.len() as u64, log.log_end_offset() - 3);
    assert_eq!(slice.entries.len(), 5);
    assert!(LogSlice::default().is_empty());
}
