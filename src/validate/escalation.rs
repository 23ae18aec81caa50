//! Rules on the escalation policy: loops, delays, and the levels each rule pages.

use super::value_error;
use crate::diagnostic::Diagnostic;
use crate::model::{Model, Text, values};
use crate::suggest::closest;

/// PagerDuty repeats a policy at most nine times.
const MAX_LOOPS: i64 = 9;

/// What a level reference points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LevelRef {
    /// Every site's business-hours schedule.
    BusinessHours,
    /// One site's business-hours schedule.
    Site(String),
    /// The exceptions schedule.
    Exceptions,
    /// The catch-all schedule.
    CatchAll,
}

/// Reads a level reference: `business_hours`, `business_hours.<site>`, `exceptions`, `catch_all`.
pub fn level_ref(text: &str) -> Option<LevelRef> {
    match text {
        "business_hours" => Some(LevelRef::BusinessHours),
        "exceptions" => Some(LevelRef::Exceptions),
        "catch_all" => Some(LevelRef::CatchAll),
        _ => text
            .strip_prefix("business_hours.")
            .map(|site| LevelRef::Site(site.to_owned())),
    }
}

pub(super) fn check(model: &Model, out: &mut Vec<Diagnostic>) {
    let Some(escalation) = &model.escalation else {
        return;
    };
    if let Some(loops) = &escalation.loops
        && !(0..=MAX_LOOPS).contains(&loops.value)
    {
        out.push(
            Diagnostic::error(
                "loops-out-of-range",
                loops.span,
                format!("`loops: {}` is outside 0..=9", loops.value),
            )
            .with_hint("PagerDuty repeats an escalation policy at most 9 times"),
        );
    }
    // `rules` missing or not a list is already reported by the loader.
    if escalation.rules.is_empty() && escalation.rules_span != escalation.span {
        out.push(
            Diagnostic::error(
                "no-escalation-rules",
                escalation.rules_span,
                "the escalation policy has no rules",
            )
            .with_hint(
                "add a rule paging business_hours and exceptions, then one paging catch_all",
            ),
        );
    }
    let mut seen: Vec<&str> = Vec::new();
    for rule in &escalation.rules {
        if let Some(delay) = &rule.delay {
            check_delay(delay, out);
        }
        if rule.levels.is_empty() {
            out.push(
                Diagnostic::error(
                    "empty-rule",
                    rule.span,
                    "this escalation rule pages no level",
                )
                .with_hint("list levels, e.g. `levels: [business_hours, exceptions]`"),
            );
        }
        for level in &rule.levels {
            check_level(model, level, out);
            if seen.contains(&level.value.as_str()) {
                out.push(
                    Diagnostic::error(
                        "duplicate-name",
                        level.span,
                        format!("`{}` is paged by more than one rule", level.value),
                    )
                    .with_hint("each level belongs to one escalation rule"),
                );
            }
            seen.push(&level.value);
        }
    }
}

fn check_delay(delay: &Text, out: &mut Vec<Diagnostic>) {
    match values::duration(&delay.value) {
        Err(e) => out.push(value_error("bad-duration", delay.span, e)),
        Ok(seconds) if seconds < 60 => out.push(
            Diagnostic::error(
                "delay-too-short",
                delay.span,
                format!("the escalation delay `{}` is under 1 minute", delay.value),
            )
            .with_hint("PagerDuty escalates after at least 1 minute, e.g. 15m"),
        ),
        Ok(seconds) if seconds % 60 != 0 => out.push(
            Diagnostic::error(
                "bad-duration",
                delay.span,
                format!(
                    "the escalation delay `{}` is not a whole number of minutes",
                    delay.value
                ),
            )
            .with_hint("PagerDuty counts escalation delays in minutes, e.g. 15m"),
        ),
        Ok(_) => {}
    }
}

fn check_level(model: &Model, level: &Text, out: &mut Vec<Diagnostic>) {
    let known = ["business_hours", "exceptions", "catch_all"];
    match level_ref(&level.value) {
        None => {
            let d = Diagnostic::error(
                "unknown-schedule",
                level.span,
                format!("`{}` is not a level", level.value),
            );
            out.push(match closest(&level.value, known) {
                Some(near) => d.with_hint(format!("did you mean `{near}`?")),
                None => d.with_hint(
                    "levels are business_hours, business_hours.<site>, exceptions, catch_all",
                ),
            });
        }
        Some(LevelRef::Site(site)) => {
            let sites: Vec<&str> = model.sites.iter().map(|s| s.name.value.as_str()).collect();
            if !sites.contains(&site.as_str()) {
                let d = Diagnostic::error(
                    "unknown-site",
                    level.span,
                    format!("there is no site `{site}`"),
                );
                out.push(match closest(&site, sites.iter().copied()) {
                    Some(near) => d.with_hint(format!("did you mean `business_hours.{near}`?")),
                    None => d.with_hint(format!("sites: {}", sites.join(", "))),
                });
            }
        }
        Some(LevelRef::Exceptions) if model.exceptions.is_none() => out.push(
            Diagnostic::error(
                "unknown-schedule",
                level.span,
                "there is no `exceptions` schedule",
            )
            .with_hint("add an `exceptions:` section, or drop this level"),
        ),
        Some(_) => {}
    }
}
