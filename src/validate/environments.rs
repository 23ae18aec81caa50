//! Rules on environments: a service each, unique and unreserved names, label values, timeouts.

use super::value_error;
use crate::diagnostic::{Diagnostic, Span};
use crate::model::{Environment, Model, Text, values};
use crate::plan::names;
use std::collections::BTreeMap;

pub(super) fn check(model: &Model, out: &mut Vec<Diagnostic>) {
    // The default span: `environments` is missing or no mapping, already reported by the loader.
    if model.environments.is_empty() && model.environments_span != Span::default() {
        out.push(
            Diagnostic::error("no-environments", model.environments_span, "the model has no environment")
                .with_hint("add one per PagerDuty service, e.g. `prod: { service: Service_PROD, slack: \"#prod\" }`"),
        );
    }
    let mut services: BTreeMap<&str, &str> = BTreeMap::new();
    let mut labels: BTreeMap<&str, &str> = BTreeMap::new();
    let mut identifiers: BTreeMap<String, &str> = BTreeMap::new();
    for env in &model.environments {
        let name = env.name.value.as_str();
        one(env, out);
        if let Some(service) = &env.service
            && let Some(first) = services.insert(&service.value, name)
        {
            out.push(duplicate(
                service,
                format!(
                    "service `{}` is also the service of `{first}`",
                    service.value
                ),
            ));
        }
        let label = env.label.as_ref().unwrap_or(&env.name);
        if let Some(first) = labels.insert(&label.value, name) {
            out.push(duplicate(
                label,
                format!(
                    "label value `{}` also selects environment `{first}`",
                    label.value
                ),
            ));
        }
        let id = names::terraform_identifier(name);
        if let Some(first) = identifiers.insert(id.clone(), name) {
            out.push(duplicate(
                &env.name,
                format!("environment `{name}` has the same Terraform name `{id}` as `{first}`"),
            ));
        }
    }
}

/// The name whose Slack receiver (`slack-unrouted`) takes the alerts that match no environment.
const UNROUTED: &str = "unrouted";

fn duplicate(at: &Text, message: String) -> Diagnostic {
    Diagnostic::error("duplicate-name", at.span, message)
        .with_hint("each environment needs its own")
}

fn one(env: &Environment, out: &mut Vec<Diagnostic>) {
    let name = &env.name;
    if !names::is_plain_name(&name.value) {
        out.push(
            Diagnostic::error(
                "bad-name",
                name.span,
                format!("`{}` cannot name receivers and key files", name.value),
            )
            .with_hint("use letters, digits, `-` and `_`, starting with a letter or digit"),
        );
    }
    if name.value == UNROUTED {
        out.push(
            Diagnostic::error(
                "reserved-name",
                name.span,
                format!(
                    "environment `{UNROUTED}` would reuse `{}`, the receiver of alerts that match no environment",
                    names::slack_receiver(UNROUTED)
                ),
            )
            .with_hint("rename the environment; set `label: unrouted` if the alerts carry that value"),
        );
    }
    match &env.service {
        None => out.push(
            Diagnostic::error(
                "missing-service",
                name.span,
                format!("environment `{}` has no service", name.value),
            )
            .with_hint("add `service:` with the PagerDuty service name"),
        ),
        Some(s) if s.value.trim().is_empty() => out.push(
            Diagnostic::error(
                "missing-service",
                s.span,
                format!("environment `{}` has an empty service name", name.value),
            )
            .with_hint("name the PagerDuty service"),
        ),
        Some(_) => {}
    }
    match &env.slack {
        None => out.push(
            Diagnostic::error(
                "missing-slack",
                name.span,
                format!("environment `{}` has no Slack channel", name.value),
            )
            .with_hint("add `slack: \"#channel\"`: every alert reaches Slack"),
        ),
        Some(s) if s.value.trim().is_empty() => out.push(
            Diagnostic::error(
                "missing-slack",
                s.span,
                format!("environment `{}` has an empty Slack channel", name.value),
            )
            .with_hint("name the channel, e.g. \"#alerts\""),
        ),
        Some(_) => {}
    }
    if let Some(urgency) = &env.urgency
        && !matches!(urgency.value.as_str(), "high" | "low")
    {
        out.push(
            Diagnostic::error(
                "bad-urgency",
                urgency.span,
                format!("`{}` is not an urgency", urgency.value),
            )
            .with_hint("urgency is `high` or `low`"),
        );
    }
    if let Some(label) = &env.label
        && label.value.is_empty()
    {
        out.push(
            Diagnostic::error("bad-label", label.span, "the label value is empty")
                .with_hint("leave `label` out to use the environment's name"),
        );
    }
    for timeout in [&env.auto_resolve, &env.ack_timeout].into_iter().flatten() {
        match values::duration(&timeout.value) {
            Err(e) => out.push(value_error("bad-duration", timeout.span, e)),
            Ok(seconds) if seconds < 60 || seconds % 60 != 0 => out.push(
                Diagnostic::error(
                    "bad-duration",
                    timeout.span,
                    format!("`{}` is not a whole number of minutes", timeout.value),
                )
                .with_hint("PagerDuty timeouts are whole minutes, e.g. 30m or 4h"),
            ),
            Ok(_) => {}
        }
    }
}
