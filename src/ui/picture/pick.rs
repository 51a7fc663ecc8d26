//! What a click or Enter on the picture hit: read from the nearest entity's
//! `data-*` attributes and resolved against the simulation to a
//! [`Selection`] for the inspector.

use wasm_bindgen::JsCast;

use crate::engine::{BrokerId, TopicPartition};
use crate::player::Player;
use crate::ui::state::selection::Selection;

/// The entity an element belongs to, as the picture marks it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Hit {
    /// A record cell: its lane and offset.
    Record(String, u32, u64),
    /// A partition's lane (or, with a broker, one replica's row).
    Partition(String, u32, Option<u32>),
    /// A broker.
    Broker(u32),
    /// A member of a group.
    Member(String, String),
    /// A producer.
    Producer(String),
}

/// The entity the element `target` is part of.
#[must_use]
pub fn hit_of(target: &web_sys::Element) -> Option<Hit> {
    let entity = target.closest("[data-entity]").ok().flatten()?;
    let attr = |el: &web_sys::Element, name: &str| el.get_attribute(name);
    match attr(&entity, "data-entity")?.as_str() {
        "partition" => {
            let topic = attr(&entity, "data-topic")?;
            let partition = attr(&entity, "data-partition")?.parse().ok()?;
            let offset = target
                .closest("[data-offset]")
                .ok()
                .flatten()
                .and_then(|c| c.get_attribute("data-offset"))
                .and_then(|o| o.parse().ok());
            Some(match offset {
                Some(o) => Hit::Record(topic, partition, o),
                None => Hit::Partition(
                    topic,
                    partition,
                    attr(&entity, "data-broker").and_then(|b| b.parse().ok()),
                ),
            })
        }
        "broker" => Some(Hit::Broker(attr(&entity, "data-broker")?.parse().ok()?)),
        "member" => {
            let group = entity
                .parent_element()?
                .closest("[data-entity=group]")
                .ok()
                .flatten()
                .and_then(|g| g.get_attribute("data-group"))?;
            Some(Hit::Member(group, attr(&entity, "data-member")?))
        }
        "producer" => Some(Hit::Producer(attr(&entity, "data-producer")?)),
        _ => None,
    }
}

/// The element an event happened on.
#[must_use]
pub fn target_of(e: &web_sys::Event) -> Option<web_sys::Element> {
    e.target()?.dyn_into::<web_sys::Element>().ok()
}

/// What the inspector shows for `hit`.
#[must_use]
pub fn selection_of(player: &Player, hit: &Hit) -> Option<Selection> {
    let sim = player.sim();
    let tp_of = |topic: &str, partition: u32| -> Option<TopicPartition> {
        Some(TopicPartition {
            topic: sim.topic_named(topic)?,
            partition,
        })
    };
    match hit {
        Hit::Record(topic, partition, offset) => {
            let tp = tp_of(topic, *partition)?;
            let part = sim.partition_state(tp)?;
            let log = part.leader_log().or_else(|| {
                part.replicas
                    .iter()
                    .filter_map(|b| part.log_on(*b))
                    .max_by_key(|l| l.log_end_offset())
            })?;
            let e = log.get(*offset)?;
            Some(Selection::Record {
                id: e.record.id,
                created_at_ms: e.record.timestamp_ms,
            })
        }
        Hit::Partition(topic, partition, on) => {
            let tp = tp_of(topic, *partition)?;
            let part = sim.partition_state(tp)?;
            let broker = on
                .map(BrokerId)
                .or(part.leader)
                .or_else(|| part.replicas.first().copied())?;
            Some(Selection::Partition(tp, broker))
        }
        Hit::Broker(id) => Some(Selection::Broker(BrokerId(*id))),
        Hit::Member(group, member) => {
            let g = sim.group_named(group)?;
            let m = sim
                .groups()
                .get(g.0 as usize)?
                .members
                .iter()
                .find(|m| m.name == *member)?;
            Some(Selection::Member(m.id))
        }
        Hit::Producer(_) => None,
    }
}
