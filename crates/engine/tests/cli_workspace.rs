//! `--scenario` reads a comparison saved by the app (the baseline and the scenarios built on
//! it, or an older list of scenarios): it says what it read, and runs the same job the app
//! runs, head-to-head comparisons included.

mod cli_support;

use cli_support::{cli, stderr, temp_dir};
use engine::defaults::{default_scenario, strategy};
use engine::workspace::{BaseRef, ScenarioSet, Variant};
use serde_json::{json, Value};

fn variant(id: u32, name: &str, base: BaseRef, compare_with: BaseRef, levers: &str) -> Variant {
    Variant {
        id,
        name: name.into(),
        description: String::new(),
        base,
        compare_with,
        levers: strategy(levers)
            .map(|s| {
                s.levers
                    .iter()
                    .map(|l| serde_json::to_value(l).unwrap())
                    .collect()
            })
            .unwrap_or_default(),
        base_levers: true,
        overrides: vec![],
    }
}

#[test]
fn a_saved_comparison_runs_with_its_bases_and_comparators() {
    let dir = temp_dir("workspace", "saved");
    let mut shock = variant(1, "Shock", BaseRef::Baseline, BaseRef::Baseline, "");
    shock.overrides.push(engine::workspace::Override {
        path: engine::FieldPath::parse("demand.groups_per_month").unwrap(),
        value: json!(12.24),
    });
    let recruit = variant(
        2,
        "Recruit",
        BaseRef::Variant(1),
        BaseRef::Variant(1),
        "recruit",
    );
    let homes = variant(
        3,
        "Homes",
        BaseRef::Variant(1),
        BaseRef::Variant(2),
        "homes",
    );
    let set = ScenarioSet {
        baseline: serde_json::to_value(default_scenario()).unwrap(),
        variants: vec![shock, recruit, homes],
    };
    let mut file: Value = serde_json::to_value(&set).unwrap();
    file["version"] = json!(2);
    let path = dir.join("comparison.json");
    std::fs::write(&path, file.to_string()).unwrap();
    let json_out = dir.join("out.json");
    let out = cli(&[
        "run",
        "--scenario",
        path.to_str().unwrap(),
        "--runs",
        "6",
        "--horizon-months",
        "12",
        "--json",
        json_out.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("read a saved comparison"),
        "{}",
        stderr(&out)
    );
    let report: Value = serde_json::from_str(&std::fs::read_to_string(&json_out).unwrap()).unwrap();
    let pairs: Vec<(String, String)> = report["comparisons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap().to_string(),
                c["baseline"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        pairs,
        [
            ("Shock".to_string(), "Baseline".to_string()),
            ("Recruit".to_string(), "Shock".to_string()),
            ("Homes".to_string(), "Recruit".to_string()),
        ]
    );
    assert_eq!(
        report["data_note"],
        "Example borough modelled on Rotherham's published figures, as at June 2020"
    );
    // A circle is refused with its names.
    let mut circle = set.clone();
    circle.variants[0].base = BaseRef::Variant(3);
    std::fs::write(&path, serde_json::to_string(&circle).unwrap()).unwrap();
    let out = cli(&["run", "--scenario", path.to_str().unwrap(), "--runs", "2"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("in a circle"), "{}", stderr(&out));
}
