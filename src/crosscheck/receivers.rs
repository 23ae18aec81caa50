//! `receiver-integration`: every PagerDuty receiver reads the routing key of exactly one
//! environment, and that key is the output of the integration of that environment's service.

use super::parsed::{Output, Receiver};
use super::{Index, RECEIVER_INTEGRATION, Violation, environments_reading, service_behind};
use crate::plan::Plan;

pub(super) fn check(plan: &Plan, output: &Output, index: &Index<'_>, out: &mut Vec<Violation>) {
    for receiver in &output.alertmanager.receivers {
        if receiver.pagerduty_configs.is_empty() {
            continue;
        }
        if let Err(message) = one(plan, index, receiver) {
            out.push(Violation::new(RECEIVER_INTEGRATION, message));
        }
    }
}

fn one(plan: &Plan, index: &Index<'_>, receiver: &Receiver) -> Result<(), String> {
    let name = &receiver.name;
    let [config] = receiver.pagerduty_configs.as_slice() else {
        return Err(format!(
            "receiver `{name}` has {} pagerduty_configs; one environment has one",
            receiver.pagerduty_configs.len()
        ));
    };
    let Some(path) = &config.routing_key_file else {
        return Err(format!(
            "receiver `{name}` has no routing_key_file, so no Terraform output feeds it"
        ));
    };
    let env = match environments_reading(index, path).as_slice() {
        [env] => *env,
        [] => {
            return Err(format!(
                "receiver `{name}` reads `{path}`, the routing key file of no environment"
            ));
        }
        many => {
            let names: Vec<&str> = many.iter().map(|e| e.name.as_str()).collect();
            return Err(format!(
                "receiver `{name}` reads `{path}`, the routing key file of {} environments ({})",
                many.len(),
                names.join(", ")
            ));
        }
    };
    if env.pagerduty_receiver != *name {
        let owner = plan
            .environments
            .iter()
            .find(|e| e.pagerduty_receiver == *name)
            .map_or("no environment".to_owned(), |e| {
                format!("environment `{}`", e.name)
            });
        return Err(format!(
            "receiver `{name}` of {owner} reads `{path}`, the routing key of environment `{}`",
            env.name
        ));
    }
    let service = service_behind(env, index)
        .map_err(|why| format!("receiver `{name}` reads `{path}`, but {why}"))?;
    if service.tf_name != env.tf_name {
        return Err(format!(
            "receiver `{name}` reads `{path}` from output `{}`, which carries the key of \
             pagerduty_service.{}, not of environment `{}`'s pagerduty_service.{}",
            env.output_name, service.tf_name, env.name, env.tf_name
        ));
    }
    Ok(())
}
