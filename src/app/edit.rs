//! Editing a scenario as a `serde_json::Value`: paths (`demand.entry_age[2]`), reading and
//! writing at a path, number parsing from form text, comparison with the default, and
//! checking a value against the engine (parse + validate), whose field errors name the
//! field and say why in words.
//!
//! The edited value may hold what the user typed even when it is not valid (a string where
//! a number belongs): the engine's parser then names that field, and nothing is lost.

use engine::ValidScenario;
use std::fmt;

use engine::validate::{parse_json, FieldError};
use engine::{RunSettings, Scenario};
use serde_json::{Map, Number, Value};

pub use engine::path::Segment as Seg;
use engine::FieldPath;

/// A field path of the edited value: the engine's [`FieldPath`] (which reads and prints
/// `demand.entry_age[2]`), with what the forms need on top.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Path(pub FieldPath);

impl Path {
    pub fn root() -> Path {
        Path(FieldPath::root())
    }

    /// Read `a.b[2][0].c`; `None` if the text is not a path.
    pub fn parse(text: &str) -> Option<Path> {
        FieldPath::parse(text).map(Path)
    }

    pub fn key(&self, k: &str) -> Path {
        Path(self.0.key(k))
    }

    pub fn index(&self, i: usize) -> Path {
        Path(self.0.index(i))
    }

    pub fn parent(&self) -> Option<(Path, &Seg)> {
        self.0.parent().map(|(p, last)| (Path(p), last))
    }

    /// The catalogue key: keys only, indices removed (`levers.kind.homes.beds`).
    pub fn catalog_key(&self) -> String {
        self.0.catalog_key()
    }

    pub fn starts_with(&self, other: &Path) -> bool {
        self.0.starts_with(&other.0)
    }

    /// A string usable in an HTML id: `demand-entry_age-2`.
    pub fn dom_id(&self) -> String {
        self.0
            .segments()
            .iter()
            .map(|s| match s {
                Seg::Key(k) => k.clone(),
                Seg::Index(i) => i.to_string(),
            })
            .collect::<Vec<_>>()
            .join("-")
            .replace('.', "-")
    }
}

impl From<FieldPath> for Path {
    fn from(p: FieldPath) -> Path {
        Path(p)
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditError(pub String);

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

pub fn get<'a>(v: &'a Value, p: &Path) -> Option<&'a Value> {
    let mut cur = v;
    for s in p.0.segments() {
        cur = match (s, cur) {
            (Seg::Key(k), Value::Object(m)) => m.get(k)?,
            (Seg::Index(i), Value::Array(a)) => a.get(*i)?,
            _ => return None,
        };
    }
    Some(cur)
}

pub fn get_mut<'a>(v: &'a mut Value, p: &Path) -> Option<&'a mut Value> {
    let mut cur = v;
    for s in p.0.segments() {
        cur = match (s, cur) {
            (Seg::Key(k), Value::Object(m)) => m.get_mut(k)?,
            (Seg::Index(i), Value::Array(a)) => a.get_mut(*i)?,
            _ => return None,
        };
    }
    Some(cur)
}

/// Set the value at `p`. The parent must exist; a missing key of an object is added.
pub fn set(v: &mut Value, p: &Path, new: Value) -> Result<(), EditError> {
    let Some((parent, last)) = p.parent() else {
        *v = new;
        return Ok(());
    };
    let target = get_mut(v, &parent).ok_or_else(|| EditError(format!("no field {parent}")))?;
    match (last, target) {
        (Seg::Key(k), Value::Object(m)) => {
            m.insert(k.clone(), new);
            Ok(())
        }
        (Seg::Index(i), Value::Array(a)) => match a.get_mut(*i) {
            Some(slot) => {
                *slot = new;
                Ok(())
            }
            None => Err(EditError(format!("no element {p}"))),
        },
        _ => Err(EditError(format!("cannot set {p}"))),
    }
}

/// Remove element `index` of the array at `p`.
pub fn remove_at(v: &mut Value, p: &Path, index: usize) -> Result<Value, EditError> {
    match get_mut(v, p) {
        Some(Value::Array(a)) if index < a.len() => Ok(a.remove(index)),
        _ => Err(EditError(format!("no element {}", p.index(index)))),
    }
}

/// Append to the array at `p`.
pub fn push(v: &mut Value, p: &Path, new: Value) -> Result<(), EditError> {
    match get_mut(v, p) {
        Some(Value::Array(a)) => {
            a.push(new);
            Ok(())
        }
        _ => Err(EditError(format!("{p} is not a list"))),
    }
}

