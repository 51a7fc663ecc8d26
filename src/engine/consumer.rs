//! Consumer groups: members own partitions (by the range assignor in this
//! slice), poll the leaders with fetches, process records one at a time, and
//! auto-commit their position (the next offset to read) to the group
//! coordinator every `auto.commit.interval.ms`.

use std::collections::{BTreeMap, VecDeque};

use super::assignor::range_assign;
use super::config::{GroupConfig, OffsetReset};
use super::event::EventKind;
use super::ids::{BrokerId, GroupIdx, MemberId, TopicIdx, TopicPartition};
use super::log::LogEntry;
use super::network::{Body, Message, Node};
use super::sim::{Sim, Timer};

/// Partitions of `__consumer_offsets` (`offsets.topic.num.partitions`).
pub const OFFSETS_TOPIC_PARTITIONS: u32 = 50;

/// `retry.backoff.ms`: how long a consumer waits before retrying when a
/// partition has no leader.
pub const RETRY_BACKOFF_MS: u64 = 100;

/// Java's `String.hashCode` over UTF-16 code units.
#[must_use]
pub fn java_string_hash(s: &str) -> i32 {
    s.encode_utf16()
        .fold(0i32, |h, c| h.wrapping_mul(31).wrapping_add(i32::from(c)))
}

/// The `__consumer_offsets` partition that stores a group's offsets:
/// `Utils.abs(groupId.hashCode()) % 50` (`Utils.abs` maps `MIN_VALUE` to 0).
#[must_use]
pub fn offsets_partition_for(group_id: &str) -> u32 {
    let h = java_string_hash(group_id);
    let abs = if h == i32::MIN { 0 } else { h.unsigned_abs() };
    abs % OFFSETS_TOPIC_PARTITIONS
}

/// A group member's state.
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    /// Its id.
    pub id: MemberId,
    /// Its member id string (`consumer-N`), which the assignor sorts by.
    pub name: String,
    /// Partitions it owns.
    pub assigned: Vec<u32>,
    /// Its position per owned partition: the next offset it will read.
    pub positions: BTreeMap<u32, u64>,
    /// Fetched records not yet processed.
    pub buffer: VecDeque<(TopicPartition, LogEntry)>,
    /// Fetch requests not yet answered.
    pub outstanding_fetches: u32,
    /// Whether it is processing a record now.
    pub busy: bool,
    /// The offsets it last sent to the coordinator.
    pub last_commit_sent: BTreeMap<u32, u64>,
    /// Records it has processed.
    pub consumed: u64,
}

impl Member {
    pub(crate) fn new(id: MemberId) -> Self {
        Self {
            id,
            name: format!("consumer-{}", id.0),
            assigned: Vec::new(),
            positions: BTreeMap::new(),
            buffer: VecDeque::new(),
            outstanding_fetches: 0,
            busy: false,
            last_commit_sent: BTreeMap::new(),
            consumed: 0,
        }
    }
}

/// A consumer group's state.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// Its index.
    pub idx: GroupIdx,
    /// Its configuration in force.
    pub config: GroupConfig,
    /// The topic its members subscribe to.
    pub topic: TopicIdx,
    /// Its members.
    pub members: Vec<Member>,
    /// Committed offset per partition: the next offset to read.
    pub committed: BTreeMap<u32, u64>,
    /// The `__consumer_offsets` partition holding its offsets.
    pub offsets_partition: u32,
    /// The broker acting as its coordinator.
    pub coordinator: BrokerId,
    /// Assignment generation.
    pub generation: u32,
}

impl Group {
    pub(crate) fn new(
        idx: GroupIdx,
        config: GroupConfig,
        topic: TopicIdx,
        members: Vec<Member>,
        brokers: u32,
    ) -> Self {
        let offsets_partition = offsets_partition_for(&config.group_id);
        Self {
            idx,
            topic,
            members,
            committed: BTreeMap::new(),
            offsets_partition,
            // The leader of __consumer_offsets-P; its replicas are placed
            // round robin here, so partition P leads on broker P % n + 1.
            coordinator: BrokerId(offsets_partition % brokers + 1),
            generation: 0,
            config,
        }
    }
}

