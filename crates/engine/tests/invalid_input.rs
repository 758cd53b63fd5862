//! Invalid input is refused with the field and the reason, by the library (`parse_json`,
//! `Scenario::validate`, `Job::validate`) and by the command-line runner end to end (exit
//! status 2, the field and reason on stderr, no output file). Also the CLI's successful
//! path: JSON and CSV output, `--help`, `--print-default`, and atomic writes.

mod cli_support;
use cli_support::*;

use std::path::PathBuf;

use engine::defaults::default_scenario;
use engine::runner::{Job, MAX_SCENARIOS};
use engine::scenario::{Home, RunSettings, Scenario};
use engine::validate::{parse_json, FieldError};
use serde_json::{json, Value};

// ----- library --------------------------------------------------------------------------

/// The errors validating `s` gives, which must include one for `field` whose reason
/// contains `reason`.
fn expect_error(errors: Result<(), Vec<FieldError>>, field: &str, reason: &str) {
    let errors = errors.expect_err(&format!("{field} should be refused"));
    assert!(
        errors
            .iter()
            .any(|e| e.field == field && e.reason.contains(reason)),
        "no error for {field} mentioning {reason:?}; got {errors:#?}"
    );
}

fn scenario_with(edit: impl FnOnce(&mut Scenario)) -> Scenario {
    let mut s = default_scenario();
    edit(&mut s);
    s
}

fn default_json() -> Value {
    serde_json::to_value(default_scenario()).unwrap()
}

fn parse_err(v: &Value) -> FieldError {
    parse_json::<Scenario>(&v.to_string()).expect_err("should not parse")
}

#[test]
fn the_built_in_scenario_and_strategies_are_valid() {
    assert_eq!(default_scenario().validate(), Ok(()));
    for s in engine::defaults::strategies() {
        assert_eq!(
            default_scenario().with_strategy(&s).validate(),
            Ok(()),
            "{}",
            s.id
        );
    }
    assert_eq!(RunSettings::default().validate(), Ok(()));
}

#[test]
fn unknown_fields_are_named() {
    let mut v = default_json();
    v["colour"] = json!("blue");
    let e = parse_err(&v);
    assert_eq!(e.field, "colour", "{e}");
    assert!(e.reason.contains("is not a field here"), "{e}");
    let mut v = default_json();
    v["demand"]["groups_per_year"] = json!(120);
    let e = parse_err(&v);
    assert_eq!(e.field, "demand.groups_per_year", "{e}");
    assert!(e.reason.contains("check the spelling"), "{e}");
    assert!(
        e.reason.contains("groups_per_month"),
        "names the real fields: {e}"
    );
    let mut job = json!({"settings": RunSettings::default(), "scenarios": [default_json()]});
    job["settings"]["replicates"] = json!(5);
    let e = parse_json::<Job>(&job.to_string()).expect_err("unknown setting");
    assert!(
        e.field == "settings.replicates" && e.reason.contains("is not a field here"),
        "{e}"
    );
}

#[test]
fn negative_rates_are_refused() {
    let s = scenario_with(|s| s.demand.groups_per_month = -1.0);
    expect_error(s.validate(), "demand.groups_per_month", "negative");
    let s = scenario_with(|s| s.fostering.funnel.enquiries_per_month = -0.5);
    expect_error(
        s.validate(),
        "fostering.funnel.enquiries_per_month",
        "negative",
    );
    let s = scenario_with(|s| s.costs.weekly.ifa = -827.0);
    expect_error(s.validate(), "costs.weekly.ifa", "negative");
    let s = scenario_with(|s| s.stability.breakdown_child.ifa = -0.1);
    expect_error(s.validate(), "stability.breakdown_child.ifa", "negative");
}

#[test]
fn probabilities_above_one_are_refused() {
    let s = scenario_with(|s| s.fostering.funnel.to_visit = 1.5);
    expect_error(s.validate(), "fostering.funnel.to_visit", "probability");
    let s = scenario_with(|s| s.markets.out_of_borough.emergency = 1.01);
    expect_error(
        s.validate(),
        "markets.out_of_borough.emergency",
        "between 0 and 1",
    );
    let s = scenario_with(|s| s.demand.complex_needs[3] = -0.2);
    expect_error(s.validate(), "demand.complex_needs[3]", "probability");
}

