//! The instants a layer's daily and weekly restrictions leave open.

use super::interval::{Span, union};
use super::wallclock::{local_date, resolve};
use crate::plan::Restriction;
use chrono::{Datelike, Days, NaiveDate};
use chrono_tz::Tz;

/// Open windows of `restrictions` that meet `window`, clipped to it, sorted and merged.
///
/// Each window opens at the restriction's local start time on a matching local date (daily: every
/// date; weekly: the dates whose ISO weekday number equals `start_day_of_week`, 1 = Monday) and
/// stays open for `duration_seconds` of absolute time. An empty list means "always open".
pub fn open_windows(restrictions: &[Restriction], zone: Tz, window: Span) -> Vec<Span> {
    if restrictions.is_empty() {
        return vec![window];
    }
    let mut spans = Vec::new();
    for restriction in restrictions {
        let duration = i64::from(restriction.duration_seconds);
        if duration <= 0 {
            continue;
        }
        // A window opening up to `duration` (plus a week, plus a day of offset slack) before the
        // window can still reach into it.
        let back = (duration / 86_400 + 9) as u64;
        let first = local_date(zone, window.start).checked_sub_days(Days::new(back));
        let last = local_date(zone, window.end).checked_add_days(Days::new(1));
        let (Some(mut date), Some(last)) = (first, last) else {
            continue;
        };
        while date <= last && !matches_day(restriction, date) {
            match date.checked_add_days(Days::new(1)) {
                Some(next) => date = next,
                None => break,
            }
        }
        let step = Days::new(if restriction.start_day_of_week.is_some() {
            7
        } else {
            1
        });
        while date <= last && matches_day(restriction, date) {
            let open = resolve(zone, date.and_time(restriction.start_time_of_day));
            let span = Span::new(open, open + duration).intersect(window);
            if !span.is_empty() {
                spans.push(span);
            }
            match date.checked_add_days(step) {
                Some(next) => date = next,
                None => break,
            }
        }
    }
    union(spans)
}

/// Whether a restriction opens on this local date.
fn matches_day(restriction: &Restriction, date: NaiveDate) -> bool {
    match restriction.start_day_of_week {
        None => true,
        Some(day) => date.weekday().number_from_monday() == u32::from(day),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::test_support::at;
    use chrono::NaiveTime;
    use chrono_tz::America::New_York;

    fn restriction(day: Option<u8>, hh: u32, mm: u32, seconds: u32) -> Restriction {
        Restriction {
            start_day_of_week: day,
            start_time_of_day: NaiveTime::from_hms_opt(hh, mm, 0).unwrap(),
            duration_seconds: seconds,
        }
    }

    #[test]
    fn daily_window_starting_in_the_skipped_hour() {
        let window = Span::new(at("2027-03-13T00:00:00Z"), at("2027-03-16T00:00:00Z"));
        let open = open_windows(&[restriction(None, 2, 30, 3600)], New_York, window);
        assert_eq!(
            open,
            vec![
                Span::new(
                    at("2027-03-13T02:30:00-05:00"),
                    at("2027-03-13T03:30:00-05:00")
                ),
                Span::new(
                    at("2027-03-14T03:00:00-04:00"),
                    at("2027-03-14T04:00:00-04:00")
                ),
                Span::new(
                    at("2027-03-15T02:30:00-04:00"),
                    at("2027-03-15T03:30:00-04:00")
                ),
            ]
        );
    }

    #[test]
    fn weekly_window_reaching_into_the_window() {
        // Saturday 00:00 for 48 hours, seen from a window that starts on Sunday.
        let window = Span::new(at("2027-01-10T00:00:00Z"), at("2027-01-12T00:00:00Z"));
        let open = open_windows(&[restriction(Some(6), 0, 0, 172_800)], New_York, window);
        assert_eq!(
            open,
            vec![Span::new(window.start, at("2027-01-11T00:00:00-05:00"))]
        );
    }
}
