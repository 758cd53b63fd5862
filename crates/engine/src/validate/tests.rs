//! Validation against the catalogue: every error the validator can produce names a field
//! the catalogue describes, found by breaking every field of a scenario (every duration
//! family, every lever kind) in turn; and the limits hold at their edges.

use serde_json::Value;
use std::collections::BTreeSet;

use super::*;
use crate::catalog;
use crate::defaults::{default_scenario, strategies};
use crate::path::Segment;
use crate::scenario::DurationDist;

/// A scenario with every lever of every strategy, and `family` for its three durations.
fn everything(family: &DurationDist) -> Value {
    let mut s = default_scenario();
    for strategy in strategies() {
        s.levers.extend(strategy.levers.iter().cloned());
    }
    s.exits.return_home = family.clone();
    s.exits.special_guardianship = family.clone();
    s.exits.adoption = family.clone();
    serde_json::to_value(s).expect("serialises")
}

/// Every value's path in `v` (objects' fields, arrays and their elements).
fn paths(v: &Value, here: FieldPath, out: &mut Vec<FieldPath>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                paths(x, here.key(k), out);
            }
        }
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                paths(x, here.index(i), out);
            }
        }
        _ => {}
    }
    if !here.is_root() {
        out.push(here);
    }
}

fn slot<'v>(v: &'v mut Value, p: &FieldPath) -> &'v mut Value {
    p.segments().iter().fold(v, |v, s| match s {
        Segment::Key(k) => &mut v[k.as_str()],
        Segment::Index(i) => &mut v[*i],
    })
}

/// Wrong values for a value like `v`.
fn breakages(v: &Value) -> Vec<Value> {
    let fractions = [-1e9, -0.5, 0.5, 1.5, 2.5, 20.0, 1e12];
    let wholes = [0, 1, 13, 18, 300, 20_000, 10_000_000];
    match v {
        Value::Number(_) | Value::Null => fractions
            .iter()
            .map(|x| serde_json::json!(x))
            .chain(wholes.iter().map(|x| serde_json::json!(x)))
            .collect(),
        Value::String(_) => vec![
            Value::String(String::new()),
            Value::String("   ".into()),
            Value::String("x".repeat(5_000)),
        ],
        Value::Array(items) => {
            let first = items.first().cloned().unwrap_or(Value::Null);
            vec![
                Value::Array(vec![]),
                Value::Array(vec![first.clone(); 2]),
                Value::Array(vec![first.clone(); 13]),
                Value::Array(vec![first; 260]),
            ]
        }
        _ => vec![],
    }
}

#[test]
fn every_validation_error_names_a_catalogued_field() {
    let families = catalog::tests::every_family();
    let (mut refused, mut fields) = (0, BTreeSet::new());
    let exits = FieldPath::root().key("exits");
    for (n, family) in families.iter().enumerate() {
        let base = everything(family);
        assert_eq!(
            parse_json::<Scenario>(&base.to_string()).map(|s| s.validate()),
            Ok(Ok(()))
        );
        let mut all = vec![];
        paths(&base, FieldPath::root(), &mut all);
        // The other families change only the exits.
        for p in all.into_iter().filter(|p| n == 0 || p.starts_with(&exits)) {
            let current = slot(&mut base.clone(), &p).clone();
            for bad in breakages(&current) {
                let mut v = base.clone();
                *slot(&mut v, &p) = bad;
                let Ok(s) = parse_json::<Scenario>(&v.to_string()) else {
                    continue;
                };
                for e in s.validate().err().unwrap_or_default() {
                    refused += 1;
                    assert!(
                        catalog::lookup_path(&e.path).is_some(),
                        "{p} broken: the error at {} has no catalogue entry ({})",
                        e.path,
                        e.reason
                    );
                    assert!(!e.reason.is_empty());
                    fields.insert(e.path.catalog_key());
                }
            }
        }
    }
    // The run settings too.
    for (replications, horizon_months) in [(0, 0), (2_000_000, 121)] {
        let bad = RunSettings {
            seed: 1,
            replications,
            horizon_months,
            uncertainty: false,
        };
        for e in bad.validate().unwrap_err() {
            assert!(catalog::lookup_path(&e.path).is_some(), "{e}");
            fields.insert(e.path.catalog_key());
        }
    }
    // Many different fields were really reached, in every part of the scenario.
    assert!(refused > 1_000, "{refused} errors");
    assert!(fields.len() > 120, "{} fields: {fields:?}", fields.len());
    for f in [
        "name",
        "description",
        "demand.seasonality",
        "exits.adoption.points",
        "exits.return_home.sigma",
        "residential.homes.name",
        "residential.homes",
        "matching.rules.order",
        "levers.kind.weekly_cost",
        "levers.kind.homes",
        "costs.weekly.ifa",
        "horizon_months",
    ] {
        assert!(fields.contains(f), "{f} never refused: {fields:?}");
    }
}

