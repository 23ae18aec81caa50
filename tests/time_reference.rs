//! A brute-force reference, written independently of the engine, that evaluates the schedule
//! rules minute by minute; property-generated models (random tz-database zones, windows around
//! their offset transitions, random hours, days, turn lengths, layer bounds) must agree with the
//! interval engine on every minute, for `oncall`, `who` and group coverage.

mod time_support;

use chrono::{
    DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc,
};
use chrono_tz::{TZ_VARIANTS, Tz};
use oncallc::plan::{Layer, Level, Restriction, Schedule};
use oncallc::time;
use proptest::prelude::*;
use std::collections::HashMap;

const MINUTE: i64 = 60;
const WINDOW_MINUTES: i64 = 8 * 24 * 60;

#[derive(Debug, Clone)]
struct RestrictionSpec {
    weekly: Option<u8>,
    minute_of_day: u32,
    minutes: u32,
    /// 0: as drawn; 1: 15 minutes before the clock shows the transition (inside a repeated
    /// hour); 2: 15 minutes after it (inside a skipped hour).
    near: u8,
}

#[derive(Debug, Clone)]
struct LayerSpec {
    users: usize,
    turn_seconds: u32,
    virtual_start_minutes: i64,
    virtual_start_near: u8,
    start_hours: i64,
    length_hours: Option<i64>,
    restrictions: Vec<RestrictionSpec>,
}

#[derive(Debug, Clone)]
struct ScheduleSpec {
    zone: usize,
    layers: Vec<LayerSpec>,
}

#[derive(Debug, Clone)]
struct Case {
    year: i32,
    pick: usize,
    lead_hours: i64,
    schedules: Vec<ScheduleSpec>,
}

fn restriction_spec() -> impl Strategy<Value = RestrictionSpec> {
    (
        prop_oneof![Just(None), (1u8..=7).prop_map(Some)],
        0u32..96,
        1u32..=(72 * 4),
        prop_oneof![2 => Just(0u8), 1 => Just(1u8), 1 => Just(2u8)],
    )
        .prop_map(|(weekly, quarter, quarters, near)| RestrictionSpec {
            weekly,
            minute_of_day: quarter * 15,
            minutes: if weekly.is_none() {
                (quarters * 15).min(24 * 60)
            } else {
                quarters * 15
            },
            near,
        })
}

fn layer_spec() -> impl Strategy<Value = LayerSpec> {
    (
        1usize..=3,
        prop_oneof![
            (1u32..=14).prop_map(|d| d * 86_400),
            (1u32..=72).prop_map(|h| h * 3600)
        ],
        -(30 * 96i64)..(30 * 96),
        prop_oneof![3 => Just(0u8), 1 => Just(1u8), 1 => Just(2u8)],
        -72i64..96,
        prop_oneof![Just(None), (1i64..240).prop_map(Some)],
        prop::collection::vec(restriction_spec(), 0..=3),
    )
        .prop_map(
            |(users, turn_seconds, quarters, near, start_hours, length_hours, restrictions)| {
                LayerSpec {
                    users,
                    turn_seconds,
                    virtual_start_minutes: quarters * 15,
                    virtual_start_near: near,
                    start_hours,
                    length_hours,
                    restrictions,
                }
            },
        )
}

fn case() -> impl Strategy<Value = Case> {
    let schedule = (
        0..TZ_VARIANTS.len(),
        prop::collection::vec(layer_spec(), 1..=3),
    )
        .prop_map(|(zone, layers)| ScheduleSpec { zone, layers });
    (
        2000i32..2036,
        any::<usize>(),
        0i64..(6 * 24),
        prop::collection::vec(schedule, 2),
    )
        .prop_map(|(year, pick, lead_hours, schedules)| Case {
            year,
            pick,
            lead_hours,
            schedules,
        })
}

// ---- the reference: local time by scanning, then every rule evaluated per minute ----

fn offset(zone: Tz, at: i64) -> i64 {
    let utc = DateTime::from_timestamp(at, 0)
        .expect("in range")
        .naive_utc();
    i64::from(zone.offset_from_utc_datetime(&utc).fix().local_minus_utc())
}

