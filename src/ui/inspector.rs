//! The inspector: what was clicked in the picture, in detail. A record shows
//! its whole life (replayed from the history); a partition replica, a broker
//! or a consumer shows its state.

use yew::prelude::*;

use super::app::Action;
use super::broker_panel::broker_state;
use super::event_text::event_text;
use super::i18n::work::story_cut;
use super::i18n::{format_time, record_summary, Lang, Texts};
use super::metadata_panel::partition_status;
use crate::engine::{BrokerId, MemberId, RecordId, Sim, TopicPartition};
use crate::story::{StoryLine, StoryStep};
use crate::timeline::Story;

/// What is selected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selection {
    /// A record, with its creation time (where its story starts).
    Record {
        /// The record.
        id: RecordId,
        /// Its CreateTime, simulated ms.
        created_at_ms: u64,
    },
    /// One replica of a partition.
    Partition(TopicPartition, BrokerId),
    /// A broker.
    Broker(BrokerId),
    /// A consumer group member.
    Member(MemberId),
}

fn story_line_text(sim: &Sim, line: &StoryLine, lang: Lang) -> String {
    if lang == Lang::En {
        return line.text_en(sim);
    }
    match &line.step {
        StoryStep::Event(e) => event_text(sim, e, lang),
        StoryStep::JoinedBatch(b) => format!("프로듀서의 어큐뮬레이터에서 배치 {b}에 들어감"),
        StoryStep::Appended {
            broker,
            tp,
            offset,
            leader_epoch,
        } => format!(
            "{broker} (리더, 에포크 {leader_epoch})가 {}의 오프셋 {offset}에 기록",
            sim.tp_name(*tp)
        ),
        StoryStep::Copied(b) => format!("{b} (팔로워)가 복사"),
        StoryStep::Committed {
            broker,
            high_watermark,
        } => format!(
            "{broker} (리더)의 하이 워터마크가 이 레코드를 지남 ({high_watermark}): 커밋됨, 컨슈머가 읽을 수 있음"
        ),
        StoryStep::GroupCommitted { group, offset } => format!(
            "그룹 {}가 오프셋 {offset} 커밋: 그룹 입장에서 이 레코드는 처리 완료",
            sim.group_name(*group)
        ),
        StoryStep::Truncated(b) => format!("{b}가 로그를 잘라내며 이 레코드를 버림"),
        StoryStep::Lost(e) => event_text(sim, e, lang),
    }
}

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
    let t: &Texts = lang.texts();
    let close = on_action.reform(|_: MouseEvent| Action::Select(None));
    let body = match selection {
        None => html! { <p class="hint">{ t.inspector_hint }</p> },
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
                    <h3>{ format!("{} {id}", t.record_story) }</h3>
                    if let Some((tp, e)) = entry {
                        <p data-testid="record-summary">
                            { record_summary(
                                lang,
                                &sim.tp_name(tp),
                                e.offset,
                                &e.record.key.as_deref().map_or("null".to_string(), |k| format!("\"{k}\"")),
                                &crate::text::en_words::value_text(&e.record),
                                e.size_bytes
                            ) }
                        </p>
                    }
                    <ol class="story" data-testid="record-story">
                        { for story.lines.iter().map(|line| html! {
                            <li class={classes!(matches!(line.step, StoryStep::Lost(_)).then_some("lost-line"))}>
                                <time>{ format_time(line.at_ms) }</time>
                                { " " }
                                <span>{ story_line_text(sim, line, lang) }</span>
                            </li>
                        }) }
                    </ol>
                    if let Some(at_ms) = story.cut_at_ms {
                        <p class="hint" data-testid="story-cut">{ story_cut(lang, at_ms) }</p>
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
                t.leader
            } else {
                t.follower
            };
            html! {
                <>
                    <h3>{ format!("{} · {broker} ({role})", sim.tp_name(*tp)) }</h3>
                    <dl class="facts" data-testid="partition-facts">
                        <dt>{ t.partition_facts[0] }</dt>
                        <dd>{ format!("{} / {}", part.leader.map_or(t.none.to_string(), |b| b.to_string()), part.leader_epoch) }</dd>
                        <dt>{ t.partition_facts[1] }</dt>
                        <dd>{ format!("[{}] / [{}]", ids(&part.replicas), ids(&part.isr)) }</dd>
                        <dt>{ t.metadata_columns[5] }</dt>
                        <dd>{ partition_status(sim, part, t) }</dd>
                        if let Some(log) = log {
                            <dt>{ t.partition_facts[2] }</dt>
                            <dd>{ format!("{} / {} / {}", log.log_start_offset(), log.high_watermark(), log.log_end_offset()) }</dd>
                            <dt>{ t.partition_facts[3] }</dt>
                            <dd>{ format!("{} / {}", log.size_bytes(), log.record_count()) }</dd>
                            <dt>{ t.partition_facts[4] }</dt>
                            <dd>{ log.epoch_starts().iter().map(|(e, s)| format!("{e}@{s}")).collect::<Vec<_>>().join(" ") }</dd>
                        }
                        { for sim.groups().iter().filter(|g| g.topic == tp.topic).map(|g| html! {
                            <>
                                <dt>{ format!("{} {}", t.group, g.config.group_id) }</dt>
                                <dd>{ format!(
                                    "{} {} · {} {}",
                                    t.committed,
                                    g.committed.get(&tp.partition).map_or("-".to_string(), |c| c.to_string()),
                                    t.lag,
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
                    <h3>{ format!("{} {}", t.broker, b.0) }</h3>
                    <dl class="facts" data-testid="broker-facts">
                        <dt>{ t.metadata_columns[5] }</dt><dd>{ broker_state(sim, *b, t) }</dd>
                        <dt>{ t.leader }</dt><dd>{ if leads.is_empty() { "-".to_string() } else { leads.join(", ") } }</dd>
                        <dt>{ t.follower }</dt><dd>{ if follows.is_empty() { "-".to_string() } else { follows.join(", ") } }</dd>
                        <dt>{ t.group_coordinator }</dt><dd>{ if coordinates.is_empty() { "-".to_string() } else { coordinates.join(", ") } }</dd>
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
                    <h3>{ format!("{} · {} {}", member.name, t.group, g.config.group_id) }</h3>
                    <dl class="facts" data-testid="member-facts">
                        <dt>{ t.owns }</dt>
                        <dd>{ member.assigned.iter().map(|p| format!("p{p}")).collect::<Vec<_>>().join(", ") }</dd>
                        <dt>{ t.member_facts[0] }</dt>
                        <dd>{ member.positions.iter().map(|(p, o)| format!("p{p}@{o}")).collect::<Vec<_>>().join(" ") }</dd>
                        <dt>{ t.member_facts[1] }</dt><dd>{ member.consumed }</dd>
                        <dt>{ t.member_facts[2] }</dt><dd>{ member.buffer.len() }</dd>
                    </dl>
                </>
            }
        }
    };
    html! {
        <section class="panel inspector" aria-labelledby="inspector-h" data-testid="inspector">
            <div class="panel-head">
                <h2 id="inspector-h">{ t.inspector }</h2>
                if selection.is_some() {
                    <button onclick={close} data-testid="close-inspector">{ t.close }</button>
                }
            </div>
            { body }
        </section>
    }
}
