//! `users.tf`: one `data "pagerduty_user"` lookup per person, by login email.

use crate::plan::Plan;
use hcl::{Block, Body};

pub(super) fn body(plan: &Plan) -> Body {
    Body::builder()
        .add_blocks(plan.users.values().map(|user| {
            Block::builder("data")
                .add_label("pagerduty_user")
                .add_label(user.tf_name.as_str())
                .add_attribute(("email", user.email.as_str()))
                .build()
        }))
        .build()
}
