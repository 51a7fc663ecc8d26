//! Replication: followers fetch from their leader, one request at a time.
//! After every leader change a follower first asks the leader where its last
//! epoch ended (`OffsetsForLeaderEpoch`, KIP-101/279) and truncates what the
//! leader does not have; then it fetches from its LEO. The leader learns each
//! follower's LEO from its fetch offset, tracks when it last caught up (for
//! ISR shrink, see `failure.rs`), takes it back into the ISR once it reaches
//! the HW, and advances the HW.

pub use super::vocab::fixed_settings::{
    REPLICA_FETCH_MAX_RECORDS, REPLICA_FETCH_WAIT_MAX_MS, REPLICA_SOCKET_TIMEOUT_MS,
};

use super::event::{EventKind, IsrChange};
use super::ids::{BrokerId, MsgId, TopicPartition};
use super::log_store::LogSlice;
use super::network::{Body, Message, Node};
use super::sim::{Sim, Timer};

impl Sim {
    fn replica_index(&self, tp: TopicPartition, b: BrokerId) -> Option<usize> {
        self.partition(tp).replicas.iter().position(|r| *r == b)
    }

    /// A follower sends its next request to the partition's leader: an
    /// epoch query after a leader change, a fetch otherwise.
    pub(crate) fn send_replica_fetch(&mut self, tp: TopicPartition, follower: BrokerId) {
        let Some(i) = self.replica_index(tp, follower) else {
            return;
        };
        let part = self.partition(tp);
        let Some(leader) = part.leader else {
            return;
        };
        if leader == follower
            || !self.broker_alive(follower)
            || part.followers[i].fetch_in_flight.is_some()
        {
            return;
        }
        let epoch = part.leader_epoch;
        let log = &part.logs[i];
        let needs_epoch_check = part.followers[i].truncated_for_epoch != Some(epoch);
        let body = match (needs_epoch_check, log.latest_epoch()) {
            (true, Some(own_epoch)) => Body::OffsetsForLeaderEpochRequest {
                tp,
                epoch: own_epoch,
                leader_epoch: epoch,
            },
            _ => Body::ReplicaFetchRequest {
                tp,
                fetch_offset: log.log_end_offset(),
                leader_epoch: epoch,
            },
        };
        if needs_epoch_check && log.latest_epoch().is_none() {
            // An empty log has nothing to truncate.
            self.partition_mut(tp).followers[i].truncated_for_epoch = Some(epoch);
        }
        let msg = self.send(Node::Broker(follower), Node::Broker(leader), body);
        let timeout = self.schedule(
            self.rt.now_ms.saturating_add(REPLICA_SOCKET_TIMEOUT_MS),
            Timer::ReplicaFetchTimeout(tp, follower, msg),
        );
        let st = &mut self.partition_mut(tp).followers[i];
        st.fetch_in_flight = Some(msg);
        st.fetch_timeout = Some(timeout);
    }

    /// No answer in time (the request or its answer was dropped): ask again.
    pub(crate) fn replica_fetch_timed_out(
        &mut self,
        tp: TopicPartition,
        follower: BrokerId,
        msg: MsgId,
    ) {
        let Some(i) = self.replica_index(tp, follower) else {
            return;
        };
        if self.partition(tp).followers[i].fetch_in_flight == Some(msg) {
            let st = &mut self.partition_mut(tp).followers[i];
            st.fetch_in_flight = None;
            st.fetch_timeout = None;
            self.send_replica_fetch(tp, follower);
        }
    }

