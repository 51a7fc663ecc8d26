//! Memory estimates, so that a history can budget its checkpoints:
//! [`Sim::heap_estimate_bytes`] (what the simulation holds: what a
//! checkpoint costs once the live simulation has moved on) and
//! [`Sim::clone_estimate_bytes`] (what a clone adds at once, beyond what it
//! shares with the original).
//!
//! A clone shares, through reference counts, every full chunk of log
//! entries and every record ([`super::log_store`]); it copies everything
//! else: each log's open tail of entries, its counted runs, segments and
//! epoch cache, and the state of brokers, partitions, producers, groups,
//! messages, timers and ledgers. As the live simulation appends and folds,
//! it lets go of the chunks it shared, so an older checkpoint ends up
//! holding its own entries: its cost grows to the heap estimate. The
//! estimates add up sizes from the lengths of collections (map nodes
//! counted with their keys, values and a share of the node); they do not
//! walk the allocator, so they are cheap and approximate (within a factor
//! of two of what the allocator counts, see `tests/memory_budget.rs`).
//!
//! What in the simulation could grow with history, and what bounds it:
//! - replica logs: records in full per log (`cold.rs`: a share of 16,384,
//!   more while above the HW, while a producer may send them again, or
//!   while another replica has not copied them, up to a share of 262,144),
//!   older ones as counted runs (one per segment and epoch, plus a few
//!   where a replica far behind resumes); compacted logs are never folded
//!   and hold what their cleaner has not removed (the active segment is
//!   never cleaned, so a compacted topic with 1 GiB segments holds all);
//! - segments: until retention deletes them (a tiny `segment.bytes` with a
//!   long `retention.ms` holds one per batch, as Kafka keeps one file each);
//!   epoch caches: one entry per election, trimmed by retention;
//! - producers: batches in the accumulator and in flight, until answered
//!   or `delivery.timeout.ms` (records shared by every copy of a batch);
//!   per-partition sequence numbers; the moved keys of the last refresh;
//! - groups: at most 32 members, each buffering at most `max.poll.records`;
//!   offsets and positions per partition; Burrow's window of 10 commits per
//!   partition; 180 lag samples;
//! - the network: messages in flight and parked fetches, and timers: the
//!   work under way (every timeout is cancelled when its answer comes);
//! - ledgers for the picture: 200 lost records, 32 dropped messages
//!   (shared), 48 removals, 8 offset resets;
//! - events: held until the caller takes them ([`Sim::take_events`]; the
//!   timeline and the player take them every frame).

use std::mem::size_of;

use super::coordinator::GroupMessage;
use super::event::Event;
use super::log::{LogEntry, ReplicaLog, Segment};
use super::log_store::{ColdRun, ProducerBatch};
use super::network::{Body, Message};
use super::record::{Batch, Record};
use super::sim::{LostRecord, Sim, Timer};

/// What one entry of an ordered map costs beyond its key and value: a
/// share of its B-tree node (nodes hold up to 11 entries, often 2/3 full).
const MAP_ENTRY_OVERHEAD: usize = 16;

fn map_entries<K, V>(n: usize) -> usize {
    n * (size_of::<K>() + size_of::<V>() + MAP_ENTRY_OVERHEAD)
}

/// A batch's records: shared by its copies (counted with the producer's).
fn batch_bytes(b: &Batch, whole: bool) -> usize {
    if whole {
        b.records.len() * size_of::<Record>()
    } else {
        0
    }
}

fn body_bytes(body: &Body) -> usize {
    match body {
        Body::ReplicaFetchResponse { entries, .. } => {
            entries.runs.len() * size_of::<ColdRun>()
                + entries.entries.len() * size_of::<LogEntry>()
        }
        Body::FetchRequest { positions, .. } => positions.len() * 16,
        Body::FetchResponse {
            records,
            out_of_range,
        } => {
            records
                .iter()
                .map(|(_, r)| 32 + r.len() * size_of::<LogEntry>())
                .sum::<usize>()
                + out_of_range.len() * 48
        }
        Body::OffsetCommitRequest { offsets, .. } | Body::OffsetCommitResponse { offsets, .. } => {
            offsets.len() * 16
        }
        Body::Group(g) => group_message_bytes(g),
        _ => 0,
    }
}

