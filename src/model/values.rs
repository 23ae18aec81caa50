//! The one spelling of each kind of value: durations, dates, times, weekly hours, matchers.
//!
//! Each parser returns the value or a message and hint for the diagnostic; validate reports the
//! errors, plan reads the values.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Weekday};

/// Why a value does not parse: what is wrong, and the spelling to use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueError {
    /// What is wrong.
    pub message: String,
    /// The expected spelling.
    pub hint: String,
}

fn err<T>(message: impl Into<String>, hint: impl Into<String>) -> Result<T, ValueError> {
    Err(ValueError {
        message: message.into(),
        hint: hint.into(),
    })
}

const DURATION_HINT: &str =
    "write a whole number and one unit: s, m, h, d or w (e.g. 30s, 15m, 4h, 1d, 1w)";

/// A duration such as `30s`, `15m`, `4h`, `1d`, `1w`, in seconds.
pub fn duration(text: &str) -> Result<u64, ValueError> {
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (digits, unit) = text.split_at(split);
    let scale = match unit {
        "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        "w" => 604_800,
        _ => return err(format!("`{text}` is not a duration"), DURATION_HINT),
    };
    match digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(scale))
    {
        Some(seconds) if !digits.is_empty() => Ok(seconds),
        _ => err(format!("`{text}` is not a duration"), DURATION_HINT),
    }
}

/// Alertmanager's spelling of a duration in seconds (the largest unit that divides it).
pub fn alertmanager_duration(seconds: u64) -> String {
    for (unit, scale) in [("w", 604_800), ("d", 86_400), ("h", 3600), ("m", 60)] {
        if seconds >= scale && seconds.is_multiple_of(scale) {
            return format!("{}{unit}", seconds / scale);
        }
    }
    format!("{seconds}s")
}

/// A calendar date, `YYYY-MM-DD`.
pub fn date(text: &str) -> Result<NaiveDate, ValueError> {
    let hint = "write the date as YYYY-MM-DD, e.g. 2027-01-04";
    if text.len() != 10 {
        return err(format!("`{text}` is not a date"), hint);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| err(format!("`{text}` is not a date"), hint))
}

/// A local date and time, `YYYY-MM-DD HH:MM`.
pub fn local_datetime(text: &str) -> Result<NaiveDateTime, ValueError> {
    let hint = "write a local date and time as YYYY-MM-DD HH:MM, e.g. 2027-01-09 08:00";
    match text.split_once(' ') {
        Some((day, time)) if day.len() == 10 && time.len() == 5 => {
            let day =
                date(day).or_else(|_| err(format!("`{text}` is not a date and time"), hint))?;
            let minutes = time_of_day(time)
                .ok()
                .filter(|m| *m < 1440)
                .ok_or(())
                .or_else(|_| err(format!("`{text}` is not a date and time"), hint))?;
            let time = NaiveTime::from_hms_opt(minutes / 60, minutes % 60, 0)
                .ok_or(())
                .or_else(|_| err(format!("`{text}` is not a date and time"), hint))?;
            Ok(day.and_time(time))
        }
        _ => err(format!("`{text}` is not a date and time"), hint),
    }
}

/// A time of day `HH:MM` (`24:00` allowed as an end), in minutes after midnight.
pub fn time_of_day(text: &str) -> Result<u32, ValueError> {
    let hint = "write times as HH:MM on a 24-hour clock, from 00:00 to 24:00";
    let bytes = text.as_bytes();
    if bytes.len() != 5 || bytes[2] != b':' {
        return err(format!("`{text}` is not a time of day"), hint);
    }
    let hours: u32 = text[..2]
        .parse()
        .or_else(|_| err(format!("`{text}` is not a time of day"), hint))?;
    let minutes: u32 = text[3..]
        .parse()
        .or_else(|_| err(format!("`{text}` is not a time of day"), hint))?;
    if !text[..2].bytes().all(|b| b.is_ascii_digit())
        || !text[3..].bytes().all(|b| b.is_ascii_digit())
    {
        return err(format!("`{text}` is not a time of day"), hint);
    }
    match (hours, minutes) {
        (0..=23, 0..=59) | (24, 0) => Ok(hours * 60 + minutes),
        _ => err(format!("`{text}` is not a time of day"), hint),
    }
}

