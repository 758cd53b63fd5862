//! Moves: placements that break down, short-term first placements ending in a planned
//! move, emergency placements reviewed, children moving to their adopters, and the
//! step-down lever moving children from residential to foster care. A child moved on alone
//! from a placement it shared with a brother or sister, to one without them, is a sibling
//! separation, counted as it happens (a group split on a planned move or a breakdown of
//! its shared placement is counted by the matching; a move to adopters follows the child's
//! plan and is not a separation).

use super::*;

impl<'m> Simulator<'m> {
    /// A placement breaks down: the child is matched again, with the brothers and sisters
    /// living there if any (`group_breakdown`). If it was placed for adoption,
    /// the adoption has disrupted: the plan ends, and the child's way out of care is drawn
    /// again from its age now among the other routes (a new adoption plan within the
    /// horizon is not modelled).
    pub(super) fn breakdown(&mut self, id: u32, t: f64, rs: &mut Streams) {
        let pfa = Place::Market(PlacementType::PlacedForAdoption);
        let disrupted = self.children[id as usize].place == pfa;
        // A child living with a brother or sister is handled there, whatever the draw; so one
        // matched alone here lived with none, and its move separates nobody (no `separated`).
        if self.group_breakdown(id, t, rs) {
            return;
        }
        self.place_single(id, t, true, Place::Nowhere, rs);
        if !disrupted {
            return;
        }
        let age = self.children[id as usize].age_years(t);
        let band = AgeBand::of_age(age).index();
        let mut weights = self.model.scenario.exits.route_by_entry_age[band];
        weights[ExitRoute::Adoption.index()] = 0.0;
        let (route, stay) = if weights.iter().any(|w| *w > 0.0) {
            self.draw_route_with(&mut rs.exits, age, &weights)
        } else {
            (
                ExitRoute::Age18,
                (MAX_AGE_DAYS - age * DAYS_PER_YEAR).max(1.0),
            )
        };
        let (route, stay) = with_permanence(route, stay, age, self.perm_mult);
        let c = &mut self.children[id as usize];
        c.route = route;
        c.exit_at = t + stay;
        c.exit_epoch += 1;
        let epoch = c.exit_epoch;
        self.queue.push(t + stay, EventKind::Exit, id, epoch);
    }

    /// A breakdown of a placement child `id` shares with brothers or sisters: it is the
    /// placement that ends, for all of them, so they are matched again as a group (kept
    /// together where a placement can take them all, else split and counted by the
    /// matching). Each of the `k` children there carries its own breakdown clock, so the
    /// placement ends on one of them with probability `1 / k` (a shared placement breaks
    /// down about as often as one child's would); otherwise this child's clock is drawn
    /// again (memoryless) and nothing moves. Returns whether the child lives with a brother
    /// or sister (`with_sibling`, found by the same look at its group): whether the event
    /// was handled here.
    fn group_breakdown(&mut self, id: u32, t: f64, rs: &mut Streams) -> bool {
        // Most children have no brother or sister in care: one look at the group's span.
        let group = self.group_ids(id);
        if group.len() < 2 {
            return false;
        }
        let Some(here) = self.living(id) else {
            return false;
        };
        let mut ids = std::mem::take(&mut self.scratch.ids);
        ids.clear();
        for s in group {
            let in_care = self.children.get(s as usize).is_some_and(|c| c.in_care);
            if in_care && self.living(s) == Some(here) {
                ids.push(s);
            }
        }
        // `id` itself is among them (a breakdown is handled only for a child in care): two
        // or more exactly when it lives with a brother or sister.
        if ids.len() < 2 {
            self.scratch.ids = ids;
            return false;
        }
        if rs.breakdowns.uniform() * ids.len() as f64 >= 1.0 {
            self.rebook_breakdown(id, t, rs);
            self.scratch.ids = ids;
            return true;
        }
        let mut leaving = std::mem::take(&mut self.scratch.leaving);
        leaving.clear();
        for &s in &ids {
            leaving.push(self.children[s as usize].place);
            self.release(s, t);
        }
        self.place_group(&ids, t, true, &leaving, rs);
        self.scratch.ids = ids;
        self.scratch.leaving = leaving;
        true
    }

    /// Draw child `id`'s breakdown clock again from `t`, at the hazard its placement was
    /// given when it started (`assign`).
    fn rebook_breakdown(&mut self, id: u32, t: f64, rs: &mut Streams) {
        let c = &self.children[id as usize];
        let Some(kind) = c.kind else { return };
        let start = c.recent[0];
        let adolescent = c.age_years(start) >= 11.0;
        let year_ago = start - DAYS_PER_YEAR;
        let recent = (c.recent[1] >= year_ago) as usize + (c.recent[2] >= year_ago) as usize;
        let hazard = self.model.breakdown[adolescent as usize][kind.index()]
            * self.model.repeat_factor[recent];
        if hazard > 0.0 {
            let (epoch, exit_at) = (c.place_epoch, c.exit_at);
            let b = t + rs.breakdowns.exponential(DAYS_PER_YEAR / hazard);
            self.queue
                .push_before(b, exit_at, EventKind::Breakdown, id, epoch);
        }
    }

