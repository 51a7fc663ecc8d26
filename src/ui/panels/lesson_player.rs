//! Guided lessons: the built-in lessons (`lessons/*.toml`), a player that
//! shows each step's narration (English or Korean) and moves to the moment
//! its expectations hold (next, back, jump), and leaving to free play and
//! coming back (the state is in `ui::state::lesson`).

use yew::prelude::*;

use crate::text::{Lang, PageLabel as L, PageLine, PictureLabel, Say};
use crate::ui::state::action::Action;
use crate::ui::state::lesson::{pick, LessonTitle, LessonView};

/// A small Markdown subset as HTML: paragraphs (blank lines), `code`,
/// **bold** and *emphasis*. Text stays text (never HTML).
pub fn markdown(text: &str) -> Html {
    html! {
        { for text.split("\n\n").filter(|p| !p.trim().is_empty()).map(|p| html! { <p>{ inline(p.trim()) }</p> }) }
    }
}

fn inline(text: &str) -> Html {
    let mut out: Vec<Html> = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let next = ["`", "**", "*"]
            .iter()
            .filter_map(|m| rest.find(m).map(|i| (i, *m)))
            .min_by_key(|(i, m)| (*i, std::cmp::Reverse(m.len())));
        let Some((i, mark)) = next else {
            out.push(html! { { rest.to_string() } });
            break;
        };
        let after = &rest[i + mark.len()..];
        let Some(end) = after.find(mark) else {
            out.push(html! { { rest.to_string() } });
            break;
        };
        if i > 0 {
            out.push(html! { { rest[..i].to_string() } });
        }
        let inner = after[..end].to_string();
        out.push(match mark {
            "`" => html! { <code>{ inner }</code> },
            "**" => html! { <strong>{ inner }</strong> },
            _ => html! { <em>{ inner }</em> },
        });
        rest = &after[end + mark.len()..];
    }
    html! { { for out } }
}

/// The lessons menu in the toolbar: the built-in lessons' titles, each
/// opening its lesson.
pub fn lesson_menu(titles: &[LessonTitle], lang: Lang, on_action: &Callback<Action>) -> Html {
    html! {
        <details class="menu lessons-menu" data-testid="lessons">
            <summary data-testid="lessons-menu">{ PictureLabel::Lessons.say(lang) }</summary>
            <ul class="lesson-list" data-testid="lesson-list">
                { for titles.iter().map(|(id, en, k)| {
                    let id_s = id.to_string();
                    let open = on_action.reform(move |e: MouseEvent| {
                        // Close the menu once a lesson is picked.
                        if let Some(d) = e
                            .target_dyn_into::<web_sys::Element>()
                            .and_then(|t| t.closest("details").ok().flatten())
                        {
                            let _ = d.remove_attribute("open");
                        }
                        Action::OpenLesson(id_s.clone())
                    });
                    html! {
                        <li><button data-testid="open-lesson" data-lesson={id.to_string()} onclick={open}>{ pick(lang, en, k.as_deref()).to_string() }</button></li>
                    }
                }) }
            </ul>
        </details>
    }
}

/// The open lesson (beside or below the picture): its step with its
/// controls and narration, or, in free play, the way back to it.
pub fn lesson_panel(lesson: Option<&LessonView>, lang: Lang, on_action: &Callback<Action>) -> Html {
    let t = |label: L| label.say(lang);
    let body = match lesson {
        Some(l) if l.active => {
            let total = l.markers().len();
            let Some(marker) = l.marker() else {
                return html! {};
            };
            let text = match lang {
                Lang::Ko => marker
                    .narration_ko
                    .clone()
                    .or_else(|| marker.narration_en.clone()),
                Lang::En => marker.narration_en.clone(),
            }
            .unwrap_or_default();
            let step = l.step;
            let back = on_action.reform(|_: MouseEvent| Action::PreviousStep);
            let next = on_action.reform(|_: MouseEvent| Action::NextStep);
            let replay = on_action.reform(|_: MouseEvent| Action::ReplayStep);
            let skip = on_action.reform(|_: MouseEvent| Action::SkipMotion);
            let leave = on_action.reform(|_: MouseEvent| Action::LeaveLesson(true));
            let jump = on_action.reform(|e: Event| {
                let v = e
                    .target_dyn_into::<web_sys::HtmlSelectElement>()
                    .and_then(|s| s.value().parse::<usize>().ok())
                    .unwrap_or(0);
                Action::GotoStep(v)
            });
            let playing = l.pace.is_some() || l.then_play;
            html! {
                <>
                    <h3 data-testid="lesson-title">{ l.title(lang).to_string() }</h3>
                    <div class="lesson-nav">
                        <button data-testid="lesson-back" onclick={back} disabled={step == 0}>{ t(L::PreviousStep) }</button>
                        <label>
                            <span class="visually-hidden">{ t(L::StepWord) }</span>
                            <select data-testid="lesson-step" onchange={jump}>
                                { for (0..total).map(|i| html! {
                                    <option value={i.to_string()} selected={i == step}>
                                        { PageLine::StepOf { step: i + 1, total }.say(lang) }
                                    </option>
                                }) }
                            </select>
                        </label>
                        <button data-testid="lesson-next" onclick={next} disabled={step + 1 >= total}>{ t(L::NextStep) }</button>
                    </div>
                    <div class="lesson-motion" data-testid="lesson-motion"
                        data-step={(step + 1).to_string()} data-reached={l.arrived.to_string()}>
                        if playing {
                            <span data-testid="lesson-playing">{ t(L::StepPlaying) }</span>
                            if let Some(span_ms) = l.pace.and_then(|p| p.fast_forward_ms) {
                                <span class="fast-forward" data-testid="lesson-fast-forward">{ PageLine::FastForward { span_ms }.say(lang) }</span>
                            }
                            <button data-testid="lesson-skip" onclick={skip}>{ t(L::SkipMotion) }</button>
                        } else {
                            <button data-testid="lesson-replay" onclick={replay}>{ t(L::ReplayStep) }</button>
                            <button onclick={leave} data-testid="leave-lesson">{ t(L::FreePlay) }</button>
                        }
                    </div>
                    <div class="narration" data-testid="narration" aria-live="polite">{ markdown(&text) }</div>
                    if !marker.expectations.is_empty() {
                        <details class="expectations">
                            <summary>{ t(L::StepChecks) }</summary>
                            <ul>{ for marker.expectations.iter().map(|e| html! { <li>{ e.clone() }</li> }) }</ul>
                        </details>
                    }
                </>
            }
        }
        Some(l) => {
            let back = on_action.reform(|_: MouseEvent| Action::LeaveLesson(false));
            html! {
                <>
                    <p>{ t(L::FreePlayNote) }</p>
                    <button data-testid="return-lesson" onclick={back}>
                        { PageLine::ReturnTo { title: l.title(lang).to_string() }.say(lang) }
                    </button>
                </>
            }
        }
        None => return Html::default(),
    };
    html! {
        <section class="panel lessons-panel" aria-labelledby="lessons-h" data-testid="lesson-panel">
            <h2 id="lessons-h">{ t(L::Lessons) }</h2>
            { body }
        </section>
    }
}
