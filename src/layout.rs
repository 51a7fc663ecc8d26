//! Where everything sits in the picture, computed from the engine's state and
//! the available width. Pure geometry in CSS pixels: wide screens get three
//! columns (producers | brokers | consumer groups), narrow ones (a phone, a
//! blog column) one column from top to bottom, so nothing scrolls sideways.

use crate::engine::network::{Body, Message, Node};
use crate::engine::{BrokerId, GroupIdx, MemberId, ProducerId, Sim, TopicPartition};

/// Below this width the picture is laid out in one column.
pub const NARROW_BELOW_PX: f64 = 720.0;
/// Width of one record cell in a log row.
pub const CELL_W: f64 = 30.0;
/// Most record cells shown per log row.
pub const MAX_CELLS: u32 = 16;
/// Most record cells in the whole picture (rows get fewer when there are many).
pub const MAX_TOTAL_CELLS: u32 = 240;
/// Fewest record cells per row.
pub const MIN_CELLS: u32 = 3;
/// Above this many replica rows the picture drops per-record detail (keys).
pub const DENSE_ROWS: usize = 24;

const PAD: f64 = 8.0;
const BROKER_HEADER: f64 = 30.0;
const ROW_H: f64 = 40.0;
const LABEL_W: f64 = 104.0;
const PRODUCER_H: f64 = 64.0;
const GROUP_HEADER: f64 = 58.0;
const MEMBER_H: f64 = 56.0;
const GAP: f64 = 56.0;
const REPLICATION_GUTTER: f64 = 14.0;

/// An axis-aligned rectangle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    /// Left.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    /// Centre point.
    #[must_use]
    pub fn center(&self) -> (f64, f64) {
        (self.x + self.w / 2.0, self.y + self.h / 2.0)
    }
}

/// One replica's log row inside a broker.
#[derive(Clone, Debug, PartialEq)]
pub struct RowLayout {
    /// The partition.
    pub tp: TopicPartition,
    /// The broker holding this replica.
    pub broker: BrokerId,
    /// The row.
    pub rect: Rect,
    /// Left edge of the first record cell.
    pub cells_x: f64,
    /// How many record cells fit.
    pub cells: u32,
}

/// A broker box and its rows.
#[derive(Clone, Debug, PartialEq)]
pub struct BrokerLayout {
    /// The broker.
    pub id: BrokerId,
    /// Its box.
    pub rect: Rect,
    /// One row per replica it holds.
    pub rows: Vec<RowLayout>,
}

/// A consumer group box and its members.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupLayout {
    /// The group.
    pub idx: GroupIdx,
    /// Its box.
    pub rect: Rect,
    /// Each member's box.
    pub members: Vec<(MemberId, Rect)>,
}

/// The whole picture.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneLayout {
    /// Width, px.
    pub width: f64,
    /// Height, px.
    pub height: f64,
    /// One column (narrow screens).
    pub narrow: bool,
    /// Producer boxes.
    pub producers: Vec<(ProducerId, Rect)>,
    /// Broker boxes.
    pub brokers: Vec<BrokerLayout>,
    /// Group boxes.
    pub groups: Vec<GroupLayout>,
}

