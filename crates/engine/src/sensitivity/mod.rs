//! Which assumptions matter: for a chosen [`Outcome`], a tornado ([`tornado`]: each
//! uncertain assumption at the low and high end of its range, one at a time, on common
//! random numbers) and a global ranking ([`global`]: all of them varying together on a Latin
//! hypercube sample, ranked by standardised regression coefficients). Both run in chunks of
//! replications (`run_with`, with progress and cancel, as `PreparedJob::run_with`) whose
//! [`Runs`] merge exactly, so any split over workers or threads gives the same answer: the
//! CLI splits them over threads, the browser over its workers ([`sampled`]).
//!
//! The uncertain assumptions and their ranges are the catalogue's
//! ([`catalog::uncertain`](crate::catalog::uncertain)); a setting is applied to the scenario
//! as [`sim::uncertain`](crate::sim::uncertain) applies a drawn one.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::error::FieldError;
use crate::sim::{Model, Simulator};

pub mod global;
mod outcome;
mod reprice;
pub mod sampled;
pub mod tornado;
pub mod what_if;

pub use outcome::{Outcome, Period};

/// Why an analysis cannot be made.
#[derive(Clone, Debug, PartialEq)]
pub enum AnalysisError {
    /// The scenario or run settings are not valid (each error names its field).
    Invalid(Vec<FieldError>),
    /// No metric has this key.
    UnknownMetric(String),
    /// The period does not suit the metric or the horizon.
    Period(String),
    /// Some other setting of the analysis, named, and why.
    Setting { name: String, reason: String },
    /// Stopped by the caller before the answer was found.
    Cancelled,
}

impl std::fmt::Display for AnalysisError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AnalysisError::Invalid(errors) => {
                let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
                write!(f, "the scenario is not valid: {}", list.join("; "))
            }
            AnalysisError::UnknownMetric(key) => write!(
                f,
                "no outcome is called '{key}' (try cost, gap, in_house_share or in_care)"
            ),
            AnalysisError::Period(reason) => write!(f, "period: {reason}"),
            AnalysisError::Setting { name, reason } => write!(f, "{name}: {reason}"),
            AnalysisError::Cancelled => write!(f, "cancelled"),
        }
    }
}

impl std::error::Error for AnalysisError {}

/// The outcome of each variant (model) in each replication run so far, by replication.
/// Chunks of replications merge exactly; statistics are taken in replication order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Runs {
    pub values: BTreeMap<u32, Vec<f64>>,
}

impl Runs {
    /// Add another chunk's runs (a replication run twice keeps one, identical, value).
    pub fn merge(&mut self, other: Runs) {
        self.values.extend(other.values);
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Variant `v`'s outcome in each replication, in replication order.
    pub fn column(&self, v: usize) -> Vec<f64> {
        self.values
            .values()
            .filter_map(|row| row.get(v).copied())
            .collect()
    }

    /// The mean of variant `v` over the replications run (0 if none).
    pub fn mean(&self, v: usize) -> f64 {
        mean(&self.column(v))
    }
}

/// The mean of `xs`, added up in order (0 for none).
pub(crate) fn mean(xs: &[f64]) -> f64 {
    if xs.is_empty() {
        0.0
    } else {
        xs.iter().sum::<f64>() / xs.len() as f64
    }
}

/// Run replications `reps` of every model on common random numbers (the same seed and
/// replication), reading `outcome` from each, calling `progress(done)` after each
/// replication; stops early when it returns false.
pub(crate) fn run_models(
    models: &[&Model],
    outcome: &Outcome,
    seed: u64,
    reps: Range<u32>,
    mut progress: impl FnMut(u32) -> bool,
) -> Runs {
    let mut sims: Vec<Simulator<'_>> = models.iter().map(|m| Simulator::new(m)).collect();
    let mut runs = Runs::default();
    let mut done = 0;
    for rep in reps {
        let mut row = Vec::with_capacity(models.len());
        for (sim, model) in sims.iter_mut().zip(models) {
            sim.run(seed, rep);
            row.push(outcome.value(model, &sim.months));
        }
        runs.values.insert(rep, row);
        done += 1;
        if !progress(done) {
            break;
        }
    }
    runs
}

/// A scenario and run settings checked as a job of one scenario, and the scenario valid.
pub(crate) fn validated(
    scenario: &crate::scenario::Scenario,
    settings: &crate::scenario::RunSettings,
) -> Result<crate::validate::ValidScenario, AnalysisError> {
    let job = crate::runner::Job {
        settings: *settings,
        scenarios: vec![scenario.clone()],
        compare_with: vec![],
    };
    job.validate().map_err(AnalysisError::Invalid)?;
    crate::validate::ValidScenario::new(scenario.clone()).map_err(AnalysisError::Invalid)
}

/// `scenario` with uncertain assumption `k` at `setting`, valid and compiled like `base`
/// (the scenario's own model: for its horizon, sharing its tables where they are the same,
/// `Model::compile_like`).
pub(crate) fn variant(
    scenario: &crate::scenario::Scenario,
    k: usize,
    setting: f64,
    base: Option<&Model>,
    horizon: usize,
) -> Result<Model, AnalysisError> {
    let mut s = scenario.clone();
    crate::sim::uncertain::apply(&mut s, k, setting);
    let valid = crate::validate::ValidScenario::new(s).map_err(AnalysisError::Invalid)?;
    Ok(Model::compile_like(&valid, horizon, base))
}

#[cfg(test)]
mod tests;
