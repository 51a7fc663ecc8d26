//! Limits on what an import may read: the size of the paste, and what the
//! simulator can show, which are the engine's own limits
//! ([`crate::engine::limits`]).

use crate::engine::limits;

/// Largest paste, bytes (all sources together). The largest cluster the
/// simulator can show, described in full (every table `--verbose`,
/// 249-character topic names and group ids) is 4.5 MB, 54% of it
/// (measured in `tests/import_limits.rs`).
pub const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;
/// Most lines (all sources together); that largest cluster takes 5,011.
pub const MAX_INPUT_LINES: usize = 20_000;
/// Most sources (pasted texts or files) in one import.
pub const MAX_SOURCES: usize = 16;
/// Most errors reported; the rest are counted.
pub const MAX_ERRORS: usize = 50;
/// Most notes reported; the rest are counted.
pub const MAX_NOTES: usize = 50;
/// Most topics, not counting Kafka's internal ones
/// ([`INTERNAL_TOPICS`](super::model::INTERNAL_TOPICS)): the engine's
/// [`MAX_TOPICS`](limits::MAX_TOPICS).
pub const MAX_TOPICS: u32 = limits::MAX_TOPICS;
/// Most partitions in one topic: the engine's [`MAX_PARTITIONS`](limits::MAX_PARTITIONS).
pub const MAX_PARTITIONS: u32 = limits::MAX_PARTITIONS;
/// Most brokers named: the engine's [`MAX_BROKERS`](limits::MAX_BROKERS).
pub const MAX_BROKERS: u32 = limits::MAX_BROKERS;
/// Most consumer groups: the engine's [`MAX_GROUPS`](limits::MAX_GROUPS).
pub const MAX_GROUPS: u32 = limits::MAX_GROUPS;
/// Most members in one group (distinct consumer ids of its members table
/// and offsets rows): the engine's [`MAX_MEMBERS`](limits::MAX_MEMBERS).
pub const MAX_MEMBERS: u32 = limits::MAX_MEMBERS;
/// Longest topic name Kafka accepts (`Topic.MAX_NAME_LENGTH`).
pub const MAX_TOPIC_NAME_CHARS: usize = 249;
/// Longest group id, consumer id, client id, host or config value kept, in
/// characters (a group id is limited to the engine's 249 bytes later on).
pub const MAX_FIELD_CHARS: usize = 1_000;
