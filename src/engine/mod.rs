//! The engine: a faithful, deterministic, in-memory Kafka cluster.
//!
//! It is a pure state machine ("sans-IO"): [`Sim::apply`] takes a
//! [`Command`], [`Sim::advance_to`] moves virtual time, and what happened is
//! read back as [`Event`]s ([`Sim::take_events`]) and through read-only views.
//! The engine speaks no language: events and refusals carry typed values,
//! and every word about them is in `crate::text` (which depends on the
//! engine, never the other way).
//! No wall clock, no unseeded randomness, no `HashMap` iteration, no browser
//! crate: the same [`ClusterConfig`] and commands give the same history,
//! natively and in wasm.
//!
//! Map of the code:
//! - [`admin`]: adding partitions to a topic (`CreatePartitions`)
//! - [`sim`]: the [`Sim`] state, its timer queue and the network send/deliver loop
//! - [`config`] / [`validate`] / [`limits`]: the setup, Kafka's refusals, hard limits
//!   ([`decimal`]: settings of type DOUBLE read without std's float tables)
//! - [`producer`]: records, batching (`batch.size`, `linger.ms`), sending,
//!   sync/async, retries and timeouts, metadata refresh
//! - [`partitioner`]: Kafka's partitioners, exact (built-in sticky with
//!   adaptive weights, murmur2 for keys, round robin old and new)
//! - [`compression`]: batches serialized as record format v2 and compressed
//!   for real (gzip, snappy, lz4, zstd)
//! - [`idempotence`]: the leader's de-duplication by producer id + sequence
//! - [`compare`]: one record stream through several partitioners, side by side
//! - [`murmur2`]: Kafka's key hash, bit-exact
//! - [`broker`]: leaders append, followers fetch, high watermark, acks, coordinator
//! - [`consumer`] / [`coordinator`] / [`assignor`]: consumer groups (client poll
//!   loop, the group coordinator's rebalance protocol, Kafka's assignors)
//! - [`lag`]: lag per partition and group, its history, Burrow-style status
//! - [`topic`] / [`log`] / [`record`]: partitions, replica logs (segments,
//!   retention, compaction), records and batch sizes
//! - [`heap`]: what a clone of the simulation (a checkpoint) costs in memory
//! - [`log_store`] / [`cold`]: how a log holds its records (the newest in
//!   full, in chunks a clone shares; older ones as counted runs) and when
//!   records become counts, so memory follows what is shown, not history
//! - [`retention`]: each broker's retention check and log cleaner, topic
//!   configs, `OFFSET_OUT_OF_RANGE` for followers and consumers
//! - [`network`]: messages in flight between producers, brokers and consumers
//! - [`event`]: what happened, for the picture and the log
//! - [`view`]: read-only access and the names of things
//! - [`views`]: the read models the picture and panels show (partition
//!   health, brokers, producers' latest decisions, groups and lag, records
//!   windows, markers), language-free and `PartialEq`
//! - [`refusal`]: why a configuration or command was refused (Kafka's error
//!   code and a typed reason)
//! - [`scenarios`]: built-in setups (the default scene, the stress scene)
//! - [`stable_sort`]: one shared stable sort for cold paths (a smaller web app)

pub mod admin;
pub mod broker;
pub mod cold;
pub mod compare;
pub mod consumer;
pub(crate) mod context;
pub mod coordinator;
pub mod failure;
pub mod heap;
pub mod idempotence;
pub mod kafka;
pub mod lag;
pub mod parts;
pub mod producer;
#[cfg(test)]
mod producer_tests;
pub mod replication;
pub mod retention;
pub mod scenarios;
pub mod sim;
pub mod topic;
pub mod view;
pub mod views;
pub mod vocab;
pub mod wire;

mod paths;
pub use paths::*;

pub use assignor::Assignor;
pub use command::Command;
pub use config::{
    Acks, CleanupPolicy, ClusterConfig, CommitMode, Compression, GroupConfig, LogConfig,
    OffsetReset, Partitioner, ProducerConfig, RebalanceProtocol, SendMode, TopicConfig,
};
pub use consumer::{MemberPhase, SeekTarget};
pub use coordinator::GroupState;
pub use event::{Event, EventKind, GroupEvent, PartitionDecision};
pub use ids::*;
pub use lag::BurrowStatus;
pub use murmur2::{murmur2, partition_for_key, to_positive};
pub use refusal::{ErrorCode, Refusal, RefusalReason};
pub use sim::{Broker, Sim, Totals};
