//! The starting position of a run: foster households and the children already in care.
//! Each run draws its own starting children, independently, from its own stream: from the
//! stock tables of the model (`sim::stock`: age profile, time in care and remaining time
//! consistent with it, exactly) and the placement mix, or, for a scenario that lists its
//! children one by one, each listed child with a remaining time in care drawn consistently
//! with the time already spent.

use super::*;
use crate::scenario::StartChild;

/// Start-up's state: the households with a vacancy while the starting stock is placed:
/// those taking adolescents and complex needs, and the others.
#[derive(Default)]
pub(super) struct Startup {
    pub open: [Vec<u32>; 2],
}

/// A starting child before placement.
struct Starter {
    age: f64,
    entry_band: usize,
    route: ExitRoute,
    /// Days in care so far, and to the exit.
    elapsed: f64,
    remaining: f64,
    /// Known from the borough's returns (listed children), else drawn.
    complex: Option<bool>,
    placement: Option<PlacementType>,
}

impl<'m> Simulator<'m> {
    pub(super) fn start_up(&mut self, rng: &mut Stream, rs: &mut Streams) {
        let model = self.model;
        let sc = &model.scenario;
        let f = &sc.fostering;
        for _ in 0..f.households {
            let places = Self::draw_places(rng, &f.places);
            let adolescent = rng.bernoulli(f.adolescent_share);
            let approved = -rng.exponential(f.mean_tenure_years * DAYS_PER_YEAR);
            let budget = rng.exponential(1.0);
            self.add_household(places, adolescent, false, approved, budget, 0);
        }
        for (class, list) in self.startup.open.iter_mut().enumerate() {
            list.clear();
            let adolescent = class == 0;
            list.extend(
                (0..self.households.len() as u32)
                    .filter(|&h| self.households[h as usize].adolescent == adolescent),
            );
        }
        let mix = sc.population.placement_mix.to_array();
        let mix_total: f64 = mix.iter().sum();
        let listed = &sc.population.listed;
        let n = if listed.is_empty() {
            sc.population.children as usize
        } else {
            listed.len()
        };
        let mut remaining: [f64; PlacementType::COUNT] = mix.map(|c| c / mix_total * n as f64);
        for k in 0..n {
            let starter = match listed.get(k) {
                Some(child) => self.listed_starter(child, rng),
                None => {
                    let c = model.stock.draw(rng);
                    Starter {
                        age: c.age,
                        entry_band: AgeBand::of_age(c.entry_age).index(),
                        route: c.route,
                        elapsed: c.elapsed,
                        remaining: c.remaining,
                        complex: None,
                        placement: None,
                    }
                }
            };
            self.start_child(&starter, &mut remaining, rng, rs);
        }
    }

    /// A listed child: their route and remaining stay drawn given the time already spent.
    fn listed_starter(&self, child: &StartChild, rng: &mut Stream) -> Starter {
        let elapsed = child.months_in_care * DAYS_PER_MONTH;
        let (route, remaining) =
            self.model
                .stock
                .remaining(child.entry_age_years, child.age_years, elapsed, rng);
        Starter {
            age: child.age_years,
            entry_band: AgeBand::of_age(child.entry_age_years).index(),
            route,
            elapsed,
            remaining,
            complex: Some(child.complex_needs),
            placement: Some(child.placement),
        }
    }

