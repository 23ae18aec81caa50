//! The whole pipeline in one call: load -> validate -> plan -> emit, with the self-check.

use crate::diagnostic::{self, Diagnostic};
use crate::emit;
use crate::files::Files;
use crate::plan::{self, Plan, PlanOptions};
use camino::{Utf8Path, Utf8PathBuf};
use chrono::NaiveDate;

/// Why the pipeline stopped.
#[derive(Debug)]
pub enum Error {
    /// The model file could not be read.
    Io(String),
    /// The model has errors: the diagnostics, rendered against the source.
    Model {
        /// Every diagnostic (errors and warnings), sorted.
        diagnostics: Vec<Diagnostic>,
        /// The diagnostics rendered with file:line:col and source excerpts.
        rendered: String,
    },
    /// A bug: planning or the self-check failed on a valid model.
    Internal(String),
    /// The rendered files break cross-system invariants (see [`crate::crosscheck`]), one each.
    Invariants(Vec<String>),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Io(message) | Error::Internal(message) => f.write_str(message),
            Error::Model { rendered, .. } => f.write_str(rendered),
            Error::Invariants(violations) => {
                writeln!(f, "the generated files break cross-system invariants:")?;
                violations.iter().try_for_each(|v| writeln!(f, "  - {v}"))
            }
        }
    }
}

/// A valid model, planned.
#[derive(Debug)]
pub struct Planned {
    /// The resolved model.
    pub plan: Plan,
    /// Warnings found on the way, rendered (empty when none).
    pub warnings: String,
}

/// Options of a compilation that do not come from the model.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Sign-ups that ended by this day are left out.
    pub today: Option<NaiveDate>,
    /// The output directory, used to name the model relative to it in file headers.
    pub out_dir: Option<Utf8PathBuf>,
    /// Skip the emitters' parse-back. `check` sets it: it only accepts output byte-identical to
    /// what `build` parsed back when it wrote it, and the invariants still read every file back.
    pub skip_self_check: bool,
}

/// Loads, validates and plans the model at `path`.
pub fn plan_file(path: &Utf8Path, options: &Options) -> Result<Planned, Error> {
    let text =
        std::fs::read_to_string(path).map_err(|e| Error::Io(format!("cannot read {path}: {e}")))?;
    plan_text(path, &text, options)
}

/// Validates and plans model `text` read from `path`.
pub fn plan_text(path: &Utf8Path, text: &str, options: &Options) -> Result<Planned, Error> {
    let (model, mut found) = crate::model::load(text);
    if !found
        .iter()
        .any(|d| d.code == "yaml-syntax" || d.code == "empty-model")
    {
        found.extend(crate::validate::validate(&model));
    }
    diagnostic::one_per_wrong_value(&mut found);
    diagnostic::sort(&mut found);
    let rendered = diagnostic::render(&found, path.as_str(), text);
    if found.iter().any(Diagnostic::is_error) {
        return Err(Error::Model {
            diagnostics: found,
            rendered,
        });
    }
    let source = source_name(path, options.out_dir.as_deref());
    let plan_options = PlanOptions {
        source,
        today: options.today,
    };
    let plan = plan::plan(&model, &plan_options).map_err(|e| Error::Internal(e.to_string()))?;
    Ok(Planned {
        plan,
        warnings: rendered,
    })
}

/// Renders every output file of a plan, in memory.
pub fn render(plan: &Plan) -> Files {
    let mut files = render_targets(plan);
    files.extend(render_docs(plan));
    files
}

/// The files tools consume: Terraform and Alertmanager configuration.
fn render_targets(plan: &Plan) -> Files {
    let mut files = Files::new();
    emit::terraform::emit(plan, &mut files);
    emit::alertmanager::emit(plan, &mut files);
    files
}

/// The files people read: the coverage report and its charts.
fn render_docs(plan: &Plan) -> Files {
    let mut files = Files::new();
    emit::docs::emit(plan, &mut files);
    files
}

/// Parses the rendered HCL and YAML back, so a broken emitter never writes.
pub fn self_check(files: &Files) -> Result<(), Error> {
    emit::terraform::parse_back(files).map_err(Error::Internal)?;
    emit::alertmanager::parse_back(files).map_err(Error::Internal)?;
    Ok(())
}

/// Checks the rendered files against the plan across both systems.
pub fn invariants(plan: &Plan, files: &Files) -> Result<(), Error> {
    let violations = crate::crosscheck::check(plan, files);
    if violations.is_empty() {
        return Ok(());
    }
    Err(Error::Invariants(
        violations.iter().map(ToString::to_string).collect(),
    ))
}

/// Plans and renders the model at `path`, with the self-check and the invariants.
///
/// The documents (a year of simulated schedules) render on a second thread while the
/// configuration is rendered and checked: the output is the same, in the same order.
pub fn compile(path: &Utf8Path, options: &Options) -> Result<(Planned, Files), Error> {
    let planned = plan_file(path, options)?;
    let plan = &planned.plan;
    let files = std::thread::scope(|scope| {
        let docs = scope.spawn(|| render_docs(plan));
        let mut files = render_targets(plan);
        let checked = verify(plan, &files, options);
        let docs = docs
            .join()
            .map_err(|_| Error::Internal("rendering the documents failed".into()))?;
        checked?;
        files.extend(docs);
        Ok::<Files, Error>(files)
    })?;
    Ok((planned, files))
}

fn verify(plan: &Plan, files: &Files, options: &Options) -> Result<(), Error> {
    if !options.skip_self_check {
        self_check(files)?;
    }
    invariants(plan, files)
}

/// How headers name the model: its path relative to the output directory when both are known
/// (the same on every machine that has the repository), else its file name.
fn source_name(model: &Utf8Path, out_dir: Option<&Utf8Path>) -> String {
    let file_name = || model.file_name().unwrap_or(model.as_str()).to_owned();
    let Some(out_dir) = out_dir else {
        return file_name();
    };
    let Ok(cwd) = std::env::current_dir() else {
        return file_name();
    };
    let Ok(cwd) = Utf8PathBuf::from_path_buf(cwd) else {
        return file_name();
    };
    let model = normalize(&cwd.join(model));
    let out_dir = normalize(&cwd.join(out_dir));
    relative(&model, &out_dir)
        .map(|p| p.to_string())
        .unwrap_or_else(file_name)
}

/// Resolves `.` and `..` lexically.
fn normalize(path: &Utf8Path) -> Utf8PathBuf {
    let mut out = Utf8PathBuf::new();
    for part in path.components() {
        match part {
            camino::Utf8Component::CurDir => {}
            camino::Utf8Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// `path` relative to the directory `base`, both absolute and normalized.
fn relative(path: &Utf8Path, base: &Utf8Path) -> Option<Utf8PathBuf> {
    let path: Vec<_> = path.components().collect();
    let base: Vec<_> = base.components().collect();
    let common = path.iter().zip(&base).take_while(|(a, b)| a == b).count();
    if common == 0 {
        return None;
    }
    let mut out = Utf8PathBuf::new();
    for _ in common..base.len() {
        out.push("..");
    }
    for part in &path[common..] {
        out.push(part);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_climb_out_of_the_output() {
        let r = relative(
            Utf8Path::new("/r/examples/acm/oncall.yaml"),
            Utf8Path::new("/r/generated/acm"),
        );
        assert_eq!(r.unwrap(), "../../examples/acm/oncall.yaml");
        assert_eq!(normalize(Utf8Path::new("/r/./a/../b")), "/r/b");
    }
}
