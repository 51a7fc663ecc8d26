//! The picture: producers on the left, brokers with their partition logs in
//! the middle, consumer groups on the right (one column on narrow screens),
//! and every message on the network moving between them. Text is real SVG
//! text; colour is never the only signal (roles, states and kinds are also
//! written or shaped).

use yew::prelude::*;

use super::broker_panel::broker_state;
use crate::engine::network::{Body, Message};
use crate::engine::{murmur2, EventKind, PartitionDecision, Sim};
use crate::layout::{Rect, RowLayout, SceneLayout, CELL_W};
use crate::player::Player;

fn f(v: f64) -> String {
    format!("{v:.1}")
}

/// A stable hue for a key, so records with one key look alike.
fn key_hue(key: Option<&str>) -> u32 {
    key.map_or(0, |k| (murmur2(k.as_bytes()) as u32) % 360)
}

fn short(text: &str, chars: usize) -> String {
    let mut it = text.chars();
    let head: String = it.by_ref().take(chars).collect();
    if it.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// Moves keyboard focus to a broker's first control button.
fn focus_controls(broker: u32) {
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let selector = format!("[data-testid=broker-controls][data-broker-id=\"{broker}\"] button");
    if let Some(button) = doc
        .query_selector(&selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        button.scroll_into_view();
        let _ = button.focus();
    }
}

/// The whole SVG scene.
pub fn scene(player: &Player, layout: &SceneLayout) -> Html {
    let sim = player.sim();
    let now = player.now_exact_ms();
    let summary = format!(
        "{} brokers, {} producer(s), {} consumer group(s); {} records created, {} acknowledged, {} consumed",
        sim.brokers().len(),
        sim.producers().len(),
        sim.groups().len(),
        sim.totals().records_created,
        sim.totals().records_acknowledged,
        sim.totals().records_consumed
    );
    html! {
        <svg data-testid="scene" class="scene" role="img" aria-label={summary}
            width={f(layout.width)} height={f(layout.height)}
            viewBox={format!("0 0 {} {}", f(layout.width), f(layout.height))}>
            { for layout.producers.iter().map(|(id, rect)| producer_box(player, id.0 as usize, rect)) }
            { for layout.brokers.iter().map(|b| broker_box(sim, b)) }
            { for layout.groups.iter().map(|g| group_box(sim, g)) }
            <g class="messages" aria-hidden="true">
                { for sim.in_flight().map(|m| message(layout, m, now)) }
                { for sim.dropped_messages().filter(|(_, at)| now - (*at as f64) < DROP_SHOWN_MS).map(|(m, at)| dropped(layout, m, *at)) }
            </g>
        </svg>
    }
}

fn producer_box(player: &Player, index: usize, rect: &Rect) -> Html {
    let sim = player.sim();
    let p = &sim.producers()[index];
    // The partitioner's latest decision, from the event log.
    let decision = player.log().rev().find_map(|line| match &line.event.kind {
        EventKind::RecordCreated {
            producer,
            key,
            tp,
            decision,
            ..
        } if *producer == p.id => Some((key.clone(), *tp, decision.clone())),
        _ => None,
    });
    let decision_text = match decision {
        Some((key, tp, PartitionDecision::KeyHash { partitions, .. })) => format!(
            "\"{}\" → murmur2 % {partitions} → p{}",
            short(key.as_deref().unwrap_or(""), 6),
            tp.partition
        ),
        Some((_, tp, PartitionDecision::Sticky)) => format!("null key → sticky p{}", tp.partition),
        Some((_, tp, PartitionDecision::Explicit)) => format!("explicit → p{}", tp.partition),
        None => "waiting for the first record".to_string(),
    };
    let queued = p.queued_records();
    html! {
        <g data-testid="producer" class="producer">
            <rect class="box producer-box" x={f(rect.x)} y={f(rect.y)} width={f(rect.w)} height={f(rect.h)} rx="8" />
            <text class="title" x={f(rect.x + 8.0)} y={f(rect.y + 17.0)}>{ &p.config.name }</text>
            <text class="small" x={f(rect.x + 8.0)} y={f(rect.y + 33.0)}>
                { format!("{}/s · acks={} · linger {} ms", p.config.records_per_sec, p.config.acks.as_config(), p.config.linger_ms) }
            </text>
            <text class="small partitioner" x={f(rect.x + 8.0)} y={f(rect.y + 48.0)}>{ decision_text }</text>
            <text class="small" x={f(rect.x + 8.0)} y={f(rect.y + 60.0)}>
                { format!("in batch: {queued} · acked: {}", p.acknowledged) }
            </text>
        </g>
    }
}

fn broker_box(sim: &Sim, b: &crate::layout::BrokerLayout) -> Html {
    let alive = sim.brokers().iter().any(|x| x.id == b.id && x.alive);
    let r = b.rect;
    let state = broker_state(sim, b.id);
    let id = b.id.0;
    // Clicking a broker takes you to its controls.
    let open = Callback::from(move |_: MouseEvent| focus_controls(id));
    let open_key = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" || e.key() == " " {
            e.prevent_default();
            focus_controls(id);
        }
    });
    html! {
        <g data-testid="broker" data-broker-id={b.id.0.to_string()} data-state={state.clone()}
            class={classes!("broker", (!alive).then_some("down"))}
            role="button" tabindex="0" aria-label={format!("Broker {id}: {state}. Open its controls.")}
            onclick={open} onkeydown={open_key}>
            <rect class="box broker-box" x={f(r.x)} y={f(r.y)} width={f(r.w)} height={f(r.h)} rx="8" />
            <text class="title" x={f(r.x + 10.0)} y={f(r.y + 20.0)}>
                { format!("Broker {}", b.id.0) }
            </text>
            <text class="small muted" x={f(r.x + r.w - 10.0)} y={f(r.y + 20.0)} text-anchor="end">
                { if alive { state } else { format!("✕ {state}") } }
            </text>
            { for b.rows.iter().map(|row| log_row(sim, row)) }
        </g>
    }
}

