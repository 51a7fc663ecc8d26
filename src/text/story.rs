//! A record's story in words: each [`StoryLine`] as a sentence, in both
//! languages (every field used, no `..`).

use crate::engine::{BatchId, Sim};
use crate::story::{StoryLine, StoryStep};

use super::event::build::line;
use super::event::line::EventLine;
use super::event::replica::ReplicaLine;
use super::lang::{Lang, Say};
use super::template::say;

/// One line of a record's story, names looked up.
#[derive(Clone, Debug, PartialEq)]
pub enum StorySentence {
    /// An event about the record, as the event log tells it.
    Event(EventLine),
    /// It joined a batch in the producer's accumulator.
    JoinedBatch(BatchId),
    /// The leader appended it.
    Appended {
        /// The leader.
        broker: String,
        /// The leader epoch.
        leader_epoch: u32,
        /// The partition.
        tp: String,
        /// Its offset.
        offset: u64,
    },
    /// A follower copied it.
    Copied(String),
    /// The leader's high watermark passed it.
    Committed {
        /// The leader.
        broker: String,
        /// The new HW.
        high_watermark: u64,
    },
    /// A group committed past it.
    GroupCommitted {
        /// The group.
        group: String,
        /// The committed offset.
        offset: u64,
    },
    /// A replica truncated it away.
    Truncated(String),
    /// It was lost for ever: the event that tells why.
    Lost(EventLine),
}

/// A story line as a sentence, names looked up in `sim`.
#[must_use]
pub fn sentence(sim: &Sim, story: &StoryLine) -> StorySentence {
    match &story.step {
        StoryStep::Event(e) => StorySentence::Event(line(sim, e)),
        StoryStep::JoinedBatch(b) => StorySentence::JoinedBatch(*b),
        StoryStep::Appended {
            broker,
            tp,
            offset,
            leader_epoch,
        } => StorySentence::Appended {
            broker: sim.broker_name(*broker),
            leader_epoch: *leader_epoch,
            tp: sim.tp_name(*tp),
            offset: *offset,
        },
        StoryStep::Copied(b) => StorySentence::Copied(sim.broker_name(*b)),
        StoryStep::Committed {
            broker,
            high_watermark,
        } => StorySentence::Committed {
            broker: sim.broker_name(*broker),
            high_watermark: *high_watermark,
        },
        StoryStep::GroupCommitted { group, offset } => StorySentence::GroupCommitted {
            group: sim.group_name(*group),
            offset: *offset,
        },
        StoryStep::Truncated(b) => StorySentence::Truncated(sim.broker_name(*b)),
        StoryStep::Lost(e) => StorySentence::Lost(line(sim, e)),
    }
}

/// A story line in `lang`.
#[must_use]
pub fn story_line(lang: Lang, sim: &Sim, story: &StoryLine) -> String {
    sentence(sim, story).say(lang)
}

/// Whether the loss sentence already says "lost" (the event of lost records).
fn says_lost(e: &EventLine) -> bool {
    matches!(e, EventLine::Replica(ReplicaLine::RecordsLost { .. }))
}

impl Say for StorySentence {
    fn say(&self, lang: Lang) -> String {
        match self {
            StorySentence::Event(e) => e.say(lang),
            StorySentence::JoinedBatch(batch) => say!(lang, batch;
                "joins batch {batch} in the producer's accumulator",
                "프로듀서의 어큐뮬레이터에서 배치 {batch}에 들어감"),
            StorySentence::Appended {
                broker,
                leader_epoch,
                tp,
                offset,
            } => say!(lang, broker, leader_epoch, tp, offset;
                "{broker} (leader, epoch {leader_epoch}) appends it to {tp} at offset {offset}",
                "리더 {broker}{가} (에포크 {leader_epoch}) {tp}의 오프셋 {offset}에 기록"),
            StorySentence::Copied(broker) => {
                say!(lang, broker; "{broker} (follower) copies it", "팔로워 {broker}{가} 복사")
            }
            StorySentence::Committed {
                broker,
                high_watermark,
            } => say!(lang, broker, high_watermark;
                "the high watermark on {broker} (leader) passes it ({high_watermark}): committed, visible to consumers",
                "{broker} (리더)의 하이 워터마크가 이 레코드를 지남 ({high_watermark}): 커밋됨, 컨슈머가 읽을 수 있음"),
            StorySentence::GroupCommitted { group, offset } => say!(lang, group, offset;
                "group {group} commits offset {offset}: this record counts as processed for the group",
                "그룹 {group}{이} 오프셋 {offset} 커밋: 그룹 입장에서 이 레코드는 처리 완료"),
            StorySentence::Truncated(broker) => say!(lang, broker;
                "{broker} truncates its log and discards it",
                "{broker}{가} 로그를 잘라내며 이 레코드를 버림"),
            StorySentence::Lost(e) if says_lost(e) => e.say(lang),
            StorySentence::Lost(e) => {
                say!(lang, event = e.say(lang); "LOST: {event}", "유실: {event}")
            }
        }
    }
}
