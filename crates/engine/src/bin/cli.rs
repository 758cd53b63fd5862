//! Command-line runner: runs a scenario (or the built-in borough) for N replications,
//! compares strategies against it, and writes the summary as JSON and CSV.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use engine::defaults;
use engine::report::Report;
use engine::runner::Job;
use engine::scenario::{RunSettings, Scenario};
use engine::validate::{parse_json, FieldError};

const HELP: &str = "\
sufficiency-cli: Monte Carlo projection of a council's children-in-care placements,
foster-carer supply, sufficiency gap and placement costs.

USAGE:
    sufficiency-cli [OPTIONS]

With no options it runs the built-in borough (Rotherham-like, from July 2020) for
1,000 replications over 5 years and prints headline figures.

OPTIONS:
    --scenario FILE        Baseline scenario (JSON, as printed by --print-default).
                           Default: the built-in borough.
    --strategy ID          Compare a ready-made strategy (applied to the baseline)
                           against the baseline. Repeatable. See --list-strategies.
    --compare FILE         Compare another scenario file against the baseline.
                           Repeatable. At most 7 comparisons in all.
    --runs N               Number of Monte Carlo replications (1 to 1,000,000;
                           default 1000).
    --seed N               Master random seed (0 to 2^64-1; default 20200701). The
                           same seed gives the same numbers on every machine and in
                           the browser, and strategies share their random draws.
    --horizon-months N     Months to simulate (1 to 120; default 60).
    --json FILE            Write the full summary (percentiles by month, financial
                           years, comparisons) as JSON.
    --csv FILE             Write the same summary as long-format CSV.
    --print-default        Print the built-in scenario as JSON and exit.
    --list-strategies      List the ready-made strategies and exit.
    --help                 Show this help and exit.

Output files are written only when the whole run succeeds (never partially).
Invalid input is reported with the field and the reason, and exit status 2.
";

struct Options {
    scenario: Option<PathBuf>,
    strategies: Vec<String>,
    compare: Vec<PathBuf>,
    settings: RunSettings,
    json: Option<PathBuf>,
    csv: Option<PathBuf>,
}

enum Command {
    Run(Options),
    Help,
    PrintDefault,
    ListStrategies,
}

fn number<T: std::str::FromStr>(
    flag: &str,
    value: Option<String>,
    what: &str,
) -> Result<T, FieldError> {
    let v = value.ok_or_else(|| FieldError::new(flag, format!("needs a value ({what})")))?;
    v.trim()
        .parse::<T>()
        .map_err(|_| FieldError::new(flag, format!("'{v}' is not {what}")))
}

fn parse_args(args: Vec<String>) -> Result<Command, FieldError> {
    let mut o = Options {
        scenario: None,
        strategies: vec![],
        compare: vec![],
        settings: RunSettings::default(),
        json: None,
        csv: None,
    };
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        let mut value = || inline.clone().or_else(|| it.next());
        match flag.as_str() {
            "--help" | "-h" => return Ok(Command::Help),
            "--print-default" => return Ok(Command::PrintDefault),
            "--list-strategies" => return Ok(Command::ListStrategies),
            "--scenario" => {
                o.scenario = Some(
                    value()
                        .ok_or_else(|| FieldError::new("--scenario", "needs a file name"))?
                        .into(),
                )
            }
            "--compare" => o.compare.push(
                value()
                    .ok_or_else(|| FieldError::new("--compare", "needs a file name"))?
                    .into(),
            ),
            "--strategy" => {
                let id =
                    value().ok_or_else(|| FieldError::new("--strategy", "needs a strategy id"))?;
                if defaults::strategy(&id).is_none() {
                    let ids: Vec<String> =
                        defaults::strategies().into_iter().map(|s| s.id).collect();
                    return Err(FieldError::new(
                        "--strategy",
                        format!("unknown strategy '{id}'; choose one of: {}", ids.join(", ")),
                    ));
                }
                o.strategies.push(id);
            }
            "--runs" => {
                o.settings.replications =
                    number::<i64>("--runs", value(), "a whole number of runs")?
                        .try_into()
                        .map_err(|_| FieldError::new("--runs", "must be between 1 and 1,000,000"))?
            }
            "--seed" => {
                o.settings.seed = number(
                    "--seed",
                    value(),
                    "a whole number from 0 to 18446744073709551615",
                )?
            }
            "--horizon-months" => {
                o.settings.horizon_months =
                    number::<i64>("--horizon-months", value(), "a whole number of months")?
                        .try_into()
                        .map_err(|_| {
                            FieldError::new("--horizon-months", "must be between 1 and 120")
                        })?
            }
            "--json" => {
                o.json = Some(
                    value()
                        .ok_or_else(|| FieldError::new("--json", "needs a file name"))?
                        .into(),
                )
            }
            "--csv" => {
                o.csv = Some(
                    value()
                        .ok_or_else(|| FieldError::new("--csv", "needs a file name"))?
                        .into(),
                )
            }
            other => return Err(FieldError::new(other, "is not an option (see --help)")),
        }
    }
    Ok(Command::Run(o))
}

