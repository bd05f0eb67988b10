//! The explorer: a full-screen terminal UI over a borrowed [`Timeline`].
//!
//! Keys become [`Action`]s through the [`keymap`] (read from `keys.toml`, then
//! the user's config); [`App::update`] alone changes state, handing each action
//! to the screen that has the keys ([`screens`]); [`draw()`] renders state and
//! does no I/O. This is the only part of annals that knows about ratatui and
//! crossterm.
//!
//! [`Timeline`]: annals_core::Timeline

pub mod action;
pub mod app;
pub mod axis;
pub mod draw;
pub mod find;
pub mod keymap;
pub mod keytable;
pub mod layout;
pub mod measure;
pub mod mode;
pub mod screens;
pub mod searching;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod widgets;
pub mod wrap;

pub use action::Action;
pub use app::App;
pub use draw::draw;
pub use terminal::{restore_in_emergency, run, run_after_glance};
pub use theme::Theme;
