//! The Terraform emitter end to end: files, determinism, escaping, and `terraform fmt`.

mod terraform_support;

use hcl::{Block, Body, Expression};
use oncallc::emit::terraform::{emit, parse_back};
use oncallc::files::Files;
use oncallc::plan::Plan;
use std::process::Command;
use terraform_support::{HOSTILE, acm_like_plan, example_plan, hostile_plan};

const FILES: [&str; 7] = [
    "terraform/escalation.tf",
    "terraform/integrations.tf",
    "terraform/outputs.tf",
    "terraform/schedules.tf",
    "terraform/services.tf",
    "terraform/users.tf",
    "terraform/versions.tf",
];

fn emitted(plan: &Plan) -> Files {
    let mut files = Files::new();
    emit(plan, &mut files);
    files
}

fn parsed(files: &Files, path: &str) -> Body {
    let text = files.get(path).unwrap_or_else(|| panic!("{path} missing"));
    hcl::parse(text).unwrap_or_else(|err| panic!("{path}: {err}\n{text}"))
}

fn blocks<'a>(body: &'a Body, identifier: &'a str) -> impl Iterator<Item = &'a Block> + 'a {
    body.blocks().filter(move |b| b.identifier() == identifier)
}

fn attr<'a>(block: &'a Block, key: &str) -> &'a Expression {
    block
        .body()
        .attributes()
        .find(|a| a.key() == key)
        .map(|a| a.expr())
        .unwrap_or_else(|| panic!("{} has no {key}", block.identifier()))
}

fn string(expr: &Expression) -> &str {
    match expr {
        Expression::String(s) => s,
        other => panic!("expected a plain string, got {other:?}"),
    }
}

#[test]
fn emits_the_seven_files_each_with_the_header() {
    let plan = acm_like_plan();
    let files = emitted(&plan);
    let paths: Vec<_> = files.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(paths, FILES);
    let header = format!("{}\n", oncallc::emit::header::hash_comment(&plan));
    for (path, text) in files.iter() {
        assert!(text.starts_with(&header), "{path}:\n{text}");
        assert!(text.ends_with("}\n") && !text.ends_with("\n\n"), "{path}");
    }
}

#[test]
fn output_is_byte_identical_across_runs() {
    let plan = acm_like_plan();
    assert_eq!(emitted(&plan), emitted(&plan));
    assert_eq!(emitted(&hostile_plan()), emitted(&hostile_plan()));
    assert_eq!(emitted(&example_plan()), emitted(&example_plan()));
}

#[test]
fn parse_back_accepts_the_output() {
    assert_eq!(parse_back(&emitted(&acm_like_plan())), Ok(()));
    assert_eq!(parse_back(&emitted(&hostile_plan())), Ok(()));
    assert_eq!(parse_back(&emitted(&example_plan())), Ok(()));
}

#[test]
fn parse_back_catches_a_dangling_reference() {
    let mut plan = acm_like_plan();
    plan.policy.rules[0].schedules.clear();
    plan.schedules[0].layers[0].users[0] = "nobody@example.com".into();
    let err = parse_back(&emitted(&plan)).unwrap_err();
    assert!(
        err.contains("data.pagerduty_user.nobody@example.com"),
        "{err}"
    );
}

#[test]
fn hostile_names_parse_back_to_the_same_strings() {
    let plan = hostile_plan();
    let files = emitted(&plan);
    for (path, text) in files.iter() {
        assert!(!text.contains("\n break"), "raw newline in {path}");
    }

    let schedules = parsed(&files, "terraform/schedules.tf");
    let resources: Vec<_> = blocks(&schedules, "resource").collect();
    assert_eq!(resources.len(), plan.schedules.len());
    for (block, schedule) in resources.iter().zip(&plan.schedules) {
        assert_eq!(string(attr(block, "name")), schedule.name);
        let layers: Vec<_> = blocks(block.body(), "layer").collect();
        for (layer_block, layer) in layers.iter().zip(&schedule.layers) {
            assert_eq!(string(attr(layer_block, "name")), layer.name);
        }
    }

    let escalation = parsed(&files, "terraform/escalation.tf");
    let policy = blocks(&escalation, "resource").next().expect("policy");
    assert_eq!(string(attr(policy, "name")), plan.policy.name);

    let services = parsed(&files, "terraform/services.tf");
    let outputs = parsed(&files, "terraform/outputs.tf");
    let service_blocks: Vec<_> = blocks(&services, "resource").collect();
    let output_blocks: Vec<_> = blocks(&outputs, "output").collect();
    for ((service, output), env) in service_blocks
        .iter()
        .zip(&output_blocks)
        .zip(&plan.environments)
    {
        assert_eq!(string(attr(service, "name")), env.service_name);
        let description = string(attr(output, "description"));
        assert!(description.contains(&env.service_name), "{description}");
        assert!(description.contains(&env.name), "{description}");
    }
    assert!(plan.policy.name.starts_with(HOSTILE));
}

