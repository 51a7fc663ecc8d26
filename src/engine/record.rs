//! Records and batches, with their sizes in bytes computed as Kafka's record
//! batch format v2 does (`DefaultRecord.sizeInBytes`, a 61-byte batch header).

use std::sync::Arc;

use super::compression::{batch_wire_bytes, COMPRESSION_RATE_ESTIMATION_FACTOR};
use super::config::Compression;
use super::ids::{BatchId, ProducerId, RecordId, TopicPartition};

/// Bytes of a v2 record batch header (`RECORD_BATCH_OVERHEAD`).
pub const BATCH_HEADER_BYTES: u32 = 61;

/// One record as the producer created it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// Stable id for the record's whole life.
    pub id: RecordId,
    /// Who produced it.
    pub producer: ProducerId,
    /// The producer's sequence number for this record (0, 1, 2…).
    pub seq: u64,
    /// The key, or `None` for a null key.
    pub key: Option<Arc<str>>,
    /// A value typed by hand; generated values are shown as `#seq`.
    pub value: Option<Arc<str>>,
    /// A null value: a tombstone, which deletes its key from a compacted
    /// topic. Its value takes no bytes (`value_bytes` is 0).
    pub tombstone: bool,
    /// Size of the value in bytes.
    pub value_bytes: u32,
    /// `CreateTime`, in simulated ms.
    pub timestamp_ms: u64,
    /// The idempotent producer's sequence number of this record in its
    /// partition (given when its batch is first sent); `None` without
    /// idempotence. Leaders de-duplicate retried batches by it.
    pub sequence: Option<u32>,
}

impl Record {
    /// Bytes this record takes inside a batch, at the given deltas from the
    /// batch's first offset and timestamp.
    #[must_use]
    pub fn size_in_batch(&self, offset_delta: u32, timestamp_delta: u64) -> u32 {
        record_size_bytes(
            offset_delta,
            timestamp_delta,
            self.key.as_ref().map(|k| k.len() as u32),
            (!self.tombstone).then_some(self.value_bytes),
        )
    }
}

/// Length of a zig-zag varint encoding of `n` (Kafka's `ByteUtils.sizeOfVarint`).
#[must_use]
pub fn varint_len(n: i64) -> u32 {
    let mut v = ((n << 1) ^ (n >> 63)) as u64;
    let mut bytes = 1;
    while v >= 0x80 {
        v >>= 7;
        bytes += 1;
    }
    bytes
}

/// Kafka's `DefaultRecord.sizeInBytes` for a record without headers.
#[must_use]
pub fn record_size_bytes(
    offset_delta: u32,
    timestamp_delta: u64,
    key_len: Option<u32>,
    value_len: Option<u32>,
) -> u32 {
    let field = |len: Option<u32>| match len {
        None => varint_len(-1),
        Some(n) => varint_len(i64::from(n)) + n,
    };
    let body = 1 // attributes
        + varint_len(timestamp_delta as i64)
        + varint_len(i64::from(offset_delta))
        + field(key_len)
        + field(value_len)
        + varint_len(0); // header count
    varint_len(i64::from(body)) + body
}

/// A batch (a "message set"): records for one partition, sent and appended together.
#[derive(Clone, Debug, PartialEq)]
pub struct Batch {
    /// Stable id.
    pub id: BatchId,
    /// Who produced it.
    pub producer: ProducerId,
    /// Where it goes.
    pub tp: TopicPartition,
    /// The records, in the order they were added: shared by the copies
    /// of the batch (the producer's, the request's, a checkpoint's) until
    /// one of them changes (copy on write).
    pub records: Arc<Vec<Record>>,
    /// When the first record was added, in simulated ms.
    pub created_at_ms: u64,
    /// Bytes of the batch before compression: header plus records.
    pub size_bytes: u32,
    /// `compression.type` it is written with.
    pub compression: Compression,
    /// The producer's compression ratio estimate when the batch was opened
    /// (Kafka's `CompressionRatioEstimator`; 1.0 without compression).
    pub estimated_ratio: f32,
    /// Bytes on the wire and on disk once closed: header plus the records
    /// compressed for real. `None` while the batch is still open.
    pub wire_bytes: Option<u32>,
    /// Sends so far (1 after the first send, 2 after the first retry…).
    pub attempts: u32,
}

impl Batch {
    /// An empty batch.
    #[must_use]
    pub fn new(id: BatchId, producer: ProducerId, tp: TopicPartition, now_ms: u64) -> Self {
        Self {
            id,
            producer,
            tp,
            records: Arc::new(Vec::new()),
            created_at_ms: now_ms,
            size_bytes: BATCH_HEADER_BYTES,
            compression: Compression::None,
            estimated_ratio: 1.0,
            wire_bytes: None,
            attempts: 0,
        }
    }

