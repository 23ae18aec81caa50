//! Shape checks while turning the spanned tree into model types: wrong types, missing keys and
//! unknown keys are all collected, never just the first.

use super::node::{Node, NodeKind, Spanned};
use crate::diagnostic::{Diagnostic, Span};
use crate::suggest::closest;

/// Collects diagnostics while decoding.
#[derive(Debug, Default)]
pub struct Decoder {
    /// Everything found so far.
    pub diagnostics: Vec<Diagnostic>,
}

impl Decoder {
    /// Records an error.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// Reads a mapping; `what` names it in messages (e.g. "site `xian`").
    pub fn map<'n>(&mut self, node: &'n Node, what: &str) -> Option<MapReader<'n>> {
        match &node.kind {
            NodeKind::Map(entries) => Some(MapReader {
                entries,
                span: node.span,
                what: what.to_owned(),
                asked: Vec::new(),
            }),
            other => {
                self.push(
                    type_error(node, &format!("{what} must be a mapping"), other)
                        .with_hint("write `key: value` lines indented under it"),
                );
                None
            }
        }
    }

    /// Reads a string scalar. Numbers and booleans are refused (`no` and `1.10` must be quoted),
    /// but their text is kept, so that later rules do not also report the value as missing.
    pub fn string(&mut self, node: &Node, what: &str) -> Option<Spanned<String>> {
        match &node.kind {
            NodeKind::Str(s) => Some(Spanned::new(s.clone(), node.span)),
            other => {
                let hint = match other {
                    NodeKind::Bool(_) | NodeKind::Int(_) | NodeKind::Float(_) => {
                        "quote the value, e.g. \"no\" or \"1.10\""
                    }
                    NodeKind::Null => "write the value after the colon",
                    _ => "write one value, not a list or a mapping",
                };
                self.push(
                    type_error(node, &format!("{what} must be a string"), other).with_hint(hint),
                );
                let text = match other {
                    NodeKind::Bool(b) => b.to_string(),
                    NodeKind::Int(i) => i.to_string(),
                    NodeKind::Float(f) => f.to_string(),
                    _ => return None,
                };
                Some(Spanned::new(text, node.span))
            }
        }
    }

    /// Reads a whole number.
    pub fn int(&mut self, node: &Node, what: &str) -> Option<Spanned<i64>> {
        match &node.kind {
            NodeKind::Int(i) => Some(Spanned::new(*i, node.span)),
            other => {
                self.push(
                    type_error(node, &format!("{what} must be a whole number"), other)
                        .with_hint("write a whole number such as 2"),
                );
                None
            }
        }
    }

    /// Reads a list, decoding each item with `item`.
    pub fn list<T>(
        &mut self,
        node: &Node,
        what: &str,
        mut item: impl FnMut(&mut Self, &Node) -> Option<T>,
    ) -> Vec<T> {
        match &node.kind {
            NodeKind::Seq(items) => items.iter().filter_map(|n| item(self, n)).collect(),
            other => {
                self.push(
                    type_error(node, &format!("{what} must be a list"), other)
                        .with_hint("write `[a, b]`, or one `- item` per line"),
                );
                Vec::new()
            }
        }
    }

    /// Reads a list of strings.
    pub fn strings(&mut self, node: &Node, what: &str) -> Vec<Spanned<String>> {
        self.list(node, what, |d, n| d.string(n, &format!("each of {what}")))
    }
}

fn type_error(node: &Node, message: &str, found: &NodeKind) -> Diagnostic {
    Diagnostic::error(
        "wrong-type",
        node.span,
        format!("{message}, found {}", found.describe()),
    )
}

fn missing_key(span: Span, what: &str, key: &str) -> Diagnostic {
    Diagnostic::error("missing-key", span, format!("{what} has no `{key}`"))
        .with_hint(format!("add `{key}:`"))
}

/// Reads the keys of one mapping; [`MapReader::finish`] reports the keys nobody asked for.
#[derive(Debug)]
pub struct MapReader<'n> {
    entries: &'n [(Spanned<String>, Node)],
    span: Span,
    what: String,
    asked: Vec<&'static str>,
}

impl<'n> MapReader<'n> {
    /// Where the mapping starts.
    pub fn span(&self) -> Span {
        self.span
    }

    /// Points "missing key" errors at `span` (the mapping's own key) instead of its first entry.
    pub fn point_at(mut self, span: Span) -> Self {
        self.span = span;
        self
    }

    /// The value of an optional key.
    pub fn optional(&mut self, key: &'static str) -> Option<&'n Node> {
        self.asked.push(key);
        let entries: &'n [(Spanned<String>, Node)] = self.entries;
        entries.iter().find(|(k, _)| k.value == key).map(|(_, v)| v)
    }

    /// An optional key's own place and its value.
    pub fn optional_entry(&mut self, key: &'static str) -> Option<(Span, &'n Node)> {
        self.asked.push(key);
        let entries: &'n [(Spanned<String>, Node)] = self.entries;
        entries
            .iter()
            .find(|(k, _)| k.value == key)
            .map(|(k, v)| (k.span, v))
    }

    /// A required key's own place and its value; reports it missing.
    pub fn required_entry(
        &mut self,
        key: &'static str,
        decoder: &mut Decoder,
    ) -> Option<(Span, &'n Node)> {
        let span = self.span;
        let found = self.optional_entry(key);
        if found.is_none() {
            decoder.push(missing_key(span, &self.what, key));
        }
        found
    }

    /// The value of a required key; reports it missing.
    pub fn required(&mut self, key: &'static str, decoder: &mut Decoder) -> Option<&'n Node> {
        let found = self.optional(key);
        if found.is_none() {
            decoder.push(missing_key(self.span, &self.what, key));
        }
        found
    }

    /// A required string value.
    pub fn required_string(
        &mut self,
        key: &'static str,
        decoder: &mut Decoder,
        what: &str,
    ) -> Option<Spanned<String>> {
        let node = self.required(key, decoder)?;
        decoder.string(node, what)
    }

    /// An optional string value.
    pub fn optional_string(
        &mut self,
        key: &'static str,
        decoder: &mut Decoder,
        what: &str,
    ) -> Option<Spanned<String>> {
        let node = self.optional(key)?;
        decoder.string(node, what)
    }

    /// Every entry, for mappings whose keys are names (sites, environments).
    pub fn entries(&self) -> &'n [(Spanned<String>, Node)] {
        self.entries
    }

    /// Reports every key that was not asked for, suggesting the closest known one.
    pub fn finish(self, decoder: &mut Decoder) {
        for (key, _) in self.entries {
            if self.asked.contains(&key.value.as_str()) {
                continue;
            }
            let mut d = Diagnostic::error(
                "unknown-key",
                key.span,
                format!("unknown key `{}` in {}", key.value, self.what),
            );
            d = match closest(&key.value, self.asked.iter().copied()) {
                Some(near) => d.with_hint(format!("did you mean `{near}`?")),
                None => d.with_hint(format!("known keys: {}", self.asked.join(", "))),
            };
            decoder.push(d);
        }
    }
}
