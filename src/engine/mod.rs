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
//! Map of the code, by floor (a file imports only its own floor or lower
//! ones; `docs/architecture.md` tells how a message and a timer are
//! dispatched and where a new setting goes):
//! - floor 0, [`vocab`]: ids, configs, fixed settings, limits, commands,
//!   events with typed reasons, errors with Kafka's codes, refusals, states,
//!   timers, totals
//! - floor 1, [`kafka`]: Kafka's algorithms, pure (murmur2 and the
//!   partitioners, assignors, record and batch sizes, codecs, the replica log
//!   with segments, retention, cleaner and cold runs, replica placement,
//!   idempotence checks, Burrow's rules, config validation)
//! - floor 2, [`wire`]: the network's message bodies
//! - floor 3, `context`: what `Sim` lends a handler (`Ctx`: clock, seeded
//!   RNG, timers, send, emit; the timer queue; the network; the `Metadata`
//!   parts read each other through)
//! - floor 4, [`parts`]: parts that own their state — the producer clients,
//!   consumer groups (clients, coordinator, lag), retention and cleaner, and
//!   the topics' replication state
//! - floor 5, the root: [`sim`] (the [`Sim`]: clock, timer queue, network,
//!   dispatch) and the handlers not yet in parts: [`broker`] (leaders
//!   append, fetches, acks), [`replication`] (followers, HW, ISR),
//!   [`failure`] (brokers stopping, crashing, fenced; links; dropped
//!   messages), `elections` (the KRaft controller: ISR, elections, the
//!   ledger of lost records), [`idempotence`], [`admin`] (`CreatePartitions`),
//!   [`cold`] (when records become counts), [`retention`] (topic configs,
//!   `OFFSET_OUT_OF_RANGE`), [`producer`] / [`consumer`] (Sim's side of those
//!   parts), [`heap`] (what a checkpoint costs), [`compare`] (one record
//!   stream through several partitioners), [`scenarios`] (built-in setups),
//!   [`view`] (read-only access and the names of things); the old module
//!   names ([`coordinator`], [`lag`], [`topic`], `network`, `log`, …) are
//!   re-exports kept for callers
//! - floor 6, [`views`]: the read models the picture and panels show
//!   (partition health, brokers, producers' latest decisions, groups and
//!   lag, records windows, markers), language-free and `PartialEq`

pub mod admin;
pub mod broker;
pub mod cold;
pub mod compare;
pub mod consumer;
pub(crate) mod context;
pub mod coordinator;
mod elections;
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
