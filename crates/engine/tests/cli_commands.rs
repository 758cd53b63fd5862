//! The command-line runner's commands: help for each (with the exit statuses), the listing
//! and default-scenario commands and their old flags, shell completions, `run` being what
//! happens with no command, and results identical on any number of threads.

mod cli_support;
use cli_support::*;

#[test]
fn help_documents_commands_options_and_exit_statuses() {
    let top = cli(&["--help"]);
    assert_eq!(top.status.code(), Some(0));
    let text = stdout(&top);
    for word in [
        "run",
        "strategies",
        "default-scenario",
        "completions",
        "--threads",
        "--json <FILE>",
        "- for standard output",
        "Exit status:",
        "0    success",
        "1    the run or writing an output failed",
        "2    invalid input",
        "130  interrupted",
    ] {
        assert!(text.contains(word), "{word:?} not in --help:\n{text}");
    }
    assert_eq!(cli(&["-h"]).stdout, top.stdout);
    assert_eq!(cli(&["help"]).stdout, top.stdout);
    for command in ["run", "strategies", "default-scenario", "completions"] {
        for flag in ["--help", "-h"] {
            let out = cli(&[command, flag]);
            assert_eq!(out.status.code(), Some(0), "{command} {flag}");
            assert!(
                stdout(&out).contains(&format!("Usage: sufficiency-cli {command}")),
                "{command} {flag}: {}",
                stdout(&out)
            );
        }
    }
    assert!(stdout(&cli(&["run", "--help"])).contains("Exit status:"));
}

#[test]
fn old_flags_do_what_the_commands_do() {
    let listed = cli(&["strategies"]);
    assert!(listed.status.success());
    assert_eq!(cli(&["--list-strategies"]).stdout, listed.stdout);
    for s in engine::defaults::strategies() {
        assert!(stdout(&listed).contains(&s.id), "{} not listed", s.id);
    }
    let default = cli(&["default-scenario"]);
    assert!(default.status.success());
    assert_eq!(cli(&["--print-default"]).stdout, default.stdout);
    let parsed: engine::Scenario =
        engine::validate::parse_json(&stdout(&default)).expect("parses back");
    assert_eq!(parsed, engine::defaults::default_scenario());
    // An old flag mixed with a run's options is refused rather than half-honoured.
    let mixed = cli(&["--print-default", "--runs", "3"]);
    assert_eq!(mixed.status.code(), Some(2), "{}", stderr(&mixed));
    // So is a command mixed with options given before it.
    let before = cli(&["--runs", "3", "strategies"]);
    assert_eq!(before.status.code(), Some(2), "{}", stderr(&before));
}

#[test]
fn completions_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = cli(&["completions", shell]);
        assert!(out.status.success(), "{shell}: {}", stderr(&out));
        let script = stdout(&out);
        for word in ["sufficiency-cli", "default-scenario", "horizon-months"] {
            assert!(script.contains(word), "{shell}: {word} missing");
        }
    }
    let out = cli(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("tcsh"), "{}", stderr(&out));
}

/// Runs with `extra` arguments, returning (JSON, CSV, stdout, stderr).
fn run(name: &str, extra: &[&str]) -> (Vec<u8>, Vec<u8>, String, String) {
    let d = temp_dir("cli-commands", name);
    let (json, csv) = (d.join("r.json"), d.join("r.csv"));
    let mut args = vec![
        "--runs",
        "23",
        "--horizon-months",
        "14",
        "--seed",
        "9",
        "--strategy",
        "recruit",
        "--json",
        json.to_str().unwrap(),
        "--csv",
        csv.to_str().unwrap(),
    ];
    args.extend(extra);
    let out = cli(&args);
    assert!(out.status.success(), "{name}: {}", stderr(&out));
    let result = (
        std::fs::read(&json).unwrap(),
        std::fs::read(&csv).unwrap(),
        stdout(&out),
        stderr(&out),
    );
    let _ = std::fs::remove_dir_all(&d);
    result
}

#[test]
fn any_thread_count_gives_byte_identical_results() {
    let (json1, csv1, out1, err1) = run("threads1", &["--threads", "1"]);
    assert!(
        err1.contains("23 runs in") && err1.contains("on 1 thread"),
        "{err1}"
    );
    // Progress is drawn only on a terminal: here standard error is a pipe.
    assert!(!err1.contains('\r') && !err1.contains('['), "{err1}");
    for threads in ["2", "5"] {
        let (json, csv, out, _) = run(&format!("threads{threads}"), &["--threads", threads]);
        assert!(json == json1, "--threads {threads}: JSON differs");
        assert!(csv == csv1, "--threads {threads}: CSV differs");
        assert_eq!(out, out1);
    }
    // The default (every core) gives the same too.
    let (json, _, _, _) = run("default-threads", &[]);
    assert!(json == json1);
    for bad in ["0", "-1", "many", "100000"] {
        let out = cli(&["--threads", bad, "--runs", "2"]);
        assert_eq!(out.status.code(), Some(2), "--threads {bad}");
        assert!(stderr(&out).contains("--threads"), "{}", stderr(&out));
    }
}

#[test]
fn the_run_command_is_the_default() {
    let args = ["--runs", "3", "--horizon-months", "3", "--seed", "4"];
    let plain = cli(&args);
    let mut with_run = vec!["run"];
    with_run.extend(args);
    let explicit = cli(&with_run);
    assert!(plain.status.success() && explicit.status.success());
    assert_eq!(plain.stdout, explicit.stdout);
    assert!(stdout(&plain).starts_with("seed 4, 3 runs, 3 months"));
}
