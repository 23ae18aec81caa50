//! The cross-system invariants, each broken once: in the rendered files (a hand edit or a broken
//! emitter) or in the plan, starting from the committed example.

use camino::Utf8Path;
use oncallc::crosscheck::{self, Violation};
use oncallc::files::Files;
use oncallc::pipeline::{self, Error, Options};
use oncallc::plan::Plan;

const SERVICES: &str = "terraform/services.tf";
const OUTPUTS: &str = "terraform/outputs.tf";
const ESCALATION: &str = "terraform/escalation.tf";
const ALERTMANAGER: &str = "alertmanager/alertmanager.yml";

fn plan_of(path: &str) -> Plan {
    let path = Utf8Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    pipeline::plan_file(&path, &Options::default())
        .expect("plans")
        .plan
}

fn example() -> (Plan, Files) {
    let plan = plan_of("examples/acm/oncall.yaml");
    let files = pipeline::render(&plan);
    (plan, files)
}

/// `files` with the first `from` in `path` replaced by `to`.
fn edit(files: &Files, path: &str, from: &str, to: &str) -> Files {
    let text = files.get(path).expect("rendered");
    assert!(text.contains(from), "{path} has no `{from}`:\n{text}");
    let mut files = files.clone();
    files.insert(path, text.replacen(from, to, 1));
    files
}

/// `files` without the top-level HCL block that starts with `header` (and its blank line).
fn drop_block(files: &Files, path: &str, header: &str) -> Files {
    let text = files.get(path).expect("rendered");
    let start = text.find(header).expect("block present");
    let end = start + text[start..].find("\n}\n").expect("block closes") + 3;
    let end = if text[end..].starts_with('\n') {
        end + 1
    } else {
        end
    };
    let mut files = files.clone();
    files.insert(path, format!("{}{}", &text[..start], &text[end..]));
    files
}

/// The violations as `[code] message`.
fn found(plan: &Plan, files: &Files) -> Vec<String> {
    crosscheck::check(plan, files)
        .iter()
        .map(Violation::to_string)
        .collect()
}

#[test]
fn the_example_and_the_minimal_fixture_hold_every_invariant() {
    let (plan, files) = example();
    assert_eq!(found(&plan, &files), Vec::<String>::new());
    let plan = plan_of("tests/fixtures/minimal.yaml");
    let files = pipeline::render(&plan);
    assert_eq!(found(&plan, &files), Vec::<String>::new());
}

#[test]
fn repeat_interval_above_auto_resolve_is_a_model_error() {
    let model =
        include_str!("fixtures/minimal.yaml").replacen("auto_resolve: 24h", "auto_resolve: 2h", 1);
    let err = pipeline::plan_text(Utf8Path::new("oncall.yaml"), &model, &Options::default())
        .expect_err("invalid");
    let Error::Model {
        diagnostics,
        rendered,
    } = err
    else {
        panic!("not a model error: {err}");
    };
    let codes: Vec<&str> = diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["repeat-after-auto-resolve"]);
    assert!(
        rendered.starts_with(
            "oncall.yaml:32:19: error[repeat-after-auto-resolve]: environment `prod` auto-resolves \
             after `2h`, but Alertmanager repeats paging alerts only every `4h`"
        ),
        "{rendered}"
    );
}

#[test]
fn auto_resolve_edited_below_repeat_interval_in_services_tf() {
    let (plan, files) = example();
    let files = edit(
        &files,
        SERVICES,
        "auto_resolve_timeout    = 86400",
        "auto_resolve_timeout    = 3600",
    );
    assert_eq!(
        found(&plan, &files),
        [
            "[repeat-after-auto-resolve] route `route.routes[0].routes[1]` (receiver \
          `pagerduty-dev`) repeats every 4h, not below the auto_resolve_timeout 3600 (1h) of \
          pagerduty_service.dev: PagerDuty resolves incidents that are still firing"
        ]
    );
}

#[test]
fn auto_resolve_lowered_in_the_plan_after_validation() {
    let (mut plan, _) = example();
    let prod_na = plan
        .environments
        .iter_mut()
        .find(|e| e.name == "prod-na")
        .expect("prod-na");
    prod_na.auto_resolve_seconds = Some(4 * 3600);
    let files = pipeline::render(&plan);
    let found = found(&plan, &files);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].starts_with(
            "[repeat-after-auto-resolve] route `route.routes[2].routes[1]` (receiver \
             `pagerduty-prod-na`) repeats every 4h, not below the auto_resolve_timeout 14400 (4h)"
        ),
        "{found:#?}"
    );
}

#[test]
fn a_receiver_whose_output_is_gone() {
    let (plan, files) = example();
    let files = drop_block(&files, OUTPUTS, "output \"routing_key_prod_na\"");
    assert_eq!(
        found(&plan, &files),
        ["[receiver-integration] receiver `pagerduty-prod-na` reads \
          `/etc/alertmanager/pagerduty/prod-na.key`, but Terraform has no output \
          `routing_key_prod_na`"]
    );
}

