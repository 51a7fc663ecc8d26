//! The producer panel: send a record by hand, the producer's settings (each
//! change is a `SetProducerConfig` command), the partitioner as a visible
//! stage (key → murmur2 → partition, the sticky partition and why it
//! switches), the accumulator's batches filling and leaving with their
//! compressed size, retries and duplicates, and adding partitions with the
//! keys that move.

use std::collections::BTreeMap;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::app::Action;
use super::i18n::producer as tx;
use super::i18n::Lang;
use crate::engine::producer::Producer;
use crate::engine::{
    Acks, Command, Compression, EventKind, PartitionDecision, Partitioner, ProducerConfig,
    ProducerId, SendMode, Sim,
};
use crate::player::Player;

/// Decisions listed in the partitioner stage.
pub const DECISIONS_SHOWN: usize = 8;

/// Key sets offered, by their option value (the visible names are
/// [`ProducerTexts::key_sets`](super::i18n::producer::ProducerTexts)).
pub const KEY_SETS: [(&str, &[&str]); 4] = [
    ("names", &["alice", "bob", "carol", "dave", "erin", "민준"]),
    (
        "Korean names",
        &["민준", "서연", "도윤", "하은", "지호", "수아"],
    ),
    (
        "12 users",
        &[
            "user-1", "user-2", "user-3", "user-4", "user-5", "user-6", "user-7", "user-8",
            "user-9", "user-10", "user-11", "user-12",
        ],
    ),
    ("null keys", &[]),
];

fn select_value(e: &Event) -> String {
    e.target_dyn_into::<HtmlSelectElement>()
        .map(|s| s.value())
        .unwrap_or_default()
}

fn checked(e: &Event) -> bool {
    e.target_dyn_into::<HtmlInputElement>()
        .is_some_and(|i| i.checked())
}

/// A settings change: the producer's configuration with `edit` applied.
fn reconfigure(
    on_action: &Callback<Action>,
    id: ProducerId,
    config: &ProducerConfig,
    edit: impl Fn(&mut ProducerConfig, &Event) + 'static,
) -> Callback<Event> {
    let base = config.clone();
    on_action.reform(move |e: Event| {
        let mut config = base.clone();
        edit(&mut config, &e);
        Action::Engine(Command::SetProducerConfig {
            producer: id,
            config: Box::new(config),
        })
    })
}

fn option(value: &str, label: &str, selected: bool) -> Html {
    html! { <option value={value.to_string()} selected={selected}>{ label.to_string() }</option> }
}

/// The whole panel for the first producer.
pub fn producer_panel(player: &Player, lang: Lang, on_action: &Callback<Action>) -> Html {
    let t = &lang.texts().producer;
    let sim = player.sim();
    let Some(p) = sim.producers().first() else {
        return Html::default();
    };
    let topic = &sim.topics()[p.topic.0 as usize];
    let partitions = topic.partitions.len() as u32;
    html! {
        <section class="producer-panel" aria-label={t.producer} data-testid="producer-panel">
            <h2 data-testid="producer-heading">{ tx::producer_heading(lang, &p.config.name, &topic.name) }</h2>
            <div class="panel-grid">
                <SendForm producer={p.id} partitions={p.known_partitions} lang={lang} on_action={on_action.clone()} />
                { settings(p, lang, on_action) }
            </div>
            { partitioner_stage(player, p, lang) }
            { accumulator(player, p, lang) }
            { hand_records(sim, lang) }
            <AddPartitions topic={topic.name.clone()} current={partitions} lang={lang}
                on_action={on_action.clone()} />
            { moved_keys(sim, p, lang) }
        </section>
    }
}

