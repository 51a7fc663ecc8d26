//! [`Snapshot`]: what an embed answers a host page's `snapshot` request
//! with — partitions (leader, ISR, offsets) and groups (state, generation,
//! members, committed offsets and lag) at the current position. Language
//! free: names and numbers only, the Kafka state names as Kafka spells
//! them. Pure; serialized to JSON by the UI (`docs/embedding.md`).
//!
//! Read through [`read_models`], the one place that touches the engine, so
//! it can switch to the engine's read models (`engine::views`) in one spot.

use serde::Serialize;

use crate::engine::{Sim, TopicPartition};

/// One partition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PartitionSnapshot {
    /// The topic's name.
    pub topic: String,
    /// The partition number.
    pub partition: u32,
    /// The leader's broker id; `None` (null) while the partition is offline.
    pub leader: Option<u32>,
    /// The in-sync replicas' broker ids.
    pub isr: Vec<u32>,
    /// The log end offset (the leader's; offline: the highest of the replicas').
    pub leo: u64,
    /// The high watermark (as for `leo`).
    pub hw: u64,
    /// The log start offset (as for `leo`).
    pub log_start: u64,
}

/// A member of a group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MemberSnapshot {
    /// Its member id (`consumer-2`).
    pub member: String,
    /// The partitions it owns.
    pub partitions: Vec<u32>,
}

/// A group's committed offset on one partition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CommittedSnapshot {
    /// The topic's name.
    pub topic: String,
    /// The partition number.
    pub partition: u32,
    /// The committed offset (the next to read).
    pub offset: u64,
    /// High watermark minus the offset; `None` while the partition has no leader.
    pub lag: Option<u64>,
}

/// A consumer group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GroupSnapshot {
    /// Its `group.id`.
    pub group: String,
    /// Kafka's name of its state (`Stable`, `PreparingRebalance`, …).
    pub state: &'static str,
    /// Its generation.
    pub generation: u32,
    /// Its members, in the order they joined.
    pub members: Vec<MemberSnapshot>,
    /// Committed offsets, by partition.
    pub committed: Vec<CommittedSnapshot>,
}

/// The whole answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Snapshot {
    /// Simulated time, ms.
    pub t: u64,
    /// The lesson step shown (from 1); `None` (null) outside a lesson.
    pub step: Option<usize>,
    /// Every partition, topic by topic, by number.
    pub partitions: Vec<PartitionSnapshot>,
    /// Every group.
    pub groups: Vec<GroupSnapshot>,
}

impl Snapshot {
    /// The snapshot of `sim`, at lesson step `step` (from 1) if any.
    #[must_use]
    pub fn of(sim: &Sim, step: Option<usize>) -> Snapshot {
        let (partitions, groups) = read_models(sim);
        Snapshot {
            t: sim.now_ms(),
            step,
            partitions,
            groups,
        }
    }

    /// As JSON, with the message's `kafkascope: 1, type: "snapshot"`.
    #[must_use]
    pub fn to_message_json(&self) -> String {
        // Written out rather than `#[serde(flatten)]`, whose machinery
        // costs the web app's download for nothing.
        #[derive(Serialize)]
        struct Message<'a> {
            kafkascope: u32,
            #[serde(rename = "type")]
            kind: &'static str,
            t: u64,
            step: Option<usize>,
            partitions: &'a [PartitionSnapshot],
            groups: &'a [GroupSnapshot],
        }
        serde_json::to_string(&Message {
            kafkascope: 1,
            kind: "snapshot",
            t: self.t,
            step: self.step,
            partitions: &self.partitions,
            groups: &self.groups,
        })
        .unwrap_or_default()
    }
}

/// Partitions and groups read from the engine (the one place to switch to
/// `engine::views` once they are merged: same rules, offline partitions
/// take the highest offsets of their replicas).
fn read_models(sim: &Sim) -> (Vec<PartitionSnapshot>, Vec<GroupSnapshot>) {
    let partitions = sim
        .topics()
        .iter()
        .flat_map(|t| t.partitions.iter().map(move |p| (t, p)))
        .map(|(t, p)| {
            let leader_log = p.leader_log();
            let max_of = |f: fn(&crate::engine::log::ReplicaLog) -> u64| {
                leader_log
                    .map(f)
                    .unwrap_or_else(|| p.logs.iter().map(f).max().unwrap_or(0))
            };
            PartitionSnapshot {
                topic: t.name.clone(),
                partition: p.tp.partition,
                leader: p.leader.map(|b| b.0),
                isr: p.isr.iter().map(|b| b.0).collect(),
                leo: max_of(|l| l.log_end_offset()),
                hw: max_of(|l| l.high_watermark()),
                log_start: max_of(|l| l.log_start_offset()),
            }
        })
        .collect();
    let groups = sim
        .groups()
        .iter()
        .map(|g| {
            let topic = sim.topic_name(g.topic);
            GroupSnapshot {
                group: g.config.group_id.clone(),
                state: g.view.state.name(),
                generation: g.view.generation,
                members: g
                    .members
                    .iter()
                    .map(|m| MemberSnapshot {
                        member: m.name.clone(),
                        partitions: m.assigned.clone(),
                    })
                    .collect(),
                committed: g
                    .committed
                    .iter()
                    .map(|(&partition, &offset)| CommittedSnapshot {
                        topic: topic.clone(),
                        partition,
                        offset,
                        lag: sim
                            .partition_state(TopicPartition {
                                topic: g.topic,
                                partition,
                            })
                            .and_then(|p| p.leader_log())
                            .map(|l| l.high_watermark().saturating_sub(offset)),
                    })
                    .collect(),
            }
        })
        .collect();
    (partitions, groups)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::scenarios::default_scenario;

    #[test]
    fn a_snapshot_is_language_free_json_with_numbers_as_numbers() {
        let mut sim = Sim::new(default_scenario()).unwrap();
        sim.advance_to(5_000);
        let s = Snapshot::of(&sim, None);
        assert_eq!(s.t, 5_000);
        assert!(!s.partitions.is_empty());
        let json = s.to_message_json();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["kafkascope"], 1);
        assert_eq!(v["type"], "snapshot");
        assert_eq!(v["step"], serde_json::Value::Null);
        assert_eq!(v["t"], 5_000);
        let p = &v["partitions"][0];
        assert!(p["leader"].is_u64() && p["hw"].is_u64() && p["isr"].is_array());
        if let Some(g) = v["groups"].as_array().and_then(|g| g.first()) {
            assert!(g["generation"].is_u64() && g["state"].is_string());
        }
    }

    #[test]
    fn an_offline_partition_has_a_null_leader() {
        let mut sim = Sim::new(default_scenario()).unwrap();
        sim.advance_to(1_000);
        for b in sim.brokers().iter().map(|b| b.id).collect::<Vec<_>>() {
            let _ = sim.apply(crate::engine::Command::CrashBroker(b));
        }
        sim.advance_to(40_000);
        let v: serde_json::Value =
            serde_json::from_str(&Snapshot::of(&sim, Some(2)).to_message_json()).unwrap();
        assert_eq!(v["partitions"][0]["leader"], serde_json::Value::Null);
        assert_eq!(v["step"], 2);
    }
}
