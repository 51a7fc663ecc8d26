//! Retention, segments and compaction controls: every topic's log settings
//! in force with Kafka's defaults beside them, fields to change them (each
//! change is an `AlterTopicConfig` command the engine may refuse in Kafka's
//! words), the brokers' retention check interval, a tombstone sender for
//! compacted topics, teaching presets, and the consumers' offset resets.

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::app::Action;
use super::i18n::retention::{self as tx, duration_words, CONFIG_NAMES};
use super::i18n::Lang;
use crate::engine::config::{
    DEFAULT_DELETE_RETENTION_MS, DEFAULT_LOG_RETENTION_CHECK_INTERVAL_MS,
    DEFAULT_MIN_CLEANABLE_DIRTY_RATIO, DEFAULT_RETENTION_MS, DEFAULT_SEGMENT_BYTES,
    DEFAULT_SEGMENT_MS,
};
use crate::engine::retention::{offset_reset_name, topic_config_value, OffsetResetNote};
use crate::engine::scenarios::{
    retention_scenario, teaching_log_config, TEACHING_RETENTION_CHECK_INTERVAL_MS,
};
use crate::engine::{CleanupPolicy, Command, ProducerId, Sim, TopicIdx};

/// A size in words: `1073741824` → `1 GiB`.
#[must_use]
pub fn bytes_words(bytes: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")];
    for (unit, name) in UNITS {
        if bytes >= unit && bytes % unit == 0 {
            return format!("{} {name}", bytes / unit);
        }
    }
    format!("{bytes} B")
}

/// One topic config: its name, Kafka's default in words, and what it does.
struct Row {
    name: &'static str,
    default: String,
    hint: &'static str,
}

/// Kafka's default of a topic config of [`CONFIG_NAMES`], in words.
fn default_words(lang: Lang, name: &str) -> String {
    let t = &lang.texts().retention;
    match name {
        "retention.ms" => format!(
            "{DEFAULT_RETENTION_MS} ({})",
            duration_words(lang, DEFAULT_RETENTION_MS)
        ),
        "retention.bytes" => t.no_limit.to_string(),
        "segment.bytes" => format!(
            "{DEFAULT_SEGMENT_BYTES} ({})",
            bytes_words(DEFAULT_SEGMENT_BYTES)
        ),
        "segment.ms" => format!(
            "{DEFAULT_SEGMENT_MS} ({})",
            duration_words(lang, DEFAULT_SEGMENT_MS)
        ),
        "cleanup.policy" => "delete".to_string(),
        "delete.retention.ms" => format!(
            "{DEFAULT_DELETE_RETENTION_MS} ({})",
            duration_words(lang, DEFAULT_DELETE_RETENTION_MS)
        ),
        "min.cleanable.dirty.ratio" => DEFAULT_MIN_CLEANABLE_DIRTY_RATIO.to_string(),
        _ => String::new(),
    }
}

