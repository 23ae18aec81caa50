//! Schema conformance: every emitted resource and data source, checked against the PagerDuty
//! provider schema fixture (`tests/fixtures/pagerduty-provider-schema.json`, see its README).
//!
//! [`check_files`] accepts any [`Files`]: block types and attributes must exist in the schema,
//! computed-only attributes must not be set, literal values must fit the attribute type, every
//! `required` attribute must be present and every nested block type must appear between its
//! `min_items` and `max_items`. `pagerduty_ruleset*` (end-of-life January 2025) is rejected.

mod terraform_support;

use hcl::{Body, Expression};
use oncallc::emit::terraform::emit;
use oncallc::files::Files;
use serde_json::Value;
use std::collections::BTreeMap;
use terraform_support::{acm_like_plan, example_plan, hostile_plan};

const SCHEMA: &str = "tests/fixtures/pagerduty-provider-schema.json";
const PROVIDER: &str = "registry.terraform.io/pagerduty/pagerduty";

/// The emitted files the conformance test checks: the repository's example through the real
/// pipeline, plus the hand-built plans (the hostile one covers escaping). Add new examples here.
fn files_under_test() -> Vec<(&'static str, Files)> {
    [
        ("examples/acm/oncall.yaml", example_plan()),
        ("acm-like plan", acm_like_plan()),
        ("hostile plan", hostile_plan()),
    ]
    .into_iter()
    .map(|(name, plan)| {
        let mut files = Files::new();
        emit(&plan, &mut files);
        (name, files)
    })
    .collect()
}

fn provider_schema() -> Value {
    let text = std::fs::read_to_string(SCHEMA).expect("schema fixture");
    let schema: Value = serde_json::from_str(&text).expect("schema fixture is JSON");
    schema["provider_schemas"][PROVIDER].clone()
}

/// Every schema problem of the `terraform/*.tf` files in `files`, as `file: path: problem`.
fn check_files(files: &Files, provider: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    for (path, text) in files.iter() {
        if !path.as_str().starts_with("terraform/") || path.extension() != Some("tf") {
            continue;
        }
        let body = match hcl::parse(text) {
            Ok(body) => body,
            Err(err) => {
                problems.push(format!("{path}: does not parse: {err}"));
                continue;
            }
        };
        for block in body.blocks() {
            let labels: Vec<&str> = block.labels().iter().map(|l| l.as_str()).collect();
            let (kind, schemas) = match (block.identifier(), labels.as_slice()) {
                ("resource", [kind, _]) => (*kind, "resource_schemas"),
                ("data", [kind, _]) => (*kind, "data_source_schemas"),
                // The fixture has no provider block schema; outputs and settings are Terraform's.
                ("terraform" | "provider" | "output", _) => continue,
                (other, _) => {
                    problems.push(format!(
                        "{path}: unexpected top-level block {other} {labels:?}"
                    ));
                    continue;
                }
            };
            let at = format!("{path}: {} {}", block.identifier(), labels.join("."));
            if kind.starts_with("pagerduty_ruleset") {
                problems.push(format!(
                    "{at}: rulesets reached end-of-life in January 2025"
                ));
            }
            match provider[schemas].get(kind) {
                Some(schema) => check_block(&at, block.body(), &schema["block"], &mut problems),
                None => problems.push(format!("{at}: {kind} is not in the provider's {schemas}")),
            }
        }
    }
    problems
}

fn check_block(at: &str, body: &Body, schema: &Value, problems: &mut Vec<String>) {
    let attributes = schema["attributes"]
        .as_object()
        .cloned()
        .unwrap_or_default();
    let block_types = schema["block_types"]
        .as_object()
        .cloned()
        .unwrap_or_default();

    for attr in body.attributes() {
        let Some(spec) = attributes.get(attr.key()) else {
            problems.push(format!("{at}: unknown attribute {}", attr.key()));
            continue;
        };
        let settable = spec["required"] == true || spec["optional"] == true;
        if !settable {
            problems.push(format!("{at}: {} is computed only", attr.key()));
        } else if !fits(attr.expr(), &spec["type"]) {
            problems.push(format!(
                "{at}: {} = {:?} does not fit type {}",
                attr.key(),
                attr.expr(),
                spec["type"]
            ));
        }
    }
    for (name, spec) in &attributes {
        if spec["required"] == true && !body.attributes().any(|a| a.key() == name) {
            problems.push(format!("{at}: required attribute {name} missing"));
        }
    }

    let mut counts: BTreeMap<&str, u64> = BTreeMap::new();
    for block in body.blocks() {
        let Some(spec) = block_types.get(block.identifier()) else {
            problems.push(format!("{at}: unknown block {}", block.identifier()));
            continue;
        };
        *counts.entry(block.identifier()).or_default() += 1;
        let inner = format!("{at} > {}", block.identifier());
        check_block(&inner, block.body(), &spec["block"], problems);
    }
    for (name, spec) in &block_types {
        let count = counts.get(name.as_str()).copied().unwrap_or(0);
        let min = spec["min_items"].as_u64().unwrap_or(0);
        if count < min {
            problems.push(format!(
                "{at}: needs at least {min} {name} block(s), has {count}"
            ));
        }
        if let Some(max) = spec["max_items"].as_u64()
            && count > max
        {
            problems.push(format!(
                "{at}: allows at most {max} {name} block(s), has {count}"
            ));
        }
    }
}