/// Weekly hours: days and a local time range, e.g. `Mon-Fri 08:00-17:00`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeeklyHours {
    /// Days the window opens on, Monday first, without repeats.
    pub days: Vec<Weekday>,
    /// Opening, minutes after local midnight.
    pub start: u32,
    /// Closing, minutes after local midnight (up to 1440), after `start`.
    pub end: u32,
}

const HOURS_HINT: &str = "write days and a time range, e.g. `Mon-Fri 08:00-17:00`, `Sat-Sun 00:00-24:00`, `Mon,Wed 09:00-12:00`";

/// Parses weekly hours. Day ranges may wrap (`Fri-Mon`); the end must come after the start.
pub fn weekly_hours(text: &str) -> Result<WeeklyHours, ValueError> {
    let Some((days_text, range)) = text.split_once(' ') else {
        return err(format!("`{text}` is not a set of weekly hours"), HOURS_HINT);
    };
    let days = days(days_text)?;
    let Some((from, to)) = range.split_once('-') else {
        return err(format!("`{range}` is not a time range"), HOURS_HINT);
    };
    let start = time_of_day(from)?;
    let end = time_of_day(to)?;
    if start == 1440 {
        return err(
            format!("`{from}` cannot open a window"),
            "a window opens at 23:59 at the latest",
        );
    }
    if end <= start {
        return err(
            format!("`{range}` ends before it starts"),
            "end after the start on the same day; use 24:00 for midnight, or split a night shift over two days",
        );
    }
    Ok(WeeklyHours { days, start, end })
}

fn days(text: &str) -> Result<Vec<Weekday>, ValueError> {
    let mut out: Vec<Weekday> = Vec::new();
    for part in text.split(',') {
        let (first, last) = match part.split_once('-') {
            Some((a, b)) => (weekday(a)?, weekday(b)?),
            None => (weekday(part)?, weekday(part)?),
        };
        let mut day = first;
        loop {
            if !out.contains(&day) {
                out.push(day);
            }
            if day == last {
                break;
            }
            day = day.succ();
        }
    }
    out.sort_by_key(|d| d.num_days_from_monday());
    Ok(out)
}

fn weekday(text: &str) -> Result<Weekday, ValueError> {
    const NAMES: [(&str, Weekday); 7] = [
        ("Mon", Weekday::Mon),
        ("Tue", Weekday::Tue),
        ("Wed", Weekday::Wed),
        ("Thu", Weekday::Thu),
        ("Fri", Weekday::Fri),
        ("Sat", Weekday::Sat),
        ("Sun", Weekday::Sun),
    ];
    NAMES
        .iter()
        .find(|(name, _)| *name == text)
        .map(|(_, day)| *day)
        .ok_or(())
        .or_else(|_| {
            err(
                format!("`{text}` is not a day"),
                "days are Mon, Tue, Wed, Thu, Fri, Sat, Sun",
            )
        })
}

/// A parsed Alertmanager matcher, `label="value"` (operators `=`, `!=`, `=~`, `!~`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matcher {
    /// Label name.
    pub label: String,
    /// Operator.
    pub op: &'static str,
    /// Value (unescaped).
    pub value: String,
}

impl Matcher {
    /// Alertmanager's canonical spelling, with the value quoted and escaped.
    pub fn to_alertmanager(&self) -> String {
        let escaped = self
            .value
            .replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('\n', "\\n");
        format!("{}{}\"{escaped}\"", self.label, self.op)
    }
}

