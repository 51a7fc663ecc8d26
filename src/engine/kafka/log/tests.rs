//! Unit tests of one replica's log: offsets, epochs, Kafka's `UnifiedLogTest`
//! cases for segments and retention, and compaction.

use std::sync::Arc;

use super::*;
use crate::engine::kafka::record::{Record, BATCH_HEADER_BYTES};
use crate::engine::vocab::ids::{BatchId, ProducerId, RecordId};
use crate::engine::vocab::reasons::{DeletionReason, RollReason};

fn rec(n: u64) -> Record {
    Record {
        id: RecordId(n),
        producer: ProducerId(0),
        seq: n,
        key: None,
        value: None,
        tombstone: false,
        value_bytes: 10,
        timestamp_ms: 0,
        sequence: None,
    }
}

#[test]
fn offsets_are_contiguous_and_hw_only_moves_forward() {
    let mut log = ReplicaLog::default();
    assert_eq!(
        log.append(&[rec(0), rec(1)], 0, BatchId(0), 5, &[16, 16]),
        (0, 1)
    );
    assert_eq!(log.append(&[rec(2)], 0, BatchId(1), 6, &[16]), (2, 2));
    assert_eq!(log.log_end_offset(), 3);
    assert!(log.advance_high_watermark(2));
    assert!(!log.advance_high_watermark(1));
    assert_eq!(log.high_watermark(), 2);
    assert!(log.advance_high_watermark(10));
    assert_eq!(log.high_watermark(), 3, "the HW never passes the LEO");
    assert_eq!(log.read(1, 3, 10).len(), 2);
    assert_eq!(log.get(2).map(|e| e.record.id), Some(RecordId(2)));
    // Three 16-byte records in two batches, each with a 61-byte header.
    assert_eq!(log.size_bytes(), 3 * 16 + 2 * 61);
}

#[test]
fn epoch_cache_answers_offsets_for_leader_epoch_and_truncation_follows() {
    let mut log = ReplicaLog::default();
    log.append(&[rec(0), rec(1)], 0, BatchId(0), 0, &[10, 10]);
    log.append(&[rec(2)], 2, BatchId(1), 0, &[10]);
    log.note_epoch(3, 3);
    assert_eq!(log.epoch_starts(), &[(0, 0), (2, 2), (3, 3)]);
    assert_eq!(log.end_offset_for_epoch(0), Some((0, 2)));
    assert_eq!(
        log.end_offset_for_epoch(1),
        Some((0, 2)),
        "epoch 1 unknown: answer for 0"
    );
    assert_eq!(log.end_offset_for_epoch(2), Some((2, 3)));
    assert_eq!(log.end_offset_for_epoch(3), Some((3, 3)));
    log.advance_high_watermark(3);
    let removed = log.truncate_to(2);
    assert_eq!(removed.len(), 1);
    assert_eq!(log.log_end_offset(), 2);
    assert_eq!(log.high_watermark(), 2, "the HW is capped at the new LEO");
    assert_eq!(log.epoch_starts(), &[(0, 0)]);
    assert_eq!(log.size_bytes(), 20 + 61);
}

// ----- segments and retention: Kafka's UnifiedLogTest cases ----------

use crate::engine::kafka::record::record_size_bytes;
use crate::engine::vocab::config::{CleanupPolicy, LogConfig};

/// `TestUtils.singletonRecords("test".getBytes)`: a null key, a 4-byte
/// value, alone in its batch.
fn singleton(n: u64, timestamp_ms: u64, key: Option<&str>) -> (Record, u32) {
    let record = Record {
        id: RecordId(n),
        producer: ProducerId(0),
        seq: n,
        key: key.map(Arc::from),
        value: None,
        tombstone: false,
        value_bytes: 4,
        timestamp_ms,
        sequence: None,
    };
    let size = record.size_in_batch(0, 0);
    (record, size)
}

/// Bytes of one singleton batch on disk (header + record).
fn singleton_bytes() -> u64 {
    u64::from(BATCH_HEADER_BYTES + record_size_bytes(0, 0, None, Some(4)))
}

