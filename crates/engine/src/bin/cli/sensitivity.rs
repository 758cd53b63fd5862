//! `sufficiency-cli sensitivity`: which assumptions matter for one outcome. Runs the tornado
//! (each uncertain assumption at the low and high end of its range, one at a time, on
//! common random numbers) and the global ranking (all varying together), over threads
//! (the answer is the same with any number), prints both ranked, and writes them as JSON.

use std::ops::Range;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};

use clap::Args;
use serde::Serialize;

use engine::scenario::RunSettings;
use engine::sensitivity::global::{GlobalPlan, Ranking};
use engine::sensitivity::tornado::{Tornado, TornadoPlan};
use engine::sensitivity::{AnalysisError, Outcome, Period, Runs};
use engine::validate::FieldError;

use crate::args::{HelpFlag, Target};
use crate::progress::{thousands, Bar};
use crate::{failed, input, interrupt, interrupted, invalid, output, parallel, write_outputs};

#[derive(Clone, Debug, Args)]
pub struct SensitivityArgs {
    /// Scenario (JSON, as `default-scenario` prints) [default: the built-in borough]
    #[arg(long, value_name = "FILE")]
    pub scenario: Option<std::path::PathBuf>,
    /// The outcome, by its report key: cost, gap, in_house_share, in_care, ... [default: cost]
    #[arg(long, value_name = "METRIC", default_value = "cost")]
    pub outcome: String,
    /// Read the outcome in one financial year (2022/23) instead of over the whole horizon (costs and counts)
    #[arg(long, value_name = "YEAR", conflicts_with = "month")]
    pub year: Option<String>,
    /// Read the outcome in one month of the horizon (1 = the first) instead of at its end or over it
    #[arg(long, value_name = "N")]
    pub month: Option<usize>,
    /// Replications for each end of each assumption, and samples of the global ranking
    #[arg(long, value_name = "N", default_value_t = 200)]
    pub runs: u32,
    /// Master random seed
    #[arg(long, value_name = "N", default_value_t = RunSettings::default().seed)]
    pub seed: u64,
    /// Months to simulate
    #[arg(long, value_name = "N", default_value_t = RunSettings::default().horizon_months)]
    pub horizon_months: u32,
    /// Skip the global ranking (all assumptions varying together)
    #[arg(long)]
    pub no_global: bool,
    /// Threads to run on (the same numbers with any count) [default: every core]
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Write the tornado and the ranking as JSON; - for standard output
    #[arg(long, value_name = "FILE", value_parser = crate::args::target())]
    pub json: Option<Target>,
    #[command(flatten)]
    pub help: HelpFlag,
}

/// What `--json` holds.
#[derive(Serialize)]
struct Summary<'a> {
    seed: u64,
    horizon_months: u32,
    tornado: &'a Tornado,
    global: Option<&'a Ranking>,
}

/// Run replications `0..total` of something split over `threads` threads, merging the
/// runs; `None` if interrupted. `per_rep` runs are added to `done` for each replication.
fn over_threads(
    total: u32,
    threads: usize,
    per_rep: u64,
    (bar, done): (&Bar, &AtomicU64),
    run: impl Fn(Range<u32>, &dyn Fn() -> bool) -> Runs + Sync,
) -> Option<Runs> {
    let threads = threads.clamp(1, total.max(1) as usize) as u32;
    let parts: Vec<Runs> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let (run, done) = (&run, &done);
                let range = total * t / threads..total * (t + 1) / threads;
                scope.spawn(move || {
                    let tick = || {
                        let d = done.fetch_add(per_rep, Ordering::Relaxed) + per_rep;
                        if t == 0 {
                            bar.draw(d);
                        }
                        !interrupt::requested()
                    };
                    run(range, &tick)
                })
            })
            .collect();
        handles.into_iter().filter_map(|h| h.join().ok()).collect()
    });
    if interrupt::requested() || parts.len() != threads as usize {
        return None;
    }
    let mut all = Runs::default();
    for p in parts {
        all.merge(p);
    }
    Some(all)
}

fn analysis_error(e: AnalysisError) -> Vec<FieldError> {
    match e {
        AnalysisError::Invalid(errors) => errors,
        AnalysisError::UnknownMetric(_) => vec![FieldError::new("--outcome", e.to_string())],
        AnalysisError::Period(reason) => vec![FieldError::new("--month/--year", reason)],
        AnalysisError::Setting { name, reason } => {
            vec![FieldError::new(format!("--{name}"), reason)]
        }
        AnalysisError::Cancelled => vec![FieldError::new("run", "cancelled")],
    }
}

