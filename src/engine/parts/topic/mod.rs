//! The topic and replication part's state: each topic's partitions with
//! their replica assignment, leader, ISR, leader epoch, the leader's view
//! of its followers, the produce requests waiting for the high watermark,
//! and each replica's log. (Its handlers — leaders appending, followers
//! fetching, the high watermark, the controller's elections — are still
//! `Sim` methods in `broker.rs`, `replication.rs` and `failure.rs`.)

mod state;

pub use state::{Partition, Topic, WaitingAck};
