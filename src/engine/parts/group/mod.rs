//! The consumer group part: each [`Group`] owns its members (the Java
//! client's view of each consumer) and what its coordinator knows, its
//! committed offsets and its lag; `Groups` holds them all and routes
//! timers, messages and commands to them.
//!
//! The poll loop follows the Java consumer (`poll.rs`): everything the group
//! asks (rejoin, apply an assignment) happens inside `poll()`; heartbeats
//! come from a background thread; before rejoining auto-commit commits and
//! waits; eager members revoke everything, cooperative members keep their
//! partitions and revoke what moves when the assignment arrives, without
//! committing; a member that does not poll for `max.poll.interval.ms` leaves.
//! The coordinator (`coordinator.rs`) runs the classic group protocol.
//!
//! Simplifications: positions come straight from the group's committed
//! offsets and the leader's log (no OffsetFetch / ListOffsets messages);
//! `group.initial.rebalance.delay.ms` is not simulated; the coordinator never
//! moves; the coordinator reads a joining member's id and
//! `group.instance.id` from the client rather than from its JoinGroup.

mod client;
mod commands;
mod coordinator;
mod groups;
pub mod lag;
mod poll;
pub mod state;

pub use lag::LAG_SAMPLE_MS;
pub(crate) use state::Groups;
pub use state::{
    member_name_of, CoordinatorView, Group, KnownMember, Member, OffsetResetNote, RESETS_KEPT,
};