fn settings(p: &Producer, lang: Lang, on_action: &Callback<Action>) -> Html {
    let t = &lang.texts().producer;
    let c = &p.config;
    let id = p.id;
    let rate = on_action.reform(move |e: Event| {
        Action::Engine(Command::SetProducerRate {
            producer: id,
            records_per_sec: select_value(&e).parse().unwrap_or(0),
        })
    });
    let keys = reconfigure(on_action, id, c, |c, e| {
        let chosen = select_value(e);
        if let Some((_, keys)) = KEY_SETS.iter().find(|(n, _)| *n == chosen) {
            c.keys = keys.iter().map(|k| k.to_string()).collect();
        }
    });
    let key_set = KEY_SETS
        .iter()
        .find(|(_, keys)| {
            keys.iter()
                .map(|k| k.to_string())
                .eq(c.keys.iter().cloned())
        })
        .map_or("custom", |(n, _)| n);
    let partitioner = reconfigure(on_action, id, c, |c, e| {
        c.partitioner = match select_value(e).as_str() {
            "rr" => Partitioner::RoundRobin,
            "rr-legacy" => Partitioner::RoundRobinLegacy,
            _ => Partitioner::BuiltIn,
        }
    });
    let ignore = reconfigure(on_action, id, c, |c, e| c.ignore_keys = checked(e));
    let adaptive = reconfigure(on_action, id, c, |c, e| c.adaptive = checked(e));
    let batch = reconfigure(on_action, id, c, |c, e| {
        c.batch_size = select_value(e).parse().unwrap_or(16_384);
    });
    let linger = reconfigure(on_action, id, c, |c, e| {
        c.linger_ms = select_value(e).parse().unwrap_or(5);
    });
    let compression = reconfigure(on_action, id, c, |c, e| {
        let v = select_value(e);
        c.compression = Compression::ALL
            .into_iter()
            .find(|x| x.as_config() == v)
            .unwrap_or(Compression::None);
    });
    let acks = reconfigure(on_action, id, c, |c, e| {
        c.acks = match select_value(e).as_str() {
            "0" => Acks::None,
            "1" => Acks::Leader,
            _ => Acks::All,
        }
    });
    let mode = reconfigure(on_action, id, c, |c, e| {
        c.mode = if select_value(e) == "sync" {
            SendMode::Sync
        } else {
            SendMode::Async
        }
    });
    let idempotence = reconfigure(on_action, id, c, |c, e| c.enable_idempotence = checked(e));
    let rates = [0u32, 1, 2, 5, 20, 100, 1_000];
    html! {
        <fieldset class="settings" data-testid="producer-settings">
            <legend>{ t.settings }</legend>
            <label>{ format!("{} ", t.rate) }
                <select data-testid="set-rate" onchange={rate}>
                    { for rates.iter().map(|r| option(&r.to_string(), &format!("{r}/s"), *r == c.records_per_sec)) }
                </select>
            </label>
            <label>{ format!("{} ", t.keys) }
                <select data-testid="set-keys" onchange={keys}>
                    { for KEY_SETS.iter().zip(t.key_sets).map(|((n, _), label)| option(n, label, *n == key_set)) }
                    if key_set == "custom" { { option("custom", t.custom, true) } }
                </select>
            </label>
            <label class="wide">{ format!("{} ", t.partitioner) }
                <select data-testid="set-partitioner" onchange={partitioner}>
                    { option("builtin", t.builtin_option, c.partitioner == Partitioner::BuiltIn) }
                    { option("rr", "RoundRobinPartitioner (Kafka 3.9+/4.x)", c.partitioner == Partitioner::RoundRobin) }
                    { option("rr-legacy", t.rr_legacy_option, c.partitioner == Partitioner::RoundRobinLegacy) }
                </select>
            </label>
            <label><input type="checkbox" checked={c.ignore_keys} onchange={ignore} />{ " partitioner.ignore.keys" }</label>
            <label><input type="checkbox" checked={c.adaptive} onchange={adaptive} />{ t.adaptive }</label>
            <label>{ "batch.size " }
                <select data-testid="set-batch-size" onchange={batch}>
                    { for [512u32, 1_024, 4_096, 16_384, 65_536].iter().map(|b| option(&b.to_string(), &format!("{b} B"), *b == c.batch_size)) }
                </select>
            </label>
            <label>{ "linger.ms " }
                <select data-testid="set-linger" onchange={linger}>
                    { for [0u64, 5, 20, 100, 1_000].iter().map(|l| option(&l.to_string(), &l.to_string(), *l == c.linger_ms)) }
                </select>
            </label>
            <label>{ "compression.type " }
                <select data-testid="set-compression" onchange={compression}>
                    { for Compression::ALL.iter().map(|x| option(x.as_config(), x.as_config(), *x == c.compression)) }
                </select>
            </label>
            <label>{ "acks " }
                <select data-testid="set-acks" onchange={acks}>
                    { for [Acks::None, Acks::Leader, Acks::All].iter().map(|a| option(a.as_config(), a.as_config(), *a == c.acks)) }
                </select>
            </label>
            <label>{ format!("{} ", t.send_mode) }
                <select data-testid="set-mode" onchange={mode}>
                    { option("async", t.async_option, c.mode == SendMode::Async) }
                    { option("sync", t.sync_option, c.mode == SendMode::Sync) }
                </select>
            </label>
            <label><input type="checkbox" checked={c.enable_idempotence} onchange={idempotence} />
                { if c.enable_idempotence && !c.idempotent() { t.idempotence_off } else { " enable.idempotence" } }
            </label>
            <p class="hint">{ t.hint_partitioners }</p>
            <p class="hint">{ t.hint_restart }</p>
        </fieldset>
    }
}