fn log_row(sim: &Sim, row: &RowLayout) -> Html {
    let Some(part) = sim.partition_state(row.tp) else {
        return Html::default();
    };
    let Some(log) = part.log_on(row.broker) else {
        return Html::default();
    };
    let is_leader = part.leader == Some(row.broker);
    let in_isr = part.isr.contains(&row.broker);
    let leader_leo = part
        .leader_log()
        .map_or(log.log_end_offset(), |l| l.log_end_offset());
    let cells = u64::from(row.cells);
    // Retention (segments, log start, fading deletions): see segments.rs.
    let first = super::segments::window_first(sim, row, log, leader_leo);
    let hw = log.high_watermark();
    let leo = log.log_end_offset();
    let r = row.rect;
    let cell_y = r.y + 2.0;
    let cell_h = r.h - 4.0;
    let x_of = |offset: u64| row.cells_x + (offset - first) as f64 * CELL_W;
    let offline = part.leader.is_none();
    let role = if is_leader { "leader" } else { "follower" };
    let isr = if in_isr { "ISR" } else { "out of ISR" };
    let role_text = if offline {
        format!("⚠ OFFLINE · {isr}")
    } else if is_leader {
        format!("★ leader · ISR {}/{}", part.isr.len(), part.replicas.len())
    } else {
        format!("follower · {isr}")
    };
    let tp_name = sim.tp_name(row.tp);
    // A vertical marker before `offset`, its label at `label_dy` below the row top.
    let marker = |offset: u64, label: &str, class: &str, label_dy: f64| -> Html {
        if offset < first || offset > first + cells {
            return Html::default();
        }
        let x = x_of(offset) - 1.0;
        let ty = r.y + label_dy;
        html! {
            <g class={classes!("marker", class.to_string())}>
                <line x1={f(x)} x2={f(x)} y1={f(r.y - 2.0)} y2={f(r.y + r.h + 2.0)} />
                <text class="tiny" x={f(x + 2.0)} y={f(ty)}>{ label.to_string() }</text>
            </g>
        }
    };
    let committed: Vec<Html> = sim
        .groups()
        .iter()
        .filter(|g| g.topic == row.tp.topic && is_leader)
        .filter_map(|g| {
            g.committed
                .get(&row.tp.partition)
                .map(|c| marker(*c, "C", "committed", r.h / 2.0 + 3.0))
        })
        .collect();
    html! {
        <g data-testid="partition" class={classes!("row", role, (!in_isr).then_some("out-of-isr"), offline.then_some("offline"))}
            data-in-isr={in_isr.to_string()}
            data-topic={sim.topics()[row.tp.topic.0 as usize].name.clone()}
            data-partition={row.tp.partition.to_string()}
            data-broker-id={row.broker.0.to_string()}
            data-role={role}
            data-leo={leo.to_string()}
            data-hw={hw.to_string()}
            data-log-start={log.log_start_offset().to_string()}>
            <rect class="row-bg" x={f(r.x)} y={f(r.y)} width={f(r.w)} height={f(r.h)} rx="4" />
            <text class="label" x={f(r.x + 6.0)} y={f(r.y + 15.0)}>{ tp_name }</text>
            <text class="tiny role" x={f(r.x + 6.0)} y={f(r.y + 29.0)}>{ role_text }</text>
            { super::segments::segment_overlay(sim, row, log, first) }
            { for (first..leo.min(first + cells)).filter_map(|o| log.get(o)).map(|e| {
                let committed = e.offset < hw;
                let key = e.record.key.as_deref();
                let x = x_of(e.offset);
                html! {
                    <g data-testid="record" data-offset={e.offset.to_string()}
                        data-record-id={e.record.id.0.to_string()}
                        class={classes!("record", if committed { "committed" } else { "uncommitted" })}
                        style={format!("--hue:{}", key_hue(key))}>
                        <rect x={f(x + 1.0)} y={f(cell_y)} width={f(CELL_W - 2.0)} height={f(cell_h)} rx="3" />
                        <text class="offset" x={f(x + CELL_W / 2.0)} y={f(cell_y + 13.0)} text-anchor="middle">{ e.offset }</text>
                        <text class="key" x={f(x + CELL_W / 2.0)} y={f(cell_y + 26.0)} text-anchor="middle">
                            { short(key.unwrap_or("∅"), 3) }
                        </text>
                    </g>
                }
            }) }
            { marker(hw, "HW", "hw", 9.0) }
            { if leo != hw { marker(leo, "LEO", "leo", r.h - 2.0) } else { Html::default() } }
            { for committed }
        </g>
    }
}

