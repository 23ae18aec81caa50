//! Coverage of each level and of the first responders: gaps, overlaps, percentages, patterns.

use super::clock::ZoneClock;
use super::dst::{Transition, transitions};
use super::explain::{Explainer, Member};
use super::interval::{Span, partition, total};
use super::pattern::{Kind, Occurrence, Pattern, fold};
use super::schedule::{covered, label};
use super::wallclock::utc;
use crate::plan::{Level, Plan};
use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Serialize, Serializer};

const WEEK: i64 = 7 * 86_400;

/// Key of the group formed by the schedules of the first escalation rule.
pub const FIRST_RESPONDERS: &str = "first_responders";

/// Everything `oncallc coverage` reports for one window.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoverageReport {
    /// First instant of the window.
    #[serde(serialize_with = "rfc3339")]
    pub from: DateTime<Utc>,
    /// First instant after the window.
    #[serde(serialize_with = "rfc3339")]
    pub to: DateTime<Utc>,
    /// The first responders (when the policy has a rule), then each level in order.
    pub groups: Vec<GroupCoverage>,
    /// UTC-offset transitions of the schedules' zones within the window.
    pub transitions: Vec<Transition>,
}

impl CoverageReport {
    /// The first responders' group, if the policy has a rule.
    pub fn first_responders(&self) -> Option<&GroupCoverage> {
        self.groups.iter().find(|g| g.key == FIRST_RESPONDERS)
    }
}

/// Coverage of one set of schedules: at every instant, how many of them have someone on call.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupCoverage {
    /// `first_responders`, or the level's key (`business_hours`, `exceptions`, `catch_all`).
    pub key: String,
    /// Name used in sentences, e.g. `level 1 (business_hours)`.
    pub name: String,
    /// The schedules of the group.
    pub schedules: Vec<ScheduleRef>,
    /// Share of the window with someone on call, in percent.
    pub covered_percent: f64,
    /// Share of the window with more than one schedule on call, in percent.
    pub overlap_percent: f64,
    /// Seconds with nobody on call.
    pub uncovered_seconds: i64,
    /// Seconds with more than one schedule on call.
    pub overlap_seconds: i64,
    /// Every interval with nobody on call.
    pub gaps: Vec<Window>,
    /// Every interval with more than one schedule on call (split where the set changes).
    pub overlaps: Vec<Window>,
    /// The gaps, folded into recurring patterns.
    pub gap_patterns: Vec<Pattern>,
    /// The overlaps, folded into recurring patterns.
    pub overlap_patterns: Vec<Pattern>,
}

/// A schedule of a group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScheduleRef {
    /// Index into [`Plan::schedules`].
    pub index: usize,
    /// Short name, e.g. `Austin`.
    pub label: String,
    /// IANA zone.
    pub zone: String,
}

/// One gap or overlap interval.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Window {
    /// First instant.
    #[serde(serialize_with = "rfc3339")]
    pub start: DateTime<Utc>,
    /// First instant after.
    #[serde(serialize_with = "rfc3339")]
    pub end: DateTime<Utc>,
    /// The schedules on call, as indexes into [`Plan::schedules`] (see
    /// [`GroupCoverage::schedules`] for their labels); empty for a gap.
    pub on_call: Vec<usize>,
    /// Why, in the schedules' local times.
    pub explanation: String,
}

/// Coverage of every level and of the first responders over `[from, to)`.
pub fn coverage(plan: &Plan, from: DateTime<Utc>, to: DateTime<Utc>) -> CoverageReport {
    let window = Span::new(from.timestamp(), to.timestamp());
    let spans: Vec<Vec<Span>> = plan.schedules.iter().map(|s| covered(s, window)).collect();
    let mut clocks: Vec<ZoneClock> = Vec::new();
    for schedule in &plan.schedules {
        if !clocks.iter().any(|c| c.zone() == schedule.zone) {
            clocks.push(ZoneClock::new(schedule.zone, window));
        }
    }
    let context = Context {
        plan,
        spans: &spans,
        clocks: &clocks,
        window,
    };
    let mut groups = Vec::new();
    if let Some(rule) = plan.policy.rules.first() {
        let name = "first responders (rule 1)".to_string();
        groups.push(group(&context, FIRST_RESPONDERS, name, &rule.schedules));
    }
    let mut levels: Vec<Level> = plan.schedules.iter().map(|s| s.level).collect();
    levels.sort();
    levels.dedup();
    for level in levels {
        let members: Vec<usize> = (0..plan.schedules.len())
            .filter(|&i| plan.schedules[i].level == level)
            .collect();
        let name = format!("level {} ({})", level_number(level), level.key());
        groups.push(group(&context, level.key(), name, &members));
    }
    let zones: Vec<_> = plan.schedules.iter().map(|s| s.zone).collect();
    let mut found = transitions(&zones, window);
    for transition in &mut found {
        let at = transition.at.timestamp();
        let near = |p: &Pattern| {
            (at..=at + WEEK).contains(&p.first_start) || (at - WEEK..=at).contains(&p.last_end)
        };
        transition.changes = groups
            .iter()
            .filter(|g| g.schedules.iter().any(|s| s.zone == transition.zone))
            .filter(|g| g.gap_patterns.iter().chain(&g.overlap_patterns).any(near))
            .map(|g| g.key.clone())
            .collect();
    }
    CoverageReport {
        from,
        to,
        groups,
        transitions: found,
    }
}

