//! One layer expanded into who is on duty when.

use super::interval::{Span, intersect};
use super::restriction::open_windows;
use super::rotation::Rotation;
use crate::plan::Layer;
use chrono_tz::Tz;

/// A stretch of time during which one user of a layer is on duty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    /// When.
    pub span: Span,
    /// Index into the layer's users.
    pub user: usize,
}

/// The layer's duty within `window`, sorted, with adjacent stretches of one user merged.
///
/// The layer is active on `[start, end)`, within its restrictions' open windows; the user of turn
/// `k` is `users[k mod n]`.
pub fn expand(layer: &Layer, zone: Tz, window: Span) -> Vec<Piece> {
    let users = layer.users.len() as i64;
    if users == 0 {
        return Vec::new();
    }
    let end = layer.end.map_or(i64::MAX, |end| end.timestamp());
    let active = window.intersect(Span::new(layer.start.timestamp(), end));
    if active.is_empty() {
        return Vec::new();
    }
    let open = open_windows(&layer.restrictions, zone, active);
    if open.is_empty() {
        return Vec::new();
    }
    let rotation = Rotation::new(
        zone,
        layer.rotation_virtual_start.timestamp(),
        layer.turn_seconds,
    );
    let mut pieces: Vec<Piece> = Vec::new();
    let mut first_open = 0;
    let mut k = rotation.turn_at(active.start);
    let mut begin = rotation.handoff(k);
    while begin < active.end {
        let next = rotation.handoff(k + 1);
        let turn = Span::new(begin, next).intersect(active);
        let user = k.rem_euclid(users) as usize;
        while first_open < open.len() && open[first_open].end <= turn.start {
            first_open += 1;
        }
        for span in intersect(&[turn], &open[first_open..]) {
            match pieces.last_mut() {
                Some(last) if last.user == user && last.span.end == span.start => {
                    last.span.end = span.end;
                }
                _ => pieces.push(Piece { span, user }),
            }
        }
        if next <= begin {
            break;
        }
        k += 1;
        begin = next;
    }
    pieces
}