fn log_with(config: LogConfig) -> ReplicaLog {
    ReplicaLog::new(config, 0)
}

fn append_singletons(log: &mut ReplicaLog, count: u64, timestamp_ms: u64, key: Option<&str>) {
    for _ in 0..count {
        let n = log.log_end_offset();
        let (r, size) = singleton(n, timestamp_ms, key);
        log.append(&[r], 0, BatchId(n), timestamp_ms, &[size]);
    }
}

fn config(segment_records: u64) -> LogConfig {
    LogConfig {
        segment_bytes: singleton_bytes() * segment_records,
        ..LogConfig::default()
    }
}

/// UnifiedLogTest.shouldDeleteSizeBasedSegments: 15 one-record appends,
/// 5 records a segment, retention.bytes of 10 records: 2 segments stay.
#[test]
fn size_retention_of_ten_records_leaves_two_segments() {
    let mut log = log_with(LogConfig {
        retention_bytes: Some(singleton_bytes() * 10),
        ..config(5)
    });
    append_singletons(&mut log, 15, 0, None);
    assert_eq!(log.segments().len(), 3);
    log.advance_high_watermark(log.log_end_offset());
    let deleted = log.delete_old_segments(0);
    assert_eq!(deleted.len(), 1, "at least one segment is deleted");
    assert_eq!(deleted[0].reason, DeletionReason::RetentionBytes);
    assert_eq!(deleted[0].segments, 1);
    assert_eq!(log.segments().len(), 2, "should have 2 segments");
    assert_eq!(log.log_start_offset(), 5);
    assert_eq!(log.entries().len(), 10, "the deleted records are freed");
    assert_eq!(log.size_bytes(), singleton_bytes() * 10);
}

/// UnifiedLogTest.shouldNotDeleteSizeBasedSegmentsWhenUnderRetentionSize:
/// retention.bytes of 15 records: nothing goes, 3 segments stay.
#[test]
fn size_retention_of_fifteen_records_leaves_three_segments() {
    let mut log = log_with(LogConfig {
        retention_bytes: Some(singleton_bytes() * 15),
        ..config(5)
    });
    append_singletons(&mut log, 15, 0, None);
    log.advance_high_watermark(log.log_end_offset());
    assert!(log.delete_old_segments(0).is_empty());
    assert_eq!(log.segments().len(), 3, "should have 3 segments");
    assert_eq!(log.log_start_offset(), 0);
}

/// UnifiedLogTest.shouldDeleteTimeBasedSegmentsReadyToBeDeleted: one
/// segment of 15 old records (timestamp 10), retention.ms 10000: the
/// whole log expires, an empty active segment is rolled first and is
/// the one segment left.
#[test]
fn a_wholly_expired_log_rolls_an_empty_active_segment_first() {
    let mut log = log_with(LogConfig {
        retention_ms: Some(10_000),
        ..config(15)
    });
    append_singletons(&mut log, 15, 10, None);
    assert_eq!(log.segments().len(), 1);
    log.advance_high_watermark(log.log_end_offset());
    let now = 1_000_000;
    let deleted = log.delete_old_segments(now);
    assert_eq!(deleted.len(), 1);
    assert_eq!(deleted[0].reason, DeletionReason::RetentionMs);
    assert!(deleted[0].rolled);
    assert_eq!(
        log.segments().len(),
        1,
        "There should be 1 segment remaining"
    );
    assert_eq!(log.active_segment().base_offset, 15);
    assert_eq!(log.active_segment().records, 0);
    assert_eq!(log.log_start_offset(), 15);
    assert_eq!(log.log_end_offset(), 15, "offsets are never reused");
    assert_eq!(log.take_rolls(), vec![(15, RollReason::Retention)]);
    assert_eq!(log.entries().len(), 0);
    assert_eq!(log.size_bytes(), 0);
}

