//! Share links: the whole state (the cluster's setup at time 0, every
//! command given and when, and the exact position) in the URL, compressed.
//! Opening the link rebuilds exactly the same history (the engine is
//! deterministic) and goes to the same position: the same time, the same
//! engine step, the same commands applied.
//!
//! Format: `#s=` then base64url (no padding) of raw DEFLATE of the JSON of a
//! [`SharedState`]. Version 2 (written now) holds the initial config and
//! the exact position (`t`, `steps`, `applied`); version 1 links (the live
//! config, `t` and maybe `steps`) are still read as they were. Everything a
//! link can ask for is bounded: link length, inflated size, commands,
//! simulated time, and the work of rebuilding it ([`crate::job`]); the config
//! itself is checked by the engine's own validation when the cluster is
//! built. What is wrong with a link is a [`LinkError`], as data;
//! `crate::text` words it (quoting at most 200 characters of the link).

use std::io::{Read, Write};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;
use flate2::Compression as Level;

use crate::engine::scenarios;
use crate::engine::Refusal;
use crate::engine::{ClusterConfig, Command};
use crate::job::{Job, JobRefusal, Purpose, MAX_WORK_STEPS};
use crate::timeline::{Goal, Position, Timeline};

/// What is wrong with a share link.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkError {
    /// Longer than [`MAX_LINK_CHARS`].
    TooLong {
        /// Its length, characters.
        chars: usize,
        /// The most.
        max: usize,
    },
    /// Not base64url (the decoder's message, as it gave it).
    NotBase64(String),
    /// Does not inflate (the decoder's message).
    NotDeflate(String),
    /// Inflates to more than [`MAX_STATE_BYTES`].
    StateTooLarge {
        /// The most bytes.
        max: u64,
    },
    /// Not a valid state (the JSON reader's message, where it stopped).
    StateInvalid {
        /// The reader's message (it may quote the link).
        what: String,
        /// Line.
        line: usize,
        /// Column.
        column: usize,
    },
    /// A format version this app does not read.
    Version {
        /// The link's version.
        found: u32,
        /// The newest read.
        newest: u32,
    },
    /// More commands than a history holds.
    TooManyCommands {
        /// The link's commands.
        count: usize,
        /// The most.
        max: usize,
    },
    /// A time past [`MAX_LINK_TIME_MS`].
    TimePast {
        /// The latest time, ms.
        max_ms: u64,
    },
    /// Commands not in time order.
    OutOfOrder,
    /// More commands applied than it holds.
    AppliedAboveHeld {
        /// Applied, it says.
        applied: usize,
        /// Held.
        held: usize,
    },
    /// A built-in scenario this app does not have.
    UnknownScenario(String),
    /// Neither a scenario nor a config.
    NoScenario,
    /// Its moment is further in than the work budget.
    MomentOverBudget {
        /// Engine steps to its moment.
        steps: u64,
        /// The budget.
        max_steps: u64,
    },
    /// Its cluster is refused.
    Cluster(Refusal),
    /// Rebuilding it was refused.
    Work(JobRefusal),
}

impl From<JobRefusal> for LinkError {
    fn from(r: JobRefusal) -> Self {
        LinkError::Work(r)
    }
}

/// Version of the link format written.
pub const SHARE_VERSION: u32 = 2;
/// Versions read.
pub const SHARE_VERSIONS_READ: [u32; 2] = [1, 2];
/// Longest link payload accepted, characters.
pub const MAX_LINK_CHARS: usize = 64 * 1024;
/// Largest inflated state accepted, bytes.
pub const MAX_STATE_BYTES: u64 = 1 << 20;
/// Latest position a link may ask for: one day of simulated time.
pub const MAX_LINK_TIME_MS: u64 = 86_400_000;
/// Events of the rebuilt history kept for the event log.
const KEPT_EVENTS: usize = crate::player::LOG_LINES;

