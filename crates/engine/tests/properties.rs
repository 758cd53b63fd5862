//! Property tests: random valid scenarios (the built-in borough perturbed: rates scaled,
//! probabilities anywhere in [0, 1] including the ends, distributions re-drawn, random
//! homes, market limits including zero, random strategy levers with random timing) must
//! validate, run with every invariant holding at every month end, and conserve children;
//! and no input text - random, or the built-in scenario's JSON mutated - may make parsing,
//! validation or (when valid) a short run panic.

#[path = "properties/arb.rs"]
mod arb;
mod common;

use engine::defaults::default_scenario;
use engine::scenario::Scenario;
use engine::validate::parse_json;
use proptest::prelude::*;
use serde_json::Value;

/// Cases per property: `PROPTEST_CASES` if set, else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Proptest's settings: `cases` per property, and failing cases saved to (and replayed
/// from) the committed `tests/proptest-regressions/properties.txt`.
fn config(default: u32) -> ProptestConfig {
    ProptestConfig {
        cases: cases(default),
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::Direct(
                "tests/proptest-regressions/properties.txt",
            ),
        )),
        ..ProptestConfig::default()
    }
}

fn check_random(s: Scenario, horizon: usize, seed: u64) -> Result<(), TestCaseError> {
    prop_assert_eq!(s.validate(), Ok(()));
    // The scenario survives a round trip through its JSON form (files, share links).
    let back: Scenario = parse_json(&serde_json::to_string(&s).unwrap()).unwrap();
    prop_assert_eq!(&back, &s);
    common::run_and_check(&s, horizon, seed, 0..2).map_err(TestCaseError::fail)
}

// Two properties of 12 cases each (24 in all) so that they run in parallel.
proptest! {
    #![proptest_config(config(12))]

    #[test]
    fn random_valid_scenarios_run_and_conserve(
        s in arb::scenario(0.1),
        horizon in 12usize..=36,
        seed in any::<u64>(),
    ) {
        check_random(s, horizon, seed)?;
    }

    #[test]
    fn random_strategies_run_and_conserve(
        s in arb::scenario(0.5),
        horizon in 24usize..=36,
        seed in any::<u64>(),
    ) {
        check_random(s, horizon, seed)?;
    }
}

/// Every path (object keys and array indices) in a JSON value.
fn paths(v: &Value, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(prefix.clone());
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                prefix.push(k.clone());
                paths(x, prefix, out);
                prefix.pop();
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                prefix.push(i.to_string());
                paths(x, prefix, out);
                prefix.pop();
            }
        }
        _ => {}
    }
}

fn at<'a>(v: &'a mut Value, path: &[String]) -> &'a mut Value {
    path.iter().fold(v, |v, k| match v {
        Value::Object(m) => m.get_mut(k).unwrap(),
        Value::Array(a) => &mut a[k.parse::<usize>().unwrap()],
        _ => unreachable!(),
    })
}

/// Replacement values: type confusions and numbers at and beyond every validation limit.
fn json_value() -> impl Strategy<Value = Value> {
    let edge = prop::sample::select(vec![
        0.0,
        -0.0,
        -1.0,
        0.5,
        1.0,
        1.0001,
        2.0,
        17.0,
        18.0,
        120.0,
        121.0,
        1e3,
        1e5,
        1e6,
        1e7,
        1e11,
        1e300,
        -1e300,
        4294967295.0,
        4294967296.0,
        1e-300,
        0.001,
    ]);
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        edge.prop_map(|x| serde_json::json!(x)),
        (-5i64..300).prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-1e6..1e6f64).prop_map(Value::from),
        "[a-z_]{0,12}".prop_map(Value::from),
        Just(serde_json::json!([])),
        Just(serde_json::json!({})),
        Just(serde_json::json!([0.5, 0.5])),
        Just(serde_json::json!({"family": "gamma", "mean_months": 1e-9, "shape": 1e-9})),
        Just(serde_json::json!({"family": "empirical", "points": [[0, 0], [0, 1]]})),
    ]
}

/// Sizes a 12-month run handles in well under a second in the dev profile (validation
/// allows far more: see the report on absurd sizes).
fn small(s: &Scenario) -> bool {
    s.population.children <= 5_000
        && s.fostering.households <= 5_000
        && s.demand.groups_per_month * s.demand.seasonality.iter().fold(1.0f64, |a, b| a.max(*b))
            <= 500.0
        && s.fostering.funnel.enquiries_per_month <= 1_000.0
}