/// UnifiedLogTest.shouldNotDeleteTimeBasedSegmentsWhenNoneReadyToBeDeleted.
#[test]
fn young_segments_stay() {
    let now = 5_000_000;
    let mut log = log_with(LogConfig {
        retention_ms: Some(10_000_000),
        ..config(5)
    });
    append_singletons(&mut log, 15, now, None);
    log.advance_high_watermark(log.log_end_offset());
    assert!(log.delete_old_segments(now).is_empty());
    assert_eq!(
        log.segments().len(),
        3,
        "There should be 3 segments remaining"
    );
}

/// UnifiedLogTest.shouldNotDeleteSegmentsWhenPolicyDoesNotIncludeDelete.
#[test]
fn compact_alone_never_deletes_by_retention() {
    let mut log = log_with(LogConfig {
        retention_ms: Some(10_000),
        cleanup_policy: CleanupPolicy::Compact,
        ..config(5)
    });
    append_singletons(&mut log, 15, 10, Some("test"));
    let segments = log.segments().len();
    log.advance_high_watermark(log.log_end_offset());
    assert!(log.delete_old_segments(1_000_000).is_empty());
    assert_eq!(log.segments().len(), segments);
}

/// UnifiedLogTest.shouldDeleteSegmentsReadyToBeDeletedWhenCleanupPolicyIsCompactAndDelete:
/// retention.bytes of 10 records deletes one segment, then the default
/// retention.ms (7 days) finds the rest expired (timestamp 10): 1 left.
#[test]
fn compact_delete_applies_retention() {
    let mut log = log_with(LogConfig {
        retention_bytes: Some(singleton_bytes() * 10),
        cleanup_policy: CleanupPolicy::CompactDelete,
        ..config(5)
    });
    append_singletons(&mut log, 15, 10, None);
    log.advance_high_watermark(log.log_end_offset());
    let now = 10 + 604_800_000 + 1;
    let deleted = log.delete_old_segments(now);
    let reasons: Vec<DeletionReason> = deleted.iter().map(|d| d.reason).collect();
    assert_eq!(
        reasons,
        vec![DeletionReason::RetentionBytes, DeletionReason::RetentionMs]
    );
    assert_eq!(
        log.segments().len(),
        1,
        "There should be 1 segment remaining"
    );
}

/// UnifiedLogTest.testDeleteOldSegments: 100 expired records, 5 a
/// segment. Without a HW nothing goes; with the HW at 25..=30 only
/// segments the HW has passed go; with the HW at the end everything
/// goes and the epoch cache keeps the latest epoch at the LEO.
#[test]
fn retention_never_passes_the_high_watermark() {
    let mut log = log_with(LogConfig {
        retention_ms: Some(999),
        ..config(5)
    });
    for n in 0..100u64 {
        let (r, size) = singleton(n, 0, None);
        let epoch = if n < 90 { 0 } else { 1 };
        log.append(&[r], epoch, BatchId(n), 0, &[size]);
    }
    let now = 1_000;
    let segments = log.segments().len();
    assert_eq!(segments, 20);
    assert!(log.delete_old_segments(now).is_empty());
    assert_eq!(log.segments().len(), segments);
    assert_eq!(log.log_start_offset(), 0);
    for hw in 25..=30 {
        log.advance_high_watermark(hw);
        log.delete_old_segments(now);
        assert!(log.log_start_offset() <= hw);
        let bases: Vec<u64> = log.segments().map(|s| s.base_offset).collect();
        for (i, base) in bases.iter().enumerate() {
            let last = bases.get(i + 1).map_or(log.log_end_offset(), |b| *b) - 1;
            assert!(last >= hw, "segment at {base} ends at {last} < HW {hw}");
        }
    }
    log.advance_high_watermark(log.log_end_offset());
    assert!(!log.delete_old_segments(now).is_empty());
    assert_eq!(
        log.segments().len(),
        1,
        "The deleted segments should be gone."
    );
    assert_eq!(
        log.epoch_starts(),
        &[(1, 100)],
        "the latest epoch at the LEO"
    );
}

