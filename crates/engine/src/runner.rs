//! The one small interface every driver uses (browser worker, CLI, tests, benchmarks):
//! a `Job` (scenarios + run settings) is validated and compiled into a `PreparedJob`, whose
//! `run(range)` simulates replications `range` of every scenario and returns an `Aggregate`.
//! Aggregates of disjoint ranges merge into exactly what one call over the union gives.

use std::sync::Mutex;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::aggregate::{Aggregate, RunView};
use crate::scenario::{RunSettings, Scenario};
use crate::sim::{Model, Simulator, StartPool};
use crate::validate::FieldError;

/// Most scenarios compared in one job (baseline plus strategies).
pub const MAX_SCENARIOS: usize = 8;
/// Most sibling groups a month any scenario may reach (with trend and seasonality).
pub const MAX_GROUPS_PER_MONTH: f64 = 1000.0;

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
    /// Start-up pools kept between calls to `run` (built on first use for the seed).
    pools: Mutex<Vec<Option<StartPool>>>,
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
            match s.validate() {
                Err(e) => errors.extend(e.into_iter().map(|e| FieldError::new(format!("scenarios[{i}].{}", e.field), e.reason))),
                Ok(()) => {
                    // The rate the trend compounds to by the end of the horizon must stay sane.
                    let d = &s.demand;
                    let years = self.settings.horizon_months as f64 / 12.0;
                    let peak = d.groups_per_month
                        * libm::pow(1.0 + d.trend_per_year, years)
                        * d.seasonality.iter().cloned().fold(0.0, f64::max);
                    if peak > MAX_GROUPS_PER_MONTH {
                        errors.push(FieldError::new(
                            format!("scenarios[{i}].demand.trend_per_year"),
                            format!(
                                "compounds the admissions rate to {peak:.0} groups a month by the end of the horizon; \
                                 at most {MAX_GROUPS_PER_MONTH:.0} can be simulated"
                            ),
                        ));
                    }
                }
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
            pools: Mutex::new(self.scenarios.iter().map(|_| None).collect()),
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
        if let Ok(mut pools) = self.pools.try_lock() {
            for (s, p) in sims.iter_mut().zip(pools.iter_mut()) {
                s.set_pool(p.take());
            }
        }
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
        if let Ok(mut pools) = self.pools.try_lock() {
            for (s, p) in sims.iter_mut().zip(pools.iter_mut()) {
                *p = s.take_pool();
            }
        }
        agg
    }
}
