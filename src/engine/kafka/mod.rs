//! Floor 1, Kafka's algorithms: pure functions and small state machines that
//! never touch the simulation. Each is checked against Kafka's own numbers
//! (its tests' cases, its defaults): key hashes and partitioners, assignors,
//! record and batch sizes, codecs, the replica log with its segments,
//! retention and cleaner, replica placement, the follower's fetch state, the
//! idempotence check, Burrow's lag rules, and the configuration checks in
//! Kafka's words. Imports only the vocabulary (see `tests/layers.rs`).

pub mod assignor;
pub mod batch;
pub mod burrow;
pub mod compression;
pub mod decimal;
pub mod idempotence;
pub mod java_hash;
pub mod log;
pub mod murmur2;
pub mod partitioner;
pub mod placement;
pub mod record;
pub mod replica_state;
pub mod stable_sort;
pub mod uuid;
pub mod validate;
