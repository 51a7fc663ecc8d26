//! Where everything sits in the topic view, for a width and a height:
//! producers (each with its partitioner) on the left, brokers and one lane
//! per partition in the middle, consumer groups on the right; one column on
//! narrow screens. Lanes and members lose detail (levels of detail) until
//! the picture fits the height it is given. Pure geometry in CSS px.

use super::input::SceneInput;
use super::measure::text_width;
use crate::layout::Rect;

/// Below this width the topic view is one column.
pub const WIDE_FROM_PX: f64 = 600.0;
/// Outer padding.
pub const PAD: f64 = 8.0;
/// Picture text sizes, px (nothing smaller than 11).
pub const TITLE_PX: f64 = 13.0;
/// Body text.
pub const TEXT_PX: f64 = 12.0;
/// Small text.
pub const SMALL_PX: f64 = 11.0;
/// Height of a broker chip.
pub const CHIP_H: f64 = 18.0;
/// Height of a topic's header line.
pub const TOPIC_HEADER_H: f64 = 18.0;
/// A producer box's height when its partitioner sits below its settings.
pub const PRODUCER_TALL_H: f64 = 108.0;
/// A producer box's height when its partitioner sits beside its settings.
pub const PRODUCER_FLAT_H: f64 = 58.0;
/// A group box's header (name, state, lag).
pub const GROUP_HEADER_H: f64 = 52.0;

/// How much a lane (or a member) shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Lod {
    /// Replicas, cells with offset and key, markers in words.
    Full,
    /// Replicas, cells with offsets, markers as ticks with short words.
    Compact,
    /// A thin bar: label, coloured cells, ticks.
    Tiny,
}

impl Lod {
    /// A lane's height and the gap below it.
    #[must_use]
    pub fn lane_h(self) -> (f64, f64) {
        match self {
            Lod::Full => (72.0, 6.0),
            Lod::Compact => (42.0, 4.0),
            Lod::Tiny => (15.0, 2.0),
        }
    }

    /// A member box's height and the gap below it.
    #[must_use]
    pub fn member_h(self) -> (f64, f64) {
        match self {
            Lod::Full => (36.0, 4.0),
            _ => (20.0, 3.0),
        }
    }

    /// A group box's header height for members at this detail.
    #[must_use]
    pub fn group_header_h(self) -> f64 {
        match self {
            Lod::Tiny => 22.0,
            _ => GROUP_HEADER_H,
        }
    }
}

/// A producer's box and its partitioner stage inside it.
#[derive(Clone, Debug, PartialEq)]
pub struct ProducerBox {
    /// The box.
    pub rect: Rect,
    /// The partitioner stage (inside the box).
    pub partitioner: Rect,
    /// Width the producer's own lines may take (left of the partitioner
    /// when it sits beside them).
    pub text_w: f64,
}

/// One partition's lane.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneBox {
    /// The lane's frame.
    pub rect: Rect,
    /// Left edge of the cells.
    pub cells_x: f64,
    /// Width of the cells' strip.
    pub cells_w: f64,
    /// Top of the cells.
    pub cells_y: f64,
    /// Height of the cells.
    pub cells_h: f64,
    /// Width of one cell.
    pub cell_w: f64,
    /// How many cells fit.
    pub cells: usize,
}

/// A topic: its header line and lanes.
#[derive(Clone, Debug, PartialEq)]
pub struct TopicBox {
    /// The header's frame.
    pub header: Rect,
    /// Its lanes, by partition.
    pub lanes: Vec<LaneBox>,
}

/// A group's box and its members' boxes.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupBox {
    /// The box.
    pub rect: Rect,
    /// Each member's box.
    pub members: Vec<Rect>,
}

/// The whole topic view.
#[derive(Clone, Debug, PartialEq)]
pub struct TopicLayout {
    /// Width, px.
    pub width: f64,
    /// Height, px.
    pub height: f64,
    /// Three columns (else one).
    pub wide: bool,
    /// Lanes' level of detail.
    pub lod: Lod,
    /// Members' level of detail.
    pub member_lod: Lod,
    /// Producers.
    pub producers: Vec<ProducerBox>,
    /// Broker chips, in input order.
    pub brokers: Vec<Rect>,
    /// Topics.
    pub topics: Vec<TopicBox>,
    /// Groups.
    pub groups: Vec<GroupBox>,
}

pub(super) struct Columns {
    pub(super) left: (f64, f64),
    pub(super) mid: (f64, f64),
    pub(super) right: (f64, f64),
}

