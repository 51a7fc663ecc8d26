//! The time controls: play/pause, step back and forward one event, speed,
//! the clock, a timeline slider over the whole history, and the language.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::engine::decimal::parse_f64;
use crate::text::{format_time, AppLabel as L, Lang};
use crate::ui::state::action::Action;
use crate::ui::state::embed::Control;

/// Speeds offered, simulated seconds per real second.
pub const SPEEDS: [f64; 9] = [0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 25.0, 100.0];

/// Properties of [`Controls`].
#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    /// Whether time runs.
    pub playing: bool,
    /// Current speed.
    pub speed: f64,
    /// Simulated time, ms.
    pub now_ms: u64,
    /// The furthest time of the history, ms.
    pub horizon_ms: u64,
    /// Whether the position is before the end of the history.
    pub in_past: bool,
    /// UI language.
    pub lang: Lang,
    /// Where actions go.
    pub on_action: Callback<Action>,
    /// Which controls show (an embed may hide some; the clock always shows).
    pub shown: Vec<Control>,
    /// Long work runs: play and the steps wait (the timeline still seeks).
    #[prop_or_default]
    pub busy: bool,
}

/// Play/pause, step, speed, clock, timeline and language.
#[component]
pub fn Controls(props: &ControlsProps) -> Html {
    let lang = props.lang;
    let t = |label: L| label.say(lang);
    let toggle = props.on_action.reform(|_| Action::TogglePlay);
    let step = props.on_action.reform(|_| Action::Step);
    let back = props.on_action.reform(|_| Action::StepBack);
    let horizon = props.horizon_ms;
    let to_end = props.on_action.reform(move |_| Action::Seek(horizon));
    let on_speed = props.on_action.reform(|e: Event| {
        let value = e
            .target_dyn_into::<HtmlSelectElement>()
            .and_then(|s| parse_f64(&s.value()))
            .unwrap_or(1.0);
        Action::Speed(value)
    });
    let on_seek = props.on_action.reform(|e: InputEvent| {
        let value = e
            .target_dyn_into::<HtmlInputElement>()
            .and_then(|s| parse_f64(&s.value()))
            .unwrap_or(0.0);
        Action::Seek(value.max(0.0) as u64)
    });
    let on_lang = props.on_action.reform(|e: Event| {
        let value = e
            .target_dyn_into::<HtmlSelectElement>()
            .map(|s| s.value())
            .unwrap_or_default();
        Action::SetLang(Lang::from_tag(&value))
    });
    let label = if props.playing {
        t(L::Pause)
    } else {
        t(L::Play)
    };
    let max = props.horizon_ms.max(props.now_ms).max(1);
    let shows = |c: Control| props.shown.contains(&c);
    html! {
        <div class="controls" role="toolbar" aria-label={t(L::TimeControls)}>
            <div class="buttons-row">
                if shows(Control::Back) {
                    <button data-testid="step-back" onclick={back} title="← " disabled={props.busy}>
                        { t(L::StepBack) }
                    </button>
                }
                if shows(Control::Play) {
                <button data-testid="play" class="primary" onclick={toggle}
                    aria-pressed={props.playing.to_string()} title="space" disabled={props.busy}>
                    <span aria-hidden="true">{ if props.playing { "❚❚ " } else { "▶ " } }</span>
                    { label }
                </button>
                }
                if shows(Control::Step) {
                    <button data-testid="step" onclick={step} title="→" disabled={props.busy}>{ t(L::Step) }</button>
                }
                if shows(Control::Speed) {
                <label class="speed">
                    <span class="speed-word">{ t(L::Speed) }{ " " }</span>
                    <select data-testid="speed" onchange={on_speed}>
                        { for SPEEDS.iter().map(|s| html! {
                            <option value={s.to_string()} selected={(*s - props.speed).abs() < 1e-9}>
                                { format!("{s}×") }
                            </option>
                        }) }
                    </select>
                </label>
                }
                if shows(Control::Lang) {
                <label class="lang">
                    <span class="visually-hidden">{ t(L::Language) }</span>
                    <select data-testid="lang" onchange={on_lang} aria-label={t(L::Language)}>
                        { for Lang::ALL.iter().map(|l| html! {
                            <option value={l.tag()} selected={props.lang == *l}>{ l.own_name() }</option>
                        }) }
                    </select>
                </label>
                }
            </div>
            <div class="timeline-row">
                if shows(Control::Timeline) {
                <input type="range" class="scrubber" data-testid="timeline" aria-label={t(L::Timeline)}
                    min="0" max={max.to_string()} step="1" value={props.now_ms.to_string()}
                    aria-valuetext={format_time(props.now_ms)}
                    oninput={on_seek} />
                }
                <output data-testid="sim-time" class="clock" aria-live="off">{ format_time(props.now_ms) }</output>
            </div>
            if props.in_past {
                <p class="replaying" data-testid="replaying">
                    <span class="replaying-text">{ t(L::Replaying) }</span>{ " " }
                    <button onclick={to_end} title={t(L::Replaying)}>{ t(L::ToEnd) }</button>
                </p>
            }
        </div>
    }
}
