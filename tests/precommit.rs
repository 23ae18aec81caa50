//! The shipped pre-commit hook (`.pre-commit-hooks.yaml`) run by the real `pre-commit`.
//!
//! These tests fail, never skip, when `pre-commit` is missing (`pip install pre-commit`);
//! `ONCALLC_PRE_COMMIT` overrides the command.
//!
//! Each test makes a team's repository in a temporary directory (git init, a copy of
//! `examples/acm/oncall.yaml` and its output built by the test binary, all committed) and checks
//! that the hook passes while the output is in sync, and fails after a hand edit of a generated
//! file (with the diff), after a model change without a rebuild, and on an invalid model (with
//! `file:line:col`); a commit that touches neither the model nor the output skips the hook.
//!
//! - `local_hook_*` runs the manifest's hook as a `repo: local` hook with `language: system`
//!   whose entry is the test binary: seconds, no install.
//! - `remote_hook_*` runs the manifest as published, `language: rust`: pre-commit clones this
//!   repository (a committed snapshot of the work tree, with its untracked files, in a temporary
//!   directory) and builds it with `cargo install`, first with `pre-commit try-repo`, then as a
//!   `repo:` entry of a team's `.pre-commit-config.yaml` with `args`. `cargo install` ignores
//!   `Cargo.lock`, so it needs crates.io, and it builds twice (try-repo always installs into a
//!   throwaway store). To keep this near a minute on two cores, the build is unoptimised
//!   (`CARGO_PROFILE_RELEASE_OPT_LEVEL=0`: measured 3x faster cold, 10x warm) and goes to
//!   a target directory under `CARGO_TARGET_TMPDIR`, which later runs reuse.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const MANIFEST: &str = ".pre-commit-hooks.yaml";
const HOOK_ID: &str = "oncallc-check";

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// A command with no inherited git state: a test run from inside a git hook must not reach the
/// outer repository.
fn command(program: impl AsRef<std::ffi::OsStr>, cwd: &Path) -> Command {
    let mut cmd = Command::new(program);
    cmd.current_dir(cwd);
    for var in [
        "GIT_DIR",
        "GIT_WORK_TREE",
        "GIT_INDEX_FILE",
        "GIT_OBJECT_DIRECTORY",
    ] {
        cmd.env_remove(var);
    }
    cmd
}

fn git(args: &[&str], cwd: &Path) -> String {
    let output = command("git", cwd).args(args).output().expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?} in {}:\n{}",
        cwd.display(),
        text(&output)
    );
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

fn git_init(dir: &Path) {
    git(&["init", "-q"], dir);
    git(&["config", "user.email", "oncall@example.com"], dir);
    git(&["config", "user.name", "On Call"], dir);
    git(&["config", "commit.gpgsign", "false"], dir);
}

fn commit_all(dir: &Path, message: &str) -> String {
    git(&["add", "-A"], dir);
    git(&["commit", "-q", "--no-verify", "-m", message], dir);
    git(&["rev-parse", "HEAD"], dir)
}

/// Runs `pre-commit` with its store in `home`; fails the test when `pre-commit` is missing.
fn pre_commit(args: &[&str], cwd: &Path, home: &Path) -> Output {
    let program = std::env::var("ONCALLC_PRE_COMMIT").unwrap_or_else(|_| "pre-commit".into());
    let mut cmd = command(&program, cwd);
    cmd.args(args)
        .env("PRE_COMMIT_HOME", home)
        .env("PRE_COMMIT_COLOR", "never")
        .env_remove("SKIP");
    // For the `language: rust` hook's `cargo install`: a target directory that later runs reuse,
    // and no optimisation, which makes the build several times faster and changes nothing that
    // these tests look at.
    cmd.env(
        "CARGO_TARGET_DIR",
        Path::new(env!("CARGO_TARGET_TMPDIR")).join("pre-commit-cargo-install"),
    )
    .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0")
    .env("CARGO_PROFILE_RELEASE_DEBUG", "false");
    match cmd.output() {
        Ok(output) => output,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => panic!(
            "`{program}` is not installed: `pip install pre-commit` (or set ONCALLC_PRE_COMMIT)"
        ),
        Err(error) => panic!("`{program}` did not run: {error}"),
    }
}

