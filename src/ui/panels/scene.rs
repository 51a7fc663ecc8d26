//! The picture: producers on the left, brokers with their partition logs in
//! the middle, consumer groups on the right (one column on narrow screens),
//! and every message on the network moving between them. Text is real SVG
//! text; colour is never the only signal (roles, states and kinds are also
//! written or shaped).

use yew::prelude::*;

use super::broker_panel::broker_state;
use super::group_box::{committed_label, group_box, message_style};
use super::scene_cx::{pill_width, px as f, short, Cx, DENSE_MAX_MESSAGES};
use super::segments::{segment_overlay, window_first};
use crate::engine::network::{Body, Message};
use crate::engine::{murmur2, EventKind, PartitionDecision};
use crate::layout::{Rect, RowLayout, SceneLayout, CELL_W};
use crate::text::{AppLabel as L, AppLine, Lang, Say};
use crate::ui::state::selection::Selection;

/// A stable colour class for a key (12 hues), so records with one key look
/// alike. Classes, not inline styles: cheaper to restyle every frame.
fn key_hue_class(key: Option<&str>) -> &'static str {
    const HUES: [&str; 12] = [
        "h0", "h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8", "h9", "h10", "h11",
    ];
    key.map_or("h0", |k| HUES[(murmur2(k.as_bytes()) as u32 % 12) as usize])
}

/// The whole SVG scene.
pub fn scene(cx: &Cx, layout: &SceneLayout) -> Html {
    let player = cx.player;
    let sim = player.sim();
    let now = player.now_exact_ms();
    let totals = sim.totals();
    let summary = AppLine::SceneSummary {
        brokers: sim.brokers().len(),
        producers: sim.producers().len(),
        groups: sim.groups().len(),
        created: totals.records_created,
        acknowledged: totals.records_acknowledged,
        consumed: totals.records_consumed,
    }
    .say(cx.lang);
    html! {
        <svg data-testid="scene" class="scene" role="img" aria-label={summary}
            width={f(layout.width)} height={f(layout.height)}
            viewBox={format!("0 0 {} {}", f(layout.width), f(layout.height))}>
            { for layout.producers.iter().map(|(id, rect)| producer_box(cx, id.0 as usize, rect)) }
            { for layout.brokers.iter().map(|b| broker_box(cx, b)) }
            { for layout.groups.iter().map(|g| group_box(cx, g)) }
            <g class="messages" aria-hidden="true">
                { for sim.in_flight()
                    .filter(|m| !cx.dense || carries_data(m))
                    .take(if cx.dense { DENSE_MAX_MESSAGES } else { usize::MAX })
                    .map(|m| {
                        let at = if cx.reduced_motion { (m.sent_at_ms + m.arrives_at_ms) as f64 / 2.0 } else { now };
                        if cx.dense { dot(layout, m, at) } else { message(layout, m, at, cx) }
                    }) }
                { for sim.dropped_messages().filter(|(_, at)| now - (*at as f64) < DROP_SHOWN_MS).map(|(m, at)| dropped(layout, m, *at)) }
            </g>
        </svg>
    }
}