/// A follower whose log start moved (its leader's did) deletes the
/// segments wholly below it, whatever cleanup.policy says.
#[test]
fn segments_below_the_log_start_offset_go() {
    let mut log = log_with(LogConfig {
        cleanup_policy: CleanupPolicy::Compact,
        ..config(5)
    });
    append_singletons(&mut log, 15, 0, None);
    log.advance_high_watermark(15);
    assert!(log.maybe_increment_log_start_offset(7));
    assert!(!log.maybe_increment_log_start_offset(6), "never backwards");
    assert!(log.read(0, 15, 100).iter().all(|e| e.offset >= 7));
    let deleted = log.delete_old_segments(0);
    assert_eq!(deleted[0].reason, DeletionReason::LogStartOffset);
    assert_eq!(deleted[0].segments, 1, "the segment holding 7 stays");
    assert_eq!(log.segments().next().unwrap().base_offset, 5);
    assert_eq!(log.log_start_offset(), 7);
}

#[test]
fn segment_ms_rolls_on_the_first_batch_after_it() {
    let mut log = log_with(LogConfig {
        segment_ms: 250,
        ..LogConfig::default()
    });
    for (i, ts) in [0u64, 100, 250, 251, 300].iter().enumerate() {
        let (r, size) = singleton(i as u64, *ts, None);
        log.append(&[r], 0, BatchId(i as u64), *ts, &[size]);
    }
    // 251 - 0 > 250: the fourth record starts a new segment.
    let bases: Vec<u64> = log.segments().map(|s| s.base_offset).collect();
    assert_eq!(bases, vec![0, 3]);
    assert_eq!(log.take_rolls(), vec![(3, RollReason::SegmentMs)]);
    let first = log.segments().next().unwrap();
    assert_eq!(
        (
            first.records,
            first.max_timestamp_ms,
            first.last_timestamp_ms
        ),
        (3, Some(250), Some(250))
    );
}

#[test]
fn a_batch_that_would_pass_segment_bytes_starts_a_segment() {
    let mut log = log_with(config(2));
    let records: Vec<Record> = (0..3).map(|n| singleton(n, 0, None).0).collect();
    let sizes: Vec<u32> = records
        .iter()
        .enumerate()
        .map(|(i, r)| r.size_in_batch(i as u32, 0))
        .collect();
    // One batch of three never splits, even when larger than a segment.
    log.append(&records, 0, BatchId(0), 0, &sizes);
    assert_eq!(log.segments().len(), 1);
    append_singletons(&mut log, 1, 0, None);
    assert_eq!(log.segments().len(), 2);
    assert_eq!(log.take_rolls(), vec![(3, RollReason::SegmentBytes)]);
}

/// Truncation keeps segments consistent: those past the new end go.
#[test]
fn truncation_drops_segments_past_the_new_end() {
    let mut log = log_with(config(5));
    append_singletons(&mut log, 12, 0, None);
    assert_eq!(log.segments().len(), 3);
    log.truncate_to(7);
    let bases: Vec<u64> = log.segments().map(|s| s.base_offset).collect();
    assert_eq!(bases, vec![0, 5]);
    assert_eq!(log.active_segment().records, 2);
    assert_eq!(log.size_bytes(), 7 * singleton_bytes());
    log.truncate_to(0);
    assert_eq!(log.segments().len(), 1);
    assert_eq!(log.size_bytes(), 0);
    append_singletons(&mut log, 1, 0, None);
    assert_eq!(log.log_end_offset(), 1);
}

#[test]
fn a_follower_below_its_leaders_log_start_starts_again_there() {
    let mut log = log_with(config(5));
    append_singletons(&mut log, 4, 0, None);
    log.advance_high_watermark(3);
    assert_eq!(log.truncate_fully_and_start_at(20, 9), 4);
    assert_eq!(
        (
            log.log_start_offset(),
            log.high_watermark(),
            log.log_end_offset()
        ),
        (20, 20, 20)
    );
    assert!(log.epoch_starts().is_empty());
    assert_eq!(log.active_segment().base_offset, 20);
}

// ----- compaction --------------------------------------------------------

