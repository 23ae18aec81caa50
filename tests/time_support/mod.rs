//! Hand-built plans for the time-engine tests and the coverage benchmark.

#![allow(dead_code)]

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use oncallc::plan::{
    Alertmanager, EscalationPolicy, EscalationRule, Layer, Level, Plan, ReportWindow, Restriction,
    Schedule, User,
};
use std::collections::BTreeMap;

/// The repository's example model, planned by the real pipeline.
pub fn example_plan() -> Plan {
    let path = camino::Utf8PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/acm/oncall.yaml"
    ));
    match oncallc::pipeline::plan_file(&path, &oncallc::pipeline::Options::default()) {
        Ok(planned) => planned.plan,
        Err(err) => panic!("{path} does not plan:\n{err}"),
    }
}

/// An RFC 3339 instant.
pub fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap_or_else(|e| panic!("{text}: {e}"))
        .with_timezone(&Utc)
}

/// A local wall-clock time (`YYYY-MM-DD HH:MM`) resolved in `zone` (earliest when repeated).
pub fn local(zone: Tz, text: &str) -> DateTime<FixedOffset> {
    let naive = NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M")
        .unwrap_or_else(|e| panic!("{text}: {e}"));
    zone.from_local_datetime(&naive)
        .earliest()
        .unwrap_or_else(|| panic!("{text} does not exist in {zone}"))
        .fixed_offset()
}

