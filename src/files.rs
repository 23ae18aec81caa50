//! The in-memory set of generated files: rendered once, then written atomically or compared.

use camino::{Utf8Path, Utf8PathBuf};
use std::collections::BTreeMap;

/// Generated files by path relative to the output directory, in sorted order.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Files {
    entries: BTreeMap<Utf8PathBuf, String>,
}

impl Files {
    /// An empty set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds (or replaces) one file.
    pub fn insert(&mut self, path: impl Into<Utf8PathBuf>, contents: String) {
        self.entries.insert(path.into(), contents);
    }

    /// The contents of one file, if present.
    pub fn get(&self, path: impl AsRef<Utf8Path>) -> Option<&str> {
        self.entries.get(path.as_ref()).map(String::as_str)
    }

    /// Files in path order.
    pub fn iter(&self) -> impl Iterator<Item = (&Utf8Path, &str)> {
        self.entries
            .iter()
            .map(|(path, text)| (path.as_path(), text.as_str()))
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the set holds no file.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}
