//! What it would take: for one lever ([`LeverChoice`]), the smallest setting that reaches a
//! target by a date with a chosen confidence ("children without a suitable placement at most
//! 20 in March 2028 in 8 of 10 futures"). Every setting tried is run on the same random
//! futures (common random numbers), so the share of futures reaching the target rises with
//! the setting as the lever does more, and bisection finds where it first reaches the
//! confidence asked. The answer comes with its uncertainty (the settings that reach it in
//! the asked share of futures give or take two standard errors, given the number of runs),
//! the cost to the date with and without the lever, and says so when no setting within the
//! lever's range reaches the target.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::scenario::{RunSettings, Scenario};
use crate::sensitivity::{mean, run_models, validated, AnalysisError, Outcome, Period};
use crate::sim::Model;
use crate::validate::ValidScenario;

mod lever;
#[cfg(test)]
mod tests;

pub use lever::{LeverChoice, HOME_WEEKLY_COST_PER_BED};

/// Whether the target is a ceiling or a floor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    AtMost,
    AtLeast,
}

/// The question: a metric in one month, a ceiling or floor, and the share of futures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Goal {
    /// The metric's report key (`gap`, `in_care`, `in_house_share`, ...).
    pub metric: String,
    /// Month of the horizon (0 = the first) by which the target must hold.
    pub month: usize,
    pub direction: Direction,
    pub target: f64,
    /// Share of futures (runs) in which it must hold, in (0, 1).
    pub confidence: f64,
    pub lever: LeverChoice,
    /// When the lever starts, months to full effect, and its running cost a year for each
    /// unit of the setting.
    pub start_month: u32,
    pub ramp_months: u32,
    pub cost_per_unit: f64,
}

/// The answer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Answer {
    pub lever: LeverChoice,
    /// What the setting is, in words.
    pub setting_means: String,
    /// The range searched.
    pub range: (f64, f64),
    /// The smallest setting reaching the target in the asked share of futures; `None` when
    /// none within the range does.
    pub setting: Option<f64>,
    /// Its uncertainty from the number of runs: the settings reaching it in the asked share
    /// less and more two standard errors (`None` at the top: beyond the range).
    pub setting_low: Option<f64>,
    pub setting_high: Option<f64>,
    /// Share of futures reaching the target with no lever, at the setting found (or at the
    /// top of the range when none reaches it).
    pub share_without: f64,
    pub share_with: f64,
    /// Mean cost to the date (pounds, lever's own running cost included) with no lever and
    /// with the setting found (or the top of the range).
    pub cost_without: f64,
    pub cost_with: f64,
    pub runs: u32,
    /// Every setting tried and the share of futures reaching the target there.
    pub tried: Vec<(f64, f64)>,
    /// The answer in one or two plain sentences.
    pub summary: String,
}

/// Runs a goal's evaluations, remembering each setting's share.
struct Seeker<'a> {
    scenario: &'a Scenario,
    goal: &'a Goal,
    settings: RunSettings,
    outcome: Outcome,
    shares: BTreeMap<u64, f64>,
    progress: &'a mut dyn FnMut(u32) -> bool,
    runs_done: u32,
}

