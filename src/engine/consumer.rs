//! Sim's side of the consumer groups (moving to `sim/`): routing timers,
//! messages and commands to the group part.

pub use super::kafka::java_hash::{
    java_string_hash, offsets_partition_for, OFFSETS_TOPIC_PARTITIONS,
};
pub use super::kafka::validate::validate_group;
pub use super::parts::group::{member_name_of, Group, Member};
pub use super::vocab::command::SeekTarget;
pub use super::vocab::fixed_settings::{
    CONSUMER_REQUEST_TIMEOUT_MS, CONSUMER_RETRY_BACKOFF_MS as RETRY_BACKOFF_MS,
};
pub use super::vocab::states::MemberPhase;

use super::command::Command;
use super::config::GroupConfig;
use super::context::ctx::Ctx;
use super::ids::{BrokerId, GroupIdx, MemberId};
use super::network::Message;
use super::parts::group::Groups;
use super::refusal::Refusal;
use super::sim::{ClusterMeta, Sim};
use super::vocab::states::BurrowStatus;
use super::vocab::timers::ConsumerTimer;

impl Sim {
    /// Lends the group part the context and the cluster's metadata.
    fn with_groups<R>(&mut self, f: impl FnOnce(&mut Groups, &mut Ctx, &ClusterMeta) -> R) -> R {
        let Sim {
            rt,
            net,
            topics,
            brokers,
            groups,
            ..
        } = self;
        let mut ctx = Ctx::new(rt, net);
        let meta = ClusterMeta { topics, brokers };
        f(groups, &mut ctx, &meta)
    }

    pub(crate) fn run_consumer_timer(&mut self, timer: ConsumerTimer) {
        self.with_groups(|g, ctx, meta| g.run_timer(ctx, meta, timer));
    }

    /// Creates a group at start, with its first members.
    pub(crate) fn create_group(&mut self, config: GroupConfig) -> GroupIdx {
        let topic = self.topic_named(&config.topic).expect("validated");
        let brokers = self.brokers.len() as u32;
        self.with_groups(|g, ctx, _| g.create(ctx, config, topic, brokers))
    }

    pub(crate) fn member_receive(&mut self, m: MemberId, msg: Message) {
        self.with_groups(|g, ctx, _| g.member_receive(ctx, m, msg));
    }

    pub(crate) fn coordinator_receive(&mut self, b: BrokerId, msg: Message) {
        self.with_groups(|g, ctx, _| g.coordinator_receive(ctx, b, msg));
    }

    pub(crate) fn handle_offset_commit(&mut self, b: BrokerId, msg: Message) {
        self.with_groups(|g, ctx, meta| g.handle_offset_commit(ctx, meta, b, msg));
    }

    pub(crate) fn fetch_disconnected(&mut self, m: MemberId) {
        self.with_groups(|g, ctx, _| g.fetch_disconnected(ctx, m));
    }

    /// Applies a consumer-group command.
    pub(crate) fn apply_group_command(&mut self, command: Command) -> Result<(), Refusal> {
        let brokers = self.brokers.len() as u32;
        let Sim {
            rt,
            net,
            topics,
            brokers: broker_list,
            groups,
            ..
        } = self;
        let mut ctx = Ctx::new(rt, net);
        let meta = ClusterMeta {
            topics,
            brokers: broker_list,
        };
        let topic_of = |name: &str| topics.iter().find(|t| t.name == name).map(|t| t.idx);
        groups.apply(&mut ctx, &meta, topic_of, brokers, command)
    }

    /// Total duplicates over all groups.
    #[must_use]
    pub fn duplicates_total(&self) -> u64 {
        self.groups.duplicates_total()
    }

    /// Burrow's status of each partition a group has committed, and the
    /// group's (its worst partition's).
    #[must_use]
    pub fn burrow_status(&self, group: GroupIdx) -> (BurrowStatus, Vec<(u32, BurrowStatus)>) {
        let Some(g) = self.groups.list().get(group.0 as usize) else {
            return (BurrowStatus::NotEnoughData, Vec::new());
        };
        g.burrow_status(&self.meta(), self.rt.now_ms)
    }

    /// Lag of a group on one partition: leader HW − committed offset, or
    /// `None` while the group has committed nothing there (Kafka shows `-`).
    #[must_use]
    pub fn lag(&self, group: GroupIdx, partition: u32) -> Option<u64> {
        self.groups
            .list()
            .get(group.0 as usize)?
            .lag(&self.meta(), partition)
    }

    /// A group's total lag over the partitions it has committed.
    #[must_use]
    pub fn group_lag(&self, group: GroupIdx) -> u64 {
        self.groups
            .list()
            .get(group.0 as usize)
            .map_or(0, |g| g.total_lag(&self.meta()))
    }
}
