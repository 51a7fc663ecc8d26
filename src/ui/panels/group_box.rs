//! Consumer groups in the picture: each group's box (members, what they
//! own, their phase in a rebalance, idle members), the group-protocol
//! messages' look on the network, and the committed-offset markers' labels.

use yew::prelude::*;

use super::scene_cx::{pill_width, short, Cx};
use crate::engine::consumer::{Group, MemberPhase};
use crate::engine::coordinator::GroupMessage;
use crate::engine::Sim;
use crate::layout::GroupLayout;
use crate::text::{words, AppLabel, AppLine, GroupLabel as L, GroupPanelLine, Lang, Say};
use crate::ui::state::selection::Selection;

fn f(v: f64) -> String {
    format!("{v:.1}")
}

/// The label of a group's committed-offset marker on a partition log: `C`
/// alone with one group, `C·name` when several groups read the topic.
#[must_use]
pub fn committed_label(sim: &Sim, group: &Group) -> String {
    if sim.groups().len() > 1 {
        format!("C·{}", short(&group.config.group_id, 6))
    } else {
        "C".to_string()
    }
}

/// Class, label and width of a group-protocol message on the network.
/// Kafka's request names stay as they are; the rest is in `lang`.
#[must_use]
pub fn message_style(message: &GroupMessage, lang: Lang) -> (&'static str, String, f64) {
    let (class, label, min) = message_label(message, lang);
    let width = pill_width(&label, min);
    (class, label, width)
}

fn message_label(message: &GroupMessage, lang: Lang) -> (&'static str, String, f64) {
    let t = |label: AppLabel| label.say(lang).to_string();
    match message {
        GroupMessage::JoinGroupRequest { .. } => ("join", "JoinGroup".to_string(), 58.0),
        GroupMessage::JoinGroupResponse { generation, .. } => (
            "join",
            AppLine::MsgJoined {
                generation: *generation,
            }
            .say(lang),
            58.0,
        ),
        GroupMessage::SyncGroupRequest { assignment, .. } if !assignment.is_empty() => {
            ("sync", t(AppLabel::MsgSyncPlan), 78.0)
        }
        GroupMessage::SyncGroupRequest { .. } => ("sync", "SyncGroup".to_string(), 58.0),
        GroupMessage::SyncGroupResponse {
            assignment, error, ..
        } => match error {
            Some(_) => ("sync-error", t(AppLabel::MsgRetry), 34.0),
            None => {
                let parts: Vec<String> = assignment.iter().map(|p| format!("p{p}")).collect();
                let label = if parts.is_empty() {
                    "∅".to_string()
                } else {
                    short(&parts.join(","), 9)
                };
                ("sync", label, 58.0)
            }
        },
        GroupMessage::HeartbeatRequest { .. } => ("heartbeat", "♥".to_string(), 16.0),
        GroupMessage::HeartbeatResponse { error, .. } => match error {
            Some(_) => ("heartbeat-error", t(AppLabel::MsgRejoin), 44.0),
            None => ("heartbeat", t(AppLabel::MsgOk), 18.0),
        },
        GroupMessage::LeaveGroupRequest { .. } => ("leave", "LeaveGroup".to_string(), 64.0),
        GroupMessage::LeaveGroupResponse { .. } => ("leave", t(AppLabel::MsgBye), 26.0),
    }
}

fn member_phase_text(m: &crate::engine::consumer::Member, lang: Lang) -> String {
    if m.phase == MemberPhase::Stable && m.rejoin_needed {
        return L::MustRejoin.say(lang).to_string();
    }
    let mut text = words::phase(lang, m.phase).to_string();
    if m.is_leader && m.alive() {
        text.push_str(L::IsLeader.say(lang));
    }
    if m.paused {
        text.push_str(L::Paused.say(lang));
    }
    text
}

