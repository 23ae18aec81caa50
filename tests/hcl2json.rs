//! The committed Terraform parsed by HashiCorp's own HCL parser (hashicorp/hcl, through
//! `@cdktf/hcl2json`, which compiles hcl2json to WebAssembly), independently of the hcl-rs
//! parse-back that `oncallc build` does itself.
//!
//! `@cdktf/hcl2json` is a library with no command: `tests/tools/hcl2json.mjs` parses each file
//! named on its command line with it. These tests fail, never skip, when node or the package is
//! missing (`npm install -g @cdktf/hcl2json`). A global install is found through NODE_PATH, set
//! here to `npm root -g` (appended to any NODE_PATH already set); `ONCALLC_NODE` overrides the
//! node command.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn run(program: &str, cmd: &mut Command, hint: &str) -> Output {
    match cmd.output() {
        Ok(output) => output,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            panic!("`{program}` is not installed: {hint}")
        }
        Err(error) => panic!("`{program}` did not run: {error}"),
    }
}

fn node_path() -> OsString {
    let output = run(
        "npm",
        Command::new("npm").args(["root", "-g"]),
        "install Node.js and npm, then `npm install -g @cdktf/hcl2json`",
    );
    assert!(
        output.status.success(),
        "npm root -g: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let global = PathBuf::from(String::from_utf8_lossy(&output.stdout).trim());
    let mut paths = vec![global];
    if let Some(existing) = std::env::var_os("NODE_PATH") {
        paths.extend(std::env::split_paths(&existing));
    }
    std::env::join_paths(paths).expect("NODE_PATH")
}

/// Runs `tests/tools/hcl2json.mjs` on the files: exit 0 when all parse, 1 when one does not,
/// 2 when the package cannot be loaded.
fn hcl2json(files: &[PathBuf]) -> (Option<i32>, String) {
    let program = std::env::var("ONCALLC_NODE").unwrap_or_else(|_| "node".into());
    let output = run(
        &program,
        Command::new(&program)
            .arg(root().join("tests/tools/hcl2json.mjs"))
            .args(files)
            .env("NODE_PATH", node_path()),
        "install Node.js (or set ONCALLC_NODE)",
    );
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert_ne!(
        output.status.code(),
        Some(2),
        "@cdktf/hcl2json is not usable (`npm install -g @cdktf/hcl2json`):\n{log}"
    );
    (output.status.code(), log)
}

fn committed_tf_files() -> Vec<PathBuf> {
    let dir = root().join("generated/acm/terraform");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("read generated/acm/terraform")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "tf"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_committed_tf_file_parses() {
    let files = committed_tf_files();
    assert!(files.len() >= 7, "{files:?}");
    let (code, log) = hcl2json(&files);
    assert_eq!(code, Some(0), "{log}");
    for file in &files {
        let line = format!("{}: ok", file.display());
        assert!(log.contains(&line), "{line} in:\n{log}");
    }
}

#[test]
fn a_broken_copy_fails_to_parse() {
    let dir = tempfile::tempdir().expect("tempdir");
    let services = root().join("generated/acm/terraform/services.tf");
    let text = std::fs::read_to_string(&services).expect("read services.tf");

    // The last closing brace missing.
    let unclosed = dir.path().join("unclosed.tf");
    let body = text
        .trim_end()
        .strip_suffix('}')
        .expect("ends with a brace");
    std::fs::write(&unclosed, body).expect("write");
    // An attribute without a value.
    let no_value = dir.path().join("no_value.tf");
    let broken = text.replacen("urgency = \"high\"", "urgency = ", 1);
    assert_ne!(broken, text, "services.tf has an urgency");
    std::fs::write(&no_value, broken).expect("write");

    let (code, log) = hcl2json(&[unclosed.clone(), no_value.clone()]);
    assert_eq!(code, Some(1), "{log}");
    assert!(log.contains("Unclosed configuration block"), "{log}");
    assert!(log.contains("no_value.tf"), "{log}");
    assert!(!log.contains(": ok"), "{log}");
}
