//! The geometry of one weekly coverage chart: 7 UTC days by 24 UTC hours, one colour per
//! schedule, gaps in red, overlaps as stacked colours under a hatch.

use crate::plan::Plan;
use crate::time::{self, Regime, Segment};
use serde::Serialize;

const WIDTH: f64 = 968.0;
const LEFT: f64 = 128.0;
const HOUR: f64 = 34.0;
const ROW: f64 = 36.0;
const BAR: f64 = 26.0;
const LEGEND_COLUMN: f64 = 236.0;
const LINE: f64 = 18.0;
const DAY: i64 = 86_400;

/// Colour-blind-safe schedule colours (Okabe-Ito without its red-orange, then a few more).
const PALETTE: [&str; 10] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#F0E442", "#7F7F7F", "#8C564B",
    "#17BECF", "#BCBD22",
];

/// The colour of gaps.
pub const GAP: &str = "#D62728";

/// Everything the SVG template draws.
#[derive(Debug, Serialize)]
pub struct Chart {
    width: String,
    height: String,
    title: String,
    subtitle: Vec<Text>,
    grid_top: String,
    grid_bottom: String,
    grid_left: String,
    grid_width: String,
    hours: Vec<Tick>,
    rows: Vec<Row>,
    legend: Vec<Legend>,
    note: Text,
    gap_colour: &'static str,
}

#[derive(Debug, Serialize)]
struct Text {
    x: String,
    y: String,
    text: String,
}

#[derive(Debug, Serialize)]
struct Tick {
    x: String,
    label: String,
    major: bool,
}

#[derive(Debug, Serialize)]
struct Row {
    label: Text,
    y: String,
    height: String,
    fills: Vec<Rect>,
    hatches: Vec<Rect>,
    gaps: Vec<Rect>,
}

#[derive(Debug, Serialize)]
struct Rect {
    x: String,
    y: String,
    w: String,
    h: String,
    fill: String,
    label: Option<Text>,
}

#[derive(Debug, Serialize)]
struct Legend {
    kind: &'static str,
    x: String,
    y: String,
    fill: String,
    label: Text,
}

