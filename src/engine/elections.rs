//! The KRaft controller's decisions on partitions: ISR changes, leader
//! elections (first live in-sync replica in assignment order; an
//! out-of-sync one only with `unclean.leader.election.enable`), the periodic
//! ISR check, moving leadership back to preferred replicas, and the ledger
//! of which records a leader change lost and why. (Brokers stopping,
//! crashing, fencing and links are in `failure.rs`.)

use super::errors::{LossReason, ProduceError};
use super::event::{ElectionKind, EventKind, IsrChange};
use super::ids::{BrokerId, TopicPartition};
use super::log_store::unknown_record;
use super::network::{Body, Node};
use super::sim::{LostRecord, Sim, Timer, LOST_KEPT};
use super::vocab::fixed_settings::{
    LEADER_IMBALANCE_CHECK_INTERVAL_MS, LEADER_IMBALANCE_PER_BROKER_PERCENTAGE,
    UNCLEAN_LEADER_ELECTION_CHECK_INTERVAL_MS,
};

impl Sim {
    pub(super) fn record_losses(
        &mut self,
        tp: TopicPartition,
        lost: Vec<LostRecord>,
        reason: LossReason,
    ) {
        let records = lost.len() as u64;
        let acknowledged = lost.iter().filter(|l| l.acknowledged).count() as u64;
        self.record_loss_counts(tp, records, acknowledged, lost, reason);
    }

    /// Counts and tells `records` lost records (`acknowledged` of them
    /// acknowledged); `ledger` holds those the picture keeps (the newest).
    fn record_loss_counts(
        &mut self,
        tp: TopicPartition,
        records: u64,
        acknowledged: u64,
        ledger: Vec<LostRecord>,
        reason: LossReason,
    ) {
        if records == 0 {
            return;
        }
        self.rt.totals.records_lost += records;
        self.rt.totals.acknowledged_lost += acknowledged;
        self.emit(EventKind::RecordsLost {
            tp,
            records: records as u32,
            acknowledged: acknowledged as u32,
            reason,
        });
        for l in ledger {
            if self.lost.len() == LOST_KEPT {
                self.lost.pop_front();
            }
            self.lost.push_back(l);
        }
    }

    pub(crate) fn set_isr(
        &mut self,
        tp: TopicPartition,
        isr: Vec<super::ids::BrokerId>,
        reason: IsrChange,
    ) {
        if self.partition(tp).isr == isr {
            return;
        }
        self.partition_mut(tp).isr = isr.clone();
        self.emit(EventKind::IsrChanged { tp, isr, reason });
    }

    /// The controller picks a leader for `tp`: the first replica in
    /// assignment order that is alive, unfenced and in the ISR; failing
    /// that, with unclean election enabled, the first alive one; else none.
    pub(crate) fn elect_leader(&mut self, tp: TopicPartition) {
        let usable = |sim: &Sim, b: BrokerId| {
            sim.brokers
                .iter()
                .any(|x| x.id == b && x.alive && !x.fenced)
        };
        let part = self.partition(tp);
        let clean = part
            .replicas
            .iter()
            .copied()
            .find(|r| part.isr.contains(r) && usable(self, *r));
        if let Some(leader) = clean {
            if part.leader != Some(leader) {
                self.set_leader(tp, Some(leader), ElectionKind::Clean);
            }
            return;
        }
        let unclean_allowed = self.topics[tp.topic.0 as usize].unclean_leader_election_enable;
        let any = part.replicas.iter().copied().find(|r| usable(self, *r));
        match any {
            Some(leader) if unclean_allowed => {
                self.set_leader(tp, Some(leader), ElectionKind::Unclean);
                self.set_isr(tp, vec![leader], IsrChange::BrokerGone);
            }
            _ => {
                if part.leader.is_some() {
                    self.set_leader(tp, None, ElectionKind::Offline);
                }
            }
        }
    }

