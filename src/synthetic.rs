//! Synthetic models for benchmarks and tests: a valid model of any size, the same text every time.
//!
//! Not part of the compiler: `benches/check.rs`, `tests/synthetic.rs` and
//! `examples/synthetic.rs` use it to measure how the pipeline scales.

use std::fmt::Write;

/// The sites' zones, drawn in turn: accepted by `pagerduty_schedule` (see
/// `validate/pagerduty_v1_zones.txt`), with and without daylight saving time, in both
/// hemispheres. A fixed pool, as a large team has many sites but few zones.
pub const ZONES: [&str; 19] = [
    "America/New_York",
    "Europe/Paris",
    "Asia/Shanghai",
    "America/Chicago",
    "Europe/London",
    "Asia/Kolkata",
    "America/Los_Angeles",
    "Europe/Berlin",
    "Asia/Tokyo",
    "America/Denver",
    "Europe/Dublin",
    "Asia/Singapore",
    "Australia/Sydney",
    "America/Sao_Paulo",
    "Africa/Johannesburg",
    "America/Mexico_City",
    "America/Halifax",
    "Pacific/Auckland",
    "Etc/UTC",
];

/// Weekly hours the sites cycle through.
const HOURS: [&str; 4] = [
    "Mon-Fri 08:00-17:00",
    "Mon-Fri 09:00-18:00",
    "Mon-Fri 07:00-16:00",
    "Mon-Sat 10:00-19:00",
];

/// The login email of person `i` (0-based).
pub fn person(i: usize) -> String {
    format!("person.{i:05}@example.com")
}

/// A valid model with `sites` sites, `people` people and `environments` environments.
///
/// People are spread over the sites in turn (each person is in exactly one site; every site gets
/// at least one person, so `people` is raised to `sites` when smaller). Zones come from
/// [`ZONES`] in turn. Every tenth person also covers weekends in the exceptions rotation;
/// each site has one dated sign-up; the catch-all has the first (up to) five people. Each
/// environment has its own service, label and Slack channel. The text depends only on the
/// arguments.
pub fn synthetic_model(sites: usize, people: usize, environments: usize) -> String {
    let sites = sites.max(1);
    let people = people.max(sites);
    let environments = environments.max(1);
    let mut out = String::with_capacity(200 * (sites + people + environments));
    let w = &mut out;
    let _ = writeln!(
        w,
        "# Synthetic on-call model: {sites} sites, {people} people, {environments} environments."
    );
    let _ = writeln!(w, "team: Synthetic SRE");
    let _ = writeln!(w, "anchor: 2027-01-04");
    let _ = writeln!(w, "report:\n  from: 2027-01-01\n  to: 2028-01-01");
    let _ = writeln!(w, "sites:");
    for s in 0..sites {
        let _ = writeln!(w, "  site-{s:04}:");
        let _ = writeln!(w, "    zone: {}", ZONES[s % ZONES.len()]);
        let _ = writeln!(w, "    hours: {}", HOURS[s % HOURS.len()]);
        let _ = writeln!(w, "    turn: 1w");
        let _ = writeln!(w, "    members:");
        for p in (s..people).step_by(sites) {
            let _ = writeln!(w, "      - {}", person(p));
        }
    }
    let _ = writeln!(w, "exceptions:");
    let _ = writeln!(w, "  zone: Etc/UTC");
    let _ = writeln!(w, "  rotation:");
    let _ = writeln!(w, "    hours: Sat-Sun 00:00-24:00");
    let _ = writeln!(w, "    turn: 1w");
    let _ = writeln!(w, "    members:");
    for p in (0..people).step_by(10) {
        let _ = writeln!(w, "      - {}", person(p));
    }
    let _ = writeln!(w, "  signups:");
    for s in 0..sites {
        // One day each, spread over the year, by a member of site `s`.
        let day = chrono::NaiveDate::from_ymd_opt(2027, 1, 4).unwrap_or_default()
            + chrono::Days::new((s % 360) as u64);
        let _ = writeln!(
            w,
            "    - {{ who: {}, from: {day} 00:00, to: {} 00:00, reason: Cover {s} }}",
            person(s),
            day + chrono::Days::new(1)
        );
    }
    let _ = writeln!(w, "catch_all:");
    let _ = writeln!(w, "  zone: Etc/UTC");
    let _ = writeln!(w, "  turn: 1w");
    let _ = writeln!(w, "  members:");
    for p in 0..people.min(5) {
        let _ = writeln!(w, "    - {}", person(p));
    }
    let _ = writeln!(w, "escalation:");
    let _ = writeln!(w, "  loops: 2");
    let _ = writeln!(w, "  rules:");
    let _ = writeln!(
        w,
        "    - {{ levels: [business_hours, exceptions], delay: 15m }}"
    );
    let _ = writeln!(w, "    - {{ levels: [catch_all], delay: 30m }}");
    let _ = writeln!(w, "environments:");
    for e in 0..environments {
        let _ = writeln!(w, "  env-{e:05}:");
        let _ = writeln!(w, "    service: Service_SYNTHETIC_{e:05}");
        let _ = writeln!(
            w,
            "    urgency: {}",
            if e % 3 == 0 { "low" } else { "high" }
        );
        let _ = writeln!(w, "    slack: \"#synthetic-{e:05}\"");
        let _ = writeln!(w, "    label: synthetic-{e:05}");
        let _ = writeln!(w, "    auto_resolve: 24h");
        if e % 2 == 1 {
            let _ = writeln!(w, "    ack_timeout: 1h");
        }
    }
    let _ = writeln!(w, "alertmanager:");
    let _ = writeln!(w, "  env_label: env");
    let _ = writeln!(w, "  page_when: ['severity=\"critical\"']");
    let _ = writeln!(w, "  group_by: [alertname, env]");
    let _ = writeln!(w, "  group_wait: 30s");
    let _ = writeln!(w, "  group_interval: 5m");
    let _ = writeln!(w, "  repeat_interval: 4h");
    let _ = writeln!(w, "  key_dir: /etc/alertmanager/pagerduty");
    let _ = writeln!(w, "  slack_webhook_file: /etc/alertmanager/slack-webhook");
    let _ = writeln!(w, "  unrouted_slack: \"#synthetic-alerts\"");
    out
}
