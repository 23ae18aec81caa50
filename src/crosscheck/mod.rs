//! Cross-system invariants: what neither Terraform nor Alertmanager can see alone, because it
//! spans both. The rendered files (what would be applied and shipped) are parsed back and
//! compared with the plan, so a broken emitter or a hand edit is caught too.

mod environments;
mod escalation;
pub mod parsed;
mod receivers;
mod routes;
mod timing;

use crate::files::Files;
use crate::plan::{Environment, Plan};
use parsed::{Integration, Output, Receiver, Service, TfOutput};
use std::collections::BTreeMap;
use std::fmt;

/// Every PagerDuty receiver reads the routing key of exactly one environment, and that key is
/// the Terraform output of the integration of that environment's service.
pub const RECEIVER_INTEGRATION: &str = "receiver-integration";
/// Paging routes repeat more often than the service auto-resolves its incidents.
pub const REPEAT_AFTER_AUTO_RESOLVE: &str = "repeat-after-auto-resolve";
/// Every escalation rule targets schedules that exist.
pub const ESCALATION_TARGET: &str = "escalation-target";
/// Every environment route matches the label value of exactly one environment.
pub const ROUTE_ENVIRONMENT: &str = "route-environment";
/// Every environment has its Slack and PagerDuty receivers, routed, and its service.
pub const ENVIRONMENT_WIRING: &str = "environment-wiring";
/// The rendered files cannot be read back, so nothing else can be checked.
pub const UNREADABLE_OUTPUT: &str = "unreadable-output";

/// One broken invariant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// Stable code of the invariant (one of the constants of this module).
    pub invariant: &'static str,
    /// What is wrong, naming the objects on both sides.
    pub message: String,
}

impl Violation {
    fn new(invariant: &'static str, message: impl Into<String>) -> Self {
        Violation {
            invariant,
            message: message.into(),
        }
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}] {}", self.invariant, self.message)
    }
}

/// Checks the rendered `files` against `plan`; returns every violation found.
pub fn check(plan: &Plan, files: &Files) -> Vec<Violation> {
    let output = match Output::read(files) {
        Ok(output) => output,
        Err(problems) => {
            return problems
                .into_iter()
                .map(|p| Violation::new(UNREADABLE_OUTPUT, p))
                .collect();
        }
    };
    let index = Index::new(plan, &output);
    let mut out = Vec::new();
    receivers::check(plan, &output, &index, &mut out);
    timing::check(&output, &index, &mut out);
    escalation::check(plan, &output.terraform, &mut out);
    routes::check(plan, &output.alertmanager, &index, &mut out);
    environments::check(plan, &output, &index, &mut out);
    out
}

/// The plan's environments and the parsed objects grouped by the names the checks look them up
/// by, each group in file order: built once, so that the checks stay linear in the output.
struct Index<'a> {
    by_key_file: BTreeMap<&'a str, Vec<&'a Environment>>,
    by_label: BTreeMap<&'a str, Vec<&'a Environment>>,
    receivers: BTreeMap<&'a str, Vec<&'a Receiver>>,
    outputs: BTreeMap<&'a str, Vec<&'a TfOutput>>,
    integrations: BTreeMap<&'a str, Vec<&'a Integration>>,
    services: BTreeMap<&'a str, Vec<&'a Service>>,
}

impl<'a> Index<'a> {
    fn new(plan: &'a Plan, output: &'a Output) -> Self {
        let tf = &output.terraform;
        Index {
            by_key_file: group(&plan.environments, |e| e.key_file.as_str()),
            by_label: group(&plan.environments, |e| e.label_value.as_str()),
            receivers: group(&output.alertmanager.receivers, |r| r.name.as_str()),
            outputs: group(&tf.outputs, |o| o.name.as_str()),
            integrations: group(&tf.integrations, |i| i.tf_name.as_str()),
            services: group(&tf.services, |s| s.tf_name.as_str()),
        }
    }

    /// Receivers named `name`.
    fn receivers_named(&self, name: &str) -> impl Iterator<Item = &'a Receiver> + use<'a, '_> {
        self.receivers.get(name).into_iter().flatten().copied()
    }

    /// Services whose Terraform name is `tf_name`.
    fn services_named(&self, tf_name: &str) -> impl Iterator<Item = &'a Service> + use<'a, '_> {
        self.services.get(tf_name).into_iter().flatten().copied()
    }
}

fn group<'a, T>(items: &'a [T], key: impl Fn(&'a T) -> &'a str) -> BTreeMap<&'a str, Vec<&'a T>> {
    let mut groups: BTreeMap<&str, Vec<&T>> = BTreeMap::new();
    for item in items {
        groups.entry(key(item)).or_default().push(item);
    }
    groups
}

/// Environments whose routing key file is `path`.
fn environments_reading<'a>(index: &Index<'a>, path: &str) -> Vec<&'a Environment> {
    index.by_key_file.get(path).cloned().unwrap_or_default()
}

/// The service whose key ends up in `env`'s key file, following the Terraform text:
/// output -> integration -> service. `Err` says where the chain breaks.
fn service_behind<'a>(env: &Environment, index: &Index<'a>) -> Result<&'a Service, String> {
    let output = one(
        index
            .outputs
            .get(env.output_name.as_str())
            .into_iter()
            .flatten()
            .copied(),
        || format!("Terraform has no output `{}`", env.output_name),
        |n| format!("Terraform declares output `{}` {n} times", env.output_name),
    )?;
    let Some(value) = output
        .value
        .as_ref()
        .filter(|v| v.is("pagerduty_service_integration", "integration_key"))
    else {
        return Err(format!(
            "output `{}` is not the integration_key of a pagerduty_service_integration",
            output.name
        ));
    };
    let integration = one(
        index
            .integrations
            .get(value.name.as_str())
            .into_iter()
            .flatten()
            .copied(),
        || {
            format!(
                "output `{}` reads `{value}`, which is not declared",
                output.name
            )
        },
        |n| {
            format!(
                "pagerduty_service_integration.{} is declared {n} times",
                value.name
            )
        },
    )?;
    let Some(service) = integration
        .service
        .as_ref()
        .filter(|s| s.is("pagerduty_service", "id"))
    else {
        return Err(format!(
            "pagerduty_service_integration.{} names no pagerduty_service",
            integration.tf_name
        ));
    };
    one(
        index.services_named(&service.name),
        || {
            format!(
                "pagerduty_service_integration.{} belongs to `{service}`, which is not declared",
                integration.tf_name
            )
        },
        |n| format!("pagerduty_service.{} is declared {n} times", service.name),
    )
}

/// The only item, or the message for none or for `n` of them.
fn one<T>(
    mut items: impl Iterator<Item = T>,
    none: impl FnOnce() -> String,
    many: impl FnOnce(usize) -> String,
) -> Result<T, String> {
    let first = items.next().ok_or_else(none)?;
    match items.count() {
        0 => Ok(first),
        more => Err(many(more + 1)),
    }
}

#[cfg(test)]
mod tests;
