//! The command line: subcommands and options (clap), with the flags the runner always had
//! (`--print-default`, `--list-strategies`, the run options without `run`) still accepted,
//! and parse errors reported like every other invalid input: the option and the reason.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::builder::{OsStringValueParser, TypedValueParser};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{ArgAction, Args, Parser, Subcommand};
use clap_complete::Shell;

use engine::defaults;
use engine::limits;
use engine::scenario::RunSettings;
use engine::validate::FieldError;

/// Exit statuses, as `--help` documents them.
pub const EXIT_STATUS: &str = "\
Exit status:
  0    success
  1    the run or writing an output failed (no output is left half-written)
  2    invalid input (an option, a scenario file or an output name); nothing is run
  130  interrupted (Ctrl-C); the outputs are left as they were";

const ABOUT: &str = "Monte Carlo projection of a council's children-in-care placements, \
foster-carer supply, sufficiency gap and placement costs.

With no command it runs: the built-in borough (Rotherham-like, from July 2020) for 1,000 \
replications over 5 years, printing headline figures. The same seed gives the same numbers \
on every machine, with any number of threads, and in the browser.";

#[derive(Debug, Parser)]
#[command(
    name = "sufficiency-cli",
    version,
    about = ABOUT,
    after_help = EXIT_STATUS,
    args_conflicts_with_subcommands = true,
    subcommand_value_name = "COMMAND",
    disable_help_flag = true
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    run: RunArgs,
    /// Print the built-in scenario as JSON and exit (as `default-scenario`)
    #[arg(long, exclusive = true)]
    print_default: bool,
    /// List the ready-made strategies and exit (as `strategies`)
    #[arg(long, exclusive = true)]
    list_strategies: bool,
}

/// `--help` (and `-h`, the same text): listed as `--help` alone, and given to every command
/// (clap's own help flag is turned off for them all).
#[derive(Clone, Debug, Args)]
pub struct HelpFlag {
    /// Print help (-h too)
    #[arg(long, short_alias = 'h', action = ArgAction::Help)]
    help: Option<bool>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the scenario and compare strategies (what happens with no command)
    #[command(after_help = EXIT_STATUS)]
    Run(RunArgs),
    /// Which uncertain assumptions matter most for an outcome (tornado and global ranking)
    Sensitivity(crate::sensitivity::SensitivityArgs),
    /// The smallest setting of one lever that reaches a target by a month
    GoalSeek(crate::goal_seek::GoalSeekArgs),
    /// List the ready-made strategies for --strategy
    Strategies {
        #[command(flatten)]
        help: HelpFlag,
    },
    /// Print the built-in scenario as JSON (a starting point for --scenario files)
    DefaultScenario {
        #[command(flatten)]
        help: HelpFlag,
    },
    /// Fit a scenario to a council's SSDA903 returns, as at a date (writes a scenario --scenario accepts)
    #[command(after_help = EXIT_STATUS)]
    Calibrate(crate::calibrate::CalibrateArgs),
    /// Project from a date inside the returns, fitted only on what came before it, and compare with what happened
    #[command(after_help = EXIT_STATUS)]
    Hindcast(crate::hindcast::HindcastArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish or powershell)
    Completions {
        /// The shell to complete in
        #[arg(value_enum)]
        shell: Shell,
        #[command(flatten)]
        help: HelpFlag,
    },
}

/// Where an output goes: a file, or standard output (`-`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Stdout,
    File(PathBuf),
}

#[derive(Clone, Debug, Args)]
pub struct RunArgs {
    /// Baseline scenario (JSON, as `default-scenario` prints; at most 4 MiB) [default: the built-in borough]
    #[arg(long, value_name = "FILE")]
    pub scenario: Option<PathBuf>,
    /// Compare a ready-made strategy (applied to the baseline) against the baseline; repeatable (see `strategies`)
    #[arg(long = "strategy", value_name = "ID", value_parser = strategy_id)]
    pub strategies: Vec<String>,
    #[arg(long, value_name = "FILE", help = format!(
        "Compare another scenario file against the baseline; repeatable, at most {} comparisons in all",
        limits::MAX_SCENARIOS - 1
    ))]
    pub compare: Vec<PathBuf>,
    #[arg(long, value_name = "N", default_value_t = RunSettings::default().replications,
          help = format!("Monte Carlo replications, {}", runs_range()),
          value_parser = runs, allow_hyphen_values = true)]
    pub runs: u32,
    /// Master random seed, 0 to 2^64-1; strategies share the baseline's random draws
    #[arg(long, value_name = "N", default_value_t = RunSettings::default().seed,
          value_parser = seed, allow_hyphen_values = true)]
    pub seed: u64,
    #[arg(long, value_name = "N", default_value_t = RunSettings::default().horizon_months,
          help = format!("Months to simulate, {}", horizon_range()),
          value_parser = horizon, allow_hyphen_values = true)]
    pub horizon_months: u32,
    /// Threads to run on (the same numbers with any count) [default: every core]
    #[arg(long, value_name = "N", value_parser = threads, allow_hyphen_values = true)]
    pub threads: Option<usize>,
    /// Include uncertainty in the assumptions: each run also draws the uncertain ones from their ranges
    #[arg(long)]
    pub uncertainty: bool,
    /// Write the full summary (percentiles by month, financial years, comparisons) as JSON; - for standard output
    #[arg(long, value_name = "FILE", value_parser = target())]
    pub json: Option<Target>,
    /// Write the same summary as long-format CSV; - for standard output
    #[arg(long, value_name = "FILE", value_parser = target())]
    pub csv: Option<Target>,
    #[command(flatten)]
    help: HelpFlag,
}

