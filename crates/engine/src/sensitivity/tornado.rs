//! The tornado: the outcome with each uncertain assumption at the low and then the high end
//! of its range, one at a time, everything else as the scenario gives it, all on common
//! random numbers (one set of runs of 1 + 2k variants: the baseline, then each assumption
//! low and high), ranked by swing (the distance between the two). The cost-only
//! assumptions' variants are not simulated but priced again from the baseline's run
//! (`sensitivity::reprice`): the same numbers, for fewer simulations.

use std::ops::Range;

use serde::Serialize;

use super::reprice::{self, Bookings, Probe};
use super::{validated, variant, AnalysisError, Outcome, Runs};
use crate::catalog::{self, Scale};
use crate::metrics::Month;
use crate::scenario::{RunSettings, Scenario};
use crate::sim::{Model, Simulator};

/// What the tornado means, in one sentence.
pub const MEANING: &str = "Each bar shows the outcome when just this one assumption is set to the low and \
    then the high end of its plausible range, everything else as given and the same chance events each \
    time; the longer the bar, the more the answer depends on getting this assumption right.";

/// The compiled variants of a tornado, ready to run in chunks.
pub struct TornadoPlan {
    seed: u64,
    replications: u32,
    outcome: Outcome,
    /// The baseline, then each uncertain assumption at its low and high end.
    models: Vec<Model>,
    /// By variant: whether it is priced again from the baseline's run rather than
    /// simulated (a cost-only assumption's).
    repriced: Vec<bool>,
    /// When the outcome is a cost: the probe, simulated instead of the baseline, that the
    /// baseline's and the re-priced variants' costs are priced from.
    probe: Option<Box<Probe>>,
}

/// One assumption's bar.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bar {
    /// The assumption's catalogue path and label.
    pub path: String,
    pub label: String,
    pub scale: Scale,
    /// The two ends of the range (values, or multipliers of a table), and in words.
    pub low: f64,
    pub high: f64,
    pub low_text: String,
    pub high_text: String,
    /// The outcome's mean with the assumption at each end.
    pub at_low: f64,
    pub at_high: f64,
    /// `|at_high - at_low|`.
    pub swing: f64,
    /// Why the range is what it is.
    pub reason: String,
}

/// The tornado: bars ranked by swing, longest first, and the baseline value.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Tornado {
    /// The outcome in words.
    pub outcome: String,
    pub metric: String,
    /// Its mean with every assumption as the scenario gives it.
    pub baseline: f64,
    /// Replications behind each mean.
    pub runs: u32,
    pub bars: Vec<Bar>,
    pub meaning: String,
    /// The assumptions (labels, catalogue order) whose bars are the baseline's runs priced
    /// again, not simulated again: they change costs only (`sensitivity::reprice`), so the
    /// figures are the same either way. Say so where the work done shows (a count of
    /// simulations).
    pub priced_again: Vec<String>,
}

impl TornadoPlan {
    /// Check the scenario, settings and outcome, and compile the 1 + 2k variants. The
    /// settings' `uncertainty` is not used: the tornado varies one assumption at a time.
    pub fn new(
        scenario: &Scenario,
        settings: &RunSettings,
        outcome: Outcome,
    ) -> Result<TornadoPlan, AnalysisError> {
        let valid = validated(scenario, settings)?;
        let horizon = settings.horizon_months as usize;
        let base = Model::compile(&valid, horizon);
        outcome.check(&base)?;
        let mut models = Vec::with_capacity(1 + 2 * catalog::uncertain().len());
        let mut repriced = vec![false];
        for (k, spread) in catalog::uncertain().iter().enumerate() {
            for end in [spread.low, spread.high] {
                models.push(variant(scenario, k, end, Some(&base), horizon)?);
                repriced.push(reprice::cost_only(spread.path));
            }
        }
        let probe = reprice::is_cost(outcome.index()).then(|| Box::new(Probe::new(&valid, &base)));
        models.insert(0, base);
        Ok(TornadoPlan {
            seed: settings.seed,
            replications: settings.replications,
            outcome,
            models,
            repriced,
            probe,
        })
    }

    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Months simulated.
    pub fn horizon(&self) -> usize {
        self.models.first().map(|m| m.horizon).unwrap_or(0)
    }

    /// The compiled variants: the baseline, then each assumption low and high.
    pub fn models(&self) -> &[Model] {
        &self.models
    }

    pub fn outcome(&self) -> &Outcome {
        &self.outcome
    }

    /// Replications per variant.
    pub fn replications(&self) -> u32 {
        self.replications
    }

    /// Variants (1 + 2 × the number of uncertain assumptions): runs per replication.
    pub fn variants(&self) -> usize {
        self.models.len()
    }

    /// Simulations in each replication: the variants less those priced again (the probe
    /// takes the baseline's place when the outcome is a cost).
    pub fn simulations(&self) -> usize {
        self.repriced.iter().filter(|r| !**r).count()
    }

    /// Whether variant `v` is priced again from the baseline's run rather than simulated.
    pub fn is_repriced(&self, v: usize) -> bool {
        self.repriced.get(v).copied().unwrap_or(false)
    }