#[test]
fn inconsistent_age_ranges_are_refused() {
    let s = scenario_with(|s| {
        s.residential.homes.push(Home {
            name: "Backwards".into(),
            beds: 2,
            usable_beds: 2,
            min_age: 15,
            max_age: 12,
            open_month: 0,
            weekly_cost: 1000.0,
        })
    });
    expect_error(s.validate(), "residential.homes[4].min_age", "inconsistent");
    let s = scenario_with(|s| s.matching.rules[0].min_age = 16);
    expect_error(s.validate(), "matching.rules[0].min_age", "inconsistent");
    let s = scenario_with(|s| s.markets.ifa.max_age = 18);
    expect_error(s.validate(), "markets.ifa.max_age", "0-17");
    // A gap in the matching rules: nobody covers 16-17.
    let s = scenario_with(|s| s.matching.rules.truncate(2));
    expect_error(
        s.validate(),
        "matching.rules",
        "no rule covers a child aged 16",
    );
    let s = scenario_with(|s| s.residential.homes[0].usable_beds = 7);
    expect_error(
        s.validate(),
        "residential.homes[0].usable_beds",
        "cannot exceed beds",
    );
}

#[test]
fn zero_replications_and_absurd_sizes_are_refused() {
    let zero = RunSettings {
        replications: 0,
        ..RunSettings::default()
    };
    expect_error(zero.validate(), "replications", "at least 1");
    let long = RunSettings {
        horizon_months: 10_000,
        ..RunSettings::default()
    };
    expect_error(long.validate(), "horizon_months", "between 1 and 120");
    let job = Job {
        settings: RunSettings {
            replications: 0,
            horizon_months: 10_000,
            seed: 1,
            uncertainty: false,
        },
        scenarios: vec![
            default_scenario(),
            scenario_with(|s| s.population.children = 10_000_000),
        ],
        compare_with: vec![],
    };
    expect_error(job.validate(), "settings.replications", "at least 1");
    expect_error(job.validate(), "settings.horizon_months", "120");
    expect_error(
        job.validate(),
        "scenarios[1].population.children",
        "at most",
    );
    assert!(job.prepare().is_err());
    let s = scenario_with(|s| s.fostering.households = 1_000_000);
    expect_error(s.validate(), "fostering.households", "at most");
    let s = scenario_with(|s| s.demand.group_size = vec![1.0 / 9.0; 9]);
    expect_error(s.validate(), "demand.group_size", "between 1 and 8");
    let too_many = Job {
        settings: RunSettings::default(),
        scenarios: vec![default_scenario(); MAX_SCENARIOS + 1],
        compare_with: vec![],
    };
    expect_error(too_many.validate(), "scenarios", "at most");
    let none = Job {
        settings: RunSettings::default(),
        scenarios: vec![],
        compare_with: vec![],
    };
    expect_error(none.validate(), "scenarios", "at least one");
}

/// A comparison starting in another month than the baseline would be reported against the
/// baseline's months and financial years (and ran past their end): it is refused, naming the
/// comparison's start, and the job runs once it matches.
#[test]
fn comparisons_must_start_when_the_baseline_does() {
    let settings = RunSettings {
        replications: 4,
        horizon_months: 24,
        seed: 3,
        uncertainty: false,
    };
    let job = Job {
        settings,
        scenarios: vec![
            default_scenario(),
            scenario_with(|s| (s.start_year, s.start_month) = (2020, 4)),
        ],
        compare_with: vec![],
    };
    expect_error(
        job.validate(),
        "scenarios[1].start_month",
        "when the baseline does",
    );
    assert!(job.prepare().is_err());
    let same = Job {
        settings,
        scenarios: vec![default_scenario(), default_scenario()],
        compare_with: vec![],
    };
    assert!(same.prepare().is_ok());
}

#[test]
fn distributions_must_add_up_to_one() {
    let s = scenario_with(|s| s.demand.entry_age = [0.5, 0.5, 0.5, 0.0, 0.0]);
    expect_error(s.validate(), "demand.entry_age", "add up to 1");
    let s = scenario_with(|s| s.exits.route_by_entry_age[2] = [0.1, 0.1, 0.1, 0.1]);
    expect_error(s.validate(), "exits.route_by_entry_age[2]", "add up to 1");
    let s = scenario_with(|s| s.fostering.places = [0.0, 0.0, 0.0]);
    expect_error(s.validate(), "fostering.places", "add up to 1");
    let s = scenario_with(|s| {
        s.population.placement_mix = engine::scenario::PlacementCounts {
            ..s.costs.weekly.clone()
        }
    });
    assert_eq!(s.validate(), Ok(()), "placement mix is counts, not shares");
    let s = scenario_with(|s| {
        s.exits.adoption = engine::scenario::DurationDist::Empirical {
            points: vec![(1.0, 0.2), (5.0, 0.9)],
        }
    });
    expect_error(s.validate(), "exits.adoption.points", "must be 1");
}

