//! The event log: what the engine did, in words, newest first.

use yew::prelude::*;

use crate::player::Player;

/// Lines shown.
pub const SHOWN: usize = 14;

/// The most recent events as a list that screen readers announce.
pub fn event_log(player: &Player) -> Html {
    html! {
        <section class="log" aria-label="Event log">
            <h2>{ "Event log" }</h2>
            <ol data-testid="event-log" role="log" aria-live="polite" aria-relevant="additions">
                { for player.log().rev().take(SHOWN).map(|line| html! {
                    <li key={line.event.id.0.to_string()}>
                        <time>{ format!("{:.3} s", line.event.at_ms as f64 / 1000.0) }</time>
                        { " " }
                        <span>{ &line.text }</span>
                    </li>
                }) }
            </ol>
        </section>
    }
}
