//! Shared by the Alertmanager tool tests: the plan of `examples/acm/oncall.yaml`.

// Each test crate uses a part of it.
#![allow(dead_code)]

pub mod http;
pub mod server;

use camino::Utf8Path;
use oncallc::pipeline::{self, Options};
use oncallc::plan::Plan;

/// The example model, planned through the real pipeline.
pub fn example_plan() -> Plan {
    let model = Utf8Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/acm/oncall.yaml");
    match pipeline::plan_file(&model, &Options::default()) {
        Ok(planned) => planned.plan,
        Err(err) => panic!("the example model does not plan:\n{err}"),
    }
}

/// The example plan with every file Alertmanager reads moved into `dir`: the routing key of
/// environment `<name>` in `<dir>/keys/<name>.key`, the Slack webhook URL in `<dir>/slack-webhook`.
pub fn example_plan_in(dir: &Utf8Path) -> Plan {
    let mut plan = example_plan();
    for env in &mut plan.environments {
        env.key_file = dir.join("keys").join(format!("{}.key", env.name));
    }
    plan.alertmanager.slack_webhook_file = dir.join("slack-webhook");
    plan
}
