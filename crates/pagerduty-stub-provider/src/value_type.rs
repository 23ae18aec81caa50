//! Terraform value types as written in schema JSON (`"string"`, `["list", "string"]`, ...).

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value as Json;

/// A Terraform value type.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(try_from = "Json")]
pub enum ValueType {
    /// `"string"`
    String,
    /// `"number"`
    Number,
    /// `"bool"`
    Bool,
    /// `"dynamic"`: any type, chosen by the value.
    Dynamic,
    /// `["list", T]`
    List(Box<ValueType>),
    /// `["set", T]`
    Set(Box<ValueType>),
    /// `["map", T]`
    Map(Box<ValueType>),
    /// `["object", {name: T}]`
    Object(BTreeMap<String, ValueType>),
    /// `["tuple", [T...]]`
    Tuple(Vec<ValueType>),
}

impl TryFrom<Json> for ValueType {
    type Error = String;

    fn try_from(json: Json) -> Result<Self, Self::Error> {
        let parts = match json {
            Json::String(name) => {
                return match name.as_str() {
                    "string" => Ok(Self::String),
                    "number" => Ok(Self::Number),
                    "bool" => Ok(Self::Bool),
                    "dynamic" => Ok(Self::Dynamic),
                    other => Err(format!("unknown primitive type {other:?}")),
                };
            }
            Json::Array(parts) => parts,
            other => return Err(format!("unknown type {other}")),
        };
        let [kind, inner] = <[Json; 2]>::try_from(parts)
            .map_err(|parts| format!("unknown type {}", Json::Array(parts)))?;
        match (kind.as_str(), inner) {
            (Some("list"), inner) => Ok(Self::List(Box::new(inner.try_into()?))),
            (Some("set"), inner) => Ok(Self::Set(Box::new(inner.try_into()?))),
            (Some("map"), inner) => Ok(Self::Map(Box::new(inner.try_into()?))),
            (Some("object"), Json::Object(fields)) => fields
                .into_iter()
                .map(|(name, field)| Ok((name, field.try_into()?)))
                .collect::<Result<_, String>>()
                .map(Self::Object),
            (Some("tuple"), Json::Array(elements)) => elements
                .into_iter()
                .map(Self::try_from)
                .collect::<Result<_, String>>()
                .map(Self::Tuple),
            (_, inner) => Err(format!("unknown type [{kind}, {inner}]")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<ValueType, String> {
        serde_json::from_str::<Json>(text)
            .map_err(|e| e.to_string())
            .and_then(ValueType::try_from)
    }

    #[test]
    fn parses_primitive_and_collection_types() {
        assert_eq!(parse(r#""number""#), Ok(ValueType::Number));
        assert_eq!(
            parse(r#"["list", "string"]"#),
            Ok(ValueType::List(Box::new(ValueType::String)))
        );
        assert_eq!(
            parse(r#"["object", {"a": "bool"}]"#),
            Ok(ValueType::Object(BTreeMap::from([(
                "a".to_owned(),
                ValueType::Bool
            )])))
        );
    }

    #[test]
    fn rejects_unknown_types() {
        assert!(parse(r#""text""#).is_err());
        assert!(parse(r#"["bag", "string"]"#).is_err());
        assert!(parse(r#"["list"]"#).is_err());
    }
}