fn keyed(n: u64, key: &str, tombstone: bool) -> (Record, u32) {
    let record = Record {
        id: RecordId(n),
        producer: ProducerId(0),
        seq: n,
        key: Some(Arc::from(key)),
        value: None,
        tombstone,
        value_bytes: if tombstone { 0 } else { 4 },
        timestamp_ms: 0,
        sequence: None,
    };
    let size = record.size_in_batch(0, 0);
    (record, size)
}

/// Bytes of one batch holding one record with a one-character key.
fn keyed_bytes() -> u64 {
    u64::from(BATCH_HEADER_BYTES + keyed(0, "a", false).1)
}

fn append_keys(log: &mut ReplicaLog, keys: &[&str]) {
    for key in keys {
        let n = log.log_end_offset();
        let (tombstone, key) = match key.strip_prefix('-') {
            Some(k) => (true, k),
            None => (false, *key),
        };
        let (r, size) = keyed(n, key, tombstone);
        log.append(&[r], 0, BatchId(n), 0, &[size]);
    }
}

fn offsets(log: &ReplicaLog) -> Vec<u64> {
    log.entries().map(|e| e.offset).collect()
}

#[test]
fn compaction_keeps_the_latest_value_per_key_and_leaves_gaps() {
    let mut log = log_with(LogConfig {
        cleanup_policy: CleanupPolicy::Compact,
        segment_bytes: 4 * keyed_bytes(),
        ..LogConfig::default()
    });
    // Four records a segment; "-c" is a tombstone for key c.
    append_keys(
        &mut log,
        &["a", "b", "a", "c", "a", "b", "-c", "d", "a", "e"],
    );
    let bases: Vec<u64> = log.segments().map(|s| s.base_offset).collect();
    assert_eq!(bases, vec![0, 4, 8], "active segment holds 8 and 9");
    assert!(log.clean(0).is_none(), "nothing below the HW yet");
    log.advance_high_watermark(10);
    let c = log.clean(100).expect("all dirty: ratio 1.0");
    assert_eq!(c.end_offset, 8);
    assert_eq!(c.superseded, 4, "a@0, b@1, a@2, c@3 have later values");
    assert_eq!(c.dirty_ratio, 1.0);
    // Offsets never change; the active segment (8, 9) is not compacted,
    // so a@4 stays although a@8 is newer.
    assert_eq!(offsets(&log), vec![4, 5, 6, 7, 8, 9]);
    assert_eq!(
        log.get(6).unwrap().delete_horizon_ms,
        Some(100 + 86_400_000)
    );
    assert!(log.get(2).is_none(), "a gap");
    assert_eq!(log.read(0, 10, 10)[0].offset, 4, "reads skip the gaps");
    assert_eq!(
        log.log_start_offset(),
        0,
        "compaction never moves the log start"
    );
    assert_eq!(log.cleaner_checkpoint(), 8);
    // Kafka groups segments by their size before cleaning: both were
    // full, so none merged; the first is now empty.
    let segments: Vec<(u64, u64)> = log.segments().map(|s| (s.base_offset, s.records)).collect();
    assert_eq!(segments, vec![(0, 0), (4, 4), (8, 2)]);
    assert_eq!(
        log.size_bytes(),
        log.segments().map(|s| s.size_bytes).sum::<u64>()
    );
    assert!(log.clean(200).is_none(), "nothing dirty, no tombstone due");
    // Six more records; the next cleaning removes a@4 (a@8 is now in the
    // dirty part) and merges the empty segment with the next one.
    append_keys(&mut log, &["f", "g", "h", "i", "j", "k"]);
    log.advance_high_watermark(16);
    let c = log.clean(300).expect("dirty enough");
    assert_eq!(c.superseded, 1);
    assert_eq!(c.segments_before, 3);
    assert_eq!(c.segments_after, 2);
    let bases: Vec<u64> = log.segments().map(|s| s.base_offset).collect();
    assert_eq!(bases, vec![0, 8, 12]);
    assert_eq!(
        log.segments().next().unwrap().records,
        3,
        "b@5, the tombstone c@6, d@7"
    );
}