fn group_message_bytes(g: &GroupMessage) -> usize {
    // Assignments and member lists: a few small vectors.
    match g {
        GroupMessage::JoinGroupResponse { members, .. } => members.len() * 64,
        GroupMessage::SyncGroupRequest { assignment, .. } => assignment.len() * 48,
        _ => 32,
    }
}

/// A log's bytes: all entries in full (`whole`) or only its unshared tail.
fn log_bytes(log: &ReplicaLog, whole: bool) -> usize {
    let (held, tail, chunks, _) = log.storage();
    let entries = if whole { held } else { tail };
    let runs: usize = log
        .cold_runs()
        .map(|r| size_of::<ColdRun>() + r.producer_batches.len() * size_of::<ProducerBatch>())
        .sum();
    size_of::<ReplicaLog>()
        + entries * size_of::<LogEntry>()
        + chunks * 24
        + runs
        + log.segments().len() * size_of::<Segment>()
        + log.epoch_starts().len() * 16
}

impl Sim {
    /// Estimated heap bytes this simulation holds (see the module doc):
    /// what one more timeline checkpoint costs once the live simulation has
    /// moved on from it (it shares part of it with the checkpoints next to
    /// it). The stress scene's is about 2.5 MB, the default scene's 2 MB.
    #[must_use]
    pub fn heap_estimate_bytes(&self) -> usize {
        self.estimate(true)
    }

    /// Estimated heap bytes a clone of this simulation adds at once,
    /// beyond what it shares with it (see the module doc). The stress
    /// scene's is about 0.5 MB.
    #[must_use]
    pub fn clone_estimate_bytes(&self) -> usize {
        self.estimate(false)
    }

    fn estimate(&self, whole: bool) -> usize {
        let mut bytes = size_of::<Sim>();
        for topic in &self.topics {
            bytes += topic.name.len();
            for p in &topic.partitions {
                bytes += p.replicas.len() * (4 + 4 + 8 + 64)
                    + p.waiting_acks.len() * 64
                    + p.logs.iter().map(|l| log_bytes(l, whole)).sum::<usize>();
                if whole {
                    // Records are shared by the replicas' copies: counted once.
                    let records = p.logs.iter().map(|l| l.entries().len()).max().unwrap_or(0);
                    bytes += records * (size_of::<Record>() + 16);
                }
            }
        }
        for p in &self.producers {
            bytes += 512
                + p.keys.len() * 16
                + p.accumulator
                    .values()
                    .flat_map(|q| q.iter())
                    .map(|b| 64 + batch_bytes(&b.batch, whole))
                    .sum::<usize>()
                + p.sent
                    .values()
                    .map(|s| 96 + batch_bytes(&s.batch, whole))
                    .sum::<usize>()
                + map_entries::<u64, (u64, u64)>(p.delivery_timer_count())
                + map_entries::<u32, u32>(p.next_sequence.len());
        }
        for g in self.groups.list() {
            bytes += 1024
                + map_entries::<u32, u64>(
                    g.committed.len() + g.processed_upto.len() + g.replay_until.len(),
                )
                + g.commit_windows
                    .values()
                    .map(|w| 32 + w.len() * 24)
                    .sum::<usize>()
                + g.lag_history.samples().len() * 16
                + g.view.members.len() * 128;
            for m in &g.members {
                bytes += 256
                    + m.buffer.len() * (8 + size_of::<LogEntry>())
                    + map_entries::<u32, u64>(m.positions.len())
                    + (m.assigned.len() + m.previous.len()) * 4
                    + m.inbox_len() * 64;
            }
        }
        let messages = self.net.in_flight_count() + self.parked.len();
        bytes += map_entries::<u64, usize>(messages)
            + messages * size_of::<Message>()
            + self
                .net
                .in_flight()
                .chain(self.parked.values().map(|m| &**m))
                .map(|m| body_bytes(&m.body))
                .sum::<usize>()
            + map_entries::<u64, (u64, u64)>(self.parked_expiry.len())
            + map_entries::<(u64, u64), Timer>(self.rt.timers.len())
            + self.rt.events.len() * size_of::<Event>()
            + self.lost.len() * size_of::<LostRecord>()
            + self.net.drop_count() * 24
            + self
                .retention
                .removals()
                .map(|r| 64 + r.records.len() * 24)
                .sum::<usize>()
            + self.groups.offset_resets().count() * 96
            + self.brokers.len() * 32
            + self.net.cut_link_count() * 32;
        bytes
    }
}