/// Properties of [`SendForm`].
#[derive(Properties, PartialEq)]
pub struct SendFormProps {
    /// The producer sending.
    pub producer: ProducerId,
    /// Partitions it knows (for the explicit partition choice).
    pub partitions: u32,
    /// The UI language.
    pub lang: Lang,
    /// Where actions go.
    pub on_action: Callback<Action>,
}

/// Type a key and a value and send them.
#[component]
pub fn SendForm(props: &SendFormProps) -> Html {
    let key = use_state(|| "민준".to_string());
    let value = use_state(|| "hello".to_string());
    let null_key = use_state(|| false);
    let partition = use_state(|| None::<u32>);
    let on_key = {
        let key = key.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
                key.set(i.value());
            }
        })
    };
    let on_value = {
        let value = value.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
                value.set(i.value());
            }
        })
    };
    let on_null = {
        let null_key = null_key.clone();
        Callback::from(move |e: Event| null_key.set(checked(&e)))
    };
    let on_partition = {
        let partition = partition.clone();
        Callback::from(move |e: Event| partition.set(select_value(&e).parse().ok()))
    };
    let onsubmit = {
        let (key, value, null_key, partition) = (
            key.clone(),
            value.clone(),
            null_key.clone(),
            partition.clone(),
        );
        let on_action = props.on_action.clone();
        let producer = props.producer;
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let k = (!*null_key).then(|| (*key).clone());
            let command = match *partition {
                Some(p) => Command::ProduceToPartition {
                    producer,
                    partition: p,
                    key: k,
                    value: (*value).clone(),
                },
                None => Command::Produce {
                    producer,
                    key: k,
                    value: (*value).clone(),
                },
            };
            on_action.emit(Action::Engine(command));
        })
    };
    let max = crate::engine::limits::MAX_TEXT_BYTES.to_string();
    let t = &props.lang.texts().producer;
    html! {
        <form class="send-form" onsubmit={onsubmit} aria-label={t.send_a_record}>
            <label>{ format!("{} ", t.key) }
                <input data-testid="produce-key" type="text" value={(*key).clone()} oninput={on_key}
                    disabled={*null_key} maxlength={max.clone()} />
            </label>
            <label><input data-testid="produce-null-key" type="checkbox" checked={*null_key} onchange={on_null} />{ t.null_key }</label>
            <label>{ format!("{} ", t.value) }
                <input data-testid="produce-value" type="text" value={(*value).clone()} oninput={on_value} maxlength={max} />
            </label>
            <label>{ format!("{} ", t.partition) }
                <select data-testid="produce-partition" onchange={on_partition}>
                    <option value="" selected={partition.is_none()}>{ t.partitioner_decides }</option>
                    { for (0..props.partitions).map(|p| html! {
                        <option value={p.to_string()} selected={*partition == Some(p)}>{ format!("p{p} ({})", t.explicit) }</option>
                    }) }
                </select>
            </label>
            <button data-testid="produce-send" class="primary" type="submit">{ t.send }</button>
        </form>
    }
}

