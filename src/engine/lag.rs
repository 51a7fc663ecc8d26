//! Old path of lag (now `kafka/burrow.rs` for the arithmetic and
//! `parts/group/lag.rs` for a group's lag).

pub use super::kafka::burrow::{burrow_partition_status, CommitSample, LagHistory, LagSample};
pub use super::parts::group::LAG_SAMPLE_MS;
pub use super::vocab::states::BurrowStatus;
