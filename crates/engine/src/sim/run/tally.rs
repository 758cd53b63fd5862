//! Month-end counts of the children in care, kept up to date as children are placed and
//! leave their placements, so the month end does not scan every child.
//!
//! A child is counted from the moment it takes a placement (`assign`) until it
//! leaves it (`release`), by placement type, age band, "3+ placements in 12 months" and the
//! sufficiency measures (no suitable placement, placed below assessed need, in-house
//! shortfall, placed at a distance: see `gap_of`). Two of these change with time alone: the age band (at the
//! 1st, 5th, 10th and 16th birthdays) and the 3+ moves flag (when the placement before last
//! falls out of the last 12 months). Each such change is booked, while the child's record is
//! at hand (on entering care, and on arrival in a placement), in a per-month list for the
//! month end at which it comes, found with the month end's own arithmetic. The month end
//! applies its list from a few bytes per child kept beside the records (`Marks`), without
//! reading the records, which by then are far from the processor's caches. `scan` recounts
//! from scratch, and `check_invariants` compares the two.

use super::siblings::touch_if_split;
use super::*;

/// Age band index from age in days, without dividing, and without branches (ages are
/// random, so a chain of tests would often be mispredicted); a NaN age counts as 16+. The
/// edges are `AgeBand::EDGES` in days, as `tally::start_band` books band changes with.
#[inline]
fn band_of_age_days(days: f64) -> usize {
    let passed = AgeBand::EDGES[1..AgeBand::COUNT]
        .iter()
        .map(|edge| (days >= edge * DAYS_PER_YEAR) as usize)
        .sum();
    if days.is_nan() {
        AgeBand::COUNT - 1
    } else {
        passed
    }
}

/// What the month end reports about the children in care.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Tally {
    pub by_type: [i64; PlacementType::COUNT],
    pub by_age: [i64; AgeBand::COUNT],
    /// Placed at a distance (out of borough), by placement type (`write` adds them up).
    pub at_distance_by_type: [i64; PlacementType::COUNT],
    /// The children by their sufficiency measures (`GapFlags`, all four bits as an index):
    /// one count to change as a child arrives or leaves, where a count per measure would be
    /// four; `write` adds up those with each measure.
    pub by_flags: [i64; 16],
    /// The sufficiency gap (no suitable placement or below assessed need) by age band.
    pub gap_by_age: [i64; AgeBand::COUNT],
    pub moved3: i64,
    /// Brothers and sisters, counted at the month end (`siblings`).
    pub siblings: Siblings,
}

/// The sibling groups in care at a month end: groups with two or more children in care,
/// those not all living together, the children in them, and of those the ones not already
/// counted below need or without a suitable placement (who are, when the scenario keeps
/// siblings together), in all and by age band.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Siblings {
    pub groups: i64,
    pub split: i64,
    pub apart: i64,
    pub apart_below_need: i64,
    pub apart_below_need_by_age: [i64; AgeBand::COUNT],
}

/// Where a child lives, for telling whether brothers and sisters live together: the
/// household or children's home, or for a bought-in placement the unit it was placed in
/// (a group placed together shares one; `Marks::unit`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Living {
    Household(u32),
    Home(u32),
    Unit(u32),
}

/// Which placement units children arriving join (see `Simulator::placement_unit`).
#[derive(Debug)]
pub(super) struct Units {
    /// The last unit handed out.
    pub next: u32,
    /// The last arrival: its sibling group (`NO_GROUP` if none, or none yet), time,
    /// placement and unit; kept as plain fields so the test of whether an arrival joins it is
    /// a few compares.
    pub last_group: u32,
    pub last_t: f64,
    pub last_place: Place,
    pub last_unit: u32,
    /// Set as the matching counts a sibling group's split (`place_group`, which then places
    /// its children one by one): the next arrival, the group's first child, gives the group
    /// (`NO_GROUP` if none) and time of the group being placed apart.
    pub split_pending: bool,
    pub splitting_group: u32,
    pub splitting_t: f64,
    /// The first id of each sibling group of two or more children (registered as its
    /// second child joins it: `Simulator::join_group`), for the recount of every group
    /// (`Simulator::siblings`).
    pub groups: Vec<u32>,
    /// By group id, the ids of its children so far (`first..end`; consecutive, as a group
    /// enters care at once), kept as they join it (`Simulator::join_group`), so
    /// `group_ids` does not scan its neighbours; empty for a group with none yet.
    pub spans: Vec<(u32, u32)>,
    /// By group id, what it adds to the month end's `Siblings` (as at the last month end
    /// it was recounted), whether it has changed since (a child of it placed, moved, out of
    /// care or into a new age band: `siblings::touch`, `siblings::touch_if_split`), and the groups changed. A
    /// group of one child adds nothing and is never recounted: it stays marked as changed
    /// without being listed, so touching it costs nothing more, until a second child joins
    /// it and lists it (`Simulator::join_group`).
    pub counted: Vec<Siblings>,
    pub touched: Vec<bool>,
    pub touched_list: Vec<u32>,
}