#[test]
fn non_numbers_are_refused_with_the_field() {
    // JSON has no NaN: the bare token, a string, and wrong types all fail to parse, naming
    // the field.
    let text = default_json()
        .to_string()
        .replace("\"groups_per_month\":10.2", "\"groups_per_month\":NaN");
    assert!(text.contains("NaN"));
    let e = parse_json::<Scenario>(&text).expect_err("NaN is not JSON");
    assert!(e.field.contains("groups_per_month"), "{e}");
    let mut v = default_json();
    v["demand"]["groups_per_month"] = json!("NaN");
    let e = parse_err(&v);
    assert_eq!(e.field, "demand.groups_per_month");
    assert_eq!(e.reason, "must be a number (got \"NaN\")", "{e}");
    let mut v = default_json();
    v["population"]["children"] = json!(-5);
    let e = parse_err(&v);
    assert_eq!(e.field, "population.children");
    assert_eq!(e.reason, "must be a whole number, not negative");
    let mut v = default_json();
    v["population"]["children"] = json!(12.5);
    let e = parse_err(&v);
    assert_eq!(e.field, "population.children");
    assert_eq!(e.reason, "must be a whole number");
    let mut v = default_json();
    v["demand"]["seasonality"] = json!([1, 1, 1]);
    let e = parse_err(&v);
    assert_eq!(e.field, "demand.seasonality");
    assert_eq!(e.reason, "needs exactly 12 values (got 3)");
    let mut v = default_json();
    v["levers"] =
        json!([{"start_month": 0, "ramp_months": 0, "annual_cost": 0, "kind": {"type": "magic"}}]);
    let e = parse_err(&v);
    assert!(
        e.field.starts_with("levers[0].kind")
            && e.reason
                .contains("\"magic\" is not one of the choices: recruitment_boost"),
        "{e}"
    );
    let mut v = default_json();
    v["exits"]["return_home"]["family"] = json!("weibull");
    assert!(parse_err(&v).field.starts_with("exits.return_home"));
    let e = parse_json::<Scenario>("{\"name\": \"x\"").expect_err("truncated");
    assert!(!e.reason.is_empty());
    let e = parse_json::<Scenario>("").expect_err("empty");
    assert_eq!(e.field, "(document)");
    // Built in code (the app), NaN and infinity are caught by validation.
    let s = scenario_with(|s| s.demand.groups_per_month = f64::NAN);
    expect_error(s.validate(), "demand.groups_per_month", "must be a number");
    let s = scenario_with(|s| s.costs.budget_per_year = f64::INFINITY);
    expect_error(s.validate(), "costs.budget_per_year", "must be a number");
}

#[test]
fn every_problem_is_reported_at_once() {
    let s = scenario_with(|s| {
        s.demand.groups_per_month = -1.0;
        s.fostering.funnel.to_visit = 1.5;
        s.name = " ".into();
    });
    let errors = s.validate().unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    for f in [
        "name",
        "demand.groups_per_month",
        "fostering.funnel.to_visit",
    ] {
        assert!(fields.contains(&f), "{fields:?}");
    }
}

/// At the largest starting rate, a seasonal pattern alone (July twice the other months: 1.85
/// times the average) takes the rate over the limit in
/// its peak month: the error names that month's seasonality, not the trend (which is 0, or
/// even a fall).
#[test]
fn seasonal_peaks_beyond_the_limit_name_the_seasonality() {
    for trend in [0.0, -0.5] {
        let job = Job {
            settings: RunSettings {
                horizon_months: 24,
                ..RunSettings::default()
            },
            scenarios: vec![scenario_with(|s| {
                s.demand.groups_per_month = 100.0;
                s.demand.trend_per_year = trend;
                s.demand.seasonality = [1.0; 12];
                s.demand.seasonality[6] = 2.0;
            })],
            compare_with: vec![],
        };
        let errors = job.validate().expect_err("185 groups in July accepted");
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            ["scenarios[0].demand.seasonality[6]"],
            "trend {trend}"
        );
        assert!(
            errors[0].reason.contains("July") && errors[0].reason.contains("185 groups"),
            "{}",
            errors[0].reason
        );
        // The same pattern at a lower rate is fine.
        let mut fine = job.clone();
        fine.scenarios[0].demand.groups_per_month = 50.0;
        assert_eq!(fine.validate(), Ok(()));
    }
}

