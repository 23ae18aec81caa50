//! The time engine: who is on call when, following PagerDuty's semantics for the schedules that
//! `oncallc build` emits, computed on intervals (one-second resolution) with the compiled-in tz
//! database of chrono-tz, so results never depend on the host. The engine never reads the clock:
//! every entry point takes an explicit window.
//!
//! # Semantics
//!
//! PagerDuty documents layers, restrictions and overrides but not every daylight-saving edge case.
//! Where it is silent, the engine decides as follows (and the tests pin each rule down):
//!
//! - **Layer bounds.** `start` and `end` are absolute instants; a layer is active on `[start, end)`
//!   (forever after `start` when `end` is absent).
//! - **Turns.** Turn `k` (negative before the virtual start) is held by `users[k mod n]`. When
//!   `turn_seconds` is a whole number of days, handoffs keep the local wall-clock time of
//!   `rotation_virtual_start` in the schedule's zone, as PagerDuty presents daily and weekly
//!   handoffs: a weekly turn spanning spring-forward lasts 167 hours, one spanning fall-back 169.
//!   Any other turn length is absolute: a handoff every `turn_seconds`.
//! - **Restrictions.** Evaluated in the schedule's zone. A daily restriction opens every local
//!   day, a weekly one on the local day whose ISO number is `start_day_of_week` (1 = Monday), at
//!   `start_time_of_day`; it stays open for `duration_seconds` of absolute time. So a window that
//!   spans a transition ends one wall-clock hour later (spring) or earlier (autumn) than its
//!   nominal end, and a 24-hour daily window leaves the last hour of a 25-hour day uncovered.
//!   Restrictions mask turns; they never move handoffs.
//! - **Local times that do not exist or occur twice.** A local time skipped by spring-forward
//!   names the first instant after the gap (a 02:30 start opens at 03:00 new time); a local time
//!   that occurs twice names its first occurrence. Both rules read: the first instant at which
//!   the zone's clock shows that time or later. They apply to restriction openings and handoffs
//!   alike.
//! - **Layers.** A later layer overrides an earlier one wherever it has someone on call; where it
//!   has nobody, the earlier layer shows through.
//! - **Coverage.** A schedule covers an instant when any of its layers has someone. A group of
//!   schedules (a level, or the first responders: the schedules of the first escalation rule) has
//!   a gap where none covers, and an overlap where more than one does.
//!
//! Offset transitions are found by scanning each zone every six hours; no zone in the tz database
//! changes its offset twice within that span in the years this tool is meant for.

mod clock;
mod coverage;
mod dst;
mod explain;
mod interval;
mod layer;
mod pattern;
mod restriction;
mod rotation;
mod schedule;
mod wallclock;
mod who;

#[cfg(test)]
mod test_support;

pub use coverage::{
    CoverageReport, FIRST_RESPONDERS, GroupCoverage, ScheduleRef, Window, coverage, level_number,
    percent,
};
pub use dst::{Period, Regime, Transition, ZoneState};
pub use interval::{Segment, Span};
pub use pattern::{Kind, Pattern, duration};
pub use schedule::{Shift, label, oncall};
pub use who::{RuleOnCall, ScheduleOnCall, who};

use crate::plan::Plan;
use chrono::{DateTime, Utc};

/// The DST regimes of the zones of the given schedules (each zone once, in schedule order) over
/// `[from, to)` (see [`Regime`]).
pub fn regimes(
    plan: &Plan,
    schedules: &[usize],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<Regime> {
    let mut zones: Vec<chrono_tz::Tz> = Vec::new();
    for schedule in schedules.iter().filter_map(|&i| plan.schedules.get(i)) {
        if !zones.contains(&schedule.zone) {
            zones.push(schedule.zone);
        }
    }
    dst::regimes(&zones, Span::new(from.timestamp(), to.timestamp()))
}

/// Cuts `[from, to)` into segments during which the same given schedules cover; segment members
/// are positions in `schedules`.
pub fn segments(
    plan: &Plan,
    schedules: &[usize],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<Segment> {
    let window = Span::new(from.timestamp(), to.timestamp());
    let spans: Vec<Vec<Span>> = schedules
        .iter()
        .map(|&i| {
            plan.schedules
                .get(i)
                .map(|s| schedule::covered(s, window))
                .unwrap_or_default()
        })
        .collect();
    interval::partition(window, &spans)
}

/// Local clock of an instant in a zone, e.g. `18:00 CDT` (for reports).
pub fn local_clock(zone: chrono_tz::Tz, at: DateTime<Utc>) -> String {
    wallclock::clock(zone, at.timestamp())
}
