//! `oncallc who`: who each escalation rule would page at one instant.

use super::{CliError, Outcome};
use crate::pipeline::{self, Options};
use crate::time;
use camino::Utf8PathBuf;
use chrono::{DateTime, FixedOffset, SecondsFormat, Utc};
use std::io::Write;

/// Arguments of `oncallc who`.
#[derive(clap::Args, Debug)]
pub struct WhoArgs {
    /// The model file.
    #[arg(default_value = "oncall.yaml")]
    pub model: Utf8PathBuf,
    /// The instant, RFC 3339 (e.g. 2027-03-15T23:30:00Z; default: now).
    #[arg(long, value_name = "RFC3339", value_parser = parse_instant)]
    pub at: Option<DateTime<FixedOffset>>,
}

fn parse_instant(text: &str) -> Result<DateTime<FixedOffset>, String> {
    DateTime::parse_from_rfc3339(text)
        .map_err(|e| format!("{e}; expected RFC 3339, e.g. 2027-03-15T23:30:00Z"))
}

/// Runs `who`: one block per escalation rule, one line per schedule it targets.
pub fn run(
    args: &WhoArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<Outcome, CliError> {
    let at = args
        .at
        .map(|at| at.with_timezone(&Utc))
        .unwrap_or_else(Utc::now);
    let planned = match pipeline::plan_file(&args.model, &Options::default()) {
        Ok(planned) => planned,
        Err(e) => return super::pipeline_failure(e, stderr),
    };
    stderr.write_all(planned.warnings.as_bytes())?;
    let plan = &planned.plan;
    writeln!(
        stdout,
        "At {}:",
        at.to_rfc3339_opts(SecondsFormat::Secs, true)
    )?;
    let mut after = 0u64;
    for rule in time::who(plan, at) {
        let Some(spec) = plan.policy.rules.get(rule.rule) else {
            continue;
        };
        let levels: Vec<&str> = spec.levels.iter().map(|l| l.key()).collect();
        writeln!(
            stdout,
            "rule {} ({}), paged after {after} min:",
            rule.rule + 1,
            levels.join(", ")
        )?;
        let rows: Vec<(String, String, String)> = rule
            .schedules
            .iter()
            .filter_map(|s| plan.schedules.get(s.schedule).map(|sch| (s, sch)))
            .map(|(s, schedule)| {
                (
                    time::label(schedule),
                    time::local_clock(schedule.zone, at),
                    s.user.clone().unwrap_or_else(|| "no one".to_string()),
                )
            })
            .collect();
        let width = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
        for (label, clock, user) in &rows {
            writeln!(stdout, "  {label:<width$}  {clock:<9}  {user}")?;
        }
        if rule.schedules.iter().all(|s| s.user.is_none()) {
            writeln!(stdout, "  nobody is on call for this rule")?;
        }
        after += u64::from(spec.delay_minutes);
    }
    Ok(Outcome::Ok)
}
