//! `sufficiency-cli calibrate`: from a folder of returns (the public d2i sample, and a
//! synthetic borough written by the engine's writer) it prints the data-quality report
//! and the fit, writes a scenario that `--scenario` accepts, names the option of any bad
//! input; and nothing it writes or prints holds a CHILD id, date of birth or postcode of
//! the returns it read (the privacy test, over calibrate and hindcast alike).

mod cli_support;
use cli_support::*;

use engine::ssda903::synthetic::{simulate, SyntheticBorough};
use engine::ssda903::write::returns;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn d2i() -> PathBuf {
    let root = std::env::var_os("SSDA903_FIXTURES").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures/ssda903"),
        PathBuf::from,
    );
    let dir = root.join("d2i-sample");
    assert!(
        dir.is_dir(),
        "the public SSDA903 fixtures are missing: {}",
        dir.display()
    );
    dir
}

/// A synthetic borough's returns written into a fresh folder.
fn synthetic(name: &str) -> PathBuf {
    let dir = temp_dir("calibrate", name);
    let b = SyntheticBorough {
        years: 4,
        ..SyntheticBorough::example()
    };
    for (file, text) in returns(&simulate(&b, 5), b.first_year, b.years) {
        std::fs::write(dir.join(file), text).unwrap();
    }
    dir
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn writes_a_scenario_the_runner_accepts_and_prints_both_reports() {
    let out = temp_dir("calibrate", "runs");
    let scenario = out.join("fitted.json");
    let report = out.join("fit-report.json");
    let o = cli(&[
        "calibrate",
        "--ssda903",
        path(&d2i()),
        "--window-years",
        "2",
        "--out",
        path(&scenario),
        "--report",
        path(&report),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    for want in [
        "SSDA903 import:",
        "2021-episodes.csv",
        "Fit as at 2022-03-31 from 2020-04-01",
        "demand.groups_per_month",
        "Kept from the base scenario",
        "fostering",
    ] {
        assert!(text.contains(want), "{want:?} not printed:\n{text}");
    }
    let fitted = engine::Scenario::from_json(&std::fs::read_to_string(&scenario).unwrap()).unwrap();
    fitted.validate().unwrap();
    assert_eq!((fitted.start_year, fitted.start_month), (2022, 4));
    let fit_report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(
        fit_report["as_at"],
        serde_json::json!(
            engine::ssda903::date::Date::from_ymd(2022, 3, 31)
                .unwrap()
                .0
        )
    );
    // The runner takes it.
    let run = cli(&[
        "--scenario",
        path(&scenario),
        "--runs",
        "5",
        "--horizon-months",
        "12",
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    // As at an earlier date, to standard output.
    let o = cli(&[
        "calibrate",
        "--ssda903",
        path(&d2i()),
        "--as-at",
        "2019-09-30",
        "--out",
        "-",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let s = engine::Scenario::from_json(&stdout(&o)).unwrap();
    assert_eq!((s.start_year, s.start_month), (2019, 10));
    assert!(stderr(&o).contains("Fit as at 2019-09-30"));
}

#[test]
fn bad_input_names_the_option() {
    let out = temp_dir("calibrate", "bad");
    let target = out.join("x.json");
    let d2i = d2i();
    let cases: [(&[&str], &str); 3] = [
        (
            &["--as-at", "2030-01-01"],
            "--as-at: 2030-01-01 is outside the returns",
        ),
        (&["--as-at", "31/02/2020"], "--as-at"),
        (&["--window-years", "0"], "--window-years"),
    ];
    for (extra, want) in cases {
        let mut args = vec!["calibrate", "--ssda903", path(&d2i), "--out", path(&target)];
        args.extend_from_slice(extra);
        let o = cli(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains(want),
            "{want:?} not in:\n{}",
            stderr(&o)
        );
        assert!(!target.exists(), "{args:?} wrote the output");
    }
    let o = cli(&[
        "calibrate",
        "--ssda903",
        "/nonexistent/returns",
        "--out",
        path(&target),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--ssda903: cannot read"),
        "{}",
        stderr(&o)
    );
    // A folder with nothing usable.
    let empty = temp_dir("calibrate", "empty");
    std::fs::write(empty.join("notes.csv"), "A,B\n1,2\n").unwrap();
    let o = cli(&[
        "calibrate",
        "--ssda903",
        path(&empty),
        "--out",
        path(&target),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--ssda903: no usable episodes"),
        "{}",
        stderr(&o)
    );
}

/// Whole tokens of `text` (split at anything but letters, digits, `/`, `-` and `.`).
fn tokens(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '.')))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// CHILD ids, dates of birth (as written and in ISO form) and postcodes of the returns.
/// Births on 31 March or 1 April are left out: those days bound every collection year, and
/// the reports rightly print them as the returns' dates.
fn identifiers(dir: &Path) -> (BTreeSet<String>, BTreeSet<String>, BTreeSet<String>) {
    let (mut ids, mut dobs, mut posts) = (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
    for (name, bytes) in engine::ssda903::read_dir(dir).unwrap() {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let mut lines = text.lines();
        let header: Vec<String> = lines
            .next()
            .unwrap_or("")
            .split(',')
            .map(|c| c.trim().trim_start_matches('\u{feff}').to_uppercase())
            .collect();
        let col = |n: &str| header.iter().position(|c| c == n);
        for line in lines {
            let f: Vec<&str> = line.split(',').map(str::trim).collect();
            let get =
                |i: Option<usize>| i.and_then(|i| f.get(i)).copied().filter(|s| !s.is_empty());
            if let Some(id) = get(col("CHILD")) {
                ids.insert(id.to_string());
            }
            for c in ["HOME_POST", "PL_POST"] {
                if let Some(p) = get(col(c)) {
                    posts.insert(p.to_string());
                }
            }
            if let Some(dob) = get(col("DOB")).filter(|_| name.contains("header")) {
                if let Some(d) = engine::ssda903::date::Date::parse(dob) {
                    let (_, m, day) = d.ymd();
                    if !matches!((m, day), (3, 31) | (4, 1)) {
                        dobs.insert(dob.to_string());
                        dobs.insert(d.to_string());
                    }
                }
            }
        }
    }
    assert!(
        ids.len() > 100 && dobs.len() > 100 && posts.len() > 100,
        "{} {} {}",
        ids.len(),
        dobs.len(),
        posts.len()
    );
    (ids, dobs, posts)
}

fn assert_private(dir: &Path, what: &str, text: &str) {
    let (ids, dobs, posts) = identifiers(dir);
    let toks = tokens(text);
    let id_hits: Vec<&String> = ids.iter().filter(|i| toks.contains(*i)).collect();
    assert!(id_hits.is_empty(), "{what} holds CHILD ids {id_hits:?}");
    let dob_hits: Vec<&String> = dobs.iter().filter(|d| toks.contains(*d)).collect();
    assert!(
        dob_hits.is_empty(),
        "{what} holds dates of birth {dob_hits:?}"
    );
    let post_hits: Vec<&String> = posts.iter().filter(|p| text.contains(p.as_str())).collect();
    assert!(post_hits.is_empty(), "{what} holds postcodes {post_hits:?}");
}

#[test]
fn nothing_written_or_printed_identifies_a_child() {
    for (name, dir) in [("d2i", d2i()), ("synthetic", synthetic("privacy"))] {
        let out = temp_dir("calibrate", &format!("privacy-{name}"));
        let (scenario, report, json, csv) = (
            out.join("s.json"),
            out.join("r.json"),
            out.join("h.json"),
            out.join("h.csv"),
        );
        let c = cli(&[
            "calibrate",
            "--ssda903",
            path(&dir),
            "--out",
            path(&scenario),
            "--report",
            path(&report),
        ]);
        assert_eq!(c.status.code(), Some(0), "{}", stderr(&c));
        let as_at = if name == "d2i" {
            "2020-03-31"
        } else {
            "2020-09-30"
        };
        let h = cli(&[
            "hindcast",
            "--ssda903",
            path(&dir),
            "--as-at",
            as_at,
            "--runs",
            "20",
            "--horizon-months",
            "12",
            "--json",
            path(&json),
            "--csv",
            path(&csv),
        ]);
        assert_eq!(h.status.code(), Some(0), "{}", stderr(&h));
        for (what, text) in [
            (
                "the scenario file",
                std::fs::read_to_string(&scenario).unwrap(),
            ),
            ("the fit report", std::fs::read_to_string(&report).unwrap()),
            ("the hindcast JSON", std::fs::read_to_string(&json).unwrap()),
            ("the hindcast CSV", std::fs::read_to_string(&csv).unwrap()),
            ("calibrate's standard output", stdout(&c)),
            ("calibrate's standard error", stderr(&c)),
            ("hindcast's standard output", stdout(&h)),
            ("hindcast's standard error", stderr(&h)),
        ] {
            assert!(
                !text.is_empty() || what.contains("standard error"),
                "{what} is empty"
            );
            assert_private(&dir, &format!("{name}: {what}"), &text);
        }
    }
}
