//! What a fit says about each value it sets: the field, the fitted value, the default it
//! replaces, how many observations it rests on over which window, and its uncertainty;
//! what it leaves as it was because the return does not hold it; and applying the fit to
//! a scenario group by group.

use crate::scenario::Scenario;
use crate::ssda903::date::Date;
use serde::{Deserialize, Serialize};

/// The groups a user accepts or keeps as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FitGroup {
    /// The start date and the children in care on it (count, ages, placements).
    StartingPopulation,
    /// Sibling groups a month, trend and seasonality.
    Admissions,
    /// Age at entry and the share placed with parents.
    EntryAges,
    /// Sibling group sizes and age spread.
    Siblings,
    /// Exit routes by age at entry and the duration to each, and the share of foster
    /// households leaving by special guardianship (the route's other way out).
    Exits,
    /// Placement breakdown rates by type and age band.
    Stability,
    /// Staying Put at 18.
    StayingPut,
}

impl FitGroup {
    pub const ALL: [FitGroup; 7] = [
        FitGroup::StartingPopulation,
        FitGroup::Admissions,
        FitGroup::EntryAges,
        FitGroup::Siblings,
        FitGroup::Exits,
        FitGroup::Stability,
        FitGroup::StayingPut,
    ];

    pub fn label(self) -> &'static str {
        match self {
            FitGroup::StartingPopulation => "Children in care at the start",
            FitGroup::Admissions => "Admissions (rate, trend, seasonality)",
            FitGroup::EntryAges => "Age at entry",
            FitGroup::Siblings => "Sibling groups",
            FitGroup::Exits => "Exit routes and durations, and carers becoming special guardians",
            FitGroup::Stability => "Placement breakdowns",
            FitGroup::StayingPut => "Staying Put",
        }
    }

    /// Copies this group's fields from `fitted` into `into`.
    fn copy(self, fitted: &Scenario, into: &mut Scenario) {
        match self {
            FitGroup::StartingPopulation => {
                into.start_year = fitted.start_year;
                into.start_month = fitted.start_month;
                into.population = fitted.population.clone();
            }
            FitGroup::Admissions => {
                into.demand.groups_per_month = fitted.demand.groups_per_month;
                into.demand.trend_per_year = fitted.demand.trend_per_year;
                into.demand.seasonality = fitted.demand.seasonality;
            }
            FitGroup::EntryAges => {
                into.demand.entry_age = fitted.demand.entry_age;
                into.demand.placed_with_parents_share = fitted.demand.placed_with_parents_share;
            }
            FitGroup::Siblings => {
                into.demand.group_size = fitted.demand.group_size.clone();
                into.demand.sibling_age_spread_years = fitted.demand.sibling_age_spread_years;
            }
            FitGroup::Exits => {
                into.exits.route_by_entry_age = fitted.exits.route_by_entry_age;
                into.exits.return_home = fitted.exits.return_home.clone();
                into.exits.special_guardianship = fitted.exits.special_guardianship.clone();
                into.exits.adoption = fitted.exits.adoption.clone();
                into.fostering.sgo_conversion_share = fitted.fostering.sgo_conversion_share;
            }
            FitGroup::Stability => {
                into.stability.breakdown_child = fitted.stability.breakdown_child.clone();
                into.stability.breakdown_adolescent = fitted.stability.breakdown_adolescent.clone();
            }
            FitGroup::StayingPut => {
                into.exits.staying_put_share = fitted.exits.staying_put_share;
            }
        }
    }
}

/// One fitted value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FittedValue {
    /// The scenario field, e.g. `demand.groups_per_month` or `exits.route_by_entry_age[2][0]`.
    pub field: String,
    pub group: FitGroup,
    pub value: f64,
    /// The value it replaces (the base scenario's).
    pub default: f64,
    /// Standard error; `None` when the data cannot say (too few, or not identifiable).
    pub std_error: Option<f64>,
    /// Approximate 95% interval (value ± 1.96 standard errors, kept within the field's
    /// range).
    pub interval: Option<[f64; 2]>,
    /// How many observations it rests on, and of what ("periods of care", "months", ...).
    pub n: usize,
    pub n_of: String,
    /// "estimated from your returns (N periods of care, window dates)".
    pub source: String,
}

impl FittedValue {
    /// A count of the children in care on the date (the starting population), not an
    /// estimate: it has no sampling range.
    pub fn is_count(&self) -> bool {
        self.group == FitGroup::StartingPopulation
    }
}

/// A value the fit left as the base scenario has it, and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KeptValue {
    pub field: String,
    pub reason: String,
}

/// What the return holds nothing about, with what it is in words: kept from the base
/// scenario whatever the data (every other kept value is in the return, with too few data
/// to fit it).
pub const NOT_IN_THE_RETURN: [(&str, &str); 10] = [
    (
        "fostering",
        "foster households, places, approvals, deregistrations and the recruitment funnel (only the share leaving as special guardians is fitted, with the exits)",
    ),
    ("residential", "the council's children's homes"),
    (
        "markets",
        "agency, residential and supported accommodation markets",
    ),
    ("matching", "the order in which placement types are tried"),
    ("costs", "weekly costs and the budget"),
    ("demand.complex_needs", "complex needs at entry"),
    (
        "stability.repeat_multiplier",
        "how breakdowns beget breakdowns",
    ),
    (
        "stability.short_term_first_share",
        "short-term first placements",
    ),
    (
        "exits.adoption_placement_lead_days",
        "time placed with adopters before the order",
    ),
    ("exits.staying_put_months", "how long Staying Put lasts"),
];

