//! Foster carers who become their children's special guardians. The model makes this
//! happen when one of the council's own foster households stops fostering: with chance
//! `fostering.sgo_conversion_share` its children leave care with it by special
//! guardianship, at the carers' time, not after a duration drawn for the route at entry.
//! So an order the return records as made to former foster carers (REC E43, E45, E46)
//! for a child whose last placement was in the council's own foster care is one of these
//! conversions. It is kept out of the special guardianship route's share and duration
//! (the period counts as in care until that day, censored, as the child's own route was
//! not seen: the `routes` module), or the model would make it twice, and it gives the
//! conversion share instead:
//!
//! `share = (conversions per child-year in the council's own foster care in the window)
//!          / (the base scenario's yearly rate of households leaving)`,
//!
//! because in the model each child in a household leaves by conversion at the household's
//! leaving rate times the share. The return holds no carers, so the leaving rate is the
//! scenario's: `fostering.attrition_early` for the share of households in their first two
//! years and `fostering.attrition_later` for the rest, mixed as the model draws the
//! starting households' time since approval (exponential, mean
//! `fostering.mean_tenure_years`). Its standard error is that of a count of households
//! converting, not of children: children leaving this way on the same day are taken as one
//! household's (they leave together, so the count varies as the sum of the squared sizes).
//! Orders to former foster carers from other placements
//! (family and friends or agency carers, whose leaving the model does not follow) stay in
//! the route, as do orders to other carers (E44, E47, E48) and child arrangements orders
//! (E41).

use super::report::{FitGroup, FitReport};
use super::Window;
use crate::scenario::{Fostering, Scenario};
use crate::ssda903::codes::{
    sgo_to_former_foster_carers, ExitCategory, PlacementKind, PlacementMap,
};
use crate::ssda903::history::PeriodOfCare;
use crate::types::{PlacementType, DAYS_PER_YEAR};
use serde::{Deserialize, Serialize};

/// Fewest child-years in the council's own foster care in the window for the share to be
/// estimated.
pub const MIN_IN_HOUSE_YEARS: f64 = 5.0;

/// What the window's special guardianship exits were, and the share they gave.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Conversions {
    /// Special guardianship orders (E43-E48) ending a period of care in the window.
    pub sgo: usize,
    /// Child arrangements orders (E41) in the window (the model's same route).
    pub cao: usize,
    /// Orders to former foster carers from the council's own foster care: conversions.
    pub conversions: usize,
    /// Orders to former foster carers from any other placement (kept in the route).
    pub former_other: usize,
    /// Child-years in the council's own foster care in the window.
    pub in_house_years: f64,
    /// The base scenario's yearly rate of households leaving the share is divided by.
    pub leaving_rate: f64,
    /// Days with a conversion (each taken as one household's).
    pub days: usize,
    /// The fitted share (`None`: kept from the base scenario).
    pub share: Option<f64>,
}

/// The period ended with the child's foster carers, in the council's own foster care,
/// becoming their special guardians.
pub(super) fn is_conversion(p: &PeriodOfCare, map: &PlacementMap) -> bool {
    p.end.is_some()
        && p.exit == Some(ExitCategory::SgoCao)
        && sgo_to_former_foster_carers(&p.exit_code)
        && p.placements
            .last()
            .is_some_and(|pl| in_house(map, &pl.place, &pl.provider))
}

fn in_house(map: &PlacementMap, place: &str, provider: &str) -> bool {
    map.classify(place, provider).0 == PlacementKind::Type(PlacementType::InHouseFoster)
}

/// The yearly rate at which a household of the scenario's leaves: early and later rates
/// mixed by the share of starting households in their first two years.
pub fn leaving_rate(f: &Fostering) -> f64 {
    let early = if f.mean_tenure_years > 0.0 {
        1.0 - libm::exp(-2.0 / f.mean_tenure_years)
    } else {
        1.0
    };
    early * f.attrition_early + (1.0 - early) * f.attrition_later
}

