//! Checks every configuration before the engine uses it: Kafka's own rules
//! first, with Kafka's error names and texts, then the simulator's limits.
//!
//! Kafka's ranges come from its `ConfigDef` definitions (`ProducerConfig`,
//! `ConsumerConfig`, `LogConfig`/`TopicConfig`, `ServerLogConfigs`,
//! `ReplicationConfigs`, `KRaftConfigs`, `GroupCoordinatorConfig`) and are
//! refused as `ConfigException` words them ([`RefusalReason::InvalidValue`]:
//! `Invalid value -2 for configuration retention.ms: Value must be at least
//! -1`, or `Not a number of type INT` for a value its type cannot hold).
//! Where Kafka accepts values that would make the simulation unbounded or
//! meaningless (a metadata refresh every 0 ms, 40 producers at full rate),
//! the simulator's narrower range is refused ([`RefusalReason::OutOfRange`])
//! naming the limit and Kafka's range beside it. The words are in `crate::text`.

mod clients;
mod cluster;
mod numeric;
mod topic;

#[cfg(test)]
mod tests;

pub use clients::*;
pub use cluster::*;
pub use numeric::*;
pub use topic::*;
