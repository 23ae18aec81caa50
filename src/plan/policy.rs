//! The escalation policy: which schedules each rule pages.

use super::build::{PlanError, Result, missing, read, required};
use super::names;
use super::types::*;
use crate::model::{Model, values};
use crate::validate::escalation::{LevelRef, level_ref};

pub(super) fn policy(
    model: &Model,
    team: &str,
    schedules: &[Schedule],
) -> Result<EscalationPolicy> {
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