    /// The end of a short-term first placement: the children of the group (ids
    /// `first..first + len`) still in their first placement move on together.
    pub(super) fn planned_move(&mut self, first: u32, len: u32, t: f64, rs: &mut Streams) {
        let mut ids = std::mem::take(&mut self.scratch.ids);
        ids.clear();
        for id in first..first + len {
            let c = &self.children[id as usize];
            let first_placement = c.place_epoch == 1;
            let movable = !matches!(
                c.place,
                Place::Nowhere
                    | Place::Market(
                        PlacementType::PlacedWithParents
                            | PlacementType::PlacedForAdoption
                            | PlacementType::Emergency
                    )
            );
            if c.in_care && first_placement && movable {
                ids.push(id);
            }
        }
        // Where each child was: the group is not offered it again.
        let mut leaving = std::mem::take(&mut self.scratch.leaving);
        leaving.clear();
        for &id in &ids {
            leaving.push(self.children[id as usize].place);
            self.release(id, t);
        }
        if !ids.is_empty() {
            self.place_group(&ids, t, true, &leaving, rs);
        }
        self.scratch.ids = ids;
        self.scratch.leaving = leaving;
    }

    /// An emergency placement's review: the child moves to the first placement along its
    /// order that can take it now; if none can, it stays in its emergency bed (not a move)
    /// and the next review is booked.
    pub(super) fn review_emergency(&mut self, id: u32, t: f64, rs: &mut Streams) {
        let model = self.model;
        let c = &self.children[id as usize];
        let (age, leaving) = (c.age_years(t), c.place);
        // The needs it is matched with become its own only if the move happens.
        let complex = c.complex || self.escalates(id, age, t);
        let order = model.order_in(self.orders_at, age, Needs::of(complex));
        let ask = Ask::one(age, complex, leaving);
        let emergency = PlacementType::Emergency;
        let mut place = None;
        for &ty in order.iter().filter(|&&ty| ty != emergency) {
            if let Some(p) = self.fits(ty, ask, &mut rs.placement) {
                place = Some(p);
                break;
            }
        }
        match place {
            Some(p) => {
                let together = self.lives_with_sibling(id);
                let c = &mut self.children[id as usize];
                c.complex = complex;
                c.preferred = order.first().copied().unwrap_or(emergency);
                self.assign(id, p, t, true, rs);
                self.separated(id, together);
            }
            None => {
                let c = &self.children[id as usize];
                let r = t + model.scenario.matching.emergency_review_days;
                let (exit_at, epoch) = (c.exit_at, c.place_epoch);
                self.queue
                    .push_before(r, exit_at, EventKind::EmergencyReview, id, epoch);
            }
        }
    }

    /// After child `id` moved on alone: if it lived with a brother or sister before
    /// (`together`) and does not now, count the separation.
    fn separated(&mut self, id: u32, together: bool) {
        if together && !self.lives_with_sibling(id) {
            self.count_separation();
        }
    }

    /// A child with an adoption plan moves in with the adopters.
    pub(super) fn adoption_move(&mut self, id: u32, t: f64, rs: &mut Streams) {
        let c = &self.children[id as usize];
        if c.in_care
            && c.route == ExitRoute::Adoption
            && c.place != Place::Market(PlacementType::PlacedForAdoption)
        {
            self.assign(
                id,
                Place::Market(PlacementType::PlacedForAdoption),
                t,
                true,
                rs,
            );
        }
    }

