//! Plain-language reasons for a gap or an overlap, in each schedule's own local time.
//!
//! A year of a large team has tens of thousands of gaps and overlaps but few distinct reasons,
//! so each reason is computed as a small key (who, local time of day, abbreviation) and turned
//! into text once.

use super::clock::ZoneClock;
use super::interval::Span;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

const DAY: i64 = 86_400;
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// A schedule as the explanations see it.
#[derive(Debug, Clone)]
pub struct Member {
    /// Short name, e.g. `Austin`.
    pub label: String,
    /// The clock of the schedule's zone over the window.
    pub clock: ZoneClock,
    /// When it has someone on call: sorted, disjoint.
    pub spans: Vec<Span>,
}

/// Explanation keys are flat lists of numbers: `[0, enders, (member, seconds of day,
/// abbreviation, weekday or 7)...]` for a gap (enders first, then starters), `[1, (member,
/// start seconds of day, start abbreviation, end seconds of day, end abbreviation)...]` for an
/// overlap.
type Key = Vec<i64>;

const GAP: i64 = 0;
const OVERLAP: i64 = 1;
const NO_WEEKDAY: i64 = 7;

/// Interns explanations: [`Explainer::gap`] and [`Explainer::overlap`] return indexes into
/// [`Explainer::texts`].
#[derive(Debug)]
pub struct Explainer<'a> {
    members: &'a [Member],
    ids: HashMap<Key, usize, BuildHasherDefault<FastHasher>>,
    texts: Vec<String>,
    key: Key,
}

impl<'a> Explainer<'a> {
    /// An explainer for the given members.
    pub fn new(members: &'a [Member]) -> Self {
        Explainer {
            members,
            ids: HashMap::default(),
            texts: Vec::new(),
            key: Vec::new(),
        }
    }

    /// The texts, by index.
    pub fn texts(&self) -> &[String] {
        &self.texts
    }

    /// Why nobody is on call during `gap`: who stops just before it and who starts just after,
    /// e.g. `Austin ends 18:00 CDT, Xian starts 08:00 CST`. Gaps of a day or more name the
    /// local weekday too (`Exceptions ends Mon 00:00 EST`).
    pub fn gap(&mut self, gap: Span) -> usize {
        let long = gap.len() >= DAY;
        let mut key = std::mem::take(&mut self.key);
        key.clear();
        key.extend([GAP, 0]);
        for (edge, at) in [(0, gap.start), (1, gap.end)] {
            for (m, member) in self.members.iter().enumerate() {
                let touches = match edge {
                    0 => ends_at(&member.spans, at),
                    _ => starts_at(&member.spans, at),
                };
                if !touches {
                    continue;
                }
                let clock = &member.clock;
                let weekday = if long {
                    clock.weekday(at) as i64
                } else {
                    NO_WEEKDAY
                };
                key.extend([
                    m as i64,
                    clock.seconds_of_day(at),
                    clock.abbreviation(at) as i64,
                    weekday,
                ]);
                if edge == 0 {
                    key[1] += 1;
                }
            }
        }
        self.intern(key)
    }

    /// Who is on call at once during `span` (`on_call` are member positions), each in local
    /// time, e.g. `Xian 15:00-17:00 CST, Paris 08:00-10:00 CET`.
    pub fn overlap(&mut self, on_call: &[usize], span: Span) -> usize {
        let mut key = std::mem::take(&mut self.key);
        key.clear();
        key.push(OVERLAP);
        for &m in on_call {
            let Some(member) = self.members.get(m) else {
                continue;
            };
            let clock = &member.clock;
            key.extend([
                m as i64,
                clock.seconds_of_day(span.start),
                clock.abbreviation(span.start) as i64,
                clock.seconds_of_day(span.end),
                clock.abbreviation(span.end) as i64,
            ]);
        }
        self.intern(key)
    }

    fn intern(&mut self, key: Key) -> usize {
        if let Some(&id) = self.ids.get(&key) {
            self.key = key;
            return id;
        }
        let id = self.texts.len();
        self.texts.push(self.text(&key));
        self.ids.insert(key, id);
        id
    }

    fn text(&self, key: &[i64]) -> String {
        match key.first() {
            Some(&GAP) => {
                let enders = key.get(1).copied().unwrap_or(0).max(0) as usize;
                let readings: Vec<&[i64]> = key[2..].chunks(4).collect();
                let (ends, starts) = readings.split_at(enders.min(readings.len()));
                let side = |readings: &[&[i64]], verb: &str| {
                    readings
                        .iter()
                        .map(|r| format!("{} {verb} {}", self.label(r[0]), self.clock(r)))
                        .collect::<Vec<_>>()
                        .join(" and ")
                };
                let parts: Vec<String> = [side(ends, "ends"), side(starts, "starts")]
                    .into_iter()
                    .filter(|part| !part.is_empty())
                    .collect();
                if parts.is_empty() {
                    "nobody on call for the whole window".to_string()
                } else {
                    parts.join(", ")
                }
            }
            _ => key[1..]
                .chunks(5)
                .map(|r| {
                    let (a, b) = (hh_mm(r[1]), hh_mm(r[3]));
                    let (x, y) = (self.abbreviation(r[0], r[2]), self.abbreviation(r[0], r[4]));
                    let span = if x == y {
                        format!("{a}-{b} {x}")
                    } else {
                        format!("{a} {x}-{b} {y}")
                    };
                    format!("{} {span}", self.label(r[0]))
                })
                .collect::<Vec<_>>()
                .join(", "),
        }
    }

    fn label(&self, member: i64) -> &str {
        self.members
            .get(member as usize)
            .map_or("", |m| m.label.as_str())
    }

    fn abbreviation(&self, member: i64, index: i64) -> &str {
        self.members
            .get(member as usize)
            .map_or("", |m| m.clock.abbreviation_text(index as usize))
    }

    /// `18:00 CDT` or, with a weekday, `Fri 18:00 CDT`, from `[member, seconds, abbr, weekday]`.
    fn clock(&self, r: &[i64]) -> String {
        let abbreviation = self.abbreviation(r[0], r[2]);
        match WEEKDAYS.get(r[3] as usize) {
            Some(day) => format!("{day} {} {abbreviation}", hh_mm(r[1])),
            None => format!("{} {abbreviation}", hh_mm(r[1])),
        }
    }
}

/// A small, fast, deterministic hasher for the integer keys (FxHash's mixing step).
#[derive(Debug, Default, Clone, Copy)]
pub struct FastHasher(u64);

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.add(value);
    }

    fn write_usize(&mut self, value: usize) {
        self.add(value as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// `HH:MM`, or `HH:MM:SS` when the seconds are not zero.
fn hh_mm(seconds: i64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if s == 0 {
        format!("{h:02}:{m:02}")
    } else {
        format!("{h:02}:{m:02}:{s:02}")
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
