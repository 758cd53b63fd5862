//! Each group of the fit, from the histories cut at the as-at date, written into the
//! fitted scenario with its provenance in the report: the starting population; admissions;
//! age at entry and sibling groups (the import's rule: children who started care on the
//! same day with the same home postcode); exits; placement breakdowns; Staying Put.

use super::admissions::{self as adm, AdmissionFit, MonthCount};
use super::exits::{self as ex, ExitFit, ExitObs, Outcome};
use super::report::{FitGroup, FitReport};
use super::start::{model_type, StartList};
use crate::scenario::Scenario;
use crate::ssda903::codes::{ExitCategory, PlacementKind, PlacementMap};
use crate::ssda903::date::{days_in_month, Date};
use crate::ssda903::history::{ChildHistory, PeriodOfCare};
use crate::types::{AgeBand, ExitRoute, PlacementType, DAYS_PER_MONTH, DAYS_PER_YEAR};
use std::collections::BTreeMap;

/// Periods that started in the window, with a known start.
fn entrants(
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
fn share_se(p: f64, n: usize) -> Option<f64> {
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

/// Sibling groups of the window's entrants: (start, age at entry in years if known, group
/// size), one entry per group with its members' ages.
fn groups(children: &[ChildHistory], from: Date, to: Date) -> Vec<(Date, Vec<Option<f64>>)> {
    let mut by_id: BTreeMap<u32, (Date, Vec<Option<f64>>)> = BTreeMap::new();
    let mut out = Vec::new();
    for p in entrants(children, from, to) {
        let age = p.age_at_entry_months.map(|m| f64::from(m) / 12.0);
        match p.sibling_group {
            Some(id) => by_id.entry(id).or_insert((p.start, Vec::new())).1.push(age),
            None => out.push((p.start, vec![age])),
        }
    }
    out.extend(by_id.into_values());
    out.sort_by_key(|g| g.0);
    out
}

pub fn admissions(
    children: &[ChildHistory],
    from: Date,
    to: Date,
    base: &Scenario,
    s: &mut Scenario,
    r: &mut FitReport,
) -> Option<AdmissionFit> {
    // Whole calendar months inside the window.
    let (sy, sm) = super::start_month(to);
    let sim_start = Date::from_ymd(sy, sm, 1)?;
    let mut months: Vec<(Date, Date, usize)> = Vec::new();
    let (mut y, mut m, d) = from.ymd();
    if d != 1 {
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    while let (Some(first), Some(last)) = (
        Date::from_ymd(y, m, 1),
        Date::from_ymd(y, m, days_in_month(y, m)),
    ) {
        if last > to {
            break;
        }
        months.push((first, last, m as usize - 1));
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    let gs = groups(children, from, to);
    let counts: Vec<MonthCount> = months
        .iter()
        .map(|(first, last, cal)| {
            let mid = f64::from(first.0 + last.0) / 2.0;
            MonthCount {
                years: (mid - f64::from(sim_start.0)) / DAYS_PER_YEAR,
                cal: *cal,
                groups: gs.iter().filter(|g| g.0 >= *first && g.0 <= *last).count() as f64,
            }
        })
        .collect();
    let g = FitGroup::Admissions;
    let Some(f) = adm::fit(&counts) else {
        r.keep(
            "demand.groups_per_month",
            "fewer than 6 whole months in the window, or no admissions: admissions kept",
        );
        return None;
    };
    let n = f.months;
    let gpm = f
        .groups_per_month
        .clamp(0.0, crate::limits::MAX_GROUPS_PER_MONTH);
    let trend = f.trend_per_year.clamp(-0.9, 2.0);
    r.add(
        g,
        "demand.groups_per_month",
        gpm,
        base.demand.groups_per_month,
        Some(f.groups_per_month_se),
        (0.0, crate::limits::MAX_GROUPS_PER_MONTH),
        n,
        "months",
    );
    r.add(
        g,
        "demand.trend_per_year",
        trend,
        base.demand.trend_per_year,
        Some(f.trend_se),
        (-0.9, 2.0),
        n,
        "months",
    );
    s.demand.groups_per_month = gpm;
    s.demand.trend_per_year = trend;
    match (f.seasonality, f.seasonality_se) {
        (Some(v), Some(se)) => {
            let mean = base.demand.seasonality.iter().sum::<f64>() / 12.0;
            for m in 0..12 {
                let value = v[m].clamp(0.0, 10.0);
                let default = if mean > 0.0 { base.demand.seasonality[m] / mean } else { 0.0 };
                r.add(g, format!("demand.seasonality[{m}]"), value, default, Some(se[m]), (0.0, 10.0), n, "months");
                s.demand.seasonality[m] = value;
            }
        }
        _ => r.keep("demand.seasonality", format!("{n} whole months in the window: seasonality needs 24, and some admissions in every calendar month: kept")),
    }
    if f.dispersion > 1.5 {
        r.notes.push(format!(
            "monthly admissions vary {:.1} times as much as a steady random rate would: standard errors widened accordingly",
            f.dispersion
        ));
    }
    Some(f)
}

pub fn entry_and_siblings(
    children: &[ChildHistory],
    from: Date,
    to: Date,
    map: &PlacementMap,
    base: &Scenario,
    s: &mut Scenario,
    r: &mut FitReport,
) {
    let gs = groups(children, from, to);
    // Age at entry from children who entered alone: the model draws every group's first
    // child from it and its brothers and sisters around that child.
    let alone: Vec<f64> = gs
        .iter()
        .filter(|g| g.1.len() == 1)
        .filter_map(|g| g.1[0])
        .collect();
    let n = alone.len();
    if n >= 20 {
        let mut shares = [0.0; 5];
        for a in &alone {
            shares[AgeBand::of_age(*a).index()] += 1.0;
        }
        let shares = shares.map(|c| c / n as f64);
        for (b, share) in shares.iter().enumerate() {
            r.add(
                FitGroup::EntryAges,
                format!("demand.entry_age[{b}]"),
                *share,
                base.demand.entry_age[b],
                share_se(*share, n),
                (0.0, 1.0),
                n,
                "children entering care alone",
            );
        }
        s.demand.entry_age = shares;
    } else {
        r.keep(
            "demand.entry_age",
            format!("only {n} children entered care alone with a known age (20 needed): kept"),
        );
    }
    let first: Vec<PlacementKind> = entrants(children, from, to)
        .filter_map(|p| p.placements.first())
        .map(|p| map.classify(&p.place, &p.provider).0)
        .collect();
    if first.len() >= 20 {
        let n = first.len();
        let share = first
            .iter()
            .filter(|k| **k == PlacementKind::Type(PlacementType::PlacedWithParents))
            .count() as f64
            / n as f64;
        r.add(
            FitGroup::EntryAges,
            "demand.placed_with_parents_share",
            share,
            base.demand.placed_with_parents_share,
            share_se(share, n),
            (0.0, 1.0),
            n,
            "periods of care",
        );
        s.demand.placed_with_parents_share = share;
    }
    // Group sizes.
    let n = gs.len();
    let grouped: usize = gs.iter().filter(|g| g.1.len() > 1).map(|g| g.1.len()).sum();
    let children_n: usize = gs.iter().map(|g| g.1.len()).sum();
    r.notes.push(format!(
        "sibling groups inferred from children who started care on the same day with the same home postcode (postcodes used only while importing, then dropped): {grouped} of {children_n} children who entered in the window ({:.1}%) in {} groups",
        if children_n > 0 { 100.0 * grouped as f64 / children_n as f64 } else { 0.0 },
        gs.iter().filter(|g| g.1.len() > 1).count()
    ));
    if n >= 20 {
        let max = crate::limits::MAX_GROUP_SIZE;
        let largest = gs.iter().map(|g| g.1.len().min(max)).max().unwrap_or(1);
        let mut sizes = vec![0.0; largest];
        for g in &gs {
            sizes[g.1.len().min(max) - 1] += 1.0;
        }
        let sizes: Vec<f64> = sizes.into_iter().map(|c| c / n as f64).collect();
        for (i, v) in sizes.iter().enumerate() {
            let default = base.demand.group_size.get(i).copied().unwrap_or(0.0);
            r.add(
                FitGroup::Siblings,
                format!("demand.group_size[{i}]"),
                *v,
                default,
                share_se(*v, n),
                (0.0, 1.0),
                n,
                "sibling groups (and children alone)",
            );
        }
        s.demand.group_size = sizes;
    } else {
        r.keep(
            "demand.group_size",
            format!("only {n} admissions in the window (20 needed): kept"),
        );
    }
    // Age spread: in the model a sibling is within U x spread of the first child, so the
    // gap in a pair averages spread / 2.
    let gaps: Vec<f64> = gs
        .iter()
        .filter(|g| g.1.len() == 2)
        .filter_map(|g| Some((g.1[0]? - g.1[1]?).abs()))
        .collect();
    if gaps.len() >= 5 {
        let k = gaps.len() as f64;
        let mean = gaps.iter().sum::<f64>() / k;
        let var = gaps.iter().map(|g| (g - mean).powi(2)).sum::<f64>() / (k - 1.0);
        let spread = (2.0 * mean).clamp(0.0, f64::from(crate::limits::MAX_AGE));
        r.add(
            FitGroup::Siblings,
            "demand.sibling_age_spread_years",
            spread,
            base.demand.sibling_age_spread_years,
            Some(2.0 * (var / k).sqrt()),
            (0.0, 17.0),
            gaps.len(),
            "pairs of siblings",
        );
        s.demand.sibling_age_spread_years = spread;
    } else {
        r.keep(
            "demand.sibling_age_spread_years",
            format!("only {} pairs of siblings (5 needed): kept", gaps.len()),
        );
    }
}

/// How a period is seen for the exit fit.
fn outcome(p: &PeriodOfCare, entry_age: f64, days: f64) -> Outcome {
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

pub fn exits(
    children: &[ChildHistory],
    from: Date,
    to: Date,
    base: &Scenario,
    s: &mut Scenario,
    r: &mut FitReport,
) -> ExitFit {
    let obs: Vec<ExitObs> = entrants(children, from, to)
        .filter_map(|p| {
            let age = f64::from(p.age_at_entry_months?) / 12.0;
            let days = f64::from(p.end.unwrap_or(to).min(to).days_since(p.start)).max(0.0);
            Some(ExitObs {
                band: ex::band_of(age),
                days,
                outcome: outcome(p, age, days),
            })
        })
        .collect();
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
        "exits: {} periods of care that began in the window; {} still in care on the date or left as young adults (censored: their stays count as at least that long); {} left for another or an unrecorded reason before 17½ (counted as leaving by a route not known)",
        f.periods, f.censored_or_adult, f.unknown_route
    ));
    if f64::from(to.days_since(from)) < 4.5 * DAYS_PER_YEAR {
        r.notes.push("exits: from a window under five years, how many young children stay in care until 18 rests on how the durations' tails run beyond the window (a long stay by another route looks the same): a longer window pins it better".into());
    }
    let g = FitGroup::Exits;
    for b in 0..5 {
        if !f.band_fitted[b] {
            r.keep(
                &format!("exits.route_by_entry_age[{b}]"),
                format!(
                    "only {} periods of care began at this age in the window ({} needed): kept",
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
            r.keep(
                &field,
                format!(
                    "only {} exits by this route in the window ({} needed): duration kept",
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

/// The date a child of `entry_months` at `start` turns 11 (approximately, by mean months).
fn turns_11(start: Date, entry_months: u32) -> Date {
    start.add_days(((132.0 - f64::from(entry_months)) * DAYS_PER_MONTH).round() as i32)
}

pub fn stability(
    children: &[ChildHistory],
    from: Date,
    to: Date,
    map: &PlacementMap,
    base: &Scenario,
    s: &mut Scenario,
    r: &mut FitReport,
) {
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
                r.keep(&field, format!("only {years:.1} child-years in such placements in the window (5 needed): kept"));
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

pub fn staying_put(
    children: &[ChildHistory],
    from: Date,
    to: Date,
    map: &PlacementMap,
    base: &Scenario,
    s: &mut Scenario,
    r: &mut FitReport,
) {
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
        r.keep("exits.staying_put_share", format!("only {n} young people left the council's own foster care as adults in the window (5 needed): kept"));
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
    for (field, what) in [
        (
            "fostering",
            "foster households, places, approvals, deregistrations and the recruitment funnel",
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
    ] {
        r.keep(field, format!("{what}: {not}"));
    }
}
