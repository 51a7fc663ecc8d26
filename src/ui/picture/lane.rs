//! One partition's lane in the topic view: its replicas (which broker, leader
//! or follower, in or out of the ISR, how far each copied), its records as
//! cells keyed by offset inside a row that slides by one transform, and its
//! markers as ticks and in words. A component with plain props, so a lane
//! that did not change is not drawn again.

use yew::prelude::*;

use super::svg::px;
use crate::picture::input::{CellIn, LaneIn};
use crate::picture::measure::{fit_text, text_width};
use crate::picture::topic_layout::{LaneBox, Lod, SMALL_PX, TEXT_PX};
use crate::text::{Lang, PictureLabel, PictureLine, Say};

/// Colour classes of members (lines and owner tags).
pub const MEMBER_CLASSES: [&str; 8] = ["m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7"];
/// Colour classes of keys (12 hues, then the null key).
const HUE_CLASSES: [&str; 13] = [
    "cell h0",
    "cell h1",
    "cell h2",
    "cell h3",
    "cell h4",
    "cell h5",
    "cell h6",
    "cell h7",
    "cell h8",
    "cell h9",
    "cell h10",
    "cell h11",
    "cell hnull",
];
const HUE_CLASSES_UNC: [&str; 13] = [
    "cell unc h0",
    "cell unc h1",
    "cell unc h2",
    "cell unc h3",
    "cell unc h4",
    "cell unc h5",
    "cell unc h6",
    "cell unc h7",
    "cell unc h8",
    "cell unc h9",
    "cell unc h10",
    "cell unc h11",
    "cell unc hnull",
];

/// A record cell's static class: its key's hue, and whether it is still
/// above the high watermark (uncommitted). Shared by both views.
#[must_use]
pub fn cell_class(c: &CellIn) -> &'static str {
    let hue = usize::from(c.hue.min(12));
    if c.committed {
        HUE_CLASSES[hue]
    } else {
        HUE_CLASSES_UNC[hue]
    }
}

/// A lane's owner as drawn: its colour class and the member's name.
#[derive(Clone, Debug, PartialEq)]
pub struct Owner {
    /// Colour class (`m0`…).
    pub class: &'static str,
    /// The member's name.
    pub name: String,
}

/// Properties of [`Lane`].
#[derive(Properties, PartialEq)]
pub struct LaneProps {
    /// The partition.
    pub lane: LaneIn,
    /// Where it sits.
    pub bx: LaneBox,
    /// Its detail.
    pub lod: Lod,
    /// The language.
    pub lang: Lang,
    /// The topic's name.
    pub topic: String,
    /// Spell the markers out (the first lane of the picture).
    pub long: bool,
    /// Names of the groups whose committed offsets are drawn, when several
    /// groups read the topic (else empty: "committed" alone).
    pub group_names: Vec<String>,
    /// Who reads it.
    pub owners: Vec<Owner>,
    /// A lesson points at it.
    pub focused: bool,
    /// A lesson points at one of its records (offset).
    pub focused_offset: Option<u64>,
    /// Selected in the inspector.
    pub selected: bool,
    /// Brokers whose replica a lesson points at.
    pub focused_replicas: Vec<u32>,
}

fn chip_text(r: &crate::picture::input::ReplicaIn) -> String {
    if !r.alive {
        format!("B{} ✕", r.broker)
    } else if r.leader {
        format!("B{} ★", r.broker)
    } else if r.in_isr {
        format!("B{} ✓ {}", r.broker, r.leo)
    } else {
        format!("B{} ✗ {}", r.broker, r.leo)
    }
}

fn chip_class(r: &crate::picture::input::ReplicaIn, focused: bool) -> &'static str {
    match (r.alive, r.leader, r.in_isr, focused) {
        (false, _, _, false) => "rchip down",
        (false, _, _, true) => "rchip down focus",
        (true, true, _, false) => "rchip leader",
        (true, true, _, true) => "rchip leader focus",
        (true, false, true, false) => "rchip isr",
        (true, false, true, true) => "rchip isr focus",
        (true, false, false, false) => "rchip out",
        (true, false, false, true) => "rchip out focus",
    }
}

/// The offsets shown: one cell per offset from `first`.
fn window(lane: &LaneIn, cells: usize) -> u64 {
    lane.leo.saturating_sub(cells as u64).max(lane.log_start)
}

/// Offsets are labelled every `n` cells when they do not fit in one.
fn label_every(bx: &LaneBox, leo: u64) -> u64 {
    let w = text_width(&leo.to_string(), SMALL_PX) + 3.0;
    [1, 2, 5, 10, 100]
        .into_iter()
        .find(|n| w <= bx.cell_w * *n as f64)
        .unwrap_or(1000)
}

