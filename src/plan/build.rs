//! Plan: turn a validated model into the resolved [`Plan`].
//!
//! Runs only on a model that validated without errors; a value that still fails to read is an
//! internal error, returned rather than panicking.

use super::names::{self, unique};
use super::types::*;
use crate::model::{self, Model, Rotation, Text, values};
use crate::validate::escalation::{LevelRef, level_ref};
use camino::Utf8PathBuf;
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Tz;
use std::collections::{BTreeMap, BTreeSet};

/// Options that do not come from the model file.
#[derive(Debug, Clone, Default)]
pub struct PlanOptions {
    /// How generated files name their model in the header.
    pub source: String,
    /// Sign-ups that ended on or before this day are left out (PagerDuty drops ended layers).
    pub today: Option<NaiveDate>,
}

/// An inconsistency that validation should have caught.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanError(pub String);

impl std::fmt::Display for PlanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "internal error while planning: {}", self.0)
    }
}

type Result<T> = std::result::Result<T, PlanError>;

fn missing(what: &str) -> PlanError {
    PlanError(format!("{what} is missing"))
}

fn read<T>(
    text: &Text,
    parse: impl Fn(&str) -> std::result::Result<T, values::ValueError>,
) -> Result<T> {
    parse(&text.value).map_err(|e| PlanError(e.message))
}

fn required<'a>(text: &'a Option<Text>, what: &str) -> Result<&'a Text> {
    text.as_ref().ok_or_else(|| missing(what))
}

/// Resolves the model into a plan.
pub fn plan(model: &Model, options: &PlanOptions) -> Result<Plan> {
    let team = required(&model.team, "team")?.value.clone();
    let anchor = read(required(&model.anchor, "anchor")?, values::date)?;
    let report_window = match &model.report {
        Some(r) => ReportWindow {
            from: read(&r.from, values::date)?,
            to: read(&r.to, values::date)?,
        },
        None => ReportWindow {
            from: anchor,
            to: anchor.with_year(anchor.year() + 1).unwrap_or(anchor),
        },
    };
    let users = users(model);
    let mut taken = BTreeSet::new();
    let mut schedules = Vec::new();
    for site in &model.sites {
        let zone = zone(&site.rotation.zone)?;
        let title = title_case(&site.name.value);
        let layer = rotation_layer(
            &site.rotation,
            zone,
            anchor,
            format!("{title} business hours"),
        )?;
        schedules.push(Schedule {
            level: Level::BusinessHours,
            site: Some(site.name.value.clone()),
            tf_name: unique(
                format!(
                    "business_hours_{}",
                    names::terraform_identifier(&site.name.value)
                ),
                &mut taken,
            ),
            name: format!("{team} - Business hours - {title}"),
            zone,
            layers: vec![layer],
        });
    }
    if let Some(exceptions) = &model.exceptions {
        schedules.push(exceptions_schedule(
            &team, exceptions, anchor, options, &mut taken,
        )?);
    }
    let catch_all = model
        .catch_all
        .as_ref()
        .ok_or_else(|| missing("catch_all"))?;
    let catch_zone = zone(&catch_all.zone)?;
    schedules.push(Schedule {
        level: Level::CatchAll,
        site: None,
        tf_name: unique("catch_all".into(), &mut taken),
        name: format!("{team} - Catch-all"),
        zone: catch_zone,
        layers: vec![rotation_layer(
            catch_all,
            catch_zone,
            anchor,
            "Catch-all".into(),
        )?],
    });
    let policy = policy(model, &team, &schedules)?;
    let alertmanager = alertmanager(model)?;
    let environments = environments(model)?;
    Ok(Plan {
        team,
        source: options.source.clone(),
        users,
        schedules,
        policy,
        environments,
        alertmanager,
        report_window,
    })
}

