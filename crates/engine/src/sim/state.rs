//! The entities of one run: children, foster households and in-house homes (the event
//! queue that orders what happens to them is `super::queue`).

use std::ops::{Deref, DerefMut};

use crate::types::{ExitRoute, PlacementType};

/// Where a child is placed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Place {
    Nowhere,
    Household(u32),
    Home(u32),
    Market(PlacementType),
}

impl Place {
    pub fn kind(self) -> Option<PlacementType> {
        match self {
            Place::Nowhere => None,
            Place::Household(_) => Some(PlacementType::InHouseFoster),
            Place::Home(_) => Some(PlacementType::InHouseResidential),
            Place::Market(t) => Some(t),
        }
    }
}

/// One child in (or recently left) care.
#[derive(Clone, Debug)]
pub struct Child {
    /// Day of birth (simulation day 0 = start).
    pub birth: f64,
    pub complex: bool,
    pub route: ExitRoute,
    pub exit_at: f64,
    pub exit_epoch: u32,
    pub place: Place,
    /// `place.kind()`, kept beside it: reading it is a load, where `kind` is a jump on the
    /// kind of placement (as good as random, so often mispredicted).
    pub kind: Option<PlacementType>,
    pub place_epoch: u32,
    pub preferred: PlacementType,
    pub out_of_borough: bool,
    /// Start days of the three most recent placements, newest first.
    pub recent: [f64; 3],
    /// Whether the current placement carries the Fostering Plus fee uplift (set as the
    /// placement starts, see `run::assign`).
    pub plus: bool,
    pub in_care: bool,
    /// Position in the active list.
    pub slot: u32,
    /// The sibling group the child came into care with (`NO_GROUP` for the starting stock,
    /// whose siblings are not known).
    pub group: u32,
    /// The sufficiency measures the current placement is counted under (see `run::tally`),
    /// worked out as it starts; `None` when not placed.
    pub gap_pref: Option<GapFlags>,
}

/// Which sufficiency measures a child's placement counts under (bits; see `run::tally`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GapFlags(pub u8);

impl GapFlags {
    /// In an emergency placement: no suitable placement.
    pub const NO_SUITABLE: u8 = 1;
    /// In a type its matching rule does not list as suitable: placed below assessed need.
    pub const BELOW_NEED: u8 = 2;
    /// In an agency placement, where an in-house foster place (or, next bit, an in-house
    /// children's home) would have been tried first: the in-house shortfall, by the
    /// in-house type wanted.
    pub const SHORT_FOSTER: u8 = 4;
    pub const SHORT_HOME: u8 = 8;

    pub fn has(self, bit: u8) -> bool {
        self.0 & bit != 0
    }

    /// Counted in the sufficiency gap (no suitable placement, or below assessed need).
    pub fn in_gap(self) -> bool {
        self.has(Self::NO_SUITABLE | Self::BELOW_NEED)
    }
}

impl Child {
    pub fn age_years(&self, t: f64) -> f64 {
        (t - self.birth) / crate::types::DAYS_PER_YEAR
    }
}

/// An in-house foster household.
#[derive(Clone, Debug)]
pub struct Household {
    pub places: u8,
    pub max_age: u8,
    /// Takes adolescents and complex needs.
    pub adolescent: bool,
    /// Approved under the Fostering Plus lever (fee uplift).
    pub plus: bool,
    pub approved: f64,
    pub children: [u32; 3],
    pub n: u8,
    pub staying_put: u8,
    pub active: bool,
    pub leaving: bool,
    /// Its family: the households that take the same children (see `households`).
    pub family: u32,
    /// The vacancies it is listed as open under (see `households`), 0 if it cannot take a
    /// child now.
    pub listed: u8,
}

/// `Child::group` of a child with no known siblings in care.
pub const NO_GROUP: u32 = u32::MAX;

/// No household (as the household children are leaving, when they leave none).
pub const NOT_OPEN: u32 = u32::MAX;

impl Household {
    pub fn vacancies(&self) -> u8 {
        self.places.saturating_sub(self.n + self.staying_put)
    }
    pub fn remove(&mut self, child: u32) {
        if let Some(i) = self.children[..self.n as usize]
            .iter()
            .position(|c| *c == child)
        {
            self.children[i] = self.children[self.n as usize - 1];
            self.n -= 1;
        }
    }
}

/// An in-house children's home.
#[derive(Clone, Debug)]
pub struct HomeState {
    pub usable: u32,
    pub beds: u32,
    pub min_age: u8,
    pub max_age: u8,
    pub open_month: u32,
    pub weekly_cost: f64,
    pub occupied: u32,
}

/// An approved household waiting for its approval event.
#[derive(Clone, Debug)]
pub struct Pending {
    pub places: u8,
    pub adolescent_draw: f64,
    pub plus: bool,
}

/// Every child of the run, by id (`children[id]`: those in care and those who have left),
/// and the ids of those in care.
#[derive(Default)]
pub struct Children {
    all: Vec<Child>,
    /// The children in care, in no particular order (`Child::slot` is each one's position).
    pub active: Vec<u32>,
}

impl Deref for Children {
    type Target = [Child];
    fn deref(&self) -> &[Child] {
        &self.all
    }
}

impl DerefMut for Children {
    fn deref_mut(&mut self) -> &mut [Child] {
        &mut self.all
    }
}

impl Children {
    /// Empty, for a new run.
    pub fn clear(&mut self) {
        self.all.clear();
        self.active.clear();
    }

    /// A child entering care (its `slot` is set here); returns its id.
    pub fn admit(&mut self, mut child: Child) -> u32 {
        let id = self.all.len() as u32;
        child.slot = self.active.len() as u32;
        self.all.push(child);
        self.active.push(id);
        id
    }

    /// Child `id` leaves care: off the active list (the last one takes its slot).
    pub fn discharge(&mut self, id: u32) {
        let slot = self.all[id as usize].slot as usize;
        self.active.swap_remove(slot);
        if let Some(&moved) = self.active.get(slot) {
            self.all[moved as usize].slot = slot as u32;
        }
    }
}
