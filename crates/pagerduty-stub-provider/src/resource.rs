//! A managed resource that plans and applies purely from its schema.

use async_trait::async_trait;
use rmpv::Value;
use tf_provider::schema::Schema;
use tf_provider::{AttributePath, Diagnostics, Resource};

use crate::convert;
use crate::item_counts;
use crate::schema_file::TypeSchema;
use crate::stand_in::stand_in;
use crate::values::{is_unknown, replace_computed, unknown};

/// A resource type served from the schema file.
pub struct SchemaResource {
    spec: TypeSchema,
}

impl SchemaResource {
    /// A resource with the given schema.
    pub fn new(spec: TypeSchema) -> Self {
        Self { spec }
    }

    /// Mark computed attributes the configuration leaves null as unknown,
    /// as the real provider does until PagerDuty answers.
    fn plan(&self, mut proposed: Value) -> Value {
        replace_computed(&self.spec.block, &mut proposed, &mut |_, _, value| {
            value.is_nil().then(unknown)
        });
        proposed
    }

    /// Replace unknown computed attributes with stand-in values.
    fn apply(&self, mut planned: Value) -> Value {
        replace_computed(
            &self.spec.block,
            &mut planned,
            &mut |name, attribute, value| {
                let value_type = attribute.value_type.as_ref()?;
                is_unknown(value).then(|| stand_in(value_type, name))
            },
        );
        planned
    }
}

#[async_trait]
impl Resource for SchemaResource {
    type State<'a> = Value;
    type PrivateState<'a> = Value;
    type ProviderMetaState<'a> = Value;

    fn schema(&self, _diags: &mut Diagnostics) -> Option<Schema> {
        Some(convert::type_schema(&self.spec))
    }

    async fn validate<'a>(&self, diags: &mut Diagnostics, config: Value) -> Option<()> {
        item_counts::check(&self.spec.block, &config, &AttributePath::root(), diags);
        Some(())
    }

    async fn read<'a>(
        &self,
        _diags: &mut Diagnostics,
        state: Value,
        private_state: Value,
        _provider_meta_state: Value,
    ) -> Option<(Value, Value)> {
        Some((state, private_state))
    }

    async fn plan_create<'a>(
        &self,
        _diags: &mut Diagnostics,
        proposed_state: Value,
        _config_state: Value,
        _provider_meta_state: Value,
    ) -> Option<(Value, Value)> {
        Some((self.plan(proposed_state), Value::Nil))
    }

    async fn plan_update<'a>(
        &self,
        _diags: &mut Diagnostics,
        _prior_state: Value,
        proposed_state: Value,
        _config_state: Value,
        prior_private_state: Value,
        _provider_meta_state: Value,
    ) -> Option<(Value, Value, Vec<AttributePath>)> {
        Some((self.plan(proposed_state), prior_private_state, Vec::new()))
    }

    async fn plan_destroy<'a>(
        &self,
        _diags: &mut Diagnostics,
        _prior_state: Value,
        prior_private_state: Value,
        _provider_meta_state: Value,
    ) -> Option<Value> {
        Some(prior_private_state)
    }

    async fn create<'a>(
        &self,
        _diags: &mut Diagnostics,
        planned_state: Value,
        _config_state: Value,
        planned_private_state: Value,
        _provider_meta_state: Value,
    ) -> Option<(Value, Value)> {
        Some((self.apply(planned_state), planned_private_state))
    }

    async fn update<'a>(
        &self,
        _diags: &mut Diagnostics,
        _prior_state: Value,
        planned_state: Value,
        _config_state: Value,
        planned_private_state: Value,
        _provider_meta_state: Value,
    ) -> Option<(Value, Value)> {
        Some((self.apply(planned_state), planned_private_state))
    }

    async fn destroy<'a>(
        &self,
        _diags: &mut Diagnostics,
        _prior_state: Value,
        _planned_private_state: Value,
        _provider_meta_state: Value,
    ) -> Option<()> {
        Some(())
    }
}
