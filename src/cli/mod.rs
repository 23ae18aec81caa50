//! The command line: one file per command; all printing and exit codes are decided here.

use std::fmt;
use std::process::ExitCode;

/// How a command ended, mapped to the process exit code in one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything is in order (exit 0).
    Ok,
    /// The command ran and found a problem: stale output, model errors, a coverage gap (exit 1).
    Failed,
}

impl From<Outcome> for ExitCode {
    fn from(outcome: Outcome) -> Self {
        match outcome {
            Outcome::Ok => ExitCode::SUCCESS,
            Outcome::Failed => ExitCode::from(1),
        }
    }
}

/// A usage or I/O error (exit 2): the command could not do its job at all.
#[derive(Debug)]
pub struct CliError(pub String);

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<std::io::Error> for CliError {
    fn from(err: std::io::Error) -> Self {
        CliError(err.to_string())
    }
}

/// The exit code for usage and I/O errors.
pub const USAGE_OR_IO_ERROR: u8 = 2;

pub mod build;
pub mod check;
pub mod compile_args;
pub mod coverage;
pub mod who;

/// Reports a pipeline failure: model errors and broken invariants are exit 1, anything else exit 2.
pub(crate) fn pipeline_failure(
    error: crate::pipeline::Error,
    stderr: &mut dyn std::io::Write,
) -> Result<Outcome, CliError> {
    if let crate::pipeline::Error::Invariants(violations) = &error {
        write!(stderr, "{error}")?;
        writeln!(
            stderr,
            "{} invariant(s) broken; nothing written",
            violations.len()
        )?;
        return Ok(Outcome::Failed);
    }
    match error {
        crate::pipeline::Error::Model {
            diagnostics,
            rendered,
        } => {
            stderr.write_all(rendered.as_bytes())?;
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            writeln!(stderr, "{errors} error(s); nothing written")?;
            Ok(Outcome::Failed)
        }
        other => Err(CliError(other.to_string())),
    }
}