/// The hook as `.pre-commit-hooks.yaml` declares it.
fn manifest_hook() -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(MANIFEST);
    let yaml = std::fs::read_to_string(&path).expect("read .pre-commit-hooks.yaml");
    let hooks: Vec<serde_json::Value> = serde_saphyr::from_str(&yaml).expect("manifest is YAML");
    let hook = hooks
        .into_iter()
        .find(|hook| hook["id"] == HOOK_ID)
        .expect("the manifest declares oncallc-check");
    assert_eq!(hook["language"], "rust", "{hook}");
    assert_eq!(hook["entry"], "oncallc check", "{hook}");
    assert_eq!(hook["pass_filenames"], false, "{hook}");
    hook
}

/// A team's repository: the example model at `model`, its output built into `out`, and a
/// `.pre-commit-config.yaml` (JSON, which is YAML), all committed.
struct TeamRepo {
    _guard: tempfile::TempDir,
    dir: PathBuf,
    model: String,
    out: String,
}

impl TeamRepo {
    fn new(model: &str, out: &str, config: Option<serde_json::Value>) -> Self {
        let guard = tempfile::tempdir().expect("tempdir");
        let dir = guard.path().join("team");
        std::fs::create_dir(&dir).expect("mkdir");
        git_init(&dir);
        let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/acm/oncall.yaml");
        let model_path = dir.join(model);
        std::fs::create_dir_all(model_path.parent().expect("parent")).expect("mkdir");
        std::fs::copy(example, &model_path).expect("copy the example");
        std::fs::write(dir.join("README.md"), "# on-call\n").expect("write README");
        let build = command(env!("CARGO_BIN_EXE_oncallc"), &dir)
            .args(["build", model, "--out", out])
            .output()
            .expect("oncallc runs");
        assert!(build.status.success(), "{}", text(&build));
        if let Some(config) = config {
            let json = serde_json::to_string_pretty(&config).expect("JSON");
            std::fs::write(dir.join(".pre-commit-config.yaml"), json).expect("write config");
        }
        commit_all(&dir, "on-call model and its output");
        TeamRepo {
            _guard: guard,
            dir,
            model: model.to_owned(),
            out: out.to_owned(),
        }
    }

    /// Rewrites one file of the repository (once, exactly) and stages it, as before a commit.
    fn edit(&self, rel: &str, from: &str, to: &str) {
        let path = self.dir.join(rel);
        let old = std::fs::read_to_string(&path).expect("read");
        assert_eq!(old.matches(from).count(), 1, "{from:?} in {rel}");
        std::fs::write(&path, old.replacen(from, to, 1)).expect("write");
        git(&["add", "--", rel], &self.dir);
    }

    fn reset(&self) {
        git(&["reset", "-q", "--hard", "HEAD"], &self.dir);
    }

    /// The hook's verdicts on the four situations; `run` runs pre-commit with the given
    /// file selection in the repository.
    fn assert_hook_verdicts(&self, run: &dyn Fn(&[&str]) -> Output) {
        let all = ["--all-files"];

        let output = run(&all);
        let log = text(&output);
        assert_eq!(output.status.code(), Some(0), "in sync:\n{log}");
        assert!(
            log.contains("oncallc check") && log.contains("Passed"),
            "{log}"
        );

        // A commit that touches neither the model nor the output does not run the hook.
        let output = run(&["--files", "README.md"]);
        let log = text(&output);
        assert_eq!(output.status.code(), Some(0), "unrelated file:\n{log}");
        assert!(log.contains("Skipped"), "{log}");

        // A hand edit of a generated file.
        let am = format!("{}/alertmanager/alertmanager.yml", self.out);
        self.edit(&am, "repeat_interval: 4h", "repeat_interval: 1h");
        let output = run(&all);
        let log = text(&output);
        assert_eq!(output.status.code(), Some(1), "hand edit:\n{log}");
        assert!(log.contains("Failed"), "{log}");
        assert!(log.contains("--- a/alertmanager/alertmanager.yml"), "{log}");
        assert!(log.contains("+++ b/alertmanager/alertmanager.yml"), "{log}");
        assert!(log.contains("-  repeat_interval: 1h"), "{log}");
        assert!(log.contains("+  repeat_interval: 4h"), "{log}");
        // Only the edited file is reported, and it is staged: the hook reads the work tree.
        let output = run(&["--files", &am]);
        assert_eq!(output.status.code(), Some(1), "{}", text(&output));
        self.reset();

        // A model change without a rebuild.
        self.edit(&self.model, "delay: 15m", "delay: 20m");
        let output = run(&all);
        let log = text(&output);
        assert_eq!(output.status.code(), Some(1), "model change:\n{log}");
        assert!(log.contains("Failed"), "{log}");
        assert!(log.contains("--- a/terraform/escalation.tf"), "{log}");
        assert!(log.contains("escalation_delay_in_minutes = 20"), "{log}");
        self.reset();

        // An invalid model: the error, at file:line:col, and no diff.
        self.edit(&self.model, "zone: Asia/Shanghai ", "zone: Asia/Xian     ");
        let output = run(&all);
        let log = text(&output);
        assert_eq!(output.status.code(), Some(1), "invalid model:\n{log}");
        assert!(log.contains("Failed"), "{log}");
        let location = format!("{}:16:11", self.model);
        assert!(log.contains(&location), "{location} in:\n{log}");
        assert!(
            log.contains("`Asia/Xian` is not an IANA time zone"),
            "{log}"
        );
        assert!(!log.contains("--- a/"), "{log}");
        self.reset();

        let output = run(&all);
        assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    }
}

