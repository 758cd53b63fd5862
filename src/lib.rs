//! Browser app for the placement sufficiency modeller.
//!
//! * [`protocol`]: UI <-> worker messages and how a job is cut into chunks (natively tested).
//! * [`chunk`]: what a worker runs for one chunk (a job's or a sampled analysis's).
//! * [`agent`]: the simulation loop run inside each Web Worker (`bin/worker.rs`); [`pool`] spawns, watches and replaces the workers.
//! * [`pool`]: spawns/drives N workers from the UI thread.
//! * [`borough`]: a council's SSDA903 returns imported and fitted in a worker (messages and work).
//! * [`app`]: the app's state, pure logic and Yew components (`bin/app.rs`).
//! * [`charts`]: scales, ticks, SVG paths and the chart/table components.
//! * [`mod@format`]: number formatting.
//!
//! CSP note: the page forbids inline styles (`style-src 'self'`), which also blocks
//! `style="..."` attributes set by Yew. Use classes, `<progress>`/`<meter>` elements, or SVG
//! presentation attributes instead.

pub mod agent;
pub mod app;
pub mod borough;
pub mod charts;
pub mod chunk;
pub mod format;
pub mod pool;
pub mod protocol;