pub fn run(a: &SensitivityArgs) -> ExitCode {
    interrupt::install();
    let mut errors = vec![];
    let mut inputs = vec![];
    let scenario = input::scenario_or_default(&a.scenario, &mut errors, &mut inputs);
    let outputs: Vec<(&str, &Target)> = a.json.iter().map(|t| ("--json", t)).collect();
    errors.extend(output::check(&outputs, &inputs));
    if a.month == Some(0) {
        errors.push(FieldError::new("--month", "months are counted from 1"));
    }
    let period = match (&a.year, a.month) {
        (Some(y), _) => Some(Period::Year(y.clone())),
        (None, Some(m)) => Some(Period::Month(m.saturating_sub(1))),
        (None, None) => None,
    };
    let outcome = Outcome::new(&a.outcome, period).map_err(|e| errors.extend(analysis_error(e)));
    let (Some(scenario), Ok(outcome), true) = (scenario, outcome, errors.is_empty()) else {
        return invalid(&errors);
    };
    let settings = RunSettings {
        seed: a.seed,
        replications: a.runs,
        horizon_months: a.horizon_months,
        uncertainty: false,
    };
    let tornado_plan = match TornadoPlan::new(&scenario, &settings, outcome.clone()) {
        Ok(p) => p,
        Err(e) => return invalid(&analysis_error(e)),
    };
    let global_plan = if a.no_global {
        None
    } else {
        match GlobalPlan::new(&scenario, &settings, outcome) {
            Ok(p) => Some(p),
            Err(e) => return invalid(&analysis_error(e)),
        }
    };
    let threads = a.threads.unwrap_or_else(parallel::default_threads).max(1);
    let variants = tornado_plan.variants() as u64;
    let total = u64::from(a.runs) * (variants + u64::from(global_plan.is_some()));
    let bar = Bar::new(total);
    let done = AtomicU64::new(0);
    let Some(runs) = over_threads(a.runs, threads, variants, (&bar, &done), |r, tick| {
        tornado_plan.run_with(r, |_| tick())
    }) else {
        return interrupted();
    };
    let tornado = tornado_plan.tornado(&runs);
    let global = match &global_plan {
        None => None,
        Some(plan) => {
            let Some(runs) = over_threads(a.runs, threads, 1, (&bar, &done), |r, tick| {
                plan.run_with(r, |_| tick())
            }) else {
                return interrupted();
            };
            Some(plan.ranking(&runs))
        }
    };
    bar.finish(
        done.load(Ordering::Relaxed),
        threads.min(a.runs.max(1) as usize),
    );
    let to_stdout = a.json.as_ref() == Some(&Target::Stdout);
    let text = ranking_text(&tornado, global.as_ref());
    if to_stdout {
        eprint!("{text}");
    } else {
        print!("{text}");
    }
    let summary = Summary {
        seed: a.seed,
        horizon_months: a.horizon_months,
        tornado: &tornado,
        global: global.as_ref(),
    };
    let json = match serde_json::to_string_pretty(&summary) {
        Ok(j) => j,
        Err(e) => return failed(&format!("cannot serialise the ranking: {e}")),
    };
    match &a.json {
        None => ExitCode::SUCCESS,
        Some(Target::Stdout) => write_outputs(&[], Some(&json)),
        Some(Target::File(p)) => write_outputs(&[(p.as_path(), json.as_str())], None),
    }
}

/// A number for the table: whole pounds and counts with thousands separators, shares with
/// one decimal.
fn figure(x: f64) -> String {
    if x.abs() >= 1000.0 {
        let sign = if x < 0.0 { "-" } else { "" };
        format!("{sign}{}", thousands(libm::round(x.abs()) as u64))
    } else {
        format!("{x:.1}")
    }
}

/// The tornado and the ranking as text.
pub fn ranking_text(t: &Tornado, g: Option<&Ranking>) -> String {
    let mut out = format!(
        "What matters most for {} ({} runs per setting)\n{}\n\nBaseline: {}\n\n",
        t.outcome,
        t.runs,
        t.meaning,
        figure(t.baseline)
    );
    out.push_str(&format!(
        "{:>4}  {:<44} {:>10} {:>14} {:>10} {:>14} {:>12}\n",
        "rank", "assumption", "low", "outcome", "high", "outcome", "swing"
    ));
    for (i, b) in t.bars.iter().enumerate() {
        out.push_str(&format!(
            "{:>4}  {:<44} {:>10} {:>14} {:>10} {:>14} {:>12}\n",
            i + 1,
            clip(&b.label, 44),
            b.low_text,
            figure(b.at_low),
            b.high_text,
            figure(b.at_high),
            figure(b.swing)
        ));
    }
    if let Some(g) = g {
        out.push_str(&format!(
            "\nAll assumptions varying together ({} samples; together they explain {} of the \
             run-to-run differences, R² = {:.2})\n{}\n\n",
            g.samples,
            engine::rounding::whole_percent(g.r_squared.clamp(0.0, 1.0)),
            g.r_squared,
            g.meaning
        ));
        for (i, e) in g.effects.iter().enumerate() {
            out.push_str(&format!(
                "{:>4}  {:<44} {:>+8.2}\n",
                i + 1,
                clip(&e.label, 44),
                e.coefficient
            ));
        }
    }
    out
}

/// At most `n` characters of `s`.
fn clip(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}
