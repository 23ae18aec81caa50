//! Plan: turn a validated model into the resolved [`Plan`].
//!
//! Runs only on a model that validated without errors; a value that still fails to read is an
//! internal error, returned rather than panicking.

use super::delivery::{alertmanager, environments};
use super::layers::{exceptions_schedule, rotation_layer};
use super::names::{self, unique};
use super::policy::policy;
use super::types::*;
use crate::model::{Model, Text, values};
use chrono::{Datelike, NaiveDate};
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

pub(super) type Result<T> = std::result::Result<T, PlanError>;

pub(super) fn missing(what: &str) -> PlanError {
    PlanError(format!("{what} is missing"))
}

pub(super) fn read<T>(
    text: &Text,
    parse: impl Fn(&str) -> std::result::Result<T, values::ValueError>,
) -> Result<T> {
    parse(&text.value).map_err(|e| PlanError(e.message))
}

pub(super) fn required<'a>(text: &'a Option<Text>, what: &str) -> Result<&'a Text> {
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

pub(super) fn zone(text: &Option<Text>) -> Result<Tz> {
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