fn read_scenario(flag: &str, path: &Path) -> Result<Scenario, FieldError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| FieldError::new(flag, format!("cannot read {}: {e}", path.display())))?;
    parse_json::<Scenario>(&text).map_err(|e| {
        FieldError::new(
            format!("{} ({}) {}", flag, path.display(), e.field),
            e.reason,
        )
    })
}

/// Write `contents` to a temporary file beside `path` (output number `k`), to be renamed
/// into place once every output has been written, so a reader never sees a partial file
/// and a failure leaves no output behind.
fn stage(path: &Path, k: usize, contents: &str) -> Result<PathBuf, String> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| format!("{} is not a file name", path.display()))?;
    let tmp = dir.join(format!(
        ".{}.tmp-{}-{k}",
        name.to_string_lossy(),
        std::process::id()
    ));
    std::fs::write(&tmp, contents).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        format!("cannot write {}: {e}", tmp.display())
    })?;
    Ok(tmp)
}

fn fail(errors: &[FieldError]) -> ExitCode {
    eprintln!("error: the input is not valid:");
    for e in errors {
        eprintln!("  {}: {}", e.field, e.reason);
    }
    ExitCode::from(2)
}

fn run(o: Options) -> ExitCode {
    let base = match &o.scenario {
        Some(p) => match read_scenario("--scenario", p) {
            Ok(s) => s,
            Err(e) => return fail(&[e]),
        },
        None => defaults::default_scenario(),
    };
    let mut scenarios = vec![base.clone()];
    for id in &o.strategies {
        if let Some(s) = defaults::strategy(id) {
            scenarios.push(base.with_strategy(&s));
        }
    }
    for p in &o.compare {
        match read_scenario("--compare", p) {
            Ok(s) => scenarios.push(s),
            Err(e) => return fail(&[e]),
        }
    }
    for p in [&o.json, &o.csv].into_iter().flatten() {
        if p.is_dir() {
            return fail(&[FieldError::new(
                p.display().to_string(),
                "is a directory, not a file name",
            )]);
        }
    }
    let job = Job {
        settings: o.settings,
        scenarios,
    };
    let prepared = match job.prepare() {
        Ok(p) => p,
        Err(errors) => return fail(&errors),
    };
    let n = job.settings.replications;
    let started = std::time::Instant::now();
    let step = (n / 20).max(1);
    let agg = prepared.run_with(0..n, |done| {
        if done % step == 0 || done == n {
            eprint!("\r{done}/{n} runs");
        }
        true
    });
    eprintln!(" in {:.2} s", started.elapsed().as_secs_f64());
    let report = Report::new(&job, &prepared, &agg);
    print_headlines(&report);
    let json = match serde_json::to_string_pretty(&report) {
        Ok(j) => j,
        Err(e) => {
            eprintln!("error: cannot serialise the summary: {e}");
            return ExitCode::FAILURE;
        }
    };
    let csv = report.to_csv();
    let mut staged: Vec<(PathBuf, &PathBuf)> = vec![];
    for (k, (path, text)) in [(&o.json, &json), (&o.csv, &csv)].into_iter().enumerate() {
        if let Some(p) = path {
            match stage(p, k, text) {
                Ok(tmp) => staged.push((tmp, p)),
                Err(e) => {
                    for (tmp, _) in &staged {
                        let _ = std::fs::remove_file(tmp);
                    }
                    eprintln!("error: {e}");
                    return ExitCode::FAILURE;
                }
            }
        }
    }
    for (i, (tmp, p)) in staged.iter().enumerate() {
        if let Err(e) = std::fs::rename(tmp, p) {
            for (tmp, _) in &staged[i..] {
                let _ = std::fs::remove_file(tmp);
            }
            eprintln!("error: cannot write {}: {e}", p.display());
            return ExitCode::FAILURE;
        }
        eprintln!("wrote {}", p.display());
    }
    ExitCode::SUCCESS
}

