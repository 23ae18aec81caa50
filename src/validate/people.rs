//! Rules on people: login emails, and one site per person.

use crate::diagnostic::Diagnostic;
use crate::model::{Model, Text};
use std::collections::BTreeMap;

/// Whether `email` looks like a login email: one `@`, something on both sides, no spaces.
pub(super) fn plausible_email(email: &str) -> bool {
    match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !email.chars().any(char::is_whitespace)
        }
        None => false,
    }
}

/// Every member of every rotation, in file order.
pub(super) fn all_members(model: &Model) -> Vec<&Text> {
    let mut all: Vec<&Text> = Vec::new();
    for site in &model.sites {
        all.extend(&site.rotation.members);
    }
    if let Some(r) = model.exceptions.as_ref().and_then(|e| e.rotation.as_ref()) {
        all.extend(&r.members);
    }
    if let Some(r) = &model.catch_all {
        all.extend(&r.members);
    }
    all
}

pub(super) fn check(model: &Model, out: &mut Vec<Diagnostic>) {
    for member in all_members(model) {
        if !plausible_email(&member.value) {
            out.push(
                Diagnostic::error(
                    "bad-email",
                    member.span,
                    format!("`{}` is not a login email", member.value),
                )
                .with_hint("members are PagerDuty login emails, e.g. li.wei@example.com"),
            );
        }
    }
    let mut home: BTreeMap<&str, &str> = BTreeMap::new();
    for site in &model.sites {
        for member in &site.rotation.members {
            match home.get(member.value.as_str()) {
                Some(first) if *first != site.name.value => out.push(
                    Diagnostic::error(
                        "person-in-two-sites",
                        member.span,
                        format!(
                            "`{}` is a member of site `{first}` and of site `{}`",
                            member.value, site.name.value
                        ),
                    )
                    .with_hint("a person works in one time zone: keep them in one site"),
                ),
                Some(_) => {}
                None => {
                    home.insert(&member.value, &site.name.value);
                }
            }
        }
    }
}
