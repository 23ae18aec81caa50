//! Who each escalation rule would page at one instant.

use super::schedule::oncall;
use crate::plan::Plan;
use chrono::{DateTime, TimeDelta, Utc};
use serde::Serialize;

/// One rule's targets at an instant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleOnCall {
    /// Index into the policy's rules (0 = first rule).
    pub rule: usize,
    /// Each schedule the rule targets, in rule order.
    pub schedules: Vec<ScheduleOnCall>,
}

/// One schedule's on-call user at an instant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScheduleOnCall {
    /// Index into [`Plan::schedules`].
    pub schedule: usize,
    /// The user on call, if anyone.
    pub user: Option<String>,
}

/// For every escalation rule, who is on call in each of its schedules at `at`.
pub fn who(plan: &Plan, at: DateTime<Utc>) -> Vec<RuleOnCall> {
    let until = at + TimeDelta::seconds(1);
    plan.policy
        .rules
        .iter()
        .enumerate()
        .map(|(rule, r)| RuleOnCall {
            rule,
            schedules: r
                .schedules
                .iter()
                .filter_map(|&index| plan.schedules.get(index).map(|s| (index, s)))
                .map(|(index, schedule)| ScheduleOnCall {
                    schedule: index,
                    user: oncall(schedule, at, until)
                        .into_iter()
                        .next()
                        .map(|shift| shift.user),
                })
                .collect(),
        })
        .collect()
}
