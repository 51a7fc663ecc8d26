//! The root component: the state and its reducer, the effects' hooks, and
//! the page laid out from the panels.

use yew::prelude::*;

use super::browser::failure::failed;
use super::browser::page;
use super::hooks::frames::use_frame_loop;
use super::hooks::host::use_host;
use super::hooks::host_lesson::use_host_lesson;
use super::hooks::keyboard::use_keyboard;
use super::hooks::lesson_source::use_lesson_source;
use super::hooks::resize::use_width;
use super::panels::broker_panel::broker_panel;
use super::panels::controls::Controls;
use super::panels::event_log::event_log;
use super::panels::group_panel::groups_panel;
use super::panels::inspector::inspector;
use super::panels::lesson_player::lesson_panel;
use super::panels::metadata_panel::metadata_panel;
use super::panels::notice::notice;
use super::panels::partitioner_compare::PartitionerCompare;
use super::panels::producer_panel::producer_panel;
use super::panels::progress::progress;
use super::panels::retention_panel::{reset_notes, retention_panel};
use super::panels::scene::scene;
use super::panels::scene_cx::Cx;
use super::panels::share_panel::SharePanel;
use super::state::action::Action;
use super::state::app_state::AppState;
use super::state::embed::{EmbedOptions, Theme};
use super::state::lesson::lesson_titles;
use super::state::start::initial_state;
use crate::job::Purpose;
use crate::layout::SceneLayout;
use crate::text::{AppLabel, AppLine, Say};

/// The whole app, opened as the page's address asks.
#[component]
pub fn App() -> Html {
    let state = use_reducer(|| {
        let options = EmbedOptions::from_query(&page::search());
        initial_state(
            options,
            &page::hash(),
            &page::browser_language(),
            page::prefers_reduced_motion(),
        )
    });
    // Nothing is taken once the app failed (the overlay says so).
    let on_action: Callback<Action> = {
        let dispatch = state.dispatcher();
        Callback::from(move |action| {
            if !failed() {
                dispatch.dispatch(action);
            }
        })
    };
    use_frame_loop(&state);
    use_keyboard(on_action.clone(), state.player.clone());
    use_width(on_action.clone(), state.selection.is_some());
    use_host(
        state.options.clone(),
        on_action.clone(),
        state.player.clone(),
        state.outcomes,
    );
    use_host_lesson(
        state.options.clone(),
        state.player.clone(),
        state
            .lesson
            .as_ref()
            .filter(|l| l.active)
            .map(|l| l.step + 1),
        state.reached,
        state.snapshots,
    );
    use_lesson_source(
        state.options.src.clone(),
        state.options.step.unwrap_or(1).saturating_sub(1),
        on_action.clone(),
    );
    use_effect_with(state.lang, |lang| page::set_document_lang(*lang));
    {
        let theme = state.options.theme;
        use_effect_with((), move |_| {
            page::set_theme((theme != Theme::Auto).then(|| theme.name()));
        });
    }
    let titles = use_memo((), |_| lesson_titles());
    let on_make = on_action.reform(|()| Action::MakeLink);

    let s: &AppState = &state;
    let p = s.player.borrow();
    let lang = s.lang;
    let options = &s.options;
    let busy = p.busy();
    // A link or a lesson being built: the scene shown is not the one asked for.
    let building = busy.is_some_and(|b| b.purpose != Purpose::Seek);
    let layout = SceneLayout::new(p.sim(), s.width);
    let cx = Cx {
        player: &p,
        lang,
        on_action: &on_action,
        selected: s.selection.as_ref(),
        reduced_motion: s.reduced_motion,
        dense: layout.brokers.iter().map(|b| b.rows.len()).sum::<usize>()
            > crate::layout::DENSE_ROWS,
    };
    let (compare_partitions, compare_keys) =
        p.sim().producers().first().map_or((1, Vec::new()), |x| {
            (x.known_partitions, x.config.keys.clone())
        });
    let teaching = AppLine::TeachingNote {
        latency_ms: p.sim().config().network_latency_ms,
    };
    html! {
        <main id="app" lang={lang.tag()}>
            if !options.embed {
                <header class="top">
                    <h1>{ "kafkascope" }</h1>
                    <p class="tagline">{ AppLabel::Tagline.say(lang) }</p>
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
            { notice(s.notice.as_ref(), lang) }
            if !options.embed && s.lesson.is_none() {
                { lesson_panel(None, &titles, lang, &on_action) }
            }
            // The lesson's narration sits beside the picture (below it on
            // narrow screens: static/style.css, `.with-lesson`).
            <div class={classes!("stage-row", s.lesson.is_some().then_some("with-lesson"))}>
            if building {
                // Room for the picture that is being built.
                <div id="scene-box" class="scene-box scene-loading" data-testid="scene-loading"></div>
            } else {
            <div class={classes!("stage", s.selection.is_some().then_some("inspecting"))}>
                <div id="scene-box" class="scene-box">
                    { scene(&cx, &layout) }
                </div>
                { inspector(p.sim(), s.selection.as_ref(), &s.story.story, lang, &on_action) }
            </div>
            }
            if s.lesson.is_some() {
                { lesson_panel(s.lesson.as_ref(), &titles, lang, &on_action) }
            }
            </div>
            if !building {
            { reset_notes(p.sim(), lang) }
            if options.panels {
                <p class="note">{ teaching.say(lang) }</p>
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
                { event_log(&p, lang, &s.filter, &on_action) }
            }
            }
            if !options.embed {
                <SharePanel base_url={page::base_url()} payload={s.payload.clone()} on_make={on_make} lang={lang}
                    lesson={s.lesson.as_ref().filter(|l| l.active).map(|l| l.embed_parts())} />
            }
        </main>
    }
}