#[test]
fn a_receiver_reading_another_environments_key() {
    let (plan, files) = example();
    let files = edit(
        &files,
        ALERTMANAGER,
        "/etc/alertmanager/pagerduty/dev.key",
        "/etc/alertmanager/pagerduty/prod-na.key",
    );
    assert_eq!(
        found(&plan, &files),
        [
            "[receiver-integration] receiver `pagerduty-dev` of environment `dev` reads \
          `/etc/alertmanager/pagerduty/prod-na.key`, the routing key of environment `prod-na`"
        ]
    );
}

#[test]
fn an_output_carrying_another_services_key() {
    let (plan, files) = example();
    let files = edit(
        &files,
        OUTPUTS,
        "value       = pagerduty_service_integration.prod_na.integration_key",
        "value       = pagerduty_service_integration.dev.integration_key",
    );
    assert_eq!(
        found(&plan, &files),
        ["[receiver-integration] receiver `pagerduty-prod-na` reads \
          `/etc/alertmanager/pagerduty/prod-na.key` from output `routing_key_prod_na`, which \
          carries the key of pagerduty_service.dev, not of environment `prod-na`'s \
          pagerduty_service.prod_na"]
    );
}

#[test]
fn two_routes_matching_the_same_environment() {
    let (plan, files) = example();
    let files = edit(&files, ALERTMANAGER, "'env=\"prod-na\"'", "'env=\"dev\"'");
    assert_eq!(
        found(&plan, &files),
        [
            "[route-environment] route `route.routes[2]` selects environment `dev` (env=\"dev\") \
             but notifies `pagerduty-prod-na`, `slack-prod-na`, not its receivers",
            "[route-environment] env=\"dev\" is matched by 2 routes (`route.routes[0]`, \
             `route.routes[2]`); only one may select an environment",
            "[environment-wiring] no route selects environment `prod-na` (env=\"prod-na\"): its \
             alerts reach neither `slack-prod-na` nor `pagerduty-prod-na`",
        ]
    );
}

#[test]
fn a_route_matching_no_environment() {
    let (plan, files) = example();
    let files = edit(
        &files,
        ALERTMANAGER,
        "'env=\"dev\"'",
        "'env=~\"dev|staging\"'",
    );
    assert_eq!(
        found(&plan, &files),
        [
            "[route-environment] route `route.routes[0]` matches `env=~\"dev|staging\"`: an \
             environment route matches one value with `=`",
            "[environment-wiring] no route selects environment `dev` (env=\"dev\"): its alerts \
             reach neither `slack-dev` nor `pagerduty-dev`",
        ]
    );
}

#[test]
fn an_environment_without_its_slack_receiver() {
    let (plan, files) = example();
    let files = edit(
        &files,
        ALERTMANAGER,
        "- name: slack-dev\n  slack_configs:\n  - api_url_file: /etc/alertmanager/slack-webhook\n    \
         channel: \"#acm-dev\"\n    send_resolved: true\n",
        "",
    );
    assert_eq!(
        found(&plan, &files),
        [
            "[environment-wiring] environment `dev` has no Slack receiver: the Alertmanager file \
          defines no `slack-dev`"
        ]
    );
}

#[test]
fn an_environment_without_its_service() {
    let (plan, files) = example();
    let files = drop_block(&files, SERVICES, "resource \"pagerduty_service\" \"dev\"");
    assert_eq!(
        found(&plan, &files),
        [
            "[receiver-integration] receiver `pagerduty-dev` reads \
             `/etc/alertmanager/pagerduty/dev.key`, but pagerduty_service_integration.dev belongs \
             to `pagerduty_service.dev.id`, which is not declared",
            "[environment-wiring] environment `dev` has no service: Terraform declares no \
             pagerduty_service.dev",
        ]
    );
}

#[test]
fn an_escalation_target_that_is_no_schedule() {
    let (plan, files) = example();
    let files = edit(
        &files,
        ESCALATION,
        "pagerduty_schedule.catch_all.id",
        "pagerduty_schedule.weekend.id",
    );
    assert_eq!(
        found(&plan, &files),
        [
            "[escalation-target] pagerduty_escalation_policy.aoc_acm_sre rule 2 targets \
          `pagerduty_schedule.weekend.id`, which is not declared"
        ]
    );
}

#[test]
fn an_escalation_rule_of_the_plan_pointing_past_the_schedules() {
    let (mut plan, _) = example();
    plan.policy.rules[1].schedules = vec![99];
    let files = pipeline::render(&plan);
    assert_eq!(
        found(&plan, &files),
        [
            "[escalation-target] escalation rule 2 of the plan targets schedule #99, which the \
             plan does not have",
            "[escalation-target] pagerduty_escalation_policy.aoc_acm_sre rule 2 has no target",
        ]
    );
}
