//! `oncallc check`: validate, render in memory, and fail with a diff when the output is stale.

use super::compile_args::CompileArgs;
use super::{CliError, Outcome};
use crate::files::unified_diff;
use crate::pipeline;
use std::io::Write;

/// Runs `check`: exit 0 when the committed output matches the model, 1 with a diff otherwise.
pub fn run(
    args: &CompileArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<Outcome, CliError> {
    let options = pipeline::Options {
        skip_self_check: true,
        ..args.options()
    };
    let (planned, files) = match pipeline::compile(&args.model, &options) {
        Ok(done) => done,
        Err(e) => return super::pipeline_failure(e, stderr),
    };
    stderr.write_all(planned.warnings.as_bytes())?;
    let drift = files
        .compare(&args.out)
        .map_err(|e| CliError(format!("cannot read {}: {e}", args.out)))?;
    if drift.is_clean() {
        writeln!(
            stdout,
            "{}: {} files up to date with {}",
            args.out,
            files.len(),
            args.model
        )?;
        return Ok(Outcome::Ok);
    }
    for (index, (path, _)) in drift.stale.iter().enumerate() {
        writeln!(stdout, "stale: {}", args.out.join(path))?;
        stdout.write_all(drift.diff_of_stale(&files, index).as_bytes())?;
    }
    for path in &drift.missing {
        writeln!(stdout, "missing: {}", args.out.join(path))?;
        let rendered = files.get(path).unwrap_or_default();
        stdout.write_all(unified_diff(path, "", rendered).as_bytes())?;
    }
    for path in &drift.extra {
        writeln!(
            stdout,
            "extra: {} (generated, but the model no longer produces it)",
            args.out.join(path)
        )?;
    }
    let count = drift.stale.len() + drift.missing.len() + drift.extra.len();
    writeln!(
        stderr,
        "{}: {count} file(s) out of date with {}; run `oncallc build {} --out {}`",
        args.out, args.model, args.model, args.out
    )?;
    Ok(Outcome::Failed)
}