/// What a share link carries.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SharedState {
    /// Format version ([`SHARE_VERSION`]).
    pub v: u32,
    /// A built-in scenario by name (`default`, `stress`, `retention`), or…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenario: Option<String>,
    /// …a whole cluster setup, inline: as it was at time 0 (version 1: as
    /// it was when the link was made).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config: Option<ClusterConfig>,
    /// The commands given, each with its simulated time (all of them: also
    /// those after the position, the recorded future).
    #[serde(default)]
    pub commands: Vec<(u64, Command)>,
    /// The position, simulated ms.
    pub t: u64,
    /// The position in timer steps (a link made after stepping event by
    /// event points inside a millisecond).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steps: Option<u64>,
    /// Commands applied at the position (version 2; version 1: those given
    /// at or before `t`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applied: Option<usize>,
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
    /// The state of a timeline: its setup at time 0 (by name when built
    /// in), all its commands and its exact position.
    #[must_use]
    pub fn of(timeline: &Timeline) -> Self {
        let config = timeline.initial_config().clone();
        let scenario = builtin_name(&config).map(str::to_string);
        let position = timeline.position();
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
            t: position.t_ms,
            steps: Some(position.steps),
            applied: Some(position.applied),
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
    pub fn decode(payload: &str) -> Result<Self, LinkError> {
        if payload.len() > MAX_LINK_CHARS {
            return Err(LinkError::TooLong {
                chars: payload.len(),
                max: MAX_LINK_CHARS,
            });
        }
        let packed = URL_SAFE_NO_PAD
            .decode(payload.trim())
            .map_err(|e| LinkError::NotBase64(e.to_string()))?;
        let mut json = Vec::new();
        DeflateDecoder::new(packed.as_slice())
            .take(MAX_STATE_BYTES + 1)
            .read_to_end(&mut json)
            .map_err(|e| LinkError::NotDeflate(e.to_string()))?;
        if json.len() as u64 > MAX_STATE_BYTES {
            return Err(LinkError::StateTooLarge {
                max: MAX_STATE_BYTES,
            });
        }
        let state: SharedState =
            serde_json::from_slice(&json).map_err(|e| LinkError::StateInvalid {
                what: e.to_string(),
                line: e.line(),
                column: e.column(),
            })?;
        if !SHARE_VERSIONS_READ.contains(&state.v) {
            return Err(LinkError::Version {
                found: state.v,
                newest: SHARE_VERSION,
            });
        }
        if state.commands.len() > crate::timeline::MAX_COMMANDS {
            return Err(LinkError::TooManyCommands {
                count: state.commands.len(),
                max: crate::timeline::MAX_COMMANDS,
            });
        }
        if state.t > MAX_LINK_TIME_MS || state.commands.iter().any(|(at, _)| *at > MAX_LINK_TIME_MS)
        {
            return Err(LinkError::TimePast {
                max_ms: MAX_LINK_TIME_MS,
            });
        }
        if state.commands.windows(2).any(|w| w[1].0 < w[0].0) {
            return Err(LinkError::OutOfOrder);
        }
        if state.applied.is_some_and(|a| a > state.commands.len()) {
            return Err(LinkError::AppliedAboveHeld {
                applied: state.applied.unwrap_or(0),
                held: state.commands.len(),
            });
        }
        Ok(state)
    }

    /// The cluster the link starts from.
    pub fn config(&self) -> Result<ClusterConfig, LinkError> {
        match (&self.scenario, &self.config) {
            (Some(name), _) => {
                builtin(name).ok_or_else(|| LinkError::UnknownScenario(name.clone()))
            }
            (None, Some(config)) => Ok(config.clone()),
            (None, None) => Err(LinkError::NoScenario),
        }
    }

    /// Where the link points: its exact position, or (an old link without
    /// steps) its time.
    #[must_use]
    pub fn goal(&self) -> Goal {
        match self.steps {
            Some(steps) => Goal::Exact(Position {
                t_ms: self.t,
                steps,
                applied: self.applied.unwrap_or_else(|| {
                    self.commands.iter().filter(|(at, _)| *at <= self.t).count()
                }),
            }),
            None => Goal::Time(self.t),
        }
    }

    /// The job that rebuilds the history the link describes and goes to its
    /// position, or why it cannot start (a link whose position is more
    /// engine steps in than the budget is refused before any work).
    pub fn job(&self) -> Result<Job, LinkError> {
        let config = self.config()?;
        if let Some(steps) = self.steps.filter(|s| *s > MAX_WORK_STEPS) {
            return Err(LinkError::MomentOverBudget {
                steps,
                max_steps: MAX_WORK_STEPS,
            });
        }
        Ok(Job::build(
            Purpose::Link,
            config,
            self.commands.clone(),
            self.t,
            self.goal(),
            true,
            KEPT_EVENTS,
        )?)
    }

    /// Rebuilds the history the link describes and goes to its position, at
    /// once (in the page this runs as a [`Job`] between frames). Within the
    /// same budget; a refused command is reported with its number.
    pub fn restore(&self) -> Result<Timeline, LinkError> {
        let job = self.job()?;
        let mut timeline = Timeline::new(self.config()?).map_err(LinkError::Cluster)?;
        job.finish(&mut timeline)?;
        Ok(timeline)
    }
}

#[cfg(test)]
mod tests;