/// Growth compounds: at the largest rate and trend the scenario alone accepts, a 10-year run
/// would admit 100 * 3^10, about 5.9 million sibling groups a month, which no run can finish.
/// The job bounds the rate it will actually reach and names the trend.
#[test]
fn compounded_demand_growth_is_bounded() {
    let job = Job {
        settings: RunSettings {
            horizon_months: 120,
            ..RunSettings::default()
        },
        scenarios: vec![scenario_with(|s| {
            s.demand.groups_per_month = 100.0;
            s.demand.trend_per_year = 2.0;
        })],
        compare_with: vec![],
    };
    let errors = job
        .validate()
        .expect_err("5.9 million groups a month accepted");
    assert!(
        errors
            .iter()
            .any(|e| e.field == "scenarios[0].demand.trend_per_year"
                && e.reason.contains("groups a month")),
        "{errors:?}"
    );
    // A modest trend over the same horizon is fine.
    let ok = Job {
        settings: RunSettings {
            horizon_months: 120,
            ..RunSettings::default()
        },
        scenarios: vec![scenario_with(|s| s.demand.trend_per_year = 0.04)],
        compare_with: vec![],
    };
    assert!(ok.validate().is_ok());
}

// ----- command line ---------------------------------------------------------------------

/// Runs the CLI with `args` plus --json and --csv into a temp dir, expecting exit status 2,
/// every `expected` text on stderr, and no output file.
fn refused(name: &str, args: &[&str], expected: &[&str]) {
    let d = temp_dir("cli", name);
    let json = d.join("out.json");
    let csv = d.join("out.csv");
    let mut all: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    all.extend([
        "--json".into(),
        json.display().to_string(),
        "--csv".into(),
        csv.display().to_string(),
    ]);
    let refs: Vec<&str> = all.iter().map(|s| s.as_str()).collect();
    let out = cli(&refs);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{name}: stderr {stderr}");
    for e in expected {
        assert!(stderr.contains(e), "{name}: {e:?} not in stderr:\n{stderr}");
    }
    let left: Vec<String> = files_in(&d)
        .into_iter()
        .filter(|f| f != "scenario.json")
        .collect();
    assert!(left.is_empty(), "{name}: files written: {left:?}");
    let _ = std::fs::remove_dir_all(&d);
}

/// Writes a scenario JSON into a temp dir for `--scenario`.
fn scenario_file(name: &str, v: &Value) -> PathBuf {
    let p = std::env::temp_dir().join(format!(
        "sufficiency-cli-{}-{name}.json",
        std::process::id()
    ));
    std::fs::write(&p, v.to_string()).unwrap();
    p
}

