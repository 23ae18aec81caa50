//! `outputs.tf`: each environment's Events API v2 routing key, as a sensitive output.

use super::resource_ref;
use crate::plan::{Environment, Plan};
use hcl::{Block, Body};

pub(super) fn body(plan: &Plan) -> Body {
    Body::builder()
        .add_blocks(plan.environments.iter().map(output))
        .build()
}

fn output(env: &Environment) -> Block {
    let description = format!(
        "Events API v2 routing key of {} (environment {}); Alertmanager reads it from {}",
        env.service_name, env.name, env.key_file
    );
    Block::builder("output")
        .add_label(env.output_name.as_str())
        .add_attribute(("description", description))
        .add_attribute((
            "value",
            resource_ref(
                "pagerduty_service_integration",
                &env.tf_name,
                "integration_key",
            ),
        ))
        .add_attribute(("sensitive", true))
        .build()
}
