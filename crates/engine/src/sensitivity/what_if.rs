//! "What if this is wrong?": one uncertain assumption at the low and the high end of its
//! plausible range, and optionally changed by a percentage of the reader's own ("carers
//! leave 30% faster"), against its value in the scenario, everything else as given, on
//! common random numbers. It is one ordinary job of three or four scenarios (as given, low,
//! high, own), each compared with the one as given, so the browser's workers run it as any
//! job; [`WhatIfPlan::answer`] reads each outcome's mean from the job's merged aggregate,
//! and each change from the scenario as given with its simulation noise from the paired
//! differences. A sensitivity, not a strategy: nothing is added to the comparison.

use serde::Serialize;

use super::{validated, variant, AnalysisError, Outcome, Period};
use crate::aggregate::{Aggregate, PairedAgg, ScenarioAgg, PAIRED_METRICS};
use crate::catalog::{self, Spread};
use crate::runner::Job;
use crate::scenario::{RunSettings, Scenario};
use crate::sim::{uncertain, Model};

/// The outcomes a what-if reports: cost over the horizon and, at its end, the sufficiency
/// gap, children without a suitable placement (a part of the gap), the in-house share and
/// children in care.
pub const OUTCOMES: [&str; 5] = ["cost", "gap", "no_suitable", "in_house_share", "in_care"];

/// The smallest and largest change of the reader's own, in percent.
pub const OWN_CHANGE_PERCENT: (f64, f64) = (-90.0, 300.0);

/// What a what-if means, in one sentence.
pub const MEANING: &str = "Each line shows the outcome with just this assumption at the low and then the \
    high end of its plausible range (and with your own change, if you gave one), everything else as in the scenario and the same chance events each \
    time. It says how much the answer depends on this assumption; it is not a strategy and adds nothing to \
    the comparison.";

/// One assumption's three variants, compiled, and the outcomes read.
pub struct WhatIfPlan {
    k: usize,
    settings: RunSettings,
    /// As given, then low, then high, then the reader's own change if any.
    models: Vec<Model>,
    outcomes: Vec<Outcome>,
    /// The reader's own change, in percent of the values as given, and in words with the
    /// value it gave.
    own_percent: Option<f64>,
    own_text: Option<String>,
    /// What the reader's own change did to the scenario's values.
    own_done: uncertain::Scaled,
    /// The changed value (of a single value) lies beyond the plausible range.
    own_beyond_range: bool,
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
    /// With the reader's own change, if asked for.
    pub at_own: Option<f64>,
    /// The simulation noise (one standard error) of each change from the scenario as
    /// given (`at_low - as_given`, ...), from the paired differences of the same runs.
    pub noise_low: f64,
    pub noise_high: f64,
    pub noise_own: Option<f64>,
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
    /// The reader's own change in percent, and in words ("30% more than as given").
    pub own_percent: Option<f64>,
    pub own_text: Option<String>,
    /// The values the reader's own change set out from and gave (one for a single value,
    /// every value of a table), whether it was held at the most the model allows, and
    /// whether a single value lies beyond the plausible range: for saying it in words.
    pub own_before: Vec<f64>,
    pub own_after: Vec<f64>,
    pub own_capped: bool,
    pub own_beyond_range: bool,
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
        WhatIfPlan::with_own(scenario, settings, path, None)
    }

    /// As [`WhatIfPlan::new`], with a fourth column: every value of the assumption in the
    /// scenario changed by `own_percent` (30 for "30% more than as given", -20 for "20%
    /// less"), within [`OWN_CHANGE_PERCENT`] and the limits validation allows.
    pub fn with_own(
        scenario: &Scenario,
        settings: &RunSettings,
        path: &str,
        own_percent: Option<f64>,
    ) -> Result<WhatIfPlan, AnalysisError> {
        if let Some(p) = own_percent {
            let (lo, hi) = OWN_CHANGE_PERCENT;
            if !(p.is_finite() && (lo..=hi).contains(&p)) {
                return Err(AnalysisError::Setting {
                    name: "your own change".into(),
                    reason: format!(
                        "must be a percentage from {lo} to +{hi} (for example 30 for 30% more, -20 for 20% less)"
                    ),
                });
            }
        }
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
        let mut own_text = None;
        let mut own_done = uncertain::Scaled::default();
        let mut own_beyond_range = false;
        if let Some(p) = own_percent {
            let mut own = scenario.clone();
            let done = uncertain::scale(&mut own, k, 1.0 + p / 100.0);
            let label = catalog::param(spread.path).map_or(spread.path, |p| p.label);
            if done.before.iter().all(|v| *v == 0.0) {
                return Err(AnalysisError::Setting {
                    name: "your own change".into(),
                    reason: format!(
                        "'{label}' is 0 in this scenario, so a change in proportion leaves it at 0; \
                         the low and high ends show its range (or set the value in the form)"
                    ),
                });
            }
            own_text = Some(own_words_used(p, &done, spread));
            own_beyond_range = beyond_range(&done, spread);
            own_done = done;
            let valid = crate::validate::ValidScenario::new(own).map_err(AnalysisError::Invalid)?;
            models.push(Model::compile_like(&valid, horizon, Some(&models[0])));
        }
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
            own_percent,
            own_text,
            own_done,
            own_beyond_range,
        })
    }

    fn spread(&self) -> &'static Spread {
        &catalog::uncertain()[self.k]
    }

    /// The one job: the scenario as given, then at the low and the high end, then with the
    /// reader's own change; each compared with the one as given (the baseline of the job).
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
                let noise = |v: usize| {
                    aggregate
                        .paired
                        .get(v - 1)
                        .map_or(f64::NAN, |p| noise_of(o, p, base))
                };
                let own = self.own_percent.map(|_| 3);
                WhatIfLine {
                    metric: o.metric.clone(),
                    outcome: o.describe(),
                    as_given: at(0),
                    at_low: at(1),
                    at_high: at(2),
                    at_own: own.map(at),
                    noise_low: noise(1),
                    noise_high: noise(2),
                    noise_own: own.map(noise),
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
            own_percent: self.own_percent,
            own_text: self.own_text.clone(),
            own_before: self.own_done.before.clone(),
            own_after: self.own_done.after.clone(),
            own_capped: self.own_done.capped,
            own_beyond_range: self.own_beyond_range,
            runs: aggregate.runs as u32,
            lines,
            meaning: MEANING.to_string(),
        })
    }
}

