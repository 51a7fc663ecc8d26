//! Retention, segments and compaction controls: every topic's log settings
//! in force with Kafka's defaults beside them, fields to change them (each
//! change is an `AlterTopicConfig` command the engine may refuse in Kafka's
//! words), the brokers' retention check interval, a tombstone sender for
//! compacted topics, teaching presets, and the consumers' offset resets.

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::engine::config::{
    DEFAULT_DELETE_RETENTION_MS, DEFAULT_LOG_RETENTION_CHECK_INTERVAL_MS,
    DEFAULT_MIN_CLEANABLE_DIRTY_RATIO, DEFAULT_RETENTION_MS, DEFAULT_SEGMENT_BYTES,
    DEFAULT_SEGMENT_MS,
};
use crate::engine::refusal::{KafkaType, ValueProblem};
use crate::engine::retention::{offset_reset_name, topic_config_value, OffsetResetNote};
use crate::engine::scenarios::{
    retention_scenario, teaching_log_config, TEACHING_RETENTION_CHECK_INTERVAL_MS,
};
use crate::engine::validate::invalid_value;
use crate::engine::{CleanupPolicy, Command, ProducerId, Sim, TopicIdx};
use crate::text::line_retention::{bytes, duration};
use crate::text::{Lang, Problem, RetentionLabel as L, RetentionLine, Say};
use crate::ui::state::action::Action;

/// The topic configs the panel shows, in its order, with what each does.
pub const CONFIG_ROWS: [(&str, L); 7] = [
    ("retention.ms", L::HintRetentionMs),
    ("retention.bytes", L::HintRetentionBytes),
    ("segment.bytes", L::HintSegmentBytes),
    ("segment.ms", L::HintSegmentMs),
    ("cleanup.policy", L::HintCleanupPolicy),
    ("delete.retention.ms", L::HintDeleteRetentionMs),
    ("min.cleanable.dirty.ratio", L::HintMinCleanableDirtyRatio),
];

/// One topic config: its name, Kafka's default in words, and what it does.
struct Row {
    name: &'static str,
    default: String,
    hint: &'static str,
}

/// Kafka's default of a topic config of [`CONFIG_ROWS`], in words.
fn default_words(lang: Lang, name: &str) -> String {
    match name {
        "retention.ms" => RetentionLine::Millis(DEFAULT_RETENTION_MS).say(lang),
        "retention.bytes" => L::NoLimit.say(lang).to_string(),
        "segment.bytes" => RetentionLine::Bytes(DEFAULT_SEGMENT_BYTES).say(lang),
        "segment.ms" => RetentionLine::Millis(DEFAULT_SEGMENT_MS).say(lang),
        "cleanup.policy" => "delete".to_string(),
        "delete.retention.ms" => RetentionLine::Millis(DEFAULT_DELETE_RETENTION_MS).say(lang),
        "min.cleanable.dirty.ratio" => DEFAULT_MIN_CLEANABLE_DIRTY_RATIO.to_string(),
        _ => String::new(),
    }
}

fn rows(lang: Lang) -> Vec<Row> {
    CONFIG_ROWS
        .iter()
        .map(|(name, hint)| Row {
            name,
            default: default_words(lang, name),
            hint: hint.say(lang),
        })
        .collect()
}

fn alter(on_action: &Callback<Action>, topic: TopicIdx, name: &'static str) -> Callback<Event> {
    let on_action = on_action.clone();
    Callback::from(move |e: Event| {
        let value = e
            .target()
            .and_then(|t| {
                t.clone()
                    .dyn_into::<HtmlInputElement>()
                    .map(|i| i.value())
                    .or_else(|_| t.dyn_into::<HtmlSelectElement>().map(|s| s.value()))
                    .ok()
            })
            .unwrap_or_default();
        on_action.emit(Action::Engine(Command::AlterTopicConfig {
            topic,
            name: name.to_string(),
            value,
        }));
    })
}

/// The commands that put teaching values on every topic and broker.
fn teaching_commands(sim: &Sim) -> Vec<Command> {
    let t = teaching_log_config();
    let mut out = Vec::new();
    for topic in sim.topics() {
        for name in [
            "retention.ms",
            "retention.bytes",
            "segment.bytes",
            "segment.ms",
        ] {
            out.push(Command::AlterTopicConfig {
                topic: topic.idx,
                name: name.to_string(),
                value: topic_config_value(&t, name),
            });
        }
    }
    out.push(Command::SetRetentionCheckInterval {
        interval_ms: TEACHING_RETENTION_CHECK_INTERVAL_MS,
    });
    out
}

