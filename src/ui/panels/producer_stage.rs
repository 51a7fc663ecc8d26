//! The producer's inner stages: the partitioner as a visible stage (key →
//! murmur2 → partition, the sticky partition and why it switches), the
//! accumulator's batches filling and leaving with their compressed size,
//! retries and duplicates, and the records typed by hand where they landed.

use std::collections::BTreeMap;

use yew::prelude::*;

use crate::engine::producer::Producer;
use crate::engine::{EventKind, PartitionDecision, Partitioner, Sim};
use crate::player::Player;
use crate::text::{words, Lang, ProducerLabel as L, ProducerLine as PL, Say};

/// Decisions listed in the partitioner stage.
pub const DECISIONS_SHOWN: usize = 8;

/// The partitioner's latest decisions and sticky switches, newest first.
pub(super) fn partitioner_stage(player: &Player, p: &Producer, lang: Lang) -> Html {
    let t = |label: L| label.say(lang);
    let lines: Vec<Html> = player
        .log()
        .rev()
        .filter_map(|line| match &line.kind {
            EventKind::RecordCreated {
                producer,
                record,
                key,
                tp,
                decision,
                ..
            } if *producer == p.id => {
                let key_text = words::key(key.as_deref());
                let partition = tp.partition;
                let how = match decision {
                    PartitionDecision::KeyHash { murmur2, partitions } => PL::KeyHash {
                        murmur2: *murmur2,
                        partitions: *partitions,
                        partition,
                    },
                    PartitionDecision::Sticky { produced_bytes, batch_size } => PL::StickyDecision {
                        partition,
                        produced: *produced_bytes,
                        batch_size: *batch_size,
                    },
                    PartitionDecision::RoundRobin { skipped } => PL::RoundRobin { partition, skipped: *skipped },
                    PartitionDecision::Explicit => PL::ExplicitPartition { partition },
                }
                .say(lang);
                Some(html! {
                    <li data-testid="decision" data-key={key.as_deref().unwrap_or("").to_string()}
                        data-null-key={key.is_none().to_string()} data-partition={tp.partition.to_string()}>
                        <span class="rid">{ record.to_string() }</span>{ " " }
                        <b>{ key_text }</b>{ " → " }{ how }
                    </li>
                })
            }
            EventKind::StickySwitched { producer, from, to, reason, produced_bytes, weights, .. } if *producer == p.id => {
                Some(html! {
                    <li class="switch" data-testid="sticky-switch">
                        <time>{ format!("{:.3} s", line.at_ms as f64 / 1000.0) }</time>
                        { PL::StickySwitch {
                            from: *from,
                            to: *to,
                            reason: *reason,
                            produced_bytes: *produced_bytes,
                            weights: weights.clone(),
                        }.say(lang) }
                    </li>
                })
            }
            _ => None,
        })
        .take(DECISIONS_SHOWN)
        .collect();
    let sticky = match p.sticky.partition {
        Some(s) if p.config.partitioner == Partitioner::BuiltIn => PL::StickyState {
            partition: s,
            produced: p.sticky.produced_bytes,
            batch_size: p.config.batch_size,
        },
        _ => match p.config.partitioner {
            Partitioner::BuiltIn => PL::NoStickyYet,
            _ => PL::RoundRobinCounter {
                counter: p.round_robin.counter,
            },
        },
    }
    .say(lang);
    html! {
        <div class="stage" aria-label={t(L::Decisions)}>
            <h3>{ t(L::PartitionerHeading) }</h3>
            <p class="hint" data-testid="sticky-state">{ sticky }</p>
            <ol class="decisions">{ for lines }</ol>
        </div>
    }
}

