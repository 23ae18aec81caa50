//! Checks of nested block counts (`min_items`, `max_items`), which Terraform
//! leaves to the provider and tf-provider's schema types cannot express.

use rmpv::Value;
use tf_provider::{AttributePath, Diagnostics};

use crate::schema_file::{BlockSchema, NestingMode};
use crate::values::{block_items, field, is_unknown};

/// Report every nested block type in `object` (recursively) that has too few
/// or too many blocks. Unknown block lists (dynamic blocks) are skipped.
pub fn check(block: &BlockSchema, object: &Value, path: &AttributePath, diags: &mut Diagnostics) {
    for (name, nested) in &block.block_types {
        let value = field(object, name).unwrap_or(&Value::Nil);
        if is_unknown(value) {
            continue;
        }
        let items = block_items(nested.nesting_mode, value);
        let count = items.len() as u64;
        let block_path = path.clone().attribute(name.clone());
        if count < nested.min_items {
            diags.error(
                format!("Insufficient {name} blocks"),
                format!(
                    "At least {} \"{name}\" blocks are required.",
                    nested.min_items
                ),
                block_path.clone(),
            );
        }
        if nested.max_items > 0 && count > nested.max_items {
            diags.error(
                format!("Too many {name} blocks"),
                format!(
                    "No more than {} \"{name}\" blocks are allowed.",
                    nested.max_items
                ),
                block_path.clone(),
            );
        }
        for (index, item) in items.into_iter().enumerate() {
            if is_unknown(item) {
                continue;
            }
            let item_path = match nested.nesting_mode {
                NestingMode::List => block_path
                    .clone()
                    .index(i64::try_from(index).unwrap_or(i64::MAX)),
                _ => block_path.clone(),
            };
            check(&nested.block, item, &item_path, diags);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema_file::NestedBlockSchema;
    use crate::values::unknown;

    fn schedule() -> BlockSchema {
        let mut block = BlockSchema::default();
        block.block_types.insert(
            "layer".into(),
            NestedBlockSchema {
                nesting_mode: NestingMode::List,
                block: BlockSchema::default(),
                min_items: 1,
                max_items: 2,
            },
        );
        block
    }

    fn errors_for(layers: Value) -> Vec<String> {
        let config = Value::Map(vec![(Value::from("layer"), layers)]);
        let mut diags = Diagnostics::default();
        check(&schedule(), &config, &AttributePath::root(), &mut diags);
        diags.errors.iter().map(|d| d.summary.to_string()).collect()
    }

    #[test]
    fn reports_missing_and_surplus_blocks() {
        let layer = || Value::Map(Vec::new());
        assert_eq!(
            errors_for(Value::Array(vec![])),
            ["Insufficient layer blocks"]
        );
        assert!(errors_for(Value::Array(vec![layer()])).is_empty());
        assert_eq!(
            errors_for(Value::Array(vec![layer(), layer(), layer()])),
            ["Too many layer blocks"]
        );
    }

    #[test]
    fn skips_unknown_block_lists() {
        assert!(errors_for(unknown()).is_empty());
    }
}
