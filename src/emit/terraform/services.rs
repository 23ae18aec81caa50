//! `services.tf`: one `pagerduty_service` per environment.

use super::resource_ref;
use crate::plan::{Environment, Plan};
use hcl::{Block, Body, Expression};

pub(super) fn body(plan: &Plan) -> Body {
    Body::builder()
        .add_blocks(plan.environments.iter().map(|env| service(plan, env)))
        .build()
}

fn service(plan: &Plan, env: &Environment) -> Block {
    Block::builder("resource")
        .add_label("pagerduty_service")
        .add_label(env.tf_name.as_str())
        .add_attribute(("name", env.service_name.as_str()))
        .add_attribute((
            "escalation_policy",
            resource_ref("pagerduty_escalation_policy", &plan.policy.tf_name, "id"),
        ))
        .add_attribute(("auto_resolve_timeout", timeout(env.auto_resolve_seconds)))
        .add_attribute(("acknowledgement_timeout", timeout(env.ack_timeout_seconds)))
        .add_block(
            Block::builder("incident_urgency_rule")
                .add_attribute(("type", "constant"))
                .add_attribute(("urgency", env.urgency.as_str()))
                .build(),
        )
        .build()
}

/// Seconds, or the string `"null"` that the provider documents as disabling the timeout.
fn timeout(seconds: Option<u32>) -> Expression {
    match seconds {
        Some(seconds) => Expression::from(seconds),
        None => Expression::from("null"),
    }
}
