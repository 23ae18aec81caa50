//! The Alertmanager target: `alertmanager/alertmanager.yml`, serialized from typed structs.
//!
//! Every alert of an environment reaches that environment's Slack channel; the alerts matching
//! the plan's page matchers also reach that environment's PagerDuty integration. See [`routes`]
//! for the tree. Keys and webhook URLs are only ever referenced by file.

mod check;
pub mod config;
pub mod matchers;
mod receivers;
pub mod routes;
#[cfg(test)]
mod tests;

use crate::emit::header::hash_comment;
use crate::files::Files;
use crate::plan::Plan;
use config::Config;

/// Path of the generated file, relative to the output directory.
pub const PATH: &str = "alertmanager/alertmanager.yml";

/// The configuration the plan describes.
pub fn build(plan: &Plan) -> Config {
    Config {
        route: routes::root(plan),
        receivers: receivers::receivers(plan),
    }
}

/// Renders the configuration, header line included.
pub fn render(plan: &Plan) -> String {
    let options = serde_saphyr::ser_options! {
        // One line per scalar, however long a path or URL gets.
        prefer_block_scalars: false,
    };
    // The structs hold only strings, booleans and sequences, and matchers with control
    // characters are written double-quoted, so serialization has no failure case left.
    let yaml = serde_saphyr::to_string_with_options(&build(plan), options)
        .expect("the Alertmanager config always serializes");
    hash_comment(plan) + &yaml
}

/// Adds `alertmanager/alertmanager.yml` to `files`.
pub fn emit(plan: &Plan, files: &mut Files) {
    files.insert(PATH, render(plan));
}

/// Self-check: parses the emitted file back and checks that it is complete and consistent
/// (header, known keys only, every routed receiver defined, receivers unique and sorted).
pub fn parse_back(files: &Files) -> Result<(), String> {
    let text = files
        .get(PATH)
        .ok_or_else(|| format!("{PATH} was not generated"))?;
    check::check(text).map_err(|message| format!("{PATH}: {message}"))
}
