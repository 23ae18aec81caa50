//! Schedule layers: rotations with their restrictions, and dated sign-ups, in local time.

use super::build::{PlanError, Result, read, required};
use super::build::{PlanOptions, zone};
use super::names::unique;
use super::types::*;
use crate::model::{self, Rotation, values};
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Tz;
use std::collections::BTreeSet;

/// The instant a local date and time names in `zone` (the earlier one when it repeats).
fn local_instant(zone: Tz, local: NaiveDateTime) -> Result<DateTime<FixedOffset>> {
    zone.from_local_datetime(&local)
        .earliest()
        .map(|t| t.fixed_offset())
        .ok_or_else(|| PlanError(format!("{local} does not exist in {}", zone.name())))
}

pub(super) fn midnight(zone: Tz, day: NaiveDate) -> Result<DateTime<FixedOffset>> {
    let local = day.and_time(NaiveTime::MIN);
    // A zone that skips midnight (rare) starts the day at the first instant after the gap.
    local_instant(zone, local).or_else(|_| local_instant(zone, local + chrono::Duration::hours(1)))
}

pub(super) fn rotation_layer(
    r: &Rotation,
    zone: Tz,
    anchor: NaiveDate,
    name: String,
) -> Result<Layer> {
    let turn = read(required(&r.turn, "turn")?, values::duration)?;
    let start = midnight(zone, anchor)?;
    Ok(Layer {
        name,
        start,
        end: None,
        rotation_virtual_start: start,
        turn_seconds: u32::try_from(turn).map_err(|_| PlanError("turn too long".into()))?,
        users: r.members.iter().map(|m| m.value.clone()).collect(),
        restrictions: match &r.hours {
            Some(hours) => restrictions(&read(hours, values::weekly_hours)?),
            None => Vec::new(),
        },
    })
}

/// One weekly restriction per day: PagerDuty keeps each in local time, so DST never moves it.
fn restrictions(hours: &values::WeeklyHours) -> Vec<Restriction> {
    let start = NaiveTime::from_num_seconds_from_midnight_opt(hours.start * 60, 0)
        .unwrap_or(NaiveTime::MIN);
    let full_week = hours.days.len() == 7 && hours.start == 0 && hours.end == 1440;
    if full_week {
        return Vec::new();
    }
    if hours.days.len() == 7 {
        return vec![Restriction {
            start_day_of_week: None,
            start_time_of_day: start,
            duration_seconds: (hours.end - hours.start) * 60,
        }];
    }
    hours
        .days
        .iter()
        .map(|day| Restriction {
            start_day_of_week: Some(day.number_from_monday() as u8),
            start_time_of_day: start,
            duration_seconds: (hours.end - hours.start) * 60,
        })
        .collect()
}

pub(super) fn exceptions_schedule(
    team: &str,
    exceptions: &model::Exceptions,
    anchor: NaiveDate,
    options: &PlanOptions,
    taken: &mut BTreeSet<String>,
) -> Result<Schedule> {
    let zone = zone(&exceptions.zone)?;
    let mut layers = Vec::new();
    if let Some(r) = &exceptions.rotation {
        layers.push(rotation_layer(r, zone, anchor, "Recurring cover".into())?);
    }
    for signup in &exceptions.signups {
        let from = read(&signup.from, values::local_datetime)?;
        let to = read(&signup.to, values::local_datetime)?;
        if options.today.is_some_and(|today| to.date() <= today) {
            continue;
        }
        let start = local_instant(zone, from)?;
        let reason = signup
            .reason
            .as_ref()
            .map(|r| r.value.as_str())
            .unwrap_or("Sign-up");
        layers.push(Layer {
            name: format!(
                "{reason} ({} {})",
                from.format("%Y-%m-%d %H:%M"),
                signup.who.value
            ),
            start,
            end: Some(local_instant(zone, to)?),
            rotation_virtual_start: start,
            turn_seconds: 86_400,
            users: vec![signup.who.value.clone()],
            restrictions: Vec::new(),
        });
    }
    if layers.is_empty() {
        return Err(PlanError(
            "the exceptions schedule has no layer: add a rotation or a sign-up".into(),
        ));
    }
    Ok(Schedule {
        level: Level::Exceptions,
        site: None,
        tf_name: unique("exceptions".into(), taken),
        name: format!("{team} - Exceptions"),
        zone,
        layers,
    })
}
