//! The one small interface every driver uses (browser worker, CLI, tests, benchmarks):
//! a `Job` (scenarios + run settings) is validated and compiled into a `PreparedJob`, whose
//! `run(range)` simulates replications `range` of every scenario and returns an `Aggregate`.
//! Aggregates of disjoint ranges merge into exactly what one call over the union gives.

use std::ops::Range;
use std::sync::Mutex;

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
            errors.extend(
                e.into_iter()
                    .map(|e| FieldError::new(format!("settings.{}", e.field), e.reason)),
            );
        }
        if self.scenarios.is_empty() {
            errors.push(FieldError::new(
                "scenarios",
                "needs at least one scenario (the baseline)",
            ));
        }
        if self.scenarios.len() > MAX_SCENARIOS {
            errors.push(FieldError::new(
                "scenarios",
                format!("at most {MAX_SCENARIOS} scenarios can be compared at once"),
            ));
        }
        for (i, s) in self.scenarios.iter().enumerate() {
            match s.validate() {
                Err(e) => errors.extend(
                    e.into_iter()
                        .map(|e| FieldError::new(format!("scenarios[{i}].{}", e.field), e.reason)),
                ),
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
        let years = self
            .models
            .first()
            .map(|m| m.fin_year_labels.len())
            .unwrap_or(0);
        Aggregate::new(
            self.models.len(),
            self.settings.horizon_months as usize,
            years,
        )
    }

    /// Reuse start-up pools that `previous` (typically the job a worker ran before this one)
    /// has built, wherever one serves a scenario of this job: same seed and the same inputs
    /// the pool is drawn from (entry ages, exit routes and durations). Levers, costs,
    /// markets and the other parameters may differ. Results are exactly those without it;
    /// only the pool's one-off cost (about 10-20 ms per scenario) is saved. Returns how
    /// many scenarios got a pool.
    pub fn adopt_pools(&mut self, previous: &PreparedJob) -> usize {
        let seed = self.settings.seed;
        let Ok(old) = previous.pools.lock() else {
            return 0;
        };
        let Ok(mine) = self.pools.get_mut() else {
            return 0;
        };
        let mut adopted = 0;
        for (model, slot) in self.models.iter().zip(mine.iter_mut()) {
            if slot.as_ref().is_some_and(|p| p.serves(model, seed)) {
                continue;
            }
            if let Some(p) = old.iter().flatten().find(|p| p.serves(model, seed)) {
                *slot = Some(p.clone());
                adopted += 1;
            }
        }
        adopted
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
            let views: Vec<RunView> = sims
                .iter()
                .map(|s| RunView {
                    months: &s.months,
                    years: &s.years,
                })
                .collect();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::defaults::{default_scenario, strategy};

    fn job(scenarios: Vec<Scenario>) -> PreparedJob {
        let settings = RunSettings {
            seed: 11,
            replications: 4,
            horizon_months: 24,
        };
        Job {
            settings,
            scenarios,
        }
        .prepare()
        .expect("valid job")
    }

    #[test]
    fn adopted_pools_give_the_same_results() {
        let base = default_scenario();
        let strat = base.with_strategy(&strategy("strategy_2019_22").expect("built-in strategy"));
        let first = job(vec![base.clone()]);
        first.run(0..2);
        // Levers differ, pool inputs do not: both scenarios can use the baseline's pool.
        let mut next = job(vec![strat.clone(), base.clone()]);
        assert_eq!(next.adopt_pools(&first), 2);
        let fresh = job(vec![strat, base.clone()]);
        assert_eq!(next.run(0..4).fingerprint(), fresh.run(0..4).fingerprint());

        // Different entry ages draw a different pool: nothing to adopt.
        let mut other = base;
        other.demand.entry_age = [0.2, 0.2, 0.2, 0.2, 0.2];
        let mut changed = job(vec![other]);
        assert_eq!(changed.adopt_pools(&first), 0);
        // Another seed: nothing either.
        let mut reseeded = job(vec![default_scenario()]);
        reseeded.settings.seed = 12;
        assert_eq!(reseeded.adopt_pools(&first), 0);
    }
}
