//! Receivers: the unrouted Slack channel, and per environment one PagerDuty and one Slack receiver.

use super::config::{PagerdutyConfig, Receiver, SlackConfig};
use crate::plan::{Environment, Plan};

/// Every receiver of the plan, sorted by name.
pub fn receivers(plan: &Plan) -> Vec<Receiver> {
    let am = &plan.alertmanager;
    let mut all = vec![slack(&am.unrouted_receiver, &am.unrouted_channel, plan)];
    for env in &plan.environments {
        all.push(pagerduty(env, plan));
        all.push(slack(&env.slack_receiver, &env.slack_channel, plan));
    }
    all.sort_by(|a, b| a.name.cmp(&b.name));
    all
}

/// The receiver that pages through the environment's Events API v2 integration.
fn pagerduty(env: &Environment, plan: &Plan) -> Receiver {
    Receiver {
        name: env.pagerduty_receiver.clone(),
        pagerduty_configs: vec![PagerdutyConfig {
            routing_key_file: env.key_file.to_string(),
            send_resolved: true,
            url: plan.alertmanager.pagerduty_url.clone(),
        }],
        slack_configs: Vec::new(),
    }
}

/// A receiver posting to one Slack channel through the shared webhook.
fn slack(name: &str, channel: &str, plan: &Plan) -> Receiver {
    Receiver {
        name: name.to_owned(),
        pagerduty_configs: Vec::new(),
        slack_configs: vec![SlackConfig {
            api_url_file: plan.alertmanager.slack_webhook_file.to_string(),
            channel: channel.to_owned(),
            send_resolved: true,
        }],
    }
}
