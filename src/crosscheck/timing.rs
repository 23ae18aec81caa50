//! `repeat-after-auto-resolve`: every route that pages repeats its notification sooner than the
//! service behind the receiver auto-resolves; otherwise PagerDuty resolves incidents whose alert
//! is still firing, and the next repeat opens a new one.

use super::parsed::{Node, Output, Timeout, duration_ms};
use super::{Index, REPEAT_AFTER_AUTO_RESOLVE, Violation, environments_reading, service_behind};
use crate::model::values::alertmanager_duration;

pub(super) fn check(output: &Output, index: &Index<'_>, out: &mut Vec<Violation>) {
    output
        .alertmanager
        .route
        .visit(&mut |node| route(index, node, out));
}

fn route(index: &Index<'_>, node: &Node<'_>, out: &mut Vec<Violation>) {
    let Some(name) = node.receiver else {
        return;
    };
    let files = index
        .receivers_named(name)
        .flat_map(|r| &r.pagerduty_configs)
        .filter_map(|c| c.routing_key_file.as_deref());
    for path in files {
        // A key file of no or several environments is `receiver-integration`'s to report.
        let [env] = environments_reading(index, path)[..] else {
            continue;
        };
        let Ok(service) = service_behind(env, index) else {
            continue;
        };
        let at = format!("`{}` (receiver `{name}`)", node.path);
        let seconds = match &service.auto_resolve {
            Timeout::Disabled => continue,
            Timeout::Seconds(seconds) => *seconds,
            Timeout::Unset => {
                out.push(violation(format!(
                    "route {at} pages pagerduty_service.{}, which sets no auto_resolve_timeout; \
                     write the seconds, or \"null\" to disable it",
                    service.tf_name
                )));
                continue;
            }
            Timeout::Invalid(text) => {
                out.push(violation(format!(
                    "route {at} pages pagerduty_service.{}, whose auto_resolve_timeout `{text}` \
                     is not a number of seconds",
                    service.tf_name
                )));
                continue;
            }
        };
        let Some(repeat_ms) = duration_ms(node.repeat_interval) else {
            out.push(violation(format!(
                "route {at} has repeat_interval `{}`, which is not a duration",
                node.repeat_interval
            )));
            continue;
        };
        if repeat_ms >= seconds.saturating_mul(1000) {
            out.push(violation(format!(
                "route {at} repeats every {}, not below the auto_resolve_timeout {seconds} ({}) \
                 of pagerduty_service.{}: PagerDuty resolves incidents that are still firing",
                node.repeat_interval,
                alertmanager_duration(seconds),
                service.tf_name
            )));
        }
    }
}

fn violation(message: String) -> Violation {
    Violation::new(REPEAT_AFTER_AUTO_RESOLVE, message)
}
