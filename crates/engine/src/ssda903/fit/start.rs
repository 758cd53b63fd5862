//! The children in care on the as-at date, one by one, with only what the model needs:
//! age, age at entry, time in care so far, placement type and placement moves in the last
//! 12 months. No identifier, date of birth or postcode: ages are whole months over 12.

use crate::scenario::StartChild;
use crate::ssda903::codes::{PlacementKind, PlacementMap};
use crate::ssda903::date::Date;
use crate::ssda903::history::ChildHistory;
use crate::types::{AgeBand, PlacementType, DAYS_PER_MONTH};
use serde::{Deserialize, Serialize};

/// One child in care at the start: the scenario's own type (the return does not record
/// needs: a child living in a children's home is taken to have complex needs, as the model
/// does for its starting stock, others not).
pub type FittedChild = StartChild;

/// The starting list, and how many children had no known age (given the median age of
/// those known) or an "other" placement (counted as emergency / other).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StartList {
    pub children: Vec<FittedChild>,
    pub age_imputed: usize,
    pub other_placement: usize,
}

/// The model's type of a placement kind: "other" settings count as emergency / other.
pub fn model_type(kind: PlacementKind) -> PlacementType {
    match kind {
        PlacementKind::Type(t) => t,
        PlacementKind::Other => PlacementType::Emergency,
    }
}

/// Children in care on `as_at` (histories already cut at it).
pub fn starting_list(children: &[ChildHistory], as_at: Date, map: &PlacementMap) -> StartList {
    let year_ago = as_at.add_days(-365);
    let mut out = StartList::default();
    let mut unknown_age = Vec::new();
    for period in children.iter().flat_map(|c| &c.periods) {
        if !period.in_care_on(as_at) {
            continue;
        }
        let Some(placement) = period.placement_on(as_at) else {
            continue;
        };
        let kind = map.classify(&placement.place, &placement.provider).0;
        if kind == PlacementKind::Other {
            out.other_placement += 1;
        }
        let placement = model_type(kind);
        let moves = period
            .placements
            .iter()
            .skip(1)
            .filter(|p| p.start > year_ago && p.start <= as_at)
            .count() as u32;
        let months_in_care = f64::from(period.days_in_care_by(as_at)) / DAYS_PER_MONTH;
        let child = FittedChild {
            age_years: period
                .age_months_on(as_at)
                .map_or(-1.0, |m| f64::from(m) / 12.0),
            entry_age_years: period
                .age_at_entry_months
                .map_or(-1.0, |m| f64::from(m) / 12.0),
            months_in_care,
            placement,
            moves_last_12_months: moves,
            complex_needs: placement.is_residential(),
        };
        if child.age_years < 0.0 {
            unknown_age.push(out.children.len());
        }
        out.children.push(child);
    }
    let mut known: Vec<f64> = out
        .children
        .iter()
        .filter(|c| c.age_years >= 0.0)
        .map(|c| c.age_years)
        .collect();
    known.sort_by(f64::total_cmp);
    let median = known.get(known.len() / 2).copied().unwrap_or(10.0);
    for i in unknown_age {
        let c = &mut out.children[i];
        c.age_years = median;
        c.entry_age_years = (median - c.months_in_care / 12.0).max(0.0);
        out.age_imputed += 1;
    }
    for c in &mut out.children {
        // A child of 18 on the day (a late return) is counted as 17; time in care is kept
        // and the age at entry made to agree with it.
        c.age_years = c.age_years.min(17.99);
        c.entry_age_years = c.entry_age_years.clamp(0.0, c.age_years);
        if ((c.age_years - c.entry_age_years) * 12.0 - c.months_in_care).abs() > 0.5 {
            c.months_in_care = c.months_in_care.min(c.age_years * 12.0);
            c.entry_age_years = (c.age_years - c.months_in_care / 12.0).max(0.0);
        }
        c.moves_last_12_months = c.moves_last_12_months.min(crate::limits::MAX_START_MOVES);
    }
    out
}

impl StartList {
    /// Children by age band (the scenario's age profile).
    pub fn age_profile(&self) -> [f64; 5] {
        let mut p = [0.0; 5];
        for c in &self.children {
            p[AgeBand::of_age(c.age_years).index()] += 1.0;
        }
        p
    }

    /// Children by placement type (the scenario's placement mix).
    pub fn placement_mix(&self) -> [f64; PlacementType::COUNT] {
        let mut p = [0.0; PlacementType::COUNT];
        for c in &self.children {
            p[c.placement.index()] += 1.0;
        }
        p
    }
}