/// Parses one matcher such as `severity="critical"`.
pub fn matcher(text: &str) -> Result<Matcher, ValueError> {
    let hint = "write a matcher as label=\"value\" (operators =, !=, =~, !~)";
    let Some(at) = text.find(['=', '!']) else {
        return err(format!("`{text}` is not a matcher"), hint);
    };
    let label = text[..at].trim();
    let rest = &text[at..];
    let op = ["=~", "!~", "!=", "="]
        .into_iter()
        .find(|op| rest.starts_with(op))
        .ok_or(())
        .or_else(|_| err(format!("`{text}` is not a matcher"), hint))?;
    if !label_name(label) {
        return err(
            format!("`{label}` is not a label name"),
            "label names match [a-zA-Z_][a-zA-Z0-9_]*",
        );
    }
    let raw = rest[op.len()..].trim();
    let value = match raw.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
        Some(quoted) => unescape(quoted)
            .ok_or(())
            .or_else(|_| err(format!("`{text}` has a bad escape"), hint))?,
        None if !raw.contains(['"', ',', '{', '}']) => raw.to_owned(),
        None => return err(format!("`{text}` is not a matcher"), hint),
    };
    Ok(Matcher {
        label: label.to_owned(),
        op,
        value,
    })
}

fn unescape(quoted: &str) -> Option<String> {
    let mut out = String::new();
    let mut chars = quoted.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                other @ ('\\' | '"') => out.push(other),
                _ => return None,
            },
            '"' => return None,
            other => out.push(other),
        }
    }
    Some(out)
}

/// Whether `name` is a valid Prometheus label name.
pub fn label_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_have_one_spelling() {
        assert_eq!(duration("15m"), Ok(900));
        assert_eq!(duration("1w"), Ok(604_800));
        assert_eq!(duration("30s"), Ok(30));
        for bad in ["15", "m", "1.5h", "15 m", "15min", "-1m", "1h30m", ""] {
            assert!(duration(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn alertmanager_durations_use_the_largest_unit() {
        assert_eq!(alertmanager_duration(14_400), "4h");
        assert_eq!(alertmanager_duration(30), "30s");
        assert_eq!(alertmanager_duration(90), "90s");
        assert_eq!(alertmanager_duration(1_209_600), "2w");
    }

    #[test]
    fn dates_and_times() {
        assert!(date("2027-01-04").is_ok());
        assert!(date("2027-1-4").is_err());
        assert!(date("2027-02-30").is_err());
        assert_eq!(time_of_day("24:00"), Ok(1440));
        assert!(time_of_day("24:01").is_err());
        assert!(time_of_day("8:00").is_err());
        assert!(local_datetime("2027-01-09 08:00").is_ok());
        assert!(local_datetime("2027-01-09T08:00").is_err());
        assert!(local_datetime("2027-01-09 24:00").is_err());
    }

    #[test]
    fn weekly_hours_read_days_and_range() {
        let h = weekly_hours("Mon-Fri 08:00-17:00").unwrap();
        assert_eq!(h.days.len(), 5);
        assert_eq!((h.start, h.end), (480, 1020));
        let wrap = weekly_hours("Fri-Mon 00:00-24:00").unwrap();
        assert_eq!(
            wrap.days,
            vec![Weekday::Mon, Weekday::Fri, Weekday::Sat, Weekday::Sun]
        );
        assert_eq!(
            weekly_hours("Mon,Wed 09:00-12:00").unwrap().days,
            vec![Weekday::Mon, Weekday::Wed]
        );
        assert!(weekly_hours("Mon-Fri 17:00-08:00").is_err());
        assert!(weekly_hours("Monday 08:00-17:00").is_err());
        assert!(weekly_hours("Mon-Fri").is_err());
    }

    #[test]
    fn matchers_parse_and_requote() {
        let m = matcher("severity=\"critical\"").unwrap();
        assert_eq!(m.to_alertmanager(), "severity=\"critical\"");
        assert_eq!(matcher("severity=~critical|page").unwrap().op, "=~");
        assert_eq!(matcher("a=\"x\\\"y\"").unwrap().value, "x\"y");
        let newline = matcher("a=\"x\\ny\"").unwrap();
        assert_eq!(newline.value, "x\ny");
        assert_eq!(newline.to_alertmanager(), "a=\"x\\ny\"");
        assert!(matcher("9x=\"a\"").is_err());
        assert!(matcher("severity").is_err());
    }
}
