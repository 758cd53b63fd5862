//! "What if this is wrong?": one uncertain assumption at the low and the high end of its
//! plausible range against its value in the scenario, everything else as given, on common
//! random numbers. It is one ordinary job of three scenarios (as given, low, high), so the
//! browser's workers run it as any job; [`WhatIfPlan::answer`] reads each outcome's mean
//! from the job's merged aggregate. A sensitivity, not a strategy: nothing is added to the
//! comparison.

use serde::Serialize;

use super::{validated, variant, AnalysisError, Outcome, Period};
use crate::aggregate::{Aggregate, ScenarioAgg};
use crate::catalog::{self, Spread};
use crate::runner::Job;
use crate::scenario::{RunSettings, Scenario};
use crate::sim::{uncertain, Model};

/// The outcomes a what-if reports: cost over the horizon and, at its end, children without
/// a suitable placement, the in-house share and children in care.
pub const OUTCOMES: [&str; 4] = ["cost", "no_suitable", "in_house_share", "in_care"];

/// What a what-if means, in one sentence.
pub const MEANING: &str = "Each line shows the outcome with just this assumption at the low and then the \
    high end of its plausible range, everything else as in the scenario and the same chance events each \
    time. It says how much the answer depends on this assumption; it is not a strategy and adds nothing to \
    the comparison.";

/// One assumption's three variants, compiled, and the outcomes read.
pub struct WhatIfPlan {
    k: usize,
    settings: RunSettings,
    /// As given, then low, then high.
    models: Vec<Model>,
    outcomes: Vec<Outcome>,
}

/// One outcome at the three settings.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WhatIfLine {
    pub metric: String,
    /// The outcome in words.
    pub outcome: String,
    pub as_given: f64,
    pub at_low: f64,
    pub at_high: f64,
}

/// The answer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WhatIf {
    pub path: String,
    pub label: String,
    /// The range's ends and the built-in value, in words (`8.8`, `×0.75`).
    pub low_text: String,
    pub high_text: String,
    pub default_text: String,
    pub reason: String,
    pub runs: u32,
    pub lines: Vec<WhatIfLine>,
    pub meaning: String,
}

impl WhatIfPlan {
    /// The what-if of the uncertain assumption at catalogue `path` (see
    /// [`catalog::uncertain`]); its settings' `uncertainty` is not used.
    pub fn new(
        scenario: &Scenario,
        settings: &RunSettings,
        path: &str,
    ) -> Result<WhatIfPlan, AnalysisError> {
        let Some(k) = catalog::uncertain().iter().position(|s| s.path == path) else {
            return Err(AnalysisError::Setting {
                name: "assumption".into(),
                reason: format!("'{path}' has no plausible range"),
            });
        };
        let valid = validated(scenario, settings)?;
        let horizon = settings.horizon_months as usize;
        let spread = &catalog::uncertain()[k];
        let base = Model::compile(&valid, horizon);
        let mut models = vec![];
        for end in [spread.low, spread.high] {
            models.push(variant(scenario, k, end, Some(&base), horizon)?);
        }
        models.insert(0, base);
        let outcomes = OUTCOMES
            .iter()
            .map(|m| Outcome::new(m, None))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(WhatIfPlan {
            k,
            settings: RunSettings {
                uncertainty: false,
                ..*settings
            },
            models,
            outcomes,
        })
    }

    fn spread(&self) -> &'static Spread {
        &catalog::uncertain()[self.k]
    }

    /// The one job: the scenario as given, then at the low and the high end.
    pub fn job(&self) -> Job {
        Job {
            settings: self.settings,
            scenarios: self.models.iter().map(|m| m.scenario.clone()).collect(),
            compare_with: vec![],
        }
    }

    /// The answer from the job's merged aggregate.
    pub fn answer(&self, aggregate: &Aggregate) -> Result<WhatIf, AnalysisError> {
        if aggregate.scenarios.len() != self.models.len() {
            return Err(AnalysisError::Setting {
                name: "aggregate".into(),
                reason: format!(
                    "{} scenarios, expected {}",
                    aggregate.scenarios.len(),
                    self.models.len()
                ),
            });
        }
        let base = &self.models[0];
        let lines = self
            .outcomes
            .iter()
            .map(|o| {
                let at = |v: usize| mean_of(o, &aggregate.scenarios[v], base);
                WhatIfLine {
                    metric: o.metric.clone(),
                    outcome: o.describe(),
                    as_given: at(0),
                    at_low: at(1),
                    at_high: at(2),
                }
            })
            .collect();
        let s = self.spread();
        let default = uncertain::defaults()
            .get(self.k)
            .copied()
            .unwrap_or(f64::NAN);
        Ok(WhatIf {
            path: s.path.to_string(),
            label: catalog::param(s.path)
                .map(|p| p.label)
                .unwrap_or(s.path)
                .to_string(),
            low_text: s.describe(s.low),
            high_text: s.describe(s.high),
            default_text: s.describe(default),
            reason: s.reason.to_string(),
            runs: aggregate.runs as u32,
            lines,
            meaning: MEANING.to_string(),
        })
    }
}

/// The mean of `outcome` over the runs a scenario's aggregate holds (`model` gives the
/// financial years).
fn mean_of(outcome: &Outcome, s: &ScenarioAgg, model: &Model) -> f64 {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::defaults::default_scenario;

    /// The job's answer is the tornado's bar for the same assumption and outcome, and more
    /// admissions give more children in care.
    #[test]
    fn what_if_matches_the_tornado_bar() {
        let settings = RunSettings {
            seed: 5,
            replications: 3,
            horizon_months: 12,
            uncertainty: false,
        };
        let path = "demand.groups_per_month";
        let plan = WhatIfPlan::new(&default_scenario(), &settings, path).expect("plan");
        let job = plan.job();
        assert_eq!(job.scenarios.len(), 3);
        let prepared = job.prepare().expect("valid");
        let mut agg = prepared.run(0..2);
        agg.merge(&prepared.run(2..3));
        let answer = plan.answer(&agg).expect("answer");
        assert_eq!(answer.runs, 3);
        let in_care = answer
            .lines
            .iter()
            .find(|l| l.metric == "in_care")
            .expect("in care");
        assert!(in_care.at_low < in_care.at_high, "{in_care:?}");
        let t = super::super::tornado::TornadoPlan::new(
            &default_scenario(),
            &settings,
            Outcome::new("in_care", None).expect("metric"),
        )
        .expect("tornado");
        let tornado = t.tornado(&t.run_with(0..3, |_| true));
        let bar = tornado.bars.iter().find(|b| b.path == path).expect("bar");
        assert!((bar.at_low - in_care.at_low).abs() < 1e-9);
        assert!((bar.at_high - in_care.at_high).abs() < 1e-9);
        assert!((tornado.baseline - in_care.as_given).abs() < 1e-9);
        assert!(WhatIfPlan::new(&default_scenario(), &settings, "nope").is_err());
    }
}
