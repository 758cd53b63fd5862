//! The Yew components of the app.

pub mod app;
pub mod compare;
pub mod editor;
pub mod fields;
pub mod levers;
pub mod quick;
pub mod results;
pub mod rules;
pub mod runbar;
pub mod scenarios;

#[cfg(test)]
mod tests;

pub use app::App;
