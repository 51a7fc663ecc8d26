//! A batch (a "message set"): records for one partition, sent and appended
//! together; its size before and after compression, as the producer's
//! accumulator estimates it and as it is once closed.

use std::sync::Arc;

use super::compression::{batch_wire_bytes, COMPRESSION_RATE_ESTIMATION_FACTOR};
use super::record::{Record, BATCH_HEADER_BYTES};
use crate::engine::vocab::config::Compression;
use crate::engine::vocab::ids::{BatchId, ProducerId, TopicPartition};

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
