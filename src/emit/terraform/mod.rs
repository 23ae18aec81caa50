//! Terraform emitter: the PagerDuty side of the plan as HCL files under `terraform/`.
//!
//! Each concern builds an [`hcl::Body`]: values are typed expressions and references are
//! [`hcl::Traversal`]s (`data.pagerduty_user.li_wei.id`), never text pasted together. A small
//! printer (see `print.rs`) lays the structure out exactly as `terraform fmt` would, and
//! [`parse_back`] (also reachable as [`check::parse_back`]) lets the build check its own output.

pub mod check;
mod escalation;
mod integrations;
mod outputs;
mod print;
mod schedules;
mod services;
mod users;
mod versions;

pub use check::parse_back;

use crate::emit::header::hash_comment;
use crate::files::Files;
use crate::plan::Plan;
use hcl::{Body, Expression, Identifier, Traversal, Variable};

/// Directory of the Terraform files, relative to the output directory.
pub const DIR: &str = "terraform";

/// Renders the plan into `terraform/{versions,users,schedules,escalation,services,integrations,
/// outputs}.tf`.
pub fn emit(plan: &Plan, files: &mut Files) {
    let parts: [(&str, &str, Body); 7] = [
        ("versions.tf", versions::PREAMBLE, versions::body()),
        ("users.tf", "", users::body(plan)),
        ("schedules.tf", "", schedules::body(plan)),
        ("escalation.tf", "", escalation::body(plan)),
        ("services.tf", "", services::body(plan)),
        ("integrations.tf", "", integrations::body(plan)),
        ("outputs.tf", "", outputs::body(plan)),
    ];
    for (name, preamble, body) in parts {
        let mut text = hash_comment(plan);
        text.push('\n');
        text.push_str(preamble);
        text.push_str(&print::print_body(&body));
        files.insert(format!("{DIR}/{name}"), text);
    }
}

/// `data.<kind>.<name>.<attr>`: a reference to a data source's attribute.
fn data_ref(kind: &str, name: &str, attr: &str) -> Expression {
    reference("data", &[kind, name, attr])
}

/// `<kind>.<name>.<attr>`: a reference to a managed resource's attribute.
fn resource_ref(kind: &str, name: &str, attr: &str) -> Expression {
    reference(kind, &[name, attr])
}

/// A traversal `root.a.b...`. Terraform names come from the plan, which makes them valid
/// identifiers; they are not sanitized here (a silent rename would break the reference), so a
/// bad one shows up as a [`parse_back`] error instead.
fn reference(root: &str, path: &[&str]) -> Expression {
    let traversal = path.iter().fold(
        Traversal::builder(Variable::unchecked(root)),
        |builder, part| builder.attr(Identifier::unchecked(*part)),
    );
    Expression::from(traversal.build())
}
