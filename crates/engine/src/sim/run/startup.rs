//! The starting position of a run: foster households and the children already in care,
//! with an age profile and placement mix from the scenario and remaining time in care
//! consistent with how long each child has already been in.
//!
//! A child in the stock is more likely to be on a long stay (length bias), and has been in
//! care for a uniformly distributed share of it. Drawing such children by rejection is
//! costly, so each run draws them from a pool of accepted candidates built once per master
//! seed and scenario (from a stream reserved for it), grouped by current age band.

use super::*;

const POOL_PER_BAND: usize = 1024;
const POOL_MAX_TRIES: usize = 300_000;
/// Replication index whose streams are reserved for building the pool.
const POOL_REPLICATION: u32 = u32::MAX;

#[derive(Clone, Copy, Debug)]
pub(super) struct Candidate {
    age: f64,
    entry_band: usize,
    route: ExitRoute,
    elapsed: f64,
    stay: f64,
}

/// What a start-up pool is drawn from: the master seed and the scenario inputs the pool
/// reads (entry ages, exit routes and durations). Pools with equal keys are identical.
#[derive(Clone, Debug, PartialEq)]
pub struct PoolKey {
    seed: u64,
    entry_age: [f64; AgeBand::COUNT],
    route_by_entry_age: [[f64; ExitRoute::COUNT]; AgeBand::COUNT],
    durations: [crate::scenario::DurationDist; 3],
}

impl PoolKey {
    pub fn new(model: &Model, seed: u64) -> PoolKey {
        let s = &model.scenario;
        PoolKey {
            seed,
            entry_age: s.demand.entry_age,
            route_by_entry_age: s.exits.route_by_entry_age,
            durations: [
                s.exits.return_home.clone(),
                s.exits.special_guardianship.clone(),
                s.exits.adoption.clone(),
            ],
        }
    }
}

/// Children to draw the starting stock from, built once per `PoolKey`.
#[derive(Clone)]
pub struct StartPool {
    pub(super) key: PoolKey,
    by_band: [Vec<Candidate>; AgeBand::COUNT],
    any: Vec<Candidate>,
}

/// Start-up's state: the pool of starting children (kept across runs of the same seed), and
/// the households with a vacancy while the starting stock is placed: those taking
/// adolescents and complex needs, and the others.
#[derive(Default)]
pub(super) struct Startup {
    pub pool: Option<StartPool>,
    pub open: [Vec<u32>; 2],
}

impl<'m> Simulator<'m> {
    pub(super) fn build_pool(&self, seed: u64) -> StartPool {
        let mut rng = Stream::new(seed, POOL_REPLICATION, Process::StartUp);
        let mut pool = StartPool {
            key: PoolKey::new(self.model, seed),
            by_band: Default::default(),
            any: Vec::with_capacity(POOL_PER_BAND),
        };
        let needed = |p: &StartPool| {
            p.any.len() < POOL_PER_BAND || p.by_band.iter().any(|b| b.len() < POOL_PER_BAND)
        };
        let mut tries = 0;
        while needed(&pool) && tries < POOL_MAX_TRIES {
            tries += 1;
            let entry = self.entry_age(&mut rng);
            let (route, stay) = self.draw_route(&mut rng, entry);
            if rng.uniform() * MAX_AGE_DAYS > stay {
                continue;
            }
            let elapsed = rng.uniform() * stay;
            let age = (entry + elapsed / DAYS_PER_YEAR).min(17.99);
            let c = Candidate {
                age,
                entry_band: AgeBand::of_age(entry).index(),
                route,
                elapsed,
                stay,
            };
            if pool.any.len() < POOL_PER_BAND {
                pool.any.push(c);
            }
            let band = &mut pool.by_band[AgeBand::of_age(age).index()];
            if band.len() < POOL_PER_BAND {
                band.push(c);
            }
        }
        pool
    }

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
        let pool = self.startup.pool.take();
        let Some(pool) = pool else { return };
        let n = sc.population.children as usize;
        let lead = sc.exits.adoption_placement_lead_days;
        let mix = sc.population.placement_mix.to_array();
        let mix_total: f64 = mix.iter().sum();
        let mut remaining: [f64; PlacementType::COUNT] = mix.map(|c| c / mix_total * n as f64);
        for _ in 0..n {
            let candidates = match &sc.population.age_profile {
                Some(p) => {
                    let b = rng.categorical(p);
                    if pool.by_band[b].is_empty() {
                        &pool.any
                    } else {
                        &pool.by_band[b]
                    }
                }
                None => &pool.any,
            };
            if candidates.is_empty() {
                break;
            }
            let c = candidates
                [((rng.uniform() * candidates.len() as f64) as usize).min(candidates.len() - 1)];
            let complex = rng.bernoulli(sc.demand.complex_needs[c.entry_band]);
            let exit_at = (c.stay - c.elapsed)
                .min(MAX_AGE_DAYS - c.age * DAYS_PER_YEAR)
                .max(0.5);
            let preferred = model
                .order(0, c.age, Needs::of(complex))
                .first()
                .copied()
                .unwrap_or(PlacementType::Emergency);
            let id = self.add_child(-c.age * DAYS_PER_YEAR, complex, c.route, exit_at, preferred);
            // Initial placement from the starting mix, where the child fits.
            let adoption = PlacementType::PlacedForAdoption.index();
            // A child whose adoption is due sooner than the move to the adopters would come
            // is already living with them (an adoption order needs that), starting mix or not.
            let place = if c.route == ExitRoute::Adoption && exit_at <= lead {
                Some(Place::Market(PlacementType::PlacedForAdoption))
            } else {
                let mut w = remaining;
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
        self.startup.pool = Some(pool);
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

impl StartPool {
    /// Was this pool drawn for `model` and `seed` (so a run may use it)?
    pub fn serves(&self, model: &Model, seed: u64) -> bool {
        let (k, s) = (&self.key, &model.scenario);
        k.seed == seed
            && k.entry_age == s.demand.entry_age
            && k.route_by_entry_age == s.exits.route_by_entry_age
            && k.durations[0] == s.exits.return_home
            && k.durations[1] == s.exits.special_guardianship
            && k.durations[2] == s.exits.adoption
    }
}
