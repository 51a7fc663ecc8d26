//! The event log: what the engine did, in words, newest first, filterable,
//! announced to screen readers (politely, and not while playing fast, when
//! it would never stop talking).

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::player::Player;
use crate::text::{format_time, AppLabel as L, Describe, Lang};
use crate::ui::state::action::Action;

/// Lines shown.
pub const SHOWN: usize = 14;

/// The most recent events, filtered by `filter` (words that must all appear,
/// ASCII letters in any case; Korean has no case, and ASCII folding keeps
/// Unicode's case tables out of the wasm).
pub fn event_log(player: &Player, lang: Lang, filter: &str, on_action: &Callback<Action>) -> Html {
    let words: Vec<String> = filter
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect();
    let sim = player.sim();
    let lines: Vec<(u64, u64, String)> = player
        .log()
        .rev()
        .map(|e| (e.id.0, e.at_ms, sim.describe_in(lang, e)))
        .filter(|(_, _, text)| {
            let lower = text.to_ascii_lowercase();
            words.iter().all(|w| lower.contains(w))
        })
        .take(SHOWN)
        .collect();
    let on_filter = on_action.reform(|e: InputEvent| {
        Action::Filter(
            e.target_dyn_into::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default(),
        )
    });
    let live = if player.playing() && player.speed() > 1.0 {
        "off"
    } else {
        "polite"
    };
    html! {
        <section class="log" aria-labelledby="log-h">
            <div class="panel-head">
                <h2 id="log-h">{ L::EventLog.say(lang) }</h2>
                <label class="filter">
                    { L::Filter.say(lang) }{ " " }
                    <input type="search" data-testid="log-filter" value={filter.to_string()}
                        placeholder={L::FilterPlaceholder.say(lang)} oninput={on_filter} />
                </label>
            </div>
            <ol data-testid="event-log" role="log" aria-live={live} aria-relevant="additions">
                { for lines.into_iter().map(|(id, at, text)| html! {
                    <li key={id.to_string()}>
                        <time>{ format_time(at) }</time>
                        { " " }
                        <span>{ text }</span>
                    </li>
                }) }
            </ol>
        </section>
    }
}
