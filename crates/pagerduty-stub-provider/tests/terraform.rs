//! Runs the real `terraform` against the stub provider, installed from a
//! filesystem mirror, so that `init` also checks the version constraint.
//!
//! `terraform` must be on `PATH` (or named by `$TERRAFORM`); without it these
//! tests fail rather than skip.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use tempfile::TempDir;

/// The stub provider binary built by Cargo.
const PROVIDER_BIN: &str = env!("CARGO_BIN_EXE_terraform-provider-pagerduty");

/// Hand-written Terraform in the shape oncallc generates.
const SAMPLE_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/sample");

/// The Terraform that oncallc generates for `examples/acm`.
const GENERATED_ACM_DIR: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../generated/acm/terraform");

/// The schema the provider serves; its `provider_version` names the mirror entry.
const SCHEMA_FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/pagerduty-provider-schema.json"
);

/// Files a source directory may hold that must not reach the test copy: state,
/// provider caches, and lock files pinning the real provider's hashes.
const SKIPPED: [&str; 4] = [
    ".terraform",
    ".terraform.lock.hcl",
    "terraform.tfstate",
    "terraform.tfstate.backup",
];

/// Terraform variables that could change what these runs do.
const CLEARED_ENV: [&str; 9] = [
    "TF_CLI_ARGS",
    "TF_CLI_ARGS_init",
    "TF_CLI_ARGS_validate",
    "TF_CLI_ARGS_plan",
    "TF_CLI_ARGS_show",
    "TF_DATA_DIR",
    "TF_PLUGIN_CACHE_DIR",
    "TF_WORKSPACE",
    "TF_LOG",
];

/// A copy of a Terraform directory with the stub provider in a local mirror.
struct Workspace {
    root: TempDir,
}

impl Workspace {
    /// Copy `source` into a temporary directory and run `terraform init`.
    fn init(source: &Path) -> Self {
        let workspace = Self::copy(source);
        workspace.run_ok(&["init", "-input=false", "-no-color", &workspace.mirror_arg()]);
        workspace
    }

    /// Copy `source` into a temporary directory, edit one file, and run `terraform init`.
    fn init_edited(source: &Path, file: &str, edit: impl FnOnce(&str) -> String) -> Self {
        let workspace = Self::copy(source);
        let path = workspace.config_dir().join(file);
        let before = fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let after = edit(&before);
        assert_ne!(before, after, "the edit of {file} changed nothing");
        fs::write(&path, after).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        workspace.run_ok(&["init", "-input=false", "-no-color", &workspace.mirror_arg()]);
        workspace
    }

    fn copy(source: &Path) -> Self {
        assert!(
            source.is_dir(),
            "no Terraform directory at {}",
            source.display()
        );
        let root = tempfile::tempdir().expect("cannot create a temporary directory");
        let workspace = Self { root };
        copy_dir(source, &workspace.config_dir());
        workspace.install_provider();
        fs::write(workspace.cli_config(), "").expect("cannot write the CLI configuration");
        workspace
    }

    fn config_dir(&self) -> PathBuf {
        self.root.path().join("config")
    }

    fn mirror_dir(&self) -> PathBuf {
        self.root.path().join("mirror")
    }

    fn mirror_arg(&self) -> String {
        format!("-plugin-dir={}", self.mirror_dir().display())
    }

    /// An empty CLI configuration, so the user's (e.g. `dev_overrides`) is ignored.
    fn cli_config(&self) -> PathBuf {
        self.root.path().join("terraformrc")
    }

    /// Link the provider binary into the mirror under the schema's provider version.
    fn install_provider(&self) {
        let version = provider_version();
        let dir = self
            .mirror_dir()
            .join("registry.terraform.io/pagerduty/pagerduty")
            .join(&version)
            .join(platform());
        fs::create_dir_all(&dir).expect("cannot create the mirror directory");
        let target = dir.join(format!("terraform-provider-pagerduty_v{version}"));
        std::os::unix::fs::symlink(PROVIDER_BIN, &target)
            .unwrap_or_else(|e| panic!("cannot link {}: {e}", target.display()));
    }

