//! The model as written: every value keeps its place in the file, nothing is interpreted yet.
//!
//! Values with a spelling of their own (zones, durations, hours, dates) stay text here; the
//! validate stage checks them and the plan stage reads them with the same parsers (`values`).

use super::node::Spanned;
use crate::diagnostic::Span;

/// Text with its place in the file.
pub type Text = Spanned<String>;

/// One on-call model file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Model {
    /// Team display name.
    pub team: Option<Text>,
    /// The date rotations are counted from (`YYYY-MM-DD`).
    pub anchor: Option<Text>,
    /// The window of the committed reports.
    pub report: Option<ReportWindow>,
    /// Level 1: sites in file order.
    pub sites: Vec<Site>,
    /// Where `sites:` is written (the default span when missing or not a mapping).
    pub sites_span: Span,
    /// Level 2.
    pub exceptions: Option<Exceptions>,
    /// Level 3.
    pub catch_all: Option<Rotation>,
    /// Escalation policy.
    pub escalation: Option<Escalation>,
    /// Environments in file order.
    pub environments: Vec<Environment>,
    /// Where `environments:` is written (the default span when missing or not a mapping).
    pub environments_span: Span,
    /// Alertmanager settings.
    pub alertmanager: Option<AlertmanagerSettings>,
}

/// `report: { from, to }`.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportWindow {
    /// First day (UTC date).
    pub from: Text,
    /// Day after the last (UTC date).
    pub to: Text,
}

/// A site: people in one time zone covering their local business hours.
#[derive(Debug, Clone, PartialEq)]
pub struct Site {
    /// The key under `sites:`.
    pub name: Text,
    /// The site's rotation during business hours (its zone is the site's zone).
    pub rotation: Rotation,
}

/// A rotation: members taking turns, optionally only during some hours of the week.
#[derive(Debug, Clone, PartialEq)]
pub struct Rotation {
    /// Where the rotation is written.
    pub span: Span,
    /// IANA zone (for sites it is the site's; for the other levels, the schedule's).
    pub zone: Option<Text>,
    /// Weekly hours, e.g. `Mon-Fri 08:00-17:00`; none means always.
    pub hours: Option<Text>,
    /// Turn length, e.g. `1w`.
    pub turn: Option<Text>,
    /// Members' PagerDuty login emails, in rotation order.
    pub members: Vec<Text>,
    /// Where `members:` is written (or the rotation, when missing).
    pub members_span: Span,
}

/// Level 2: a schedule of its own, with an optional recurring rotation and dated sign-ups.
#[derive(Debug, Clone, PartialEq)]
pub struct Exceptions {
    /// Where `exceptions:` is written.
    pub span: Span,
    /// The schedule's zone; sign-up times are local to it.
    pub zone: Option<Text>,
    /// Recurring cover, e.g. weekends.
    pub rotation: Option<Rotation>,
    /// Dated entries from the sign-up sheet.
    pub signups: Vec<Signup>,
}

/// One dated sign-up: a person covering a period.
#[derive(Debug, Clone, PartialEq)]
pub struct Signup {
    /// Where the entry is written.
    pub span: Span,
    /// Who covers (login email).
    pub who: Text,
    /// Start, `YYYY-MM-DD HH:MM` in the exceptions zone.
    pub from: Text,
    /// End, same spelling.
    pub to: Text,
    /// Why (holiday, PTO, weekend); shown in PagerDuty's layer name.
    pub reason: Option<Text>,
}

/// The escalation policy.
#[derive(Debug, Clone, PartialEq)]
pub struct Escalation {
    /// Where `escalation:` is written.
    pub span: Span,
    /// Times the policy repeats (0..=9).
    pub loops: Option<Spanned<i64>>,
    /// Rules in order.
    pub rules: Vec<EscalationRule>,
    /// Where `rules:` is written (or the policy, when missing or not a list).
    pub rules_span: Span,
}

/// One escalation rule.
#[derive(Debug, Clone, PartialEq)]
pub struct EscalationRule {
    /// Where the rule is written.
    pub span: Span,
    /// Level references: `business_hours`, `business_hours.<site>`, `exceptions`, `catch_all`.
    pub levels: Vec<Text>,
    /// Delay before the next rule, e.g. `15m`.
    pub delay: Option<Text>,
}

/// One environment.
#[derive(Debug, Clone, PartialEq)]
pub struct Environment {
    /// The key under `environments:`.
    pub name: Text,
    /// PagerDuty service name.
    pub service: Option<Text>,
    /// `high` or `low`.
    pub urgency: Option<Text>,
    /// Slack channel.
    pub slack: Option<Text>,
    /// Value of the environment label; defaults to the name.
    pub label: Option<Text>,
    /// PagerDuty auto-resolve timeout, e.g. `24h`.
    pub auto_resolve: Option<Text>,
    /// PagerDuty acknowledgement timeout, e.g. `1h`.
    pub ack_timeout: Option<Text>,
}

/// Alertmanager settings.
#[derive(Debug, Clone, PartialEq)]
pub struct AlertmanagerSettings {
    /// Where `alertmanager:` is written.
    pub span: Span,
    /// The environment label (default `env`).
    pub env_label: Option<Text>,
    /// Matchers that make an alert page.
    pub page_when: Vec<Text>,
    /// Where `page_when:` is written (or the settings, when missing or not a list).
    pub page_when_span: Span,
    /// Grouping labels.
    pub group_by: Vec<Text>,
    /// Alertmanager timing.
    pub group_wait: Option<Text>,
    /// Alertmanager timing.
    pub group_interval: Option<Text>,
    /// Alertmanager timing.
    pub repeat_interval: Option<Text>,
    /// Directory of the routing key files (`<key_dir>/<env>.key`).
    pub key_dir: Option<Text>,
    /// File holding the Slack webhook URL.
    pub slack_webhook_file: Option<Text>,
    /// Channel for alerts that name no known environment.
    pub unrouted_slack: Option<Text>,
    /// PagerDuty Events API URL override (tests only).
    pub pagerduty_url: Option<Text>,
}