/// A partition's lane.
#[component]
pub fn Lane(props: &LaneProps) -> Html {
    let LaneProps {
        lane,
        bx,
        lod,
        lang,
        ..
    } = props;
    let lang = *lang;
    let r = bx.rect;
    let first = window(lane, bx.cells);
    let x_of = |offset: u64| bx.cells_x + (offset.saturating_sub(first)) as f64 * bx.cell_w;
    let class = match (lane.offline, props.focused, props.selected) {
        (false, false, false) => "lane",
        (true, false, false) => "lane offline",
        (false, true, false) => "lane focus",
        (true, true, false) => "lane offline focus",
        (false, false, true) => "lane selected",
        (true, false, true) => "lane offline selected",
        (false, true, true) => "lane focus selected",
        (true, true, true) => "lane offline focus selected",
    };
    let name = format!("{}-{}", props.topic, lane.partition);
    let inner_w = r.w - 8.0;

    // The header row: label, replica chips, owners (and, compact, markers).
    let mut header = Vec::new();
    let mut x = r.x + 6.0;
    let label = format!("p{}", lane.partition);
    let (label_px, label_class, label_y) = if *lod == Lod::Tiny {
        (SMALL_PX, "lname s", r.y + 11.5)
    } else {
        (TEXT_PX, "lname", r.y + 14.0)
    };
    header.push(
        html! { <text class={label_class} x={px(x)} y={px(label_y)}>{ label.clone() }</text> },
    );
    x += text_width(&label, label_px) + 6.0;
    let right = r.x + r.w - 4.0;
    let mut markers_in_header = false;
    if *lod != Lod::Tiny {
        for rep in &lane.replicas {
            let text = chip_text(rep);
            let w = text_width(&text, SMALL_PX) + 8.0;
            if x + w > right {
                break;
            }
            let focused = props.focused_replicas.contains(&rep.broker);
            header.push(html! {
                <g class={chip_class(rep, focused)}>
                    <rect x={px(x)} y={px(r.y + 2.0)} width={px(w)} height="16" rx="4" />
                    <text x={px(x + 4.0)} y={px(r.y + 14.0)}>{ text }</text>
                </g>
            });
            x += w + 4.0;
        }
        if lane.offline {
            let t = format!("⚠ {}", PictureLabel::Offline.say(lang));
            let w = text_width(&t, SMALL_PX);
            if x + w <= right {
                header.push(html! { <text class="warn" x={px(x)} y={px(r.y + 14.0)}>{ t }</text> });
                x += w + 6.0;
            }
        }
        for o in &props.owners {
            let t = format!("→ {}", o.name);
            let w = text_width(&t, SMALL_PX);
            if x + w > right {
                break;
            }
            header.push(html! { <text class={classes_owner(o.class)} x={px(x)} y={px(r.y + 14.0)}>{ t }</text> });
            x += w + 6.0;
        }
    }

    // Markers in words: a line of their own (full), else in the header.
    let mut words = PictureLine::Markers {
        log_start: lane.log_start,
        hw: lane.hw,
        leo: lane.leo,
        long: props.long,
    }
    .say(lang);
    let avail = if *lod == Lod::Full {
        inner_w
    } else {
        right - x
    };
    if text_width(&words, SMALL_PX) > avail {
        words = PictureLine::Markers {
            log_start: lane.log_start,
            hw: lane.hw,
            leo: lane.leo,
            long: false,
        }
        .say(lang);
    }
    let mut marker_text = String::new();
    if text_width(&words, SMALL_PX) <= avail {
        marker_text = words;
        for (gi, offset) in &lane.committed {
            let group = props
                .group_names
                .get(*gi)
                .cloned()
                .filter(|g| !g.is_empty());
            let c = PictureLine::Committed {
                group,
                offset: *offset,
            }
            .say(lang);
            let candidate = format!("{marker_text} · {c}");
            if text_width(&candidate, SMALL_PX) <= avail {
                marker_text = candidate;
            }
        }
    }
    let markers_line = if marker_text.is_empty() || *lod == Lod::Tiny {
        Html::default()
    } else if *lod == Lod::Full {
        html! { <text class="mwords" x={px(r.x + 6.0)} y={px(r.y + 66.0)}>{ marker_text }</text> }
    } else {
        markers_in_header = true;
        html! { <text class="mwords" x={px(x)} y={px(r.y + 14.0)}>{ marker_text }</text> }
    };
    let _ = markers_in_header;

    // The cells: keyed by offset, inside a row moved by one transform.
    let every = label_every(bx, lane.leo);
    let cells = lane
        .cells
        .iter()
        .filter(|c| c.offset >= first && c.offset < first + bx.cells as u64)
        .map(|c| {
            cell(
                c,
                bx,
                *lod,
                every,
                props.focused_offset == Some(c.offset),
                &name,
                lang,
            )
        });
    let shift = bx.cells_x - first as f64 * bx.cell_w;

    // Ticks: log start, committed offsets, HW, LEO.
    let tick = |offset: u64, class: &'static str| -> Html {
        if offset < first || offset > first + bx.cells as u64 {
            return Html::default();
        }
        let x = x_of(offset);
        html! { <line class={class} x1={px(x)} x2={px(x)} y1={px(bx.cells_y - 3.0)} y2={px(bx.cells_y + bx.cells_h + 3.0)} /> }
    };
    let committed_ticks = lane
        .committed
        .iter()
        .map(|(_, o)| tick(*o, "tick committed"));
    let tooltip = format!(
        "{name} · {}",
        PictureLine::Markers {
            log_start: lane.log_start,
            hw: lane.hw,
            leo: lane.leo,
            long: true
        }
        .say(lang)
    );
    html! {
        <g class={class} data-entity="partition" data-box="" data-topic={props.topic.clone()}
            data-partition={lane.partition.to_string()} data-leo={lane.leo.to_string()}
            data-hw={lane.hw.to_string()} data-log-start={lane.log_start.to_string()}
            id={format!("e-lane-{}-{}", props.topic, lane.partition)}>
            <title>{ tooltip }</title>
            <rect data-frame="" class="lane-bg" x={px(r.x)} y={px(r.y)} width={px(r.w)} height={px(r.h)} rx="5" />
            <rect class="strip" x={px(bx.cells_x)} y={px(bx.cells_y)} width={px(bx.cells_w)} height={px(bx.cells_h)} />
            { for header }
            <g class="cells" transform={format!("translate({} 0)", px(shift))}>
                { for cells }
            </g>
            { for lane.segments.iter().filter(|b| **b > first && **b <= first + bx.cells as u64).map(|b| {
                let x = x_of(*b);
                html! { <line class="segment-edge" data-testid="segment-edge" x1={px(x)} x2={px(x)} y1={px(bx.cells_y - 2.0)} y2={px(bx.cells_y + bx.cells_h + 2.0)} /> }
            }) }
            { tick(lane.log_start, "tick start") }
            { for committed_ticks }
            { tick(lane.hw, "tick hw") }
            { tick(lane.leo, "tick leo") }
            { markers_line }
        </g>
    }
}