/// Batches waiting in the producer and the last ones sent.
pub(super) fn accumulator(player: &Player, p: &Producer, lang: Lang) -> Html {
    let t = |label: L| label.say(lang);
    let now = player.sim().now_ms();
    let c = &p.config;
    let queues: Vec<Html> = p
        .accumulator
        .iter()
        .flat_map(|(part, q)| q.iter().map(move |b| (*part, b)))
        .map(|(part, b)| {
            let est = b.batch.estimated_bytes();
            let fill = (f64::from(est) / f64::from(c.batch_size)).min(1.0) * 100.0;
            let age = now.saturating_sub(b.batch.created_at_ms);
            let state = if now < b.not_before_ms {
                PL::RetryIn { ms: b.not_before_ms - now }.say(lang)
            } else if b.full {
                t(L::FullLeavesNow).to_string()
            } else {
                PL::Lingering { age_ms: age, linger_ms: c.linger_ms }.say(lang)
            };
            html! {
                <li data-testid="open-batch">
                    <span>{ PL::OpenBatch {
                        partition: part,
                        batch: b.batch.id.to_string(),
                        records: b.batch.records.len(),
                        estimated: est,
                        batch_size: c.batch_size,
                    }.say(lang) }</span>
                    <span class="bar" role="img" aria-label={PL::Fill { percent: fill }.say(lang)}><span style={format!("width:{fill:.0}%")}></span></span>
                    <span class="muted">{ state }</span>
                </li>
            }
        })
        .collect();
    let sent: Vec<Html> = player
        .log()
        .rev()
        .filter_map(|line| match &line.kind {
            EventKind::BatchSent {
                producer,
                batch,
                tp,
                records,
                bytes,
                uncompressed_bytes,
                compression,
                attempt,
                ..
            } if *producer == p.id => Some(html! {
                <li data-testid="sent-batch">{ PL::SentBatch {
                    batch: batch.to_string(),
                    partition: tp.partition,
                    records: *records,
                    bytes: *bytes,
                    compression: *compression,
                    uncompressed_bytes: *uncompressed_bytes,
                    attempt: *attempt,
                }.say(lang) }</li>
            }),
            _ => None,
        })
        .take(5)
        .collect();
    let in_flight: u32 = p.in_flight.values().sum();
    let totals = player.sim().totals();
    html! {
        <div class="stage" aria-label={t(L::Batches)}>
            <h3>{ t(L::Batches) }</h3>
            <p class="hint">{ PL::BatchesHint {
                batch_size: c.batch_size,
                linger_ms: c.linger_ms,
                compression: c.compression,
                ratio: p.ratio_estimate(),
                in_flight,
                max_in_flight: c.max_in_flight,
                idempotent: c.idempotent(),
            }.say(lang) }</p>
            <ul class="batches">
                if queues.is_empty() { <li class="muted">{ t(L::NoBatchWaiting) }</li> }
                { for queues }
            </ul>
            <ul class="batches sent">{ for sent }</ul>
            <p class="counters" data-testid="producer-counters">{ PL::Counters {
                acknowledged: p.acknowledged,
                retries: p.retries,
                duplicates_dropped: totals.duplicates_ignored,
                duplicates_appended: totals.records_duplicated,
                failed: p.failed,
            }.say(lang) }</p>
        </div>
    }
}

/// Records typed by hand, where they landed (read from the leaders' logs).
pub(super) fn hand_records(sim: &Sim, lang: Lang) -> Html {
    let mut found: BTreeMap<u64, Html> = BTreeMap::new();
    for topic in sim.topics() {
        for part in &topic.partitions {
            let Some(log) = part.leader_log() else {
                continue;
            };
            for e in log
                .entries()
                .rev()
                .filter(|e| e.record.value.is_some())
                .take(5)
            {
                let key = e.record.key.as_deref();
                found.insert(e.record.id.0, html! {
                    <li data-testid="hand-record" data-key={key.unwrap_or("").to_string()}
                        data-null-key={key.is_none().to_string()}
                        data-partition={part.tp.partition.to_string()} data-offset={e.offset.to_string()}>
                        { PL::HandRecord {
                            record: e.record.id.to_string(),
                            key: words::key(key),
                            value: words::value(lang, &e.record),
                            tp: sim.tp_name(part.tp),
                            offset: e.offset,
                        }.say(lang) }
                    </li>
                });
            }
        }
    }
    if found.is_empty() {
        return Html::default();
    }
    html! {
        <div class="stage">
            <h3>{ L::HandRecords.say(lang) }</h3>
            <ul>{ for found.into_values().rev().take(5) }</ul>
        </div>
    }
}