/// What a number box's text becomes: a JSON number when it reads as one (whole numbers
/// stay whole, `1,000` and `1 000` are accepted as thousands), otherwise the text itself,
/// so the engine's parser names the field and the user's input is kept. A comma or space
/// that does not separate thousands (`0,2`, a decimal comma, or `1,00`) is not a number
/// here: taking it out would read `0,2` as 2.
pub fn parse_number(text: &str) -> Value {
    let Some(cleaned) = without_separators(text.trim()) else {
        return Value::String(text.trim().to_string());
    };
    if cleaned.is_empty() {
        return Value::String(String::new());
    }
    if let Ok(i) = cleaned.parse::<i64>() {
        return Value::Number(i.into());
    }
    if let Ok(u) = cleaned.parse::<u64>() {
        return Value::Number(u.into());
    }
    match cleaned.parse::<f64>().ok().and_then(Number::from_f64) {
        // A whole number written with an exponent (`1e9`) is whole: the engine then says
        // what is wrong with it (too large, say), not that it is not whole.
        Some(n)
            if cleaned.contains(['e', 'E'])
                && n.as_f64()
                    .is_some_and(|f| f.fract() == 0.0 && f.abs() < 9.0e15) =>
        {
            Value::Number((n.as_f64().unwrap_or(0.0) as i64).into())
        }
        Some(n) => Value::Number(n),
        None => Value::String(text.trim().to_string()),
    }
}

/// `text` without its pound sign, underscores and thousands separators (commas or spaces
/// between groups of three digits in the whole part), or `None` if a comma or space
/// stands anywhere else.
pub fn without_separators(text: &str) -> Option<String> {
    let text: String = text.chars().filter(|c| !matches!(c, '_' | '£')).collect();
    let text = text.trim();
    let end = text.find(['.', 'e', 'E']).unwrap_or(text.len());
    let (whole, rest) = text.split_at(end);
    if rest.contains([',', ' ']) {
        return None;
    }
    let groups: Vec<&str> = whole.split([',', ' ']).collect();
    if groups.len() > 1 {
        let first = groups[0].trim_start_matches(['-', '+']);
        let digits = |g: &str| g.chars().all(|c| c.is_ascii_digit());
        let ok = (1..=3).contains(&first.len())
            && digits(first)
            && groups[1..].iter().all(|g| g.len() == 3 && digits(g));
        if !ok {
            return None;
        }
    }
    Some(groups.concat() + rest)
}

/// The text a number box shows for a value.
pub fn number_text(v: Option<&Value>) -> String {
    match v {
        Some(Value::Number(n)) => {
            if let Some(i) = n.as_i64() {
                i.to_string()
            } else if let Some(u) = n.as_u64() {
                u.to_string()
            } else {
                let f = n.as_f64().unwrap_or(0.0);
                // Shortest text that reads back as the same number.
                format!("{f}")
            }
        }
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

/// Equality that treats `1` and `1.0` as the same number.
pub fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_f64(), y.as_f64()) {
            (Some(x), Some(y)) => x == y,
            _ => x == y,
        },
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, a)| y.get(k).is_some_and(|b| same(a, b)))
        }
        _ => a == b,
    }
}

/// Whether the value at `p` differs from the default's (absent in the default counts as
/// different).
pub fn differs(value: &Value, default: &Value, p: &Path) -> bool {
    match (get(value, p), get(default, p)) {
        (Some(a), Some(b)) => !same(a, b),
        (None, None) => false,
        _ => true,
    }
}

/// The reason of a field error, as the user sees it. The engine's reasons are already
/// written for people (`engine::json::parse_json` explains a JSON failure from its
/// structure: what was found, what the field asks for), so this returns it as it is;
/// nothing here reads an error's wording.
pub fn friendly_reason(reason: &str) -> String {
    reason.to_string()
}

fn parse_value<T: serde::de::DeserializeOwned>(v: &Value) -> Result<T, Vec<FieldError>> {
    let text = serde_json::to_string(v).map_err(|e| vec![FieldError::from_serde(e)])?;
    parse_json::<T>(&text).map_err(|e| vec![e])
}

/// Parse and validate a scenario value: the scenario, or every problem with its field.
/// This is the one place an edited scenario is validated on the page's thread: the job
/// built from it is checked only for what the scenarios do together
/// (`Job::check_together`) and compiled without validating again (`PreparedJob::compile`).
pub fn check_scenario(v: &Value) -> Result<ValidScenario, Vec<FieldError>> {
    let s: Scenario = parse_value(v)?;
    ValidScenario::new(s)
}

/// Parse and validate run settings.
pub fn check_settings(v: &Value) -> Result<RunSettings, Vec<FieldError>> {
    let s: RunSettings = parse_value(v)?;
    s.validate()?;
    Ok(s)
}

/// Errors whose field is `p` exactly.
pub fn errors_at<'a>(
    errors: &'a [FieldError],
    p: &Path,
) -> impl Iterator<Item = &'a FieldError> + use<'a> {
    let p = p.0.clone();
    errors.iter().filter(move |e| e.path == p)
}

