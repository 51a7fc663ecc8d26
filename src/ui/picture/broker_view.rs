//! The broker view in SVG: one box per broker with a row per replica it
//! hosts (leader ★, follower in the ISR ✓, out of it ✗), each row's records
//! keyed by offset in a sliding row, its high watermark and log end as
//! ticks; producers and groups as in the topic view; lines and dots between
//! them. For replication and failure.

use yew::prelude::*;

use super::cards::{GroupCard, ProducerCard};
use super::flows::member_class;
use super::lane::{cell_class, MEMBER_CLASSES};
use super::svg::px;
use crate::picture::broker_layout::{BrokerBox, BrokersLayout, RowBox};
use crate::picture::input::{BrokerIn, CellIn, FlowKind, ReplicaIn, SceneInput};
use crate::picture::measure::{fit_text, text_width};
use crate::picture::topic_layout::{Lod, SMALL_PX, TEXT_PX};
use crate::text::Lang;
use crate::ui::state::focus::Focus;

/// One replica's row as drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct RowIn {
    /// The topic's name.
    pub topic: String,
    /// The partition.
    pub partition: u32,
    /// The replica.
    pub replica: ReplicaIn,
    /// Where it sits.
    pub bx: RowBox,
    /// A lesson points at it.
    pub focused: bool,
}

/// Properties of [`BrokerCard`].
#[derive(Properties, PartialEq)]
pub struct BrokerCardProps {
    /// The broker.
    pub broker: BrokerIn,
    /// Its box.
    pub rect: crate::layout::Rect,
    /// Its replicas' rows.
    pub rows: Vec<RowIn>,
    /// Rows' detail.
    pub lod: Lod,
    /// Its state in words.
    pub state: String,
    /// Its state in English (`data-state`).
    pub state_id: String,
    /// A lesson points at it.
    pub focused: bool,
    /// The language (tooltips).
    pub lang: Lang,
}

fn row_class(r: &ReplicaIn, focused: bool) -> &'static str {
    match (r.alive, r.leader, r.in_isr, focused) {
        (false, _, _, false) => "row down",
        (false, _, _, true) => "row down focus",
        (true, true, _, false) => "row leader",
        (true, true, _, true) => "row leader focus",
        (true, false, true, false) => "row isr",
        (true, false, true, true) => "row isr focus",
        (true, false, false, false) => "row out",
        (true, false, false, true) => "row out focus",
    }
}

fn role(r: &ReplicaIn) -> &'static str {
    if r.leader {
        "★"
    } else if r.in_isr {
        "✓"
    } else {
        "✗"
    }
}

fn cell(c: &CellIn, b: &RowBox, lod: Lod, every: u64) -> Html {
    let x = c.offset as f64 * b.cell_w;
    let class = cell_class(c);
    let w = b.cell_w - 2.0;
    if lod == Lod::Tiny {
        return html! { <rect key={c.offset} class={class} x={px(x + 1.0)} y={px(b.cells_y)} width={px(w)} height={px(b.cells_h)} rx="2" /> };
    }
    html! {
        <g key={c.offset} class={class}>
            <rect x={px(x + 1.0)} y={px(b.cells_y)} width={px(w)} height={px(b.cells_h)} rx="3" />
            if c.offset % every == 0 {
                <text x={px(x + b.cell_w / 2.0)} y={px(b.cells_y + 14.0)} text-anchor="middle">{ c.offset }</text>
            }
        </g>
    }
}

