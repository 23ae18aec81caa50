//! Helpers for Terraform values decoded from msgpack into [`rmpv::Value`].

use rmpv::Value;

use crate::schema_file::{AttributeSchema, BlockSchema, NestingMode};

/// msgpack extension type Terraform uses for an unknown value.
const UNKNOWN_EXT: i8 = 0;
/// msgpack extension type Terraform uses for an unknown value with refinements.
const REFINED_UNKNOWN_EXT: i8 = 12;

/// An unknown value, encoded as Terraform encodes it.
pub fn unknown() -> Value {
    Value::Ext(UNKNOWN_EXT, vec![0])
}

/// Whether `value` is unknown (refined or not).
pub fn is_unknown(value: &Value) -> bool {
    matches!(value, Value::Ext(UNKNOWN_EXT | REFINED_UNKNOWN_EXT, _))
}

/// The value of attribute or block `name` in an object value.
pub fn field<'a>(object: &'a Value, name: &str) -> Option<&'a Value> {
    object
        .as_map()?
        .iter()
        .find(|(key, _)| key.as_str() == Some(name))
        .map(|(_, value)| value)
}

/// The block objects held by a nested block value of the given nesting mode.
pub fn block_items(mode: NestingMode, value: &Value) -> Vec<&Value> {
    match (mode, value) {
        (NestingMode::List | NestingMode::Set, Value::Array(items)) => items.iter().collect(),
        (NestingMode::Map, Value::Map(entries)) => entries.iter().map(|(_, v)| v).collect(),
        (NestingMode::Single | NestingMode::Group, Value::Map(_)) => vec![value],
        _ => Vec::new(),
    }
}

fn block_items_mut(mode: NestingMode, value: &mut Value) -> Vec<&mut Value> {
    match (mode, value) {
        (NestingMode::List | NestingMode::Set, Value::Array(items)) => items.iter_mut().collect(),
        (NestingMode::Map, Value::Map(entries)) => entries.iter_mut().map(|(_, v)| v).collect(),
        (NestingMode::Single | NestingMode::Group, value @ Value::Map(_)) => vec![value],
        _ => Vec::new(),
    }
}

/// Replace computed attributes, in `object` and all blocks nested in it, with
/// what `replace` returns for them (`None` keeps the value).
pub fn replace_computed<F>(block: &BlockSchema, object: &mut Value, replace: &mut F)
where
    F: FnMut(&str, &AttributeSchema, &Value) -> Option<Value>,
{
    let Value::Map(fields) = object else {
        return;
    };
    for (key, value) in fields {
        let Some(name) = key.as_str() else {
            continue;
        };
        if let Some(attribute) = block.attributes.get(name) {
            if attribute.computed
                && let Some(new_value) = replace(name, attribute, value)
            {
                *value = new_value;
            }
        } else if let Some(nested) = block.block_types.get(name) {
            for item in block_items_mut(nested.nesting_mode, value) {
                replace_computed(&nested.block, item, replace);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema_file::{NestedBlockSchema, NestingMode};

    fn computed() -> AttributeSchema {
        AttributeSchema {
            computed: true,
            optional: true,
            ..Default::default()
        }
    }

    fn object(fields: Vec<(&str, Value)>) -> Value {
        Value::Map(
            fields
                .into_iter()
                .map(|(name, value)| (Value::from(name), value))
                .collect(),
        )
    }

    #[test]
    fn unknown_is_encoded_as_terraform_does() {
        let mut bytes = Vec::new();
        rmpv::encode::write_value(&mut bytes, &unknown()).expect("encode");
        assert_eq!(bytes, [0xd4, 0, 0]);
        assert!(is_unknown(&Value::Ext(12, vec![1, 2])));
        assert!(!is_unknown(&Value::Nil));
    }

    #[test]
    fn replaces_computed_attributes_in_nested_blocks() {
        let mut layer = BlockSchema::default();
        layer.attributes.insert("name".into(), computed());
        let mut schedule = BlockSchema::default();
        schedule.attributes.insert("id".into(), computed());
        schedule
            .attributes
            .insert("time_zone".into(), AttributeSchema::default());
        schedule.block_types.insert(
            "layer".into(),
            NestedBlockSchema {
                nesting_mode: NestingMode::List,
                block: layer,
                min_items: 1,
                max_items: 0,
            },
        );
        let mut value = object(vec![
            ("id", Value::Nil),
            ("time_zone", Value::Nil),
            (
                "layer",
                Value::Array(vec![object(vec![("name", Value::Nil)])]),
            ),
        ]);
        replace_computed(&schedule, &mut value, &mut |_, _, v| {
            v.is_nil().then(unknown)
        });
        assert_eq!(
            value,
            object(vec![
                ("id", unknown()),
                ("time_zone", Value::Nil),
                (
                    "layer",
                    Value::Array(vec![object(vec![("name", unknown())])])
                ),
            ])
        );
    }
}