impl Seeker<'_> {
    /// The scenario with the lever at `setting`, compiled to the goal's month.
    fn model(&self, setting: f64) -> Result<Model, AnalysisError> {
        let mut s = self.scenario.clone();
        let annual = self.goal.cost_per_unit * setting;
        s.levers.extend(self.goal.lever.lever(
            self.scenario,
            setting,
            self.goal.start_month,
            self.goal.ramp_months,
            annual,
        ));
        let valid = ValidScenario::new(s).map_err(AnalysisError::Invalid)?;
        Ok(Model::compile(
            &valid,
            self.settings.horizon_months as usize,
        ))
    }

    /// The outcome in every run at `setting` (`None` if cancelled).
    fn values(&mut self, setting: f64, outcome: &Outcome) -> Result<Vec<f64>, AnalysisError> {
        let model = self.model(setting)?;
        let reps = 0..self.settings.replications;
        let (before, progress) = (self.runs_done, &mut *self.progress);
        let mut cancelled = false;
        let runs = run_models(&[&model], outcome, self.settings.seed, reps, |d| {
            let go = progress(before + d);
            cancelled |= !go;
            go
        });
        if cancelled {
            return Err(AnalysisError::Cancelled);
        }
        self.runs_done += self.settings.replications;
        Ok(runs.column(0))
    }

    /// Share of futures reaching the target at `setting`.
    fn share(&mut self, setting: f64) -> Result<f64, AnalysisError> {
        if let Some(s) = self.shares.get(&setting.to_bits()) {
            return Ok(*s);
        }
        let outcome = self.outcome.clone();
        let values = self.values(setting, &outcome)?;
        let hit = values
            .iter()
            .filter(|v| match self.goal.direction {
                Direction::AtMost => **v <= self.goal.target,
                Direction::AtLeast => **v >= self.goal.target,
            })
            .count();
        let share = hit as f64 / values.len().max(1) as f64;
        self.shares.insert(setting.to_bits(), share);
        Ok(share)
    }

    /// The smallest setting in the range whose share reaches `wanted`, by bisection (to a
    /// whole number, or 1/256 of the range); `None` if the top of the range does not.
    fn smallest(&mut self, wanted: f64) -> Result<Option<f64>, AnalysisError> {
        let (mut lo, mut hi) = self.goal.lever.range(self.scenario);
        if self.share(hi)? < wanted {
            return Ok(None);
        }
        if self.share(lo)? >= wanted {
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
            if self.share(mid)? >= wanted {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        Ok(Some(hi))
    }
}

/// Find the smallest setting of the goal's lever reaching its target, on
/// `settings.replications` futures of `settings.seed` (the horizon is the goal's month;
/// `settings.horizon_months` and `uncertainty` are not used). `progress(runs)` is called
/// after every run with the runs made so far; returning false cancels
/// ([`AnalysisError::Cancelled`]).
pub fn seek(
    scenario: &Scenario,
    settings: &RunSettings,
    goal: &Goal,
    mut progress: impl FnMut(u32) -> bool,
) -> Result<Answer, AnalysisError> {
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
    let mut seeker = Seeker {
        scenario,
        goal,
        settings,
        outcome,
        shares: BTreeMap::new(),
        progress: &mut progress,
        runs_done: 0,
    };
    let c = goal.confidence;
    let se = libm::sqrt(c * (1.0 - c) / settings.replications as f64);
    let setting = seeker.smallest(c)?;
    let setting_low = match setting {
        Some(_) => seeker.smallest((c - 2.0 * se).max(0.0))?,
        None => None,
    };
    let setting_high = match setting {
        Some(_) => seeker.smallest((c + 2.0 * se).min(1.0))?,
        None => None,
    };
    let with = setting.unwrap_or(range.1);
    let share_without = seeker.share(range.0)?;
    let share_with = seeker.share(with)?;
    let cost = Outcome::new("cost", Some(Period::Horizon))?;
    let cost_without = mean(&seeker.values(range.0, &cost)?);
    let cost_with = mean(&seeker.values(with, &cost)?);
    let tried = seeker
        .shares
        .iter()
        .map(|(bits, share)| (f64::from_bits(*bits), *share))
        .collect();
    let mut answer = Answer {
        lever: goal.lever,
        setting_means: goal.lever.describe().to_string(),
        range,
        setting,
        setting_low,
        setting_high,
        share_without,
        share_with,
        cost_without,
        cost_with,
        runs: settings.replications,
        tried,
        summary: String::new(),
    };
    answer.summary = summary(goal, &answer);
    Ok(answer)
}

/// The goal's own numbers, each named when wrong.
fn check(goal: &Goal) -> Result<(), AnalysisError> {
    let bad = |name: &str, reason: &str| {
        Err(AnalysisError::Setting {
            name: name.into(),
            reason: reason.into(),
        })
    };
    if !(goal.confidence > 0.0 && goal.confidence < 1.0) {
        return bad(
            "confidence",
            "must be between 0 and 1 (0.8 = in 8 of 10 futures)",
        );
    }
    if !goal.target.is_finite() {
        return bad("target", "must be a number");
    }
    if !(goal.cost_per_unit.is_finite() && goal.cost_per_unit >= 0.0) {
        return bad("cost per unit", "must be 0 or more pounds a year");
    }
    if goal.month >= crate::limits::MAX_HORIZON_MONTHS as usize {
        return bad(
            "by",
            "is beyond the longest horizon the model simulates (120 months)",
        );
    }
    Ok(())
}

/// The answer in plain words.
fn summary(goal: &Goal, a: &Answer) -> String {
    let futures = format!("{:.0} in 100 futures", goal.confidence * 100.0);
    let d = goal.lever.decimals();
    match a.setting {
        None => format!(
            "No setting up to {:.d$} {} reaches the target in {futures}: at the top of the range it is \
             reached in {:.0} in 100.",
            a.range.1,
            a.setting_means,
            a.share_with * 100.0
        ),
        Some(s) => {
            let high = a
                .setting_high
                .map(|h| format!("{h:.d$}"))
                .unwrap_or_else(|| "beyond the range".into());
            format!(
                "At least {s:.d$} {} reaches the target in {futures} (with {} runs, somewhere between \
                 {:.d$} and {high}); without it, {:.0} in 100. The cost to the date is {} against {} \
                 without it.",
                a.setting_means,
                a.runs,
                a.setting_low.unwrap_or(s),
                a.share_without * 100.0,
                pounds(a.cost_with),
                pounds(a.cost_without)
            )
        }
    }
}

/// Whole pounds with a comma between each group of three digits: "£1,234,567".
fn pounds(x: f64) -> String {
    let digits = format!("{:.0}", x.abs());
    let mut out = String::from(if x < 0.0 { "-£" } else { "£" });
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}
