//! What the controller knows (KRaft metadata): each partition's leader,
//! leader epoch, replicas and ISR, and its state in words; and the ledger of
//! records lost for ever, with the reason.

use yew::prelude::*;

use super::i18n::{ledger_line, lost_line, Lang, Texts};
use crate::engine::Sim;

/// A partition's state in words.
#[must_use]
pub fn partition_status(
    sim: &Sim,
    part: &crate::engine::topic::Partition,
    t: &Texts,
) -> &'static str {
    let min_isr = sim.topics()[part.tp.topic.0 as usize].min_insync_replicas as usize;
    if part.leader.is_none() {
        t.offline
    } else if part.isr.len() < min_isr {
        t.under_min_isr
    } else if part.isr.len() < part.replicas.len() {
        t.under_replicated
    } else {
        t.healthy
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
    let texts: &Texts = lang.texts();
    html! {
        <section class="panel metadata-panel" aria-labelledby="metadata-h">
            <h2 id="metadata-h">{ texts.metadata }</h2>
            <p class="hint">{ texts.metadata_hint }</p>
            <div class="table-wrap">
                <table data-testid="metadata">
                    <thead><tr>
                        { for texts.metadata_columns.iter().map(|c| html! { <th scope="col">{ *c }</th> }) }
                    </tr></thead>
                    <tbody>
                        { for sim.topics().iter().flat_map(|topic| topic.partitions.iter()).map(|part| html! {
                            <tr data-testid="metadata-row" data-partition={sim.tp_name(part.tp)}>
                                <td>{ sim.tp_name(part.tp) }</td>
                                <td data-testid="leader">{ part.leader.map_or("none".to_string(), |b| b.0.to_string()) }</td>
                                <td>{ part.leader_epoch }</td>
                                <td>{ ids(&part.replicas) }</td>
                                <td data-testid="isr">{ ids(&part.isr) }</td>
                                <td data-testid="status">{ partition_status(sim, part, texts) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <h3>{ texts.ledger }</h3>
            <p data-testid="ledger">{ ledger_line(lang, sim.totals()) }</p>
            if sim.lost_records().next().is_some() {
                <ol class="lost" data-testid="lost-records">
                    { for sim.lost_records().rev().take(12).map(|l| html! {
                        <li>
                            <strong>{ format!("{} ", texts.lost) }</strong>
                            { lost_line(
                                lang,
                                &l.record.id.to_string(),
                                &sim.tp_name(l.tp),
                                (l.offset != u64::MAX).then_some(l.offset),
                                &l.record.key.as_deref().map_or("null".to_string(), |k| format!("\"{k}\"")),
                                l.at_ms,
                                l.acknowledged,
                                l.reason,
                            ) }
                        </li>
                    }) }
                </ol>
            }
        </section>
    }
}
