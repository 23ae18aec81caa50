//! The routing tree.
//!
//! ```text
//! root (receiver: unrouted; grouping and timing)
//! └── env="<label_value>"            one per environment, sorted; receiver: slack-<env>
//!     ├── (every alert)              receiver: slack-<env>, continue: true
//!     └── <page_matchers>            receiver: pagerduty-<env>
//! ```
//!
//! Once a child matches, its parent's receiver is not notified, so Slack delivery is an explicit
//! first child with `continue: true`: every alert reaches Slack, and the paging ones also reach
//! PagerDuty. The environment node itself does not continue, so an alert belongs to exactly one
//! environment; an alert whose environment label matches none falls back to the root's receiver.

use super::config::Route;
use super::matchers::Matcher;
use crate::plan::{Environment, Plan, names};

/// The root route.
pub fn root(plan: &Plan) -> Route {
    let am = &plan.alertmanager;
    let mut envs: Vec<&Environment> = plan.environments.iter().collect();
    envs.sort_by(|a, b| a.name.cmp(&b.name));
    Route {
        receiver: am.unrouted_receiver.clone(),
        group_by: am.group_by.clone(),
        group_wait: Some(am.group_wait.clone()),
        group_interval: Some(am.group_interval.clone()),
        repeat_interval: Some(am.repeat_interval.clone()),
        routes: envs.into_iter().map(|env| environment(env, plan)).collect(),
        ..Route::default()
    }
}

/// The subtree of one environment.
fn environment(env: &Environment, plan: &Plan) -> Route {
    let am = &plan.alertmanager;
    let to_slack = Route {
        receiver: env.slack_receiver.clone(),
        continue_matching: true,
        ..Route::default()
    };
    let to_pagerduty = Route {
        receiver: env.pagerduty_receiver.clone(),
        matchers: am.page_matchers.iter().cloned().map(Matcher).collect(),
        ..Route::default()
    };
    Route {
        receiver: env.slack_receiver.clone(),
        matchers: vec![Matcher(names::environment_matcher(
            &am.env_label,
            &env.label_value,
        ))],
        routes: vec![to_slack, to_pagerduty],
        ..Route::default()
    }
}
