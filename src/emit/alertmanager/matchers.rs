//! Alertmanager matchers (`label="value"`, built and escaped by the plan), written as quoted YAML
//! scalars so that the `"` inside never confuses a reader.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_saphyr::{DoubleQuoted, SingleQuoted};

/// One matcher in Alertmanager syntax, e.g. `env="prod-na"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matcher(pub String);

impl Matcher {
    /// The matcher text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
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
    fn serializes_single_quoted() {
        #[derive(Serialize)]
        struct Holder {
            m: Matcher,
        }
        let yaml = serde_saphyr::to_string(&Holder {
            m: Matcher(r#"severity="it's""#.to_owned()),
        })
        .unwrap();
        assert_eq!(yaml, "m: 'severity=\"it''s\"'\n");
    }
}
