//! The subset of Alertmanager's configuration file that oncallc writes, as serde types.
//!
//! Only keys Alertmanager 0.25 understands appear here. Secrets are always referenced by file
//! (`routing_key_file`, `api_url_file`): there is no field that could carry one inline.

use super::matchers::Matcher;
use serde::{Deserialize, Serialize};

/// The whole `alertmanager.yml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The routing tree.
    pub route: Route,
    /// Every receiver a route names, sorted by name.
    pub receivers: Vec<Receiver>,
}

/// One node of the routing tree.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    /// Receiver of the alerts this node matches and none of its children take.
    pub receiver: String,
    /// Alertmanager matchers that all must match (`label="value"`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub matchers: Vec<Matcher>,
    /// Whether matching goes on with the next sibling after this node matched.
    #[serde(default, rename = "continue", skip_serializing_if = "is_false")]
    pub continue_matching: bool,
    /// Labels alerts are grouped by.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub group_by: Vec<String>,
    /// How long to wait before the first notification of a group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_wait: Option<String>,
    /// How long to wait before notifying about new alerts of a group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_interval: Option<String>,
    /// How long to wait before re-sending a notification.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repeat_interval: Option<String>,
    /// Children, tried in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub routes: Vec<Route>,
}

/// A named notification target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Receiver {
    /// Name that routes refer to.
    pub name: String,
    /// PagerDuty Events API v2 targets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pagerduty_configs: Vec<PagerdutyConfig>,
    /// Slack incoming-webhook targets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub slack_configs: Vec<SlackConfig>,
}

/// One PagerDuty target; the routing key is read from a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PagerdutyConfig {
    /// File holding the Events API v2 integration (routing) key.
    pub routing_key_file: String,
    /// Whether resolved alerts send a `resolve` event.
    pub send_resolved: bool,
    /// Events API URL; absent keeps Alertmanager's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// One Slack target; the webhook URL is read from a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SlackConfig {
    /// File holding the incoming-webhook URL.
    pub api_url_file: String,
    /// Channel the message is posted to.
    pub channel: String,
    /// Whether resolved alerts are posted too.
    pub send_resolved: bool,
}

fn is_false(value: &bool) -> bool {
    !*value
}
