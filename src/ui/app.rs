//! The root component: the state and its reducer, the effects' hooks, and
//! the page: a compact toolbar, the picture first with its caption and
//! legend (the lesson's narration beside it on wide screens, below it on
//! narrow ones), and the panels in tabs below.

use yew::prelude::*;

use super::browser::failure::failed;
use super::browser::page;
use super::hooks::frames::use_frame_loop;
use super::hooks::host::use_host;
use super::hooks::host_lesson::use_host_lesson;
use super::hooks::keyboard::use_keyboard;
use super::hooks::lesson_source::use_lesson_source;
use super::hooks::resize::use_picture_box;
use super::panels::broker_panel::{broker_panel, broker_row};
use super::panels::controls::Controls;
use super::panels::event_log::event_log;
use super::panels::group_panel::groups_panel;
use super::panels::inspector::inspector;
use super::panels::lesson_player::{lesson_menu, lesson_panel};
use super::panels::metadata_panel::metadata_panel;
use super::panels::notice::notice;
use super::panels::partitioner_compare::PartitionerCompare;
use super::panels::producer_panel::producer_panel;
use super::panels::progress::progress;
use super::panels::retention_panel::{reset_notes, retention_panel};
use super::panels::share_panel::SharePanel;
use super::picture::caption::caption;
use super::picture::legend::legend;
use super::picture::scene_svg::picture;
use super::state::action::{Action, PanelTab};
use super::state::app_state::AppState;
use super::state::embed::{EmbedOptions, Theme};
use super::state::focus::SceneView;
use super::state::lesson::lesson_titles;
use super::state::selection::Selection;
use super::state::start::initial_state;
use crate::job::Purpose;
use crate::text::{AppLine, PictureLabel as P, Say};

