//! Compression of record batches, computed for real: the batch's records are
//! serialized as Kafka's record format v2 does (`DefaultRecord.writeTo`:
//! length, attributes, timestamp delta, offset delta, key, value, header
//! count, with zig-zag varints), then compressed by a pure-Rust codec in the
//! framing Kafka writes. The 61-byte batch header is never compressed.
//!
//! Codecs (all pure Rust, so they build for wasm32 without a C compiler):
//! gzip via `flate2`/`miniz_oxide` at level 6 (`compression.gzip.level`'s
//! default), snappy via `snap` in xerial's framing (16-byte header, 32 KiB
//! blocks, a 4-byte length per block), lz4 via `lz4_flex` in Kafka's LZ4 frame
//! (7-byte header, 64 KiB blocks, 4-byte end mark), zstd via `ruzstd` at its
//! fastest level (about zstd level 1; Kafka's default is 3). Byte counts can
//! differ from Java's codecs by a few bytes; the ratios are the real ones for
//! these bytes.

use std::io::Write;

use super::record::{record_size_bytes, Record, BATCH_HEADER_BYTES};
use crate::engine::vocab::config::Compression;

/// Appends a zig-zag varint (Kafka's `ByteUtils.writeVarlong`).
fn put_varint(out: &mut Vec<u8>, n: i64) {
    let mut v = ((n << 1) ^ (n >> 63)) as u64;
    while v >= 0x80 {
        out.push((v as u8 & 0x7f) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// The bytes of a generated value: JSON-like order lines, deterministic in
/// the record's sequence number, cut to `len` bytes. Real payloads repeat
/// field names like these, which is what compression feeds on.
#[must_use]
pub fn generated_value(seq: u64, len: u32) -> Vec<u8> {
    const ITEMS: [&str; 6] = ["coffee", "tea", "bagel", "muffin", "juice", "cookie"];
    let len = len as usize;
    let mut out = Vec::with_capacity(len + 96);
    let mut state = seq.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut line = 0u64;
    while out.len() < len {
        // xorshift: deterministic, platform-independent.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let item = ITEMS[(state % ITEMS.len() as u64) as usize];
        let qty = 1 + (state >> 8) % 5;
        let cents = 150 + (state >> 16) % 900;
        let _ = write!(
            out,
            "{{\"order\":{seq},\"line\":{line},\"item\":\"{item}\",\"qty\":{qty},\"price\":{}.{:02}}}",
            cents / 100,
            cents % 100
        );
        line += 1;
    }
    out.truncate(len);
    out
}

/// Serializes records as the records section of a v2 batch (everything after
/// the 61-byte header), with offset deltas from 0 and timestamp deltas from
/// the first record.
#[must_use]
pub fn encode_records(records: &[Record]) -> Vec<u8> {
    let base_ts = records.first().map_or(0, |r| r.timestamp_ms);
    let mut out = Vec::new();
    let mut body = Vec::new();
    for (i, r) in records.iter().enumerate() {
        body.clear();
        body.push(0); // attributes
        put_varint(&mut body, r.timestamp_ms.saturating_sub(base_ts) as i64);
        put_varint(&mut body, i as i64);
        match &r.key {
            None => put_varint(&mut body, -1),
            Some(k) => {
                put_varint(&mut body, k.len() as i64);
                body.extend_from_slice(k.as_bytes());
            }
        }
        match &r.value {
            Some(v) => {
                put_varint(&mut body, v.len() as i64);
                body.extend_from_slice(v.as_bytes());
            }
            None => {
                put_varint(&mut body, i64::from(r.value_bytes));
                body.extend_from_slice(&generated_value(r.seq, r.value_bytes));
            }
        }
        put_varint(&mut body, 0); // no headers
        put_varint(&mut out, body.len() as i64);
        out.extend_from_slice(&body);
    }
    out
}

/// gzip's member header without name, comment or extra field (RFC 1952).
const GZIP_HEADER_BYTES: usize = 10;
/// gzip's trailer: CRC-32 and the input length modulo 2^32 (RFC 1952).
const GZIP_TRAILER_BYTES: usize = 8;

/// Bytes `data` takes once compressed by `codec` in Kafka's framing.
#[must_use]
pub fn compressed_len(codec: Compression, data: &[u8]) -> u32 {
    let n = match codec {
        Compression::None => data.len(),
        Compression::Gzip => {
            // GZIPOutputStream: the DEFLATE stream between a 10-byte header and
            // an 8-byte trailer (CRC-32, length). Only the length is needed, so
            // the CRC is not computed: same count as a gzip encoder's output,
            // without CRC-32's 16 KiB of tables in the web app.
            let mut enc =
                flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::new(6));
            enc.write_all(data).expect("writing to a Vec cannot fail");
            GZIP_HEADER_BYTES
                + enc.finish().expect("writing to a Vec cannot fail").len()
                + GZIP_TRAILER_BYTES
        }
        Compression::Snappy => {
            // xerial SnappyOutputStream: magic header, then length-prefixed blocks.
            let mut enc = snap::raw::Encoder::new();
            16 + data
                .chunks(32 * 1024)
                .map(|block| 4 + enc.compress_vec(block).map_or(block.len(), |c| c.len()))
                .sum::<usize>()
        }
        Compression::Lz4 => {
            // KafkaLZ4BlockOutputStream: magic + FLG + BD + HC, blocks of at
            // most 64 KiB (stored raw when compression does not help), end mark.
            7 + data
                .chunks(64 * 1024)
                .map(|block| 4 + lz4_flex::block::compress(block).len().min(block.len()))
                .sum::<usize>()
                + 4
        }
        Compression::Zstd => {
            ruzstd::encoding::compress_to_vec(data, ruzstd::encoding::CompressionLevel::Fastest)
                .len()
        }
    };
    n as u32
}

/// Bytes a batch of `records` takes on the wire and on disk with `codec`:
/// the header plus the (compressed) records.
#[must_use]
pub fn batch_wire_bytes(codec: Compression, records: &[Record]) -> u32 {
    if codec == Compression::None {
        return BATCH_HEADER_BYTES + encoded_len(records);
    }
    BATCH_HEADER_BYTES + compressed_len(codec, &encode_records(records))
}

/// `encode_records(records).len()`, without encoding them.
#[must_use]
pub fn encoded_len(records: &[Record]) -> u32 {
    let base_ts = records.first().map_or(0, |r| r.timestamp_ms);
    records
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let value = r.value.as_ref().map_or(r.value_bytes, |v| v.len() as u32);
            record_size_bytes(
                i as u32,
                r.timestamp_ms.saturating_sub(base_ts),
                r.key.as_ref().map(|k| k.len() as u32),
                Some(value),
            )
        })
        .sum()
}

