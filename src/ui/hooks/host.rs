//! The host page of an embed (an effect): its `postMessage` messages, from
//! allowed origins only and at most [`MAX_HOST_MESSAGES_PER_SECOND`] a
//! second, become actions; the host hears `ready` at start and the state
//! after each message handled and each piece of long work that ended.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::player::Player;
use crate::text::notice::Problem;
use crate::ui::browser::failure;
use crate::ui::browser::page::{framed, own_origin, performance_now, referrer};
use crate::ui::state::action::Action;
use crate::ui::state::embed::{
    embedder_origin, Admit, EmbedOptions, HostMessage, MessageBudget, MAX_HOST_MESSAGES_PER_SECOND,
};

/// The embedding page's origin, from the referrer: only inside a frame (a
/// page that opened kafkascope in a popup or a tab is not its embedder).
fn embedder() -> Option<String> {
    embedder_origin(framed(), &referrer())
}

/// Where events for the host page go: the first allowed origin, or the
/// embedding page's origin; `None` when not framed.
pub(crate) fn reply_origin(options: &EmbedOptions) -> Option<String> {
    if !framed() {
        return None;
    }
    options.origins.first().cloned().or_else(embedder)
}

/// Posts `{ kafkascope: 1, type, t, playing, speed, loading }` to the host
/// page (`loading`: the fraction of long work done, or `null`).
fn post_state(player: &RefCell<Player>, kind: &str, origin: Option<&str>) {
    let (Some(origin), Some(window)) = (origin, web_sys::window()) else {
        return;
    };
    let Some(parent) = window.parent().ok().flatten() else {
        return;
    };
    let p = player.borrow();
    let message = js_sys::Object::new();
    let set = |k: &str, v: wasm_bindgen::JsValue| {
        let _ = js_sys::Reflect::set(&message, &k.into(), &v);
    };
    set("kafkascope", 1.into());
    set("type", kind.into());
    set("t", (p.sim().now_ms() as f64).into());
    set("playing", p.playing().into());
    set("speed", p.speed().into());
    set(
        "loading",
        p.busy()
            .map_or(wasm_bindgen::JsValue::NULL, |b| b.fraction.into()),
    );
    let _ = parent.post_message(&message, origin);
}

/// The page's content height, px (the bottom of `main#app`).
fn content_height() -> Option<f64> {
    let window = web_sys::window()?;
    let main = window.document()?.get_element_by_id("app")?;
    let bottom = main.get_bounding_client_rect().bottom() + window.scroll_y().unwrap_or(0.0);
    Some(bottom.ceil())
}

/// Posts `{ kafkascope: 1, type: "resize", height }` to the host page when
/// the content's height changed (a host can size the frame to it).
fn post_resize(origin: Option<&str>, last: &std::cell::Cell<f64>) {
    let (Some(origin), Some(window), Some(height)) = (origin, web_sys::window(), content_height())
    else {
        return;
    };
    if (height - last.get()).abs() < 1.0 {
        return;
    }
    last.set(height);
    let Some(parent) = window.parent().ok().flatten() else {
        return;
    };
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"kafkascope".into(), &1.into());
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"resize".into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
    let _ = parent.post_message(&message, origin);
}

/// A validated message from an allowed origin, as an action.
fn host_action(options: &EmbedOptions, e: &web_sys::MessageEvent) -> Option<Action> {
    let own = own_origin()?;
    if !options.allows(&e.origin(), &own, embedder().as_deref()) {
        return None;
    }
    let data = e.data();
    let get = |k: &str| js_sys::Reflect::get(&data, &k.into()).ok();
    if get("kafkascope").and_then(|v| v.as_f64()) != Some(1.0) {
        return None;
    }
    let kind = get("type")?.as_string()?;
    let value = get("value");
    let message = HostMessage::parse(
        &kind,
        value.as_ref().and_then(|v| v.as_f64()),
        value.as_ref().and_then(|v| v.as_string()).as_deref(),
    );
    Some(match message {
        Ok(HostMessage::Play) => Action::SetPlaying(true),
        Ok(HostMessage::Pause) => Action::SetPlaying(false),
        Ok(HostMessage::Toggle) => Action::TogglePlay,
        Ok(HostMessage::Step) => Action::Step,
        Ok(HostMessage::Back) => Action::StepBack,
        Ok(HostMessage::Seek(t)) => Action::Seek(t),
        Ok(HostMessage::Speed(s)) => Action::Speed(s),
        Ok(HostMessage::Lang(l)) => Action::SetLang(l),
        Ok(HostMessage::GotoStep(n)) => Action::GotoStep(n - 1),
        Ok(HostMessage::NextStep) => Action::NextStep,
        Ok(HostMessage::PreviousStep) => Action::PreviousStep,
        Ok(HostMessage::Snapshot) => Action::Snapshot,
        Err(why) => Action::Refuse(Problem::HostMessage(why)),
    })
}

/// Listens to the host page and answers it; `outcomes` counts long work
/// that ended (the host hears the state after each).
#[hook]
pub fn use_host(
    options: Rc<EmbedOptions>,
    on_action: Callback<Action>,
    player: Rc<RefCell<Player>>,
    outcomes: u64,
) {
    {
        let options = options.clone();
        let player = player.clone();
        use_effect_with((), move |_| {
            let reply_to = reply_origin(&options);
            failure::configure(reply_to.as_deref());
            post_state(&player, "ready", reply_to.as_deref());
            // The content's height, whenever it changes.
            let last = Rc::new(std::cell::Cell::new(0.0));
            let resized = {
                let (origin, last) = (reply_to.clone(), Rc::clone(&last));
                // Posted on the next frame, not inside the observer's callback.
                let pending: Rc<RefCell<Option<gloo_render::AnimationFrame>>> = Rc::default();
                wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
                    let (origin, last) = (origin.clone(), Rc::clone(&last));
                    let frame = gloo_render::request_animation_frame(move |_| {
                        post_resize(origin.as_deref(), &last);
                    });
                    *pending.borrow_mut() = Some(frame);
                })
            };
            let observer = reply_to.as_ref().and_then(|_| {
                let o = web_sys::ResizeObserver::new(resized.as_ref().unchecked_ref()).ok()?;
                let app = web_sys::window()?.document()?.get_element_by_id("app")?;
                o.observe(&app);
                Some(o)
            });
            let mut budget = MessageBudget::default();
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "message", move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::MessageEvent>() else {
                        return;
                    };
                    let Some(action) = host_action(&options, e) else {
                        return;
                    };
                    match budget.admit(performance_now()) {
                        Admit::Yes => {
                            on_action.emit(action);
                            post_state(&player, "state", reply_to.as_deref());
                        }
                        Admit::FirstRefused => {
                            on_action.emit(Action::Refuse(Problem::TooManyHostMessages {
                                max: MAX_HOST_MESSAGES_PER_SECOND,
                            }));
                        }
                        Admit::No => {}
                    }
                })
            });
            move || {
                drop(listener);
                if let Some(o) = observer {
                    o.disconnect();
                }
                drop(resized);
            }
        });
    }
    use_effect_with(outcomes, move |outcomes| {
        if *outcomes > 0 {
            post_state(&player, "state", reply_origin(&options).as_deref());
        }
    });
}
