//! Human-facing documents under `docs/`: `COVERAGE.md` and one weekly SVG chart per DST regime,
//! rendered with minijinja from `templates/` over the model's fixed report window.

mod chart;
mod markdown;
mod value;

use crate::emit::header::xml_comment;
use crate::files::Files;
use crate::plan::Plan;
use crate::time;
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use minijinja::{AutoEscape, Environment};

const MARKDOWN: &str = "coverage.md.j2";
const SVG: &str = "coverage.svg.j2";

/// Writes `docs/COVERAGE.md` and `docs/coverage-<regime>.svg` for the plan's report window.
pub fn emit(plan: &Plan, files: &mut Files) {
    let (from, to) = (
        midnight(plan.report_window.from),
        midnight(plan.report_window.to),
    );
    let report = time::coverage(plan, from, to);
    let env = environment();
    let (schedules, title) = match plan.policy.rules.first() {
        Some(rule) => (rule.schedules.clone(), "First responders (rule 1)"),
        None => ((0..plan.schedules.len()).collect(), "All schedules"),
    };
    let mut charts = Vec::new();
    for regime in time::regimes(plan, &schedules, from, to) {
        let file = format!("coverage-{}.svg", regime.slug);
        let context = chart::chart(plan, &schedules, title, &regime);
        let svg = render(&env, SVG, &value::to_value(&context));
        files.insert(
            format!("docs/{file}"),
            format!("{}{svg}", xml_comment(plan)),
        );
        charts.push(markdown::ChartRef::new(&regime, file));
    }
    let document = markdown::document(&plan.team, &report, charts);
    let text = render(&env, MARKDOWN, &value::to_value(&document));
    files.insert("docs/COVERAGE.md", format!("{}{text}", xml_comment(plan)));
}

fn midnight(day: NaiveDate) -> DateTime<Utc> {
    day.and_time(NaiveTime::MIN).and_utc()
}

/// The template environment: the templates are compiled in, values in SVG are XML-escaped
/// (`&`, `<`, `>`, `"`, `'` only, so zone names keep their slashes).
fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    let syntax = minijinja::syntax::SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .keep_trailing_newline(true)
        .build();
    match syntax {
        Ok(syntax) => env.set_syntax(syntax),
        Err(e) => panic!("template syntax: {e}"),
    }
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".svg.j2") {
            AutoEscape::Custom("xml".into())
        } else {
            AutoEscape::None
        }
    });
    env.set_formatter(|out, state, value| match state.auto_escape() {
        AutoEscape::Custom(name) if name == "xml" && !value.is_safe() => out
            .write_str(&value::xml(&value.to_string()))
            .map_err(|_| minijinja::Error::new(minijinja::ErrorKind::WriteFailure, "write")),
        _ => minijinja::escape_formatter(out, state, value),
    });
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.add_filter("cell", value::cell);
    let templates = [
        (MARKDOWN, include_str!("../../../templates/coverage.md.j2")),
        (SVG, include_str!("../../../templates/coverage.svg.j2")),
    ];
    for (name, source) in templates {
        if let Err(e) = env.add_template(name, source) {
            panic!("template {name} does not parse: {e}");
        }
    }
    env
}

/// Renders a compiled-in template; a failure is a bug in the template, caught by the tests.
fn render(env: &Environment<'_>, name: &str, context: &minijinja::Value) -> String {
    let rendered = env
        .get_template(name)
        .and_then(|template| template.render(context));
    match rendered {
        Ok(mut text) => {
            if !text.ends_with('\n') {
                text.push('\n');
            }
            text
        }
        Err(e) => panic!("template {name} does not render: {e:#}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_parse() {
        let env = environment();
        assert!(env.get_template(MARKDOWN).is_ok());
        assert!(env.get_template(SVG).is_ok());
    }
}
