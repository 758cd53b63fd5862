//! Saved comparisons: the baseline scenario and the scenarios built on it. A variant holds
//! only what is its own (its base, its levers, the assumptions it overrides and what it is
//! compared with); [`ScenarioSet::resolve`] turns the set into full scenarios, each base
//! resolved before the variants built on it, so that an edit of a base flows into every
//! variant except the fields that variant overrides. The resolved scenarios are ordinary
//! [`Scenario`] values: the one type the model, the files and the CLI read.
//!
//! * [`value`]: reading and writing a scenario's JSON at a [`FieldPath`], and the field an
//!   edit overrides;
//! * [`migrate`]: older saved work (a list of full scenarios, the first the baseline) into
//!   a set whose scenarios resolve to exactly the same values;
//! * [`diff`]: the differences between two scenarios, in words, with both values;
//! * [`prices`]: rolling a scenario's prices forward when it starts after its figures' date;
//! * [`words`]: values and levers in plain English, and names for new scenarios (from their
//!   strategy and levers, unique within the set).
//!
//! Values are kept as JSON so that the app can hold what a person typed even when it is
//! not valid yet; [`ScenarioSet::job`] parses and validates, naming the scenario and field.

pub mod diff;
pub mod migrate;
pub mod prices;
pub mod value;
pub mod words;

#[cfg(test)]
mod tests;

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::FieldError;
use crate::path::FieldPath;
use crate::runner::Job;
use crate::scenario::{RunSettings, Scenario};

/// What a variant is built on, or compared with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BaseRef {
    #[default]
    Baseline,
    /// The variant with this stable id.
    Variant(u32),
}

/// One assumption a variant sets for itself: its path in the scenario and its value (as
/// typed; checked when the scenario is resolved and validated).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Override {
    pub path: FieldPath,
    pub value: Value,
}

/// A scenario built on the baseline or on another variant.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Variant {
    /// Stable within the set (bases and comparators refer to it), never reused.
    pub id: u32,
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub base: BaseRef,
    /// What its paired differences are taken from (the same random draws).
    #[serde(default)]
    pub compare_with: BaseRef,
    /// Its own levers, pulled on top of its base's (as typed).
    #[serde(default)]
    pub levers: Vec<Value>,
    /// Whether the base's levers are pulled too (older work whose strategy did not keep
    /// the baseline's levers migrates with `false`).
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub base_levers: bool,
    /// The assumptions it sets for itself, applied in order over its base's.
    #[serde(default)]
    pub overrides: Vec<Override>,
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

/// The baseline and the variants built on it, as saved in files, share links and the
/// browser.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioSet {
    /// The baseline scenario in full (as typed).
    pub baseline: Value,
    #[serde(default)]
    pub variants: Vec<Variant>,
}

/// Why a set cannot be resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SetError {
    /// Two variants share an id.
    DuplicateId(u32),
    /// A variant is built on, or compared with, a variant that is not in the set.
    UnknownVariant { variant: String, missing: u32 },
    /// Variants built on each other in a circle (their names, in order).
    Cycle(Vec<String>),
    /// A variant is compared with itself.
    ComparedWithItself(String),
    /// An override that cannot be applied (its path is not a field of the base).
    Override {
        variant: String,
        path: String,
        reason: String,
    },
}

impl fmt::Display for SetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SetError::DuplicateId(id) => write!(f, "two scenarios have the id {id}"),
            SetError::UnknownVariant { variant, missing } => write!(
                f,
                "{variant} refers to scenario {missing}, which is not in the comparison"
            ),
            SetError::Cycle(names) => write!(
                f,
                "scenarios are built on each other in a circle ({}); build one on the baseline",
                names.join(" -> ")
            ),
            SetError::ComparedWithItself(name) => {
                write!(f, "{name} is compared with itself; choose another scenario")
            }
            SetError::Override {
                variant,
                path,
                reason,
            } => write!(
                f,
                "{variant}: its own value of {path} cannot be applied: {reason}"
            ),
        }
    }
}

impl std::error::Error for SetError {}

/// Why a set does not make a job.
#[derive(Clone, Debug, PartialEq)]
pub enum SetJobError {
    Set(SetError),
    /// Field errors, each within the job (`scenarios[2].demand.trend_per_year`).
    Fields(Vec<FieldError>),
}

impl fmt::Display for SetJobError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SetJobError::Set(e) => e.fmt(f),
            SetJobError::Fields(errors) => {
                let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
                f.write_str(&text.join("; "))
            }
        }
    }
}

