//! A record's life story: every event that concerns one record, in order —
//! the partitioner's decision, its batch, the leader's append and offset,
//! each follower's copy, the high watermark passing it, the acknowledgement,
//! each group's processing and commit, its loss or removal. Built by
//! replaying the history from a checkpoint before the record was created.

use crate::engine::{
    BatchId, BrokerId, Event, EventKind, GroupIdx, RecordId, Sim, TopicPartition,
};

/// One line of a record's story.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryLine {
    /// When, simulated ms.
    pub at_ms: u64,
    /// What happened to the record, in words.
    pub text: String,
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

    fn push(&mut self, at_ms: u64, text: String) {
        self.lines.push(StoryLine { at_ms, text });
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
                self.push(at, sim.describe(event));
                self.push(at, format!("joins batch {batch} in the producer's accumulator"));
            }
            EventKind::BatchSent { batch, .. } if Some(*batch) == self.batch => {
                self.push(at, sim.describe(event));
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
                    format!(
                        "{broker} (leader, epoch {leader_epoch}) appends it to {} at offset {offset}",
                        sim.tp_name(*tp)
                    ),
                );
            }
            EventKind::ReplicaCopied {
                broker,
                tp,
                first_offset,
                last_offset,
            } if self.covers(*tp, *first_offset, *last_offset) => {
                self.push(at, format!("{broker} (follower) copies it"));
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
                        format!(
                            "the high watermark on {broker} (leader) passes it ({high_watermark}): committed, visible to consumers"
                        ),
                    );
                }
            }
            EventKind::ProduceAcked { batch, .. } if Some(*batch) == self.batch => {
                self.push(at, sim.describe(event));
            }
            EventKind::ProduceFailed { batch, .. } if Some(*batch) == self.batch => {
                self.push(at, sim.describe(event));
            }
            EventKind::RecordConsumed { record, .. } if *record == self.record => {
                self.push(at, sim.describe(event));
            }
            EventKind::OffsetCommitted { group, tp, offset, .. }
                if Some(*tp) == self.tp
                    && self.offset.is_some_and(|o| o < *offset)
                    && !self.groups_committed.contains(group) =>
            {
                self.groups_committed.push(*group);
                self.push(
                    at,
                    format!(
                        "group {} commits offset {offset}: this record counts as processed for the group",
                        sim.group_name(*group)
                    ),
                );
            }
            EventKind::FollowerTruncated {
                tp,
                broker,
                to_offset,
                from_offset,
            } if self.covers(*tp, *to_offset, from_offset.saturating_sub(1)) => {
                self.push(at, format!("{broker} truncates its log and discards it"));
            }
            EventKind::RecordsLost { tp, .. } | EventKind::RecordsDiscarded { tp, .. }
                if Some(*tp) == self.tp =>
            {
                let lost = sim.lost_records().any(|l| l.record.id == self.record);
                if lost && !self.lines.iter().any(|l| l.text.starts_with("LOST")) {
                    self.push(at, format!("LOST: {}", sim.describe(event)));
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
