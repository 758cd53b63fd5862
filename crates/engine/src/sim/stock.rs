//! The children already in care at the start, drawn exactly and independently in every run
//! from tables that depend only on the scenario (built once, at `Model::compile`).
//!
//! With steady admissions, a child in the stock entered at age `e` with probability
//! density `f(e)` (the scenario's entry ages: a band, then uniform within it) and is still
//! in care `x` days later with probability `Σ_r p(r | band of e) S_r(x)`, where `p` are the
//! exit routes by entry age and `S_r` the survival of route `r`'s duration (1 for staying to
//! 18). Length bias comes with it: long stays are more likely to be under way. So the
//! stock's density over (entry age `e`, current age `a = e + x`, route `r`) is
//! `f(e) p(r | e) S_r(a - e)` on `0 <= e <= a < 18`, and the remaining stay on route `r` is
//! its duration conditioned on exceeding `x` (becoming "staying to 18" if that reaches 18).
//!
//! Drawing from it: the (entry, current) age plane is cut into monthly cells; each cell
//! gets an upper bound of its mass (the density at its shortest time in care), and a
//! Walker alias table per current age band picks a cell in proportion to it; a point
//! uniform in the cell and a route in proportion to the bound at the cell's shortest time
//! are then accepted with the ratio of the true survival to the bound. That is exact
//! rejection sampling: the bounds only set the acceptance rate (about nine in ten). The
//! ratio is decided from a fine table of survivals on either side of the point (a squeeze),
//! so the exact survival is computed only in the rare case the table cannot decide. The
//! remaining stay is drawn by plain draws until one exceeds the time spent where that is
//! likely (the table says so), else by inversion.
//!
//! A child listed in the scenario (from the borough's returns) has a known entry age and
//! time in care: only the route and remaining stay are drawn, the same way.
//!
//! `StartTables` holds the start-up's other tables that depend only on the model (for the
//! starting placement mix and histories), worked out by `run::start_mix` when the model is
//! compiled.

use crate::dist::Duration;
use crate::rng::Stream;
use crate::scenario::Scenario;
use crate::types::{AgeBand, ExitRoute, PlacementType, DAYS_PER_YEAR};

/// Cells per year of age, and sub-steps per cell of the survival table.
const CELLS_PER_YEAR: usize = 12;
const FINE: usize = 8;
/// Age intervals from birth to 18.
const N: usize = 18 * CELLS_PER_YEAR;
const MAX_AGE_DAYS: f64 = 18.0 * DAYS_PER_YEAR;
/// Width of a cell, and of a survival-table step, in days.
const H: f64 = MAX_AGE_DAYS / N as f64;
const STEP: f64 = H / FINE as f64;
/// Routes with a duration (all but staying to 18).
const TIMED: usize = ExitRoute::COUNT - 1;

/// A starting child drawn from the stock.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StockChild {
    /// Age at entry, and now, in years.
    pub entry_age: f64,
    pub age: f64,
    /// Days in care so far.
    pub elapsed: f64,
    pub route: ExitRoute,
    /// Days until the exit, from the start (> 0).
    pub remaining: f64,
}

/// What the start-up's plan of the placement mix and its walks through young people's years
/// in care read that depends only on the model, worked out once with it
/// (`Simulator::start_tables`, `Model::start`) rather than in every run.
#[derive(Clone, Debug, Default)]
pub struct StartTables {
    /// The chance that a match finds no placement before an emergency bed
    /// (`Simulator::unplaced_chance`), by whole years of age (0 to 17), for standard and
    /// complex needs.
    pub unplaced: [[f64; 2]; 18],
    /// Each class of the starting mix's plan (`StartMix::class_of`): its propensity for each
    /// of the plan's columns (the types of placement, then the households taking
    /// adolescents; `Simulator::start_propensity`).
    pub propensity: Vec<[f64; PlacementType::COUNT + 1]>,
    /// Each class's first class with the same propensities, bit for bit (itself if none).
    pub same_row: Vec<u8>,
    /// The chance that a starting sibling group lives together (`Simulator::start_keep`), by
    /// its size (0 to the largest group admitted), its eldest under 11 or not, and its moves
    /// since entry (0 to 3).
    pub keep: Vec<[[f64; 4]; 2]>,
}

/// Walker's alias table over `n` outcomes.
#[derive(Clone, Debug, Default)]
struct Alias {
    prob: Vec<f64>,
    alias: Vec<u32>,
}

