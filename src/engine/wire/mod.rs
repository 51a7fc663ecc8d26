//! Floor 2, the wire: the bodies of the requests and answers that travel on
//! the simulated network (produce, fetch, replica fetch, offsets for leader
//! epoch, offset commit, the group protocol) and the message on a link.
//! They carry records, batches and log slices, so they sit just above the
//! algorithms that define those; they import nothing above (see
//! `tests/layers.rs`).

pub mod group_message;
pub mod message;
