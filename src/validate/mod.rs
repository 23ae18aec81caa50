//! Validate: every rule the model must obey, all reported at once, each at its place in the file.
//!
//! One file per family of rules. Each rule has a stable code (see [`Diagnostic::code`]).

mod alertmanager;
mod cross;
mod environments;
pub mod escalation;
mod general;
mod people;
mod rotations;
mod signups;
pub mod zones;

use crate::diagnostic::{self, Diagnostic};
use crate::model::Model;

/// Checks the model and returns every problem found, sorted by position.
pub fn validate(model: &Model) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    general::check(model, &mut out);
    rotations::check(model, &mut out);
    people::check(model, &mut out);
    signups::check(model, &mut out);
    escalation::check(model, &mut out);
    environments::check(model, &mut out);
    alertmanager::check(model, &mut out);
    cross::check(model, &mut out);
    diagnostic::sort(&mut out);
    out
}

/// Reports a value parser's error under `code`.
fn value_error(
    code: &'static str,
    span: crate::diagnostic::Span,
    e: crate::model::values::ValueError,
) -> Diagnostic {
    Diagnostic::error(code, span, e.message).with_hint(e.hint)
}

#[cfg(test)]
pub(crate) mod test_support;

#[cfg(test)]
mod tests;