/// Errors at `p` or anywhere below it.
pub fn errors_under<'a>(
    errors: &'a [FieldError],
    p: &Path,
) -> impl Iterator<Item = &'a FieldError> + use<'a> {
    let p = p.0.clone();
    errors.iter().filter(move |e| e.path.starts_with(&p))
}

/// A fresh duration distribution of another family, keeping the current average.
pub fn switch_family(current: &Value, family: &str) -> Value {
    let num = |k: &str| current.get(k).and_then(Value::as_f64);
    let months = num("mean_months")
        .or_else(|| num("median_months"))
        .unwrap_or(12.0);
    let mut m = Map::new();
    m.insert("family".into(), Value::String(family.to_string()));
    let n = |f: f64| Value::Number(Number::from_f64(f).unwrap_or_else(|| 0.into()));
    match family {
        "exponential" => {
            m.insert("mean_months".into(), n(months));
        }
        "gamma" => {
            m.insert("mean_months".into(), n(months));
            m.insert("shape".into(), n(num("shape").unwrap_or(2.0)));
        }
        "lognormal" => {
            m.insert("median_months".into(), n(months));
            m.insert("sigma".into(), n(num("sigma").unwrap_or(0.5)));
        }
        _ => {
            m.insert("family".into(), Value::String("empirical".into()));
            let pts = vec![
                Value::Array(vec![n(months / 2.0), n(0.3)]),
                Value::Array(vec![n(months), n(0.6)]),
                Value::Array(vec![n(months * 3.0), n(1.0)]),
            ];
            m.insert("points".into(), Value::Array(pts));
        }
    }
    Value::Object(m)
}

