//! The synthetic models the benchmarks measure are valid, deterministic, and compile to the same
//! files every time.

use camino::{Utf8Path, Utf8PathBuf};
use oncallc::pipeline::{self, Options};
use oncallc::synthetic::{ZONES, person, synthetic_model};

const PATH: &str = "synthetic.yaml";

#[test]
fn the_largest_benchmark_model_validates_with_no_diagnostic() {
    let text = synthetic_model(200, 2000, 2000);
    let (model, mut found) = oncallc::model::load(&text);
    assert!(found.is_empty(), "load: {found:#?}");
    found.extend(oncallc::validate::validate(&model));
    assert!(found.is_empty(), "validate: {found:#?}");
    assert_eq!(model.sites.len(), 200);
    assert_eq!(model.environments.len(), 2000);
    let members: usize = model.sites.iter().map(|s| s.rotation.members.len()).sum();
    assert_eq!(members, 2000, "each person is in exactly one site");
    assert!(text.contains(&person(1999)) && !text.contains(&person(2000)));
}

#[test]
fn every_zone_is_one_pagerduty_accepts() {
    for zone in ZONES {
        assert!(oncallc::validate::zones::pagerduty_accepts(zone), "{zone}");
    }
}

#[test]
fn the_generator_is_deterministic() {
    assert_eq!(synthetic_model(50, 500, 500), synthetic_model(50, 500, 500));
    assert_ne!(synthetic_model(50, 500, 500), synthetic_model(50, 500, 501));
}

#[test]
fn small_and_odd_sizes_are_valid_too() {
    for (sites, people, environments) in [(1, 1, 1), (3, 2, 1), (7, 100, 13), (40, 40, 2)] {
        let text = synthetic_model(sites, people, environments);
        let planned = pipeline::plan_text(Utf8Path::new(PATH), &text, &Options::default());
        assert!(
            planned.is_ok(),
            "{sites}/{people}/{environments}: {}",
            planned.err().map(|e| e.to_string()).unwrap_or_default()
        );
    }
}

#[test]
fn the_largest_benchmark_model_builds_the_same_files_twice() {
    let text = synthetic_model(200, 2000, 2000);
    let planned = pipeline::plan_text(Utf8Path::new(PATH), &text, &Options::default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(planned.warnings.is_empty(), "{}", planned.warnings);
    let files = pipeline::render(&planned.plan);
    pipeline::self_check(&files).unwrap_or_else(|e| panic!("{e}"));
    let again = pipeline::render(
        &pipeline::plan_text(Utf8Path::new(PATH), &text, &Options::default())
            .unwrap_or_else(|e| panic!("{e}"))
            .plan,
    );
    assert_eq!(files, again, "rendering is deterministic");

    let dir = tempfile::tempdir().expect("tempdir");
    let dir = Utf8PathBuf::from_path_buf(dir.path().to_path_buf()).expect("utf-8 temp dir");
    let (written, removed) = files.write(&dir.join("a")).expect("write a");
    assert_eq!(written.len(), files.len());
    assert!(removed.is_empty());
    again.write(&dir.join("b")).expect("write b");
    for (path, text) in files.iter() {
        let a = std::fs::read_to_string(dir.join("a").join(path)).expect("read a");
        let b = std::fs::read_to_string(dir.join("b").join(path)).expect("read b");
        assert_eq!(a, text, "{path}");
        assert_eq!(a, b, "{path} differs between two builds");
    }
    assert!(files.compare(&dir.join("a")).expect("compare").is_clean());
}
