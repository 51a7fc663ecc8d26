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
use super::embed::{
    embedder_origin, Admit, EmbedOptions, HostMessage, MessageBudget, Theme,
    MAX_HOST_MESSAGES_PER_SECOND,
};
use super::event_log::event_log;
use super::group_panel::groups_panel;
use super::i18n::work::{busy as busy_text, cancelled, link_refused, work_refused};
use super::i18n::{teaching_note, Lang};
use super::inspector::{inspector, Selection};
use super::lesson_player::{lesson_panel, lesson_titles, LessonView};
use super::metadata_panel::metadata_panel;
use super::partitioner_compare::PartitionerCompare;
use super::producer_panel::producer_panel;
use super::progress::progress;
use super::retention_panel::{reset_notes, retention_panel};
use super::scene::{scene, Cx};
use super::share_panel::SharePanel;
use crate::engine::scenarios::default_scenario;
use crate::job::{Job, Purpose};
use crate::layout::SceneLayout;
use crate::player::{Outcome, Player, LOG_LINES};
use crate::share::{builtin, SharedState};
use crate::timeline::Goal;

/// What the user asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Play or pause.
    TogglePlay,
    /// Play (`true`) or pause.
    SetPlaying(bool),
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
    /// Open a built-in lesson in the lesson player.
    OpenLesson(String),
    /// Go to a lesson step (index from 0).
    GotoStep(usize),
    /// Leave the lesson for free play (`true`) or return to it (`false`).
    LeaveLesson(bool),
    /// Start over with another cluster (a built-in scene), paused at 0.
    Load(Box<crate::engine::ClusterConfig>),
    /// Show a refusal found before reaching the engine (input that does not parse).
    Refuse(String),
    /// Stop the long work under way (a link, a lesson, a far seek).
    Cancel,
}

/// A message above the picture.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// A refusal: what was asked cannot be done, and why.
    Refused(String),
    /// The past was changed and the recorded future discarded.
    Forked,
    /// Something the reader should know (a cancel).
    Info(String),
}

type Shared = Rc<RefCell<Player>>;

/// Applies an action to the player; returns the notice to show, if any.
/// While long work runs, only a cancel, a seek (which points it elsewhere)
/// and what does not touch the engine are taken.
fn apply(player: &Shared, action: Action, lang: Lang) -> Option<Notice> {
    let mut p = player.borrow_mut();
    let waits = matches!(
        action,
        Action::TogglePlay
            | Action::SetPlaying(true)
            | Action::Step
            | Action::StepBack
            | Action::Engine(_)
            | Action::Load(_)
    );
    if waits && p.busy().is_some() {
        return Some(Notice::Refused(busy_text(lang).to_string()));
    }
    match action {
        Action::TogglePlay => {
            let playing = p.playing();
            p.set_playing(!playing);
        }
        Action::SetPlaying(on) => p.set_playing(on),
        Action::Step => p.step_event(),
        Action::StepBack => return p.step_back().map(Notice::Refused),
        Action::Seek(t) => return p.seek(t).and_then(|o| outcome_notice(o, lang)),
        Action::Speed(s) => p.set_speed(s),
        Action::Cancel => {
            let purpose = p.busy().map(|b| b.purpose);
            p.cancel();
            return purpose.map(|what| Notice::Info(cancelled(lang, what).to_string()));
        }
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
        Action::Select(_)
        | Action::Filter(_)
        | Action::SetLang(_)
        | Action::OpenLesson(_)
        | Action::GotoStep(_)
        | Action::LeaveLesson(_) => {}
    }
    None
}

/// The notice for how long work ended (none when it simply got there).
fn outcome_notice(outcome: Outcome, lang: Lang) -> Option<Notice> {
    match outcome {
        Outcome::Done(_) => None,
        Outcome::Refused(Purpose::Link, why) => Some(Notice::Refused(link_refused(lang, &why))),
        Outcome::Refused(purpose, why) => Some(Notice::Refused(work_refused(lang, purpose, &why))),
    }
}

/// The story of the selected record, cached by position in the history.
#[derive(Clone, Debug, Default, PartialEq)]
struct StoryCache {
    key: Option<(crate::engine::RecordId, u64)>,
    story: crate::timeline::Story,
}

