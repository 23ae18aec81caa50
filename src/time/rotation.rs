//! Turn handoffs of a layer's rotation.

use super::wallclock::{local, local_date, resolve};
use chrono::{Days, NaiveDateTime};
use chrono_tz::Tz;

const DAY: i64 = 86_400;

/// When turns hand off: either at a fixed local wall-clock time, or every so many seconds.
#[derive(Debug, Clone, Copy)]
pub enum Rotation {
    /// Whole-day turns: turn `k` begins at the local time of the virtual start, `k * days` later.
    WallClock {
        /// The zone whose wall clock the handoffs keep.
        zone: Tz,
        /// Local wall-clock time of the virtual start.
        origin: NaiveDateTime,
        /// Turn length in days (>= 1).
        days: i64,
    },
    /// Other turns: turn `k` begins `k * seconds` after the virtual start.
    Absolute {
        /// The virtual start, Unix seconds.
        origin: i64,
        /// Turn length in seconds (>= 1).
        seconds: i64,
    },
}

impl Rotation {
    /// The rotation of a layer whose first turn begins at `virtual_start` (Unix seconds).
    pub fn new(zone: Tz, virtual_start: i64, turn_seconds: u32) -> Rotation {
        let seconds = i64::from(turn_seconds).max(1);
        if seconds % DAY == 0 {
            Rotation::WallClock {
                zone,
                origin: local(zone, virtual_start),
                days: seconds / DAY,
            }
        } else {
            Rotation::Absolute {
                origin: virtual_start,
                seconds,
            }
        }
    }

    /// The instant turn `k` begins (turn 0 is the first user's first turn; `k` may be negative).
    pub fn handoff(&self, k: i64) -> i64 {
        match *self {
            Rotation::WallClock { zone, origin, days } => {
                let shift = k.saturating_mul(days);
                let moved = if shift >= 0 {
                    origin.checked_add_days(Days::new(shift.unsigned_abs()))
                } else {
                    origin.checked_sub_days(Days::new(shift.unsigned_abs()))
                };
                match moved {
                    Some(local) => resolve(zone, local),
                    None if shift >= 0 => i64::MAX,
                    None => i64::MIN,
                }
            }
            Rotation::Absolute { origin, seconds } => {
                origin.saturating_add(k.saturating_mul(seconds))
            }
        }
    }

    /// The turn in progress at `at`: the `k` with `handoff(k) <= at < handoff(k + 1)`.
    pub fn turn_at(&self, at: i64) -> i64 {
        let mut k = match *self {
            Rotation::WallClock { zone, origin, days } => {
                let elapsed = (local_date(zone, at) - origin.date()).num_days();
                elapsed.div_euclid(days)
            }
            Rotation::Absolute { origin, seconds } => (at - origin).div_euclid(seconds),
        };
        // The estimate is off by at most one turn; the loops settle it.
        while k > i64::MIN && self.handoff(k) > at {
            k -= 1;
        }
        while k < i64::MAX && self.handoff(k + 1) <= at {
            k += 1;
        }
        k
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::test_support::at;
    use chrono_tz::America::New_York;

    #[test]
    fn weekly_turns_keep_local_time_across_dst() {
        let rotation = Rotation::new(New_York, at("2027-03-08T09:00:00-05:00"), 604_800);
        assert_eq!(rotation.handoff(1), at("2027-03-15T09:00:00-04:00"));
        assert_eq!(rotation.handoff(-1), at("2027-03-01T09:00:00-05:00"));
        assert_eq!(rotation.turn_at(at("2027-03-15T08:59:59-04:00")), 0);
        assert_eq!(rotation.turn_at(at("2027-03-15T09:00:00-04:00")), 1);
        assert_eq!(rotation.turn_at(at("2027-02-28T00:00:00-05:00")), -2);
    }

    #[test]
    fn hourly_turns_count_absolute_time() {
        let rotation = Rotation::new(New_York, at("2027-03-14T00:00:00-05:00"), 12 * 3600);
        assert_eq!(rotation.handoff(1), at("2027-03-14T13:00:00-04:00"));
        assert_eq!(rotation.turn_at(at("2027-03-14T12:59:00-04:00")), 0);
    }
}
