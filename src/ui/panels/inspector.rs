//! The inspector: what was clicked in the picture, in detail. A record shows
//! its whole life (replayed from the history); a partition replica, a broker
//! or a consumer shows its state.

use yew::prelude::*;

use super::broker_panel::broker_state;
use super::metadata_panel::partition_status;
use crate::engine::{BrokerId, Sim};
use crate::story::StoryStep;
use crate::text::story::story_line;
use crate::text::{format_time, words, AppLabel as L, AppLine, Lang, PageLine, Say};
use crate::timeline::Story;
use crate::ui::state::action::Action;
use crate::ui::state::selection::Selection;

fn ids(list: &[BrokerId]) -> String {
    list.iter()
        .map(|b| b.0.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// The inspector panel. `story` is the selected record's story, computed by
/// the caller (it replays history within a budget, so it is cached there).
pub fn inspector(
    sim: &Sim,
    selection: Option<&Selection>,
    story: &Story,
    lang: Lang,
    on_action: &Callback<Action>,
) -> Html {
    let t = |label: L| label.say(lang);
    let close = on_action.reform(|_: MouseEvent| Action::Select(None));
    let body = match selection {
        None => html! { <p class="hint">{ t(L::InspectorHint) }</p> },
        Some(Selection::Record { id, .. }) => {
            let entry = sim
                .topics()
                .iter()
                .flat_map(|topic| topic.partitions.iter())
                .find_map(|p| {
                    p.leader_log().and_then(|l| {
                        l.entries()
                            .find(|e| e.record.id == *id)
                            .map(|e| (p.tp, e.clone()))
                    })
                });
            html! {
                <>
                    <h3>{ format!("{} {id}", t(L::RecordStory)) }</h3>
                    if let Some((tp, e)) = entry {
                        <p data-testid="record-summary">
                            { AppLine::RecordSummary {
                                tp: sim.tp_name(tp),
                                offset: e.offset,
                                key: words::key(e.record.key.as_deref()),
                                value: words::value(lang, &e.record),
                                bytes: e.size_bytes,
                            }.say(lang) }
                        </p>
                    }
                    <ol class="story" data-testid="record-story">
                        { for story.lines.iter().map(|line| html! {
                            <li class={classes!(matches!(line.step, StoryStep::Lost(_)).then_some("lost-line"))}>
                                <time>{ format_time(line.at_ms) }</time>
                                { " " }
                                <span>{ story_line(lang, sim, line) }</span>
                            </li>
                        }) }
                    </ol>
                    if let Some(at_ms) = story.cut_at_ms {
                        <p class="hint" data-testid="story-cut">{ PageLine::StoryCut { at_ms }.say(lang) }</p>
                    }
                </>
            }
        }
        Some(Selection::Partition(tp, broker)) => {
            let Some(part) = sim.partition_state(*tp) else {
                return Html::default();
            };
            let log = part.log_on(*broker);
            let role = if part.leader == Some(*broker) {
                t(L::Leader)
            } else {
                t(L::Follower)
            };
            html! {
                <>
                    <h3>{ format!("{} · {broker} ({role})", sim.tp_name(*tp)) }</h3>
                    <dl class="facts" data-testid="partition-facts">
                        <dt>{ t(L::FactLeaderEpoch) }</dt>
                        <dd>{ format!("{} / {}", part.leader.map_or(t(L::None).to_string(), |b| b.to_string()), part.leader_epoch) }</dd>
                        <dt>{ t(L::FactReplicasIsr) }</dt>
                        <dd>{ format!("[{}] / [{}]", ids(&part.replicas), ids(&part.isr)) }</dd>
                        <dt>{ t(L::ColState) }</dt>
                        <dd>{ partition_status(sim, part, lang) }</dd>
                        if let Some(log) = log {
                            <dt>{ t(L::FactOffsets) }</dt>
                            <dd>{ format!("{} / {} / {}", log.log_start_offset(), log.high_watermark(), log.log_end_offset()) }</dd>
                            <dt>{ t(L::FactSize) }</dt>
                            <dd>{ format!("{} / {}", log.size_bytes(), log.record_count()) }</dd>
                            <dt>{ t(L::FactLeaderEpochs) }</dt>
                            <dd>{ log.epoch_starts().iter().map(|(e, s)| format!("{e}@{s}")).collect::<Vec<_>>().join(" ") }</dd>
                        }
                        { for sim.groups().iter().filter(|g| g.topic == tp.topic).map(|g| html! {
                            <>
                                <dt>{ format!("{} {}", t(L::Group), g.config.group_id) }</dt>
                                <dd>{ format!(
                                    "{} {} · {} {}",
                                    t(L::Committed),
                                    g.committed.get(&tp.partition).map_or("-".to_string(), |c| c.to_string()),
                                    t(L::Lag),
                                    sim.lag(g.idx, tp.partition).map_or("-".to_string(), |l| l.to_string())
                                ) }</dd>
                            </>
                        }) }
                    </dl>
                </>
            }
        }
        Some(Selection::Broker(b)) => {
            let leads: Vec<String> = sim
                .topics()
                .iter()
                .flat_map(|topic| topic.partitions.iter())
                .filter(|p| p.leader == Some(*b))
                .map(|p| sim.tp_name(p.tp))
                .collect();
            let follows: Vec<String> = sim
                .topics()
                .iter()
                .flat_map(|topic| topic.partitions.iter())
                .filter(|p| p.replicas.contains(b) && p.leader != Some(*b))
                .map(|p| sim.tp_name(p.tp))
                .collect();
            let coordinates: Vec<String> = sim
                .groups()
                .iter()
                .filter(|g| g.coordinator == *b)
                .map(|g| g.config.group_id.clone())
                .collect();
            html! {
                <>
                    <h3>{ format!("{} {}", t(L::Broker), b.0) }</h3>
                    <dl class="facts" data-testid="broker-facts">
                        <dt>{ t(L::ColState) }</dt><dd>{ broker_state(sim, *b, lang) }</dd>
                        <dt>{ t(L::Leader) }</dt><dd>{ if leads.is_empty() { "-".to_string() } else { leads.join(", ") } }</dd>
                        <dt>{ t(L::Follower) }</dt><dd>{ if follows.is_empty() { "-".to_string() } else { follows.join(", ") } }</dd>
                        <dt>{ t(L::GroupCoordinator) }</dt><dd>{ if coordinates.is_empty() { "-".to_string() } else { coordinates.join(", ") } }</dd>
                    </dl>
                </>
            }
        }
        Some(Selection::Member(m)) => {
            let found = sim
                .groups()
                .iter()
                .find_map(|g| g.members.iter().find(|x| x.id == *m).map(|x| (g, x)));
            let Some((g, member)) = found else {
                return Html::default();
            };
            html! {
                <>
                    <h3>{ format!("{} · {} {}", member.name, t(L::Group), g.config.group_id) }</h3>
                    <dl class="facts" data-testid="member-facts">
                        <dt>{ t(L::Owns) }</dt>
                        <dd>{ member.assigned.iter().map(|p| format!("p{p}")).collect::<Vec<_>>().join(", ") }</dd>
                        <dt>{ t(L::FactPositions) }</dt>
                        <dd>{ member.positions.iter().map(|(p, o)| format!("p{p}@{o}")).collect::<Vec<_>>().join(" ") }</dd>
                        <dt>{ t(L::FactConsumed) }</dt><dd>{ member.consumed }</dd>
                        <dt>{ t(L::FactBuffered) }</dt><dd>{ member.buffer.len() }</dd>
                    </dl>
                </>
            }
        }
    };
    html! {
        <section class="panel inspector" aria-labelledby="inspector-h" data-testid="inspector">
            <div class="panel-head">
                <h2 id="inspector-h">{ t(L::Inspector) }</h2>
                if selection.is_some() {
                    <button onclick={close} data-testid="close-inspector">{ t(L::Close) }</button>
                }
            </div>
            { body }
        </section>
    }
}
