//! The consumer groups' panel below the picture: a card per group with its
//! coordinator, state, Burrow status, duplicates, lag per partition (numbers
//! and bars), the lag chart, and the controls (add, remove, crash, pause a
//! member; assignor, protocol, commit mode; seek; a second group).

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::lag_chart::lag_chart;
use crate::engine::consumer::{Group, SeekTarget};
use crate::engine::{
    Assignor, Command, CommitMode, GroupConfig, GroupIdx, MemberId, OffsetReset, RebalanceProtocol,
    Sim, TopicPartition,
};
use crate::text::event::because;
use crate::text::{words, AppLabel, GroupLabel as L, GroupPanelLine, Lang, Say};
use crate::ui::state::action::Action;

fn select_value(e: &Event) -> String {
    e.target_dyn_into::<HtmlSelectElement>()
        .map(|s| s.value())
        .unwrap_or_default()
}

fn group_controls(group: &Group, lang: Lang, on_action: &Callback<Action>) -> Html {
    let t = |label: L| label.say(lang);
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
        <div class="group-controls" role="group" aria-label={GroupPanelLine::SettingsOf { group: c.group_id.clone() }.say(lang)}>
            <button data-testid="add-member" onclick={add}>{ t(L::AddMember) }</button>
            <label>{ format!("{} ", t(L::Assignor)) }
                <select data-testid="assignor-select" onchange={on_assignor}>
                    { for Assignor::ALL.iter().map(|a| html! {
                        <option value={a.name()} selected={*a == c.assignor}>{ a.name() }</option>
                    }) }
                </select>
            </label>
            <label>{ format!("{} ", t(L::Protocol)) }
                <select data-testid="protocol-select" onchange={on_protocol}>
                    { for [RebalanceProtocol::Eager, RebalanceProtocol::Cooperative].iter().map(|p| html! {
                        <option value={p.name()} selected={*p == c.protocol}>{ p.name().to_ascii_lowercase() }</option>
                    }) }
                </select>
            </label>
            <label>{ format!("{} ", t(L::Commits)) }
                <select data-testid="commit-select" onchange={on_commit}>
                    <option value="auto" selected={c.commit_mode == CommitMode::Auto}>{ t(L::CommitAuto) }</option>
                    <option value="manual" selected={c.commit_mode == CommitMode::ManualPerPoll}>{ t(L::CommitManual) }</option>
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
    let t = |label: L| label.say(lang);
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
    let pause_word = if paused { L::Resume } else { L::Pause };
    let acting = |action: L| {
        GroupPanelLine::MemberAction {
            action,
            member: m.name.clone(),
        }
        .say(lang)
    };
    html! {
        <li data-testid="member-row" data-member={m.name.clone()}>
            <span class="who">{ &m.name }</span>
            <span class="phase" data-testid="member-phase">{ words::phase(lang, m.phase) }{ if m.paused { t(L::Paused) } else { "" } }</span>
            <span class="owns">{ if owns.is_empty() { AppLabel::Idle.say(lang).to_string() } else { owns.join(", ") } }</span>
            if alive {
                <span class="member-actions">
                    <button onclick={pause} aria-label={acting(pause_word)}>
                        { t(pause_word) }
                    </button>
                    <button onclick={remove} aria-label={acting(L::Remove)}>{ t(L::Remove) }</button>
                    <button onclick={crash} aria-label={acting(L::Crash)}>{ t(L::Crash) }</button>
                </span>
            }
        </li>
    }
}

fn lag_rows(sim: &Sim, group: &Group, lang: Lang, on_action: &Callback<Action>) -> Html {
    let t = |label: L| label.say(lang);
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
                { for [L::ColPartition, L::ColCommitted, L::ColHw, L::ColLag, L::ColSeek].iter().map(|c| html! { <th scope="col">{ t(*c) }</th> }) }
            </tr></thead>
            <tbody>
            { for (0..topic.partitions.len() as u32).map(|p| {
                let tp = TopicPartition { topic: group.topic, partition: p };
                let hw = sim.partition_state(tp).and_then(|x| x.leader_log()).map_or(0, |l| l.high_watermark());
                let committed = group.committed.get(&p).copied();
                let lag = sim.lag(group.idx, p);
                let width = lag.map_or(0.0, |l| l as f64 / max_lag as f64 * 100.0);
                let status = statuses.iter().find(|(q, _)| *q == p).map_or("", |(_, s)| words::burrow(lang, *s));
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
                            <button onclick={begin} aria-label={GroupPanelLine::Seek { tp: format!("{}-{p}", topic.name), to_end: false }.say(lang)} title="seekToBeginning">{ t(L::SeekStart) }</button>
                            <button onclick={end} aria-label={GroupPanelLine::Seek { tp: format!("{}-{p}", topic.name), to_end: true }.say(lang)} title="seekToEnd">{ t(L::SeekEnd) }</button>
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
    let t = |label: L| label.say(lang);
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
        <section class="groups" aria-label={t(L::ConsumerGroups)} data-testid="groups">
            <h2>{ t(L::ConsumerGroups) }</h2>
            { for sim.groups().iter().map(|group| group_card(sim, group, lang, on_action)) }
            if let Some(add_group) = add_group {
                <button data-testid="add-group" onclick={add_group}>{ t(L::AddGroup) }</button>
            }
        </section>
    }
}

fn group_card(sim: &Sim, group: &Group, lang: Lang, on_action: &Callback<Action>) -> Html {
    let (status, _) = sim.burrow_status(group.idx);
    let view = &group.view;
    let idx: GroupIdx = group.idx;
    let id = &group.config.group_id;
    let state = GroupPanelLine::State {
        state: view.state.name(),
        generation: view.generation,
        leader: view.leader.map(|l| sim.member_name(l)),
        assignor: group.config.assignor,
        protocol: group.config.protocol,
        commit: group.config.commit_mode,
        reset: group.config.auto_offset_reset,
    };
    let coordinator = GroupPanelLine::Coordinator {
        coordinator: sim.broker_name(group.coordinator),
        offsets_partition: group.offsets_partition,
        group: id.clone(),
    };
    let counts = GroupPanelLine::Counts {
        lag: sim.group_lag(idx),
        duplicates: group.duplicates,
        replays: group.replays,
        rebalances: u64::from(group.rebalances),
    };
    html! {
        <article class="group-panel" data-testid="group-panel" data-group={id.clone()}>
            <h3 data-testid="group-heading">{ GroupPanelLine::Heading { group: id.clone() }.say(lang) }</h3>
            <p class="facts" data-testid="group-facts">
                { coordinator.say(lang) }
                { state.say(lang) }
                if let Some(reason) = view.reason {
                    { GroupPanelLine::LastRebalance(because(sim, reason)).say(lang) }
                }
            </p>
            <p class="burrow" data-testid="burrow-status" data-status={status.name()}>
                { L::BurrowStatus.say(lang) }<strong>{ words::burrow_label(lang, status) }</strong>{ format!(" ({})", words::burrow_explain(lang, status)) }
                { counts.say(lang) }
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
