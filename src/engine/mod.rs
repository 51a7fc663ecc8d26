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
//! - [`consumer`] / [`coordinator`] / [`assignor`]: consumer groups (client poll
//!   loop, the group coordinator's rebalance protocol, Kafka's assignors)
//! - [`group_view`]: consumer-group events in words
//! - [`lag`]: lag per partition and group, its history, Burrow-style status
//! - [`topic`] / [`log`] / [`record`]: partitions, replica logs, records and batch sizes
//! - [`network`]: messages in flight between producers, brokers and consumers
//! - [`event`]: what happened, for the picture and the log
//! - [`view`] / [`display`]: read-only views and the text snapshot
//! - [`scenarios`]: built-in setups (the default scene, the stress scene)

pub mod assignor;
pub mod broker;
pub mod command;
pub mod config;
pub mod consumer;
pub mod coordinator;
pub mod display;
pub mod event;
pub mod group_view;
pub mod ids;
pub mod lag;
pub mod limits;
pub mod log;
pub mod murmur2;
pub mod network;
pub mod producer;
pub mod record;
pub mod scenarios;
pub mod sim;
pub mod topic;
pub mod validate;
pub mod view;

pub use assignor::Assignor;
pub use command::{Command, Refusal};
pub use config::{
    Acks, ClusterConfig, CommitMode, GroupConfig, OffsetReset, ProducerConfig, RebalanceProtocol,
    TopicConfig,
};
pub use consumer::{MemberPhase, SeekTarget};
pub use coordinator::GroupState;
pub use event::{Event, EventKind, GroupEvent, PartitionDecision};
pub use ids::*;
pub use lag::BurrowStatus;
pub use murmur2::{murmur2, partition_for_key, to_positive};
pub use sim::{Broker, Sim, Totals};
