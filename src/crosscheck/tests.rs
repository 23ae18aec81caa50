//! How violations reach the user: the pipeline error and the command line's exit code.

use super::*;
use crate::cli::{Outcome, pipeline_failure};
use crate::pipeline::{self, Error};

#[test]
fn violations_display_with_their_code() {
    let v = Violation::new(ESCALATION_TARGET, "rule 1 has no target");
    assert_eq!(v.to_string(), "[escalation-target] rule 1 has no target");
}

#[test]
fn unreadable_files_are_one_violation_each() {
    let mut files = Files::new();
    files.insert("terraform/a.tf", "resource {".to_owned());
    let plan = example();
    let found = check(&plan, &files);
    let codes: Vec<&str> = found.iter().map(|v| v.invariant).collect();
    assert_eq!(codes, [UNREADABLE_OUTPUT, UNREADABLE_OUTPUT], "{found:#?}");
    assert!(
        found[1]
            .message
            .contains("alertmanager.yml was not generated")
    );
}

#[test]
fn broken_invariants_are_a_model_failure_listed_on_stderr() {
    let plan = example();
    let mut files = pipeline::render(&plan);
    let services = files.get("terraform/services.tf").expect("rendered");
    let edited = services.replacen(
        "auto_resolve_timeout    = 86400",
        "auto_resolve_timeout    = 3600",
        1,
    );
    files.insert("terraform/services.tf", edited);
    let error = pipeline::invariants(&plan, &files).expect_err("broken");
    assert!(matches!(&error, Error::Invariants(v) if v.len() == 1));
    let mut stderr = Vec::new();
    let outcome = pipeline_failure(error, &mut stderr).expect("reported");
    assert_eq!(outcome, Outcome::Failed);
    let text = String::from_utf8(stderr).expect("UTF-8");
    assert!(
        text.starts_with("the generated files break cross-system invariants:\n  - [repeat-after-auto-resolve] route `route.routes[0].routes[1]`"),
        "{text}"
    );
    assert!(
        text.ends_with("1 invariant(s) broken; nothing written\n"),
        "{text}"
    );
}

fn example() -> Plan {
    let path = camino::Utf8Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/acm/oncall.yaml");
    pipeline::plan_file(&path, &pipeline::Options::default())
        .expect("the example plans")
        .plan
}
