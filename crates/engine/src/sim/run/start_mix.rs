//! The starting placement mix, allocated jointly over the starting children: which kinds of
//! child the scenario's starting counts by type of placement are (`StartMix`). Each child
//! belongs to a class (their age in whole years when their current placement began, and
//! their needs: standard, complex from entry, or complex through repeated moves), each class
//! has a propensity for each type (`Simulator::start_propensity`: where a match along its
//! preference order lands, as the model's own matches do, with the types it cannot be in at
//! zero), and iterative proportional fitting scales the propensities by type until the
//! children's expected counts by type are the starting mix (`Simulator::plan_start_mix`).
//! Each child then draws its type from its class's plan, corrected by what is left of the
//! mix against what the children still to place were expected to take (`StartMix::weight`),
//! so the counts by type come out as the mix and the kinds of child in each type as the
//! model's flows put them there. The children in emergency beds are chosen before the plan
//! (`start_waiting`). What of this depends only on the model (each class's propensities,
//! the chance a match places no one, by whole years) is worked out once, when the model is
//! compiled (`Simulator::start_tables`, `StartTables`).

use super::startup::Starter;
use super::*;
use crate::sim::stock::StartTables;

const N: usize = PlacementType::COUNT;
/// The plan's columns: the types of placement, the council's foster households split in
/// two (those of the standard kind, at `InHouseFoster`'s index, and those taking
/// adolescents and complex needs, at `ADOLESCENT_HOUSEHOLDS`), as a child of the standard
/// kind fits both and another child only the second.
pub(super) const COLUMNS: usize = N + 1;
pub(super) const ADOLESCENT_HOUSEHOLDS: usize = N;
const IN_HOUSE: usize = 0;
/// Whole years of age when the current placement began.
const AGES: usize = 18;
/// Standard needs, complex needs from entry, complex needs through repeated moves.
const NEEDS: usize = 3;
const CLASSES: usize = AGES * NEEDS;
/// Iterative proportional fitting stops when no type's expected count is off its target by
/// more than this share (or after `FIT_ROUNDS` rounds, when the mix cannot be met exactly:
/// the correction by what is left then does the rest).
const FIT_TOLERANCE: f64 = 1e-6;
const FIT_ROUNDS: usize = 200;
/// The longest expected wait in an emergency bed weighed, in reviews (see
/// `start_propensity`): a child no match could place would otherwise never leave.
pub(super) const MAX_WAIT_ODDS: f64 = 20.0;

/// The starting mix being placed: what is left of it by type, and the plan of each class.
pub(super) struct StartMix {
    /// Children of each type still to place (the scenario's mix, as a share of the
    /// starting children).
    pub remaining: [f64; COLUMNS],
    /// What the children not yet placed were expected to take of each type (their plans
    /// added up).
    expected: [f64; COLUMNS],
    /// Each class's chance of each type (rows add to 1), and its propensities and count.
    plan: [[f64; COLUMNS]; CLASSES],
    propensity: [[f64; COLUMNS]; CLASSES],
    count: [f64; CLASSES],
    /// Each class's count times its propensities (`expect`'s first product, the same in
    /// every round of the fit), and the classes with children (`fit`).
    weighted: [[f64; COLUMNS]; CLASSES],
    classes: [u8; CLASSES],
    class_count: usize,
    /// Each class's first class with the same propensities (`StartTables::same_row`), and
    /// those first classes among the classes with children (`fit`): a round of the fit
    /// sums each row's scaled propensities once, for every class that has it.
    same_row: [u8; CLASSES],
    rows: [u8; CLASSES],
    row_count: usize,
}

impl Default for StartMix {
    fn default() -> Self {
        StartMix {
            remaining: [0.0; COLUMNS],
            expected: [0.0; COLUMNS],
            plan: [[0.0; COLUMNS]; CLASSES],
            propensity: [[0.0; COLUMNS]; CLASSES],
            count: [0.0; CLASSES],
            weighted: [[0.0; COLUMNS]; CLASSES],
            classes: [0; CLASSES],
            class_count: 0,
            same_row: std::array::from_fn(|c| c as u8),
            rows: [0; CLASSES],
            row_count: 0,
        }
    }
}

