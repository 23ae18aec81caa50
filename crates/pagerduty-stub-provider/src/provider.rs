//! The provider: its own configuration schema plus every type in the schema file.

use std::collections::{BTreeMap, HashMap};

use async_trait::async_trait;
use rmpv::Value;
use tf_provider::schema::{Attribute, AttributeConstraint, AttributeType, Block, Schema};
use tf_provider::{Diagnostics, DynamicDataSource, DynamicResource, Provider};

use crate::data_source::SchemaDataSource;
use crate::resource::SchemaResource;
use crate::schema_file::{ProviderSchema, TypeSchema};

/// Provider name, the prefix of every type name.
pub const PROVIDER_NAME: &str = "pagerduty";

/// Optional string arguments of the `provider "pagerduty"` block.
const CONFIG_ATTRIBUTES: [&str; 3] = ["token", "user_token", "service_region"];

/// The stub provider; a schema-file error is reported to Terraform as a diagnostic.
pub struct StubProvider {
    schema: Result<ProviderSchema, String>,
}

impl StubProvider {
    /// A provider serving `schema`, or reporting why it could not be loaded.
    pub fn new(schema: anyhow::Result<ProviderSchema>) -> Self {
        Self {
            schema: schema.map_err(|error| format!("{error:#}")),
        }
    }
}

/// Type names without the `pagerduty_` prefix, which tf-provider adds back.
fn by_short_name<T>(
    types: &BTreeMap<String, TypeSchema>,
    make: impl Fn(TypeSchema) -> T,
) -> HashMap<String, T> {
    types
        .iter()
        .map(|(name, spec)| {
            let short = name
                .strip_prefix(PROVIDER_NAME)
                .and_then(|rest| rest.strip_prefix('_'))
                .unwrap_or(name);
            (short.to_owned(), make(spec.clone()))
        })
        .collect()
}

#[async_trait]
impl Provider for StubProvider {
    type Config<'a> = Value;
    type MetaState<'a> = Value;

    fn schema(&self, diags: &mut Diagnostics) -> Option<Schema> {
        if let Err(error) = &self.schema {
            diags.root_error("PagerDuty stub provider has no schema", error.clone());
            return None;
        }
        let attributes = CONFIG_ATTRIBUTES
            .iter()
            .map(|name| {
                let attribute = Attribute {
                    attr_type: AttributeType::String,
                    description: "".into(),
                    constraint: AttributeConstraint::Optional,
                    sensitive: *name != "service_region",
                    deprecated: false,
                };
                (name.to_string(), attribute)
            })
            .collect();
        Some(Schema {
            version: 0,
            block: Block {
                version: 0,
                attributes,
                description: "".into(),
                ..Default::default()
            },
        })
    }

    fn get_resources(
        &self,
        _diags: &mut Diagnostics,
    ) -> Option<HashMap<String, Box<dyn DynamicResource>>> {
        let schema = self.schema.as_ref().ok()?;
        Some(by_short_name(&schema.resource_schemas, |spec| {
            Box::new(SchemaResource::new(spec)) as Box<dyn DynamicResource>
        }))
    }

    fn get_data_sources(
        &self,
        _diags: &mut Diagnostics,
    ) -> Option<HashMap<String, Box<dyn DynamicDataSource>>> {
        let schema = self.schema.as_ref().ok()?;
        Some(by_short_name(&schema.data_source_schemas, |spec| {
            Box::new(SchemaDataSource::new(spec)) as Box<dyn DynamicDataSource>
        }))
    }
}
