//! Consumer groups on screen: each group's box in the scene (members, what
//! they own, their phase in a rebalance, idle members), the group-protocol
//! messages' look on the network, and below the scene a panel per group
//! with its coordinator, state, Burrow status, duplicates, lag per partition
//! (numbers and bars), the lag chart, and the controls (add, remove, crash,
//! pause a member; assignor, protocol, commit mode; seek; a second group).

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::app::Action;
use super::i18n::groups as tx;
use super::i18n::{msg_joined, pill_width, Lang};
use super::inspector::Selection;
use super::lag_chart::lag_chart;
use super::scene::Cx;
use crate::engine::consumer::{Group, MemberPhase, SeekTarget};
use crate::engine::coordinator::GroupMessage;
use crate::engine::{
    Assignor, Command, CommitMode, GroupConfig, GroupIdx, MemberId, OffsetReset, RebalanceProtocol,
    Sim, TopicPartition,
};
use crate::layout::GroupLayout;

fn f(v: f64) -> String {
    format!("{v:.1}")
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
    let t = lang.texts();
    let (class, label, min) = message_label(message, lang, t);
    let width = pill_width(&label, min);
    (class, label, width)
}

fn message_label(
    message: &GroupMessage,
    lang: Lang,
    t: &super::i18n::Texts,
) -> (&'static str, String, f64) {
    match message {
        GroupMessage::JoinGroupRequest { .. } => ("join", "JoinGroup".to_string(), 58.0),
        GroupMessage::JoinGroupResponse { generation, .. } => {
            ("join", msg_joined(lang, *generation), 58.0)
        }
        GroupMessage::SyncGroupRequest { assignment, .. } if !assignment.is_empty() => {
            ("sync", t.msg_sync_plan.to_string(), 78.0)
        }
        GroupMessage::SyncGroupRequest { .. } => ("sync", "SyncGroup".to_string(), 58.0),
        GroupMessage::SyncGroupResponse {
            assignment, error, ..
        } => match error {
            Some(_) => ("sync-error", t.msg_retry.to_string(), 34.0),
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
            Some(_) => ("heartbeat-error", t.msg_rejoin.to_string(), 44.0),
            None => ("heartbeat", t.msg_ok.to_string(), 18.0),
        },
        GroupMessage::LeaveGroupRequest { .. } => ("leave", "LeaveGroup".to_string(), 64.0),
        GroupMessage::LeaveGroupResponse { .. } => ("leave", t.msg_bye.to_string(), 26.0),
    }
}

fn member_phase_text(m: &crate::engine::consumer::Member, lang: Lang) -> String {
    let t = &lang.texts().groups;
    if m.phase == MemberPhase::Stable && m.rejoin_needed {
        return t.must_rejoin.to_string();
    }
    let mut text = tx::phase_word(lang, m.phase).to_string();
    if m.is_leader && m.alive() {
        text.push_str(t.is_leader);
    }
    if m.paused {
        text.push_str(t.paused);
    }
    text
}