impl Alias {
    /// From non-negative weights with a positive sum (Vose's method).
    fn new(weights: &[f64]) -> Alias {
        let n = weights.len();
        let total: f64 = weights.iter().sum();
        let mut prob: Vec<f64> = weights.iter().map(|w| w * n as f64 / total).collect();
        let mut alias = vec![0u32; n];
        let (mut small, mut large): (Vec<usize>, Vec<usize>) = (0..n).partition(|&i| prob[i] < 1.0);
        while let (Some(&s), Some(&l)) = (small.last(), large.last()) {
            small.pop();
            alias[s] = l as u32;
            prob[l] -= 1.0 - prob[s];
            if prob[l] < 1.0 {
                large.pop();
                small.push(l);
            }
        }
        // What is left is 1 up to rounding.
        for i in small.into_iter().chain(large) {
            prob[i] = 1.0;
        }
        Alias { prob, alias }
    }
}

/// One outcome of an alias table over cells, with everything a draw reads of it side by
/// side, in 8 bytes (the tables are large, and a draw lands anywhere in them: one small
/// read, not three).
#[derive(Clone, Copy, Debug)]
struct Slot {
    /// The slot keeps its own cell when the draw's 32 bits are at most this: exactly when
    /// the uniform they make (`Stream::uniform`, the bits times 2^-32) is below the slot's
    /// chance `p`, as the bits are below `ceil(p * 2^32)` then.
    keep_to: u32,
    /// (entry interval, current interval) of the slot's cell, and of its alias.
    cell: [u8; 2],
    alias: [u8; 2],
}

// Intervals fit a byte.
const _: () = assert!(N <= 256);

/// One table of cells: those whose current age lies in one band (or all).
#[derive(Clone, Debug, Default)]
struct Cells {
    /// Walker's alias table over the cells (by their bounds on the mass).
    slots: Vec<Slot>,
}

impl Cells {
    /// The cells `cells`, drawn in proportion to `weights` (non-negative, positive sum).
    fn new(cells: &[(u16, u16)], weights: &[f64]) -> Cells {
        let Alias { prob, alias } = Alias::new(weights);
        let byte = |(i, j): (u16, u16)| [i as u8, j as u8];
        let slots = cells
            .iter()
            .zip(prob.iter().zip(&alias))
            .map(|(&cell, (&prob, &a))| {
                let alias = byte(cells[a as usize]);
                // Bits below `keep` give a uniform below `prob` (scaling by 2^32 is exact).
                let keep = libm::ceil(prob * 4_294_967_296.0).clamp(0.0, 4_294_967_296.0) as u64;
                match keep.checked_sub(1) {
                    Some(to) => Slot {
                        keep_to: to as u32,
                        cell: byte(cell),
                        alias,
                    },
                    // Never kept: the alias whatever the bits.
                    None => Slot {
                        keep_to: 0,
                        cell: alias,
                        alias,
                    },
                }
            })
            .collect();
        Cells { slots }
    }

    fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// A cell, (entry interval, current interval), by its weight.
    #[inline]
    fn sample(&self, rng: &mut Stream) -> (u16, u16) {
        let n = self.slots.len();
        // A signed conversion (one instruction; the unsigned one takes several): the same
        // index for a position in [0, n).
        let s = &self.slots[((rng.uniform() * n as f64) as i64 as usize).min(n - 1)];
        let [i, j] = if rng.next_u32() <= s.keep_to {
            s.cell
        } else {
            s.alias
        };
        (i as u16, j as u16)
    }
}

/// The scenario's stock, ready to draw from.
#[derive(Clone, Debug)]
pub struct Stock {
    durations: [Duration; TIMED],
    /// Survival of each timed route at `k * STEP` days, `k = 0..=N * FINE`.
    survival: [Vec<f64>; TIMED],
    /// Exit routes by entry band.
    routes: [[f64; ExitRoute::COUNT]; AgeBand::COUNT],
    /// By entry band and cell offset (current interval less entry interval): each route's
    /// bound on its density over the cell.
    bound: Vec<[[f64; ExitRoute::COUNT]; N]>,
    /// Each of those bounds' sum over the routes, added as `Stream::categorical` adds them.
    bound_sum: Vec<[f64; N]>,
    /// The age band of each interval (`band_of`).
    bands: [u8; N],
    /// Cells by current age band, and all cells.
    by_band: Vec<Cells>,
    all: Cells,
    /// The starting age profile, if the scenario gives one.
    profile: Option<[f64; AgeBand::COUNT]>,
}

/// The age band of interval `i`.
fn band_of(i: usize) -> usize {
    AgeBand::of_age((i as f64 + 0.5) / CELLS_PER_YEAR as f64).index()
}