impl Default for Units {
    /// No unit handed out, no arrival yet, no group.
    fn default() -> Units {
        Units {
            next: 0,
            last_group: NO_GROUP,
            last_t: 0.0,
            last_place: Place::Nowhere,
            last_unit: 0,
            split_pending: false,
            splitting_group: NO_GROUP,
            splitting_t: 0.0,
            groups: Vec::new(),
            spans: Vec::new(),
            counted: Vec::new(),
            touched: Vec::new(),
            touched_list: Vec::new(),
        }
    }
}

/// The end (day) of month `m`: the one definition the month loop and the bookings share, so
/// a change booked for a month end is judged with the same arithmetic as the month end.
#[inline]
pub(super) fn end_of(m: i64) -> f64 {
    (m + 1) as f64 * DAYS_PER_MONTH
}

/// The first month, from `from` on, whose end satisfies `reached` (which turns true at some
/// month end and stays true), near the month of the first month end at or after day `near`
/// (rounding may put that a month out).
#[inline]
fn first_month(near: f64, from: usize, reached: impl Fn(f64) -> bool) -> i64 {
    let from = from as i64;
    // ceil(near / month) - 1, roughly: the truncation of a value over a month later.
    let guess = (near * (1.0 / DAYS_PER_MONTH)).clamp(-1.0, 1e9) as i64;
    let m = guess.max(from);
    if reached(end_of(m)) && (m == from || !reached(end_of(m - 1))) {
        return m;
    }
    first_month_walk(m, from, reached)
}

/// `first_month` when the guess was out: walk to the answer (rare, so out of line).
#[cold]
#[inline(never)]
fn first_month_walk(mut m: i64, from: i64, reached: impl Fn(f64) -> bool) -> i64 {
    while m > from && reached(end_of(m - 1)) {
        m -= 1;
    }
    while !reached(end_of(m)) {
        m += 1;
    }
    m
}

/// `Marks::moved3_lapses` of a child not counted as having had 3+ placements.
pub(super) const NOT_MOVED3: u32 = u32::MAX;

/// What the month end's booked changes need of a child, kept beside the child records in a
/// small array so that applying them does not read the records.
#[derive(Clone, Copy, Debug)]
pub(super) struct Marks {
    pub in_care: bool,
    /// Age band counted (at the last month end applied, or the current one for a child
    /// entering care this month).
    pub band: u8,
    /// Counted in the sufficiency gap (by age band).
    pub gap: bool,
    /// The placement unit it joined on arriving in its current placement.
    pub unit: u32,
    /// Counted as having had 3+ placements in 12 months, until the end of this month (a
    /// month past the horizon if never within it); `NOT_MOVED3` if not counted.
    pub moved3_lapses: u32,
}

/// 3+ placements during the 12 months before `end`: two started within them, and an
/// earlier one was running when the first of them began.
#[inline]
pub(super) fn moved3_at(c: &Child, end: f64) -> bool {
    c.recent[1] >= end - DAYS_PER_YEAR && c.recent[2].is_finite()
}