pub(super) fn columns(input: &SceneInput, width: f64) -> Columns {
    let inner = width - 2.0 * PAD;
    let pw = if input.producers.is_empty() {
        0.0
    } else {
        (width * 0.2).clamp(156.0, 220.0)
    };
    let gw = if input.groups.is_empty() {
        0.0
    } else {
        (width * 0.22).clamp(150.0, 250.0)
    };
    let gap = (width * 0.045).clamp(24.0, 64.0);
    let left_gap = if pw > 0.0 { gap } else { 0.0 };
    let right_gap = if gw > 0.0 { gap } else { 0.0 };
    let mid_w = inner - pw - gw - left_gap - right_gap;
    Columns {
        left: (PAD, pw),
        mid: (PAD + pw + left_gap, mid_w),
        right: (PAD + pw + left_gap + mid_w + right_gap, gw),
    }
}

/// Lays the broker chips from `(x, y)` in `w`; returns them and the bottom.
fn broker_chips(input: &SceneInput, x: f64, y: f64, w: f64) -> (Vec<Rect>, f64) {
    let mut out = Vec::new();
    let (mut cx, mut cy) = (x, y);
    for b in &input.brokers {
        // "B12 ✕" at most: the chip's text (see the drawing).
        let cw = text_width(&format!("B{} ✕", b.id), SMALL_PX) + 10.0;
        if cx + cw > x + w && cx > x {
            cx = x;
            cy += CHIP_H + 4.0;
        }
        out.push(Rect {
            x: cx,
            y: cy,
            w: cw,
            h: CHIP_H,
        });
        cx += cw + 4.0;
    }
    let bottom = if out.is_empty() { y } else { cy + CHIP_H + 6.0 };
    (out, bottom)
}

/// Width of a cell for `lod`, given the keys and offsets shown.
pub(super) fn cell_width(input: &SceneInput, lod: Lod, strip_w: f64) -> f64 {
    let max_offset = input
        .topics
        .iter()
        .flat_map(|t| t.lanes.iter().map(|l| l.leo))
        .max()
        .unwrap_or(0);
    let offset_w = text_width(&max_offset.to_string(), SMALL_PX) + 6.0;
    match lod {
        Lod::Full => {
            let key_w = input
                .topics
                .iter()
                .flat_map(|t| t.lanes.iter())
                .flat_map(|l| l.cells.iter())
                .filter_map(|c| c.key.as_deref())
                .map(|k| text_width(k, SMALL_PX))
                .fold(0.0, f64::max);
            let want = (key_w + 8.0).max(offset_w).clamp(30.0, 60.0);
            // At least six cells in a lane.
            want.min((strip_w / 6.0).max(offset_w.min(30.0)))
        }
        Lod::Compact => offset_w.clamp(24.0, 44.0).min((strip_w / 6.0).max(24.0)),
        Lod::Tiny => 10.0,
    }
}

fn lanes(input: &SceneInput, lod: Lod, x: f64, mut y: f64, w: f64) -> (Vec<TopicBox>, f64) {
    let (lane_h, lane_gap) = lod.lane_h();
    // Thin lanes flow in columns when there is room.
    let cols = if lod == Lod::Tiny {
        ((w + 8.0) / 148.0).floor().clamp(1.0, 4.0) as usize
    } else {
        1
    };
    let full_w = w;
    let w = (w - (cols as f64 - 1.0) * 8.0) / cols as f64;
    let label_w = if lod == Lod::Tiny {
        text_width("p00", SMALL_PX) + 8.0
    } else {
        0.0
    };
    let strip_w = w - label_w - 8.0;
    let cw = cell_width(input, lod, strip_w);
    let cells = ((strip_w / cw).floor() as usize).max(1);
    let mut topics = Vec::new();
    for t in &input.topics {
        let header = Rect {
            x,
            y,
            w: full_w,
            h: TOPIC_HEADER_H,
        };
        y += TOPIC_HEADER_H + 2.0;
        let rows = t.lanes.len().div_ceil(cols);
        let mut boxes = Vec::new();
        for i in 0..t.lanes.len() {
            let (col, row) = (i / rows.max(1), i % rows.max(1));
            let x = x + col as f64 * (w + 8.0);
            let y = y + row as f64 * (lane_h + lane_gap);
            let rect = Rect { x, y, w, h: lane_h };
            let (cells_y, cells_h) = match lod {
                Lod::Full => (y + 20.0, 32.0),
                Lod::Compact => (y + 20.0, 20.0),
                Lod::Tiny => (y + 1.0, 13.0),
            };
            boxes.push(LaneBox {
                rect,
                cells_x: x + 4.0 + label_w,
                cells_w: cells as f64 * cw,
                cells_y,
                cells_h,
                cell_w: cw,
                cells,
            });
        }
        y += rows as f64 * (lane_h + lane_gap);
        topics.push(TopicBox {
            header,
            lanes: boxes,
        });
        y += 4.0;
    }
    (topics, y)
}

