//! One module per screen: what each key does there (`update`) and how it is
//! drawn (`view`), with the scroll limits the screen alone knows.

pub mod article;
pub mod compare;
pub mod coverage;
pub mod detail;
pub mod help;
pub mod main;
pub mod passages;
pub mod picker;
pub mod prompt;