impl std::error::Error for SetJobError {}

impl ScenarioSet {
    /// A set with only this baseline.
    pub fn new(baseline: &Scenario) -> ScenarioSet {
        ScenarioSet {
            baseline: serde_json::to_value(baseline).unwrap_or(Value::Null),
            variants: vec![],
        }
    }

    /// The scenario `r` refers to, as an index in the resolved list (0 = the baseline).
    pub fn index_of(&self, r: BaseRef) -> Option<usize> {
        match r {
            BaseRef::Baseline => Some(0),
            BaseRef::Variant(id) => self.variants.iter().position(|v| v.id == id).map(|i| i + 1),
        }
    }

    /// A fresh id for a new variant.
    pub fn next_id(&self) -> u32 {
        self.variants.iter().map(|v| v.id + 1).max().unwrap_or(1)
    }

    /// Every scenario in full, baseline first, variants in their order: each variant is its
    /// base's value with its own name, description and levers, then its overrides.
    pub fn resolve(&self) -> Result<Vec<Value>, SetError> {
        let order = self.order()?;
        let mut out: Vec<Option<Value>> = vec![None; self.variants.len() + 1];
        out[0] = Some(self.baseline.clone());
        for i in order {
            let v = &self.variants[i];
            let base = self.index_of(v.base).unwrap_or(0);
            let base_value = out[base].clone().unwrap_or(Value::Null);
            out[i + 1] = Some(value::resolve_variant(&base_value, v)?);
        }
        Ok(out.into_iter().map(Option::unwrap_or_default).collect())
    }

    /// The variants in an order where each comes after its base; the errors of ids and
    /// references are found here.
    fn order(&self) -> Result<Vec<usize>, SetError> {
        for (i, v) in self.variants.iter().enumerate() {
            if self.variants[..i].iter().any(|w| w.id == v.id) {
                return Err(SetError::DuplicateId(v.id));
            }
        }
        for v in &self.variants {
            for r in [v.base, v.compare_with] {
                if let BaseRef::Variant(id) = r {
                    if self.index_of(r).is_none() {
                        return Err(SetError::UnknownVariant {
                            variant: v.name.clone(),
                            missing: id,
                        });
                    }
                }
            }
            if v.compare_with == BaseRef::Variant(v.id) {
                return Err(SetError::ComparedWithItself(v.name.clone()));
            }
        }
        let n = self.variants.len();
        let mut done = vec![false; n];
        let mut order = Vec::with_capacity(n);
        for start in 0..n {
            let mut chain = vec![];
            let mut i = start;
            while !done[i] {
                if chain.contains(&i) {
                    let from = chain.iter().position(|&c| c == i).unwrap_or(0);
                    let mut names: Vec<String> = chain[from..]
                        .iter()
                        .map(|&c| self.variants[c].name.clone())
                        .collect();
                    names.push(self.variants[i].name.clone());
                    return Err(SetError::Cycle(names));
                }
                chain.push(i);
                match self.index_of(self.variants[i].base) {
                    Some(b) if b > 0 => i = b - 1,
                    _ => break,
                }
            }
            for &c in chain.iter().rev() {
                if !done[c] {
                    done[c] = true;
                    order.push(c);
                }
            }
        }
        Ok(order)
    }

    /// The index each variant is compared with (0 = the baseline), as a job's
    /// `compare_with` (the baseline's own entry first).
    pub fn compare_with(&self) -> Vec<usize> {
        std::iter::once(0)
            .chain(
                self.variants
                    .iter()
                    .map(|v| self.index_of(v.compare_with).unwrap_or(0)),
            )
            .collect()
    }

    /// The job of these scenarios: resolved, parsed and validated, each problem naming the
    /// scenario and field.
    pub fn job(&self, settings: RunSettings) -> Result<Job, SetJobError> {
        let values = self.resolve().map_err(SetJobError::Set)?;
        let list = FieldPath::root().key("scenarios");
        let mut scenarios = vec![];
        let mut errors = vec![];
        for (i, v) in values.iter().enumerate() {
            let text = serde_json::to_string(v).unwrap_or_default();
            match crate::validate::parse_json::<Scenario>(&text) {
                Ok(s) => scenarios.push(s),
                Err(e) => errors.push(e.within(&list.index(i))),
            }
        }
        if !errors.is_empty() {
            return Err(SetJobError::Fields(errors));
        }
        let job = Job {
            settings,
            scenarios,
            compare_with: self.compare_with(),
        };
        job.validate().map_err(SetJobError::Fields)?;
        Ok(job)
    }
}