impl Stock {
    pub fn compile(s: &Scenario, durations: [Duration; TIMED]) -> Stock {
        let survival: [Vec<f64>; TIMED] = std::array::from_fn(|r| {
            (0..=N * FINE)
                .map(|k| durations[r].survival(k as f64 * STEP))
                .collect()
        });
        let routes = s.exits.route_by_entry_age;
        let mut bound = vec![[[0.0; ExitRoute::COUNT]; N]; AgeBand::COUNT];
        let mut bound_sum = vec![[0.0; N]; AgeBand::COUNT];
        for b in 0..AgeBand::COUNT {
            for k in 0..N {
                // The shortest time in care over a cell k intervals above the diagonal.
                let lo = k.saturating_sub(1) * FINE;
                for r in 0..ExitRoute::COUNT {
                    let surv = if r < TIMED { survival[r][lo] } else { 1.0 };
                    bound[b][k][r] = routes[b][r] * surv;
                }
                bound_sum[b][k] = bound[b][k].iter().sum();
            }
        }
        // Entry density per interval: the band's share over its intervals.
        let entry: Vec<f64> = (0..N)
            .map(|i| {
                let b = band_of(i);
                let width = (AgeBand::EDGES[b + 1] - AgeBand::EDGES[b]) * CELLS_PER_YEAR as f64;
                s.demand.entry_age[b] / width
            })
            .collect();
        let table = |current: std::ops::Range<usize>| {
            let (mut cells, mut weights) = (Vec::new(), Vec::new());
            for j in current {
                for (i, f) in entry.iter().enumerate().take(j + 1) {
                    let w = f * bound_sum[band_of(i)][j - i];
                    if w > 0.0 {
                        cells.push((i as u16, j as u16));
                        weights.push(w);
                    }
                }
            }
            if weights.is_empty() {
                Cells::default()
            } else {
                Cells::new(&cells, &weights)
            }
        };
        let per_band = |b: usize| {
            let edge = |e: f64| (e * CELLS_PER_YEAR as f64) as usize;
            table(edge(AgeBand::EDGES[b])..edge(AgeBand::EDGES[b + 1]))
        };
        let profile = s.population.age_profile;
        let by_band = if profile.is_some() {
            (0..AgeBand::COUNT).map(per_band).collect()
        } else {
            Vec::new()
        };
        let all = table(0..N);
        Stock {
            durations,
            survival,
            routes,
            bound,
            bound_sum,
            bands: std::array::from_fn(|i| band_of(i) as u8),
            by_band,
            all,
            profile,
        }
    }

    /// Is route `r` (timed) still under way after `x` days, for a uniform `v` against
    /// `top`, an upper bound of the survival at `x` (`v * top` below the survival)?
    #[inline]
    fn survives(&self, r: usize, x: f64, v: f64) -> bool {
        let table = &self.survival[r];
        // `x` is never negative (the time spent): a signed conversion, as in `sample`.
        let k = (x / STEP) as i64 as usize;
        if let (Some(&hi), Some(&lo)) = (table.get(k), table.get(k + 1)) {
            if v <= lo {
                return true;
            }
            if v > hi {
                return false;
            }
        }
        v <= self.durations[r].survival(x)
    }

    /// One child of the stock: their current age band drawn from the scenario's profile
    /// (when it gives one), then the rest from the stock within that band.
    pub fn draw(&self, rng: &mut Stream) -> StockChild {
        let cells = match &self.profile {
            Some(p) => {
                let b = rng.categorical(p);
                match self.by_band.get(b) {
                    Some(c) if !c.is_empty() => c,
                    // No child of the stock can be this age: any age.
                    _ => &self.all,
                }
            }
            None => &self.all,
        };
        loop {
            let (i, j) = cells.sample(rng);
            let (i, j) = (i as usize, j as usize);
            let e = (i as f64 + rng.uniform()) * H;
            let a = (j as f64 + rng.uniform()) * H;
            if e > a {
                continue;
            }
            let (b, k) = (self.bands[i] as usize, j - i);
            let r = rng.categorical_summed(&self.bound[b][k], self.bound_sum[b][k]);
            let x = a - e;
            if r < TIMED {
                let top = self.survival[r][k.saturating_sub(1) * FINE];
                if !self.survives(r, x, rng.uniform() * top) {
                    continue;
                }
            }
            let (route, stay) = self.stay(a, x, r, rng);
            return StockChild {
                entry_age: e / DAYS_PER_YEAR,
                age: a / DAYS_PER_YEAR,
                elapsed: x,
                route,
                remaining: stay,
            };
        }
    }