/// A group's box in the scene: its members and what each owns.
pub fn group_box(cx: &Cx, g: &GroupLayout) -> Html {
    let sim = cx.player.sim();
    let (lang, texts) = (cx.lang, cx.t);
    let t = &texts.groups;
    let group = &sim.groups()[g.idx.0 as usize];
    let r = g.rect;
    let lag = sim.group_lag(g.idx);
    let (status, _) = sim.burrow_status(g.idx);
    let state = tx::state_line(
        lang,
        group.view.state.name(),
        group.view.generation,
        group.config.assignor.name(),
    );
    html! {
        <g data-testid="group" data-group={group.config.group_id.clone()}
            data-state={group.view.state.name()} class="group">
            <rect class="box group-box" x={f(r.x)} y={f(r.y)} width={f(r.w)} height={f(r.h)} rx="8" />
            <text class="title" x={f(r.x + 8.0)} y={f(r.y + 17.0)}>{ short(&group.config.group_id, 13) }</text>
            // Lag and Burrow's word on their own line: next to the title
            // they collided with it in the narrow right column.
            <text class="small muted" x={f(r.x + 8.0)} y={f(r.y + 33.0)} data-testid="group-lag">
                { tx::box_lag(lang, lag, status) }
            </text>
            <text class={classes!("small", "state", (group.view.state != crate::engine::GroupState::Stable).then_some("rebalancing"))}
                x={f(r.x + 8.0)} y={f(r.y + 48.0)}>{ state }</text>
            { for g.members.iter().map(|(id, mr)| {
                let Some(m) = group.members.iter().find(|m| m.id == *id) else { return Html::default() };
                let parts: Vec<String> = m.assigned.iter().map(|p| format!("p{p}")).collect();
                let lags: Vec<String> = m.assigned.iter()
                    .map(|p| sim.lag(g.idx, *p).map_or("–".to_string(), |l| l.to_string()))
                    .collect();
                let owns = if parts.is_empty() {
                    if m.alive() && m.phase == MemberPhase::Stable {
                        t.idle_no_partition.to_string()
                    } else {
                        t.owns_nothing_now.to_string()
                    }
                } else {
                    tx::owns_line(lang, &parts.join(","), &lags.join("/"))
                };
                let doing = if !m.alive() {
                    String::new()
                } else if m.busy {
                    m.buffer.front().map_or(texts.processing.to_string(), |(tp, e)| tx::processing_at(lang, tp.partition, e.offset))
                } else if m.outstanding_fetches > 0 {
                    texts.waiting_for_records.to_string()
                } else {
                    t.polling.to_string()
                };
                let errors: Vec<String> = m.errors.iter().map(|(p, e)| format!("p{p}: {e}")).collect();
                let doing = if errors.is_empty() { doing } else { errors.join(", ") };
                let owns_attr: Vec<String> = m.assigned.iter().map(u32::to_string).collect();
                let selection = Selection::Member(m.id);
                let selected = cx.selected == Some(&selection);
                html! {
                    <g data-testid="member" data-member={m.name.clone()} data-owns={owns_attr.join(",")}
                        data-phase={crate::text::en_words::phase_word(m.phase)}
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

fn select_value(e: &Event) -> String {
    e.target_dyn_into::<HtmlSelectElement>()
        .map(|s| s.value())
        .unwrap_or_default()
}

fn group_controls(group: &Group, lang: Lang, on_action: &Callback<Action>) -> Html {
    let t = &lang.texts().groups;
    let idx = group.idx;
    let on_assignor = on_action.reform(move |e: Event| {
        let assignor = Assignor::from_name(&select_value(&e)).unwrap_or(Assignor::Range);
        Action::Engine(Command::SetAssignor {
            group: idx,
            assignor,
        })
    });
    let on_protocol = on_action.reform(move |e: Event| {
        let protocol = if select_value(&e) == "COOPERATIVE" {
            RebalanceProtocol::Cooperative
        } else {
            RebalanceProtocol::Eager
        };
        Action::Engine(Command::SetRebalanceProtocol {
            group: idx,
            protocol,
        })
    });
    let on_commit = on_action.reform(move |e: Event| {
        let mode = if select_value(&e) == "manual" {
            CommitMode::ManualPerPoll
        } else {
            CommitMode::Auto
        };
        Action::Engine(Command::SetCommitMode { group: idx, mode })
    });
    let add = on_action.reform(move |_| {
        Action::Engine(Command::AddMember {
            group: idx,
            instance_id: None,
        })
    });
    let c = &group.config;
    html! {
        <div class="group-controls" role="group" aria-label={tx::settings_of(lang, &c.group_id)}>
            <button data-testid="add-member" onclick={add}>{ t.add_member }</button>
            <label>{ format!("{} ", t.assignor) }
                <select data-testid="assignor-select" onchange={on_assignor}>
                    { for Assignor::ALL.iter().map(|a| html! {
                        <option value={a.name()} selected={*a == c.assignor}>{ a.name() }</option>
                    }) }
                </select>
            </label>
            <label>{ format!("{} ", t.protocol) }
                <select data-testid="protocol-select" onchange={on_protocol}>
                    { for [RebalanceProtocol::Eager, RebalanceProtocol::Cooperative].iter().map(|p| html! {
                        <option value={p.name()} selected={*p == c.protocol}>{ p.name().to_lowercase() }</option>
                    }) }
                </select>
            </label>
            <label>{ format!("{} ", t.commits) }
                <select data-testid="commit-select" onchange={on_commit}>
                    <option value="auto" selected={c.commit_mode == CommitMode::Auto}>{ t.commit_auto }</option>
                    <option value="manual" selected={c.commit_mode == CommitMode::ManualPerPoll}>{ t.commit_manual }</option>
                </select>
            </label>
        </div>
    }
}

fn member_row(
    m: &crate::engine::consumer::Member,
    lang: Lang,
    on_action: &Callback<Action>,
) -> Html {
    let (texts, t) = (lang.texts(), &lang.texts().groups);
    let id: MemberId = m.id;
    let paused = m.paused;
    let pause = on_action.reform(move |_| {
        Action::Engine(Command::PauseMember {
            member: id,
            paused: !paused,
        })
    });
    let remove = on_action.reform(move |_| Action::Engine(Command::RemoveMember { member: id }));
    let crash = on_action.reform(move |_| Action::Engine(Command::CrashMember { member: id }));
    let owns: Vec<String> = m.assigned.iter().map(|p| format!("p{p}")).collect();
    let alive = m.alive();
    let pause_word = if paused { t.resume } else { t.pause };
    html! {
        <li data-testid="member-row" data-member={m.name.clone()}>
            <span class="who">{ &m.name }</span>
            <span class="phase" data-testid="member-phase">{ tx::phase_word(lang, m.phase) }{ if m.paused { t.paused } else { "" } }</span>
            <span class="owns">{ if owns.is_empty() { texts.idle.to_string() } else { owns.join(", ") } }</span>
            if alive {
                <span class="member-actions">
                    <button onclick={pause} aria-label={tx::member_action(lang, pause_word, &m.name)}>
                        { pause_word }
                    </button>
                    <button onclick={remove} aria-label={tx::member_action(lang, t.remove, &m.name)}>{ t.remove }</button>
                    <button onclick={crash} aria-label={tx::member_action(lang, t.crash, &m.name)}>{ t.crash }</button>
                </span>
            }
        </li>
    }
}

fn lag_rows(sim: &Sim, group: &Group, lang: Lang, on_action: &Callback<Action>) -> Html {
    let t = &lang.texts().groups;
    let topic = &sim.topics()[group.topic.0 as usize];
    let max_lag = (0..topic.partitions.len() as u32)
        .filter_map(|p| sim.lag(group.idx, p))
        .max()
        .unwrap_or(0)
        .max(1);
    let (_, statuses) = sim.burrow_status(group.idx);
    html! {
        <table class="lag-table">
            <thead><tr>
                { for t.columns.iter().map(|c| html! { <th scope="col">{ *c }</th> }) }
            </tr></thead>
            <tbody>
            { for (0..topic.partitions.len() as u32).map(|p| {
                let tp = TopicPartition { topic: group.topic, partition: p };
                let hw = sim.partition_state(tp).and_then(|x| x.leader_log()).map_or(0, |l| l.high_watermark());
                let committed = group.committed.get(&p).copied();
                let lag = sim.lag(group.idx, p);
                let width = lag.map_or(0.0, |l| l as f64 / max_lag as f64 * 100.0);
                let status = statuses.iter().find(|(q, _)| *q == p).map_or("", |(_, s)| tx::burrow_word(lang, *s));
                let idx = group.idx;
                let begin = on_action.reform(move |_| Action::Engine(Command::Seek { group: idx, partition: p, target: SeekTarget::Beginning }));
                let end = on_action.reform(move |_| Action::Engine(Command::Seek { group: idx, partition: p, target: SeekTarget::End }));
                html! {
                    <tr data-testid="lag-row" data-partition={p.to_string()}>
                        <th scope="row">{ format!("{}-{p}", topic.name) }</th>
                        <td>{ committed.map_or("–".to_string(), |c| c.to_string()) }</td>
                        <td>{ hw }</td>
                        <td class="lag-cell">
                            <span class="lag-bar" style={format!("width:{width:.0}%")} aria-hidden="true"></span>
                            <span class="lag-num">{ lag.map_or("–".to_string(), |l| l.to_string()) }{ if status.is_empty() { String::new() } else { format!(" {status}") } }</span>
                        </td>
                        <td class="seek">
                            <button onclick={begin} aria-label={tx::seek_label(lang, &format!("{}-{p}", topic.name), false)} title="seekToBeginning">{ t.seek_start }</button>
                            <button onclick={end} aria-label={tx::seek_label(lang, &format!("{}-{p}", topic.name), true)} title="seekToEnd">{ t.seek_end }</button>
                        </td>
                    </tr>
                }
            }) }
            </tbody>
        </table>
    }
}

/// The panel below the scene: one card per group, and "add a group".
pub fn groups_panel(sim: &Sim, lang: Lang, on_action: &Callback<Action>) -> Html {
    let t = &lang.texts().groups;
    let next = sim.groups().len() + 1;
    let add_group = sim.groups().first().map(|first| {
        let topic = first.config.topic.clone();
        let processing = first.config.processing_ms_per_record;
        let interval = first.config.auto_commit_interval_ms;
        on_action.reform(move |_| {
            let mut config = GroupConfig::new(&format!("group-{next}"), &topic, 1);
            config.auto_offset_reset = OffsetReset::Earliest;
            config.processing_ms_per_record = processing;
            config.auto_commit_interval_ms = interval;
            Action::Engine(Command::AddGroup(config))
        })
    });
    html! {
        <section class="groups" aria-label={t.consumer_groups} data-testid="groups">
            <h2>{ t.consumer_groups }</h2>
            { for sim.groups().iter().map(|group| group_card(sim, group, lang, on_action)) }
            if let Some(add_group) = add_group {
                <button data-testid="add-group" onclick={add_group}>{ t.add_group }</button>
            }
        </section>
    }
}

fn group_card(sim: &Sim, group: &Group, lang: Lang, on_action: &Callback<Action>) -> Html {
    let t = &lang.texts().groups;
    let (status, _) = sim.burrow_status(group.idx);
    let view = &group.view;
    let leader = view
        .leader
        .map_or(t.none.to_string(), |l| format!("consumer-{}", l.0));
    let idx: GroupIdx = group.idx;
    let id = &group.config.group_id;
    let facts = tx::StateFacts {
        state: view.state.name(),
        generation: view.generation,
        leader: &leader,
        assignor: group.config.assignor.class_name(),
        protocol: group.config.protocol.name(),
        commit: tx::commit_mode(lang, group.config.commit_mode),
        reset: group.config.auto_offset_reset.as_config(),
    };
    html! {
        <article class="group-panel" data-testid="group-panel" data-group={id.clone()}>
            <h3 data-testid="group-heading">{ tx::group_heading(lang, id) }</h3>
            <p class="facts" data-testid="group-facts">
                { tx::coordinator_fact(lang, &group.coordinator.to_string(), group.offsets_partition, id) }
                { tx::state_fact(lang, &facts) }
                if let Some(reason) = view.reason {
                    { tx::last_rebalance(lang, &match lang {
                        Lang::En => crate::text::en_group_event::rebalance_reason(sim, reason),
                        Lang::Ko => super::group_event_text::rebalance_reason_ko(reason),
                    }) }
                }
            </p>
            <p class="burrow" data-testid="burrow-status" data-status={status.name()}>
                { t.burrow_status }<strong>{ tx::burrow_label(lang, status) }</strong>{ format!(" ({})", tx::burrow_explain(lang, status)) }
                { tx::group_counts(lang, sim.group_lag(idx), group.duplicates, group.replays, u64::from(group.rebalances)) }
            </p>
            { group_controls(group, lang, on_action) }
            <ul class="member-list">
                { for group.members.iter().map(|m| member_row(m, lang, on_action)) }
            </ul>
            { lag_rows(sim, group, lang, on_action) }
            { lag_chart(group, lang) }
        </article>
    }
}