#[test]
fn local_hook_passes_in_sync_and_fails_on_drift() {
    let hook = manifest_hook();
    let binary = env!("CARGO_BIN_EXE_oncallc");
    assert!(!binary.contains('\''), "{binary}");
    let config = serde_json::json!({
        "repos": [{
            "repo": "local",
            "hooks": [{
                "id": hook["id"],
                "name": hook["name"],
                "entry": format!("'{binary}' check"),
                "language": "system",
                "pass_filenames": hook["pass_filenames"],
                "files": hook["files"],
            }],
        }],
    });
    let repo = TeamRepo::new("oncall.yaml", "generated", Some(config));
    let home = tempfile::tempdir().expect("tempdir");
    repo.assert_hook_verdicts(&|files| {
        let mut args = vec!["run", "--color", "never"];
        args.extend_from_slice(files);
        pre_commit(&args, &repo.dir, home.path())
    });
}

/// A committed snapshot of this repository's work tree (tracked and untracked files, without
/// the ignored ones), so that pre-commit clones what is being tested.
fn snapshot_of_this_repo(dir: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let listing = command("git", root)
        .args([
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
        ])
        .output()
        .expect("git runs");
    assert!(listing.status.success(), "{}", text(&listing));
    for rel in listing.stdout.split(|&b| b == 0).filter(|s| !s.is_empty()) {
        let rel = Path::new(std::str::from_utf8(rel).expect("UTF-8 path"));
        let from = root.join(rel);
        if !from.is_file() {
            continue; // deleted in the work tree, or a submodule
        }
        let to = dir.join(rel);
        std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
        std::fs::copy(&from, &to).expect("copy");
    }
    git_init(dir);
    commit_all(dir, "snapshot")
}

#[test]
fn remote_hook_builds_with_cargo_and_fails_on_drift() {
    manifest_hook();
    let hooks = tempfile::tempdir().expect("tempdir");
    let hook_repo = hooks.path().join("oncallc");
    std::fs::create_dir(&hook_repo).expect("mkdir");
    let rev = snapshot_of_this_repo(&hook_repo);
    let hook_repo_str = hook_repo.to_str().expect("UTF-8 temp dir");

    // `pre-commit try-repo`, with the defaults: model `oncall.yaml`, output `generated/`.
    let repo = TeamRepo::new("oncall.yaml", "generated", None);
    let home = tempfile::tempdir().expect("tempdir");
    let output = pre_commit(
        &[
            "try-repo",
            hook_repo_str,
            HOOK_ID,
            "--all-files",
            "--color",
            "never",
        ],
        &repo.dir,
        home.path(),
    );
    let log = text(&output);
    assert_eq!(output.status.code(), Some(0), "try-repo:\n{log}");
    assert!(
        log.contains("oncallc check") && log.contains("Passed"),
        "{log}"
    );

    // The hook as a team's config names it, with `args` for a nested layout.
    let model = "examples/acm/oncall.yaml";
    let out = "generated/acm";
    let config = serde_json::json!({
        "repos": [{
            "repo": hook_repo_str,
            "rev": rev,
            "hooks": [{ "id": HOOK_ID, "args": [model, "--out", out] }],
        }],
    });
    let repo = TeamRepo::new(model, out, Some(config));
    let home = tempfile::tempdir().expect("tempdir");
    let output = pre_commit(&["install-hooks"], &repo.dir, home.path());
    assert!(output.status.success(), "install-hooks:\n{}", text(&output));
    repo.assert_hook_verdicts(&|files| {
        let mut args = vec!["run", "--color", "never"];
        args.extend_from_slice(files);
        pre_commit(&args, &repo.dir, home.path())
    });
}