fn producer_box(cx: &Cx, index: usize, rect: &Rect) -> Html {
    let (player, lang) = (cx.player, cx.lang);
    let t = |label: L| label.say(lang);
    let sim = player.sim();
    let p = &sim.producers()[index];
    // The partitioner's latest decision, from the event log.
    let decision = player.log().rev().find_map(|e| match &e.kind {
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
        Some((_, tp, PartitionDecision::Sticky { .. })) => AppLine::BoxDecision {
            sticky: true,
            partition: tp.partition,
        }
        .say(lang),
        Some((_, tp, PartitionDecision::RoundRobin { skipped })) => AppLine::BoxRoundRobin {
            partition: tp.partition,
            skipped,
        }
        .say(lang),
        Some((_, tp, PartitionDecision::Explicit)) => AppLine::BoxDecision {
            sticky: false,
            partition: tp.partition,
        }
        .say(lang),
        None => t(L::WaitingFirstRecord).to_string(),
    };
    let queued = p.queued_records();
    html! {
        <g data-testid="producer" class="producer">
            <rect class="box producer-box" x={f(rect.x)} y={f(rect.y)} width={f(rect.w)} height={f(rect.h)} rx="8" />
            <text class="title" x={f(rect.x + 8.0)} y={f(rect.y + 17.0)}>{ &p.config.name }</text>
            <text class="small" x={f(rect.x + 8.0)} y={f(rect.y + 33.0)}>
                { format!("{}/s · acks={} · linger {} ms · {}{}", p.config.records_per_sec, p.config.acks.as_config(), p.config.linger_ms,
                    p.config.compression.as_config(),
                    if p.config.mode == crate::engine::SendMode::Sync { t(L::SyncSuffix) } else { "" }) }
            </text>
            <text class="small partitioner" x={f(rect.x + 8.0)} y={f(rect.y + 48.0)}>{ decision_text }</text>
            <text class="small" x={f(rect.x + 8.0)} y={f(rect.y + 60.0)}>
                { format!("{}: {queued} · {}: {}{}", t(L::InBatch), t(L::Acked), p.acknowledged,
                    if p.retries > 0 { format!(" · {}: {}", t(L::Retries), p.retries) } else { String::new() }) }
            </text>
        </g>
    }
}

fn broker_box(cx: &Cx, b: &crate::layout::BrokerLayout) -> Html {
    let (sim, lang) = (cx.player.sim(), cx.lang);
    let t = |label: L| label.say(lang);
    let alive = sim.brokers().iter().any(|x| x.id == b.id && x.alive);
    let r = b.rect;
    let state = broker_state(sim, b.id, lang);
    let state_id = broker_state(sim, b.id, Lang::En);
    let id = b.id.0;
    // Clicking a broker inspects it.
    let open = cx.select(Selection::Broker(b.id));
    let open_key = cx.select_key(Selection::Broker(b.id));
    let selected = cx.selected == Some(&Selection::Broker(b.id));
    html! {
        <g data-testid="broker" data-broker-id={b.id.0.to_string()} data-state={state_id}
            class={classes!("broker", (!alive).then_some("down"), selected.then_some("selected"))}
            role="button" tabindex="0" aria-label={format!("{} {id}: {state}", t(L::Broker))}
            onclick={open} onkeydown={open_key}>
            <rect class="box broker-box" x={f(r.x)} y={f(r.y)} width={f(r.w)} height={f(r.h)} rx="8" />
            <text class="title" x={f(r.x + 10.0)} y={f(r.y + 20.0)}>
                { format!("{} {}", t(L::Broker), b.id.0) }
            </text>
            <text class="small muted" x={f(r.x + r.w - 10.0)} y={f(r.y + 20.0)} text-anchor="end">
                { if alive { state } else { format!("✕ {state}") } }
            </text>
            { for b.rows.iter().map(|row| log_row(cx, row)) }
        </g>
    }
}

fn log_row(cx: &Cx, row: &RowLayout) -> Html {
    let (sim, lang) = (cx.player.sim(), cx.lang);
    let t = |label: L| label.say(lang);
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
    let first = window_first(sim, row, log, leader_leo);
    let hw = log.high_watermark();
    let leo = log.log_end_offset();
    let r = row.rect;
    let cell_y = r.y + 2.0;
    let cell_h = r.h - 4.0;
    let x_of = |offset: u64| row.cells_x + (offset - first) as f64 * CELL_W;
    let offline = part.leader.is_none();
    let role = if is_leader { "leader" } else { "follower" };
    let isr = if in_isr { t(L::InIsr) } else { t(L::OutOfIsr) };
    let role_text = if offline {
        format!("⚠ {} · {isr}", t(L::Offline))
    } else if is_leader {
        format!(
            "★ {} · ISR {}/{}",
            t(L::Leader),
            part.isr.len(),
            part.replicas.len()
        )
    } else {
        format!("{} · {isr}", t(L::Follower))
    };
    let select_row = cx.select(Selection::Partition(row.tp, row.broker));
    let select_row_key = cx.select_key(Selection::Partition(row.tp, row.broker));
    let row_selected = cx.selected == Some(&Selection::Partition(row.tp, row.broker));
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
        .enumerate()
        .filter_map(|(n, g)| {
            // One marker per group, labelled with the group when there are
            // several, their labels stacked so they do not overlap.
            let label = committed_label(sim, g);
            g.committed.get(&row.tp.partition).map(|c| {
                marker(
                    *c,
                    &label,
                    "committed",
                    r.h / 2.0 + 3.0 + (n % 2) as f64 * 10.0,
                )
            })
        })
        .collect();
    html! {
        <g data-testid="partition" class={classes!("row", role, (!in_isr).then_some("out-of-isr"), offline.then_some("offline"), row_selected.then_some("selected"))}
            data-in-isr={in_isr.to_string()}
            data-topic={sim.topics()[row.tp.topic.0 as usize].name.clone()}
            data-partition={row.tp.partition.to_string()}
            data-broker-id={row.broker.0.to_string()}
            data-role={role}
            data-leo={leo.to_string()}
            data-hw={hw.to_string()}
            data-log-start={log.log_start_offset().to_string()}>
            <rect class="row-bg" x={f(r.x)} y={f(r.y)} width={f(r.w)} height={f(r.h)} rx="4" />
            <g class="row-label" role="button" tabindex="0" onclick={select_row} onkeydown={select_row_key}
                aria-label={format!("{tp_name} · {} {}", t(L::Broker), row.broker.0)}>
                <rect class="hit" x={f(r.x)} y={f(r.y)} width={f(row.cells_x - r.x)} height={f(r.h)} />
                <text class="label" x={f(r.x + 6.0)} y={f(r.y + 15.0)}>{ tp_name.clone() }</text>
                <text class="tiny role" x={f(r.x + 6.0)} y={f(r.y + 29.0)}>{ role_text }</text>
            </g>
            { segment_overlay(sim, row, log, first, lang) }
            { for (first..leo.min(first + cells)).filter_map(|o| log.get(o)).map(|e| {
                let committed = e.offset < hw;
                let key = e.record.key.as_deref();
                let x = x_of(e.offset);
                let selection = Selection::Record { id: e.record.id, created_at_ms: e.record.timestamp_ms };
                let selected = cx.selected == Some(&selection);
                let label = AppLine::RecordLabel {
                    tp: tp_name.clone(),
                    offset: e.offset,
                    key: key.unwrap_or("null").to_string(),
                }
                .say(lang);
                html! {
                    <g data-testid="record" data-offset={e.offset.to_string()}
                        data-record-id={e.record.id.0.to_string()}
                        class={classes!("record", key_hue_class(key), if committed { "committed" } else { "uncommitted" }, selected.then_some("selected"))}
                        role="button" tabindex="0" aria-label={label}
                        onclick={cx.select(selection.clone())} onkeydown={cx.select_key(selection)}>
                        <rect x={f(x + 1.0)} y={f(cell_y)} width={f(CELL_W - 2.0)} height={f(cell_h)} rx="3" />
                        <text class="offset" x={f(x + CELL_W / 2.0)} y={f(cell_y + 13.0)} text-anchor="middle">{ e.offset }</text>
                        if !cx.dense {
                            <text class="key" x={f(x + CELL_W / 2.0)} y={f(cell_y + 26.0)} text-anchor="middle">
                                { short(key.unwrap_or("∅"), 3) }
                            </text>
                        }
                    </g>
                }
            }) }
            { marker(hw, "HW", "hw", 9.0) }
            { if leo != hw { marker(leo, "LEO", "leo", r.h - 2.0) } else { Html::default() } }
            { for committed }
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

/// Whether a message carries records or an answer a reader cares about
/// (empty fetch round trips are left out of a dense picture).
fn carries_data(m: &Message) -> bool {
    match &m.body {
        Body::ReplicaFetchRequest { .. } | Body::FetchRequest { .. } => false,
        Body::ReplicaFetchResponse { entries, .. } => !entries.is_empty(),
        Body::FetchResponse { records, .. } => records.iter().any(|(_, r)| !r.is_empty()),
        _ => true,
    }
}

/// A message as a single dot (dense pictures).
fn dot(layout: &SceneLayout, m: &Message, now: f64) -> Html {
    let (x, y) = layout.message_position(m, now);
    let class = match &m.body {
        Body::ProduceRequest { .. } => "produce",
        Body::ProduceResponse { .. } => "ack",
        Body::ReplicaFetchResponse { .. } => "replica-data",
        Body::FetchResponse { .. } => "fetch-data",
        _ => "commit",
    };
    html! { <circle class={classes!("dot", class)} cx={f(x)} cy={f(y)} r="4" /> }
}

fn message(layout: &SceneLayout, m: &Message, now: f64, cx: &Cx) -> Html {
    let (x, y) = layout.message_position(m, now);
    let lang = cx.lang;
    let t = |label: L| label.say(lang);
    let (class, label, w) = match &m.body {
        Body::ProduceRequest { batch, .. } => {
            let key = batch
                .records
                .first()
                .and_then(|r| r.key.as_deref())
                .unwrap_or("∅");
            let mut label = if batch.records.len() == 1 {
                short(key, 4)
            } else {
                format!("×{}", batch.records.len())
            };
            // A compressed batch says so, with its size on the wire.
            if batch.compression != crate::engine::Compression::None {
                label = format!("{label} {}B", batch.bytes_on_wire());
            }
            if batch.attempts > 1 {
                label = format!("↻{label}");
            }
            let w = (label.chars().count() as f64 * 6.5 + 8.0).max(34.0);
            ("produce", label, w)
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
            let label = AppLine::MsgEpoch { epoch: *epoch }.say(lang);
            ("epoch", label.clone(), pill_width(&label, 50.0))
        }
        Body::OffsetsForLeaderEpochResponse { epoch_end, .. } => {
            let label = epoch_end.map_or("?".to_string(), |(_, end)| {
                AppLine::MsgEpochEnd { end }.say(lang)
            });
            ("epoch", label.clone(), pill_width(&label, 44.0))
        }
        Body::OffsetCommitRequest { .. } => (
            "commit",
            t(L::MsgCommit).to_string(),
            pill_width(t(L::MsgCommit), 38.0),
        ),
        Body::OffsetCommitResponse { .. } => (
            "commit",
            t(L::MsgOk).to_string(),
            pill_width(t(L::MsgOk), 18.0),
        ),
        Body::Group(g) => message_style(g, lang),
    };
    html! {
        <g class={classes!("msg", class)} data-kind={m.body.name()}>
            <rect x={f(x - w / 2.0)} y={f(y - 8.0)} width={f(w)} height="16" rx="8" />
            <text x={f(x)} y={f(y + 4.0)} text-anchor="middle">{ label }</text>
        </g>
    }
}
