//! Goal seek as a sequence of ordinary jobs, so that the browser's workers run it as any
//! job (chunks, progress, cancel): [`GoalPlan::step`] replays the search of
//! [`seek`](super::seek) over the settings evaluated so far and either names the next
//! setting to evaluate ([`Step::Need`], run as [`GoalPlan::job`], read back with
//! [`GoalPlan::evaluate`]) or gives the answer ([`Step::Done`]).
//!
//! An evaluation reads the share of futures reaching the target from the merged
//! aggregate's histogram of the metric in the goal's month: exact while that histogram's
//! bins are one unit wide (counts of children, enquiries and homes spread over fewer than
//! 128 values), otherwise at the histogram's resolution. The cost is the aggregate's exact
//! mean.

use std::collections::BTreeMap;

use super::{check, summary, Answer, Direction, Goal};
use crate::aggregate::Aggregate;
use crate::runner::Job;
use crate::scenario::{RunSettings, Scenario};
use crate::sensitivity::{validated, AnalysisError, Outcome, Period};
use crate::validate::ValidScenario;

/// One setting's evaluation: the share of futures reaching the target, and the mean cost
/// to the goal's month (pounds).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Evaluation {
    pub share: f64,
    pub cost: f64,
}

/// Settings evaluated so far, by the bits of the setting.
pub type Evaluations = BTreeMap<u64, Evaluation>;

/// What the search needs next.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// Evaluate this setting of the lever.
    Need(f64),
    Done(Box<Answer>),
}

/// A goal checked against its scenario, ready to be searched a job at a time.
pub struct GoalPlan {
    scenario: Scenario,
    settings: RunSettings,
    goal: Goal,
    outcome: Outcome,
    range: (f64, f64),
}

/// The search stopped for a setting not yet evaluated.
struct Missing(f64);

impl GoalPlan {
    /// Check the goal as [`seek`](super::seek) does.
    pub fn new(
        scenario: &Scenario,
        settings: &RunSettings,
        goal: &Goal,
    ) -> Result<GoalPlan, AnalysisError> {
        check(goal)?;
        let settings = RunSettings {
            horizon_months: goal.month as u32 + 1,
            uncertainty: false,
            ..*settings
        };
        validated(scenario, &settings)?;
        let outcome = Outcome::new(&goal.metric, Some(Period::Month(goal.month)))?;
        let range = goal.lever.range(scenario);
        if range.1 <= range.0 {
            return Err(AnalysisError::Setting {
                name: "lever".into(),
                reason: format!(
                    "'{}' cannot be turned up in this scenario (its range is empty)",
                    goal.lever.key()
                ),
            });
        }
        Ok(GoalPlan {
            scenario: scenario.clone(),
            settings,
            goal: goal.clone(),
            outcome,
            range,
        })
    }

    /// Replications behind each evaluation.
    pub fn replications(&self) -> u32 {
        self.settings.replications
    }

    /// The most evaluations a search can need (three bisections and the ends).
    pub fn max_evaluations(&self) -> u32 {
        let steps = if self.goal.lever.whole() {
            (self.range.1 - self.range.0).max(1.0)
        } else {
            256.0
        };
        3 * (2 + libm::ceil(libm::log2(steps)) as u32) + 2
    }

    /// The job evaluating `setting`: the scenario with the lever at it, to the goal's month.
    pub fn job(&self, setting: f64) -> Result<Job, AnalysisError> {
        let mut s = self.scenario.clone();
        let annual = self.goal.cost_per_unit * setting;
        s.levers.extend(self.goal.lever.lever(
            &self.scenario,
            setting,
            self.goal.start_month,
            self.goal.ramp_months,
            annual,
        ));
        ValidScenario::new(s.clone()).map_err(AnalysisError::Invalid)?;
        Ok(Job {
            settings: self.settings,
            scenarios: vec![s],
            compare_with: vec![],
        })
    }

