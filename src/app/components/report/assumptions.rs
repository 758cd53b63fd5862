//! Which assumptions a scenario changes from the built-in default, each with its catalogue
//! label, unit and the source of the default, and each lever's settings in words. Pure.

use engine::catalog;
use engine::Scenario;
use serde_json::Value;

/// Fields that are not assumptions (the name and description) or are the strategy (its
/// levers, reported on their own).
const NOT_ASSUMPTIONS: [&str; 3] = ["name", "description", "levers"];

/// One assumption whose value differs from the default.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// The field path with indices (`residential.homes[0].beds`).
    pub path: String,
    /// The catalogue's label (and the element's, for an element of a list).
    pub label: String,
    pub unit: String,
    /// The value in the scenario, and by default, in words ("none" when absent).
    pub value: String,
    pub default: String,
    /// Where the default comes from (the catalogue's source).
    pub source: String,
}

/// Every assumption of `scenario` that differs from `default`, in the order of the fields.
pub fn changes(scenario: &Scenario, default: &Scenario) -> Vec<Change> {
    let (Ok(Value::Object(a)), Ok(Value::Object(b))) = (
        serde_json::to_value(scenario),
        serde_json::to_value(default),
    ) else {
        return vec![];
    };
    let mut out = Vec::new();
    for (k, v) in &a {
        if !NOT_ASSUMPTIONS.contains(&k.as_str()) {
            walk(Some(v), b.get(k), k.clone(), &mut out);
        }
    }
    out
}

fn walk(a: Option<&Value>, b: Option<&Value>, path: String, out: &mut Vec<Change>) {
    if let (Some(x), Some(y)) = (a, b) {
        if crate::app::edit::same(x, y) {
            return;
        }
    }
    match (a, b) {
        // A distribution of another family is one change, not one per parameter.
        (Some(Value::Object(x)), Some(Value::Object(y))) if x.get("family") == y.get("family") => {
            for (k, v) in x {
                walk(Some(v), y.get(k), format!("{path}.{k}"), out);
            }
            for (k, v) in y.iter().filter(|(k, _)| !x.contains_key(*k)) {
                walk(None, Some(v), format!("{path}.{k}"), out);
            }
        }
        (Some(Value::Array(x)), Some(Value::Array(y)))
            if x.len() == y.len() && x.iter().all(Value::is_object) =>
        {
            for (i, (v, w)) in x.iter().zip(y).enumerate() {
                walk(Some(v), Some(w), format!("{path}[{i}]"), out);
            }
        }
        _ => out.push(change(&path, a, b)),
    }
}

fn change(path: &str, a: Option<&Value>, b: Option<&Value>) -> Change {
    let p = catalog::lookup(path);
    let mut label = p
        .map(|p| p.label.to_string())
        .unwrap_or_else(|| path.to_string());
    if let Some(item) = element_name(path) {
        label = format!("{label} ({item})");
    }
    let words = |v: Option<&Value>| v.map(value_text).unwrap_or_else(|| "none".into());
    Change {
        path: path.to_string(),
        label,
        unit: p.map(|p| p.unit.to_string()).unwrap_or_default(),
        value: words(a),
        default: words(b),
        source: p.map(|p| p.source.to_string()).unwrap_or_default(),
    }
}

/// "item 2" for a path into a list (`residential.homes[1].beds`).
fn element_name(path: &str) -> Option<String> {
    let open = path.rfind('[')?;
    let close = path[open..].find(']')? + open;
    let i: usize = path[open + 1..close].parse().ok()?;
    Some(format!("item {}", i + 1))
}

/// A number as people write it: whole numbers grouped ("1,642"), others as short as they
/// can be without losing a digit.
pub fn number_text(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        crate::format::count(v)
    } else {
        format!("{v}")
    }
}

/// A JSON value in words: numbers, lists joined by commas, objects as "key value" pairs.
pub fn value_text(v: &Value) -> String {
    match v {
        Value::Null => "none".into(),
        Value::Bool(b) => if *b { "yes" } else { "no" }.into(),
        Value::Number(n) => n.as_f64().map(number_text).unwrap_or_else(|| n.to_string()),
        Value::String(s) => s.replace('_', " "),
        Value::Array(items) if items.iter().all(Value::is_object) && !items.is_empty() => {
            format!("{} entries", items.len())
        }
        Value::Array(items) if items.iter().any(Value::is_array) => items
            .iter()
            .map(|i| format!("[{}]", value_text(i)))
            .collect::<Vec<_>>()
            .join("; "),
        Value::Array(items) => items.iter().map(value_text).collect::<Vec<_>>().join(", "),
        Value::Object(m) => m
            .iter()
            .map(|(k, v)| format!("{} {}", k.replace('_', " "), value_text(v)))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// A lever's settings in words, each named by its catalogue label: "Enquiries multiplied
/// by: 1.5; …". New homes are listed by name, beds, opening month and weekly running cost.
pub fn lever_settings(kind: &engine::scenario::LeverKind) -> String {
    let Ok(Value::Object(m)) = serde_json::to_value(kind) else {
        return String::new();
    };
    m.iter()
        .filter(|(k, _)| k.as_str() != "type")
        .map(|(k, v)| {
            if k == "homes" {
                return homes_text(v);
            }
            let p = catalog::lookup(&format!("levers.kind.{k}"));
            let label = p
                .map(|p| p.label.to_string())
                .unwrap_or_else(|| k.replace('_', " "));
            let unit = p
                .map(|p| format!(" ({})", p.unit))
                .filter(|u| u != " ()")
                .unwrap_or_default();
            format!("{label}: {}{unit}", value_text(v))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn homes_text(v: &Value) -> String {
    let Value::Array(homes) = v else {
        return value_text(v);
    };
    homes
        .iter()
        .map(|h| {
            let field = |k: &str| h.get(k).map(value_text).unwrap_or_default();
            let weekly = h
                .get("weekly_cost")
                .and_then(Value::as_f64)
                .map(|w| format!(", {} a week", crate::format::pounds(w)))
                .unwrap_or_default();
            format!(
                "{} ({} beds, {} usable, from month {}{weekly})",
                field("name"),
                field("beds"),
                field("usable_beds"),
                field("open_month")
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}
