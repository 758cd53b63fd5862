//! What an edit of a scenario built on another does to what it holds of its own
//! (`engine::workspace::Variant`): an assumption edited becomes an override of that field
//! (up to its first list index, see `engine::workspace::value::override_path`), a lever
//! edit changes its own levers, and a reset takes the base's value back. The scenario's
//! full value is then resolved again from its base, so the base's later edits still flow
//! into every field it has not made its own. A scenario still called "Built on X" is named
//! from its levers once it has some.

use engine::workspace::value::{get, override_path};
use engine::workspace::{Override, Variant};
use engine::FieldPath;
use serde_json::Value;

use super::saved::same_value;

/// Take into `v` the edit at `path` that made `edited` (its full value as edited) out of
/// the value resolved over `base` (its base's full value).
pub fn absorb(v: &mut Variant, base: &Value, edited: &Value, path: &FieldPath) {
    let text = |key: &str| {
        edited
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    match path.segments().first() {
        Some(engine::path::Segment::Key(k)) if k == "name" => v.name = text("name"),
        Some(engine::path::Segment::Key(k)) if k == "description" => {
            v.description = text("description")
        }
        Some(engine::path::Segment::Key(k)) if k == "levers" => set_levers(v, base, edited),
        _ => {
            let Some(at) = override_path(edited, path) else {
                return;
            };
            let value = get(edited, &at).cloned().unwrap_or(Value::Null);
            set_override(v, &at, value);
        }
    }
}

/// Its levers from the full list as edited: the base's first, if they are still there
/// unchanged, then its own.
fn set_levers(v: &mut Variant, base: &Value, edited: &Value) {
    let list = |x: &Value| match x.get("levers") {
        Some(Value::Array(a)) => a.clone(),
        _ => vec![],
    };
    let (from_base, all) = (list(base), list(edited));
    if v.base_levers && all.starts_with(&from_base) {
        v.levers = all[from_base.len()..].to_vec();
    } else {
        v.base_levers = false;
        v.levers = all;
    }
}

/// The prefix of the name a scenario built on another is given ("Built on Baseline") until
/// it has levers of its own or is renamed.
pub const BUILT_ON: &str = "Built on ";

/// A scenario still carrying its given name ("Built on X") is named from its own levers
/// once it has some ("Recruitment boost (+50% enquiries) on X"), unique among `taken`;
/// `value` (its full value) gets the same name. A name the user chose is kept.
pub fn name_from_levers(v: &mut Variant, on: &str, taken: &[String], mut value: Value) -> Value {
    if !v.name.starts_with(BUILT_ON) {
        return value;
    }
    let levers: Vec<engine::Lever> = v
        .levers
        .iter()
        .filter_map(|l| serde_json::from_value(l.clone()).ok())
        .collect();
    if levers.is_empty() {
        return value;
    }
    let wanted = engine::workspace::words::scenario_name(None, &levers, Some(on));
    v.name = engine::workspace::words::unique_name(&wanted, taken.iter().map(String::as_str));
    if let Some(name) = value.get_mut("name") {
        *name = Value::String(v.name.clone());
    }
    value
}

/// Make `at` its own with `value` (an override already covering it is updated within).
pub fn set_override(v: &mut Variant, at: &FieldPath, value: Value) {
    if let Some(o) = v
        .overrides
        .iter_mut()
        .find(|o| at.starts_with(&o.path) && at != &o.path)
    {
        if let Some(rest) = at.strip_prefix(&o.path) {
            let _ = engine::workspace::value::set(&mut o.value, &rest, value);
        }
        return;
    }
    v.overrides.retain(|o| !o.path.starts_with(at));
    v.overrides.push(Override {
        path: at.clone(),
        value,
    });
}

/// Take the base's value of `at` back (every override at or below it).
pub fn use_base(v: &mut Variant, at: &FieldPath) -> bool {
    let before = v.overrides.len();
    v.overrides.retain(|o| !o.path.starts_with(at));
    v.overrides.len() != before
}

/// Reset the field at `path` to `default` (its value in the default borough): the base's
/// value when that is the default already, otherwise an override with the default.
pub fn reset(v: &mut Variant, base: &Value, current: &Value, path: &FieldPath, default: Value) {
    let mut edited = current.clone();
    if engine::workspace::value::set(&mut edited, path, default).is_err() {
        return;
    }
    let Some(at) = override_path(&edited, path) else {
        return;
    };
    match (get(base, &at), get(&edited, &at)) {
        (Some(b), Some(e)) if same_value(b, e) => {
            use_base(v, &at);
        }
        _ => absorb(v, base, &edited, path),
    }
}

/// `child` rebased onto the base of `removed` (which it was built on), holding what it
/// took from `removed` of its own, so that its full value stays the same.
pub fn rebase_onto_grandparent(child: &mut Variant, removed: &Variant) {
    let mut overrides = removed.overrides.clone();
    for o in child.overrides.drain(..) {
        overrides.retain(|x| !x.path.starts_with(&o.path));
        overrides.push(o);
    }
    child.overrides = overrides;
    if child.base_levers {
        let mut levers = removed.levers.clone();
        levers.append(&mut child.levers);
        child.levers = levers;
        child.base_levers = removed.base_levers;
    }
    child.base = removed.base;
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::workspace::{BaseRef, ScenarioSet};
    use serde_json::json;

    fn p(s: &str) -> FieldPath {
        FieldPath::parse(s).unwrap()
    }

    fn fresh(id: u32, base: BaseRef) -> Variant {
        Variant {
            id,
            name: format!("V{id}"),
            description: String::new(),
            base,
            compare_with: BaseRef::Baseline,
            levers: vec![],
            base_levers: true,
            overrides: vec![],
        }
    }

    #[test]
    fn edits_become_overrides_and_resets_take_the_base_back() {
        let base = serde_json::to_value(engine::defaults::default_scenario()).unwrap();
        let mut v = fresh(1, BaseRef::Baseline);
        let mut edited = base.clone();
        edited["demand"]["seasonality"][2] = json!(2.0);
        absorb(&mut v, &base, &edited, &p("demand.seasonality[2]"));
        assert_eq!(v.overrides[0].path, p("demand.seasonality"));
        assert_eq!(v.overrides[0].value, edited["demand"]["seasonality"]);
        edited["levers"] = json!([{"x": 1}]);
        absorb(&mut v, &base, &edited, &p("levers"));
        assert_eq!(v.levers, [json!({"x": 1})]);
        assert!(v.base_levers);
        // Reset to the default (which the base has): the override goes.
        let default = base["demand"]["seasonality"][2].clone();
        reset(&mut v, &base, &edited, &p("demand.seasonality[2]"), default);
        assert!(v.overrides.is_empty());
        // Reset where the base is not the default: the default becomes its own.
        let mut shocked = base.clone();
        shocked["demand"]["trend_per_year"] = json!(0.05);
        reset(
            &mut v,
            &shocked,
            &shocked,
            &p("demand.trend_per_year"),
            json!(0.0),
        );
        assert_eq!(v.overrides[0].value, json!(0.0));
        assert!(use_base(&mut v, &p("demand.trend_per_year")));
        assert!(!use_base(&mut v, &p("demand.trend_per_year")));
    }

    #[test]
    fn removing_a_base_keeps_its_children_as_they_were() {
        let base = serde_json::to_value(engine::defaults::default_scenario()).unwrap();
        let mut shock = fresh(1, BaseRef::Baseline);
        shock.overrides.push(Override {
            path: p("demand.groups_per_month"),
            value: json!(12.0),
        });
        shock.levers = vec![json!({"a": 1})];
        let mut child = fresh(2, BaseRef::Variant(1));
        child.overrides.push(Override {
            path: p("fostering.households"),
            value: json!(140),
        });
        let set = ScenarioSet {
            baseline: base.clone(),
            variants: vec![shock.clone(), child.clone()],
        };
        let before = set.resolve().unwrap()[2].clone();
        rebase_onto_grandparent(&mut child, &shock);
        let after = ScenarioSet {
            baseline: base,
            variants: vec![child],
        };
        assert_eq!(after.resolve().unwrap()[1], before);
    }
}
