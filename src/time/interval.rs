//! Half-open intervals of Unix seconds, and the set operations the engine is built from.

/// A half-open interval `[start, end)` of Unix timestamps in seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First second inside the interval.
    pub start: i64,
    /// First second after the interval.
    pub end: i64,
}

impl Span {
    /// The interval `[start, end)`.
    pub fn new(start: i64, end: i64) -> Self {
        Span { start, end }
    }

    /// Whether the interval holds no second.
    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// Length in seconds (0 when empty).
    pub fn len(self) -> i64 {
        (self.end - self.start).max(0)
    }

    /// The common part of two intervals (possibly empty).
    pub fn intersect(self, other: Span) -> Span {
        Span::new(self.start.max(other.start), self.end.min(other.end))
    }

    /// Whether `at` lies inside the interval.
    pub fn contains(self, at: i64) -> bool {
        self.start <= at && at < self.end
    }
}

/// Sorts and merges overlapping or touching intervals; drops empty ones.
pub fn union(mut spans: Vec<Span>) -> Vec<Span> {
    spans.retain(|s| !s.is_empty());
    spans.sort_unstable();
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        match out.last_mut() {
            Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
            _ => out.push(span),
        }
    }
    out
}

/// The intersection of two sorted, disjoint interval lists.
pub fn intersect(a: &[Span], b: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let common = a[i].intersect(b[j]);
        if !common.is_empty() {
            out.push(common);
        }
        if a[i].end < b[j].end {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// `a` minus `b`, both sorted and disjoint.
pub fn subtract(a: &[Span], b: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut j = 0;
    for &span in a {
        let mut start = span.start;
        while j < b.len() && b[j].end <= start {
            j += 1;
        }
        let mut k = j;
        while k < b.len() && b[k].start < span.end {
            if b[k].start > start {
                out.push(Span::new(start, b[k].start));
            }
            start = start.max(b[k].end);
            k += 1;
        }
        if start < span.end {
            out.push(Span::new(start, span.end));
        }
    }
    out
}

/// Total length of disjoint intervals, in seconds.
pub fn total(spans: &[Span]) -> i64 {
    spans.iter().map(|s| s.len()).sum()
}

/// A maximal interval during which the same members hold the same state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The interval.
    pub span: Span,
    /// Indexes of the members covering the whole interval, ascending.
    pub members: Vec<usize>,
}

/// Cuts `window` into maximal segments with a constant set of covering members.
///
/// `members[i]` is member `i`'s coverage: sorted, disjoint intervals. Every second of `window`
/// lies in exactly one returned segment.
pub fn partition(window: Span, members: &[Vec<Span>]) -> Vec<Segment> {
    let mut events: Vec<(i64, bool, usize)> = Vec::new();
    for (index, spans) in members.iter().enumerate() {
        for span in spans {
            let clipped = span.intersect(window);
            if !clipped.is_empty() {
                events.push((clipped.start, true, index));
                events.push((clipped.end, false, index));
            }
        }
    }
    events.sort_unstable();
    let mut active: Vec<usize> = Vec::new();
    let mut out: Vec<Segment> = Vec::new();
    let mut cursor = window.start;
    let mut e = 0;
    while cursor < window.end {
        while e < events.len() && events[e].0 <= cursor {
            let (_, opens, index) = events[e];
            match (opens, active.binary_search(&index)) {
                (true, Err(pos)) => active.insert(pos, index),
                (false, Ok(pos)) => {
                    active.remove(pos);
                }
                _ => {}
            }
            e += 1;
        }
        let next = events.get(e).map_or(window.end, |ev| ev.0.min(window.end));
        match out.last_mut() {
            Some(last) if last.members == active && last.span.end == cursor => last.span.end = next,
            _ => out.push(Segment {
                span: Span::new(cursor, next),
                members: active.clone(),
            }),
        }
        cursor = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(a: i64, b: i64) -> Span {
        Span::new(a, b)
    }

    #[test]
    fn union_merges_touching_and_drops_empty() {
        let merged = union(vec![s(5, 7), s(0, 2), s(2, 3), s(4, 4), s(6, 9)]);
        assert_eq!(merged, vec![s(0, 3), s(5, 9)]);
    }

    #[test]
    fn intersect_and_subtract() {
        let a = [s(0, 10), s(20, 30)];
        let b = [s(5, 25), s(28, 40)];
        assert_eq!(intersect(&a, &b), vec![s(5, 10), s(20, 25), s(28, 30)]);
        assert_eq!(subtract(&a, &b), vec![s(0, 5), s(25, 28)]);
        assert_eq!(subtract(&a, &[]), a.to_vec());
        assert_eq!(total(&a), 20);
    }

    #[test]
    fn partition_tracks_member_sets() {
        let members = vec![vec![s(0, 10)], vec![s(5, 15)]];
        let segments = partition(s(-5, 20), &members);
        let shape: Vec<(i64, i64, Vec<usize>)> = segments
            .into_iter()
            .map(|g| (g.span.start, g.span.end, g.members))
            .collect();
        assert_eq!(
            shape,
            vec![
                (-5, 0, vec![]),
                (0, 5, vec![0]),
                (5, 10, vec![0, 1]),
                (10, 15, vec![1]),
                (15, 20, vec![]),
            ]
        );
    }
}
