//! A small HCL printer over [`hcl::Body`] whose output is a fixed point of `terraform fmt`.
//!
//! hcl-rs's own formatter writes `key = value` with a single space and never aligns, so its
//! output is not what `terraform fmt` produces. Post-processing that text would mean re-tokenising
//! HCL to tell an assignment's `=` from one inside a string. Instead this printer walks the
//! structure and produces [`Line`]s that already know whether they are a single-line assignment,
//! then applies the alignment rule of hclwrite (the library behind `terraform fmt`,
//! `format.go: formatCells`) over the whole file:
//!
//! * a line joins an alignment chain when it has an `=` after its first token and the rest of
//!   the line is bracket-balanced (`key = value` on one line; `key = [` opening a multi-line
//!   value does not);
//! * a chain is a maximal run of consecutive such lines: a blank line, a block header, a closing
//!   bracket, a list item or a multi-line value breaks it;
//! * every `=` in a chain is placed one column after the widest key (indentation included).
//!
//! Layout choices (all stable under `terraform fmt`, which keeps line breaks as they are): two
//! spaces per nesting level; a blank line between two structures of a body when either is a
//! block; lists of two or more items and all non-empty objects one item per line with trailing
//! commas for list items; empty blocks as `name {}`.
//!
//! Strings (values, block labels, quoted object keys) are quoted by [`quote`]; other leaves
//! (numbers, booleans, traversals) are rendered by hcl-rs. hcl-rs 0.20's own string escaping is
//! not used because it gets runs of markers wrong: it leaves the text `$${x}` as is, which HCL
//! reads back as `${x}` (escaping must turn every `${` into `$${`, so `$${x}` becomes `$$${x}`,
//! which Terraform reads back as `$${x}`).

use hcl::format::Format;
use hcl::{Block, BlockLabel, Body, Expression, ObjectKey, Structure};

/// One output line before alignment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Line {
    /// Nesting depth; each level is two spaces. Zero for verbatim lines.
    pub indent: usize,
    /// The text before the `=` of an alignable assignment, or the whole line.
    pub lead: String,
    /// The value of a single-line assignment (`Some` makes the line part of an alignment chain).
    pub assign: Option<String>,
}

impl Line {
    fn text(indent: usize, lead: impl Into<String>) -> Self {
        Line {
            indent,
            lead: lead.into(),
            assign: None,
        }
    }

    fn assign(indent: usize, key: impl Into<String>, value: String) -> Self {
        Line {
            indent,
            lead: key.into(),
            assign: Some(value),
        }
    }

    fn blank() -> Self {
        Line::text(0, "")
    }
}

/// Prints a body as a complete file fragment, each line ending in a newline.
pub(super) fn print_body(body: &Body) -> String {
    let mut lines = Vec::new();
    body_lines(body, 0, &mut lines);
    render(&lines)
}

/// Joins lines, aligning the `=` of every assignment chain as `terraform fmt` does.
pub(super) fn render(lines: &[Line]) -> String {
    let widths = chain_widths(lines);
    let mut out = String::new();
    for (line, width) in lines.iter().zip(widths) {
        if line.lead.is_empty() && line.assign.is_none() {
            out.push('\n');
            continue;
        }
        out.push_str(&"  ".repeat(line.indent));
        out.push_str(&line.lead);
        if let Some(value) = &line.assign {
            let pad = width.saturating_sub(lead_columns(line)) + 1;
            out.push_str(&" ".repeat(pad));
            out.push_str("= ");
            out.push_str(value);
        }
        out.push('\n');
    }
    out
}

/// For each line, the widest lead of the assignment chain it belongs to (0 outside chains).
fn chain_widths(lines: &[Line]) -> Vec<usize> {
    let mut widths = vec![0; lines.len()];
    let mut start = 0;
    while start < lines.len() {
        if lines[start].assign.is_none() {
            start += 1;
            continue;
        }
        let end = lines[start..]
            .iter()
            .position(|line| line.assign.is_none())
            .map_or(lines.len(), |offset| start + offset);
        let width = lines[start..end]
            .iter()
            .map(lead_columns)
            .max()
            .unwrap_or(0);
        widths[start..end].fill(width);
        start = end;
    }
    widths
}

/// Columns taken by indentation and lead. Leads are keys (identifiers or quoted ASCII keys);
/// counting chars matches hclwrite's grapheme count for them.
fn lead_columns(line: &Line) -> usize {
    line.indent * 2 + line.lead.chars().count()
}

