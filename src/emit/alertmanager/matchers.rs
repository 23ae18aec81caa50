//! Alertmanager matchers (`label="value"`): building them with correct escaping, and writing them
//! as quoted YAML scalars so that the `"` inside never confuses a reader.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_saphyr::{DoubleQuoted, SingleQuoted};

/// One matcher in Alertmanager syntax, e.g. `env="prod-na"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matcher(pub String);

impl Matcher {
    /// The equality matcher `label="value"`, with `\`, `"` and newlines in the value escaped.
    pub fn equal(label: &str, value: &str) -> Self {
        Matcher(format!("{label}=\"{}\"", escape_value(value)))
    }

    /// The matcher text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Escapes a label value for use between the double quotes of a matcher.
pub fn escape_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for ch in value.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            other => out.push(other),
        }
    }
    out
}

impl Serialize for Matcher {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Single quotes keep the matcher's own double quotes readable; control characters
        // cannot appear in a single-quoted YAML scalar, so those fall back to double quotes.
        if self.0.chars().any(char::is_control) {
            DoubleQuoted(self.0.as_str()).serialize(serializer)
        } else {
            SingleQuoted(self.0.as_str()).serialize(serializer)
        }
    }
}

impl<'de> Deserialize<'de> for Matcher {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Matcher)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_value_is_quoted() {
        assert_eq!(
            Matcher::equal("env", "prod-na").as_str(),
            r#"env="prod-na""#
        );
    }

    #[test]
    fn quote_backslash_and_newline_are_escaped() {
        assert_eq!(
            Matcher::equal("env", "a\"b\\c\nd").as_str(),
            r#"env="a\"b\\c\nd""#
        );
    }

    #[test]
    fn serializes_single_quoted() {
        #[derive(Serialize)]
        struct Holder {
            m: Matcher,
        }
        let yaml = serde_saphyr::to_string(&Holder {
            m: Matcher::equal("severity", "it's"),
        })
        .unwrap();
        assert_eq!(yaml, "m: 'severity=\"it''s\"'\n");
    }
}
