//! `route-environment`: every route that matches the environment label matches, by equality, the
//! label value of exactly one environment; no two routes match the same value; and a route only
//! notifies the receivers of its environment.

use super::parsed::{Alertmanager, Node};
use super::{Index, ROUTE_ENVIRONMENT, Violation};
use crate::plan::Plan;
use std::collections::{BTreeMap, BTreeSet};

pub(super) fn check(plan: &Plan, am: &Alertmanager, index: &Index<'_>, out: &mut Vec<Violation>) {
    let mut by_value: BTreeMap<String, Vec<String>> = BTreeMap::new();
    am.route.visit(&mut |node| {
        for message in route(plan, index, node, &mut by_value) {
            out.push(Violation::new(ROUTE_ENVIRONMENT, message));
        }
    });
    let label = &plan.alertmanager.env_label;
    for (value, paths) in by_value.into_iter().filter(|(_, p)| p.len() > 1) {
        out.push(Violation::new(
            ROUTE_ENVIRONMENT,
            format!(
                "{label}=\"{value}\" is matched by {} routes ({}); only one may select an \
                 environment",
                paths.len(),
                paths.join(", ")
            ),
        ));
    }
}

/// The problems of one node; records its environment matcher values in `by_value`.
fn route(
    plan: &Plan,
    index: &Index<'_>,
    node: &Node<'_>,
    by_value: &mut BTreeMap<String, Vec<String>>,
) -> Vec<String> {
    let label = &plan.alertmanager.env_label;
    let path = &node.path;
    let mut problems = Vec::new();
    for matcher in node.route.parsed_matchers() {
        let matcher = match matcher {
            Ok(m) if m.label == *label => m,
            Ok(_) => continue,
            Err(text) => {
                problems.push(format!(
                    "route `{path}` has matcher `{text}`, which does not parse"
                ));
                continue;
            }
        };
        let shown = format!("{label}{}\"{}\"", matcher.op, matcher.value);
        if matcher.op != "=" {
            problems.push(format!(
                "route `{path}` matches `{shown}`: an environment route matches one value with `=`"
            ));
            continue;
        }
        by_value
            .entry(matcher.value.clone())
            .or_default()
            .push(format!("`{path}`"));
        let envs = index
            .by_label
            .get(matcher.value.as_str())
            .cloned()
            .unwrap_or_default();
        let env = match envs.as_slice() {
            [env] => *env,
            [] => {
                problems.push(format!(
                    "route `{path}` matches `{shown}`, which selects no environment"
                ));
                continue;
            }
            many => {
                let names: Vec<&str> = many.iter().map(|e| e.name.as_str()).collect();
                problems.push(format!(
                    "route `{path}` matches `{shown}`, the label value of {} environments ({})",
                    many.len(),
                    names.join(", ")
                ));
                continue;
            }
        };
        let mut notified = BTreeSet::new();
        node.route.receivers(node.receiver, &mut notified);
        let own = [env.slack_receiver.as_str(), env.pagerduty_receiver.as_str()];
        let foreign: Vec<String> = notified
            .into_iter()
            .filter(|r| !own.contains(r))
            .map(|r| format!("`{r}`"))
            .collect();
        if !foreign.is_empty() {
            problems.push(format!(
                "route `{path}` selects environment `{}` ({shown}) but notifies {}, not its \
                 receivers",
                env.name,
                foreign.join(", ")
            ));
        }
    }
    problems
}
