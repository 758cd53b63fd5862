//! A scenario's JSON read and written at a [`FieldPath`], a variant resolved over its
//! base's value, and the field an edit becomes an override of.

use serde_json::Value;

use super::{SetError, Variant};
use crate::path::{FieldPath, Segment};

/// The value at `p`, if there is one.
pub fn get<'a>(v: &'a Value, p: &FieldPath) -> Option<&'a Value> {
    let mut cur = v;
    for s in p.segments() {
        cur = match (s, cur) {
            (Segment::Key(k), Value::Object(m)) => m.get(k)?,
            (Segment::Index(i), Value::Array(a)) => a.get(*i)?,
            _ => return None,
        };
    }
    Some(cur)
}

/// Set the value at `p`: its parent must exist; a missing key of an object is added.
pub fn set(v: &mut Value, p: &FieldPath, new: Value) -> Result<(), String> {
    let Some((parent, last)) = p.parent() else {
        *v = new;
        return Ok(());
    };
    let mut cur = v;
    for s in parent.segments() {
        cur = match (s, cur) {
            (Segment::Key(k), Value::Object(m)) => m
                .get_mut(k)
                .ok_or_else(|| format!("there is no field {parent}"))?,
            (Segment::Index(i), Value::Array(a)) => a
                .get_mut(*i)
                .ok_or_else(|| format!("there is no element {parent}"))?,
            _ => return Err(format!("{parent} is not a group of fields")),
        };
    }
    match (last, cur) {
        (Segment::Key(k), Value::Object(m)) => {
            m.insert(k.clone(), new);
            Ok(())
        }
        (Segment::Index(i), Value::Array(a)) if *i < a.len() => {
            a[*i] = new;
            Ok(())
        }
        _ => Err(format!("{p} is not a field of the base")),
    }
}

/// Top-level fields that are a variant's own, never overrides.
pub const OWN_FIELDS: [&str; 3] = ["name", "description", "levers"];

/// The field an edit at `p` of scenario `v` makes the variant's own: the path up to its
/// first list index (a list is overridden whole, so a base with another number of homes or
/// rules cannot misplace it), and no deeper than a duration distribution (whose fields
/// depend on its family). `None` for the variant's own fields (name, description, levers).
pub fn override_path(v: &Value, p: &FieldPath) -> Option<FieldPath> {
    let first = match p.segments().first() {
        Some(Segment::Key(k)) => k.as_str(),
        _ => return None,
    };
    if OWN_FIELDS.contains(&first) {
        return None;
    }
    let mut out = FieldPath::root();
    for s in p.segments() {
        match s {
            Segment::Index(_) => break,
            Segment::Key(k) => {
                out = out.key(k);
                if get(v, &out).is_some_and(|x| x.get("family").is_some()) {
                    break;
                }
            }
        }
    }
    Some(out)
}

/// Variant `v` over its base's resolved value.
pub fn resolve_variant(base: &Value, v: &Variant) -> Result<Value, SetError> {
    let mut out = base.clone();
    let fail = |path: &str, reason: String| SetError::Override {
        variant: v.name.clone(),
        path: path.to_string(),
        reason,
    };
    if !out.is_object() {
        return Err(fail("", "its base is not a scenario".into()));
    }
    let root = FieldPath::root();
    let mut levers = if v.base_levers {
        match get(base, &root.key("levers")) {
            Some(Value::Array(a)) => a.clone(),
            _ => vec![],
        }
    } else {
        vec![]
    };
    levers.extend(v.levers.iter().cloned());
    for (key, value) in [
        ("name", Value::String(v.name.clone())),
        ("description", Value::String(v.description.clone())),
        ("levers", Value::Array(levers)),
    ] {
        set(&mut out, &root.key(key), value).map_err(|e| fail(key, e))?;
    }
    for o in &v.overrides {
        let own = matches!(o.path.segments().first(),
            Some(Segment::Key(k)) if OWN_FIELDS.contains(&k.as_str()));
        if own || o.path.is_root() {
            return Err(fail(
                &o.path.to_string(),
                "only assumptions can be overridden; name, description and levers are the \
                 scenario's own"
                    .into(),
            ));
        }
        set(&mut out, &o.path, o.value.clone()).map_err(|e| fail(&o.path.to_string(), e))?;
    }
    Ok(out)
}
