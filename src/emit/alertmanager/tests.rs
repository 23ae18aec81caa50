//! Structure tests on a hand-built plan.

use super::config::Route;
use super::*;
use crate::plan::{Alertmanager, Environment, EscalationPolicy, ReportWindow, Urgency};
use chrono::NaiveDate;
use std::collections::BTreeMap;

fn env(name: &str, channel: &str) -> Environment {
    Environment {
        name: name.to_owned(),
        label_value: name.to_owned(),
        tf_name: name.replace('-', "_"),
        service_name: format!("Service_{name}"),
        urgency: Urgency::High,
        auto_resolve_seconds: None,
        ack_timeout_seconds: None,
        slack_channel: channel.to_owned(),
        output_name: format!("{}_routing_key", name.replace('-', "_")),
        key_file: format!("/etc/alertmanager/pagerduty/{name}.key").into(),
        pagerduty_receiver: format!("pagerduty-{name}"),
        slack_receiver: format!("slack-{name}"),
    }
}

/// Environments deliberately out of order: the output must sort them.
fn plan() -> Plan {
    let date = |m| NaiveDate::from_ymd_opt(2027, m, 1).unwrap();
    Plan {
        team: "Test Team".to_owned(),
        source: "oncall.yaml".to_owned(),
        users: BTreeMap::new(),
        schedules: Vec::new(),
        policy: EscalationPolicy {
            tf_name: "team".to_owned(),
            name: "Team".to_owned(),
            loops: 0,
            rules: Vec::new(),
        },
        environments: vec![
            env("prod-na", "#prod"),
            env("dev", "#dev"),
            env("prod-emea", "#prod"),
        ],
        alertmanager: Alertmanager {
            env_label: "env".to_owned(),
            page_matchers: vec![r#"severity="critical""#.to_owned()],
            group_by: vec!["alertname".to_owned(), "env".to_owned()],
            group_wait: "30s".to_owned(),
            group_interval: "5m".to_owned(),
            repeat_interval: "4h".to_owned(),
            repeat_interval_seconds: 4 * 3600,
            slack_webhook_file: "/etc/alertmanager/slack-webhook".into(),
            unrouted_receiver: "slack-unrouted".to_owned(),
            unrouted_channel: "#alerts".to_owned(),
            pagerduty_url: None,
        },
        report_window: ReportWindow {
            from: date(1),
            to: date(2),
        },
    }
}

/// Alertmanager's route matching (equality matchers only): the receivers an alert reaches.
fn route<'a>(node: &'a Route, labels: &[(&str, &str)], out: &mut Vec<&'a str>) -> bool {
    let matches = node.matchers.iter().all(|m| {
        let (name, quoted) = m.as_str().split_once('=').unwrap();
        let value = quoted.trim_matches('"');
        labels.iter().any(|&(l, v)| l == name && v == value)
    });
    if !matches {
        return false;
    }
    let before = out.len();
    for child in &node.routes {
        if route(child, labels, out) && !child.continue_matching {
            break;
        }
    }
    if out.len() == before {
        out.push(&node.receiver);
    }
    true
}

fn receivers_for(plan: &Plan, labels: &[(&str, &str)]) -> Vec<String> {
    let config = build(plan);
    let mut out = Vec::new();
    route(&config.route, labels, &mut out);
    out.into_iter().map(str::to_owned).collect()
}

#[test]
fn receivers_are_complete_and_sorted() {
    let names: Vec<String> = build(&plan())
        .receivers
        .into_iter()
        .map(|r| r.name)
        .collect();
    assert_eq!(
        names,
        [
            "pagerduty-dev",
            "pagerduty-prod-emea",
            "pagerduty-prod-na",
            "slack-dev",
            "slack-prod-emea",
            "slack-prod-na",
            "slack-unrouted",
        ]
    );
}

