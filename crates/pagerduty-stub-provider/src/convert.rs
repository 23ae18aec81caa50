//! Conversion of schema-file types into tf-provider's schema types.

use tf_provider::schema::{
    Attribute, AttributeConstraint, AttributeType, Block, Description, NestedBlock, Schema,
};

use crate::schema_file::{
    AttributeSchema, BlockSchema, NestedBlockSchema, NestingMode, TypeSchema,
};
use crate::value_type::ValueType;

/// The tf-provider schema served for one resource or data source type.
pub fn type_schema(schema: &TypeSchema) -> Schema {
    Schema {
        version: schema.version,
        block: block(&schema.block, schema.version),
    }
}

/// A block and everything nested in it.
pub fn block(schema: &BlockSchema, version: i64) -> Block {
    Block {
        version,
        attributes: schema
            .attributes
            .iter()
            .map(|(name, attribute_schema)| (name.clone(), attribute(attribute_schema)))
            .collect(),
        blocks: schema
            .block_types
            .iter()
            .map(|(name, nested)| (name.clone(), nested_block(nested, version)))
            .collect(),
        description: Description::plain(&schema.description),
        deprecated: schema.deprecated,
    }
}

fn attribute(schema: &AttributeSchema) -> Attribute {
    let constraint = match (schema.required, schema.optional, schema.computed) {
        (true, _, _) => AttributeConstraint::Required,
        (false, true, true) => AttributeConstraint::OptionalComputed,
        (false, false, true) => AttributeConstraint::Computed,
        (false, _, false) => AttributeConstraint::Optional,
    };
    Attribute {
        attr_type: schema
            .value_type
            .as_ref()
            .map_or(AttributeType::String, attribute_type),
        description: Description::plain(&schema.description),
        constraint,
        sensitive: schema.sensitive,
        deprecated: schema.deprecated,
    }
}

/// Nesting modes map one to one, except a list of at most one block, which
/// tf-provider calls `Optional`. Item counts are checked in validation.
fn nested_block(schema: &NestedBlockSchema, version: i64) -> NestedBlock {
    let inner = block(&schema.block, version);
    match schema.nesting_mode {
        NestingMode::Single => NestedBlock::Single(inner),
        NestingMode::Group => NestedBlock::Group(inner),
        NestingMode::List if schema.max_items == 1 => NestedBlock::Optional(inner),
        NestingMode::List => NestedBlock::List(inner),
        NestingMode::Set => NestedBlock::Set(inner),
        NestingMode::Map => NestedBlock::Map(inner),
    }
}

fn attribute_type(value_type: &ValueType) -> AttributeType {
    match value_type {
        ValueType::String => AttributeType::String,
        ValueType::Number => AttributeType::Number,
        ValueType::Bool => AttributeType::Bool,
        ValueType::Dynamic => AttributeType::Any,
        ValueType::List(element) => AttributeType::List(Box::new(attribute_type(element))),
        ValueType::Set(element) => AttributeType::Set(Box::new(attribute_type(element))),
        ValueType::Map(element) => AttributeType::Map(Box::new(attribute_type(element))),
        ValueType::Object(fields) => AttributeType::Object(
            fields
                .iter()
                .map(|(name, field)| (name.clone(), attribute_type(field)))
                .collect(),
        ),
        ValueType::Tuple(elements) => {
            AttributeType::Tuple(elements.iter().map(attribute_type).collect())
        }
    }
}
