//! The Yew components of the app, one a file.

pub mod advanced;
pub mod app;
pub mod borough;
pub mod compare;
pub mod conflict;
pub mod dates;
pub mod editor;
pub mod field;
pub mod fields;
pub mod from_returns;
pub mod glossary;
pub mod history;
pub mod levers;
pub mod lineage;
pub mod notices;
pub mod present;
pub mod prose;
pub mod quick;
pub mod range;
pub mod references;
pub mod report;
pub mod results;
pub mod rules;
pub mod runbar;
pub mod scenarios;
pub mod scrutiny;
pub mod sensitivity;
pub mod toolbar;
pub mod workshop;

#[cfg(test)]
mod tests;

pub use app::App;