/// Group boxes from `(x, y)` in `w`: `gcols` groups side by side, members
/// in `mcols` columns inside each.
fn groups(
    input: &SceneInput,
    lod: Lod,
    (x, y): (f64, f64),
    w: f64,
    (gcols, mcols): (usize, usize),
) -> (Vec<GroupBox>, f64) {
    let (mh, mgap) = lod.member_h();
    let header_h = lod.group_header_h();
    let gcols = gcols.clamp(1, input.groups.len().max(1));
    let mcols = mcols.max(1);
    let gw = (w - (gcols as f64 - 1.0) * 8.0) / gcols as f64;
    let mut out = Vec::new();
    let mut row_y = y;
    let mut row_bottom = y;
    for (i, g) in input.groups.iter().enumerate() {
        if i > 0 && i % gcols == 0 {
            row_y = row_bottom;
        }
        let gx = x + (i % gcols) as f64 * (gw + 8.0);
        let rows = g.members.len().div_ceil(mcols);
        let h = header_h + rows as f64 * (mh + mgap) + 4.0;
        let rect = Rect {
            x: gx,
            y: row_y,
            w: gw,
            h,
        };
        let mw = (gw - 12.0 - (mcols as f64 - 1.0) * 6.0) / mcols as f64;
        let members = (0..g.members.len())
            .map(|k| Rect {
                x: gx + 6.0 + (k % mcols) as f64 * (mw + 6.0),
                y: row_y + header_h + (k / mcols) as f64 * (mh + mgap),
                w: mw,
                h: mh,
            })
            .collect();
        out.push(GroupBox { rect, members });
        row_bottom = row_bottom.max(row_y + h + 8.0);
    }
    (out, row_bottom)
}

impl TopicLayout {
    /// Lays out `input` in `width` × `height` px (the height is what the
    /// picture may take; the layout picks the most detail that fits it).
    #[must_use]
    pub fn new(input: &SceneInput, width: f64, height: f64) -> Self {
        let width = width.clamp(280.0, 4000.0);
        let height = height.clamp(100.0, 4000.0);
        let mut best = None;
        for lod in [Lod::Full, Lod::Compact, Lod::Tiny] {
            for member_lod in [Lod::Full, Lod::Compact, Lod::Tiny] {
                let l = Self::with(input, width, lod, member_lod);
                let fits = l.height <= height;
                best = Some(l);
                if fits {
                    return best.expect("just set");
                }
            }
        }
        best.expect("at least one layout")
    }

    pub(super) fn with(input: &SceneInput, width: f64, lod: Lod, member_lod: Lod) -> Self {
        if width >= WIDE_FROM_PX {
            Self::wide(input, width, lod, member_lod)
        } else {
            Self::narrow(input, width, lod, member_lod)
        }
    }

    fn wide(input: &SceneInput, width: f64, lod: Lod, member_lod: Lod) -> Self {
        let c = columns(input, width);
        let mut y = PAD;
        let producers: Vec<ProducerBox> = input
            .producers
            .iter()
            .map(|_| {
                let rect = Rect {
                    x: c.left.0,
                    y,
                    w: c.left.1,
                    h: PRODUCER_TALL_H,
                };
                y += PRODUCER_TALL_H + 8.0;
                ProducerBox {
                    rect,
                    partitioner: Rect {
                        x: rect.x + 6.0,
                        y: rect.y + 52.0,
                        w: rect.w - 12.0,
                        h: 50.0,
                    },
                    text_w: rect.w - 16.0,
                }
            })
            .collect();
        let left_bottom = y;
        let (brokers, top) = broker_chips(input, c.mid.0, PAD, c.mid.1);
        let (topics, mid_bottom) = lanes(input, lod, c.mid.0, top, c.mid.1);
        let mcols = if member_lod == Lod::Tiny && c.right.1 >= 200.0 {
            2
        } else {
            1
        };
        let (groups, right_bottom) =
            groups(input, member_lod, (c.right.0, PAD), c.right.1, (1, mcols));
        let height = left_bottom.max(mid_bottom).max(right_bottom).ceil();
        Self {
            width,
            height,
            wide: true,
            lod,
            member_lod,
            producers,
            brokers,
            topics,
            groups,
        }
    }

