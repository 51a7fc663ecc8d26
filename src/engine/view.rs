//! Read-only views of the simulation for the picture, the event log and the
//! tests, and the names of things as the engine knows them. Nothing here
//! changes state; the words are in `crate::text`.

use super::config::ClusterConfig;
use super::consumer::{member_name_of, Group};
use super::ids::{BrokerId, GroupIdx, MemberId, ProducerId, TopicIdx, TopicPartition};
use super::network::{Message, Node};
use super::producer::Producer;
use super::sim::{Broker, LostRecord, Sim, Totals};
use super::topic::{Partition, Topic};

impl Sim {
    /// The configuration the simulation started from.
    #[must_use]
    pub fn config(&self) -> &ClusterConfig {
        &self.config
    }

    /// Brokers, by id.
    #[must_use]
    pub fn brokers(&self) -> &[Broker] {
        &self.brokers
    }

    /// Topics, by index.
    #[must_use]
    pub fn topics(&self) -> &[Topic] {
        &self.topics
    }

    /// One partition.
    #[must_use]
    pub fn partition_state(&self, tp: TopicPartition) -> Option<&Partition> {
        self.topics
            .get(tp.topic.0 as usize)?
            .partitions
            .get(tp.partition as usize)
    }

    /// Producers, by id.
    #[must_use]
    pub fn producers(&self) -> &[Producer] {
        &self.producers
    }

    /// Consumer groups, by index.
    #[must_use]
    pub fn groups(&self) -> &[Group] {
        self.groups.list()
    }

    /// Messages on the network now, oldest first. Fetches held at a broker
    /// (long poll) are not on the network and are not listed.
    pub fn in_flight(&self) -> impl Iterator<Item = &Message> {
        self.net.in_flight()
    }

    /// Fetch requests a broker is holding until data arrives or they expire.
    pub fn parked_fetches(&self) -> impl Iterator<Item = &Message> {
        self.parked.values().map(|m| &**m)
    }

    /// Running totals.
    #[must_use]
    pub fn totals(&self) -> &Totals {
        &self.rt.totals
    }

    /// `topic-partition`, as Kafka writes it.
    #[must_use]
    pub fn tp_name(&self, tp: TopicPartition) -> String {
        match self.topics.get(tp.topic.0 as usize) {
            Some(t) => format!("{}-{}", t.name, tp.partition),
            None => format!("{}-{}", tp.topic, tp.partition),
        }
    }

    /// A producer's name (its `client.id` here), as the engine knows it.
    #[must_use]
    pub fn producer_name(&self, p: ProducerId) -> String {
        self.producers
            .get(p.0 as usize)
            .map_or_else(|| p.to_string(), |x| x.config.name.clone())
    }

    /// A member's name (its member id, `consumer-2`), as the engine knows
    /// it, also once it has left its group.
    #[must_use]
    pub fn member_name(&self, m: MemberId) -> String {
        self.groups
            .list()
            .iter()
            .flat_map(|g| g.members.iter())
            .find(|x| x.id == m)
            .map_or_else(|| member_name_of(m), |x| x.name.clone())
    }

    /// A broker's name (`broker-1`).
    #[must_use]
    pub fn broker_name(&self, b: BrokerId) -> String {
        b.to_string()
    }

    /// A topic's name.
    #[must_use]
    pub fn topic_name(&self, t: TopicIdx) -> String {
        self.topics
            .get(t.0 as usize)
            .map_or_else(|| t.to_string(), |x| x.name.clone())
    }

    /// A node's name: `broker-1`, `producer-1`, `consumer-2`.
    #[must_use]
    pub fn node_name(&self, node: Node) -> String {
        match node {
            Node::Broker(b) => self.broker_name(b),
            Node::Producer(p) => self.producer_name(p),
            Node::Member(m) => self.member_name(m),
        }
    }

    /// Records lost for ever, most recent last.
    pub fn lost_records(&self) -> impl DoubleEndedIterator<Item = &LostRecord> {
        self.lost.iter()
    }

    /// Messages dropped recently, with when they were dropped.
    pub fn dropped_messages(
        &self,
    ) -> impl DoubleEndedIterator<Item = &(std::sync::Arc<Message>, u64)> {
        self.net.drops()
    }

    /// Cut links.
    pub fn cut_links(&self) -> impl Iterator<Item = &(Node, Node)> {
        self.net.cut_links()
    }

    /// A group's `group.id`.
    #[must_use]
    pub fn group_name(&self, group: GroupIdx) -> String {
        self.groups
            .list()
            .get(group.0 as usize)
            .map_or_else(|| group.to_string(), |g| g.config.group_id.clone())
    }
}
