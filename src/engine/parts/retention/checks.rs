//! A broker's retention check and log cleaner pass over its replicas.

use super::state::{Removal, RemovalCause, Retention};
use crate::engine::context::ctx::Ctx;
use crate::engine::kafka::log::replica_log::ReplicaLog;
use crate::engine::parts::topic::Topic;
use crate::engine::vocab::event::EventKind;
use crate::engine::vocab::fixed_settings::LOG_CLEANER_BACKOFF_MS;
use crate::engine::vocab::ids::{BrokerId, TopicPartition};
use crate::engine::vocab::reasons::LogStartCause;
use crate::engine::vocab::timers::Timer;

/// Tells the segments `log` (the replica of `tp` on `b`) rolled.
pub(crate) fn note_rolls(ctx: &mut Ctx, log: &mut ReplicaLog, tp: TopicPartition, b: BrokerId) {
    for (base_offset, reason) in log.take_rolls() {
        ctx.emit(EventKind::SegmentRolled {
            tp,
            broker: b,
            base_offset,
            reason,
        });
    }
}

/// The logs of every replica `b` holds, with their partitions.
fn logs_on(
    topics: &mut [Topic],
    b: BrokerId,
) -> impl Iterator<Item = (TopicPartition, &mut ReplicaLog)> {
    topics
        .iter_mut()
        .flat_map(|t| t.partitions.iter_mut())
        .filter_map(move |p| {
            let tp = p.tp;
            p.log_on_mut(b).map(|log| (tp, log))
        })
}

impl Retention {
    /// Broker `b`'s retention check: each of its replicas deletes what its
    /// topic's retention says (Kafka's `LogManager.cleanupLogs`); the next
    /// check comes `interval_ms` later. A stopped broker checks nothing.
    pub(crate) fn retention_check(
        &mut self,
        ctx: &mut Ctx,
        topics: &mut [Topic],
        b: BrokerId,
        alive: bool,
        interval_ms: u64,
    ) {
        ctx.schedule(
            ctx.now().saturating_add(interval_ms),
            Timer::RetentionCheck(b),
        );
        if !alive {
            return;
        }
        let now = ctx.now();
        for (tp, log) in logs_on(topics, b) {
            let before = log.log_start_offset();
            let deletions = log.delete_old_segments(now);
            let after = log.log_start_offset();
            note_rolls(ctx, log, tp, b);
            for d in deletions {
                ctx.emit(EventKind::SegmentsDeleted {
                    tp,
                    broker: b,
                    reason: d.reason,
                    segments: d.segments,
                    first_offset: d.first_offset,
                    end_offset: d.end_offset,
                    records: d.records,
                    bytes: d.bytes,
                });
                self.note(Removal {
                    tp,
                    broker: b,
                    at_ms: now,
                    cause: RemovalCause::Retention(d.reason),
                    records: d.removed,
                });
            }
            if after > before {
                ctx.emit(EventKind::LogStartOffsetMoved {
                    tp,
                    broker: b,
                    log_start_offset: after,
                    cause: LogStartCause::Retention,
                });
            }
        }
    }

    /// Broker `b`'s log cleaner: compacts each of its replicas whose topic
    /// compacts and whose log is dirty enough, then sleeps
    /// `log.cleaner.backoff.ms`. (Kafka's cleaner thread cleans one log at
    /// a time and checks again at once; cleaning takes no simulated time
    /// here, so one pass cleans them all.)
    pub(crate) fn cleaner_check(
        &mut self,
        ctx: &mut Ctx,
        topics: &mut [Topic],
        b: BrokerId,
        alive: bool,
    ) {
        ctx.schedule(
            ctx.now().saturating_add(LOG_CLEANER_BACKOFF_MS),
            Timer::CleanerCheck(b),
        );
        if !alive {
            return;
        }
        let now = ctx.now();
        for (tp, log) in logs_on(topics, b) {
            let Some(c) = log.clean(now) else {
                continue;
            };
            ctx.emit(EventKind::LogCompacted {
                tp,
                broker: b,
                end_offset: c.end_offset,
                dirty_ratio_percent: (c.dirty_ratio * 100.0).round() as u32,
                superseded: c.superseded,
                tombstones_removed: c.tombstones_removed,
                keyless: c.keyless,
                bytes_before: c.bytes_before,
                bytes_after: c.bytes_after,
                segments_before: c.segments_before,
                segments_after: c.segments_after,
            });
            self.note(Removal {
                tp,
                broker: b,
                at_ms: now,
                cause: RemovalCause::Compaction,
                records: c.removed,
            });
        }
    }
}
