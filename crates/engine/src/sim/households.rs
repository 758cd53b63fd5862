//! The foster households of a run, by id, and an index of those that can take a child now
//! (active, not leaving, with a vacancy) by what they can take, which matching searches.
//!
//! Matching wants the open household with the fewest vacancies that takes everyone, then
//! the lowest id. Households are grouped in families by what they take (age limit, and
//! whether they take adolescents and complex needs: two families in practice), and the open
//! ones of each family kept in sets by vacancies, each an `IdSet` that finds its lowest id
//! in a few word operations. A match looks at a handful of sets, whatever the number of
//! households, where a scan of every open household grew with the borough.

use std::ops::{Deref, DerefMut};

use super::id_set::IdSet;
use super::state::{Household, Place, NOT_OPEN};

/// Households alike in what they can take but for their vacancies (the same age limit, and
/// whether they take adolescents and complex needs), with the ids of the open ones by
/// vacancies. Ages are 0 to 17, so there are at most 36 families, and a household has at
/// most 3 places (`fostering.places` gives the shares of 1, 2 and 3): the search keeps the
/// families, and each family the vacancies it has open households with, as bits of a word.
#[derive(Clone, Debug)]
struct Family {
    max_age: u8,
    adolescent: bool,
    /// `open[v - 1]`: the open households with `v` vacancies.
    open: Vec<IdSet>,
    /// Bit `v - 1` set when `open[v - 1]` is not empty, so a search skips empty sets (and
    /// families with nothing open) without reading them.
    nonempty: u64,
}

/// Every household approved in the run (by id: `households[id]`), with running totals of
/// the active ones, and the open households by family and vacancies.
#[derive(Default)]
pub struct Households {
    list: Vec<Household>,
    /// The families of households seen so far (kept across runs, emptied by `clear`);
    /// `Household::family` is the position of a household's family here.
    families: Vec<Family>,
    /// `takes[a][complex]`: the families (as bits by position, the first 64) that take a
    /// child whose eldest is `a` whole years old, with complex needs or not; kept as
    /// families are added (`family_of`), so a search reads only those.
    takes: Vec<[u64; 2]>,
    /// Households approved and not yet left.
    pub active: i64,
    /// Places of the active households, and young people staying put in them.
    pub places: i64,
    pub staying_put: i64,
}

impl Deref for Households {
    type Target = [Household];
    fn deref(&self) -> &[Household] {
        &self.list
    }
}

impl DerefMut for Households {
    fn deref_mut(&mut self) -> &mut [Household] {
        &mut self.list
    }
}

impl Households {
    /// Empty, for a new run.
    pub fn clear(&mut self) {
        self.list.clear();
        for family in &mut self.families {
            for ids in &mut family.open {
                ids.clear();
            }
            family.nonempty = 0;
        }
        self.active = 0;
        self.places = 0;
        self.staying_put = 0;
    }

    /// Add an active household (not yet open: see `refresh_open`); returns its id.
    pub fn push(&mut self, mut h: Household) -> u32 {
        let id = self.list.len() as u32;
        h.family = self.family_of(h.max_age, h.adolescent);
        h.listed = 0;
        self.active += 1;
        self.places += h.places as i64;
        self.list.push(h);
        id
    }

    /// Bring household `h`'s place in the index up to date after a change to its children,
    /// staying-put young people or status: listed exactly while it can take a child, under
    /// its current vacancies.
    #[inline(always)]
    pub fn refresh_open(&mut self, h: u32) {
        let Some(hh) = self.list.get_mut(h as usize) else {
            return;
        };
        let v = hh.vacancies();
        let open = hh.active && !hh.leaving && v > 0;
        let want = if open { v } else { 0 };
        let was = hh.listed;
        if want == was {
            return;
        }
        hh.listed = want;
        let Some(family) = self.families.get_mut(hh.family as usize) else {
            return;
        };
        if let Some(ids) = family.open.get_mut((was as usize).wrapping_sub(1)) {
            ids.remove(h);
            if ids.is_empty() {
                family.nonempty &= !(1 << (was - 1));
            }
        }
        if want > 0 {
            if family.open.len() < want as usize {
                family.open.resize_with(want as usize, IdSet::default);
            }
            family.open[want as usize - 1].insert(h);
            family.nonempty |= 1 << (want - 1);
        }
    }

