//! A record's life story: every event that concerns one record, in order —
//! the partitioner's decision, its batch, the leader's append and offset,
//! each follower's copy, the high watermark passing it, the acknowledgement,
//! each group's processing and commit, its loss or removal. Built by
//! replaying the history from a checkpoint before the record was created.
//! Language-free: `crate::text::story` says each line in words.

use crate::engine::{BatchId, BrokerId, Event, EventKind, GroupIdx, RecordId, Sim, TopicPartition};

/// What happened to the record at one moment.
#[derive(Clone, Debug, PartialEq)]
pub enum StoryStep {
    /// An engine event about the record, told as the event log tells it.
    Event(Event),
    /// It joined a batch in the producer's accumulator.
    JoinedBatch(BatchId),
    /// The leader appended it at an offset.
    Appended {
        /// The leader.
        broker: BrokerId,
        /// The partition.
        tp: TopicPartition,
        /// Its offset.
        offset: u64,
        /// The leader epoch written with it.
        leader_epoch: u32,
    },
    /// A follower copied it.
    Copied(BrokerId),
    /// The leader's high watermark passed it: committed.
    Committed {
        /// The leader.
        broker: BrokerId,
        /// The new HW.
        high_watermark: u64,
    },
    /// A group committed an offset past it.
    GroupCommitted {
        /// The group.
        group: GroupIdx,
        /// The committed offset.
        offset: u64,
    },
    /// A replica truncated it away.
    Truncated(BrokerId),
    /// It was lost for ever (the event tells why).
    Lost(Event),
}

/// One line of a record's story.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryLine {
    /// When, simulated ms.
    pub at_ms: u64,
    /// What happened.
    pub step: StoryStep,
}

/// Follows one record through a stream of events.
#[derive(Clone, Debug)]
pub struct StoryTracker {
    record: RecordId,
    batch: Option<BatchId>,
    tp: Option<TopicPartition>,
    offset: Option<u64>,
    committed_on: Vec<BrokerId>,
    groups_committed: Vec<GroupIdx>,
    lines: Vec<StoryLine>,
}

impl StoryTracker {
    /// A tracker for `record`.
    #[must_use]
    pub fn new(record: RecordId) -> Self {
        Self {
            record,
            batch: None,
            tp: None,
            offset: None,
            committed_on: Vec::new(),
            groups_committed: Vec::new(),
            lines: Vec::new(),
        }
    }

    /// The lines so far.
    #[must_use]
    pub fn lines(&self) -> &[StoryLine] {
        &self.lines
    }

    fn push(&mut self, at_ms: u64, step: StoryStep) {
        self.lines.push(StoryLine { at_ms, step });
    }

    /// Takes one event (with the engine state right after it, for names).
    pub fn observe(&mut self, sim: &Sim, event: &Event) {
        let at = event.at_ms;
        match &event.kind {
            EventKind::RecordCreated { record, .. } if *record == self.record => {
                let EventKind::RecordCreated { tp, batch, .. } = &event.kind else {
                    return;
                };
                self.batch = Some(*batch);
                self.tp = Some(*tp);
                self.push(at, StoryStep::Event(event.clone()));
                self.push(at, StoryStep::JoinedBatch(*batch));
            }
            EventKind::BatchSent { batch, .. } if Some(*batch) == self.batch => {
                self.push(at, StoryStep::Event(event.clone()));
            }
            EventKind::BatchAppended {
                batch,
                broker,
                base_offset,
                tp,
                leader_epoch,
                ..
            } if Some(*batch) == self.batch => {
                // Read its offset from the leader's log (the state right
                // after this event): a retried batch may land at a new offset.
                let Some(offset) = self.offset_on(sim, *broker, *tp, *base_offset) else {
                    return;
                };
                self.offset = Some(offset);
                self.committed_on.clear();
                self.push(
                    at,
                    StoryStep::Appended {
                        broker: *broker,
                        tp: *tp,
                        offset,
                        leader_epoch: *leader_epoch,
                    },
                );
            }
            EventKind::ReplicaCopied {
                broker,
                tp,
                first_offset,
                last_offset,
            } if self.covers(*tp, *first_offset, *last_offset) => {
                self.push(at, StoryStep::Copied(*broker));
            }
            EventKind::HighWatermarkAdvanced {
                tp,
                broker,
                high_watermark,
            } if Some(*tp) == self.tp
                && self.offset.is_some_and(|o| o < *high_watermark)
                && !self.committed_on.contains(broker) =>
            {
                self.committed_on.push(*broker);
                let leader = sim.partition_state(*tp).and_then(|p| p.leader) == Some(*broker);
                if leader {
                    self.push(
                        at,
                        StoryStep::Committed {
                            broker: *broker,
                            high_watermark: *high_watermark,
                        },
                    );
                }
            }
            EventKind::ProduceAcked { batch, .. } if Some(*batch) == self.batch => {
                self.push(at, StoryStep::Event(event.clone()));
            }
            EventKind::ProduceFailed { batch, .. } if Some(*batch) == self.batch => {
                self.push(at, StoryStep::Event(event.clone()));
            }
            // By id, or by place: a record consumed after the log folded it
            // into counts is read back without its id (`RecordId::UNKNOWN`).
            EventKind::RecordConsumed {
                record, tp, offset, ..
            } if *record == self.record
                || (*record == crate::engine::RecordId::UNKNOWN
                    && Some(*tp) == self.tp
                    && self.offset == Some(*offset)) =>
            {
                self.push(at, StoryStep::Event(event.clone()));
            }
            EventKind::OffsetCommitted {
                group, tp, offset, ..
            } if Some(*tp) == self.tp
                && self.offset.is_some_and(|o| o < *offset)
                && !self.groups_committed.contains(group) =>
            {
                self.groups_committed.push(*group);
                self.push(
                    at,
                    StoryStep::GroupCommitted {
                        group: *group,
                        offset: *offset,
                    },
                );
            }
            EventKind::FollowerTruncated {
                tp,
                broker,
                to_offset,
                from_offset,
            } if self.covers(*tp, *to_offset, from_offset.saturating_sub(1)) => {
                self.push(at, StoryStep::Truncated(*broker));
            }
            EventKind::RecordsLost { tp, .. } | EventKind::RecordsDiscarded { tp, .. }
                if Some(*tp) == self.tp =>
            {
                let lost = sim.lost_records().any(|l| l.record.id == self.record);
                let told = self
                    .lines
                    .iter()
                    .any(|l| matches!(l.step, StoryStep::Lost(_)));
                if lost && !told {
                    self.push(at, StoryStep::Lost(event.clone()));
                }
            }
            _ => {}
        }
    }

    fn covers(&self, tp: TopicPartition, first: u64, last: u64) -> bool {
        Some(tp) == self.tp && self.offset.is_some_and(|o| o >= first && o <= last)
    }

    fn offset_on(&self, sim: &Sim, broker: BrokerId, tp: TopicPartition, from: u64) -> Option<u64> {
        sim.partition_state(tp)?
            .log_on(broker)?
            .entries()
            .find(|e| e.offset >= from && e.record.id == self.record)
            .map(|e| e.offset)
    }
}