/// The sufficiency measures a child placed in `kind` at age `age_years` (in the month whose
/// first entry in the model's tables is `orders_at`: `Model::orders_at`)
/// counts under, by the matching rule for its age and needs then (see `model::gap_flags`:
/// no suitable placement, placed below assessed need, in-house shortfall by the type
/// wanted), looked up in the model's table of them.
#[inline]
pub(super) fn gap_of(
    model: &Model,
    age_years: f64,
    complex: bool,
    kind: PlacementType,
    orders_at: usize,
) -> GapFlags {
    model.gap_in(orders_at, age_years, Needs::of(complex), kind)
}

impl Tally {
    /// Add (`d` = 1) or remove (-1) a placed child, with its current band and flags.
    #[inline]
    pub(super) fn count(
        &mut self,
        kind: PlacementType,
        band: u8,
        out_of_borough: bool,
        gap: GapFlags,
        d: i64,
    ) {
        let band = (band as usize).min(AgeBand::COUNT - 1);
        self.by_type[kind.index()] += d;
        self.by_age[band] += d;
        // Without branches: whether a child is out of borough or in the gap is as good as
        // random, so a branch on it would often be mispredicted.
        self.at_distance_by_type[kind.index()] += d * out_of_borough as i64;
        self.by_flags[(gap.0 & 15) as usize] += d;
        self.gap_by_age[band] += d * gap.in_gap() as i64;
    }

    /// The children counted under measure `bit` (of `GapFlags`).
    fn with_flag(&self, bit: u8) -> i64 {
        let with = |(flags, n): (usize, &i64)| GapFlags(flags as u8).has(bit).then_some(*n);
        self.by_flags.iter().enumerate().filter_map(with).sum()
    }

    /// Write the counts into a month's row.
    pub fn write(&self, row: &mut Month) {
        for (i, v) in self.by_type.iter().enumerate() {
            row[metrics::BY_TYPE + i] += v;
        }
        for (i, v) in self.by_age.iter().enumerate() {
            row[metrics::BY_AGE + i] += v;
        }
        for (i, v) in self.gap_by_age.iter().enumerate() {
            row[metrics::GAP_BY_AGE + i] += v;
        }
        for (i, v) in self.at_distance_by_type.iter().enumerate() {
            row[metrics::AT_DISTANCE_BY_TYPE + i] += v;
        }
        let no_suitable = self.with_flag(GapFlags::NO_SUITABLE);
        let own_below_need = self.with_flag(GapFlags::BELOW_NEED);
        let shortfall = [
            self.with_flag(GapFlags::SHORT_FOSTER),
            self.with_flag(GapFlags::SHORT_HOME),
        ];
        for (i, v) in shortfall.iter().enumerate() {
            row[metrics::SHORTFALL_BY_TYPE + i] += v;
        }
        row[metrics::IN_CARE] += self.by_type.iter().sum::<i64>();
        row[metrics::AT_DISTANCE] += self.at_distance_by_type.iter().sum::<i64>();
        row[metrics::NO_SUITABLE] += no_suitable;
        row[metrics::BELOW_NEED] += own_below_need;
        row[metrics::INHOUSE_SHORTFALL] += shortfall.iter().sum::<i64>();
        let sib = &self.siblings;
        let below_need = own_below_need + sib.apart_below_need;
        row[metrics::BELOW_NEED] += sib.apart_below_need;
        row[metrics::GAP] += no_suitable + below_need;
        for (i, v) in sib.apart_below_need_by_age.iter().enumerate() {
            row[metrics::GAP_BY_AGE + i] += v;
        }
        row[metrics::SIBLING_GROUPS] += sib.groups;
        row[metrics::SIBLING_GROUPS_SPLIT] += sib.split;
        row[metrics::SIBLINGS_APART] += sib.apart;
        if sib.groups > 0 {
            row[metrics::SPLIT_SHARE] = (sib.split * 10_000 + sib.groups / 2) / sib.groups;
        }
    }
}

/// The month-end counts and what keeps them up to date (see the module's doc).
#[derive(Default)]
pub(super) struct Counts {
    pub tally: Tally,
    /// Changes booked for each month end: children reaching an age band (and which), and
    /// children whose 3+ moves flag may lapse.
    pub band_checks: Vec<Vec<(u32, u8)>>,
    pub moved3_checks: Vec<Vec<u32>>,
    /// By child: what applying those changes needs.
    pub marks: Vec<Marks>,
    pub units: Units,
}