    /// The position of the family with `max_age` and `adolescent` in `families`, added if new.
    fn family_of(&mut self, max_age: u8, adolescent: bool) -> u32 {
        let found = self
            .families
            .iter()
            .position(|f| f.max_age == max_age && f.adolescent == adolescent);
        let at = found.unwrap_or_else(|| {
            self.families.push(Family {
                max_age,
                adolescent,
                open: Vec::new(),
                nonempty: 0,
            });
            let k = self.families.len() - 1;
            // Whole years of age are compared with a `u8` limit: rows 0 to 255 cover every
            // age a family can take (an older child fits none: no row, no family).
            self.takes.resize(256, [0; 2]);
            if k < 64 {
                for row in &mut self.takes[..=max_age as usize] {
                    row[0] |= 1 << k;
                    if adolescent {
                        row[1] |= 1 << k;
                    }
                }
            }
            k
        });
        at as u32
    }

    /// Can household `h` take a child now?
    pub fn is_open(&self, h: u32) -> bool {
        self.list.get(h as usize).is_some_and(|hh| hh.listed > 0)
    }

    /// Household `h` leaves (if it has not already): no longer active, its staying-put young
    /// people gone with it. Returns the children it held (and how many), who must be placed
    /// elsewhere; `None` if it had already left.
    pub fn leave(&mut self, h: u32) -> Option<([u32; 3], usize)> {
        let hh = self.list.get_mut(h as usize).filter(|hh| hh.active)?;
        hh.active = false;
        self.staying_put -= hh.staying_put as i64;
        self.places -= hh.places as i64;
        hh.staying_put = 0;
        let kids = (hh.children, hh.n as usize);
        self.refresh_open(h);
        self.active -= 1;
        Some(kids)
    }

    /// The open household for `n` children, the eldest `oldest` years old, any with complex
    /// needs if `complex`: the smallest vacancy that takes everyone, then the lowest id, so
    /// the choice does not depend on the order households were listed in; never `leaving`, the
    /// placement the children are leaving.
    #[inline(always)]
    pub fn best(&self, n: u32, oldest: f64, complex: bool, leaving: Place) -> Option<u32> {
        // Ages are whole years against a household's age limit: `oldest >= max_age + 1`
        // exactly when the whole years of `oldest` exceed `max_age`.
        // (By a signed conversion, cheaper than the unsigned one: a NaN or negative age
        // gives 0 either way, and any age of 256 years or more finds no row of `takes`.)
        let oldest_years = (oldest as i64).clamp(0, 256) as usize;
        let leaving = match leaving {
            Place::Household(h) => h,
            _ => NOT_OPEN,
        };
        // The vacancies, as bits, of the open households that take the children (at least
        // `n` vacancies, in the families whose age limit and needs fit).
        let at_least_n = u64::MAX.checked_shl(n.max(1) - 1).unwrap_or(0);
        let mut vacancies = 0;
        let mut families = 0u64;
        // The families whose age limit and needs fit (`oldest_years <= max_age`, and
        // `adolescent` if `complex`), from `takes`.
        let mut fit = self
            .takes
            .get(oldest_years)
            .map_or(0, |row| row[complex as usize]);
        while fit != 0 {
            let k = fit.trailing_zeros() as usize;
            fit &= fit - 1;
            let open = self.families[k].nonempty & at_least_n;
            if open != 0 {
                vacancies |= open;
                families |= 1 << k;
            }
        }
        // Fewest vacancies first: the first with a household other than `leaving` has the
        // answer, the lowest id among the families that take the children.
        while vacancies != 0 {
            let v = vacancies.trailing_zeros() as usize;
            vacancies &= vacancies - 1;
            let mut best = NOT_OPEN;
            let mut each = families;
            while each != 0 {
                let f = &self.families[each.trailing_zeros() as usize];
                each &= each - 1;
                let Some(ids) = f.open.get(v) else {
                    continue;
                };
                let id = match ids.first() {
                    Some(id) if id == leaving => ids.first_from(id + 1),
                    first => first,
                };
                best = best.min(id.unwrap_or(NOT_OPEN));
            }
            if best != NOT_OPEN {
                return Some(best);
            }
        }
        None
    }

