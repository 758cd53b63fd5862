//! `sufficiency-cli sensitivity`: the ranking printed, its JSON (each assumption's low and
//! high setting, the outcome at each and the swing, in ranked order), the same numbers on
//! any number of threads, and bad options named.

mod cli_support;
use cli_support::*;

use serde_json::Value;

const QUICK: [&str; 4] = ["--runs", "24", "--horizon-months", "3"];

fn ranking(extra: &[&str], name: &str) -> (String, Value) {
    let dir = temp_dir("sensitivity", name);
    let file = dir.join("ranking.json");
    let mut args = vec!["sensitivity", "--json", file.to_str().unwrap()];
    args.extend(QUICK);
    args.extend(extra);
    let out = cli(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json = std::fs::read_to_string(&file).expect("the JSON is written");
    (
        stdout(&out),
        serde_json::from_str(&json).expect("valid JSON"),
    )
}

#[test]
fn prints_the_ranking_and_writes_each_assumption_in_ranked_order() {
    let (text, json) = ranking(&["--outcome", "in_care"], "ranked");
    assert!(
        text.contains("What matters most for Children in care"),
        "{text}"
    );
    assert!(text.contains("Baseline:") && text.contains("All assumptions varying together"));
    let t = &json["tornado"];
    assert_eq!(t["metric"], "in_care");
    assert_eq!(t["runs"], 24);
    assert!(t["baseline"].as_f64().is_some_and(|b| b > 100.0));
    let bars = t["bars"].as_array().expect("bars");
    assert_eq!(bars.len(), engine::catalog::uncertain().len());
    let mut last = f64::INFINITY;
    for b in bars {
        let (low, high) = (b["low"].as_f64().unwrap(), b["high"].as_f64().unwrap());
        let (at_low, at_high) = (
            b["at_low"].as_f64().unwrap(),
            b["at_high"].as_f64().unwrap(),
        );
        let swing = b["swing"].as_f64().unwrap();
        assert!(low < high);
        assert_eq!(swing, (at_high - at_low).abs());
        assert!(swing <= last, "not in ranked order: {bars:?}");
        last = swing;
        // Each assumption is printed on its row.
        assert!(text.contains(b["low_text"].as_str().unwrap()));
    }
    // Admissions drive the number in care.
    assert_eq!(bars[0]["path"], "demand.groups_per_month");
    let g = &json["global"];
    assert_eq!(g["samples"], 24);
    assert!(g["r_squared"]
        .as_f64()
        .is_some_and(|r| (0.0..=1.0).contains(&r)));
    assert_eq!(g["effects"].as_array().map(Vec::len), Some(bars.len()));
}

#[test]
fn the_same_numbers_on_any_number_of_threads() {
    let (_, one) = ranking(&["--threads", "1", "--no-global"], "one");
    let (_, two) = ranking(&["--threads", "2", "--no-global"], "two");
    assert_eq!(one, two);
    assert_eq!(one["global"], Value::Null);
    // The three months simulated (July to September 2020) all fall in 2020/21, so its
    // cost is the cost over the horizon.
    let (_, year) = ranking(&["--year", "2020/21", "--no-global"], "year");
    assert_eq!(year["tornado"]["baseline"], one["tornado"]["baseline"]);
    assert_eq!(
        year["tornado"]["outcome"],
        "Placement cost (£) in financial year 2020/21"
    );
}

#[test]
fn bad_options_are_named() {
    for (args, flag) in [
        (vec!["--outcome", "happiness"], "--outcome"),
        (
            vec!["--outcome", "in_care", "--year", "2020/21"],
            "--month/--year",
        ),
        (vec!["--month", "9"], "--month/--year"),
        (vec!["--runs", "5"], "--runs"),
    ] {
        let mut all = vec!["sensitivity", "--horizon-months", "3"];
        all.extend(args.iter());
        let out = cli(&all);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(flag), "{args:?}: {}", stderr(&out));
    }
}
