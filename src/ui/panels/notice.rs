//! The notice above the picture: a refusal and why, a changed past, a
//! cancel, in the language of the moment.

use yew::prelude::*;

use crate::text::{Lang, Notice, Say};

/// The notice, if any.
pub fn notice(notice: Option<&Notice>, lang: Lang) -> Html {
    match notice {
        Some(n @ Notice::Refused(_)) => html! {
            <p class="refusal" role="alert" data-testid="refusal">{ n.say(lang) }</p>
        },
        Some(n @ Notice::Forked) => html! {
            <p class="forked" role="status" data-testid="forked">{ n.say(lang) }</p>
        },
        Some(n @ Notice::Cancelled(_)) => html! {
            <p class="forked" role="status" data-testid="info">{ n.say(lang) }</p>
        },
        None => Html::default(),
    }
}
