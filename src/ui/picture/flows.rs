//! Who talks to whom in the topic view: lines from each producer to its
//! topic's lanes (the latest decision's lane drawn stronger) and from each
//! lane to the member that reads it (in the member's colour), and the
//! messages on their way as dots without text.

use yew::prelude::*;

use super::lane::MEMBER_CLASSES;
use super::svg::px;
use crate::picture::input::{FlowKind, SceneInput};
use crate::picture::topic_layout::{LaneBox, TopicLayout};

/// Most dots drawn.
pub const MAX_DOTS: usize = 120;

fn lane_at(layout: &TopicLayout, (t, p): (usize, u32)) -> Option<&LaneBox> {
    layout.topics.get(t)?.lanes.get(p as usize)
}

fn mid_y(l: &LaneBox) -> f64 {
    l.cells_y + l.cells_h / 2.0
}

/// Where a producer's records leave it.
fn producer_exit(layout: &TopicLayout, i: usize) -> Option<(f64, f64)> {
    let p = layout.producers.get(i)?;
    Some(if layout.wide {
        (p.rect.x + p.rect.w, p.partitioner.y + p.partitioner.h / 2.0)
    } else {
        (p.partitioner.x + p.partitioner.w / 2.0, p.rect.y + p.rect.h)
    })
}

/// Where a member takes its records.
fn member_entry(layout: &TopicLayout, (g, m): (usize, usize)) -> Option<(f64, f64)> {
    let r = layout.groups.get(g)?.members.get(m)?;
    Some(if layout.wide {
        (r.x, r.y + r.h / 2.0)
    } else {
        (r.x + r.w / 2.0, r.y)
    })
}

/// Colour class of member `m` of group `g`.
#[must_use]
pub fn member_class(input: &SceneInput, (g, m): (usize, usize)) -> &'static str {
    let from: usize = input.groups.iter().take(g).map(|x| x.members.len()).sum();
    MEMBER_CLASSES[(from + m) % MEMBER_CLASSES.len()]
}

fn curve((x0, y0): (f64, f64), (x1, y1): (f64, f64)) -> String {
    let dx = (x1 - x0) / 2.0;
    format!(
        "M{} {} C{} {} {} {} {} {}",
        px(x0),
        px(y0),
        px(x0 + dx),
        px(y0),
        px(x1 - dx),
        px(y1),
        px(x1),
        px(y1)
    )
}

/// The lines (wide pictures only: in one column the lanes name their
/// readers).
pub fn lines(input: &SceneInput, layout: &TopicLayout) -> Html {
    if !layout.wide {
        return Html::default();
    }
    let mut out = Vec::new();
    for (i, p) in input.producers.iter().enumerate() {
        let Some(from) = producer_exit(layout, i) else {
            continue;
        };
        let Some(t) = layout.topics.get(p.topic) else {
            continue;
        };
        let hot = p.decision.as_ref().map(|d| d.partition());
        for (n, l) in t.lanes.iter().enumerate() {
            let class = if hot == Some(n as u32) {
                "link hot"
            } else {
                "link"
            };
            out.push(html! { <path class={class} d={curve(from, (l.rect.x, mid_y(l)))} /> });
        }
    }
    for (ti, t) in input.topics.iter().enumerate() {
        for lane in &t.lanes {
            let Some(l) = lane_at(layout, (ti, lane.partition)) else {
                continue;
            };
            for owner in &lane.owners {
                let Some(to) = member_entry(layout, *owner) else {
                    continue;
                };
                let class = match member_class(input, *owner) {
                    "m0" => "own m0",
                    "m1" => "own m1",
                    "m2" => "own m2",
                    "m3" => "own m3",
                    "m4" => "own m4",
                    "m5" => "own m5",
                    "m6" => "own m6",
                    _ => "own m7",
                };
                out.push(
                    html! { <path class={class} d={curve((l.rect.x + l.rect.w, mid_y(l)), to)} /> },
                );
            }
        }
    }
    html! { <g class="links" aria-hidden="true">{ for out }</g> }
}

/// A point `t` (0..=1) along a polyline.
fn along(points: &[(f64, f64)], t: f64) -> (f64, f64) {
    let lens: Vec<f64> = points
        .windows(2)
        .map(|w| (w[1].0 - w[0].0).hypot(w[1].1 - w[0].1))
        .collect();
    let total: f64 = lens.iter().sum();
    if total <= 0.0 {
        return points[0];
    }
    let mut d = t.clamp(0.0, 1.0) * total;
    for (w, len) in points.windows(2).zip(&lens) {
        if d <= *len && *len > 0.0 {
            let f = d / len;
            return (
                w[0].0 + (w[1].0 - w[0].0) * f,
                w[0].1 + (w[1].1 - w[0].1) * f,
            );
        }
        d -= len;
    }
    *points.last().expect("points")
}

/// The messages on their way; `still`: reduced motion (each halfway).
pub fn dots(input: &SceneInput, layout: &TopicLayout, still: bool) -> Html {
    let mut out = Vec::new();
    for f in input.flows.iter() {
        if out.len() >= MAX_DOTS {
            break;
        }
        let Some(l) = lane_at(layout, f.lane) else {
            continue;
        };
        let Some(lane) = input
            .topics
            .get(f.lane.0)
            .and_then(|t| t.lanes.get(f.lane.1 as usize))
        else {
            continue;
        };
        let t = if still { 0.5 } else { f.progress };
        let entry = (l.rect.x, mid_y(l));
        let first = lane.leo.saturating_sub(l.cells as u64).max(lane.log_start);
        let slot = (l.cells_x + (lane.leo - first) as f64 * l.cell_w).min(l.cells_x + l.cells_w);
        let (points, class): (Vec<(f64, f64)>, &'static str) = match f.kind {
            FlowKind::Produce => {
                let Some(from) = f.producer.and_then(|p| producer_exit(layout, p)) else {
                    continue;
                };
                (vec![from, entry, (slot, mid_y(l))], "dot produce")
            }
            FlowKind::Ack => {
                let Some(to) = f.producer.and_then(|p| producer_exit(layout, p)) else {
                    continue;
                };
                (vec![entry, to], "dot ack")
            }
            FlowKind::Fetch => {
                let Some(to) = f.member.and_then(|m| member_entry(layout, m)) else {
                    continue;
                };
                (vec![(l.rect.x + l.rect.w, mid_y(l)), to], "dot fetch")
            }
            FlowKind::Replicate => continue,
        };
        let (x, y) = along(&points, t);
        out.push(html! { <circle class={class} cx={px(x)} cy={px(y)} r="4" /> });
    }
    html! { <g class="dots" aria-hidden="true">{ for out }</g> }
}
