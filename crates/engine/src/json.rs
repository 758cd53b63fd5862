//! Reading JSON into the engine's types ([`parse_json`]) with every failure named at its
//! field and explained in words, from the failure's structure, never from an error
//! message's wording.
//!
//! Text that does not read is first read the usual way (`serde_json`, the one path whose
//! numbers the simulation sees). When that fails, the reason is found by reading the
//! document again as a `serde_json::Value` through `Probe`, a deserializer whose error
//! type records what was found (text, a fraction, a negative number, null...), what the
//! field asked for (a whole number of a range, a number, a list of so many values...) and
//! which field is missing or unknown; `serde_path_to_error` gives the path. A document
//! that is not JSON at all is placed by `serde_json::Error::classify`, line and column.

use std::fmt;

use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, Visitor};
use serde_json::error::Category;
use serde_json::Value;

use crate::error::FieldError;
use crate::path::{FieldPath, Segment};

/// Parse any engine type from JSON, naming the failing field and the reason.
pub fn parse_json<T: DeserializeOwned>(text: &str) -> Result<T, FieldError> {
    let de = &mut serde_json::Deserializer::from_str(text);
    let read =
        serde_path_to_error::deserialize::<_, T>(&mut *de).map_err(|e| explain::<T>(text, e))?;
    de.end()
        .map_err(|e| FieldError::document(where_reading_stopped(&e)))?;
    Ok(read)
}

/// Where and how reading stopped, for a failure with no field to name (from its category,
/// line and column).
pub fn where_reading_stopped(err: &serde_json::Error) -> String {
    let (line, column) = (err.line(), err.column());
    match err.classify() {
        Category::Io => "could not be read".to_string(),
        Category::Syntax => format!("is not valid JSON (line {line}, column {column})"),
        Category::Eof => {
            format!(
                "ends before the JSON is complete (line {line}, column {column}): is it cut short?"
            )
        }
        Category::Data => {
            format!("does not have the expected fields and values (line {line}, column {column})")
        }
    }
}

/// The field and reason of a failed read of `text` as a `T`.
fn explain<T: DeserializeOwned>(
    text: &str,
    err: serde_path_to_error::Error<serde_json::Error>,
) -> FieldError {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        // Not JSON: where reading stopped, in the field it had reached.
        Err(e) => return FieldError::at(FieldPath::from(err.path()), where_reading_stopped(&e)),
    };
    match serde_path_to_error::deserialize::<_, T>(Probe(&value)) {
        Err(probe) => {
            let path = FieldPath::from(probe.path());
            let problem = probe.into_inner();
            let path = problem.inside_tagged(&value, path);
            problem.explain(path)
        }
        // Not expected: the same document read both ways. Name what serde_json reached.
        Ok(_) => FieldError::at(
            FieldPath::from(err.path()),
            where_reading_stopped(err.inner()),
        ),
    }
}

/// What a value was, from serde's structured `Unexpected`.
#[derive(Debug)]
enum Found {
    Null,
    Whole(i128),
    Fraction(f64),
    Text(String),
    Other(String),
}

impl From<de::Unexpected<'_>> for Found {
    fn from(u: de::Unexpected<'_>) -> Found {
        match u {
            de::Unexpected::Unit | de::Unexpected::Option => Found::Null,
            de::Unexpected::Unsigned(n) => Found::Whole(n as i128),
            de::Unexpected::Signed(n) => Found::Whole(n as i128),
            de::Unexpected::Float(x) => Found::Fraction(x),
            de::Unexpected::Str(s) => Found::Text(s.to_string()),
            de::Unexpected::Char(c) => Found::Text(c.to_string()),
            other => Found::Other(other.to_string()),
        }
    }
}

/// What the field asked for: the `deserialize_*` method its type called.
#[derive(Clone, Copy, Debug)]
enum Expect {
    YesNo,
    Whole { min: i128, max: i128 },
    Number,
    Text,
    List(Option<usize>),
    Object,
    Choice(&'static [&'static str]),
}

#[derive(Debug)]
enum Kind {
    Custom(String),
    /// The value found, and serde's own words for what was expected (shown, not read).
    Mismatch(Found, String),
    Length(usize, String),
    UnknownVariant(String, &'static [&'static str]),
    UnknownField(String, &'static [&'static str]),
    MissingField(&'static str),
    DuplicateField(&'static str),
}

/// The error type of [`Probe`]: the failure's structure.
#[derive(Debug)]
struct Problem {
    kind: Box<Kind>,
    /// What the field at fault asked for, when known.
    expect: Option<Expect>,
    /// Raised below the value being read (in an element or a field of it).
    nested: bool,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.kind)
    }
}

