//! `terraform-provider-pagerduty`: a test-only stand-in for the PagerDuty
//! Terraform provider. It serves the provider schema from a JSON file so that
//! `terraform validate` and `terraform plan` run offline; it never calls PagerDuty.

mod convert;
mod data_source;
mod item_counts;
mod provider;
mod resource;
mod schema_file;
mod stand_in;
mod value_type;
mod values;

use provider::{PROVIDER_NAME, StubProvider};

#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    let schema = schema_file::load(&schema_file::schema_path());
    tf_provider::serve(PROVIDER_NAME, StubProvider::new(schema)).await
}