impl StartMix {
    /// The class of a child aged `age` (years) when their current placement began, with
    /// complex needs or not, `escalated` if those came through repeated moves.
    pub fn class_of(age: f64, complex: bool, escalated: bool) -> u8 {
        // A signed conversion (cheaper than the unsigned one): the same index, as the age
        // is not negative (a NaN is 0, an infinite age saturates to the last).
        let a = (age.max(0.0) as i64 as usize).min(AGES - 1);
        let needs = match (complex, escalated) {
            (false, _) => 0,
            (true, false) => 1,
            (true, true) => 2,
        };
        (a * NEEDS + needs) as u8
    }

    /// The age (middle of the year) and needs of class `c`.
    fn describe(c: usize) -> (f64, bool, bool) {
        ((c / NEEDS) as f64 + 0.5, c % NEEDS > 0, c % NEEDS == 2)
    }

    /// The weight of type `t` for a child of class `c`: its plan, corrected by what is left
    /// of the type against what the children still to place were expected to take of it
    /// (1 while the placing goes to plan; a type running out is drawn less, one left over
    /// more). Zero for a type the class cannot be in, or with none left.
    pub fn weight(&self, c: u8, t: usize) -> f64 {
        let q = self.plan[c as usize][t];
        if q <= 0.0 || self.remaining[t] <= 0.0 {
            return 0.0;
        }
        q * self.remaining[t] / self.expected[t].max(q)
    }

    /// `weight` of every type for a child of class `c`, worked out without a branch on each
    /// type (the same values: a type whose weight is zero gets the quotient computed and
    /// set aside). `expected.max(q)` is taken by a comparison: the same value wherever the
    /// weight is not zero (a NaN `expected` gives `q` both ways; a NaN `q` makes the weight
    /// NaN both ways), without `max`'s handling of NaN.
    pub fn weights(&self, c: u8) -> [f64; COLUMNS] {
        let plan = &self.plan[c as usize];
        std::array::from_fn(|t| {
            let (q, r, e) = (plan[t], self.remaining[t], self.expected[t]);
            let v = q * r / if e > q { e } else { q };
            if (q <= 0.0) | (r <= 0.0) {
                0.0
            } else {
                v
            }
        })
    }

    /// The classes with children in the plan: each one's age when the placement began
    /// (years, the middle of the year), complex needs or not, count, and chance of each
    /// column.
    pub fn classes(&self) -> impl Iterator<Item = (f64, bool, f64, &[f64; COLUMNS])> {
        (0..CLASSES).filter(|&c| self.count[c] > 0.0).map(|c| {
            let (age, complex, _) = Self::describe(c);
            (age, complex, self.count[c], &self.plan[c])
        })
    }

    /// A child of class `c` has been placed (in column `col` of the mix, or elsewhere).
    pub fn placed(&mut self, c: Option<u8>, col: Option<usize>) {
        if let Some(c) = c {
            for (e, q) in self.expected.iter_mut().zip(&self.plan[c as usize]) {
                *e = (*e - q).max(0.0);
            }
        }
        if let Some(t) = col {
            self.remaining[t] = (self.remaining[t] - 1.0).max(0.0);
        }
    }

