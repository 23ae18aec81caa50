//! Hand-built plans for the Terraform emitter tests (shared by `terraform_emit.rs` and
//! `terraform_schema.rs`).

#![allow(dead_code)]

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone};
use chrono_tz::Tz;
use oncallc::plan::{
    Alertmanager, Environment, EscalationPolicy, EscalationRule, Layer, Level, Plan, ReportWindow,
    Restriction, Schedule, Urgency, User,
};
use std::collections::BTreeMap;

/// The example model of the repository, planned by the real pipeline.
pub fn example_plan() -> Plan {
    let path = camino::Utf8Path::new("examples/acm/oncall.yaml");
    match oncallc::pipeline::plan_file(path, &oncallc::pipeline::Options::default()) {
        Ok(planned) => planned.plan,
        Err(err) => panic!("{path} does not plan:\n{err}"),
    }
}

/// Names that stress escaping: quotes, backslashes, template markers, a newline, non-ASCII.
pub const HOSTILE: &str = "Team \"quoted\" \\ back ${x} %{y} $${z} line\nbreak é 西安";

fn at(y: i32, m: u32, d: u32, h: u32, offset_hours: i32) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(offset_hours * 3600)
        .and_then(|o| o.with_ymd_and_hms(y, m, d, h, 0, 0).single())
        .expect("valid fixture time")
}

fn time(h: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, 0, 0).expect("valid fixture time")
}

fn weekdays(from: u32, hours: u32) -> Vec<Restriction> {
    (1..=5)
        .map(|day| Restriction {
            start_day_of_week: Some(day),
            start_time_of_day: time(from),
            duration_seconds: hours * 3600,
        })
        .collect()
}

fn user(email: &str) -> (String, User) {
    let tf_name = email.split('@').next().unwrap_or(email).replace('.', "_");
    (
        email.to_string(),
        User {
            email: email.to_string(),
            tf_name,
        },
    )
}

fn site(tf: &str, name: &str, zone: Tz, offset: i32, members: [&str; 2]) -> Schedule {
    Schedule {
        level: Level::BusinessHours,
        site: Some(tf.to_string()),
        tf_name: format!("business_hours_{tf}"),
        name: format!("AOC ACM SRE - business hours - {name}"),
        zone,
        layers: vec![Layer {
            name: "Weekly rotation".into(),
            start: at(2027, 1, 4, 0, offset),
            end: None,
            rotation_virtual_start: at(2027, 1, 4, 0, offset),
            turn_seconds: 7 * 86400,
            users: members.iter().map(|m| m.to_string()).collect(),
            restrictions: weekdays(8, 9),
        }],
    }
}

fn environment(name: &str, service: &str, urgency: Urgency, ack: Option<u32>) -> Environment {
    let tf_name = name.replace('-', "_");
    Environment {
        name: name.to_string(),
        label_value: name.to_string(),
        tf_name: tf_name.clone(),
        service_name: service.to_string(),
        urgency,
        auto_resolve_seconds: Some(86400),
        ack_timeout_seconds: ack,
        slack_channel: "#acm".into(),
        output_name: format!("{tf_name}_routing_key"),
        key_file: format!("/etc/alertmanager/pagerduty/{name}.key").into(),
        pagerduty_receiver: format!("pagerduty-{name}"),
        slack_receiver: format!("slack-{name}"),
    }
}

