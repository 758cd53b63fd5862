//! Placement: a child taking (`assign`) and leaving (`release`) a placement, with the
//! counts, child-days and scheduled events (breakdown, emergency review) that go with it.

use super::siblings::touch;
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
    #[inline(always)]
    pub(super) fn assign(
        &mut self,
        id: u32,
        place: Place,
        t: f64,
        is_move: bool,
        rs: &mut Streams,
    ) {
        self.assign_since(id, place, t, t, is_move, rs);
    }

    /// Put a child in a placement at time `t` that began at `since` (`t` itself but for a
    /// starting child, whose placement began before the run: `startup::start_child`). The
    /// breakdown hazard is the one the placement was given when it began, as for the
    /// model's own children: by the child's age then and the placements started in the
    /// year before it (`Child::recent`, the ones before this).
    ///
    /// Written as one pass over the child's record and its `Marks` (the month-end counts,
    /// the child-days of its cost categories, its 3+ moves flag), borrowing each once, with
    /// the child's age worked out once.
    pub(super) fn assign_since(
        &mut self,
        id: u32,
        place: Place,
        t: f64,
        since: f64,
        is_move: bool,
        rs: &mut Streams,
    ) {
        self.assign_body(id, place, t, since, is_move, rs);
    }

    /// `assign`, inlined in `place_single` (most placements are made there): a call of six
    /// arguments and its prologue saved.
    #[inline(always)]
    pub(super) fn assign_inline(
        &mut self,
        id: u32,
        place: Place,
        t: f64,
        is_move: bool,
        rs: &mut Streams,
    ) {
        self.assign_body(id, place, t, t, is_move, rs);
    }

    /// What `assign_since` does (see there).
    #[inline(always)]
    fn assign_body(
        &mut self,
        id: u32,
        place: Place,
        t: f64,
        since: f64,
        is_move: bool,
        rs: &mut Streams,
    ) {
        let c = &self.children[id as usize];
        let group = c.group;
        if c.place != Place::Nowhere {
            self.release(id, t);
        }
        let Some(kind) = place.kind() else { return };
        if let Some(h) = &mut self.history {
            h.placed(id, t, kind);
        }
        touch(&mut self.counts.units, group);
        let (model, m, end) = (self.model, self.month, self.month_end);
        let orders_at = self.orders_at;
        // The fee uplift goes with the household, worked out on arrival and kept for the
        // departure.
        let plus = match place {
            Place::Household(h) => {
                let hh = &mut self.households[h as usize];
                hh.children[hh.n as usize] = id;
                hh.n += 1;
                self.households.refresh_open(h);
                self.households[h as usize].plus
            }
            Place::Home(h) => {
                self.capacity.homes[h as usize].occupied += 1;
                false
            }
            Place::Market(k) => {
                self.capacity.markets[k.index()] += 1;
                false
            }
            Place::Nowhere => false,
        };
        let unit = self.placement_unit(group, place, t);
        let oob = rs.placement.uniform() < model.out_of_borough[kind.index()];
        let c = &mut self.children[id as usize];
        let age = c.age_years(t);
        // The same age when the placement begins now (all but a starting child's): one
        // division, not two.
        let age_then = if since == t { age } else { c.age_years(since) };
        let adolescent = age_then >= 11.0;
        let base_hazard = model.breakdown[adolescent as usize][kind.index()];
        let year_ago = since - DAYS_PER_YEAR;
        // Capped at two earlier placements so the feedback cannot run away.
        let recent = (c.recent[0] >= year_ago) as usize + (c.recent[1] >= year_ago) as usize;
        let hazard = base_hazard * model.repeat_factor[recent];
        c.place = place;
        c.kind = Some(kind);
        c.place_epoch += 1;
        c.out_of_borough = oob;
        c.recent = [t, c.recent[0], c.recent[1]];
        c.plus = plus;
        let epoch = c.place_epoch;
        let exit_at = c.exit_at;
        if let Some(k) = self.counts.marks.get_mut(id as usize) {
            k.unit = unit;
            // Read before `gap` is written: a load of the band spanning a byte just stored
            // would wait for the store (no store-to-load forwarding across it).
            let band = k.band;
            let gap = tally::gap_of(model, age, c.complex, kind, orders_at);
            c.gap_pref = Some(gap);
            k.gap = gap.in_gap();
            let moved3 = tally::moved3_at(c, end);
            let before = c.recent[1];
            self.counts.tally.count(kind, band, oob, gap, 1);
            let cat = self.cost_category(kind);
            self.book_days(cat, plus, 1, end - t);
            if moved3 {
                self.book_moved3_lapse(id, before);
            }
        }
        self.months[m][metrics::MOVES] += is_move as i64;
        if hazard > 0.0 {
            let b = t + rs.breakdowns.exponential(DAYS_PER_YEAR / hazard);
            self.queue
                .push_before(b, exit_at, EventKind::Breakdown, id, epoch);
        }
        if kind == PlacementType::Emergency {
            // A starting child's first review comes as start-up drew it (`start_child`).
            let days = self.startup.first_review.take();
            let r = t + days.unwrap_or(model.scenario.matching.emergency_review_days);
            self.queue
                .push_before(r, exit_at, EventKind::EmergencyReview, id, epoch);
        }
    }

    /// Take a child out of its placement (booking its cost): the month-end counts and the
    /// child-days of its cost categories taken away (see `assign`), in one pass over the
    /// child.
    #[inline(always)]
    pub(super) fn release(&mut self, id: u32, t: f64) {
        let end = self.month_end;
        let c = &mut self.children[id as usize];
        touch(&mut self.counts.units, c.group);
        let place = c.place;
        c.place = Place::Nowhere;
        if let (Some(kind), Some(k)) = (c.kind.take(), self.counts.marks.get_mut(id as usize)) {
            let band = k.band;
            let gap = c.gap_pref.take().unwrap_or_default();
            self.counts
                .tally
                .count(kind, band, c.out_of_borough, gap, -1);
            k.gap = false;
            if k.moved3_lapses != tally::NOT_MOVED3 {
                k.moved3_lapses = tally::NOT_MOVED3;
                self.counts.tally.moved3 -= 1;
            }
            let plus = c.plus;
            // Judged before the place is given up (see `cost_category`).
            let cat = self.cost_category(kind);
            self.book_days(cat, plus, -1, -(end - t));
        }
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

    /// The cost category of a child in `kind`. Supported places beyond the market's own
    /// limit are the ones a lever bought, priced at the lever's rate: whoever arrives or
    /// leaves, as many children as the count exceeds the limit by (the count includes the
    /// child both ways: `assign` books the place before this, `release` after).
    #[inline(always)]
    fn cost_category(&self, kind: PlacementType) -> usize {
        // Chosen by a select: the kind of placement is as good as random.
        let lever = (kind == PlacementType::SupportedAccommodation)
            & (self.capacity.markets[kind.index()] > self.model.supported_base_limit);
        if lever {
            CAT_SUPPORTED_LEVER
        } else {
            kind.index()
        }
    }

    /// A child joins (`delta` 1) or leaves (-1) cost category `cat` (and the fee uplift's,
    /// if `plus`), with `days` (signed) of the month left.
    #[inline(always)]
    fn book_days(&mut self, cat: usize, plus: bool, delta: i32, days: f64) {
        self.books.occ[cat] = self.books.occ[cat].wrapping_add_signed(delta);
        self.books.child_days[cat] += days;
        if plus {
            self.books.occ[CAT_PLUS] = self.books.occ[CAT_PLUS].wrapping_add_signed(delta);
            self.books.child_days[CAT_PLUS] += days;
        }
    }
}
