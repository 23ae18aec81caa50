//! Local wall-clock times of a zone, mapped to instants and back.

use chrono::{DateTime, LocalResult, NaiveDate, NaiveDateTime, Offset, TimeZone};
use chrono_tz::{GapInfo, OffsetName, Tz};

/// The instant a local wall-clock time names in `zone`, in Unix seconds.
///
/// A time that occurs twice (the repeated hour when clocks go back) names its first occurrence. A
/// time that never occurs (skipped when clocks go forward) names the first instant after the gap:
/// in both cases the result is the first instant at which the zone's clock shows `local` or later.
pub fn resolve(zone: Tz, local: NaiveDateTime) -> i64 {
    match zone.from_local_datetime(&local) {
        LocalResult::Single(at) => at.timestamp(),
        LocalResult::Ambiguous(first, _) => first.timestamp(),
        LocalResult::None => match GapInfo::new(&local, &zone).and_then(|gap| gap.end) {
            Some(after) => after.timestamp(),
            None => gap_end_by_search(zone, local),
        },
    }
}

/// First instant whose local time is `local` or later, searched within a day around it.
fn gap_end_by_search(zone: Tz, local: NaiveDateTime) -> i64 {
    let target = local.and_utc().timestamp();
    let shows_target = |at: i64| at + offset_seconds(zone, at) >= target;
    let (mut lo, mut hi) = (target - 15 * 3600, target + 15 * 3600);
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if shows_target(mid) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    hi
}

/// The zone's offset from UTC at an instant, in seconds.
pub fn offset_seconds(zone: Tz, at: i64) -> i64 {
    i64::from(
        zone.offset_from_utc_datetime(&utc(at).naive_utc())
            .fix()
            .local_minus_utc(),
    )
}

/// The local wall-clock time of an instant in `zone`.
pub fn local(zone: Tz, at: i64) -> NaiveDateTime {
    utc(at).with_timezone(&zone).naive_local()
}

/// The local date of an instant in `zone`.
pub fn local_date(zone: Tz, at: i64) -> NaiveDate {
    local(zone, at).date()
}

/// The zone's abbreviation at an instant (e.g. `CDT`), or its numeric offset when it has none.
pub fn abbreviation(zone: Tz, at: i64) -> String {
    let offset = zone.offset_from_utc_datetime(&utc(at).naive_utc());
    match offset.abbreviation() {
        Some(name) => name.to_string(),
        None => offset.fix().to_string(),
    }
}

/// `HH:MM ABBR` of an instant in `zone`, e.g. `18:00 CDT`.
pub fn clock(zone: Tz, at: i64) -> String {
    format!(
        "{} {}",
        local(zone, at).format("%H:%M"),
        abbreviation(zone, at)
    )
}

/// An instant as a UTC date-time; out-of-range values (beyond year ±262 000) saturate.
pub fn utc(at: i64) -> DateTime<chrono::Utc> {
    DateTime::from_timestamp(at, 0).unwrap_or(if at < 0 {
        DateTime::<chrono::Utc>::MIN_UTC
    } else {
        DateTime::<chrono::Utc>::MAX_UTC
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::test_support::at;
    use chrono_tz::America::New_York;

    fn naive(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn skipped_time_opens_after_the_gap() {
        assert_eq!(
            resolve(New_York, naive("2027-03-14 02:30")),
            at("2027-03-14T03:00:00-04:00")
        );
        assert_eq!(
            gap_end_by_search(New_York, naive("2027-03-14 02:30")),
            at("2027-03-14T03:00:00-04:00")
        );
    }

    #[test]
    fn repeated_time_names_first_occurrence() {
        assert_eq!(
            resolve(New_York, naive("2027-11-07 01:30")),
            at("2027-11-07T01:30:00-04:00")
        );
    }

    #[test]
    fn clock_shows_abbreviation_or_offset() {
        assert_eq!(clock(New_York, at("2027-07-01T12:00:00Z")), "08:00 EDT");
        assert_eq!(
            clock(chrono_tz::Asia::Kathmandu, at("2027-07-01T00:00:00Z")),
            "05:45 +05:45"
        );
    }
}
