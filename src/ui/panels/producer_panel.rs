//! The producer panel: send a record by hand and the producer's settings
//! (each change is a `SetProducerConfig` command); below them the
//! partitioner stage and the batches ([`producer_stage`](super::producer_stage))
//! and adding partitions ([`add_partitions`](super::add_partitions)).

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::add_partitions::{moved_keys, AddPartitions};
use super::producer_stage::{accumulator, hand_records, partitioner_stage};
use crate::engine::producer::Producer;
use crate::engine::{
    Acks, Command, Compression, Partitioner, ProducerConfig, ProducerId, SendMode,
};
use crate::player::Player;
use crate::text::{Lang, ProducerLabel as L, ProducerLine, ProducerLine as PL, Say};
use crate::ui::state::action::Action;

/// Key sets offered, by their option value, with their visible names.
pub const KEY_SETS: [(&str, L, &[&str]); 4] = [
    (
        "names",
        L::KeySetNames,
        &["alice", "bob", "carol", "dave", "erin", "민준"],
    ),
    (
        "Korean names",
        L::KeySetKorean,
        &["민준", "서연", "도윤", "하은", "지호", "수아"],
    ),
    (
        "12 users",
        L::KeySetUsers,
        &[
            "user-1", "user-2", "user-3", "user-4", "user-5", "user-6", "user-7", "user-8",
            "user-9", "user-10", "user-11", "user-12",
        ],
    ),
    ("null keys", L::KeySetNull, &[]),
];

pub(super) fn select_value(e: &Event) -> String {
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
    let sim = player.sim();
    let Some(p) = sim.producers().first() else {
        return Html::default();
    };
    let topic = &sim.topics()[p.topic.0 as usize];
    let partitions = topic.partitions.len() as u32;
    html! {
        <section class="producer-panel" aria-label={L::Producer.say(lang)} data-testid="producer-panel">
            <h2 data-testid="producer-heading">{ PL::Heading { name: p.config.name.clone(), topic: topic.name.clone() }.say(lang) }</h2>
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
    let t = |label: L| label.say(lang);
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
        if let Some((_, _, keys)) = KEY_SETS.iter().find(|(n, _, _)| *n == chosen) {
            c.keys = keys.iter().map(|k| k.to_string()).collect();
        }
    });
    let key_set = KEY_SETS
        .iter()
        .find(|(_, _, keys)| {
            keys.iter()
                .map(|k| k.to_string())
                .eq(c.keys.iter().cloned())
        })
        .map_or("custom", |(n, _, _)| n);
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
            <legend>{ t(L::Settings) }</legend>
            <label>{ format!("{} ", t(L::Rate)) }
                <select data-testid="set-rate" onchange={rate}>
                    { for rates.iter().map(|r| option(&r.to_string(), &format!("{r}/s"), *r == c.records_per_sec)) }
                </select>
            </label>
            <label>{ format!("{} ", t(L::Keys)) }
                <select data-testid="set-keys" onchange={keys}>
                    { for KEY_SETS.iter().map(|(n, label, _)| option(n, t(*label), *n == key_set)) }
                    if key_set == "custom" { { option("custom", t(L::Custom), true) } }
                </select>
            </label>
            <label class="wide">{ format!("{} ", t(L::Partitioner)) }
                <select data-testid="set-partitioner" onchange={partitioner}>
                    { option("builtin", t(L::BuiltinOption), c.partitioner == Partitioner::BuiltIn) }
                    { option("rr", "RoundRobinPartitioner (Kafka 3.9+/4.x)", c.partitioner == Partitioner::RoundRobin) }
                    { option("rr-legacy", t(L::RrLegacyOption), c.partitioner == Partitioner::RoundRobinLegacy) }
                </select>
            </label>
            <label><input type="checkbox" checked={c.ignore_keys} onchange={ignore} />{ " partitioner.ignore.keys" }</label>
            <label><input type="checkbox" checked={c.adaptive} onchange={adaptive} />{ t(L::Adaptive) }</label>
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
            <label>{ format!("{} ", t(L::SendMode)) }
                <select data-testid="set-mode" onchange={mode}>
                    { option("async", t(L::AsyncOption), c.mode == SendMode::Async) }
                    { option("sync", t(L::SyncOption), c.mode == SendMode::Sync) }
                </select>
            </label>
            <label><input type="checkbox" checked={c.enable_idempotence} onchange={idempotence} />
                { if c.enable_idempotence && !c.idempotent() { t(L::IdempotenceOff) } else { " enable.idempotence" } }
            </label>
            <p class="hint">{ t(L::HintPartitioners) }</p>
            <p class="hint">{ t(L::HintRestart) }</p>
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
    let t = |label: L| label.say(props.lang);
    html! {
        <form class="send-form" onsubmit={onsubmit} aria-label={t(L::SendARecord)}>
            <label>{ format!("{} ", t(L::Key)) }
                <input data-testid="produce-key" type="text" value={(*key).clone()} oninput={on_key}
                    disabled={*null_key} maxlength={max.clone()} />
            </label>
            <label><input data-testid="produce-null-key" type="checkbox" checked={*null_key} onchange={on_null} />{ t(L::NullKey) }</label>
            <label>{ format!("{} ", t(L::Value)) }
                <input data-testid="produce-value" type="text" value={(*value).clone()} oninput={on_value} maxlength={max} />
            </label>
            <label>{ format!("{} ", t(L::Partition)) }
                <select data-testid="produce-partition" onchange={on_partition}>
                    <option value="" selected={partition.is_none()}>{ t(L::PartitionerDecides) }</option>
                    { for (0..props.partitions).map(|p| html! {
                        <option value={p.to_string()} selected={*partition == Some(p)}>{ ProducerLine::PartitionOption { partition: p }.say(props.lang) }</option>
                    }) }
                </select>
            </label>
            <button data-testid="produce-send" class="primary" type="submit">{ t(L::Send) }</button>
        </form>
    }
}
