//! The foster households of a run, by id, and the index of those that can take a child
//! now (active, not leaving, with a vacancy), which matching searches.

use std::ops::{Deref, DerefMut};

use super::state::{Household, Place, NOT_OPEN};

/// A household that can take a child now (active, not leaving, with a vacancy), with what
/// matching asks of it, kept beside the others so a search reads one small array.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OpenHousehold {
    pub id: u32,
    pub vacancies: u8,
    pub max_age: u8,
    pub adolescent: bool,
}

/// Every household approved in the run (by id: `households[id]`), with running totals of
/// the active ones, and the open list.
#[derive(Default)]
pub struct Households {
    list: Vec<Household>,
    /// Households that can take a child now (see `refresh_open`).
    pub open: Vec<OpenHousehold>,
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
        self.open.clear();
        self.active = 0;
        self.places = 0;
        self.staying_put = 0;
    }

    /// Add an active household (not yet open: see `refresh_open`); returns its id.
    pub fn push(&mut self, h: Household) -> u32 {
        let id = self.list.len() as u32;
        self.active += 1;
        self.places += h.places as i64;
        self.list.push(h);
        id
    }

    /// Bring household `h`'s entry in the open list up to date after a change to its
    /// children, staying-put young people or status: listed exactly while it can take a
    /// child, with its current vacancies.
    #[inline]
    pub fn refresh_open(&mut self, h: u32) {
        let Some(hh) = self.list.get_mut(h as usize) else {
            return;
        };
        let v = hh.vacancies();
        let open = hh.active && !hh.leaving && v > 0;
        let at = hh.open_at;
        match (open, at == NOT_OPEN) {
            (true, true) => {
                hh.open_at = self.open.len() as u32;
                self.open.push(OpenHousehold {
                    id: h,
                    vacancies: v,
                    max_age: hh.max_age,
                    adolescent: hh.adolescent,
                });
            }
            (true, false) => {
                if let Some(o) = self.open.get_mut(at as usize) {
                    o.vacancies = v;
                }
            }
            (false, false) => {
                hh.open_at = NOT_OPEN;
                if (at as usize) < self.open.len() {
                    self.open.swap_remove(at as usize);
                }
                if let Some(moved) = self.open.get(at as usize) {
                    if let Some(m) = self.list.get_mut(moved.id as usize) {
                        m.open_at = at;
                    }
                }
            }
            (false, true) => {}
        }
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
    /// the choice does not depend on the order of the open list; never `leaving`, the
    /// placement the children are leaving.
    pub fn best(&self, n: u32, oldest: f64, complex: bool, leaving: Place) -> Option<u32> {
        // Ages are whole years against a household's age limit: `oldest >= max_age + 1`
        // exactly when the whole years of `oldest` exceed `max_age`.
        let oldest_years = oldest.max(0.0) as u32;
        let leaving = match leaving {
            Place::Household(h) => h,
            _ => NOT_OPEN,
        };
        let mut best = u64::MAX;
        for o in &self.open {
            let takes = o.vacancies as u32 >= n
                && oldest_years <= o.max_age as u32
                && (o.adolescent || !complex)
                && o.id != leaving;
            let key = (o.vacancies as u64) << 32 | o.id as u64;
            if takes && key < best {
                best = key;
            }
        }
        (best != u64::MAX).then_some(best as u32)
    }

    /// The running totals equal a recount, and the open list holds exactly the households
    /// that can take a child, each with its vacancies (for `Simulator::check_invariants`).
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
        for (i, h) in self.list.iter().enumerate() {
            let open = h.active && !h.leaving && h.vacancies() > 0;
            let entry = self.open.get(h.open_at as usize);
            let listed = entry.is_some_and(|o| {
                *o == OpenHousehold {
                    id: i as u32,
                    vacancies: h.vacancies(),
                    max_age: h.max_age,
                    adolescent: h.adolescent,
                }
            });
            if open != listed || (!open && h.open_at != NOT_OPEN) {
                return Err(format!(
                    "household {i}: open {open}, open list says {entry:?}"
                ));
            }
        }
        if self.list.iter().filter(|h| h.open_at != NOT_OPEN).count() != self.open.len() {
            return Err("the open list holds households that are not open".into());
        }
        Ok(())
    }
}
