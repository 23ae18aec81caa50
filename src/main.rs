//! The `oncallc` command: parse arguments, dispatch, map outcomes to exit codes.

use clap::{Parser, Subcommand};
use oncallc::cli::{self, CliError, Outcome, compile_args::CompileArgs};
use std::process::ExitCode;

/// The on-call compiler: one model of your on-call setup, compiled into PagerDuty Terraform and
/// Alertmanager configuration that cannot drift apart.
#[derive(Parser, Debug)]
#[command(name = "oncallc", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Validate the model and write Terraform, Alertmanager and docs into the output directory.
    Build(CompileArgs),
    /// Validate the model and fail with a diff when the output directory is stale (for CI and pre-commit).
    Check(CompileArgs),
    /// Simulate the schedules over a window and report every gap and overlap per level.
    Coverage(cli::coverage::CoverageArgs),
    /// Print who would be paged at each escalation rule at an instant.
    Who(cli::who::WhoArgs),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(cli::USAGE_OR_IO_ERROR)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr().lock();
    let result: Result<Outcome, CliError> = match &cli.command {
        Command::Build(args) => cli::build::run(args, &mut stdout, &mut stderr),
        Command::Check(args) => cli::check::run(args, &mut stdout, &mut stderr),
        Command::Coverage(args) => cli::coverage::run(args, &mut stdout, &mut stderr),
        Command::Who(args) => cli::who::run(args, &mut stdout, &mut stderr),
    };
    match result {
        Ok(outcome) => outcome.into(),
        Err(e) => {
            eprintln!("oncallc: {e}");
            ExitCode::from(cli::USAGE_OR_IO_ERROR)
        }
    }
}