/// The partitioner's latest decisions and sticky switches, newest first.
fn partitioner_stage(player: &Player, p: &Producer, lang: Lang) -> Html {
    let t = &lang.texts().producer;
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
                let key_text = key.as_deref().map_or("null".to_string(), |k| format!("\"{k}\""));
                let how = match decision {
                    PartitionDecision::KeyHash { murmur2, partitions } => format!(
                        "murmur2 = {murmur2} → toPositive = {} → % {partitions} = p{}",
                        *murmur2 & 0x7fff_ffff,
                        tp.partition
                    ),
                    PartitionDecision::Sticky { produced_bytes, batch_size } => {
                        tx::sticky_decision(lang, tp.partition, *produced_bytes, *batch_size)
                    }
                    PartitionDecision::RoundRobin { skipped } => tx::round_robin(lang, tp.partition, *skipped),
                    PartitionDecision::Explicit => tx::explicit_partition(lang, tp.partition),
                };
                Some(html! {
                    <li data-testid="decision" data-key={key.as_deref().unwrap_or("").to_string()}
                        data-null-key={key.is_none().to_string()} data-partition={tp.partition.to_string()}>
                        <span class="rid">{ record.to_string() }</span>{ " " }
                        <b>{ key_text }</b>{ " → " }{ how }
                    </li>
                })
            }
            EventKind::StickySwitched { producer, from, to, reason, produced_bytes, weights, .. } if *producer == p.id => {
                let from = from.map_or("—".to_string(), |f| format!("p{f}"));
                let how = tx::switch_how(lang, weights.as_deref());
                Some(html! {
                    <li class="switch" data-testid="sticky-switch">
                        <time>{ format!("{:.3} s", line.at_ms as f64 / 1000.0) }</time>
                        { tx::sticky_switch(lang, &from, *to, *reason, *produced_bytes, &how) }
                    </li>
                })
            }
            _ => None,
        })
        .take(DECISIONS_SHOWN)
        .collect();
    let sticky = match p.sticky.partition {
        Some(s) if p.config.partitioner == Partitioner::BuiltIn => tx::sticky_state(
            lang,
            Some((s, p.sticky.produced_bytes, p.config.batch_size)),
            None,
        ),
        _ => match p.config.partitioner {
            Partitioner::BuiltIn => tx::sticky_state(lang, None, None),
            _ => tx::sticky_state(lang, None, Some(p.round_robin.counter)),
        },
    };
    html! {
        <div class="stage" aria-label={t.decisions}>
            <h3>{ t.partitioner_heading }</h3>
            <p class="hint" data-testid="sticky-state">{ sticky }</p>
            <ol class="decisions">{ for lines }</ol>
        </div>
    }
}

/// Batches waiting in the producer and the last ones sent.
fn accumulator(player: &Player, p: &Producer, lang: Lang) -> Html {
    let t = &lang.texts().producer;
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
                tx::retry_in(lang, b.not_before_ms - now)
            } else if b.full {
                t.full_leaves_now.to_string()
            } else {
                tx::lingering(lang, age, c.linger_ms)
            };
            html! {
                <li data-testid="open-batch">
                    <span>{ tx::open_batch(lang, part, &b.batch.id.to_string(), b.batch.records.len(), est, c.batch_size) }</span>
                    <span class="bar" role="img" aria-label={tx::fill_label(lang, fill)}><span style={format!("width:{fill:.0}%")}></span></span>
                    <span class="muted">{ state }</span>
                </li>
            }
        })
        .collect();
    let sent: Vec<Html> = player
        .log()
        .rev()
        .filter_map(|line| match &line.kind {
            EventKind::BatchSent { producer, batch, tp, records, bytes, uncompressed_bytes, compression, attempt, .. }
                if *producer == p.id =>
            {
                let size = if *compression == Compression::None {
                    format!("{bytes} B")
                } else {
                    format!(
                        "{uncompressed_bytes} B → {bytes} B {} ({:.0}%)",
                        compression.as_config(),
                        f64::from(*bytes) * 100.0 / f64::from(*uncompressed_bytes)
                    )
                };
                Some(html! {
                    <li data-testid="sent-batch">{ tx::sent_batch(lang, &batch.to_string(), tp.partition, *records, &size, *attempt) }</li>
                })
            }
            _ => None,
        })
        .take(5)
        .collect();
    let in_flight: u32 = p.in_flight.values().sum();
    let totals = player.sim().totals();
    html! {
        <div class="stage" aria-label={t.batches}>
            <h3>{ t.batches }</h3>
            <p class="hint">{ tx::batches_hint(lang, c, p.ratio_estimate(), in_flight) }</p>
            <ul class="batches">
                if queues.is_empty() { <li class="muted">{ t.no_batch_waiting }</li> }
                { for queues }
            </ul>
            <ul class="batches sent">{ for sent }</ul>
            <p class="counters" data-testid="producer-counters">{ tx::producer_counters(
                lang, p.acknowledged, p.retries, totals.duplicates_ignored, totals.records_duplicated, p.failed
            ) }</p>
        </div>
    }
}