    /// The running totals equal a recount, and the index lists exactly the households that
    /// can take a child, each under its family and vacancies (for
    /// `Simulator::check_invariants`).
    pub fn check(&self) -> Result<(), String> {
        let (mut places, mut staying_put) = (0i64, 0i64);
        for h in self.list.iter().filter(|h| h.active) {
            places += h.places as i64;
            staying_put += h.staying_put as i64;
        }
        let active = self.list.iter().filter(|h| h.active).count() as i64;
        if active != self.active {
            return Err(format!("{active} households active, kept {}", self.active));
        }
        if (places, staying_put) != (self.places, self.staying_put) {
            return Err(format!(
                "households: {places} places and {staying_put} staying put, kept {} and {}",
                self.places, self.staying_put
            ));
        }
        let mut open = 0;
        for (i, h) in self.list.iter().enumerate() {
            let v = h.vacancies();
            let can = h.active && !h.leaving && v > 0;
            let family = self.families.get(h.family as usize);
            let listed = family.and_then(|f| f.open.get((h.listed as usize).wrapping_sub(1)));
            let right = family
                .is_some_and(|f| (f.max_age, f.adolescent) == (h.max_age, h.adolescent))
                && h.listed == if can { v } else { 0 }
                && listed.is_some_and(|ids| ids.contains(i as u32)) == can;
            if !right {
                return Err(format!(
                    "household {i} ({v} vacancies, can take a child: {can}) is listed under {} \
                     vacancies",
                    h.listed
                ));
            }
            open += can as usize;
        }
        let listed: usize = self
            .families
            .iter()
            .flat_map(|f| &f.open)
            .map(|ids| ids.len())
            .sum();
        if listed != open {
            return Err(format!(
                "{listed} households listed as open, {open} are open"
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The household a scan of every open household picks (as matching did before the
    /// index): the fewest vacancies that take everyone, then the lowest id.
    fn scan(hs: &Households, n: u32, oldest: f64, complex: bool, leaving: Place) -> Option<u32> {
        let oldest_years = oldest.max(0.0) as u32;
        let leaving = match leaving {
            Place::Household(h) => h,
            _ => NOT_OPEN,
        };
        let mut best = u64::MAX;
        for (id, h) in hs.iter().enumerate() {
            let v = h.vacancies();
            let takes = h.active
                && !h.leaving
                && v as u32 >= n.max(1)
                && oldest_years <= h.max_age as u32
                && (h.adolescent || !complex)
                && id as u32 != leaving;
            let key = (v as u64) << 32 | id as u64;
            if takes && key < best {
                best = key;
            }
        }
        (best != u64::MAX).then_some(best as u32)
    }

    fn household(places: u8, adolescent: bool, standard_max_age: u8) -> Household {
        Household {
            places,
            max_age: if adolescent { 17 } else { standard_max_age },
            adolescent,
            plus: false,
            approved: 0.0,
            children: [0; 3],
            n: 0,
            staying_put: 0,
            active: true,
            leaving: false,
            family: 0,
            listed: 0,
        }
    }

    proptest! {
        /// Whatever happens to the households (approvals, children placed and leaving,
        /// young people staying put, households leaving), the index picks the household a
        /// scan of every open one picks, for any ask, and its books balance.
        #[test]
        fn the_index_picks_what_a_scan_picks(
            standard_max_age in 0u8..18,
            ops in prop::collection::vec((0u8..7, 0u32..400, 1u8..4, any::<bool>()), 1..400),
            asks in prop::collection::vec((0u32..5, -1.0f64..19.0, any::<bool>(), 0u32..420), 1..20),
        ) {
            let mut hs = Households::default();
            for (op, pick, places, adolescent) in ops {
                let h = if hs.is_empty() { 0 } else { pick % hs.len() as u32 };
                let Some(hh) = hs.list.get_mut(h as usize).filter(|_| op != 0) else {
                    let id = hs.push(household(places, adolescent, standard_max_age));
                    hs.refresh_open(id);
                    continue;
                };
                match op {
                    1 | 2 if hh.active && hh.vacancies() > 0 => {
                        hh.children[hh.n as usize] = pick;
                        hh.n += 1;
                    }
                    3 if hh.n > 0 => hh.remove(hh.children[0]),
                    4 if hh.active && hh.vacancies() > 0 => hh.staying_put += 1,
                    5 => hh.leaving = true,
                    6 => {
                        hs.leave(h);
                        if let Some(hh) = hs.list.get_mut(h as usize) {
                            hh.n = 0;
                        }
                    }
                    _ => {}
                }
                hs.refresh_open(h);
            }
            hs.staying_put = hs.iter().filter(|h| h.active).map(|h| h.staying_put as i64).sum();
            prop_assert_eq!(hs.check(), Ok(()));
            for (n, oldest, complex, leaving) in asks {
                let leaving = if leaving < 400 { Place::Household(leaving) } else { Place::Nowhere };
                prop_assert_eq!(
                    hs.best(n.max(1), oldest, complex, leaving),
                    scan(&hs, n.max(1), oldest, complex, leaving)
                );
            }
        }
    }
}