fn title_case(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn zone(text: &Option<Text>) -> Result<Tz> {
    let text = required(text, "zone")?;
    text.value
        .parse()
        .map_err(|_| PlanError(format!("unknown zone {}", text.value)))
}

fn users(model: &Model) -> BTreeMap<String, User> {
    let mut emails: BTreeSet<&str> = BTreeSet::new();
    for site in &model.sites {
        emails.extend(site.rotation.members.iter().map(|m| m.value.as_str()));
    }
    if let Some(e) = &model.exceptions {
        if let Some(r) = &e.rotation {
            emails.extend(r.members.iter().map(|m| m.value.as_str()));
        }
        emails.extend(e.signups.iter().map(|s| s.who.value.as_str()));
    }
    if let Some(r) = &model.catch_all {
        emails.extend(r.members.iter().map(|m| m.value.as_str()));
    }
    let mut taken = BTreeSet::new();
    emails
        .into_iter()
        .map(|email| {
            let tf_name = unique(names::user_identifier(email), &mut taken);
            (
                email.to_owned(),
                User {
                    email: email.to_owned(),
                    tf_name,
                },
            )
        })
        .collect()
}

/// The local midnight of `day` in `zone`, with its offset (the first instant of the day).
fn local_instant(zone: Tz, local: NaiveDateTime) -> Result<DateTime<FixedOffset>> {
    zone.from_local_datetime(&local)
        .earliest()
        .map(|t| t.fixed_offset())
        .ok_or_else(|| PlanError(format!("{local} does not exist in {}", zone.name())))
}

fn midnight(zone: Tz, day: NaiveDate) -> Result<DateTime<FixedOffset>> {
    let local = day.and_time(NaiveTime::MIN);
    // A zone that skips midnight (rare) starts the day at the first instant after the gap.
    local_instant(zone, local).or_else(|_| local_instant(zone, local + chrono::Duration::hours(1)))
}

fn rotation_layer(r: &Rotation, zone: Tz, anchor: NaiveDate, name: String) -> Result<Layer> {
    let turn = read(required(&r.turn, "turn")?, values::duration)?;
    let start = midnight(zone, anchor)?;
    Ok(Layer {
        name,
        start,
        end: None,
        rotation_virtual_start: start,
        turn_seconds: u32::try_from(turn).map_err(|_| PlanError("turn too long".into()))?,
        users: r.members.iter().map(|m| m.value.clone()).collect(),
        restrictions: match &r.hours {
            Some(hours) => restrictions(&read(hours, values::weekly_hours)?),
            None => Vec::new(),
        },
    })
}

/// One weekly restriction per day: PagerDuty keeps each in local time, so DST never moves it.
fn restrictions(hours: &values::WeeklyHours) -> Vec<Restriction> {
    let start = NaiveTime::from_num_seconds_from_midnight_opt(hours.start * 60, 0)
        .unwrap_or(NaiveTime::MIN);
    let full_week = hours.days.len() == 7 && hours.start == 0 && hours.end == 1440;
    if full_week {
        return Vec::new();
    }
    if hours.days.len() == 7 {
        return vec![Restriction {
            start_day_of_week: None,
            start_time_of_day: start,
            duration_seconds: (hours.end - hours.start) * 60,
        }];
    }
    hours
        .days
        .iter()
        .map(|day| Restriction {
            start_day_of_week: Some(day.number_from_monday() as u8),
            start_time_of_day: start,
            duration_seconds: (hours.end - hours.start) * 60,
        })
        .collect()
}

fn exceptions_schedule(
    team: &str,
    exceptions: &model::Exceptions,
    anchor: NaiveDate,
    options: &PlanOptions,
    taken: &mut BTreeSet<String>,
) -> Result<Schedule> {
    let zone = zone(&exceptions.zone)?;
    let mut layers = Vec::new();
    if let Some(r) = &exceptions.rotation {
        layers.push(rotation_layer(r, zone, anchor, "Recurring cover".into())?);
    }
    for signup in &exceptions.signups {
        let from = read(&signup.from, values::local_datetime)?;
        let to = read(&signup.to, values::local_datetime)?;
        if options.today.is_some_and(|today| to.date() <= today) {
            continue;
        }
        let start = local_instant(zone, from)?;
        let reason = signup
            .reason
            .as_ref()
            .map(|r| r.value.as_str())
            .unwrap_or("Sign-up");
        layers.push(Layer {
            name: format!(
                "{reason} ({} {})",
                from.format("%Y-%m-%d %H:%M"),
                signup.who.value
            ),
            start,
            end: Some(local_instant(zone, to)?),
            rotation_virtual_start: start,
            turn_seconds: 86_400,
            users: vec![signup.who.value.clone()],
            restrictions: Vec::new(),
        });
    }
    if layers.is_empty() {
        return Err(PlanError(
            "the exceptions schedule has no layer: add a rotation or a sign-up".into(),
        ));
    }
    Ok(Schedule {
        level: Level::Exceptions,
        site: None,
        tf_name: unique("exceptions".into(), taken),
        name: format!("{team} - Exceptions"),
        zone,
        layers,
    })
}

fn policy(model: &Model, team: &str, schedules: &[Schedule]) -> Result<EscalationPolicy> {
    let escalation = model
        .escalation
        .as_ref()
        .ok_or_else(|| missing("escalation"))?;
    let mut rules = Vec::new();
    for rule in &escalation.rules {
        let delay = read(required(&rule.delay, "delay")?, values::duration)?;
        let mut levels = Vec::new();
        let mut targets = Vec::new();
        for level in &rule.levels {
            let reference = level_ref(&level.value)
                .ok_or_else(|| PlanError(format!("level {}", level.value)))?;
            let (kind, picked): (Level, Vec<usize>) = match &reference {
                LevelRef::BusinessHours => (
                    Level::BusinessHours,
                    indexes(schedules, |s| s.level == Level::BusinessHours),
                ),
                LevelRef::Site(site) => (
                    Level::BusinessHours,
                    indexes(schedules, |s| s.site.as_deref() == Some(site.as_str())),
                ),
                LevelRef::Exceptions => (
                    Level::Exceptions,
                    indexes(schedules, |s| s.level == Level::Exceptions),
                ),
                LevelRef::CatchAll => (
                    Level::CatchAll,
                    indexes(schedules, |s| s.level == Level::CatchAll),
                ),
            };
            if !levels.contains(&kind) {
                levels.push(kind);
            }
            for i in picked {
                if !targets.contains(&i) {
                    targets.push(i);
                }
            }
        }
        rules.push(EscalationRule {
            delay_minutes: u32::try_from(delay / 60)
                .map_err(|_| PlanError("delay too long".into()))?,
            levels,
            schedules: targets,
        });
    }
    let loops = escalation.loops.as_ref().map(|l| l.value).unwrap_or(0);
    Ok(EscalationPolicy {
        tf_name: names::terraform_identifier(team),
        name: format!("{team} - Escalation"),
        loops: u32::try_from(loops).map_err(|_| PlanError("loops".into()))?,
        rules,
    })
}

fn indexes(schedules: &[Schedule], keep: impl Fn(&Schedule) -> bool) -> Vec<usize> {
    schedules
        .iter()
        .enumerate()
        .filter(|(_, s)| keep(s))
        .map(|(i, _)| i)
        .collect()
}

fn environments(model: &Model) -> Result<Vec<Environment>> {
    let am = model
        .alertmanager
        .as_ref()
        .ok_or_else(|| missing("alertmanager"))?;
    let key_dir = Utf8PathBuf::from(&required(&am.key_dir, "key_dir")?.value);
    let mut out = Vec::new();
    for env in &model.environments {
        let name = env.name.value.clone();
        let tf_name = names::terraform_identifier(&name);
        let seconds = |t: &Option<Text>| -> Result<Option<u32>> {
            t.as_ref()
                .map(|t| {
                    read(t, values::duration)
                        .and_then(|s| u32::try_from(s).map_err(|_| PlanError("timeout".into())))
                })
                .transpose()
        };
        out.push(Environment {
            label_value: env.label.as_ref().unwrap_or(&env.name).value.clone(),
            service_name: required(&env.service, "service")?.value.clone(),
            urgency: match env.urgency.as_ref().map(|u| u.value.as_str()) {
                Some("low") => Urgency::Low,
                _ => Urgency::High,
            },
            auto_resolve_seconds: seconds(&env.auto_resolve)?,
            ack_timeout_seconds: seconds(&env.ack_timeout)?,
            slack_channel: required(&env.slack, "slack")?.value.clone(),
            output_name: names::routing_key_output(&tf_name),
            key_file: key_dir.join(names::key_file_name(&name)),
            pagerduty_receiver: names::pagerduty_receiver(&name),
            slack_receiver: names::slack_receiver(&name),
            tf_name,
            name,
        });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

fn alertmanager(model: &Model) -> Result<Alertmanager> {
    let am = model
        .alertmanager
        .as_ref()
        .ok_or_else(|| missing("alertmanager"))?;
    let timing = |t: &Option<Text>, default: u64| -> Result<u64> {
        t.as_ref()
            .map(|t| read(t, values::duration))
            .unwrap_or(Ok(default))
    };
    let repeat = timing(&am.repeat_interval, 4 * 3600)?;
    let mut page_matchers = Vec::new();
    for m in &am.page_when {
        page_matchers.push(read(m, values::matcher)?.to_alertmanager());
    }
    let env_label = am
        .env_label
        .as_ref()
        .map(|l| l.value.clone())
        .unwrap_or_else(|| "env".into());
    let group_by = if am.group_by.is_empty() {
        vec!["alertname".to_owned(), env_label.clone()]
    } else {
        am.group_by.iter().map(|g| g.value.clone()).collect()
    };
    Ok(Alertmanager {
        env_label,
        page_matchers,
        group_by,
        group_wait: values::alertmanager_duration(timing(&am.group_wait, 30)?),
        group_interval: values::alertmanager_duration(timing(&am.group_interval, 300)?),
        repeat_interval: values::alertmanager_duration(repeat),
        repeat_interval_seconds: repeat,
        slack_webhook_file: Utf8PathBuf::from(
            &required(&am.slack_webhook_file, "slack_webhook_file")?.value,
        ),
        unrouted_receiver: "slack-unrouted".into(),
        unrouted_channel: required(&am.unrouted_slack, "unrouted_slack")?
            .value
            .clone(),
        pagerduty_url: am.pagerduty_url.as_ref().map(|u| u.value.clone()),
    })
}
