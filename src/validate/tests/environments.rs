//! Rules on environments: a service each, unique and unreserved names, label values, timeouts.

use crate::validate::test_support::{diagnostics, only, variant};

const ENVIRONMENTS: &str = "environments:
  prod:
    service: Service_PROD
    urgency: high
    slack: \"#prod\"
    auto_resolve: 24h
";

/// The valid model with a second environment, written after `prod`.
fn with_second(environment: &str) -> String {
    variant(
        "    auto_resolve: 24h\n",
        &format!("    auto_resolve: 24h\n{environment}"),
    )
}

#[test]
fn no_environments() {
    assert_eq!(
        only(
            &variant(ENVIRONMENTS, "environments: {}\n"),
            "no-environments"
        ),
        "27:15 the model has no environment \
         | add one per PagerDuty service, e.g. `prod: { service: Service_PROD, slack: \"#prod\" }`"
    );
}

#[test]
fn no_environments_is_not_repeated_when_environments_is_missing() {
    let codes: Vec<&str> = diagnostics(&variant(ENVIRONMENTS, ""))
        .iter()
        .map(|d| d.code)
        .collect();
    assert_eq!(codes, ["missing-key"]);
}

#[test]
fn missing_service() {
    assert_eq!(
        only(
            &variant("    service: Service_PROD\n", ""),
            "missing-service"
        ),
        "28:3 environment `prod` has no service | add `service:` with the PagerDuty service name"
    );
}

#[test]
fn missing_service_empty() {
    assert_eq!(
        only(
            &variant("service: Service_PROD", "service: \"\""),
            "missing-service"
        ),
        "29:14 environment `prod` has an empty service name | name the PagerDuty service"
    );
}

#[test]
fn missing_slack() {
    assert_eq!(
        only(&variant("    slack: \"#prod\"\n", ""), "missing-slack"),
        "28:3 environment `prod` has no Slack channel \
         | add `slack: \"#channel\"`: every alert reaches Slack"
    );
}

#[test]
fn missing_slack_empty() {
    assert_eq!(
        only(
            &variant("slack: \"#prod\"", "slack: \" \""),
            "missing-slack"
        ),
        "31:12 environment `prod` has an empty Slack channel | name the channel, e.g. \"#alerts\""
    );
}

#[test]
fn bad_urgency() {
    assert_eq!(
        only(&variant("urgency: high", "urgency: urgent"), "bad-urgency"),
        "30:14 `urgent` is not an urgency | urgency is `high` or `low`"
    );
}

#[test]
fn bad_name() {
    assert_eq!(
        only(&variant("  prod:\n", "  \"prod env\":\n"), "bad-name"),
        "28:3 `prod env` cannot name receivers and key files \
         | use letters, digits, `-` and `_`, starting with a letter or digit"
    );
}

#[test]
fn reserved_name() {
    assert_eq!(
        only(&variant("  prod:\n", "  unrouted:\n"), "reserved-name"),
        "28:3 environment `unrouted` would reuse `slack-unrouted`, the receiver of alerts that match no environment \
         | rename the environment; set `label: unrouted` if the alerts carry that value"
    );
}

#[test]
fn reserved_name_is_only_the_environment_name() {
    let text = variant(
        "    urgency: high\n",
        "    urgency: high\n    label: unrouted\n",
    );
    assert_eq!(diagnostics(&text), []);
}

#[test]
fn bad_label_empty() {
    let text = variant(
        "    urgency: high\n",
        "    urgency: high\n    label: \"\"\n",
    );
    assert_eq!(
        only(&text, "bad-label"),
        "31:12 the label value is empty | leave `label` out to use the environment's name"
    );
}

#[test]
fn bad_duration_timeout() {
    assert_eq!(
        only(
            &variant("auto_resolve: 24h", "auto_resolve: 1 day"),
            "bad-duration"
        ),
        "32:19 `1 day` is not a duration \
         | write a whole number and one unit: s, m, h, d or w (e.g. 30s, 15m, 4h, 1d, 1w)"
    );
}

#[test]
fn bad_duration_timeout_in_seconds() {
    assert_eq!(
        only(
            &variant("auto_resolve: 24h", "auto_resolve: 90s"),
            "bad-duration"
        ),
        "32:19 `90s` is not a whole number of minutes \
         | PagerDuty timeouts are whole minutes, e.g. 30m or 4h"
    );
}

#[test]
fn duplicate_name_service() {
    let text = with_second("  staging:\n    service: Service_PROD\n    slack: \"#staging\"\n");
    assert_eq!(
        only(&text, "duplicate-name"),
        "34:14 service `Service_PROD` is also the service of `prod` | each environment needs its own"
    );
}

#[test]
fn duplicate_name_label() {
    let text = with_second(
        "  staging:\n    service: Service_STAGING\n    slack: \"#staging\"\n    label: prod\n",
    );
    assert_eq!(
        only(&text, "duplicate-name"),
        "36:12 label value `prod` also selects environment `prod` | each environment needs its own"
    );
}

#[test]
fn duplicate_name_terraform() {
    let text = with_second("  Prod:\n    service: Service_P\n    slack: \"#p\"\n");
    assert_eq!(
        only(&text, "duplicate-name"),
        "33:3 environment `Prod` has the same Terraform name `prod` as `prod` \
         | each environment needs its own"
    );
}
