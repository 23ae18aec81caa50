//! UTC-offset transitions of the zones in a window, and the regimes they delimit.

use super::interval::Span;
use super::wallclock::{abbreviation, local, offset_seconds, utc};
use chrono::{DateTime, Datelike, FixedOffset, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, Tz};
use serde::Serialize;

/// Scan step: no zone changes its offset twice within six hours.
const STEP: i64 = 6 * 3600;

/// Transitions closer than this belong to one regime change.
const CLUSTER: i64 = 2 * 86_400;

/// A change of one zone's UTC offset (usually daylight-saving time starting or ending).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Transition {
    /// IANA zone name.
    pub zone: String,
    /// The first instant with the new offset.
    #[serde(serialize_with = "super::coverage::rfc3339")]
    pub at: DateTime<Utc>,
    /// Local wall-clock date and time just before, as the clock would show the transition
    /// instant with the old offset (e.g. `2027-03-14 02:00`).
    pub local_before: String,
    /// Local wall-clock date and time at the transition (e.g. `2027-03-14 03:00`).
    pub local_after: String,
    /// Offset and abbreviation before, e.g. `-06:00 CST`.
    pub before: String,
    /// Offset and abbreviation after, e.g. `-05:00 CDT`.
    pub after: String,
    /// Whether daylight-saving time starts (`true`) or ends / the base offset changes (`false`).
    pub dst_starts: bool,
    /// Keys of the coverage groups with a schedule in this zone whose gap or overlap patterns
    /// begin or end within a week of it.
    pub changes: Vec<String>,
}

/// A stretch of the window during which every zone keeps one offset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Regime {
    /// Short file-name-safe name: `standard`, `dst` (every DST zone on DST), or
    /// `dst-<zones on DST>`.
    pub slug: String,
    /// Human name, e.g. `Standard time in every zone` or
    /// `Daylight-saving time in America/Chicago, America/New_York only`.
    pub name: String,
    /// Each zone's state during the regime, in the order given.
    pub zones: Vec<ZoneState>,
    /// The periods of the window the regime holds, in order.
    pub periods: Vec<Period>,
    /// A representative week: the first whole Monday-to-Sunday UTC week inside the longest
    /// period, or the seven days from that period's start when none fits.
    pub week: Period,
}

/// A zone's offset during a regime.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ZoneState {
    /// IANA zone name.
    pub zone: String,
    /// UTC offset, e.g. `+05:45`.
    pub offset: String,
    /// Abbreviation (or numeric offset when the zone has none).
    pub abbreviation: String,
    /// Whether daylight-saving time is in effect.
    pub dst: bool,
}

/// A half-open UTC interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    /// First instant.
    #[serde(serialize_with = "super::coverage::rfc3339")]
    pub start: DateTime<Utc>,
    /// First instant after.
    #[serde(serialize_with = "super::coverage::rfc3339")]
    pub end: DateTime<Utc>,
}

