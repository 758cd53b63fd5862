//! What the import keeps of each child: only what the model needs. Periods of care with
//! their dates, age at entry in whole months, placements (kind, codes, dates, reason for
//! the change) and how the period ended; sex; whether the child was an unaccompanied asylum
//! seeker; and an anonymous sibling-group number. No CHILD id, date of birth or postcode:
//! age is kept in whole months, so the date of birth cannot be read back to the day.

use super::codes::{ExitCategory, PlacementKind, Sex};
use super::date::Date;
use serde::{Deserialize, Serialize};

/// One child's stitched history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChildHistory {
    pub sex: Sex,
    /// Recorded as an unaccompanied asylum-seeking child in any return.
    pub uasc: bool,
    /// Periods of care in time order, not overlapping.
    pub periods: Vec<PeriodOfCare>,
}

/// A continuous time in care, from starting to be looked after to leaving.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PeriodOfCare {
    /// The first day in care, when `start_observed`; otherwise the first day the returns
    /// show (the period began before the earliest return, which does not hold its start).
    pub start: Date,
    /// Whether `start` is the real start: the first episode is a start (RNE S) or lies
    /// within the returns' span. False for left-truncated periods.
    pub start_observed: bool,
    /// The day the child left care; `None` while still in care at the end of the data.
    pub end: Option<Date>,
    /// Completed months of age on the first day; `None` when the date of birth is missing
    /// or after the start.
    pub age_at_entry_months: Option<u32>,
    /// How the period ended; `None` while open.
    pub exit: Option<ExitCategory>,
    /// The REC code that ended it ("" when open or not recorded).
    pub exit_code: String,
    /// Periods that started the same day from the same home postcode share a number
    /// (the sibling heuristic); `None` when no other child matched.
    pub sibling_group: Option<u32>,
    /// Placements in time order: the first starts with the period, each ends when the next
    /// starts, the last ends with the period.
    pub placements: Vec<Placement>,
}

/// One placement within a period (consecutive episodes with the same placement and carers
/// are one placement: a change of legal status alone is not a move).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Placement {
    pub kind: PlacementKind,
    /// PLACE and PLACE_PROVIDER codes as recorded, so the placement table can be changed
    /// without importing again.
    pub place: String,
    pub provider: String,
    pub start: Date,
    pub end: Option<Date>,
    /// REASON_PLACE_CHANGE when the placement ended by a move within the period ("" else).
    pub reason_for_change: String,
}

impl PeriodOfCare {
    /// In care on `date`: started on or before it and not yet left (the day of leaving is
    /// not counted).
    pub fn in_care_on(&self, date: Date) -> bool {
        self.start <= date && self.end.is_none_or(|e| date < e)
    }

    /// The placement on `date` (the later one on a day of moving).
    pub fn placement_on(&self, date: Date) -> Option<&Placement> {
        if !self.in_care_on(date) {
            return None;
        }
        self.placements
            .iter()
            .rev()
            .find(|p| p.start <= date)
            .or(self.placements.first())
    }

    /// Age in completed months on `date` (from age at entry plus whole months since).
    pub fn age_months_on(&self, date: Date) -> Option<u32> {
        let since = date.whole_months_since(self.start).max(0) as u32;
        self.age_at_entry_months.map(|a| a.saturating_add(since))
    }

    /// Days in care up to `date` (or to the end, if earlier).
    pub fn days_in_care_by(&self, date: Date) -> i32 {
        let stop = self.end.map_or(date, |e| e.min(date));
        stop.days_since(self.start).max(0)
    }

    /// Placements that ended by a move within the period.
    pub fn moves(&self) -> usize {
        self.placements.len().saturating_sub(1)
    }
}
