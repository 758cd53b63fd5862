//! The observed history computed from imported histories: children in care on a date by
//! placement kind and by the engine's age bands, and admissions and exits per calendar
//! month. The basis for the history drawn before a forecast and for hindcasts.

use super::codes::{ExitCategory, PlacementKind};
use super::date::{days_in_month, Date};
use super::history::ChildHistory;
use super::Import;
use crate::types::{AgeBand, PlacementType};
use serde::{Deserialize, Serialize};

/// Children in care on one day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    pub date: Date,
    pub in_care: usize,
    /// By [`PlacementKind::index`]: the model's placement types in order, then "other".
    pub by_placement: Vec<usize>,
    /// By [`AgeBand::index`].
    pub by_age_band: Vec<usize>,
    /// Children whose age is not known (no date of birth).
    pub age_unknown: usize,
}

impl Snapshot {
    pub fn placement(&self, kind: PlacementKind) -> usize {
        self.by_placement.get(kind.index()).copied().unwrap_or(0)
    }

    pub fn placement_type(&self, t: PlacementType) -> usize {
        self.placement(PlacementKind::Type(t))
    }

    pub fn age_band(&self, band: AgeBand) -> usize {
        self.by_age_band.get(band.index()).copied().unwrap_or(0)
    }
}

/// Children in care on `date` (started on or before it, not yet left).
pub fn in_care_on(children: &[ChildHistory], date: Date) -> Snapshot {
    let mut s = Snapshot {
        date,
        in_care: 0,
        by_placement: vec![0; PlacementKind::COUNT],
        by_age_band: vec![0; AgeBand::COUNT],
        age_unknown: 0,
    };
    for period in children.iter().flat_map(|c| &c.periods) {
        if !period.in_care_on(date) {
            continue;
        }
        s.in_care += 1;
        let kind = period
            .placement_on(date)
            .map_or(PlacementKind::Other, |p| p.kind);
        s.by_placement[kind.index()] += 1;
        match period.age_months_on(date) {
            Some(m) => s.by_age_band[AgeBand::of_age(f64::from(m) / 12.0).index()] += 1,
            None => s.age_unknown += 1,
        }
    }
    s
}

/// One calendar month of the observed history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Month {
    pub year: i32,
    /// 1-12.
    pub month: u32,
    /// Periods of care that started in the month (left-truncated periods, whose start is
    /// not known, are not counted).
    pub admissions: usize,
    /// Periods of care that ended in the month.
    pub exits: usize,
    /// Exits by [`ExitCategory`] in the order of [`ExitCategory::ALL`].
    pub exits_by_category: Vec<usize>,
    /// Children in care on the month's last day.
    pub end: Snapshot,
}

/// Admissions, exits and the month-end count for every month from the one holding `from`
/// to the one holding `to` (empty if `to` is before `from`; at most 1,200 months).
pub fn months(children: &[ChildHistory], from: Date, to: Date) -> Vec<Month> {
    let (mut y, mut m, _) = from.ymd();
    let (ty, tm, _) = to.ymd();
    let mut out: Vec<Month> = Vec::new();
    while (y, m) <= (ty, tm) && out.len() < 1200 {
        let Some(last) = Date::from_ymd(y, m, days_in_month(y, m)) else {
            break;
        };
        out.push(Month {
            year: y,
            month: m,
            admissions: 0,
            exits: 0,
            exits_by_category: vec![0; ExitCategory::ALL.len()],
            end: in_care_on(children, last),
        });
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    let (y0, m0, _) = from.ymd();
    let n = out.len();
    let slot = |d: Date| -> Option<usize> {
        let (dy, dm, _) = d.ymd();
        let k = i64::from(dy - y0) * 12 + i64::from(dm) - i64::from(m0);
        usize::try_from(k).ok().filter(|k| *k < n)
    };
    for period in children.iter().flat_map(|c| &c.periods) {
        if let Some(i) = slot(period.start).filter(|_| period.start_observed) {
            out[i].admissions += 1;
        }
        if let (Some(end), Some(exit)) = (period.end, period.exit) {
            if let Some(i) = slot(end) {
                out[i].exits += 1;
                if let Some(k) = ExitCategory::ALL.iter().position(|c| *c == exit) {
                    out[i].exits_by_category[k] += 1;
                }
            }
        }
    }
    out
}

/// The observed history over the returns' span ([`Import::observed_from`] to
/// [`Import::observed_to`]); empty when nothing was imported.
pub fn observed(import: &Import) -> Vec<Month> {
    match (import.observed_from, import.observed_to) {
        (Some(from), Some(to)) => months(&import.children, from, to),
        _ => Vec::new(),
    }
}
