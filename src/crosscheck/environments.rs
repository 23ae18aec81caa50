//! `environment-wiring`: every environment has its Slack and PagerDuty receivers, both reached by
//! the route of its label value, and its PagerDuty service.

use super::parsed::{Output, Receiver};
use super::{ENVIRONMENT_WIRING, Violation, one};
use crate::plan::{Environment, Plan};
use std::collections::BTreeSet;

pub(super) fn check(plan: &Plan, output: &Output, out: &mut Vec<Violation>) {
    for env in &plan.environments {
        let mut problems = receivers(env, output);
        problems.extend(routed(plan, env, output));
        problems.extend(service(env, output).err());
        out.extend(
            problems
                .into_iter()
                .map(|p| Violation::new(ENVIRONMENT_WIRING, p)),
        );
    }
}

/// Whether a receiver notifies one system.
type Notifies = fn(&Receiver) -> bool;

/// Both receivers are defined once, and each notifies its system.
fn receivers(env: &Environment, output: &Output) -> Vec<String> {
    let slack: Notifies = |r| !r.slack_configs.is_empty();
    let pagerduty: Notifies = |r| !r.pagerduty_configs.is_empty();
    let wanted = [
        (&env.slack_receiver, "Slack", slack),
        (&env.pagerduty_receiver, "PagerDuty", pagerduty),
    ];
    let mut problems = Vec::new();
    for (name, system, notifies) in wanted {
        let found = one(
            output.alertmanager.receivers_named(name),
            || {
                format!(
                    "environment `{}` has no {system} receiver: the Alertmanager file defines \
                     no `{name}`",
                    env.name
                )
            },
            |n| format!("the Alertmanager file defines receiver `{name}` {n} times"),
        );
        match found {
            Err(problem) => problems.push(problem),
            Ok(r) if !notifies(r) => problems.push(format!(
                "receiver `{name}` of environment `{}` has no {system} config",
                env.name
            )),
            Ok(_) => {}
        }
    }
    problems
}

/// Both receivers are notified under a route that selects the environment's label value.
fn routed(plan: &Plan, env: &Environment, output: &Output) -> Vec<String> {
    let label = &plan.alertmanager.env_label;
    let mut selected = false;
    let mut notified = BTreeSet::new();
    output.alertmanager.route.visit(&mut |node| {
        let selects = node
            .route
            .parsed_matchers()
            .into_iter()
            .flatten()
            .any(|m| m.label == *label && m.op == "=" && m.value == env.label_value);
        if selects {
            selected = true;
            node.route.receivers(node.receiver, &mut notified);
        }
    });
    if !selected {
        return vec![format!(
            "no route selects environment `{}` ({label}=\"{}\"): its alerts reach neither `{}` \
             nor `{}`",
            env.name, env.label_value, env.slack_receiver, env.pagerduty_receiver
        )];
    }
    [&env.slack_receiver, &env.pagerduty_receiver]
        .into_iter()
        .filter(|r| !notified.contains(r.as_str()))
        .map(|r| format!("alerts of environment `{}` never reach `{r}`", env.name))
        .collect()
}

/// The environment's service is declared once, under its name.
fn service(env: &Environment, output: &Output) -> Result<(), String> {
    let service = one(
        output
            .terraform
            .services
            .iter()
            .filter(|s| s.tf_name == env.tf_name),
        || {
            format!(
                "environment `{}` has no service: Terraform declares no pagerduty_service.{}",
                env.name, env.tf_name
            )
        },
        |n| format!("pagerduty_service.{} is declared {n} times", env.tf_name),
    )?;
    match service.name.as_deref() {
        Some(name) if name == env.service_name => Ok(()),
        name => Err(format!(
            "pagerduty_service.{} is named `{}`, not environment `{}`'s `{}`",
            env.tf_name,
            name.unwrap_or("(no name)"),
            env.name,
            env.service_name
        )),
    }
}