    /// An empty batch written with `compression`, whose fill is judged with
    /// the compression ratio estimate `estimated_ratio`.
    #[must_use]
    pub fn with_compression(mut self, compression: Compression, estimated_ratio: f32) -> Self {
        self.compression = compression;
        self.estimated_ratio = if compression == Compression::None {
            1.0
        } else {
            estimated_ratio
        };
        self
    }

    /// Kafka's `MemoryRecordsBuilder.estimatedBytesWritten`: without
    /// compression the exact size; with it, the header plus the records'
    /// bytes × estimated ratio × 1.05.
    #[must_use]
    pub fn estimated_bytes(&self) -> u32 {
        self.estimate(self.size_bytes)
    }

    fn estimate(&self, size_bytes: u32) -> u32 {
        if self.compression == Compression::None {
            return size_bytes;
        }
        let records = (size_bytes - BATCH_HEADER_BYTES) as f32;
        BATCH_HEADER_BYTES
            + (records * self.estimated_ratio * COMPRESSION_RATE_ESTIMATION_FACTOR) as u32
    }

    /// Kafka's `hasRoomFor`: the estimated size so far plus the new record's
    /// exact (uncompressed) size must stay within `limit`. An empty batch
    /// always takes one record.
    #[must_use]
    pub fn has_room_for(&self, record: &Record, limit: u32) -> bool {
        if self.records.is_empty() {
            return true;
        }
        let added = self.size_with(record) - self.size_bytes;
        self.estimated_bytes() + added <= limit
    }

    /// Closes the batch for appends: compresses its records for real and
    /// fixes its wire size. Returns the observed compression ratio of the
    /// records (compressed / uncompressed).
    pub fn close(&mut self) -> f32 {
        let wire = batch_wire_bytes(self.compression, &self.records);
        self.wire_bytes = Some(wire);
        let raw = self.size_bytes - BATCH_HEADER_BYTES;
        if raw == 0 {
            1.0
        } else {
            (wire - BATCH_HEADER_BYTES) as f32 / raw as f32
        }
    }

    /// Bytes on the wire: the closed size, or the uncompressed size while open.
    #[must_use]
    pub fn bytes_on_wire(&self) -> u32 {
        self.wire_bytes.unwrap_or(self.size_bytes)
    }

    /// Bytes each record takes in the log: its share of the (compressed)
    /// records section, apportioned by uncompressed size so that the shares
    /// add up exactly to the batch's bytes on the wire minus the header.
    #[must_use]
    pub fn entry_sizes(&self) -> Vec<u32> {
        let raw: Vec<u32> = self
            .records
            .iter()
            .enumerate()
            .map(|(i, r)| {
                r.size_in_batch(i as u32, r.timestamp_ms.saturating_sub(self.created_at_ms))
            })
            .collect();
        let total_raw: u64 = raw.iter().map(|&x| u64::from(x)).sum();
        let total = u64::from(self.bytes_on_wire().saturating_sub(BATCH_HEADER_BYTES));
        if total_raw == 0 || total == total_raw {
            return raw;
        }
        let mut out = Vec::with_capacity(raw.len());
        let (mut cum_raw, mut given) = (0u64, 0u64);
        for x in raw {
            cum_raw += u64::from(x);
            let upto = total * cum_raw / total_raw;
            out.push((upto - given) as u32);
            given = upto;
        }
        out
    }

    /// Bytes the batch would have after adding `record`.
    #[must_use]
    pub fn size_with(&self, record: &Record) -> u32 {
        self.size_bytes
            + record.size_in_batch(
                self.records.len() as u32,
                record.timestamp_ms.saturating_sub(self.created_at_ms),
            )
    }

    /// Adds a record (the caller has checked it fits, or the batch is empty).
    pub fn push(&mut self, record: Record) {
        self.size_bytes = self.size_with(&record);
        Arc::make_mut(&mut self.records).push(record);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varint_lengths_match_kafka() {
        assert_eq!(varint_len(0), 1);
        assert_eq!(varint_len(-1), 1);
        assert_eq!(varint_len(63), 1);
        assert_eq!(varint_len(64), 2);
        assert_eq!(varint_len(-65), 2);
        assert_eq!(varint_len(8191), 2);
        assert_eq!(varint_len(8192), 3);
    }

    #[test]
    fn record_size_counts_every_field() {
        // body = attributes 1 + ts delta 1 + offset delta 1 + key (1 + 3)
        //      + value (1 + 10) + headers 1 = 19; plus 1 length byte.
        assert_eq!(record_size_bytes(0, 0, Some(3), Some(10)), 20);
        // A null key is one byte (varint -1) instead of 1 + 3: body 16, total 17.
        assert_eq!(record_size_bytes(0, 0, None, Some(10)), 17);
        // A tombstone's null value is one byte (varint -1): key "k", body 7, total 8.
        assert_eq!(record_size_bytes(0, 0, Some(1), None), 8);
    }
}
