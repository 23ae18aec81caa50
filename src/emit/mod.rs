//! Emit: render the plan into files (Terraform, Alertmanager, documents), all in memory.

pub mod alertmanager;
pub mod docs;
pub mod header;
pub mod terraform;
