//! Monte Carlo model of a local authority's children-in-care placements and foster-carer
//! supply. Pure Rust with no web dependency: the browser worker, the command-line runner and
//! the tests all drive it through `runner::Job`.

pub mod aggregate;
pub mod calendar;
pub mod catalog;
pub mod defaults;
pub mod dist;
pub mod error;
pub mod gamma;
pub mod goal_seek;
pub mod hist;
pub mod json;
pub mod limits;
pub mod metrics;
pub mod path;
pub mod references;
pub mod report;
pub mod rng;
pub mod rounding;
pub mod runner;
pub mod scenario;
pub mod sensitivity;
pub mod sim;
pub mod ssda903;
pub mod target;
pub mod types;
pub mod validate;
pub mod workshop;
pub mod workspace;

pub use error::{FieldError, InvariantError, JobError};
pub use path::FieldPath;
pub use scenario::{Lever, LeverKind, RunSettings, Scenario, Strategy};
pub use types::{AgeBand, ExitRoute, Needs, PlacementType};
pub use validate::ValidScenario;
