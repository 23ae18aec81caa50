//! Rules on rotations: zones, weekly hours, turn lengths, members.

use super::{value_error, zones};
use crate::diagnostic::{Diagnostic, Span};
use crate::model::{Model, Rotation, values};
use std::collections::{BTreeMap, HashSet};

/// PagerDuty's bounds on a turn: one hour to 365 days.
const MIN_TURN: u64 = 3600;
const MAX_TURN: u64 = 365 * 86_400;

pub(super) fn check(model: &Model, out: &mut Vec<Diagnostic>) {
    // The default span: `sites` is missing or no mapping, already reported by the loader.
    if model.sites.is_empty() && model.sites_span != Span::default() {
        out.push(
            Diagnostic::error("no-sites", model.sites_span, "the model has no site")
                .with_hint("business hours need at least one site with members"),
        );
    }
    let mut names: BTreeMap<String, &str> = BTreeMap::new();
    for site in &model.sites {
        let id = crate::plan::names::terraform_identifier(&site.name.value);
        if let Some(first) = names.insert(id.clone(), &site.name.value) {
            out.push(
                Diagnostic::error(
                    "duplicate-name",
                    site.name.span,
                    format!(
                        "site `{}` has the same Terraform name `{id}` as site `{first}`",
                        site.name.value
                    ),
                )
                .with_hint("rename one of the sites"),
            );
        }
        rotation(&site.rotation, &format!("site `{}`", site.name.value), out);
    }
    if let Some(exceptions) = &model.exceptions {
        if let Some(zone) = &exceptions.zone {
            zones::check(zone, out);
        }
        if let Some(r) = &exceptions.rotation {
            rotation(r, "`exceptions.rotation`", out);
        }
    }
    if let Some(r) = &model.catch_all {
        rotation(r, "`catch_all`", out);
    }
}

fn rotation(r: &Rotation, what: &str, out: &mut Vec<Diagnostic>) {
    if let Some(zone) = &r.zone {
        zones::check(zone, out);
    }
    if let Some(hours) = &r.hours
        && let Err(e) = values::weekly_hours(&hours.value)
    {
        let code = if e.message.contains("ends before") {
            "end-before-start"
        } else {
            "bad-hours"
        };
        out.push(value_error(code, hours.span, e));
    }
    if let Some(turn) = &r.turn {
        match values::duration(&turn.value) {
            Err(e) => out.push(value_error("bad-duration", turn.span, e)),
            Ok(seconds) if !(MIN_TURN..=MAX_TURN).contains(&seconds) => out.push(
                Diagnostic::error(
                    "turn-out-of-range",
                    turn.span,
                    format!("the turn `{}` of {what} is outside 1h..365d", turn.value),
                )
                .with_hint("PagerDuty turns last from one hour to 365 days, e.g. 1d or 1w"),
            ),
            Ok(_) => {}
        }
    }
    // A missing `members:` key is already reported by the loader.
    if r.members.is_empty() && r.members_span != r.span {
        out.push(
            Diagnostic::error(
                "empty-rotation",
                r.members_span,
                format!("{what} has no members"),
            )
            .with_hint("list at least one PagerDuty login email under `members`"),
        );
    }
    let mut seen: HashSet<&str> = HashSet::new();
    for member in &r.members {
        if !seen.insert(&member.value) {
            out.push(
                Diagnostic::error(
                    "duplicate-name",
                    member.span,
                    format!("`{}` is listed twice in {what}", member.value),
                )
                .with_hint("a member takes one turn per cycle; remove the repeat"),
            );
        }
    }
}