/// The player the page opens on, and what was wrong with the address: a
/// share link (`#s=…`) when there is one (opened as work with progress, on
/// top of the default scene), else `?scenario=NAME`, else the default
/// scenario. A broken link or unknown name falls back to the default
/// scenario, with a message saying why.
fn initial_player(options: &EmbedOptions) -> (Player, Vec<String>) {
    let mut notes = options.warnings.clone();
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    if let Some(payload) = hash.strip_prefix("#s=") {
        match SharedState::decode(payload).and_then(|s| s.job()) {
            Ok(job) => {
                let mut player =
                    Player::new(default_scenario()).expect("built-in scenarios are valid");
                if let Some(Outcome::Refused(_, why)) = player.start(job) {
                    notes.push(link_refused(Lang::En, &why));
                }
                return (player, notes);
            }
            Err(e) => notes.push(link_refused(Lang::En, &e)),
        }
    }
    let config = match options.scenario.as_deref() {
        None => default_scenario(),
        Some(name) => builtin(name).unwrap_or_else(|| {
            notes.push(format!(
                "There is no built-in scenario \"{}\" (built in: default, stress, retention). Showing the default scenario.",
                crate::text::quote_input(name)
            ));
            default_scenario()
        }),
    };
    (
        Player::new(config).expect("built-in scenarios are valid"),
        notes,
    )
}

/// Opens a built-in lesson at a step (index from 0): the work that builds
/// its history on a timeline (the scenario's commands at their times) and
/// goes to the moment the step's expectations hold, and its view.
fn open_lesson(id: &str, step: usize) -> Result<(Job, LessonView), String> {
    let lesson = crate::scenario::lessons::lesson(id).ok_or_else(|| {
        format!(
            "There is no built-in lesson \"{}\".",
            crate::text::quote_input(id)
        )
    })?;
    let scenario = lesson
        .scenario()
        .map_err(|e| format!("The lesson \"{id}\" does not load: {e}"))?;
    let plan = scenario.plan();
    let step = step.min(plan.markers.len().saturating_sub(1));
    let goal = plan.markers.get(step).map_or(plan.end_ms, |m| m.end_ms);
    let job = Job::build(
        Purpose::Lesson,
        plan.config.clone(),
        plan.commands.clone(),
        plan.end_ms,
        Goal::Time(goal),
        false,
        LOG_LINES,
    )
    .map_err(|e| format!("The lesson \"{id}\" is refused: {e}"))?;
    let title = &scenario.file().title;
    Ok((
        job,
        LessonView {
            id: id.to_string(),
            title: (title.en.clone(), title.ko.clone()),
            markers: Rc::new(plan.markers),
            step,
            active: true,
        },
    ))
}

/// The page's address without query or hash.
fn base_url() -> String {
    web_sys::window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .unwrap_or_default()
}

/// `<html data-theme=…>` when the URL forces a theme.
fn set_theme(theme: Theme) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = match theme {
            Theme::Auto => root.remove_attribute("data-theme"),
            other => root.set_attribute("data-theme", other.name()),
        };
    }
}

/// Whether the page is inside a frame (`window.parent !== window`).
fn framed() -> bool {
    web_sys::window().is_some_and(|w| {
        w.parent()
            .ok()
            .flatten()
            .is_some_and(|parent| !js_sys::Object::is(&parent, &w))
    })
}

/// The embedding page's origin, from the referrer: only inside a frame (a
/// page that opened kafkascope in a popup or a tab is not its embedder).
fn embedder() -> Option<String> {
    let referrer = web_sys::window()?.document()?.referrer();
    embedder_origin(framed(), &referrer)
}

/// Where events for the host page go: the first allowed origin, or the
/// embedding page's origin; `None` when not framed.
fn reply_origin(options: &EmbedOptions) -> Option<String> {
    if !framed() {
        return None;
    }
    options.origins.first().cloned().or_else(embedder)
}

/// Posts `{ kafkascope: 1, type, t, playing, speed, loading }` to the host
/// page (`loading`: the fraction of long work done, or `null`).
fn post_state(player: &Shared, kind: &str, origin: Option<&str>) {
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

/// A validated message from an allowed origin, as an action.
fn host_action(options: &EmbedOptions, e: &web_sys::MessageEvent) -> Option<Action> {
    let window = web_sys::window()?;
    let own = window.location().origin().ok()?;
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
        Err(why) => Action::Refuse(format!("A message from the host page was ignored: {why}")),
    })
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