impl std::error::Error for Problem {}

impl Problem {
    fn of(kind: Kind) -> Problem {
        Problem {
            kind: Box::new(kind),
            expect: None,
            nested: false,
        }
    }

    /// The failure as seen from the value holding it.
    fn nested(mut self) -> Problem {
        self.nested = true;
        self
    }

    /// Say what the field at fault asked for (only where it failed, not its containers).
    fn hinted<T>(r: Result<T, Problem>, expect: Expect) -> Result<T, Problem> {
        r.map_err(|mut p| {
            if !p.nested && p.expect.is_none() {
                p.expect = Some(expect);
            }
            p
        })
    }

    /// The fields of an internally tagged enum (a duration distribution, a lever's kind)
    /// are read from a buffer the path cannot follow: a wrong value in one of them is
    /// reported at the enum. Name the value found instead, when exactly one place within
    /// the enum holds it (`exits.return_home.shape`, `levers[0].kind.homes[1].beds`).
    fn inside_tagged(&self, document: &Value, path: FieldPath) -> FieldPath {
        let (Kind::Mismatch(found, _), None) = (&*self.kind, self.expect) else {
            return path;
        };
        let Some(node @ Value::Object(_)) = value_at(document, &path) else {
            return path;
        };
        let holds = |v: &Value| match (found, v) {
            (Found::Null, Value::Null) => true,
            (Found::Text(t), Value::String(s)) => t == s,
            (Found::Whole(n), Value::Number(x)) => {
                x.as_i64().map(i128::from) == Some(*n) || x.as_u64().map(i128::from) == Some(*n)
            }
            (Found::Fraction(f), Value::Number(x)) => x.is_f64() && x.as_f64() == Some(*f),
            _ => false,
        };
        let mut places = vec![];
        find(node, FieldPath::root(), &holds, &mut places);
        match places.as_slice() {
            [only] => path.join(only),
            _ => path,
        }
    }

    /// The field error, in words, at `path` (the path the failure was reached at).
    fn explain(self, path: FieldPath) -> FieldError {
        let list = |names: &[&str]| names.join(", ");
        match *self.kind {
            Kind::MissingField(name) => {
                FieldError::at(path.key(name), "is missing: it must be filled in")
            }
            Kind::DuplicateField(name) => FieldError::at(path.key(name), "is given twice"),
            Kind::UnknownField(name, expected) => {
                let path = if path.last_key() == Some(name.as_str()) {
                    path
                } else {
                    path.key(&name)
                };
                FieldError::at(
                    path,
                    format!(
                        "is not a field here (check the spelling; unknown fields are refused). \
                         The fields here are: {}",
                        list(expected)
                    ),
                )
            }
            Kind::UnknownVariant(name, expected) => FieldError::at(
                path,
                format!("\"{name}\" is not one of the choices: {}", list(expected)),
            ),
            Kind::Length(len, expected) => FieldError::at(
                path,
                match self.expect {
                    Some(Expect::List(Some(n))) => format!("needs exactly {n} values (got {len})"),
                    _ => format!("has {len} values, but needs {expected}"),
                },
            ),
            Kind::Mismatch(found, expected) => {
                FieldError::at(path, mismatch(&found, self.expect, &expected))
            }
            Kind::Custom(text) => FieldError::at(path, text),
        }
    }
}

