//! Folding a year of gaps or overlaps into weekly patterns a person can read.
//!
//! Occurrences with the same UTC time of day, length and explanation form one pattern when they
//! recur on a set of weekdays every week of a date range, e.g.
//! `Mon-Thu 23:00-00:00 UTC, 2027-03-15..2027-11-04`. The range names the UTC dates on which the
//! first and the last occurrence begin. Up to two missing weeks in a row (a holiday covered by a
//! sign-up) do not break a pattern: the missing dates are listed as exceptions instead.

use super::interval::Span;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Serialize;
use std::collections::BTreeMap;

const DAY: i64 = 86_400;

/// Longest distance, in days, between two occurrences of one weekday within a pattern.
const MAX_STEP_DAYS: i64 = 21;

/// Whether a pattern is about nobody or about several schedules on call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Nobody on call.
    Gap,
    /// More than one schedule on call at once.
    Overlap,
}

/// One gap or overlap, as found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// When.
    pub span: Span,
    /// How many schedules are on call (0 for a gap).
    pub on_call: usize,
    /// Why, in local times: an index into the explanation texts (see [`super::explain`]).
    pub explanation: usize,
}

/// A recurring gap or overlap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pattern {
    /// Gap or overlap.
    pub kind: Kind,
    /// UTC weekdays on which it begins, e.g. `Mon-Thu` or `Sat`.
    pub days: String,
    /// UTC time of day, e.g. `23:00-00:00 UTC` or `23:00 - Mon 04:00 UTC`.
    pub time: String,
    /// UTC date of the first occurrence's start (`YYYY-MM-DD`).
    pub first: String,
    /// UTC date of the last occurrence's start.
    pub last: String,
    /// Dates (`YYYY-MM-DD` or `YYYY-MM-DD..YYYY-MM-DD`) inside the range on which it does not occur.
    pub except: Vec<String>,
    /// The range and its exceptions as text, e.g. `2027-03-15..2027-11-04 except 2027-07-05`.
    pub dates: String,
    /// Number of occurrences folded into the pattern.
    pub occurrences: usize,
    /// Total length of all occurrences, in seconds.
    pub seconds: i64,
    /// How many schedules are on call (0 for a gap).
    pub on_call: usize,
    /// Why, in the schedules' local times.
    pub explanation: String,
    /// The whole pattern as one sentence.
    pub text: String,
    /// Start of the first occurrence, Unix seconds (for sorting and cross-references).
    #[serde(skip)]
    pub first_start: i64,
    /// End of the last occurrence, Unix seconds.
    #[serde(skip)]
    pub last_end: i64,
}

/// One weekday's weekly occurrences, at most [`MAX_STEP_DAYS`] apart.
#[derive(Debug, Clone)]
struct Run {
    weekday: Weekday,
    first: NaiveDate,
    last: NaiveDate,
    count: usize,
    missing: Vec<NaiveDate>,
}

/// Folds occurrences (sorted by start) into patterns, sorted by first occurrence.
///
/// `texts` holds the explanations the occurrences point to; `group` names the coverage group in
/// the sentences, e.g. `level 1 (business_hours)`.
pub fn fold(kind: Kind, occurrences: &[Occurrence], texts: &[String], group: &str) -> Vec<Pattern> {
    type Key = (i64, i64, usize, usize);
    let mut by_key: BTreeMap<Key, BTreeMap<u32, Vec<NaiveDate>>> = BTreeMap::new();
    for occ in occurrences {
        let day = occ.span.start.div_euclid(DAY);
        let tod = occ.span.start - day * DAY;
        let date = date_of_day(day);
        by_key
            .entry((tod, occ.span.len(), occ.on_call, occ.explanation))
            .or_default()
            .entry(date.weekday().num_days_from_monday())
            .or_default()
            .push(date);
    }
    let mut out = Vec::new();
    for ((tod, len, on_call, explanation), weekdays) in by_key {
        let mut runs: Vec<Run> = weekdays.into_values().flat_map(weekly_runs).collect();
        runs.sort_by_key(|r| (r.first, r.weekday.num_days_from_monday()));
        let explanation = texts.get(explanation).map_or("", String::as_str);
        for members in merge_runs(runs) {
            out.push(pattern(
                kind,
                tod,
                len,
                on_call,
                explanation,
                &members,
                group,
            ));
        }
    }
    out.sort_by(|a, b| {
        (a.first_start, &a.time, &a.days, &a.explanation).cmp(&(
            b.first_start,
            &b.time,
            &b.days,
            &b.explanation,
        ))
    });
    out
}

fn date_of_day(day: i64) -> NaiveDate {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    let moved = if day >= 0 {
        epoch.checked_add_days(Days::new(day.unsigned_abs()))
    } else {
        epoch.checked_sub_days(Days::new(day.unsigned_abs()))
    };
    moved.unwrap_or(epoch)
}

fn day_of_date(date: NaiveDate) -> i64 {
    date.signed_duration_since(date_of_day(0)).num_days()
}

