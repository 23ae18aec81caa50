//! The rendered files read back into the few facts the invariants compare: parsed from the text,
//! never taken from the emitters' own structures, so a broken emitter or a hand edit shows.

use crate::emit::{alertmanager, terraform};
use crate::files::Files;
use crate::model::values::{self, Matcher};
use hcl::{Block, Body, Expression, TraversalOperator};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// Both sides of the output.
#[derive(Debug)]
pub struct Output {
    /// The PagerDuty side.
    pub terraform: Terraform,
    /// The Alertmanager side.
    pub alertmanager: Alertmanager,
}

impl Output {
    /// Parses `terraform/*.tf` and the Alertmanager file; every problem, one per entry.
    pub fn read(files: &Files) -> Result<Self, Vec<String>> {
        let mut problems = Vec::new();
        let mut tf = Terraform::default();
        for (path, text) in files.iter() {
            let in_dir = path.parent().is_some_and(|p| p == terraform::DIR);
            if !in_dir || path.extension() != Some("tf") {
                continue;
            }
            match hcl::parse(text) {
                Ok(body) => tf.add(&body),
                Err(e) => problems.push(format!("{path} does not parse as HCL: {e}")),
            }
        }
        let am = match files.get(alertmanager::PATH) {
            None => Err(format!("{} was not generated", alertmanager::PATH)),
            Some(text) => serde_saphyr::from_str::<Alertmanager>(text)
                .map_err(|e| format!("{} does not parse: {e}", alertmanager::PATH)),
        };
        match am {
            Ok(am) if problems.is_empty() => Ok(Output {
                terraform: tf,
                alertmanager: am,
            }),
            Ok(_) => Err(problems),
            Err(e) => {
                problems.push(e);
                Err(problems)
            }
        }
    }
}

/// A reference `<kind>.<name>.<attr>` to a managed resource's attribute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// Resource type, e.g. `pagerduty_service`.
    pub kind: String,
    /// Resource name.
    pub name: String,
    /// Attribute, e.g. `id`.
    pub attr: String,
}

impl Reference {
    /// Whether this is `<kind>.<name>.<attr>` for some name.
    pub fn is(&self, kind: &str, attr: &str) -> bool {
        self.kind == kind && self.attr == attr
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.kind, self.name, self.attr)
    }
}

/// A service's `auto_resolve_timeout`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Timeout {
    /// Resolves after this many seconds.
    Seconds(u64),
    /// `"null"`: never auto-resolves.
    Disabled,
    /// Not set: the provider's default applies.
    Unset,
    /// Anything else, as written.
    Invalid(String),
}

/// `resource "pagerduty_service" "<tf_name>"`.
#[derive(Debug, Clone)]
pub struct Service {
    /// Terraform name.
    pub tf_name: String,
    /// PagerDuty name (`name`).
    pub name: Option<String>,
    /// `auto_resolve_timeout`.
    pub auto_resolve: Timeout,
}

/// `resource "pagerduty_service_integration" "<tf_name>"`.
#[derive(Debug, Clone)]
pub struct Integration {
    /// Terraform name.
    pub tf_name: String,
    /// `service`, when it is a reference.
    pub service: Option<Reference>,
}

/// `output "<name>"`.
#[derive(Debug, Clone)]
pub struct TfOutput {
    /// Output name.
    pub name: String,
    /// `value`, when it is a reference.
    pub value: Option<Reference>,
}

/// One `target` of an escalation rule.
#[derive(Debug, Clone)]
pub struct Target {
    /// `type`, e.g. `schedule_reference`.
    pub kind: Option<String>,
    /// `id`, when it is a reference.
    pub id: Option<Reference>,
}

/// `resource "pagerduty_escalation_policy"`: its rules' targets, in order.
#[derive(Debug, Clone)]
pub struct Policy {
    /// Terraform name.
    pub tf_name: String,
    /// Targets of each rule.
    pub rules: Vec<Vec<Target>>,
}

/// The PagerDuty facts of every `terraform/*.tf`.
#[derive(Debug, Default)]
pub struct Terraform {
    /// Services in file order.
    pub services: Vec<Service>,
    /// Integrations in file order.
    pub integrations: Vec<Integration>,
    /// Outputs in file order.
    pub outputs: Vec<TfOutput>,
    /// Terraform names of the declared schedules.
    pub schedules: BTreeSet<String>,
    /// Escalation policies.
    pub policies: Vec<Policy>,
}

impl Terraform {
    fn add(&mut self, body: &Body) {
        for block in body.blocks() {
            let labels: Vec<&str> = block.labels().iter().map(|l| l.as_str()).collect();
            match (block.identifier(), labels.as_slice()) {
                ("output", [name]) => self.outputs.push(TfOutput {
                    name: (*name).to_owned(),
                    value: attr(block, "value").and_then(reference),
                }),
                ("resource", [kind, name]) => self.add_resource(kind, name, block),
                _ => {}
            }
        }
    }

