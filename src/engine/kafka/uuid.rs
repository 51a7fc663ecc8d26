//! Java's `UUID.randomUUID().toString()` form, from random bits the caller
//! draws from the seeded RNG: a version-4 UUID, 8-4-4-4-12 lowercase hex.
//! The group coordinator names a static member `<group.instance.id>-<UUID>`
//! (`GroupMetadataManager`/`GroupCoordinator` for a new static member).

/// The text of a version-4 UUID made of `bits` (the version nibble and the
/// IETF variant bits are set as `UUID.randomUUID` sets them).
#[must_use]
pub fn random_uuid_text(bits: u128) -> String {
    let b = (bits & !(0xf << 76) | (0x4 << 76)) & !(0x3 << 62) | (0x2 << 62);
    let hex = format!("{b:032x}");
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// A static member's member id: `<group.instance.id>-<UUID>`.
#[must_use]
pub fn static_member_id(instance_id: &str, bits: u128) -> String {
    format!("{instance_id}-{}", random_uuid_text(bits))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_4_text_form() {
        assert_eq!(random_uuid_text(0), "00000000-0000-4000-8000-000000000000");
        assert_eq!(
            random_uuid_text(u128::MAX),
            "ffffffff-ffff-4fff-bfff-ffffffffffff"
        );
        assert_eq!(
            static_member_id("reader-a", 0),
            "reader-a-00000000-0000-4000-8000-000000000000"
        );
    }
}