/// Whether a literal fits a schema type, allowing Terraform's automatic conversions (numbers and
/// booleans convert to strings). References and other expressions are not typed statically.
fn fits(expr: &Expression, ty: &Value) -> bool {
    match (expr, ty) {
        (Expression::Traversal(_) | Expression::FuncCall(_), _) => true,
        (Expression::String(_) | Expression::Number(_) | Expression::Bool(_), Value::String(t))
            if t == "string" =>
        {
            true
        }
        (Expression::Number(_), Value::String(t)) => t == "number",
        (Expression::Bool(_), Value::String(t)) => t == "bool",
        (Expression::Array(items), Value::Array(parts)) => match parts.as_slice() {
            [kind, element] if kind == "list" || kind == "set" => {
                items.iter().all(|item| fits(item, element))
            }
            _ => false,
        },
        (Expression::Object(_), Value::Array(parts)) => {
            parts.first().is_some_and(|k| k == "map" || k == "object")
        }
        _ => false,
    }
}

#[test]
fn the_fixture_has_the_expected_shape() {
    let provider = provider_schema();
    for kind in [
        "pagerduty_schedule",
        "pagerduty_escalation_policy",
        "pagerduty_service",
        "pagerduty_service_integration",
    ] {
        assert!(
            provider["resource_schemas"][kind]["block"].is_object(),
            "{kind}"
        );
    }
    assert!(provider["data_source_schemas"]["pagerduty_user"]["block"].is_object());
}

#[test]
fn emitted_terraform_conforms_to_the_provider_schema() {
    let provider = provider_schema();
    for (name, files) in files_under_test() {
        let problems = check_files(&files, &provider);
        assert!(problems.is_empty(), "{name}:\n{}", problems.join("\n"));
    }
}

#[test]
fn emitted_terraform_uses_exactly_the_expected_object_types() {
    let (_, files) = files_under_test().remove(0);
    let mut kinds = std::collections::BTreeSet::new();
    for (_, text) in files.iter() {
        let body = hcl::parse(text).expect("parses");
        for block in body.blocks() {
            let labels: Vec<&str> = block.labels().iter().map(|l| l.as_str()).collect();
            if let ("resource" | "data", Some(kind)) = (block.identifier(), labels.first()) {
                kinds.insert(format!("{} {kind}", block.identifier()));
            }
        }
    }
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        [
            "data pagerduty_user",
            "resource pagerduty_escalation_policy",
            "resource pagerduty_schedule",
            "resource pagerduty_service",
            "resource pagerduty_service_integration",
        ]
    );
}

#[test]
fn the_checker_reports_schema_violations() {
    let mut files = Files::new();
    files.insert(
        "terraform/bad.tf",
        r#"
resource "pagerduty_schedule" "s" {
  name    = "x"
  colour  = "blue"
  html    = 1

  layer {
    start                        = "2027-01-04T00:00:00Z"
    rotation_virtual_start       = "2027-01-04T00:00:00Z"
    rotation_turn_length_seconds = "a week"
    users                        = "nobody"

    shift {}
  }
}

resource "pagerduty_escalation_policy" "p" {
  name = "p"
}

resource "pagerduty_service" "svc" {
  name              = "svc"
  escalation_policy = "P1"
  status            = "active"

  incident_urgency_rule {
    type = "constant"
  }

  incident_urgency_rule {
    type = "constant"
  }
}

resource "pagerduty_ruleset" "r" {
  name = "r"
}

resource "pagerduty_pager" "x" {}
"#
        .to_string(),
    );
    let problems = check_files(&files, &provider_schema()).join("\n");
    for expected in [
        "pagerduty_schedule.s: unknown attribute colour",
        "pagerduty_schedule.s: required attribute time_zone missing",
        "pagerduty_schedule.s > layer: rotation_turn_length_seconds = ",
        "pagerduty_schedule.s > layer: users = ",
        "pagerduty_schedule.s > layer: unknown block shift",
        "pagerduty_escalation_policy.p: needs at least 1 rule block(s), has 0",
        "pagerduty_service.svc: status is computed only",
        "pagerduty_service.svc: allows at most 1 incident_urgency_rule block(s), has 2",
        "pagerduty_ruleset.r: rulesets reached end-of-life",
        "pagerduty_pager is not in the provider's resource_schemas",
    ] {
        assert!(
            problems.contains(expected),
            "missing {expected:?} in:\n{problems}"
        );
    }
}
