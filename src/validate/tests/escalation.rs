//! Rules on the escalation policy: loops, delays, the levels each rule pages.

use crate::validate::test_support::{diagnostics, only, variant};

const RULES: &str = "  rules:
    - { levels: [business_hours, exceptions], delay: 15m }
    - { levels: [catch_all], delay: 30m }
";

#[test]
fn loops_out_of_range_above_nine() {
    assert_eq!(
        only(&variant("loops: 2", "loops: 10"), "loops-out-of-range"),
        "23:10 `loops: 10` is outside 0..=9 | PagerDuty repeats an escalation policy at most 9 times"
    );
}

#[test]
fn loops_out_of_range_below_zero() {
    assert_eq!(
        only(&variant("loops: 2", "loops: -1"), "loops-out-of-range"),
        "23:10 `loops: -1` is outside 0..=9 | PagerDuty repeats an escalation policy at most 9 times"
    );
}

#[test]
fn loops_bounds_are_allowed() {
    assert_eq!(diagnostics(&variant("loops: 2", "loops: 0")), []);
    assert_eq!(diagnostics(&variant("loops: 2", "loops: 9")), []);
}

#[test]
fn no_escalation_rules() {
    assert_eq!(
        only(&variant(RULES, "  rules: []\n"), "no-escalation-rules"),
        "24:10 the escalation policy has no rules \
         | add a rule paging business_hours and exceptions, then one paging catch_all"
    );
}

#[test]
fn no_escalation_rules_is_not_repeated_when_rules_is_missing() {
    let codes: Vec<&str> = diagnostics(&variant(RULES, ""))
        .iter()
        .map(|d| d.code)
        .collect();
    assert_eq!(codes, ["missing-key"]);
}

#[test]
fn empty_rule() {
    assert_eq!(
        only(&variant("levels: [catch_all]", "levels: []"), "empty-rule"),
        "26:7 this escalation rule pages no level \
         | list levels, e.g. `levels: [business_hours, exceptions]`"
    );
}

#[test]
fn delay_too_short() {
    assert_eq!(
        only(&variant("delay: 15m", "delay: 30s"), "delay-too-short"),
        "25:54 the escalation delay `30s` is under 1 minute \
         | PagerDuty escalates after at least 1 minute, e.g. 15m"
    );
}

#[test]
fn delay_of_one_minute_is_allowed() {
    assert_eq!(diagnostics(&variant("delay: 15m", "delay: 1m")), []);
}

#[test]
fn bad_duration_delay_in_seconds() {
    assert_eq!(
        only(&variant("delay: 15m", "delay: 90s"), "bad-duration"),
        "25:54 the escalation delay `90s` is not a whole number of minutes \
         | PagerDuty counts escalation delays in minutes, e.g. 15m"
    );
}

#[test]
fn bad_duration_delay() {
    assert_eq!(
        only(&variant("delay: 15m", "delay: 15 min"), "bad-duration"),
        "25:54 `15 min` is not a duration \
         | write a whole number and one unit: s, m, h, d or w (e.g. 30s, 15m, 4h, 1d, 1w)"
    );
}

#[test]
fn unknown_schedule_with_suggestion() {
    assert_eq!(
        only(
            &variant("levels: [catch_all]", "levels: [catchall]"),
            "unknown-schedule"
        ),
        "26:18 `catchall` is not a level | did you mean `catch_all`?"
    );
}

#[test]
fn unknown_schedule_without_suggestion() {
    assert_eq!(
        only(
            &variant("levels: [catch_all]", "levels: [oncall]"),
            "unknown-schedule"
        ),
        "26:18 `oncall` is not a level \
         | levels are business_hours, business_hours.<site>, exceptions, catch_all"
    );
}

#[test]
fn unknown_schedule_exceptions_without_section() {
    let text = variant(
        "exceptions:
  zone: Europe/Paris
  signups:
    - { who: anne@example.com, from: 2027-01-09 00:00, to: 2027-01-10 00:00, reason: weekend }
",
        "",
    );
    assert_eq!(
        only(&text, "unknown-schedule"),
        "21:34 there is no `exceptions` schedule | add an `exceptions:` section, or drop this level"
    );
}

#[test]
fn unknown_site_with_suggestion() {
    let text = variant("levels: [catch_all]", "levels: [business_hours.pariss]");
    assert_eq!(
        only(&text, "unknown-site"),
        "26:18 there is no site `pariss` | did you mean `business_hours.paris`?"
    );
}

#[test]
fn unknown_site_without_suggestion() {
    let text = variant("levels: [catch_all]", "levels: [business_hours.tokyo]");
    assert_eq!(
        only(&text, "unknown-site"),
        "26:18 there is no site `tokyo` | sites: paris, austin"
    );
}

#[test]
fn duplicate_name_level() {
    assert_eq!(
        only(
            &variant("levels: [catch_all]", "levels: [exceptions]"),
            "duplicate-name"
        ),
        "26:18 `exceptions` is paged by more than one rule | each level belongs to one escalation rule"
    );
}