impl SceneLayout {
    /// Lays out `sim` in `width` px.
    #[must_use]
    pub fn new(sim: &Sim, width: f64) -> Self {
        let width = width.clamp(280.0, 4000.0);
        let narrow = width < NARROW_BELOW_PX;
        let (left_w, right_w) = if narrow { (0.0, 0.0) } else { (176.0, 190.0) };
        let mid_x = if narrow { PAD } else { PAD + left_w + GAP };
        let mid_w = if narrow {
            width - 2.0 * PAD
        } else {
            width - 2.0 * PAD - left_w - right_w - 2.0 * GAP
        };
        let producer_count = sim.producers().len();
        let top = if narrow && producer_count > 0 {
            PAD + PRODUCER_H + GAP
        } else {
            PAD
        };

        // Level of detail: a big cluster shows fewer cells per row, so the
        // picture stays light enough to animate at 60 frames a second.
        let replica_rows: u32 = sim
            .topics()
            .iter()
            .map(|t| t.partitions.len() as u32 * t.replication_factor)
            .sum();
        let cells_per_row_cap = (MAX_TOTAL_CELLS / replica_rows.max(1)).max(MIN_CELLS);
        let mut brokers = Vec::new();
        let mut y = top;
        for b in sim.brokers() {
            let mut rows = Vec::new();
            let mut ry = y + BROKER_HEADER;
            for topic in sim.topics() {
                for part in &topic.partitions {
                    if !part.replicas.contains(&b.id) {
                        continue;
                    }
                    let rect = Rect {
                        x: mid_x + PAD,
                        y: ry,
                        w: mid_w - 2.0 * PAD,
                        h: ROW_H - 4.0,
                    };
                    let cells_x = rect.x + LABEL_W;
                    let room = rect.w - LABEL_W - 2.0 * REPLICATION_GUTTER - 4.0;
                    let cells = ((room / CELL_W).floor().max(1.0) as u32)
                        .min(MAX_CELLS)
                        .min(cells_per_row_cap);
                    rows.push(RowLayout {
                        tp: part.tp,
                        broker: b.id,
                        rect,
                        cells_x,
                        cells,
                    });
                    ry += ROW_H;
                }
            }
            let h = BROKER_HEADER + ROW_H * rows.len() as f64 + PAD;
            brokers.push(BrokerLayout {
                id: b.id,
                rect: Rect {
                    x: mid_x,
                    y,
                    w: mid_w,
                    h,
                },
                rows,
            });
            y += h + PAD * 2.0;
        }
        let brokers_bottom = y - PAD * 2.0;
        let brokers_h = brokers_bottom - top;

        let producers: Vec<(ProducerId, Rect)> = if narrow {
            let n = producer_count.max(1) as f64;
            let w = ((width - 2.0 * PAD - (n - 1.0) * PAD) / n).min(220.0);
            sim.producers()
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    (
                        p.id,
                        Rect {
                            x: PAD + i as f64 * (w + PAD),
                            y: PAD,
                            w,
                            h: PRODUCER_H,
                        },
                    )
                })
                .collect()
        } else {
            let total = producer_count as f64 * (PRODUCER_H + PAD);
            let start = top + ((brokers_h - total) / 2.0).max(0.0);
            sim.producers()
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    (
                        p.id,
                        Rect {
                            x: PAD,
                            y: start + i as f64 * (PRODUCER_H + PAD),
                            w: left_w,
                            h: PRODUCER_H,
                        },
                    )
                })
                .collect()
        };

        let mut groups = Vec::new();
        let group_heights: Vec<f64> = sim
            .groups()
            .iter()
            .map(|g| GROUP_HEADER + MEMBER_H * g.members.len().max(1) as f64 + PAD)
            .collect();
        let groups_total: f64 = group_heights.iter().map(|h| h + PAD).sum();
        let (gx, gw, mut gy) = if narrow {
            (PAD, width - 2.0 * PAD, brokers_bottom + GAP)
        } else {
            (
                width - PAD - right_w,
                right_w,
                top + ((brokers_h - groups_total) / 2.0).max(0.0),
            )
        };
        for (g, h) in sim.groups().iter().zip(group_heights) {
            let members = g
                .members
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    (
                        m.id,
                        Rect {
                            x: gx + PAD,
                            y: gy + GROUP_HEADER + i as f64 * MEMBER_H,
                            w: gw - 2.0 * PAD,
                            h: MEMBER_H - 6.0,
                        },
                    )
                })
                .collect();
            groups.push(GroupLayout {
                idx: g.idx,
                rect: Rect {
                    x: gx,
                    y: gy,
                    w: gw,
                    h,
                },
                members,
            });
            gy += h + PAD;
        }
        let producers_bottom = producers.iter().map(|(_, r)| r.y + r.h).fold(0.0, f64::max);
        let bottom = brokers_bottom.max(gy).max(producers_bottom);
        SceneLayout {
            width,
            height: bottom + PAD,
            narrow,
            producers,
            brokers,
            groups,
        }
    }

    /// The row of `tp`'s replica on `broker`.
    #[must_use]
    pub fn row(&self, tp: TopicPartition, broker: BrokerId) -> Option<&RowLayout> {
        self.brokers
            .iter()
            .find(|b| b.id == broker)?
            .rows
            .iter()
            .find(|r| r.tp == tp)
    }

    fn broker_rect(&self, id: BrokerId) -> Option<Rect> {
        self.brokers.iter().find(|b| b.id == id).map(|b| b.rect)
    }

    fn node_point(&self, node: Node, tp: Option<TopicPartition>, other: Node) -> (f64, f64) {
        match node {
            Node::Producer(p) => {
                let r = self
                    .producers
                    .iter()
                    .find(|(id, _)| *id == p)
                    .map(|(_, r)| *r);
                r.map_or((0.0, 0.0), |r| {
                    if self.narrow {
                        (r.x + r.w / 2.0, r.y + r.h)
                    } else {
                        (r.x + r.w, r.y + r.h / 2.0)
                    }
                })
            }
            Node::Member(m) => {
                let r = self
                    .groups
                    .iter()
                    .flat_map(|g| g.members.iter())
                    .find(|(id, _)| *id == m)
                    .map(|(_, r)| *r);
                r.map_or((self.width, 0.0), |r| {
                    if self.narrow {
                        (r.x + r.w / 2.0, r.y)
                    } else {
                        (r.x, r.y + r.h / 2.0)
                    }
                })
            }
            Node::Broker(b) => {
                if let Some(row) = tp.and_then(|tp| self.row(tp, b)) {
                    let r = row.rect;
                    let cy = r.y + r.h / 2.0;
                    return match other {
                        Node::Producer(_) if !self.narrow => (r.x, cy),
                        Node::Producer(_) => (r.x + LABEL_W / 2.0, cy),
                        // Replication runs in a gutter at the rows' right end,
                        // clear of the labels and records.
                        _ => (r.x + r.w - REPLICATION_GUTTER, cy),
                    };
                }
                let r = self.broker_rect(b).unwrap_or(Rect {
                    x: 0.0,
                    y: 0.0,
                    w: 0.0,
                    h: 0.0,
                });
                match other {
                    Node::Member(_) if !self.narrow => (r.x + r.w, r.y + BROKER_HEADER / 2.0),
                    Node::Member(_) => (r.x + r.w / 2.0, r.y + r.h),
                    _ => (r.x + r.w / 2.0, r.y + BROKER_HEADER / 2.0),
                }
            }
        }
    }

    /// Where a message is drawn at `now_ms`: its start, end, and current point.
    #[must_use]
    pub fn message_position(&self, msg: &Message, now_ms: f64) -> (f64, f64) {
        let tp = message_tp(&msg.body);
        let (x0, y0) = self.node_point(msg.from, tp, msg.to);
        let (x1, y1) = self.node_point(msg.to, tp, msg.from);
        let t = ease(msg.progress(now_ms));
        (x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)
    }
}

