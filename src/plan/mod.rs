//! Plan: the resolved, typed model, and the naming rules that tie the targets together.

mod build;
pub mod names;
mod types;

pub use build::{PlanError, PlanOptions, plan};
pub use types::*;