#[test]
fn secrets_are_only_referenced_by_file() {
    let plan = plan();
    let config = build(&plan);
    for env in &plan.environments {
        let receiver = config
            .receivers
            .iter()
            .find(|r| r.name == env.pagerduty_receiver)
            .unwrap();
        assert_eq!(receiver.pagerduty_configs.len(), 1);
        assert_eq!(receiver.pagerduty_configs[0].routing_key_file, env.key_file);
        assert!(receiver.pagerduty_configs[0].send_resolved);
    }
    for receiver in config.receivers.iter().flat_map(|r| &r.slack_configs) {
        assert_eq!(receiver.api_url_file, "/etc/alertmanager/slack-webhook");
        assert!(receiver.send_resolved);
    }
    let text = render(&plan);
    for inline in ["routing_key:", "service_key:", "api_url:", "url:", "http"] {
        assert!(!text.contains(inline), "{inline} in\n{text}");
    }
}

#[test]
fn pagerduty_url_only_when_set() {
    let mut plan = plan();
    plan.alertmanager.pagerduty_url = Some("http://127.0.0.1:9/v2/enqueue".to_owned());
    let text = render(&plan);
    assert_eq!(
        text.matches("url: http://127.0.0.1:9/v2/enqueue").count(),
        3
    );
}

#[test]
fn environment_subtrees_deliver_to_slack_and_page_with_continue() {
    let root = build(&plan()).route;
    assert_eq!(root.receiver, "slack-unrouted");
    assert!(root.matchers.is_empty());
    let envs: Vec<&str> = root.routes.iter().map(|r| r.matchers[0].as_str()).collect();
    assert_eq!(
        envs,
        [r#"env="dev""#, r#"env="prod-emea""#, r#"env="prod-na""#]
    );
    for env_route in &root.routes {
        assert!(!env_route.continue_matching, "an alert has one environment");
        let [slack, page] = env_route.routes.as_slice() else {
            panic!("two children expected: {env_route:?}");
        };
        assert!(slack.receiver.starts_with("slack-") && slack.continue_matching);
        assert!(slack.matchers.is_empty());
        assert!(page.receiver.starts_with("pagerduty-") && !page.continue_matching);
        assert_eq!(page.matchers[0].as_str(), r#"severity="critical""#);
    }
}

#[test]
fn alerts_reach_the_expected_receivers() {
    let plan = plan();
    type Labels<'a> = &'a [(&'a str, &'a str)];
    let cases: &[(Labels, &[&str])] = &[
        (
            &[("env", "prod-na"), ("severity", "critical")],
            &["slack-prod-na", "pagerduty-prod-na"],
        ),
        (
            &[("env", "prod-na"), ("severity", "warning")],
            &["slack-prod-na"],
        ),
        (&[("env", "dev")], &["slack-dev"]),
        (&[("severity", "critical")], &["slack-unrouted"]),
        (
            &[("env", "staging"), ("severity", "critical")],
            &["slack-unrouted"],
        ),
    ];
    for (labels, expected) in cases {
        assert_eq!(receivers_for(&plan, labels), *expected, "{labels:?}");
    }
}

#[test]
fn output_is_deterministic_and_readable() {
    let mut shuffled = plan();
    shuffled.environments.reverse();
    let text = render(&plan());
    assert_eq!(text, render(&shuffled));
    assert!(text.starts_with("# generated by oncallc from oncall.yaml; do not edit\n"));
    assert!(text.contains("- 'severity=\"critical\"'\n"), "{text}");
    assert!(text.contains("- 'env=\"prod-na\"'\n"), "{text}");
    assert!(text.contains("channel: \"#prod\"\n"), "{text}");
    assert!(text.contains("continue: true\n"), "{text}");
}

#[test]
fn parse_back_accepts_emitted_file() {
    let mut files = Files::new();
    emit(&plan(), &mut files);
    assert_eq!(parse_back(&files), Ok(()));
}

#[test]
fn parse_back_rejects_missing_or_inconsistent_files() {
    assert!(
        parse_back(&Files::new())
            .unwrap_err()
            .contains("not generated")
    );

    let mut files = Files::new();
    let text = render(&plan()).replace("receiver: slack-dev\n", "receiver: slack-nowhere\n");
    files.insert(PATH, text);
    let err = parse_back(&files).unwrap_err();
    assert!(err.contains("undefined receiver slack-nowhere"), "{err}");

    let text = render(&plan()).replace("routing_key_file:", "routing_key:");
    files.insert(PATH, text);
    assert!(
        parse_back(&files)
            .unwrap_err()
            .contains("does not parse back")
    );
}
