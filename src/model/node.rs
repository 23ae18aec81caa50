//! A YAML document as a tree whose every node and key keeps its place in the file.
//!
//! serde-saphyr parses the text (rejecting duplicate keys, with budgets against alias bombs);
//! this tree lets the decoder report every shape problem at once instead of the first one.

use crate::diagnostic::Span;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// A value with the place it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it is written.
    pub span: Span,
}

impl<T> Spanned<T> {
    /// Pairs a value with its place.
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

/// One YAML node.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// What the node holds.
    pub kind: NodeKind,
    /// Where the node starts.
    pub span: Span,
}

/// The kinds of YAML node the model uses.
#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    /// A mapping, entries in file order.
    Map(Vec<(Spanned<String>, Node)>),
    /// A sequence.
    Seq(Vec<Node>),
    /// A string scalar.
    Str(String),
    /// An integer scalar.
    Int(i64),
    /// A float scalar.
    Float(f64),
    /// A boolean scalar (`true`, `false`, and YAML 1.1's `yes`/`no`).
    Bool(bool),
    /// `~`, `null` or nothing.
    Null,
}

impl NodeKind {
    /// A short description for "expected X, found Y" messages.
    pub fn describe(&self) -> &'static str {
        match self {
            NodeKind::Map(_) => "a mapping",
            NodeKind::Seq(_) => "a list",
            NodeKind::Str(_) => "a string",
            NodeKind::Int(_) => "a number",
            NodeKind::Float(_) => "a number",
            NodeKind::Bool(_) => "a boolean",
            NodeKind::Null => "nothing",
        }
    }
}

/// Converts a serde-saphyr location into a span of `len` characters.
pub(crate) fn span_of(location: &serde_saphyr::Location) -> Span {
    Span {
        line: u32::try_from(location.line()).unwrap_or(u32::MAX),
        column: u32::try_from(location.column()).unwrap_or(u32::MAX),
        len: u32::try_from(location.span().len()).unwrap_or(1).max(1),
    }
}

/// The tree as serde-saphyr delivers it, before conversion to [`Node`].
struct RawNode(NodeKind);

fn convert(raw: serde_saphyr::Spanned<RawNode>) -> Node {
    Node {
        kind: raw.value.0,
        span: span_of(&raw.referenced),
    }
}

impl<'de> Deserialize<'de> for RawNode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = RawNode;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a YAML value")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<RawNode, E> {
        Ok(RawNode(NodeKind::Str(v.to_owned())))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<RawNode, E> {
        Ok(RawNode(NodeKind::Str(v)))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawNode, E> {
        Ok(RawNode(NodeKind::Int(v)))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawNode, E> {
        Ok(RawNode(match i64::try_from(v) {
            Ok(i) => NodeKind::Int(i),
            Err(_) => NodeKind::Float(v as f64),
        }))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawNode, E> {
        Ok(RawNode(NodeKind::Float(v)))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<RawNode, E> {
        Ok(RawNode(NodeKind::Bool(v)))
    }
    fn visit_unit<E: de::Error>(self) -> Result<RawNode, E> {
        Ok(RawNode(NodeKind::Null))
    }
    fn visit_none<E: de::Error>(self) -> Result<RawNode, E> {
        Ok(RawNode(NodeKind::Null))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawNode, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<serde_saphyr::Spanned<RawNode>>()? {
            items.push(convert(item));
        }
        Ok(RawNode(NodeKind::Seq(items)))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawNode, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<serde_saphyr::Spanned<String>>()? {
            let value = map.next_value::<serde_saphyr::Spanned<RawNode>>()?;
            let key = Spanned::new(key.value, span_of(&key.referenced));
            entries.push((key, convert(value)));
        }
        Ok(RawNode(NodeKind::Map(entries)))
    }
}

/// Parses YAML text into a spanned tree, or a diagnostic pointing at the syntax error.
pub fn parse(text: &str) -> Result<Node, crate::diagnostic::Diagnostic> {
    match serde_saphyr::from_str::<serde_saphyr::Spanned<RawNode>>(text) {
        Ok(root) => Ok(convert(root)),
        Err(err) => {
            let span = err.location().map(|l| span_of(&l)).unwrap_or(Span {
                line: 1,
                column: 1,
                len: 1,
            });
            let message = err.to_string();
            let first = message.lines().next().unwrap_or("invalid YAML");
            let reason = first
                .split_once(": ")
                .filter(|(head, _)| head.starts_with("error"))
                .map(|(_, rest)| rest)
                .unwrap_or(first);
            let reason = reason
                .split_once(": ")
                .filter(|(head, _)| head.starts_with("line "))
                .map(|(_, rest)| rest)
                .unwrap_or(reason);
            // serde-saphyr's advice to its API users means nothing to someone editing the model.
            let reason =
                reason.trim_end_matches(", set DuplicateKeyPolicy in Options if acceptable");
            if reason.contains("budget breached") {
                return Err(crate::diagnostic::Diagnostic::error(
                    "yaml-too-large",
                    span,
                    "the YAML expands beyond oncallc's limits: too many nodes once aliases are expanded",
                )
                .with_hint("aliases multiply what they point at; write the values out instead"));
            }
            Err(crate::diagnostic::Diagnostic::error(
                "yaml-syntax",
                span,
                format!("invalid YAML: {reason}"),
            )
            .with_hint("fix the YAML syntax; nothing else is checked until the file parses"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_lines_and_columns() {
        let root = parse("a:\n  b: [x, 2]\n").unwrap();
        let NodeKind::Map(entries) = &root.kind else {
            panic!("{root:?}")
        };
        let NodeKind::Map(inner) = &entries[0].1.kind else {
            panic!()
        };
        assert_eq!((inner[0].0.span.line, inner[0].0.span.column), (2, 3));
        let NodeKind::Seq(items) = &inner[0].1.kind else {
            panic!()
        };
        assert_eq!(items[1].kind, NodeKind::Int(2));
        assert_eq!((items[1].span.line, items[1].span.column), (2, 10));
    }

    #[test]
    fn rejects_duplicate_keys() {
        let d = parse("a: 1\na: 2\n").unwrap_err();
        assert_eq!(d.code, "yaml-syntax");
        assert_eq!((d.span.line, d.span.column), (2, 1));
        assert!(d.message.contains("duplicate mapping key"), "{}", d.message);
    }
}