    /// Scale the propensities by type until the classes' expected counts by type are the
    /// targets (iterative proportional fitting: each class's row adds to 1), then start
    /// the expected counts from the plan.
    fn fit(&mut self, target: &[f64; COLUMNS]) {
        self.class_count = 0;
        self.row_count = 0;
        let mut listed = [false; CLASSES];
        for c in 0..CLASSES {
            if self.count[c] > 0.0 {
                let (count, row) = (self.count[c], &self.propensity[c]);
                self.weighted[c] = std::array::from_fn(|t| count * row[t]);
                self.classes[self.class_count] = c as u8;
                self.class_count += 1;
                let r = self.same_row[c];
                if !listed[r as usize] {
                    listed[r as usize] = true;
                    self.rows[self.row_count] = r;
                    self.row_count += 1;
                }
            }
        }
        let mut scale = [1.0; COLUMNS];
        for _ in 0..FIT_ROUNDS {
            let expected = self.expect(&scale);
            let mut worst = 0.0f64;
            for t in 0..COLUMNS {
                if target[t] > 0.0 && expected[t] > 0.0 {
                    let r = target[t] / expected[t];
                    scale[t] *= r;
                    worst = worst.max((r - 1.0).abs());
                }
            }
            if worst < FIT_TOLERANCE {
                break;
            }
        }
        for c in 0..CLASSES {
            let row = &self.propensity[c];
            self.plan[c] = [0.0; COLUMNS];
            if self.count[c] > 0.0 {
                let z: f64 = (0..COLUMNS).map(|t| row[t] * scale[t]).sum();
                if z > 0.0 {
                    self.plan[c] = std::array::from_fn(|t| row[t] * scale[t] / z);
                }
            }
        }
        self.expected = self.expect(&scale);
    }

    /// The expected count of each type over the classes with children (as `fit` lists
    /// them), each class's propensities scaled by `scale` and taken as shares of its
    /// children.
    fn expect(&self, scale: &[f64; COLUMNS]) -> [f64; COLUMNS] {
        // Each row's scaled propensities summed, once for the classes sharing it (the same
        // sum, in the same order, as for each of them).
        let mut sums = [0.0; CLASSES];
        for &r in &self.rows[..self.row_count] {
            let row = &self.propensity[r as usize];
            sums[r as usize] = (0..COLUMNS).map(|t| row[t] * scale[t]).sum();
        }
        let mut out = [0.0; COLUMNS];
        for &c in &self.classes[..self.class_count] {
            let z = sums[self.same_row[c as usize] as usize];
            if z > 0.0 {
                // `count * row[t] * scale[t] / z`, its first product from `weighted`.
                let weighted = &self.weighted[c as usize];
                for t in 0..COLUMNS {
                    out[t] += weighted[t] * scale[t] / z;
                }
            }
        }
        out
    }
}

impl<'m> Simulator<'m> {
    /// The column of the starting mix that place `p` is in (`COLUMNS`).
    pub(super) fn mix_column(&self, p: Place) -> Option<usize> {
        match p {
            Place::Household(h) if self.households[h as usize].adolescent => {
                Some(ADOLESCENT_HOUSEHOLDS)
            }
            _ => p.kind().map(|t| t.index()),
        }
    }

    /// The starting mix shared out as counts for `n` children, the council's foster
    /// children over the two kinds of household in proportion to their places (every place
    /// is vacant before the starting children are placed).
    pub(super) fn mix_counts(&self, n: f64) -> [f64; COLUMNS] {
        let shares = self.model.scenario.population.placement_mix.to_array();
        let total: f64 = shares.iter().sum();
        let mut out = [0.0; COLUMNS];
        for t in 0..N {
            out[t] = shares[t] / total * n;
        }
        let (mut all, mut ado) = (0.0, 0.0);
        for h in self.households.iter() {
            all += h.places as f64;
            if h.adolescent {
                ado += h.places as f64;
            }
        }
        let ado_share = if all > 0.0 { ado / all } else { 0.0 };
        out[ADOLESCENT_HOUSEHOLDS] = out[IN_HOUSE] * ado_share;
        out[IN_HOUSE] -= out[ADOLESCENT_HOUSEHOLDS];
        out
    }

