//! One test per load and validation rule, pinning each diagnostic's message, position and hint.
//!
//! Each test starts from the valid fixture (`tests/fixtures/minimal.yaml`) and changes one thing.
//! Time zone rules are tested in `validate::zones`.

mod alertmanager;
mod environments;
mod escalation;
mod general;
mod load;
mod people;
mod rotations;
mod signups;

use crate::diagnostic::{self, Diagnostic};
use crate::pipeline::{self, Options};
use crate::validate::test_support::{VALID, diagnostics};
use camino::Utf8Path;

#[test]
fn the_valid_fixture_has_no_diagnostics() {
    assert_eq!(diagnostics(VALID), Vec::<Diagnostic>::new());
}

/// The valid model with six independent mistakes, one per section, the loader's among them.
fn six_mistakes() -> String {
    [
        ("anchor: 2027-01-04", "anchor: 2027-1-4"),
        ("zone: America/Chicago", "zone: America/Toronto"),
        ("reason: weekend", "reasn: weekend"),
        ("delay: 30m", "delay: 30s"),
        ("urgency: high", "urgency: urgent"),
        (
            "key_dir: /etc/alertmanager/pagerduty",
            "key_dir: etc/alertmanager/pagerduty",
        ),
    ]
    .iter()
    .fold(VALID.to_owned(), |text, (from, to)| {
        assert!(text.contains(from), "the fixture has no `{from}`");
        text.replacen(from, to, 1)
    })
}

/// What the pipeline reports for `text`: every diagnostic, sorted, and their rendering.
fn reported(text: &str) -> (Vec<Diagnostic>, String) {
    match pipeline::plan_text(Utf8Path::new("oncall.yaml"), text, &Options::default()) {
        Err(pipeline::Error::Model {
            diagnostics,
            rendered,
        }) => (diagnostics, rendered),
        other => panic!("expected model errors, got {other:?}"),
    }
}

#[test]
fn all_problems_are_reported_at_once_in_file_order() {
    let (found, _) = reported(&six_mistakes());
    let found: Vec<String> = found
        .iter()
        .map(|d| format!("{}:{} {}", d.span.line, d.span.column, d.code))
        .collect();
    assert_eq!(
        found,
        [
            "2:9 bad-date",
            "10:11 zone-rejected-by-pagerduty",
            "17:78 unknown-key",
            "26:37 delay-too-short",
            "30:14 bad-urgency",
            "37:12 relative-path",
        ]
    );
}

#[test]
fn all_problems_render_with_source_and_hint() {
    let text = six_mistakes();
    let (found, rendered) = reported(&text);
    let mut sorted = diagnostics(&text);
    diagnostic::sort(&mut sorted);
    assert_eq!(found, sorted);
    let render = diagnostic::render(&found, "oncall.yaml", &text);
    assert_eq!(render, rendered);
    insta::assert_snapshot!("six_mistakes", render);
}