/// Kafka's `CompressionRatioEstimator`: the producer's running estimate of
/// the compression ratio per topic and codec, used to decide when a batch
/// is full before it is compressed. It starts at 1.0, follows a worse
/// observed ratio at once (at least +0.05) and a better one slowly (−0.005
/// per batch).
#[must_use]
pub fn update_ratio_estimate(current: f32, observed: f32) -> f32 {
    const DETERIORATE_STEP: f32 = 0.05;
    const IMPROVING_STEP: f32 = 0.005;
    if observed > current {
        (current + DETERIORATE_STEP).max(observed)
    } else if observed < current {
        (current - IMPROVING_STEP).max(observed)
    } else {
        current
    }
}

/// `MemoryRecordsBuilder`'s margin on the estimated ratio.
pub const COMPRESSION_RATE_ESTIMATION_FACTOR: f32 = 1.05;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::ids::{ProducerId, RecordId};
    use crate::engine::record::record_size_bytes;
    use std::sync::Arc;

    /// The size an uncompressed batch is given without encoding it is the
    /// encoding's length: generated and typed values, null keys, tombstones.
    #[test]
    fn encoded_len_is_the_encodings_length() {
        let record = |seq: u64, key: Option<&str>, value: Option<&str>, ts: u64| Record {
            id: RecordId(seq + 1),
            producer: ProducerId(0),
            seq,
            key: key.map(Arc::from),
            value: value.map(Arc::from),
            tombstone: false,
            value_bytes: value.map_or(100, |v| v.len() as u32),
            timestamp_ms: ts,
            sequence: None,
        };
        let mut tombstone = record(3, Some("gone"), None, 9_000);
        tombstone.tombstone = true;
        tombstone.value_bytes = 0;
        let sets = [
            vec![record(0, Some("alice"), None, 0)],
            vec![
                record(0, None, None, 5),
                record(1, Some("민준"), Some("typed by hand"), 70),
                tombstone,
                record(4, Some("k"), None, 1_000_000),
            ],
            (0..200)
                .map(|i| record(i, Some("user-7"), None, i * 3))
                .collect(),
        ];
        for records in &sets {
            assert_eq!(encoded_len(records) as usize, encode_records(records).len());
            assert_eq!(
                batch_wire_bytes(Compression::None, records),
                BATCH_HEADER_BYTES + encode_records(records).len() as u32
            );
        }
    }

    fn rec(seq: u64, key: Option<&str>, value: Option<&str>, ts: u64) -> Record {
        Record {
            id: RecordId(seq),
            producer: ProducerId(0),
            seq,
            key: key.map(Arc::from),
            value: value.map(Arc::from),
            value_bytes: value.map_or(100, |v| v.len() as u32),
            timestamp_ms: ts,
            sequence: None,
            tombstone: false,
        }
    }

    #[test]
    fn varints_are_zigzag() {
        let mut v = Vec::new();
        put_varint(&mut v, 0);
        put_varint(&mut v, -1);
        put_varint(&mut v, 1);
        put_varint(&mut v, 64);
        assert_eq!(v, vec![0, 1, 2, 0x80, 1]);
    }

    #[test]
    fn encoded_records_have_the_sizes_the_size_formula_says() {
        let records = vec![
            rec(0, Some("alice"), Some("hello"), 10),
            rec(1, None, None, 12),
            rec(2, Some("민준"), Some("안녕하세요"), 300),
        ];
        let bytes = encode_records(&records);
        let expected: u32 = records
            .iter()
            .enumerate()
            .map(|(i, r)| {
                record_size_bytes(
                    i as u32,
                    r.timestamp_ms - 10,
                    r.key.as_ref().map(|k| k.len() as u32),
                    Some(r.value_bytes),
                )
            })
            .sum();
        assert_eq!(bytes.len() as u32, expected);
        // First record: body of 16 bytes (attributes, two deltas, key 1 + 5,
        // value 1 + 5, header count), its length as a zig-zag varint (32).
        assert_eq!(&bytes[..4], &[2 * 16, 0, 0, 0]);
        assert_eq!(&bytes[4..10], b"\x0aalice");
    }

    #[test]
    fn generated_values_are_deterministic_and_sized() {
        assert_eq!(generated_value(7, 100), generated_value(7, 100));
        assert_ne!(generated_value(7, 100), generated_value(8, 100));
        assert_eq!(generated_value(7, 100).len(), 100);
        assert_eq!(generated_value(7, 0).len(), 0);
    }

    #[test]
    fn every_codec_shrinks_a_realistic_batch() {
        let records: Vec<Record> = (0..100).map(|i| rec(i, Some("user-42"), None, i)).collect();
        let raw = encode_records(&records);
        let none = compressed_len(Compression::None, &raw);
        assert_eq!(none as usize, raw.len());
        for codec in [
            Compression::Gzip,
            Compression::Snappy,
            Compression::Lz4,
            Compression::Zstd,
        ] {
            let c = compressed_len(codec, &raw);
            assert!(c * 2 < none, "{codec:?}: {c} of {none}");
        }
        // gzip beats snappy and lz4 on text like this.
        assert!(
            compressed_len(Compression::Gzip, &raw) < compressed_len(Compression::Snappy, &raw)
        );
    }

    #[test]
    fn gzip_count_is_a_real_gzip_encoders_output_length() {
        // The count skips the CRC; it must still be exactly what a gzip
        // encoder (header, DEFLATE level 6, CRC-32 and length) writes.
        let mut inputs: Vec<Vec<u8>> = vec![Vec::new(), b"x".to_vec()];
        for n in [1u64, 7, 100, 1000] {
            let records: Vec<Record> = (0..n).map(|i| rec(i, Some("user-42"), None, i)).collect();
            inputs.push(encode_records(&records));
        }
        inputs.push(
            (0..70_000u32)
                .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
                .collect(),
        );
        for data in inputs {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
            gz.write_all(&data).unwrap();
            let real = gz.finish().unwrap().len();
            assert_eq!(
                compressed_len(Compression::Gzip, &data) as usize,
                real,
                "{} bytes in",
                data.len()
            );
        }
    }

    #[test]
    fn tiny_batches_can_grow() {
        // One short record: the codec's framing costs more than it saves.
        let raw = encode_records(&[rec(0, None, Some("x"), 0)]);
        assert!(compressed_len(Compression::Gzip, &raw) > raw.len() as u32);
        assert_eq!(
            compressed_len(Compression::Lz4, &raw),
            7 + 4 + raw.len() as u32 + 4,
            "incompressible blocks are stored raw"
        );
    }

    #[test]
    fn ratio_estimate_moves_like_kafkas() {
        let close = |a: f32, b: f32| (a - b).abs() < 1e-6;
        // Better observed: improves by 0.005 only.
        assert!(close(update_ratio_estimate(1.0, 0.3), 0.995));
        // Worse observed: jumps to it...
        assert!(close(update_ratio_estimate(0.3, 0.9), 0.9));
        // ...or by at least 0.05.
        assert!(close(update_ratio_estimate(0.3, 0.31), 0.35));
        assert!(close(update_ratio_estimate(0.5, 0.5), 0.5));
    }
}
