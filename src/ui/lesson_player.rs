//! Guided lessons: the built-in lessons (`lessons/*.toml`), a player that
//! shows each step's narration (English or Korean) and moves to the moment
//! its expectations hold (next, back, jump), and leaving to free play and
//! coming back.

use std::rc::Rc;

use yew::prelude::*;

use super::app::Action;
use super::i18n::Lang;
use crate::scenario::lessons::LESSONS;
use crate::scenario::StepMarker;

/// The lesson open in the player.
#[derive(Clone, Debug, PartialEq)]
pub struct LessonView {
    /// The lesson's id (`acks`).
    pub id: String,
    /// Its title, in both languages.
    pub title: (String, Option<String>),
    /// Its steps.
    pub markers: Rc<Vec<StepMarker>>,
    /// The step shown (index into `markers`).
    pub step: usize,
    /// Showing the lesson (false: free play, with a way back).
    pub active: bool,
}

/// Titles of every built-in lesson: (id, English, Korean).
#[must_use]
pub fn lesson_titles() -> Vec<(&'static str, String, Option<String>)> {
    LESSONS
        .iter()
        .filter_map(|l| {
            let s = l.scenario().ok()?;
            let t = &s.file().title;
            Some((l.id, t.en.clone(), t.ko.clone()))
        })
        .collect()
}

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

/// The lessons panel: the list, or the open lesson's step with its controls.
pub fn lesson_panel(
    lesson: Option<&LessonView>,
    titles: &[(&'static str, String, Option<String>)],
    lang: Lang,
    on_action: &Callback<Action>,
) -> Html {
    let ko = lang == Lang::Ko;
    let pick = |en: &str, ko_text: &Option<String>| -> String {
        if ko {
            ko_text.clone().unwrap_or_else(|| en.to_string())
        } else {
            en.to_string()
        }
    };
    let list = html! {
        <ul class="lesson-list" data-testid="lesson-list">
            { for titles.iter().map(|(id, en, k)| {
                let id_s = id.to_string();
                let open = on_action.reform(move |_: MouseEvent| Action::OpenLesson(id_s.clone()));
                html! {
                    <li><button data-testid="open-lesson" data-lesson={id.to_string()} onclick={open}>{ pick(en, k) }</button></li>
                }
            }) }
        </ul>
    };
    let body = match lesson {
        Some(l) if l.active => {
            let total = l.markers.len();
            let marker = &l.markers[l.step.min(total.saturating_sub(1))];
            let text = if ko {
                marker
                    .narration_ko
                    .clone()
                    .or_else(|| marker.narration_en.clone())
            } else {
                marker.narration_en.clone()
            }
            .unwrap_or_default();
            let step = l.step;
            let back =
                on_action.reform(move |_: MouseEvent| Action::GotoStep(step.saturating_sub(1)));
            let next = on_action.reform(move |_: MouseEvent| Action::GotoStep(step + 1));
            let leave = on_action.reform(|_: MouseEvent| Action::LeaveLesson(true));
            let jump = on_action.reform(|e: Event| {
                let v = e
                    .target_dyn_into::<web_sys::HtmlSelectElement>()
                    .and_then(|s| s.value().parse::<usize>().ok())
                    .unwrap_or(0);
                Action::GotoStep(v)
            });
            html! {
                <>
                    <h3 data-testid="lesson-title">{ pick(&l.title.0, &l.title.1) }</h3>
                    <div class="lesson-nav">
                        <button data-testid="lesson-back" onclick={back} disabled={step == 0}>{ if ko { "‹ 이전 단계" } else { "‹ Previous" } }</button>
                        <label>
                            <span class="visually-hidden">{ if ko { "단계" } else { "Step" } }</span>
                            <select data-testid="lesson-step" onchange={jump}>
                                { for (0..total).map(|i| html! {
                                    <option value={i.to_string()} selected={i == step}>
                                        { if ko { format!("{}/{} 단계", i + 1, total) } else { format!("Step {} of {}", i + 1, total) } }
                                    </option>
                                }) }
                            </select>
                        </label>
                        <button data-testid="lesson-next" onclick={next} disabled={step + 1 >= total}>{ if ko { "다음 단계 ›" } else { "Next ›" } }</button>
                        <button onclick={leave} data-testid="leave-lesson">{ if ko { "자유롭게 해 보기" } else { "Free play" } }</button>
                    </div>
                    <div class="narration" data-testid="narration" aria-live="polite">{ markdown(&text) }</div>
                    if !marker.expectations.is_empty() {
                        <details class="expectations">
                            <summary>{ if ko { "이 단계에서 확인하는 것" } else { "What this step checks" } }</summary>
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
                    <p>{ if ko { "자유 모드입니다. 레슨으로 돌아가면 레슨의 기록이 다시 만들어집니다." } else { "Free play. Returning rebuilds the lesson's history at its step." } }</p>
                    <button data-testid="return-lesson" onclick={back}>
                        { if ko { format!("레슨으로 돌아가기: {}", pick(&l.title.0, &l.title.1)) } else { format!("Return to the lesson: {}", l.title.0) } }
                    </button>
                    { list }
                </>
            }
        }
        None => list,
    };
    html! {
        <section class="panel lessons-panel" aria-labelledby="lessons-h" data-testid="lessons">
            <h2 id="lessons-h">{ if ko { "레슨" } else { "Lessons" } }</h2>
            { body }
        </section>
    }
}
