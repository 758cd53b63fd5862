//! `calibrate`: import a council's SSDA903 returns from a folder, fit a scenario to them as
//! at a date (the engine's `ssda903::fit`), print the data-quality report and the fit, and
//! write the scenario (and, if asked, the fit report) whole or not at all. Nothing that
//! identifies a child is printed or written: the reports carry counts, codes and dates of
//! the returns, never a CHILD id, date of birth or postcode.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use engine::defaults;
use engine::scenario::Scenario;
use engine::ssda903::date::Date;
use engine::ssda903::fit::{fit, Fit, FitOptions, MAX_WINDOW_YEARS};
use engine::ssda903::{import_dir, Import, ImportOptions};
use engine::validate::FieldError;

use crate::args::{target, HelpFlag, Target};

/// The options `calibrate` and `hindcast` share: the returns, the window and the base
/// scenario.
#[derive(Clone, Debug, Args)]
pub struct ReturnsArgs {
    /// Folder holding the returns: episodes, header and UASC tables as CSV, or XML returns (every file in it is read)
    #[arg(long = "ssda903", value_name = "DIR")]
    pub ssda903: PathBuf,
    /// Years of returns before the date that the rates are estimated from, 1 to 20
    #[arg(long, value_name = "N", default_value_t = 3, value_parser = window)]
    pub window_years: u32,
    /// Scenario whose carers, homes, markets, matching and costs are kept (the return does not hold them) [default: the built-in borough]
    #[arg(long, value_name = "FILE")]
    pub scenario: Option<PathBuf>,
}

#[derive(Clone, Debug, Args)]
pub struct CalibrateArgs {
    #[command(flatten)]
    pub returns: ReturnsArgs,
    /// Fit as at this date, YYYY-MM-DD (only data up to it are used) [default: the last date in the returns]
    #[arg(long, value_name = "DATE", value_parser = as_at)]
    pub as_at: Option<Date>,
    /// Write the fitted scenario as JSON (a file for --scenario); - for standard output
    #[arg(long, value_name = "FILE", value_parser = target())]
    pub out: Target,
    /// Also write the fit report as JSON (each fitted value, the default it replaces, N, window, standard error); - for standard output
    #[arg(long, value_name = "FILE", value_parser = target())]
    pub report: Option<Target>,
    #[command(flatten)]
    help: HelpFlag,
}

/// A date given as YYYY-MM-DD (or dd/mm/yyyy).
pub fn as_at(v: &str) -> Result<Date, String> {
    Date::parse(v).ok_or_else(|| format!("'{v}' is not a date (YYYY-MM-DD)"))
}

pub fn window(v: &str) -> Result<u32, String> {
    match v.trim().parse::<u32>() {
        Ok(n) if (1..=MAX_WINDOW_YEARS).contains(&n) => Ok(n),
        _ => Err(format!(
            "'{v}' is not a whole number of years from 1 to {MAX_WINDOW_YEARS}"
        )),
    }
}

/// The base scenario: the file given, or the built-in borough.
pub fn base(path: &Option<PathBuf>) -> Result<Scenario, FieldError> {
    match path {
        Some(p) => crate::input::read_scenario("--scenario", p),
        None => Ok(defaults::default_scenario()),
    }
}

/// Checks the outputs and the base scenario (every problem named by its option), then
/// picks where the reports are printed: standard error when standard output carries one
/// of the outputs, else standard output.
pub fn prepare(
    returns: &ReturnsArgs,
    outputs: &[(&str, Option<&Target>)],
) -> Result<(Scenario, Box<dyn std::io::Write>), ExitCode> {
    let mut inputs: Vec<(&str, &Path)> = vec![];
    if let Some(p) = &returns.scenario {
        inputs.push(("--scenario", p));
    }
    let outputs: Vec<(&str, &Target)> = outputs
        .iter()
        .filter_map(|(flag, t)| Some((*flag, (*t)?)))
        .collect();
    let mut errors = crate::output::check(&outputs, &inputs);
    let base = base(&returns.scenario).map_err(|e| errors.push(e)).ok();
    let Some(base) = base.filter(|_| errors.is_empty()) else {
        return Err(crate::invalid(&errors));
    };
    let to_stdout = outputs.iter().any(|(_, t)| **t == Target::Stdout);
    let out: Box<dyn std::io::Write> = if to_stdout {
        Box::new(std::io::stderr())
    } else {
        Box::new(std::io::stdout())
    };
    Ok((base, out))
}

/// Writes each text to its target, whole or not at all (at most one on standard output).
pub fn write_targets(targets: &[(Option<&Target>, &str)]) -> ExitCode {
    let mut files = vec![];
    let mut stdout = None;
    for (target, text) in targets {
        match target {
            None => {}
            Some(Target::File(p)) => files.push((p.as_path(), *text)),
            Some(Target::Stdout) => stdout = Some(*text),
        }
    }
    crate::write_outputs(&files, stdout)
}

/// Imports the folder and fits `base` as at `as_at`; prints the quality report (to `out`)
/// either way. Errors name the option.
pub fn import_and_fit(
    returns: &ReturnsArgs,
    as_at: Option<Date>,
    base: &Scenario,
    out: &mut dyn std::io::Write,
) -> Result<(Import, Fit), FieldError> {
    let dir = returns.ssda903.as_path();
    let import = import_dir(dir, &ImportOptions::default())
        .map_err(|e| FieldError::new("--ssda903", format!("cannot read {}: {e}", dir.display())))?;
    let _ = write!(out, "{}", import.report);
    if import.children.is_empty() {
        return Err(FieldError::new(
            "--ssda903",
            format!(
                "no usable episodes in {} (see the report above)",
                dir.display()
            ),
        ));
    }
    let options = FitOptions {
        as_at,
        window_years: returns.window_years,
        ..FitOptions::default()
    };
    let fitted = fit(&import, base, &options, &mut |_, _| {}).map_err(|e| {
        let flag = match e.field() {
            "as_at" => "--as-at",
            "window_years" => "--window-years",
            _ => "--ssda903",
        };
        FieldError::new(flag, e.to_string())
    })?;
    Ok((import, fitted))
}

pub fn run(a: &CalibrateArgs) -> ExitCode {
    let (base, mut out) = match prepare(
        &a.returns,
        &[("--out", Some(&a.out)), ("--report", a.report.as_ref())],
    ) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let (_, fitted) = match import_and_fit(&a.returns, a.as_at, &base, &mut out) {
        Ok(f) => f,
        Err(e) => return crate::invalid(&[e]),
    };
    let _ = write!(out, "{}", fitted.report);
    drop(out);
    let (scenario, report) = match (
        serde_json::to_string_pretty(&fitted.scenario),
        serde_json::to_string_pretty(&fitted.report),
    ) {
        (Ok(s), Ok(r)) => (s + "\n", r + "\n"),
        _ => return crate::failed("cannot serialise the fitted scenario"),
    };
    write_targets(&[(Some(&a.out), &scenario), (a.report.as_ref(), &report)])
}
