//! The entities of one run: children, foster households, in-house homes, and the event
//! queue that orders what happens to them.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

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
    pub place_epoch: u32,
    pub preferred: PlacementType,
    pub out_of_borough: bool,
    /// Start days of the three most recent placements, newest first.
    pub recent: [f64; 3],
    /// In a supported-accommodation place bought by a lever.
    pub lever_place: bool,
    pub in_care: bool,
    /// Position in the active list.
    pub slot: u32,
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
    /// Remaining unit-exponential "attrition budget"; the household leaves when spent.
    pub budget: f64,
    pub active: bool,
    pub leaving: bool,
}

impl Household {
    pub fn vacancies(&self) -> u8 {
        self.places.saturating_sub(self.n + self.staying_put)
    }
    pub fn remove(&mut self, child: u32) {
        if let Some(i) = self.children[..self.n as usize].iter().position(|c| *c == child) {
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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventKind {
    Exit,
    Breakdown,
    EmergencyReview,
    AdoptionMove,
    HouseholdLeave,
    StayingPutEnd,
    Approval,
    GroupArrival,
}

#[derive(Clone, Copy, Debug)]
pub struct Event {
    pub t: f64,
    pub seq: u32,
    pub kind: EventKind,
    pub id: u32,
    pub epoch: u32,
}

impl PartialEq for Event {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Event {}
impl PartialOrd for Event {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Event {
    /// Reversed so `BinaryHeap` pops the earliest event; ties break on insertion order.
    fn cmp(&self, other: &Self) -> Ordering {
        other.t.total_cmp(&self.t).then_with(|| other.seq.cmp(&self.seq))
    }
}

/// Earliest-first event queue with deterministic tie-breaking.
#[derive(Default)]
pub struct Queue {
    heap: BinaryHeap<Event>,
    seq: u32,
}

impl Queue {
    pub fn clear(&mut self) {
        self.heap.clear();
        self.seq = 0;
    }
    pub fn push(&mut self, t: f64, kind: EventKind, id: u32, epoch: u32) {
        self.seq = self.seq.wrapping_add(1);
        self.heap.push(Event {
            t,
            seq: self.seq,
            kind,
            id,
            epoch,
        });
    }
    /// Next event strictly before `until`.
    pub fn pop_before(&mut self, until: f64) -> Option<Event> {
        if self.heap.peek().is_some_and(|e| e.t < until) {
            self.heap.pop()
        } else {
            None
        }
    }
}

/// An approved household waiting for its approval event, or an arriving sibling group.
#[derive(Clone, Debug)]
pub struct Pending {
    pub places: u8,
    pub adolescent_draw: f64,
    pub plus: bool,
}
