//! How long `oncallc check` takes, stage by stage, on the example and on synthetic models of three
//! sizes (sites/people/environments): 50/500/500, 100/1000/1000, 200/2000/2000.
//!
//! - `plan`: load + validate + plan, from the model text in memory;
//! - `render`: emit every file in memory;
//! - `self_check`: parse the rendered HCL and YAML back;
//! - `compare`: compare the rendered files with an output directory already built;
//! - `check`: everything `oncallc check` does but print: read the model, plan, render,
//!   self-check, compare.
//!
//! `cargo bench --bench check`; the whole-process timings are `scripts/bench-process.sh`'s.

use camino::{Utf8Path, Utf8PathBuf};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use oncallc::files::Files;
use oncallc::pipeline::{self, Options};
use oncallc::synthetic::synthetic_model;
use std::hint::black_box;
use std::time::Duration;

/// Synthetic sizes: sites, people, environments.
const SIZES: [(usize, usize, usize); 3] = [(50, 500, 500), (100, 1000, 1000), (200, 2000, 2000)];

/// One model to measure, written to a temporary directory with its output built, and its plan
/// and files kept for the stages that start from them.
struct Case {
    name: String,
    model: Utf8PathBuf,
    out: Utf8PathBuf,
    text: String,
    planned: pipeline::Planned,
    files: Files,
    _dir: tempfile::TempDir,
}

impl Case {
    fn new(name: String, text: String) -> Case {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = Utf8PathBuf::from_path_buf(dir.path().to_path_buf()).expect("utf-8 tempdir");
        let model = root.join("oncall.yaml");
        let out = root.join("generated");
        std::fs::write(&model, &text).expect("write model");
        let (planned, files) = pipeline::compile(&model, &options(&out)).expect("model compiles");
        files.write(&out).expect("build output");
        assert!(files.compare(&out).expect("compare").is_clean());
        Case {
            name,
            model,
            out,
            text,
            planned,
            files,
            _dir: dir,
        }
    }
}

/// The options `oncallc check --out OUT` compiles with.
fn options(out: &Utf8Path) -> Options {
    Options {
        today: None,
        out_dir: Some(out.to_owned()),
        skip_self_check: true,
    }
}

fn cases() -> Vec<Case> {
    let example = Utf8Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/acm/oncall.yaml");
    let mut cases = vec![Case::new(
        "example".into(),
        std::fs::read_to_string(example).expect("read the example"),
    )];
    for (sites, people, environments) in SIZES {
        cases.push(Case::new(
            format!("synthetic-{sites}-{people}-{environments}"),
            synthetic_model(sites, people, environments),
        ));
    }
    cases
}

fn plan(case: &Case) {
    let planned = pipeline::plan_text(&case.model, &case.text, &options(&case.out));
    black_box(planned.expect("model plans"));
}

fn render(case: &Case) {
    black_box(pipeline::render(&case.planned.plan));
}

fn self_check(case: &Case) {
    pipeline::self_check(&case.files).expect("self-check");
}

fn compare(case: &Case) {
    let drift = case.files.compare(&case.out).expect("compare");
    assert!(drift.is_clean());
}

fn check(case: &Case) {
    let (planned, files) = pipeline::compile(&case.model, &options(&case.out)).expect("compiles");
    let drift = files.compare(&case.out).expect("compare");
    assert!(drift.is_clean());
    black_box((planned, drift));
}

/// One measured stage.
type Stage = fn(&Case);

fn stages(c: &mut Criterion) {
    let cases = cases();
    let stages: [(&str, Stage); 5] = [
        ("plan", plan),
        ("render", render),
        ("self_check", self_check),
        ("compare", compare),
        ("check", check),
    ];
    for (stage, run) in stages {
        let mut group = c.benchmark_group(stage);
        for case in &cases {
            group.throughput(Throughput::Bytes(case.text.len() as u64));
            group.bench_with_input(BenchmarkId::from_parameter(&case.name), case, |b, case| {
                b.iter(|| run(black_box(case)))
            });
        }
        group.finish();
    }
}

criterion_group! {
    name = benches;
    // Modest so the whole run takes a few minutes on two cores.
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = stages
}
criterion_main!(benches);
