//! Rules on the header: team name, anchor date, report window.

use crate::validate::test_support::{only, variant};

/// The valid model with a report window.
fn with_report(from: &str, to: &str) -> String {
    variant(
        "anchor: 2027-01-04\n",
        &format!("anchor: 2027-01-04\nreport: {{ from: {from}, to: {to} }}\n"),
    )
}

#[test]
fn empty_name() {
    assert_eq!(
        only(&variant("team: Platform SRE", "team: \"  \""), "empty-name"),
        "1:7 `team` is empty | name the team; it prefixes every PagerDuty object"
    );
}

#[test]
fn bad_date_anchor() {
    assert_eq!(
        only(
            &variant("anchor: 2027-01-04", "anchor: 2027-1-4"),
            "bad-date"
        ),
        "2:9 `2027-1-4` is not a date | write the date as YYYY-MM-DD, e.g. 2027-01-04"
    );
}

#[test]
fn bad_date_report() {
    assert_eq!(
        only(&with_report("2027-01-01", "2027-13-01"), "bad-date"),
        "3:33 `2027-13-01` is not a date | write the date as YYYY-MM-DD, e.g. 2027-01-04"
    );
}

#[test]
fn end_before_start_report() {
    assert_eq!(
        only(&with_report("2027-01-01", "2026-01-01"), "end-before-start"),
        "3:33 the report window ends (2026-01-01) before it starts (2027-01-01) \
         | `to` is the day after the last day reported"
    );
}

#[test]
fn window_too_long() {
    assert_eq!(
        only(&with_report("2027-01-01", "2037-01-01"), "window-too-long"),
        "3:33 the report window spans 3653 days | report on at most five years"
    );
}
