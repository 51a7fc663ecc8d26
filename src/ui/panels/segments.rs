//! Segments on a log row: where each segment starts, the log start offset,
//! and the records retention or the cleaner just removed, fading out where
//! they were (so a deletion is seen, not only its result).

use yew::prelude::*;

use crate::engine::log::ReplicaLog;
use crate::engine::retention::RemovalCause;
use crate::engine::{BrokerId, Sim, TopicPartition};
use crate::layout::{RowLayout, CELL_W};
use crate::text::{Lang, RetentionLabel, RetentionLine, Say};

/// How long removed records stay visible, fading, in simulated ms.
pub const FADE_MS: u64 = 3_000;

fn f(v: f64) -> String {
    format!("{v:.1}")
}

/// The first offset a row shows: the last `cells` offsets up to the
/// leader's LEO, from the log start offset on; while records removed from
/// this replica are fading, the window reaches back to show them.
#[must_use]
pub fn window_first(sim: &Sim, row: &RowLayout, log: &ReplicaLog, leader_leo: u64) -> u64 {
    let cells = u64::from(row.cells);
    let from_end = leader_leo.saturating_sub(cells);
    let fading = fading_offsets(sim, row.tp, row.broker)
        .map(|(o, _, _)| o)
        .min()
        .unwrap_or(u64::MAX);
    from_end.max(log.log_start_offset().min(fading))
}

/// Records removed from this replica within [`FADE_MS`]: offset, how far
/// the fade has gone (0 to 1), and why.
fn fading_offsets(
    sim: &Sim,
    tp: TopicPartition,
    broker: BrokerId,
) -> impl Iterator<Item = (u64, f64, RemovalCause)> + '_ {
    let now = sim.now_ms();
    sim.recent_removals()
        .filter(move |r| r.tp == tp && r.broker == broker && now < r.at_ms + FADE_MS)
        .flat_map(move |r| {
            let age = (now - r.at_ms) as f64 / FADE_MS as f64;
            r.records.iter().map(move |(o, _)| (*o, age, r.cause))
        })
}

/// Segment boundaries, the log start marker and the fading removed records
/// of one row, drawn from offset `first` on.
pub fn segment_overlay(
    sim: &Sim,
    row: &RowLayout,
    log: &ReplicaLog,
    first: u64,
    lang: Lang,
) -> Html {
    let cells = u64::from(row.cells);
    let r = row.rect;
    let x_of = |offset: u64| row.cells_x + (offset - first) as f64 * CELL_W;
    let visible = |offset: u64| offset >= first && offset < first + cells;
    let segments: Vec<_> = log.segments().collect();
    let count = segments.len();
    let edges = segments.iter().enumerate().filter_map(|(i, s)| {
        let next = segments
            .get(i + 1)
            .map_or(log.log_end_offset(), |n| n.base_offset);
        let active = i + 1 == count;
        let label = RetentionLine::SegmentTitle {
            base: s.base_offset,
            records: s.records,
            bytes: s.size_bytes,
            active,
        }
        .say(lang);
        // Draw the edge where a segment starts, unless that is the window's left edge.
        (s.base_offset > first && s.base_offset <= first + cells).then(|| {
            let x = x_of(s.base_offset) - 0.5;
            html! {
                <g class="segment-edge" data-testid="segment-edge"
                    data-base-offset={s.base_offset.to_string()} data-end-offset={next.to_string()}>
                    <title>{ label }</title>
                    <line x1={f(x)} x2={f(x)} y1={f(r.y - 3.0)} y2={f(r.y + r.h + 3.0)} />
                </g>
            }
        })
    });
    let start = log.log_start_offset();
    let start_marker = (start > 0 && start >= first && start <= first + cells).then(|| {
        let x = x_of(start) - 1.0;
        html! {
            <g class="marker log-start" data-testid="log-start-marker">
                <line x1={f(x)} x2={f(x)} y1={f(r.y - 2.0)} y2={f(r.y + r.h + 2.0)} />
                <text class="tiny" x={f(x + 2.0)} y={f(r.y + r.h / 2.0 + 3.0)}>{ RetentionLabel::LogStart.say(lang) }</text>
            </g>
        }
    });
    let ghosts = fading_offsets(sim, row.tp, row.broker)
        .filter(|(o, _, _)| visible(*o) && log.get(*o).is_none())
        .map(|(o, age, cause)| {
            let x = x_of(o);
            let class = match cause {
                RemovalCause::Retention(_) => "deleted",
                RemovalCause::Compaction => "compacted",
            };
            let title = RetentionLine::Removed { offset: o, cause }.say(lang);
            html! {
                <g class={classes!("ghost", class)} data-testid="removed-record" data-offset={o.to_string()}
                    style={format!("opacity:{:.2}", (1.0 - age).max(0.0))}>
                    <title>{ title }</title>
                    <rect x={f(x + 1.0)} y={f(r.y + 2.0)} width={f(CELL_W - 2.0)} height={f(r.h - 4.0)} rx="3" />
                    <text class="offset" x={f(x + CELL_W / 2.0)} y={f(r.y + 15.0)} text-anchor="middle">{ o }</text>
                    <text class="key" x={f(x + CELL_W / 2.0)} y={f(r.y + 28.0)} text-anchor="middle">{ "✕" }</text>
                </g>
            }
        });
    html! {
        <g class="segments" data-segments={count.to_string()}>
            { for ghosts }
            { for edges }
            { for start_marker }
        </g>
    }
}
