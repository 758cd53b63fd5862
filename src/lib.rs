//! Browser app for the placement sufficiency modeller.
//!
//! * [`protocol`]: UI <-> worker messages (plain Rust, natively tested).
//! * [`agent`]: the yew-agent reactor run inside each Web Worker (`bin/worker.rs`).
//! * [`pool`]: spawns/drives N workers from the UI thread.
//! * [`ui`]: the Yew components (`bin/app.rs`).
//! * [`charts`]: scales, ticks, SVG paths and the chart/table components.
//! * [`format`]: number formatting.

pub mod agent;
pub mod charts;
pub mod format;
pub mod pool;
pub mod protocol;
pub mod ui;
