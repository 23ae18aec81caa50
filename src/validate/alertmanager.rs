//! Rules on the Alertmanager settings: labels, matchers, timings, file paths.

use super::value_error;
use crate::diagnostic::Diagnostic;
use crate::model::{Model, Text, values};

pub(super) fn check(model: &Model, out: &mut Vec<Diagnostic>) {
    let Some(am) = &model.alertmanager else {
        return;
    };
    for label in am.env_label.iter().chain(&am.group_by) {
        if !values::label_name(&label.value) && label.value != "..." {
            out.push(
                Diagnostic::error(
                    "bad-label",
                    label.span,
                    format!("`{}` is not a label name", label.value),
                )
                .with_hint("label names match [a-zA-Z_][a-zA-Z0-9_]*"),
            );
        }
    }
    // `page_when` missing or not a list is already reported by the loader.
    if am.page_when.is_empty() && am.page_when_span != am.span {
        out.push(
            Diagnostic::error(
                "no-page-matchers",
                am.page_when_span,
                "`page_when` is empty: every alert would page",
            )
            .with_hint("list matchers, e.g. ['severity=\"critical\"']"),
        );
    }
    for matcher in &am.page_when {
        if let Err(e) = values::matcher(&matcher.value) {
            out.push(value_error("bad-matcher", matcher.span, e));
        }
    }
    for timing in [&am.group_wait, &am.group_interval, &am.repeat_interval]
        .into_iter()
        .flatten()
    {
        match values::duration(&timing.value) {
            Err(e) => out.push(value_error("bad-duration", timing.span, e)),
            Ok(0) => out.push(
                Diagnostic::error(
                    "bad-duration",
                    timing.span,
                    "Alertmanager intervals must be positive",
                )
                .with_hint("e.g. 30s, 5m, 4h"),
            ),
            Ok(_) => {}
        }
    }
    absolute(am.key_dir.as_ref(), "key_dir", am.span, out);
    absolute(
        am.slack_webhook_file.as_ref(),
        "slack_webhook_file",
        am.span,
        out,
    );
    match &am.unrouted_slack {
        None => out.push(
            Diagnostic::error(
                "missing-key",
                am.span,
                "`alertmanager` has no `unrouted_slack`",
            )
            .with_hint("name the Slack channel for alerts that match no environment"),
        ),
        Some(c) if c.value.trim().is_empty() => out.push(
            Diagnostic::error("missing-slack", c.span, "`unrouted_slack` is empty")
                .with_hint("name a channel"),
        ),
        Some(_) => {}
    }
    if let Some(url) = &am.pagerduty_url
        && !(url.value.starts_with("https://") || url.value.starts_with("http://"))
    {
        out.push(
            Diagnostic::error(
                "bad-url",
                url.span,
                format!("`{}` is not an http(s) URL", url.value),
            )
            .with_hint("leave `pagerduty_url` out to use PagerDuty's Events API"),
        );
    }
}

fn absolute(
    path: Option<&Text>,
    key: &str,
    span: crate::diagnostic::Span,
    out: &mut Vec<Diagnostic>,
) {
    match path {
        None => out.push(
            Diagnostic::error("missing-key", span, format!("`alertmanager` has no `{key}`"))
                .with_hint("secrets stay out of the repository: name the file Alertmanager reads them from"),
        ),
        Some(p) if !p.value.starts_with('/') || p.value.contains('\n') => out.push(
            Diagnostic::error("relative-path", p.span, format!("`{}` is not an absolute path", p.value))
                .with_hint("Alertmanager resolves relative paths against its own config directory; write an absolute path"),
        ),
        Some(_) => {}
    }
}