    fn add_resource(&mut self, kind: &str, name: &str, block: &Block) {
        let tf_name = name.to_owned();
        match kind {
            "pagerduty_service" => self.services.push(Service {
                tf_name,
                name: attr(block, "name").and_then(string).map(str::to_owned),
                auto_resolve: timeout(attr(block, "auto_resolve_timeout")),
            }),
            "pagerduty_service_integration" => self.integrations.push(Integration {
                tf_name,
                service: attr(block, "service").and_then(reference),
            }),
            "pagerduty_schedule" => {
                self.schedules.insert(tf_name);
            }
            "pagerduty_escalation_policy" => self.policies.push(Policy {
                tf_name,
                rules: blocks(block, "rule").map(targets).collect(),
            }),
            _ => {}
        }
    }
}

fn targets(rule: &Block) -> Vec<Target> {
    blocks(rule, "target")
        .map(|t| Target {
            kind: attr(t, "type").and_then(string).map(str::to_owned),
            id: attr(t, "id").and_then(reference),
        })
        .collect()
}

fn blocks<'a>(block: &'a Block, name: &'a str) -> impl Iterator<Item = &'a Block> {
    block
        .body()
        .blocks()
        .filter(move |b| b.identifier() == name)
}

fn attr<'a>(block: &'a Block, key: &str) -> Option<&'a Expression> {
    block
        .body()
        .attributes()
        .find(|a| a.key() == key)
        .map(|a| a.expr())
}

fn string(expr: &Expression) -> Option<&str> {
    match expr {
        Expression::String(s) => Some(s),
        _ => None,
    }
}

/// `kind.name.attr` as a [`Reference`]; anything else is `None`.
fn reference(expr: &Expression) -> Option<Reference> {
    match expr {
        Expression::Parenthesis(inner) => reference(inner),
        Expression::Traversal(t) => {
            let Expression::Variable(root) = &t.expr else {
                return None;
            };
            match t.operators.as_slice() {
                [
                    TraversalOperator::GetAttr(name),
                    TraversalOperator::GetAttr(attr),
                ] => Some(Reference {
                    kind: root.as_str().to_owned(),
                    name: name.as_str().to_owned(),
                    attr: attr.as_str().to_owned(),
                }),
                _ => None,
            }
        }
        _ => None,
    }
}

fn timeout(expr: Option<&Expression>) -> Timeout {
    match expr {
        None | Some(Expression::Null) => Timeout::Unset,
        Some(Expression::Number(n)) => n
            .as_u64()
            .map_or_else(|| Timeout::Invalid(n.to_string()), Timeout::Seconds),
        Some(Expression::String(s)) if s == "null" => Timeout::Disabled,
        Some(Expression::String(s)) => s
            .parse()
            .map_or_else(|_| Timeout::Invalid(format!("{s:?}")), Timeout::Seconds),
        Some(other) => Timeout::Invalid(other.to_string()),
    }
}

/// The Alertmanager file: only the keys the invariants read; any other key is ignored.
#[derive(Debug, Clone, Deserialize)]
pub struct Alertmanager {
    /// The routing tree.
    pub route: Route,
    /// Receivers in file order.
    #[serde(default)]
    pub receivers: Vec<Receiver>,
}

impl Alertmanager {
    /// Receivers named `name`.
    pub fn receivers_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Receiver> {
        self.receivers.iter().filter(move |r| r.name == name)
    }
}

/// One node of the routing tree.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Route {
    /// Receiver; inherited from the parent when absent.
    #[serde(default)]
    pub receiver: Option<String>,
    /// Matchers, Alertmanager syntax.
    #[serde(default)]
    pub matchers: Vec<String>,
    /// Deprecated equality matchers.
    #[serde(default, rename = "match")]
    pub match_equal: BTreeMap<String, String>,
    /// Deprecated regex matchers.
    #[serde(default)]
    pub match_re: BTreeMap<String, String>,
    /// Repeat interval; inherited from the parent when absent.
    #[serde(default)]
    pub repeat_interval: Option<String>,
    /// Children.
    #[serde(default)]
    pub routes: Vec<Route>,
}

impl Route {
    /// Every matcher of the node, parsed; a matcher that does not parse is its text.
    pub fn parsed_matchers(&self) -> Vec<Result<Matcher, String>> {
        let mut out: Vec<Result<Matcher, String>> = self
            .matchers
            .iter()
            .map(|m| values::matcher(m).map_err(|_| m.clone()))
            .collect();
        for (op, map) in [("=", &self.match_equal), ("=~", &self.match_re)] {
            out.extend(map.iter().map(|(label, value)| {
                Ok(Matcher {
                    label: label.clone(),
                    op,
                    value: value.clone(),
                })
            }));
        }
        out
    }

    /// Visits this node and every descendant, depth first, with what each inherits.
    pub fn visit<'a>(&'a self, f: &mut impl FnMut(&Node<'a>)) {
        let root = Node {
            route: self,
            path: "route".to_owned(),
            receiver: self.receiver.as_deref(),
            repeat_interval: self.repeat_interval.as_deref().unwrap_or(DEFAULT_REPEAT),
        };
        root.visit(f);
    }