/// `HH:MM`.
pub fn hm(text: &str) -> NaiveTime {
    NaiveTime::parse_from_str(text, "%H:%M").unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// Weekly restrictions on ISO `days` (1 = Monday), each opening at `start` for `seconds`.
pub fn weekly(days: &[u8], start: &str, seconds: u32) -> Vec<Restriction> {
    days.iter()
        .map(|&day| Restriction {
            start_day_of_week: Some(day),
            start_time_of_day: hm(start),
            duration_seconds: seconds,
        })
        .collect()
}

/// A daily restriction opening at `start` for `seconds`.
pub fn daily(start: &str, seconds: u32) -> Vec<Restriction> {
    vec![Restriction {
        start_day_of_week: None,
        start_time_of_day: hm(start),
        duration_seconds: seconds,
    }]
}

/// One open-ended layer starting (and rotating from) `origin`.
pub fn layer(
    origin: DateTime<FixedOffset>,
    turn_seconds: u32,
    users: &[&str],
    restrictions: Vec<Restriction>,
) -> Layer {
    Layer {
        name: "layer".into(),
        start: origin,
        end: None,
        rotation_virtual_start: origin,
        turn_seconds,
        users: users.iter().map(|u| u.to_string()).collect(),
        restrictions,
    }
}

/// A business-hours site: Mon-Fri `start` for `hours`, weekly turns from 2027-01-04 local midnight,
/// the way the planner builds level 1.
pub fn site(name: &str, zone: Tz, start: &str, hours: u32, members: &[&str]) -> Schedule {
    schedule(
        Level::BusinessHours,
        Some(name),
        zone,
        vec![layer(
            local(zone, "2027-01-04 00:00"),
            7 * 86_400,
            members,
            weekly(&[1, 2, 3, 4, 5], start, hours * 3600),
        )],
    )
}

/// A schedule with the given layers.
pub fn schedule(level: Level, site: Option<&str>, zone: Tz, layers: Vec<Layer>) -> Schedule {
    let key = site.unwrap_or(level.key());
    Schedule {
        level,
        site: site.map(str::to_string),
        tf_name: key.replace('-', "_"),
        name: key.to_string(),
        zone,
        layers,
    }
}

/// A plan holding `schedules`; each entry of `rules` lists the schedule indexes of one rule.
pub fn plan(schedules: Vec<Schedule>, rules: Vec<Vec<usize>>) -> Plan {
    let mut users = BTreeMap::new();
    for email in schedules
        .iter()
        .flat_map(|s| &s.layers)
        .flat_map(|l| &l.users)
    {
        users.insert(
            email.clone(),
            User {
                email: email.clone(),
                tf_name: email.replace(['@', '.'], "_"),
            },
        );
    }
    let rules = rules
        .into_iter()
        .map(|indexes| EscalationRule {
            delay_minutes: 15,
            levels: {
                let mut levels: Vec<Level> = indexes.iter().map(|&i| schedules[i].level).collect();
                levels.dedup();
                levels
            },
            schedules: indexes,
        })
        .collect();
    Plan {
        team: "Test team".into(),
        source: "oncall.yaml".into(),
        users,
        schedules,
        policy: EscalationPolicy {
            tf_name: "test".into(),
            name: "Test - Escalation".into(),
            loops: 0,
            rules,
        },
        environments: Vec::new(),
        alertmanager: Alertmanager {
            env_label: "env".into(),
            page_matchers: Vec::new(),
            group_by: Vec::new(),
            group_wait: "30s".into(),
            group_interval: "5m".into(),
            repeat_interval: "4h".into(),
            repeat_interval_seconds: 4 * 3600,
            slack_webhook_file: "/dev/null".into(),
            unrouted_receiver: "unrouted".into(),
            unrouted_channel: "#unrouted".into(),
            pagerduty_url: None,
        },
        report_window: ReportWindow {
            from: NaiveDate::from_ymd_opt(2027, 1, 1).expect("date"),
            to: NaiveDate::from_ymd_opt(2028, 1, 1).expect("date"),
        },
    }
}

/// A synthetic follow-the-sun team: `sites` sites spread over real zones, `per_site` members
/// each, Mon-Fri 08:00-17:00 weekly rotations, plus weekend cover and a catch-all.
pub fn synthetic_plan(sites: usize, per_site: usize) -> Plan {
    const ZONES: [Tz; 25] = [
        chrono_tz::Asia::Shanghai,
        chrono_tz::Europe::Paris,
        chrono_tz::America::Chicago,
        chrono_tz::America::New_York,
        chrono_tz::Asia::Kolkata,
        chrono_tz::Asia::Kathmandu,
        chrono_tz::Australia::Sydney,
        chrono_tz::Australia::Adelaide,
        chrono_tz::Australia::Lord_Howe,
        chrono_tz::Pacific::Auckland,
        chrono_tz::Pacific::Chatham,
        chrono_tz::Asia::Tokyo,
        chrono_tz::Asia::Singapore,
        chrono_tz::Asia::Tehran,
        chrono_tz::Asia::Dubai,
        chrono_tz::Europe::London,
        chrono_tz::Europe::Berlin,
        chrono_tz::Europe::Helsinki,
        chrono_tz::Africa::Johannesburg,
        chrono_tz::America::Sao_Paulo,
        chrono_tz::America::Santiago,
        chrono_tz::America::Denver,
        chrono_tz::America::Los_Angeles,
        chrono_tz::America::St_Johns,
        chrono_tz::Pacific::Honolulu,
    ];
    let mut schedules = Vec::new();
    for s in 0..sites {
        let zone = ZONES[s % ZONES.len()];
        let members: Vec<String> = (0..per_site)
            .map(|m| format!("person{m}.site{s}@example.com"))
            .collect();
        let members: Vec<&str> = members.iter().map(String::as_str).collect();
        schedules.push(site(&format!("site-{s}"), zone, "08:00", 9, &members));
    }
    let weekend = layer(
        local(chrono_tz::America::New_York, "2027-01-04 00:00"),
        7 * 86_400,
        &["weekend.a@example.com", "weekend.b@example.com"],
        weekly(&[6, 7], "00:00", 86_400),
    );
    schedules.push(schedule(
        Level::Exceptions,
        None,
        chrono_tz::America::New_York,
        vec![weekend],
    ));
    let catch_all = layer(
        local(chrono_tz::Etc::UTC, "2027-01-04 00:00"),
        7 * 86_400,
        &["lead@example.com"],
        Vec::new(),
    );
    schedules.push(schedule(
        Level::CatchAll,
        None,
        chrono_tz::Etc::UTC,
        vec![catch_all],
    ));
    let first: Vec<usize> = (0..=sites).collect();
    plan(schedules, vec![first, vec![sites + 1]])
}
