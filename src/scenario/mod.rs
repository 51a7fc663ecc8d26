//! Scenario files: a cluster, its topics, producers and groups, a seed, and
//! steps that act, narrate (English and Korean), wait and check. Written in
//! TOML (for people) or JSON; the format is documented in
//! `docs/scenarios.md` and described by `docs/scenario.schema.json`.
//!
//! Pure and browser-free like the engine: the app plays lessons from it and
//! the native `kafkascope check` command verifies files in authors' CI.
//!
//! ```
//! use kafkascope::scenario::Scenario;
//! let text = r#"
//! version = 1
//! title.en = "Three records"
//! [[topics]]
//! name = "orders"
//! [[producers]]
//! name = "p"
//! topic = "orders"
//! [[steps]]
//! do = [{ produce = { producer = "p", key = "k", value = "v", times = 3 } }, { advance_ms = 2000 }]
//! expect = [{ high_watermark = { partition = "orders-0", is = 3 } }]
//! "#;
//! let scenario = Scenario::from_toml(text).unwrap();
//! assert!(scenario.run().passed());
//! ```
//!
//! Map of the code:
//! - [`model`]: the file format (serde), version [`model::FORMAT_VERSION`]
//! - [`parse`]: TOML/JSON reading with line and column in errors
//! - [`build`]: the engine config, and static checks naming step and field
//! - [`focus`]: what a step points at, checked and named as the picture names it
//! - [`inline`]: a lesson carried in a link (`#lesson=`), packed as share links are
//! - [`check`]: expectations in words, evaluated on the engine's views
//! - [`runner`]: [`Scenario::run`] ([`Report`]) and [`Scenario::plan`] ([`Plan`])
//! - [`cost`]: the work and memory a file would cost, estimated before it runs
//! - [`limits`]: what a file may ask for
//! - [`lessons`]: the built-in lessons (`lessons/*.toml`, compiled in)
//! - [`schema`]: the JSON Schema of the format

pub mod build;
pub mod check;
pub mod cost;
pub mod error;
pub mod focus;
pub mod inline;
pub mod lessons;
pub mod limits;
pub mod model;
pub mod parse;
pub mod runner;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;

pub use error::ScenarioError;
pub use model::ScenarioFile;
pub use parse::Syntax;
pub use runner::{Budget, Outcome, Plan, Report, StepMarker, StepReport, StepTruth};

use crate::engine::ClusterConfig;

/// A parsed and checked scenario, ready to run.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    file: ScenarioFile,
    config: ClusterConfig,
    cost: cost::CostPlan,
}

impl Scenario {
    /// Parses and checks a file in the given syntax.
    pub fn parse(text: &str, syntax: Syntax) -> Result<Scenario, ScenarioError> {
        let file = parse::parse_file(text, syntax)?;
        Scenario::from_file(file)
    }

    /// Parses and checks a TOML file.
    pub fn from_toml(text: &str) -> Result<Scenario, ScenarioError> {
        Scenario::parse(text, Syntax::Toml)
    }

    /// Parses and checks a JSON file.
    pub fn from_json(text: &str) -> Result<Scenario, ScenarioError> {
        Scenario::parse(text, Syntax::Json)
    }

    /// Checks an already parsed file.
    pub fn from_file(file: ScenarioFile) -> Result<Scenario, ScenarioError> {
        let config = build::cluster_config(&file)?;
        build::check_steps(&file)?;
        let cost = cost::estimate(&file, &config)?;
        Ok(Scenario { file, config, cost })
    }

    /// The file as parsed.
    #[must_use]
    pub fn file(&self) -> &ScenarioFile {
        &self.file
    }

    /// The cluster at time 0.
    #[must_use]
    pub fn config(&self) -> &ClusterConfig {
        &self.config
    }

    /// What the run is estimated to cost.
    #[must_use]
    pub fn cost(&self) -> &cost::CostPlan {
        &self.cost
    }
}
