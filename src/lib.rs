//! oncallc, the on-call compiler: one validated model of a team's on-call setup, compiled into the
//! PagerDuty Terraform and the Alertmanager configuration that implement it.
//!
//! The pipeline, one module per stage: [`model`] (load YAML with spans) -> [`validate`] (every
//! problem at once) -> [`plan`] (resolved names and times) -> [`emit`] (files in memory) ->
//! [`files`] (write or compare). `time` simulates the plan's schedules.

pub mod cli;
pub mod crosscheck;
pub mod diagnostic;
pub mod emit;
pub mod files;
pub mod model;
pub mod pipeline;
pub mod plan;
pub mod suggest;
#[doc(hidden)]
pub mod synthetic;
pub mod time;
pub mod validate;
