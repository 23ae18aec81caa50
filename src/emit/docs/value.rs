//! Template contexts: serializable Rust structures handed to minijinja, and the table filter.

use minijinja::Value;
use serde::Serialize;
use std::collections::BTreeMap;

/// Converts any serializable context into a template value (through JSON, which keeps the
/// structure: maps, lists, strings, numbers, booleans).
pub fn to_value<T: Serialize>(context: &T) -> Value {
    match serde_json::to_value(context) {
        Ok(json) => from_json(json),
        Err(_) => Value::from(()),
    }
}

fn from_json(json: serde_json::Value) -> Value {
    match json {
        serde_json::Value::Null => Value::from(()),
        serde_json::Value::Bool(b) => Value::from(b),
        serde_json::Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => Value::from(i),
            (None, Some(f)) => Value::from(f),
            (None, None) => Value::from(n.to_string()),
        },
        serde_json::Value::String(s) => Value::from(s),
        serde_json::Value::Array(items) => {
            Value::from(items.into_iter().map(from_json).collect::<Vec<Value>>())
        }
        serde_json::Value::Object(map) => Value::from(
            map.into_iter()
                .map(|(k, v)| (k, from_json(v)))
                .collect::<BTreeMap<String, Value>>(),
        ),
    }
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
