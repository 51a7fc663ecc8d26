//! A text snapshot of the whole cluster (`Display` for [`Sim`]): what the
//! golden tests compare and what the native command prints. Built from the
//! engine's public views only.

use std::fmt;

use crate::engine::{BrokerId, GroupIdx, Sim, TopicPartition};

use super::lang::Lang;
use super::words;

impl fmt::Display for Sim {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "t = {} ms", self.now_ms())?;
        let brokers: Vec<String> = self
            .brokers()
            .iter()
            .map(|b| format!("{} {}", b.id, if b.alive { "up" } else { "down" }))
            .collect();
        writeln!(f, "brokers: {}", brokers.join(", "))?;
        for topic in self.topics() {
            for part in &topic.partitions {
                let ids = |v: &[BrokerId]| {
                    v.iter()
                        .map(|b| b.0.to_string())
                        .collect::<Vec<_>>()
                        .join(",")
                };
                let leader = part.leader.map_or("none".to_string(), |b| b.to_string());
                writeln!(
                    f,
                    "{}: leader {leader} epoch {} replicas [{}] isr [{}]",
                    self.tp_name(part.tp),
                    part.leader_epoch,
                    ids(&part.replicas),
                    ids(&part.isr)
                )?;
                for (b, log) in part.replicas.iter().zip(&part.logs) {
                    let tail: Vec<String> = log
                        .entries()
                        .rev()
                        .take(5)
                        .rev()
                        .map(|e| {
                            let key = e.record.key.as_deref().unwrap_or("∅");
                            format!("{}:{key}", e.offset)
                        })
                        .collect();
                    writeln!(
                        f,
                        "  {b}: start {} hw {} leo {} bytes {} segments {} tail [{}]",
                        log.log_start_offset(),
                        log.high_watermark(),
                        log.log_end_offset(),
                        log.size_bytes(),
                        log.segments().len(),
                        tail.join(" ")
                    )?;
                }
            }
        }
        for p in self.producers() {
            writeln!(
                f,
                "{}: created {} acknowledged {} queued {} in flight {}",
                p.config.name,
                p.next_seq,
                p.acknowledged,
                p.queued_records(),
                p.in_flight.values().sum::<u32>()
            )?;
        }
        for g in self.groups() {
            let (status, _) = self.burrow_status(g.idx);
            writeln!(
                f,
                "group {}: coordinator {} (__consumer_offsets-{}) {} generation {} {} ({}) lag {} duplicates {} status {}",
                g.config.group_id,
                g.coordinator,
                g.offsets_partition,
                g.view.state.name(),
                g.view.generation,
                g.config.assignor.name(),
                g.config.protocol.name(),
                self.group_lag(g.idx),
                g.duplicates,
                status.name()
            )?;
            for m in &g.members {
                let pos: Vec<String> = m
                    .positions
                    .iter()
                    .map(|(p, o)| format!("{p}@{o}"))
                    .collect();
                writeln!(
                    f,
                    "  {}: {} owns [{}] positions [{}] consumed {}",
                    m.name,
                    words::phase(Lang::En, m.phase),
                    m.assigned
                        .iter()
                        .map(u32::to_string)
                        .collect::<Vec<_>>()
                        .join(","),
                    pos.join(" "),
                    m.consumed
                )?;
            }
            let committed: Vec<String> = g
                .committed
                .iter()
                .map(|(p, o)| {
                    let lag = self
                        .lag(GroupIdx(g.idx.0), *p)
                        .map_or("-".to_string(), |l| l.to_string());
                    let tp = TopicPartition {
                        topic: g.topic,
                        partition: *p,
                    };
                    format!("{} committed {o} lag {lag}", self.tp_name(tp))
                })
                .collect();
            if committed.is_empty() {
                writeln!(f, "  no offsets committed yet")?;
            } else {
                writeln!(f, "  {}", committed.join("; "))?;
            }
        }
        writeln!(
            f,
            "network: {} message(s) in flight, {} fetch(es) held",
            self.in_flight().count(),
            self.parked_fetches().count()
        )
    }
}