pub const FAMILIES: [(&str, &str); 4] = [
    ("exponential", "Exponential (mean)"),
    ("gamma", "Gamma (mean and shape)"),
    ("lognormal", "Lognormal (median and spread)"),
    ("empirical", "Empirical (table of points)"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths_parse_and_print() {
        for text in [
            "demand.entry_age[2]",
            "exits.route_by_entry_age[1][3]",
            "levers[0].kind.homes[2].beds",
            "name",
        ] {
            let p = Path::parse(text).unwrap();
            assert_eq!(p.to_string(), text);
        }
        assert_eq!(
            Path::parse("levers[0].kind.homes[2].beds")
                .unwrap()
                .catalog_key(),
            "levers.kind.homes.beds"
        );
        assert_eq!(Path::parse("a[x]"), None);
        assert_eq!(Path::parse("a..b"), None);
        assert_eq!(Path::parse("a[1"), None);
        assert_eq!(Path::parse("").unwrap(), Path::root());
        assert_eq!(
            Path::parse("demand.entry_age[2]").unwrap().dom_id(),
            "demand-entry_age-2"
        );
    }

    #[test]
    fn get_set_remove_push() {
        let mut v = json!({"a": {"b": [1, 2, [3, 4]]}, "c": null});
        let p = Path::parse("a.b[2][1]").unwrap();
        assert_eq!(get(&v, &p), Some(&json!(4)));
        set(&mut v, &p, json!(9)).unwrap();
        assert_eq!(v["a"]["b"][2][1], 9);
        assert!(set(&mut v, &Path::parse("a.b[7]").unwrap(), json!(1)).is_err());
        assert!(set(&mut v, &Path::parse("x.y").unwrap(), json!(1)).is_err());
        set(&mut v, &Path::parse("a.new").unwrap(), json!(true)).unwrap();
        assert_eq!(v["a"]["new"], true);
        assert_eq!(
            remove_at(&mut v, &Path::parse("a.b").unwrap(), 0).unwrap(),
            json!(1)
        );
        assert!(remove_at(&mut v, &Path::parse("a.b").unwrap(), 5).is_err());
        push(&mut v, &Path::parse("a.b").unwrap(), json!(5)).unwrap();
        assert_eq!(v["a"]["b"], json!([2, [3, 9], 5]));
        assert!(push(&mut v, &Path::parse("c").unwrap(), json!(5)).is_err());
    }

    #[test]
    fn numbers_from_text() {
        assert_eq!(parse_number("12"), json!(12));
        assert_eq!(parse_number(" 0.25 "), json!(0.25));
        assert_eq!(parse_number("1,000"), json!(1000));
        assert_eq!(parse_number("£27,500,000"), json!(27_500_000));
        assert_eq!(parse_number("18446744073709551615"), json!(u64::MAX));
        assert_eq!(parse_number("abc"), json!("abc"));
        assert_eq!(parse_number("1 000 000"), json!(1_000_000));
        assert_eq!(parse_number("£ 27,500.50"), json!(27_500.5));
        assert_eq!(parse_number("-1,250"), json!(-1250));
        assert_eq!(parse_number("1e9"), json!(1_000_000_000));
        assert_eq!(parse_number("2.0"), json!(2.0));
        // A decimal comma or a misplaced separator is not read as a whole number.
        assert_eq!(parse_number("0,2"), json!("0,2"));
        assert_eq!(parse_number("1,00"), json!("1,00"));
        assert_eq!(parse_number("1,0000"), json!("1,0000"));
        assert_eq!(parse_number("0.2,5"), json!("0.2,5"));
        assert_eq!(parse_number(""), json!(""));
        assert_eq!(parse_number("NaN"), json!("NaN"));
        assert_eq!(parse_number("inf"), json!("inf"));
        assert_eq!(number_text(Some(&json!(0.1))), "0.1");
        assert_eq!(number_text(Some(&json!(27_500_000.0))), "27500000");
        assert_eq!(number_text(Some(&json!(u64::MAX))), "18446744073709551615");
        assert_eq!(number_text(Some(&Value::Null)), "");
    }

    #[test]
    fn comparison_ignores_number_representation() {
        assert!(same(&json!(1), &json!(1.0)));
        assert!(same(&json!({"a": [1, 2.0]}), &json!({"a": [1.0, 2]})));
        assert!(!same(&json!({"a": [1]}), &json!({"a": [1, 2]})));
        let d = json!({"x": 1, "y": [1, 2]});
        assert!(!differs(
            &json!({"x": 1.0, "y": [1, 2]}),
            &d,
            &Path::parse("x").unwrap()
        ));
        assert!(differs(
            &json!({"x": 1, "y": [1, 3]}),
            &d,
            &Path::parse("y[1]").unwrap()
        ));
        assert!(differs(
            &json!({"x": 1, "y": [1, 2, 3]}),
            &d,
            &Path::parse("y[2]").unwrap()
        ));
    }

    #[test]
    fn check_names_the_field_in_plain_words() {
        let base = serde_json::to_value(engine::defaults::default_scenario()).unwrap();
        assert!(check_scenario(&base).is_ok());

        let mut v = base.clone();
        set(
            &mut v,
            &Path::parse("demand.entry_age[2]").unwrap(),
            parse_number("abc"),
        )
        .unwrap();
        let e = check_scenario(&v).unwrap_err();
        assert_eq!(e[0].field, "demand.entry_age[2]");
        assert_eq!(e[0].reason, "must be a number (got \"abc\")");

        let mut v = base.clone();
        set(
            &mut v,
            &Path::parse("fostering.households").unwrap(),
            json!(2.5),
        )
        .unwrap();
        let e = check_scenario(&v).unwrap_err();
        assert_eq!(
            (e[0].field.as_str(), e[0].reason.as_str()),
            ("fostering.households", "must be a whole number")
        );

        let mut v = base.clone();
        set(
            &mut v,
            &Path::parse("fostering.households").unwrap(),
            json!(-3),
        )
        .unwrap();
        assert_eq!(
            check_scenario(&v).unwrap_err()[0].reason,
            "must be a whole number, not negative"
        );

        let mut v = base;
        set(
            &mut v,
            &Path::parse("demand.entry_age[0]").unwrap(),
            json!(0.9),
        )
        .unwrap();
        let e = check_scenario(&v).unwrap_err();
        assert_eq!(e[0].field, "demand.entry_age");
        assert!(e[0].reason.contains("add up to 1"), "{}", e[0].reason);
        let p = Path::parse("demand.entry_age").unwrap();
        assert_eq!(errors_at(&e, &p).count(), 1);
        assert_eq!(errors_under(&e, &Path::parse("demand").unwrap()).count(), 1);
    }

    #[test]
    fn settings_are_checked() {
        let v = serde_json::to_value(RunSettings::default()).unwrap();
        assert_eq!(check_settings(&v).unwrap(), RunSettings::default());
        let mut bad = v.clone();
        set(&mut bad, &Path::parse("replications").unwrap(), json!(0)).unwrap();
        assert_eq!(check_settings(&bad).unwrap_err()[0].field, "replications");
    }

    #[test]
    fn family_switch_keeps_the_average_and_validates() {
        let base = serde_json::to_value(engine::defaults::default_scenario()).unwrap();
        for (family, _) in FAMILIES {
            let mut v = base.clone();
            let p = Path::parse("exits.return_home").unwrap();
            let cur = get(&v, &p).unwrap().clone();
            set(&mut v, &p, switch_family(&cur, family)).unwrap();
            assert_eq!(get(&v, &p.key("family")).unwrap(), family);
            check_scenario(&v).unwrap_or_else(|e| panic!("{family}: {e:?}"));
        }
    }
}
