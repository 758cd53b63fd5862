//! The starting population, placement breakdowns and Staying Put, from the histories cut at
//! the as-at date, written into the fitted scenario with their provenance in the report;
//! and the list of what the return cannot give. Helpers shared by the other groups.

use super::report::{FitGroup, FitReport};
use super::start::{model_type, StartList};
use super::Window;
use crate::scenario::Scenario;
use crate::ssda903::codes::{ExitCategory, PlacementKind};
use crate::ssda903::date::Date;
use crate::ssda903::history::{ChildHistory, PeriodOfCare};
use crate::types::{PlacementType, DAYS_PER_MONTH, DAYS_PER_YEAR};

/// Periods that started in the window, with a known start.
pub(super) fn entrants(
    children: &[ChildHistory],
    from: Date,
    to: Date,
) -> impl Iterator<Item = &PeriodOfCare> {
    children
        .iter()
        .flat_map(|c| &c.periods)
        .filter(move |p| p.start_observed && p.start >= from && p.start <= to)
}

/// Binomial standard error of a share.
pub(super) fn share_se(p: f64, n: usize) -> Option<f64> {
    (n > 0).then(|| (p * (1.0 - p) / n as f64).sqrt())
}
pub fn starting_population(
    start: &StartList,
    base: &Scenario,
    s: &mut Scenario,
    r: &mut FitReport,
) {
    let n = start.children.len();
    let g = FitGroup::StartingPopulation;
    s.population.children = n as u32;
    r.add(
        g,
        "population.children",
        n as f64,
        f64::from(base.population.children),
        None,
        (0.0, f64::MAX),
        n,
        "children in care on the date",
    );
    let profile = start.age_profile();
    let base_profile = base.population.age_profile.unwrap_or([0.0; 5]);
    for b in 0..5 {
        r.add(
            g,
            format!("population.age_profile[{b}]"),
            profile[b],
            base_profile[b],
            None,
            (0.0, f64::MAX),
            n,
            "children in care on the date",
        );
    }
    let mix = start.placement_mix();
    let base_mix = base.population.placement_mix.to_array();
    for t in PlacementType::ALL {
        r.add(
            g,
            format!("population.placement_mix.{}", t.key()),
            mix[t.index()],
            base_mix[t.index()],
            None,
            (0.0, f64::MAX),
            n,
            "children in care on the date",
        );
    }
    s.population.listed = start.children.clone();
    if n > 0 {
        s.population.age_profile = Some(profile);
        s.population.placement_mix = super::counts(mix);
    }
    if start.age_imputed > 0 {
        r.notes.push(format!(
            "{} children in care on the date have no date of birth: given the median age of the others",
            start.age_imputed
        ));
    }
    if start.other_placement > 0 {
        r.notes.push(format!(
            "{} children in care on the date are in placements the model has no type for (secure units, health settings, custody, schools, other): counted as emergency / other",
            start.other_placement
        ));
    }
}
/// The date a child of `entry_months` at `start` turns 11 (approximately, by mean months).
fn turns_11(start: Date, entry_months: u32) -> Date {
    start.add_days(((132.0 - f64::from(entry_months)) * DAYS_PER_MONTH).round() as i32)
}

