//! `oncallc build`: compile the model and write the output directory.

use super::compile_args::CompileArgs;
use super::{CliError, Outcome};
use crate::pipeline;
use std::io::Write;

/// Runs `build`: writes only when the model is valid; reports what changed.
pub fn run(
    args: &CompileArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<Outcome, CliError> {
    let (planned, files) = match pipeline::compile(&args.model, &args.options()) {
        Ok(done) => done,
        Err(e) => return super::pipeline_failure(e, stderr),
    };
    stderr.write_all(planned.warnings.as_bytes())?;
    let (written, removed) = files
        .write(&args.out)
        .map_err(|e| CliError(format!("cannot write {}: {e}", args.out)))?;
    for path in &written {
        writeln!(stdout, "wrote {}", args.out.join(path))?;
    }
    for path in &removed {
        writeln!(stdout, "removed {}", args.out.join(path))?;
    }
    if written.is_empty() && removed.is_empty() {
        writeln!(stdout, "{}: {} files up to date", args.out, files.len())?;
    }
    Ok(Outcome::Ok)
}
