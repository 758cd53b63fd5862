//! Reading JSON into the engine's types ([`parse_json`]) with every failure named at its
//! field and explained in words, from the failure's structure, never from an error
//! message's wording.
//!
//! Text is first read the usual way (`serde_json`, the one path whose numbers the
//! simulation sees). When that fails, the reason is found by reading the document again
//! as a `serde_json::Value` through `Probe`, a deserializer whose error type records
//! what was found (text, a fraction, a negative number, null...), what the field asked
//! for (a whole number of a range, a number, a list of so many values...) and which field
//! is missing or unknown; `serde_path_to_error` gives the path. A document that is not
//! JSON at all is placed by `serde_json::Error::classify`, line and column.

use std::fmt;

use serde::de::{self, DeserializeOwned};
use serde_json::error::Category;
use serde_json::Value;

use self::probe::Probe;
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

/// What to type instead of text that looks like a number written another way.
fn hint(text: &str) -> &'static str {
    let t = text.trim();
    if t.ends_with('%') {
        ": type it without %, as the field's unit (a share of 5% is 0.05)"
    } else if t.contains(',') {
        ": use a point for decimals (0.2), and commas only between thousands (1,000)"
    } else {
        ""
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
        (Found::Text(t), _) if numeric => format!("must be a number (got \"{t}\"){}", hint(t)),
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
        (Found::Text(t), None) => format!("must be a number (got \"{t}\"){}", hint(t)),
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

mod probe;

#[cfg(test)]
mod tests;
