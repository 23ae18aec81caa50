//! Helpers for the rule tests: load a model text and run the whole validation on it.

use crate::diagnostic::Diagnostic;

/// A valid model every rule test starts from, by replacing one line.
pub const VALID: &str = include_str!("../../tests/fixtures/minimal.yaml");

/// Loads and validates `text`; returns every diagnostic (load and validate).
pub fn diagnostics(text: &str) -> Vec<Diagnostic> {
    let (model, mut found) = crate::model::load(text);
    found.extend(crate::validate::validate(&model));
    crate::diagnostic::one_per_wrong_value(&mut found);
    found
}

/// The valid model with the first occurrence of `from` replaced by `to`.
pub fn variant(from: &str, to: &str) -> String {
    assert!(VALID.contains(from), "the fixture has no `{from}`");
    VALID.replacen(from, to, 1)
}

/// The one diagnostic with `code`, as `line:col message | hint`; panics listing all if not one.
pub fn only(text: &str, code: &str) -> String {
    let found = diagnostics(text);
    let matching: Vec<&Diagnostic> = found.iter().filter(|d| d.code == code).collect();
    assert_eq!(matching.len(), 1, "expected one `{code}`, got: {found:#?}");
    let d = matching[0];
    format!(
        "{}:{} {} | {}",
        d.span.line,
        d.span.column,
        d.message,
        d.hint.as_deref().unwrap_or("")
    )
}
