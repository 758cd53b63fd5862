//! `hindcast`: fit a scenario to the returns as at a date inside them, using only the data
//! up to it, run it forward, and set the projection against what the returns show after
//! the date (the engine's `ssda903::hindcast`): a CSV row per month and metric
//! (`month,metric,observed,p10,p50,p90`), a JSON with the same plus the coverage summary,
//! the fit report and a verdict in words, which is also printed.

use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

use engine::report::Report;
use engine::runner::Job;
use engine::scenario::RunSettings;
use engine::ssda903::date::{add_months, days_in_month, months_between, Date};
use engine::ssda903::fit::{start_month, FitReport};
use engine::ssda903::hindcast::{compare, Hindcast};
use engine::ssda903::summary;
use engine::validate::FieldError;

use crate::args::{horizon, runs, seed, target, threads, HelpFlag, Target};
use crate::calibrate::{as_at, import_and_fit, prepare, write_targets, ReturnsArgs};

#[derive(Clone, Debug, Args)]
pub struct HindcastArgs {
    #[command(flatten)]
    pub returns: ReturnsArgs,
    /// Project from this date, YYYY-MM-DD, inside the returns: the fit uses only data up to it
    #[arg(long, value_name = "DATE", value_parser = as_at)]
    pub as_at: Date,
    /// Months to project [default: every month the returns cover after the date, at most 120]
    #[arg(long, value_name = "N", value_parser = horizon, allow_hyphen_values = true)]
    pub horizon_months: Option<u32>,
    /// Monte Carlo replications
    #[arg(long, value_name = "N", default_value_t = 500, value_parser = runs, allow_hyphen_values = true)]
    pub runs: u32,
    /// Master random seed
    #[arg(long, value_name = "N", default_value_t = RunSettings::default().seed, value_parser = seed, allow_hyphen_values = true)]
    pub seed: u64,
    /// Threads to run on (the same numbers with any count) [default: every core]
    #[arg(long, value_name = "N", value_parser = threads, allow_hyphen_values = true)]
    pub threads: Option<usize>,
    /// Write the comparison, coverage summary, verdict and fit report as JSON; - for standard output
    #[arg(long, value_name = "FILE", value_parser = target())]
    pub json: Option<Target>,
    /// Write the comparison as CSV (month,metric,observed,p10,p50,p90); - for standard output
    #[arg(long, value_name = "FILE", value_parser = target())]
    pub csv: Option<Target>,
    #[command(flatten)]
    help: HelpFlag,
}

/// What the JSON holds.
#[derive(Serialize)]
struct Output<'a> {
    horizon_months: u32,
    runs: u32,
    seed: u64,
    #[serde(flatten)]
    hindcast: &'a Hindcast,
    fit: &'a FitReport,
}

pub fn run(a: &HindcastArgs) -> ExitCode {
    crate::interrupt::install();
    let (base, mut out) = match prepare(
        &a.returns,
        &[("--json", a.json.as_ref()), ("--csv", a.csv.as_ref())],
    ) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let (import, fitted) = match import_and_fit(&a.returns, Some(a.as_at), &base, &mut out) {
        Ok(f) => f,
        Err(e) => return crate::invalid(&[e]),
    };
    let _ = write!(out, "{}", fitted.report);
    // Months observed after the date.
    let (sy, sm) = start_month(a.as_at);
    let (Some(first), Some(last_data)) = (Date::from_ymd(sy, sm, 1), import.observed_to) else {
        return crate::invalid(&[FieldError::new(
            "--as-at",
            "is not a date the returns cover",
        )]);
    };
    let available = months_between(first, last_data);
    if available == 0 {
        return crate::invalid(&[FieldError::new(
            "--as-at",
            format!("{} leaves no whole month of returns after it to compare with (they end on {last_data})", a.as_at),
        )]);
    }
    let horizon = a
        .horizon_months
        .unwrap_or(available.min(engine::limits::MAX_HORIZON_MONTHS));
    let job = Job {
        settings: RunSettings {
            seed: a.seed,
            replications: a.runs,
            horizon_months: horizon,
            uncertainty: false,
        },
        scenarios: vec![fitted.scenario.clone()],
        compare_with: vec![],
    };
    let prepared = match job.prepare() {
        Ok(p) => p,
        Err(errors) => return crate::invalid(&errors),
    };
    let threads = a.threads.unwrap_or_else(crate::parallel::default_threads);
    let Some(aggregate) = crate::parallel::run(&prepared, threads, &crate::interrupt::REQUESTED)
    else {
        return if crate::interrupt::requested() {
            crate::interrupted()
        } else {
            crate::failed("the run failed")
        };
    };
    let report = Report::new(&job, &prepared, &aggregate);
    let Some(projection) = report.scenarios.first() else {
        return crate::failed("the run gave no results");
    };
    let n = horizon.min(available) as usize;
    let (ly, lm) = add_months(sy, sm, n.saturating_sub(1) as u32);
    let last = Date::from_ymd(ly, lm, days_in_month(ly, lm)).unwrap_or(last_data);
    let months = summary::months(&import.children, first, last);
    let hindcast = compare(&a.as_at.to_string(), &months, projection);
    let _ = writeln!(out, "\n{}", hindcast.verdict);
    drop(out);
    let json = match serde_json::to_string_pretty(&Output {
        horizon_months: horizon,
        runs: a.runs,
        seed: a.seed,
        hindcast: &hindcast,
        fit: &fitted.report,
    }) {
        Ok(j) => j + "\n",
        Err(e) => return crate::failed(&format!("cannot serialise the hindcast: {e}")),
    };
    let csv = hindcast.to_csv();
    write_targets(&[(a.json.as_ref(), &json), (a.csv.as_ref(), &csv)])
}
