//! Golden cases of the time engine: the example's US-DST gap, disagreeing DST calendars,
//! half- and quarter-hour zones, the southern hemisphere, and the skipped and repeated hours.

mod time_support;

use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::{America, Asia, Australia, Europe};
use oncallc::plan::Level;
use oncallc::time::{self, CoverageReport, GroupCoverage, Shift};
use time_support::*;

fn group<'a>(report: &'a CoverageReport, key: &str) -> &'a GroupCoverage {
    report
        .groups
        .iter()
        .find(|g| g.key == key)
        .unwrap_or_else(|| panic!("no group {key}"))
}

fn spans(windows: &[time::Window]) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    windows.iter().map(|w| (w.start, w.end)).collect()
}

fn texts(patterns: &[time::Pattern]) -> Vec<&str> {
    patterns.iter().map(|p| p.text.as_str()).collect()
}

fn shifts(found: &[Shift]) -> Vec<(DateTime<Utc>, DateTime<Utc>, &str)> {
    found
        .iter()
        .map(|s| (s.start, s.end, s.user.as_str()))
        .collect()
}

/// Every weekday (Mon-Fri, UTC) from `first` to `last` at `hh:mm` UTC, lasting `minutes`.
fn weekdays(
    first: &str,
    last: &str,
    time: &str,
    minutes: i64,
) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let mut out = Vec::new();
    let mut day = at(&format!("{first}T{time}:00Z"));
    let end = at(&format!("{last}T{time}:00Z"));
    while day <= end {
        if chrono::Datelike::weekday(&day).num_days_from_monday() < 5 {
            out.push((day, day + TimeDelta::minutes(minutes)));
        }
        day += TimeDelta::days(1);
    }
    out
}

#[test]
fn example_us_dst_gap_of_2027() {
    let plan = example_plan();
    let report = time::coverage(
        &plan,
        at("2027-01-01T00:00:00Z"),
        at("2028-01-01T00:00:00Z"),
    );

    // Level 1 alone: every Monday-to-Thursday night from the Monday after US DST starts to the
    // Thursday before it ends.
    let level1 = group(&report, "business_hours");
    let nights: Vec<_> = spans(&level1.gaps)
        .into_iter()
        .filter(|(s, e)| *e - *s == TimeDelta::hours(1))
        .collect();
    assert_eq!(
        nights.first(),
        Some(&(at("2027-03-15T23:00:00Z"), at("2027-03-16T00:00:00Z")))
    );
    assert_eq!(
        nights.last(),
        Some(&(at("2027-11-04T23:00:00Z"), at("2027-11-05T00:00:00Z")))
    );
    assert_eq!(nights.len(), 136);
    assert!(texts(&level1.gap_patterns).contains(
        &"Mon-Thu 23:00-00:00 UTC, 2027-03-15..2027-11-04: no one at level 1 (business_hours); \
          Austin ends 18:00 CDT, Xian starts 08:00 CST"
    ));

    // The first responders: the same nights, except those the Memorial Day and PTO sign-ups cover.
    let first = group(&report, time::FIRST_RESPONDERS);
    assert!(texts(&first.gap_patterns).contains(
        &"Mon-Thu 23:00-00:00 UTC, 2027-03-15..2027-11-04 except 2027-05-31, 2027-07-05..2027-07-08: \
          no one at first responders (rule 1); Austin ends 18:00 CDT, Xian starts 08:00 CST"
    ));
    let before_dst = first
        .gaps
        .iter()
        .filter(|g| g.start < at("2027-03-14T00:00:00Z"))
        .all(|g| g.start.format("%H:%M").to_string() != "23:00");
    assert!(before_dst, "no weeknight gap before US DST starts");

    // The transitions that change the picture are reported.
    let chicago: Vec<_> = report
        .transitions
        .iter()
        .filter(|t| t.zone == "America/Chicago")
        .collect();
    assert_eq!(chicago.len(), 2);
    assert_eq!(chicago[0].at, at("2027-03-14T08:00:00Z"));
    assert!(
        chicago[0]
            .changes
            .contains(&time::FIRST_RESPONDERS.to_string())
    );
    assert_eq!(chicago[1].at, at("2027-11-07T07:00:00Z"));
}

#[test]
fn who_is_paged_inside_the_gap_and_outside() {
    let plan = example_plan();
    let inside = time::who(&plan, at("2027-03-16T23:30:00Z"));
    assert_eq!(inside.len(), 2);
    assert!(inside[0].schedules.iter().all(|s| s.user.is_none()));
    assert!(inside[1].schedules.iter().all(|s| s.user.is_some()));

    let winter = time::who(&plan, at("2027-01-12T23:30:00Z"));
    let on_call: Vec<_> = winter[0]
        .schedules
        .iter()
        .filter_map(|s| s.user.as_deref())
        .collect();
    // Tuesday 17:30 CST in Austin, third week of the rotation (anchored on 2026-12-28).
    assert_eq!(on_call, ["maria.garcia@example.com"]);
}

