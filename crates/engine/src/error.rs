//! The engine's error types, each a `std::error::Error`:
//!
//! * [`FieldError`]: one problem with the input, at a [`FieldPath`], with the reason in
//!   words for the person who typed it (validation and JSON reading produce these);
//! * [`InvariantError`]: the model's own bookkeeping does not add up (a bug, not bad input);
//! * [`JobError`]: why a job cannot run or did not finish, serialisable so that a worker
//!   can send it back as it is.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::path::FieldPath;

/// One problem with the input: where (`path`) and why (`reason`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "FieldErrorWire", into = "FieldErrorWire")]
pub struct FieldError {
    /// The field at fault; the root for the document as a whole.
    pub path: FieldPath,
    /// Why, in words for the person who typed it (`must not be negative (households)`).
    pub reason: String,
    /// `path` as text (`demand.entry_age[2]`, or `(document)` for the root), kept for code
    /// written before `path`; always [`FieldError::field_text`] of `path`. Read `path`.
    pub field: String,
}

/// The serialised form: `{"field": "demand.entry_age[2]", "reason": "..."}`.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FieldErrorWire {
    field: FieldPath,
    reason: String,
}

impl From<FieldErrorWire> for FieldError {
    fn from(w: FieldErrorWire) -> FieldError {
        FieldError::at(w.field, w.reason)
    }
}

impl From<FieldError> for FieldErrorWire {
    fn from(e: FieldError) -> FieldErrorWire {
        FieldErrorWire {
            field: e.path,
            reason: e.reason,
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", Self::field_text(&self.path), self.reason)
    }
}

impl std::error::Error for FieldError {}

impl FieldError {
    /// A problem at `path`.
    pub fn at(path: FieldPath, reason: impl Into<String>) -> FieldError {
        FieldError {
            field: Self::field_text(&path),
            path,
            reason: reason.into(),
        }
    }

    /// A problem with the document as a whole (not valid JSON, cut short).
    pub fn document(reason: impl Into<String>) -> FieldError {
        FieldError::at(FieldPath::root(), reason)
    }

    /// A problem at a path given as text (`"demand.entry_age[2]"`). Text that is not a
    /// path (a command-line flag such as `--runs`) is kept as one step, printed as given.
    pub fn new(field: impl Into<String>, reason: impl Into<String>) -> FieldError {
        let text = field.into();
        let path = if text == "(document)" {
            FieldPath::root()
        } else {
            FieldPath::parse(&text)
                .unwrap_or_else(|| FieldPath(vec![crate::path::Segment::Key(text)]))
        };
        FieldError::at(path, reason)
    }

    /// The same problem, seen from a document that holds this one at `prefix` (a scenario's
    /// error inside a job: `scenarios[1]` + `demand.trend_per_year`).
    pub fn within(self, prefix: &FieldPath) -> FieldError {
        FieldError::at(prefix.join(&self.path), self.reason)
    }

    /// How a path is named in messages: its dotted text, `(document)` for the root.
    pub fn field_text(path: &FieldPath) -> String {
        if path.is_root() {
            "(document)".to_string()
        } else {
            path.to_string()
        }
    }

    /// A JSON reading failure without the document at hand (see
    /// [`parse_json`](crate::json::parse_json), which names the field): where it stopped.
    pub fn from_serde(err: serde_json::Error) -> FieldError {
        FieldError::document(crate::json::where_reading_stopped(&err))
    }
}

/// A check of the model's own bookkeeping that failed: a bug, never the user's input.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InvariantError {
    /// The simulated month the check failed at, when there is one.
    pub month: Option<usize>,
    /// What does not add up.
    pub what: String,
}

impl InvariantError {
    pub fn new(what: impl Into<String>) -> InvariantError {
        InvariantError {
            month: None,
            what: what.into(),
        }
    }

    /// The same failure, found at the end of simulated month `m`.
    pub fn in_month(self, m: usize) -> InvariantError {
        InvariantError {
            month: Some(m),
            ..self
        }
    }
}

