//! `sufficiency-cli goal-seek`: what it would take. For one lever, the smallest setting that
//! reaches a target by a month in a chosen share of futures (on common random numbers),
//! printed in plain words with its uncertainty and cost, and written as JSON.

use std::process::ExitCode;

use clap::{ArgGroup, Args};
use serde::Serialize;

use engine::calendar::YearMonth;
use engine::goal_seek::{seek, Answer, Direction, Goal, LeverChoice};
use engine::scenario::RunSettings;
use engine::sensitivity::AnalysisError;
use engine::validate::FieldError;

use crate::args::{HelpFlag, Target};
use crate::progress::Bar;
use crate::{failed, input, interrupt, interrupted, invalid, output, write_outputs};

#[derive(Clone, Debug, Args)]
#[command(group(ArgGroup::new("target").required(true).args(["at_most", "at_least"])))]
pub struct GoalSeekArgs {
    /// The lever: extra_enquiries, conversion, retention, new_home_beds or admissions_avoided
    #[arg(long, value_name = "LEVER", value_parser = lever)]
    pub lever: LeverChoice,
    /// The metric to reach, by its report key (gap, in_care, in_house_share, ...)
    #[arg(long, value_name = "METRIC", default_value = "gap")]
    pub metric: String,
    /// The metric must be at most this in that month
    #[arg(long, value_name = "X", allow_hyphen_values = true)]
    pub at_most: Option<f64>,
    /// The metric must be at least this in that month
    #[arg(long, value_name = "X", allow_hyphen_values = true)]
    pub at_least: Option<f64>,
    /// The month by which it must hold, as YEAR-MONTH (2028-03)
    #[arg(long, value_name = "YYYY-MM")]
    pub by: String,
    /// Share of futures in which it must hold (0.8 = 8 in 10)
    #[arg(long, value_name = "SHARE", default_value_t = 0.8)]
    pub confidence: f64,
    /// Months from the start before the lever acts (as a lever's start_month)
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub start_month: u32,
    /// Months for the lever to reach full effect
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub ramp_months: u32,
    /// The lever's running cost a year for each unit of its setting, in pounds
    #[arg(long, value_name = "POUNDS", default_value_t = 0.0)]
    pub cost_per_unit: f64,
    /// Scenario (JSON, as `default-scenario` prints) [default: the built-in borough]
    #[arg(long, value_name = "FILE")]
    pub scenario: Option<std::path::PathBuf>,
    /// Futures (replications) each setting is run on
    #[arg(long, value_name = "N", default_value_t = 200)]
    pub runs: u32,
    /// Master random seed
    #[arg(long, value_name = "N", default_value_t = RunSettings::default().seed)]
    pub seed: u64,
    /// Write the answer as JSON; - for standard output
    #[arg(long, value_name = "FILE", value_parser = crate::args::target())]
    pub json: Option<Target>,
    #[command(flatten)]
    pub help: HelpFlag,
}

fn lever(key: &str) -> Result<LeverChoice, String> {
    LeverChoice::from_key(key).ok_or_else(|| {
        let keys: Vec<&str> = LeverChoice::ALL.iter().map(|l| l.key()).collect();
        format!("unknown lever '{key}'; choose one of: {}", keys.join(", "))
    })
}

/// "2028-03" as a month of the horizon from `start`, or why not.
fn month_of(by: &str, start: YearMonth) -> Result<usize, String> {
    let parsed = by
        .trim()
        .split_once('-')
        .and_then(|(y, m)| YearMonth::new(y.parse().ok()?, m.parse().ok()?));
    let Some(when) = parsed else {
        return Err(format!("'{by}' is not a month as YEAR-MONTH (2028-03)"));
    };
    let count = |m: YearMonth| i64::from(m.year()) * 12 + i64::from(m.month()) - 1;
    let n = count(when) - count(start);
    if n < 0 {
        return Err(format!("{by} is before the scenario starts ({start})"));
    }
    Ok(n as usize)
}

