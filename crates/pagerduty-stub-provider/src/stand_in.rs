//! Stand-in values for computed attributes whose real values only PagerDuty knows.

use rmpv::Value;

use crate::value_type::ValueType;

/// A known value of type `value_type`; strings read `stub-<label>`.
pub fn stand_in(value_type: &ValueType, label: &str) -> Value {
    match value_type {
        ValueType::String => Value::from(format!("stub-{label}")),
        ValueType::Number => Value::from(0),
        ValueType::Bool => Value::from(false),
        ValueType::List(_) | ValueType::Set(_) => Value::Array(Vec::new()),
        ValueType::Map(_) => Value::Map(Vec::new()),
        ValueType::Object(fields) => Value::Map(
            fields
                .iter()
                .map(|(name, field)| (Value::from(name.as_str()), stand_in(field, name)))
                .collect(),
        ),
        ValueType::Tuple(elements) => Value::Array(
            elements
                .iter()
                .enumerate()
                .map(|(index, element)| stand_in(element, &format!("{label}-{index}")))
                .collect(),
        ),
        // A dynamic value travels as [JSON type, value].
        ValueType::Dynamic => Value::Array(vec![
            Value::Binary(br#""string""#.to_vec()),
            Value::from(format!("stub-{label}")),
        ]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_carry_the_label() {
        assert_eq!(
            stand_in(&ValueType::String, "id-1"),
            Value::from("stub-id-1")
        );
    }

    #[test]
    fn collections_are_empty() {
        let list = ValueType::List(Box::new(ValueType::String));
        assert_eq!(stand_in(&list, "teams"), Value::Array(Vec::new()));
    }
}
