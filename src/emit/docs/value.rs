//! Template contexts: serializable Rust structures handed to minijinja, and the table filter.

use minijinja::value::{Serde, Value};
use serde::Serialize;

/// Converts any serializable context into a template value.
pub fn to_value<T: Serialize>(context: &T) -> Value {
    Value::from(Serde(context))
}

/// The `cell` filter: text safe inside a Markdown table cell (no `|`, no HTML, one line).
pub fn cell(text: String) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('<', "&lt;")
        .replace(['\n', '\r'], " ")
}

/// Text safe inside XML content and attribute values.
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_cannot_break_the_table() {
        assert_eq!(cell("a|b<c>\nd".into()), "a\\|b&lt;c> d");
    }

    #[test]
    fn structures_survive_the_conversion() {
        #[derive(Serialize)]
        struct Ctx {
            n: i64,
            f: f64,
            items: Vec<&'static str>,
        }
        let value = to_value(&Ctx {
            n: 3,
            f: 1.5,
            items: vec!["a", "b"],
        });
        let env = minijinja::Environment::new();
        let out = env
            .render_str("{{ n }} {{ f }} {{ items|join(',') }}", value)
            .unwrap();
        assert_eq!(out, "3 1.5 a,b");
    }
}
