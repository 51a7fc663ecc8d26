//! What brokers do with requests: leaders append produce batches and answer
//! by `acks`; followers fetch from leaders; the leader's high watermark is the
//! lowest LEO in the ISR (held while the ISR is below `min.insync.replicas`,
//! KAFKA.md §3); consumer fetches read below the HW and wait (long poll) when
//! there is nothing yet; the group coordinator stores committed offsets.

pub use super::vocab::fixed_settings::PRODUCE_REQUEST_TIMEOUT_MS;

use super::config::Acks;
use super::errors::ProduceError;
use super::event::EventKind;
use super::ids::{BatchId, BrokerId, MsgId, TopicPartition};
use super::network::{Body, Message, Node, OutOfRange};
use super::sim::{Sim, Timer};
use super::topic::WaitingAck;

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
            Body::OffsetsForLeaderEpochRequest { .. } => {
                self.handle_offsets_for_leader_epoch(b, msg)
            }
            Body::OffsetsForLeaderEpochResponse { .. } => self.follower_truncate(b, msg),
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
        let refuse = if part.leader != Some(b) {
            Some(ProduceError::NotLeaderOrFollower)
        } else if acks == Acks::All
            && part.isr.len() < self.topics[tp.topic.0 as usize].effective_min_isr()
        {
            // Checked before the append: nothing is written. Kafka's
            // `Partition.appendRecordsToLeader` compares with the effective
            // min ISR, min(min.insync.replicas, RF) (KAFKA-15583).
            Some(ProduceError::NotEnoughReplicas)
        } else if self.topics[tp.topic.0 as usize]
            .log_config
            .cleanup_policy
            .compacts()
            && batch.records.iter().any(|r| r.key.is_none())
        {
            // "Compacted topic cannot accept message without key".
            Some(ProduceError::InvalidRecord)
        } else {
            None
        };
        if let Some(error) = refuse {
            if acks != Acks::None {
                self.send(
                    Node::Broker(b),
                    msg.from,
                    Body::ProduceResponse {
                        batch: batch.id,
                        tp,
                        base_offset: 0,
                        records: batch.records.len() as u32,
                        error: Some(error),
                    },
                );
            }
            return;
        }
        let epoch = part.leader_epoch;
        // Idempotence (see idempotence.rs): a retry already appended is answered, not appended.
        if self.deduplicate(b, msg.from, &batch, acks) {
            return;
        }
        let duplicated = self.already_appended(b, &batch);
        // Each record's share of the batch's (compressed) bytes.
        let sizes = batch.entry_sizes();
        let now = self.rt.now_ms;
        let log = self
            .partition_mut(tp)
            .log_on_mut(b)
            .expect("leader is a replica");
        let (base, last) = log.append(&batch.records, epoch, batch.id, now, &sizes);
        self.note_rolls(tp, b);
        self.maybe_fold(tp, b);
        self.rt.totals.records_appended += batch.records.len() as u64;
        self.emit(EventKind::BatchAppended {
            batch: batch.id,
            broker: b,
            tp,
            base_offset: base,
            last_offset: last,
            leader_epoch: epoch,
        });
        if duplicated {
            self.count_duplicate(b, &batch);
        }
        let records = batch.records.len() as u32;
        match acks {
            Acks::None => {}
            Acks::Leader => {
                if let Some(log) = self.partition_mut(tp).log_on_mut(b) {
                    log.mark_acknowledged(base, last);
                }
                self.send(
                    Node::Broker(b),
                    msg.from,
                    Body::ProduceResponse {
                        batch: batch.id,
                        tp,
                        base_offset: base,
                        records,
                        error: None,
                    },
                );
            }
            Acks::All => {
                let timeout = self.schedule(
                    now.saturating_add(PRODUCE_REQUEST_TIMEOUT_MS),
                    Timer::ProduceTimeout(tp, batch.id),
                );
                self.partition_mut(tp).waiting_acks.push(WaitingAck {
                    producer: batch.producer,
                    batch: batch.id,
                    base_offset: base,
                    last_offset: last,
                    reply_to: msg.from,
                    timeout,
                });
            }
        }
        self.wake_parked(b, tp, true);
        self.advance_leader_high_watermark(tp);
    }

    /// The leader's HW: the lowest LEO among ISR members, not moving while
    /// `|ISR| < min(min.insync.replicas, replication factor)` (Kafka 3.7+).
    pub(crate) fn advance_leader_high_watermark(&mut self, tp: TopicPartition) {
        let need = self.topics[tp.topic.0 as usize].effective_min_isr();
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
        // Kafka's checkEnoughReplicasReachOffset: the HW passed the batch;
        // it succeeds if the ISR is still at least the effective min ISR.
        let min_insync = self.topics[tp.topic.0 as usize].effective_min_isr();
        let error = (self.partition(tp).isr.len() < min_insync)
            .then_some(ProduceError::NotEnoughReplicasAfterAppend);
        for w in done {
            self.cancel(w.timeout);
            if error.is_none() {
                if let Some(log) = self.partition_mut(tp).log_on_mut(leader) {
                    log.mark_acknowledged(w.base_offset, w.last_offset);
                }
            }
            self.send(
                Node::Broker(leader),
                w.reply_to,
                Body::ProduceResponse {
                    batch: w.batch,
                    tp,
                    base_offset: w.base_offset,
                    records: (w.last_offset - w.base_offset + 1) as u32,
                    error,
                },
            );
        }
        self.wake_parked(leader, tp, false);
    }

    /// Answers fetches parked at `b` for `tp`: follower fetches when the
    /// leader's log grew (`replicas`), consumer fetches when the HW moved.
    pub(crate) fn wake_parked(&mut self, b: BrokerId, tp: TopicPartition, replicas: bool) {
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
            if let Some(msg) = self.parked.remove(&id).map(|m| *m) {
                if let Some(key) = self.parked_expiry.remove(&id) {
                    self.cancel(key);
                }
                self.handle_fetch(b, msg, false);
            }
        }
    }

    /// An `acks=all` request waited `request.timeout.ms` without the HW
    /// passing it: answered `REQUEST_TIMED_OUT` (its records stay in the log).
    pub(crate) fn produce_timed_out(&mut self, tp: TopicPartition, batch: BatchId) {
        let part = self.partition_mut(tp);
        let Some(i) = part.waiting_acks.iter().position(|w| w.batch == batch) else {
            return;
        };
        let w = part.waiting_acks.remove(i);
        let Some(leader) = part.leader else {
            return;
        };
        self.send(
            Node::Broker(leader),
            w.reply_to,
            Body::ProduceResponse {
                batch,
                tp,
                base_offset: w.base_offset,
                records: (w.last_offset - w.base_offset + 1) as u32,
                error: Some(ProduceError::RequestTimedOut),
            },
        );
    }

    /// Holds a fetch at its broker until data arrives or `expires_at_ms`.
    pub(crate) fn park(&mut self, msg: Message, expires_at_ms: u64) {
        let key = self.schedule(expires_at_ms, Timer::FetchExpiry(msg.id));
        self.parked_expiry.insert(msg.id, key);
        self.parked.insert(msg.id, Box::new(msg));
    }

    pub(crate) fn answer_parked(&mut self, msg: Message) {
        if let Node::Broker(b) = msg.to {
            self.handle_fetch(b, msg, false);
        }
    }

    /// A fetch from a follower or a consumer. With nothing to return and
    /// `may_park`, the request waits at the broker (long poll).
    pub(crate) fn handle_fetch(&mut self, b: BrokerId, msg: Message, may_park: bool) {
        let now = self.rt.now_ms;
        match &msg.body {
            Body::ReplicaFetchRequest { .. } => self.handle_replica_fetch(b, msg, may_park),
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
                    if *from < log.log_start_offset() || *from > log.log_end_offset() {
                        out_of_range.push(OutOfRange {
                            tp: *tp,
                            fetch_offset: *from,
                            log_start_offset: log.log_start_offset(),
                            high_watermark: log.high_watermark(),
                            log_end_offset: log.log_end_offset(),
                        });
                        continue;
                    }
                    let got = log.read(*from, log.high_watermark(), left);
                    left -= got.len();
                    records.push((*tp, got));
                }
                let total: usize = records.iter().map(|(_, r)| r.len()).sum();
                if total == 0 && out_of_range.is_empty() && may_park {
                    let wait = self.groups.list()[group.0 as usize]
                        .config
                        .fetch_max_wait_ms;
                    self.park(msg, now.saturating_add(wait));
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
}
