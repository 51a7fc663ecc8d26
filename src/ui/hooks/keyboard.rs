//! The keyboard (an effect): space plays or pauses, → steps one event, ←
//! steps back, Home and End go to the start and end of the history, Escape
//! cancels long work or closes the inspector. Keys typed in a field are
//! the field's.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::player::Player;
use crate::ui::state::action::Action;

/// The action a key asks for (`busy`: long work runs).
#[must_use]
pub fn key_action(key: &str, busy: bool) -> Option<Action> {
    Some(match key {
        " " => Action::TogglePlay,
        "ArrowRight" => Action::Step,
        "ArrowLeft" => Action::StepBack,
        "Home" => Action::Seek(0),
        "End" => Action::Seek(u64::MAX),
        "Escape" if busy => Action::Cancel,
        "Escape" => Action::Select(None),
        _ => return None,
    })
}

/// Listens to the keyboard for the page's lifetime.
#[hook]
pub fn use_keyboard(on_action: Callback<Action>, player: Rc<RefCell<Player>>) {
    use_effect_with((), move |_| {
        let listener = web_sys::window().and_then(|w| w.document()).map(|doc| {
            // Not passive: space must not scroll the page.
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&doc, "keydown", options, move |e| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                let tag = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .map(|el| el.tag_name().to_ascii_lowercase())
                    .unwrap_or_default();
                if matches!(tag.as_str(), "input" | "select" | "textarea" | "button") {
                    return;
                }
                let busy = player.borrow().busy().is_some();
                if let Some(action) = key_action(&e.key(), busy) {
                    e.prevent_default();
                    on_action.emit(action);
                }
            })
        });
        move || drop(listener)
    });
}
