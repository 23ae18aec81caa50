//! Shared by the Alertmanager tool tests: a plan mirroring `examples/acm/oncall.yaml`.

use camino::Utf8Path;
use chrono::NaiveDate;
use oncallc::plan::{Alertmanager, Environment, EscalationPolicy, Plan, ReportWindow, Urgency};
use std::collections::BTreeMap;

/// The environments, Alertmanager settings and receiver names of the example model, with key
/// files under `key_dir` and the Slack webhook file at `webhook_file`.
pub fn example_plan(key_dir: &Utf8Path, webhook_file: &Utf8Path) -> Plan {
    let env = |name: &str, service: &str, urgency, channel: &str| Environment {
        name: name.to_owned(),
        label_value: name.to_owned(),
        tf_name: name.replace('-', "_"),
        service_name: service.to_owned(),
        urgency,
        auto_resolve_seconds: Some(24 * 3600),
        ack_timeout_seconds: None,
        slack_channel: channel.to_owned(),
        output_name: format!("{}_routing_key", name.replace('-', "_")),
        key_file: key_dir.join(format!("{name}.key")),
        pagerduty_receiver: format!("pagerduty-{name}"),
        slack_receiver: format!("slack-{name}"),
    };
    let date = |y| NaiveDate::from_ymd_opt(y, 1, 1).expect("valid date");
    Plan {
        team: "AOC ACM SRE".to_owned(),
        source: "examples/acm/oncall.yaml".to_owned(),
        users: BTreeMap::new(),
        schedules: Vec::new(),
        policy: EscalationPolicy {
            tf_name: "aoc_acm_sre".to_owned(),
            name: "AOC ACM SRE".to_owned(),
            loops: 2,
            rules: Vec::new(),
        },
        environments: vec![
            env("dev", "Service_AOC_ACM_DEV", Urgency::Low, "#acm-dev"),
            env(
                "prod-emea",
                "Service_AOC_ACM_EMEA",
                Urgency::High,
                "#acm-prod",
            ),
            env("prod-na", "Service_AOC_ACM_NA", Urgency::High, "#acm-prod"),
        ],
        alertmanager: Alertmanager {
            env_label: "env".to_owned(),
            page_matchers: vec![r#"severity="critical""#.to_owned()],
            group_by: vec!["alertname".to_owned(), "env".to_owned()],
            group_wait: "30s".to_owned(),
            group_interval: "5m".to_owned(),
            repeat_interval: "4h".to_owned(),
            repeat_interval_seconds: 4 * 3600,
            slack_webhook_file: webhook_file.to_owned(),
            unrouted_receiver: "slack-unrouted".to_owned(),
            unrouted_channel: "#acm-alerts".to_owned(),
            pagerduty_url: None,
        },
        report_window: ReportWindow {
            from: date(2027),
            to: date(2028),
        },
    }
}
