//! Plan: the resolved, typed model, and the naming rules that tie the targets together.

mod build;
mod delivery;
mod layers;
pub mod names;
mod policy;
mod types;

pub use build::{PlanError, PlanOptions, plan};
pub use types::*;
