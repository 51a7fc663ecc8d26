//! Typed identifiers. Every id is a small integer handed out in order by the
//! engine, so the same seed and commands always produce the same ids.

use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $inner:ty, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub $inner);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($prefix, "{}"), self.0)
            }
        }
    };
}

id_type!(
    /// A broker, numbered from 1 like `broker.id` in most examples.
    BrokerId, u32, "broker-"
);
id_type!(
    /// A producer client, by its index in the cluster's producer list.
    ProducerId, u32, "producer-"
);
id_type!(
    /// A consumer group, by its index in the cluster's group list.
    GroupIdx, u32, "group#"
);
id_type!(
    /// A member of a consumer group, unique within the whole cluster.
    MemberId, u32, "member-"
);
id_type!(
    /// A record, from the moment a producer creates it: stable for its whole life.
    RecordId, u64, "r"
);
id_type!(
    /// A batch (a "message set"): the unit a producer sends and a leader appends.
    BatchId, u64, "b"
);
id_type!(
    /// A message on the simulated network (a request or a response).
    MsgId, u64, "m"
);
id_type!(
    /// An event in the history, numbered in the order it happened.
    EventId, u64, "e"
);
id_type!(
    /// A topic, by its index in the cluster's topic list.
    TopicIdx, u32, "topic#"
);

impl RecordId {
    /// Stands for a record the engine keeps only as a count (see
    /// [`super::log_store`]): reads of such offsets yield entries with this
    /// id, no key and no value. Real records are numbered from 1.
    pub const UNKNOWN: RecordId = RecordId(0);
}

impl BatchId {
    /// Stands for a batch the engine no longer knows (records kept as
    /// counts).
    pub const UNKNOWN: BatchId = BatchId(u64::MAX);
}

impl ProducerId {
    /// Stands for the producer of a record kept only as a count.
    pub const UNKNOWN: ProducerId = ProducerId(u32::MAX);
}

/// A topic partition: the topic's index and the partition number.
#[derive(
    serde::Serialize, serde::Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash,
)]
pub struct TopicPartition {
    /// The topic.
    pub topic: TopicIdx,
    /// The partition number within the topic, from 0.
    pub partition: u32,
}

/// An endpoint of a link.
#[derive(
    serde::Serialize, serde::Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord,
)]
pub enum Node {
    /// A producer client.
    Producer(ProducerId),
    /// A broker.
    Broker(BrokerId),
    /// A consumer group member.
    Member(MemberId),
}