/// A consumer's offset reset in words, for the note under the picture.
#[must_use]
pub fn reset_words(sim: &Sim, note: &OffsetResetNote, lang: Lang) -> String {
    RetentionLine::Reset {
        at_ms: note.at_ms,
        member: sim.member_name(note.member),
        group: sim.group_name(note.group),
        tp: sim.tp_name(note.tp),
        from: note.from_offset,
        to: note.to_offset,
        policy: note.policy,
        log_start: note.log_start_offset,
        skipped: note.skipped(),
        deleted: note.deleted(),
    }
    .say(lang)
}

/// The note under the picture: the most recent offset resets.
pub fn reset_notes(sim: &Sim, lang: Lang) -> Html {
    let notes: Vec<&OffsetResetNote> = sim.offset_resets().rev().take(3).collect();
    if notes.is_empty() {
        return Html::default();
    }
    html! {
        <section class="reset-notes" data-testid="offset-resets" aria-live="polite" aria-label={L::ResetsLabel.say(lang)}>
            { for notes.iter().map(|n| html! {
                <p class="reset-note" data-testid="offset-reset" data-policy={offset_reset_name(n.policy)}
                    data-from={n.from_offset.to_string()} data-to={n.to_offset.map_or("none".to_string(), |t| t.to_string())}>
                    <strong>{ L::OffsetReset.say(lang) }</strong>{ reset_words(sim, n, lang) }
                </p>
            }) }
        </section>
    }
}