impl Counts {
    /// Nothing counted or booked, for a run of `horizon` months.
    pub fn reset(&mut self, horizon: usize) {
        self.tally = Tally::default();
        self.marks.clear();
        self.units = Units {
            groups: std::mem::take(&mut self.units.groups),
            spans: std::mem::take(&mut self.units.spans),
            counted: std::mem::take(&mut self.units.counted),
            touched: std::mem::take(&mut self.units.touched),
            touched_list: std::mem::take(&mut self.units.touched_list),
            ..Units::default()
        };
        self.units.counted.clear();
        self.units.touched.clear();
        self.units.touched_list.clear();
        self.units.groups.clear();
        self.units.spans.clear();
        for l in self.band_checks.iter_mut() {
            l.clear();
        }
        self.band_checks.resize_with(horizon, Vec::new);
        for l in self.moved3_checks.iter_mut() {
            l.clear();
        }
        self.moved3_checks.resize_with(horizon, Vec::new);
    }
}

impl<'m> Simulator<'m> {
    /// On arrival in a placement with the 3+ moves flag set (`moved3_at`): count it, and
    /// book the month it lapses, from `before`, the start of the placement before last.
    #[inline(always)]
    pub(super) fn book_moved3_lapse(&mut self, id: u32, before: f64) {
        let m = self.month;
        let Some(k) = self.counts.marks.get_mut(id as usize) else {
            return;
        };
        self.counts.tally.moved3 += 1;
        // The first month end at which `moved3_at` no longer holds.
        let lapses = first_month(before + DAYS_PER_YEAR, m, |end| {
            before < end - DAYS_PER_YEAR
        });
        k.moved3_lapses = lapses.clamp(0, NOT_MOVED3 as i64 - 1) as u32;
        if let Some(list) = self.counts.moved3_checks.get_mut(lapses as usize) {
            list.push(id);
        }
    }

    /// A child entering care: its age band at this month end, and the month ends within the
    /// horizon at which it reaches each later band, booked now.
    pub(super) fn start_band(&mut self, id: u32) {
        let (end, m) = (self.month_end, self.month);
        let Some(c) = self.children.get(id as usize) else {
            return;
        };
        let birth = c.birth;
        let band = band_of_age_days(end - birth);
        self.counts.marks.push(Marks {
            in_care: true,
            band: band as u8,
            gap: false,
            unit: 0,
            moved3_lapses: NOT_MOVED3,
        });
        self.book_band(id, birth, band + 1, m);
    }

    /// Book the first month end, from month `from` on and within the horizon, at which
    /// child `id` (born on day `birth`) reaches age band `next` (none past the last band).
    /// Only the next band is booked: the month end that applies it books the one after for a
    /// child still in care (`run_checks`), so no change is booked for a child who has left.
    #[inline]
    fn book_band(&mut self, id: u32, birth: f64, next: usize, from: usize) {
        if next >= AgeBand::COUNT {
            return;
        }
        // `band_of_age_days` is at least `next` from this age in days on.
        let edge_days = AgeBand::EDGES[next] * DAYS_PER_YEAR;
        let due = first_month(birth + edge_days, from, |end| end - birth >= edge_days);
        if let Some(list) = self.counts.band_checks.get_mut(due as usize) {
            list.push((id, next as u8));
        }
    }