/// A group's box in the scene: its members and what each owns.
pub fn group_box(cx: &Cx, g: &GroupLayout) -> Html {
    let sim = cx.player.sim();
    let lang = cx.lang;
    let group = &sim.groups()[g.idx.0 as usize];
    let r = g.rect;
    let lag = sim.group_lag(g.idx);
    let (status, _) = sim.burrow_status(g.idx);
    let state = GroupPanelLine::StateLine {
        state: group.view.state.name(),
        generation: group.view.generation,
        assignor: group.config.assignor,
    }
    .say(lang);
    html! {
        <g data-testid="group" data-group={group.config.group_id.clone()}
            data-state={group.view.state.name()} class="group">
            <rect class="box group-box" x={f(r.x)} y={f(r.y)} width={f(r.w)} height={f(r.h)} rx="8" />
            <text class="title" x={f(r.x + 8.0)} y={f(r.y + 17.0)}>{ short(&group.config.group_id, 13) }</text>
            // Lag and Burrow's word on their own line: next to the title
            // they collided with it in the narrow right column.
            <text class="small muted" x={f(r.x + 8.0)} y={f(r.y + 33.0)} data-testid="group-lag">
                { GroupPanelLine::BoxLag { lag, status }.say(lang) }
            </text>
            <text class={classes!("small", "state", (group.view.state != crate::engine::GroupState::Stable).then_some("rebalancing"))}
                x={f(r.x + 8.0)} y={f(r.y + 48.0)}>{ state }</text>
            { for g.members.iter().map(|(id, mr)| {
                let Some(m) = group.members.iter().find(|m| m.id == *id) else { return Html::default() };
                let owns = if m.assigned.is_empty() {
                    if m.alive() && m.phase == MemberPhase::Stable {
                        L::IdleNoPartition.say(lang).to_string()
                    } else {
                        L::OwnsNothingNow.say(lang).to_string()
                    }
                } else {
                    GroupPanelLine::Owns {
                        partitions: m.assigned.to_vec(),
                        lags: m.assigned.iter().map(|p| sim.lag(g.idx, *p)).collect(),
                    }
                    .say(lang)
                };
                let doing = if !m.alive() {
                    String::new()
                } else if m.busy {
                    m.buffer.front().map_or(AppLabel::Processing.say(lang).to_string(), |(tp, e)| {
                        GroupPanelLine::ProcessingAt { partition: tp.partition, offset: e.offset }.say(lang)
                    })
                } else if m.outstanding_fetches > 0 {
                    AppLabel::WaitingForRecords.say(lang).to_string()
                } else {
                    L::Polling.say(lang).to_string()
                };
                let errors: Vec<String> = m.errors.iter().map(|(p, e)| format!("p{p}: {e}")).collect();
                let doing = if errors.is_empty() { doing } else { errors.join(", ") };
                let owns_attr: Vec<String> = m.assigned.iter().map(u32::to_string).collect();
                let selection = Selection::Member(m.id);
                let selected = cx.selected == Some(&selection);
                html! {
                    <g data-testid="member" data-member={m.name.clone()} data-owns={owns_attr.join(",")}
                        data-phase={words::phase(Lang::En, m.phase)}
                        class={classes!("member", (!m.alive()).then_some("gone"), m.assigned.is_empty().then_some("idle"), selected.then_some("selected"))}
                        role="button" tabindex="0" aria-label={format!("{} · {owns}", m.name)}
                        onclick={cx.select(selection.clone())} onkeydown={cx.select_key(selection)}>
                        <rect class="member-box" x={f(mr.x)} y={f(mr.y)} width={f(mr.w)} height={f(mr.h)} rx="6" />
                        <text class="label" x={f(mr.x + 6.0)} y={f(mr.y + 14.0)}>{ &m.name }</text>
                        <text class="tiny phase" x={f(mr.x + mr.w - 6.0)} y={f(mr.y + 14.0)} text-anchor="end">
                            { member_phase_text(m, lang) }
                        </text>
                        <text class="tiny" x={f(mr.x + 6.0)} y={f(mr.y + 28.0)}>{ owns }</text>
                        <text class="tiny muted" x={f(mr.x + 6.0)} y={f(mr.y + 42.0)}>{ short(&doing, 34) }</text>
                    </g>
                }
            }) }
        </g>
    }
}