    fn set_leader(&mut self, tp: TopicPartition, new: Option<BrokerId>, kind: ElectionKind) {
        let now = self.rt.now_ms;
        let old = self.partition(tp).leader;
        let old_alive = old.is_some_and(|b| self.broker_alive(b));
        // The old leader answers what waited in its purgatory, if it can.
        let waiting = std::mem::take(&mut self.partition_mut(tp).waiting_acks);
        for w in &waiting {
            self.cancel(w.timeout);
        }
        if let (Some(old_leader), true) = (old, old_alive) {
            for w in waiting {
                self.send(
                    Node::Broker(old_leader),
                    w.reply_to,
                    Body::ProduceResponse {
                        batch: w.batch,
                        tp,
                        base_offset: w.base_offset,
                        records: (w.last_offset - w.base_offset + 1) as u32,
                        error: Some(ProduceError::NotLeaderOrFollower),
                    },
                );
            }
        }
        let part = self.partition_mut(tp);
        let previous = old.or(part.last_leader);
        part.leader_epoch += 1;
        part.leader = new;
        if new.is_some() {
            part.last_leader = new;
        }
        let epoch = part.leader_epoch;
        self.emit(EventKind::LeaderElected {
            tp,
            leader: new,
            leader_epoch: epoch,
            kind,
        });
        let Some(leader) = new else {
            return;
        };
        // What the previous leader had that the new one lacks is lost.
        if let Some(prev) = previous.filter(|p| *p != leader) {
            self.account_losses(tp, prev, leader, kind);
        }
        let part = self.partition_mut(tp);
        let li = part
            .replicas
            .iter()
            .position(|r| *r == leader)
            .expect("replica");
        let leo = part.logs[li].log_end_offset();
        part.logs[li].note_epoch(epoch, leo);
        for (i, st) in part.followers.iter_mut().enumerate() {
            st.fetch_in_flight = None;
            st.truncated_for_epoch = None;
            st.reset_for_new_leader(leo, now);
            part.remote_leo[i] = 0;
        }
        part.followers[li].truncated_for_epoch = Some(epoch);
        let followers: Vec<BrokerId> = part
            .replicas
            .iter()
            .copied()
            .filter(|r| *r != leader)
            .collect();
        for f in followers {
            if self.broker_alive(f) {
                self.schedule(now, Timer::ReplicaFetch(tp, f));
            }
        }
        // Consumer fetches parked at the old leader get an (empty) answer now.
        if let Some(old_leader) = old.filter(|_| old_alive) {
            let ids: Vec<_> = self
                .parked
                .values()
                .filter(|m| m.to == Node::Broker(old_leader))
                .filter(|m| matches!(&m.body, Body::FetchRequest { positions, .. } if positions.iter().any(|(t, _)| *t == tp)))
                .map(|m| m.id)
                .collect();
            for id in ids {
                if let Some(msg) = self.parked.remove(&id) {
                    self.answer_parked(*msg);
                }
            }
        }
        self.advance_leader_high_watermark(tp);
    }

    /// Records on `prev`'s log that `leader`'s log does not have (compared by
    /// record id from the new leader's HW on) are lost for ever.
    fn account_losses(
        &mut self,
        tp: TopicPartition,
        prev: BrokerId,
        leader: BrokerId,
        kind: ElectionKind,
    ) {
        let part = self.partition(tp);
        let (Some(old_log), Some(new_log)) = (part.log_on(prev), part.log_on(leader)) else {
            return;
        };
        let reason = if kind == ElectionKind::Unclean {
            LossReason::UncleanElection
        } else {
            LossReason::NotOnNewLeader
        };
        let from = new_log.high_watermark().min(old_log.log_end_offset());
        let now = self.rt.now_ms;
        // Records held only as counts on the old leader: a record is on the
        // new leader if the new leader holds the same offset from the same
        // leader epoch (one leader writes each epoch). Their acknowledgements
        // are counted per run; lost ones are apportioned (exact when a run's
        // records were all acknowledged or none were, as with one producer).
        let (mut cold_lost, mut cold_discarded) = (0u64, 0u64);
        let mut cold_ledger: Vec<LostRecord> = Vec::new();
        let placeholder = unknown_record();
        for run in old_log.cold_runs().filter(|r| r.end_offset > from) {
            let a = from.max(run.first_offset);
            let kept = new_log.records_in_epoch(a, run.end_offset, run.leader_epoch);
            let gone = run.end_offset - a - kept;
            if gone == 0 {
                continue;
            }
            let acked = (u128::from(run.acknowledged) * u128::from(gone)
                / u128::from(run.records())) as u64;
            cold_lost += acked;
            cold_discarded += gone - acked;
            let newest: Vec<u64> = (a..run.end_offset)
                .rev()
                .filter(|o| new_log.epoch_at(*o) != Some(run.leader_epoch))
                .take(acked.min(LOST_KEPT as u64) as usize)
                .collect();
            cold_ledger.extend(newest.into_iter().rev().map(|offset| LostRecord {
                tp,
                offset,
                record: (*placeholder).clone(),
                acknowledged: true,
                reason,
                at_ms: now,
            }));
        }
        let lost: Vec<LostRecord> = old_log
            .entries()
            .filter(|e| e.offset >= from)
            .filter(|e| match new_log.get(e.offset) {
                Some(n) => n.record.id != e.record.id,
                None => new_log.epoch_at(e.offset) != Some(e.leader_epoch),
            })
            .filter(|e| !self.lost.iter().any(|l| l.record.id == e.record.id))
            .map(|e| LostRecord {
                tp,
                offset: e.offset,
                record: (*e.record).clone(),
                acknowledged: e.acknowledged,
                reason,
                at_ms: now,
            })
            .collect();
        // Records never acknowledged are not lost to the producer: it has no
        // answer for them and sends them again. Only acknowledged ones are.
        let (lost, discarded): (Vec<LostRecord>, Vec<LostRecord>) =
            lost.into_iter().partition(|l| l.acknowledged);
        let discarded = discarded.len() as u64 + cold_discarded;
        if discarded > 0 {
            self.emit(EventKind::RecordsDiscarded {
                tp,
                records: discarded as u32,
            });
        }
        let records = lost.len() as u64 + cold_lost;
        let mut ledger = cold_ledger;
        ledger.extend(lost);
        self.record_loss_counts(tp, records, records, ledger, reason);
    }

