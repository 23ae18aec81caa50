//! Load: YAML text -> [`Model`], with every shape problem reported at once.

use super::decode::{Decoder, MapReader};
use super::node::{self, Node, NodeKind};
use super::types::*;
use crate::diagnostic::{Diagnostic, Span};

/// Parses and decodes a model. Returns the model (possibly partial) and every problem found.
pub fn load(text: &str) -> (Model, Vec<Diagnostic>) {
    let root = match node::parse(text) {
        Ok(root) => root,
        Err(diagnostic) => return (Model::default(), vec![diagnostic]),
    };
    if matches!(root.kind, NodeKind::Null) {
        let empty = Diagnostic::error(
            "empty-model",
            Span {
                line: 1,
                column: 1,
                len: 1,
            },
            "the model is empty",
        )
        .with_hint("start from examples/acm/oncall.yaml");
        return (Model::default(), vec![empty]);
    }
    let mut decoder = Decoder::default();
    let model = decode_model(&mut decoder, &root).unwrap_or_default();
    (model, decoder.diagnostics)
}

fn decode_model(d: &mut Decoder, root: &Node) -> Option<Model> {
    let mut map = d.map(root, "the model")?;
    let mut model = Model {
        team: map.required_string("team", d, "`team`"),
        anchor: map.required_string("anchor", d, "`anchor`"),
        report: map.optional("report").and_then(|n| report(d, n)),
        ..Model::default()
    };
    if let Some(n) = map.required("sites", d) {
        model.sites_span = read_as_map(n);
        model.sites = named(d, n, "`sites`", site);
    }
    model.exceptions = map.optional("exceptions").and_then(|n| exceptions(d, n));
    model.catch_all = map
        .required_entry("catch_all", d)
        .and_then(|(k, n)| rotation(d, n, k, "`catch_all`", RotationKeys::WithZone));
    model.escalation = map.required("escalation", d).and_then(|n| escalation(d, n));
    if let Some(n) = map.required("environments", d) {
        model.environments_span = read_as_map(n);
        model.environments = named(d, n, "`environments`", environment);
    }
    model.alertmanager = map
        .required("alertmanager", d)
        .and_then(|n| alertmanager(d, n));
    map.finish(d);
    Some(model)
}

/// The span of a mapping of names, or the default span when it is no mapping (reported while
/// decoding it), so that validate does not also call it empty.
fn read_as_map(node: &Node) -> Span {
    match node.kind {
        NodeKind::Map(_) => node.span,
        _ => Span::default(),
    }
}

/// Decodes a mapping whose keys are names (sites, environments), in file order.
fn named<T>(
    d: &mut Decoder,
    node: &Node,
    what: &str,
    item: fn(&mut Decoder, &Text, &Node) -> Option<T>,
) -> Vec<T> {
    let Some(map) = d.map(node, what) else {
        return Vec::new();
    };
    map.entries()
        .iter()
        .filter_map(|(name, value)| item(d, name, value))
        .collect()
}

fn report(d: &mut Decoder, node: &Node) -> Option<ReportWindow> {
    let mut map = d.map(node, "`report`")?;
    let from = map.required_string("from", d, "`report.from`");
    let to = map.required_string("to", d, "`report.to`");
    map.finish(d);
    Some(ReportWindow {
        from: from?,
        to: to?,
    })
}

fn site(d: &mut Decoder, name: &Text, node: &Node) -> Option<Site> {
    let what = format!("site `{}`", name.value);
    let rotation = rotation(d, node, name.span, &what, RotationKeys::Site)?;
    Some(Site {
        name: name.clone(),
        rotation,
    })
}

/// Which keys a rotation mapping takes.
#[derive(Clone, Copy, PartialEq)]
enum RotationKeys {
    /// A site: zone, hours, turn, members (zone and hours required).
    Site,
    /// A schedule of its own: zone, optional hours, turn, members.
    WithZone,
    /// Inside `exceptions`, whose zone applies: optional hours, turn, members.
    InheritZone,
}

fn rotation(
    d: &mut Decoder,
    node: &Node,
    key: Span,
    what: &str,
    keys: RotationKeys,
) -> Option<Rotation> {
    let mut map = d.map(node, what)?.point_at(key);
    let zone = match keys {
        RotationKeys::InheritZone => None,
        _ => map.required_string("zone", d, &format!("`zone` of {what}")),
    };
    let hours_node = match keys {
        RotationKeys::Site => map.required("hours", d),
        _ => map.optional("hours"),
    };
    let hours = hours_node.and_then(|n| d.string(n, &format!("`hours` of {what}")));
    let turn = map.required_string("turn", d, &format!("`turn` of {what}"));
    let (members, members_span) = members(d, &mut map, what);
    map.finish(d);
    Some(Rotation {
        span: key,
        zone,
        hours,
        turn,
        members,
        members_span,
    })
}