/// Records typed by hand, where they landed (read from the leaders' logs).
fn hand_records(sim: &Sim, lang: Lang) -> Html {
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
                        { tx::hand_record(lang,
                            &e.record.id.to_string(),
                            &key.map_or("null".to_string(), |k| format!("\"{k}\"")),
                            &crate::text::en_words::value_text(&e.record),
                            &sim.tp_name(part.tp), e.offset) }
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
            <h3>{ lang.texts().producer.hand_records }</h3>
            <ul>{ for found.into_values().rev().take(5) }</ul>
        </div>
    }
}

/// Properties of [`AddPartitions`].
#[derive(Properties, PartialEq)]
pub struct AddPartitionsProps {
    /// The topic.
    pub topic: String,
    /// Its partition count now.
    pub current: u32,
    /// The UI language.
    pub lang: Lang,
    /// Where actions go.
    pub on_action: Callback<Action>,
}

/// Raise the topic's partition count, with the warning about keys.
#[component]
pub fn AddPartitions(props: &AddPartitionsProps) -> Html {
    let total = use_state(|| props.current + 1);
    let on_input = {
        let total = total.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
                if let Ok(v) = i.value().parse() {
                    total.set(v);
                }
            }
        })
    };
    let onsubmit = {
        let total = total.clone();
        let topic = props.topic.clone();
        let on_action = props.on_action.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_action.emit(Action::Engine(Command::AddPartitions {
                topic: topic.clone(),
                total: *total,
            }));
        })
    };
    let lang = props.lang;
    let t = &lang.texts().producer;
    html! {
        <form class="add-partitions" onsubmit={onsubmit} aria-label={t.add_partitions}>
            <h3>{ t.add_partitions }</h3>
            <p class="warning" role="note">
                <strong>{ t.keys_may_move }</strong>
                { t.keys_may_move_text }
            </p>
            <label>{ tx::partitions_label(lang, &props.topic) }
                <input data-testid="partitions-total" type="number" min="1"
                    max={crate::engine::limits::MAX_PARTITIONS.to_string()}
                    value={total.to_string()} oninput={on_input} />
            </label>
            { " " }
            <button data-testid="add-partitions" type="submit">{ tx::set_partition_count(lang, props.current) }</button>
        </form>
    }
}

/// The latest partition change as the producer sees it, moved keys highlighted.
fn moved_keys(sim: &Sim, p: &Producer, lang: Lang) -> Html {
    let total = sim.topics()[p.topic.0 as usize].partitions.len() as u32;
    let refreshed = p.last_repartition.clone();
    let pending = (p.known_partitions != total).then(|| {
        let age = p.config.metadata_max_age_ms;
        let next = (sim.now_ms() / age + 1) * age;
        html! {
            <p class="hint" data-testid="metadata-pending">{ tx::metadata_pending(
                lang, total, &p.config.name, p.known_partitions, next as f64 / 1000.0, age / 1000
            ) }</p>
        }
    });
    let Some((from, to, moved)) = refreshed else {
        return pending.unwrap_or_default();
    };
    let all: Vec<Html> = p
        .keys
        .iter()
        .map(|k| {
            let m = moved.iter().find(|(key, _, _)| key == k);
            let (old, new) = m.map_or_else(
                || {
                    let same = crate::engine::partition_for_key(k.as_bytes(), to);
                    (same, same)
                },
                |(_, a, b)| (*a, *b),
            );
            html! {
                <li class={classes!(m.is_some().then_some("moved"))} data-testid={if m.is_some() { "moved-key" } else { "kept-key" }}>
                    { if m.is_some() { format!("⇄ \"{k}\": p{old} → p{new}") } else { tx::key_stays(lang, k, new) } }
                </li>
            }
        })
        .collect();
    html! {
        <div class="stage">
            { pending.unwrap_or_default() }
            <h3>{ tx::keys_after(lang, from, to, moved.len(), p.keys.len()) }</h3>
            <ul class="keys">{ for all }</ul>
        </div>
    }
}
