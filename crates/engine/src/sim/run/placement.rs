//! Placement: a child taking (`assign`) and leaving (`release`) a placement, with the
//! counts, child-days and scheduled events (breakdown, emergency review) that go with it.

use super::*;

/// The places of the in-house homes and the bought-in markets: each home's beds in use,
/// and the children in each market.
#[derive(Default)]
pub(super) struct Capacity {
    pub homes: Vec<HomeState>,
    pub markets: [u32; PlacementType::COUNT],
}

impl Capacity {
    /// Every home empty (as the model describes them), every market empty.
    pub fn reset(&mut self, model: &Model) {
        self.markets = [0; PlacementType::COUNT];
        self.homes.clear();
        for h in &model.homes {
            self.homes.push(HomeState {
                usable: h.usable_beds,
                beds: h.beds,
                min_age: h.min_age,
                max_age: h.max_age,
                open_month: h.open_month,
                weekly_cost: h.weekly_cost,
                occupied: 0,
            });
        }
    }
}

impl<'m> Simulator<'m> {
    /// Put a child in a placement at time `t`.
    pub(super) fn assign(
        &mut self,
        id: u32,
        place: Place,
        t: f64,
        is_move: bool,
        rs: &mut Streams,
    ) {
        if self.children[id as usize].place != Place::Nowhere {
            self.release(id, t);
        }
        let Some(kind) = place.kind() else { return };
        if let Some(h) = &mut self.history {
            h.placed(id, t, kind);
        }
        self.touch_group(id);
        let m = self.month;
        match place {
            Place::Household(h) => {
                let hh = &mut self.households[h as usize];
                hh.children[hh.n as usize] = id;
                hh.n += 1;
                self.households.refresh_open(h);
            }
            Place::Home(h) => self.capacity.homes[h as usize].occupied += 1,
            Place::Market(k) => self.capacity.markets[k.index()] += 1,
            Place::Nowhere => {}
        }
        let unit = self.placement_unit(id, place, t);
        if let Some(k) = self.counts.marks.get_mut(id as usize) {
            k.unit = unit;
        }
        let oob = rs.placement.uniform() < self.model.out_of_borough[kind.index()];
        let c = &mut self.children[id as usize];
        let adolescent = c.age_years(t) >= 11.0;
        let base_hazard = self.model.breakdown[adolescent as usize][kind.index()];
        let year_ago = t - DAYS_PER_YEAR;
        // Capped at two earlier placements so the feedback cannot run away.
        let recent = (c.recent[0] >= year_ago) as usize + (c.recent[1] >= year_ago) as usize;
        let hazard = base_hazard * self.model.repeat_factor[recent];
        c.place = place;
        c.kind = Some(kind);
        c.place_epoch += 1;
        c.out_of_borough = oob;
        c.recent = [t, c.recent[0], c.recent[1]];
        let epoch = c.place_epoch;
        let exit_at = c.exit_at;
        self.occupy(id, t, 1);
        self.months[m][metrics::MOVES] += is_move as i64;
        if hazard > 0.0 {
            let b = t + rs.breakdowns.exponential(DAYS_PER_YEAR / hazard);
            self.queue
                .push_before(b, exit_at, EventKind::Breakdown, id, epoch);
        }
        if kind == PlacementType::Emergency {
            let r = t + self.model.scenario.matching.emergency_review_days;
            self.queue
                .push_before(r, exit_at, EventKind::EmergencyReview, id, epoch);
        }
    }

    /// Take a child out of its placement (booking its cost).
    pub(super) fn release(&mut self, id: u32, t: f64) {
        self.touch_group(id);
        self.occupy(id, t, -1);
        let place = self.children[id as usize].place;
        self.children[id as usize].place = Place::Nowhere;
        self.children[id as usize].kind = None;
        match place {
            Place::Household(h) => {
                self.households[h as usize].remove(id);
                self.households.refresh_open(h);
            }
            Place::Home(h) => self.capacity.homes[h as usize].occupied -= 1,
            Place::Market(k) => self.capacity.markets[k.index()] -= 1,
            Place::Nowhere => {}
        }
    }

    /// A child joins (`delta` 1) or leaves (-1) its placement at `t`: the month-end counts
    /// (see `tally`) and the child-days of its cost categories (its own, and the fee uplift
    /// if any), in one pass over the child.
    #[inline(always)]
    pub(super) fn occupy(&mut self, id: u32, t: f64, delta: i32) {
        let end = self.month_end;
        let (model, month) = (self.model, self.month);
        let Some(c) = self.children.get_mut(id as usize) else {
            return;
        };
        let Some(kind) = c.kind else { return };
        let Some(k) = self.counts.marks.get_mut(id as usize) else {
            return;
        };
        let d = delta as i64;
        // Read before `gap` is written: a load of the band spanning a byte just stored
        // would wait for the store (no store-to-load forwarding across it).
        let band = k.band;
        if delta > 0 {
            let gap = tally::gap_of(model, c, kind, t, month);
            c.gap_pref = Some(gap);
            k.gap = gap.in_gap();
        }
        let gap = c.gap_pref.unwrap_or_default();
        self.counts
            .tally
            .count(kind, band, c.out_of_borough, gap, d);
        let moved3 = k.moved3_lapses != tally::NOT_MOVED3;
        if delta < 0 {
            c.gap_pref = None;
            k.gap = false;
        }
        // The fee uplift is worked out on arrival and kept for the departure. Supported
        // places beyond the market's own limit are the ones a lever bought, priced at the
        // lever's rate: whoever arrives or leaves, as many children as the count exceeds the
        // limit by (the count includes this child both ways: `assign` books the place before
        // this, `release` after).
        if delta > 0 {
            c.plus = matches!(c.place, Place::Household(h) if self.households[h as usize].plus);
        }
        let plus = c.plus;
        // Chosen by a select: the kind of placement is as good as random.
        let lever = (kind == PlacementType::SupportedAccommodation)
            & (self.capacity.markets[kind.index()] > self.model.supported_base_limit);
        let cat = if lever {
            CAT_SUPPORTED_LEVER
        } else {
            kind.index()
        };
        if delta > 0 {
            self.count_moved3(id);
        } else {
            self.uncount_moved3(id, moved3);
        }
        let days = delta as f64 * (end - t);
        self.books.occ[cat] = self.books.occ[cat].wrapping_add_signed(delta);
        self.books.child_days[cat] += days;
        if plus {
            self.books.occ[CAT_PLUS] = self.books.occ[CAT_PLUS].wrapping_add_signed(delta);
            self.books.child_days[CAT_PLUS] += days;
        }
    }
}
