//! Admissions, age at entry and sibling groups, from the periods of care that began in the
//! window: sibling groups are the import's (children who started care on the same day with
//! the same home postcode), each counted once a month for the admission rate.

use super::admissions::{self as adm, AdmissionFit, MonthCount};
use super::rates::{entrants, share_se};
use super::report::{FitGroup, FitReport};
use super::Window;
use crate::scenario::Scenario;
use crate::ssda903::codes::PlacementKind;
use crate::ssda903::date::{days_in_month, Date};
use crate::ssda903::history::ChildHistory;
use crate::types::{AgeBand, PlacementType, DAYS_PER_YEAR};
use std::collections::BTreeMap;

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

pub fn admissions(w: &Window<'_>, s: &mut Scenario, r: &mut FitReport) -> Option<AdmissionFit> {
    let (children, from, to, _, base) = w.parts();
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
        if counts.len() < 6 {
            r.keep_too_few(
                "demand.groups_per_month",
                format!("only {} whole months in the window; 6 needed", counts.len()),
            );
        } else {
            r.keep(
                "demand.groups_per_month",
                format!(
                    "in the return, but no child started care in the window's {} whole months: kept the built-in value",
                    counts.len()
                ),
            );
        }
        return None;
    };
    let n = f.months;
    // With no sibling group found, each admission counted is one child: the rate of groups
    // is the children's rate over the base scenario's children per admission (whose group
    // sizes are then kept), so the children admitted stay as the returns show.
    let per_group = if gs.iter().any(|g| g.1.len() > 1) {
        1.0
    } else {
        mean_group_size(&base.demand.group_size)
    };
    if per_group != 1.0 {
        r.notes.push(format!(
            "admissions: no sibling groups were found in your returns, so each child was counted as an admission of their own ({:.2} children a month at the start of the forecast); the sibling groups a month are that over the baseline's {per_group:.2} children per admission, whose sibling group sizes are kept",
            f.groups_per_month
        ));
    }
    let gpm = (f.groups_per_month / per_group).clamp(0.0, crate::limits::MAX_GROUPS_PER_MONTH);
    let trend = f.trend_per_year.clamp(-0.9, 2.0);
    r.add(
        g,
        "demand.groups_per_month",
        gpm,
        base.demand.groups_per_month,
        Some(f.groups_per_month_se / per_group),
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
                let default = if mean > 0.0 {
                    base.demand.seasonality[m] / mean
                } else {
                    0.0
                };
                r.add(
                    g,
                    format!("demand.seasonality[{m}]"),
                    value,
                    default,
                    Some(se[m]),
                    (0.0, 10.0),
                    n,
                    "months",
                );
                s.demand.seasonality[m] = value;
            }
        }
        _ => {
            let reason = seasonality_not_fitted(&counts);
            r.keep("demand.seasonality", reason)
        }
    }
    if f.dispersion > 1.5 {
        r.notes.push(format!(
            "monthly admissions vary {:.1} times as much as a steady random rate would: standard errors widened accordingly",
            f.dispersion
        ));
    }
    Some(f)
}

/// Average children per admission of a `demand.group_size` list (shares of 1, 2, 3 ...
/// children); 1 when the list is empty or all zero.
fn mean_group_size(sizes: &[f64]) -> f64 {
    let total: f64 = sizes.iter().sum();
    if total > 0.0 {
        sizes
            .iter()
            .enumerate()
            .map(|(i, p)| (i + 1) as f64 * p)
            .sum::<f64>()
            / total
    } else {
        1.0
    }
}

/// Why the seasonal pattern was not fitted, naming the condition that failed: too few
/// months, calendar months with no admissions, or a fit that did not settle.
fn seasonality_not_fitted(counts: &[MonthCount]) -> String {
    let n = counts.len();
    if n < 24 {
        return format!(
            "in the return, but too few to fit (only {n} whole months in the window; a seasonal pattern needs 24): kept the built-in value"
        );
    }
    let empty: Vec<&str> = (0..12)
        .filter(|m| !counts.iter().any(|c| c.cal == *m && c.groups > 0.0))
        .map(|m| crate::types::MONTH_NAMES[m])
        .collect();
    if !empty.is_empty() {
        let list = match empty.as_slice() {
            [one] => one.to_string(),
            [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
            [] => String::new(),
        };
        return format!(
            "in the return, but no child started care in {list} in any of the window's {n} whole months, so a seasonal pattern cannot be fitted: kept the built-in value"
        );
    }
    format!(
        "in the return, but the seasonal pattern could not be estimated from the window's {n} whole months (the fit did not settle): kept the built-in value"
    )
}

pub fn entry_and_siblings(w: &Window<'_>, s: &mut Scenario, r: &mut FitReport) {
    let (children, from, to, map, base) = w.parts();
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
        r.keep_too_few(
            "demand.entry_age",
            format!("only {n} children entered care alone with a known age; 20 needed"),
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
    let group_count = gs.iter().filter(|g| g.1.len() > 1).count();
    if group_count == 0 && children_n > 0 {
        r.notes.push(format!(
            "sibling groups: none found among the {children_n} children who entered care in the window (no two started care on the same day from the same home postcode), so the returns say nothing about sibling groups: the baseline's sibling group sizes and age spread are kept"
        ));
    } else if group_count > 0 {
        r.notes.push(format!(
            "sibling groups inferred from children who started care on the same day with the same home postcode (postcodes used only while importing, then dropped): {grouped} of {children_n} children who entered in the window ({:.1}%) in {group_count} groups",
            if children_n > 0 { 100.0 * grouped as f64 / children_n as f64 } else { 0.0 },
        ));
    }
    if group_count == 0 && n > 0 {
        r.keep(
            "demand.group_size",
            format!(
                "in the return, but none of the {children_n} children who entered care in the window shared a home postcode and a start date with another child, so sibling structure is unknown: kept the built-in value"
            ),
        );
        r.keep(
            "demand.sibling_age_spread_years",
            "in the return, but no sibling groups were found: kept the built-in value",
        );
        return;
    }
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
        r.keep_too_few(
            "demand.group_size",
            format!("only {n} admissions in the window; 20 needed"),
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
        r.keep_too_few(
            "demand.sibling_age_spread_years",
            format!("only {} pairs of siblings; 5 needed", gaps.len()),
        );
    }
}