#[test]
fn cli_refuses_invalid_scenario_files() {
    type Edit = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(&str, Edit, Vec<&str>)> = vec![
        (
            "unknown",
            Box::new(|v| v["demand"]["colour"] = json!(1)),
            vec!["--scenario", "demand.colour", "is not a field here"],
        ),
        (
            "negative",
            Box::new(|v| v["demand"]["groups_per_month"] = json!(-1)),
            vec!["demand.groups_per_month", "negative"],
        ),
        (
            "probability",
            Box::new(|v| v["fostering"]["funnel"]["to_visit"] = json!(1.5)),
            vec!["fostering.funnel.to_visit", "probability"],
        ),
        (
            "ages",
            Box::new(|v| {
                v["residential"]["homes"][0]["min_age"] = json!(15);
                v["residential"]["homes"][0]["max_age"] = json!(12);
            }),
            vec!["residential.homes[0].min_age", "inconsistent"],
        ),
        (
            "absurd",
            Box::new(|v| v["population"]["children"] = json!(10_000_000)),
            vec!["population.children", "at most"],
        ),
        (
            "shares",
            Box::new(|v| v["demand"]["entry_age"] = json!([0.5, 0.5, 0.5, 0, 0])),
            vec!["demand.entry_age", "add up to 1"],
        ),
        (
            "string",
            Box::new(|v| v["demand"]["groups_per_month"] = json!("NaN")),
            vec!["demand.groups_per_month", "must be a number (got \"NaN\")"],
        ),
    ];
    for (name, edit, expected) in cases {
        let mut v = default_json();
        edit(&mut v);
        let p = scenario_file(name, &v);
        refused(
            name,
            &[
                "--scenario",
                p.to_str().unwrap(),
                "--runs",
                "2",
                "--horizon-months",
                "2",
            ],
            &expected,
        );
        // The same file as a comparison is refused too.
        refused(
            &format!("{name}-compare"),
            &[
                "--compare",
                p.to_str().unwrap(),
                "--runs",
                "2",
                "--horizon-months",
                "2",
            ],
            &expected[1..],
        );
        let _ = std::fs::remove_file(p);
    }
    refused(
        "missing",
        &["--scenario", "/nonexistent/scenario.json"],
        &["--scenario", "cannot read"],
    );
}

#[test]
fn cli_refuses_invalid_options() {
    refused(
        "runs0",
        &["--runs", "0"],
        &["settings.replications", "at least 1"],
    );
    refused(
        "runs-neg",
        &["--runs", "-3"],
        &["--runs", "between 1 and 1,000,000"],
    );
    refused(
        "runs-word",
        &["--runs", "many"],
        &["--runs", "'many' is not"],
    );
    refused(
        "runs-big",
        &["--runs", "2000000"],
        &["settings.replications", "at most"],
    );
    refused(
        "horizon",
        &["--horizon-months", "10000"],
        &["settings.horizon_months", "between 1 and 120"],
    );
    refused(
        "horizon0",
        &["--horizon-months=0"],
        &["settings.horizon_months"],
    );
    refused("seed", &["--seed", "-1"], &["--seed"]);
    refused(
        "strategy",
        &["--strategy", "teleport"],
        &["--strategy", "unknown strategy 'teleport'", "recruit"],
    );
    refused(
        "option",
        &["--frobnicate"],
        &["--frobnicate", "is not an option"],
    );
    for flag in ["--runs", "--seed", "--strategy", "--scenario", "--json"] {
        let out = cli(&[flag]);
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(flag) && stderr.contains("needs a"),
            "{stderr}"
        );
    }
    let many: Vec<&str> = std::iter::repeat_n(["--strategy", "recruit"], MAX_SCENARIOS)
        .flatten()
        .collect();
    refused("too-many", &many, &["scenarios", "at most"]);
}

