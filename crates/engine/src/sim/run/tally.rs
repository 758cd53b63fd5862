//! Month-end counts of the children in care, kept up to date as children are placed and
//! leave their placements, so the month end does not scan every child.
//!
//! A child is counted from the moment it takes a placement (`occupy` with +1) until it
//! leaves it (-1), by placement type, out-of-borough, sufficiency gap, age band and "3+
//! placements in 12 months". Two of these change with time alone: the age band (at the
//! 1st, 5th, 10th and 16th birthdays) and the 3+ moves flag (when the placement before last
//! falls out of the last 12 months). Each child has a check booked in a per-month list
//! shortly before such a change is due; a check recomputes the value exactly as the month
//! end defines it and books the next one, so rounding in the booking cannot shift a count.
//! `scan` recounts from scratch, and `check_invariants` compares the two.

use super::*;

/// What the month end reports about the children in care.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Tally {
    pub by_type: [i64; PlacementType::COUNT],
    pub by_age: [i64; AgeBand::COUNT],
    pub out_of_borough: i64,
    pub gap: i64,
    pub gap_by_type: [i64; PlacementType::COUNT],
    pub gap_by_age: [i64; AgeBand::COUNT],
    pub moved3: i64,
}

/// Month of the first month end at or after day `t` (may be negative or past the horizon).
fn month_of_end(t: f64) -> i64 {
    // ceil(q) - 1 without a library call: truncation, then up one if q had a fraction.
    let q = t / DAYS_PER_MONTH;
    let whole = q as i64;
    whole
        .saturating_add(((whole as f64) < q) as i64)
        .saturating_sub(1)
}

/// 3+ placements during the 12 months before `end`: two started within them, and an
/// earlier one was running when the first of them began.
#[inline]
pub(super) fn moved3_at(c: &Child, end: f64) -> bool {
    c.recent[1] >= end - DAYS_PER_YEAR && c.recent[2].is_finite()
}

/// The gap a child in a placement of `kind` counts under: its preferred type.
#[inline]
pub(super) fn gap_of(c: &Child, kind: PlacementType) -> Option<PlacementType> {
    (kind.is_matchable() && kind != c.preferred).then_some(c.preferred)
}

impl Tally {
    /// Add (`d` = 1) or remove (-1) a placed child, with its current band and flags.
    #[inline]
    pub(super) fn count(
        &mut self,
        c: &Child,
        kind: PlacementType,
        gap: Option<PlacementType>,
        d: i64,
    ) {
        let band = (c.band as usize).min(AgeBand::COUNT - 1);
        self.by_type[kind.index()] += d;
        self.by_age[band] += d;
        if c.out_of_borough {
            self.out_of_borough += d;
        }
        if let Some(p) = gap {
            self.gap += d;
            self.gap_by_type[p.index()] += d;
            self.gap_by_age[band] += d;
        }
    }

    /// Write the counts into a month's row.
    pub fn write(&self, row: &mut Month) {
        for (i, v) in self.by_type.iter().enumerate() {
            row[metrics::BY_TYPE + i] += v;
        }
        for (i, v) in self.by_age.iter().enumerate() {
            row[metrics::BY_AGE + i] += v;
        }
        for (i, v) in self.gap_by_type.iter().enumerate() {
            row[metrics::GAP_BY_TYPE + i] += v;
        }
        for (i, v) in self.gap_by_age.iter().enumerate() {
            row[metrics::GAP_BY_AGE + i] += v;
        }
        row[metrics::IN_CARE] += self.by_type.iter().sum::<i64>();
        row[metrics::OUT_OF_BOROUGH] += self.out_of_borough;
        row[metrics::GAP] += self.gap;
    }
}

impl<'m> Simulator<'m> {
    /// After a child's placement history is rewritten (start-up), recount its 3+ moves flag.
    pub(super) fn refresh_moved3(&mut self, id: u32) {
        let end = self.month_end;
        let Some(c) = self.children.get_mut(id as usize) else {
            return;
        };
        if c.place == Place::Nowhere || c.moved3 == moved3_at(c, end) {
            return;
        }
        c.moved3 = !c.moved3;
        if c.moved3 {
            self.tally.moved3 += 1;
            self.book_moved3_check(id, self.month);
        } else {
            self.tally.moved3 -= 1;
        }
    }

