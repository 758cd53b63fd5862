//! The app: pure logic (natively tested) and the Yew components.
//!
//! * [`state`]: the app state as a Yew `Reducible`, in parts (workspace, run, notices,
//!   saved work), with its `Action`s.
//! * [`hooks`]: the root component's effects (autosave shared with other tabs, debounced
//!   re-runs, share links); [`startup`]: the state when the page opens.
//! * [`limits`]: how many scenarios, how large a file, how long a text.
//! * [`edit`]: editing scenarios as JSON values at field paths, with the engine's checks.
//! * [`share`]: the workspace, its share link and its file form.
//! * [`persist`]: autosave in localStorage with revisions (tabs never overwrite each
//!   other's newer work), earlier versions kept before anything replaces the work;
//!   unreadable saves are kept aside.
//! * [`run`]: scheduling a job's chunks over the workers; [`controller`] drives it.
//! * [`analysis`]: a scrutiny analysis (what matters most, what if) as a sequence of jobs.
//! * [`view`]: what the results views show, from a report.
//! * [`quick`]: the quick controls (sliders over a few key assumptions).
//! * [`components`]: forms, tables, results and the root component.
//! * [`io`]: downloads, clipboard, address bar.
//! * [`crash`]: a panic shows a banner that keeps the saved work and offers a reload.

pub mod analysis;
pub mod components;
pub mod controller;
pub mod crash;
pub mod edit;
pub mod fit_marks;
pub mod hooks;
pub mod io;
pub mod limits;
pub mod persist;
pub mod quick;
pub mod run;
pub mod share;
pub mod startup;
pub mod state;
pub mod view;

pub use components::App;
