//! Side-by-side comparison: one record stream split by key hash, by the
//! sticky partitioner and by round robin (new and old), with per-partition
//! counts. The counts are computed by [`crate::engine::compare`], which runs
//! the engine's real partitioners, not a copy of their rules.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::engine::compare::{compare, CompareSpec, StrategyResult};
use crate::engine::Refusal;
use crate::text::refusal::refusal;
use crate::text::{words, CompareLabel as L, Lang, ProducerLine as PL, Say};

/// Properties of [`PartitionerCompare`].
#[derive(Properties, PartialEq)]
pub struct PartitionerCompareProps {
    /// Partitions to compare on (the topic's count).
    pub partitions: u32,
    /// The producer's key set.
    pub keys: Vec<String>,
    /// Seed of the stream.
    pub seed: u64,
    /// The UI language.
    pub lang: Lang,
}

fn select_u32(e: &Event) -> Option<u32> {
    e.target_dyn_into::<HtmlSelectElement>()
        .and_then(|s| s.value().parse().ok())
}

/// The comparison, run when asked.
#[component]
pub fn PartitionerCompare(props: &PartitionerCompareProps) -> Html {
    let records = use_state(|| 300u32);
    let null_share = use_state(|| 0u32);
    let rate = use_state(|| 100u32);
    let results = use_state(|| None::<Result<(CompareSpec, Vec<StrategyResult>), Refusal>>);
    let on_records = {
        let records = records.clone();
        Callback::from(move |e: Event| records.set(select_u32(&e).unwrap_or(300)))
    };
    let on_null = {
        let null_share = null_share.clone();
        Callback::from(move |e: Event| null_share.set(select_u32(&e).unwrap_or(0)))
    };
    let on_rate = {
        let rate = rate.clone();
        Callback::from(move |e: Event| rate.set(select_u32(&e).unwrap_or(100)))
    };
    let run = {
        let (records, null_share, rate, results) = (
            records.clone(),
            null_share.clone(),
            rate.clone(),
            results.clone(),
        );
        let (partitions, keys, seed) = (props.partitions, props.keys.clone(), props.seed);
        Callback::from(move |_| {
            let spec = CompareSpec {
                partitions,
                records: *records,
                keys: keys.clone(),
                null_key_percent: if keys.is_empty() { 100 } else { *null_share },
                value_bytes: 100,
                batch_size: 16_384,
                linger_ms: 5,
                records_per_sec: *rate,
                seed,
            };
            let out = compare(&spec).map(|r| (spec, r));
            results.set(Some(out));
        })
    };
    let lang = props.lang;
    let t = |label: L| label.say(lang);
    let body = match &*results {
        None => {
            html! { <p class="hint">{ t(L::BeforeRun) }</p> }
        }
        Some(Err(e)) => html! { <p class="refusal" role="alert">{ refusal(lang, e) }</p> },
        Some(Ok((spec, results))) => {
            let max = results
                .iter()
                .flat_map(|r| r.per_partition.iter().copied())
                .max()
                .unwrap_or(1)
                .max(1);
            html! {
                <>
                <p class="hint">{ PL::CompareSpec(spec.clone()).say(lang) }</p>
                <div class="compare-grid">
                    { for results.iter().map(|r| {
                        let (name, settings) = words::strategy(lang, r.strategy);
                        html! {
                        <div class="compare-col" data-testid="compare-strategy" data-strategy={r.strategy.id()}>
                            <h4>{ name }</h4>
                            <p class="hint">{ settings }</p>
                            <ul>
                                { for r.per_partition.iter().enumerate().map(|(p, n)| html! {
                                    <li data-testid="compare-count" data-partition={p.to_string()} data-count={n.to_string()}>
                                        <span class="plabel">{ format!("p{p}") }</span>
                                        <span class="bar" role="img" aria-label={PL::Records { n: *n }.say(lang)}>
                                            <span style={format!("width:{:.0}%", f64::from(*n) * 100.0 / f64::from(max))}></span>
                                        </span>
                                        <span class="count">{ n }</span>
                                    </li>
                                }) }
                            </ul>
                            <p class="hint">{ PL::Batches { n: r.batches }.say(lang) }</p>
                        </div>
                        }
                    }) }
                </div>
                </>
            }
        }
    };
    html! {
        <section class="compare" aria-label={t(L::Label)} data-testid="partitioner-compare">
            <h2>{ t(L::Heading) }</h2>
            <div class="compare-controls">
                <label>{ format!("{} ", t(L::Records)) }
                    <select onchange={on_records}>
                        { for [100u32, 300, 1_000, 3_000].iter().map(|n| html! {
                            <option value={n.to_string()} selected={*n == *records}>{ n }</option>
                        }) }
                    </select>
                </label>
                <label>{ format!("{} ", t(L::NullKeys)) }
                    <select onchange={on_null}>
                        { for [0u32, 25, 50, 100].iter().map(|n| html! {
                            <option value={n.to_string()} selected={*n == *null_share}>{ format!("{n}%") }</option>
                        }) }
                    </select>
                </label>
                <label>{ format!("{} ", t(L::Rate)) }
                    <select onchange={on_rate}>
                        { for [10u32, 100, 1_000, 5_000].iter().map(|n| html! {
                            <option value={n.to_string()} selected={*n == *rate}>{ format!("{n}/s") }</option>
                        }) }
                    </select>
                </label>
                <button data-testid="compare-run" onclick={run}>{ t(L::Run) }</button>
            </div>
            { body }
        </section>
    }
}
