//! Delivery: environments (services, keys, receivers) and Alertmanager-wide settings.

use super::build::{PlanError, Result, missing, read, required};
use super::names;
use super::types::*;
use crate::model::{AlertmanagerSettings, Model, Text, values};
use camino::Utf8PathBuf;

pub(super) fn environments(model: &Model) -> Result<Vec<Environment>> {
    let am = model
        .alertmanager
        .as_ref()
        .ok_or_else(|| missing("alertmanager"))?;
    let key_dir = Utf8PathBuf::from(&required(&am.key_dir, "key_dir")?.value);
    let mut out = Vec::new();
    for env in &model.environments {
        let name = env.name.value.clone();
        let tf_name = names::terraform_identifier(&name);
        let seconds = |t: &Option<Text>| -> Result<Option<u32>> {
            t.as_ref()
                .map(|t| {
                    read(t, values::duration)
                        .and_then(|s| u32::try_from(s).map_err(|_| PlanError("timeout".into())))
                })
                .transpose()
        };
        let label_value = env.label.as_ref().unwrap_or(&env.name).value.clone();
        out.push(Environment {
            label_value,
            service_name: required(&env.service, "service")?.value.clone(),
            urgency: match env.urgency.as_ref().map(|u| u.value.as_str()) {
                Some("low") => Urgency::Low,
                _ => Urgency::High,
            },
            auto_resolve_seconds: seconds(&env.auto_resolve)?,
            ack_timeout_seconds: seconds(&env.ack_timeout)?,
            slack_channel: required(&env.slack, "slack")?.value.clone(),
            output_name: names::routing_key_output(&tf_name),
            key_file: key_dir.join(names::key_file_name(&name)),
            pagerduty_receiver: names::pagerduty_receiver(&name),
            slack_receiver: names::slack_receiver(&name),
            tf_name,
            name,
        });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

pub(super) fn alertmanager(model: &Model) -> Result<Alertmanager> {
    let am = model
        .alertmanager
        .as_ref()
        .ok_or_else(|| missing("alertmanager"))?;
    let timing = |t: &Option<Text>, default: u64| -> Result<u64> {
        t.as_ref()
            .map(|t| read(t, values::duration))
            .unwrap_or(Ok(default))
    };
    let repeat = timing(&am.repeat_interval, 4 * 3600)?;
    let mut page_matchers = Vec::new();
    for m in &am.page_when {
        page_matchers.push(read(m, values::matcher)?.to_alertmanager());
    }
    let env_label = env_label(am);
    let group_by = if am.group_by.is_empty() {
        vec!["alertname".to_owned(), env_label.clone()]
    } else {
        am.group_by.iter().map(|g| g.value.clone()).collect()
    };
    Ok(Alertmanager {
        env_label,
        page_matchers,
        group_by,
        group_wait: values::alertmanager_duration(timing(&am.group_wait, 30)?),
        group_interval: values::alertmanager_duration(timing(&am.group_interval, 300)?),
        repeat_interval: values::alertmanager_duration(repeat),
        repeat_interval_seconds: repeat,
        slack_webhook_file: Utf8PathBuf::from(
            &required(&am.slack_webhook_file, "slack_webhook_file")?.value,
        ),
        unrouted_receiver: "slack-unrouted".into(),
        unrouted_channel: required(&am.unrouted_slack, "unrouted_slack")?
            .value
            .clone(),
        pagerduty_url: am.pagerduty_url.as_ref().map(|u| u.value.clone()),
    })
}

/// The label that names the environment (`env` unless the model says otherwise).
fn env_label(am: &AlertmanagerSettings) -> String {
    am.env_label
        .as_ref()
        .map(|l| l.value.clone())
        .unwrap_or_else(|| "env".into())
}