fn classes_owner(class: &'static str) -> &'static str {
    match class {
        "m0" => "owner m0",
        "m1" => "owner m1",
        "m2" => "owner m2",
        "m3" => "owner m3",
        "m4" => "owner m4",
        "m5" => "owner m5",
        "m6" => "owner m6",
        _ => "owner m7",
    }
}

/// One record: at `offset × cell width` inside the sliding row, so its
/// attributes never change as the row moves.
fn cell(
    c: &CellIn,
    bx: &LaneBox,
    lod: Lod,
    every: u64,
    focused: bool,
    tp: &str,
    lang: Lang,
) -> Html {
    let x = c.offset as f64 * bx.cell_w;
    let class = cell_class(c);
    let y = bx.cells_y;
    let w = bx.cell_w - 2.0;
    let mid = x + bx.cell_w / 2.0;
    let key = c.key.as_deref().unwrap_or("∅");
    let (key_text, cut) = fit_text(key, SMALL_PX, w - 3.0);
    let focus = if focused {
        html! { <rect class="cell-focus" x={px(x - 1.0)} y={px(y - 2.0)} width={px(bx.cell_w + 2.0)} height={px(bx.cells_h + 4.0)} rx="4" /> }
    } else {
        Html::default()
    };
    match lod {
        Lod::Tiny => html! {
            <rect key={c.offset} class={class} x={px(x + 1.0)} y={px(y)} width={px(w)} height={px(bx.cells_h)} rx="2" />
        },
        Lod::Compact => html! {
            <g key={c.offset} class={class} data-offset={c.offset.to_string()}>
                <rect x={px(x + 1.0)} y={px(y)} width={px(w)} height={px(bx.cells_h)} rx="3" />
                if c.offset % every == 0 {
                    <text x={px(mid)} y={px(y + 14.0)} text-anchor="middle">{ c.offset }</text>
                }
                { focus }
            </g>
        },
        Lod::Full => {
            let tip = PictureLine::Cell {
                tp: tp.to_string(),
                offset: c.offset,
                key: c.key.clone(),
                committed: c.committed,
            }
            .say(lang);
            html! {
                <g key={c.offset} class={class} data-offset={c.offset.to_string()}>
                    <title>{ tip }</title>
                    <rect x={px(x + 1.0)} y={px(y)} width={px(w)} height={px(bx.cells_h)} rx="3" />
                    if c.offset % every == 0 {
                        <text class="off" x={px(mid)} y={px(y + 13.0)} text-anchor="middle">{ c.offset }</text>
                    }
                    if !cut || key_text.chars().count() > 1 {
                        <text class="key" x={px(mid)} y={px(y + 27.0)} text-anchor="middle">{ key_text }</text>
                    }
                    { focus }
                </g>
            }
        }
    }
}