/// The first instant (to the minute) at which the zone's clock shows `local` or later.
fn first_showing(zone: Tz, local: NaiveDateTime, cache: &mut HashMap<(Tz, i64), i64>) -> i64 {
    let target = local.and_utc().timestamp();
    *cache.entry((zone, target)).or_insert_with(|| {
        let shows = |u: i64| u + offset(zone, u) >= target;
        let mut u = target - 16 * 3600;
        while !shows(u) {
            u += 15 * MINUTE;
        }
        let mut v = u - 15 * MINUTE + MINUTE;
        while !shows(v) {
            v += MINUTE;
        }
        v
    })
}

fn local_of(zone: Tz, at: i64) -> NaiveDateTime {
    DateTime::from_timestamp(at, 0)
        .expect("in range")
        .with_timezone(&zone)
        .naive_local()
}

/// Offset changes of `zone` within [from, to), found by scanning days and then minutes.
fn changes(zone: Tz, from: i64, to: i64) -> Vec<i64> {
    let mut out = Vec::new();
    let mut day = from;
    while day < to {
        let next = day + 86_400;
        if offset(zone, day) != offset(zone, next) {
            let mut m = day;
            while offset(zone, m + MINUTE) == offset(zone, day) {
                m += MINUTE;
            }
            if m + MINUTE < to {
                out.push(m + MINUTE);
            }
        }
        day = next;
    }
    out
}

/// Wall-clock minute of day just before a transition, as the old offset shows it.
fn clock_before(zone: Tz, transition: i64) -> u32 {
    let shown = transition + offset(zone, transition - MINUTE);
    (shown.rem_euclid(86_400) / 60) as u32
}

struct RefLayer {
    start: i64,
    end: i64,
    opens: Option<Vec<(i64, i64)>>,
    handoffs: Vec<(i64, i64)>,
    users: usize,
}

fn reference_layer(
    layer: &Layer,
    zone: Tz,
    from: i64,
    to: i64,
    cache: &mut HashMap<(Tz, i64), i64>,
) -> RefLayer {
    let opens = if layer.restrictions.is_empty() {
        None
    } else {
        let mut opens = Vec::new();
        let first = local_of(zone, from).date() - Duration::days(12);
        let last = local_of(zone, to).date() + Duration::days(1);
        for r in &layer.restrictions {
            let mut d = first;
            while d <= last {
                let matches = r
                    .start_day_of_week
                    .is_none_or(|w| d.weekday().number_from_monday() == u32::from(w));
                if matches {
                    let o = first_showing(zone, d.and_time(r.start_time_of_day), cache);
                    opens.push((o, o + i64::from(r.duration_seconds)));
                }
                d += Duration::days(1);
            }
        }
        Some(opens)
    };
    let turn = i64::from(layer.turn_seconds);
    let origin = layer.rotation_virtual_start.timestamp();
    let mut handoffs = Vec::new();
    let k0 = (from - origin).div_euclid(turn) - 400 / (turn / 3600).max(1) - 2;
    let k1 = (to - origin).div_euclid(turn) + 2;
    for k in k0..=k1 {
        let at = if turn % 86_400 == 0 {
            let local = layer
                .rotation_virtual_start
                .with_timezone(&zone)
                .naive_local()
                + Duration::days(k * turn / 86_400);
            first_showing(zone, local, cache)
        } else {
            origin + k * turn
        };
        handoffs.push((k, at));
    }
    RefLayer {
        start: layer.start.timestamp(),
        end: layer.end.map_or(i64::MAX, |e| e.timestamp()),
        opens,
        handoffs,
        users: layer.users.len(),
    }
}

fn reference_user(layer: &RefLayer, m: i64) -> Option<usize> {
    if m < layer.start || m >= layer.end {
        return None;
    }
    if let Some(opens) = &layer.opens
        && !opens.iter().any(|&(o, c)| o <= m && m < c)
    {
        return None;
    }
    let (k, _) = layer
        .handoffs
        .iter()
        .rev()
        .find(|&&(_, at)| at <= m)
        .expect("handoffs reach back far enough");
    Some(k.rem_euclid(layer.users as i64) as usize)
}

/// Per minute: (layer, user index) on call in the schedule, the last layer with someone winning.
fn reference_minutes(schedule: &Schedule, from: i64) -> Vec<Option<(usize, usize)>> {
    let mut cache = HashMap::new();
    let to = from + WINDOW_MINUTES * MINUTE;
    let layers: Vec<RefLayer> = schedule
        .layers
        .iter()
        .map(|l| reference_layer(l, schedule.zone, from, to, &mut cache))
        .collect();
    (0..WINDOW_MINUTES)
        .map(|i| {
            let m = from + i * MINUTE;
            layers
                .iter()
                .enumerate()
                .rev()
                .find_map(|(index, l)| reference_user(l, m).map(|u| (index, u)))
        })
        .collect()
}

