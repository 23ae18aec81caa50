//! Self-check of the emitted Terraform: it parses, and its references resolve.

use super::DIR;
use crate::files::Files;
use hcl::{Body, Expression, Structure, TraversalOperator};
use std::collections::BTreeSet;

/// Parses every `terraform/*.tf` in `files` with `hcl::parse`, then checks that every reference
/// to a data source (`data.<type>.<name>`) or to a `pagerduty_*` resource names a block declared
/// somewhere in the directory. Returns every problem found, one per line.
pub fn parse_back(files: &Files) -> Result<(), String> {
    let mut problems = Vec::new();
    let mut bodies = Vec::new();
    for (path, text) in files.iter() {
        let in_dir = path.parent().is_some_and(|parent| parent == DIR);
        if !in_dir || path.extension() != Some("tf") {
            continue;
        }
        match hcl::parse(text) {
            Ok(body) => bodies.push((path, body)),
            Err(err) => problems.push(format!("{path}: does not parse as HCL: {err}")),
        }
    }
    let declared: BTreeSet<String> = bodies.iter().flat_map(|(_, b)| declarations(b)).collect();
    for (path, body) in &bodies {
        let mut references = Vec::new();
        body_references(body, &mut references);
        for reference in references {
            if !declared.contains(&reference) {
                problems.push(format!("{path}: reference to undeclared {reference}"));
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// Addresses (`data.<type>.<name>`, `<type>.<name>`) of the top-level blocks of a body.
fn declarations(body: &Body) -> Vec<String> {
    body.blocks()
        .filter_map(|block| match (block.identifier(), block.labels()) {
            ("resource", [kind, name]) => Some(format!("{}.{}", kind.as_str(), name.as_str())),
            ("data", [kind, name]) => Some(format!("data.{}.{}", kind.as_str(), name.as_str())),
            _ => None,
        })
        .collect()
}

fn body_references(body: &Body, out: &mut Vec<String>) {
    for structure in body {
        match structure {
            Structure::Attribute(attr) => expr_references(attr.expr(), out),
            Structure::Block(block) => body_references(block.body(), out),
        }
    }
}

/// Addresses referenced by an expression, for the kinds of reference this emitter writes.
fn expr_references(expr: &Expression, out: &mut Vec<String>) {
    match expr {
        Expression::Array(items) => items.iter().for_each(|item| expr_references(item, out)),
        Expression::Object(object) => object.values().for_each(|v| expr_references(v, out)),
        Expression::Parenthesis(inner) => expr_references(inner, out),
        Expression::Traversal(traversal) => {
            let Expression::Variable(root) = &traversal.expr else {
                return expr_references(&traversal.expr, out);
            };
            let attrs: Vec<&str> = traversal
                .operators
                .iter()
                .map_while(|op| match op {
                    TraversalOperator::GetAttr(ident) => Some(ident.as_str()),
                    _ => None,
                })
                .collect();
            match (root.as_str(), attrs.as_slice()) {
                ("data", [kind, name, ..]) => out.push(format!("data.{kind}.{name}")),
                (kind, [name, ..]) if kind.starts_with("pagerduty_") => {
                    out.push(format!("{kind}.{name}"));
                }
                (root, _) if root == "data" || root.starts_with("pagerduty_") => {
                    out.push(format!("{root} (incomplete reference)"));
                }
                _ => {}
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_unparsable_files_and_unresolved_references() {
        let mut files = Files::new();
        files.insert(
            "terraform/a.tf",
            "resource \"pagerduty_service\" \"x\" {\n".to_string(),
        );
        files.insert(
            "terraform/b.tf",
            "output \"o\" {\n  value = pagerduty_service.y.id\n}\n".to_string(),
        );
        files.insert("alertmanager/ignored.tf", "not hcl {".to_string());
        let err = parse_back(&files).unwrap_err();
        assert!(err.contains("terraform/a.tf: does not parse"), "{err}");
        assert!(err.contains("undeclared pagerduty_service.y"), "{err}");
        assert!(!err.contains("ignored"), "{err}");
    }

    #[test]
    fn accepts_resolved_references() {
        let mut files = Files::new();
        files.insert(
            "terraform/a.tf",
            "data \"pagerduty_user\" \"u\" {\n  email = \"u@example.com\"\n}\n".to_string(),
        );
        files.insert(
            "terraform/b.tf",
            "output \"o\" {\n  value = [data.pagerduty_user.u.id]\n}\n".to_string(),
        );
        assert_eq!(parse_back(&files), Ok(()));
    }
}