impl Sim {
    fn member_loc(&self, m: MemberId) -> Option<(usize, usize)> {
        self.groups
            .iter()
            .enumerate()
            .find_map(|(g, group)| group.members.iter().position(|x| x.id == m).map(|i| (g, i)))
    }

    /// Assigns the group's partitions to its members with the range assignor
    /// and starts every member's poll loop and auto-commit timer.
    pub(crate) fn assign_group(&mut self, idx: GroupIdx) {
        let now = self.now_ms;
        let g = idx.0 as usize;
        let topic = self.groups[g].topic;
        let count = self.topics[topic.0 as usize].partitions.len() as u32;
        let names: Vec<String> = self.groups[g]
            .members
            .iter()
            .map(|m| m.name.clone())
            .collect();
        let plan = range_assign(&names, count);
        let mut start = Vec::new();
        for (i, parts) in plan.into_iter().enumerate() {
            let mut positions = BTreeMap::new();
            for &p in &parts {
                let tp = TopicPartition {
                    topic,
                    partition: p,
                };
                let log = self.partition(tp).leader_log();
                let position = match self.groups[g].committed.get(&p) {
                    Some(&c) => Some(c),
                    None => match self.groups[g].config.auto_offset_reset {
                        OffsetReset::Earliest => log.map(|l| l.log_start_offset()),
                        OffsetReset::Latest => log.map(|l| l.high_watermark()),
                        OffsetReset::None => None,
                    },
                };
                if let Some(pos) = position {
                    positions.insert(p, pos);
                }
            }
            let member = &mut self.groups[g].members[i];
            member.assigned = parts;
            member.last_commit_sent = positions.clone();
            member.positions = positions;
            start.push(member.id);
        }
        self.groups[g].generation += 1;
        let assignment = self.groups[g]
            .members
            .iter()
            .map(|m| {
                (
                    m.id,
                    m.assigned
                        .iter()
                        .map(|&p| TopicPartition {
                            topic,
                            partition: p,
                        })
                        .collect(),
                )
            })
            .collect();
        self.emit(EventKind::PartitionsAssigned {
            group: idx,
            generation: self.groups[g].generation,
            assignment,
        });
        let interval = self.groups[g].config.auto_commit_interval_ms;
        for m in start {
            self.schedule(now, Timer::Poll(m));
            self.schedule(now + interval, Timer::AutoCommit(m));
        }
    }

    /// Sends one fetch per leader broker for the member's partitions, unless
    /// it still has records to process or fetches unanswered.
    pub(crate) fn poll(&mut self, m: MemberId) {
        let Some((g, i)) = self.member_loc(m) else {
            return;
        };
        let group = &self.groups[g];
        let member = &group.members[i];
        if member.outstanding_fetches > 0 || !member.buffer.is_empty() || member.busy {
            return;
        }
        let mut by_leader: BTreeMap<BrokerId, Vec<(TopicPartition, u64)>> = BTreeMap::new();
        let mut leaderless = false;
        for (&p, &pos) in &member.positions {
            let tp = TopicPartition {
                topic: group.topic,
                partition: p,
            };
            match self.partition(tp).leader {
                Some(leader) => by_leader.entry(leader).or_default().push((tp, pos)),
                None => leaderless = true,
            }
        }
        let (idx, max_records) = (group.idx, group.config.max_poll_records);
        if leaderless && by_leader.is_empty() {
            self.schedule(self.now_ms + RETRY_BACKOFF_MS, Timer::Poll(m));
        }
        for (broker, positions) in by_leader {
            let msg = self.send(
                Node::Member(m),
                Node::Broker(broker),
                Body::FetchRequest {
                    group: idx,
                    positions: positions.clone(),
                    max_records,
                },
            );
            self.groups[g].members[i].outstanding_fetches += 1;
            self.emit(EventKind::FetchSent {
                msg,
                member: m,
                broker,
                positions,
            });
        }
    }

