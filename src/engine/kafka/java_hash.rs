//! Java's `String.hashCode` and the `__consumer_offsets` partition it picks
//! for a group (which broker coordinates the group).

/// Partitions of `__consumer_offsets` (`offsets.topic.num.partitions`).
pub const OFFSETS_TOPIC_PARTITIONS: u32 = 50;

/// Java's `String.hashCode` over UTF-16 code units.
#[must_use]
pub fn java_string_hash(s: &str) -> i32 {
    s.encode_utf16()
        .fold(0i32, |h, c| h.wrapping_mul(31).wrapping_add(i32::from(c)))
}

/// The `__consumer_offsets` partition that stores a group's offsets:
/// `Utils.abs(groupId.hashCode()) % 50` (`Utils.abs` maps `MIN_VALUE` to 0).
#[must_use]
pub fn offsets_partition_for(group_id: &str) -> u32 {
    let h = java_string_hash(group_id);
    let abs = if h == i32::MIN { 0 } else { h.unsigned_abs() };
    abs % OFFSETS_TOPIC_PARTITIONS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn java_hash_matches_java() {
        // "hello".hashCode() == 99162322 in Java.
        assert_eq!(java_string_hash("hello"), 99_162_322);
        assert_eq!(java_string_hash(""), 0);
        // Korean text hashes by UTF-16 code units: "가".hashCode() == 0xAC00.
        assert_eq!(java_string_hash("가"), 0xAC00);
    }

    #[test]
    fn coordinator_partition_is_abs_hash_mod_50() {
        assert_eq!(offsets_partition_for("hello"), 99_162_322 % 50);
        // "polygenelubricants".hashCode() == Integer.MIN_VALUE: Utils.abs gives 0.
        assert_eq!(java_string_hash("polygenelubricants"), i32::MIN);
        assert_eq!(offsets_partition_for("polygenelubricants"), 0);
    }
}