// ---- building the plan from the drawn case ----

fn naive_time(minute_of_day: u32) -> NaiveTime {
    NaiveTime::from_num_seconds_from_midnight_opt(minute_of_day * 60, 0).expect("minute of day")
}

fn build_schedule(spec: &ScheduleSpec, index: usize, from: i64) -> Schedule {
    let zone = TZ_VARIANTS[spec.zone];
    let near = changes(zone, from - 86_400, from + (WINDOW_MINUTES + 1440) * MINUTE)
        .first()
        .map(|&t| (t, clock_before(zone, t)));
    let near_minute = |kind: u8, drawn: u32| -> u32 {
        match (kind, near) {
            (1, Some((_, clock))) => (clock + 1440 - 15) % 1440,
            (2, Some((_, clock))) => (clock + 15) % 1440,
            _ => drawn,
        }
    };
    let utc = |at: i64| {
        DateTime::from_timestamp(at, 0)
            .expect("in range")
            .fixed_offset()
    };
    let layers = spec
        .layers
        .iter()
        .enumerate()
        .map(|(l, ls)| {
            let virtual_start = match (ls.virtual_start_near, near) {
                (kind @ 1..=2, Some((t, _))) => {
                    let date = local_of(zone, t).date() - Duration::days(7);
                    let local = date.and_time(naive_time(near_minute(kind, 0)));
                    zone.from_local_datetime(&local)
                        .earliest()
                        .map(|d| d.fixed_offset())
                        .unwrap_or_else(|| utc(from))
                }
                _ => utc(from + ls.virtual_start_minutes * MINUTE),
            };
            let start = from + ls.start_hours * 3600;
            Layer {
                name: format!("layer {l}"),
                start: utc(start),
                end: ls.length_hours.map(|h| utc(start + h * 3600)),
                rotation_virtual_start: virtual_start,
                turn_seconds: ls.turn_seconds,
                users: (0..ls.users).map(|u| format!("s{index}l{l}u{u}")).collect(),
                restrictions: ls
                    .restrictions
                    .iter()
                    .map(|r| Restriction {
                        start_day_of_week: r.weekly,
                        start_time_of_day: naive_time(near_minute(r.near, r.minute_of_day)),
                        duration_seconds: r.minutes * 60,
                    })
                    .collect(),
            }
        })
        .collect();
    time_support::schedule(
        Level::BusinessHours,
        Some(&format!("site-{index}")),
        zone,
        layers,
    )
}

fn window_start(case: &Case) -> i64 {
    let zone = TZ_VARIANTS[case.schedules[0].zone];
    let year = |y: i32| {
        NaiveDate::from_ymd_opt(y, 1, 1)
            .expect("year")
            .and_time(NaiveTime::MIN)
            .and_utc()
            .timestamp()
    };
    let found = changes(zone, year(case.year), year(case.year + 1));
    let anchor = match found.len() {
        0 => year(case.year) + (case.pick % 350) as i64 * 86_400,
        n => found[case.pick % n],
    };
    (anchor - case.lead_hours * 3600).div_euclid(3600) * 3600
}

fn engine_minutes(schedule: &Schedule, from: i64) -> Vec<Option<(usize, String)>> {
    let to = from + WINDOW_MINUTES * MINUTE;
    let shifts = time::oncall(
        schedule,
        DateTime::from_timestamp(from, 0).expect("in range"),
        DateTime::from_timestamp(to, 0).expect("in range"),
    );
    let mut out = vec![None; WINDOW_MINUTES as usize];
    for s in shifts {
        assert_eq!(s.start.timestamp() % 60, 0, "boundaries fall on minutes");
        let a = (s.start.timestamp() - from) / MINUTE;
        let b = (s.end.timestamp() - from) / MINUTE;
        for slot in &mut out[a as usize..b as usize] {
            assert!(slot.is_none(), "shifts overlap");
            *slot = Some((s.layer, s.user.clone()));
        }
    }
    out
}