/// Instants in `window` at which `zone`'s UTC offset changes, ascending.
pub fn changes(zone: Tz, window: Span) -> Vec<i64> {
    let mut out = Vec::new();
    let mut at = window.start;
    let mut offset = offset_seconds(zone, at);
    while at < window.end {
        let next = (at + STEP).min(window.end);
        let next_offset = offset_seconds(zone, next);
        if next_offset != offset {
            // The first instant in (at, next] with the new offset.
            let (mut lo, mut hi) = (at, next);
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                if offset_seconds(zone, mid) == offset {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            if hi < window.end {
                out.push(hi);
            }
            offset = next_offset;
        }
        at = next;
    }
    out
}

/// The offset transitions of `zones` (deduplicated, sorted by zone name) in `window`, by instant.
pub fn transitions(zones: &[Tz], window: Span) -> Vec<Transition> {
    let mut zones = zones.to_vec();
    zones.sort_by_key(|z| z.name());
    zones.dedup();
    let mut out: Vec<Transition> = Vec::new();
    for zone in zones {
        for at in changes(zone, window) {
            let before = zone.offset_from_utc_datetime(&utc(at - 1).naive_utc());
            let after = zone.offset_from_utc_datetime(&utc(at).naive_utc());
            let shown_before = at + i64::from(before.fix().local_minus_utc());
            out.push(Transition {
                zone: zone.name().to_string(),
                at: utc(at),
                local_before: utc(shown_before).format("%Y-%m-%d %H:%M").to_string(),
                local_after: local(zone, at).format("%Y-%m-%d %H:%M").to_string(),
                before: format!("{} {}", before.fix(), abbreviation(zone, at - 1)),
                after: format!("{} {}", after.fix(), abbreviation(zone, at)),
                dst_starts: after.dst_offset() > before.dst_offset(),
                changes: Vec::new(),
            });
        }
    }
    out.sort_by(|a, b| (a.at, &a.zone).cmp(&(b.at, &b.zone)));
    out
}

/// The regimes of `zones` (in the given order) over `window`, in order of first appearance.
///
/// Transitions less than two days apart count as one, at the last of them, so the few hours
/// between two zones of one country switching do not make a regime of their own.
pub fn regimes(zones: &[Tz], window: Span) -> Vec<Regime> {
    let mut changed: Vec<i64> = zones.iter().flat_map(|&z| changes(z, window)).collect();
    changed.sort_unstable();
    // Transitions less than two days apart (one country's zones switching at local 02:00) make
    // one cut, at the last of them.
    let mut cuts: Vec<i64> = vec![window.start];
    for (i, &at) in changed.iter().enumerate() {
        let clustered = changed.get(i + 1).is_some_and(|&next| next - at < CLUSTER);
        if !clustered {
            cuts.push(at);
        }
    }
    cuts.push(window.end);
    cuts.dedup();
    let periods: Vec<Span> = cuts
        .windows(2)
        .map(|pair| Span::new(pair[0], pair[1]))
        .collect();
    let observes_dst: Vec<bool> = zones
        .iter()
        .map(|&zone| periods.iter().any(|p| in_dst(zone, p.start)))
        .collect();
    let mut groups: Vec<(Vec<i32>, Vec<Span>)> = Vec::new();
    for period in periods {
        let signature: Vec<i32> = zones
            .iter()
            .map(|&z| offset_of(z, period.start).local_minus_utc())
            .collect();
        match groups.iter_mut().find(|(sig, _)| *sig == signature) {
            Some((_, spans)) => spans.push(period),
            None => groups.push((signature, vec![period])),
        }
    }
    let mut out: Vec<Regime> = Vec::new();
    let mut bases: Vec<String> = Vec::new();
    for (_, spans) in groups {
        let first = spans[0].start;
        let states: Vec<ZoneState> = zones
            .iter()
            .map(|&zone| ZoneState {
                zone: zone.name().to_string(),
                offset: offset_of(zone, first).to_string(),
                abbreviation: abbreviation(zone, first),
                dst: in_dst(zone, first),
            })
            .collect();
        let base = slug(zones, &observes_dst, &states);
        let name = name(&base, &states);
        let taken = bases.iter().filter(|b| **b == base).count();
        let slug = match taken {
            0 => base.clone(),
            _ => format!("{base}-{}", taken + 1),
        };
        bases.push(base);
        out.push(Regime {
            slug,
            name,
            zones: states,
            week: representative_week(&spans),
            periods: spans.iter().map(|&s| period(s)).collect(),
        });
    }
    out
}

fn offset_of(zone: Tz, at: i64) -> FixedOffset {
    zone.offset_from_utc_datetime(&utc(at).naive_utc()).fix()
}

fn in_dst(zone: Tz, at: i64) -> bool {
    !zone
        .offset_from_utc_datetime(&utc(at).naive_utc())
        .dst_offset()
        .is_zero()
}

fn slug(zones: &[Tz], observes_dst: &[bool], states: &[ZoneState]) -> String {
    let on_dst: Vec<usize> = (0..zones.len()).filter(|&i| states[i].dst).collect();
    let observing = observes_dst.iter().filter(|&&o| o).count();
    if on_dst.is_empty() {
        "standard".to_string()
    } else if on_dst.len() == observing {
        "dst".to_string()
    } else {
        let mut names: Vec<String> = on_dst.iter().map(|&i| short_name(zones[i])).collect();
        names.dedup();
        // File names stay short: past three zones, name the first two and count the rest.
        if names.len() > MAX_NAMED_ZONES {
            let more = names.len() - 2;
            names.truncate(2);
            names.push(format!("and-{more}-more"));
        }
        format!("dst-{}", names.join("-"))
    }
}

/// How many zones a regime's file name lists before it counts them instead.
const MAX_NAMED_ZONES: usize = 3;

fn name(slug: &str, states: &[ZoneState]) -> String {
    let on_dst: Vec<&str> = states
        .iter()
        .filter(|z| z.dst)
        .map(|z| z.zone.as_str())
        .collect();
    match slug {
        "standard" => "Standard time in every zone".to_string(),
        "dst" => "Daylight-saving time wherever observed".to_string(),
        _ => format!("Daylight-saving time in {} only", on_dst.join(", ")),
    }
}

/// `America/New_York` -> `new-york`.
fn short_name(zone: Tz) -> String {
    let name = zone.name();
    name.rsplit('/')
        .next()
        .unwrap_or(name)
        .to_ascii_lowercase()
        .replace('_', "-")
}

fn representative_week(spans: &[Span]) -> Period {
    const WEEK: i64 = 7 * 86_400;
    let longest = spans
        .iter()
        .copied()
        .max_by_key(|s| (s.len(), -s.start))
        .unwrap_or(Span::new(0, WEEK));
    let midnight = longest.start.div_euclid(86_400) * 86_400;
    let weekday = i64::from(utc(midnight).weekday().num_days_from_monday());
    let mut monday = midnight + ((7 - weekday) % 7) * 86_400;
    if monday < longest.start {
        monday += WEEK;
    }
    let start = if monday + WEEK <= longest.end {
        monday
    } else {
        midnight
    };
    period(Span::new(start, start + WEEK))
}

fn period(span: Span) -> Period {
    Period {
        start: utc(span.start),
        end: utc(span.end),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::test_support::at;
    use chrono_tz::America::{Chicago, New_York};
    use chrono_tz::Asia::Shanghai;
    use chrono_tz::Europe::Paris;

    fn year() -> Span {
        Span::new(at("2027-01-01T00:00:00Z"), at("2028-01-01T00:00:00Z"))
    }

    #[test]
    fn us_transitions_of_2027() {
        let found = transitions(&[New_York, Shanghai], year());
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].at.timestamp(), at("2027-03-14T07:00:00Z"));
        assert_eq!(found[0].local_before, "2027-03-14 02:00");
        assert_eq!(found[0].local_after, "2027-03-14 03:00");
        assert_eq!(found[0].before, "-05:00 EST");
        assert_eq!(found[0].after, "-04:00 EDT");
        assert!(found[0].dst_starts);
        assert_eq!(found[1].at.timestamp(), at("2027-11-07T06:00:00Z"));
        assert!(!found[1].dst_starts);
    }

    #[test]
    fn example_zones_have_three_regimes() {
        let found = regimes(&[Shanghai, Paris, Chicago, New_York], year());
        let slugs: Vec<&str> = found.iter().map(|r| r.slug.as_str()).collect();
        assert_eq!(slugs, ["standard", "dst-chicago-new-york", "dst"]);
        assert_eq!(found[0].week.start.timestamp(), at("2027-01-04T00:00:00Z"));
        assert_eq!(found[1].periods.len(), 2);
        assert_eq!(found[1].week.start.timestamp(), at("2027-03-15T00:00:00Z"));
        assert_eq!(found[2].week.start.timestamp(), at("2027-03-29T00:00:00Z"));
    }

    #[test]
    fn regime_file_names_stay_short_with_many_zones() {
        let zones: Vec<Tz> = include_str!("../validate/pagerduty_v1_zones.txt")
            .lines()
            .filter_map(|name| name.trim().parse().ok())
            .collect();
        let found = regimes(&zones, year());
        assert!(found.len() > 3);
        for regime in &found {
            assert!(regime.slug.len() <= 60, "{}", regime.slug);
        }
    }
}