    /// Run replications `reps` (clipped to the plan's count) of every variant, calling
    /// `progress(done)` after each replication; stops early when it returns false.
    pub fn run_with(&self, reps: Range<u32>, progress: impl FnMut(u32) -> bool) -> Runs {
        self.batch().run_with(reps, progress)
    }

    /// Simulators for the plan's variants that keep their buffers from one call of
    /// [`TornadoBatch::run_with`] to the next (a worker runs a chunk in slices).
    pub fn batch(&self) -> TornadoBatch<'_> {
        TornadoBatch {
            plan: self,
            sims: self.models.iter().map(Simulator::new).collect(),
            probe: self
                .probe
                .as_deref()
                .map(|p| (p, Box::new(Simulator::new(&p.model)))),
            bookings: vec![],
            priced: vec![],
        }
    }

    /// Run replications `reps` of every variant by simulating each one (no re-pricing),
    /// for tests: what [`run_with`](Self::run_with) must equal.
    #[cfg(test)]
    pub(super) fn run_simulated(&self, reps: Range<u32>) -> Runs {
        let models: Vec<&Model> = self.models.iter().collect();
        super::run_models(&models, &self.outcome, self.seed, reps, |_| true)
    }

    /// The tornado from the runs made (all of them, or as many as were run).
    pub fn tornado(&self, runs: &Runs) -> Tornado {
        let means: Vec<f64> = (0..self.models.len()).map(|v| runs.mean(v)).collect();
        self.tornado_of_means(&means, runs.len() as u32)
    }

    /// The tornado from each variant's mean outcome (baseline first) over `runs` runs.
    pub(super) fn tornado_of_means(&self, means: &[f64], runs: u32) -> Tornado {
        let at = |v: usize| means.get(v).copied().unwrap_or(0.0);
        let mut bars: Vec<Bar> = catalog::uncertain()
            .iter()
            .enumerate()
            .map(|(k, s)| {
                let (at_low, at_high) = (at(1 + 2 * k), at(2 + 2 * k));
                let label = catalog::param(s.path).map(|p| p.label).unwrap_or(s.path);
                Bar {
                    path: s.path.to_string(),
                    label: label.to_string(),
                    scale: s.scale,
                    low: s.low,
                    high: s.high,
                    low_text: s.describe(s.low),
                    high_text: s.describe(s.high),
                    at_low,
                    at_high,
                    swing: (at_high - at_low).abs(),
                    reason: s.reason.to_string(),
                }
            })
            .collect();
        // Longest first; ties keep catalogue order (the sort is stable).
        bars.sort_by(|a, b| b.swing.total_cmp(&a.swing));
        Tornado {
            outcome: self.outcome.describe(),
            metric: self.outcome.metric.clone(),
            baseline: at(0),
            runs,
            bars,
            meaning: MEANING.to_string(),
            priced_again: catalog::uncertain()
                .iter()
                .enumerate()
                .filter(|(k, _)| self.is_repriced(1 + 2 * k))
                .map(|(_, s)| {
                    catalog::param(s.path)
                        .map(|p| p.label)
                        .unwrap_or(s.path)
                        .to_string()
                })
                .collect(),
        }
    }
}

/// A [`TornadoPlan`]'s simulators and buffers, kept between slices of a chunk.
pub struct TornadoBatch<'p> {
    plan: &'p TornadoPlan,
    sims: Vec<Simulator<'p>>,
    probe: Option<(&'p Probe, Box<Simulator<'p>>)>,
    bookings: Vec<Bookings>,
    priced: Vec<Month>,
}

impl TornadoBatch<'_> {
    /// As [`TornadoPlan::run_with`].
    pub fn run_with(&mut self, reps: Range<u32>, mut progress: impl FnMut(u32) -> bool) -> Runs {
        let plan = self.plan;
        let reps = reps.start..reps.end.min(plan.replications);
        let n = plan.models.len();
        let mut runs = Runs::default();
        let mut done = 0;
        for rep in reps {
            let mut row = vec![0.0; n];
            let sims = &mut self.sims;
            let mut simulate = |v: usize, row: &mut Vec<f64>| {
                let sim = &mut sims[v];
                sim.run(plan.seed, rep);
                row[v] = plan.outcome.value(&plan.models[v], &sim.months);
            };
            let probed = self.probe.is_some();
            for v in 0..n {
                if !(plan.repriced[v] || v == 0 && probed) {
                    simulate(v, &mut row);
                }
            }
            let priced_again = (0..n).filter(|v| plan.repriced[*v]);
            match &mut self.probe {
                None => {
                    for v in priced_again {
                        row[v] = row[0];
                    }
                }
                Some((p, sim)) => {
                    sim.run(plan.seed, rep);
                    if p.read(&sim.months, &mut self.bookings) {
                        for v in std::iter::once(0).chain(priced_again) {
                            let model = &plan.models[v];
                            reprice::priced(&self.bookings, model, &sim.months, &mut self.priced);
                            row[v] = plan.outcome.value(model, &self.priced);
                        }
                    } else {
                        for v in std::iter::once(0).chain(priced_again) {
                            simulate(v, &mut row);
                        }
                    }
                }
            }
            runs.values.insert(rep, row);
            done += 1;
            if !progress(done) {
                break;
            }
        }
        runs
    }
}
