//! A zone's clock over one window: its few offset periods looked up once, so local times of
//! many instants cost an addition instead of a tz-database search.

use super::dst::changes;
use super::interval::Span;
use super::wallclock::{abbreviation, offset_seconds};
use chrono_tz::Tz;

const DAY: i64 = 86_400;

/// Offsets and abbreviations of one zone, valid from the window's start onwards.
#[derive(Debug, Clone)]
pub struct ZoneClock {
    zone: Tz,
    /// `(first instant, offset seconds, index into abbreviations)`, ascending.
    periods: Vec<(i64, i64, usize)>,
    abbreviations: Vec<String>,
}

impl ZoneClock {
    /// The clock of `zone` for instants in `window` (its end included).
    pub fn new(zone: Tz, window: Span) -> ZoneClock {
        let mut starts = vec![window.start];
        starts.extend(changes(zone, Span::new(window.start, window.end + 1)));
        let mut abbreviations: Vec<String> = Vec::new();
        let periods = starts
            .into_iter()
            .map(|at| {
                let name = abbreviation(zone, at);
                let index = match abbreviations.iter().position(|a| *a == name) {
                    Some(i) => i,
                    None => {
                        abbreviations.push(name);
                        abbreviations.len() - 1
                    }
                };
                (at, offset_seconds(zone, at), index)
            })
            .collect();
        ZoneClock {
            zone,
            periods,
            abbreviations,
        }
    }

    /// The zone.
    pub fn zone(&self) -> Tz {
        self.zone
    }

    fn period(&self, at: i64) -> (i64, usize) {
        let i = self.periods.partition_point(|p| p.0 <= at).max(1) - 1;
        let (_, offset, abbreviation) = self.periods[i];
        (offset, abbreviation)
    }

    /// Local wall-clock seconds since the epoch (the instant shifted by the offset).
    pub fn local_seconds(&self, at: i64) -> i64 {
        at + self.period(at).0
    }

    /// Seconds since local midnight.
    pub fn seconds_of_day(&self, at: i64) -> i64 {
        self.local_seconds(at).rem_euclid(DAY)
    }

    /// Local weekday, 0 = Monday.
    pub fn weekday(&self, at: i64) -> usize {
        // 1970-01-01 was a Thursday.
        (self.local_seconds(at).div_euclid(DAY) + 3).rem_euclid(7) as usize
    }

    /// Index of the abbreviation in force at `at` (see [`ZoneClock::abbreviation_text`]).
    pub fn abbreviation(&self, at: i64) -> usize {
        self.period(at).1
    }

    /// The abbreviation with this index, e.g. `CDT`.
    pub fn abbreviation_text(&self, index: usize) -> &str {
        self.abbreviations.get(index).map_or("", String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::test_support::at;
    use chrono_tz::America::Chicago;

    #[test]
    fn agrees_with_the_tz_database_across_a_transition() {
        let window = Span::new(at("2027-03-10T00:00:00Z"), at("2027-03-20T00:00:00Z"));
        let clock = ZoneClock::new(Chicago, window);
        for probe in [
            "2027-03-10T00:00:00Z",
            "2027-03-14T07:59:59Z",
            "2027-03-14T08:00:00Z",
        ] {
            let t = at(probe);
            let local = super::super::wallclock::local(Chicago, t);
            assert_eq!(
                clock.local_seconds(t),
                local.and_utc().timestamp(),
                "{probe}"
            );
            assert_eq!(
                clock.abbreviation_text(clock.abbreviation(t)),
                abbreviation(Chicago, t)
            );
        }
        assert_eq!(clock.weekday(at("2027-03-15T12:00:00Z")), 0);
        assert_eq!(clock.seconds_of_day(at("2027-03-15T23:00:00Z")), 18 * 3600);
    }
}
