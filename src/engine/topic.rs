//! Old path of topics and partitions (now `parts/topic/`), replica
//! placement (`kafka/placement.rs`) and the follower's fetch state
//! (`kafka/replica_state.rs`).

pub use super::kafka::placement::assign_replicas;
pub use super::kafka::replica_state::FollowerState;
pub use super::parts::topic::{Partition, Topic, WaitingAck};
