//! The commands of `annals`, one module each.

pub mod check;
pub mod draft;
pub mod extract;
pub mod help;
pub mod print;