fn rows(lang: Lang) -> Vec<Row> {
    let t = &lang.texts().retention;
    CONFIG_NAMES
        .iter()
        .zip(t.hints)
        .map(|(name, hint)| Row {
            name,
            default: default_words(lang, name),
            hint,
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
    tx::reset_words(
        lang,
        note,
        &sim.group_name(note.group),
        &sim.tp_name(note.tp),
    )
}

/// The note under the picture: the most recent offset resets.
pub fn reset_notes(sim: &Sim, lang: Lang) -> Html {
    let t = &lang.texts().retention;
    let notes: Vec<&OffsetResetNote> = sim.offset_resets().rev().take(3).collect();
    if notes.is_empty() {
        return Html::default();
    }
    html! {
        <section class="reset-notes" data-testid="offset-resets" aria-live="polite" aria-label={t.resets_label}>
            { for notes.iter().map(|n| html! {
                <p class="reset-note" data-testid="offset-reset" data-policy={offset_reset_name(n.policy)}
                    data-from={n.from_offset.to_string()} data-to={n.to_offset.map_or("none".to_string(), |t| t.to_string())}>
                    <strong>{ t.offset_reset }</strong>{ reset_words(sim, n, lang) }
                </p>
            }) }
        </section>
    }
}

/// The retention panel.
pub fn retention_panel(sim: &Sim, lang: Lang, on_action: &Callback<Action>) -> Html {
    let t = &lang.texts().retention;
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
                Ok(interval_ms) => on_action.emit(Action::Engine(
                    Command::SetRetentionCheckInterval { interval_ms },
                )),
                Err(_) => on_action.emit(Action::Refuse(format!(
                    "INVALID_CONFIG: Invalid value {text} for configuration log.retention.check.interval.ms: Not a number of type LONG"
                ))),
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
            <h2 id="retention-h">{ t.heading }</h2>
            <p class="hint" data-testid="retention-intro">{ t.intro }</p>
            <div class="buttons">
                <button data-testid="teaching-values" onclick={teaching}
                    title={t.teaching_title}>
                    { t.teaching }
                </button>
                <button data-testid="open-retention-scene" onclick={open_scene}
                    title={t.open_scene_title}>
                    { t.open_scene }
                </button>
            </div>
            { for sim.topics().iter().map(|topic| {
                let config = topic.log_config;
                let leader_stats: Vec<String> = topic.partitions.iter().filter_map(|p| {
                    let log = p.leader_log()?;
                    let cleaned = if config.cleanup_policy.compacts() && log.cleaner_checkpoint() > 0 {
                        tx::cleaned_below(lang, log.cleaner_checkpoint())
                    } else {
                        String::new()
                    };
                    let stat = tx::leader_stat(lang, &sim.tp_name(p.tp), log.segments().len(), &bytes_words(log.size_bytes()), log.record_count() as usize, log.log_start_offset());
                    Some(format!("{stat}{cleaned}"))
                }).collect();
                html! {
                    <div class="topic-retention" data-testid="topic-retention" data-topic={topic.name.clone()}>
                        <h3>{ tx::topic_heading(lang, &topic.name) }</h3>
                        <p class="hint" data-testid="leader-logs">{ tx::on_leaders(lang, &leader_stats.join(" · ")) }</p>
                        <div class="table-wrap">
                            <table data-testid="retention-config">
                                <thead><tr>
                                    { for t.columns.iter().map(|c| html! { <th scope="col">{ *c }</th> }) }
                                </tr></thead>
                                <tbody>
                                    { for rows(lang).into_iter().map(|row| {
                                        let value = topic_config_value(&config, row.name);
                                        let words = match row.name {
                                            "retention.ms" | "segment.ms" | "delete.retention.ms" => value.parse::<u64>().map(|ms| duration_words(lang, ms)).ok(),
                                            "retention.bytes" | "segment.bytes" => value.parse::<u64>().map(bytes_words).ok(),
                                            _ => None,
                                        };
                                        let shown = match words {
                                            Some(w) if w != value && !w.ends_with(" ms") && !w.ends_with(" B") => format!("{value} ({w})"),
                                            _ if value == "-1" => t.no_limit.to_string(),
                                            _ => value.clone(),
                                        };
                                        let input_id = format!("cfg-{}-{}", topic.idx.0, row.name.replace('.', "-"));
                                        html! {
                                            <tr data-testid="config-row" data-config={row.name}>
                                                <th scope="row"><label for={input_id.clone()} title={row.hint}>{ row.name }</label></th>
                                                <td data-testid="in-force" data-label={t.columns[1]}>{ shown }</td>
                                                <td class="muted" data-label={t.columns[2]}>{ row.default }</td>
                                                <td data-label={t.columns[3]}>
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
                <label for="retention-check-interval">{ t.interval_label }</label>
                <input id="retention-check-interval" data-testid="set-check-interval" type="text" inputmode="numeric" size="8"
                    value={interval.to_string()} onchange={on_interval} />
                <span class="muted" data-testid="check-interval-in-force">
                    { tx::interval_in_force(lang, interval, DEFAULT_LOG_RETENTION_CHECK_INTERVAL_MS) }
                </span>
            </p>
            if compacting && !sim.producers().is_empty() {
                <p class="field">
                    <label for="tombstone-key">{ t.tombstone_key }</label>
                    <input id="tombstone-key" data-testid="tombstone-key" type="text" size="8" />
                    <button data-testid="send-tombstone" onclick={tombstone}>{ t.send_tombstone }</button>
                    <span class="muted">{ tx::tombstone_note(lang, &sim.producers()[0].config.name) }</span>
                </p>
            }
            <p class="hint">{ t.reset_hint }</p>
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
    fn sizes_in_words() {
        assert_eq!(bytes_words(1 << 30), "1 GiB");
        assert_eq!(bytes_words(1_500), "1500 B");
    }

    #[test]
    fn every_config_row_has_a_default_in_both_languages() {
        for lang in [Lang::En, Lang::Ko] {
            let rows = rows(lang);
            assert_eq!(rows.len(), CONFIG_NAMES.len());
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