#[test]
fn cli_small_run_writes_json_and_csv() {
    let d = temp_dir("cli", "ok");
    let (json, csv) = (d.join("summary.json"), d.join("summary.csv"));
    let out = cli(&[
        "--runs",
        "20",
        "--horizon-months",
        "12",
        "--seed",
        "5",
        "--strategy",
        "recruit",
        "--json",
        json.to_str().unwrap(),
        "--csv",
        csv.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(
        files_in(&d),
        ["summary.csv", "summary.json"],
        "temporary files left behind"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("seed 5, 20 runs, 12 months")
            && stdout.contains("Recruit more carers vs Baseline"),
        "{stdout}"
    );
    // Twelve months from July: the two financial years are marked as part years.
    assert!(
        stdout.contains("FY2020/21 (9 months): cost")
            && stdout.contains("FY2021/22 (3 months): cost"),
        "{stdout}"
    );

    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).expect("valid JSON");
    assert_eq!(report["runs"], 20);
    assert_eq!(report["seed"], 5);
    assert_eq!(report["horizon_months"], 12);
    assert_eq!(report["month_labels"].as_array().unwrap().len(), 12);
    assert_eq!(report["month_labels"][0], "2020-07");
    let scenarios = report["scenarios"].as_array().unwrap();
    assert_eq!(scenarios.len(), 2);
    assert_eq!(scenarios[0]["name"], "Baseline");
    let metrics = scenarios[0]["metrics"].as_array().unwrap();
    assert_eq!(metrics.len(), engine::metrics::COUNT);
    let in_care = metrics.iter().find(|m| m["key"] == "in_care").unwrap();
    let last = &in_care["months"][11];
    let p = |k: &str| last[k].as_f64().unwrap();
    assert!(
        p("p5") <= p("p50") && p("p50") <= p("p95") && p("p50") > 300.0,
        "{last}"
    );
    assert_eq!(report["comparisons"][0]["baseline"], "Baseline");
    let fingerprint = report["fingerprint"].as_str().unwrap();
    assert!(stdout.contains(fingerprint));

    let text = std::fs::read_to_string(&csv).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some(engine::report::CSV_HEADER));
    // The last field, a measure's definition, is text (quoted where it holds a comma).
    let rows: Vec<Vec<&str>> = lines.map(|l| l.splitn(14, ',').collect()).collect();
    assert!(
        rows.iter().all(|r| r.len() == 14),
        "a row without 14 fields"
    );
    for r in &rows {
        for v in &r[3..13] {
            assert!(v.parse::<f64>().is_ok_and(|x| x.is_finite()), "{r:?}");
        }
    }
    let years = scenarios[0]["years"].as_array().unwrap().len();
    // Each year: its cost, its overspend and its expected overspend.
    let per_scenario = engine::metrics::COUNT * 12 + 3 * years + 2;
    let per_comparison = engine::aggregate::PAIRED_METRICS.len() * 12 + years + 2;
    assert_eq!(rows.len(), 2 * per_scenario + per_comparison);
    assert!(rows
        .iter()
        .any(|r| r[0] == "Recruit more carers vs Baseline" && r[1] == "difference.total_cost"));
    assert!(rows
        .iter()
        .any(|r| r[0] == "Baseline" && r[1] == "in_care" && r[2] == "2021-06"));
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn cli_help_lists_every_option() {
    let out = cli(&["--help"]);
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    // Every option the parser accepts (read from its source) is documented.
    let source = include_str!("../src/bin/cli.rs");
    let options: Vec<&str> = source
        .split('"')
        .filter(|s| {
            s.starts_with("--")
                && s.len() > 2
                && s[2..].chars().all(|c| c.is_ascii_lowercase() || c == '-')
        })
        .collect();
    for o in [
        "--scenario",
        "--strategy",
        "--compare",
        "--runs",
        "--seed",
        "--horizon-months",
        "--json",
        "--csv",
        "--print-default",
        "--list-strategies",
        "--help",
    ] {
        assert!(options.contains(&o), "{o} no longer parsed?");
    }
    for o in options {
        assert!(
            help.lines().any(|l| l.trim_start().starts_with(o)),
            "--help does not document {o}"
        );
    }
    assert!(cli(&["-h"]).stdout == out.stdout);
}

#[test]
fn cli_print_default_round_trips() {
    let out = cli(&["--print-default"]);
    assert!(out.status.success());
    let s: Scenario = parse_json(&String::from_utf8(out.stdout).unwrap()).expect("parses back");
    assert_eq!(s, default_scenario());
    let out = cli(&["--list-strategies"]);
    let text = String::from_utf8_lossy(&out.stdout);
    for s in engine::defaults::strategies() {
        assert!(
            text.contains(&s.id) && text.contains(&s.name),
            "{} not listed",
            s.id
        );
    }
}

#[test]
fn cli_failed_writes_leave_nothing_behind() {
    let d = temp_dir("cli", "write");
    let missing = d.join("no-such-dir").join("out.json");
    let out = cli(&[
        "--runs",
        "2",
        "--horizon-months",
        "2",
        "--json",
        missing.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("cannot write"), "{stderr}");
    assert!(files_in(&d).is_empty(), "left behind: {:?}", files_in(&d));

    // A directory is not a file name: refused before running.
    let out = cli(&[
        "--runs",
        "2",
        "--horizon-months",
        "2",
        "--csv",
        d.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is a directory"));

    // All or nothing: when the CSV cannot be written, the JSON must not be left either
    // ("Output files are written only when the whole run succeeds (never partially)").
    let json = d.join("out.json");
    let bad_csv = d.join("no-such-dir").join("out.csv");
    let out = cli(&[
        "--runs",
        "2",
        "--horizon-months",
        "2",
        "--json",
        json.to_str().unwrap(),
        "--csv",
        bad_csv.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    assert!(
        files_in(&d).is_empty(),
        "partial output left: {:?}",
        files_in(&d)
    );
    let _ = std::fs::remove_dir_all(&d);
}
