//! The engine: a faithful, deterministic, in-memory Kafka cluster.
//!
//! It is a pure state machine ("sans-IO"): [`Sim::apply`] takes a
//! [`Command`], [`Sim::advance_to`] moves virtual time, and what happened is
//! read back as [`Event`]s ([`Sim::take_events`]) and through read-only views.
//! No wall clock, no unseeded randomness, no `HashMap` iteration, no browser
//! crate: the same [`ClusterConfig`] and commands give the same history,
//! natively and in wasm.
//!
//! Map of the code:
//! - [`sim`]: the [`Sim`] state, its timer queue and the network send/deliver loop
//! - [`config`] / [`validate`] / [`limits`]: the setup, Kafka's refusals, hard limits
//! - [`producer`]: records, the partitioner, batching, sending
//! - [`murmur2`]: Kafka's key hash, bit-exact
//! - [`broker`]: leaders append, followers fetch, high watermark, acks, coordinator
//! - [`consumer`] / [`assignor`]: groups, fetch/process/commit loop, assignment
//! - [`topic`] / [`log`] / [`record`]: partitions, replica logs (segments,
//!   retention, compaction), records and batch sizes
//! - [`retention`]: each broker's retention check and log cleaner, topic
//!   configs, `OFFSET_OUT_OF_RANGE` for followers and consumers
//! - [`network`]: messages in flight between producers, brokers and consumers
//! - [`event`]: what happened, for the picture and the log
//! - [`view`] / [`display`]: read-only views and the text snapshot
//! - [`scenarios`]: built-in setups (the default scene, the stress scene)

pub mod assignor;
pub mod broker;
pub mod command;
pub mod config;
pub mod consumer;
pub mod display;
pub mod errors;
pub mod event;
pub mod failure;
pub mod ids;
pub mod limits;
pub mod log;
pub mod murmur2;
pub mod network;
pub mod producer;
pub mod record;
pub mod replication;
pub mod retention;
pub mod scenarios;
pub mod sim;
pub mod topic;
pub mod validate;
pub mod view;

pub use command::{Command, Refusal};
pub use config::{
    Acks, CleanupPolicy, ClusterConfig, GroupConfig, LogConfig, OffsetReset, ProducerConfig,
    TopicConfig,
};
pub use event::{Event, EventKind, PartitionDecision};
pub use ids::*;
pub use murmur2::{murmur2, partition_for_key, to_positive};
pub use sim::{Broker, Sim, Totals};