fn check(case: &Case) -> Result<(), TestCaseError> {
    let from = window_start(case);
    let schedules: Vec<Schedule> = case
        .schedules
        .iter()
        .enumerate()
        .map(|(i, s)| build_schedule(s, i, from))
        .collect();
    let mut covered = vec![0usize; WINDOW_MINUTES as usize];
    for schedule in &schedules {
        let expected = reference_minutes(schedule, from);
        let actual = engine_minutes(schedule, from);
        for (i, (e, a)) in expected.iter().zip(&actual).enumerate() {
            let e = e.map(|(layer, user)| (layer, schedule.layers[layer].users[user].clone()));
            prop_assert_eq!(
                &e,
                a,
                "{} at minute {} ({})",
                schedule.zone,
                i,
                DateTime::from_timestamp(from + i as i64 * MINUTE, 0).expect("in range")
            );
            if e.is_some() {
                covered[i] += 1;
            }
        }
    }
    let plan = time_support::plan(schedules, vec![vec![0, 1]]);
    let (start, end) = (
        DateTime::<Utc>::from_timestamp(from, 0).expect("in range"),
        DateTime::<Utc>::from_timestamp(from + WINDOW_MINUTES * MINUTE, 0).expect("in range"),
    );
    let report = time::coverage(&plan, start, end);
    let group = report.first_responders().expect("first responders");
    let gap_minutes = covered.iter().filter(|&&c| c == 0).count() as i64;
    let overlap_minutes = covered.iter().filter(|&&c| c > 1).count() as i64;
    prop_assert_eq!(group.uncovered_seconds, gap_minutes * MINUTE);
    prop_assert_eq!(group.overlap_seconds, overlap_minutes * MINUTE);
    let mut gaps = Vec::new();
    for (i, &c) in covered.iter().enumerate() {
        let m = from + i as i64 * MINUTE;
        match gaps.last_mut() {
            Some((_, end)) if c == 0 && *end == m => *end = m + MINUTE,
            _ if c == 0 => gaps.push((m, m + MINUTE)),
            _ => {}
        }
    }
    let engine_gaps: Vec<(i64, i64)> = group
        .gaps
        .iter()
        .map(|g| (g.start.timestamp(), g.end.timestamp()))
        .collect();
    prop_assert_eq!(engine_gaps, gaps);
    // `who` at one instant agrees with the minute table.
    let probe = (case.pick % WINDOW_MINUTES as usize) as i64;
    let who = time::who(&plan, start + Duration::minutes(probe));
    let engine0 = engine_minutes(&plan.schedules[0], from);
    prop_assert_eq!(
        who[0].schedules[0].user.clone(),
        engine0[probe as usize].clone().map(|(_, u)| u)
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn engine_agrees_with_minute_by_minute_reference(case in case()) {
        check(&case)?;
    }
}

#[test]
fn reference_agrees_on_hand_picked_edge_zones() {
    // Lord Howe (30-minute DST), Chatham (+12:45/+13:45), Troll (2-hour DST), Kathmandu,
    // Tehran (no DST since 2022), St John's (-03:30), all with restrictions inside the gaps.
    let zones = [
        "Australia/Lord_Howe",
        "Pacific/Chatham",
        "Antarctica/Troll",
        "Asia/Kathmandu",
        "Asia/Tehran",
        "America/St_Johns",
    ];
    for (n, name) in zones.iter().enumerate() {
        let zone = TZ_VARIANTS
            .iter()
            .position(|z| z.name() == *name)
            .expect("zone exists");
        let restriction = |weekly: Option<u8>, minutes: u32, near: u8| RestrictionSpec {
            weekly,
            minute_of_day: 0,
            minutes,
            near,
        };
        let layer = |near: u8, turn: u32, restrictions: Vec<RestrictionSpec>| LayerSpec {
            users: 2,
            turn_seconds: turn,
            virtual_start_minutes: 0,
            virtual_start_near: near,
            start_hours: -24,
            length_hours: None,
            restrictions,
        };
        for pick in 0..2 {
            let case = Case {
                year: 2026,
                pick,
                lead_hours: 48,
                schedules: vec![
                    // Windows and handoffs inside the skipped hour.
                    ScheduleSpec {
                        zone,
                        layers: vec![layer(2, 86_400, vec![restriction(None, 120, 2)])],
                    },
                    // Windows and handoffs inside the repeated hour, under a weekly layer.
                    ScheduleSpec {
                        zone,
                        layers: vec![
                            layer(1, 7 * 86_400, vec![restriction(None, 600, 1)]),
                            layer(0, 5 * 3600, vec![restriction(Some(3), 900, 0)]),
                        ],
                    },
                ],
            };
            if let Err(e) = check(&case) {
                panic!("{name} (#{n}, transition {pick}): {e}");
            }
        }
    }
}
