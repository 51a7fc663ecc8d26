//! Share links: the whole state (the cluster's setup, every command given and
//! when, and the position in time) in the URL, compressed. Opening the link
//! rebuilds exactly the same history (the engine is deterministic) and seeks
//! to the same moment.
//!
//! Format: `#s=` then base64url (no padding) of raw DEFLATE of the JSON of a
//! [`SharedState`]. Everything a link can ask for is bounded: link length,
//! inflated size, commands, simulated time; the config itself is checked by
//! the engine's own validation when the cluster is built.

use std::io::{Read, Write};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;
use flate2::Compression as Level;

use crate::engine::scenarios;
use crate::engine::{ClusterConfig, Command};
use crate::timeline::Timeline;

/// Version of the link format.
pub const SHARE_VERSION: u32 = 1;
/// Longest link payload accepted, characters.
pub const MAX_LINK_CHARS: usize = 64 * 1024;
/// Largest inflated state accepted, bytes.
pub const MAX_STATE_BYTES: u64 = 1 << 20;
/// Latest position a link may ask for: one day of simulated time.
pub const MAX_LINK_TIME_MS: u64 = 86_400_000;

/// What a share link carries.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SharedState {
    /// Format version ([`SHARE_VERSION`]).
    pub v: u32,
    /// A built-in scenario by name (`default`, `stress`, `retention`), or…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenario: Option<String>,
    /// …a whole cluster setup, inline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config: Option<ClusterConfig>,
    /// The commands given, each with its simulated time.
    #[serde(default)]
    pub commands: Vec<(u64, Command)>,
    /// The position, simulated ms.
    pub t: u64,
    /// The position in timer steps (a link made after stepping event by
    /// event points inside a millisecond).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steps: Option<u64>,
}

/// A built-in scenario by name.
#[must_use]
pub fn builtin(name: &str) -> Option<ClusterConfig> {
    match name {
        "default" => Some(scenarios::default_scenario()),
        "stress" => Some(scenarios::stress_scenario()),
        "retention" => Some(scenarios::retention_scenario()),
        _ => None,
    }
}

/// The name of the built-in scenario equal to `config`, if any.
#[must_use]
pub fn builtin_name(config: &ClusterConfig) -> Option<&'static str> {
    ["default", "stress", "retention"]
        .into_iter()
        .find(|name| builtin(name).as_ref() == Some(config))
}

impl SharedState {
    /// The state of a timeline: its setup (by name when built in), its
    /// commands and its current position.
    #[must_use]
    pub fn of(timeline: &Timeline) -> Self {
        let config = timeline.sim().config().clone();
        let scenario = builtin_name(&config).map(str::to_string);
        Self {
            v: SHARE_VERSION,
            config: if scenario.is_some() {
                None
            } else {
                Some(config)
            },
            scenario,
            commands: timeline
                .commands()
                .iter()
                .map(|r| (r.at_ms, r.command.clone()))
                .collect(),
            t: timeline.now_ms(),
            steps: Some(timeline.sim().totals().steps),
        }
    }

    /// The link payload (what follows `#s=`).
    #[must_use]
    pub fn encode(&self) -> String {
        let json = serde_json::to_vec(self).expect("the state serializes");
        let mut deflate = DeflateEncoder::new(Vec::new(), Level::best());
        deflate.write_all(&json).expect("writing to memory");
        let packed = deflate.finish().expect("writing to memory");
        URL_SAFE_NO_PAD.encode(packed)
    }

    /// Reads a link payload, or says what is wrong with it.
    pub fn decode(payload: &str) -> Result<Self, String> {
        if payload.len() > MAX_LINK_CHARS {
            return Err(format!(
                "the link is too long ({} characters; at most {MAX_LINK_CHARS})",
                payload.len()
            ));
        }
        let packed = URL_SAFE_NO_PAD
            .decode(payload.trim())
            .map_err(|e| format!("the link is damaged (not base64url: {e})"))?;
        let mut json = Vec::new();
        DeflateDecoder::new(packed.as_slice())
            .take(MAX_STATE_BYTES + 1)
            .read_to_end(&mut json)
            .map_err(|e| format!("the link is damaged (does not inflate: {e})"))?;
        if json.len() as u64 > MAX_STATE_BYTES {
            return Err(format!(
                "the link's state is larger than {MAX_STATE_BYTES} bytes"
            ));
        }
        let state: SharedState = serde_json::from_slice(&json).map_err(|e| {
            format!(
                "the link's state is not valid: {e} (line {}, column {})",
                e.line(),
                e.column()
            )
        })?;
        if state.v != SHARE_VERSION {
            return Err(format!(
                "the link has format version {}; this kafkascope reads version {SHARE_VERSION}",
                state.v
            ));
        }
        if state.commands.len() > crate::timeline::MAX_COMMANDS {
            return Err(format!(
                "the link has {} commands; at most {}",
                state.commands.len(),
                crate::timeline::MAX_COMMANDS
            ));
        }
        if state.t > MAX_LINK_TIME_MS || state.commands.iter().any(|(at, _)| *at > MAX_LINK_TIME_MS)
        {
            return Err(format!(
                "the link asks for a time past {MAX_LINK_TIME_MS} ms"
            ));
        }
        if state.commands.windows(2).any(|w| w[1].0 < w[0].0) {
            return Err("the link's commands are not in time order".to_string());
        }
        Ok(state)
    }