fn members(d: &mut Decoder, map: &mut MapReader<'_>, what: &str) -> (Vec<Text>, Span) {
    let what = format!("`members` of {what}");
    match map.required("members", d) {
        Some(n) if matches!(n.kind, NodeKind::Seq(_)) => (d.strings(n, &what), n.span),
        // Not a list: reported here, so the span says "already reported" like a missing key.
        Some(n) => (d.strings(n, &what), map.span()),
        None => (Vec::new(), map.span()),
    }
}

fn exceptions(d: &mut Decoder, node: &Node) -> Option<Exceptions> {
    let mut map = d.map(node, "`exceptions`")?;
    let zone = map.required_string("zone", d, "`exceptions.zone`");
    let rotation = map
        .optional_entry("rotation")
        .and_then(|(k, n)| rotation(d, n, k, "`exceptions.rotation`", RotationKeys::InheritZone));
    let signups = map
        .optional("signups")
        .map(|n| d.list(n, "`exceptions.signups`", signup))
        .unwrap_or_default();
    map.finish(d);
    Some(Exceptions {
        span: node.span,
        zone,
        rotation,
        signups,
    })
}

fn signup(d: &mut Decoder, node: &Node) -> Option<Signup> {
    let mut map = d.map(node, "a sign-up")?;
    let who = map.required_string("who", d, "`who`");
    let from = map.required_string("from", d, "`from`");
    let to = map.required_string("to", d, "`to`");
    let reason = map.optional_string("reason", d, "`reason`");
    map.finish(d);
    Some(Signup {
        span: node.span,
        who: who?,
        from: from?,
        to: to?,
        reason,
    })
}

fn escalation(d: &mut Decoder, node: &Node) -> Option<Escalation> {
    let mut map = d.map(node, "`escalation`")?;
    let loops = map.optional("loops").and_then(|n| d.int(n, "`loops`"));
    // Missing or not a list: reported here; the span of `escalation` says so to validate.
    let (rules, rules_span) = match map.required("rules", d) {
        Some(n) if matches!(n.kind, NodeKind::Seq(_)) => {
            (d.list(n, "`escalation.rules`", rule), n.span)
        }
        Some(n) => (d.list(n, "`escalation.rules`", rule), node.span),
        None => (Vec::new(), node.span),
    };
    map.finish(d);
    Some(Escalation {
        span: node.span,
        loops,
        rules,
        rules_span,
    })
}

fn rule(d: &mut Decoder, node: &Node) -> Option<EscalationRule> {
    let mut map = d.map(node, "an escalation rule")?;
    let levels = map
        .required("levels", d)
        .map(|n| d.strings(n, "`levels`"))
        .unwrap_or_default();
    let delay = map.required_string("delay", d, "`delay`");
    map.finish(d);
    Some(EscalationRule {
        span: node.span,
        levels,
        delay,
    })
}

fn environment(d: &mut Decoder, name: &Text, node: &Node) -> Option<Environment> {
    let what = format!("environment `{}`", name.value);
    let mut map = d.map(node, &what)?.point_at(name.span);
    let mut field = |key: &'static str, d: &mut Decoder| {
        map.optional_string(key, d, &format!("`{key}` of {what}"))
    };
    let environment = Environment {
        name: name.clone(),
        service: field("service", d),
        urgency: field("urgency", d),
        slack: field("slack", d),
        label: field("label", d),
        auto_resolve: field("auto_resolve", d),
        ack_timeout: field("ack_timeout", d),
    };
    map.finish(d);
    Some(environment)
}

fn alertmanager(d: &mut Decoder, node: &Node) -> Option<AlertmanagerSettings> {
    let mut map = d.map(node, "`alertmanager`")?;
    let mut field = |key: &'static str, d: &mut Decoder| {
        map.optional_string(key, d, &format!("`alertmanager.{key}`"))
    };
    let mut settings = AlertmanagerSettings {
        span: node.span,
        env_label: field("env_label", d),
        group_wait: field("group_wait", d),
        group_interval: field("group_interval", d),
        repeat_interval: field("repeat_interval", d),
        key_dir: field("key_dir", d),
        slack_webhook_file: field("slack_webhook_file", d),
        unrouted_slack: field("unrouted_slack", d),
        pagerduty_url: field("pagerduty_url", d),
        page_when: Vec::new(),
        page_when_span: node.span,
        group_by: Vec::new(),
    };
    // Missing or not a list: reported here; the span of `alertmanager` says so to validate.
    if let Some(n) = map.required("page_when", d) {
        settings.page_when = d.strings(n, "`alertmanager.page_when`");
        if matches!(n.kind, NodeKind::Seq(_)) {
            settings.page_when_span = n.span;
        }
    }
    if let Some(n) = map.optional("group_by") {
        settings.group_by = d.strings(n, "`alertmanager.group_by`");
    }
    map.finish(d);
    Some(settings)
}