/// Splits one weekday's dates (ascending) into runs of nearly consecutive weeks.
fn weekly_runs(dates: Vec<NaiveDate>) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    for date in dates {
        match runs.last_mut() {
            Some(run) if (date - run.last).num_days() <= MAX_STEP_DAYS => {
                let mut skipped = run.last + Days::new(7);
                while skipped < date {
                    run.missing.push(skipped);
                    skipped = skipped + Days::new(7);
                }
                run.last = date;
                run.count += 1;
            }
            _ => runs.push(Run {
                weekday: date.weekday(),
                first: date,
                last: date,
                count: 1,
                missing: Vec::new(),
            }),
        }
    }
    runs
}

/// Groups runs of different weekdays that together recur every week of one date range.
fn merge_runs(runs: Vec<Run>) -> Vec<Vec<Run>> {
    let mut groups: Vec<Vec<Run>> = Vec::new();
    for run in runs {
        match groups.iter_mut().find(|g| fits(g, &run)) {
            Some(group) => group.push(run),
            None => groups.push(vec![run]),
        }
    }
    groups
}

fn fits(group: &[Run], run: &Run) -> bool {
    if group.iter().any(|r| r.weekday == run.weekday) {
        return false;
    }
    let lo = group
        .iter()
        .map(|r| r.first)
        .fold(run.first, NaiveDate::min);
    let hi = group.iter().map(|r| r.last).fold(run.last, NaiveDate::max);
    group
        .iter()
        .chain(std::iter::once(run))
        .all(|r| r.first == align_up(lo, r.weekday) && r.last == align_down(hi, r.weekday))
}

fn align_up(date: NaiveDate, weekday: Weekday) -> NaiveDate {
    let ahead = (7 + weekday.num_days_from_monday() - date.weekday().num_days_from_monday()) % 7;
    date.checked_add_days(Days::new(u64::from(ahead)))
        .unwrap_or(date)
}

fn align_down(date: NaiveDate, weekday: Weekday) -> NaiveDate {
    let back = (7 + date.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
    date.checked_sub_days(Days::new(u64::from(back)))
        .unwrap_or(date)
}

fn pattern(
    kind: Kind,
    tod: i64,
    len: i64,
    on_call: usize,
    explanation: &str,
    runs: &[Run],
    group: &str,
) -> Pattern {
    let first = runs.iter().map(|r| r.first).min().unwrap_or_default();
    let last = runs.iter().map(|r| r.last).max().unwrap_or_default();
    let mut mask = [false; 7];
    for run in runs {
        mask[run.weekday.num_days_from_monday() as usize] = true;
    }
    let single = runs.first().map(|r| r.weekday).filter(|_| runs.len() == 1);
    let days = weekdays(&mask);
    let time = time_of_day(tod, len, single);
    let occurrences = runs.iter().map(|r| r.count).sum::<usize>();
    let mut missing: Vec<NaiveDate> = runs.iter().flat_map(|r| r.missing.clone()).collect();
    missing.sort_unstable();
    let except = date_ranges(&missing);
    let dates = match (first == last, except.is_empty()) {
        (true, _) => first.to_string(),
        (false, true) => format!("{first}..{last}"),
        (false, false) => format!("{first}..{last} except {}", except.join(", ")),
    };
    let what = match kind {
        Kind::Gap => format!("no one at {group}"),
        Kind::Overlap => format!("{on_call} on call at {group}"),
    };
    Pattern {
        kind,
        text: format!("{days} {time}, {dates}: {what}; {explanation}"),
        dates,
        days,
        time,
        first: first.to_string(),
        last: last.to_string(),
        except,
        occurrences,
        seconds: len * occurrences as i64,
        on_call,
        explanation: explanation.to_string(),
        first_start: day_of_date(first) * DAY + tod,
        last_end: day_of_date(last) * DAY + tod + len,
    }
}

/// Collapses sorted dates into `YYYY-MM-DD` and `YYYY-MM-DD..YYYY-MM-DD` for consecutive days.
fn date_ranges(dates: &[NaiveDate]) -> Vec<String> {
    let mut ranges: Vec<(NaiveDate, NaiveDate)> = Vec::new();
    for &date in dates {
        match ranges.last_mut() {
            Some((_, end)) if (date - *end).num_days() <= 1 => *end = date,
            _ => ranges.push((date, date)),
        }
    }
    ranges
        .into_iter()
        .map(|(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}..{b}")
            }
        })
        .collect()
}