/// The single partition a message concerns, when there is one.
#[must_use]
pub fn message_tp(body: &Body) -> Option<TopicPartition> {
    match body {
        Body::ProduceRequest { batch, .. } => Some(batch.tp),
        Body::ProduceResponse { tp, .. }
        | Body::ReplicaFetchRequest { tp, .. }
        | Body::ReplicaFetchResponse { tp, .. } => Some(*tp),
        _ => None,
    }
}

/// Smooth start and stop of a flight (ease in-out).
fn ease(t: f64) -> f64 {
    t * t * (3.0 - 2.0 * t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::scenarios::default_scenario;

    fn inside(outer: &Rect, inner: &Rect) -> bool {
        inner.x >= outer.x - 0.01
            && inner.y >= outer.y - 0.01
            && inner.x + inner.w <= outer.x + outer.w + 0.01
            && inner.y + inner.h <= outer.y + outer.h + 0.01
    }

    #[test]
    fn everything_fits_the_width_at_360_and_1280() {
        let sim = Sim::new(default_scenario()).unwrap();
        for width in [360.0, 1280.0] {
            let scene = SceneLayout::new(&sim, width);
            let frame = Rect {
                x: 0.0,
                y: 0.0,
                w: width,
                h: scene.height,
            };
            assert_eq!(scene.narrow, width < NARROW_BELOW_PX);
            for b in &scene.brokers {
                assert!(inside(&frame, &b.rect), "{width}: {b:?}");
                for r in &b.rows {
                    assert!(inside(&b.rect, &r.rect));
                    let cells_end = r.cells_x + f64::from(r.cells) * CELL_W;
                    assert!(cells_end <= r.rect.x + r.rect.w + 0.01, "{width}: {r:?}");
                    assert!(r.cells >= 6, "{width}: only {} cells", r.cells);
                }
            }
            for (_, p) in &scene.producers {
                assert!(inside(&frame, p));
            }
            for g in &scene.groups {
                assert!(inside(&frame, &g.rect));
            }
        }
    }

    #[test]
    fn every_replica_has_a_row() {
        let sim = Sim::new(default_scenario()).unwrap();
        let scene = SceneLayout::new(&sim, 1280.0);
        let rows: usize = scene.brokers.iter().map(|b| b.rows.len()).sum();
        assert_eq!(rows, 9, "3 partitions × replication factor 3");
    }
}
