//! The picture's box (an effect): its width, and the height the screen
//! leaves it, measured at start, on every window resize, whenever the page
//! around the picture changes size (a notice, the legend, a lesson's
//! narration: a `ResizeObserver` on the page) and when `deps` change.
//! Reported only when they changed, so measuring never loops.

use std::cell::Cell;
use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::browser::page::{available_height, available_width};
use crate::ui::state::action::Action;

fn report(on_action: &Callback<Action>, embed: bool, last: &Cell<(f64, f64)>) {
    let (w, h) = (available_width(), available_height(embed));
    let (lw, lh) = last.get();
    if (w - lw).abs() >= 0.5 {
        on_action.emit(Action::Width(w));
    }
    if (h - lh).abs() >= 0.5 {
        on_action.emit(Action::Height(h));
    }
    last.set((w, h));
}

/// Reports the picture's width and height; `embed`: the page is framed (so
/// everything must fit, not only the first screen).
#[hook]
pub fn use_picture_box<D: PartialEq + 'static>(on_action: Callback<Action>, embed: bool, deps: D) {
    let last = use_memo((), |_| Rc::new(Cell::new((0.0, 0.0))));
    {
        let on_action = on_action.clone();
        let last = Rc::clone(&last);
        use_effect_with((), move |_| {
            report(&on_action, embed, &last);
            let on_resize = {
                let (on_action, last) = (on_action.clone(), Rc::clone(&last));
                move |_: &web_sys::Event| report(&on_action, embed, &last)
            };
            let listener = web_sys::window().map(|w| EventListener::new(&w, "resize", on_resize));
            // Measured on the next frame, never inside the observer's
            // callback (a change of size there is a "ResizeObserver loop"
            // error the page would report as a failure).
            let pending: Rc<std::cell::RefCell<Option<gloo_render::AnimationFrame>>> =
                Rc::default();
            let observed = Closure::<dyn FnMut()>::new(move || {
                let (on_action, last) = (on_action.clone(), Rc::clone(&last));
                let frame = gloo_render::request_animation_frame(move |_| {
                    report(&on_action, embed, &last);
                });
                *pending.borrow_mut() = Some(frame);
            });
            let observer = web_sys::ResizeObserver::new(observed.as_ref().unchecked_ref()).ok();
            if let (Some(o), Some(app)) = (
                &observer,
                web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id("app")),
            ) {
                o.observe(&app);
            }
            move || {
                drop(listener);
                if let Some(o) = observer {
                    o.disconnect();
                }
                drop(observed);
            }
        });
    }
    let last = Rc::clone(&last);
    use_effect_with(deps, move |_| report(&on_action, embed, &last));
}