    /// A listed child's route and remaining days, from their entry age (years), current
    /// age (years) and days in care: the route in proportion to its chance at entry and
    /// the survival of its duration beyond the time spent, then the duration conditioned
    /// on exceeding it.
    pub fn remaining(
        &self,
        entry_age: f64,
        age: f64,
        elapsed: f64,
        rng: &mut Stream,
    ) -> (ExitRoute, f64) {
        let b = AgeBand::of_age(entry_age).index();
        let x = elapsed.max(0.0);
        // Proposal: each route by its chance times the survival at the table step below x.
        let k = ((x / STEP) as usize).min(N * FINE);
        let mut w = [0.0; ExitRoute::COUNT];
        for (r, w) in w.iter_mut().enumerate() {
            let surv = if r < TIMED { self.survival[r][k] } else { 1.0 };
            *w = self.routes[b][r] * surv;
        }
        let mut r = None;
        for _ in 0..64 {
            if w.iter().sum::<f64>() <= 0.0 {
                break;
            }
            let c = rng.categorical(&w);
            if c == TIMED || self.survives(c, x, rng.uniform() * self.survival[c][k]) {
                r = Some(c);
                break;
            }
        }
        // Rarely undecided (a route whose chance is almost spent): the exact weights.
        let r = r.unwrap_or_else(|| {
            for (c, w) in w.iter_mut().enumerate().take(TIMED) {
                *w = self.routes[b][c] * self.durations[c].survival(x);
            }
            if w.iter().sum::<f64>() > 0.0 {
                rng.categorical(&w)
            } else {
                // No route is still under way after so long: staying to 18.
                TIMED
            }
        });
        self.stay(age * DAYS_PER_YEAR, x, r, rng)
    }

