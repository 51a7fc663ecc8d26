//! The ranges of every numeric setting as a Markdown table, for
//! `docs/scenarios.md` (a test checks the docs hold the current table).

use crate::engine::refusal::Setting;
use crate::engine::validate::{NumericConfig, NUMERIC_CONFIGS};

use super::lang::Lang;
use super::refusal::{setting, unit};

/// What else Kafka says about a setting's range, for the table.
fn note(c: &NumericConfig) -> &'static str {
    match c.name {
        Setting::Kafka("replica.lag.time.max.ms") => {
            "`KafkaConfig` requires at least `replica.fetch.wait.max.ms` (500)"
        }
        Setting::Kafka("segment.bytes") => "Kafka 4.0: at least 1048576",
        Setting::Kafka("retention.ms") => "at least -1; -1 is no limit",
        Setting::Kafka("retention.bytes") => "negative is no limit",
        Setting::Kafka("heartbeat.interval.ms") => "lower than `session.timeout.ms`",
        Setting::Kafka("session.timeout.ms") => {
            "the broker takes 6000 to 1800000 (`GroupCoordinatorConfig`), else `INVALID_SESSION_TIMEOUT`; shorter sessions are kept for teaching"
        }
        _ => "",
    }
}

/// The ranges of every numeric setting as a Markdown table (kept in
/// `docs/scenarios.md`).
#[must_use]
pub fn ranges_table() -> String {
    let mut out = String::from(
        "| setting | Kafka's type and range (class) | kafkascope takes |\n|---|---|---|\n",
    );
    for c in NUMERIC_CONFIGS {
        let note = note(c);
        let kafka = match c.kind {
            None => "— (the simulator's own)".to_string(),
            Some(kind) => {
                let range = match (c.kafka_min, note.starts_with("at least")) {
                    (_, true) => String::new(),
                    (Some(min), _) => format!(", at least {min}"),
                    (None, _) => ", no range".to_string(),
                };
                let note = if note.is_empty() {
                    String::new()
                } else {
                    format!("; {note}")
                };
                format!("{}{range} (`{}`){note}", kind.name(), c.kafka_class)
            }
        };
        let unit = match unit(Lang::En, c.unit) {
            "" => String::new(),
            u => format!(" {u}"),
        };
        out.push_str(&format!(
            "| `{}` | {kafka} | {} to {}{unit} |\n",
            setting(Lang::En, c.name),
            c.min,
            c.max
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ranges_table_lists_every_setting() {
        let table = ranges_table();
        assert_eq!(table.lines().count(), NUMERIC_CONFIGS.len() + 2);
        assert!(
            table.contains("| `linger.ms` | LONG, at least 0 (`ProducerConfig`) | 0 to 60000 ms |")
        );
    }
}
