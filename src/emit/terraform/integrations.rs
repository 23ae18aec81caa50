//! `integrations.tf`: one Events API v2 integration per service, for Alertmanager to send to.
//!
//! Never `pagerduty_ruleset`: rulesets reached end-of-life in January 2025.

use super::resource_ref;
use crate::plan::Plan;
use hcl::{Block, Body};

/// The integration's display name in PagerDuty.
pub(super) const NAME: &str = "Alertmanager";

pub(super) fn body(plan: &Plan) -> Body {
    Body::builder()
        .add_blocks(plan.environments.iter().map(|env| {
            Block::builder("resource")
                .add_label("pagerduty_service_integration")
                .add_label(env.tf_name.as_str())
                .add_attribute(("name", NAME))
                .add_attribute((
                    "service",
                    resource_ref("pagerduty_service", &env.tf_name, "id"),
                ))
                .add_attribute(("type", "events_api_v2_inbound_integration"))
                .build()
        }))
        .build()
}