/// A change of the reader's own in words: "30% more than as given", "20% less than as given".
pub fn own_words(percent: f64) -> String {
    let size = format!("{}", (percent.abs() * 10.0).round() / 10.0);
    if percent >= 0.0 {
        format!("{size}% more than as given")
    } else {
        format!("{size}% less than as given")
    }
}

/// The reader's change in words with what it did: "30% more than as given: 0.18 → 0.234"
/// for a single value ("every value of its table" for several), saying when a value was held
/// at the limit allowed and when it lies beyond the plausible range.
fn own_words_used(percent: f64, done: &uncertain::Scaled, spread: &Spread) -> String {
    let as_value = Spread {
        scale: catalog::Scale::Value,
        ..*spread
    };
    let round = |x: f64| as_value.describe(x);
    let mut text = own_words(percent);
    match (done.before.as_slice(), done.after.as_slice()) {
        ([b], [a]) => {
            text.push_str(&format!(": {} \u{2192} {}", round(*b), round(*a)));
            let (lo, hi) = (spread.low.min(spread.high), spread.low.max(spread.high));
            if beyond_range(done, spread) {
                text.push_str(&format!(
                    ", beyond the plausible range {} to {}",
                    round(lo),
                    round(hi)
                ));
            }
        }
        _ => text.push_str(", every value of its table"),
    }
    if done.capped {
        text.push_str("; held at the most the model allows");
    }
    text
}

/// A single value changed to beyond its plausible range (never said of a table's values).
fn beyond_range(done: &uncertain::Scaled, spread: &Spread) -> bool {
    let (lo, hi) = (spread.low.min(spread.high), spread.low.max(spread.high));
    match done.after.as_slice() {
        [a] => spread.scale == catalog::Scale::Value && (*a < lo || *a > hi),
        _ => false,
    }
}

