//! How this tab's work stands against what is saved in the browser, which every tab of
//! the app shares: the revision of the saved work this tab last read or wrote, and a
//! conflict when another tab saved newer work while this one had changes of its own.
//!
//! A tab never writes over newer work from another tab: autosave checks the revision
//! first (see `persist::save_checked`), and the `storage` event tells a tab as soon as
//! another one saves. A tab with nothing unsaved then follows the newer work; a tab with
//! changes of its own shows both and lets the user choose.

use serde_json::Value;

use crate::app::share::Workspace;

/// The same value, numbers compared as numbers (`2` and `2.0` are the same: JSON written
/// elsewhere may spell a whole number either way).
pub fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x == y || x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same_value(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| same_value(v, w)))
        }
        _ => a == b,
    }
}

/// The same scenarios and settings (which scenario is being edited aside): the same full
/// scenarios, and each built on the same base with the same assumptions of its own.
pub fn same_work(a: &Workspace, b: &Workspace) -> bool {
    let structure = |w: &Workspace| serde_json::to_value(&w.variants).unwrap_or(Value::Null);
    same_value(&structure(a), &structure(b))
        && same_value(&a.settings, &b.settings)
        && a.from_returns == b.from_returns
        && a.scenarios.len() == b.scenarios.len()
        && a.scenarios
            .iter()
            .zip(&b.scenarios)
            .all(|(x, y)| same_value(x, y))
}

/// The saved revision this tab's work is based on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SavedMark {
    /// The revision in the browser's storage when this tab last read or wrote it.
    pub revision: u64,
    /// The state's edit counter (`Work::rev`) at that moment; when it has moved on, the
    /// tab has changes not yet saved.
    pub at_rev: u64,
    /// The scenario being edited at that moment (saved too).
    pub active: usize,
}

/// Newer work saved by another tab while this one had changes of its own.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub theirs: Workspace,
    pub revision: u64,
}

/// How the user settles a conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Keep this tab's work (it is saved over the other tab's, which stays in the history).
    Mine,
    /// Take the other tab's work (this tab's goes to the history first).
    Theirs,
    /// The other tab's work with this tab's scenarios added after it.
    Both,
}

/// The other tab's scenarios followed by those of `mine` it does not already have, or
/// `Err(total)` when together they are more than `max`.
pub fn combine(mine: &Workspace, theirs: &Workspace, max: usize) -> Result<Workspace, usize> {
    let mut out = theirs.clone();
    if out.variants.len() + 1 != out.scenarios.len() {
        out = Workspace::of_scenarios(out.settings, out.scenarios, out.active);
    }
    for s in &mine.scenarios {
        if !out.scenarios.iter().any(|t| same_value(t, s)) {
            // Built on their baseline, holding where it differs: the same scenario.
            let id = out.set().next_id();
            out.variants.push(engine::workspace::migrate::variant_of(
                &out.scenarios[0],
                s,
                id,
            ));
            out.scenarios.push(s.clone());
        }
    }
    if out.scenarios.len() > max {
        return Err(out.scenarios.len());
    }
    out.active = theirs.active.min(out.scenarios.len() - 1);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn both_keeps_every_distinct_scenario_up_to_the_limit() {
        let mine = Workspace::default_borough();
        let mut theirs = Workspace::default_borough();
        theirs.scenarios[0]["name"] = json!("Theirs");
        let both = combine(&mine, &theirs, 8).unwrap();
        assert_eq!(both.scenarios.len(), 2);
        assert_eq!(both.scenarios[0]["name"], "Theirs");
        assert_eq!(both.scenarios[1], mine.scenarios[0]);
        // The same scenario is not added twice.
        assert_eq!(combine(&mine, &mine, 8).unwrap().scenarios.len(), 1);
        assert_eq!(combine(&mine, &theirs, 1), Err(2));
    }

    #[test]
    fn whole_numbers_are_the_same_however_spelled() {
        let a = Workspace::default_borough();
        let text = a.to_json().replace("30500000.0", "30500000");
        assert_ne!(text, a.to_json());
        let b = Workspace::from_json(&text).unwrap();
        assert_ne!(a, b, "serde_json tells 2 from 2.0");
        assert!(same_work(&a, &b));
        let mut c = b.clone();
        c.scenarios[0]["demand"]["groups_per_month"] = json!(10.3);
        assert!(!same_work(&a, &c));
        c.scenarios.push(json!({}));
        assert!(!same_work(&a, &c));
    }
}
