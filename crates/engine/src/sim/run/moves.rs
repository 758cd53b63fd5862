//! Moves: placements that break down, short-term first placements ending in a planned
//! move, emergency placements reviewed, children moving to their adopters, and the
//! step-down lever moving children from residential to foster care.

use super::*;

impl<'m> Simulator<'m> {
    /// A placement breaks down: the child is matched again. If it was placed for adoption,
    /// the adoption has disrupted: the plan ends, and the child's way out of care is drawn
    /// again from its age now among the other routes (a new adoption plan within the
    /// horizon is not modelled).
    pub(super) fn breakdown(&mut self, id: u32, t: f64, rs: &mut Streams) {
        let pfa = Place::Market(PlacementType::PlacedForAdoption);
        let disrupted = self.children[id as usize].place == pfa;
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
        let order = model.order(self.month, age, Needs::of(complex));
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
                let c = &mut self.children[id as usize];
                c.complex = complex;
                c.preferred = order.first().copied().unwrap_or(emergency);
                self.assign(id, p, t, true, rs);
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
                    self.assign(id, p, t0, true, rs);
                    done += 1;
                    break;
                }
            }
        }
        self.scratch.ids = eligible;
    }
}