/// Parse, validate and, when valid (and small), run one short checked replication: nothing may panic,
/// and a scenario that validates must run with its invariants holding.
fn exercise(text: &str) -> Result<(), TestCaseError> {
    let _ = parse_json::<engine::runner::Job>(text);
    if let Ok(s) = parse_json::<Scenario>(text) {
        if s.validate().is_ok() && small(&s) {
            if let Err(e) = common::run_and_check(&s, 12, 1, 0..1) {
                return Err(TestCaseError::fail(format!(
                    "a valid scenario fails: {e}\n{text}"
                )));
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        exercise(&text)?;
    }

    #[test]
    fn mutated_scenario_text_never_panics(cuts in prop::collection::vec((any::<prop::sample::Index>(), 0usize..20, "\\PC{0,4}"), 1..4)) {
        let mut text = serde_json::to_string_pretty(&default_scenario()).unwrap();
        for (at, len, insert) in cuts {
            let mut i = at.index(text.len());
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            let mut j = (i + len).min(text.len());
            while !text.is_char_boundary(j) {
                j -= 1;
            }
            text.replace_range(i..j, &insert);
        }
        exercise(&text)?;
    }
}

/// One edit of the scenario's JSON: most often a number scaled or set to a limit, else any
/// node replaced by a value of any type.
#[derive(Clone, Debug)]
enum Edit {
    Scale(prop::sample::Index, f64),
    Set(prop::sample::Index, f64),
    Replace(prop::sample::Index, Value),
}

fn edit() -> impl Strategy<Value = Edit> {
    let edge = prop::sample::select(vec![
        0.0,
        -1.0,
        0.5,
        1.0,
        1.0001,
        2.0,
        12.0,
        17.0,
        18.0,
        50.0,
        120.0,
        121.0,
        1e5,
        1e6,
        1e7,
        4294967295.0,
        1e300,
    ]);
    prop_oneof![
        4 => (any::<prop::sample::Index>(), -2.0..2.0f64).prop_map(|(i, e)| Edit::Scale(i, 10f64.powf(e))),
        2 => (any::<prop::sample::Index>(), edge).prop_map(|(i, v)| Edit::Set(i, v)),
        1 => (any::<prop::sample::Index>(), json_value()).prop_map(|(i, v)| Edit::Replace(i, v)),
    ]
}

fn apply(v: &mut Value, e: Edit) {
    let mut all = vec![];
    paths(v, &mut vec![], &mut all);
    let numbers: Vec<&Vec<String>> = all.iter().filter(|p| at_ref(v, p).is_number()).collect();
    // An earlier edit may have replaced the whole scenario with a value holding no number
    // (or nothing at all): nothing left to scale or set.
    if numbers.is_empty() && !matches!(e, Edit::Replace(..)) {
        return;
    }
    match e {
        Edit::Scale(i, k) => {
            let p = numbers[i.index(numbers.len())].clone();
            let x = at(v, &p);
            let scaled = x.as_f64().unwrap() * k;
            // Whole numbers stay whole so that counts and ages still parse as integers.
            *x = if x.is_f64() {
                serde_json::json!(scaled)
            } else {
                serde_json::json!(scaled.round() as i64)
            };
        }
        Edit::Set(i, n) => {
            let p = numbers[i.index(numbers.len())].clone();
            let x = at(v, &p);
            *x = if x.is_f64() || n.fract() != 0.0 || n.abs() > 1e18 {
                serde_json::json!(n)
            } else {
                serde_json::json!(n as i64)
            };
        }
        Edit::Replace(i, new) => {
            let p = all[i.index(all.len())].clone();
            *at(v, &p) = new;
        }
    }
}

fn at_ref<'a>(v: &'a Value, path: &[String]) -> &'a Value {
    path.iter().fold(v, |v, k| match v {
        Value::Object(m) => &m[k],
        Value::Array(a) => &a[k.parse::<usize>().unwrap()],
        _ => unreachable!(),
    })
}

proptest! {
    #![proptest_config(config(32))]

    #[test]
    fn mutated_scenario_values_never_panic(edits in prop::collection::vec(edit(), 1..4)) {
        let mut v = serde_json::to_value(default_scenario()).unwrap();
        for e in edits {
            apply(&mut v, e);
        }
        let text = serde_json::to_string(&v).unwrap();
        exercise(&text)?;
        // Validation reports every problem with a field path and a reason.
        if let Ok(s) = parse_json::<Scenario>(&text) {
            if let Err(errors) = s.validate() {
                prop_assert!(!errors.is_empty());
                for e in errors {
                    prop_assert!(!e.field.is_empty() && !e.reason.is_empty(), "{:?}", e);
                }
            }
        }
    }
}