/// Real time a frame's slice of long work aims at, ms.
const WORK_FRAME_MS: f64 = 10.0;

/// The frame loop's state: plays the player, or runs a slice of its work.
struct FrameLoop {
    player: Shared,
    frame: UseStateHandle<u64>,
    notice: UseStateHandle<Option<Notice>>,
    on_outcome: Callback<Outcome>,
    last: Option<f64>,
    counter: u64,
    /// Engine steps per slice of work, adapted to take about [`WORK_FRAME_MS`].
    slice: u64,
}

impl FrameLoop {
    /// One frame; `false` when the loop must stop (the app failed).
    fn on_frame(&mut self, t: f64) -> bool {
        if super::failure::failed() {
            return false;
        }
        let dt = self.last.map_or(0.0, |l| t - l);
        self.last = Some(t);
        let (outcome, paused) = {
            let mut p = self.player.borrow_mut();
            if p.busy().is_some() {
                let start = performance_now();
                let outcome = p.work(self.slice);
                let took = (performance_now() - start).max(0.25);
                let factor = (WORK_FRAME_MS / took).clamp(0.5, 2.0);
                self.slice = ((self.slice as f64 * factor) as u64).clamp(1_000, 400_000);
                (outcome, None)
            } else {
                (None, p.tick(dt))
            }
        };
        if let Some(outcome) = outcome {
            self.on_outcome.emit(outcome);
        }
        if let Some(why) = paused {
            self.notice.set(Some(Notice::Refused(why)));
        }
        self.counter += 1;
        self.frame.set(self.counter);
        true
    }
}

fn schedule(handle: Rc<RefCell<Option<AnimationFrame>>>, mut state: FrameLoop) {
    let next = handle.clone();
    *handle.borrow_mut() = Some(request_animation_frame(move |t| {
        if state.on_frame(t) {
            schedule(next, state);
        }
    }));
}