#[test]
fn paris_and_new_york_overlap_while_their_dst_calendars_disagree() {
    // Paris 09:00-18:00 and New York 12:00-21:00 meet at 17:00 UTC in winter and 16:00 UTC in
    // summer; while only the US is on DST, New York starts an hour before Paris ends.
    let plan = plan(
        vec![
            site("paris", Europe::Paris, "09:00", 9, &["p@example.com"]),
            site(
                "new-york",
                America::New_York,
                "12:00",
                9,
                &["n@example.com"],
            ),
        ],
        vec![vec![0, 1]],
    );
    let spring = time::coverage(
        &plan,
        at("2027-03-01T00:00:00Z"),
        at("2027-04-15T00:00:00Z"),
    );
    let overlaps = spans(&group(&spring, time::FIRST_RESPONDERS).overlaps);
    assert_eq!(overlaps, weekdays("2027-03-15", "2027-03-26", "16:00", 60));

    let autumn = time::coverage(
        &plan,
        at("2027-10-15T00:00:00Z"),
        at("2027-11-20T00:00:00Z"),
    );
    let first = group(&autumn, time::FIRST_RESPONDERS);
    assert_eq!(
        spans(&first.overlaps),
        weekdays("2027-11-01", "2027-11-05", "16:00", 60)
    );
    assert_eq!(
        texts(&first.overlap_patterns),
        [
            "Mon-Fri 16:00-17:00 UTC, 2027-11-01..2027-11-05: 2 on call at first responders \
          (rule 1); Paris 17:00-18:00 CET, New York 12:00-13:00 EDT"
        ]
    );
}

#[test]
fn half_and_quarter_hour_zones() {
    // Kolkata 09:00-18:00 IST is 03:30-12:30 UTC; Kathmandu 09:00-18:00 is 03:15-12:15 UTC.
    let plan = plan(
        vec![
            site("kolkata", Asia::Kolkata, "09:00", 9, &["k@example.com"]),
            site("kathmandu", Asia::Kathmandu, "09:00", 9, &["n@example.com"]),
        ],
        vec![vec![0, 1]],
    );
    let report = time::coverage(
        &plan,
        at("2027-01-04T00:00:00Z"),
        at("2027-01-11T00:00:00Z"),
    );
    let first = group(&report, time::FIRST_RESPONDERS);
    assert_eq!(
        spans(&first.overlaps),
        weekdays("2027-01-04", "2027-01-08", "03:30", 525)
    );
    assert_eq!(
        texts(&first.gap_patterns),
        [
            "Mon 00:00-03:15 UTC, 2027-01-04: no one at first responders (rule 1); \
             Kathmandu starts 09:00 +05:45",
            "Mon-Thu 12:30-03:15 UTC, 2027-01-04..2027-01-07: no one at first responders \
             (rule 1); Kolkata ends 18:00 IST, Kathmandu starts 09:00 +05:45",
            "Fri 12:30 - Mon 00:00 UTC, 2027-01-08: no one at first responders (rule 1); \
             Kolkata ends Fri 18:00 IST",
        ]
    );
}

#[test]
fn sydney_opens_a_gap_while_on_daylight_time() {
    // Sydney 08:00-17:00 meets Shanghai 15:00-24:00 at 07:00 UTC under AEST (+10). Under AEDT
    // (+11, until 2027-04-04 and from 2027-10-03) Sydney ends at 06:00 UTC.
    let plan = plan(
        vec![
            site("sydney", Australia::Sydney, "08:00", 9, &["s@example.com"]),
            site("shanghai", Asia::Shanghai, "15:00", 9, &["c@example.com"]),
        ],
        vec![vec![0, 1]],
    );
    let report = time::coverage(
        &plan,
        at("2027-01-04T00:00:00Z"),
        at("2028-01-01T00:00:00Z"),
    );
    let first = group(&report, time::FIRST_RESPONDERS);
    let hour: Vec<&str> = first
        .gap_patterns
        .iter()
        .filter(|p| p.time == "06:00-07:00 UTC")
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        hour,
        [
            "Mon-Fri 06:00-07:00 UTC, 2027-01-04..2027-04-02: no one at first responders \
             (rule 1); Sydney ends 17:00 AEDT, Shanghai starts 15:00 CST",
            "Mon-Fri 06:00-07:00 UTC, 2027-10-04..2027-12-31: no one at first responders \
             (rule 1); Sydney ends 17:00 AEDT, Shanghai starts 15:00 CST",
        ]
    );
    let sydney: Vec<_> = report
        .transitions
        .iter()
        .filter(|t| t.zone == "Australia/Sydney")
        .map(|t| (t.at, t.dst_starts))
        .collect();
    assert_eq!(
        sydney,
        [
            (at("2027-04-03T16:00:00Z"), false),
            (at("2027-10-02T16:00:00Z"), true)
        ]
    );
}