fn group_box(sim: &Sim, g: &crate::layout::GroupLayout) -> Html {
    let group = &sim.groups()[g.idx.0 as usize];
    let r = g.rect;
    let lag = sim.group_lag(g.idx);
    html! {
        <g data-testid="group" data-group={group.config.group_id.clone()} class="group">
            <rect class="box group-box" x={f(r.x)} y={f(r.y)} width={f(r.w)} height={f(r.h)} rx="8" />
            <text class="title" x={f(r.x + 8.0)} y={f(r.y + 18.0)}>{ format!("group {}", group.config.group_id) }</text>
            <text class="small muted" x={f(r.x + r.w - 8.0)} y={f(r.y + 18.0)} text-anchor="end" data-testid="group-lag">
                { format!("lag {lag}") }
            </text>
            { for g.members.iter().map(|(id, mr)| {
                let Some(m) = group.members.iter().find(|m| m.id == *id) else { return Html::default() };
                let parts: Vec<String> = m.assigned.iter().map(|p| format!("p{p}")).collect();
                let lags: Vec<String> = m.assigned.iter()
                    .map(|p| sim.lag(g.idx, *p).map_or("–".to_string(), |l| l.to_string()))
                    .collect();
                let status = if m.busy {
                    m.buffer.front().map_or("processing".to_string(), |(tp, e)| format!("processing p{} @{}", tp.partition, e.offset))
                } else if m.outstanding_fetches > 0 {
                    "waiting for records".to_string()
                } else {
                    "idle".to_string()
                };
                html! {
                    <g data-testid="member" class="member">
                        <rect class="member-box" x={f(mr.x)} y={f(mr.y)} width={f(mr.w)} height={f(mr.h)} rx="6" />
                        <text class="label" x={f(mr.x + 6.0)} y={f(mr.y + 14.0)}>{ &m.name }</text>
                        <text class="tiny" x={f(mr.x + 6.0)} y={f(mr.y + 28.0)}>
                            { format!("owns {} · lag {}", if parts.is_empty() { "nothing (idle)".to_string() } else { parts.join(",") }, lags.join("/")) }
                        </text>
                        <text class="tiny muted" x={f(mr.x + 6.0)} y={f(mr.y + 42.0)}>{ status }</text>
                    </g>
                }
            }) }
        </g>
    }
}

