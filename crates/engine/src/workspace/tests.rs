use serde_json::{json, Value};

use super::*;
use crate::defaults::{default_scenario, strategy};
use crate::scenario::RunSettings;

fn base() -> Value {
    serde_json::to_value(default_scenario()).unwrap()
}

fn variant(id: u32, name: &str, base: BaseRef) -> Variant {
    Variant {
        id,
        name: name.into(),
        description: String::new(),
        base,
        compare_with: BaseRef::Baseline,
        levers: vec![],
        base_levers: true,
        overrides: vec![],
    }
}

fn at(p: &str) -> FieldPath {
    FieldPath::parse(p).unwrap()
}

#[test]
fn a_variant_follows_its_base_except_what_it_overrides() {
    let recruit = strategy("recruit").unwrap();
    let mut shock = variant(1, "Shock", BaseRef::Baseline);
    shock.overrides.push(Override {
        path: at("demand.groups_per_month"),
        value: json!(12.24),
    });
    let mut strat = variant(2, "Recruit on the shock", BaseRef::Variant(1));
    strat.levers = recruit
        .levers
        .iter()
        .map(|l| serde_json::to_value(l).unwrap())
        .collect();
    strat.overrides.push(Override {
        path: at("fostering.households"),
        value: json!(150),
    });
    // Listed before its base: the order of the list does not matter.
    let mut set = ScenarioSet {
        baseline: base(),
        variants: vec![strat, shock],
    };
    set.baseline["demand"]["trend_per_year"] = json!(0.05);
    set.baseline["fostering"]["households"] = json!(170);
    let values = set.resolve().unwrap();
    let s = &values[1];
    assert_eq!(s["name"], "Recruit on the shock");
    assert_eq!(
        s["demand"]["trend_per_year"],
        json!(0.05),
        "follows the baseline"
    );
    assert_eq!(
        s["demand"]["groups_per_month"],
        json!(12.24),
        "follows its base"
    );
    assert_eq!(s["fostering"]["households"], json!(150), "its own value");
    assert_eq!(s["levers"].as_array().unwrap().len(), recruit.levers.len());
    assert_eq!(values[2]["levers"], json!([]));
    let job = set.job(RunSettings::default()).unwrap();
    assert_eq!(job.scenarios.len(), 3);
    assert_eq!(job.compare_with, vec![0, 0, 0]);
}

#[test]
fn circles_unknown_bases_and_bad_overrides_are_named() {
    let mut a = variant(1, "A", BaseRef::Variant(2));
    let b = variant(2, "B", BaseRef::Variant(1));
    let set = ScenarioSet {
        baseline: base(),
        variants: vec![a.clone(), b],
    };
    match set.resolve() {
        Err(SetError::Cycle(names)) => assert_eq!(names, ["A", "B", "A"]),
        other => panic!("{other:?}"),
    }
    a.base = BaseRef::Variant(9);
    let set = ScenarioSet {
        baseline: base(),
        variants: vec![a.clone()],
    };
    let e = set.resolve().unwrap_err();
    assert_eq!(
        e.to_string(),
        "A refers to scenario 9, which is not in the comparison"
    );
    a.base = BaseRef::Baseline;
    a.compare_with = BaseRef::Variant(1);
    let set = ScenarioSet {
        baseline: base(),
        variants: vec![a.clone()],
    };
    assert_eq!(set.resolve(), Err(SetError::ComparedWithItself("A".into())));
    a.compare_with = BaseRef::Baseline;
    a.overrides.push(Override {
        path: at("demand.nothing.here"),
        value: json!(1),
    });
    let set = ScenarioSet {
        baseline: base(),
        variants: vec![a.clone()],
    };
    assert!(matches!(set.resolve(), Err(SetError::Override { .. })));
    a.overrides = vec![Override {
        path: at("levers"),
        value: json!([]),
    }];
    let set = ScenarioSet {
        baseline: base(),
        variants: vec![a.clone(), variant(1, "again", BaseRef::Baseline)],
    };
    assert_eq!(set.resolve(), Err(SetError::DuplicateId(1)));
    let set = ScenarioSet {
        baseline: base(),
        variants: vec![a],
    };
    assert!(set.resolve().unwrap_err().to_string().contains("levers"));
    // A value that is not valid names the scenario and field.
    let mut bad = variant(1, "Bad", BaseRef::Baseline);
    bad.overrides.push(Override {
        path: at("demand.trend_per_year"),
        value: json!("fast"),
    });
    let set = ScenarioSet {
        baseline: base(),
        variants: vec![bad],
    };
    match set.job(RunSettings::default()) {
        Err(SetJobError::Fields(e)) => {
            assert_eq!(e[0].field, "scenarios[1].demand.trend_per_year")
        }
        other => panic!("{other:?}"),
    }
}

