//! What the command-line runner writes, and what it refuses to touch: outputs are checked
//! before the run (devices, FIFOs, symbolic links, directories, missing directories, empty
//! names, an input file, the same file twice, standard output twice), written whole as a
//! pair or not at all, left as they were on Ctrl-C; `-` writes to standard output; input
//! files are read up to a bound.

mod cli_support;
use cli_support::*;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A small run with `extra` must be refused before it starts (status 2), naming `expected`.
fn refused(extra: &[&str], expected: &[&str]) {
    let mut args = vec!["--runs", "300", "--horizon-months", "6"];
    args.extend(extra);
    let out = cli(&args);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{extra:?}: {err}");
    assert!(
        !err.contains("runs in"),
        "{extra:?} ran before refusing: {err}"
    );
    for e in expected {
        assert!(err.contains(e), "{extra:?}: {e:?} not in {err}");
    }
}

#[test]
fn outputs_that_must_not_be_replaced_are_refused_before_running() {
    let d = temp_dir("cli-outputs", "refused");
    let scenario = d.join("scenario.json");
    let default = cli(&["default-scenario"]).stdout;
    std::fs::write(&scenario, &default).unwrap();
    let out = d.join("out.json");

    // Devices: as root, renaming over /dev/null would replace the device.
    refused(
        &["--json", "/dev/null"],
        &["--json", "not a regular file", "- for standard output"],
    );
    assert!(!std::fs::symlink_metadata("/dev/null").unwrap().is_file());
    // A symbolic link would become a regular file.
    let target = d.join("target.csv");
    std::fs::write(&target, "keep").unwrap();
    let link = d.join("link.csv");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    refused(&["--csv", s(&link)], &["--csv", "symbolic link"]);
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    // A FIFO.
    let fifo = d.join("fifo");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        refused(&["--json", s(&fifo)], &["--json", "FIFO"]);
        let _ = std::fs::remove_file(&fifo);
    }
    // The scenario file, or a comparison, as an output (also by another name or a hard link).
    refused(
        &["--scenario", s(&scenario), "--json", s(&scenario)],
        &["--json", "is the --scenario file"],
    );
    let other_name = d.join(".").join("scenario.json");
    refused(
        &["--compare", s(&scenario), "--csv", s(&other_name)],
        &["--csv", "is the --compare file"],
    );
    let hard = d.join("hard.json");
    std::fs::hard_link(&scenario, &hard).unwrap();
    refused(
        &["--scenario", s(&hard), "--json", s(&scenario)],
        &["is the --scenario file"],
    );
    assert_eq!(std::fs::read(&scenario).unwrap(), default);
    // The same file for both outputs.
    refused(
        &["--json", s(&out), "--csv", s(&out)],
        &["--csv", "also the --json file"],
    );
    refused(
        &["--json", s(&out), "--csv", s(&d.join("./out.json"))],
        &["--csv", "also the --json file"],
    );
    // Names that cannot be files, and missing directories.
    refused(&["--json", ""], &["--json", "empty name"]);
    refused(&["--csv", s(&d)], &["--csv", "is a directory"]);
    refused(
        &["--csv", &format!("{}/", s(&out))],
        &["--csv", "not a file name"],
    );
    refused(
        &["--json", s(&d.join("missing").join("out.json"))],
        &["--json", "cannot write", "does not exist"],
    );
    refused(
        &["--csv", s(&target.join("out.csv"))],
        &["--csv", "is not a directory"],
    );
    // Standard output once at most.
    refused(&["--json", "-", "--csv", "-"], &["at most one output"]);
    // Every problem at once.
    refused(
        &["--json", "/dev/null", "--csv", s(&d)],
        &["--json", "--csv"],
    );
    assert_eq!(
        files_in(&d),
        ["hard.json", "link.csv", "scenario.json", "target.csv"],
        "files written or removed"
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep");
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn a_dash_writes_to_standard_output() {
    let d = temp_dir("cli-outputs", "stdout");
    let csv = d.join("r.csv");
    let args = ["--runs", "4", "--horizon-months", "3", "--seed", "3"];
    let mut with_json = args.to_vec();
    with_json.extend(["--json", "-", "--csv", s(&csv)]);
    let out = cli(&with_json);
    assert!(out.status.success(), "{}", stderr(&out));
    // Standard output is the JSON alone; the headlines went to standard error.
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON on standard output");
    assert_eq!(report["runs"], 4);
    assert!(stderr(&out).contains("seed 3, 4 runs, 3 months"));
    let file_csv = std::fs::read(&csv).unwrap();
    assert!(file_csv.starts_with(b"scenario,measure,period,"));

    let mut with_csv = args.to_vec();
    with_csv.extend(["--csv", "-"]);
    let out = cli(&with_csv);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(out.stdout, file_csv, "--csv - differs from the file");

    // One output alone gets its own text.
    let json = d.join("only.json");
    let mut json_only = args.to_vec();
    json_only.extend(["--json", s(&json)]);
    assert!(cli(&json_only).status.success());
    let written: Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(written, report);
    assert_eq!(files_in(&d), ["only.json", "r.csv"]);
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn a_successful_run_replaces_both_old_outputs() {
    let d = temp_dir("cli-outputs", "replace");
    let (json, csv) = (d.join("r.json"), d.join("r.csv"));
    std::fs::write(&json, "old").unwrap();
    std::fs::write(&csv, "old").unwrap();
    let out = cli(&[
        "--runs",
        "2",
        "--horizon-months",
        "2",
        "--json",
        s(&json),
        "--csv",
        s(&csv),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::read_to_string(&json).unwrap().starts_with('{'));
    assert!(std::fs::read_to_string(&csv)
        .unwrap()
        .starts_with("scenario,"));
    assert_eq!(
        files_in(&d),
        ["r.csv", "r.json"],
        "staged or backup files left"
    );
    let _ = std::fs::remove_dir_all(&d);
}

/// Start a long run writing into `d`, send `signal` once it runs, and return its output.
fn interrupted_run(d: &Path, signal: &str) -> Output {
    let child = Command::new(env!("CARGO_BIN_EXE_sufficiency-cli"))
        .args(["--runs", "1000000", "--horizon-months", "120"])
        .args(["--json", s(&d.join("r.json")), "--csv", s(&d.join("r.csv"))])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Long enough to be running (the handler is installed before the run starts).
    std::thread::sleep(Duration::from_millis(1500));
    let sent = Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let started = Instant::now();
    let out = child.wait_with_output().unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "took {:?} to stop",
        started.elapsed()
    );
    out
}

#[test]
fn an_interrupted_run_leaves_the_old_outputs_as_they_were() {
    for signal in ["-INT", "-TERM"] {
        let d = temp_dir("cli-outputs", &format!("interrupt{signal}"));
        std::fs::write(d.join("r.json"), "old json").unwrap();
        std::fs::write(d.join("r.csv"), "old csv").unwrap();
        let out = interrupted_run(&d, signal);
        assert_eq!(out.status.code(), Some(130), "{signal}: {}", stderr(&out));
        assert!(stderr(&out).contains("interrupted"), "{}", stderr(&out));
        assert!(
            out.stdout.is_empty(),
            "headlines printed after an interrupt"
        );
        assert_eq!(files_in(&d), ["r.csv", "r.json"], "{signal}: files left");
        assert_eq!(
            std::fs::read_to_string(d.join("r.json")).unwrap(),
            "old json"
        );
        assert_eq!(std::fs::read_to_string(d.join("r.csv")).unwrap(), "old csv");
        let _ = std::fs::remove_dir_all(&d);
    }
}

#[test]
fn input_files_are_read_up_to_four_mebibytes() {
    let started = Instant::now();
    refused(
        &["--scenario", "/dev/zero"],
        &["--scenario", "larger than 4 MiB"],
    );
    refused(
        &["--compare", "/dev/zero"],
        &["--compare", "larger than 4 MiB"],
    );
    assert!(started.elapsed() < Duration::from_secs(30));
    let d = temp_dir("cli-outputs", "big");
    // A valid scenario padded with whitespace past the bound.
    let mut big = cli(&["default-scenario"]).stdout;
    big.resize(4 * 1024 * 1024 + 1, b' ');
    std::fs::write(d.join("big.json"), &big).unwrap();
    refused(
        &["--scenario", s(&d.join("big.json"))],
        &["larger than 4 MiB"],
    );
    // At the bound it is read.
    big.truncate(4 * 1024 * 1024);
    std::fs::write(d.join("big.json"), &big).unwrap();
    let out = cli(&[
        "--runs",
        "1",
        "--horizon-months",
        "1",
        "--scenario",
        s(&d.join("big.json")),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let _ = std::fs::remove_dir_all(&d);
}
