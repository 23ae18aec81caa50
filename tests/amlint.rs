//! The emitted `alertmanager.yml` checked by amlint, a semantic linter for Alertmanager configs
//! that finds what `amtool check-config` accepts but routes wrongly (unreachable routes,
//! shadowed receivers, over-broad inhibitions).
//!
//! These tests fail, never skip, when `amlint` is missing (`pip install amlint`);
//! `ONCALLC_AMLINT` overrides the command. They run `amlint check --strict --format json`:
//! `--strict` exits non-zero on warnings as well as errors, and the JSON lists every finding,
//! informational ones included, so that the tests require none at all.
//!
//! One check is ignored: `global-resolve-timeout-missing` (informational) notes that
//! `global.resolve_timeout` is unset. It only applies to alerts sent without an end time, and
//! Prometheus always sends one; oncallc leaves Alertmanager's default (5m).

use std::path::Path;
use std::process::{Command, Output};

const IGNORED: &str = "global-resolve-timeout-missing";

fn amlint(args: &[&str]) -> Output {
    let program = std::env::var("ONCALLC_AMLINT").unwrap_or_else(|_| "amlint".into());
    match Command::new(&program).args(args).output() {
        Ok(output) => output,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            panic!("`{program}` is not installed: `pip install amlint` (or set ONCALLC_AMLINT)")
        }
        Err(error) => panic!("`{program}` did not run: {error}"),
    }
}

/// amlint's findings on one file, and whether it exited 0.
fn lint(path: &Path) -> (bool, Vec<serde_json::Value>, String) {
    let path = path.to_str().expect("UTF-8 path");
    let output = amlint(&[
        "check",
        "--strict",
        "--format",
        "json",
        "--input-format",
        "alertmanager",
        "--ignore",
        IGNORED,
        path,
    ]);
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let log = format!("{stdout}{}", String::from_utf8_lossy(&output.stderr));
    let findings: Vec<serde_json::Value> = serde_json::from_str(&stdout)
        .unwrap_or_else(|error| panic!("amlint's JSON ({error}):\n{log}"));
    (output.status.success(), findings, log)
}

fn assert_clean(path: &Path) {
    let (ok, findings, log) = lint(path);
    assert!(
        findings.is_empty(),
        "amlint flags {}:\n{}",
        path.display(),
        serde_json::to_string_pretty(&findings).unwrap()
    );
    assert!(ok, "amlint --strict failed on {}:\n{log}", path.display());
}

#[test]
fn committed_example_output_has_no_findings() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("generated/acm/alertmanager/alertmanager.yml");
    assert_clean(&path);
}

#[test]
fn freshly_built_example_output_has_no_findings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let model = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/acm/oncall.yaml");
    let build = Command::new(env!("CARGO_BIN_EXE_oncallc"))
        .arg("build")
        .arg(&model)
        .arg("--out")
        .arg(dir.path())
        .output()
        .expect("oncallc runs");
    assert!(
        build.status.success(),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
    assert_clean(&dir.path().join("alertmanager/alertmanager.yml"));
}

/// The same flags do find things: an environment subtree whose Slack route lacks
/// `continue: true` never pages.
#[test]
fn a_slack_route_without_continue_is_flagged() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("alertmanager.yml");
    std::fs::write(
        &path,
        r##"route:
  receiver: slack-unrouted
  routes:
  - receiver: slack-prod
    matchers:
    - 'env="prod"'
    routes:
    - receiver: slack-prod
    - receiver: pagerduty-prod
      matchers:
      - 'severity="critical"'
receivers:
- name: pagerduty-prod
  pagerduty_configs:
  - routing_key_file: /etc/alertmanager/pagerduty/prod.key
- name: slack-prod
  slack_configs:
  - api_url_file: /etc/alertmanager/slack-webhook
    channel: "#prod"
- name: slack-unrouted
  slack_configs:
  - api_url_file: /etc/alertmanager/slack-webhook
    channel: "#alerts"
"##,
    )
    .expect("write");
    let (ok, findings, log) = lint(&path);
    assert!(!ok, "{log}");
    assert!(
        findings
            .iter()
            .any(|f| f["code"] == "unreachable-route" && f["line"] == 8),
        "{log}"
    );
}
