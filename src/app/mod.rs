//! The app: pure logic (natively tested) and the Yew components.
//!
//! * [`state`]: the app state as a Yew `Reducible` with its `Action`s.
//! * [`edit`]: editing scenarios as JSON values at field paths, with the engine's checks.
//! * [`share`]: the workspace, its share link and its file form.
//! * [`persist`]: autosave in localStorage; unreadable saves are kept aside.
//! * [`run`]: scheduling a job's chunks over the workers; [`controller`] drives it.
//! * [`view`]: what the results views show, from a report.
//! * [`quick`]: the quick controls (sliders over a few key assumptions).
//! * [`components`]: forms, tables, results and the root component.
//! * [`io`]: downloads, clipboard, address bar.

pub mod components;
pub mod controller;
pub mod edit;
pub mod io;
pub mod persist;
pub mod quick;
pub mod run;
pub mod share;
pub mod state;
pub mod view;

pub use components::App;