    fn narrow(input: &SceneInput, width: f64, lod: Lod, member_lod: Lod) -> Self {
        let inner = width - 2.0 * PAD;
        let n = input.producers.len().max(1);
        let per_row = if inner / n as f64 >= 170.0 {
            n
        } else {
            ((inner + 8.0) / 178.0).floor().max(1.0) as usize
        };
        let pw = (inner - (per_row as f64 - 1.0) * 8.0) / per_row as f64;
        let flat = pw >= 300.0;
        let ph = if flat {
            PRODUCER_FLAT_H
        } else {
            PRODUCER_TALL_H
        };
        let mut y = PAD;
        let producers: Vec<ProducerBox> = input
            .producers
            .iter()
            .enumerate()
            .map(|(i, _)| {
                let rect = Rect {
                    x: PAD + (i % per_row) as f64 * (pw + 8.0),
                    y: y + (i / per_row) as f64 * (ph + 8.0),
                    w: pw,
                    h: ph,
                };
                let (partitioner, text_w) = if flat {
                    let half = (rect.w / 2.0).floor();
                    (
                        Rect {
                            x: rect.x + half,
                            y: rect.y + 4.0,
                            w: rect.w - half - 6.0,
                            h: rect.h - 8.0,
                        },
                        half - 14.0,
                    )
                } else {
                    (
                        Rect {
                            x: rect.x + 6.0,
                            y: rect.y + 52.0,
                            w: rect.w - 12.0,
                            h: 50.0,
                        },
                        rect.w - 16.0,
                    )
                };
                ProducerBox {
                    rect,
                    partitioner,
                    text_w,
                }
            })
            .collect();
        if !input.producers.is_empty() {
            y += input.producers.len().div_ceil(per_row) as f64 * (ph + 8.0);
        }
        let (brokers, top) = broker_chips(input, PAD, y, inner);
        let (topics, bottom) = lanes(input, lod, PAD, top, inner);
        let cols = if member_lod == Lod::Tiny {
            (((inner + 8.0) / 112.0).floor() as usize, 1)
        } else {
            (1, ((inner + 6.0) / 156.0).floor().clamp(1.0, 4.0) as usize)
        };
        let (groups, bottom) = groups(input, member_lod, (PAD, bottom + 4.0), inner, cols);
        Self {
            width,
            height: bottom.ceil(),
            wide: false,
            lod,
            member_lod,
            producers,
            brokers,
            topics,
            groups,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::scenarios::{default_scenario, stress_scenario};
    use crate::player::Player;

    fn input_after(config: crate::engine::ClusterConfig, ms: f64) -> SceneInput {
        let mut p = Player::new(config).unwrap();
        p.set_playing(true);
        let mut t = 0.0;
        while t < ms {
            p.tick(100.0);
            t += 100.0;
        }
        SceneInput::of(&p, p.now_exact_ms(), false)
    }

    fn inside(outer: &Rect, inner: &Rect) -> bool {
        inner.x >= outer.x - 0.01
            && inner.y >= outer.y - 0.01
            && inner.x + inner.w <= outer.x + outer.w + 0.01
            && inner.y + inner.h <= outer.y + outer.h + 0.01
    }

    #[test]
    fn the_default_scene_fits_a_phone_an_embed_and_a_window_in_full_detail() {
        let input = input_after(default_scenario(), 3_000.0);
        for (w, h) in [(360.0, 480.0), (700.0, 400.0), (1264.0, 640.0)] {
            let l = TopicLayout::new(&input, w, h);
            assert!(l.height <= h, "{w}×{h}: {}", l.height);
            assert_eq!(l.lod, Lod::Full, "{w}×{h}");
            let all = Rect {
                x: 0.0,
                y: 0.0,
                w,
                h: l.height,
            };
            for t in &l.topics {
                for lane in &t.lanes {
                    assert!(inside(&all, &lane.rect));
                    assert!(lane.cells_x + lane.cells_w <= lane.rect.x + lane.rect.w + 0.01);
                }
            }
            for g in &l.groups {
                assert!(inside(&all, &g.rect));
                for m in &g.members {
                    assert!(inside(&g.rect, m));
                }
            }
            for p in &l.producers {
                assert!(inside(&p.rect, &p.partitioner));
            }
        }
    }

    #[test]
    fn the_stress_scene_loses_detail_and_still_fits() {
        let input = input_after(stress_scenario(), 1_000.0);
        for (w, h) in [(360.0, 480.0), (700.0, 400.0), (1264.0, 640.0)] {
            let l = TopicLayout::new(&input, w, h);
            assert!(l.height <= h + 0.5, "{w}×{h}: {} at {:?}", l.height, l.lod);
            assert!(l.lod > Lod::Full);
        }
    }
}
