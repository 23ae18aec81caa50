//! `versions.tf`: the provider requirement and the provider block.

use hcl::{Attribute, Block, Body, Expression, Identifier, Object, ObjectKey};

/// Provider source address.
pub(super) const PROVIDER_SOURCE: &str = "pagerduty/pagerduty";
/// Provider version constraint.
pub(super) const PROVIDER_VERSION: &str = "~> 3.32";

/// Comment placed before the blocks.
pub(super) const PREAMBLE: &str =
    "# The pagerduty provider reads its API token from the PAGERDUTY_TOKEN environment variable.\n";

pub(super) fn body() -> Body {
    let mut pagerduty = Object::new();
    pagerduty.insert(
        ObjectKey::Identifier(Identifier::unchecked("source")),
        Expression::from(PROVIDER_SOURCE),
    );
    pagerduty.insert(
        ObjectKey::Identifier(Identifier::unchecked("version")),
        Expression::from(PROVIDER_VERSION),
    );
    Body::builder()
        .add_block(
            Block::builder("terraform")
                .add_block(
                    Block::builder("required_providers")
                        .add_attribute(Attribute::new("pagerduty", Expression::Object(pagerduty)))
                        .build(),
                )
                .build(),
        )
        .add_block(Block::builder("provider").add_label("pagerduty").build())
        .build()
}