    /// The plan of the starting mix for the children `drawn` (their classes set): the
    /// mix's counts by type as a share of them, placed for adoption apart (those living
    /// with their adopters are placed so, and no other child is drawn for it), and each
    /// class's chance of each other type fitted to those counts (`StartMix`).
    pub(super) fn plan_start_mix(&mut self, drawn: &[Starter], mix: &mut StartMix) {
        let n = drawn.len() as f64;
        let adoption = PlacementType::PlacedForAdoption.index();
        let emergency = PlacementType::Emergency.index();
        mix.remaining = self.mix_counts(n);
        mix.count = [0.0; CLASSES];
        for s in drawn.iter().filter(|s| !self.with_adopters(s)) {
            if let Some(c) = s.class {
                mix.count[c as usize] += 1.0;
            }
        }
        // The children chosen to wait in emergency beds are placed there
        // (`choose_waiting`); the other types' counts, in proportion to the mix, are for the
        // children neither living with their adopters nor waiting.
        let waiting = drawn
            .iter()
            .filter(|s| s.placement == Some(PlacementType::Emergency))
            .count();
        let planned = |t: usize| t != adoption && t != emergency;
        let rows: f64 = mix.count.iter().sum();
        let others: f64 = (0..COLUMNS)
            .filter(|&t| planned(t))
            .map(|t| mix.remaining[t])
            .sum();
        for t in (0..COLUMNS).filter(|&t| planned(t)) {
            mix.remaining[t] *= if others > 0.0 { rows / others } else { 0.0 };
        }
        mix.remaining[emergency] = waiting as f64;
        let mut target = mix.remaining;
        target[adoption] = 0.0;
        target[emergency] = 0.0;
        // Every class's row (a class sharing its row with a class before it reads that one's).
        let tables = &self.model.start;
        for c in 0..CLASSES {
            mix.propensity[c] = tables.propensity.get(c).copied().unwrap_or([0.0; COLUMNS]);
            mix.same_row[c] = tables.same_row.get(c).copied().unwrap_or(c as u8);
        }
        mix.fit(&target);
    }

    /// How likely a child aged `age` when their placement began, with complex needs or
    /// not, is to be in each type, up to a factor by type: where a match along their
    /// preference order (as the scenario's rules give it then) lands. A bought-in or family
    /// placement is found with its chance (`fits`: found in time, for adolescents less
    /// often, agency carers for complex needs only sometimes; a market's ages), and the
    /// match goes on past it when it is not; the council's own foster carers and homes are
    /// taken where they fit the child (a household of the standard kind only a child it
    /// takes, one taking adolescents any child; a home with the child's age in its range),
    /// without ending the match (their places are what the mix fills); the children in emergency
    /// beds are chosen apart (`choose_waiting`), so a match ends there. Placed with parents: any
    /// child (decided at admission), but one whose needs escalated through moves has left
    /// it. Modelling assumption: the kinds of child in each type are those the model's own
    /// matches put there, in proportion to the chance a match lands there (how long each
    /// kind stays is not weighed).
    fn start_propensity(&self, age: f64, complex: bool, escalated: bool) -> [f64; COLUMNS] {
        let mut p = [0.0; COLUMNS];
        let mut reach = 1.0;
        let ask = Ask::one(age, complex, Place::Nowhere);
        for &t in self.model.order(0, age, Needs::of(complex)) {
            let i = t.index();
            match t {
                PlacementType::InHouseFoster => {
                    p[i] = reach * self.standard_takes(age, complex) as u8 as f64;
                    p[ADOLESCENT_HOUSEHOLDS] = reach;
                }
                PlacementType::InHouseResidential => {
                    let fits = self.capacity.homes.iter().any(|h| {
                        h.open_month == 0 && h.usable > 0 && ask.within(h.min_age, h.max_age)
                    });
                    p[i] = reach * fits as u8 as f64;
                }
                // The children waiting in emergency beds are chosen apart
                // (`choose_waiting`).
                PlacementType::Emergency => break,
                PlacementType::PlacedWithParents | PlacementType::PlacedForAdoption => {}
                PlacementType::ConnectedPerson
                | PlacementType::Ifa
                | PlacementType::ExternalResidential
                | PlacementType::SupportedAccommodation => {
                    let found = self.found_chance(t, age, complex);
                    p[i] = reach * found;
                    reach *= 1.0 - found;
                }
            }
        }
        p[PlacementType::PlacedWithParents.index()] = if escalated { 0.0 } else { 1.0 };
        p
    }

