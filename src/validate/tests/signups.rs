//! Rules on the sign-up sheet: known people, readable times that exist, end after start.

use crate::validate::test_support::{only, variant};

#[test]
fn unknown_person_with_suggestion() {
    assert_eq!(
        only(
            &variant("who: anne@example.com", "who: ane@example.com"),
            "unknown-person"
        ),
        "17:14 `ane@example.com` is not a member of any rotation | did you mean `anne@example.com`?"
    );
}

#[test]
fn unknown_person_without_suggestion() {
    assert_eq!(
        only(
            &variant("who: anne@example.com", "who: bob@elsewhere.org"),
            "unknown-person"
        ),
        "17:14 `bob@elsewhere.org` is not a member of any rotation \
         | add the person to a site or rotation first"
    );
}

#[test]
fn bad_datetime() {
    let text = variant("from: 2027-01-09 00:00", "from: 2027-01-09T00:00");
    assert_eq!(
        only(&text, "bad-datetime"),
        "17:38 `2027-01-09T00:00` is not a date and time \
         | write a local date and time as YYYY-MM-DD HH:MM, e.g. 2027-01-09 08:00"
    );
}

#[test]
fn end_before_start_signup() {
    let text = variant("to: 2027-01-10 00:00", "to: 2027-01-08 00:00");
    assert_eq!(
        only(&text, "end-before-start"),
        "17:60 the sign-up ends (2027-01-08 00:00) before it starts (2027-01-09 00:00) \
         | `to` must come after `from`"
    );
}

#[test]
fn nonexistent_local_time() {
    let text = variant(
        "from: 2027-01-09 00:00, to: 2027-01-10 00:00",
        "from: 2027-03-28 02:30, to: 2027-03-28 08:00",
    );
    assert_eq!(
        only(&text, "nonexistent-local-time"),
        "17:38 `2027-03-28 02:30` does not exist in Europe/Paris: the clocks skip it \
         | daylight saving time starts then; use the first minute after the change"
    );
}