#[test]
fn tombstones_go_after_delete_retention_ms() {
    let mut log = log_with(LogConfig {
        cleanup_policy: CleanupPolicy::Compact,
        segment_bytes: 2 * keyed_bytes(),
        delete_retention_ms: 1_000,
        ..LogConfig::default()
    });
    append_keys(&mut log, &["a", "-a", "b", "c", "d"]);
    log.advance_high_watermark(5);
    let first = log.clean(0).unwrap();
    assert_eq!(first.superseded, 1);
    assert_eq!(
        offsets(&log),
        vec![1, 2, 3, 4],
        "the tombstone stays for now"
    );
    assert!(log.clean(999).is_none(), "its horizon is at 1000");
    let second = log.clean(1_000).unwrap();
    assert_eq!(second.tombstones_removed, 1);
    assert_eq!(offsets(&log), vec![2, 3, 4]);
}

#[test]
fn a_clean_log_waits_for_min_cleanable_dirty_ratio() {
    let mut log = log_with(LogConfig {
        cleanup_policy: CleanupPolicy::Compact,
        segment_bytes: 2 * keyed_bytes(),
        ..LogConfig::default()
    });
    append_keys(&mut log, &["a", "b", "c", "d", "e", "f", "g"]);
    log.advance_high_watermark(7);
    assert!(log.clean(0).is_some());
    // One more full segment: dirty 1 of 4 segments' bytes, below 0.5.
    append_keys(&mut log, &["a", "b"]);
    log.advance_high_watermark(9);
    assert!(log.clean(0).is_none());
    append_keys(&mut log, &["a", "b", "c", "d", "e", "f"]);
    log.advance_high_watermark(15);
    let c = log.clean(0).expect("dirty enough now");
    assert!(c.dirty_ratio >= 0.5, "{}", c.dirty_ratio);
}

/// Kafka's `LogCleanerManager.grabFilthiestCompactedLog` keeps a log only
/// if `cleanableRatio > minCleanableRatio`: a dirty ratio of exactly 0.5
/// with the default `min.cleanable.dirty.ratio` 0.5 is not cleaned; one more
/// dirty segment is.
#[test]
fn a_dirty_ratio_equal_to_the_minimum_is_not_cleaned_grab_filthiest_compacted_log() {
    let mut log = log_with(LogConfig {
        cleanup_policy: CleanupPolicy::Compact,
        segment_bytes: 2 * keyed_bytes(),
        ..LogConfig::default()
    });
    assert!((log.config().min_cleanable_dirty_ratio - 0.5).abs() < f64::EPSILON);
    // Three full segments of distinct keys, cleaned: 3 clean segments.
    append_keys(&mut log, &["a", "b", "c", "d", "e", "f", "g"]);
    log.advance_high_watermark(7);
    assert!(log.clean(0).is_some());
    // Three more full segments: dirty 3 of 6, exactly 0.5.
    append_keys(&mut log, &["h", "i", "j", "k", "l", "m"]);
    log.advance_high_watermark(13);
    assert!(log.clean(0).is_none(), "0.5 is not > 0.5");
    // A fourth: 4 of 7.
    append_keys(&mut log, &["n", "o"]);
    log.advance_high_watermark(15);
    let c = log.clean(0).expect("4/7 > 0.5");
    assert!(c.dirty_ratio > 0.5, "{}", c.dirty_ratio);
}

#[test]
fn followers_copy_across_gaps() {
    let mut leader = log_with(LogConfig {
        cleanup_policy: CleanupPolicy::Compact,
        segment_bytes: 2 * keyed_bytes(),
        ..LogConfig::default()
    });
    append_keys(&mut leader, &["a", "a", "a", "a", "b"]);
    leader.advance_high_watermark(5);
    leader.clean(0).unwrap();
    assert_eq!(offsets(&leader), vec![3, 4]);
    let mut follower = ReplicaLog::default();
    let copies = leader.read(0, 5, 100);
    assert_eq!(follower.append_copies(&copies, 7), 2);
    assert_eq!(follower.log_end_offset(), 5);
    assert_eq!(offsets(&follower), vec![3, 4]);
}