/// Counts the window's special guardianship exits, and fits the conversion share.
pub fn fit(w: &Window<'_>, s: &mut Scenario, r: &mut FitReport) -> Conversions {
    let (children, from, to, map, base) = w.parts();
    let mut c = Conversions {
        leaving_rate: leaving_rate(&base.fostering),
        ..Conversions::default()
    };
    let mut days = 0.0;
    let mut on_day = std::collections::BTreeMap::<i32, usize>::new();
    for p in children.iter().flat_map(|ch| &ch.periods) {
        for pl in &p.placements {
            if in_house(map, &pl.place, &pl.provider) {
                let end = pl.end.unwrap_or(to).min(to);
                days += f64::from((end.0 - pl.start.max(from).0).max(0));
            }
        }
        if !p.end.is_some_and(|e| e >= from && e <= to) || p.exit != Some(ExitCategory::SgoCao) {
            continue;
        }
        if p.exit_code == "E41" {
            c.cao += 1;
            continue;
        }
        c.sgo += 1;
        if let (true, Some(e)) = (is_conversion(p, map), p.end) {
            c.conversions += 1;
            *on_day.entry(e.0).or_default() += 1;
        } else if sgo_to_former_foster_carers(&p.exit_code) {
            c.former_other += 1;
        }
    }
    c.in_house_years = days / DAYS_PER_YEAR;
    c.days = on_day.len();
    let squares: usize = on_day.values().map(|n| n * n).sum();
    let field = "fostering.sgo_conversion_share";
    let per_year = c.conversions as f64 / c.in_house_years.max(f64::MIN_POSITIVE);
    if c.in_house_years < MIN_IN_HOUSE_YEARS {
        r.keep_too_few(field, format!("only {:.1} child-years in your own foster care in the window; {MIN_IN_HOUSE_YEARS} needed", c.in_house_years));
    } else if c.leaving_rate <= 0.0 {
        r.keep(field, "in the return, but the base scenario's foster households never leave, so no share of them leaving gives the conversions: kept the built-in value");
    } else {
        let raw = per_year / c.leaving_rate;
        let share = raw.min(1.0);
        let se = (squares.max(1) as f64).sqrt() / c.in_house_years / c.leaving_rate;
        r.add(
            FitGroup::Exits,
            field,
            share,
            base.fostering.sgo_conversion_share,
            Some(se),
            (0.0, 1.0),
            c.conversions,
            "special guardianship orders to your own foster carers",
        );
        let window = r.window();
        if let Some(v) = r.values.last_mut() {
            v.source = format!(
                "estimated from your returns ({} special guardianship orders to former foster carers from your own foster care over {:.0} child-years there, {}), divided by the base scenario's rate of foster households leaving ({:.3} a year, from fostering.attrition_early and fostering.attrition_later: not in the return)",
                c.conversions, c.in_house_years, window, c.leaving_rate
            );
        }
        if raw > 1.0 {
            r.notes.push(format!("special guardianship conversions: your carers' conversions ({per_year:.3} a child-year) are more than the base scenario's foster households leave ({:.3} a year): the share is 1 and the model will make fewer of them than the returns show", c.leaving_rate));
        }
        s.fostering.sgo_conversion_share = share;
        c.share = Some(share);
    }
    r.notes.push(note(&c, per_year));
    c
}

/// The plain-English account of the window's special guardianship exits.
fn note(c: &Conversions, per_year: f64) -> String {
    let other = c.sgo - c.conversions - c.former_other;
    let what = match c.share {
        Some(share) => format!(
            "{:.1} for every 100 child-years there ({:.0} child-years): at the base scenario's rate of foster households leaving ({:.3} a year) that is a share of {share:.2} of households leaving by special guardianship (fostering.sgo_conversion_share)",
            100.0 * per_year, c.in_house_years, c.leaving_rate
        ),
        None => "too few child-years there to estimate a share: fostering.sgo_conversion_share kept".into(),
    };
    format!(
        "special guardianship: {} special guardianship orders ended a period of care in the window, and {} child arrangements orders (E41). {} of the orders (on {} days: children leaving together are taken as one household's) went to former foster carers in your own foster care (E43/E45/E46): the model makes these when one of your foster households stops fostering, so they are left out of the special guardianship route and its duration (counted as in care until that day) and give {what}. {} went to former foster carers in other placements (family and friends, agency) and {} to other carers (E44/E47/E48): these, and the child arrangements orders, are the route's",
        c.sgo, c.cao, c.conversions, c.days, c.former_other, other
    )
}
