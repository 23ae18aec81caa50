//! Diagnostics as data: every problem found in a model, with where it is and how to fix it.

use std::fmt;

/// A place in the model file: 1-based line and column (in characters), and the length to underline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
    /// Characters to underline (at least one is shown).
    pub len: u32,
}

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Nothing is written while any error exists.
    Error,
    /// Worth knowing; does not stop the build.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// One problem, pointing at the offending text, with a hint when there is one to give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable identifier of the rule that fired (e.g. `unknown-zone`).
    pub code: &'static str,
    /// Where the problem is.
    pub span: Span,
    /// What is wrong, naming the offending text.
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error.
    pub fn error(code: &'static str, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            span,
            message: message.into(),
            hint: None,
        }
    }

    /// A warning.
    pub fn warning(code: &'static str, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, span, message)
        }
    }

    /// The same diagnostic with a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Whether this diagnostic stops the build.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Sorts diagnostics by position, so they read top to bottom like the file.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (a.span, a.severity, a.code, &a.message).cmp(&(b.span, b.severity, b.code, &b.message))
    });
}

/// Keeps one diagnostic per wrongly typed value: once a value is reported as the wrong type,
/// rules that read it further say nothing more about it.
pub fn one_per_wrong_value(diagnostics: &mut Vec<Diagnostic>) {
    let wrong: Vec<Span> = diagnostics
        .iter()
        .filter(|d| d.code == "wrong-type")
        .map(|d| d.span)
        .collect();
    diagnostics.retain(|d| d.code == "wrong-type" || !wrong.contains(&d.span));
}

/// Renders diagnostics the way compilers do: `file:line:col: error[code]: message`, the source line
/// with the offending text underlined, and the hint.
pub fn render(diagnostics: &[Diagnostic], path: &str, source: &str) -> String {
    let lines: Vec<&str> = source.lines().collect();
    let mut out = String::new();
    for d in diagnostics {
        let Span { line, column, len } = d.span;
        out.push_str(&format!(
            "{path}:{line}:{column}: {}[{}]: {}\n",
            d.severity, d.code, d.message
        ));
        let gutter = line.to_string();
        let pad = " ".repeat(gutter.len());
        if let Some(text) = line.checked_sub(1).and_then(|i| lines.get(i as usize)) {
            let indent: String = text
                .chars()
                .take(column.saturating_sub(1) as usize)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            out.push_str(&format!("{pad} |\n{gutter} | {text}\n"));
            out.push_str(&format!(
                "{pad} | {indent}{}\n",
                "^".repeat(len.max(1) as usize)
            ));
        }
        if let Some(hint) = &d.hint {
            out.push_str(&format!("{pad} = hint: {hint}\n"));
        }
    }
    out
}
