//! `sufficiency-cli goal-seek`: the answer in words and as JSON, a target out of reach said
//! to be so, and bad options named.

mod cli_support;
use cli_support::*;

use serde_json::Value;

/// First-month enquiries (Poisson around 19.7 a month, July 2020) of at least 30 in 8 of 10
/// futures need a mean of about 34.6 (the Poisson tail), so about 15 extra a month.
#[test]
fn finds_the_extra_enquiries_a_target_needs() {
    let dir = temp_dir("goal-seek", "enquiries");
    let file = dir.join("answer.json");
    let out = cli(&[
        "goal-seek",
        "--lever",
        "extra_enquiries",
        "--metric",
        "enquiries",
        "--at-least",
        "30",
        "--by",
        "2020-07",
        "--runs",
        "100",
        "--json",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("At least"), "{}", stdout(&out));
    let json: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let a = &json["answer"];
    let setting = a["setting"].as_f64().expect("reachable");
    assert!((12.0..18.0).contains(&setting), "{a}");
    assert!(a["setting_low"].as_f64() <= Some(setting));
    assert!(a["setting_high"].as_f64() >= Some(setting));
    assert_eq!(json["goal"]["month"], 0);
    assert_eq!(json["goal"]["direction"], "at_least");
}

#[test]
fn a_target_out_of_reach_is_said_to_be_so() {
    let out = cli(&[
        "goal-seek",
        "--lever",
        "conversion",
        "--metric",
        "enquiries",
        "--at-least",
        "500",
        "--by",
        "2020-08",
        "--runs",
        "10",
        "--json",
        "-",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: Value = serde_json::from_str(&stdout(&out)).expect("JSON on standard output");
    assert_eq!(json["answer"]["setting"], Value::Null);
    assert!(
        stderr(&out).contains("No setting up to"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn bad_options_are_named() {
    let base = ["goal-seek", "--metric", "gap", "--runs", "5"];
    for (args, flag) in [
        (
            vec!["--lever", "magic", "--at-most", "1", "--by", "2021-01"],
            "--lever",
        ),
        (
            vec!["--lever", "retention", "--at-most", "1", "--by", "2019-01"],
            "--by",
        ),
        (
            vec!["--lever", "retention", "--at-most", "1", "--by", "soon"],
            "--by",
        ),
        (
            vec![
                "--lever",
                "retention",
                "--at-most",
                "1",
                "--by",
                "2021-01",
                "--confidence",
                "2",
            ],
            "--confidence",
        ),
    ] {
        let mut all: Vec<&str> = base.to_vec();
        all.extend(args.iter());
        let out = cli(&all);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(flag), "{args:?}: {}", stderr(&out));
    }
    // A target is needed.
    let out = cli(&["goal-seek", "--lever", "retention", "--by", "2021-01"]);
    assert_eq!(out.status.code(), Some(2));
}
