//! The explorer: a full-screen terminal UI over a borrowed [`Timeline`].
//!
//! Keys become [`Action`]s through the [`keymap`] (read from `keys.toml`);
//! [`App::update`] alone changes state; [`draw`] renders state and does no I/O.
//! This is the only part of annals that knows about ratatui and crossterm.
//!
//! [`Timeline`]: crate::Timeline

pub mod action;
pub mod app;
pub mod axis;
pub mod draw;
pub mod keymap;
pub mod layout;
pub mod terminal;
pub mod theme;
pub mod wrap;

pub use action::Action;
pub use app::App;
pub use draw::draw;
pub use terminal::run;
pub use theme::Theme;
