//! Rules on the model's header: team name, anchor date, report window.

use super::value_error;
use crate::diagnostic::Diagnostic;
use crate::model::{Model, values};

pub(super) fn check(model: &Model, out: &mut Vec<Diagnostic>) {
    if let Some(team) = &model.team
        && team.value.trim().is_empty()
    {
        out.push(
            Diagnostic::error("empty-name", team.span, "`team` is empty")
                .with_hint("name the team; it prefixes every PagerDuty object"),
        );
    }
    if let Some(anchor) = &model.anchor
        && let Err(e) = values::date(&anchor.value)
    {
        out.push(value_error("bad-date", anchor.span, e));
    }
    if let Some(report) = &model.report {
        let from = values::date(&report.from.value);
        let to = values::date(&report.to.value);
        for (text, parsed) in [(&report.from, &from), (&report.to, &to)] {
            if let Err(e) = parsed {
                out.push(value_error("bad-date", text.span, e.clone()));
            }
        }
        if let (Ok(from), Ok(to)) = (from, to) {
            if to <= from {
                out.push(
                    Diagnostic::error(
                        "end-before-start",
                        report.to.span,
                        format!("the report window ends ({to}) before it starts ({from})"),
                    )
                    .with_hint("`to` is the day after the last day reported"),
                );
            } else if (to - from).num_days() > 366 * 5 {
                out.push(
                    Diagnostic::error(
                        "window-too-long",
                        report.to.span,
                        format!("the report window spans {} days", (to - from).num_days()),
                    )
                    .with_hint("report on at most five years"),
                );
            }
        }
    }
}