#[test]
fn a_shift_that_begins_inside_the_spring_forward_hour_opens_after_the_gap() {
    let zone = America::New_York;
    let schedule = schedule(
        Level::BusinessHours,
        Some("night"),
        zone,
        vec![layer(
            local(zone, "2027-03-01 00:00"),
            86_400,
            &["a@example.com"],
            daily("02:30", 2 * 3600),
        )],
    );
    let found = time::oncall(
        &schedule,
        at("2027-03-13T00:00:00Z"),
        at("2027-03-16T00:00:00Z"),
    );
    assert_eq!(
        shifts(&found),
        [
            (
                at("2027-03-13T02:30:00-05:00"),
                at("2027-03-13T04:30:00-05:00"),
                "a@example.com"
            ),
            // 02:30 does not exist on 2027-03-14: the window opens at 03:00 EDT, still 2 hours.
            (
                at("2027-03-14T03:00:00-04:00"),
                at("2027-03-14T05:00:00-04:00"),
                "a@example.com"
            ),
            (
                at("2027-03-15T02:30:00-04:00"),
                at("2027-03-15T04:30:00-04:00"),
                "a@example.com"
            ),
        ]
    );
}

#[test]
fn handoffs_in_the_skipped_and_repeated_hours() {
    let zone = America::New_York;
    // Daily turns handing off at 02:30: on 2027-03-14 the handoff happens at 03:00 EDT.
    let spring = schedule(
        Level::BusinessHours,
        Some("x"),
        zone,
        vec![layer(
            local(zone, "2027-03-12 02:30"),
            86_400,
            &["a@example.com", "b@example.com"],
            Vec::new(),
        )],
    );
    let found = time::oncall(
        &spring,
        at("2027-03-13T12:00:00Z"),
        at("2027-03-14T12:00:00Z"),
    );
    assert_eq!(
        shifts(&found),
        [
            (
                at("2027-03-13T12:00:00Z"),
                at("2027-03-14T03:00:00-04:00"),
                "b@example.com"
            ),
            (
                at("2027-03-14T03:00:00-04:00"),
                at("2027-03-14T12:00:00Z"),
                "a@example.com"
            ),
        ]
    );
    // Handing off at 01:30 on 2027-11-07, which happens twice: the first 01:30 (EDT) counts.
    let autumn = schedule(
        Level::BusinessHours,
        Some("y"),
        zone,
        vec![layer(
            local(zone, "2027-11-05 01:30"),
            86_400,
            &["a@example.com", "b@example.com"],
            Vec::new(),
        )],
    );
    let found = time::oncall(
        &autumn,
        at("2027-11-07T00:00:00Z"),
        at("2027-11-07T12:00:00Z"),
    );
    assert_eq!(found[1].start, at("2027-11-07T01:30:00-04:00"));
    assert_eq!(found[1].user, "a@example.com");
}

#[test]
fn a_window_spanning_the_repeated_hour_lasts_its_duration_in_absolute_time() {
    let zone = America::New_York;
    let s = schedule(
        Level::BusinessHours,
        Some("x"),
        zone,
        vec![layer(
            local(zone, "2027-11-01 00:00"),
            86_400,
            &["a@example.com"],
            daily("00:00", 4 * 3600),
        )],
    );
    let found = time::oncall(&s, at("2027-11-07T00:00:00Z"), at("2027-11-08T00:00:00Z"));
    // 00:00 EDT + 4 h = 03:00 EST: one wall-clock hour short on the day clocks go back.
    assert_eq!(
        shifts(&found),
        [(
            at("2027-11-07T00:00:00-04:00"),
            at("2027-11-07T03:00:00-05:00"),
            "a@example.com"
        )]
    );
    // A whole-day daily restriction therefore leaves 23:00-24:00 of that 25-hour day open.
    let full_day = schedule(
        Level::BusinessHours,
        Some("y"),
        zone,
        vec![layer(
            local(zone, "2027-11-01 00:00"),
            86_400,
            &["a@example.com"],
            daily("00:00", 86_400),
        )],
    );
    let plan = plan(vec![full_day], vec![vec![0]]);
    let report = time::coverage(
        &plan,
        at("2027-11-06T00:00:00Z"),
        at("2027-11-09T00:00:00Z"),
    );
    let gaps = spans(&group(&report, time::FIRST_RESPONDERS).gaps);
    assert_eq!(
        gaps,
        [(
            at("2027-11-07T23:00:00-05:00"),
            at("2027-11-08T00:00:00-05:00")
        )]
    );
}