/// Why a value of the wrong type or range was refused.
fn mismatch(found: &Found, expect: Option<Expect>, expected: &str) -> String {
    let numeric = matches!(expect, Some(Expect::Number | Expect::Whole { .. }));
    match (found, expect) {
        (Found::Null, _) => "must be filled in".to_string(),
        (Found::Text(t), _) if numeric && t.trim().is_empty() => {
            "is empty: enter a number".to_string()
        }
        (Found::Text(t), _) if numeric => format!("must be a number (got \"{t}\")"),
        (Found::Whole(n), Some(Expect::Whole { min: 0, .. })) if *n < 0 => {
            "must be a whole number, not negative".to_string()
        }
        (Found::Whole(_), Some(Expect::Whole { min, max })) => {
            format!("must be a whole number from {min} to {max}")
        }
        (_, Some(Expect::Whole { .. })) => "must be a whole number".to_string(),
        (_, Some(Expect::Number)) => "must be a number".to_string(),
        (_, Some(Expect::Text)) => "must be text (in quotes)".to_string(),
        (_, Some(Expect::YesNo)) => "must be true or false".to_string(),
        (_, Some(Expect::List(Some(n)))) => format!("must be a list of {n} values"),
        (_, Some(Expect::List(None))) => "must be a list".to_string(),
        (_, Some(Expect::Object)) => "must be a group of fields ({ ... })".to_string(),
        (_, Some(Expect::Choice(names))) => format!("must be one of: {}", names.join(", ")),
        // Inside a tagged enum (whose fields are numbers, a list of them or homes), what
        // was refused says what was wanted: text or a fraction where a (whole) number goes.
        (Found::Text(t), None) if t.trim().is_empty() => "is empty: enter a number".to_string(),
        (Found::Text(t), None) => format!("must be a number (got \"{t}\")"),
        (Found::Fraction(_), None) => "must be a whole number".to_string(),
        (Found::Whole(n), None) if *n < 0 => "must be a whole number, not negative".to_string(),
        (Found::Whole(n), None) => format!("{n} is too large for this field"),
        (Found::Other(o), None) => format!("has {o}, where {expected} belongs"),
    }
}

impl de::Error for Problem {
    fn custom<T: fmt::Display>(msg: T) -> Problem {
        Problem::of(Kind::Custom(msg.to_string()))
    }
    fn invalid_type(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Problem {
        Problem::of(Kind::Mismatch(unexp.into(), exp.to_string()))
    }
    fn invalid_value(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Problem {
        Problem::of(Kind::Mismatch(unexp.into(), exp.to_string()))
    }
    fn invalid_length(len: usize, exp: &dyn de::Expected) -> Problem {
        Problem::of(Kind::Length(len, exp.to_string()))
    }
    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Problem {
        Problem::of(Kind::UnknownVariant(variant.to_string(), expected))
    }
    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Problem {
        Problem::of(Kind::UnknownField(field.to_string(), expected))
    }
    fn missing_field(field: &'static str) -> Problem {
        Problem::of(Kind::MissingField(field))
    }
    fn duplicate_field(field: &'static str) -> Problem {
        Problem::of(Kind::DuplicateField(field))
    }
}

/// Reads a `Value` as serde_json reads text (the same visits for the same values), with
/// [`Problem`] as its error.
#[derive(Clone, Copy)]
struct Probe<'a>(&'a Value);

struct Elements<'a>(std::slice::Iter<'a, Value>);

impl<'de> de::SeqAccess<'de> for Elements<'_> {
    type Error = Problem;
    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, Problem> {
        match self.0.next() {
            Some(v) => seed
                .deserialize(Probe(v))
                .map(Some)
                .map_err(Problem::nested),
            None => Ok(None),
        }
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct Fields<'a> {
    iter: serde_json::map::Iter<'a>,
    value: Option<&'a Value>,
}

impl<'de> de::MapAccess<'de> for Fields<'_> {
    type Error = Problem;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Problem> {
        match self.iter.next() {
            Some((k, v)) => {
                self.value = Some(v);
                seed.deserialize(k.as_str().into_deserializer()).map(Some)
            }
            None => Ok(None),
        }
    }
    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, Problem> {
        match self.value.take() {
            Some(v) => seed.deserialize(Probe(v)).map_err(Problem::nested),
            None => Err(de::Error::custom("a value without its field name")),
        }
    }
}

macro_rules! hinted {
    ($($method:ident => $expect:expr;)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Problem> {
                Problem::hinted(self.deserialize_any(visitor), $expect)
            }
        )*
    };
}

macro_rules! whole {
    ($($method:ident: $t:ty;)*) => {
        hinted! { $($method => Expect::Whole { min: <$t>::MIN as i128, max: <$t>::MAX as i128 };)* }
    };
}

