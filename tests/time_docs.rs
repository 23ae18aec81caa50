//! The coverage documents: `docs/COVERAGE.md` and one SVG chart per DST regime.

mod time_support;

use chrono_tz::{Asia, Europe};
use oncallc::emit::docs;
use oncallc::emit::header::xml_comment;
use oncallc::files::Files;
use time_support::*;

fn render(plan: &oncallc::plan::Plan) -> Files {
    let mut files = Files::new();
    docs::emit(plan, &mut files);
    files
}

#[test]
fn the_example_gets_a_report_and_one_chart_per_regime() {
    let plan = example_plan();
    let files = render(&plan);
    let paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "docs/COVERAGE.md",
            "docs/coverage-dst-chicago-new-york.svg",
            "docs/coverage-dst.svg",
            "docs/coverage-standard.svg",
        ]
    );
    let header = xml_comment(&plan);
    for (path, text) in files.iter() {
        assert!(text.starts_with(&header), "{path} starts with the header");
        assert!(text.ends_with('\n'), "{path} ends with a newline");
    }
    let md = files.get("docs/COVERAGE.md").expect("report");
    assert!(md.contains(
        "| Mon-Thu 23:00-00:00 UTC | 2027-03-15..2027-11-04 | 136 | **no one** | \
         Austin ends 18:00 CDT, Xian starts 08:00 CST |"
    ));
    assert!(md.contains("**The first responders leave 164h of the window with no one on call**"));
    assert!(md.contains(
        "![Standard time in every zone, week 2027-01-04..2027-01-11](coverage-standard.svg)"
    ));
    assert!(md.contains("| 2027-03-14 08:00 | America/Chicago | -06:00 CST -> -05:00 CDT |"));
}

#[test]
fn charts_are_well_formed_and_show_gaps_overlaps_and_a_legend() {
    let files = render(&example_plan());
    let svg = files
        .get("docs/coverage-dst-chicago-new-york.svg")
        .expect("chart");
    let body = svg.split_once("-->\n").map(|(_, b)| b).expect("header");
    assert!(body.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(body.trim_end().ends_with("</svg>"));
    assert_eq!(body.matches("<g").count(), body.matches("</g>").count());
    assert!(svg.contains("week of 2027-03-15 (UTC)"));
    // Monday-to-Friday 23:00-24:00 UTC: five red one-hour gaps, plus the legend's swatch.
    assert_eq!(
        svg.matches("fill=\"#D62728\"/>").count(),
        5 + 1,
        "gaps and legend swatch"
    );
    assert!(svg.contains("fill=\"url(#overlap)\""));
    for label in [
        "Xian (Asia/Shanghai)",
        "Exceptions (Etc/UTC)",
        "no one on call",
        "more than one on call",
    ] {
        assert!(svg.contains(label), "legend has {label}");
    }
}

#[test]
fn documents_are_deterministic() {
    let plan = example_plan();
    assert_eq!(render(&plan), render(&plan));
}

#[test]
fn hostile_names_are_escaped() {
    let plan = plan(
        vec![
            site("a|b<c>&d", Europe::Paris, "08:00", 9, &["x@example.com"]),
            site("xian", Asia::Shanghai, "08:00", 9, &["y@example.com"]),
        ],
        vec![vec![0, 1]],
    );
    let files = render(&plan);
    let md = files.get("docs/COVERAGE.md").expect("report");
    assert!(md.contains("A\\|b&lt;c>&d"), "{md}");
    for (path, text) in files.iter().filter(|(p, _)| p.extension() == Some("svg")) {
        assert!(!text.contains("b<c>"), "{path}");
        assert!(text.contains("A|b&lt;c&gt;&amp;d"), "{path}");
    }
}

#[test]
fn zones_without_dst_get_one_standard_chart() {
    let plan = plan(
        vec![
            site("xian", Asia::Shanghai, "08:00", 9, &["y@example.com"]),
            site("kolkata", Asia::Kolkata, "09:00", 9, &["k@example.com"]),
        ],
        vec![vec![0, 1]],
    );
    let files = render(&plan);
    let charts: Vec<&str> = files
        .iter()
        .map(|(p, _)| p.as_str())
        .filter(|p| p.ends_with(".svg"))
        .collect();
    assert_eq!(charts, ["docs/coverage-standard.svg"]);
    let md = files.get("docs/COVERAGE.md").expect("report");
    assert!(md.contains("No zone of the model changes its UTC offset in the window."));
}