/// The simulation noise (one standard error) of the mean paired difference of `outcome`
/// between a variant and the scenario as given (`paired`); NaN where the aggregate keeps no
/// paired difference for it.
fn noise_of(outcome: &Outcome, paired: &PairedAgg, model: &Model) -> f64 {
    let k = outcome.index();
    let h = paired.monthly.len() / PAIRED_METRICS.len();
    let cost = k == crate::metrics::COST;
    let raw = match &outcome.period {
        Period::Horizon if cost => paired.total_cost.mean_se(),
        Period::Year(label) if cost => model
            .fin_year_labels
            .iter()
            .position(|y| y == label)
            .and_then(|y| paired.year_cost.get(y))
            .map_or(f64::NAN, |hist| hist.mean_se()),
        Period::End | Period::Month(_) => {
            let m = match &outcome.period {
                Period::Month(m) => (*m).min(h.saturating_sub(1)),
                _ => h.saturating_sub(1),
            };
            PAIRED_METRICS
                .iter()
                .position(|&j| j == k)
                .filter(|_| h > 0)
                .map_or(f64::NAN, |j| paired.cell(m, j).mean_se())
        }
        _ => f64::NAN,
    };
    outcome.scaled(raw)
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

    /// A change of the reader's own multiplies the scenario's own values (not the
    /// default's), shows as a fourth column, and every change carries its simulation noise
    /// from the paired runs: positive, and small beside the outcome's own spread.
    #[test]
    fn own_change_and_noise() {
        let settings = RunSettings {
            seed: 11,
            replications: 40,
            horizon_months: 12,
            uncertainty: false,
        };
        let path = "fostering.attrition_early";
        let mut scenario = default_scenario();
        scenario.fostering.attrition_early = 0.2;
        let plan = WhatIfPlan::with_own(&scenario, &settings, path, Some(30.0)).expect("plan");
        assert_eq!(plan.models.len(), 4);
        let own = &plan.models[3].scenario.fostering.attrition_early;
        assert!((own - 0.26).abs() < 1e-12, "{own}");
        let job = plan.job();
        let agg = job.prepare().expect("valid").run(0..40);
        let answer = plan.answer(&agg).expect("answer");
        assert_eq!(
            answer.own_text.as_deref(),
            Some("30% more than as given: 0.2 \u{2192} 0.26")
        );
        for l in &answer.lines {
            let own = l.at_own.expect("own column");
            assert!(own.is_finite(), "{l:?}");
            for se in [l.noise_low, l.noise_high, l.noise_own.expect("own noise")] {
                assert!(se.is_finite() && se >= 0.0, "{l:?}");
            }
            let unpaired =
                agg.scenarios[0].cell(11, Outcome::new(&l.metric, None).expect("m").index());
            // The few children in emergency beds are rare events whose paired runs part ways
            // soon after a change, so pairing does not narrow their change much.
            if l.metric != "cost" && l.metric != "no_suitable" {
                // Paired on the same chance events: the change is known far better than
                // either outcome alone.
                assert!(l.noise_high <= unpaired.mean_se() * 1.5 + 1e-9, "{l:?}");
            }
        }
        let cost = answer
            .lines
            .iter()
            .find(|l| l.metric == "cost")
            .expect("cost");
        assert!(cost.noise_high > 0.0, "{cost:?}");
        // Without an own change, no fourth column.
        let plain = WhatIfPlan::new(&scenario, &settings, path).expect("plan");
        assert_eq!(plain.job().scenarios.len(), 3);
        for bad in [f64::NAN, -95.0, 400.0] {
            let err = WhatIfPlan::with_own(&scenario, &settings, path, Some(bad))
                .err()
                .expect("refused");
            assert!(err.to_string().starts_with("your own change: "), "{err}");
        }
        assert_eq!(own_words(-20.0), "20% less than as given");
        // A value of 0 cannot change in proportion: refused by name, not a silent repeat.
        let mut flat = scenario.clone();
        flat.demand.trend_per_year = 0.0;
        let err = WhatIfPlan::with_own(&flat, &settings, "demand.trend_per_year", Some(30.0))
            .err()
            .expect("refused");
        assert!(err.to_string().contains("is 0 in this scenario"), "{err}");
        // Beyond the plausible range, and held at the limit validation allows: both said.
        let far = WhatIfPlan::with_own(
            &scenario,
            &settings,
            "markets.ifa_complex_availability",
            Some(300.0),
        )
        .expect("plan");
        let text = far.own_text.clone().expect("text");
        assert!(text.contains("beyond the plausible range"), "{text}");
        assert!(
            text.ends_with("held at the most the model allows"),
            "{text}"
        );
        // A table's multiplier says it changes every value.
        let table = WhatIfPlan::with_own(
            &scenario,
            &settings,
            "stability.breakdown_child",
            Some(10.0),
        )
        .expect("plan");
        let text = table.own_text.clone().expect("text");
        assert!(text.ends_with("every value of its table"), "{text}");
    }
}
