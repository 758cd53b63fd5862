//! The tornado and the global ranking as work for the browser's workers: a
//! [`SampledJob`] (the scenario, run settings, outcome and which analysis) travels as JSON,
//! each worker prepares it once ([`SampledJob::prepare`]) and runs chunks of its
//! replications (or samples) with [`SampledPlan::run_with`], answering with the outcome of
//! every variant in every replication ([`Runs`]), not a whole aggregate. The chunks' runs
//! merge exactly in any order, and the page makes the tornado or the ranking from them with
//! the same functions the CLI uses ([`TornadoPlan::tornado`], [`GlobalPlan::ranking`]), so
//! any number of workers gives the CLI's numbers for the same seed.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::global::{GlobalPlan, Ranking};
use super::tornado::{Tornado, TornadoBatch, TornadoPlan};
use super::{AnalysisError, Outcome, Period, Runs};
use crate::scenario::{RunSettings, Scenario};

/// Which analysis a [`SampledJob`] runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Each assumption at each end of its range, one at a time ([`TornadoPlan`]).
    Tornado,
    /// All assumptions together on a Latin hypercube ([`GlobalPlan`]).
    Global,
}

/// An analysis to run in chunks: everything a worker needs to prepare it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SampledJob {
    pub method: Method,
    pub scenario: Scenario,
    /// Seed, horizon and replications (for the global ranking, samples).
    pub settings: RunSettings,
    /// The outcome's metric key, and its period (`None`: the metric's natural one).
    pub metric: String,
    pub period: Option<Period>,
}

/// A prepared [`SampledJob`].
pub enum SampledPlan {
    Tornado(TornadoPlan),
    Global(Box<GlobalPlan>),
}

impl SampledJob {
    /// Read a job sent as JSON.
    pub fn from_json(json: &str) -> Result<SampledJob, AnalysisError> {
        serde_json::from_str(json).map_err(|e| AnalysisError::Setting {
            name: "analysis".into(),
            reason: format!("unreadable: {e}"),
        })
    }

    /// Check it and make its plan (the tornado compiles each variant).
    pub fn prepare(&self) -> Result<SampledPlan, AnalysisError> {
        let outcome = Outcome::new(&self.metric, self.period.clone())?;
        Ok(match self.method {
            Method::Tornado => {
                SampledPlan::Tornado(TornadoPlan::new(&self.scenario, &self.settings, outcome)?)
            }
            Method::Global => {
                let plan = GlobalPlan::new(&self.scenario, &self.settings, outcome)?;
                SampledPlan::Global(Box::new(plan))
            }
        })
    }
}

impl SampledPlan {
    /// Replications (the tornado) or samples (the global ranking) in all.
    pub fn runs(&self) -> u32 {
        match self {
            SampledPlan::Tornado(p) => p.replications(),
            SampledPlan::Global(p) => p.samples(),
        }
    }

    /// Simulations in each replication or sample (the tornado's re-priced variants are not
    /// simulated: [`TornadoPlan::simulations`]).
    pub fn variants(&self) -> usize {
        match self {
            SampledPlan::Tornado(p) => p.simulations(),
            SampledPlan::Global(_) => 1,
        }
    }

    /// Run replications `reps` (clipped to [`runs`](Self::runs)), calling `progress(done)`
    /// after each; stops early when it returns false.
    pub fn run_with(&self, reps: Range<u32>, progress: impl FnMut(u32) -> bool) -> Runs {
        match self {
            SampledPlan::Tornado(p) => p.run_with(reps, progress),
            SampledPlan::Global(p) => p.run_with(reps, progress),
        }
    }

    /// Run it in slices, as a worker does: the tornado's simulators carry over from one
    /// call of [`SampledBatch::run_with`] to the next.
    pub fn batch(&self) -> SampledBatch<'_> {
        match self {
            SampledPlan::Tornado(p) => SampledBatch::Tornado(p.batch()),
            SampledPlan::Global(p) => SampledBatch::Global(p),
        }
    }

    /// The tornado from the runs, if this is a tornado.
    pub fn tornado(&self, runs: &Runs) -> Option<Tornado> {
        match self {
            SampledPlan::Tornado(p) => Some(p.tornado(runs)),
            SampledPlan::Global(_) => None,
        }
    }

    /// The global ranking from the runs, if this is one.
    pub fn ranking(&self, runs: &Runs) -> Option<Ranking> {
        match self {
            SampledPlan::Global(p) => Some(p.ranking(runs)),
            SampledPlan::Tornado(_) => None,
        }
    }
}

/// A [`SampledPlan`] being run in slices ([`SampledPlan::batch`]).
pub enum SampledBatch<'p> {
    Tornado(TornadoBatch<'p>),
    Global(&'p GlobalPlan),
}

impl SampledBatch<'_> {
    /// As [`SampledPlan::run_with`].
    pub fn run_with(&mut self, reps: Range<u32>, progress: impl FnMut(u32) -> bool) -> Runs {
        match self {
            SampledBatch::Tornado(b) => b.run_with(reps, progress),
            SampledBatch::Global(p) => p.run_with(reps, progress),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::defaults::default_scenario;

    fn job(method: Method, replications: u32) -> SampledJob {
        SampledJob {
            method,
            scenario: default_scenario(),
            settings: RunSettings {
                seed: 23,
                replications,
                horizon_months: 6,
                uncertainty: false,
            },
            metric: "cost".into(),
            period: Some(Period::Year("2020/21".into())),
        }
    }

    /// Through JSON and in scrambled chunks (as workers run it), each gives what one
    /// plan run straight through gives (as the CLI runs it), to the bit.
    #[test]
    fn chunks_from_json_give_the_straight_answer() {
        let runs = 30;
        for method in [Method::Tornado, Method::Global] {
            let j = job(method, runs);
            let json = serde_json::to_string(&j).expect("json");
            let back = SampledJob::from_json(&json).expect("readable");
            assert_eq!(back, j);
            let plan = back.prepare().expect("valid");
            assert_eq!(plan.runs(), runs);
            let mut merged = Runs::default();
            let mut batch = plan.batch();
            for r in [20..30, 0..7, 7..20] {
                // In slices of a few runs, as a worker does.
                let mut at = r.start;
                while at < r.end {
                    let part = batch.run_with(at..r.end, |done| done < 3);
                    at += part.len() as u32;
                    merged.merge(part);
                }
            }
            let straight = j.prepare().expect("valid");
            let all = straight.run_with(0..runs, |_| true);
            assert_eq!(merged, all);
            assert_eq!(plan.tornado(&merged), straight.tornado(&all));
            assert_eq!(plan.ranking(&merged), straight.ranking(&all));
            assert_eq!(plan.tornado(&merged).is_some(), method == Method::Tornado);
            assert_eq!(plan.ranking(&merged).is_some(), method == Method::Global);
        }
    }

    #[test]
    fn bad_jobs_are_refused_with_a_reason() {
        assert!(SampledJob::from_json("{").is_err());
        let mut j = job(Method::Tornado, 3);
        j.metric = "nonsense".into();
        assert!(matches!(j.prepare(), Err(AnalysisError::UnknownMetric(_))));
        // Too few samples for a regression.
        assert!(matches!(
            job(Method::Global, 3).prepare(),
            Err(AnalysisError::Setting { .. })
        ));
    }
}
