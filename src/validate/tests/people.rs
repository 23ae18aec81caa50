//! Rules on people: login emails, one site per person.

use crate::validate::test_support::{diagnostics, only, variant};

#[test]
fn bad_email() {
    assert_eq!(
        only(
            &variant("members: [maria@example.com]", "members: [maria]"),
            "bad-email"
        ),
        "13:15 `maria` is not a login email \
         | members are PagerDuty login emails, e.g. li.wei@example.com"
    );
}

#[test]
fn person_in_two_sites() {
    let text = variant(
        "members: [maria@example.com]",
        "members: [anne@example.com]",
    );
    assert_eq!(
        only(&text, "person-in-two-sites"),
        "13:15 `anne@example.com` is a member of site `paris` and of site `austin` \
         | a person works in one time zone: keep them in one site"
    );
}

#[test]
fn a_site_member_may_also_be_catch_all() {
    let text = variant("members: [lead@example.com]", "members: [anne@example.com]");
    assert_eq!(diagnostics(&text), []);
}