#[test]
fn weekly_turns_keep_their_local_handoff_time_across_dst() {
    let zone = America::New_York;
    let s = schedule(
        Level::BusinessHours,
        Some("x"),
        zone,
        vec![layer(
            local(zone, "2027-03-08 09:00"),
            7 * 86_400,
            &["a@example.com", "b@example.com"],
            Vec::new(),
        )],
    );
    let found = time::oncall(&s, at("2027-03-08T14:00:00Z"), at("2027-03-22T14:00:00Z"));
    assert_eq!(
        shifts(&found),
        [
            // 167 hours: the week loses the skipped hour.
            (
                at("2027-03-08T09:00:00-05:00"),
                at("2027-03-15T09:00:00-04:00"),
                "a@example.com"
            ),
            (
                at("2027-03-15T09:00:00-04:00"),
                at("2027-03-22T09:00:00-04:00"),
                "b@example.com"
            ),
            (
                at("2027-03-22T09:00:00-04:00"),
                at("2027-03-22T14:00:00Z"),
                "a@example.com"
            ),
        ]
    );
}

#[test]
fn hourly_turns_count_absolute_time_across_dst() {
    let zone = America::New_York;
    let s = schedule(
        Level::BusinessHours,
        Some("x"),
        zone,
        vec![layer(
            local(zone, "2027-03-14 00:00"),
            12 * 3600,
            &["a@example.com", "b@example.com"],
            Vec::new(),
        )],
    );
    let found = time::oncall(&s, at("2027-03-14T05:00:00Z"), at("2027-03-15T05:00:00Z"));
    let starts: Vec<_> = found.iter().map(|s| s.start).collect();
    assert_eq!(
        starts,
        [at("2027-03-14T05:00:00Z"), at("2027-03-14T17:00:00Z")]
    );
}

#[test]
fn later_layers_override_earlier_ones_where_they_have_someone() {
    let zone = Europe::Paris;
    let mut cover = layer(
        local(zone, "2027-01-05 12:00"),
        86_400,
        &["cover@example.com"],
        Vec::new(),
    );
    cover.end = Some(local(zone, "2027-01-05 14:00"));
    let s = schedule(
        Level::Exceptions,
        None,
        zone,
        vec![
            layer(
                local(zone, "2027-01-04 00:00"),
                7 * 86_400,
                &["base@example.com"],
                weekly(&[1, 2, 3, 4, 5], "09:00", 8 * 3600),
            ),
            cover,
        ],
    );
    let found = time::oncall(&s, at("2027-01-05T00:00:00Z"), at("2027-01-06T00:00:00Z"));
    assert_eq!(
        found
            .iter()
            .map(|s| (s.start, s.end, s.user.as_str(), s.layer))
            .collect::<Vec<_>>(),
        [
            (
                at("2027-01-05T09:00:00+01:00"),
                at("2027-01-05T12:00:00+01:00"),
                "base@example.com",
                0
            ),
            (
                at("2027-01-05T12:00:00+01:00"),
                at("2027-01-05T14:00:00+01:00"),
                "cover@example.com",
                1
            ),
            (
                at("2027-01-05T14:00:00+01:00"),
                at("2027-01-05T17:00:00+01:00"),
                "base@example.com",
                0
            ),
        ]
    );
}

#[test]
fn the_example_has_three_dst_regimes() {
    let plan = example_plan();
    let first = plan.policy.rules[0].schedules.clone();
    let regimes = time::regimes(
        &plan,
        &first,
        at("2027-01-01T00:00:00Z"),
        at("2028-01-01T00:00:00Z"),
    );
    let slugs: Vec<&str> = regimes.iter().map(|r| r.slug.as_str()).collect();
    assert_eq!(slugs, ["standard", "dst-chicago-new-york", "dst"]);
}

#[test]
fn the_json_report_is_stable() {
    let plan = example_plan();
    let report = time::coverage(
        &plan,
        at("2027-03-15T00:00:00Z"),
        at("2027-03-17T00:00:00Z"),
    );
    let json = serde_json::to_value(&report).expect("serializes");
    assert_eq!(json["from"], "2027-03-15T00:00:00Z");
    let first = &json["groups"][0];
    assert_eq!(first["key"], "first_responders");
    assert_eq!(first["gaps"][0]["start"], "2027-03-15T23:00:00Z");
    assert_eq!(first["gaps"][0]["end"], "2027-03-16T00:00:00Z");
    assert_eq!(first["uncovered_seconds"], 7200);
}