    /// The chance that a match finds a place of bought-in or family type `t` for one child
    /// aged `age`, with complex needs or not (`fits`, without a market's limit): found in
    /// time, for adolescents less often, agency carers for complex needs only sometimes,
    /// within a market's ages; a family-and-friends carer with its availability.
    pub(super) fn found_chance(&self, t: PlacementType, age: f64, complex: bool) -> f64 {
        let markets = &self.model.scenario.markets;
        let mk = match t {
            PlacementType::ConnectedPerson => {
                return markets.connected_person_availability.clamp(0.0, 1.0);
            }
            PlacementType::Ifa => &markets.ifa,
            PlacementType::ExternalResidential => &markets.external_residential,
            PlacementType::SupportedAccommodation => &markets.supported_accommodation,
            _ => return 0.0,
        };
        if !Ask::one(age, complex, Place::Nowhere).within(mk.min_age, mk.max_age) {
            return 0.0;
        }
        let mut found = self.found_in_time_chance(t, age);
        if age >= 11.0 && complex && t == PlacementType::Ifa {
            found *= markets.ifa_complex_availability;
        }
        found.clamp(0.0, 1.0)
    }

    /// `unplaced_chance`, looked up by whole years of age (`StartTables::unplaced`, compiled
    /// with the model): the chance depends on the age only through its whole years, as the
    /// matching order's row does and each market's ages (whole years) and the adolescent test
    /// (11) are compared. Ages outside 0 to 18 are worked out each time.
    pub(super) fn unplaced_chance_at(&self, age: f64, complex: bool) -> f64 {
        if !(0.0..18.0).contains(&age) {
            return self.unplaced_chance(age, complex);
        }
        // Nonnegative: a signed conversion, the same index (below 18: `min` only spares
        // the bounds check).
        self.model.start.unplaced[(age as i64 as usize).min(17)][complex as usize]
    }

    /// The start-up's tables of `model` (`StartTables`): `unplaced_chance` at each whole
    /// year of age, each class's `start_propensity`, and `start_keep` by group size, the
    /// eldest under 11 or not and moves. All read only the model (the council's homes as
    /// every run starts with them), so a run reads the same values it would have worked out.
    pub(crate) fn start_tables(model: &Model) -> StartTables {
        let mut sim = Simulator::new(model);
        sim.capacity.reset(model);
        let unplaced = std::array::from_fn(|years| {
            [false, true].map(|c| sim.unplaced_chance(years as f64, c))
        });
        let propensity: Vec<[f64; COLUMNS]> = (0..CLASSES)
            .map(|c| {
                let (age, complex, escalated) = StartMix::describe(c);
                sim.start_propensity(age, complex, escalated)
            })
            .collect();
        let bits = |row: &[f64; COLUMNS]| row.map(f64::to_bits);
        let same_row = (0..CLASSES)
            .map(|c| {
                let first = (0..c).find(|&d| bits(&propensity[d]) == bits(&propensity[c]));
                first.unwrap_or(c) as u8
            })
            .collect();
        // A starting group has at most as many children as the largest group admitted.
        let sizes = model.scenario.demand.group_size.len();
        let keep = (0..=sizes)
            .map(|n| {
                [0.0, 11.0].map(|eldest| std::array::from_fn(|m| sim.keep_chance(n, eldest, m)))
            })
            .collect();
        StartTables {
            unplaced,
            propensity,
            same_row,
            keep,
        }
    }

    /// The chance that a match along the order of a child aged `age`, with complex needs or
    /// not, finds none of the bought-in or family placements it tries before an emergency
    /// bed (the council's own carers and homes left out: their places are full or not).
    pub(super) fn unplaced_chance(&self, age: f64, complex: bool) -> f64 {
        let mut reach = 1.0;
        for &t in self.model.order(0, age, Needs::of(complex)) {
            if t == PlacementType::Emergency {
                return reach;
            }
            reach *= 1.0 - self.found_chance(t, age, complex);
        }
        0.0
    }
}
