//! Command-line runner: runs a scenario (or the built-in borough) for N replications on
//! every core, compares strategies against it, prints headline figures and writes the
//! summary as JSON and CSV, whole or not at all. The pieces: [`args`] (the command line),
//! [`input`] (scenario files), [`output`] (checking and writing outputs), [`parallel`]
//! (threads), [`progress`] (the bar), [`interrupt`] (Ctrl-C), [`headlines`]. They live in
//! `cli/`; this root keeps the name `cli.rs` that the tests read the option list from.

#[path = "cli/args.rs"]
mod args;
#[path = "cli/calibrate.rs"]
mod calibrate;
#[path = "cli/goal_seek.rs"]
mod goal_seek;
#[path = "cli/headlines.rs"]
mod headlines;
#[path = "cli/hindcast.rs"]
mod hindcast;
#[path = "cli/input.rs"]
mod input;
#[path = "cli/interrupt.rs"]
mod interrupt;
#[path = "cli/output.rs"]
mod output;
#[path = "cli/parallel.rs"]
mod parallel;
#[path = "cli/progress.rs"]
mod progress;
#[path = "cli/sensitivity.rs"]
mod sensitivity;

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::CommandFactory;

use engine::defaults;
use engine::report::Report;
use engine::runner::Job;
use engine::validate::FieldError;

use args::{Cli, Command, RunArgs, Target};

/// Exit status for invalid input (see `args::EXIT_STATUS`).
const EXIT_INVALID: u8 = 2;
/// Exit status after an interrupt (128 + SIGINT, as shells report it).
const EXIT_INTERRUPTED: u8 = 130;

/// How invalid input is reported: each field (or option) with its reason.
pub fn invalid_input_text(errors: &[FieldError]) -> String {
    let mut text = String::from("error: the input is not valid:\n");
    for e in errors {
        text.push_str(&format!("  {}: {}\n", e.field, e.reason));
    }
    text
}

fn invalid(errors: &[FieldError]) -> ExitCode {
    eprint!("{}", invalid_input_text(errors));
    ExitCode::from(EXIT_INVALID)
}

fn failed(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::FAILURE
}

fn interrupted() -> ExitCode {
    eprintln!("interrupted: no output written; existing files are as they were");
    ExitCode::from(EXIT_INTERRUPTED)
}

/// Write `bytes` to standard output.
fn emit(bytes: &[u8]) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => failed(&format!("cannot write to standard output: {e}")),
    }
}

fn strategies_text() -> String {
    defaults::strategies()
        .into_iter()
        .map(|s| {
            format!(
                "{:18} {}\n{:18} {}\n{:18} source: {}\n\n",
                s.id, s.name, "", s.description, "", s.source
            )
        })
        .collect()
}

