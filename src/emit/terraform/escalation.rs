//! `escalation.tf`: the escalation policy shared by every service.

use super::resource_ref;
use crate::plan::{EscalationRule, Plan};
use hcl::{Block, Body};

pub(super) fn body(plan: &Plan) -> Body {
    let policy = &plan.policy;
    Body::builder()
        .add_block(
            Block::builder("resource")
                .add_label("pagerduty_escalation_policy")
                .add_label(policy.tf_name.as_str())
                .add_attribute(("name", policy.name.as_str()))
                .add_attribute(("num_loops", policy.loops))
                .add_blocks(policy.rules.iter().map(|r| rule(plan, r)))
                .build(),
        )
        .build()
}

fn rule(plan: &Plan, rule: &EscalationRule) -> Block {
    Block::builder("rule")
        .add_attribute(("escalation_delay_in_minutes", rule.delay_minutes))
        .add_blocks(rule.schedules.iter().filter_map(|&index| {
            let schedule = plan.schedules.get(index)?;
            Some(
                Block::builder("target")
                    .add_attribute(("type", "schedule_reference"))
                    .add_attribute((
                        "id",
                        resource_ref("pagerduty_schedule", &schedule.tf_name, "id"),
                    ))
                    .build(),
            )
        }))
        .build()
}
