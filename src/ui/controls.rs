//! The time controls: play/pause, step one event, speed, and the clock.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::app::Action;

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
    /// Where actions go.
    pub on_action: Callback<Action>,
}

/// Formats simulated time as `t = 12.345 s`.
#[must_use]
pub fn format_time(ms: u64) -> String {
    format!("t = {}.{:03} s", ms / 1000, ms % 1000)
}

/// Play/pause, step, speed and the clock.
#[component]
pub fn Controls(props: &ControlsProps) -> Html {
    let toggle = props.on_action.reform(|_| Action::TogglePlay);
    let step = props.on_action.reform(|_| Action::Step);
    let on_speed = props.on_action.reform(|e: Event| {
        let value = e
            .target_dyn_into::<HtmlSelectElement>()
            .and_then(|s| s.value().parse::<f64>().ok())
            .unwrap_or(1.0);
        Action::Speed(value)
    });
    let label = if props.playing { "Pause" } else { "Play" };
    html! {
        <div class="controls" role="toolbar" aria-label="Time controls">
            <button data-testid="play" class="primary" onclick={toggle}
                aria-pressed={props.playing.to_string()}
                title="Play or pause (space)">
                <span aria-hidden="true">{ if props.playing { "❚❚ " } else { "▶ " } }</span>
                { label }
            </button>
            <button data-testid="step" onclick={step} title="Run to the next event and pause (→)">
                { "Step ›" }
            </button>
            <label class="speed">
                { "Speed " }
                <select data-testid="speed" onchange={on_speed}>
                    { for SPEEDS.iter().map(|s| html! {
                        <option value={s.to_string()} selected={(*s - props.speed).abs() < 1e-9}>
                            { format!("{s}×") }
                        </option>
                    }) }
                </select>
            </label>
            <output data-testid="sim-time" class="clock" aria-live="off">{ format_time(props.now_ms) }</output>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_is_shown_in_seconds_with_milliseconds() {
        assert_eq!(format_time(0), "t = 0.000 s");
        assert_eq!(format_time(12_345), "t = 12.345 s");
    }
}