/// How long a dropped message stays marked, simulated ms.
const DROP_SHOWN_MS: f64 = 1_500.0;

/// A message that never arrived: a cross where it was lost.
fn dropped(layout: &SceneLayout, m: &Message, _at_ms: u64) -> Html {
    let (x, y) = layout.message_position(m, m.arrives_at_ms as f64);
    html! {
        <g class="msg dropped" data-kind={m.body.name()}>
            <circle cx={f(x)} cy={f(y)} r="9" />
            <text x={f(x)} y={f(y + 4.0)} text-anchor="middle">{ "✕" }</text>
        </g>
    }
}

fn message(layout: &SceneLayout, m: &Message, now: f64) -> Html {
    let (x, y) = layout.message_position(m, now);
    let (class, label, w) = match &m.body {
        Body::ProduceRequest { batch, .. } => {
            let key = batch
                .records
                .first()
                .and_then(|r| r.key.as_deref())
                .unwrap_or("∅");
            let label = if batch.records.len() == 1 {
                short(key, 4)
            } else {
                format!("×{}", batch.records.len())
            };
            ("produce", label, 34.0)
        }
        Body::ProduceResponse { .. } => ("ack", "ack".to_string(), 26.0),
        Body::ReplicaFetchRequest { .. } => ("replica-fetch", "f".to_string(), 12.0),
        Body::ReplicaFetchResponse { entries, .. } => {
            if entries.is_empty() {
                ("replica-fetch", "∅".to_string(), 14.0)
            } else {
                ("replica-data", format!("×{}", entries.len()), 24.0)
            }
        }
        Body::FetchRequest { .. } => ("fetch", "fetch".to_string(), 30.0),
        Body::FetchResponse { records, .. } => {
            match records.iter().map(|(_, r)| r.len()).sum::<usize>() {
                0 => ("fetch", "∅".to_string(), 16.0),
                n => ("fetch-data", format!("×{n}"), 24.0),
            }
        }
        Body::OffsetsForLeaderEpochRequest { epoch, .. } => {
            ("epoch", format!("epoch {epoch}?"), 50.0)
        }
        Body::OffsetsForLeaderEpochResponse { epoch_end, .. } => (
            "epoch",
            epoch_end.map_or("?".to_string(), |(_, end)| format!("end {end}")),
            44.0,
        ),
        Body::OffsetCommitRequest { .. } => ("commit", "commit".to_string(), 38.0),
        Body::OffsetCommitResponse { .. } => ("commit", "ok".to_string(), 18.0),
    };
    html! {
        <g class={classes!("msg", class)} data-kind={m.body.name()}>
            <rect x={f(x - w / 2.0)} y={f(y - 8.0)} width={f(w)} height="16" rx="8" />
            <text x={f(x)} y={f(y + 4.0)} text-anchor="middle">{ label }</text>
        </g>
    }
}
