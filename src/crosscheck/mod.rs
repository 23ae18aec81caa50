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
use parsed::{Output, Service, Terraform};
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
    let mut out = Vec::new();
    receivers::check(plan, &output, &mut out);
    timing::check(plan, &output, &mut out);
    escalation::check(plan, &output.terraform, &mut out);
    routes::check(plan, &output.alertmanager, &mut out);
    environments::check(plan, &output, &mut out);
    out
}

/// Environments whose routing key file is `path`.
fn environments_reading<'a>(plan: &'a Plan, path: &str) -> Vec<&'a Environment> {
    plan.environments
        .iter()
        .filter(|e| e.key_file == path)
        .collect()
}

/// The service whose key ends up in `env`'s key file, following the Terraform text:
/// output -> integration -> service. `Err` says where the chain breaks.
fn service_behind<'a>(env: &Environment, tf: &'a Terraform) -> Result<&'a Service, String> {
    let output = one(
        tf.outputs.iter().filter(|o| o.name == env.output_name),
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
        tf.integrations.iter().filter(|i| i.tf_name == value.name),
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
        tf.services.iter().filter(|s| s.tf_name == service.name),
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