#[derive(Serialize)]
struct Summary<'a> {
    seed: u64,
    by: &'a str,
    goal: &'a Goal,
    answer: &'a Answer,
}

pub fn run(a: &GoalSeekArgs) -> ExitCode {
    interrupt::install();
    let mut errors = vec![];
    let mut inputs = vec![];
    let scenario = input::scenario_or_default(&a.scenario, &mut errors, &mut inputs);
    let outputs: Vec<(&str, &Target)> = a.json.iter().map(|t| ("--json", t)).collect();
    errors.extend(output::check(&outputs, &inputs));
    let Some(scenario) = scenario else {
        return invalid(&errors);
    };
    let start = YearMonth::new(scenario.start_year, scenario.start_month);
    let month = match start.map(|s| month_of(&a.by, s)) {
        Some(Ok(m)) => Some(m),
        Some(Err(reason)) => {
            errors.push(FieldError::new("--by", reason));
            None
        }
        None => None,
    };
    let (Some(month), true) = (month, errors.is_empty()) else {
        return invalid(&errors);
    };
    let (direction, target) = match (a.at_most, a.at_least) {
        (Some(x), _) => (Direction::AtMost, x),
        (None, Some(x)) => (Direction::AtLeast, x),
        (None, None) => return invalid(&[FieldError::new("--at-most", "or --at-least is needed")]),
    };
    let goal = Goal {
        metric: a.metric.clone(),
        month,
        direction,
        target,
        confidence: a.confidence,
        lever: a.lever,
        start_month: a.start_month,
        ramp_months: a.ramp_months,
        cost_per_unit: a.cost_per_unit,
    };
    let settings = RunSettings {
        seed: a.seed,
        replications: a.runs,
        ..RunSettings::default()
    };
    let bar = Bar::new(0);
    let answer = match seek(&scenario, &settings, &goal, |done| {
        bar.draw(u64::from(done));
        !interrupt::requested()
    }) {
        Ok(answer) => answer,
        Err(AnalysisError::Cancelled) => return interrupted(),
        Err(e) => return invalid(&goal_error(e)),
    };
    let runs = answer.tried.len() as u64 * u64::from(a.runs);
    bar.finish(runs, 1);
    eprintln!("{} settings tried", answer.tried.len());
    let text = format!(
        "What it would take: {} {} {} in {} in {:.0} of 100 futures, by turning {}\n{}\n",
        a.metric,
        match direction {
            Direction::AtMost => "at most",
            Direction::AtLeast => "at least",
        },
        target,
        a.by,
        a.confidence * 100.0,
        a.lever.key(),
        answer.summary
    );
    if a.json.as_ref() == Some(&Target::Stdout) {
        eprint!("{text}");
    } else {
        print!("{text}");
    }
    let summary = Summary {
        seed: a.seed,
        by: &a.by,
        goal: &goal,
        answer: &answer,
    };
    let json = match serde_json::to_string_pretty(&summary) {
        Ok(j) => j,
        Err(e) => return failed(&format!("cannot serialise the answer: {e}")),
    };
    match &a.json {
        None => ExitCode::SUCCESS,
        Some(Target::Stdout) => write_outputs(&[], Some(&json)),
        Some(Target::File(p)) => write_outputs(&[(p.as_path(), json.as_str())], None),
    }
}

fn goal_error(e: AnalysisError) -> Vec<FieldError> {
    match e {
        AnalysisError::Invalid(errors) => errors,
        AnalysisError::UnknownMetric(_) => vec![FieldError::new("--metric", e.to_string())],
        AnalysisError::Period(reason) => vec![FieldError::new("--by", reason)],
        AnalysisError::Setting { name, reason } => {
            let flag = match name.as_str() {
                "cost per unit" => "--cost-per-unit".to_string(),
                other => format!("--{other}"),
            };
            vec![FieldError::new(flag, reason)]
        }
        AnalysisError::Cancelled => vec![FieldError::new("run", "cancelled")],
    }
}