    /// Takes an answer addressed to a follower's fetcher; `false` if it is
    /// stale (an older request, or an older leader epoch).
    fn accept_answer(
        &mut self,
        tp: TopicPartition,
        follower: BrokerId,
        msg: MsgId,
        leader_epoch: u32,
    ) -> Option<usize> {
        let i = self.replica_index(tp, follower)?;
        let part = self.partition_mut(tp);
        if part.followers[i].fetch_in_flight != Some(msg) {
            return None;
        }
        part.followers[i].fetch_in_flight = None;
        if let Some(key) = part.followers[i].fetch_timeout.take() {
            self.cancel(key);
        }
        let part = self.partition_mut(tp);
        if leader_epoch != part.leader_epoch || part.leader == Some(follower) {
            // Metadata moved on: start over with the current leader.
            let now = self.rt.now_ms;
            self.schedule(now, Timer::ReplicaFetch(tp, follower));
            return None;
        }
        Some(i)
    }

    /// The leader answers a follower's fetch (or holds it, long poll).
    pub(crate) fn handle_replica_fetch(&mut self, b: BrokerId, msg: Message, may_park: bool) {
        let Body::ReplicaFetchRequest {
            tp,
            fetch_offset,
            leader_epoch,
        } = msg.body
        else {
            return;
        };
        let Node::Broker(follower) = msg.from else {
            return;
        };
        let now = self.rt.now_ms;
        let part = self.partition(tp);
        let current = part.leader_epoch;
        if part.leader != Some(b) || leader_epoch != current {
            // NOT_LEADER_OR_FOLLOWER / FENCED_LEADER_EPOCH: an empty answer
            // carrying the current epoch sends the follower back to metadata.
            self.send(
                Node::Broker(b),
                msg.from,
                Body::ReplicaFetchResponse {
                    in_reply_to: msg.id,
                    tp,
                    entries: LogSlice::default(),
                    leader_high_watermark: 0,
                    leader_epoch: current,
                    leader_log_start_offset: 0,
                    offset_out_of_range: false,
                },
            );
            return;
        }
        let Some(i) = self.replica_index(tp, follower) else {
            return;
        };
        let leader_log_start_offset = part.leader_log().map_or(0, |l| l.log_start_offset());
        if fetch_offset < leader_log_start_offset {
            // OFFSET_OUT_OF_RANGE: retention deleted what the follower needs next.
            let leader_high_watermark = part.leader_log().map_or(0, |l| l.high_watermark());
            self.send(
                Node::Broker(b),
                msg.from,
                Body::ReplicaFetchResponse {
                    in_reply_to: msg.id,
                    tp,
                    entries: LogSlice::default(),
                    leader_high_watermark,
                    leader_epoch: current,
                    leader_log_start_offset,
                    offset_out_of_range: true,
                },
            );
            return;
        }
        let leader_leo = part.leader_log().map_or(0, |l| l.log_end_offset());
        let leader_hw = part.leader_log().map_or(0, |l| l.high_watermark());
        let epoch_start = part
            .leader_log()
            .and_then(|l| l.epoch_starts().last().map(|(_, s)| *s))
            .unwrap_or(0);
        // Kafka's lastCaughtUpTimeMs: caught up to the LEO now, or to the LEO
        // the leader had at the previous fetch.
        let p = self.partition_mut(tp);
        p.remote_leo[i] = fetch_offset;
        p.followers[i].record_fetch(fetch_offset, leader_leo, now);
        // Back into the ISR once caught up with the HW (and the current epoch).
        // The controller only accepts live, unfenced brokers into the ISR.
        let usable = self
            .brokers
            .iter()
            .any(|x| x.id == follower && x.alive && !x.fenced);
        let p = self.partition_mut(tp);
        let rejoin = usable
            && !p.isr.contains(&follower)
            && fetch_offset >= leader_hw
            && fetch_offset >= epoch_start;
        if rejoin {
            let mut isr = p.isr.clone();
            isr.push(follower);
            let order = p.replicas.clone();
            isr.sort_by_key(|r| order.iter().position(|x| x == r));
            self.set_isr(tp, isr, IsrChange::CaughtUp);
        }
        self.advance_leader_high_watermark(tp);
        let log = self
            .partition_mut(tp)
            .log_on_mut(b)
            .expect("leader is a replica");
        let entries = log.read_slice(
            fetch_offset,
            log.log_end_offset(),
            REPLICA_FETCH_MAX_RECORDS,
        );
        let leader_high_watermark = log.high_watermark();
        let leader_log_start_offset = log.log_start_offset();
        if entries.is_empty() && may_park {
            self.park(msg, now.saturating_add(REPLICA_FETCH_WAIT_MAX_MS));
            return;
        }
        self.send(
            Node::Broker(b),
            msg.from,
            Body::ReplicaFetchResponse {
                in_reply_to: msg.id,
                tp,
                entries,
                leader_high_watermark,
                leader_epoch: current,
                leader_log_start_offset,
                offset_out_of_range: false,
            },
        );
    }

