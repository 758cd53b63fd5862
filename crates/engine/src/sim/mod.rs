//! The stochastic model of one borough's children-in-care system: a compiled `Model` and
//! the `Simulator` that runs one replication of it as a discrete-event simulation with
//! monthly reporting.

pub mod history;
pub mod households;
pub mod id_set;
pub mod model;
pub mod queue;
pub mod run;
pub mod state;
pub mod stock;
pub mod uncertain;

pub use model::Model;
pub use run::{Simulator, YearTotals};
