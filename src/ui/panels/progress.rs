//! The progress line of long work (a link, a lesson, a far seek): what is
//! being done in plain words, a progress bar with the percentage, and a
//! Cancel button.

use yew::prelude::*;

use crate::player::Busy;
use crate::text::line_work::Progress;
use crate::text::{Lang, PageLabel, Say};
use crate::ui::state::action::Action;

/// The progress line for `busy`.
pub fn progress(busy: Busy, lang: Lang, on_action: &Callback<Action>) -> Html {
    let label = Progress {
        purpose: busy.purpose,
        goal_ms: busy.goal_ms,
    }
    .say(lang);
    let percent = (busy.fraction * 100.0).floor().clamp(0.0, 99.0) as u32;
    let on_cancel = on_action.reform(|_: MouseEvent| Action::Cancel);
    html! {
        <div class="work" role="status" aria-live="polite" data-testid="progress">
            <span class="work-label" data-testid="progress-label">{ format!("{label} {percent}%") }</span>
            <progress max="100" value={percent.to_string()} aria-label={label.clone()} data-testid="progress-bar"></progress>
            <button type="button" onclick={on_cancel} data-testid="cancel-work">{ PageLabel::Cancel.say(lang) }</button>
        </div>
    }
}
