//! `schedules.tf`: one `pagerduty_schedule` per plan schedule, with its layers and restrictions.

use super::data_ref;
use crate::plan::{Layer, Plan, Restriction, Schedule};
use chrono::{DateTime, FixedOffset, SecondsFormat};
use hcl::{Attribute, Block, Body, Expression};

pub(super) fn body(plan: &Plan) -> Body {
    Body::builder()
        .add_blocks(plan.schedules.iter().map(|s| schedule(plan, s)))
        .build()
}

fn schedule(plan: &Plan, schedule: &Schedule) -> Block {
    Block::builder("resource")
        .add_label("pagerduty_schedule")
        .add_label(schedule.tf_name.as_str())
        .add_attribute(("name", schedule.name.as_str()))
        .add_attribute(("time_zone", schedule.zone.name()))
        .add_blocks(schedule.layers.iter().map(|l| layer(plan, l)))
        .build()
}

fn layer(plan: &Plan, layer: &Layer) -> Block {
    let users = layer
        .users
        .iter()
        .map(|email| user_id(plan, email))
        .collect::<Vec<_>>();
    let mut block = Block::builder("layer")
        .add_attribute(("name", layer.name.as_str()))
        .add_attribute(("start", rfc3339(&layer.start)))
        .add_attribute((
            "rotation_virtual_start",
            rfc3339(&layer.rotation_virtual_start),
        ));
    if let Some(end) = &layer.end {
        block = block.add_attribute(("end", rfc3339(end)));
    }
    block
        .add_attribute(("rotation_turn_length_seconds", layer.turn_seconds))
        .add_attribute(Attribute::new("users", Expression::Array(users)))
        .add_blocks(layer.restrictions.iter().map(restriction))
        .build()
}

/// `data.pagerduty_user.<tf_name>.id` of the user with this email. The plan only lists emails
/// that are keys of `plan.users`; were one missing, the reference names the email itself and
/// `parse_back` reports it as unresolved.
fn user_id(plan: &Plan, email: &str) -> Expression {
    let tf_name = plan
        .users
        .get(email)
        .map_or(email, |user| user.tf_name.as_str());
    data_ref("pagerduty_user", tf_name, "id")
}

fn restriction(restriction: &Restriction) -> Block {
    let mut block = Block::builder("restriction");
    block = match restriction.start_day_of_week {
        Some(day) => block
            .add_attribute(("type", "weekly_restriction"))
            .add_attribute(("start_day_of_week", u32::from(day))),
        None => block.add_attribute(("type", "daily_restriction")),
    };
    block
        .add_attribute((
            "start_time_of_day",
            restriction.start_time_of_day.format("%H:%M:%S").to_string(),
        ))
        .add_attribute(("duration_seconds", restriction.duration_seconds))
        .build()
}

/// RFC 3339 with the zone offset and whole seconds, e.g. `2027-01-04T00:00:00+08:00`.
fn rfc3339(at: &DateTime<FixedOffset>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, false)
}
