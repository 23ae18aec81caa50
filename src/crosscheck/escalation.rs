//! `escalation-target`: every escalation rule targets schedules, and every one exists, both in
//! the plan and in the Terraform that would be applied.

use super::parsed::{Target, Terraform};
use super::{ESCALATION_TARGET, Violation};
use crate::plan::Plan;

pub(super) fn check(plan: &Plan, tf: &Terraform, out: &mut Vec<Violation>) {
    let mut push = |message: String| out.push(Violation::new(ESCALATION_TARGET, message));
    for (i, rule) in plan.policy.rules.iter().enumerate() {
        let n = i + 1;
        if rule.schedules.is_empty() {
            push(format!(
                "escalation rule {n} of the plan targets no schedule"
            ));
        }
        for &index in &rule.schedules {
            match plan.schedules.get(index) {
                None => push(format!(
                    "escalation rule {n} of the plan targets schedule #{index}, which the plan \
                     does not have"
                )),
                Some(s) if !tf.schedules.contains(&s.tf_name) => push(format!(
                    "escalation rule {n} of the plan targets schedule `{}`, but Terraform \
                     declares no pagerduty_schedule.{}",
                    s.name, s.tf_name
                )),
                Some(_) => {}
            }
        }
    }
    for policy in &tf.policies {
        for (i, targets) in policy.rules.iter().enumerate() {
            let at = format!(
                "pagerduty_escalation_policy.{} rule {}",
                policy.tf_name,
                i + 1
            );
            if targets.is_empty() {
                push(format!("{at} has no target"));
            }
            for target in targets {
                if let Err(why) = schedule(target, tf) {
                    push(format!("{at} {why}"));
                }
            }
        }
    }
}

/// Whether a target is a reference to a declared schedule.
fn schedule(target: &Target, tf: &Terraform) -> Result<(), String> {
    let kind = target.kind.as_deref().unwrap_or("(no type)");
    if kind != "schedule_reference" {
        return Err(format!("targets a `{kind}`, not a schedule"));
    }
    match &target.id {
        Some(id) if id.is("pagerduty_schedule", "id") => {
            if tf.schedules.contains(&id.name) {
                Ok(())
            } else {
                Err(format!("targets `{id}`, which is not declared"))
            }
        }
        Some(id) => Err(format!(
            "targets `{id}`, which is not a pagerduty_schedule id"
        )),
        None => Err("targets a schedule without a pagerduty_schedule reference".to_owned()),
    }
}