fn run(a: &RunArgs) -> ExitCode {
    // From here on Ctrl-C only raises a flag: checked after the checks (which create and
    // remove a probe file), during the run and before the outputs are put in place.
    interrupt::install();
    let mut errors = vec![];
    let mut scenarios = vec![];
    let mut compare_with = vec![];
    let mut inputs: Vec<(&str, &Path)> = vec![];
    match &a.scenario {
        Some(p) => {
            inputs.push(("--scenario", p));
            match input::read_scenario_file("--scenario", p) {
                Ok(file) => {
                    if !file.read_as.is_empty() {
                        eprintln!("{}", file.read_as);
                    }
                    scenarios.extend(file.scenarios);
                    compare_with = file.compare_with;
                }
                Err(e) => errors.push(e),
            }
        }
        None => scenarios.push(defaults::default_scenario()),
    }
    if let Some(base) = scenarios.first().cloned() {
        for id in &a.strategies {
            if let Some(s) = defaults::strategy(id) {
                scenarios.push(base.with_strategy(&s));
            }
        }
    }
    for p in &a.compare {
        inputs.push(("--compare", p));
        match input::read_scenario("--compare", p) {
            Ok(s) => scenarios.push(s),
            Err(e) => errors.push(e),
        }
    }
    let outputs: Vec<(&str, &Target)> = [("--json", &a.json), ("--csv", &a.csv)]
        .into_iter()
        .filter_map(|(flag, t)| Some((flag, t.as_ref()?)))
        .collect();
    errors.extend(output::check(&outputs, &inputs));
    if !errors.is_empty() {
        return invalid(&errors);
    }
    let job = Job {
        settings: a.settings(),
        scenarios,
        compare_with,
    };
    let prepared = match job.prepare() {
        Ok(p) => p,
        Err(errors) => return invalid(&errors),
    };

    if interrupt::requested() {
        return interrupted();
    }
    let threads = a.threads.unwrap_or_else(parallel::default_threads);
    let Some(aggregate) = parallel::run(&prepared, threads, &interrupt::REQUESTED) else {
        return if interrupt::requested() {
            interrupted()
        } else {
            failed("the run failed")
        };
    };
    let report = Report::new(&job, &prepared, &aggregate);

    // Headlines go to standard error when standard output carries an output.
    let to_stdout = outputs.iter().any(|(_, t)| **t == Target::Stdout);
    let shown = if to_stdout {
        headlines::write(&mut std::io::stderr().lock(), &report)
    } else {
        headlines::write(&mut std::io::stdout().lock(), &report)
    };
    if let Err(e) = shown {
        eprintln!("warning: cannot print the headline figures: {e}");
    }
    let json = match serde_json::to_string_pretty(&report) {
        Ok(j) => j,
        Err(e) => return failed(&format!("cannot serialise the summary: {e}")),
    };
    let csv = report.to_csv();
    let mut files = vec![];
    let mut stdout = None;
    for (target, text) in [(&a.json, &json), (&a.csv, &csv)] {
        match target.as_ref() {
            None => {}
            Some(Target::File(p)) => files.push((p.as_path(), text.as_str())),
            Some(Target::Stdout) => stdout = Some(text.as_str()),
        }
    }
    write_outputs(&files, stdout)
}

/// Stage the files, send the standard-output one, then put the files in place: all of them
/// or (on a failure or an interrupt) none, the old ones kept.
fn write_outputs(files: &[(&Path, &str)], stdout: Option<&str>) -> ExitCode {
    let staged = match output::stage(files) {
        Ok(s) => s,
        Err(e) => return failed(&e),
    };
    if interrupt::requested() {
        drop(staged);
        return interrupted();
    }
    if let Some(text) = stdout {
        let code = emit(text.as_bytes());
        if code != ExitCode::SUCCESS {
            return code;
        }
    }
    if let Err(e) = staged.commit() {
        return failed(&e);
    }
    for (p, _) in files {
        eprintln!("wrote {}", p.display());
    }
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let cli = match args::parse(std::env::args_os().skip(1)) {
        Ok(c) => c,
        Err(args::Refused::Shown(code)) => return code,
        Err(args::Refused::Invalid(errors)) => return invalid(&errors),
    };
    match cli.into_command() {
        Command::Run(a) => run(&a),
        Command::Calibrate(a) => calibrate::run(&a),
        Command::Hindcast(a) => hindcast::run(&a),
        Command::Sensitivity(a) => sensitivity::run(&a),
        Command::GoalSeek(a) => goal_seek::run(&a),
        Command::Strategies { .. } => emit(strategies_text().as_bytes()),
        Command::DefaultScenario { .. } => {
            match serde_json::to_string_pretty(&defaults::default_scenario()) {
                Ok(s) => emit(format!("{s}\n").as_bytes()),
                Err(e) => failed(&e.to_string()),
            }
        }
        Command::Completions { shell, .. } => {
            let mut script = vec![];
            clap_complete::generate(shell, &mut Cli::command(), "sufficiency-cli", &mut script);
            emit(&script)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The options the README and scripts use keep working without a command.
    #[test]
    fn documented_options_are_accepted_without_a_command() {
        let command = Cli::command();
        let longs: Vec<String> = command
            .get_arguments()
            .filter_map(|a| a.get_long())
            .map(|l| format!("--{l}"))
            .collect();
        for flag in [
            "--scenario",
            "--strategy",
            "--compare",
            "--runs",
            "--seed",
            "--horizon-months",
            "--threads",
            "--json",
            "--csv",
            "--print-default",
            "--list-strategies",
            "--help",
        ] {
            assert!(longs.iter().any(|l| l == flag), "{flag} is gone");
        }
        Cli::command().debug_assert();
    }
}
