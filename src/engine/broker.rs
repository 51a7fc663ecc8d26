//! What brokers do with requests: leaders append produce batches and answer
//! by `acks`; followers fetch from leaders; the leader's high watermark is the
//! lowest LEO in the ISR (held while the ISR is below `min.insync.replicas`,
//! KAFKA.md §3); consumer fetches read below the HW and wait (long poll) when
//! there is nothing yet; the group coordinator stores committed offsets.

use super::config::Acks;
use super::event::EventKind;
use super::ids::{BrokerId, MsgId, TopicPartition};
use super::network::{Body, Message, Node};
use super::sim::{Sim, Timer};
use super::topic::WaitingAck;

/// `replica.fetch.wait.max.ms`: how long a leader holds a follower's empty fetch.
pub const REPLICA_FETCH_WAIT_MAX_MS: u64 = 500;

impl Sim {
    pub(crate) fn broker_receive(&mut self, b: BrokerId, msg: Message) {
        if !self.broker_alive(b) {
            return;
        }
        match &msg.body {
            Body::ProduceRequest { .. } => self.handle_produce(b, msg),
            Body::ReplicaFetchRequest { .. } | Body::FetchRequest { .. } => {
                self.handle_fetch(b, msg, true)
            }
            Body::ReplicaFetchResponse { .. } => self.follower_append(b, msg),
            Body::OffsetCommitRequest { .. } => self.handle_offset_commit(b, msg),
            Body::Group(_) => self.coordinator_receive(b, msg),
            Body::ProduceResponse { .. }
            | Body::FetchResponse { .. }
            | Body::OffsetCommitResponse { .. } => {}
        }
    }

    fn handle_produce(&mut self, b: BrokerId, msg: Message) {
        let Body::ProduceRequest { batch, acks } = msg.body else {
            return;
        };
        let tp = batch.tp;
        let part = self.partition(tp);
        if part.leader != Some(b) {
            return;
        }
        let epoch = part.leader_epoch;
        let sizes: Vec<u32> = batch
            .records
            .iter()
            .enumerate()
            .map(|(i, r)| {
                r.size_in_batch(i as u32, r.timestamp_ms.saturating_sub(batch.created_at_ms))
            })
            .collect();
        let now = self.now_ms;
        let log = self
            .partition_mut(tp)
            .log_on_mut(b)
            .expect("leader is a replica");
        let (base, last) = log.append(&batch.records, epoch, batch.id, now, &sizes);
        self.totals.records_appended += batch.records.len() as u64;
        self.emit(EventKind::BatchAppended {
            batch: batch.id,
            broker: b,
            tp,
            base_offset: base,
            last_offset: last,
            leader_epoch: epoch,
        });
        let records = batch.records.len() as u32;
        match acks {
            Acks::None => {}
            Acks::Leader => {
                self.send(
                    Node::Broker(b),
                    msg.from,
                    Body::ProduceResponse {
                        batch: batch.id,
                        tp,
                        base_offset: base,
                        records,
                    },
                );
            }
            Acks::All => self.partition_mut(tp).waiting_acks.push(WaitingAck {
                producer: batch.producer,
                batch: batch.id,
                base_offset: base,
                last_offset: last,
            }),
        }
        self.wake_parked(b, tp, true);
        self.advance_leader_high_watermark(tp);
    }

