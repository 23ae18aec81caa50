//! A schedule's layers flattened into its final on-call shifts.

use super::interval::{Span, subtract, union};
use super::layer::expand;
use super::wallclock::utc;
use crate::plan::{Level, Schedule};
use chrono::{DateTime, Utc};

/// One final shift of a schedule: who is on call, from when to when, by which layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shift {
    /// First instant of the shift.
    pub start: DateTime<Utc>,
    /// First instant after the shift.
    pub end: DateTime<Utc>,
    /// The user's email.
    pub user: String,
    /// Index of the layer the shift comes from.
    pub layer: usize,
}

/// Who is on call in `schedule` during `[from, to)`, after later layers override earlier ones.
///
/// Shifts are sorted by start and clipped to the window; instants without a shift have nobody.
pub fn oncall(schedule: &Schedule, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Shift> {
    let window = Span::new(from.timestamp(), to.timestamp());
    let mut taken: Vec<Span> = Vec::new();
    let mut shifts: Vec<Shift> = Vec::new();
    for (index, layer) in schedule.layers.iter().enumerate().rev() {
        let pieces = expand(layer, schedule.zone, window);
        for piece in &pieces {
            for span in subtract(&[piece.span], &taken) {
                shifts.push(Shift {
                    start: utc(span.start),
                    end: utc(span.end),
                    user: layer.users[piece.user].clone(),
                    layer: index,
                });
            }
        }
        taken.extend(pieces.iter().map(|p| p.span));
        taken = union(taken);
    }
    shifts.sort_by_key(|s| (s.start, s.layer));
    shifts
}

/// The instants of `window` at which `schedule` has someone on call, sorted and merged.
pub fn covered(schedule: &Schedule, window: Span) -> Vec<Span> {
    let spans = schedule
        .layers
        .iter()
        .flat_map(|layer| expand(layer, schedule.zone, window))
        .map(|piece| piece.span)
        .collect();
    union(spans)
}

/// A short human name for a schedule: its site, title-cased, or its tier.
pub fn label(schedule: &Schedule) -> String {
    match &schedule.site {
        Some(site) => site
            .split(['_', '-', ' '])
            .filter(|word| !word.is_empty())
            .map(title_case)
            .collect::<Vec<_>>()
            .join(" "),
        None => match schedule.level {
            Level::BusinessHours => "Business hours".to_string(),
            Level::Exceptions => "Exceptions".to_string(),
            Level::CatchAll => "Catch-all".to_string(),
        },
    }
}

fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