#[test]
fn every_free_text_field_has_a_length_limit() {
    let long = |n: usize| "é".repeat(n);
    let mut s = default_scenario();
    s.name = long(limits::MAX_NAME_CHARS);
    s.description = long(limits::MAX_DESCRIPTION_CHARS);
    s.residential.homes[0].name = long(limits::MAX_HOME_NAME_CHARS);
    assert_eq!(s.validate(), Ok(()), "at the limits, counted in characters");
    s.name.push('x');
    s.description.push('x');
    s.residential.homes[0].name.push('x');
    let errors = s.validate().unwrap_err();
    let at = |f: &str| {
        errors
            .iter()
            .find(|e| e.field == f)
            .map(|e| e.reason.clone())
            .unwrap_or_default()
    };
    assert_eq!(at("name"), "must be at most 120 characters (it has 121)");
    assert_eq!(
        at("description"),
        "must be at most 2000 characters (it has 2001)"
    );
    assert_eq!(
        at("residential.homes[0].name"),
        "must be at most 120 characters (it has 121)"
    );
    // A description may be empty; a name may not.
    let mut s = default_scenario();
    s.description.clear();
    assert_eq!(s.validate(), Ok(()));
    s.name = " ".into();
    assert_eq!(s.validate().unwrap_err()[0].reason, "must not be empty");
}

#[test]
fn only_validation_makes_a_valid_scenario() {
    let good = default_scenario();
    let valid = good.clone().validated().expect("the default is valid");
    assert_eq!(valid.scenario(), &good);
    assert_eq!(valid.name, good.name, "reads as a scenario");
    let mut bad = good;
    bad.demand.groups_per_month = -1.0;
    let errors = ValidScenario::new(bad).unwrap_err();
    assert_eq!(errors[0].field, "demand.groups_per_month");
}

#[test]
fn limits_name_their_numbers() {
    assert_eq!(grouped(limits::MAX_REPLICATIONS), "1,000,000");
    assert_eq!(grouped(999), "999");
    assert_eq!(grouped(1_000), "1,000");
    let many = RunSettings {
        seed: 0,
        replications: limits::MAX_REPLICATIONS + 1,
        horizon_months: limits::MAX_HORIZON_MONTHS + 1,
        uncertainty: false,
    };
    let errors = many.validate().unwrap_err();
    assert_eq!(errors[0].reason, "must be at most 1,000,000");
    assert_eq!(
        errors[1].reason,
        "must be between 1 and 120 months (10 years), got 121"
    );
}

#[test]
fn listed_starting_children_are_checked() {
    use crate::scenario::StartChild;
    use crate::types::PlacementType;
    let child = StartChild {
        age_years: 9.5,
        entry_age_years: 7.0,
        months_in_care: 30.0,
        placement: PlacementType::Ifa,
        moves_last_12_months: 1,
        complex_needs: false,
    };
    let mut s = default_scenario();
    s.population.listed = vec![child.clone(); 3];
    s.population.children = 3;
    assert_eq!(s.validate(), Ok(()));
    // The count must agree with the list.
    s.population.children = 601;
    let e = s.validate().unwrap_err();
    assert_eq!(e[0].field, "population.children");
    assert!(e[0].reason.contains("3 listed"), "{}", e[0].reason);
    s.population.children = 3;
    // Each wrong field is named, with its index.
    type Breakage = (fn(&mut StartChild), &'static str);
    let cases: [Breakage; 6] = [
        (|c| c.age_years = 18.0, "population.listed[1].age_years"),
        (|c| c.age_years = f64::NAN, "population.listed[1].age_years"),
        (
            |c| c.entry_age_years = -1.0,
            "population.listed[1].entry_age_years",
        ),
        (
            |c| c.entry_age_years = 10.0,
            "population.listed[1].entry_age_years",
        ),
        (
            |c| c.months_in_care = 3.0,
            "population.listed[1].months_in_care",
        ),
        (
            |c| c.moves_last_12_months = limits::MAX_START_MOVES + 1,
            "population.listed[1].moves_last_12_months",
        ),
    ];
    for (break_it, field) in cases {
        let mut bad = s.clone();
        break_it(&mut bad.population.listed[1]);
        let e = bad.validate().unwrap_err();
        assert_eq!(e.len(), 1, "{field}: {e:?}");
        assert_eq!(e[0].field, field);
        assert!(catalog::lookup_path(&e[0].path).is_some(), "{field}");
    }
    // Within a month of agreeing is accepted (ages and months are rounded in returns).
    s.population.listed[0].months_in_care = 30.9;
    assert_eq!(s.validate(), Ok(()));
    // An old scenario file without the list still loads, and the list is not written when
    // empty.
    let json = serde_json::to_value(default_scenario()).unwrap();
    assert!(json["population"].get("listed").is_none());
}