fn body_lines(body: &Body, indent: usize, out: &mut Vec<Line>) {
    let mut previous_was_block = None;
    for structure in body.iter() {
        let is_block = matches!(structure, Structure::Block(_));
        if let Some(previous) = previous_was_block
            && (previous || is_block)
        {
            out.push(Line::blank());
        }
        previous_was_block = Some(is_block);
        match structure {
            Structure::Attribute(attr) => assignment_lines(attr.key(), attr.expr(), indent, out),
            Structure::Block(block) => block_lines(block, indent, out),
        }
    }
}

fn block_lines(block: &Block, indent: usize, out: &mut Vec<Line>) {
    let mut header = block.identifier().to_string();
    for label in block.labels() {
        header.push(' ');
        match label {
            BlockLabel::String(text) => header.push_str(&quote(text)),
            other => header.push_str(&format_leaf(other)),
        }
    }
    if block.body().iter().next().is_none() {
        out.push(Line::text(indent, header + " {}"));
        return;
    }
    out.push(Line::text(indent, header + " {"));
    body_lines(block.body(), indent + 1, out);
    out.push(Line::text(indent, "}"));
}

/// `key = value` for attributes and object items.
fn assignment_lines(key: &str, expr: &Expression, indent: usize, out: &mut Vec<Line>) {
    match render_expr(expr, indent) {
        Rendered::Inline(value) => out.push(Line::assign(indent, key, value)),
        Rendered::Multi { open, inner, close } => {
            out.push(Line::text(indent, format!("{key} = {open}")));
            out.extend(inner);
            out.push(close);
        }
    }
}

/// An expression laid out either on the current line or over several lines.
enum Rendered {
    Inline(String),
    Multi {
        open: String,
        inner: Vec<Line>,
        close: Line,
    },
}

fn render_expr(expr: &Expression, indent: usize) -> Rendered {
    match expr {
        Expression::Array(items) => {
            if items.len() <= 1 {
                match items.first().map(|item| render_expr(item, indent)) {
                    None => return Rendered::Inline("[]".into()),
                    Some(Rendered::Inline(value)) => return Rendered::Inline(format!("[{value}]")),
                    Some(Rendered::Multi { .. }) => {}
                }
            }
            let mut inner = Vec::new();
            for item in items {
                match render_expr(item, indent + 1) {
                    Rendered::Inline(value) => inner.push(Line::text(indent + 1, value + ",")),
                    Rendered::Multi {
                        open,
                        inner: nested,
                        mut close,
                    } => {
                        inner.push(Line::text(indent + 1, open));
                        inner.extend(nested);
                        close.lead.push(',');
                        inner.push(close);
                    }
                }
            }
            Rendered::Multi {
                open: "[".into(),
                inner,
                close: Line::text(indent, "]"),
            }
        }
        Expression::Object(object) if !object.is_empty() => {
            let mut inner = Vec::new();
            for (key, value) in object {
                assignment_lines(&object_key(key), value, indent + 1, &mut inner);
            }
            Rendered::Multi {
                open: "{".into(),
                inner,
                close: Line::text(indent, "}"),
            }
        }
        Expression::String(text) => Rendered::Inline(quote(text)),
        other => {
            let text = format_leaf(other);
            match text.split_once('\n') {
                None => Rendered::Inline(text),
                // Not produced by this emitter (heredocs and the like): kept verbatim, unaligned.
                Some((first, rest)) => {
                    let mut inner: Vec<Line> = rest.lines().map(|l| Line::text(0, l)).collect();
                    let close = inner.pop().unwrap_or_else(|| Line::text(0, ""));
                    Rendered::Multi {
                        open: first.to_string(),
                        inner,
                        close,
                    }
                }
            }
        }
    }
}

fn object_key(key: &ObjectKey) -> String {
    match key {
        ObjectKey::Identifier(ident) => ident.to_string(),
        ObjectKey::Expression(Expression::String(text)) => quote(text),
        other => format_leaf(other),
    }
}

/// A quoted HCL string literal that reads back as exactly `text`: `"` and `\` escaped, `\n`,
/// `\r`, `\t`, other control characters as `\uXXXX`, every `${` as `$${` and every `%{` as
/// `%%{`; all other characters (non-ASCII included) as they are.
pub(super) fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '$' | '%' if chars.peek() == Some(&'{') => {
                out.push(ch);
                out.push(ch);
            }
            c if c.is_control() => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// hcl-rs's rendering of a leaf. hcl-rs documents that formatting into memory cannot fail; were
