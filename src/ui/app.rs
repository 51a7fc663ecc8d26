//! The root component: holds the player, runs the animation frame loop while
//! playing, tracks the available width, keeps the UI state (language,
//! selection, log filter, notices) and handles the keyboard (space:
//! play/pause, → / ←: one event forward / back, Home / End: start / end of
//! the history, Escape: close the inspector).

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use gloo_render::{request_animation_frame, AnimationFrame};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::broker_panel::broker_panel;
use super::controls::Controls;
use super::event_log::event_log;
use super::group_panel::groups_panel;
use super::i18n::{teaching_note, Lang};
use super::inspector::{inspector, Selection};
use super::metadata_panel::metadata_panel;
use super::partitioner_compare::PartitionerCompare;
use super::producer_panel::producer_panel;
use super::retention_panel::{reset_notes, retention_panel};
use super::scene::{scene, Cx};
use crate::engine::scenarios::default_scenario;
use crate::layout::SceneLayout;
use crate::player::Player;

/// What the user asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Play or pause.
    TogglePlay,
    /// Run to the next event and pause.
    Step,
    /// Undo the latest event and pause.
    StepBack,
    /// Go to a simulated time.
    Seek(u64),
    /// Set the speed.
    Speed(f64),
    /// Send a command to the engine (refusals are shown on the page).
    Engine(crate::engine::Command),
    /// Select something to inspect (or close the inspector).
    Select(Option<Selection>),
    /// Filter the event log.
    Filter(String),
    /// Switch the UI language.
    SetLang(Lang),
    /// Start over with another cluster (a built-in scene), paused at 0.
    Load(Box<crate::engine::ClusterConfig>),
    /// Show a refusal found before reaching the engine (input that does not parse).
    Refuse(String),
}

/// A message above the picture.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// A refusal: what was asked cannot be done, and why.
    Refused(String),
    /// The past was changed and the recorded future discarded.
    Forked,
}

type Shared = Rc<RefCell<Player>>;

/// Applies an action to the player; returns the notice to show, if any.
fn apply(player: &Shared, action: Action) -> Option<Notice> {
    let mut p = player.borrow_mut();
    match action {
        Action::TogglePlay => {
            let playing = p.playing();
            p.set_playing(!playing);
        }
        Action::Step => p.step_event(),
        Action::StepBack => p.step_back(),
        Action::Seek(t) => p.seek(t),
        Action::Speed(s) => p.set_speed(s),
        Action::Engine(command) => {
            return match p.apply(command) {
                Ok(true) => Some(Notice::Forked),
                Ok(false) => None,
                Err(r) => Some(Notice::Refused(r.to_string())),
            }
        }
        Action::Load(config) => match Player::new(*config) {
            Ok(new) => *p = new,
            Err(refusal) => return Some(Notice::Refused(refusal.to_string())),
        },
        Action::Refuse(message) => return Some(Notice::Refused(message)),
        Action::Select(_) | Action::Filter(_) | Action::SetLang(_) => {}
    }
    None
}

/// The story of the selected record, cached by position in the history.
#[derive(Clone, Debug, Default, PartialEq)]
struct StoryCache {
    key: Option<(crate::engine::RecordId, u64)>,
    lines: Vec<crate::story::StoryLine>,
}

/// The page's query string (`?scenario=stress&autoplay=1`), for the built-in
/// scenarios; share links and embed options build on this.
fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.chars().take(64).collect())
}

/// The scenario the page opens on: `?scenario=stress` for the stress scene
/// of the budgets, the default one otherwise.
fn initial_config() -> crate::engine::ClusterConfig {
    match query_param("scenario").as_deref() {
        Some("stress") => crate::engine::scenarios::stress_scenario(),
        _ => default_scenario(),
    }
}

/// `?autoplay=1` starts playing at once.
fn autoplay_requested() -> bool {
    matches!(query_param("autoplay").as_deref(), Some("1" | "true"))
}

/// Whether the reader asked the system for less motion.
fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// The browser's language, Korean or English.
fn initial_lang() -> Lang {
    let lang = web_sys::window()
        .map(|w| w.navigator())
        .and_then(|n| n.language())
        .unwrap_or_default();
    let lang = Lang::from_tag(&lang);
    set_document_lang(lang);
    lang
}