    /// Route `r`'s remaining days for a child who is `a` days old and has been in care `x`
    /// days: the duration beyond `x`, or to 18 when that comes
    /// first.
    fn stay(&self, a: f64, x: f64, r: usize, rng: &mut Stream) -> (ExitRoute, f64) {
        let to18 = (MAX_AGE_DAYS - a).max(0.5);
        if r < TIMED {
            let d = &self.durations[r];
            // Where most of the duration is still to come, plain draws until one lasts
            // beyond x (at most four tries on average); further out, by inversion (which
            // needs the exact survival at x).
            let sure = self.survival[r]
                .get((x / STEP) as i64 as usize + 1)
                .copied()
                .unwrap_or(0.0);
            let total = if sure >= 0.25 {
                loop {
                    let v = d.sample(rng);
                    if v > x {
                        break v;
                    }
                }
            } else {
                d.sample_beyond(x, rng)
            };
            let left = total - x;
            if left < to18 {
                return (ExitRoute::ALL[r], left.max(0.5));
            }
        }
        (ExitRoute::Age18, to18)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::defaults::default_scenario;
    use crate::rng::Process;
    use crate::scenario::DurationDist;
    use crate::sim::Model;

    /// What a sample of starting children is compared on: shares of children in bins.
    fn bins(c: &StockChild) -> [usize; 4] {
        let years = |d: f64| d / DAYS_PER_YEAR;
        let bin = |y: f64, edges: &[f64]| edges.iter().filter(|e| y >= **e).count();
        [
            AgeBand::of_age(c.age).index(),
            bin(years(c.elapsed), &[0.25, 0.5, 1.0, 2.0, 4.0, 8.0]),
            bin(years(c.remaining), &[0.25, 0.5, 1.0, 2.0, 4.0, 8.0]),
            c.route.index(),
        ]
    }

    /// The slow definition: admissions drawn as the model admits them, kept with
    /// probability proportional to their stay (a child in the stock is there for a share of
    /// their stay), at a uniform point of it; then kept if in the age band drawn from the
    /// profile.
    fn slow(model: &Model, rng: &mut Stream) -> StockChild {
        let s = &model.scenario;
        let durations = [&model.return_home, &model.sgo, &model.adoption];
        let band = s.population.age_profile.map(|p| rng.categorical(&p));
        loop {
            let b = rng.categorical(&s.demand.entry_age);
            let (lo, hi) = (AgeBand::EDGES[b], AgeBand::EDGES[b + 1]);
            let e = (lo + (hi - lo) * rng.uniform()) * DAYS_PER_YEAR;
            let r = rng.categorical(&s.exits.route_by_entry_age[b]);
            let to18 = MAX_AGE_DAYS - e;
            let d = if r < TIMED {
                durations[r].sample(rng)
            } else {
                f64::INFINITY
            };
            let (route, stay) = if d >= to18 {
                (ExitRoute::Age18, to18)
            } else {
                (ExitRoute::ALL[r], d)
            };
            if rng.uniform() * MAX_AGE_DAYS >= stay {
                continue;
            }
            let x = rng.uniform() * stay;
            let age = (e + x) / DAYS_PER_YEAR;
            if band.is_some_and(|b| AgeBand::of_age(age).index() != b) {
                continue;
            }
            return StockChild {
                entry_age: e / DAYS_PER_YEAR,
                age,
                elapsed: x,
                route,
                remaining: stay - x,
            };
        }
    }

    /// Two samples' shares in every bin agree within sampling error (4.5 standard errors
    /// of the difference of two shares).
    fn agree(what: &str, a: &[[usize; 4]], b: &[[usize; 4]]) {
        for k in 0..4 {
            for v in 0..8 {
                let p = |s: &[[usize; 4]]| {
                    s.iter().filter(|x| x[k] == v).count() as f64 / s.len() as f64
                };
                let (pa, pb) = (p(a), p(b));
                let pool = (pa + pb) / 2.0;
                let se =
                    (pool * (1.0 - pool) * (1.0 / a.len() as f64 + 1.0 / b.len() as f64)).sqrt();
                assert!(
                    (pa - pb).abs() <= 4.5 * se + 1e-9,
                    "{what}: measure {k}, bin {v}: {pa:.4} drawn against {pb:.4} by rejection"
                );
            }
        }
    }

    #[test]
    fn the_stock_is_drawn_as_the_slow_rejection_sampler_draws_it() {
        let base = default_scenario();
        // The default leaves the ages to the flows; the May 2018 profile is a scenario's own.
        let mut profile = base.clone();
        profile.population.age_profile = Some([49.0, 103.0, 137.0, 242.0, 108.0]);
        let mut families = base.clone();
        families.exits.return_home = DurationDist::Lognormal {
            median_months: 8.0,
            sigma: 1.2,
        };
        families.exits.special_guardianship = DurationDist::Exponential { mean_months: 20.0 };
        families.exits.adoption = DurationDist::Empirical {
            points: vec![(6.0, 0.1), (18.0, 0.6), (36.0, 1.0)],
        };
        let n = 30_000;
        for (what, s) in [
            ("default (no profile)", base),
            ("2018 profile", profile),
            ("other families", families),
        ] {
            let model = Model::new(&s, 12);
            let mut rng = Stream::new(3, 1, Process::StartUp);
            let fast: Vec<[usize; 4]> = (0..n).map(|_| bins(&model.stock.draw(&mut rng))).collect();
            let slow: Vec<[usize; 4]> = (0..n).map(|_| bins(&slow(&model, &mut rng))).collect();
            agree(what, &fast, &slow);
        }
    }

    /// A listed child's route and remaining stay: as drawing a new child of their entry age
    /// until one is still in care after the time they have spent.
    #[test]
    fn a_listed_childs_remaining_stay_is_conditioned_on_the_time_spent() {
        let model = Model::new(&default_scenario(), 12);
        let durations = [&model.return_home, &model.sgo, &model.adoption];
        let mut rng = Stream::new(4, 2, Process::StartUp);
        let n = 30_000;
        for (entry, months) in [(0.5, 6.0), (3.0, 30.0), (12.0, 20.0), (16.2, 9.0)] {
            let x = months * crate::types::DAYS_PER_MONTH;
            let (e, a) = (entry * DAYS_PER_YEAR, entry * DAYS_PER_YEAR + x);
            let child = |route: ExitRoute, remaining: f64| {
                bins(&StockChild {
                    entry_age: entry,
                    age: a / DAYS_PER_YEAR,
                    elapsed: x,
                    route,
                    remaining,
                })
            };
            let fast: Vec<[usize; 4]> = (0..n)
                .map(|_| {
                    let (r, left) = model.stock.remaining(entry, a / DAYS_PER_YEAR, x, &mut rng);
                    child(r, left)
                })
                .collect();
            let b = AgeBand::of_age(entry).index();
            let slow: Vec<[usize; 4]> = (0..n)
                .map(|_| loop {
                    let r = rng.categorical(&model.scenario.exits.route_by_entry_age[b]);
                    let to18 = MAX_AGE_DAYS - e;
                    let d = if r < TIMED {
                        durations[r].sample(&mut rng)
                    } else {
                        f64::INFINITY
                    };
                    let (route, stay) = if d >= to18 {
                        (ExitRoute::Age18, to18)
                    } else {
                        (ExitRoute::ALL[r], d)
                    };
                    if stay > x {
                        break child(route, stay - x);
                    }
                })
                .collect();
            agree(&format!("entry {entry}, {months} months"), &fast, &slow);
        }
    }
}