    /// Run terraform in the configuration directory.
    fn run(&self, args: &[&str]) -> Output {
        let program = std::env::var("TERRAFORM").unwrap_or_else(|_| "terraform".to_owned());
        let mut command = Command::new(&program);
        for name in CLEARED_ENV {
            command.env_remove(name);
        }
        command
            .args(args)
            .current_dir(self.config_dir())
            .env("TF_CLI_CONFIG_FILE", self.cli_config())
            .env("TF_IN_AUTOMATION", "1")
            .env("CHECKPOINT_DISABLE", "1")
            .env("RUST_LIB_BACKTRACE", "0")
            .env("PAGERDUTY_TOKEN", "dummy")
            .output()
            .unwrap_or_else(|e| {
                panic!("cannot run `{program}` (Terraform 1.11 must be on PATH or named by $TERRAFORM): {e}")
            })
    }

    /// Run terraform and fail the test unless it succeeds.
    fn run_ok(&self, args: &[&str]) -> Output {
        let output = self.run(args);
        assert!(
            output.status.success(),
            "terraform {} failed:\n{}",
            args.join(" "),
            text(&output)
        );
        output
    }

    /// Run `terraform validate`, expecting it to fail; returns its output, whitespace collapsed.
    fn validate_fails(&self) -> String {
        let output = self.run(&["validate", "-no-color"]);
        let text = text(&output);
        assert!(!output.status.success(), "validate passed:\n{text}");
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Plan, and count the planned creations by resource type.
    fn planned_creations(&self) -> BTreeMap<String, usize> {
        self.run_ok(&[
            "plan",
            "-input=false",
            "-refresh=false",
            "-no-color",
            "-out=stub.tfplan",
        ]);
        let shown = self.run_ok(&["show", "-json", "stub.tfplan"]);
        let plan: Value = serde_json::from_slice(&shown.stdout).expect("plan JSON");
        let changes = plan["resource_changes"]
            .as_array()
            .expect("resource_changes in the plan JSON");
        let mut creations = BTreeMap::new();
        for change in changes.iter().filter(|c| c["mode"] == "managed") {
            let actions = &change["change"]["actions"];
            assert_eq!(
                actions,
                &serde_json::json!(["create"]),
                "{} is not a plain creation",
                change["address"]
            );
            let kind = change["type"].as_str().expect("resource type").to_owned();
            *creations.entry(kind).or_default() += 1;
        }
        creations
    }
}

/// Validate and plan `dir`, and check the number of resources of each type it creates.
fn assert_validates_and_plans(dir: &str, expected: &[(&str, usize)]) {
    let workspace = Workspace::init(Path::new(dir));
    let validated = workspace.run_ok(&["validate", "-no-color"]);
    assert!(
        text(&validated).contains("The configuration is valid"),
        "{}",
        text(&validated)
    );
    let expected: BTreeMap<String, usize> = expected
        .iter()
        .map(|(kind, count)| ((*kind).to_owned(), *count))
        .collect();
    assert_eq!(workspace.planned_creations(), expected);
}

/// Validate the sample after `edit` of `file`, and check that terraform says all of `messages`.
fn assert_mistake_reported(file: &str, edit: impl FnOnce(&str) -> String, messages: &[&str]) {
    let workspace = Workspace::init_edited(Path::new(GENERATED_ACM_DIR), file, edit);
    let said = workspace.validate_fails();
    for message in messages {
        assert!(said.contains(message), "expected {message:?} in:\n{said}");
    }
}

fn provider_version() -> String {
    let text = fs::read_to_string(SCHEMA_FILE).expect("schema fixture");
    let schema: Value = serde_json::from_str(&text).expect("schema fixture JSON");
    schema["provider_schemas"]["registry.terraform.io/pagerduty/pagerduty"]["provider_version"]
        .as_str()
        .expect("provider_version in the schema fixture")
        .to_owned()
}

/// Terraform's name for this platform, e.g. `linux_amd64`.
fn platform() -> String {
    let arch = match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        "x86" => "386",
        other => other,
    };
    format!("{}_{arch}", std::env::consts::OS)
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap_or_else(|e| panic!("cannot create {}: {e}", to.display()));
    let entries =
        fs::read_dir(from).unwrap_or_else(|e| panic!("cannot list {}: {e}", from.display()));
    for entry in entries {
        let entry = entry.expect("directory entry");
        let name = entry.file_name();
        if SKIPPED.iter().any(|skipped| name == *skipped) {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            copy_dir(&path, &to.join(&name));
        } else {
            fs::copy(&path, to.join(&name))
                .unwrap_or_else(|e| panic!("cannot copy {}: {e}", path.display()));
        }
    }
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Drop every block opened by a line `header {` (and its nested blocks).
fn remove_blocks(text: &str, header: &str) -> String {
    let opening = format!("{header} {{");
    let mut kept = Vec::new();
    let mut depth = 0usize;
    for line in text.lines() {
        if depth == 0 && line.trim() == opening {
            depth = 1;
            continue;
        }
        if depth > 0 {
            depth += line.matches('{').count();
            depth -= line.matches('}').count().min(depth);
            continue;
        }
        kept.push(line);
    }
    kept.join("\n") + "\n"
}

#[test]
fn sample_validates_and_plans() {
    assert_validates_and_plans(
        SAMPLE_DIR,
        &[
            ("pagerduty_escalation_policy", 1),
            ("pagerduty_schedule", 2),
            ("pagerduty_service", 2),
            ("pagerduty_service_integration", 2),
        ],
    );
}

/// Counts follow `examples/acm/oncall.yaml`: four site schedules, the
/// exceptions and catch-all schedules, one policy, three environments.
#[test]
fn generated_acm_validates_and_plans() {
    assert_validates_and_plans(
        GENERATED_ACM_DIR,
        &[
            ("pagerduty_escalation_policy", 1),
            ("pagerduty_schedule", 6),
            ("pagerduty_service", 3),
            ("pagerduty_service_integration", 3),
        ],
    );
}

#[test]
fn unknown_attribute_fails_validate() {
    assert_mistake_reported(
        "escalation.tf",
        |text| text.replace("num_loops = 2", "num_loops = 2\n  colour    = \"red\""),
        &[
            "Unsupported argument",
            "An argument named \"colour\" is not expected here.",
        ],
    );
}

#[test]
fn missing_required_attribute_fails_validate() {
    assert_mistake_reported(
        "schedules.tf",
        |text| text.replace("  time_zone = \"Europe/Paris\"\n", ""),
        &[
            "Missing required argument",
            "The argument \"time_zone\" is required",
            "pagerduty_schedule\" \"business_hours_paris\"",
        ],
    );
}

#[test]
fn missing_required_block_fails_validate() {
    assert_mistake_reported(
        "schedules.tf",
        |text| remove_blocks(text, "layer"),
        &[
            "Insufficient layer blocks",
            "At least 1 \"layer\" blocks are required.",
            "pagerduty_schedule.business_hours_xian",
        ],
    );
}

#[test]
fn reference_to_undeclared_resource_fails_validate() {
    assert_mistake_reported(
        "escalation.tf",
        |text| {
            text.replace(
                "pagerduty_schedule.catch_all.id",
                "pagerduty_schedule.catch_all_typo.id",
            )
        },
        &[
            "Reference to undeclared resource",
            "\"pagerduty_schedule\" \"catch_all_typo\" has not been declared",
        ],
    );
}

#[test]
fn remove_blocks_drops_nested_blocks_too() {
    let text = "a {\n  layer {\n    b {\n    }\n  }\n  c = 1\n}\n";
    assert_eq!(remove_blocks(text, "layer"), "a {\n  c = 1\n}\n");
}
