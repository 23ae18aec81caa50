//! The schema file: JSON in the shape printed by `terraform providers schema -json`.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};
use serde::Deserialize;

use crate::value_type::ValueType;

/// Provider address whose entry is read from the schema file.
pub const PROVIDER_ADDRESS: &str = "registry.terraform.io/pagerduty/pagerduty";

/// Environment variable naming the schema file; the repository fixture is the default.
pub const SCHEMA_PATH_ENV: &str = "PAGERDUTY_STUB_SCHEMA";

/// Computed attributes that the real provider also lets a configuration set.
const OPTIONAL_COMPUTED: [&str; 2] = ["id", "integration_key"];

/// The schema file path: `$PAGERDUTY_STUB_SCHEMA`, else the repository fixture.
pub fn schema_path() -> PathBuf {
    std::env::var_os(SCHEMA_PATH_ENV)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../tests/fixtures/pagerduty-provider-schema.json")
        })
}

/// Read the PagerDuty provider's entry from the schema file at `path`.
pub fn load(path: &Path) -> Result<ProviderSchema> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read schema file {}", path.display()))?;
    let mut file: SchemaFile = serde_json::from_str(&text)
        .with_context(|| format!("cannot parse schema file {}", path.display()))?;
    let mut schema = file
        .provider_schemas
        .remove(PROVIDER_ADDRESS)
        .ok_or_else(|| anyhow!("{} has no schema for {PROVIDER_ADDRESS}", path.display()))?;
    for (name, resource) in schema
        .resource_schemas
        .iter_mut()
        .chain(schema.data_source_schemas.iter_mut())
    {
        if !name.starts_with("pagerduty_") {
            bail!(
                "{} declares {name}, which lacks the pagerduty_ prefix",
                path.display()
            );
        }
        resource.block.normalise();
    }
    Ok(schema)
}

#[derive(Deserialize)]
struct SchemaFile {
    provider_schemas: HashMap<String, ProviderSchema>,
}

/// The schemas of one provider.
#[derive(Debug, Deserialize)]
pub struct ProviderSchema {
    /// Managed resource schemas by type name (`pagerduty_service`, ...).
    #[serde(default)]
    pub resource_schemas: BTreeMap<String, TypeSchema>,
    /// Data source schemas by type name (`pagerduty_user`, ...).
    #[serde(default)]
    pub data_source_schemas: BTreeMap<String, TypeSchema>,
}

/// The schema of one resource or data source type.
#[derive(Clone, Debug, Deserialize)]
pub struct TypeSchema {
    /// Schema version, used by Terraform for state upgrades.
    #[serde(default)]
    pub version: i64,
    /// The top-level block.
    pub block: BlockSchema,
}

/// A block: attributes and nested block types.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct BlockSchema {
    /// Attributes by name.
    #[serde(default)]
    pub attributes: BTreeMap<String, AttributeSchema>,
    /// Nested block types by name.
    #[serde(default)]
    pub block_types: BTreeMap<String, NestedBlockSchema>,
    /// Human-readable description.
    #[serde(default)]
    pub description: String,
    /// Whether the block is deprecated.
    #[serde(default)]
    pub deprecated: bool,
}

impl BlockSchema {
    /// Give untyped attributes the string type and make `id`-like attributes optional.
    fn normalise(&mut self) {
        for (name, attribute) in &mut self.attributes {
            attribute.value_type.get_or_insert(ValueType::String);
            if attribute.computed
                && !attribute.required
                && OPTIONAL_COMPUTED.contains(&name.as_str())
            {
                attribute.optional = true;
            }
        }
        for nested in self.block_types.values_mut() {
            nested.block.normalise();
        }
    }
}

/// One attribute of a block.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct AttributeSchema {
    /// Value type; `None` only before normalisation (the fixture omits some).
    #[serde(rename = "type", default)]
    pub value_type: Option<ValueType>,
    /// The configuration must set it.
    #[serde(default)]
    pub required: bool,
    /// The configuration may set it.
    #[serde(default)]
    pub optional: bool,
    /// The provider fills it in when the configuration leaves it null.
    #[serde(default)]
    pub computed: bool,
    /// Terraform hides its value in output.
    #[serde(default)]
    pub sensitive: bool,
    /// Whether the attribute is deprecated.
    #[serde(default)]
    pub deprecated: bool,
    /// Human-readable description.
    #[serde(default)]
    pub description: String,
}

/// A nested block type: how often it may appear and its content.
#[derive(Clone, Debug, Deserialize)]
pub struct NestedBlockSchema {
    /// How the blocks are collected into a value.
    pub nesting_mode: NestingMode,
    /// The schema of each block.
    pub block: BlockSchema,
    /// Fewest blocks allowed (0: no minimum).
    #[serde(default)]
    pub min_items: u64,
    /// Most blocks allowed (0: no maximum).
    #[serde(default)]
    pub max_items: u64,
}

/// Terraform's block nesting modes.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum NestingMode {
    /// Exactly one block, as an object.
    Single,
    /// At most one block, as an object of nulls when absent.
    Group,
    /// Blocks in order, as a list.
    List,
    /// Blocks without order, as a set.
    Set,
    /// Labelled blocks, as a map.
    Map,
}
