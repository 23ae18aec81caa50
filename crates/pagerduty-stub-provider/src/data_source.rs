//! A data source that answers reads with stand-in values.

use std::hash::{DefaultHasher, Hash, Hasher};

use async_trait::async_trait;
use rmpv::Value;
use tf_provider::schema::Schema;
use tf_provider::{AttributePath, DataSource, Diagnostics};

use crate::convert;
use crate::item_counts;
use crate::schema_file::TypeSchema;
use crate::stand_in::stand_in;
use crate::values::{is_unknown, replace_computed};

/// A data source type served from the schema file.
pub struct SchemaDataSource {
    spec: TypeSchema,
}

impl SchemaDataSource {
    /// A data source with the given schema.
    pub fn new(spec: TypeSchema) -> Self {
        Self { spec }
    }
}

/// A short tag derived from the configuration, so that two reads with
/// different arguments yield different stand-in ids.
fn config_tag(config: &Value) -> u32 {
    let mut hasher = DefaultHasher::new();
    config.to_string().hash(&mut hasher);
    // Truncation is intended: the tag only needs to tell reads apart.
    hasher.finish() as u32
}

#[async_trait]
impl DataSource for SchemaDataSource {
    type State<'a> = Value;
    type ProviderMetaState<'a> = Value;

    fn schema(&self, _diags: &mut Diagnostics) -> Option<Schema> {
        Some(convert::type_schema(&self.spec))
    }

    async fn validate<'a>(&self, diags: &mut Diagnostics, config: Value) -> Option<()> {
        item_counts::check(&self.spec.block, &config, &AttributePath::root(), diags);
        Some(())
    }

    /// Terraform rejects unknown values in a read result, so every computed
    /// attribute the configuration leaves open gets a known stand-in.
    async fn read<'a>(
        &self,
        _diags: &mut Diagnostics,
        mut config: Value,
        _provider_meta_state: Value,
    ) -> Option<Value> {
        let tag = config_tag(&config);
        replace_computed(
            &self.spec.block,
            &mut config,
            &mut |name, attribute, value| {
                let value_type = attribute.value_type.as_ref()?;
                (value.is_nil() || is_unknown(value))
                    .then(|| stand_in(value_type, &format!("{name}-{tag:08x}")))
            },
        );
        Some(config)
    }
}