    /// Apply the changes booked for the end of month `m`: children reaching a new age band,
    /// and 3+ moves flags lapsing.
    pub(super) fn run_checks(&mut self, m: usize) {
        let due = self
            .counts
            .band_checks
            .get_mut(m)
            .map(std::mem::take)
            .unwrap_or_default();
        for &(id, band) in &due {
            let Some(k) = self.counts.marks.get_mut(id as usize) else {
                continue;
            };
            // A child still in care is counted (every child in care has a placement at a
            // month end: `check_invariants` checks it, and the recount would show any
            // drift); one who has left is not. Without branches: whether the child is still
            // in care, and in the gap, is as good as random.
            let to = (band as usize).min(AgeBand::COUNT - 1);
            let from = to.saturating_sub(1);
            let (n, gap) = (k.in_care as i64, (k.in_care & k.gap) as i64);
            let t = &mut self.counts.tally;
            t.by_age[from] -= n;
            t.by_age[to] += n;
            t.gap_by_age[from] -= gap;
            t.gap_by_age[to] += gap;
            // A child out of care is never counted again (nor its band read), so its band
            // moves no further.
            k.band = band;
            if k.in_care {
                touch_if_split(&mut self.counts.units, &self.children, id);
                // The next band: the month end after this at the earliest (bands are years
                // apart, and this month end is the first at which this band was reached),
                // so the month found is the one `start_band` would have booked it for.
                let birth = self.children.get(id as usize).map_or(0.0, |c| c.birth);
                self.book_band(id, birth, band as usize + 1, m + 1);
            }
        }
        for &id in self
            .counts
            .moved3_checks
            .get(m)
            .map_or(&[][..], Vec::as_slice)
        {
            if let Some(k) = self.counts.marks.get_mut(id as usize) {
                if k.moved3_lapses == m as u32 {
                    k.moved3_lapses = NOT_MOVED3;
                    self.counts.tally.moved3 -= 1;
                }
            }
        }
        if let Some(list) = self.counts.band_checks.get_mut(m) {
            // The month's list back, emptied, keeping its memory.
            *list = due;
            list.clear();
        }
        if let Some(list) = self.counts.moved3_checks.get_mut(m) {
            list.clear();
        }
        self.count_siblings();
        // (A split is always followed by its group's arrivals: none is left pending.)
        self.counts.units.split_pending = false;
    }

    /// The month-end counts recounted from every child in care (for checks).
    pub(super) fn scan(&self, end: f64) -> Tally {
        let mut t = Tally::default();
        for &id in &self.children.active {
            let Some(c) = self.children.get(id as usize) else {
                continue;
            };
            let Some(kind) = c.place.kind() else { continue };
            let band = band_of_age_days(end - c.birth);
            if moved3_at(c, end) {
                t.moved3 += 1;
            }
            // The measures are worked out as a placement starts (by the rule for the child's
            // age and needs then); a placed child without them would show as a difference.
            let gap = c.gap_pref.unwrap_or_default();
            t.count(kind, band as u8, c.out_of_borough, gap, 1);
        }
        // The sibling groups, recounted from every group (the month end recounts only the
        // groups that changed), when none has changed since the month end (as right after
        // it, in `run_checked`); between month ends they are as the last one counted them.
        t.siblings = if self.counts.units.touched_list.is_empty() {
            self.siblings(|id| {
                self.counts
                    .marks
                    .get(id as usize)
                    .map_or(0, |k| k.band as usize)
            })
        } else {
            self.counts.tally.siblings.clone()
        };
        t
    }

    /// Where child `id` lives (see `Living`); `None` if it is not placed, or lives where
    /// its plan says (with parents, with adopters), which is not a placement that could
    /// keep it with its brothers and sisters.
    pub(super) fn living(&self, id: u32) -> Option<Living> {
        let unit = self.counts.marks.get(id as usize).map_or(0, |k| k.unit);
        match self.children.get(id as usize)?.place {
            Place::Nowhere => None,
            Place::Market(t) if !t.is_matchable() => None,
            Place::Household(h) => Some(Living::Household(h)),
            Place::Home(h) => Some(Living::Home(h)),
            Place::Market(_) => Some(Living::Unit(unit)),
        }
    }

    /// The ids of child `id`'s sibling group (consecutive ids: a group is admitted at
    /// once), or just `id` for a child with no known siblings.
    pub(super) fn group_ids(&self, id: u32) -> std::ops::Range<u32> {
        let Some(g) = self.children.get(id as usize).map(|c| c.group) else {
            return id..id;
        };
        if g == NO_GROUP {
            return id..id + 1;
        }
        match self.counts.units.spans.get(g as usize) {
            Some(&(first, end)) if first <= id && id < end => first..end,
            _ => self.group_ids_scan(id, g),
        }
    }

