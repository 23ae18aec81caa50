//! Plan: the resolved, typed model, and the naming rules that tie the targets together.

mod types;

pub use types::*;
