//! Older saved work, files and share links held a list of full scenarios, the first the
//! baseline (each strategy a copy of the baseline made when it was added). Each becomes a
//! variant built on the baseline whose overrides are the fields where it differs from the
//! baseline and whose levers are its own, so that it resolves to exactly the value it was
//! and gives the same numbers.

use serde_json::{Map, Value};

use super::{Override, ScenarioSet, Variant};
use crate::path::FieldPath;

/// The set whose resolved scenarios are exactly `scenarios` (the first is the baseline).
pub fn from_scenarios(scenarios: &[Value]) -> ScenarioSet {
    let baseline = scenarios.first().cloned().unwrap_or(Value::Null);
    let variants = scenarios
        .iter()
        .skip(1)
        .enumerate()
        .map(|(i, s)| variant_of(&baseline, s, i as u32 + 1))
        .collect();
    ScenarioSet { baseline, variants }
}

fn text(v: &Value, key: &str) -> String {
    v.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

fn levers(v: &Value) -> Vec<Value> {
    match v.get("levers") {
        Some(Value::Array(a)) => a.clone(),
        _ => vec![],
    }
}

/// Scenario `s` as a variant of `baseline`.
pub fn variant_of(baseline: &Value, s: &Value, id: u32) -> Variant {
    let base_levers = levers(baseline);
    let own = levers(s);
    let (keeps_base, levers) = if own.starts_with(&base_levers) {
        (true, own[base_levers.len()..].to_vec())
    } else {
        (false, own)
    };
    let mut overrides = vec![];
    if let (Value::Object(b), Value::Object(o)) = (baseline, s) {
        differing(b, o, &FieldPath::root(), &mut overrides, true);
    }
    Variant {
        id,
        name: text(s, "name"),
        description: text(s, "description"),
        base: super::BaseRef::Baseline,
        compare_with: super::BaseRef::Baseline,
        levers,
        base_levers: keeps_base,
        overrides,
    }
}

/// Every field of `o` that differs from `b`: objects compared field by field, lists and
/// other values whole. The top level's own fields (name, description, levers) are skipped.
fn differing(
    b: &Map<String, Value>,
    o: &Map<String, Value>,
    at: &FieldPath,
    out: &mut Vec<Override>,
    top: bool,
) {
    for (k, ov) in o {
        if top && super::value::OWN_FIELDS.contains(&k.as_str()) {
            continue;
        }
        let path = at.key(k);
        match (b.get(k), ov) {
            (Some(bv), _) if bv == ov => {}
            (Some(Value::Object(bm)), Value::Object(om))
                if bm.get("family").is_none() && om.get("family").is_none() =>
            {
                differing(bm, om, &path, out, false)
            }
            _ => out.push(Override {
                path,
                value: ov.clone(),
            }),
        }
    }
}