impl<'de> de::Deserializer<'de> for Probe<'_> {
    type Error = Problem;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Problem> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
                (Some(u), _, _) => visitor.visit_u64(u),
                (None, Some(i), _) => visitor.visit_i64(i),
                (None, None, f) => visitor.visit_f64(f.unwrap_or(f64::NAN)),
            },
            Value::String(s) => visitor.visit_str(s),
            Value::Array(items) => {
                let mut seq = Elements(items.iter());
                let read = visitor.visit_seq(&mut seq)?;
                match seq.0.len() {
                    0 => Ok(read),
                    _ => Err(de::Error::invalid_length(items.len(), &"fewer values")),
                }
            }
            Value::Object(map) => visitor.visit_map(Fields {
                iter: map.iter(),
                value: None,
            }),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Problem> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Problem> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Problem> {
        Problem::hinted(self.deserialize_any(visitor), Expect::List(Some(len)))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Problem> {
        self.deserialize_tuple(len, visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Problem> {
        Problem::hinted(self.deserialize_any(visitor), Expect::Object)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Problem> {
        let read = match self.0 {
            Value::String(s) => visitor.visit_enum(s.as_str().into_deserializer()),
            other => Err(de::Error::invalid_type(unexpected(other), &"a choice")),
        };
        Problem::hinted(read, Expect::Choice(variants))
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Problem> {
        visitor.visit_unit()
    }

    hinted! {
        deserialize_bool => Expect::YesNo;
        deserialize_f32 => Expect::Number;
        deserialize_f64 => Expect::Number;
        deserialize_char => Expect::Text;
        deserialize_str => Expect::Text;
        deserialize_string => Expect::Text;
        deserialize_seq => Expect::List(None);
        deserialize_map => Expect::Object;
    }

    whole! {
        deserialize_i8: i8; deserialize_i16: i16; deserialize_i32: i32; deserialize_i64: i64;
        deserialize_u8: u8; deserialize_u16: u16; deserialize_u32: u32; deserialize_u64: u64;
    }

    serde::forward_to_deserialize_any! {
        i128 u128 bytes byte_buf unit unit_struct identifier
    }
}

/// The paths within `v` of every value that `holds`.
fn find(v: &Value, here: FieldPath, holds: &dyn Fn(&Value) -> bool, out: &mut Vec<FieldPath>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                find(x, here.key(k), holds, out);
            }
        }
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                find(x, here.index(i), holds, out);
            }
        }
        leaf if holds(leaf) => out.push(here),
        _ => {}
    }
}

/// The part of `document` at `path`.
fn value_at<'v>(document: &'v Value, path: &FieldPath) -> Option<&'v Value> {
    path.segments()
        .iter()
        .try_fold(document, |v, step| match (step, v) {
            (Segment::Key(k), Value::Object(m)) => m.get(k),
            (Segment::Index(i), Value::Array(a)) => a.get(*i),
            _ => None,
        })
}

