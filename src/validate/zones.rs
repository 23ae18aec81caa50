//! Rules on time zones: the name must be an IANA zone, and one that `pagerduty_schedule` accepts.

use crate::diagnostic::Diagnostic;
use crate::model::Text;
use crate::suggest::{closest, distance};
use chrono::{DateTime, Duration, Offset, TimeZone, Utc};
use chrono_tz::{TZ_VARIANTS, Tz};

/// Zone names accepted by `pagerduty_schedule` (the provider's `util.ValidTZ`).
const PAGERDUTY_V1_ZONES: &str = include_str!("pagerduty_v1_zones.txt");

/// Whether `pagerduty_schedule` accepts the zone name.
pub fn pagerduty_accepts(name: &str) -> bool {
    PAGERDUTY_V1_ZONES.lines().any(|line| line.trim() == name)
}

/// Cities people name that have no zone of their own, with the zone they keep.
const CITIES: [(&str, &str); 24] = [
    ("xian", "Asia/Shanghai"),
    ("xi'an", "Asia/Shanghai"),
    ("beijing", "Asia/Shanghai"),
    ("shenzhen", "Asia/Shanghai"),
    ("chengdu", "Asia/Shanghai"),
    ("hangzhou", "Asia/Shanghai"),
    ("austin", "America/Chicago"),
    ("dallas", "America/Chicago"),
    ("houston", "America/Chicago"),
    ("boston", "America/New_York"),
    ("washington", "America/New_York"),
    ("atlanta", "America/New_York"),
    ("miami", "America/New_York"),
    ("seattle", "America/Los_Angeles"),
    ("san_francisco", "America/Los_Angeles"),
    ("san francisco", "America/Los_Angeles"),
    ("munich", "Europe/Berlin"),
    ("frankfurt", "Europe/Berlin"),
    ("lyon", "Europe/Paris"),
    ("bangalore", "Asia/Kolkata"),
    ("bengaluru", "Asia/Kolkata"),
    ("mumbai", "Asia/Kolkata"),
    ("osaka", "Asia/Tokyo"),
    ("sydney", "Australia/Sydney"),
];

/// Checks one zone name; returns the zone when it is usable.
pub fn check(zone: &Text, out: &mut Vec<Diagnostic>) -> Option<Tz> {
    let name = zone.value.as_str();
    let Ok(tz) = name.parse::<Tz>() else {
        out.push(unknown(zone));
        return None;
    };
    if !pagerduty_accepts(name) {
        let mut d = Diagnostic::error(
            "zone-rejected-by-pagerduty",
            zone.span,
            format!("pagerduty_schedule does not accept the time zone `{name}`"),
        );
        d = match same_rules(tz) {
            Some(twin) => d.with_hint(format!(
                "`{twin}` is accepted and keeps the same offsets and daylight-saving changes"
            )),
            None => d.with_hint("pick a zone from PagerDuty's list with the same offsets"),
        };
        out.push(d);
        return None;
    }
    Some(tz)
}

fn unknown(zone: &Text) -> Diagnostic {
    let name = zone.value.as_str();
    let d = Diagnostic::error(
        "unknown-zone",
        zone.span,
        format!("`{name}` is not an IANA time zone"),
    );
    let city = name.rsplit('/').next().unwrap_or(name).to_ascii_lowercase();
    if let Some((_, tz)) = CITIES.iter().find(|(c, _)| *c == city) {
        return d.with_hint(format!(
            "{} has no zone of its own: use `{tz}`",
            name.rsplit('/').next().unwrap_or(name)
        ));
    }
    let names = TZ_VARIANTS.iter().map(|tz| tz.name());
    if let Some(near) = closest(name, names) {
        return d.with_hint(format!("did you mean `{near}`?"));
    }
    let by_city = TZ_VARIANTS
        .iter()
        .map(|tz| tz.name())
        .filter(|n| n.contains('/'))
        .min_by_key(|n| distance(&city, n.rsplit('/').next().unwrap_or(n)));
    match by_city {
        Some(near) if distance(&city, near.rsplit('/').next().unwrap_or(near)) <= 2 => {
            d.with_hint(format!("did you mean `{near}`?"))
        }
        _ => d.with_hint("use an IANA name such as Europe/Paris or America/Chicago"),
    }
}

/// Accepted zones to suggest first when several keep the same rules.
const PREFERRED: [&str; 12] = [
    "Etc/UTC",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "Europe/London",
    "Europe/Paris",
    "Europe/Berlin",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Asia/Kolkata",
    "Australia/Sydney",
];

/// An accepted zone whose offsets agree with `tz` at every hour of 2026..2030, preferring one
/// in the same region and a well-known one (`America/Toronto` -> `America/New_York`).
fn same_rules(tz: Tz) -> Option<&'static str> {
    let start: DateTime<Utc> = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).single()?;
    let offset = |z: Tz, hour: i64| {
        let at = start + Duration::hours(hour);
        z.offset_from_utc_datetime(&at.naive_utc())
            .fix()
            .local_minus_utc()
    };
    let region = tz.name().split('/').next().unwrap_or("");
    let mut candidates: Vec<&'static str> = PAGERDUTY_V1_ZONES.lines().map(str::trim).collect();
    candidates.sort_by_key(|c| (!c.starts_with(region), !PREFERRED.contains(c), *c));
    candidates
        .into_iter()
        .filter_map(|c| c.parse::<Tz>().ok().map(|z| (c, z)))
        .find(|(_, z)| (0..4 * 365 * 24).all(|h| offset(*z, h) == offset(tz, h)))
        .map(|(c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Span;
    use crate::model::node::Spanned;

    fn run(name: &str) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        check(&Spanned::new(name.to_owned(), Span::default()), &mut out);
        out
    }

    #[test]
    fn knows_the_pagerduty_list() {
        assert_eq!(PAGERDUTY_V1_ZONES.lines().count(), 135);
        assert!(pagerduty_accepts("Asia/Shanghai"));
        assert!(pagerduty_accepts("Etc/UTC"));
        assert!(!pagerduty_accepts("UTC"));
        assert!(!pagerduty_accepts("America/Toronto"));
    }

    #[test]
    fn accepted_zone_passes() {
        assert!(run("Europe/Paris").is_empty());
    }

    #[test]
    fn city_without_zone_points_to_its_zone() {
        let d = run("Asia/Xian");
        assert_eq!(d[0].code, "unknown-zone");
        assert_eq!(d[0].message, "`Asia/Xian` is not an IANA time zone");
        assert_eq!(
            d[0].hint.as_deref(),
            Some("Xian has no zone of its own: use `Asia/Shanghai`")
        );
    }

    #[test]
    fn misspelt_zone_gets_the_closest() {
        let d = run("Europe/Pari");
        assert_eq!(d[0].hint.as_deref(), Some("did you mean `Europe/Paris`?"));
    }

    #[test]
    fn rejected_zone_names_its_twin() {
        let d = run("America/Toronto");
        assert_eq!(d[0].code, "zone-rejected-by-pagerduty");
        assert_eq!(
            d[0].message,
            "pagerduty_schedule does not accept the time zone `America/Toronto`"
        );
        assert_eq!(
            d[0].hint.as_deref(),
            Some(
                "`America/New_York` is accepted and keeps the same offsets and daylight-saving changes"
            )
        );
        assert_eq!(
            run("UTC")[0].hint.as_deref(),
            Some("`Etc/UTC` is accepted and keeps the same offsets and daylight-saving changes")
        );
    }
}