#[test]
fn references_are_traversals_and_timeouts_follow_the_plan() {
    let files = emitted(&acm_like_plan());
    let schedules = parsed(&files, "terraform/schedules.tf");
    let first = blocks(&schedules, "resource").next().expect("a schedule");
    let layer = blocks(first.body(), "layer").next().expect("a layer");
    let Expression::Array(users) = attr(layer, "users") else {
        panic!("users is not a list");
    };
    assert_eq!(users.len(), 2);
    assert!(users.iter().all(|u| matches!(u, Expression::Traversal(_))));
    assert_eq!(string(attr(layer, "start")), "2027-01-04T00:00:00+08:00");

    let services = parsed(&files, "terraform/services.tf");
    let dev = blocks(&services, "resource").next().expect("dev service");
    assert_eq!(string(attr(dev, "acknowledgement_timeout")), "null");
    assert_eq!(
        attr(dev, "auto_resolve_timeout"),
        &Expression::Number(86400.into())
    );
    assert!(matches!(
        attr(dev, "escalation_policy"),
        Expression::Traversal(_)
    ));
}

#[test]
fn never_emits_rulesets() {
    for (path, text) in emitted(&acm_like_plan()).iter() {
        assert!(!text.contains("pagerduty_ruleset"), "{path}");
    }
}

/// Runs `terraform fmt -check -diff` over the emitted directory. Fails (never skips) when
/// terraform is missing; set `TERRAFORM` to use a binary outside `PATH`.
fn assert_terraform_fmt_fixed_point(files: &Files) {
    let dir = tempfile::tempdir().expect("tempdir");
    for (path, text) in files.iter() {
        let target = dir.path().join(path.as_str());
        std::fs::create_dir_all(target.parent().expect("parent")).expect("mkdir");
        std::fs::write(&target, text).expect("write");
    }
    let terraform = terraform();
    let output = Command::new(&terraform)
        .args(["fmt", "-check", "-diff", "-recursive", "-no-color"])
        .arg(dir.path().join("terraform"))
        .output()
        .unwrap_or_else(|err| {
            panic!("cannot run `{terraform}` ({err}); this test needs terraform on PATH")
        });
    assert!(
        output.status.success(),
        "terraform fmt would change the output ({}):\n{}{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn terraform_fmt_leaves_the_output_unchanged() {
    assert_terraform_fmt_fixed_point(&emitted(&acm_like_plan()));
}

#[test]
fn terraform_fmt_leaves_the_example_output_unchanged() {
    assert_terraform_fmt_fixed_point(&emitted(&example_plan()));
}

#[test]
fn terraform_fmt_leaves_hostile_output_unchanged() {
    assert_terraform_fmt_fixed_point(&emitted(&hostile_plan()));
}

fn terraform() -> String {
    std::env::var("TERRAFORM").unwrap_or_else(|_| "terraform".into())
}

/// Terraform itself (not only hcl-rs) reads the emitted hostile literals back as the plan's
/// strings: the `name = "..."` literals are copied verbatim into a `locals` block and compared,
/// inside `terraform console`, with the expected strings loaded from JSON.
#[test]
fn terraform_reads_hostile_names_back_unchanged() {
    let plan = hostile_plan();
    let files = emitted(&plan);
    let mut expected = Vec::new();
    for schedule in &plan.schedules {
        expected.push(schedule.name.clone());
        expected.extend(schedule.layers.iter().map(|l| l.name.clone()));
    }
    expected.push(plan.policy.name.clone());
    expected.extend(plan.environments.iter().map(|e| e.service_name.clone()));

    let mut literals = Vec::new();
    for path in [
        "terraform/schedules.tf",
        "terraform/escalation.tf",
        "terraform/services.tf",
    ] {
        let text = files.get(path).expect("emitted");
        for line in text.lines() {
            let Some((key, value)) = line.split_once(" = ") else {
                continue;
            };
            if key.trim() == "name" {
                literals.push(value.to_string());
            }
        }
    }
    assert_eq!(literals.len(), expected.len(), "{literals:#?}");

    let dir = tempfile::tempdir().expect("tempdir");
    let mut config = String::from("locals {\n  actual = [\n");
    for literal in &literals {
        config.push_str(&format!("    {literal},\n"));
    }
    config.push_str("  ]\n  expected = jsondecode(file(\"expected.json\"))\n}\n");
    std::fs::write(dir.path().join("main.tf"), config).expect("write");
    std::fs::write(
        dir.path().join("expected.json"),
        serde_json::to_string(&expected).expect("json"),
    )
    .expect("write");

    let mut child = Command::new(terraform())
        .arg("console")
        .current_dir(dir.path())
        .env("TF_CLI_CONFIG_FILE", "/dev/null")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|err| panic!("cannot run terraform ({err}); this test needs terraform"));
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin
            .write_all(b"jsonencode(local.actual) == jsonencode(local.expected) ? \"same\" : jsonencode(local.actual)\n")
            .expect("stdin");
    }
    let output = child.wait_with_output().expect("terraform console");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && stdout.trim() == "\"same\"",
        "terraform read different strings:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