    /// The evaluation from the merged aggregate of [`job`](Self::job)'s runs.
    pub fn evaluate(&self, aggregate: &Aggregate) -> Evaluation {
        let Some(s) = aggregate.scenarios.first() else {
            return Evaluation {
                share: 0.0,
                cost: 0.0,
            };
        };
        let hist = s.cell(
            self.goal.month.min(s.horizon.saturating_sub(1)),
            self.outcome.index(),
        );
        // The target in the metric's raw (integer) unit.
        let raw = self.goal.target / self.outcome.scaled(1.0);
        let share = match self.goal.direction {
            Direction::AtMost => hist.share_below(libm::floor(raw) as i64 + 1),
            Direction::AtLeast => 1.0 - hist.share_below(libm::ceil(raw) as i64),
        };
        let cost = Outcome::new("cost", Some(Period::Horizon))
            .map(|o| (0..s.horizon).map(|m| s.cell(m, o.index()).mean()).sum())
            .unwrap_or(0.0);
        Evaluation { share, cost }
    }

    /// The next setting to evaluate, or the answer when every one needed is known.
    pub fn step(&self, known: &Evaluations) -> Step {
        match self.replay(known) {
            Ok(answer) => Step::Done(Box::new(answer)),
            Err(Missing(x)) => Step::Need(x),
        }
    }

    fn get(&self, known: &Evaluations, x: f64) -> Result<Evaluation, Missing> {
        known.get(&x.to_bits()).copied().ok_or(Missing(x))
    }

    /// The smallest setting whose share reaches `wanted`, as `Seeker::smallest`.
    fn smallest(&self, known: &Evaluations, wanted: f64) -> Result<Option<f64>, Missing> {
        let (mut lo, mut hi) = self.range;
        if self.get(known, hi)?.share < wanted {
            return Ok(None);
        }
        if self.get(known, lo)?.share >= wanted {
            return Ok(Some(lo));
        }
        let whole = self.goal.lever.whole();
        let step = if whole { 1.0 } else { (hi - lo) / 256.0 };
        while hi - lo > step {
            let mid = if whole {
                libm::floor((lo + hi) / 2.0)
            } else {
                (lo + hi) / 2.0
            };
            if self.get(known, mid)?.share >= wanted {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        Ok(Some(hi))
    }

    fn replay(&self, known: &Evaluations) -> Result<Answer, Missing> {
        let c = self.goal.confidence;
        let se = libm::sqrt(c * (1.0 - c) / self.settings.replications as f64);
        let setting = self.smallest(known, c)?;
        let (setting_low, setting_high) = match setting {
            Some(_) => (
                self.smallest(known, (c - 2.0 * se).max(0.0))?,
                self.smallest(known, (c + 2.0 * se).min(1.0))?,
            ),
            None => (None, None),
        };
        let with = setting.unwrap_or(self.range.1);
        let without = self.get(known, self.range.0)?;
        let at = self.get(known, with)?;
        let mut answer = Answer {
            lever: self.goal.lever,
            setting_means: self.goal.lever.describe().to_string(),
            range: self.range,
            setting,
            setting_low,
            setting_high,
            share_without: without.share,
            share_with: at.share,
            cost_without: without.cost,
            cost_with: at.cost,
            runs: self.settings.replications,
            tried: known
                .iter()
                .map(|(bits, e)| (f64::from_bits(*bits), e.share))
                .collect(),
            summary: String::new(),
        };
        answer.summary = summary(&self.goal, &answer);
        Ok(answer)
    }
}

/// Search natively: every job run here, one after another (the CLI's and the tests' way;
/// gives what the browser's workers give). `progress(runs)` after each run; returning false
/// cancels.
pub fn seek_by_jobs(
    scenario: &Scenario,
    settings: &RunSettings,
    goal: &Goal,
    mut progress: impl FnMut(u32) -> bool,
) -> Result<Answer, AnalysisError> {
    let plan = GoalPlan::new(scenario, settings, goal)?;
    let mut known = Evaluations::new();
    let mut runs = 0;
    loop {
        match plan.step(&known) {
            Step::Done(answer) => return Ok(*answer),
            Step::Need(x) => {
                let prepared = plan.job(x)?.prepare().map_err(AnalysisError::Invalid)?;
                let mut cancelled = false;
                let agg = prepared.run_with(0..plan.replications(), |d| {
                    let go = progress(runs + d);
                    cancelled |= !go;
                    go
                });
                if cancelled {
                    return Err(AnalysisError::Cancelled);
                }
                runs += plan.replications();
                known.insert(x.to_bits(), plan.evaluate(&agg));
            }
        }
    }
}