impl RunArgs {
    pub fn settings(&self) -> RunSettings {
        RunSettings {
            seed: self.seed,
            replications: self.runs,
            horizon_months: self.horizon_months,
            uncertainty: self.uncertainty,
        }
    }
}

impl Cli {
    /// The command to carry out: the subcommand, or what the old flags (or none) ask for.
    pub fn into_command(self) -> Command {
        match self.command {
            Some(c) => c,
            None if self.print_default => Command::DefaultScenario {
                help: HelpFlag { help: None },
            },
            None if self.list_strategies => Command::Strategies {
                help: HelpFlag { help: None },
            },
            None => Command::Run(self.run),
        }
    }
}

/// A whole number in `T`, or the reason why not (`what` says what is wanted).
fn number<T: TryFrom<i128>>(v: &str, what: &str, range: &str) -> Result<T, String> {
    let n: i128 = v
        .trim()
        .parse()
        .map_err(|_| format!("'{v}' is not {what}"))?;
    T::try_from(n).map_err(|_| format!("must be between {range}"))
}

// Values are range-checked here only as far as their type needs: the engine's validation
// says what the model accepts (`settings.replications: at least 1`), as for the app.
pub fn runs(v: &str) -> Result<u32, String> {
    number(
        v,
        "a whole number of runs",
        &runs_range().replace(" to ", " and "),
    )
}

/// "1 to 1,000,000", from the engine's limits.
pub fn runs_range() -> String {
    format!(
        "{} to {}",
        thousands(limits::MIN_REPLICATIONS),
        thousands(limits::MAX_REPLICATIONS)
    )
}

/// "1 to 120", from the engine's limits.
pub fn horizon_range() -> String {
    format!("1 to {}", thousands(limits::MAX_HORIZON_MONTHS))
}

/// `n` with a comma between each group of three digits.
fn thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
    out
}

pub fn seed(v: &str) -> Result<u64, String> {
    number(
        v,
        "a whole number from 0 to 18446744073709551615",
        "0 and 18446744073709551615",
    )
}

pub fn horizon(v: &str) -> Result<u32, String> {
    number(
        v,
        "a whole number of months",
        &horizon_range().replace(" to ", " and "),
    )
}

/// Most threads `--threads` accepts (more would only cost memory).
pub const MAX_THREADS: usize = 256;

pub fn threads(v: &str) -> Result<usize, String> {
    let n: usize = number(v, "a whole number of threads", "1 and 256")?;
    if (1..=MAX_THREADS).contains(&n) {
        Ok(n)
    } else {
        Err(format!("must be between 1 and {MAX_THREADS}"))
    }
}

fn strategy_id(id: &str) -> Result<String, String> {
    if defaults::strategy(id).is_some() {
        return Ok(id.to_string());
    }
    let ids: Vec<String> = defaults::strategies().into_iter().map(|s| s.id).collect();
    Err(format!(
        "unknown strategy '{id}'; choose one of: {}",
        ids.join(", ")
    ))
}

pub fn target() -> impl TypedValueParser<Value = Target> {
    OsStringValueParser::new().try_map(|v: OsString| {
        if v.is_empty() {
            Err("an empty name is not a file name (- for standard output)")
        } else if v == "-" {
            Ok(Target::Stdout)
        } else {
            Ok(Target::File(PathBuf::from(v)))
        }
    })
}

/// Why the command line was not run: help or version was printed (with this status), or
/// the arguments are invalid.
pub enum Refused {
    Shown(std::process::ExitCode),
    Invalid(Vec<FieldError>),
}

/// Parse `args` (without the program name). Help, version and clap's own errors are printed
/// here (help on standard output with status 0, errors with status 2); errors about one
/// option come back to be reported like every other invalid input.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Cli, Refused> {
    let argv = std::iter::once(OsString::from("sufficiency-cli")).chain(args);
    Cli::try_parse_from(argv).map_err(|e| {
        if let Some(f) = field_error(&e) {
            return Refused::Invalid(vec![f]);
        }
        let _ = e.print();
        Refused::Shown(std::process::ExitCode::from(if e.use_stderr() {
            2
        } else {
            0
        }))
    })
}

/// A clap error about one option as `option: reason`, like the engine's field errors.
fn field_error(e: &clap::Error) -> Option<FieldError> {
    let text = |k| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => v.first().cloned(),
        _ => None,
    };
    // "--runs <N>" names the option "--runs".
    let arg = text(ContextKind::InvalidArg)?
        .split([' ', '='])
        .next()
        .unwrap_or_default()
        .to_string();
    match e.kind() {
        ErrorKind::UnknownArgument => {
            let hint = text(ContextKind::SuggestedArg)
                .map(|s| format!("; did you mean {s}?"))
                .unwrap_or_default();
            Some(FieldError::new(
                arg,
                format!("is not an option{hint} (see --help)"),
            ))
        }
        ErrorKind::InvalidValue if text(ContextKind::InvalidValue).is_none_or(|v| v.is_empty()) => {
            Some(FieldError::new(arg, "needs a value"))
        }
        ErrorKind::ValueValidation => {
            use std::error::Error;
            let reason = e
                .source()
                .map(|s| s.to_string())
                .unwrap_or_else(|| "is not valid".into());
            Some(FieldError::new(arg, reason))
        }
        _ => None,
    }
}
