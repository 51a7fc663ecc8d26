//! The caption under the picture: what just happened, in words (the event
//! the state picked: after a step or a seek the latest, while playing the
//! most telling recent one, at most once a second). Announced politely to
//! screen readers, so they hear at most one sentence a second.

use yew::prelude::*;

use crate::player::Player;
use crate::text::{format_time, Describe, Lang, PictureLabel, PictureLine, Say};

/// Most events searched back for the caption's event.
const LOOK_BACK: usize = 4_000;

/// The caption for event `event` (its id).
pub fn caption(player: &Player, event: Option<u64>, lang: Lang) -> Html {
    let found = event.and_then(|id| {
        player
            .log()
            .rev()
            .take(LOOK_BACK)
            .find(|e| e.id.0 == id)
            .map(|e| (e.at_ms, player.sim().describe_in(lang, e)))
    });
    match found {
        Some((at, text)) => html! {
            <p class="caption" data-testid="caption" aria-live="polite" title={text.clone()}>
                <time>{ format_time(at) }</time>{ " " }{ text }
            </p>
        },
        None => {
            let now = player.sim().now_ms();
            let text = if now == 0 {
                PictureLabel::CaptionIdle.say(lang).to_string()
            } else {
                PictureLine::Paused { at_ms: now }.say(lang)
            };
            html! { <p class="caption" data-testid="caption" aria-live="polite">{ text }</p> }
        }
    }
}