fn print_headlines(r: &Report) {
    let last = r.horizon_months as usize - 1;
    println!(
        "seed {}, {} runs, {} months ({} to {}), fingerprint {}",
        r.seed, r.runs, r.horizon_months, r.month_labels[0], r.month_labels[last], r.fingerprint
    );
    for s in &r.scenarios {
        let get = |key: &str| {
            s.metrics
                .iter()
                .find(|m| m.key == key)
                .map(|m| m.months[last])
        };
        println!(
            "\n{} (end of horizon: median [10th-90th percentile])",
            s.name
        );
        for (key, label, pct) in [
            ("in_care", "children in care", false),
            ("in_house_share", "share in in-house placements", true),
            ("gap", "sufficiency gap", false),
            ("households", "in-house foster households", false),
            ("out_of_borough", "placed out of borough", false),
        ] {
            if let Some(st) = get(key) {
                if pct {
                    println!(
                        "  {label:32} {:.1}% [{:.1}%-{:.1}%]",
                        st.p50 * 100.0,
                        st.p10 * 100.0,
                        st.p90 * 100.0
                    );
                } else {
                    println!("  {label:32} {:.0} [{:.0}-{:.0}]", st.p50, st.p10, st.p90);
                }
            }
        }
        let coverage = engine::report::months_per_year(&r.month_labels);
        for y in &s.years {
            // A year the horizon covers in part is costed and budgeted for those months.
            let part = match coverage.iter().find(|(l, _)| *l == y.year) {
                Some((_, n)) if *n < 12 => format!(" ({n} months)"),
                _ => String::new(),
            };
            println!(
                "  FY{}{part}: cost £{:.1}M [{:.1}-{:.1}], budget £{:.1}M, chance of overspend {:.0}%",
                y.year,
                y.cost.p50 / 1e6,
                y.cost.p10 / 1e6,
                y.cost.p90 / 1e6,
                y.budget / 1e6,
                y.probability_overspend * 100.0
            );
        }
    }
    for c in &r.comparisons {
        println!(
            "\n{} vs {}: total cost difference £{:.2}M [{:.2}-{:.2}], chance cheaper {:.0}%; mean gap difference {:.1} [{:.1}-{:.1}], chance of a smaller gap {:.0}%",
            c.name,
            c.baseline,
            c.total_cost_difference.p50 / 1e6,
            c.total_cost_difference.p10 / 1e6,
            c.total_cost_difference.p90 / 1e6,
            c.probability_cheaper * 100.0,
            c.mean_gap_difference.p50,
            c.mean_gap_difference.p10,
            c.mean_gap_difference.p90,
            c.probability_less_gap * 100.0
        );
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match parse_args(args) {
        Err(e) => fail(&[e]),
        Ok(Command::Help) => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        Ok(Command::PrintDefault) => {
            match serde_json::to_string_pretty(&defaults::default_scenario()) {
                Ok(s) => {
                    println!("{s}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Ok(Command::ListStrategies) => {
            for s in defaults::strategies() {
                println!(
                    "{:18} {}\n{:18} {}\n{:18} source: {}\n",
                    s.id, s.name, "", s.description, "", s.source
                );
            }
            ExitCode::SUCCESS
        }
        Ok(Command::Run(o)) => run(o),
    }
}
