//! The one small interface every driver uses (browser worker, CLI, tests, benchmarks):
//! a `Job` (scenarios + run settings) is validated and compiled into a `PreparedJob`, whose
//! `run(range)` simulates replications `range` of every scenario and returns an `Aggregate`.
//! Aggregates of disjoint ranges merge into exactly what one call over the union gives.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::aggregate::{Aggregate, RunView};
use crate::scenario::{RunSettings, Scenario};
use crate::sim::{Model, Simulator};
use crate::validate::FieldError;

/// Most scenarios compared in one job (baseline plus strategies).
pub const MAX_SCENARIOS: usize = 8;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Job {
    pub settings: RunSettings,
    /// The first is the baseline; the others are compared with it.
    pub scenarios: Vec<Scenario>,
}

pub struct PreparedJob {
    pub settings: RunSettings,
    pub models: Vec<Model>,
}

impl Job {
    /// Every problem with the job, each naming its field (`scenarios[1].demand...`).
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = vec![];
        if let Err(e) = self.settings.validate() {
            errors.extend(e.into_iter().map(|e| FieldError::new(format!("settings.{}", e.field), e.reason)));
        }
        if self.scenarios.is_empty() {
            errors.push(FieldError::new("scenarios", "needs at least one scenario (the baseline)"));
        }
        if self.scenarios.len() > MAX_SCENARIOS {
            errors.push(FieldError::new("scenarios", format!("at most {MAX_SCENARIOS} scenarios can be compared at once")));
        }
        for (i, s) in self.scenarios.iter().enumerate() {
            if let Err(e) = s.validate() {
                errors.extend(e.into_iter().map(|e| FieldError::new(format!("scenarios[{i}].{}", e.field), e.reason)));
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    pub fn prepare(&self) -> Result<PreparedJob, Vec<FieldError>> {
        self.validate()?;
        let h = self.settings.horizon_months as usize;
        Ok(PreparedJob {
            settings: self.settings,
            models: self.scenarios.iter().map(|s| Model::new(s, h)).collect(),
        })
    }
}

impl PreparedJob {
    pub fn empty_aggregate(&self) -> Aggregate {
        let years = self.models.first().map(|m| m.fin_year_labels.len()).unwrap_or(0);
        Aggregate::new(self.models.len(), self.settings.horizon_months as usize, years)
    }

    /// Simulate replications `reps` (clipped to the job's replication count).
    pub fn run(&self, reps: Range<u32>) -> Aggregate {
        self.run_with(reps, |_| true)
    }

    /// As `run`, calling `progress(done)` after each replication; stops early (returning the
    /// runs done so far) when it returns false.
    pub fn run_with(&self, reps: Range<u32>, mut progress: impl FnMut(u32) -> bool) -> Aggregate {
        let mut agg = self.empty_aggregate();
        let end = reps.end.min(self.settings.replications);
        let mut sims: Vec<Simulator> = self.models.iter().map(Simulator::new).collect();
        for (done, rep) in (reps.start..end).enumerate() {
            for s in sims.iter_mut() {
                s.run(self.settings.seed, rep);
            }
            let views: Vec<RunView> = sims.iter().map(|s| RunView { months: &s.months, years: &s.years }).collect();
            agg.add(rep, &views);
            if !progress(done as u32 + 1) {
                break;
            }
        }
        agg
    }
}