    /// Receivers this node and its descendants notify, given the receiver it inherits.
    pub fn receivers<'a>(&'a self, inherited: Option<&'a str>, out: &mut BTreeSet<&'a str>) {
        let own = self.receiver.as_deref().or(inherited);
        out.extend(own);
        for child in &self.routes {
            child.receivers(own, out);
        }
    }
}

/// Alertmanager's `repeat_interval` when the root sets none.
pub const DEFAULT_REPEAT: &str = "4h";

/// A route with its place in the tree and the settings it inherits.
#[derive(Debug, Clone)]
pub struct Node<'a> {
    /// The route.
    pub route: &'a Route,
    /// Where it is, e.g. `route.routes[1].routes[0]`.
    pub path: String,
    /// Its effective receiver.
    pub receiver: Option<&'a str>,
    /// Its effective repeat interval.
    pub repeat_interval: &'a str,
}

impl<'a> Node<'a> {
    fn visit(&self, f: &mut impl FnMut(&Node<'a>)) {
        f(self);
        for (i, child) in self.route.routes.iter().enumerate() {
            Node {
                route: child,
                path: format!("{}.routes[{i}]", self.path),
                receiver: child.receiver.as_deref().or(self.receiver),
                repeat_interval: child
                    .repeat_interval
                    .as_deref()
                    .unwrap_or(self.repeat_interval),
            }
            .visit(f);
        }
    }
}

/// A named notification target.
#[derive(Debug, Clone, Deserialize)]
pub struct Receiver {
    /// Name routes refer to.
    pub name: String,
    /// PagerDuty targets.
    #[serde(default)]
    pub pagerduty_configs: Vec<PagerdutyConfig>,
    /// Slack targets.
    #[serde(default)]
    pub slack_configs: Vec<serde::de::IgnoredAny>,
}

/// One PagerDuty target.
#[derive(Debug, Clone, Deserialize)]
pub struct PagerdutyConfig {
    /// File holding the routing key.
    #[serde(default)]
    pub routing_key_file: Option<String>,
}

/// A Prometheus-style duration (`4h`, `1h30m`, `500ms`) in milliseconds.
pub fn duration_ms(text: &str) -> Option<u64> {
    const UNITS: [(&str, u64); 7] = [
        ("ms", 1),
        ("y", 365 * 86_400_000),
        ("w", 7 * 86_400_000),
        ("d", 86_400_000),
        ("h", 3_600_000),
        ("m", 60_000),
        ("s", 1000),
    ];
    let mut rest = text;
    let mut total: u64 = 0;
    if rest.is_empty() {
        return None;
    }
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let n: u64 = rest[..digits].parse().ok()?;
        rest = &rest[digits..];
        let (unit, scale) = UNITS.into_iter().find(|(u, _)| rest.starts_with(u))?;
        rest = &rest[unit.len()..];
        total = total.checked_add(n.checked_mul(scale)?)?;
    }
    Some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_in_prometheus_spelling() {
        assert_eq!(duration_ms("4h"), Some(14_400_000));
        assert_eq!(duration_ms("1h30m"), Some(5_400_000));
        assert_eq!(duration_ms("500ms"), Some(500));
        assert_eq!(duration_ms("1d"), Some(86_400_000));
        for bad in ["", "4", "h", "4x", "-1h", "1.5h"] {
            assert_eq!(duration_ms(bad), None, "{bad}");
        }
    }

    #[test]
    fn timeouts_read_numbers_strings_and_null() {
        let body: Body = hcl::parse(
            "resource \"pagerduty_service\" \"a\" {\n  auto_resolve_timeout = 60\n}\n\
             resource \"pagerduty_service\" \"b\" {\n  auto_resolve_timeout = \"null\"\n}\n\
             resource \"pagerduty_service\" \"c\" {\n  auto_resolve_timeout = \"120\"\n}\n\
             resource \"pagerduty_service\" \"d\" {\n}\n",
        )
        .expect("parses");
        let mut tf = Terraform::default();
        tf.add(&body);
        let got: Vec<Timeout> = tf.services.into_iter().map(|s| s.auto_resolve).collect();
        assert_eq!(
            got,
            [
                Timeout::Seconds(60),
                Timeout::Disabled,
                Timeout::Seconds(120),
                Timeout::Unset
            ]
        );
    }

    #[test]
    fn routes_inherit_receiver_and_repeat_interval() {
        let am: Alertmanager = serde_saphyr::from_str(
            "route:\n  receiver: a\n  routes:\n  - match: {env: x}\n    repeat_interval: 1h\n    routes:\n    - receiver: b\nreceivers: []\n",
        )
        .expect("parses");
        let mut seen = Vec::new();
        am.route.visit(&mut |n| {
            seen.push(format!(
                "{} {} {}",
                n.path,
                n.receiver.unwrap_or("-"),
                n.repeat_interval
            ))
        });
        assert_eq!(
            seen,
            [
                "route a 4h",
                "route.routes[0] a 1h",
                "route.routes[0].routes[0] b 1h"
            ]
        );
        let m = am.route.routes[0].parsed_matchers();
        assert!(matches!(&m[..], [Ok(m)] if m.label == "env" && m.value == "x"));
    }
}
