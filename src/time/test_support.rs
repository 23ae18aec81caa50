//! Helpers for the engine's unit tests.

use chrono::DateTime;

/// The Unix second of an RFC 3339 instant.
pub fn at(text: &str) -> i64 {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.timestamp())
        .expect("an RFC 3339 instant")
}