    /// Step-down lever: month `m`'s children moved from residential to foster care (an
    /// in-house household, else an agency's). Each is chosen at random among the children
    /// in residential care within the lever's age limit (from the levers' stream), so the
    /// lever does not favour any by how long they have been in care; one that no foster
    /// placement can take now is passed over.
    pub(super) fn step_down(&mut self, m: usize, rs: &mut Streams) {
        let model = self.model;
        let e = &model.months[m];
        if e.step_down <= 0.0 {
            return;
        }
        let t0 = m as f64 * DAYS_PER_MONTH;
        let k = rs.levers.poisson(e.step_down);
        if k == 0 {
            return;
        }
        let mut eligible = std::mem::take(&mut self.scratch.ids);
        eligible.clear();
        eligible.extend(self.children.active.iter().copied().filter(|&id| {
            let c = &self.children[id as usize];
            c.place.kind().is_some_and(|t| t.is_residential())
                && c.age_years(t0) <= e.step_down_max_age as f64 + 0.999
        }));
        let mut done = 0;
        while done < k && !eligible.is_empty() {
            let n = eligible.len();
            let pick = ((rs.levers.uniform() * n as f64) as usize).min(n - 1);
            let id = eligible.swap_remove(pick);
            for t in [PlacementType::InHouseFoster, PlacementType::Ifa] {
                let ask = self.ask(&[id], t0);
                if let Some(p) = self.fits(t, ask, &mut rs.placement) {
                    let together = self.lives_with_sibling(id);
                    self.assign(id, p, t0, true, rs);
                    self.separated(id, together);
                    done += 1;
                    break;
                }
            }
        }
        self.scratch.ids = eligible;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::defaults::default_scenario;

    const SEED: u64 = 20_200_701;

    /// A breakdown that takes a child away from the brother or sister it lived with is a
    /// separation, counted as it happens (and one that leaves it with a sibling is not); the
    /// groups then show as split, their children as apart and below need.
    #[test]
    fn a_breakdown_that_separates_siblings_is_counted() {
        let model = Model::new(&default_scenario(), 12);
        let mut sim = Simulator::new(&model);
        sim.run(SEED, 3);
        let mut rs = Simulator::streams(SEED, 99);
        let (mut t, m) = (sim.month_end - 2.0, sim.month);
        let band = |id: u32| sim.counts.marks[id as usize].band as usize;
        let before = sim.siblings(band);
        assert_eq!(before, sim.counts.tally.siblings, "the month end's count");
        assert!(before.groups > 10, "{before:?}");
        let together: Vec<u32> = sim
            .children
            .active
            .iter()
            .copied()
            .filter(|&id| sim.with_sibling(id))
            .collect();
        assert!(
            together.len() > 10,
            "{} live with a sibling",
            together.len()
        );
        let mut separated = 0;
        // A breakdown moves the brothers and sisters living there with the child (the
        // placement ends for them all), so only a group the matching cannot keep together
        // is separated: try every child living with a sibling.
        for id in together {
            // An earlier breakdown may have left this one alone already.
            if !sim.with_sibling(id) {
                continue;
            }
            // The brothers and sisters living with it: separated if they no longer all
            // live together (in a group of three, the child may keep one of them).
            let here = sim.living(id);
            let mates: Vec<u32> = sim
                .group_ids(id)
                .filter(|&s| sim.children[s as usize].in_care && sim.living(s) == here)
                .collect();
            let splits = sim.months[m][metrics::SPLITS];
            // Each breakdown at its own time, as in a run: a group split at one moment and
            // matched together again at the very same moment (two breakdowns of one group at
            // one time) would have its arrivals taken for the split's (`placement_unit`).
            t += 1e-3;
            sim.breakdown(id, t, &mut rs);
            let now = sim.living(id);
            let apart = mates.iter().any(|&s| sim.living(s) != now);
            assert_eq!(
                sim.months[m][metrics::SPLITS] - splits,
                apart as i64,
                "child {id}"
            );
            separated += apart as i64;
        }
        assert!(separated > 2, "{separated} separations");
        let band = |id: u32| sim.counts.marks[id as usize].band as usize;
        let after = sim.siblings(band);
        assert!(after.split > before.split, "{before:?} then {after:?}");
        assert!(after.apart >= before.apart + 2);
        assert!(after.apart_below_need > before.apart_below_need);
        assert!(after.split <= after.groups && 2 * after.split <= after.apart);
    }

    /// A group placed together shares a unit, so brothers and sisters in one agency
    /// placement live together; a group the matching splits does not, even where each child
    /// lands in the same kind of placement.
    #[test]
    fn siblings_placed_together_live_together_and_split_ones_do_not() {
        let mut together = default_scenario();
        together.matching.keep_siblings_together = true;
        together.markets.ifa_sibling_availability = 1.0;
        let mut apart = together.clone();
        apart.markets.ifa_sibling_availability = 0.0;
        // Admitted groups only (the starting groups are split as their histories say):
        // with every agency taking any group, nobody is split on entry (a breakdown may
        // still separate a few); with none, some are.
        let mut admitted_splits = Vec::new();
        for s in [together, apart] {
            let model = Model::new(&s, 6);
            let mut sim = Simulator::new(&model);
            sim.run(SEED, 1);
            let at = sim.siblings(|_| 0);
            assert!(at.groups > 5, "{at:?}");
            admitted_splits.push(sim.months.iter().map(|r| r[metrics::SPLITS]).sum::<i64>());
        }
        assert!(
            admitted_splits[1] > admitted_splits[0],
            "{admitted_splits:?}"
        );
    }
}