    /// The leader's HW: the lowest LEO among ISR members, not moving while
    /// `|ISR| < min(min.insync.replicas, replication factor)` (Kafka 3.7+).
    pub(crate) fn advance_leader_high_watermark(&mut self, tp: TopicPartition) {
        let topic = &self.topics[tp.topic.0 as usize];
        let need = topic.min_insync_replicas.min(topic.replication_factor) as usize;
        let part = self.partition(tp);
        let Some(leader) = part.leader else {
            return;
        };
        if part.isr.len() < need {
            return;
        }
        let hw = part
            .isr
            .iter()
            .filter_map(|isr| {
                let i = part.replicas.iter().position(|r| r == isr)?;
                Some(if *isr == leader {
                    part.logs[i].log_end_offset()
                } else {
                    part.remote_leo[i]
                })
            })
            .min()
            .unwrap_or(0);
        let moved = self
            .partition_mut(tp)
            .log_on_mut(leader)
            .is_some_and(|log| log.advance_high_watermark(hw));
        if !moved {
            return;
        }
        let high_watermark = self
            .partition(tp)
            .log_on(leader)
            .map_or(0, |l| l.high_watermark());
        self.emit(EventKind::HighWatermarkAdvanced {
            tp,
            broker: leader,
            high_watermark,
        });
        let (done, waiting): (Vec<WaitingAck>, Vec<WaitingAck>) =
            std::mem::take(&mut self.partition_mut(tp).waiting_acks)
                .into_iter()
                .partition(|w| w.last_offset < high_watermark);
        self.partition_mut(tp).waiting_acks = waiting;
        for w in done {
            self.send(
                Node::Broker(leader),
                Node::Producer(w.producer),
                Body::ProduceResponse {
                    batch: w.batch,
                    tp,
                    base_offset: w.base_offset,
                    records: (w.last_offset - w.base_offset + 1) as u32,
                },
            );
        }
        self.wake_parked(leader, tp, false);
    }

    /// Answers fetches parked at `b` for `tp`: follower fetches when the
    /// leader's log grew (`replicas`), consumer fetches when the HW moved.
    fn wake_parked(&mut self, b: BrokerId, tp: TopicPartition, replicas: bool) {
        let ids: Vec<MsgId> = self
            .parked
            .values()
            .filter(|m| m.to == Node::Broker(b))
            .filter(|m| match &m.body {
                Body::ReplicaFetchRequest { tp: t, .. } => replicas && *t == tp,
                Body::FetchRequest { positions, .. } => {
                    !replicas && positions.iter().any(|(t, _)| *t == tp)
                }
                _ => false,
            })
            .map(|m| m.id)
            .collect();
        for id in ids {
            if let Some(msg) = self.parked.remove(&id) {
                self.timers.retain(|_, t| *t != Timer::FetchExpiry(id));
                self.handle_fetch(b, msg, false);
            }
        }
    }

    pub(crate) fn answer_parked(&mut self, msg: Message) {
        if let Node::Broker(b) = msg.to {
            self.handle_fetch(b, msg, false);
        }
    }

    /// A fetch from a follower or a consumer. With nothing to return and
    /// `may_park`, the request waits at the broker (long poll).
    fn handle_fetch(&mut self, b: BrokerId, msg: Message, may_park: bool) {
        let now = self.now_ms;
        match &msg.body {
            Body::ReplicaFetchRequest { tp, fetch_offset } => {
                let (tp, fetch_offset) = (*tp, *fetch_offset);
                let part = self.partition(tp);
                if part.leader != Some(b) {
                    return;
                }
                let Node::Broker(follower) = msg.from else {
                    return;
                };
                // The fetch offset tells the leader the follower's LEO.
                if let Some(i) = part.replicas.iter().position(|r| *r == follower) {
                    self.partition_mut(tp).remote_leo[i] = fetch_offset;
                }
                self.advance_leader_high_watermark(tp);
                let log = self.partition(tp).log_on(b).expect("leader is a replica");
                let entries = log.read(fetch_offset, log.log_end_offset(), 500);
                let leader_high_watermark = log.high_watermark();
                if entries.is_empty() && may_park {
                    self.schedule(now + REPLICA_FETCH_WAIT_MAX_MS, Timer::FetchExpiry(msg.id));
                    self.parked.insert(msg.id, msg);
                    return;
                }
                self.send(
                    Node::Broker(b),
                    msg.from,
                    Body::ReplicaFetchResponse {
                        tp,
                        entries,
                        leader_high_watermark,
                    },
                );
            }
            Body::FetchRequest {
                group,
                positions,
                max_records,
            } => {
                let mut left = *max_records as usize;
                let mut records = Vec::new();
                let mut out_of_range = Vec::new();
                for (tp, from) in positions {
                    let part = self.partition(*tp);
                    if part.leader != Some(b) {
                        continue;
                    }
                    let log = part.log_on(b).expect("leader is a replica");
                    // Below the log start or past the LEO: OFFSET_OUT_OF_RANGE.
                    // Between the HW and the LEO: nothing yet, no error.
                    if *from < log.log_start_offset() || *from > log.log_end_offset() {
                        out_of_range.push(*tp);
                        continue;
                    }
                    let got = log.read(*from, log.high_watermark(), left);
                    left -= got.len();
                    records.push((*tp, got));
                }
                let total: usize = records.iter().map(|(_, r)| r.len()).sum();
                if total == 0 && out_of_range.is_empty() && may_park {
                    let wait = self.groups[group.0 as usize].config.fetch_max_wait_ms;
                    self.schedule(now + wait, Timer::FetchExpiry(msg.id));
                    self.parked.insert(msg.id, msg);
                    return;
                }
                let Node::Member(member) = msg.from else {
                    return;
                };
                let reply = self.send(
                    Node::Broker(b),
                    msg.from,
                    Body::FetchResponse {
                        records,
                        out_of_range,
                    },
                );
                self.emit(EventKind::FetchAnswered {
                    msg: reply,
                    member,
                    broker: b,
                    records: total as u32,
                });
            }
            _ => {}
        }
    }