fn row(r: &RowIn, lod: Lod) -> Html {
    let b = &r.bx;
    let rep = &r.replica;
    let rect = b.rect;
    let first = rep.leo.saturating_sub(b.cells as u64).max(rep.log_start);
    let every = {
        let w = text_width(&rep.leo.to_string(), SMALL_PX) + 3.0;
        [1, 2, 5, 10, 100]
            .into_iter()
            .find(|n| w <= b.cell_w * *n as f64)
            .unwrap_or(1000)
    };
    let label = format!("{}-{} {}", r.topic, r.partition, role(rep));
    let head = if lod == Lod::Tiny {
        let (t, _) = fit_text(&label, SMALL_PX, b.cells_x - rect.x - 6.0);
        html! { <text class="lname s" x={px(rect.x + 4.0)} y={px(rect.y + 11.5)}>{ t }</text> }
    } else {
        let text = format!("{label} · HW {} · LEO {}", rep.hw, rep.leo);
        let (t, _) = fit_text(&text, SMALL_PX, rect.w - 8.0);
        html! { <text class="small" x={px(rect.x + 4.0)} y={px(rect.y + 13.0)}>{ t }</text> }
    };
    let x_of = |o: u64| b.cells_x + o.saturating_sub(first) as f64 * b.cell_w;
    let tick = |o: u64, class: &'static str| -> Html {
        if o < first || o > first + b.cells as u64 {
            return Html::default();
        }
        html! { <line class={class} x1={px(x_of(o))} x2={px(x_of(o))} y1={px(b.cells_y - 2.0)} y2={px(b.cells_y + b.cells_h + 2.0)} /> }
    };
    let shift = b.cells_x - first as f64 * b.cell_w;
    let cells = rep
        .cells
        .iter()
        .filter(|c| c.offset >= first && c.offset < first + b.cells as u64)
        .map(|c| cell(c, b, lod, every));
    html! {
        <g class={row_class(rep, r.focused)} data-entity="partition" data-box="" data-topic={r.topic.clone()}
            data-partition={r.partition.to_string()} data-broker={rep.broker.to_string()}
            data-leo={rep.leo.to_string()} data-hw={rep.hw.to_string()} data-log-start={rep.log_start.to_string()}
            data-role={if rep.leader { "leader" } else { "follower" }} data-in-isr={rep.in_isr.to_string()}
            id={format!("e-row-{}-{}-{}", r.topic, r.partition, rep.broker)}>
            <rect data-frame="" class="row-bg" x={px(rect.x)} y={px(rect.y)} width={px(rect.w)} height={px(rect.h)} rx="4" />
            { head }
            <g class="cells" transform={format!("translate({} 0)", px(shift))}>{ for cells }</g>
            { tick(rep.hw, "tick hw") }
            { tick(rep.leo, "tick leo") }
        </g>
    }
}

/// A broker's box with its replicas' rows.
#[component]
pub fn BrokerCard(props: &BrokerCardProps) -> Html {
    let b = &props.broker;
    let r = props.rect;
    let class = match (b.alive, props.focused) {
        (true, false) => "broker",
        (true, true) => "broker focus",
        (false, false) => "broker down",
        (false, true) => "broker down focus",
    };
    let head = format!(
        "B{}{} · {}",
        b.id,
        if b.alive { "" } else { " ✕" },
        props.state
    );
    let (head, _) = fit_text(&head, TEXT_PX, r.w - 14.0);
    let _ = props.lang;
    html! {
        <g class={class} data-entity="broker" data-broker={b.id.to_string()} data-box="" data-state={props.state_id.clone()} id={format!("e-broker-{}", b.id)}>
            <rect data-frame="" class="box" x={px(r.x)} y={px(r.y)} width={px(r.w)} height={px(r.h)} rx="8" />
            <text class="bname" x={px(r.x + 7.0)} y={px(r.y + 16.0)}>{ head }</text>
            { for props.rows.iter().map(|x| row(x, props.lod)) }
        </g>
    }
}

fn row_at<'a>(
    brokers: &'a [BrokerBox],
    input: &SceneInput,
    (t, p): (usize, u32),
    broker: u32,
) -> Option<&'a RowBox> {
    let i = input.brokers.iter().position(|b| b.id == broker)?;
    brokers
        .get(i)?
        .rows
        .iter()
        .find(|r| r.topic == t && r.partition == p)
}

fn mid(r: &RowBox) -> (f64, f64) {
    (r.rect.x + r.rect.w / 2.0, r.cells_y + r.cells_h / 2.0)
}

/// What the broker view needs besides input and layout.
pub struct BrokersCx<'a> {
    /// The language.
    pub lang: Lang,
    /// What a lesson step points at.
    pub focus: &'a [Focus],
    /// Messages drawn still.
    pub still: bool,
    /// A broker's state in words.
    pub broker_state: &'a dyn Fn(u32) -> String,
    /// A broker's state in English (`data-state`).
    pub broker_state_id: &'a dyn Fn(u32) -> String,
}

