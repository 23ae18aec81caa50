//! The context of `COVERAGE.md`: summary per group, pattern tables, transitions, charts.

use crate::time::{self, CoverageReport, GroupCoverage, Kind, Regime, percent};
use serde::Serialize;

/// Everything `coverage.md.j2` shows.
#[derive(Debug, Serialize)]
pub struct Document {
    team: String,
    from: String,
    to: String,
    verdict: String,
    summary: Vec<SummaryRow>,
    groups: Vec<GroupSection>,
    transitions: Vec<TransitionRow>,
    charts: Vec<ChartRef>,
}

#[derive(Debug, Serialize)]
struct SummaryRow {
    name: String,
    schedules: String,
    covered: String,
    uncovered: String,
    overlap: String,
}

#[derive(Debug, Serialize)]
struct GroupSection {
    name: String,
    patterns: Vec<PatternRow>,
}

#[derive(Debug, Serialize)]
struct PatternRow {
    when: String,
    dates: String,
    occurrences: usize,
    what: String,
    explanation: String,
}

#[derive(Debug, Serialize)]
struct TransitionRow {
    at: String,
    zone: String,
    change: String,
    clock: String,
    changes: String,
}

/// One chart as the document links it.
#[derive(Debug, Serialize)]
pub struct ChartRef {
    /// File name next to `COVERAGE.md`.
    pub file: String,
    /// Heading: the regime's name.
    pub name: String,
    /// When the regime holds.
    pub periods: String,
    /// The week drawn.
    pub week: String,
}

impl ChartRef {
    /// The reference to the chart of `regime`, written as `file`.
    pub fn new(regime: &Regime, file: String) -> ChartRef {
        ChartRef {
            file,
            name: regime.name.clone(),
            periods: regime
                .periods
                .iter()
                .map(|p| {
                    format!(
                        "{}..{}",
                        p.start.format("%Y-%m-%d %H:%M"),
                        p.end.format("%Y-%m-%d %H:%M")
                    )
                })
                .collect::<Vec<_>>()
                .join(", "),
            week: format!(
                "{}..{}",
                regime.week.start.format("%Y-%m-%d"),
                regime.week.end.format("%Y-%m-%d")
            ),
        }
    }
}

/// The document for `report`, linking `charts`.
pub fn document(team: &str, report: &CoverageReport, charts: Vec<ChartRef>) -> Document {
    let verdict = match report.first_responders() {
        Some(g) if g.uncovered_seconds == 0 => {
            "The first responders cover every instant of the window.".to_string()
        }
        Some(g) => format!(
            "**The first responders leave {} of the window with no one on call** ({} covered): \
             see the gaps below.",
            time::duration(g.uncovered_seconds),
            percent(g.covered_percent, true)
        ),
        None => "The escalation policy has no rule, so nobody is ever paged.".to_string(),
    };
    Document {
        team: team.to_string(),
        from: report.from.format("%Y-%m-%d").to_string(),
        to: report.to.format("%Y-%m-%d").to_string(),
        verdict,
        summary: report.groups.iter().map(summary).collect(),
        groups: report.groups.iter().map(section).collect(),
        transitions: report
            .transitions
            .iter()
            .map(|t| TransitionRow {
                at: t.at.format("%Y-%m-%d %H:%M").to_string(),
                zone: t.zone.clone(),
                change: format!("{} -> {}", t.before, t.after),
                clock: format!("{} -> {}", t.local_before, t.local_after),
                changes: t.changes.join(", "),
            })
            .collect(),
        charts,
    }
}

fn summary(g: &GroupCoverage) -> SummaryRow {
    SummaryRow {
        name: g.name.clone(),
        schedules: g
            .schedules
            .iter()
            .map(|s| s.label.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        covered: percent(g.covered_percent, g.uncovered_seconds > 0),
        uncovered: time::duration(g.uncovered_seconds),
        overlap: percent(g.overlap_percent, false),
    }
}

fn section(g: &GroupCoverage) -> GroupSection {
    GroupSection {
        name: g.name.clone(),
        patterns: g
            .gap_patterns
            .iter()
            .chain(&g.overlap_patterns)
            .map(|p| PatternRow {
                when: format!("{} {}", p.days, p.time),
                dates: p.dates.clone(),
                occurrences: p.occurrences,
                what: match p.kind {
                    Kind::Gap => "**no one**".to_string(),
                    Kind::Overlap => format!("{} on call", p.on_call),
                },
                explanation: p.explanation.clone(),
            })
            .collect(),
    }
}