impl fmt::Display for InvariantError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.month {
            Some(m) => write!(f, "month {m}: {}", self.what),
            None => f.write_str(&self.what),
        }
    }
}

impl std::error::Error for InvariantError {}

/// Why a job cannot run, or stopped: what a worker sends back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JobError {
    /// The job's JSON could not be read: the field reading stopped at, and why.
    Unreadable(FieldError),
    /// The job was read but refused: every problem, each at its field.
    Invalid(Vec<FieldError>),
    /// The model's bookkeeping failed a check: a bug to report, not the user's doing.
    Invariant(InvariantError),
}

impl JobError {
    /// The problems with the user's input (none for an invariant failure).
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            JobError::Unreadable(e) => std::slice::from_ref(e),
            JobError::Invalid(errors) => errors,
            JobError::Invariant(_) => &[],
        }
    }
}

impl fmt::Display for JobError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JobError::Unreadable(e) => write!(f, "the job could not be read: {e}"),
            JobError::Invalid(errors) => {
                for (i, e) in errors.iter().enumerate() {
                    if i > 0 {
                        f.write_str("; ")?;
                    }
                    write!(f, "{e}")?;
                }
                Ok(())
            }
            JobError::Invariant(e) => write!(f, "internal error (please report it): {e}"),
        }
    }
}

impl std::error::Error for JobError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            JobError::Unreadable(e) => Some(e),
            JobError::Invalid(errors) => errors.first().map(|e| e as _),
            JobError::Invariant(e) => Some(e),
        }
    }
}

impl From<Vec<FieldError>> for JobError {
    fn from(errors: Vec<FieldError>) -> JobError {
        JobError::Invalid(errors)
    }
}

impl From<InvariantError> for JobError {
    fn from(e: InvariantError) -> JobError {
        JobError::Invariant(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_errors_travel_as_field_and_reason() {
        let e = FieldError::at(
            FieldPath::parse("homes[2].beds").unwrap(),
            "must be at least 1 (beds)",
        );
        assert_eq!(e.field, "homes[2].beds");
        assert_eq!(e.to_string(), "homes[2].beds: must be at least 1 (beds)");
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(
            json,
            r#"{"field":"homes[2].beds","reason":"must be at least 1 (beds)"}"#
        );
        assert_eq!(serde_json::from_str::<FieldError>(&json).unwrap(), e);
        let doc = FieldError::document("is not valid JSON");
        assert_eq!(doc.field, "(document)");
        assert_eq!(FieldError::new("(document)", "x").path, FieldPath::root());
        let flag = FieldError::new("--runs", "must be between 1 and 1,000,000");
        assert_eq!(flag.to_string(), "--runs: must be between 1 and 1,000,000");
        let inside = e.within(&FieldPath::root().key("residential"));
        assert_eq!(inside.field, "residential.homes[2].beds");
    }

    #[test]
    fn job_errors_serialise_and_explain() {
        let errors = vec![
            FieldError::new("settings.replications", "must be at least 1"),
            FieldError::new("scenarios[0].name", "must not be empty"),
        ];
        for e in [
            JobError::from(errors.clone()),
            JobError::Unreadable(FieldError::document("ends too soon")),
            JobError::from(InvariantError::new("3 households active, kept 4").in_month(7)),
        ] {
            let json = serde_json::to_string(&e).unwrap();
            assert_eq!(serde_json::from_str::<JobError>(&json).unwrap(), e);
            assert!(!e.to_string().is_empty());
            assert!(std::error::Error::source(&e).is_some());
        }
        let e = JobError::from(errors);
        assert_eq!(e.field_errors().len(), 2);
        assert_eq!(
            e.to_string(),
            "settings.replications: must be at least 1; scenarios[0].name: must not be empty"
        );
        let inv = JobError::from(InvariantError::new("books").in_month(2));
        assert!(inv.field_errors().is_empty());
        assert!(inv.to_string().contains("month 2: books"));
    }
}
