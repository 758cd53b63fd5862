//! Matching: what a placement must take (`Ask`), which placement of each type can take it
//! now (`fits`), and the match of a child, or a sibling group kept together, along its
//! preference order.

use super::*;

/// What a placement must take: how many children, their age span and whether any has
/// complex needs; and the placement they are moving out of, which is not offered to them
/// again (a foster household or children's home whose placement has just ended).
#[derive(Clone, Copy, Debug)]
pub(super) struct Ask {
    pub n: u32,
    pub oldest: f64,
    pub youngest: f64,
    pub complex: bool,
    pub leaving: Place,
}

impl Ask {
    /// Are all the children within ages `lo` to `hi` (whole years, inclusive)?
    #[inline]
    pub fn within(&self, lo: u8, hi: u8) -> bool {
        self.youngest >= lo as f64 && self.oldest < hi as f64 + 1.0
    }

    /// What a placement must take for one child.
    pub fn one(age: f64, complex: bool, leaving: Place) -> Ask {
        Ask {
            n: 1,
            oldest: age,
            youngest: age,
            complex,
            leaving,
        }
    }
}

/// Buffers reused by matching and moves, so the hot loop does not allocate.
#[derive(Default)]
pub(super) struct Scratch<'m> {
    /// The children of a group being matched (`admit_group`, `planned_move`).
    pub ids: Vec<u32>,
    /// Preference orders of a sibling group's children (`place_group`).
    pub orders: Vec<&'m [PlacementType]>,
    /// The placements a group on a planned move leaves (`planned_move`).
    pub leaving: Vec<Place>,
}

impl Scratch<'_> {
    /// The same buffers for another model's matching (the orders borrowed from the old
    /// model go: the buffer is empty between matches anyway).
    pub fn retarget<'n>(self) -> Scratch<'n> {
        Scratch {
            ids: self.ids,
            orders: Vec::new(),
            leaving: self.leaving,
        }
    }
}

impl<'m> Simulator<'m> {
    /// What a placement must take for `ids` at `now`: computed once per match, then asked
    /// of each placement type in turn.
    pub(super) fn ask(&self, ids: &[u32], now: f64) -> Ask {
        let mut ask = Ask {
            n: ids.len() as u32,
            oldest: 0.0,
            youngest: 18.0,
            complex: false,
            leaving: Place::Nowhere,
        };
        for &i in ids {
            let c = &self.children[i as usize];
            let a = c.age_years(now);
            ask.oldest = ask.oldest.max(a);
            ask.youngest = ask.youngest.min(a);
            ask.complex |= c.complex;
        }
        ask
    }

    /// Can placement type `t` take the children of `ask` together now? Returns where.
    #[inline(always)]
    pub(super) fn fits(&mut self, t: PlacementType, ask: Ask, rng: &mut Stream) -> Option<Place> {
        let Ask {
            n,
            oldest,
            complex,
            leaving,
            ..
        } = ask;
        let m = self.month;
        let markets = &self.model.scenario.markets;
        match t {
            PlacementType::InHouseFoster => self
                .households
                .best(ask.n, ask.oldest, ask.complex, ask.leaving)
                .map(Place::Household),
            PlacementType::InHouseResidential => {
                for (i, h) in self.capacity.homes.iter().enumerate() {
                    if h.open_month as usize <= m
                        && h.occupied + n <= h.usable
                        && ask.within(h.min_age, h.max_age)
                        && leaving != Place::Home(i as u32)
                    {
                        return Some(Place::Home(i as u32));
                    }
                }
                None
            }
            PlacementType::ConnectedPerson => rng
                .bernoulli(markets.connected_person_availability)
                .then_some(Place::Market(t)),
            PlacementType::Ifa
            | PlacementType::ExternalResidential
            | PlacementType::SupportedAccommodation
                if !self.found_in_time(t, oldest, rng) =>
            {
                None
            }
            PlacementType::Ifa
                if (complex
                    && oldest >= 11.0
                    && !rng.bernoulli(markets.ifa_complex_availability))
                    || (n > 1 && !rng.bernoulli(self.model.ifa_siblings_availability(n))) =>
            {
                None
            }
            PlacementType::Ifa
            | PlacementType::ExternalResidential
            | PlacementType::SupportedAccommodation => self.market_room(t, ask),
            // An emergency bed is found for one child at a time.
            PlacementType::Emergency => (n == 1).then_some(Place::Market(t)),
            PlacementType::PlacedWithParents | PlacementType::PlacedForAdoption => None,
        }
    }

    /// Is a suitable place in bought-in market `t` found in time for children whose eldest
    /// is `oldest`? Always, when the scenario says so (no draw).
    #[inline(always)]
    fn found_in_time(&self, t: PlacementType, oldest: f64, rng: &mut Stream) -> bool {
        let p = self.found_in_time_chance(t, oldest);
        p >= 1.0 || rng.bernoulli(p)
    }

    /// The chance that a suitable place in bought-in market `t` is found in time for
    /// children whose eldest is `oldest` (less often for adolescents); used by the matching
    /// (`found_in_time`) and by start-up, which weighs the same chance.
    #[inline(always)]
    pub(super) fn found_in_time_chance(&self, t: PlacementType, oldest: f64) -> f64 {
        let markets = &self.model.scenario.markets;
        let market = match t {
            PlacementType::Ifa => &markets.ifa,
            PlacementType::ExternalResidential => &markets.external_residential,
            _ => &markets.supported_accommodation,
        };
        let mut p = market.found_in_time;
        if oldest >= 11.0 {
            p *= markets.adolescent_found_factor;
        }
        p
    }

