//! Rules on rotations: sites, zones, weekly hours, turn lengths, members.

use crate::validate::test_support::{diagnostics, only, variant};

const SITES: &str = "sites:
  paris:
    zone: Europe/Paris
    hours: Mon-Fri 08:00-17:00
    turn: 1w
    members: [anne@example.com, paul@example.com]
  austin:
    zone: America/Chicago
    hours: Mon-Fri 08:00-18:00
    turn: 1w
    members: [maria@example.com]
";

#[test]
fn no_sites() {
    assert_eq!(
        only(&variant(SITES, "sites: {}\n"), "no-sites"),
        "3:8 the model has no site | business hours need at least one site with members"
    );
}

#[test]
fn no_sites_is_not_repeated_when_sites_is_missing() {
    let codes: Vec<&str> = diagnostics(&variant(SITES, ""))
        .iter()
        .map(|d| d.code)
        .collect();
    assert!(codes.contains(&"missing-key"), "{codes:?}");
    assert!(!codes.contains(&"no-sites"), "{codes:?}");
}

#[test]
fn duplicate_name_site() {
    assert_eq!(
        only(&variant("  austin:\n", "  Paris:\n"), "duplicate-name"),
        "9:3 site `Paris` has the same Terraform name `paris` as site `paris` \
         | rename one of the sites"
    );
}

#[test]
fn unknown_zone_of_a_site() {
    assert_eq!(
        only(
            &variant("zone: Europe/Paris", "zone: Asia/Xian"),
            "unknown-zone"
        ),
        "5:11 `Asia/Xian` is not an IANA time zone | Xian has no zone of its own: use `Asia/Shanghai`"
    );
}

#[test]
fn unknown_zone_of_exceptions() {
    let text = variant(
        "  zone: Europe/Paris\n  signups",
        "  zone: Europe/Pariss\n  signups",
    );
    assert_eq!(
        only(&text, "unknown-zone"),
        "15:9 `Europe/Pariss` is not an IANA time zone | did you mean `Europe/Paris`?"
    );
}

#[test]
fn zone_rejected_by_pagerduty_in_catch_all() {
    assert_eq!(
        only(
            &variant("zone: Etc/UTC", "zone: UTC"),
            "zone-rejected-by-pagerduty"
        ),
        "19:9 pagerduty_schedule does not accept the time zone `UTC` \
         | `Etc/UTC` is accepted and keeps the same offsets and daylight-saving changes"
    );
}

#[test]
fn bad_hours() {
    let text = variant("Mon-Fri 08:00-17:00", "Monday-Friday 08:00-17:00");
    assert_eq!(
        only(&text, "bad-hours"),
        "6:12 `Monday` is not a day | days are Mon, Tue, Wed, Thu, Fri, Sat, Sun"
    );
}

#[test]
fn end_before_start_hours() {
    assert_eq!(
        only(
            &variant("Mon-Fri 08:00-17:00", "Mon-Fri 17:00-08:00"),
            "end-before-start"
        ),
        "6:12 `17:00-08:00` ends before it starts \
         | end after the start on the same day; use 24:00 for midnight, or split a night shift over two days"
    );
}

#[test]
fn bad_duration_turn() {
    assert_eq!(
        only(&variant("turn: 1w", "turn: 1 week"), "bad-duration"),
        "7:11 `1 week` is not a duration \
         | write a whole number and one unit: s, m, h, d or w (e.g. 30s, 15m, 4h, 1d, 1w)"
    );
}

#[test]
fn turn_out_of_range_short() {
    assert_eq!(
        only(&variant("turn: 1w", "turn: 59m"), "turn-out-of-range"),
        "7:11 the turn `59m` of site `paris` is outside 1h..365d \
         | PagerDuty turns last from one hour to 365 days, e.g. 1d or 1w"
    );
}

#[test]
fn turn_out_of_range_long() {
    assert_eq!(
        only(&variant("turn: 1w", "turn: 366d"), "turn-out-of-range"),
        "7:11 the turn `366d` of site `paris` is outside 1h..365d \
         | PagerDuty turns last from one hour to 365 days, e.g. 1d or 1w"
    );
}

#[test]
fn turn_bounds_are_allowed() {
    assert_eq!(diagnostics(&variant("turn: 1w", "turn: 1h")), []);
    assert_eq!(diagnostics(&variant("turn: 1w", "turn: 365d")), []);
}

#[test]
fn empty_rotation() {
    assert_eq!(
        only(
            &variant("members: [maria@example.com]", "members: []"),
            "empty-rotation"
        ),
        "13:14 site `austin` has no members | list at least one PagerDuty login email under `members`"
    );
}

#[test]
fn empty_rotation_of_exceptions() {
    let text = variant(
        "  signups:\n",
        "  rotation:\n    hours: Sat-Sun 00:00-24:00\n    turn: 1w\n    members: []\n  signups:\n",
    );
    assert_eq!(
        only(&text, "empty-rotation"),
        "19:14 `exceptions.rotation` has no members \
         | list at least one PagerDuty login email under `members`"
    );
}

#[test]
fn empty_rotation_is_not_repeated_for_members_of_the_wrong_type() {
    let text = variant("members: [lead@example.com]", "members: lead@example.com");
    let codes: Vec<&str> = diagnostics(&text).iter().map(|d| d.code).collect();
    assert_eq!(codes, ["wrong-type"]);
}

#[test]
fn duplicate_name_member() {
    let text = variant(
        "members: [maria@example.com]",
        "members: [maria@example.com, maria@example.com]",
    );
    assert_eq!(
        only(&text, "duplicate-name"),
        "13:34 `maria@example.com` is listed twice in site `austin` \
         | a member takes one turn per cycle; remove the repeat"
    );
}
