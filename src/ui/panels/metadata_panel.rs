//! What the controller knows (KRaft metadata): each partition's leader,
//! leader epoch, replicas and ISR, and its state in words; and the ledger of
//! records lost for ever, with the reason.

use yew::prelude::*;

use crate::engine::Sim;
use crate::text::{words, AppLabel as L, AppLine, Lang, Say};

/// A partition's state in words.
#[must_use]
pub fn partition_status(
    sim: &Sim,
    part: &crate::engine::topic::Partition,
    lang: Lang,
) -> &'static str {
    let t = |label: L| label.say(lang);
    let min_isr = sim.topics()[part.tp.topic.0 as usize].min_insync_replicas as usize;
    if part.leader.is_none() {
        t(L::Offline)
    } else if part.isr.len() < min_isr {
        t(L::UnderMinIsr)
    } else if part.isr.len() < part.replicas.len() {
        t(L::UnderReplicated)
    } else {
        t(L::Healthy)
    }
}

fn ids(list: &[crate::engine::BrokerId]) -> String {
    list.iter()
        .map(|b| b.0.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// The metadata table and the lost-records ledger.
pub fn metadata_panel(sim: &Sim, lang: Lang) -> Html {
    let t = |label: L| label.say(lang);
    let columns = [
        L::ColPartition,
        L::ColLeader,
        L::ColEpoch,
        L::ColReplicas,
        L::ColIsr,
        L::ColState,
    ];
    let totals = sim.totals();
    let ledger = AppLine::Ledger {
        created: totals.records_created,
        appended: totals.records_appended,
        acknowledged: totals.records_acknowledged,
        lost: totals.records_lost,
        acknowledged_lost: totals.acknowledged_lost,
        dropped: totals.messages_dropped,
    };
    html! {
        <section class="panel metadata-panel" aria-labelledby="metadata-h">
            <h2 id="metadata-h">{ t(L::Metadata) }</h2>
            <p class="hint">{ t(L::MetadataHint) }</p>
            <div class="table-wrap">
                <table data-testid="metadata">
                    <thead><tr>
                        { for columns.iter().map(|c| html! { <th scope="col">{ t(*c) }</th> }) }
                    </tr></thead>
                    <tbody>
                        { for sim.topics().iter().flat_map(|topic| topic.partitions.iter()).map(|part| html! {
                            <tr data-testid="metadata-row" data-partition={sim.tp_name(part.tp)}>
                                <td>{ sim.tp_name(part.tp) }</td>
                                <td data-testid="leader">{ part.leader.map_or(t(L::None).to_string(), |b| b.0.to_string()) }</td>
                                <td>{ part.leader_epoch }</td>
                                <td>{ ids(&part.replicas) }</td>
                                <td data-testid="isr">{ ids(&part.isr) }</td>
                                <td data-testid="status">{ partition_status(sim, part, lang) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <h3>{ t(L::Ledger) }</h3>
            <p data-testid="ledger">{ ledger.say(lang) }</p>
            if sim.lost_records().next().is_some() {
                <ol class="lost" data-testid="lost-records">
                    { for sim.lost_records().rev().take(12).map(|l| html! {
                        <li>
                            <strong>{ format!("{} ", t(L::Lost)) }</strong>
                            { AppLine::Lost {
                                record: l.record.id,
                                tp: sim.tp_name(l.tp),
                                offset: (l.offset != u64::MAX).then_some(l.offset),
                                key: words::key(l.record.key.as_deref()),
                                at_ms: l.at_ms,
                                acknowledged: l.acknowledged,
                                reason: l.reason,
                            }.say(lang) }
                        </li>
                    }) }
                </ol>
            }
        </section>
    }
}
