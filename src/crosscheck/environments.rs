//! `environment-wiring`: every environment has its Slack and PagerDuty receivers, both reached by
//! the route of its label value, and its PagerDuty service.

use super::parsed::{Output, Receiver};
use super::{ENVIRONMENT_WIRING, Index, Violation, one};
use crate::plan::{Environment, Plan};
use std::collections::{BTreeMap, BTreeSet};

pub(super) fn check(plan: &Plan, output: &Output, index: &Index<'_>, out: &mut Vec<Violation>) {
    let selected = selected(plan, output);
    for env in &plan.environments {
        let mut problems = receivers(env, index);
        problems.extend(routed(plan, env, &selected));
        problems.extend(service(env, index).err());
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
fn receivers(env: &Environment, index: &Index<'_>) -> Vec<String> {
    let slack: Notifies = |r| !r.slack_configs.is_empty();
    let pagerduty: Notifies = |r| !r.pagerduty_configs.is_empty();
    let wanted = [
        (&env.slack_receiver, "Slack", slack),
        (&env.pagerduty_receiver, "PagerDuty", pagerduty),
    ];
    let mut problems = Vec::new();
    for (name, system, notifies) in wanted {
        let found = one(
            index.receivers_named(name),
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

/// For each value of the environment label that some route selects (`label="value"`), the
/// receivers notified under those routes: one walk of the routing tree for all environments.
fn selected<'a>(plan: &Plan, output: &'a Output) -> BTreeMap<String, BTreeSet<&'a str>> {
    let label = &plan.alertmanager.env_label;
    let mut selected: BTreeMap<String, BTreeSet<&'a str>> = BTreeMap::new();
    output.alertmanager.route.visit(&mut |node| {
        let values: BTreeSet<String> = node
            .route
            .parsed_matchers()
            .into_iter()
            .flatten()
            .filter(|m| m.label == *label && m.op == "=")
            .map(|m| m.value)
            .collect();
        for value in values {
            node.route
                .receivers(node.receiver, selected.entry(value).or_default());
        }
    });
    selected
}

/// Both receivers are notified under a route that selects the environment's label value.
fn routed(
    plan: &Plan,
    env: &Environment,
    selected: &BTreeMap<String, BTreeSet<&str>>,
) -> Vec<String> {
    let label = &plan.alertmanager.env_label;
    let Some(notified) = selected.get(&env.label_value) else {
        return vec![format!(
            "no route selects environment `{}` ({label}=\"{}\"): its alerts reach neither `{}` \
             nor `{}`",
            env.name, env.label_value, env.slack_receiver, env.pagerduty_receiver
        )];
    };
    [&env.slack_receiver, &env.pagerduty_receiver]
        .into_iter()
        .filter(|r| !notified.contains(r.as_str()))
        .map(|r| format!("alerts of environment `{}` never reach `{r}`", env.name))
        .collect()
}

/// The environment's service is declared once, under its name.
fn service(env: &Environment, index: &Index<'_>) -> Result<(), String> {
    let service = one(
        index.services_named(&env.tf_name),
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
