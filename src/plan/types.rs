//! The resolved, typed intermediate model that every emitter and the simulator read.
//!
//! Every name that appears in more than one output (Terraform addresses, receiver names, key file
//! paths, output names) is decided here, once, so the targets cannot disagree.

use camino::Utf8PathBuf;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use chrono_tz::Tz;
use std::collections::BTreeMap;

/// Everything the emitters need, resolved and checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// The team's display name, used in PagerDuty object names.
    pub team: String,
    /// How generated files name their source in the "do not edit" header.
    pub source: String,
    /// People by email (sorted), each looked up once in PagerDuty.
    pub users: BTreeMap<String, User>,
    /// Schedules in escalation order: business-hours sites (model order), exceptions, catch-all.
    pub schedules: Vec<Schedule>,
    /// The one escalation policy shared by every environment's service.
    pub policy: EscalationPolicy,
    /// Environments sorted by name.
    pub environments: Vec<Environment>,
    /// Alertmanager-wide settings.
    pub alertmanager: Alertmanager,
    /// The reference window of the committed coverage reports, `[from, to)` in UTC dates.
    pub report_window: ReportWindow,
}

/// The reference window for generated reports; fixed by the model, never by the clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportWindow {
    /// First day (inclusive), 00:00 UTC.
    pub from: NaiveDate,
    /// Last day (exclusive), 00:00 UTC.
    pub to: NaiveDate,
}

/// A PagerDuty user, looked up by login email.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    /// Login email, exactly as in the model (PagerDuty matches it case-sensitively).
    pub email: String,
    /// Terraform name of the `data "pagerduty_user"` block.
    pub tf_name: String,
}

/// Which coverage tier a schedule implements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Level 1: follow-the-sun business hours, one schedule per site.
    BusinessHours,
    /// Level 2: weekends, holidays and PTO from the sign-up sheet.
    Exceptions,
    /// Level 3: paged when nobody acknowledges.
    CatchAll,
}

impl Level {
    /// The model's spelling of the level, also used in reports.
    pub fn key(self) -> &'static str {
        match self {
            Level::BusinessHours => "business_hours",
            Level::Exceptions => "exceptions",
            Level::CatchAll => "catch_all",
        }
    }
}

/// One `pagerduty_schedule`.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    /// The tier this schedule belongs to.
    pub level: Level,
    /// The site for business-hours schedules.
    pub site: Option<String>,
    /// Terraform resource name (`pagerduty_schedule.<tf_name>`).
    pub tf_name: String,
    /// PagerDuty display name.
    pub name: String,
    /// The schedule's own zone: restrictions are local to it.
    pub zone: Tz,
    /// Layers in PagerDuty order: a later layer overrides an earlier one where both have someone.
    pub layers: Vec<Layer>,
}

/// One schedule layer: a rotation of users, optionally bounded and restricted.
#[derive(Debug, Clone, PartialEq)]
pub struct Layer {
    /// PagerDuty display name of the layer.
    pub name: String,
    /// When the layer takes effect (local time of the schedule's zone, with its offset).
    pub start: DateTime<FixedOffset>,
    /// When the layer stops; `None` for an open-ended rotation.
    pub end: Option<DateTime<FixedOffset>>,
    /// The instant the first user's first turn begins; turns are counted from here.
    pub rotation_virtual_start: DateTime<FixedOffset>,
    /// Length of one user's turn, in seconds (3600 ..= 365 days).
    pub turn_seconds: u32,
    /// Users (emails, keys of [`Plan::users`]) in rotation order.
    pub users: Vec<String>,
    /// When in the week the layer is active; empty means always.
    pub restrictions: Vec<Restriction>,
}

/// A PagerDuty layer restriction, in the schedule's local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Restriction {
    /// `Some(1..=7)` (1 = Monday) for a weekly restriction, `None` for a daily one.
    pub start_day_of_week: Option<u8>,
    /// Local time of day when the active window opens.
    pub start_time_of_day: NaiveTime,
    /// Length of the active window in seconds.
    pub duration_seconds: u32,
}

/// The escalation policy: ordered rules, each paging some schedules.
#[derive(Debug, Clone, PartialEq)]
pub struct EscalationPolicy {
    /// Terraform resource name.
    pub tf_name: String,
    /// PagerDuty display name.
    pub name: String,
    /// How many times the whole policy repeats when nobody acknowledges (0..=9).
    pub loops: u32,
    /// Rules in order.
    pub rules: Vec<EscalationRule>,
}

/// One escalation rule: who is paged, and how long before the next rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EscalationRule {
    /// Minutes before escalating to the next rule (>= 1).
    pub delay_minutes: u32,
    /// Levels this rule pages, in model order.
    pub levels: Vec<Level>,
    /// Indexes into [`Plan::schedules`] of the schedules targeted.
    pub schedules: Vec<usize>,
}

/// PagerDuty incident urgency of a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Urgency {
    /// Pages by phone/push according to the users' high-urgency rules.
    High,
    /// Notifies according to the users' low-urgency rules.
    Low,
}

impl Urgency {
    /// PagerDuty's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Urgency::High => "high",
            Urgency::Low => "low",
        }
    }
}

/// One environment: a PagerDuty service with its Events API v2 integration, and its receivers.
#[derive(Debug, Clone, PartialEq)]
pub struct Environment {
    /// The model's name (e.g. `prod-na`).
    pub name: String,
    /// The value of the environment label that selects this environment in Alertmanager.
    pub label_value: String,
    /// Terraform resource name of the service and of its integration (e.g. `prod_na`).
    pub tf_name: String,
    /// PagerDuty service name (e.g. `Service_AOC_ACM_NA`).
    pub service_name: String,
    /// Constant urgency of the service's incidents.
    pub urgency: Urgency,
    /// Seconds after which PagerDuty resolves an open incident; `None` disables it.
    pub auto_resolve_seconds: Option<u32>,
    /// Seconds after which an acknowledged incident re-triggers; `None` disables it.
    pub ack_timeout_seconds: Option<u32>,
    /// Slack channel that receives every alert of this environment.
    pub slack_channel: String,
    /// Name of the Terraform output that carries the routing key.
    pub output_name: String,
    /// Absolute path of the file Alertmanager reads the routing key from.
    pub key_file: Utf8PathBuf,
    /// Alertmanager receiver that pages through PagerDuty.
    pub pagerduty_receiver: String,
    /// Alertmanager receiver that posts to Slack.
    pub slack_receiver: String,
}

/// Alertmanager-wide settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Alertmanager {
    /// Label whose value names the environment.
    pub env_label: String,
    /// Matchers (Alertmanager syntax, e.g. `severity="critical"`) that all must match to page.
    pub page_matchers: Vec<String>,
    /// Labels alerts are grouped by.
    pub group_by: Vec<String>,
    /// Alertmanager durations, already in Alertmanager's spelling (e.g. `30s`, `5m`, `4h`).
    pub group_wait: String,
    /// See [`Alertmanager::group_wait`].
    pub group_interval: String,
    /// See [`Alertmanager::group_wait`].
    pub repeat_interval: String,
    /// `repeat_interval` in seconds, for cross-checks against PagerDuty timeouts.
    pub repeat_interval_seconds: u64,
    /// File holding the Slack webhook URL.
    pub slack_webhook_file: Utf8PathBuf,
    /// Receiver for alerts whose environment label matches no environment.
    pub unrouted_receiver: String,
    /// Slack channel of [`Alertmanager::unrouted_receiver`].
    pub unrouted_channel: String,
    /// PagerDuty Events API URL override (tests); `None` keeps Alertmanager's default.
    pub pagerduty_url: Option<String>,
}