fn tab_label(tab: PanelTab) -> P {
    match tab {
        PanelTab::Producer => P::TabProducer,
        PanelTab::Groups => P::TabGroups,
        PanelTab::Brokers => P::TabBrokers,
        PanelTab::Retention => P::TabRetention,
        PanelTab::Partitioner => P::TabPartitioner,
        PanelTab::Log => P::TabLog,
        PanelTab::Share => P::TabShare,
    }
}

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
    let lesson_key = state
        .lesson
        .as_ref()
        .map(|l| (l.title.0.clone(), l.step, l.active));
    use_picture_box(
        on_action.clone(),
        state.options.embed,
        (
            lesson_key,
            state.lang,
            state.legend,
            state.selection.is_some(),
            state.notice.is_some(),
            state.busy(),
            state.player.borrow().timeline().in_past(),
        ),
    );
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
    let lesson_open = s.lesson.as_ref().is_some_and(|l| l.active);
    let (compare_partitions, compare_keys) =
        p.sim().producers().first().map_or((1, Vec::new()), |x| {
            (x.known_partitions, x.config.keys.clone())
        });
    let teaching = AppLine::TeachingNote {
        latency_ms: p.sim().config().network_latency_ms,
    };
    let view_button = |view: SceneView, label: P, id: &'static str| {
        let on = on_action.reform(move |_: MouseEvent| Action::SetView(view));
        html! {
            <button data-testid={id} class="seg" aria-pressed={(s.view == view).to_string()} onclick={on}>
                { label.say(lang) }
            </button>
        }
    };
    let toggle_legend = on_action.reform(|_: MouseEvent| Action::ToggleLegend);
    let tabs: Vec<PanelTab> = PanelTab::ALL
        .into_iter()
        .filter(|t| match t {
            PanelTab::Log => options.log,
            PanelTab::Share => !options.embed,
            _ => options.panels,
        })
        .collect();
    let tab = if tabs.contains(&s.tab) {
        Some(s.tab)
    } else {
        tabs.first().copied()
    };
    let tab_body = match tab {
        Some(PanelTab::Producer) => html! {
            <>
                <p class="note">{ teaching.say(lang) }</p>
                { producer_panel(&p, lang, &on_action) }
            </>
        },
        Some(PanelTab::Groups) => groups_panel(p.sim(), lang, &on_action),
        Some(PanelTab::Brokers) => html! {
            <div class="panels">
                { broker_panel(p.sim(), &on_action, lang) }
                { metadata_panel(p.sim(), lang) }
            </div>
        },
        Some(PanelTab::Retention) => retention_panel(p.sim(), lang, &on_action),
        Some(PanelTab::Partitioner) => html! {
            <PartitionerCompare partitions={compare_partitions} keys={compare_keys} seed={p.sim().config().seed} lang={lang} />
        },
        Some(PanelTab::Log) => event_log(&p, lang, &s.filter, &on_action),
        Some(PanelTab::Share) => html! {
            <SharePanel base_url={page::base_url()} payload={s.payload.clone()} on_make={on_make} lang={lang}
                lesson={s.lesson.as_ref().filter(|l| l.active).map(|l| l.embed_parts())} />
        },
        None => Html::default(),
    };
    html! {
        <>
        <a class="skip" href="#scene-box">{ P::SkipToPicture.say(lang) }</a>
        <main id="app" lang={lang.tag()} class={if options.embed { "embed" } else { "page" }}>
            <header class="topbar">
                if !options.embed {
                    <h1 class="brand">{ "kafkascope" }</h1>
                }
                <Controls
                    playing={p.playing()}
                    speed={p.speed()}
                    now_ms={p.sim().now_ms()}
                    horizon_ms={p.timeline().horizon_ms()}
                    in_past={p.timeline().in_past() && !options.embed}
                    lang={lang}
                    on_action={on_action.clone()}
                    shown={options.controls.clone()}
                    busy={busy.is_some()}
                />
                <div class="bar-tools">
                    <div class="segs" role="group" aria-label={P::View.say(lang)}>
                        { view_button(SceneView::Topic, P::ViewTopic, "view-topic") }
                        { view_button(SceneView::Brokers, P::ViewBrokers, "view-brokers") }
                    </div>
                    <button data-testid="legend-toggle" aria-expanded={s.legend.to_string()} onclick={toggle_legend}>
                        { P::Legend.say(lang) }
                    </button>
                    if !options.embed {
                        { lesson_menu(&titles, lang, &on_action) }
                    }
                </div>
            </header>
            if let Some(b) = busy {
                { progress(b, lang, &on_action) }
            }
            { notice(s.notice.as_ref(), lang) }
            <div class={if lesson_open { "stage with-side" } else { "stage" }}>
                <div class="picture-col">
                    if building {
                        // Room for the picture that is being built.
                        <div id="scene-box" class="scene-box scene-loading" data-testid="scene-loading"></div>
                    } else {
                        <div id="scene-box" class="scene-box">
                            { picture(s, &p, &on_action) }
                        </div>
                    }
                    { caption(&p, s.caption.event, lang) }
                    // Acting on the picture: a clicked broker's controls, right here.
                    if let Some(Selection::Broker(id)) = &s.selection {
                        if let Some(b) = p.sim().brokers().iter().find(|b| b.id == *id) {
                            <ul class="broker-controls act" data-testid="broker-actions">
                                { broker_row(p.sim(), b, &on_action, lang) }
                            </ul>
                        }
                    }
                    if s.legend {
                        { legend(lang) }
                    }
                </div>
                if s.lesson.is_some() && (!options.embed || lesson_open) {
                    <aside class="side" id="narration">
                        { lesson_panel(s.lesson.as_ref(), lang, &on_action) }
                    </aside>
                }
            </div>
            if !building {
                if s.selection.is_some() {
                    { inspector(p.sim(), s.selection.as_ref(), &s.story.story, lang, &on_action) }
                }
                { reset_notes(p.sim(), lang) }
            }
            if !tabs.is_empty() && !building {
                <section class="tabs" aria-label={P::Panels.say(lang)}>
                    <div role="tablist" class="tablist">
                        { for tabs.iter().map(|t| {
                            let t = *t;
                            let on = on_action.reform(move |_: MouseEvent| Action::Tab(t));
                            html! {
                                <button role="tab" aria-selected={(Some(t) == tab).to_string()} onclick={on}
                                    data-testid={format!("tab-{t:?}").to_ascii_lowercase()}>
                                    { tab_label(t).say(lang) }
                                </button>
                            }
                        }) }
                    </div>
                    <div role="tabpanel" class="tabpanel">{ tab_body }</div>
                </section>
            }
        </main>
        </>
    }
}
