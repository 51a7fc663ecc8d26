//! `kafka-configs.sh --describe --entity-type topics` (read from
//! `ConfigCommand.scala`, the same from 2.8 to 4.x):
//! `Dynamic configs for topic T are:` (or `All configs for topic T are:`
//! with `--all`), then one line per config,
//! `  name=value sensitive=false synonyms={SOURCE:name=value, …}`.
//! ZooKeeper mode (`--zookeeper`, up to 2.8) prints one line instead:
//! `Configs for topic 'T' are k=v,k=v`.

use super::model::{ConfigSynonym, DescribedConfig};
use super::topics::{is_config_name, parse_configs};

/// A heading line of `kafka-configs --describe`.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Heading<'a> {
    /// Configs of a topic follow.
    Topic { name: &'a str, all: bool },
    /// Configs of something else (a broker, a group…) follow; skipped.
    Other(&'a str),
}

/// Whether `line` (trimmed) is a heading.
pub(crate) fn heading(line: &str) -> Option<Heading<'_>> {
    if line.starts_with("Default configs for ") && line.ends_with(" are:") {
        return Some(Heading::Other(line));
    }
    let (all, rest) = if let Some(r) = line.strip_prefix("Dynamic configs for ") {
        (false, r)
    } else if let Some(r) = line.strip_prefix("All configs for ") {
        (true, r)
    } else {
        return None;
    };
    let rest = rest.strip_suffix(" are:")?;
    match rest.strip_prefix("topic ") {
        Some(name) => Some(Heading::Topic { name, all }),
        None => Some(Heading::Other(line)),
    }
}

/// Whether `line` (not trimmed), under a heading, is meant as a config
/// entry: indented, with a `name=` (a line cut short is then an error, not
/// a line skipped).
pub(crate) fn is_entry(line: &str) -> bool {
    line.starts_with(char::is_whitespace)
        && line
            .trim_start()
            .split_once('=')
            .is_some_and(|(name, _)| super::topics::is_config_name(name))
}

/// One `  name=value sensitive=… synonyms={…}` line.
pub(crate) fn parse_entry(line: &str) -> Result<DescribedConfig, String> {
    let t = line.trim();
    let bad = || "not `name=value sensitive=false synonyms={…}`".to_string();
    let (head, synonyms) = t.rsplit_once(" synonyms={").ok_or_else(bad)?;
    let synonyms = synonyms
        .strip_suffix('}')
        .ok_or_else(|| "synonyms={… without its closing `}` (cut short?)".to_string())?;
    let (name_value, sensitive) = head.rsplit_once(" sensitive=").ok_or_else(bad)?;
    let sensitive = match sensitive {
        "true" => true,
        "false" => false,
        other => return Err(format!("sensitive=`{other}`: Kafka prints true or false")),
    };
    let (name, value) = name_value.split_once('=').ok_or_else(bad)?;
    if !is_config_name(name) {
        return Err(format!("`{name}` is not a config name"));
    }
    Ok(DescribedConfig {
        name: name.to_string(),
        value: value.to_string(),
        sensitive,
        synonyms: parse_synonyms(synonyms)?,
    })
}

/// `SOURCE:name=value, SOURCE:name=value` (a value may hold `, `; a new
/// synonym starts where an upper-case source name and `:` follow).
fn parse_synonyms(text: &str) -> Result<Vec<ConfigSynonym>, String> {
    let mut out = Vec::new();
    if text.is_empty() {
        return Ok(out);
    }
    let mut pieces: Vec<String> = Vec::new();
    for piece in text.split(", ") {
        let starts = piece.split_once(':').is_some_and(|(s, _)| {
            !s.is_empty() && s.bytes().all(|b| b.is_ascii_uppercase() || b == b'_')
        });
        match pieces.last_mut() {
            Some(last) if !starts => {
                last.push_str(", ");
                last.push_str(piece);
            }
            _ => pieces.push(piece.to_string()),
        }
    }
    for p in pieces {
        let (source, rest) = p
            .split_once(':')
            .ok_or_else(|| format!("synonym `{p}` is not `SOURCE:name=value`"))?;
        let (name, value) = rest
            .split_once('=')
            .ok_or_else(|| format!("synonym `{p}` is not `SOURCE:name=value`"))?;
        if !source.bytes().all(|b| b.is_ascii_uppercase() || b == b'_') || source.is_empty() {
            return Err(format!("synonym `{p}` does not start with a config source"));
        }
        out.push(ConfigSynonym {
            source: source.to_string(),
            name: name.to_string(),
            value: value.to_string(),
        });
    }
    Ok(out)
}

/// ZooKeeper mode's `Configs for topic 'T' are k=v,k=v`: the topic and its
/// overrides; `Err(None)` for other entities (users, clients), which are
/// skipped, `Err(Some(why))` for a line that cannot be read.
pub(crate) type ZookeeperConfigs<'a> = Result<(&'a str, Vec<(String, String)>), Option<String>>;

/// Reads a [`ZookeeperConfigs`] line; `None` when the line is not one.
pub(crate) fn zookeeper_line(line: &str) -> Option<ZookeeperConfigs<'_>> {
    let rest = line.strip_prefix("Configs for ")?;
    let Some(rest) = rest.strip_prefix("topic '") else {
        return Some(Err(None));
    };
    let Some((name, values)) = rest.split_once("' are") else {
        return Some(Err(Some("`Configs for topic '…' are …` cut short".into())));
    };
    Some(
        parse_configs(values.trim())
            .map(|c| (name, c))
            .map_err(Some),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_and_entries() {
        assert_eq!(
            heading("Dynamic configs for topic orders are:"),
            Some(Heading::Topic {
                name: "orders",
                all: false
            })
        );
        assert!(matches!(
            heading("Dynamic configs for broker 1 are:"),
            Some(Heading::Other(_))
        ));
        let e = parse_entry("  retention.ms=86400000 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:retention.ms=86400000, STATIC_BROKER_CONFIG:log.retention.hours=168, DEFAULT_CONFIG:log.retention.hours=168}").unwrap();
        assert_eq!(e.name, "retention.ms");
        assert_eq!(e.value, "86400000");
        assert!(!e.sensitive);
        assert_eq!(e.synonyms.len(), 3);
        assert_eq!(e.synonyms[1].source, "STATIC_BROKER_CONFIG");
        assert_eq!(e.synonyms[1].name, "log.retention.hours");
        let e = parse_entry("  cleanup.policy=compact,delete sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:cleanup.policy=compact,delete, DEFAULT_CONFIG:log.cleanup.policy=delete}").unwrap();
        assert_eq!(e.synonyms[0].value, "compact,delete");
        assert!(parse_entry("  retention.ms=1 sensitive=false synonyms={DYNAMIC").is_err());
        let (t, c) = zookeeper_line(
            "Configs for topic 'orders' are retention.ms=1000,cleanup.policy=compact",
        )
        .unwrap()
        .unwrap();
        assert_eq!(t, "orders");
        assert_eq!(c.len(), 2);
    }
}