/// A `Value` as serde's `Unexpected`.
fn unexpected(v: &Value) -> de::Unexpected<'_> {
    match v {
        Value::Null => de::Unexpected::Unit,
        Value::Bool(b) => de::Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => de::Unexpected::Unsigned(u),
            (None, Some(i)) => de::Unexpected::Signed(i),
            _ => de::Unexpected::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => de::Unexpected::Str(s),
        Value::Array(_) => de::Unexpected::Seq,
        Value::Object(_) => de::Unexpected::Map,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::defaults::default_scenario;
    use crate::scenario::{RunSettings, Scenario};
    use serde_json::json;

    /// The default scenario with one edit, read back: the field and reason of the failure.
    fn refused(edit: impl Fn(&mut Value)) -> (String, String) {
        let mut v = serde_json::to_value(default_scenario()).unwrap();
        edit(&mut v);
        let e = parse_json::<Scenario>(&v.to_string()).expect_err("refused");
        (e.field, e.reason)
    }

    #[test]
    fn reasons_come_from_what_was_found_and_what_was_asked() {
        type Edit = Box<dyn Fn(&mut Value)>;
        let cases: Vec<(Edit, &str, &str)> = vec![
            (
                Box::new(|v| v["fostering"]["households"] = json!("")),
                "fostering.households",
                "is empty: enter a number",
            ),
            (
                Box::new(|v| v["demand"]["entry_age"][2] = json!("abc")),
                "demand.entry_age[2]",
                "must be a number (got \"abc\")",
            ),
            (
                Box::new(|v| v["fostering"]["households"] = json!(2.5)),
                "fostering.households",
                "must be a whole number",
            ),
            (
                Box::new(|v| v["fostering"]["households"] = json!(-3)),
                "fostering.households",
                "must be a whole number, not negative",
            ),
            (
                Box::new(|v| v["fostering"]["standard_max_age"] = json!(300)),
                "fostering.standard_max_age",
                "must be a whole number from 0 to 255",
            ),
            (
                Box::new(|v| v["demand"]["groups_per_month"] = json!(null)),
                "demand.groups_per_month",
                "must be filled in",
            ),
            (
                Box::new(|v| v["matching"]["keep_siblings_together"] = json!("yes")),
                "matching.keep_siblings_together",
                "must be true or false",
            ),
            (
                Box::new(|v| v["name"] = json!(7)),
                "name",
                "must be text (in quotes)",
            ),
            (
                Box::new(|v| v["demand"]["group_size"] = json!(0.5)),
                "demand.group_size",
                "must be a list",
            ),
            (
                Box::new(|v| v["exits"]["return_home"]["points"] = json!(1)),
                "exits.return_home.points",
                "is not a field here (check the spelling; unknown fields are refused). The fields \
                 here are: mean_months, shape",
            ),
            (
                Box::new(|v| v["exits"]["return_home"]["shape"] = json!("wide")),
                "exits.return_home.shape",
                "must be a number (got \"wide\")",
            ),
            (
                Box::new(|v| {
                    v["exits"]["adoption"] =
                        json!({"family": "empirical", "points": [[6, 0.5], [12, "x"]]})
                }),
                "exits.adoption.points[1][1]",
                "must be a number (got \"x\")",
            ),
            (
                Box::new(|v| {
                    v["levers"] = json!([{"start_month": 0, "ramp_months": 0, "annual_cost": 0,
                        "kind": {"type": "supported_accommodation", "places": 2.5, "weekly_cost": 900}}])
                }),
                "levers[0].kind.places",
                "must be a whole number",
            ),
            (
                Box::new(|v| v["demand"]["entry_age"] = json!([0.2, 0.2, 0.2, 0.2, 0.1, 0.1])),
                "demand.entry_age",
                "needs exactly 5 values (got 6)",
            ),
            (
                Box::new(|v| v["matching"]["rules"][0]["order"][1] = json!("castle")),
                "matching.rules[0].order[1]",
                "\"castle\" is not one of the choices: in_house_foster, connected_person, ifa",
            ),
            (
                Box::new(|v| v["matching"]["rules"][0]["needs"] = json!(2)),
                "matching.rules[0].needs",
                "must be one of: any, standard, complex",
            ),
            (
                Box::new(|v| {
                    v["fostering"].as_object_mut().unwrap().remove("funnel");
                }),
                "fostering.funnel",
                "is missing: it must be filled in",
            ),
            (
                Box::new(|v| v["costs"]["weekly"]["castle"] = json!(1)),
                "costs.weekly.castle",
                "is not a field here (check the spelling; unknown fields are refused). The fields \
                 here are: in_house_foster, connected_person, ifa, in_house_residential",
            ),
            (
                Box::new(|v| v["costs"] = json!("cheap")),
                "costs",
                "must be a group of fields ({ ... })",
            ),
        ];
        for (edit, field, reason) in cases {
            let (f, r) = refused(edit);
            assert_eq!(f, field, "{r}");
            assert!(r.starts_with(reason), "{field}: {r}");
        }
    }

    #[test]
    fn text_that_is_not_json_is_placed_by_line_and_column() {
        let e = parse_json::<RunSettings>("{\"seed\": 1,\n \"replications\": x}").unwrap_err();
        assert_eq!(e.field, "replications");
        assert_eq!(e.reason, "is not valid JSON (line 2, column 18)");
        let e = parse_json::<RunSettings>("{\"seed\": 1, ").unwrap_err();
        assert!(
            e.reason.starts_with("ends before the JSON is complete"),
            "{e}"
        );
        let e = parse_json::<RunSettings>("").unwrap_err();
        assert_eq!(e.field, "(document)");
        let ok = r#"{"seed": 1, "replications": 2, "horizon_months": 3}"#;
        assert!(parse_json::<RunSettings>(ok).is_ok());
        let e = parse_json::<RunSettings>(&format!("{ok} 4")).unwrap_err();
        assert_eq!(e.field, "(document)", "text after the document: {e}");
    }
}
