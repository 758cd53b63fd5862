//! What it would take: for one lever ([`LeverChoice`]), the smallest setting that reaches a
//! target by a date with a chosen confidence ("children without a suitable placement at most
//! 20 in March 2028 in 8 of 10 futures"). Every setting tried is run on the same random
//! futures (common random numbers), so the share of futures reaching the target rises with
//! the setting as the lever does more, and bisection finds where it first reaches the
//! confidence asked. The answer comes with its uncertainty (the settings that reach it in
//! the asked share of futures give or take two standard errors, given the number of runs),
//! the cost to the date with and without the lever, and says so when no setting within the
//! lever's range reaches the target.
//!
//! The search is made of ordinary jobs, one per setting tried ([`steps`]), so that the
//! browser's workers run it as any job and give the same answer as [`seek`] here.

use serde::Serialize;

use crate::scenario::{RunSettings, Scenario};
use crate::sensitivity::AnalysisError;

mod lever;
pub mod steps;
#[cfg(test)]
mod tests;

pub use lever::{LeverChoice, HOME_WEEKLY_COST_PER_BED};
pub use steps::{Evaluation, Evaluations, GoalPlan, Step};

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

/// Find the smallest setting of the goal's lever reaching its target, on
/// `settings.replications` futures of `settings.seed` (the horizon is the goal's month;
/// `settings.horizon_months` and `uncertainty` are not used). `progress(runs)` is called
/// after every run with the runs made so far; returning false cancels
/// ([`AnalysisError::Cancelled`]).
pub fn seek(
    scenario: &Scenario,
    settings: &RunSettings,
    goal: &Goal,
    progress: impl FnMut(u32) -> bool,
) -> Result<Answer, AnalysisError> {
    steps::seek_by_jobs(scenario, settings, goal, progress)
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
                .unwrap_or_else(|| "beyond the range searched".into());
            format!(
                "At least {s:.d$} {} reaches the target in at least {futures} ({:.0} in 100 of these \
                 runs; with {} runs, somewhere from {:.d$} to {high}); without it, {:.0} in 100. The \
                 cost to the date is {} against {} without it.",
                a.setting_means,
                a.share_with * 100.0,
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
