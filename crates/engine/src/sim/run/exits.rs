//! Leaving care: each child's way out and planned stay, drawn at admission (and again
//! when an adoption disrupts); the permanence drive's rescaling of the stays under way; and
//! the exit itself, with staying put for a young person leaving foster care at 18.

/// A planned stay (days, for a child of `age` years) under the permanence drive's
/// multiplier: the routes home and to guardianship are stretched or shortened, and a stay
/// stretched past the 18th birthday ends there instead.
pub(super) fn with_permanence(
    route: ExitRoute,
    stay: f64,
    age: f64,
    mult: f64,
) -> (ExitRoute, f64) {
    if !matches!(
        route,
        ExitRoute::ReturnHome | ExitRoute::SpecialGuardianship
    ) {
        return (route, stay);
    }
    let stay = stay * mult;
    let to18 = MAX_AGE_DAYS - age * DAYS_PER_YEAR;
    if stay >= to18 {
        (ExitRoute::Age18, to18.max(1.0))
    } else {
        (route, stay)
    }
}

use super::*;

impl<'m> Simulator<'m> {
    /// Draw a child's route and total planned stay (days) from entry age.
    pub(super) fn draw_route(&self, rng: &mut Stream, age: f64) -> (ExitRoute, f64) {
        let band = AgeBand::of_age(age).index();
        self.draw_route_with(
            rng,
            age,
            &self.model.scenario.exits.route_by_entry_age[band],
        )
    }

    /// As `draw_route`, with the routes' weights given.
    pub(super) fn draw_route_with(
        &self,
        rng: &mut Stream,
        age: f64,
        weights: &[f64; ExitRoute::COUNT],
    ) -> (ExitRoute, f64) {
        let route = ExitRoute::ALL[rng.categorical(weights)];
        let d = match route {
            ExitRoute::ReturnHome => self.model.return_home.sample(rng),
            ExitRoute::SpecialGuardianship => self.model.sgo.sample(rng),
            ExitRoute::Adoption => self.model.adoption.sample(rng),
            ExitRoute::Age18 => f64::INFINITY,
        };
        let to18 = MAX_AGE_DAYS - age * DAYS_PER_YEAR;
        if d >= to18 {
            (ExitRoute::Age18, to18.max(1.0))
        } else {
            (route, d.max(1.0))
        }
    }

    /// Permanence drive: when month `m`'s multiplier changes, rescale the remaining stays on
    /// the routes home and to special guardianship.
    pub(super) fn rescale_stays(&mut self, m: usize) {
        let model = self.model;
        let e = &model.months[m];
        let t0 = m as f64 * DAYS_PER_MONTH;
        if e.permanence_mult != self.perm_mult {
            let ratio = e.permanence_mult / self.perm_mult;
            self.perm_mult = e.permanence_mult;
            for i in 0..self.children.active.len() {
                let id = self.children.active[i];
                let c = &mut self.children[id as usize];
                if matches!(
                    c.route,
                    ExitRoute::ReturnHome | ExitRoute::SpecialGuardianship
                ) && c.exit_at > t0
                {
                    let to18 = c.birth + MAX_AGE_DAYS;
                    let mut exit = t0 + (c.exit_at - t0) * ratio;
                    if exit >= to18 {
                        exit = to18;
                        c.route = ExitRoute::Age18;
                    }
                    c.exit_at = exit;
                    c.exit_epoch += 1;
                    let ep = c.exit_epoch;
                    self.queue.push(exit, EventKind::Exit, id, ep);
                }
            }
        }
    }

    pub(super) fn exit(&mut self, id: u32, t: f64, route: ExitRoute, rs: &mut Streams) {
        let prev = self.children[id as usize].place;
        if let Some(h) = &mut self.history {
            h.left(id, t, route);
        }
        // `release` marks the child's sibling group as changed, for the month end.
        self.release(id, t);
        if let Some(k) = self.counts.marks.get_mut(id as usize) {
            k.in_care = false;
        }
        let c = &mut self.children[id as usize];
        c.in_care = false;
        c.place = Place::Nowhere;
        c.kind = None;
        self.children.discharge(id);
        let m = self.month;
        self.months[m][metrics::EXITS] += 1;
        self.months[m][metrics::EXITS_BY_ROUTE + route.index()] += 1;
        if route == ExitRoute::Age18 {
            if let Place::Household(h) = prev {
                let sp = &self.model.scenario.exits;
                if rs.exits.uniform() < sp.staying_put_share && self.households[h as usize].active {
                    self.households[h as usize].staying_put += 1;
                    self.households.staying_put += 1;
                    if let Some(r) = &mut self.history {
                        r.stayed_put(id);
                    }
                    self.households.refresh_open(h);
                    self.queue.push(
                        t + sp.staying_put_months * DAYS_PER_MONTH,
                        EventKind::StayingPutEnd,
                        h,
                        0,
                    );
                }
            }
        }
    }
}