    pub(crate) fn follower_append(&mut self, b: BrokerId, msg: Message) {
        let Body::ReplicaFetchResponse {
            in_reply_to,
            tp,
            entries,
            leader_high_watermark,
            leader_epoch,
            leader_log_start_offset,
            offset_out_of_range,
        } = msg.body
        else {
            return;
        };
        let Some(i) = self.accept_answer(tp, b, in_reply_to, leader_epoch) else {
            return;
        };
        let now = self.rt.now_ms;
        if offset_out_of_range {
            self.follower_out_of_range(tp, b, leader_log_start_offset);
            self.schedule(now, Timer::ReplicaFetch(tp, b));
            return;
        }
        let log = &mut self.partition_mut(tp).logs[i];
        let added = log.append_slice(&entries, now);
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
        self.note_rolls(tp, b);
        self.maybe_fold(tp, b);
        if moved {
            self.emit(EventKind::HighWatermarkAdvanced {
                tp,
                broker: b,
                high_watermark,
            });
        }
        self.follow_leader_log_start(tp, b, leader_log_start_offset);
        // Fetch again at once: the next request also tells the leader our new LEO.
        self.schedule(now, Timer::ReplicaFetch(tp, b));
    }

    pub(crate) fn handle_offsets_for_leader_epoch(&mut self, b: BrokerId, msg: Message) {
        let Body::OffsetsForLeaderEpochRequest { tp, epoch, .. } = msg.body else {
            return;
        };
        let part = self.partition(tp);
        let epoch_end = if part.leader == Some(b) {
            part.log_on(b).and_then(|l| l.end_offset_for_epoch(epoch))
        } else {
            None
        };
        let leader_epoch = part.leader_epoch;
        self.send(
            Node::Broker(b),
            msg.from,
            Body::OffsetsForLeaderEpochResponse {
                in_reply_to: msg.id,
                tp,
                epoch_end,
                leader_epoch,
            },
        );
    }

    /// The follower truncates to where the leader says its epoch ended (never
    /// past its own end of that epoch), then starts fetching.
    pub(crate) fn follower_truncate(&mut self, b: BrokerId, msg: Message) {
        let Body::OffsetsForLeaderEpochResponse {
            in_reply_to,
            tp,
            epoch_end,
            leader_epoch,
        } = msg.body
        else {
            return;
        };
        let Some(i) = self.accept_answer(tp, b, in_reply_to, leader_epoch) else {
            return;
        };
        let log = &self.partition(tp).logs[i];
        let from = log.log_end_offset();
        let to = match epoch_end {
            Some((epoch, leader_end)) => {
                let own_end = log.end_offset_for_epoch(epoch).map_or(from, |(_, end)| end);
                leader_end.min(own_end)
            }
            // The leader knows no epoch this old: keep what is committed.
            None => log.high_watermark(),
        };
        let p = self.partition_mut(tp);
        p.logs[i].truncate_records_to(to);
        p.followers[i].truncated_for_epoch = Some(leader_epoch);
        let to = p.logs[i].log_end_offset();
        if to < from {
            self.emit(EventKind::FollowerTruncated {
                tp,
                broker: b,
                from_offset: from,
                to_offset: to,
            });
        }
        self.schedule(self.rt.now_ms, Timer::ReplicaFetch(tp, b));
    }
}