    /// Does child `id` live with a brother or sister in care?
    pub(super) fn with_sibling(&self, id: u32) -> bool {
        // A child alone in its group (most are) has no one to live with: no need to look.
        let ids = self.group_ids(id);
        if ids.len() < 2 {
            return false;
        }
        let Some(here) = self.living(id) else {
            return false;
        };
        ids.into_iter().any(|s| {
            s != id
                && self.children.get(s as usize).is_some_and(|c| c.in_care)
                && self.living(s) == Some(here)
        })
    }

    /// The sibling groups in care now (see `Siblings`), with each child's age band from
    /// `band`.
    pub(super) fn siblings(&self, band: impl Fn(u32) -> usize) -> Siblings {
        let mut out = Siblings::default();
        let keep = self.model.scenario.matching.keep_siblings_together;
        for &lead in &self.counts.units.groups {
            let ids = self.group_ids(lead);
            // Brothers and sisters in care in a placement (not at home or with adopters).
            let in_care = |i: &u32| {
                self.children.get(*i as usize).is_some_and(|c| c.in_care)
                    && self.living(*i).is_some()
            };
            let Some(id) = ids.clone().find(in_care) else {
                continue;
            };
            let first = self.living(id);
            let (mut n, mut split) = (0, false);
            for s in ids.clone().filter(in_care) {
                n += 1;
                split |= self.living(s) != first;
            }
            if n < 2 {
                continue;
            }
            out.groups += 1;
            if !split {
                continue;
            }
            out.split += 1;
            for s in ids.filter(in_care) {
                out.apart += 1;
                let counted = self
                    .children
                    .get(s as usize)
                    .and_then(|c| c.gap_pref)
                    .is_some_and(GapFlags::in_gap);
                if keep && !counted {
                    out.apart_below_need += 1;
                    out.apart_below_need_by_age[band(s).min(AgeBand::COUNT - 1)] += 1;
                }
            }
        }
        out
    }

    /// The placement unit a child of sibling group `g`, arriving at `place` at `t`, joins: that of the
    /// brother or sister who arrived just before at the same placement at the same time
    /// (a group placed together), else a new one. A group the matching has just counted as
    /// split (`Units::split_pending`) is placed child by child: each arrival of it at that
    /// time gets a unit of its own.
    pub(super) fn placement_unit(&mut self, g: u32, place: Place, t: f64) -> u32 {
        let u = &mut self.counts.units;
        if u.split_pending {
            u.split_pending = false;
            u.splitting_group = g;
            u.splitting_t = t;
        }
        // A child with no known siblings, or after no arrival (`last_group` `NO_GROUP`),
        // joins no one; nor does a group being placed apart. Most arrivals are of another
        // group than the last: the first two tests settle them.
        let joins = g != NO_GROUP
            && u.last_group == g
            && u.last_t == t
            && u.last_place == place
            && !(u.splitting_group == g && u.splitting_t == t);
        let unit = if joins {
            u.last_unit
        } else {
            u.next = u.next.wrapping_add(1);
            u.next
        };
        u.last_group = g;
        u.last_t = t;
        u.last_place = place;
        u.last_unit = unit;
        unit
    }

    /// Count a separation of brothers and sisters now (not one the matching counts).
    pub(super) fn count_separation(&mut self) {
        self.months[self.month][metrics::SPLITS] += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The month a band change or a lapse is booked for is the first month end, from
        /// `from` on, at which the month end's own test holds, as a walk over the months finds
        /// it; whatever rounding does to the guess.
        #[test]
        fn first_month_is_the_first_month_end_that_reaches(
            birth in -7000.0f64..2000.0,
            edge in 1usize..AgeBand::COUNT,
            from in 0usize..80,
        ) {
            let edge_days = AgeBand::EDGES[edge] * DAYS_PER_YEAR;
            let reached = |end: f64| end - birth >= edge_days;
            let mut walk = from as i64;
            while !reached(end_of(walk)) {
                walk += 1;
            }
            prop_assert_eq!(first_month(birth + edge_days, from, reached), walk);
            // A guess a month out either way, as rounding could make it.
            for near in [birth + edge_days - DAYS_PER_MONTH, birth + edge_days + DAYS_PER_MONTH] {
                prop_assert_eq!(first_month(near, from, reached), walk);
            }
        }
    }
}
