//! The picture's width (an effect): measured at start, on every window
//! resize, and when the inspector opens or closes beside the picture.

use gloo_events::EventListener;
use yew::prelude::*;

use crate::ui::browser::page::available_width;
use crate::ui::state::action::Action;

/// Reports the picture's width; `inspecting`: the inspector is open.
#[hook]
pub fn use_width(on_action: Callback<Action>, inspecting: bool) {
    {
        let on_action = on_action.clone();
        use_effect_with((), move |_| {
            on_action.emit(Action::Width(available_width()));
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "resize", move |_| {
                    on_action.emit(Action::Width(available_width()));
                })
            });
            move || drop(listener)
        });
    }
    use_effect_with(inspecting, move |_| {
        on_action.emit(Action::Width(available_width()));
    });
}
