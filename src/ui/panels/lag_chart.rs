//! A group's total lag over time as a small SVG line chart, drawn from the
//! engine's bounded lag history (one sample a simulated second).

use yew::prelude::*;

use crate::engine::consumer::Group;
use crate::text::{GroupPanelLine, Lang, Say};

const W: f64 = 320.0;
const H: f64 = 64.0;
const PAD_L: f64 = 34.0;
const PAD_B: f64 = 14.0;

/// The chart for one group: x is simulated time, y the total lag.
pub fn lag_chart(group: &Group, lang: Lang) -> Html {
    let samples: Vec<_> = group.lag_history.samples().copied().collect();
    let max = group.lag_history.max_total().max(1);
    let span = match (samples.first(), samples.last()) {
        (Some(a), Some(b)) => Some((
            a.at_ms / 1000,
            b.at_ms / 1000,
            b.total,
            group.lag_history.max_total(),
        )),
        _ => None,
    };
    let label = GroupPanelLine::LagChart {
        group: group.config.group_id.clone(),
        span,
    }
    .say(lang);
    let (t0, t1) = match (samples.first(), samples.last()) {
        (Some(a), Some(b)) => (a.at_ms as f64, (b.at_ms as f64).max(a.at_ms as f64 + 1.0)),
        _ => (0.0, 1.0),
    };
    let plot_w = W - PAD_L - 4.0;
    let plot_h = H - PAD_B - 6.0;
    let points: Vec<String> = samples
        .iter()
        .map(|s| {
            let x = PAD_L + (s.at_ms as f64 - t0) / (t1 - t0) * plot_w;
            let y = 6.0 + plot_h - s.total as f64 / max as f64 * plot_h;
            format!("{x:.1},{y:.1}")
        })
        .collect();
    html! {
        <svg class="lag-chart" data-testid="lag-chart" role="img" aria-label={label}
            viewBox={format!("0 0 {W} {H}")} preserveAspectRatio="none">
            <line class="axis" x1={PAD_L.to_string()} x2={PAD_L.to_string()} y1="6" y2={(H - PAD_B).to_string()} />
            <line class="axis" x1={PAD_L.to_string()} x2={(W - 4.0).to_string()} y1={(H - PAD_B).to_string()} y2={(H - PAD_B).to_string()} />
            <text class="tiny" x={(PAD_L - 4.0).to_string()} y="12" text-anchor="end">{ max }</text>
            <text class="tiny" x={(PAD_L - 4.0).to_string()} y={(H - PAD_B).to_string()} text-anchor="end">{ "0" }</text>
            <text class="tiny" x={PAD_L.to_string()} y={(H - 2.0).to_string()}>{ format!("{} s", (t0 / 1000.0).floor()) }</text>
            <text class="tiny" x={(W - 4.0).to_string()} y={(H - 2.0).to_string()} text-anchor="end">{ format!("{} s", (t1 / 1000.0).floor()) }</text>
            if points.len() > 1 {
                <polyline class="lag-line" points={points.join(" ")} />
            }
        </svg>
    }
}
