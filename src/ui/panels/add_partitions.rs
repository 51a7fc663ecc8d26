//! Adding partitions to the producer's topic (`CreatePartitions`), with the
//! warning about keys, and the keys that moved once the producer saw the
//! new count.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::engine::producer::Producer;
use crate::engine::{Command, Sim};
use crate::text::{Lang, ProducerLabel as L, ProducerLine as PL, Say};
use crate::ui::state::action::Action;

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
    let t = |label: L| label.say(lang);
    html! {
        <form class="add-partitions" onsubmit={onsubmit} aria-label={t(L::AddPartitions)}>
            <h3>{ t(L::AddPartitions) }</h3>
            <p class="warning" role="note">
                <strong>{ t(L::KeysMayMove) }</strong>
                { t(L::KeysMayMoveText) }
            </p>
            <label>{ PL::PartitionsLabel { topic: props.topic.clone() }.say(lang) }
                <input data-testid="partitions-total" type="number" min="1"
                    max={crate::engine::limits::MAX_PARTITIONS.to_string()}
                    value={total.to_string()} oninput={on_input} />
            </label>
            { " " }
            <button data-testid="add-partitions" type="submit">{ PL::SetPartitionCount { now: props.current }.say(lang) }</button>
        </form>
    }
}

/// The latest partition change as the producer sees it, moved keys highlighted.
pub(super) fn moved_keys(sim: &Sim, p: &Producer, lang: Lang) -> Html {
    let total = sim.topics()[p.topic.0 as usize].partitions.len() as u32;
    let refreshed = p.last_repartition.clone();
    let pending = (p.known_partitions != total).then(|| {
        let age = p.config.metadata_max_age_ms;
        let next = (sim.now_ms() / age + 1) * age;
        html! {
            <p class="hint" data-testid="metadata-pending">{ PL::MetadataPending {
                total,
                producer: p.config.name.clone(),
                known: p.known_partitions,
                next_s: next as f64 / 1000.0,
                age_s: age / 1000,
            }.say(lang) }</p>
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
                    { if m.is_some() {
                        PL::KeyMoves { key: k.to_string(), from: old, to: new }.say(lang)
                    } else {
                        PL::KeyStays { key: k.to_string(), partition: new }.say(lang)
                    } }
                </li>
            }
        })
        .collect();
    html! {
        <div class="stage">
            { pending.unwrap_or_default() }
            <h3>{ PL::KeysAfter { from, to, moved: moved.len(), total: p.keys.len() }.say(lang) }</h3>
            <ul class="keys">{ for all }</ul>
        </div>
    }
}