/// it to, the empty text makes the file unparsable and [`super::parse_back`] reports it.
fn format_leaf<T: Format>(value: &T) -> String {
    hcl::format::to_string(value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use hcl::{Attribute, Identifier, Traversal, Variable};

    fn print(body: Body) -> String {
        print_body(&body)
    }

    #[test]
    fn aligns_consecutive_single_line_attributes() {
        let body = Body::builder()
            .add_block(
                Block::builder("resource")
                    .add_label("t")
                    .add_label("n")
                    .add_attribute(("name", "x"))
                    .add_attribute(("time_zone", "Asia/Shanghai"))
                    .add_attribute(("n", 1))
                    .build(),
            )
            .build();
        assert_eq!(
            print(body),
            "resource \"t\" \"n\" {\n  name      = \"x\"\n  time_zone = \"Asia/Shanghai\"\n  n         = 1\n}\n"
        );
    }

    #[test]
    fn blocks_break_alignment_groups_and_are_separated_by_blank_lines() {
        let body = Body::builder()
            .add_attribute(("a", 1))
            .add_attribute(("bbb", 2))
            .add_block(Block::builder("inner").add_attribute(("x", 1)).build())
            .add_block(Block::builder("empty").build())
            .add_attribute(("cccc", 3))
            .add_attribute(("d", 4))
            .build();
        assert_eq!(
            print(body),
            "a   = 1\nbbb = 2\n\ninner {\n  x = 1\n}\n\nempty {}\n\ncccc = 3\nd    = 4\n"
        );
    }

    #[test]
    fn blank_lines_break_alignment_groups() {
        let lines = vec![
            Line::assign(0, "a", "1".into()),
            Line::assign(0, "bb", "2".into()),
            Line::blank(),
            Line::assign(0, "cccc", "3".into()),
            Line::assign(0, "d", "4".into()),
        ];
        assert_eq!(render(&lines), "a  = 1\nbb = 2\n\ncccc = 3\nd    = 4\n");
    }

    #[test]
    fn multi_line_values_break_alignment_groups() {
        let reference = |name: &str| {
            Expression::from(
                Traversal::builder(Variable::unchecked("data"))
                    .attr(Identifier::unchecked("pagerduty_user"))
                    .attr(Identifier::unchecked(name))
                    .attr(Identifier::unchecked("id"))
                    .build(),
            )
        };
        let body = Body::builder()
            .add_attribute(("a", 1))
            .add_attribute(Attribute::new(
                "users",
                Expression::Array(vec![reference("x"), reference("y")]),
            ))
            .add_attribute(("long_name", 2))
            .add_attribute(("b", 3))
            .add_attribute(Attribute::new(
                "one",
                Expression::Array(vec![reference("z")]),
            ))
            .build();
        assert_eq!(
            print(body),
            "a = 1\nusers = [\n  data.pagerduty_user.x.id,\n  data.pagerduty_user.y.id,\n]\n\
             long_name = 2\nb         = 3\none       = [data.pagerduty_user.z.id]\n"
        );
    }

    #[test]
    fn objects_are_multi_line_and_aligned_inside() {
        let mut object = hcl::Object::new();
        object.insert(
            ObjectKey::Identifier(Identifier::unchecked("source")),
            Expression::from("pagerduty/pagerduty"),
        );
        object.insert(
            ObjectKey::Identifier(Identifier::unchecked("version")),
            Expression::from("~> 3.32"),
        );
        let body = Body::builder()
            .add_attribute(("a", 1))
            .add_attribute(Attribute::new("pagerduty", Expression::Object(object)))
            .build();
        assert_eq!(
            print(body),
            "a = 1\npagerduty = {\n  source  = \"pagerduty/pagerduty\"\n  version = \"~> 3.32\"\n}\n"
        );
    }

    #[test]
    fn strings_are_escaped_including_template_markers() {
        let body = Body::builder()
            .add_attribute(("s", "a\"b\\c ${x} %{y} \n é 西安"))
            .build();
        assert_eq!(print(body), "s = \"a\\\"b\\\\c $${x} %%{y} \\n é 西安\"\n");
    }

    #[test]
    fn quote_escapes_every_marker_even_after_a_dollar_or_percent() {
        assert_eq!(quote("$${z} %%{y} $$ % $"), r#""$$${z} %%%{y} $$ % $""#);
        assert_eq!(quote("\u{1}\u{7f}\u{85}\t"), r#""\u0001\u007f\u0085\t""#);
    }
}