    /// A follower sends its next fetch to the partition's leader.
    pub(crate) fn send_replica_fetch(&mut self, tp: TopicPartition, follower: BrokerId) {
        let part = self.partition(tp);
        let Some(leader) = part.leader else {
            return;
        };
        if leader == follower || !self.broker_alive(follower) {
            return;
        }
        let Some(log) = part.log_on(follower) else {
            return;
        };
        let fetch_offset = log.log_end_offset();
        self.send(
            Node::Broker(follower),
            Node::Broker(leader),
            Body::ReplicaFetchRequest { tp, fetch_offset },
        );
    }

    fn follower_append(&mut self, b: BrokerId, msg: Message) {
        let Body::ReplicaFetchResponse {
            tp,
            entries,
            leader_high_watermark,
        } = msg.body
        else {
            return;
        };
        let now = self.now_ms;
        let Some(log) = self.partition_mut(tp).log_on_mut(b) else {
            return;
        };
        let added = log.append_copies(&entries, now);
        let leo = log.log_end_offset();
        let moved = log.advance_high_watermark(leader_high_watermark.min(leo));
        let high_watermark = log.high_watermark();
        if added > 0 {
            self.emit(EventKind::ReplicaCopied {
                broker: b,
                tp,
                first_offset: leo - added as u64,
                last_offset: leo - 1,
            });
        }
        if moved {
            self.emit(EventKind::HighWatermarkAdvanced {
                tp,
                broker: b,
                high_watermark,
            });
        }
        // Fetch again at once: the next request also tells the leader our new LEO.
        self.schedule(now, Timer::ReplicaFetch(tp, b));
    }

    /// The coordinator checks the member and its generation, stores the
    /// offsets in `__consumer_offsets` and records them for Burrow.
    fn handle_offset_commit(&mut self, b: BrokerId, msg: Message) {
        let Body::OffsetCommitRequest {
            group,
            generation,
            offsets,
            sync,
        } = msg.body
        else {
            return;
        };
        let Node::Member(member) = msg.from else {
            return;
        };
        let g = group.0 as usize;
        if self.groups[g].coordinator != b {
            return;
        }
        if let Some(error) = self.commit_error(g, member, generation) {
            self.send(
                Node::Broker(b),
                msg.from,
                Body::OffsetCommitResponse {
                    offsets: Vec::new(),
                    error: Some(error),
                    sync,
                },
            );
            return;
        }
        for (tp, offset) in &offsets {
            self.groups[g].committed.insert(tp.partition, *offset);
            self.record_commit_sample(group, tp.partition, *offset);
        }
        for (tp, offset) in &offsets {
            self.emit(EventKind::OffsetCommitted {
                group,
                member,
                tp: *tp,
                offset: *offset,
            });
        }
        self.send(
            Node::Broker(b),
            msg.from,
            Body::OffsetCommitResponse {
                offsets,
                error: None,
                sync,
            },
        );
    }
}