/// The retention panel.
pub fn retention_panel(sim: &Sim, lang: Lang, on_action: &Callback<Action>) -> Html {
    let t = |label: L| label.say(lang);
    let teaching = {
        let on_action = on_action.clone();
        let commands = teaching_commands(sim);
        Callback::from(move |_: MouseEvent| {
            for c in &commands {
                on_action.emit(Action::Engine(c.clone()));
            }
        })
    };
    let open_scene = on_action.reform(|_: MouseEvent| Action::Load(Box::new(retention_scenario())));
    let interval = sim.config().log_retention_check_interval_ms;
    let on_interval = {
        let on_action = on_action.clone();
        Callback::from(move |e: Event| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            match text.trim().parse::<u64>() {
                Ok(interval_ms) => {
                    on_action.emit(Action::Engine(Command::SetRetentionCheckInterval {
                        interval_ms,
                    }))
                }
                Err(_) => on_action.emit(Action::Refuse(Problem::Refusal(invalid_value(
                    &text,
                    "log.retention.check.interval.ms",
                    ValueProblem::NotANumber(KafkaType::Long),
                )))),
            }
        })
    };
    let compacting = sim
        .topics()
        .iter()
        .any(|t| t.log_config.cleanup_policy.compacts());
    let tombstone = {
        let on_action = on_action.clone();
        Callback::from(move |_: MouseEvent| {
            let key = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("tombstone-key"))
                .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
                .map(|i| i.value())
                .unwrap_or_default();
            on_action.emit(Action::Engine(Command::ProduceTombstone {
                producer: ProducerId(0),
                key,
            }));
        })
    };
    html! {
        <section class="panel retention-panel" aria-labelledby="retention-h" data-testid="retention-panel">
            <h2 id="retention-h">{ t(L::Heading) }</h2>
            <p class="hint" data-testid="retention-intro">{ t(L::Intro) }</p>
            <div class="buttons">
                <button data-testid="teaching-values" onclick={teaching}
                    title={t(L::TeachingTitle)}>
                    { t(L::Teaching) }
                </button>
                <button data-testid="open-retention-scene" onclick={open_scene}
                    title={t(L::OpenSceneTitle)}>
                    { t(L::OpenScene) }
                </button>
            </div>
            { for sim.topics().iter().map(|topic| {
                let config = topic.log_config;
                let leader_stats: Vec<String> = topic.partitions.iter().filter_map(|p| {
                    let log = p.leader_log()?;
                    let cleaned_below = (config.cleanup_policy.compacts() && log.cleaner_checkpoint() > 0)
                        .then(|| log.cleaner_checkpoint());
                    Some(RetentionLine::LeaderStat {
                        tp: sim.tp_name(p.tp),
                        segments: log.segments().len(),
                        bytes: log.size_bytes(),
                        records: log.record_count(),
                        log_start: log.log_start_offset(),
                        cleaned_below,
                    }.say(lang))
                }).collect();
                html! {
                    <div class="topic-retention" data-testid="topic-retention" data-topic={topic.name.clone()}>
                        <h3>{ RetentionLine::TopicHeading { topic: topic.name.clone() }.say(lang) }</h3>
                        <p class="hint" data-testid="leader-logs">{ RetentionLine::OnLeaders { stats: leader_stats.join(" · ") }.say(lang) }</p>
                        <div class="table-wrap">
                            <table data-testid="retention-config">
                                <thead><tr>
                                    { for [L::ColConfig, L::ColInForce, L::ColDefault, L::ColChange].iter().map(|c| html! { <th scope="col">{ t(*c) }</th> }) }
                                </tr></thead>
                                <tbody>
                                    { for rows(lang).into_iter().map(|row| {
                                        let value = topic_config_value(&config, row.name);
                                        let words = match row.name {
                                            "retention.ms" | "segment.ms" | "delete.retention.ms" => value.parse::<u64>().map(|ms| duration(lang, ms)).ok(),
                                            "retention.bytes" | "segment.bytes" => value.parse::<u64>().map(bytes).ok(),
                                            _ => None,
                                        };
                                        let shown = match words {
                                            Some(w) if w != value && !w.ends_with(" ms") && !w.ends_with(" B") => format!("{value} ({w})"),
                                            _ if value == "-1" => t(L::NoLimit).to_string(),
                                            _ => value.clone(),
                                        };
                                        let input_id = format!("cfg-{}-{}", topic.idx.0, row.name.replace('.', "-"));
                                        html! {
                                            <tr data-testid="config-row" data-config={row.name}>
                                                <th scope="row"><label for={input_id.clone()} title={row.hint}>{ row.name }</label></th>
                                                <td data-testid="in-force" data-label={t(L::ColInForce)}>{ shown }</td>
                                                <td class="muted" data-label={t(L::ColDefault)}>{ row.default }</td>
                                                <td data-label={t(L::ColChange)}>
                                                    if row.name == "cleanup.policy" {
                                                        <select id={input_id} data-testid="cleanup-policy" onchange={alter(on_action, topic.idx, row.name)}>
                                                            { for CleanupPolicy::ALL.iter().map(|p| html! {
                                                                <option value={p.as_config()} selected={*p == config.cleanup_policy}>{ p.as_config() }</option>
                                                            }) }
                                                        </select>
                                                    } else {
                                                        <input id={input_id} type="text" inputmode="decimal" size="10"
                                                            data-testid={format!("set-{}", row.name)}
                                                            value={value} onchange={alter(on_action, topic.idx, row.name)} />
                                                    }
                                                </td>
                                            </tr>
                                        }
                                    }) }
                                </tbody>
                            </table>
                        </div>
                    </div>
                }
            }) }
            <p class="field">
                <label for="retention-check-interval">{ t(L::IntervalLabel) }</label>
                <input id="retention-check-interval" data-testid="set-check-interval" type="text" inputmode="numeric" size="8"
                    value={interval.to_string()} onchange={on_interval} />
                <span class="muted" data-testid="check-interval-in-force">
                    { RetentionLine::IntervalInForce { interval_ms: interval, default_ms: DEFAULT_LOG_RETENTION_CHECK_INTERVAL_MS }.say(lang) }
                </span>
            </p>
            if compacting && !sim.producers().is_empty() {
                <p class="field">
                    <label for="tombstone-key">{ t(L::TombstoneKey) }</label>
                    <input id="tombstone-key" data-testid="tombstone-key" type="text" size="8" />
                    <button data-testid="send-tombstone" onclick={tombstone}>{ t(L::SendTombstone) }</button>
                    <span class="muted">{ RetentionLine::TombstoneNote { producer: sim.producer_name(ProducerId(0)) }.say(lang) }</span>
                </p>
            }
            <p class="hint">{ t(L::ResetHint) }</p>
            <ul class="resets" data-testid="reset-list">
                { for sim.offset_resets().rev().map(|n| html! { <li>{ reset_words(sim, n, lang) }</li> }) }
            </ul>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_config_row_has_a_default_in_both_languages() {
        for lang in Lang::ALL {
            let rows = rows(lang);
            assert_eq!(rows.len(), CONFIG_ROWS.len());
            assert!(rows
                .iter()
                .all(|r| !r.default.is_empty() && !r.hint.is_empty()));
        }
        assert_eq!(default_words(Lang::Ko, "retention.ms"), "604800000 (7일)");
        assert_eq!(
            default_words(Lang::En, "retention.ms"),
            "604800000 (7 days)"
        );
    }
}