/// The page's clock, ms (only to size slices of work; the engine never sees it).
fn performance_now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// The whole app, opened on the built-in default scenario.
#[component]
pub fn App() -> Html {
    let options = use_memo((), |_| {
        let search = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        EmbedOptions::from_query(&search)
    });
    let startup_notes = use_mut_ref(Vec::<String>::new);
    let player: Shared = {
        let options = options.clone();
        let notes = startup_notes.clone();
        use_mut_ref(move || {
            let (mut p, found) = initial_player(&options);
            if options.autoplay {
                p.set_playing(true);
            }
            *notes.borrow_mut() = found;
            p
        })
    };
    let frame = use_state(|| 0u64);
    let width = use_state(|| 1024.0f64);
    let playing = player.borrow().playing();
    let busy = player.borrow().busy().is_some();
    let lang_now = use_mut_ref(|| Lang::En);

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

    let lesson = {
        let options = options.clone();
        let player = player.clone();
        let notes = startup_notes.clone();
        use_state(move || {
            let id = options.lesson.clone()?;
            let step = options.step.unwrap_or(1).saturating_sub(1);
            match open_lesson(&id, step) {
                Ok((job, view)) => {
                    let outcome = player.borrow_mut().start(job);
                    if let Some(Outcome::Refused(purpose, why)) = outcome {
                        notes
                            .borrow_mut()
                            .push(work_refused(Lang::En, purpose, &why));
                        return None;
                    }
                    Some(view)
                }
                Err(e) => {
                    notes.borrow_mut().push(e);
                    None
                }
            }
        })
    };
    let notice = {
        let notes = startup_notes.clone();
        use_state(move || {
            let notes = notes.borrow();
            (!notes.is_empty()).then(|| Notice::Refused(notes.join(" · ")))
        })
    };
    let payload = use_state(|| None::<String>);
    let lesson_titles = use_memo((), |_| lesson_titles());
    let selection = use_state(|| None::<Selection>);
    let filter = use_state(String::new);
    let lang = {
        let options = options.clone();
        use_state(move || {
            let lang = options.lang.unwrap_or_else(initial_lang);
            set_document_lang(lang);
            set_theme(options.theme);
            lang
        })
    };
    let story = use_mut_ref(StoryCache::default);
    let reduced_motion = use_state(prefers_reduced_motion);
    let on_action = {
        let player = player.clone();
        let frame = frame.clone();
        let notice = notice.clone();
        let selection = selection.clone();
        let filter = filter.clone();
        let lang = lang.clone();
        let lesson = lesson.clone();
        Callback::from(move |action: Action| {
            if super::failure::failed() {
                return;
            }
            match &action {
                Action::OpenLesson(id) => match open_lesson(id, 0) {
                    Ok((job, view)) => {
                        let outcome = player.borrow_mut().start(job);
                        match outcome.and_then(|o| outcome_notice(o, *lang)) {
                            Some(refused) => {
                                lesson.set(None);
                                notice.set(Some(refused));
                            }
                            None => {
                                lesson.set(Some(view));
                                notice.set(None);
                            }
                        }
                    }
                    Err(e) => notice.set(Some(Notice::Refused(e))),
                },
                Action::GotoStep(i) => {
                    if let Some(mut view) = (*lesson).clone() {
                        let i = (*i).min(view.markers.len().saturating_sub(1));
                        if let Some(m) = view.markers.get(i) {
                            let outcome = player.borrow_mut().seek(m.end_ms);
                            if let Some(n) = outcome.and_then(|o| outcome_notice(o, *lang)) {
                                notice.set(Some(n));
                            }
                        }
                        view.step = i;
                        lesson.set(Some(view));
                    }
                }
                Action::LeaveLesson(leave) => {
                    if let Some(view) = (*lesson).clone() {
                        if *leave {
                            lesson.set(Some(LessonView {
                                active: false,
                                ..view
                            }));
                        } else if let Ok((job, back)) = open_lesson(&view.id, view.step) {
                            let outcome = player.borrow_mut().start(job);
                            match outcome.and_then(|o| outcome_notice(o, *lang)) {
                                Some(refused) => notice.set(Some(refused)),
                                None => lesson.set(Some(back)),
                            }
                        }
                    }
                }
                Action::Select(s) => selection.set(s.clone()),
                Action::Filter(f) => filter.set(f.chars().take(200).collect()),
                Action::SetLang(l) => {
                    set_document_lang(*l);
                    lang.set(*l);
                }
                Action::Cancel => {
                    let busy = player.borrow().busy();
                    if busy.is_some_and(|b| b.purpose == Purpose::Lesson) {
                        lesson.set(None);
                    }
                }
                _ => {}
            }
            let is_engine = matches!(
                action,
                Action::Engine(_) | Action::Load(_) | Action::Refuse(_)
            );
            let result = apply(&player, action, *lang);
            if is_engine || result.is_some() {
                notice.set(result);
            }
            frame.set(*frame + 1);
        })
    };

    // How long work ended: a notice when it was refused; a finished link or
    // lesson starts playing if asked (`autoplay=1`); the host hears the state.
    *lang_now.borrow_mut() = *lang;
    let on_outcome = {
        let player = player.clone();
        let notice = notice.clone();
        let lesson = lesson.clone();
        let options = options.clone();
        let lang_now = lang_now.clone();
        Callback::from(move |outcome: Outcome| {
            let lang = *lang_now.borrow();
            match &outcome {
                Outcome::Done(Purpose::Link | Purpose::Lesson) if options.autoplay => {
                    player.borrow_mut().set_playing(true);
                }
                Outcome::Refused(Purpose::Lesson, _) => lesson.set(None),
                _ => {}
            }
            if let Some(n) = outcome_notice(outcome, lang) {
                notice.set(Some(n));
            }
            post_state(&player, "state", reply_origin(&options).as_deref());
        })
    };

    // The frame loop runs while playing or while long work runs (a slice
    // of it each frame, sized to take about WORK_FRAME_MS).
    {
        let player = player.clone();
        let frame = frame.clone();
        let notice = notice.clone();
        let on_outcome = on_outcome.clone();
        use_effect_with((playing, busy), move |(playing, busy)| {
            let handle: Rc<RefCell<Option<AnimationFrame>>> = Rc::new(RefCell::new(None));
            if *playing || *busy {
                schedule(
                    handle.clone(),
                    FrameLoop {
                        player,
                        counter: *frame,
                        frame,
                        notice,
                        on_outcome,
                        last: None,
                        slice: crate::player::FIRST_SLICE_STEPS,
                    },
                );
            }
            move || {
                handle.borrow_mut().take();
            }
        });
    }

    // Keyboard: space plays/pauses, → steps one event, Escape cancels long
    // work or closes the inspector.
    {
        let on_action = on_action.clone();
        let player = player.clone();
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
                        "Escape" if player.borrow().busy().is_some() => Action::Cancel,
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

    // The picture's box changes width when the inspector opens or closes.
    {
        let width = width.clone();
        use_effect_with(selection.is_some(), move |_| {
            width.set(available_width());
        });
    }

    // Share link: made on request (it compresses the whole history).
    let on_make = {
        let player = player.clone();
        let payload = payload.clone();
        Callback::from(move |()| {
            let state = SharedState::of(player.borrow().timeline());
            payload.set(Some(state.encode()));
        })
    };

    // The host page drives an embed with postMessage (only from allowed
    // origins); each message handled is answered with the new state.
    {
        let on_action = on_action.clone();
        let player = player.clone();
        let options = options.clone();
        use_effect_with((), move |_| {
            let reply_to = reply_origin(&options);
            super::failure::configure(reply_to.as_deref());
            post_state(&player, "ready", reply_to.as_deref());
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
                        Admit::FirstRefused => on_action.emit(Action::Refuse(format!(
                            "The host page sent more than {MAX_HOST_MESSAGES_PER_SECOND} messages in a second; the rest of that second was ignored."
                        ))),
                        Admit::No => {}
                    }
                })
            });
            move || drop(listener)
        });
    }

    let p = player.borrow();
    let lang = *lang;
    let t = lang.texts();
    let busy = p.busy();
    // A link or a lesson being built: the scene shown is not the one asked for.
    let building = busy.is_some_and(|b| b.purpose != Purpose::Seek);
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
            cache.story = p.record_story(*id, *created_at_ms);
            cache.key = Some((*id, position));
        }
    }
    let story_lines = story.borrow().story.clone();
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
            if !options.embed {
                <header class="top">
                    <h1>{ "kafkascope" }</h1>
                    <p class="tagline">{ t.tagline }</p>
                </header>
            }
            <Controls
                playing={p.playing()}
                speed={p.speed()}
                now_ms={p.sim().now_ms()}
                horizon_ms={p.timeline().horizon_ms()}
                in_past={p.timeline().in_past()}
                lang={lang}
                on_action={on_action.clone()}
                shown={options.controls.clone()}
                busy={busy.is_some()}
            />
            if let Some(b) = busy {
                { progress(b, lang, &on_action) }
            }
            { match (*notice).clone() {
                Some(Notice::Refused(message)) => html! {
                    <p class="refusal" role="alert" data-testid="refusal">{ t.refused }{ message }</p>
                },
                Some(Notice::Forked) => html! {
                    <p class="forked" role="status" data-testid="forked">{ t.forked }</p>
                },
                Some(Notice::Info(message)) => html! {
                    <p class="forked" role="status" data-testid="info">{ message }</p>
                },
                None => Html::default(),
            } }
            if !options.embed || lesson.is_some() {
                { lesson_panel(lesson.as_ref(), &lesson_titles, lang, &on_action) }
            }
            if building {
                // Room for the picture that is being built.
                <div id="scene-box" class="scene-box scene-loading" data-testid="scene-loading"></div>
            } else {
            <div class={classes!("stage", selection.is_some().then_some("inspecting"))}>
                <div id="scene-box" class="scene-box">
                    { scene(&cx, &layout) }
                </div>
                { inspector(p.sim(), selection.as_ref(), &story_lines, lang, &on_action) }
            </div>
            { reset_notes(p.sim(), lang) }
            if options.panels {
                <p class="note">{ teaching_note(lang, p.sim().config().network_latency_ms) }</p>
                { groups_panel(p.sim(), lang, &on_action) }
                { producer_panel(&p, lang, &on_action) }
                <PartitionerCompare partitions={compare_partitions} keys={compare_keys} seed={p.sim().config().seed} lang={lang} />
                <div class="panels">
                    { broker_panel(p.sim(), &on_action, lang) }
                    { metadata_panel(p.sim(), lang) }
                    { retention_panel(p.sim(), lang, &on_action) }
                </div>
            }
            if options.log {
                { event_log(&p, lang, &filter, &on_action) }
            }
            }
            if !options.embed {
                <SharePanel base_url={base_url()} payload={(*payload).clone()} on_make={on_make} lang={lang} />
            }
        </main>
    }
}