    /// One starting child: in care, placed (in their listed placement, or one drawn from
    /// what is left of the starting mix where they fit), with their exit scheduled.
    fn start_child(
        &mut self,
        c: &Starter,
        remaining: &mut [f64; PlacementType::COUNT],
        rng: &mut Stream,
        rs: &mut Streams,
    ) {
        let model = self.model;
        let sc = &model.scenario;
        let lead = sc.exits.adoption_placement_lead_days;
        let complex = match c.complex {
            Some(known) => known,
            None => rng.bernoulli(sc.demand.complex_needs[c.entry_band]),
        };
        let exit_at = c.remaining.max(0.5);
        let preferred = model
            .order(0, c.age, Needs::of(complex))
            .first()
            .copied()
            .unwrap_or(PlacementType::Emergency);
        let id = self.add_child(-c.age * DAYS_PER_YEAR, complex, c.route, exit_at, preferred);
        let adoption = PlacementType::PlacedForAdoption.index();
        // A child whose adoption is due sooner than the move to the adopters would come is
        // already living with them (an adoption order needs that), starting mix or not.
        let place = if c.route == ExitRoute::Adoption && exit_at <= lead {
            Some(Place::Market(PlacementType::PlacedForAdoption))
        } else if let Some(t) = c.placement {
            // A listed child is where the returns say, if there is room there.
            match t {
                PlacementType::PlacedForAdoption => Some(Place::Market(t)),
                _ => self.find_start_place(t, id, rng),
            }
        } else {
            let mut w = *remaining;
            w[adoption] = 0.0;
            let mut chosen = None;
            while w.iter().any(|x| *x > 0.0) {
                let t = PlacementType::ALL[rng.categorical(&w)];
                if let Some(p) = self.find_start_place(t, id, rng) {
                    chosen = Some(p);
                    break;
                }
                w[t.index()] = 0.0;
            }
            chosen
        };
        let since = -rng.uniform() * c.elapsed;
        match place {
            Some(p) => {
                if let Some(t) = p.kind() {
                    remaining[t.index()] = (remaining[t.index()] - 1.0).max(0.0);
                    // A child already living in a children's home is there for their
                    // needs: treat them as complex, so a breakdown does not send them
                    // to family care that could not meet them.
                    if t.is_residential() && !complex {
                        let child = &mut self.children[id as usize];
                        child.complex = true;
                        child.preferred = model
                            .order(0, c.age, Needs::Complex)
                            .first()
                            .copied()
                            .unwrap_or(PlacementType::Emergency);
                    }
                }
                self.assign(id, p, 0.0, false, rs);
            }
            None => self.place_single(id, 0.0, false, Place::Nowhere, rs),
        }
        // The entry placement, if the current one is a later one.
        let entered = -c.elapsed;
        let earlier = if since > entered + 1.0 {
            entered
        } else {
            f64::NEG_INFINITY
        };
        self.children[id as usize].recent = [since, earlier, f64::NEG_INFINITY];
        self.refresh_moved3(id);
        if c.route == ExitRoute::Adoption && exit_at > lead {
            self.queue
                .push(exit_at - lead, EventKind::AdoptionMove, id, 0);
        }
    }

    fn find_start_place(
        &mut self,
        t: PlacementType,
        child: u32,
        rng: &mut Stream,
    ) -> Option<Place> {
        if t == PlacementType::InHouseFoster {
            // A household drawn uniformly from those that fit: any with a vacancy that takes
            // adolescents and complex needs, or, for a child the others can take, any.
            let c = &self.children[child as usize];
            let std_fits = !c.complex
                && c.age_years(0.0) < self.model.scenario.fostering.standard_max_age as f64 + 1.0;
            loop {
                let [ado, std] = &self.startup.open;
                let count = ado.len() + if std_fits { std.len() } else { 0 };
                if count == 0 {
                    return None;
                }
                let k = ((rng.uniform() * count as f64) as usize).min(count - 1);
                let (class, k) = if k < ado.len() {
                    (0, k)
                } else {
                    (1, k - ado.len())
                };
                let list = &mut self.startup.open[class];
                let h = list[k];
                let v = self.households[h as usize].vacancies();
                // Full once this child moves in (or already filled by another route): no
                // longer listed.
                if v <= 1 {
                    list.swap_remove(k);
                }
                if v >= 1 {
                    return Some(Place::Household(h));
                }
            }
        }
        // A child already living with family or friends, or with an agency's carers, is
        // there: the chances of finding such a carer for a new placement do not apply (the
        // agencies' limit and age range do).
        match t {
            PlacementType::PlacedWithParents | PlacementType::ConnectedPerson => {
                Some(Place::Market(t))
            }
            PlacementType::PlacedForAdoption => None,
            PlacementType::Ifa => self.market_room(t, self.ask(&[child], 0.0)),
            _ => {
                let ask = self.ask(&[child], 0.0);
                self.fits(t, ask, rng)
            }
        }
    }
}