/// 1 for business hours, 2 for exceptions, 3 for the catch-all.
pub fn level_number(level: Level) -> usize {
    match level {
        Level::BusinessHours => 1,
        Level::Exceptions => 2,
        Level::CatchAll => 3,
    }
}

/// What every group's computation shares.
struct Context<'a> {
    plan: &'a Plan,
    spans: &'a [Vec<Span>],
    clocks: &'a [ZoneClock],
    window: Span,
}

fn group(context: &Context<'_>, key: &str, name: String, indexes: &[usize]) -> GroupCoverage {
    let (plan, window) = (context.plan, context.window);
    let indexes: Vec<usize> = indexes
        .iter()
        .copied()
        .filter(|&i| i < plan.schedules.len())
        .collect();
    let members: Vec<Member> = indexes
        .iter()
        .map(|&i| {
            let zone = plan.schedules[i].zone;
            Member {
                label: label(&plan.schedules[i]),
                clock: context
                    .clocks
                    .iter()
                    .find(|c| c.zone() == zone)
                    .cloned()
                    .unwrap_or_else(|| ZoneClock::new(zone, window)),
                spans: context.spans[i].clone(),
            }
        })
        .collect();
    let member_spans: Vec<Vec<Span>> = members.iter().map(|m| m.spans.clone()).collect();
    let segments = partition(window, &member_spans);
    let mut explainer = Explainer::new(&members);
    let mut gaps = Vec::new();
    let mut overlaps = Vec::new();
    for segment in &segments {
        if segment.members.is_empty() {
            gaps.push(Occurrence {
                span: segment.span,
                on_call: 0,
                explanation: explainer.gap(segment.span),
            });
        } else if segment.members.len() > 1 {
            overlaps.push(Occurrence {
                span: segment.span,
                on_call: segment.members.len(),
                explanation: explainer.overlap(&segment.members, segment.span),
            });
        }
    }
    let texts = explainer.texts();
    let gap_spans: Vec<Span> = gaps.iter().map(|g| g.span).collect();
    let overlap_spans: Vec<Span> = overlaps.iter().map(|o| o.span).collect();
    let (uncovered, doubled) = (total(&gap_spans), total(&overlap_spans));
    let length = window.len().max(1) as f64;
    let windows = |occurrences: &[Occurrence], with_names: bool| -> Vec<Window> {
        occurrences
            .iter()
            .map(|o| Window {
                start: utc(o.span.start),
                end: utc(o.span.end),
                on_call: if with_names {
                    segment_members(&segments, &indexes, o.span)
                } else {
                    Vec::new()
                },
                explanation: texts.get(o.explanation).cloned().unwrap_or_default(),
            })
            .collect()
    };
    GroupCoverage {
        key: key.to_string(),
        schedules: indexes
            .iter()
            .zip(&members)
            .map(|(&index, m)| ScheduleRef {
                index,
                label: m.label.clone(),
                zone: m.clock.zone().name().to_string(),
            })
            .collect(),
        covered_percent: 100.0 * (window.len() - uncovered) as f64 / length,
        overlap_percent: 100.0 * doubled as f64 / length,
        uncovered_seconds: uncovered,
        overlap_seconds: doubled,
        gaps: windows(&gaps, false),
        overlaps: windows(&overlaps, true),
        gap_patterns: fold(Kind::Gap, &gaps, texts, &name),
        overlap_patterns: fold(Kind::Overlap, &overlaps, texts, &name),
        name,
    }
}

fn segment_members(
    segments: &[super::interval::Segment],
    indexes: &[usize],
    span: Span,
) -> Vec<usize> {
    let i = segments.partition_point(|s| s.span.start < span.start);
    segments
        .get(i)
        .map(|s| s.members.iter().map(|&m| indexes[m]).collect())
        .unwrap_or_default()
}

/// A share in percent with two decimals; never rounds a share that misses something up to
/// `100.00%`.
pub fn percent(value: f64, short_of_full: bool) -> String {
    let shown = (value * 100.0).round() / 100.0;
    if short_of_full && shown >= 100.0 {
        "99.99%".to_string()
    } else {
        format!("{shown:.2}%")
    }
}

/// Serializes an instant as RFC 3339 in UTC with a `Z` suffix.
pub fn rfc3339<S: Serializer>(at: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&at.to_rfc3339_opts(SecondsFormat::AutoSi, true))
}
