//! Where everything sits in the broker view: producers and groups as in the
//! topic view, and in the middle one box per broker holding a row per
//! replica it hosts. Rows lose detail until the picture fits its height.

use super::input::SceneInput;
use super::measure::text_width;
use super::topic_layout::{cell_width, columns, Lod, TopicLayout, PAD, TEXT_PX};
use crate::layout::Rect;

/// A broker box's header height.
pub const BROKER_HEADER_H: f64 = 22.0;

/// One replica's row in a broker box.
#[derive(Clone, Debug, PartialEq)]
pub struct RowBox {
    /// Topic index in the input.
    pub topic: usize,
    /// The partition.
    pub partition: u32,
    /// The row's frame.
    pub rect: Rect,
    /// Left edge of the cells.
    pub cells_x: f64,
    /// Top of the cells.
    pub cells_y: f64,
    /// Height of the cells.
    pub cells_h: f64,
    /// Width of one cell.
    pub cell_w: f64,
    /// How many cells fit.
    pub cells: usize,
}

/// A broker's box and its rows.
#[derive(Clone, Debug, PartialEq)]
pub struct BrokerBox {
    /// The box.
    pub rect: Rect,
    /// Its replicas' rows.
    pub rows: Vec<RowBox>,
}

/// The whole broker view.
#[derive(Clone, Debug, PartialEq)]
pub struct BrokersLayout {
    /// Producers, groups and the detail of members (the topic view's, with
    /// the groups moved below the brokers on narrow screens).
    pub base: TopicLayout,
    /// Rows' detail (compact or tiny).
    pub lod: Lod,
    /// One box per broker, in input order.
    pub brokers: Vec<BrokerBox>,
}

fn row_h(lod: Lod) -> (f64, f64) {
    match lod {
        Lod::Tiny => (15.0, 2.0),
        _ => (38.0, 3.0),
    }
}

impl BrokersLayout {
    /// Lays out `input` in `width` × `height` px.
    #[must_use]
    pub fn new(input: &SceneInput, width: f64, height: f64) -> Self {
        let width = width.clamp(280.0, 4000.0);
        let mut best = None;
        for lod in [Lod::Compact, Lod::Tiny] {
            for member_lod in [Lod::Full, Lod::Compact, Lod::Tiny] {
                let l = Self::with(input, width, lod, member_lod);
                let fits = l.base.height <= height;
                best = Some(l);
                if fits {
                    return best.expect("just set");
                }
            }
        }
        best.expect("at least one layout")
    }