/// A plan shaped like `examples/acm/oncall.yaml`: four sites, exceptions (a weekend rotation and a
/// sign-up layer with an end), a catch-all, two escalation rules, three environments.
pub fn acm_like_plan() -> Plan {
    let users: BTreeMap<String, User> = [
        "li.wei@example.com",
        "zhang.min@example.com",
        "claire.martin@example.com",
        "julien.bernard@example.com",
        "maria.garcia@example.com",
        "james.smith@example.com",
        "emily.johnson@example.com",
        "michael.brown@example.com",
        "sre.lead@example.com",
        "eng.manager@example.com",
    ]
    .into_iter()
    .map(user)
    .collect();
    let new_york = chrono_tz::America::New_York;
    let schedules = vec![
        site(
            "xian",
            "xian",
            chrono_tz::Asia::Shanghai,
            8,
            ["li.wei@example.com", "zhang.min@example.com"],
        ),
        site(
            "paris",
            "paris",
            chrono_tz::Europe::Paris,
            1,
            ["claire.martin@example.com", "julien.bernard@example.com"],
        ),
        site(
            "austin",
            "austin",
            chrono_tz::America::Chicago,
            -6,
            ["maria.garcia@example.com", "james.smith@example.com"],
        ),
        site(
            "boston",
            "boston",
            new_york,
            -5,
            ["emily.johnson@example.com", "michael.brown@example.com"],
        ),
        Schedule {
            level: Level::Exceptions,
            site: None,
            tf_name: "exceptions".into(),
            name: "AOC ACM SRE - exceptions".into(),
            zone: new_york,
            layers: vec![
                Layer {
                    name: "Weekends".into(),
                    start: at(2027, 1, 4, 0, -5),
                    end: None,
                    rotation_virtual_start: at(2027, 1, 4, 0, -5),
                    turn_seconds: 7 * 86400,
                    users: vec![
                        "michael.brown@example.com".into(),
                        "claire.martin@example.com".into(),
                        "zhang.min@example.com".into(),
                        "james.smith@example.com".into(),
                    ],
                    restrictions: vec![Restriction {
                        start_day_of_week: Some(6),
                        start_time_of_day: time(0),
                        duration_seconds: 2 * 86400,
                    }],
                },
                Layer {
                    name: "Sign-up: Spring Festival cover".into(),
                    start: at(2027, 2, 8, 0, -5),
                    end: Some(at(2027, 2, 11, 0, -5)),
                    rotation_virtual_start: at(2027, 2, 8, 0, -5),
                    turn_seconds: 3 * 86400,
                    users: vec!["li.wei@example.com".into()],
                    restrictions: vec![],
                },
                Layer {
                    name: "Daily window".into(),
                    start: at(2027, 5, 31, 0, -4),
                    end: Some(at(2027, 6, 1, 0, -4)),
                    rotation_virtual_start: at(2027, 5, 31, 0, -4),
                    turn_seconds: 86400,
                    users: vec!["emily.johnson@example.com".into()],
                    restrictions: vec![Restriction {
                        start_day_of_week: None,
                        start_time_of_day: time(8),
                        duration_seconds: 10 * 3600,
                    }],
                },
            ],
        },
        Schedule {
            level: Level::CatchAll,
            site: None,
            tf_name: "catch_all".into(),
            name: "AOC ACM SRE - catch-all".into(),
            zone: chrono_tz::Etc::UTC,
            layers: vec![Layer {
                name: "Weekly rotation".into(),
                start: at(2027, 1, 4, 0, 0),
                end: None,
                rotation_virtual_start: at(2027, 1, 4, 0, 0),
                turn_seconds: 7 * 86400,
                users: vec![
                    "sre.lead@example.com".into(),
                    "eng.manager@example.com".into(),
                ],
                restrictions: vec![],
            }],
        },
    ];
    Plan {
        team: "AOC ACM SRE".into(),
        source: "examples/acm/oncall.yaml".into(),
        users,
        schedules,
        policy: EscalationPolicy {
            tf_name: "aoc_acm_sre".into(),
            name: "AOC ACM SRE".into(),
            loops: 2,
            rules: vec![
                EscalationRule {
                    delay_minutes: 15,
                    levels: vec![Level::BusinessHours, Level::Exceptions],
                    schedules: vec![0, 1, 2, 3, 4],
                },
                EscalationRule {
                    delay_minutes: 30,
                    levels: vec![Level::CatchAll],
                    schedules: vec![5],
                },
            ],
        },
        environments: vec![
            environment("dev", "Service_AOC_ACM_DEV", Urgency::Low, None),
            environment(
                "prod-emea",
                "Service_AOC_ACM_EMEA",
                Urgency::High,
                Some(3600),
            ),
            environment("prod-na", "Service_AOC_ACM_NA", Urgency::High, Some(3600)),
        ],
        alertmanager: Alertmanager {
            env_label: "env".into(),
            page_matchers: vec!["severity=\"critical\"".into()],
            group_by: vec!["alertname".into(), "env".into()],
            group_wait: "30s".into(),
            group_interval: "5m".into(),
            repeat_interval: "4h".into(),
            repeat_interval_seconds: 4 * 3600,
            slack_webhook_file: "/etc/alertmanager/slack-webhook".into(),
            unrouted_receiver: "slack-unrouted".into(),
            unrouted_channel: "#acm-alerts".into(),
            pagerduty_url: None,
        },
        report_window: ReportWindow {
            from: NaiveDate::from_ymd_opt(2027, 1, 1).expect("valid fixture date"),
            to: NaiveDate::from_ymd_opt(2028, 1, 1).expect("valid fixture date"),
        },
    }
}

/// [`acm_like_plan`] with every display name (team, schedules, layers, policy, services,
/// environment names) replaced by hostile text.
pub fn hostile_plan() -> Plan {
    let mut plan = acm_like_plan();
    plan.team = HOSTILE.into();
    plan.source = "examples/hostile.yaml".into();
    for (i, schedule) in plan.schedules.iter_mut().enumerate() {
        schedule.name = format!("{HOSTILE} schedule {i}");
        for (j, layer) in schedule.layers.iter_mut().enumerate() {
            layer.name = format!("{HOSTILE} layer {i}.{j}");
        }
    }
    plan.policy.name = format!("{HOSTILE} policy");
    for env in &mut plan.environments {
        env.service_name = format!("{HOSTILE} service {}", env.name);
        env.name = format!("{HOSTILE} {}", env.name);
    }
    plan
}
