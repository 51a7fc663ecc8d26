//! Kafka's key hash: `murmur2` and the keyed-partition formula, bit-exact with
//! `org.apache.kafka.common.utils.Utils.murmur2` and
//! `BuiltInPartitioner.partitionForKey`.

/// Kafka's 32-bit murmur2 of `data`, returned as Java's signed `int`.
///
/// ```
/// assert_eq!(kafkascope::engine::murmur2(b"21"), -973932308);
/// ```
#[must_use]
pub fn murmur2(data: &[u8]) -> i32 {
    const SEED: u32 = 0x9747_b28c;
    const M: u32 = 0x5bd1_e995;
    const R: u32 = 24;
    let length = data.len() as u32;
    let mut h: u32 = SEED ^ length;
    let mut blocks = data.chunks_exact(4);
    for block in &mut blocks {
        let mut k = u32::from_le_bytes([block[0], block[1], block[2], block[3]]);
        k = k.wrapping_mul(M);
        k ^= k >> R;
        k = k.wrapping_mul(M);
        h = h.wrapping_mul(M);
        h ^= k;
    }
    let tail = blocks.remainder();
    if tail.len() >= 3 {
        h ^= u32::from(tail[2]) << 16;
    }
    if tail.len() >= 2 {
        h ^= u32::from(tail[1]) << 8;
    }
    if !tail.is_empty() {
        h ^= u32::from(tail[0]);
        h = h.wrapping_mul(M);
    }
    h ^= h >> 13;
    h = h.wrapping_mul(M);
    h ^= h >> 15;
    h as i32
}

/// Kafka's `Utils.toPositive`: masks the sign bit (it is not `abs`).
#[must_use]
pub fn to_positive(n: i32) -> u32 {
    (n & 0x7fff_ffff) as u32
}

/// The partition Kafka's producer picks for a non-null key:
/// `toPositive(murmur2(key)) % numPartitions`, counting every partition of the
/// topic, leaderless ones too.
///
/// # Panics
/// Panics if `num_partitions` is 0 (a topic always has at least one).
#[must_use]
pub fn partition_for_key(key: &[u8], num_partitions: u32) -> u32 {
    assert!(num_partitions > 0, "a topic has at least one partition");
    to_positive(murmur2(key)) % num_partitions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kafka_utils_test_vectors() {
        // UtilsTest.testMurmur2 in apache/kafka.
        assert_eq!(murmur2(b"21"), -973_932_308);
        assert_eq!(murmur2(b"foobar"), -790_332_482);
        assert_eq!(murmur2(b"a-little-bit-long-string"), -985_981_536);
        assert_eq!(murmur2(b"a-little-bit-longer-string"), -1_486_304_829);
        assert_eq!(
            murmur2(b"lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8"),
            -58_897_971
        );
        assert_eq!(murmur2(b"abc"), 479_470_107);
    }

    #[test]
    fn to_positive_masks_the_sign_bit() {
        assert_eq!(to_positive(-1), 0x7fff_ffff);
        assert_eq!(to_positive(i32::MIN), 0);
        assert_eq!(to_positive(5), 5);
    }

    #[test]
    fn every_tail_length_is_hashed() {
        // Lengths 0..=7 exercise every branch of the tail; each differs.
        let hashes: Vec<i32> = (0..8).map(|n| murmur2(&b"abcdefgh"[..n])).collect();
        for (i, a) in hashes.iter().enumerate() {
            for b in &hashes[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }

    #[test]
    fn empty_key_is_a_key() {
        // An empty key still hashes (seed ^ 0 mixed); it is not "no key".
        assert_eq!(partition_for_key(b"", 3), to_positive(murmur2(b"")) % 3);
    }
}

#[cfg(test)]
mod korean_keys {
    use super::*;

    /// Korean keys are hashed over their UTF-8 bytes, every one of them
    /// ≥ 0x80. Java reads `data[i] & 0xff`, so a port that sign-extended
    /// bytes (`as i8 as u32`) would get these wrong while passing the ASCII
    /// vectors. Expected values come from a separate Python port of
    /// `Utils.murmur2` that also reproduces Kafka's ASCII vectors
    /// ("21" → -973932308, "foobar" → -790332482).
    #[test]
    fn utf8_keys_hash_over_their_bytes() {
        assert_eq!("민준".as_bytes(), [0xeb, 0xaf, 0xbc, 0xec, 0xa4, 0x80]);
        assert_eq!(murmur2("민준".as_bytes()), 1_792_053_586);
        assert_eq!(murmur2("서연".as_bytes()), -1_309_531_239);
        assert_eq!(murmur2("김치".as_bytes()), 543_586_435);
        // 9 bytes: two 4-byte blocks and a 1-byte tail.
        assert_eq!(murmur2("카프카".as_bytes()), -1_792_248_277);
        // 15 bytes: three blocks and a 3-byte tail.
        assert_eq!(murmur2("안녕하세요".as_bytes()), 394_177_072);
    }

    #[test]
    fn utf8_keys_pick_partitions_like_kafka() {
        // toPositive, not abs: -1309531239 & 0x7fffffff = 837952409.
        assert_eq!(to_positive(murmur2("서연".as_bytes())), 837_952_409);
        assert_eq!(partition_for_key("서연".as_bytes(), 3), 2);
        assert_eq!(partition_for_key("서연".as_bytes(), 4), 1);
        assert_eq!(partition_for_key("민준".as_bytes(), 3), 1);
        assert_eq!(partition_for_key("민준".as_bytes(), 6), 4);
        // The same text in another encoding is another key.
        let utf16: Vec<u8> = "민준".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_ne!(murmur2(&utf16), murmur2("민준".as_bytes()));
    }
}