    /// Rebuilds the history the link describes and seeks to its position.
    /// A command the engine refuses is reported with its number.
    pub fn restore(&self) -> Result<Timeline, String> {
        let config = match (&self.scenario, &self.config) {
            (Some(name), _) => builtin(name).ok_or_else(|| {
                format!("the link names a scenario \"{name}\" that this kafkascope does not have")
            })?,
            (None, Some(config)) => config.clone(),
            (None, None) => return Err("the link has neither a scenario nor a config".to_string()),
        };
        let mut timeline =
            Timeline::new(config).map_err(|r| format!("the link's cluster is refused: {r}"))?;
        for (i, (at, command)) in self.commands.iter().enumerate() {
            timeline.run_to(*at);
            let _ = timeline.take_events();
            timeline
                .apply(command.clone())
                .map_err(|r| format!("the link's command {} is refused: {r}", i + 1))?;
        }
        let _ = timeline.take_events();
        match self.steps {
            Some(steps) => timeline.seek_exact(self.t, steps),
            None => {
                timeline.seek(self.t, 0);
            }
        }
        Ok(timeline)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::BrokerId;

    #[test]
    fn a_link_rebuilds_the_same_picture() {
        let mut t = Timeline::new(scenarios::default_scenario()).unwrap();
        t.run_to(4_000);
        t.apply(Command::CrashBroker(BrokerId(2))).unwrap();
        t.run_to(9_000);
        t.apply(Command::StartBroker(BrokerId(2))).unwrap();
        t.run_to(15_500);
        let _ = t.take_events();
        // Inside a millisecond, after stepping event by event.
        t.step_forward(60_000);
        t.step_forward(60_000);
        let state = SharedState::of(&t);
        assert_eq!(state.scenario.as_deref(), Some("default"));
        let link = state.encode();
        assert!(
            link.len() < 400,
            "short enough to share: {} chars",
            link.len()
        );
        let back = SharedState::decode(&link).unwrap();
        assert_eq!(back, state);
        let rebuilt = back.restore().unwrap();
        assert_eq!(rebuilt.sim().to_string(), t.sim().to_string());
    }

    #[test]
    fn an_inline_config_travels_too() {
        let mut config = scenarios::default_scenario();
        config.seed = 7;
        let mut t = Timeline::new(config).unwrap();
        t.run_to(3_000);
        let state = SharedState::of(&t);
        assert!(state.scenario.is_none() && state.config.is_some());
        let rebuilt = SharedState::decode(&state.encode())
            .unwrap()
            .restore()
            .unwrap();
        assert_eq!(rebuilt.sim().to_string(), t.sim().to_string());
    }

    #[test]
    fn broken_links_say_what_is_wrong() {
        assert!(SharedState::decode("%%%")
            .unwrap_err()
            .contains("not base64url"));
        assert!(SharedState::decode("AAAA").unwrap_err().contains("damaged"));
        let too_long = "A".repeat(MAX_LINK_CHARS + 1);
        assert!(SharedState::decode(&too_long)
            .unwrap_err()
            .contains("too long"));
        let mut state = SharedState::of(&Timeline::new(scenarios::default_scenario()).unwrap());
        state.scenario = Some("nope".into());
        let err = SharedState::decode(&state.encode())
            .unwrap()
            .restore()
            .unwrap_err();
        assert!(err.contains("\"nope\""), "{err}");
        state.scenario = Some("default".into());
        state.t = MAX_LINK_TIME_MS + 1;
        assert!(SharedState::decode(&state.encode())
            .unwrap_err()
            .contains("past"));
        // Valid JSON of the wrong shape points at the place.
        let json = br#"{"v":1,"t":"soon"}"#;
        let mut deflate = DeflateEncoder::new(Vec::new(), Level::best());
        deflate.write_all(json).unwrap();
        let link = URL_SAFE_NO_PAD.encode(deflate.finish().unwrap());
        let err = SharedState::decode(&link).unwrap_err();
        assert!(err.contains("column"), "{err}");
        // A refused command names its number.
        let mut state = SharedState::of(&Timeline::new(scenarios::default_scenario()).unwrap());
        state.commands = vec![(100, Command::StartBroker(BrokerId(1)))];
        let err = state.restore().unwrap_err();
        assert!(err.contains("command 1"), "{err}");
    }
}