    /// Every `replica.lag.time.max.ms / 2`, each live leader drops from the
    /// ISR the followers that are not caught up (Kafka's `Replica.isCaughtUp`:
    /// behind the leader's LEO and not caught up for `replica.lag.time.max.ms`).
    pub(crate) fn isr_check(&mut self) {
        let now = self.rt.now_ms;
        let lag_max = self.config.replica_lag_time_max_ms;
        for tp in self.all_partitions() {
            let part = self.partition(tp);
            let Some(leader) = part.leader.filter(|l| self.broker_alive(*l)) else {
                continue;
            };
            let leader_leo = part.leader_log().map_or(0, |l| l.log_end_offset());
            let keep: Vec<BrokerId> = part
                .isr
                .iter()
                .copied()
                .filter(|r| {
                    *r == leader || {
                        let i = part.replicas.iter().position(|x| x == r).expect("replica");
                        !part.followers[i].lagging(leader_leo, now, lag_max)
                    }
                })
                .collect();
            if keep.len() < part.isr.len() {
                self.set_isr(tp, keep, IsrChange::LaggingFollower);
                self.advance_leader_high_watermark(tp);
            }
        }
        let next = now.saturating_add(self.isr_check_interval_ms());
        self.schedule(next, Timer::IsrCheck);
        if now > 0 && now % LEADER_IMBALANCE_CHECK_INTERVAL_MS < self.isr_check_interval_ms() {
            self.auto_leader_rebalance();
        }
    }

    /// The KRaft controller's periodic unclean election
    /// (`QuorumController.maybeScheduleNextElectUncleanLeaders`, every
    /// 5 minutes): every offline partition of a topic with
    /// `unclean.leader.election.enable` gets a leader if a replica is alive.
    pub(crate) fn unclean_election_check(&mut self) {
        for tp in self.all_partitions() {
            if self.partition(tp).leader.is_none()
                && self.topics[tp.topic.0 as usize].unclean_leader_election_enable
            {
                self.elect_leader(tp);
            }
        }
        let next = self
            .rt
            .now_ms
            .saturating_add(UNCLEAN_LEADER_ELECTION_CHECK_INTERVAL_MS);
        self.schedule(next, Timer::UncleanElectionCheck);
    }

    /// `auto.leader.rebalance.enable=true` (Kafka's default): a broker whose
    /// share of partitions led by someone else exceeds 10 % gets its
    /// preferred leaderships back.
    fn auto_leader_rebalance(&mut self) {
        for broker in self.brokers.iter().map(|b| b.id).collect::<Vec<_>>() {
            let preferred: Vec<TopicPartition> = self
                .all_partitions()
                .into_iter()
                .filter(|tp| self.partition(*tp).replicas.first() == Some(&broker))
                .collect();
            if preferred.is_empty() {
                continue;
            }
            let not_led = preferred
                .iter()
                .filter(|tp| self.partition(**tp).leader != Some(broker))
                .count() as u64;
            if not_led * 100 / preferred.len() as u64 > LEADER_IMBALANCE_PER_BROKER_PERCENTAGE {
                for tp in preferred {
                    self.elect_preferred(tp);
                }
            }
        }
    }

    fn elect_preferred(&mut self, tp: TopicPartition) {
        let part = self.partition(tp);
        let Some(&preferred) = part.replicas.first() else {
            return;
        };
        let ok = part.leader != Some(preferred)
            && part.isr.contains(&preferred)
            && self
                .brokers
                .iter()
                .any(|b| b.id == preferred && b.alive && !b.fenced);
        if ok {
            self.set_leader(tp, Some(preferred), ElectionKind::Preferred);
        }
    }

    /// `kafka-leader-election.sh --election-type PREFERRED --all-topic-partitions`.
    pub(crate) fn elect_preferred_leaders(&mut self) {
        for tp in self.all_partitions() {
            self.elect_preferred(tp);
        }
    }
}
