//! Load: the model file as written, with the place of every value.

mod decode;
mod load;
pub mod node;
mod types;
pub mod values;

pub use load::load;
pub use types::*;
