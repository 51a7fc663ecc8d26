//! Retention, segments and compaction controls: every topic's log settings
//! in force with Kafka's defaults beside them, fields to change them (each
//! change is an `AlterTopicConfig` command the engine may refuse in Kafka's
//! words), the brokers' retention check interval, a tombstone sender for
//! compacted topics, teaching presets, and the consumers' offset resets.

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::app::Action;
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

/// A duration in words: `604800000` → `7 days`.
#[must_use]
pub fn duration_words(ms: u64) -> String {
    const UNITS: [(u64, &str); 4] = [
        (86_400_000, "day"),
        (3_600_000, "hour"),
        (60_000, "min"),
        (1_000, "s"),
    ];
    for (unit, name) in UNITS {
        if ms >= unit && ms % unit == 0 {
            let n = ms / unit;
            let plural = if n > 1 && (name == "day" || name == "hour") {
                "s"
            } else {
                ""
            };
            return format!("{n} {name}{plural}");
        }
    }
    format!("{ms} ms")
}

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

fn rows() -> Vec<Row> {
    vec![
        Row {
            name: "retention.ms",
            default: format!("{DEFAULT_RETENTION_MS} ({})", duration_words(DEFAULT_RETENTION_MS)),
            hint: "a segment goes once its newest record is older (-1: no limit)",
        },
        Row {
            name: "retention.bytes",
            default: "-1 (no limit)".to_string(),
            hint: "per partition replica; the log may stay up to one segment above (-1: no limit)",
        },
        Row {
            name: "segment.bytes",
            default: format!("{DEFAULT_SEGMENT_BYTES} ({})", bytes_words(DEFAULT_SEGMENT_BYTES)),
            hint: "a new segment starts when a batch would pass it (Kafka 4 needs at least 1 MiB; the simulator takes 14 B and up, as Kafka 3 did)",
        },
        Row {
            name: "segment.ms",
            default: format!("{DEFAULT_SEGMENT_MS} ({})", duration_words(DEFAULT_SEGMENT_MS)),
            hint: "a new segment starts when a batch comes this long after the segment's first",
        },
        Row {
            name: "cleanup.policy",
            default: "delete".to_string(),
            hint: "delete: retention; compact: keep the latest value per key",
        },
        Row {
            name: "delete.retention.ms",
            default: format!(
                "{DEFAULT_DELETE_RETENTION_MS} ({})",
                duration_words(DEFAULT_DELETE_RETENTION_MS)
            ),
            hint: "how long the cleaner keeps a tombstone",
        },
        Row {
            name: "min.cleanable.dirty.ratio",
            default: DEFAULT_MIN_CLEANABLE_DIRTY_RATIO.to_string(),
            hint: "the cleaner compacts once this share of the log is not yet cleaned",
        },
    ]
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
pub fn reset_words(sim: &Sim, note: &OffsetResetNote) -> String {
    let who = format!(
        "consumer-{} (group {})",
        note.member.0,
        sim.group_name(note.group)
    );
    let tp = sim.tp_name(note.tp);
    let at = format!("{}.{:03} s", note.at_ms / 1000, note.at_ms % 1000);
    match note.to_offset {
        None => format!(
            "{at}: {who} fell off {tp}: position {} is below the log start offset {}; auto.offset.reset=none, so the error went to the application and it stopped reading {tp}.",
            note.from_offset, note.log_start_offset
        ),
        Some(to) if to >= note.from_offset => format!(
            "{at}: {who} fell off {tp}: position {} was below the log start offset {} (OFFSET_OUT_OF_RANGE). auto.offset.reset={} moved it to {to}: it skipped offsets {}..{} ({} record offset(s), {} deleted by retention before it read them).",
            note.from_offset,
            note.log_start_offset,
            offset_reset_name(note.policy),
            note.from_offset,
            to.saturating_sub(1),
            note.skipped(),
            note.deleted()
        ),
        Some(to) => format!(
            "{at}: {who}'s position {} on {tp} was past the log end (OFFSET_OUT_OF_RANGE). auto.offset.reset={} moved it back to {to}.",
            note.from_offset,
            offset_reset_name(note.policy)
        ),
    }
}

/// The note under the picture: the most recent offset resets.
pub fn reset_notes(sim: &Sim) -> Html {
    let notes: Vec<&OffsetResetNote> = sim.offset_resets().rev().take(3).collect();
    if notes.is_empty() {
        return Html::default();
    }
    html! {
        <section class="reset-notes" data-testid="offset-resets" aria-live="polite" aria-label="Consumer offset resets">
            { for notes.iter().map(|n| html! {
                <p class="reset-note" data-testid="offset-reset" data-policy={offset_reset_name(n.policy)}
                    data-from={n.from_offset.to_string()} data-to={n.to_offset.map_or("none".to_string(), |t| t.to_string())}>
                    <strong>{ "⟲ Offset reset · " }</strong>{ reset_words(sim, n) }
                </p>
            }) }
        </section>
    }
}

/// The retention panel.
pub fn retention_panel(sim: &Sim, on_action: &Callback<Action>) -> Html {
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
            <h2 id="retention-h">{ "Retention, segments, compaction" }</h2>
            <p class="hint">
                { "Each partition replica's log is a list of segments; the last is the active one. Every broker checks its own logs every log.retention.check.interval.ms and deletes whole segments, oldest first, never past the high watermark; the log start offset moves to the first kept segment. Reading deletes nothing." }
            </p>
            <div class="buttons">
                <button data-testid="teaching-values" onclick={teaching}
                    title="Small values so that segments roll and retention deletes within seconds">
                    { "Use teaching values" }
                </button>
                <button data-testid="open-retention-scene" onclick={open_scene}
                    title="A slow consumer group falls off the log start and resets">
                    { "Open the retention scene" }
                </button>
            </div>
            { for sim.topics().iter().map(|topic| {
                let config = topic.log_config;
                let leader_stats: Vec<String> = topic.partitions.iter().filter_map(|p| {
                    let log = p.leader_log()?;
                    let cleaned = if config.cleanup_policy.compacts() && log.cleaner_checkpoint() > 0 {
                        format!(", cleaned below offset {}", log.cleaner_checkpoint())
                    } else {
                        String::new()
                    };
                    Some(format!("{}: {} segment(s), {}, {} record(s) held, log start {}{cleaned}", sim.tp_name(p.tp), log.segments().len(), bytes_words(log.size_bytes()), log.entries().len(), log.log_start_offset()))
                }).collect();
                html! {
                    <div class="topic-retention" data-testid="topic-retention" data-topic={topic.name.clone()}>
                        <h3>{ format!("Topic {}", topic.name) }</h3>
                        <p class="hint" data-testid="leader-logs">{ format!("On the leaders: {}", leader_stats.join(" · ")) }</p>
                        <div class="table-wrap">
                            <table data-testid="retention-config">
                                <thead><tr>
                                    <th scope="col">{ "Config" }</th>
                                    <th scope="col">{ "In force" }</th>
                                    <th scope="col">{ "Kafka's default" }</th>
                                    <th scope="col">{ "Change" }</th>
                                </tr></thead>
                                <tbody>
                                    { for rows().into_iter().map(|row| {
                                        let value = topic_config_value(&config, row.name);
                                        let words = match row.name {
                                            "retention.ms" | "segment.ms" | "delete.retention.ms" => value.parse::<u64>().map(duration_words).ok(),
                                            "retention.bytes" | "segment.bytes" => value.parse::<u64>().map(bytes_words).ok(),
                                            _ => None,
                                        };
                                        let shown = match words {
                                            Some(w) if w != value && !w.ends_with(" ms") && !w.ends_with(" B") => format!("{value} ({w})"),
                                            _ if value == "-1" => "-1 (no limit)".to_string(),
                                            _ => value.clone(),
                                        };
                                        let input_id = format!("cfg-{}-{}", topic.idx.0, row.name.replace('.', "-"));
                                        html! {
                                            <tr data-testid="config-row" data-config={row.name}>
                                                <th scope="row"><label for={input_id.clone()} title={row.hint}>{ row.name }</label></th>
                                                <td data-testid="in-force" data-label="in force">{ shown }</td>
                                                <td class="muted" data-label="Kafka's default">{ row.default }</td>
                                                <td data-label="change">
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
                <label for="retention-check-interval">{ "log.retention.check.interval.ms (every broker) " }</label>
                <input id="retention-check-interval" data-testid="set-check-interval" type="text" inputmode="numeric" size="8"
                    value={interval.to_string()} onchange={on_interval} />
                <span class="muted" data-testid="check-interval-in-force">
                    { format!(" in force {interval} ({}); Kafka's default {DEFAULT_LOG_RETENTION_CHECK_INTERVAL_MS} ({}). A static broker setting in Kafka (changed by a restart); here it applies at once.",
                        duration_words(interval), duration_words(DEFAULT_LOG_RETENTION_CHECK_INTERVAL_MS)) }
                </span>
            </p>
            if compacting && !sim.producers().is_empty() {
                <p class="field">
                    <label for="tombstone-key">{ "Tombstone key " }</label>
                    <input id="tombstone-key" data-testid="tombstone-key" type="text" size="8" />
                    <button data-testid="send-tombstone" onclick={tombstone}>{ "Send a tombstone (null value)" }</button>
                    <span class="muted">{ format!(" from {}; the log cleaner runs every 15 s (log.cleaner.backoff.ms) and keeps the latest value of each key outside the active segment.", sim.producers()[0].config.name) }</span>
                </p>
            }
            <p class="hint">
                { "A consumer whose position falls below the log start offset gets OFFSET_OUT_OF_RANGE and applies auto.offset.reset: earliest → log start, latest → high watermark (Kafka's default), none → an error. The simulated consumer takes the log start offset and HW from the fetch answer; Kafka's asks the leader again with a ListOffsets request." }
            </p>
            <ul class="resets" data-testid="reset-list">
                { for sim.offset_resets().rev().map(|n| html! { <li>{ reset_words(sim, n) }</li> }) }
            </ul>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_and_sizes_in_words() {
        assert_eq!(duration_words(604_800_000), "7 days");
        assert_eq!(duration_words(60_000), "1 min");
        assert_eq!(duration_words(5_000), "5 s");
        assert_eq!(duration_words(1_500), "1500 ms");
        assert_eq!(bytes_words(1 << 30), "1 GiB");
        assert_eq!(bytes_words(1_500), "1500 B");
    }
}
