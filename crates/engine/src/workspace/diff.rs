//! What differs between two scenarios, in words: each assumption whose value differs (its
//! catalogue label, its path, and both values) and the levers each pulls. Every comparison
//! lists these, so a reader sees what the paired difference is the effect of.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::catalog;
use crate::path::FieldPath;
use crate::scenario::Scenario;

/// One difference between a scenario and the one it is compared with.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Difference {
    /// The field (`demand.trend_per_year`), or `levers`.
    pub path: String,
    /// Its label in the catalogue ("Admissions trend a year"), or "Levers".
    pub label: String,
    /// The value in the scenario, in words.
    pub this: String,
    /// The value in the scenario it is compared with.
    pub other: String,
}

/// The differences of `this` from `other`: assumptions first (in the scenario's field
/// order), then the levers when they differ. Names and descriptions are not differences.
pub fn differences(this: &Scenario, other: &Scenario) -> Vec<Difference> {
    let (a, b) = (to_value(this), to_value(other));
    let mut out = vec![];
    if let (Value::Object(a), Value::Object(b)) = (&a, &b) {
        walk(a, b, &FieldPath::root(), &mut out);
    }
    if this.levers != other.levers {
        out.push(Difference {
            path: "levers".into(),
            label: "Levers".into(),
            this: super::words::levers_sentences(&this.levers),
            other: super::words::levers_sentences(&other.levers),
        });
    }
    out
}

fn to_value(s: &Scenario) -> Value {
    serde_json::to_value(s).unwrap_or(Value::Null)
}

fn walk(a: &Map<String, Value>, b: &Map<String, Value>, at: &FieldPath, out: &mut Vec<Difference>) {
    for (k, av) in a {
        if at.is_root() && ["name", "description", "levers"].contains(&k.as_str()) {
            continue;
        }
        let path = at.key(k);
        let bv = b.get(k).unwrap_or(&Value::Null);
        if av == bv {
            continue;
        }
        match (av, bv) {
            (Value::Object(am), Value::Object(bm)) if am.get("family").is_none() => {
                walk(am, bm, &path, out)
            }
            _ => {
                let unit = catalog::lookup_path(&path).map_or("", |p| p.unit);
                out.push(Difference {
                    label: label(&path),
                    path: path.to_string(),
                    this: super::words::value_in(unit, av),
                    other: super::words::value_in(unit, bv),
                })
            }
        }
    }
}

fn label(path: &FieldPath) -> String {
    catalog::lookup_path(path)
        .map(|p| p.label.to_string())
        .unwrap_or_else(|| path.to_string())
}

/// A value in words: numbers as written (up to 6 significant figures), lists in brackets,
/// groups of fields as `name value` pairs.
pub fn text(v: &Value) -> String {
    match v {
        Value::Null => "none".into(),
        Value::Bool(b) => if *b { "yes" } else { "no" }.into(),
        Value::Number(n) => number(n.as_f64().unwrap_or(0.0)),
        Value::String(s) => s.clone(),
        Value::Array(a) => format!("[{}]", a.iter().map(text).collect::<Vec<_>>().join(", ")),
        Value::Object(m) => m
            .iter()
            .map(|(k, v)| format!("{} {}", k.replace('_', " "), text(v)))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        return format!("{}", x as i64);
    }
    let digits = (6 - 1 - x.abs().log10().floor() as i32).clamp(0, 10) as usize;
    let s = format!("{x:.digits$}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}