impl KeptValue {
    /// The return holds this value, but the fit had too few data for it (or found none of
    /// what it rests on); `false` for what the return cannot give ([`NOT_IN_THE_RETURN`]).
    pub fn in_the_return(&self) -> bool {
        !NOT_IN_THE_RETURN.iter().any(|(f, _)| *f == self.field)
    }
}

/// The whole account of a fit (serialisable: no child's data in it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FitReport {
    /// The date the scenario starts from (children in care on it; only data up to it used).
    pub as_at: Date,
    /// The reference window the rates come from: `window_from` to `as_at`.
    pub window_from: Date,
    pub values: Vec<FittedValue>,
    /// Values kept from the base scenario (not in the return, or too few data).
    pub kept: Vec<KeptValue>,
    /// Assumptions and heuristics, in words (e.g. the sibling rule and the share it finds).
    pub notes: Vec<String>,
}

impl FitReport {
    /// The fitted value at `field`.
    pub fn value(&self, field: &str) -> Option<&FittedValue> {
        self.values.iter().find(|v| v.field == field)
    }

    /// The value `field` replaces is not a figure of the base scenario but worked out by
    /// the model: the starting age profile when the base leaves it empty (its `default`s
    /// are then all 0, which a profile given as figures cannot be).
    pub fn default_worked_out_by_model(&self, field: &str) -> bool {
        const PROFILE: &str = "population.age_profile[";
        field.starts_with(PROFILE)
            && self
                .values
                .iter()
                .filter(|v| v.field.starts_with(PROFILE))
                .all(|v| v.default == 0.0)
    }

    pub(super) fn window(&self) -> String {
        format!("{} to {}", self.window_from, self.as_at)
    }

    /// Records a fitted value.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn add(
        &mut self,
        group: FitGroup,
        field: impl Into<String>,
        value: f64,
        default: f64,
        std_error: Option<f64>,
        range: (f64, f64),
        n: usize,
        n_of: &str,
    ) {
        let std_error = std_error.filter(|s| s.is_finite());
        self.values.push(FittedValue {
            field: field.into(),
            group,
            value,
            default,
            std_error,
            interval: std_error.map(|s| {
                [
                    (value - 1.96 * s).max(range.0),
                    (value + 1.96 * s).min(range.1),
                ]
            }),
            n,
            n_of: n_of.to_string(),
            source: format!(
                "estimated from your returns ({n} {n_of}, {})",
                self.window()
            ),
        });
    }

    pub(super) fn keep(&mut self, field: &str, reason: impl Into<String>) {
        self.kept.push(KeptValue {
            field: field.to_string(),
            reason: reason.into(),
        });
    }

    /// Keeps a value the return holds but with too few data to fit it: `what` says what
    /// there was and what is needed ("only 3 periods of care began at this age in the
    /// window; 20 needed").
    pub(super) fn keep_too_few(&mut self, field: &str, what: impl std::fmt::Display) {
        self.keep(
            field,
            format!("in the return, but too few to fit ({what}): kept the built-in value"),
        );
    }
}

impl std::fmt::Display for FitReport {
    /// The fit as plain text (for the command line).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "Fit as at {} from {} to {} (estimated from your returns; fitted value [default] ± standard error):",
            self.as_at, self.window_from, self.as_at
        )?;
        for g in FitGroup::ALL {
            let values: Vec<&FittedValue> = self.values.iter().filter(|v| v.group == g).collect();
            if values.is_empty() {
                continue;
            }
            writeln!(f, "{}:", g.label())?;
            for v in values {
                let se = v
                    .std_error
                    .map_or(String::new(), |s| format!(" ± {}", short(s)));
                let default = if self.default_worked_out_by_model(&v.field) {
                    "worked out by the model".to_string()
                } else {
                    short(v.default)
                };
                writeln!(
                    f,
                    "  {:44} {}{se} [{default}]  ({} {})",
                    v.field,
                    short(v.value),
                    v.n,
                    v.n_of
                )?;
            }
        }
        writeln!(f, "Kept from the base scenario:")?;
        for k in &self.kept {
            writeln!(f, "  {}: {}", k.field, k.reason)?;
        }
        for n in &self.notes {
            writeln!(f, "note: {n}")?;
        }
        Ok(())
    }
}

/// A number in four significant figures.
fn short(v: f64) -> String {
    if v == 0.0 || !v.is_finite() {
        return format!("{v}");
    }
    let digits = (3 - libm::floor(libm::log10(v.abs())) as i32).clamp(0, 6) as usize;
    format!("{v:.digits$}")
}

/// `base` with the groups in `groups` taken from `fitted` (the fit's scenario); the
/// other groups keep the base values.
pub fn apply(base: &Scenario, fitted: &Scenario, groups: &[FitGroup]) -> Scenario {
    let mut out = base.clone();
    for g in groups {
        g.copy(fitted, &mut out);
    }
    out
}
