//! The JSON Schema of the scenario format, generated from the serde model,
//! for editor completion (`docs/scenario.schema.json`, `kafkascope schema`).

use super::model::ScenarioFile;

/// The JSON Schema, pretty-printed, ending with a newline.
#[must_use]
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(ScenarioFile);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
