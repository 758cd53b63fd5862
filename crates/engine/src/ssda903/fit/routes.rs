//! Exit routes by age at entry and the duration to each, from the periods of care that
//! began in the window or were under way when it opened (left-truncated there), by the
//! model in [`super::exits`], written into the fitted scenario. A period that ended with
//! the child's own foster carers becoming their special guardians is a conversion, which
//! the model makes apart from the route ([`super::conversions`]): it counts as in care
//! until that day (censored), not as an exit by the route.

use super::conversions::is_conversion;
use super::exits::{self as ex, ExitFit, ExitObs, Outcome};
use super::rates::entrants;
use super::report::{FitGroup, FitReport};
use super::Window;
use crate::scenario::Scenario;
use crate::ssda903::codes::{ExitCategory, PlacementMap};
use crate::ssda903::date::Date;
use crate::ssda903::history::{ChildHistory, PeriodOfCare};
use crate::types::{ExitRoute, DAYS_PER_YEAR};

/// How a period is seen for the exit fit (a conversion: still in care on its last day).
fn outcome(p: &PeriodOfCare, entry_age: f64, days: f64, map: &PlacementMap) -> Outcome {
    if is_conversion(p, map) {
        return Outcome::Survived;
    }
    match (p.end, p.exit) {
        (Some(_), Some(ExitCategory::ReturnHome)) => Outcome::Route(0),
        (Some(_), Some(ExitCategory::SgoCao)) => Outcome::Route(1),
        (Some(_), Some(ExitCategory::Adoption)) => Outcome::Route(2),
        (Some(_), Some(ExitCategory::Other | ExitCategory::Unknown))
            if entry_age + days / DAYS_PER_YEAR < 17.5 =>
        {
            Outcome::Unknown
        }
        _ => Outcome::Survived,
    }
}

/// Periods already under way when the window opened, with a known start.
fn under_way(children: &[ChildHistory], from: Date) -> impl Iterator<Item = &PeriodOfCare> {
    children
        .iter()
        .flat_map(|c| &c.periods)
        .filter(move |p| p.start_observed && p.start < from && p.in_care_on(from))
}

/// The periods the exit fit sees: those that began in the window, and those already under
/// way when it opened (with a known start), left-truncated at its first day.
pub(super) fn observed<'a>(
    children: &'a [ChildHistory],
    from: Date,
    to: Date,
    map: &'a PlacementMap,
) -> impl Iterator<Item = ExitObs> + 'a {
    entrants(children, from, to)
        .chain(under_way(children, from))
        .filter_map(move |p| {
            let age = f64::from(p.age_at_entry_months?) / 12.0;
            let days = f64::from(p.end.unwrap_or(to).min(to).days_since(p.start)).max(0.0);
            Some(ExitObs {
                band: ex::band_of(age),
                days,
                outcome: outcome(p, age, days, map),
                truncated_days: f64::from(from.days_since(p.start).max(0)),
            })
        })
}

pub fn exits(w: &Window<'_>, s: &mut Scenario, r: &mut FitReport) -> ExitFit {
    let (children, from, to, map, base) = w.parts();
    let obs: Vec<ExitObs> = observed(children, from, to, map).collect();
    let converted = entrants(children, from, to)
        .chain(under_way(children, from))
        .filter(|p| p.age_at_entry_months.is_some() && is_conversion(p, map))
        .count();
    let e = &base.exits;
    let f = ex::fit(
        &obs,
        &e.route_by_entry_age,
        &[
            e.return_home.clone(),
            e.special_guardianship.clone(),
            e.adoption.clone(),
        ],
    );
    r.notes.push(format!(
        "exits: {} periods of care that began in the window or were under way when it opened ({} of them, counted as seen because they lasted until then: left truncation); {} still in care on the date or left as young adults, or left with their own foster carers as special guardians ({} of them: see special guardianship) (censored: their stays count as at least that long); {} left for another or an unrecorded reason before 17½ (counted as leaving by a route not known)",
        f.periods, f.left_truncated, f.censored_or_adult, converted, f.unknown_route
    ));
    if f64::from(to.days_since(from)) < 4.5 * DAYS_PER_YEAR {
        r.notes.push("exits: from a window under five years, how many young children stay in care until 18 rests on how the durations' tails run beyond the window (a long stay by another route looks the same): a longer window pins it better".into());
    }
    let g = FitGroup::Exits;
    for b in 0..5 {
        if !f.band_fitted[b] {
            r.keep_too_few(
                &format!("exits.route_by_entry_age[{b}]"),
                format!(
                    "only {} periods of care began at this age in the window; {} needed",
                    f.band_periods[b],
                    ex::MIN_BAND_PERIODS
                ),
            );
            continue;
        }
        for route in ExitRoute::ALL {
            let i = route.index();
            r.add(
                g,
                format!("exits.route_by_entry_age[{b}][{i}]"),
                f.route_by_entry_age[b][i],
                e.route_by_entry_age[b][i],
                f.route_se[b][i],
                (0.0, 1.0),
                f.band_periods[b],
                "periods of care",
            );
        }
    }
    s.exits.route_by_entry_age = f.route_by_entry_age;
    let names = ["return_home", "special_guardianship", "adoption"];
    for k in 0..3 {
        let field = format!("exits.{}", names[k]);
        if !f.duration_fitted[k] {
            r.keep_too_few(
                &field,
                format!(
                    "only {} exits by this route in the window; {} needed",
                    f.route_exits[k],
                    ex::MIN_ROUTE_EXITS
                ),
            );
            continue;
        }
        let base_d = [&e.return_home, &e.special_guardianship, &e.adoption][k];
        let (values, defaults) = (params(&f.durations[k]), params(base_d));
        for (i, (key, v)) in values.iter().enumerate() {
            let default = defaults
                .iter()
                .find(|d| d.0 == *key)
                .map_or(f64::NAN, |d| d.1);
            r.add(
                g,
                format!("{field}.{key}"),
                *v,
                default,
                f.duration_se[k].get(i).copied().flatten(),
                (0.0, f64::MAX),
                f.periods,
                "periods of care",
            );
        }
        if matches!(base_d, crate::scenario::DurationDist::Empirical { .. }) {
            r.notes.push(format!(
                "{field}: the base scenario's empirical distribution is replaced by a fitted gamma"
            ));
        }
    }
    s.exits.return_home = f.durations[0].clone();
    s.exits.special_guardianship = f.durations[1].clone();
    s.exits.adoption = f.durations[2].clone();
    f
}

/// A duration's parameters by name.
fn params(d: &crate::scenario::DurationDist) -> Vec<(&'static str, f64)> {
    use crate::scenario::DurationDist as D;
    match d {
        D::Exponential { mean_months } => vec![("mean_months", *mean_months)],
        D::Gamma { mean_months, shape } => vec![("mean_months", *mean_months), ("shape", *shape)],
        D::Lognormal {
            median_months,
            sigma,
        } => vec![("median_months", *median_months), ("sigma", *sigma)],
        D::Empirical { .. } => vec![],
    }
}