    /// Set a new child's age band and book the check for its next one.
    pub(super) fn start_band(&mut self, id: u32) {
        let end = self.month_end;
        let m = self.month;
        if let Some(c) = self.children.get_mut(id as usize) {
            c.band = band_of_age_days(end - c.birth) as u8;
            self.book_band_check(id, m);
        }
    }

    /// Book a band check for shortly before the child's next birthday boundary, not
    /// earlier than month `from`.
    fn book_band_check(&mut self, id: u32, from: usize) {
        let Some(c) = self.children.get_mut(id as usize) else {
            return;
        };
        c.band_due = u32::MAX;
        let Some(edge) = AgeBand::EDGES
            .get(c.band as usize + 1)
            .filter(|_| (c.band as usize) < AgeBand::COUNT - 1)
        else {
            return;
        };
        let due = (month_of_end(c.birth + edge * DAYS_PER_YEAR) - 1).max(from as i64);
        if let Some(list) = self.band_checks.get_mut(due as usize) {
            c.band_due = due as u32;
            list.push(id);
        }
    }

    /// Book a 3+ moves check for shortly before the flag lapses, not earlier than `from`.
    pub(super) fn book_moved3_check(&mut self, id: u32, from: usize) {
        let Some(c) = self.children.get_mut(id as usize) else {
            return;
        };
        c.moved3_due = u32::MAX;
        let due = (month_of_end(c.recent[1] + DAYS_PER_YEAR) - 1).max(from as i64);
        if let Some(list) = self.moved3_checks.get_mut(due as usize) {
            c.moved3_due = due as u32;
            list.push(id);
        }
    }

    /// Bring the time-driven counts up to the end of month `m`. A check books any next one
    /// in a later month, so month `m`'s lists do not change while they are worked through.
    pub(super) fn run_checks(&mut self, m: usize, end: f64) {
        for k in 0..self.band_checks.get(m).map_or(0, Vec::len) {
            let id = self.band_checks[m][k];
            self.check_band(id, m, end);
        }
        for k in 0..self.moved3_checks.get(m).map_or(0, Vec::len) {
            let id = self.moved3_checks[m][k];
            self.check_moved3(id, m, end);
        }
        for lists in [&mut self.band_checks, &mut self.moved3_checks] {
            if let Some(list) = lists.get_mut(m) {
                list.clear();
            }
        }
    }

    fn check_band(&mut self, id: u32, m: usize, end: f64) {
        let Some(c) = self.children.get_mut(id as usize) else {
            return;
        };
        if !c.in_care {
            return;
        }
        let band = band_of_age_days(end - c.birth) as u8;
        if band != c.band {
            if let Some(kind) = c.place.kind() {
                let gap = c.gap_pref;
                self.tally.count(c, kind, gap, -1);
                c.band = band;
                self.tally.count(c, kind, gap, 1);
            } else {
                c.band = band;
            }
        }
        if c.band_due == m as u32 {
            self.book_band_check(id, m + 1);
        }
    }

    fn check_moved3(&mut self, id: u32, m: usize, end: f64) {
        let Some(c) = self.children.get_mut(id as usize) else {
            return;
        };
        if !c.in_care || !c.moved3 {
            return;
        }
        if !moved3_at(c, end) {
            c.moved3 = false;
            self.tally.moved3 -= 1;
        } else if c.moved3_due == m as u32 {
            self.book_moved3_check(id, m + 1);
        }
    }

    /// The month-end counts recounted from every child in care (for checks).
    pub(super) fn scan(&self, end: f64) -> Tally {
        let mut t = Tally::default();
        for &id in &self.active {
            let Some(c) = self.children.get(id as usize) else {
                continue;
            };
            let Some(kind) = c.place.kind() else { continue };
            let band = band_of_age_days(end - c.birth);
            t.by_type[kind.index()] += 1;
            t.by_age[band] += 1;
            if c.out_of_borough {
                t.out_of_borough += 1;
            }
            if moved3_at(c, end) {
                t.moved3 += 1;
            }
            if let Some(p) = gap_of(c, kind) {
                t.gap += 1;
                t.gap_by_type[p.index()] += 1;
                t.gap_by_age[band] += 1;
            }
        }
        t
    }
}