    fn with(input: &SceneInput, width: f64, lod: Lod, member_lod: Lod) -> Self {
        let around = SceneInput {
            producers: input.producers.clone(),
            groups: input.groups.clone(),
            ..SceneInput::default()
        };
        let mut base = TopicLayout::with(&around, width, Lod::Full, member_lod);
        let (x, w, top) = if base.wide {
            let c = columns(input, width);
            (c.mid.0, c.mid.1, PAD)
        } else {
            let below = base
                .producers
                .iter()
                .map(|p| p.rect.y + p.rect.h + 8.0)
                .fold(PAD, f64::max);
            (PAD, width - 2.0 * PAD, below)
        };
        let n = input.brokers.len().max(1);
        let cols = (((w + 8.0) / 176.0).floor() as usize).clamp(1, n);
        let bw = (w - (cols as f64 - 1.0) * 8.0) / cols as f64;
        let label_w = input
            .topics
            .iter()
            .flat_map(|t| {
                t.lanes
                    .iter()
                    .map(move |l| text_width(&format!("{}-{} ★", t.name, l.partition), TEXT_PX))
            })
            .fold(40.0, f64::max)
            .min(bw * 0.45);
        let (rh, rgap) = row_h(lod);
        let strip_w = if lod == Lod::Tiny {
            bw - 12.0 - label_w - 6.0
        } else {
            bw - 12.0
        };
        let cw = cell_width(input, lod, strip_w).max(if lod == Lod::Tiny { 8.0 } else { 22.0 });
        let cells = ((strip_w / cw).floor() as usize).max(1);
        let mut brokers = Vec::new();
        let mut row_top = top;
        let mut row_bottom = top;
        for (i, b) in input.brokers.iter().enumerate() {
            if i > 0 && i % cols == 0 {
                row_top = row_bottom;
            }
            let bx = x + (i % cols) as f64 * (bw + 8.0);
            let mut y = row_top + BROKER_HEADER_H;
            let mut rows = Vec::new();
            for (ti, t) in input.topics.iter().enumerate() {
                for lane in &t.lanes {
                    if !lane.replicas.iter().any(|r| r.broker == b.id) {
                        continue;
                    }
                    let rect = Rect {
                        x: bx + 6.0,
                        y,
                        w: bw - 12.0,
                        h: rh,
                    };
                    let (cells_x, cells_y, cells_h) = if lod == Lod::Tiny {
                        (rect.x + label_w + 6.0, y + 1.0, rh - 2.0)
                    } else {
                        (rect.x + 3.0, y + 17.0, 19.0)
                    };
                    rows.push(RowBox {
                        topic: ti,
                        partition: lane.partition,
                        rect,
                        cells_x,
                        cells_y,
                        cells_h,
                        cell_w: cw,
                        cells,
                    });
                    y += rh + rgap;
                }
            }
            let h = (y - row_top + 4.0).max(BROKER_HEADER_H + 8.0);
            brokers.push(BrokerBox {
                rect: Rect {
                    x: bx,
                    y: row_top,
                    w: bw,
                    h,
                },
                rows,
            });
            row_bottom = row_bottom.max(row_top + h + 8.0);
        }
        if !base.wide {
            // The groups go below the brokers.
            let groups_top = base.groups.first().map_or(row_bottom, |g| g.rect.y);
            let shift = row_bottom + 4.0 - groups_top;
            for g in &mut base.groups {
                g.rect.y += shift;
                for m in &mut g.members {
                    m.y += shift;
                }
            }
        }
        let groups_bottom = base
            .groups
            .iter()
            .map(|g| g.rect.y + g.rect.h + 8.0)
            .fold(0.0, f64::max);
        let producers_bottom = base
            .producers
            .iter()
            .map(|p| p.rect.y + p.rect.h + 8.0)
            .fold(0.0, f64::max);
        base.height = row_bottom.max(groups_bottom).max(producers_bottom).ceil();
        Self { base, lod, brokers }
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
        SceneInput::of(&p, p.now_exact_ms(), true)
    }

    #[test]
    fn brokers_fit_a_phone_an_embed_and_a_window() {
        for (config, ms) in [(default_scenario(), 3_000.0), (stress_scenario(), 500.0)] {
            let input = input_after(config, ms);
            for (w, h) in [(360.0, 480.0), (700.0, 400.0), (1264.0, 640.0)] {
                let l = BrokersLayout::new(&input, w, h);
                assert!(
                    l.base.height <= h + 0.5 || l.lod == Lod::Tiny,
                    "{w}×{h}: {}",
                    l.base.height
                );
                for b in &l.brokers {
                    assert!(b.rect.x + b.rect.w <= w + 0.01);
                    for r in &b.rows {
                        assert!(r.rect.y + r.rect.h <= b.rect.y + b.rect.h + 0.01);
                        assert!(
                            r.cells_x + r.cells as f64 * r.cell_w <= r.rect.x + r.rect.w + 0.01
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn the_default_scene_fits_in_compact_rows_on_a_window() {
        let input = input_after(default_scenario(), 3_000.0);
        let l = BrokersLayout::new(&input, 1264.0, 640.0);
        assert_eq!(l.lod, Lod::Compact);
        assert_eq!(l.brokers.len(), 3);
        assert!(l.brokers.iter().all(|b| b.rows.len() == 3));
    }
}