/// `<html lang=…>`, so screen readers speak the right language.
fn set_document_lang(lang: Lang) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.tag());
    }
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
    let player: Shared = use_mut_ref(|| {
        let mut p = Player::new(initial_config()).expect("built-in scenarios are valid");
        if autoplay_requested() {
            p.set_playing(true);
        }
        p
    });
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

    let notice = use_state(|| None::<Notice>);
    let selection = use_state(|| None::<Selection>);
    let filter = use_state(String::new);
    let lang = use_state(initial_lang);
    let story = use_mut_ref(StoryCache::default);
    let reduced_motion = use_state(prefers_reduced_motion);
    let on_action = {
        let player = player.clone();
        let frame = frame.clone();
        let notice = notice.clone();
        let selection = selection.clone();
        let filter = filter.clone();
        let lang = lang.clone();
        Callback::from(move |action: Action| {
            match &action {
                Action::Select(s) => selection.set(s.clone()),
                Action::Filter(f) => filter.set(f.chars().take(200).collect()),
                Action::SetLang(l) => {
                    set_document_lang(*l);
                    lang.set(*l);
                }
                _ => {}
            }
            let is_engine = matches!(
                action,
                Action::Engine(_) | Action::Load(_) | Action::Refuse(_)
            );
            let result = apply(&player, action);
            if is_engine {
                notice.set(result);
            }
            frame.set(*frame + 1);
        })
    };

    // Keyboard: space plays/pauses, → steps one event.
    {
        let on_action = on_action.clone();
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
                    let action = match e.key().as_str() {
                        " " => Action::TogglePlay,
                        "ArrowRight" => Action::Step,
                        "ArrowLeft" => Action::StepBack,
                        "Home" => Action::Seek(0),
                        "End" => Action::Seek(u64::MAX),
                        "Escape" => Action::Select(None),
                        _ => return,
                    };
                    e.prevent_default();
                    on_action.emit(action);
                })
            });
            move || drop(listener)
        });
    }

    let p = player.borrow();
    let lang = *lang;
    let t = lang.texts();
    let layout = SceneLayout::new(p.sim(), *width);
    // The selected record's story: replayed when the position changed (at
    // most once a simulated second while playing).
    if let Some(Selection::Record { id, created_at_ms }) = &*selection {
        let position = p.sim().event_count();
        let mut cache = story.borrow_mut();
        let stale = match cache.key {
            Some((rid, at)) if rid == *id => {
                at != position && (!p.playing() || p.sim().now_ms() % 1000 < 20)
            }
            _ => true,
        };
        if stale {
            cache.lines = p.timeline().record_story(*id, *created_at_ms);
            cache.key = Some((*id, position));
        }
    }
    let story_lines = story.borrow().lines.clone();
    let cx = Cx {
        player: &p,
        lang,
        t,
        on_action: &on_action,
        selected: selection.as_ref(),
        reduced_motion: *reduced_motion,
        dense: layout.brokers.iter().map(|b| b.rows.len()).sum::<usize>()
            > crate::layout::DENSE_ROWS,
    };
    let (compare_partitions, compare_keys) =
        p.sim().producers().first().map_or((1, Vec::new()), |x| {
            (x.known_partitions, x.config.keys.clone())
        });
    html! {
        <main id="app" lang={lang.tag()}>
            <header class="top">
                <h1>{ "kafkascope" }</h1>
                <p class="tagline">{ t.tagline }</p>
            </header>
            <Controls
                playing={p.playing()}
                speed={p.speed()}
                now_ms={p.sim().now_ms()}
                horizon_ms={p.timeline().horizon_ms()}
                in_past={p.timeline().in_past()}
                lang={lang}
                on_action={on_action.clone()}
            />
            { match (*notice).clone() {
                Some(Notice::Refused(message)) => html! {
                    <p class="refusal" role="alert" data-testid="refusal">{ t.refused }{ message }</p>
                },
                Some(Notice::Forked) => html! {
                    <p class="forked" role="status" data-testid="forked">{ t.forked }</p>
                },
                None => Html::default(),
            } }
            <div class="stage">
                <div id="scene-box" class="scene-box">
                    { scene(&cx, &layout) }
                </div>
                { inspector(p.sim(), selection.as_ref(), &story_lines, lang, &on_action) }
            </div>
            { reset_notes(p.sim(), lang) }
            <p class="note">{ teaching_note(lang, p.sim().config().network_latency_ms) }</p>
            { groups_panel(p.sim(), lang, &on_action) }
            { producer_panel(&p, lang, &on_action) }
            <PartitionerCompare partitions={compare_partitions} keys={compare_keys} seed={p.sim().config().seed} lang={lang} />
            <div class="panels">
                { broker_panel(p.sim(), &on_action, lang) }
                { metadata_panel(p.sim(), lang) }
                { retention_panel(p.sim(), lang, &on_action) }
            </div>
            { event_log(&p, lang, &filter, &on_action) }
        </main>
    }
}
