//! Records, with their sizes in bytes computed as Kafka's record batch
//! format v2 does (`DefaultRecord.sizeInBytes`, a 61-byte batch header).
//! Batches of them are in [`super::batch`].

use std::sync::Arc;

use crate::engine::vocab::ids::{ProducerId, RecordId};

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
