//! What a lesson step points at: entities of the picture drawn with a
//! highlight (set by the lesson player from a step's `focus`, read by the
//! picture). Names, not engine ids, so a scenario file can say them.

/// Which marker on a partition's log.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarkerKind {
    /// The high watermark.
    Hw,
    /// The log end offset.
    Leo,
    /// The log start offset.
    LogStart,
    /// A group's committed offset.
    Committed,
}

/// One thing a lesson step points at.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Focus {
    /// A producer, by name.
    Producer(String),
    /// A partition (its lane in the topic view).
    Partition {
        /// The topic's name.
        topic: String,
        /// The partition number.
        partition: u32,
    },
    /// One replica of a partition, on a broker.
    Replica {
        /// The topic's name.
        topic: String,
        /// The partition number.
        partition: u32,
        /// The broker's id.
        broker: u32,
    },
    /// A broker, by id.
    Broker(u32),
    /// A consumer group, by name.
    Group(String),
    /// A member of a group.
    Member {
        /// The group's name.
        group: String,
        /// The member's name.
        member: String,
    },
    /// A record, by where it sits.
    Record {
        /// The topic's name.
        topic: String,
        /// The partition number.
        partition: u32,
        /// The record's offset.
        offset: u64,
    },
    /// A marker on a partition's log (`group` for a committed offset).
    Marker {
        /// Which marker.
        kind: MarkerKind,
        /// The topic's name.
        topic: String,
        /// The partition number.
        partition: u32,
        /// The group, for a committed offset.
        group: Option<String>,
    },
}

/// Which drawing of the cluster the picture shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SceneView {
    /// Producers → partitioner → one lane per partition → groups (default).
    #[default]
    Topic,
    /// Brokers with their replicas, for replication and failure.
    Brokers,
}

impl SceneView {
    /// The name used in scenario files and URLs.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            SceneView::Topic => "topic",
            SceneView::Brokers => "brokers",
        }
    }

    /// The view named `name` (`topic` or `brokers`).
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "topic" => Some(SceneView::Topic),
            "brokers" => Some(SceneView::Brokers),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn view_names_round_trip() {
        for v in [SceneView::Topic, SceneView::Brokers] {
            assert_eq!(SceneView::from_name(v.name()), Some(v));
        }
        assert_eq!(SceneView::from_name("Topic"), None);
        assert_eq!(SceneView::default(), SceneView::Topic);
    }
}
