//! The root component: holds the player, runs the animation frame loop while
//! playing, tracks the available width, and handles the keyboard
//! (space: play/pause, right arrow: one event).

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_render::{request_animation_frame, AnimationFrame};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::broker_panel::broker_panel;
use super::controls::Controls;
use super::event_log::event_log;
use super::metadata_panel::metadata_panel;
use super::retention_panel::{reset_notes, retention_panel};
use super::scene::scene;
use crate::engine::scenarios::default_scenario;
use crate::layout::SceneLayout;
use crate::player::Player;

/// What the controls ask of the player.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Play or pause.
    TogglePlay,
    /// Run to the next event and pause.
    Step,
    /// Set the speed.
    Speed(f64),
    /// Send a command to the engine (refusals are shown on the page).
    Engine(crate::engine::Command),
    /// Start over with another cluster (a built-in scene), paused at 0.
    Load(Box<crate::engine::ClusterConfig>),
    /// Show a refusal found before reaching the engine (input that does not parse).
    Refuse(String),
}

type Shared = Rc<RefCell<Player>>;

/// Applies an action; returns the engine's refusal, if any, in words.
fn apply(player: &Shared, action: Action) -> Option<String> {
    let mut p = player.borrow_mut();
    match action {
        Action::TogglePlay => {
            let playing = p.playing();
            p.set_playing(!playing);
        }
        Action::Step => p.step_event(),
        Action::Speed(s) => p.set_speed(s),
        Action::Engine(command) => return p.apply(command).err().map(|r| r.to_string()),
        Action::Load(config) => match Player::new(*config) {
            Ok(new) => *p = new,
            Err(refusal) => return Some(refusal.to_string()),
        },
        Action::Refuse(message) => return Some(message),
    }
    None
}

fn available_width() -> f64 {
    let doc = web_sys::window().and_then(|w| w.document());
    let from_root = doc
        .as_ref()
        .and_then(|d| d.get_element_by_id("scene-box"))
        .map(|e| f64::from(e.client_width()))
        .filter(|w| *w > 0.0);
    from_root
        .or_else(|| {
            web_sys::window()
                .and_then(|w| w.inner_width().ok())
                .and_then(|v| v.as_f64())
        })
        .unwrap_or(1024.0)
}

/// The whole app, opened on the built-in default scenario.
#[component]
pub fn App() -> Html {
    let player: Shared =
        use_mut_ref(|| Player::new(default_scenario()).expect("the default scenario is valid"));
    let frame = use_state(|| 0u64);
    let width = use_state(|| 1024.0f64);
    let playing = player.borrow().playing();

    // Track the width of the picture's box.
    {
        let width = width.clone();
        use_effect_with((), move |_| {
            width.set(available_width());
            let setter = width.clone();
            let listener = web_sys::window()
                .map(|w| EventListener::new(&w, "resize", move |_| setter.set(available_width())));
            move || drop(listener)
        });
    }

    // The frame loop runs while playing.
    {
        let player = player.clone();
        let frame = frame.clone();
        use_effect_with(playing, move |playing| {
            let handle: Rc<RefCell<Option<AnimationFrame>>> = Rc::new(RefCell::new(None));
            if *playing {
                let last = Rc::new(RefCell::new(None::<f64>));
                let h = handle.clone();
                let counter = Rc::new(RefCell::new(*frame));
                fn schedule(
                    h: Rc<RefCell<Option<AnimationFrame>>>,
                    player: Shared,
                    frame: UseStateHandle<u64>,
                    last: Rc<RefCell<Option<f64>>>,
                    counter: Rc<RefCell<u64>>,
                ) {
                    let h2 = h.clone();
                    *h.borrow_mut() = Some(request_animation_frame(move |t| {
                        let dt = last.borrow().map_or(0.0, |l| t - l);
                        *last.borrow_mut() = Some(t);
                        player.borrow_mut().tick(dt);
                        *counter.borrow_mut() += 1;
                        frame.set(*counter.borrow());
                        schedule(h2, player, frame, last, counter);
                    }));
                }
                schedule(h, player, frame, last, counter);
            }
            move || {
                handle.borrow_mut().take();
            }
        });
    }

    let refusal = use_state(|| None::<String>);
    let on_action = {
        let player = player.clone();
        let frame = frame.clone();
        let refusal = refusal.clone();
        Callback::from(move |action: Action| {
            let is_engine = matches!(
                action,
                Action::Engine(_) | Action::Load(_) | Action::Refuse(_)
            );
            let result = apply(&player, action);
            if is_engine {
                refusal.set(result);
            }
            frame.set(*frame + 1);
        })
    };

    // Keyboard: space plays/pauses, → steps one event.
    {
        let on_action = on_action.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().and_then(|w| w.document()).map(|doc| {
                EventListener::new(&doc, "keydown", move |e| {
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
                    match e.key().as_str() {
                        " " => {
                            e.prevent_default();
                            on_action.emit(Action::TogglePlay);
                        }
                        "ArrowRight" => {
                            e.prevent_default();
                            on_action.emit(Action::Step);
                        }
                        _ => {}
                    }
                })
            });
            move || drop(listener)
        });
    }

    let p = player.borrow();
    let layout = SceneLayout::new(p.sim(), *width);
    html! {
        <main id="app">
            <header class="top">
                <h1>{ "kafkascope" }</h1>
                <p class="tagline">{ "See Apache Kafka work: every record, offset and acknowledgement computed by a simulated cluster." }</p>
            </header>
            <Controls
                playing={p.playing()}
                speed={p.speed()}
                now_ms={p.sim().now_ms()}
                on_action={on_action.clone()}
            />
            if let Some(message) = (*refusal).clone() {
                <p class="refusal" role="alert" data-testid="refusal">{ message }</p>
            }
            <div id="scene-box" class="scene-box">
                { scene(&p, &layout) }
            </div>
            { reset_notes(p.sim()) }
            <p class="note">
                { "Teaching values in force: network slowed to " }
                { p.sim().config().network_latency_ms }
                { " ms per hop so messages are visible (a LAN takes well under 1 ms); auto-commit every 2 s (Kafka's default: 5 s). Everything else uses Kafka's defaults." }
            </p>
            <div class="panels">
                { broker_panel(p.sim(), &on_action) }
                { metadata_panel(p.sim()) }
                { retention_panel(p.sim(), &on_action) }
            </div>
            { event_log(&p) }
        </main>
    }
}