/// The broker view's content (inside the scene's svg).
pub fn broker_view(input: &SceneInput, l: &BrokersLayout, cx: &BrokersCx) -> Html {
    let lang = cx.lang;
    let producers = input.producers.iter().zip(&l.base.producers).map(|(p, bx)| {
        let focused = cx.focus.iter().any(|f| matches!(f, Focus::Producer(n) if *n == p.name));
        html! { <ProducerCard key={p.name.clone()} producer={p.clone()} bx={bx.clone()} lang={lang} focused={focused} /> }
    });
    let brokers = input.brokers.iter().zip(&l.brokers).map(|(b, bb)| {
        let rows: Vec<RowIn> = bb
            .rows
            .iter()
            .filter_map(|rb| {
                let t = input.topics.get(rb.topic)?;
                let lane = t.lanes.get(rb.partition as usize)?;
                let replica = lane.replicas.iter().find(|r| r.broker == b.id)?.clone();
                let focused = cx.focus.iter().any(|f| match f {
                    Focus::Replica { topic, partition, broker } => *topic == t.name && *partition == lane.partition && *broker == b.id,
                    Focus::Partition { topic, partition } => *topic == t.name && *partition == lane.partition,
                    _ => false,
                });
                Some(RowIn { topic: t.name.clone(), partition: lane.partition, replica, bx: rb.clone(), focused })
            })
            .collect();
        let focused = cx.focus.iter().any(|f| matches!(f, Focus::Broker(id) if *id == b.id));
        html! { <BrokerCard key={b.id} broker={b.clone()} rect={bb.rect} rows={rows} lod={l.lod} state={(cx.broker_state)(b.id)} state_id={(cx.broker_state_id)(b.id)} focused={focused} lang={lang} /> }
    });
    let mut colour_from = 0;
    let groups = input.groups.iter().zip(&l.base.groups).map(|(g, bx)| {
        let from = colour_from;
        colour_from += g.members.len();
        let focused = cx.focus.iter().any(|f| matches!(f, Focus::Group(n) if *n == g.name));
        let focused_members: Vec<String> = cx.focus.iter().filter_map(|f| match f {
            Focus::Member { group, member } if *group == g.name => Some(member.clone()),
            _ => None,
        }).collect();
        html! { <GroupCard key={g.name.clone()} group={g.clone()} bx={bx.clone()} lod={l.base.member_lod} lang={lang} colour_from={from} focused={focused} focused_members={focused_members} /> }
    });
    // Lines: each lane's leader row to the members that read it.
    let mut lines = Vec::new();
    for (ti, t) in input.topics.iter().enumerate() {
        for lane in &t.lanes {
            let Some(leader) = lane.replicas.iter().find(|r| r.leader) else {
                continue;
            };
            let Some(rb) = row_at(&l.brokers, input, (ti, lane.partition), leader.broker) else {
                continue;
            };
            for owner in &lane.owners {
                let Some(m) = l
                    .base
                    .groups
                    .get(owner.0)
                    .and_then(|g| g.members.get(owner.1))
                else {
                    continue;
                };
                let from = (rb.rect.x + rb.rect.w, mid(rb).1);
                let to = if l.base.wide {
                    (m.x, m.y + m.h / 2.0)
                } else {
                    (m.x + m.w / 2.0, m.y)
                };
                let class = match member_class(input, *owner) {
                    c if c == MEMBER_CLASSES[0] => "own m0",
                    "m1" => "own m1",
                    "m2" => "own m2",
                    "m3" => "own m3",
                    "m4" => "own m4",
                    "m5" => "own m5",
                    "m6" => "own m6",
                    _ => "own m7",
                };
                if l.base.wide {
                    lines.push(html! { <line class={class} x1={px(from.0)} y1={px(from.1)} x2={px(to.0)} y2={px(to.1)} /> });
                }
            }
        }
    }
    // Dots.
    let mut dots = Vec::new();
    for f in input.flows.iter().take(super::flows::MAX_DOTS) {
        let t = if cx.still { 0.5 } else { f.progress };
        let leader = input
            .topics
            .get(f.lane.0)
            .and_then(|x| x.lanes.get(f.lane.1 as usize))
            .and_then(|lane| lane.replicas.iter().find(|r| r.leader).map(|r| r.broker));
        let at = |b: Option<u32>| {
            b.and_then(|b| row_at(&l.brokers, input, f.lane, b))
                .map(mid)
        };
        let producer = f
            .producer
            .and_then(|p| l.base.producers.get(p))
            .map(|p| (p.rect.x + p.rect.w, p.rect.y + p.rect.h / 2.0));
        let member = f
            .member
            .and_then(|(g, m)| l.base.groups.get(g)?.members.get(m))
            .map(|m| (m.x, m.y + m.h / 2.0));
        let (a, b, class) = match f.kind {
            FlowKind::Produce => (producer, at(f.broker.or(leader)), "dot produce"),
            FlowKind::Ack => (at(f.broker.or(leader)), producer, "dot ack"),
            FlowKind::Replicate => (at(leader), at(f.broker), "dot replicate"),
            FlowKind::Fetch => (at(f.broker.or(leader)), member, "dot fetch"),
        };
        if let (Some(a), Some(b)) = (a, b) {
            let (x, y) = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
            dots.push(html! { <circle class={class} cx={px(x)} cy={px(y)} r="4" /> });
        }
    }
    html! {
        <>
            <g class="links" aria-hidden="true">{ for lines }</g>
            { for producers }
            { for brokers }
            { for groups }
            <g class="dots" aria-hidden="true">{ for dots }</g>
        </>
    }
}
