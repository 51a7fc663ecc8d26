//! Old path of the group coordinator (now `parts/group/coordinator.rs`).

pub use super::parts::group::{CoordinatorView, KnownMember};
pub use super::vocab::states::GroupState;
pub use super::wire::group_message::{GroupMessage, JoinedMember};