    pub(crate) fn member_receive(&mut self, m: MemberId, msg: Message) {
        let Some((g, i)) = self.member_loc(m) else {
            return;
        };
        let Body::FetchResponse {
            records,
            out_of_range,
        } = msg.body
        else {
            return;
        };
        for oor in &out_of_range {
            self.apply_offset_reset(g, i, oor);
        }
        let now = self.now_ms;
        let processing = self.groups[g].config.processing_ms_per_record;
        let member = &mut self.groups[g].members[i];
        member.outstanding_fetches = member.outstanding_fetches.saturating_sub(1);
        for (tp, entries) in records {
            // Only records from the member's next offset on are taken (a
            // reply to an older fetch may overlap what it already has;
            // compaction leaves gaps in offsets).
            for e in entries {
                let queued = member.buffer.iter().rev().find(|(t, _)| *t == tp);
                let next = match queued {
                    Some((_, last)) => Some(last.offset + 1),
                    None => member.positions.get(&tp.partition).copied(),
                };
                if next.is_some_and(|n| e.offset >= n) {
                    member.buffer.push_back((tp, e));
                }
            }
        }
        if !member.busy && !member.buffer.is_empty() {
            member.busy = true;
            self.schedule(now + processing, Timer::Process(m));
        } else if member.buffer.is_empty() && member.outstanding_fetches == 0 && !member.busy {
            self.schedule(now, Timer::Poll(m));
        }
    }

    /// The member finishes processing the record at the head of its buffer.
    pub(crate) fn process_one(&mut self, m: MemberId) {
        let Some((g, i)) = self.member_loc(m) else {
            return;
        };
        let now = self.now_ms;
        let group_idx = self.groups[g].idx;
        let processing = self.groups[g].config.processing_ms_per_record;
        let member = &mut self.groups[g].members[i];
        let Some((tp, entry)) = member.buffer.pop_front() else {
            member.busy = false;
            return;
        };
        member.positions.insert(tp.partition, entry.offset + 1);
        member.consumed += 1;
        let more = !member.buffer.is_empty();
        if more {
            self.schedule(now + processing, Timer::Process(m));
        } else {
            member.busy = false;
        }
        self.totals.records_consumed += 1;
        self.emit(EventKind::RecordConsumed {
            group: group_idx,
            member: m,
            tp,
            offset: entry.offset,
            record: entry.record.id,
        });
        if !more {
            self.poll(m);
        }
    }

    /// Every `auto.commit.interval.ms`: send the positions that changed.
    pub(crate) fn auto_commit(&mut self, m: MemberId) {
        let Some((g, i)) = self.member_loc(m) else {
            return;
        };
        let now = self.now_ms;
        let interval = self.groups[g].config.auto_commit_interval_ms;
        self.schedule(now + interval, Timer::AutoCommit(m));
        let group = &self.groups[g];
        let (idx, topic, coordinator) = (group.idx, group.topic, group.coordinator);
        let member = &group.members[i];
        let offsets: Vec<(TopicPartition, u64)> = member
            .positions
            .iter()
            .filter(|(p, pos)| {
                member.last_commit_sent.get(p) != Some(pos) || !group.committed.contains_key(p)
            })
            .map(|(&p, &pos)| {
                (
                    TopicPartition {
                        topic,
                        partition: p,
                    },
                    pos,
                )
            })
            .collect();
        if offsets.is_empty() {
            return;
        }
        for (tp, pos) in &offsets {
            self.groups[g].members[i]
                .last_commit_sent
                .insert(tp.partition, *pos);
        }
        self.send(
            Node::Member(m),
            Node::Broker(coordinator),
            Body::OffsetCommitRequest {
                group: idx,
                offsets,
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn java_hash_matches_java() {
        // "hello".hashCode() == 99162322 in Java.
        assert_eq!(java_string_hash("hello"), 99_162_322);
        assert_eq!(java_string_hash(""), 0);
        // Korean text hashes by UTF-16 code units: "가".hashCode() == 0xAC00.
        assert_eq!(java_string_hash("가"), 0xAC00);
    }

    #[test]
    fn coordinator_partition_is_abs_hash_mod_50() {
        assert_eq!(offsets_partition_for("hello"), 99_162_322 % 50);
    }
}
