//! The entities of one run: children, foster households, in-house homes, and the event
//! queue that orders what happens to them.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use crate::types::{ExitRoute, PlacementType, DAYS_PER_MONTH};

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
    /// Month-end bookkeeping (see `run::tally`): age band at the last month end checked,
    /// the gap counted for the current placement, the 3+ moves flag counted, and the months
    /// of the next band and 3+ moves checks.
    pub band: u8,
    pub gap_pref: Option<PlacementType>,
    pub moved3: bool,
    pub band_due: u32,
    pub moved3_due: u32,
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
    /// In the simulator's open-households list.
    pub listed: bool,
}

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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventKind {
    Exit,
    Breakdown,
    EmergencyReview,
    AdoptionMove,
    PlannedMove,
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
        other
            .t
            .total_cmp(&self.t)
            .then_with(|| other.seq.cmp(&self.seq))
    }
}

/// Earliest-first event queue with deterministic tie-breaking (time, then insertion order).
/// Only the current month's events are ordered; later ones wait in per-month buckets (most
/// of a child's events are months or years away), and events after the horizon are dropped.
/// At a month's first pop its bucket, with the events pushed for the month so far, is
/// sorted once (cheaper than a heap push and pop each); events pushed for the month after
/// that go to a small heap, and each pop takes the earlier of the two heads.
#[derive(Default)]
pub struct Queue {
    /// The current month's events, latest first once `sorted`.
    current: Vec<Event>,
    sorted: bool,
    heap: BinaryHeap<Event>,
    buckets: Vec<Vec<Event>>,
    month: usize,
    month_end: f64,
    seq: u32,
}

impl Queue {
    /// Empty the queue for a run of `horizon` months, starting in month 0.
    pub fn reset(&mut self, horizon: usize) {
        self.heap.clear();
        self.current.clear();
        self.sorted = false;
        for b in &mut self.buckets {
            b.clear();
        }
        self.buckets.resize_with(horizon, Vec::new);
        self.buckets.truncate(horizon);
        self.month = 0;
        self.month_end = DAYS_PER_MONTH;
        self.seq = 0;
    }

    /// Start month `m`: its bucketed events become the current ones.
    pub fn advance(&mut self, m: usize) {
        self.month = m;
        self.month_end = (m + 1) as f64 * DAYS_PER_MONTH;
        // Whatever the last month left (nothing is pushed before a month's start) stays.
        if let Some(b) = self.buckets.get_mut(m) {
            if self.current.is_empty() {
                std::mem::swap(&mut self.current, b);
            } else {
                self.current.append(b);
            }
        }
        self.current.extend(self.heap.drain());
        self.sorted = false;
    }

    pub fn push(&mut self, t: f64, kind: EventKind, id: u32, epoch: u32) {
        self.seq = self.seq.wrapping_add(1);
        let e = Event {
            t,
            seq: self.seq,
            kind,
            id,
            epoch,
        };
        if t < self.month_end {
            if self.sorted {
                self.heap.push(e);
            } else {
                self.current.push(e);
            }
        } else {
            let m = (t / DAYS_PER_MONTH) as usize;
            // Past the horizon: nothing will read it.
            if let Some(b) = self.buckets.get_mut(m.max(self.month + 1)) {
                b.push(e);
            }
        }
    }

    /// Next event strictly before `until`.
    pub fn pop_before(&mut self, until: f64) -> Option<Event> {
        if !self.sorted {
            // `Event`'s order is reversed (earliest greatest), so ascending puts the
            // earliest last.
            self.current.sort_unstable();
            self.sorted = true;
        }
        let from_heap = match (self.current.last(), self.heap.peek()) {
            (Some(c), Some(h)) => h > c,
            (None, Some(_)) => true,
            (_, None) => false,
        };
        let next = if from_heap {
            self.heap.peek()
        } else {
            self.current.last()
        };
        if !next.is_some_and(|e| e.t < until) {
            return None;
        }
        if from_heap {
            self.heap.pop()
        } else {
            self.current.pop()
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
