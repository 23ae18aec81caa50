//! `oncallc coverage`: gaps and overlaps of every level over a window, folded into patterns.

use super::{CliError, Outcome};
use crate::pipeline::{self, Options};
use crate::time::{self, CoverageReport, GroupCoverage, Pattern};
use camino::Utf8PathBuf;
use chrono::{DateTime, Months, NaiveDate, Utc};
use std::io::Write;

/// Arguments of `oncallc coverage`.
#[derive(clap::Args, Debug)]
pub struct CoverageArgs {
    /// The model file.
    #[arg(default_value = "oncall.yaml")]
    pub model: Utf8PathBuf,
    /// First day of the window, 00:00 UTC (YYYY-MM-DD; default: today).
    #[arg(long, value_name = "DATE")]
    pub from: Option<NaiveDate>,
    /// Day after the window, 00:00 UTC (YYYY-MM-DD; default: one year after --from).
    #[arg(long, value_name = "DATE")]
    pub to: Option<NaiveDate>,
    /// Exit 1 when the first responders leave any instant of the window uncovered.
    #[arg(long)]
    pub fail_on_gap: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// How `coverage` prints its report.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// For people.
    Text,
    /// The same data for machines.
    Json,
}

/// Runs `coverage`: prints the report; with `--fail-on-gap`, fails when the first responders have
/// a gap.
pub fn run(
    args: &CoverageArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<Outcome, CliError> {
    let (from, to) = window(args.from, args.to)?;
    let planned = match pipeline::plan_file(&args.model, &Options::default()) {
        Ok(planned) => planned,
        Err(e) => return super::pipeline_failure(e, stderr),
    };
    stderr.write_all(planned.warnings.as_bytes())?;
    let report = time::coverage(&planned.plan, from, to);
    match args.format {
        Format::Json => {
            let json = serde_json::to_string_pretty(&report)
                .map_err(|e| CliError(format!("cannot encode the report: {e}")))?;
            writeln!(stdout, "{json}")?;
        }
        Format::Text => write_text(&planned.plan.team, &report, stdout)?,
    }
    let gap = report
        .first_responders()
        .is_some_and(|g| g.uncovered_seconds > 0);
    if args.fail_on_gap && gap {
        return Ok(Outcome::Failed);
    }
    Ok(Outcome::Ok)
}

/// `[from, to)` at 00:00 UTC; `from` defaults to today (the only clock read), `to` to a year later.
fn window(
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<(DateTime<Utc>, DateTime<Utc>), CliError> {
    let from = from.unwrap_or_else(|| Utc::now().date_naive());
    let to = match to {
        Some(to) => to,
        None => from
            .checked_add_months(Months::new(12))
            .ok_or_else(|| CliError(format!("no date one year after {from}")))?,
    };
    if to <= from {
        return Err(CliError(format!(
            "--to ({to}) must be after --from ({from})"
        )));
    }
    Ok((midnight(from), midnight(to)))
}

fn midnight(day: NaiveDate) -> DateTime<Utc> {
    day.and_time(chrono::NaiveTime::MIN).and_utc()
}

fn write_text(team: &str, report: &CoverageReport, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        out,
        "Coverage of {team}, {} to {} (UTC, end exclusive)",
        report.from.format("%Y-%m-%d"),
        report.to.format("%Y-%m-%d")
    )?;
    for group in &report.groups {
        write_group(group, out)?;
    }
    writeln!(out)?;
    if report.transitions.is_empty() {
        writeln!(out, "No UTC-offset transition in the window.")?;
    } else {
        writeln!(out, "UTC-offset transitions:")?;
    }
    for t in &report.transitions {
        let changes = if t.changes.is_empty() {
            String::new()
        } else {
            format!("; changes {}", t.changes.join(", "))
        };
        writeln!(
            out,
            "  {} {}: {} -> {} (local {} -> {}){changes}",
            t.at.format("%Y-%m-%d %H:%M UTC"),
            t.zone,
            t.before,
            t.after,
            t.local_before,
            t.local_after,
        )?;
    }
    Ok(())
}

fn write_group(group: &GroupCoverage, out: &mut dyn Write) -> std::io::Result<()> {
    let names: Vec<&str> = group.schedules.iter().map(|s| s.label.as_str()).collect();
    writeln!(out)?;
    writeln!(out, "{}: {}", group.name, names.join(", "))?;
    writeln!(
        out,
        "  covered {} ({} with no one), more than one on call {}",
        time::percent(group.covered_percent, group.uncovered_seconds > 0),
        time::duration(group.uncovered_seconds),
        time::percent(group.overlap_percent, false),
    )?;
    write_patterns("no one on call", &group.gap_patterns, out)?;
    write_patterns("more than one on call", &group.overlap_patterns, out)
}

fn write_patterns(title: &str, patterns: &[Pattern], out: &mut dyn Write) -> std::io::Result<()> {
    if patterns.is_empty() {
        return writeln!(out, "  {title}: never");
    }
    writeln!(out, "  {title}:")?;
    for p in patterns {
        writeln!(
            out,
            "    {} {}, {} ({}x): {}",
            p.days, p.time, p.dates, p.occurrences, p.explanation
        )?;
    }
    Ok(())
}
