//! "Did you mean ...?": the closest known spelling of a misspelt word.

/// Edit distance between two strings, counted in characters, ignoring ASCII case.
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().map(|c| c.to_ascii_lowercase()).collect();
    let b: Vec<char> = b.chars().map(|c| c.to_ascii_lowercase()).collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

/// The closest candidate, if it is close enough to be a likely misspelling (ties: the first).
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_edits() {
        assert_eq!(distance("zone", "zone"), 0);
        assert_eq!(distance("zoen", "zone"), 2);
        assert_eq!(distance("membres", "members"), 2);
        assert_eq!(distance("", "abc"), 3);
    }

    #[test]
    fn suggests_only_near_words() {
        assert_eq!(closest("memebrs", ["zone", "members"]), Some("members"));
        assert_eq!(closest("colour", ["zone", "members"]), None);
    }
}
