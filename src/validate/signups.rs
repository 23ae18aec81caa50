//! Rules on the sign-up sheet: known people, readable times that exist, end after start.

use super::people::all_members;
use super::value_error;
use crate::diagnostic::Diagnostic;
use crate::model::{Model, values};
use crate::suggest::closest;
use chrono::{LocalResult, NaiveDateTime, TimeZone};
use chrono_tz::Tz;
use std::collections::HashSet;

pub(super) fn check(model: &Model, out: &mut Vec<Diagnostic>) {
    let Some(exceptions) = &model.exceptions else {
        return;
    };
    let zone: Option<Tz> = exceptions.zone.as_ref().and_then(|z| z.value.parse().ok());
    let members = all_members(model);
    let known: Vec<&str> = members.iter().map(|m| m.value.as_str()).collect();
    let known_set: HashSet<&str> = known.iter().copied().collect();
    for signup in &exceptions.signups {
        if !known_set.contains(signup.who.value.as_str()) {
            let mut d = Diagnostic::error(
                "unknown-person",
                signup.who.span,
                format!("`{}` is not a member of any rotation", signup.who.value),
            );
            d = match closest(&signup.who.value, known.iter().copied()) {
                Some(near) => d.with_hint(format!("did you mean `{near}`?")),
                None => d.with_hint("add the person to a site or rotation first"),
            };
            out.push(d);
        }
        let from = parse(&signup.from, zone, out);
        let to = parse(&signup.to, zone, out);
        if let (Some(from), Some(to)) = (from, to)
            && to <= from
        {
            out.push(
                Diagnostic::error(
                    "end-before-start",
                    signup.to.span,
                    format!(
                        "the sign-up ends ({}) before it starts ({})",
                        signup.to.value, signup.from.value
                    ),
                )
                .with_hint("`to` must come after `from`"),
            );
        }
    }
}

fn parse(
    text: &crate::model::Text,
    zone: Option<Tz>,
    out: &mut Vec<Diagnostic>,
) -> Option<NaiveDateTime> {
    let local = match values::local_datetime(&text.value) {
        Ok(local) => local,
        Err(e) => {
            out.push(value_error("bad-datetime", text.span, e));
            return None;
        }
    };
    if let Some(zone) = zone
        && let LocalResult::None = zone.from_local_datetime(&local)
    {
        out.push(
            Diagnostic::error(
                "nonexistent-local-time",
                text.span,
                format!(
                    "`{}` does not exist in {}: the clocks skip it",
                    text.value,
                    zone.name()
                ),
            )
            .with_hint("daylight saving time starts then; use the first minute after the change"),
        );
        return None;
    }
    Some(local)
}