/// The chart of `schedules` (indexes into the plan) for the regime's representative week.
pub fn chart(plan: &Plan, schedules: &[usize], title: &str, regime: &Regime) -> Chart {
    let week = regime.week;
    let labels: Vec<(String, chrono_tz::Tz)> = schedules
        .iter()
        .filter_map(|&i| plan.schedules.get(i))
        .map(|s| (time::label(s), s.zone))
        .collect();
    let mut subtitle = vec![
        format!(
            "{}: {}",
            regime.name,
            regime
                .periods
                .iter()
                .map(|p| format!(
                    "{}..{}",
                    p.start.format("%Y-%m-%d"),
                    p.end.format("%Y-%m-%d")
                ))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        format!(
            "UTC offsets: {}",
            labels
                .iter()
                .map(|(label, zone)| {
                    let state = regime.zones.iter().find(|z| z.zone == zone.name());
                    match state {
                        Some(z) => format!("{label} {} {}", z.offset, z.abbreviation),
                        None => label.clone(),
                    }
                })
                .collect::<Vec<_>>()
                .join(", ")
        ),
    ];
    subtitle.dedup();
    let subtitle: Vec<Text> = subtitle
        .into_iter()
        .enumerate()
        .map(|(i, text)| Text {
            x: px(24.0),
            y: px(52.0 + i as f64 * LINE),
            text,
        })
        .collect();
    let grid_top = 52.0 + subtitle.len() as f64 * LINE + 24.0;
    let segments = time::segments(plan, schedules, week.start, week.end);
    let start = week.start.timestamp();
    let rows: Vec<Row> = (0..7)
        .map(|d| row(start + d * DAY, grid_top + d as f64 * ROW, &segments))
        .collect();
    let grid_bottom = grid_top + 7.0 * ROW;
    let hours = (0..=24)
        .map(|h| Tick {
            x: px(LEFT + f64::from(h) * HOUR),
            label: if h % 3 == 0 {
                format!("{h:02}")
            } else {
                String::new()
            },
            major: h % 6 == 0,
        })
        .collect();
    let mut legend_items: Vec<(&'static str, String, String)> = labels
        .iter()
        .enumerate()
        .map(|(i, (label, zone))| ("fill", colour(i), format!("{label} ({})", zone.name())))
        .collect();
    legend_items.push(("gap", GAP.to_string(), "no one on call".to_string()));
    legend_items.push((
        "hatch",
        "#FFFFFF".to_string(),
        "more than one on call".into(),
    ));
    let per_line = ((WIDTH - 48.0) / LEGEND_COLUMN).floor().max(1.0) as usize;
    let legend_top = grid_bottom + 28.0;
    let legend: Vec<Legend> = legend_items
        .into_iter()
        .enumerate()
        .map(|(i, (kind, fill, text))| {
            let x = 24.0 + (i % per_line) as f64 * LEGEND_COLUMN;
            let y = legend_top + (i / per_line) as f64 * (LINE + 6.0);
            Legend {
                kind,
                x: px(x),
                y: px(y),
                fill,
                label: Text {
                    x: px(x + 20.0),
                    y: px(y + 11.5),
                    text,
                },
            }
        })
        .collect();
    let lines = legend.len().div_ceil(per_line) as f64;
    let note_y = legend_top + lines * (LINE + 6.0) + 16.0;
    Chart {
        width: px(WIDTH),
        height: px(note_y + 16.0),
        title: format!("{title}, week of {} (UTC)", week.start.format("%Y-%m-%d")),
        subtitle,
        grid_top: px(grid_top),
        grid_bottom: px(grid_bottom),
        grid_left: px(LEFT),
        grid_width: px(24.0 * HOUR),
        hours,
        rows,
        legend,
        note: Text {
            x: px(24.0),
            y: px(note_y),
            text: "Columns are UTC hours; each row is one UTC day. Red: nobody is paged. \
                   Hatched: several schedules on call at once (their colours stacked)."
                .into(),
        },
        gap_colour: GAP,
    }
}

fn row(day: i64, top: f64, segments: &[Segment]) -> Row {
    let y = top + (ROW - BAR) / 2.0;
    let mut fills = Vec::new();
    let mut hatches = Vec::new();
    let mut gaps = Vec::new();
    for seg in segments {
        let (a, b) = (seg.span.start.max(day), seg.span.end.min(day + DAY));
        if a >= b {
            continue;
        }
        let x = LEFT + (a - day) as f64 / 3600.0 * HOUR;
        let w = (b - a) as f64 / 3600.0 * HOUR;
        let rect = |y: f64, h: f64, fill: String, label: Option<Text>| Rect {
            x: px(x),
            y: px(y),
            w: px(w),
            h: px(h),
            fill,
            label,
        };
        match seg.members.len() {
            0 => {
                let label = (w >= 24.0).then(|| Text {
                    x: px(x + w / 2.0),
                    y: px(y + BAR / 2.0 + 4.0),
                    text: time::duration(seg.span.end.min(day + DAY) - a),
                });
                gaps.push(rect(y, BAR, GAP.to_string(), label));
            }
            n => {
                let band = BAR / n as f64;
                for (k, &member) in seg.members.iter().enumerate() {
                    fills.push(rect(y + k as f64 * band, band, colour(member), None));
                }
                if n > 1 {
                    hatches.push(rect(y, BAR, String::new(), None));
                }
            }
        }
    }
    let date = time_of(day);
    Row {
        label: Text {
            x: px(LEFT - 10.0),
            y: px(y + BAR / 2.0 + 4.0),
            text: date.format("%a %Y-%m-%d").to_string(),
        },
        y: px(y),
        height: px(BAR),
        fills,
        hatches,
        gaps,
    }
}

fn time_of(at: i64) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(at, 0).unwrap_or_default()
}

/// The colour of the schedule at `position` in the chart.
pub fn colour(position: usize) -> String {
    PALETTE[position % PALETTE.len()].to_string()
}

/// A coordinate: whole pixels without decimals, others with one.
fn px(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}