    /// Does bought-in market `t` (agency fostering, independent homes, supported
    /// accommodation) have room for `ask`'s children, of their ages, this month?
    #[inline(always)]
    pub(super) fn market_room(&self, t: PlacementType, ask: Ask) -> Option<Place> {
        let markets = &self.model.scenario.markets;
        let mk = match t {
            PlacementType::Ifa => &markets.ifa,
            PlacementType::ExternalResidential => &markets.external_residential,
            _ => &markets.supported_accommodation,
        };
        let limit = match t {
            PlacementType::SupportedAccommodation => self.model.months[self.month].supported_places,
            _ => mk.limit.unwrap_or(u32::MAX),
        };
        (ask.within(mk.min_age, mk.max_age)
            && self.capacity.markets[t.index()].saturating_add(ask.n) <= limit)
            .then_some(Place::Market(t))
    }

    /// Match one child along its preference order. A child moving on is not offered the
    /// placement it leaves: its current one, or `leaving` if it has been taken out already.
    pub(super) fn place_single(
        &mut self,
        id: u32,
        t: f64,
        is_move: bool,
        leaving: Place,
        rs: &mut Streams,
    ) {
        let model = self.model;
        let age = self.children[id as usize].age_years(t);
        let current = self.children[id as usize].place;
        if is_move && current != Place::Nowhere {
            self.release(id, t);
        }
        let leaving = if current != Place::Nowhere {
            current
        } else {
            leaving
        };
        if is_move && self.escalates(id, age, t) {
            self.children[id as usize].complex = true;
        }
        let complex = self.children[id as usize].complex;
        let order = model.order_in(self.orders_at, age, Needs::of(complex));
        let ask = Ask::one(age, complex, leaving);
        let mut place = Place::Market(PlacementType::Emergency);
        for &ty in order {
            if let Some(p) = self.fits(ty, ask, &mut rs.placement) {
                place = p;
                break;
            }
        }
        self.children[id as usize].preferred =
            order.first().copied().unwrap_or(PlacementType::Emergency);
        self.assign_inline(id, place, t, is_move, rs);
    }

    /// Repeated breakdowns: a young person of `age` about to start a third placement within
    /// a year (`third_within_year`) is matched as having complex needs from now on.
    #[inline(always)]
    pub(super) fn escalates(&self, id: u32, age: f64, t: f64) -> bool {
        self.model.scenario.stability.escalate_after_repeat_moves
            && age >= 11.0
            && third_within_year(self.children[id as usize].recent[1], t)
    }

    /// Match a sibling group, keeping it together where the scenario asks and a placement
    /// can take everyone; otherwise place each child and count the split. `leaving` gives,
    /// child by child, the placement each has just left (empty if none): a child is not
    /// offered its own again, nor the group the first child's.
    pub(super) fn place_group(
        &mut self,
        ids: &[u32],
        t: f64,
        is_move: bool,
        leaving: &[Place],
        rs: &mut Streams,
    ) {
        if ids.len() > 1 && self.model.scenario.matching.keep_siblings_together {
            let model = self.model;
            // Each child's preference order, once; the group is matched along the eldest's.
            // What a placement must take (as `ask` works it out) and the types every child's
            // order lists (as bits by type index) are gathered in the same pass.
            let mut orders = std::mem::take(&mut self.scratch.orders);
            orders.clear();
            let mut eldest = 0;
            let mut eldest_age = f64::NEG_INFINITY;
            let mut ask = Ask {
                n: ids.len() as u32,
                oldest: 0.0,
                youngest: 18.0,
                complex: false,
                leaving: leaving.first().copied().unwrap_or(Place::Nowhere),
            };
            let mut common = u32::MAX;
            for (k, &i) in ids.iter().enumerate() {
                let c = &self.children[i as usize];
                let age = c.age_years(t);
                // The last of equal ages, as `Iterator::max_by` picks.
                if age.total_cmp(&eldest_age).is_ge() {
                    eldest = k;
                    eldest_age = age;
                }
                ask.oldest = ask.oldest.max(age);
                ask.youngest = ask.youngest.min(age);
                ask.complex |= c.complex;
                let order = model.order_in(self.orders_at, age, Needs::of(c.complex));
                common &= order.iter().fold(0, |m, ty| m | 1 << ty.index());
                orders.push(order);
            }
            let mut placed = None;
            for &ty in orders[eldest] {
                if common & 1 << ty.index() == 0 {
                    continue;
                }
                if let Some(p) = self.fits(ty, ask, &mut rs.placement) {
                    placed = Some(p);
                    break;
                }
            }
            if let Some(p) = placed {
                for (&i, o) in ids.iter().zip(&orders) {
                    self.children[i as usize].preferred = o[0];
                    self.assign_inline(i, p, t, is_move, rs);
                }
            }
            self.scratch.orders = orders;
            if placed.is_some() {
                return;
            }
            // A group already apart (a planned move of siblings who were split when they
            // came into care) is not split again.
            if !leaving.windows(2).any(|w| w[0] != w[1]) {
                self.months[self.month][metrics::SPLITS] += 1;
                // The children placed one by one next are placed apart.
                self.counts.units.split_pending = true;
            }
        }
        for (k, &i) in ids.iter().enumerate() {
            let left = leaving.get(k).copied().unwrap_or(Place::Nowhere);
            self.place_single(i, t, is_move, left, rs);
        }
    }
}

/// A move at `t` is to a third placement within 12 months: the placement before the current
/// one began (`before_current`) within the year before `t`. With the age (11 or over) and
/// the scenario's switch, the rule by which repeated moves escalate a young person's needs
/// (`Simulator::escalates`); the start-up states the same rule for children not yet placed
/// (`start_history`, `start_waiting`) through this function.
#[inline(always)]
pub(super) fn third_within_year(before_current: f64, t: f64) -> bool {
    before_current >= t - DAYS_PER_YEAR
}
