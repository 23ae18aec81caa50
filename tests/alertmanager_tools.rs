//! The emitted `alertmanager.yml` checked by Alertmanager's own `amtool` (0.25, our syntax floor).
//!
//! These tests fail, never skip, when `amtool` is missing (Debian/Ubuntu:
//! `apt-get install prometheus-alertmanager`); `ONCALLC_AMTOOL` overrides the binary.
//!
//! The plan is the real one of `examples/acm/oncall.yaml`. `amtool check-config` only parses and
//! validates the file: it does not open the `routing_key_file` / `api_url_file` paths (verified
//! with 0.25), so the plan keeps its production paths, which do not exist on the test machine.

mod alertmanager_support;

use alertmanager_support::example_plan;
use camino::{Utf8Path, Utf8PathBuf};
use oncallc::emit::alertmanager;
use oncallc::files::Files;
use oncallc::plan::Plan;
use std::process::{Command, Output};

/// Which receivers an alert with these labels reaches, in Alertmanager's order.
/// Paging alerts (`severity="critical"`) reach Slack first, then PagerDuty.
const ROUTING_CASES: &[(&[&str], &str)] = &[
    // labels                                     expected receivers
    (&["env=dev", "severity=critical"], "slack-dev,pagerduty-dev"),
    (&["env=dev", "severity=warning"], "slack-dev"),
    (&["env=dev"], "slack-dev"),
    (
        &["env=prod-emea", "severity=critical"],
        "slack-prod-emea,pagerduty-prod-emea",
    ),
    (&["env=prod-emea", "severity=warning"], "slack-prod-emea"),
    (&["env=prod-emea"], "slack-prod-emea"),
    (
        &["env=prod-na", "severity=critical"],
        "slack-prod-na,pagerduty-prod-na",
    ),
    (&["env=prod-na", "severity=warning"], "slack-prod-na"),
    (&["env=prod-na"], "slack-prod-na"),
    // no environment label at all
    (&["severity=critical"], "slack-unrouted"),
    (&["alertname=Watchdog"], "slack-unrouted"),
    // an environment the model does not know
    (&["env=staging", "severity=critical"], "slack-unrouted"),
    (&["env=prod", "severity=critical"], "slack-unrouted"),
];

fn plan() -> Plan {
    example_plan()
}

/// Emits the plan's config into a fresh temporary directory; the directory lives as long as
/// the returned guard.
fn write_config(plan: &Plan) -> (tempfile::TempDir, Utf8PathBuf) {
    let mut files = Files::new();
    alertmanager::emit(plan, &mut files);
    alertmanager::parse_back(&files).expect("self-check");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = Utf8Path::from_path(dir.path())
        .expect("UTF-8 temp dir")
        .join("alertmanager.yml");
    std::fs::write(&path, files.get(alertmanager::PATH).expect("emitted")).expect("write");
    (dir, path)
}

fn amtool(args: &[&str]) -> Output {
    let bin = std::env::var("ONCALLC_AMTOOL").unwrap_or_else(|_| "amtool".to_owned());
    Command::new(&bin)
        .args(args)
        .output()
        .unwrap_or_else(|err| {
            panic!("cannot run {bin} ({err}); install it: apt-get install prometheus-alertmanager")
        })
}

fn check_config(path: &Utf8Path) {
    let out = amtool(&["check-config", path.as_str()]);
    assert!(
        out.status.success(),
        "amtool check-config failed:\n{}{}\n--- config ---\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
        std::fs::read_to_string(path).unwrap_or_default(),
    );
}

/// Runs `amtool config routes test`; returns the receivers it resolved on mismatch.
fn route_test(path: &Utf8Path, labels: &[&str], expected: &str) -> Result<(), String> {
    let config = format!("--config.file={path}");
    let verify = format!("--verify.receivers={expected}");
    let mut args = vec!["config", "routes", "test", &config, &verify];
    args.extend_from_slice(labels);
    let out = amtool(&args);
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{labels:?}: expected {expected}, amtool says {}{}",
            String::from_utf8_lossy(&out.stdout).trim(),
            String::from_utf8_lossy(&out.stderr).trim(),
        ))
    }
}

#[test]
fn amtool_check_config_accepts_the_example() {
    let (_dir, path) = write_config(&plan());
    check_config(&path);
}

#[test]
fn amtool_check_config_accepts_a_pagerduty_url_override() {
    let mut plan = plan();
    plan.alertmanager.pagerduty_url = Some("http://127.0.0.1:9/v2/enqueue".to_owned());
    let (_dir, path) = write_config(&plan);
    check_config(&path);
}

#[test]
fn amtool_routes_every_environment_and_severity() {
    let (_dir, path) = write_config(&plan());
    let failures: Vec<String> = ROUTING_CASES
        .iter()
        .filter_map(|(labels, expected)| route_test(&path, labels, expected).err())
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Label values with a quote, a backslash, a comma, a brace and a space survive the escaping.
#[test]
fn amtool_routes_label_values_that_need_escaping() {
    let weird = r#"we"ird\,x y}"#;
    let mut plan = plan();
    plan.environments[0].label_value = weird.to_owned();
    let (_dir, path) = write_config(&plan);
    check_config(&path);
    let label = r#"env="we\"ird\\,x y}""#;
    let cases: &[(&[&str], &str)] = &[
        (&[label, "severity=critical"], "slack-dev,pagerduty-dev"),
        (&[label], "slack-dev"),
        (&["env=dev", "severity=critical"], "slack-unrouted"),
    ];
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(labels, expected)| route_test(&path, labels, expected).err())
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
