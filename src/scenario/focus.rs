//! What a step points at (`focus = [...]`): the file's [`FocusSpec`] checked
//! into one [`FocusTarget`] each, with members named as the picture names
//! them (`consumer-2`), so a player can hand them to the picture.

use super::model::{FocusSpec, MarkerSpec};

/// One thing a step points at, by the names the picture uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FocusTarget {
    /// A producer, by name.
    Producer(String),
    /// A partition.
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
    /// A consumer group, by `group.id`.
    Group(String),
    /// A member of a group.
    Member {
        /// The group's `group.id`.
        group: String,
        /// The member's name (`consumer-2`).
        member: String,
    },
    /// A record, by where it sits.
    Record {
        /// The topic's name.
        topic: String,
        /// The partition number.
        partition: u32,
        /// Its offset.
        offset: u64,
    },
    /// A marker on a partition's log (`group` for a committed offset).
    Marker {
        /// Which marker.
        kind: MarkerSpec,
        /// The topic's name.
        topic: String,
        /// The partition number.
        partition: u32,
        /// The group, for a committed offset.
        group: Option<String>,
    },
}

/// The shape of a focus entry, before names are resolved: which one thing
/// it names, or why it names none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum FocusShape<'a> {
    Producer(&'a str),
    Broker(u32),
    Group(&'a str),
    Member(&'a str, u32),
    Partition(&'a str, u32),
    Replica(&'a str, u32, u32),
    Record(&'a str, u32, u64),
    Marker(MarkerSpec, &'a str, u32, Option<&'a str>),
}

/// The one thing `f` names, or what is wrong with it.
pub(crate) fn shape(f: &FocusSpec) -> Result<FocusShape<'_>, String> {
    let tp = f.topic.as_deref().zip(f.partition);
    let shape = match (
        f.producer.as_deref(),
        tp,
        f.broker,
        f.offset,
        f.group.as_deref(),
        f.member,
        f.marker,
    ) {
        (Some(p), None, None, None, None, None, None) if f.topic.is_none() => {
            FocusShape::Producer(p)
        }
        (None, None, Some(b), None, None, None, None)
            if f.topic.is_none() && f.partition.is_none() =>
        {
            FocusShape::Broker(b)
        }
        (None, None, None, None, Some(g), None, None)
            if f.topic.is_none() && f.partition.is_none() =>
        {
            FocusShape::Group(g)
        }
        (None, None, None, None, Some(g), Some(m), None)
            if f.topic.is_none() && f.partition.is_none() =>
        {
            FocusShape::Member(g, m)
        }
        (None, Some((t, p)), None, None, None, None, None) => FocusShape::Partition(t, p),
        (None, Some((t, p)), Some(b), None, None, None, None) => FocusShape::Replica(t, p, b),
        (None, Some((t, p)), None, Some(o), None, None, None) => FocusShape::Record(t, p, o),
        (None, Some((t, p)), None, None, g, None, Some(kind)) => {
            match (kind == MarkerSpec::Committed, g) {
                (true, Some(_)) | (false, None) => FocusShape::Marker(kind, t, p, g),
                (true, None) => return Err("a committed marker names its group too".to_string()),
                (false, Some(_)) => {
                    return Err("only a committed marker names a group".to_string())
                }
            }
        }
        _ => {
            return Err("a focus names one thing: { producer }, { broker }, { group }, { group, member }, { topic, partition }, { topic, partition, broker }, { topic, partition, offset } or { marker, topic, partition }".to_string())
        }
    };
    Ok(shape)
}
