//! The tornado as ordinary jobs, so that the browser's workers run it as they run any job
//! (same messages, same chunking, progress and cancel): the variants are split into jobs of
//! at most [`MAX_SCENARIOS`] scenarios, each with the baseline first, all on the plan's seed
//! (so every variant of every job sees the same random futures), and the tornado is read
//! back from the jobs' merged aggregates: each variant's mean outcome, from the exact
//! integer sums the aggregate keeps.

use super::tornado::{Tornado, TornadoPlan};
use super::{AnalysisError, Outcome, Period};
use crate::aggregate::{Aggregate, ScenarioAgg};
use crate::limits::MAX_SCENARIOS;
use crate::runner::Job;
use crate::scenario::RunSettings;
use crate::sim::Model;

impl TornadoPlan {
    /// The jobs that together run every variant: baseline first in each, then up to
    /// `MAX_SCENARIOS - 1` variants, in order.
    pub fn jobs(&self) -> Vec<Job> {
        let settings = RunSettings {
            seed: self.seed(),
            replications: self.replications(),
            horizon_months: self.horizon() as u32,
            uncertainty: false,
        };
        let models = self.models();
        let base = &models[0].scenario;
        models[1..]
            .chunks(MAX_SCENARIOS - 1)
            .map(|group| Job {
                settings,
                scenarios: std::iter::once(base.clone())
                    .chain(group.iter().map(|m| m.scenario.clone()))
                    .collect(),
                compare_with: vec![],
            })
            .collect()
    }

    /// The tornado from the merged aggregate of each of [`jobs`](Self::jobs), in order.
    pub fn tornado_from_aggregates(
        &self,
        aggregates: &[Aggregate],
    ) -> Result<Tornado, AnalysisError> {
        let jobs = self.jobs().len();
        let wrong = |reason: String| AnalysisError::Setting {
            name: "aggregates".into(),
            reason,
        };
        if aggregates.len() != jobs {
            return Err(wrong(format!(
                "{} aggregates for {jobs} jobs",
                aggregates.len()
            )));
        }
        let runs = aggregates[0].runs;
        let mut means = vec![];
        for (j, agg) in aggregates.iter().enumerate() {
            if agg.runs != runs {
                return Err(wrong(format!(
                    "job {j} ran {} runs, job 0 ran {runs}",
                    agg.runs
                )));
            }
            let from = if j == 0 { 0 } else { 1 };
            for s in &agg.scenarios[from..] {
                means.push(mean_of(self.outcome(), s, &self.models()[0]));
            }
        }
        if means.len() != self.variants() {
            return Err(wrong(format!(
                "{} variants, expected {}",
                means.len(),
                self.variants()
            )));
        }
        Ok(self.tornado_of_means(&means, runs as u32))
    }
}

/// The mean of `outcome` over the runs a scenario's aggregate holds (`model` gives the
/// financial years).
pub(super) fn mean_of(outcome: &Outcome, s: &ScenarioAgg, model: &Model) -> f64 {
    let k = outcome.index();
    let h = s.horizon;
    let raw = match &outcome.period {
        Period::End => s.cell(h.saturating_sub(1), k).mean(),
        Period::Month(m) => s.cell((*m).min(h.saturating_sub(1)), k).mean(),
        Period::Horizon => (0..h).map(|m| s.cell(m, k).mean()).sum(),
        Period::Year(label) => {
            let year = model.fin_year_labels.iter().position(|y| y == label);
            (0..h)
                .filter(|m| model.fin_year.get(*m).copied() == year)
                .map(|m| s.cell(m, k).mean())
                .sum()
        }
    };
    outcome.scaled(raw)
}
