//! Rules on the Alertmanager settings: labels, matchers, timings, file paths, channels.

use crate::validate::test_support::{diagnostics, only, variant};

#[test]
fn bad_label_env_label() {
    assert_eq!(
        only(&variant("env_label: env", "env_label: 9env"), "bad-label"),
        "34:14 `9env` is not a label name | label names match [a-zA-Z_][a-zA-Z0-9_]*"
    );
}

#[test]
fn bad_label_group_by() {
    let text = variant(
        "  env_label: env\n",
        "  env_label: env\n  group_by: [alertname, \"...\", \"a-b\"]\n",
    );
    assert_eq!(
        only(&text, "bad-label"),
        "35:32 `a-b` is not a label name | label names match [a-zA-Z_][a-zA-Z0-9_]*"
    );
}

#[test]
fn no_page_matchers() {
    let text = variant("page_when: ['severity=\"critical\"']", "page_when: []");
    assert_eq!(
        only(&text, "no-page-matchers"),
        "35:14 `page_when` is empty: every alert would page \
         | list matchers, e.g. ['severity=\"critical\"']"
    );
}

#[test]
fn no_page_matchers_is_not_repeated_when_page_when_is_missing() {
    let text = variant("  page_when: ['severity=\"critical\"']\n", "");
    let codes: Vec<&str> = diagnostics(&text).iter().map(|d| d.code).collect();
    assert_eq!(codes, ["missing-key"]);
}

#[test]
fn bad_matcher() {
    let text = variant(
        "page_when: ['severity=\"critical\"']",
        "page_when: ['severity']",
    );
    assert_eq!(
        only(&text, "bad-matcher"),
        "35:15 `severity` is not a matcher \
         | write a matcher as label=\"value\" (operators =, !=, =~, !~)"
    );
}

#[test]
fn bad_duration_timing() {
    assert_eq!(
        only(
            &variant("repeat_interval: 4h", "repeat_interval: 4 hours"),
            "bad-duration"
        ),
        "36:20 `4 hours` is not a duration \
         | write a whole number and one unit: s, m, h, d or w (e.g. 30s, 15m, 4h, 1d, 1w)"
    );
}

#[test]
fn bad_duration_timing_zero() {
    assert_eq!(
        only(
            &variant("repeat_interval: 4h", "repeat_interval: 0s"),
            "bad-duration"
        ),
        "36:20 Alertmanager intervals must be positive | e.g. 30s, 5m, 4h"
    );
}

#[test]
fn missing_key_key_dir() {
    let text = variant("  key_dir: /etc/alertmanager/pagerduty\n", "");
    assert_eq!(
        only(&text, "missing-key"),
        "34:3 `alertmanager` has no `key_dir` \
         | secrets stay out of the repository: name the file Alertmanager reads them from"
    );
}

#[test]
fn relative_path() {
    let text = variant(
        "key_dir: /etc/alertmanager/pagerduty",
        "key_dir: etc/alertmanager/pagerduty",
    );
    assert_eq!(
        only(&text, "relative-path"),
        "37:12 `etc/alertmanager/pagerduty` is not an absolute path \
         | Alertmanager resolves relative paths against its own config directory; write an absolute path"
    );
}

#[test]
fn missing_key_unrouted_slack() {
    assert_eq!(
        only(&variant("  unrouted_slack: \"#alerts\"", ""), "missing-key"),
        "34:3 `alertmanager` has no `unrouted_slack` \
         | name the Slack channel for alerts that match no environment"
    );
}

#[test]
fn missing_slack_unrouted() {
    assert_eq!(
        only(
            &variant("unrouted_slack: \"#alerts\"", "unrouted_slack: \"\""),
            "missing-slack"
        ),
        "39:19 `unrouted_slack` is empty | name a channel"
    );
}

#[test]
fn bad_url() {
    let text = variant(
        "  env_label: env\n",
        "  env_label: env\n  pagerduty_url: ftp://events.example.com\n",
    );
    assert_eq!(
        only(&text, "bad-url"),
        "35:18 `ftp://events.example.com` is not an http(s) URL \
         | leave `pagerduty_url` out to use PagerDuty's Events API"
    );
}