pub fn stability(w: &Window<'_>, s: &mut Scenario, r: &mut FitReport) {
    let (children, from, to, map, base) = w.parts();
    // (moves, exposure days) by type, for under 11 and 11+.
    let mut acc = [[(0usize, 0.0f64); PlacementType::COUNT]; 2];
    for p in children.iter().flat_map(|c| &c.periods) {
        let Some(entry) = p.age_at_entry_months else {
            continue;
        };
        let eleven = turns_11(p.start, entry);
        for (i, pl) in p.placements.iter().enumerate().skip(1) {
            let PlacementKind::Type(t) = map.classify(&pl.place, &pl.provider).0 else {
                continue;
            };
            let end = pl.end.unwrap_or(to).min(to);
            let (a, b) = (pl.start.max(from), end);
            if b > a {
                let young = (b.min(eleven).0 - a.0).max(0) as f64;
                let old = (b.0 - a.max(eleven).0).max(0) as f64;
                acc[0][t.index()].1 += young;
                acc[1][t.index()].1 += old;
            }
            let next = p.placements.get(i + 1);
            let moved = next.is_some_and(|n| {
                map.classify(&n.place, &n.provider).0
                    != PlacementKind::Type(PlacementType::PlacedForAdoption)
            });
            if let (true, Some(e)) = (moved, pl.end) {
                if e >= from && e <= to {
                    acc[usize::from(e >= eleven)][t.index()].0 += 1;
                }
            }
        }
    }
    r.notes.push("placement breakdowns: moves from a child's second and later placements in the window (first placements are left to the scenario's short-term first placements; moves to adopters are not breakdowns), per year in each placement type, under 11 and 11+; they include the extra moves of children whose placements keep breaking down, to which the scenario's repeat multiplier adds".into());
    let names = ["breakdown_child", "breakdown_adolescent"];
    for (band, name) in names.iter().enumerate() {
        for t in PlacementType::ALL {
            let (moves, days) = acc[band][t.index()];
            let years = days / DAYS_PER_YEAR;
            let field = format!("stability.{name}.{}", t.key());
            let default = if band == 0 {
                base.stability.breakdown_child.get(t)
            } else {
                base.stability.breakdown_adolescent.get(t)
            };
            if years < 5.0 {
                r.keep_too_few(
                    &field,
                    format!(
                        "only {years:.1} child-years in such placements in the window; 5 needed"
                    ),
                );
                continue;
            }
            let rate = (moves as f64 / years).min(crate::limits::MAX_BREAKDOWN_PER_YEAR);
            r.add(
                FitGroup::Stability,
                field,
                rate,
                default,
                Some((moves as f64).sqrt() / years),
                (0.0, crate::limits::MAX_BREAKDOWN_PER_YEAR),
                moves,
                "moves",
            );
            let mut v = if band == 0 {
                s.stability.breakdown_child.to_array()
            } else {
                s.stability.breakdown_adolescent.to_array()
            };
            v[t.index()] = rate;
            if band == 0 {
                s.stability.breakdown_child = super::counts(v);
            } else {
                s.stability.breakdown_adolescent = super::counts(v);
            }
        }
    }
}

pub fn staying_put(w: &Window<'_>, s: &mut Scenario, r: &mut FitReport) {
    let (children, from, to, map, base) = w.parts();
    let leavers: Vec<&PeriodOfCare> = children
        .iter()
        .flat_map(|c| &c.periods)
        .filter(|p| {
            p.end.is_some_and(|e| e >= from && e <= to) && p.exit == Some(ExitCategory::Adulthood)
        })
        .filter(|p| {
            p.placements.last().is_some_and(|pl| {
                model_type(map.classify(&pl.place, &pl.provider).0) == PlacementType::InHouseFoster
            })
        })
        .collect();
    let n = leavers.len();
    if n < 5 {
        r.keep_too_few("exits.staying_put_share", format!("only {n} young people left the council's own foster care as adults in the window; 5 needed"));
        return;
    }
    let share = leavers.iter().filter(|p| p.exit_code == "E17").count() as f64 / n as f64;
    r.add(
        FitGroup::StayingPut,
        "exits.staying_put_share",
        share,
        base.exits.staying_put_share,
        share_se(share, n),
        (0.0, 1.0),
        n,
        "young people leaving in-house foster care as adults",
    );
    s.exits.staying_put_share = share;
}

/// What the return cannot tell.
pub fn kept(r: &mut FitReport) {
    let not = "not in the return: kept from the base scenario; please confirm or enter your own";
    for (field, what) in super::report::NOT_IN_THE_RETURN {
        r.keep(field, format!("{what}: {not}"));
    }
}
