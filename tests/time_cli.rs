//! `oncallc coverage` and `oncallc who`, called through their `run` functions.

use camino::Utf8PathBuf;
use chrono::{DateTime, NaiveDate};
use oncallc::cli::Outcome;
use oncallc::cli::coverage::{self, CoverageArgs, Format};
use oncallc::cli::who::{self, WhoArgs};

fn example() -> Utf8PathBuf {
    Utf8PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/acm/oncall.yaml"
    ))
}

fn date(text: &str) -> Option<NaiveDate> {
    Some(NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date"))
}

fn coverage_args(from: &str, to: Option<&str>, fail_on_gap: bool, format: Format) -> CoverageArgs {
    CoverageArgs {
        model: example(),
        from: date(from),
        to: to.and_then(date),
        fail_on_gap,
        format,
    }
}

fn run_coverage(args: &CoverageArgs) -> (Outcome, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let outcome = coverage::run(args, &mut out, &mut err).expect("coverage runs");
    (outcome, String::from_utf8(out).expect("utf-8"))
}

#[test]
fn coverage_shows_the_us_dst_gap_and_fails_on_it() {
    let args = coverage_args("2027-01-01", Some("2028-01-01"), true, Format::Text);
    let (outcome, text) = run_coverage(&args);
    assert_eq!(outcome, Outcome::Failed);
    assert!(text.starts_with("Coverage of AOC ACM SRE, 2027-01-01 to 2028-01-01"));
    assert!(text.contains(
        "    Mon-Thu 23:00-00:00 UTC, 2027-03-15..2027-11-04 (136x): \
         Austin ends 18:00 CDT, Xian starts 08:00 CST\n"
    ));
    assert!(text.contains("2027-03-14 08:00 UTC America/Chicago: -06:00 CST -> -05:00 CDT"));
}

#[test]
fn coverage_passes_without_the_flag_and_on_a_covered_window() {
    let args = coverage_args("2027-01-01", Some("2028-01-01"), false, Format::Text);
    assert_eq!(run_coverage(&args).0, Outcome::Ok);
    // Tuesday 2027-01-12, 00:00-23:00 UTC: Xian, Paris, Boston and Austin hand over seamlessly.
    let mut args = coverage_args("2027-01-12", Some("2027-01-13"), true, Format::Text);
    args.to = date("2027-01-13");
    let (outcome, text) = run_coverage(&args);
    assert_eq!(outcome, Outcome::Ok, "{text}");
}

#[test]
fn coverage_json_holds_the_same_data() {
    let args = coverage_args("2027-03-15", Some("2027-03-22"), false, Format::Json);
    let (_, text) = run_coverage(&args);
    let json: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(json["from"], "2027-03-15T00:00:00Z");
    assert_eq!(json["to"], "2027-03-22T00:00:00Z");
    let keys: Vec<&str> = json["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .map(|g| g["key"].as_str().expect("key"))
        .collect();
    assert_eq!(
        keys,
        [
            "first_responders",
            "business_hours",
            "exceptions",
            "catch_all"
        ]
    );
    assert_eq!(
        json["groups"][0]["gap_patterns"][0]["days"],
        serde_json::json!("Mon-Thu")
    );
}

#[test]
fn coverage_defaults_to_one_year_and_rejects_an_empty_window() {
    let args = coverage_args("2027-02-03", None, false, Format::Json);
    let (_, text) = run_coverage(&args);
    let json: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(json["to"], "2028-02-03T00:00:00Z");

    let args = coverage_args("2027-02-03", Some("2027-02-03"), false, Format::Text);
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let error = coverage::run(&args, &mut out, &mut err).expect_err("empty window");
    assert!(error.0.contains("must be after"));
}

#[test]
fn coverage_reports_model_errors_as_failures() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = Utf8PathBuf::from_path_buf(dir.path().join("oncall.yaml")).expect("utf-8");
    std::fs::write(&path, "team: [unclosed\n").expect("write");
    let mut args = coverage_args("2027-01-01", None, false, Format::Text);
    args.model = path;
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let outcome = coverage::run(&args, &mut out, &mut err).expect("runs");
    assert_eq!(outcome, Outcome::Failed);
    assert!(!err.is_empty());
}

fn run_who(at: &str) -> String {
    let args = WhoArgs {
        model: example(),
        at: Some(DateTime::parse_from_rfc3339(at).expect("instant")),
    };
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(
        who::run(&args, &mut out, &mut err).expect("who runs"),
        Outcome::Ok
    );
    String::from_utf8(out).expect("utf-8")
}

#[test]
fn who_lists_each_rule_and_schedule() {
    let text = run_who("2027-03-16T23:30:00Z");
    assert_eq!(
        text,
        "At 2027-03-16T23:30:00Z:\n\
         rule 1 (business_hours, exceptions), paged after 0 min:\n\
         \x20 Xian        07:30 CST  no one\n\
         \x20 Paris       00:30 CET  no one\n\
         \x20 Austin      18:30 CDT  no one\n\
         \x20 Boston      19:30 EDT  no one\n\
         \x20 Exceptions  23:30 UTC  no one\n\
         \x20 nobody is on call for this rule\n\
         rule 2 (catch_all), paged after 15 min:\n\
         \x20 Catch-all  23:30 UTC  eng.manager@example.com\n"
    );
    let text = run_who("2027-01-12T15:00:00+01:00");
    assert!(text.contains("  Paris       15:00 CET  claire.martin@example.com\n"));
}