/// Old saved work (full copies) migrates to variants that resolve to exactly the same
/// scenarios, hence the same numbers.
#[test]
fn old_lists_of_scenarios_migrate_to_the_same_scenarios() {
    let b = default_scenario();
    let mut homes = b.with_strategy(&strategy("homes").unwrap());
    homes.fostering.households = 149;
    homes.exits.return_home = crate::scenario::DurationDist::Exponential { mean_months: 7.0 };
    homes.demand.seasonality[3] = 2.0;
    let mut with_lever = b.clone();
    with_lever.levers = strategy("recruit").unwrap().levers;
    let mut odd = with_lever.with_strategy(&strategy("homes").unwrap());
    odd.levers.reverse();
    for (baseline, others) in [
        (b.clone(), vec![homes.clone(), b.clone()]),
        (
            with_lever.clone(),
            vec![odd, with_lever.with_strategy(&strategy("retain").unwrap())],
        ),
    ] {
        let list: Vec<Value> = std::iter::once(&baseline)
            .chain(&others)
            .map(|s| serde_json::to_value(s).unwrap())
            .collect();
        let set = migrate::from_scenarios(&list);
        let job = set.job(RunSettings::default()).unwrap();
        assert_eq!(job.scenarios[0], baseline);
        assert_eq!(job.scenarios[1..], others[..]);
        // Written out and read back, the set is the same.
        let text = serde_json::to_string(&set).unwrap();
        assert_eq!(serde_json::from_str::<ScenarioSet>(&text).unwrap(), set);
    }
    let set = migrate::from_scenarios(&[
        serde_json::to_value(&b).unwrap(),
        serde_json::to_value(&homes).unwrap(),
    ]);
    let paths: Vec<String> = set.variants[0]
        .overrides
        .iter()
        .map(|o| o.path.to_string())
        .collect();
    assert_eq!(
        paths,
        [
            "demand.seasonality",
            "exits.return_home",
            "fostering.households"
        ]
    );
    assert_eq!(
        set.variants[0].levers.len(),
        strategy("homes").unwrap().levers.len()
    );
}

#[test]
fn an_edit_overrides_the_field_up_to_a_list_or_a_distribution() {
    let v = base();
    let p = |s: &str| value::override_path(&v, &at(s)).map(|p| p.to_string());
    assert_eq!(
        p("demand.trend_per_year").as_deref(),
        Some("demand.trend_per_year")
    );
    assert_eq!(
        p("demand.seasonality[3]").as_deref(),
        Some("demand.seasonality")
    );
    assert_eq!(
        p("residential.homes[0].beds").as_deref(),
        Some("residential.homes")
    );
    assert_eq!(
        p("exits.return_home.mean_months").as_deref(),
        Some("exits.return_home")
    );
    assert_eq!(p("costs.weekly.ifa").as_deref(), Some("costs.weekly.ifa"));
    assert_eq!(p("levers[0].annual_cost"), None);
    assert_eq!(p("name"), None);
}

#[test]
fn differences_list_assumptions_and_levers_with_both_values() {
    let b = default_scenario();
    let mut s = b.with_strategy(&strategy("recruit").unwrap());
    s.demand.trend_per_year = 0.05;
    let d = diff::differences(&s, &b);
    assert_eq!(d.len(), 2, "{d:?}");
    assert_eq!(d[0].path, "demand.trend_per_year");
    assert_eq!(
        (d[0].this.as_str(), d[0].other.as_str()),
        ("5% a year", "0% a year")
    );
    assert!(
        !d[0].label.contains('.'),
        "a label, not a path: {}",
        d[0].label
    );
    assert_eq!(d[1].path, "levers");
    assert_eq!(d[1].other, "none");
    assert!(d[1].this.starts_with("Recruitment boost"), "{}", d[1].this);
    assert!(diff::differences(&b, &b).is_empty());
}

#[test]
fn prices_roll_forward_by_inflation_and_only_prices() {
    let mut s = default_scenario();
    assert_eq!(prices::months_after_data(&s), 0);
    assert_eq!(prices::roll_prices_forward(&s), s, "nothing to roll");
    s.start_year = 2024;
    s.start_month = 4;
    s.levers = strategy("homes").unwrap().levers;
    let months = prices::months_after_data(&s);
    assert_eq!(months, 45);
    let f = libm::pow(1.02, 45.0 / 12.0);
    let r = prices::roll_prices_forward(&s);
    assert_eq!(r.costs.weekly.ifa, s.costs.weekly.ifa * f);
    assert_eq!(r.costs.budget_per_year, s.costs.budget_per_year * f);
    assert_eq!(r.levers[0].annual_cost, s.levers[0].annual_cost * f);
    assert_eq!(
        r.residential.homes[0].weekly_cost,
        s.residential.homes[0].weekly_cost * f
    );
    assert_eq!(r.fostering, s.fostering);
    assert_eq!(r.population, s.population);
    assert_eq!(
        (r.data_as_at.year, r.data_as_at.month),
        (2020, 6),
        "the figures' date stays"
    );
    assert!(r.data_as_at.prices_rolled_forward);
    assert_eq!(prices::roll_prices_forward(&r), r, "rolled once only");
    assert!(r
        .data_as_at
        .note()
        .ends_with("as at June 2020 (prices rolled forward to the start)"));
    let note = crate::report::start_note(&r).unwrap();
    assert!(note.contains("prices were rolled forward"), "{note}");
    assert!(crate::report::start_note(&s)
        .unwrap()
        .starts_with("Starts in April 2024"));
    assert_eq!(
        s.data_as_at.note(),
        "Example borough modelled on Rotherham's published figures, as at June 2020"
    );
}
