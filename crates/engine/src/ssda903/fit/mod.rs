//! Fitting a scenario to a council's own returns, as at a chosen date (default: the last
//! date in the data), from a reference window before it (default 3 years). Only data up
//! to the as-at date are used (periods are cut there: later exits are censored), so the
//! same code serves a hindcast. Pure: imported histories in, a scenario and a
//! [`FitReport`] out, with a progress callback; no file system, nothing identifying kept.
//!
//! - [`start`]: the children in care on the date, one by one;
//! - [`admissions`]: sibling groups a month, trend and seasonality (Poisson regression);
//! - [`exits`]: exit routes by age at entry and durations, with censoring;
//! - [`conversions`]: foster carers who became their children's special guardians, kept
//!   out of the route and fitted as `fostering.sgo_conversion_share`;
//! - `demand`, `routes` and `rates` write each group into the scenario: admissions, age at
//!   entry and sibling groups; exits; the starting population, breakdowns, Staying Put;
//! - [`report`]: the provenance of every fitted value, and applying groups of it.

pub mod admissions;
pub mod conversions;
mod demand;
pub mod exits;
mod optim;
mod rates;
pub mod report;
mod routes;
pub mod start;

pub use report::{apply, FitGroup, FitReport, FittedValue, KeptValue, NOT_IN_THE_RETURN};
pub use start::{FittedChild, StartList};

use super::codes::PlacementMap;
use super::date::Date;
use super::history::ChildHistory;
use super::Import;
use crate::scenario::{PlacementCounts, Scenario};
use crate::validate::FieldError;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Longest reference window, in years.
pub const MAX_WINDOW_YEARS: u32 = 20;

/// What the user chooses for a fit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FitOptions {
    /// The date to fit as at; `None`: the last date of the data.
    pub as_at: Option<Date>,
    /// Years of data before the date the rates come from (1 to [`MAX_WINDOW_YEARS`]).
    pub window_years: u32,
    /// PLACE x PLACE_PROVIDER to placement type (the import's table, or an edited one).
    pub placement_map: PlacementMap,
}

impl Default for FitOptions {
    fn default() -> FitOptions {
        FitOptions {
            as_at: None,
            window_years: 3,
            placement_map: PlacementMap::default(),
        }
    }
}

/// Why a fit cannot be made.
#[derive(Clone, Debug, PartialEq)]
pub enum FitError {
    /// The import holds no usable periods of care.
    NoData,
    /// The window is not 1 to [`MAX_WINDOW_YEARS`] years.
    Window(u32),
    /// The as-at date is outside the returns' span.
    AsAtOutside { as_at: Date, from: Date, to: Date },
    /// Nobody is in care on the date and nobody entered in the window.
    NothingInWindow,
    /// The fitted scenario fails validation (a bug or an extreme data set): the fields.
    Invalid(Vec<FieldError>),
}

impl fmt::Display for FitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FitError::NoData => write!(f, "the returns hold no usable periods of care"),
            FitError::Window(y) => write!(f, "{y} is not between 1 and {MAX_WINDOW_YEARS} years"),
            FitError::AsAtOutside { as_at, from, to } => write!(
                f,
                "{as_at} is outside the returns, which cover {from} to {to}"
            ),
            FitError::NothingInWindow => write!(
                f,
                "no child is in care on the date and none entered care in the window"
            ),
            FitError::Invalid(errors) => {
                write!(f, "the fitted scenario is not valid:")?;
                for e in errors {
                    write!(f, " {}: {};", e.field, e.reason)?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for FitError {}

impl FitError {
    /// The option the error is about: `as_at`, `window_years`, or `returns` (the data).
    pub fn field(&self) -> &'static str {
        match self {
            FitError::AsAtOutside { .. } => "as_at",
            FitError::Window(_) => "window_years",
            _ => "returns",
        }
    }
}

/// A fit: the base scenario with every group fitted, the report, and what it rests on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fit {
    pub scenario: Scenario,
    pub report: FitReport,
    pub start: StartList,
    pub exits: exits::ExitFit,
    /// The window's special guardianship exits and the carers' conversions among them.
    #[serde(default)]
    pub conversions: conversions::Conversions,
    pub admissions: Option<admissions::AdmissionFit>,
}

/// The histories as known on `as_at`: later periods dropped, later ends and placements cut
/// (a period still open on the day is open).
pub fn known_on(children: &[ChildHistory], as_at: Date) -> Vec<ChildHistory> {
    children
        .iter()
        .map(|c| {
            let periods = c
                .periods
                .iter()
                .filter(|p| p.start <= as_at)
                .map(|p| {
                    let mut p = p.clone();
                    if p.end.is_some_and(|e| e > as_at) {
                        p.end = None;
                        p.exit = None;
                        p.exit_code.clear();
                    }
                    p.placements.retain(|pl| pl.start <= as_at);
                    if let Some(last) = p.placements.last_mut() {
                        if last.end.is_some_and(|e| e > as_at) {
                            last.end = p.end;
                            last.reason_for_change.clear();
                        }
                    }
                    p
                })
                .collect();
            ChildHistory {
                sex: c.sex,
                uasc: c.uasc,
                periods,
            }
        })
        .filter(|c| !c.periods.is_empty())
        .collect()
}

