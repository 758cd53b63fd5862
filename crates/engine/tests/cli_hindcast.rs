//! `sufficiency-cli hindcast`: fitted only on the returns up to the date, run forward and
//! set against what followed: the CSV (`month,metric,observed,p10,p50,p90`, one row per
//! month and metric, the metric keys of a run's CSV), the JSON (the same rows, the coverage
//! summary and the verdict), the same numbers for the same seed, and clear refusals.

mod cli_support;
use cli_support::*;

use engine::ssda903::synthetic::{simulate, SyntheticBorough};
use engine::ssda903::write::returns;
use std::path::PathBuf;

fn borough(name: &str) -> PathBuf {
    let dir = temp_dir("hindcast", name);
    let b = SyntheticBorough {
        years: 5,
        ..SyntheticBorough::example()
    };
    for (file, text) in returns(&simulate(&b, 9), b.first_year, b.years) {
        std::fs::write(dir.join(file), text).unwrap();
    }
    dir
}

#[test]
fn compares_the_projection_with_what_followed() {
    let dir = borough("compare");
    let out = temp_dir("hindcast", "out");
    let (json, csv) = (out.join("h.json"), out.join("h.csv"));
    let args = |j: &str, c: &str| {
        vec![
            "hindcast".to_string(),
            "--ssda903".into(),
            dir.to_str().unwrap().into(),
            "--as-at".into(),
            "2021-03-31".into(),
            "--runs".into(),
            "40".into(),
            "--seed".into(),
            "3".into(),
            "--json".into(),
            j.into(),
            "--csv".into(),
            c.into(),
        ]
    };
    let a = args(json.to_str().unwrap(), csv.to_str().unwrap());
    let o = cli(&a.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("Fit as at 2021-03-31"), "{text}");
    assert!(text.contains("inside the model's 10-90% band in"), "{text}");
    let table = std::fs::read_to_string(&csv).unwrap();
    let mut lines = table.lines();
    assert_eq!(lines.next(), Some("month,metric,observed,p10,p50,p90"));
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    // The data run to March 2023: 24 months after the date, each with every metric.
    let metrics = engine::ssda903::hindcast::metrics();
    assert_eq!(rows.len(), 24 * metrics.len());
    for key in [
        "in_care",
        "in_care.ifa",
        "in_care.in_house_foster",
        "admissions",
        "exits",
    ] {
        assert!(rows.iter().filter(|r| r[1] == key).count() == 24, "{key}");
    }
    assert_eq!(rows[0][0], "2021-04");
    for r in &rows {
        let v: Vec<f64> = r[2..].iter().map(|x| x.parse().unwrap()).collect();
        assert!(v[1] <= v[2] && v[2] <= v[3], "{r:?}");
    }
    // The synthetic borough is the model's own kind of borough: its children in care stay
    // mostly inside the band.
    let j: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let cov = &j["coverage"][0];
    assert_eq!(cov["metric"], "in_care");
    assert_eq!(cov["months"], 24);
    assert!(
        cov["after_12"]["relative_error"].as_f64().unwrap().abs() < 0.25,
        "{cov}"
    );
    assert!(cov["after_24"].is_object());
    assert!(j["verdict"].as_str().unwrap().contains("After 24 months"));
    assert_eq!(j["rows"].as_array().unwrap().len(), rows.len());
    assert!(j["fit"]["values"].as_array().unwrap().len() > 20);
    // Same seed, same numbers (on one thread too).
    let again = out.join("again.csv");
    let mut b = args(
        out.join("again.json").to_str().unwrap(),
        again.to_str().unwrap(),
    );
    b.extend(["--threads".to_string(), "1".into()]);
    let o = cli(&b.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&again).unwrap(), table);
}

#[test]
fn refuses_a_date_with_nothing_after_it() {
    let dir = borough("refuse");
    let o = cli(&[
        "hindcast",
        "--ssda903",
        dir.to_str().unwrap(),
        "--as-at",
        "2023-03-31",
        "--runs",
        "5",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--as-at: 2023-03-31 leaves no whole month"),
        "{}",
        stderr(&o)
    );
    let o = cli(&[
        "hindcast",
        "--ssda903",
        dir.to_str().unwrap(),
        "--runs",
        "5",
    ]);
    assert_eq!(o.status.code(), Some(2), "--as-at is required");
}