const NAMES: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// `Mon-Thu`, `Sat-Mon`, `Mon, Wed`, `Mon-Sun`.
fn weekdays(mask: &[bool; 7]) -> String {
    if mask.iter().all(|&d| d) {
        return "Mon-Sun".to_string();
    }
    // Start at the first day that opens a run, so runs that wrap around Sunday stay whole.
    let origin = (0..7).find(|&d| mask[d] && !mask[(d + 6) % 7]).unwrap_or(0);
    let mut parts = Vec::new();
    let mut i = 0;
    while i < 7 {
        let day = (origin + i) % 7;
        if !mask[day] {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < 7 && mask[(origin + j + 1) % 7] {
            j += 1;
        }
        let end = (origin + j) % 7;
        parts.push(if i == j {
            NAMES[day].to_string()
        } else {
            format!("{}-{}", NAMES[day], NAMES[end])
        });
        i = j + 1;
    }
    parts.join(", ")
}

/// The UTC time span of an occurrence that starts `tod` seconds after midnight.
fn time_of_day(tod: i64, len: i64, single: Option<Weekday>) -> String {
    let end = tod + len;
    if len < DAY {
        return format!("{}-{} UTC", clock(tod), clock(end.rem_euclid(DAY)));
    }
    match single {
        Some(weekday) => {
            let end_day = (i64::from(weekday.num_days_from_monday()) + end.div_euclid(DAY)) % 7;
            format!(
                "{} - {} {} UTC",
                clock(tod),
                NAMES[end_day as usize],
                clock(end.rem_euclid(DAY))
            )
        }
        None => format!("{} UTC for {}", clock(tod), duration(len)),
    }
}

fn clock(seconds: i64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if s == 0 {
        format!("{h:02}:{m:02}")
    } else {
        format!("{h:02}:{m:02}:{s:02}")
    }
}

/// `49h`, `1h30m`, `45m`.
pub fn duration(seconds: i64) -> String {
    let (h, m) = (seconds / 3600, seconds / 60 % 60);
    match (h, m) {
        (0, m) => format!("{m}m"),
        (h, 0) => format!("{h}h"),
        (h, m) => format!("{h}h{m:02}m"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gap_at(day: NaiveDate, hour: i64, len: i64) -> Occurrence {
        let start = day_of_date(day) * DAY + hour * 3600;
        Occurrence {
            span: Span::new(start, start + len * 3600),
            on_call: 0,
            explanation: 0,
        }
    }

    fn texts() -> Vec<String> {
        vec!["A ends, B starts".to_string()]
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn weeknights_fold_into_one_pattern() {
        let mut occ = Vec::new();
        let mut day = d(2027, 3, 15);
        while day <= d(2027, 11, 4) {
            if day.weekday().num_days_from_monday() < 4 {
                occ.push(gap_at(day, 23, 1));
            }
            day = day.succ_opt().unwrap();
        }
        let patterns = fold(Kind::Gap, &occ, &texts(), "level 1");
        assert_eq!(patterns.len(), 1);
        let p = &patterns[0];
        assert_eq!(
            p.text,
            "Mon-Thu 23:00-00:00 UTC, 2027-03-15..2027-11-04: no one at level 1; A ends, B starts"
        );
        assert_eq!(p.occurrences, occ.len());
    }

    #[test]
    fn a_missing_week_is_an_exception_three_split_the_pattern() {
        let days = [
            d(2027, 1, 4),
            d(2027, 1, 11),
            d(2027, 1, 25),
            d(2027, 2, 22),
        ];
        let occ: Vec<Occurrence> = days.into_iter().map(|day| gap_at(day, 1, 2)).collect();
        let patterns = fold(Kind::Gap, &occ, &texts(), "g");
        let shape: Vec<(&str, &str, Vec<String>)> = patterns
            .iter()
            .map(|p| (p.first.as_str(), p.last.as_str(), p.except.clone()))
            .collect();
        assert_eq!(
            shape,
            [
                ("2027-01-04", "2027-01-25", vec!["2027-01-18".to_string()]),
                ("2027-02-22", "2027-02-22", vec![])
            ]
        );
        assert!(
            patterns[0]
                .text
                .starts_with("Mon 01:00-03:00 UTC, 2027-01-04..2027-01-25 except 2027-01-18:")
        );
    }

    #[test]
    fn a_holiday_week_is_listed_not_split() {
        let mut occ = Vec::new();
        let mut day = d(2027, 1, 4);
        while day <= d(2027, 3, 26) {
            let weekday = day.weekday().num_days_from_monday();
            let holiday = day >= d(2027, 2, 8) && day <= d(2027, 2, 10);
            if weekday < 5 && !holiday {
                occ.push(gap_at(day, 7, 2));
            }
            day = day.succ_opt().unwrap();
        }
        let patterns = fold(Kind::Overlap, &occ, &texts(), "g");
        assert_eq!(patterns.len(), 1);
        assert_eq!(patterns[0].days, "Mon-Fri");
        assert_eq!(patterns[0].except, ["2027-02-08..2027-02-10"]);
    }

    #[test]
    fn weekday_sets_and_long_spans_read_well() {
        let mut mask = [false; 7];
        for i in [5, 6, 0] {
            mask[i] = true;
        }
        assert_eq!(weekdays(&mask), "Sat-Mon");
        let mut mask = [false; 7];
        mask[0] = true;
        mask[2] = true;
        assert_eq!(weekdays(&mask), "Mon, Wed");
        assert_eq!(
            time_of_day(23 * 3600, 53 * 3600, Some(Weekday::Fri)),
            "23:00 - Mon 04:00 UTC"
        );
        assert_eq!(time_of_day(0, 48 * 3600, None), "00:00 UTC for 48h");
    }
}