/// The same day `years` earlier (28 February for 29 February).
pub fn years_before(d: Date, years: u32) -> Date {
    let (y, m, day) = d.ymd();
    let y = y - years as i32;
    Date::from_ymd(y, m, day)
        .or_else(|| Date::from_ymd(y, m, day.saturating_sub(1)))
        .unwrap_or(d)
}

/// The first simulated month for a fit as at `as_at`: the month after it.
pub fn start_month(as_at: Date) -> (i32, u32) {
    let (y, m, _) = as_at.ymd();
    if m == 12 {
        (y + 1, 1)
    } else {
        (y, m + 1)
    }
}

/// Fits `base` to the returns in `import`. `progress(stage, fraction)` is called as the
/// fit goes (fraction 0 to 1).
pub fn fit(
    import: &Import,
    base: &Scenario,
    options: &FitOptions,
    progress: &mut dyn FnMut(&str, f64),
) -> Result<Fit, FitError> {
    let (Some(from_data), Some(to_data)) = (import.observed_from, import.observed_to) else {
        return Err(FitError::NoData);
    };
    if import.children.is_empty() {
        return Err(FitError::NoData);
    }
    if !(1..=MAX_WINDOW_YEARS).contains(&options.window_years) {
        return Err(FitError::Window(options.window_years));
    }
    let as_at = options.as_at.unwrap_or(to_data);
    if as_at < from_data || as_at > to_data {
        return Err(FitError::AsAtOutside {
            as_at,
            from: from_data,
            to: to_data,
        });
    }
    progress("cutting the histories at the date", 0.0);
    let children = known_on(&import.children, as_at);
    let wanted_from = years_before(as_at, options.window_years).add_days(1);
    let window_from = wanted_from.max(from_data);
    let mut report = FitReport {
        as_at,
        window_from,
        values: Vec::new(),
        kept: Vec::new(),
        notes: Vec::new(),
    };
    if window_from > wanted_from {
        report.notes.push(format!(
            "the returns start on {from_data}: the window is shortened to {window_from} to {as_at}"
        ));
    }
    let map = &options.placement_map;
    let mut s = base.clone();
    let (sy, sm) = start_month(as_at);
    s.start_year = sy;
    s.start_month = sm;
    s.name = format!("Fitted to your returns as at {as_at}");
    s.description = format!(
        "Estimated from your SSDA903 returns, {window_from} to {as_at}; carers, homes, markets, matching and costs kept from \"{}\" (not in the return)",
        base.name
    );

    progress("children in care on the date", 0.1);
    let start = start::starting_list(&children, as_at, map);
    rates::starting_population(&start, base, &mut s, &mut report);

    progress("admissions", 0.2);
    let window = Window {
        children: &children,
        from: window_from,
        to: as_at,
        map,
        base,
    };
    let admissions = demand::admissions(&window, &mut s, &mut report);
    demand::entry_and_siblings(&window, &mut s, &mut report);

    progress("exit routes and durations", 0.3);
    let exits = routes::exits(&window, &mut s, &mut report);
    let conversions = conversions::fit(&window, &mut s, &mut report);

    progress("placement breakdowns", 0.9);
    rates::stability(&window, &mut s, &mut report);
    rates::staying_put(&window, &mut s, &mut report);
    rates::kept(&mut report);
    if start.children.is_empty() && exits.periods == 0 {
        return Err(FitError::NothingInWindow);
    }
    s.validate().map_err(FitError::Invalid)?;
    progress("done", 1.0);
    Ok(Fit {
        scenario: s,
        report,
        start,
        exits,
        conversions,
        admissions,
    })
}

/// What every part of the fit reads: the children's histories as known on the date, the
/// window the rates are estimated over (`from` to `to`, the date), how the borough's
/// placement codes map to the model's types, and the base scenario (what the returns cannot
/// give: carers, homes, markets, costs, and the values a part keeps when the data are too
/// few). Each part writes its estimates into the fitted scenario and the report.
#[derive(Clone, Copy)]
pub struct Window<'a> {
    pub children: &'a [ChildHistory],
    pub from: Date,
    pub to: Date,
    pub map: &'a PlacementMap,
    pub base: &'a Scenario,
}

impl<'a> Window<'a> {
    /// Its parts, for a fit to read by name.
    pub fn parts(
        &self,
    ) -> (
        &'a [ChildHistory],
        Date,
        Date,
        &'a PlacementMap,
        &'a Scenario,
    ) {
        (self.children, self.from, self.to, self.map, self.base)
    }
}

/// Counts by placement type as the scenario's placement mix.
pub(crate) fn counts(v: [f64; crate::types::PlacementType::COUNT]) -> PlacementCounts {
    PlacementCounts::from_array(v)
}
