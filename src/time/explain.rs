//! Plain-language reasons for a gap or an overlap, in each schedule's own local time.

use super::interval::Span;
use super::wallclock::{abbreviation, clock, local};
use chrono_tz::Tz;

/// A schedule as the explanations see it.
#[derive(Debug, Clone)]
pub struct Member {
    /// Short name, e.g. `Austin`.
    pub label: String,
    /// The schedule's zone.
    pub zone: Tz,
    /// When it has someone on call: sorted, disjoint.
    pub spans: Vec<Span>,
}

/// Why nobody is on call during `gap`: who stops just before it and who starts just after,
/// e.g. `Austin ends 18:00 CDT, Xian starts 08:00 CST`.
///
/// Gaps of a day or more name the local weekday too (`Exceptions ends Mon 00:00 EST`).
pub fn gap(members: &[Member], gap: Span) -> String {
    let when = |zone: Tz, at: i64| {
        if gap.len() >= 86_400 {
            format!("{} {}", local(zone, at).format("%a"), clock(zone, at))
        } else {
            clock(zone, at)
        }
    };
    let enders: Vec<String> = members
        .iter()
        .filter(|m| ends_at(&m.spans, gap.start))
        .map(|m| format!("{} ends {}", m.label, when(m.zone, gap.start)))
        .collect();
    let starters: Vec<String> = members
        .iter()
        .filter(|m| starts_at(&m.spans, gap.end))
        .map(|m| format!("{} starts {}", m.label, when(m.zone, gap.end)))
        .collect();
    let parts: Vec<String> = [enders.join(" and "), starters.join(" and ")]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect();
    if parts.is_empty() {
        "nobody on call for the whole window".to_string()
    } else {
        parts.join(", ")
    }
}

/// Who is on call at once during `span`, each in local time,
/// e.g. `Xian 15:00-17:00 CST, Paris 08:00-10:00 CET`.
pub fn overlap(members: &[Member], on_call: &[usize], span: Span) -> String {
    on_call
        .iter()
        .filter_map(|&i| members.get(i))
        .map(|m| format!("{} {}", m.label, local_span(m.zone, span)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `HH:MM-HH:MM ABBR`, or `HH:MM ABBR-HH:MM ABBR` when the abbreviation changes inside.
pub fn local_span(zone: Tz, span: Span) -> String {
    let (from, to) = (abbreviation(zone, span.start), abbreviation(zone, span.end));
    let (a, b) = (
        local(zone, span.start).format("%H:%M"),
        local(zone, span.end).format("%H:%M"),
    );
    if from == to {
        format!("{a}-{b} {from}")
    } else {
        format!("{a} {from}-{b} {to}")
    }
}

fn ends_at(spans: &[Span], at: i64) -> bool {
    let i = spans.partition_point(|s| s.end < at);
    spans.get(i).is_some_and(|s| s.end == at)
}

fn starts_at(spans: &[Span], at: i64) -> bool {
    let i = spans.partition_point(|s| s.start < at);
    spans.get(i).is_some_and(|s| s.start == at)
}
