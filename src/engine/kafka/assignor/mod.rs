//! Partition assignors: Kafka's `RangeAssignor`, `RoundRobinAssignor`,
//! `StickyAssignor` and `CooperativeStickyAssignor`, computed the way the
//! Java client's group leader computes them, for any number of topics and
//! members with different subscriptions.
//!
//! - Range and round robin give exactly Kafka's output (checked against the
//!   cases of Kafka's `RangeAssignorTest` and `RoundRobinAssignorTest`).
//!   Members are ordered as Kafka's `MemberInfo` orders them: static members
//!   (with a `group.instance.id`) first, by instance id, then dynamic members
//!   by member id, in plain Java string order (`consumer10 < consumer2`).
//! - Sticky and cooperative sticky, when every member subscribes to the same
//!   topics (always the case inside the simulator), follow Kafka's
//!   `ConstrainedAssignmentBuilder` step by step, including the order in which
//!   a Java `HashMap` hands members out (the tie between members that both
//!   own more than the quota depends on it). Members with different
//!   subscriptions get a balanced, sticky assignment computed by a simpler
//!   method than Kafka's `GeneralAssignmentBuilder`: valid and balanced, but
//!   not guaranteed identical.
//! - Cooperative sticky then removes every partition that changes owner from
//!   its new owner (`CooperativeStickyAssignor.adjustAssignment`): it is
//!   revoked first and assigned in a second rebalance.
//! - Rack awareness is not simulated (no consumer has a rack).

mod assign;
mod range;
mod round_robin;
mod sticky;
pub mod subscription;

#[cfg(test)]
mod tests;

pub use assign::assign;
pub use subscription::{java_compare, java_hashmap_order, Assignment, Subscription, TopicPart};
