//! The event queue of a run: what happens next, earliest first, with ties broken by the
//! order events were scheduled in, so a run is the same wherever it is computed.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use crate::types::DAYS_PER_MONTH;

/// What an event is; each is handled by its process (see `run::Simulator::handle`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
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

impl EventKind {
    #[cfg(test)]
    const ALL: [EventKind; 9] = [
        EventKind::Exit,
        EventKind::Breakdown,
        EventKind::EmergencyReview,
        EventKind::AdoptionMove,
        EventKind::PlannedMove,
        EventKind::HouseholdLeave,
        EventKind::StayingPutEnd,
        EventKind::Approval,
        EventKind::GroupArrival,
    ];
}

/// Bits of `Event::tag` holding the epoch; the kind sits above them.
const EPOCH_BITS: u32 = 28;
const EPOCH_MASK: u32 = (1 << EPOCH_BITS) - 1;

/// A scheduled event, in 16 bytes. Its time is kept as the bits of a non-negative `f64`,
/// which order as the times do, so ordering events is an integer comparison; the kind and
/// the epoch share one word.
#[derive(Clone, Copy, Debug)]
pub struct Event {
    key: u64,
    pub id: u32,
    tag: u32,
}

impl Event {
    /// The event's day.
    pub fn t(&self) -> f64 {
        f64::from_bits(self.key)
    }

    /// By a match on the bits (the dispatch on the kind then folds into one jump table,
    /// with no table lookup first).
    #[inline(always)]
    pub fn kind(&self) -> EventKind {
        match self.tag >> EPOCH_BITS {
            0 => EventKind::Exit,
            1 => EventKind::Breakdown,
            2 => EventKind::EmergencyReview,
            3 => EventKind::AdoptionMove,
            4 => EventKind::PlannedMove,
            5 => EventKind::HouseholdLeave,
            6 => EventKind::StayingPutEnd,
            7 => EventKind::Approval,
            _ => EventKind::GroupArrival,
        }
    }

    /// The epoch the event was scheduled in, modulo 2^28 (compare with `epoch_of`).
    pub fn epoch(&self) -> u32 {
        self.tag & EPOCH_MASK
    }
}

/// An epoch as events carry it (2^28 epochs of one child are far beyond any run).
#[inline]
pub fn epoch_of(epoch: u32) -> u32 {
    epoch & EPOCH_MASK
}

/// Earliest-first event queue with deterministic tie-breaking (time, then insertion order):
/// a calendar of one bucket per day. A day's bucket is sorted (stably, so equal times keep
/// their insertion order) when it becomes the current day and read from `head`. An event
/// pushed for the current day after that goes to a heap of the day's late events, ordered by
/// time then insertion order; the next event is the earlier of the bucket's and the heap's,
/// the bucket's on a tie (its events were all pushed before any late one). So a day with many
/// events pushed while it is under way costs a logarithm each, not a shift of the day's
/// events. Events after the run's last day, or that will not happen (`push_before`), go to a
/// sink bucket that is never read (emptied every day).
///
/// Only the days of the current block of `BLOCK` days and the next have buckets of their
/// own, a ring of `RING` buckets reused from block to block; an event for a later block waits
/// in that block's bucket, in insertion order, and is moved to its day's bucket in the ring
/// when the block before it begins (before anything else can be pushed for its day, so a
/// day's bucket still holds its events in insertion order). Most events are scheduled months
/// ahead (exits, breakdowns): a bucket per day of the run put each push and each new day on a
/// bucket far from the processor's caches; the ring and the blocks' buckets stay near.
#[derive(Default)]
pub struct Queue {
    /// The ring of day buckets (day `d` at `d % RING`), then one bucket per block of days
    /// (`RING + d / BLOCK`), then the sink.
    buckets: Vec<Vec<Event>>,
    /// Days of the run (the sink takes events at or after the last).
    days: usize,
    /// The current day; its bucket is sorted earliest first from `head` when `sorted`.
    day: usize,
    head: usize,
    sorted: bool,
    /// Events pushed for the current day once its bucket was sorted.
    late: BinaryHeap<Reverse<Late>>,
    /// Insertion number of the next late event.
    late_seq: u64,
}

/// Days in a block, and day buckets in the ring (the current block and the next).
const BLOCK: usize = 32;
const RING: usize = 2 * BLOCK;

/// An event pushed for a day under way, ordered by time then insertion number.
#[derive(Clone, Copy, Debug)]
struct Late {
    seq: u64,
    event: Event,
}

impl Late {
    fn order(&self) -> (u64, u64) {
        (self.event.key, self.seq)
    }
}

impl PartialEq for Late {
    fn eq(&self, other: &Late) -> bool {
        self.order() == other.order()
    }
}

impl Eq for Late {}

impl PartialOrd for Late {
    fn partial_cmp(&self, other: &Late) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Late {
    fn cmp(&self, other: &Late) -> Ordering {
        self.order().cmp(&other.order())
    }
}

/// A day's bucket whose memory is given back once the day is over: a day this busy is
/// rare, and keeping the memory of every busy day would hold every event the run ever
/// scheduled.
const KEEP_BUCKET: usize = 256;

impl Queue {
    /// Empty the queue for a run of `horizon` months.
    pub fn reset(&mut self, horizon: usize) {
        for b in &mut self.buckets {
            b.clear();
        }
        // The days of the run: the ring, a bucket per block, and the sink (see `push_before`).
        self.days = libm::ceil(horizon as f64 * DAYS_PER_MONTH) as usize + 1;
        let blocks = self.days.div_ceil(BLOCK);
        self.buckets.resize_with(RING + blocks + 1, Vec::new);
        self.day = 0;
        self.head = 0;
        self.sorted = false;
        self.late.clear();
        self.late_seq = 0;
    }

    #[inline]
    pub fn push(&mut self, t: f64, kind: EventKind, id: u32, epoch: u32) {
        self.push_before(t, f64::INFINITY, kind, id, epoch);
    }

    /// Push an event that happens only if it comes before `limit` (as a breakdown before
    /// the child's exit). One that will not happen, or comes after the run's last day (or
    /// at no time, NaN), goes to the sink bucket past the last day, which is never read:
    /// whether an event is kept is as good as random, so it is chosen by a select, not a
    /// branch.
    #[inline]
    pub fn push_before(&mut self, t: f64, limit: f64, kind: EventKind, id: u32, epoch: u32) {
        // Times are never negative (the run starts at day 0); a stray negative would be
        // taken as day 0, keeping the bits' order equal to the times' order.
        let e = Event {
            key: if t > 0.0 { t.to_bits() } else { 0 },
            id,
            tag: (kind as u32) << EPOCH_BITS | epoch_of(epoch),
        };
        // An event before the current day (none in the model) would be the next one.
        let d = (e.t() as u32 as usize).max(self.day);
        let keep = (t < limit) & (d < self.days);
        // The day's bucket in the ring while its block is the current one or the next, else
        // its block's bucket; chosen by selects (where an event falls is as good as random).
        let near = d / BLOCK <= self.day / BLOCK + 1;
        let i = if near { d % RING } else { RING + d / BLOCK };
        let i = if keep {
            i
        } else {
            self.buckets.len().wrapping_sub(1)
        };
        if keep & (d == self.day) & self.sorted {
            self.push_late(e);
        } else if let Some(bucket) = self.buckets.get_mut(i) {
            bucket.push(e);
        }
        // (No buckets: the queue was never reset, and nothing is kept.)
    }

    /// Into the heap of the current day's late events. Rare in most runs (an event for later
    /// the same day), so kept out of line.
    #[cold]
    #[inline(never)]
    fn push_late(&mut self, event: Event) {
        let seq = self.late_seq;
        self.late_seq += 1;
        self.late.push(Reverse(Late { seq, event }));
    }

    /// The current day's next late event, if it comes before `next` from the bucket (or
    /// there is none there). Out of line: late events are rare in most runs.
    #[cold]
    #[inline(never)]
    fn late_before(&self, next: Option<&Event>) -> Option<Event> {
        let late = self.late.peek()?.0.event;
        match next {
            Some(b) if b.key <= late.key => None,
            _ => Some(late),
        }
    }

    /// Next event strictly before `until`.
    #[inline]
    pub fn pop_before(&mut self, until: f64) -> Option<Event> {
        // Most pops take the next event of a day under way, sorted, with no late events:
        // what the loop below does then, with fewer tests.
        if self.sorted & self.late.is_empty() & (self.day < self.days) {
            let next = self
                .buckets
                .get(self.day % RING)
                .and_then(|b| b.get(self.head))
                .copied();
            if let Some(next) = next {
                if next.t() >= until {
                    return None;
                }
                self.head += 1;
                return Some(next);
            }
        }
        self.pop_slow(until)
    }

    /// `pop_before` from a day not yet sorted, with late events, or over.
    fn pop_slow(&mut self, until: f64) -> Option<Event> {
        loop {
            if self.day >= self.days {
                return None;
            }
            let bucket = self.buckets.get_mut(self.day % RING)?;
            if self.head < bucket.len() || !self.late.is_empty() {
                if !self.sorted {
                    // Stable: equal times stay in insertion order.
                    sort_day(bucket);
                    self.sorted = true;
                }
                let from_bucket = bucket.get(self.head).copied();
                let late = if self.late.is_empty() {
                    None
                } else {
                    self.late_before(from_bucket.as_ref())
                };
                let next = late.or(from_bucket)?;
                if next.t() >= until {
                    return None;
                }
                if late.is_some() {
                    self.late.pop();
                } else {
                    self.head += 1;
                }
                return Some(next);
            }
            // The day is over; the next one starts at or after `until`: stop there.
            if (self.day + 1) as f64 >= until {
                return None;
            }
            if bucket.capacity() > KEEP_BUCKET {
                *bucket = Vec::new();
            } else {
                bucket.clear();
            }
            if let Some(sink) = self.buckets.last_mut() {
                sink.clear();
            }
            self.day += 1;
            self.head = 0;
            self.sorted = false;
            if self.day % BLOCK == 0 {
                self.open_block(self.day / BLOCK + 1);
            }
        }
    }

    /// Block `b` becomes the next block: its events move to their days' buckets in the ring
    /// (empty: their days were those of block `b - 2`, over), in insertion order.
    fn open_block(&mut self, b: usize) {
        let Some(waiting) = self.buckets.get_mut(RING + b) else {
            return; // past the last block
        };
        let waiting = std::mem::take(waiting);
        for &e in &waiting {
            if let Some(bucket) = self.buckets.get_mut(e.t() as u32 as usize % RING) {
                bucket.push(e);
            }
        }
        let mut waiting = waiting;
        waiting.clear();
        self.buckets[RING + b] = waiting;
    }
}

/// Sort a day's events by time, stably. A day holds two events on average, in an order as
/// good as random: up to four are sorted by a network of compare-exchanges of neighbours
/// done with selects, not branches, so the order costs no mispredicted jumps. Stable: only
/// neighbours strictly out of order are exchanged, so equal times never pass each other.
#[inline]
fn sort_day(v: &mut [Event]) {
    #[inline(always)]
    fn cx(v: &mut [Event], i: usize) {
        let (a, b) = (v[i], v[i + 1]);
        let swap = a.key > b.key;
        let (lo, hi) = if swap { (b, a) } else { (a, b) };
        v[i] = lo;
        v[i + 1] = hi;
    }
    match v.len() {
        0 | 1 => {}
        2 => cx(v, 0),
        3 => {
            cx(v, 0);
            cx(v, 1);
            cx(v, 0);
        }
        4 => {
            cx(v, 0);
            cx(v, 2);
            cx(v, 1);
            cx(v, 0);
            cx(v, 2);
            cx(v, 1);
        }
        _ => v.sort_by_key(|e| e.key),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// An event gives back the kind and epoch it was pushed with (epochs modulo 2^28, as
    /// `epoch_of` gives a child's).
    #[test]
    fn events_keep_their_kind_and_epoch() {
        let mut q = Queue::default();
        q.reset(2);
        let epochs = [0, 1, 7, EPOCH_MASK, EPOCH_MASK + 1, u32::MAX];
        let mut pushed = Vec::new();
        for (k, kind) in EventKind::ALL.into_iter().enumerate() {
            for (j, &epoch) in epochs.iter().enumerate() {
                let id = (k * epochs.len() + j) as u32;
                q.push(1.0 + id as f64, kind, id, epoch);
                pushed.push((kind, epoch_of(epoch)));
            }
        }
        let mut got = Vec::new();
        while let Some(e) = q.pop_before(2.0 * DAYS_PER_MONTH) {
            got.push((e.kind(), e.epoch()));
        }
        assert_eq!(got, pushed);
        assert_eq!(epoch_of(EPOCH_MASK + 1), 0);
    }

    /// An event at or after its limit, after the run's last day or at no time is never popped,
    /// however late the queue is read to; the others are, in time order.
    #[test]
    fn events_that_will_not_happen_are_never_popped() {
        let mut q = Queue::default();
        q.reset(2);
        let horizon = 2.0 * DAYS_PER_MONTH;
        q.push_before(5.0, 5.0, EventKind::Breakdown, 0, 0);
        q.push_before(4.0, 5.0, EventKind::Breakdown, 1, 0);
        q.push_before(f64::NAN, 5.0, EventKind::Breakdown, 2, 0);
        q.push(f64::NAN, EventKind::Exit, 3, 0);
        q.push(horizon.ceil() + 1.0, EventKind::Exit, 4, 0);
        q.push(horizon - 0.5, EventKind::Exit, 5, 0);
        q.push_before(3.0, f64::INFINITY, EventKind::Exit, 6, 0);
        let mut got = Vec::new();
        while let Some(e) = q.pop_before(f64::INFINITY) {
            got.push(e.id);
        }
        assert_eq!(got, [6, 1, 5]);
    }

    /// A busy day: thousands of events for one day, most pushed while the day is under way
    /// (as many sibling groups arriving and breaking down the same day would), come out by
    /// time then insertion order, as a stable sort of them all gives.
    #[test]
    fn a_busy_day_keeps_time_then_insertion_order() {
        let mut q = Queue::default();
        q.reset(1);
        let mut pushed: Vec<(u64, u32)> = Vec::new();
        let mut n = 0u32;
        // A few times within day 3, so ties are many (times are exact binary fractions).
        let time = |k: u32| 3.0 + (k % 7) as f64 / 8.0;
        for _ in 0..500 {
            q.push(time(n * 5), EventKind::Breakdown, n, 0);
            pushed.push((time(n * 5).to_bits(), n));
            n += 1;
        }
        let mut got = Vec::new();
        let mut now = 0.0f64;
        while let Some(e) = q.pop_before(DAYS_PER_MONTH) {
            assert!(e.t() >= now, "went back in time");
            now = e.t();
            got.push((e.t().to_bits(), e.id));
            // Each event handled schedules up to two more, at or after it, the same day.
            for _ in 0..(e.id % 3).min(2) {
                if n < 20_000 {
                    let t = now.max(time(n * 3));
                    q.push(t, EventKind::Breakdown, n, 0);
                    pushed.push((t.to_bits(), n));
                    n += 1;
                }
            }
        }
        assert!(n > 5_000, "only {n} events");
        pushed.sort_by_key(|&(t, _)| t);
        assert_eq!(got, pushed);
    }

    proptest! {
        /// A day's events come out of `sort_day` as a stable sort leaves them: by time,
        /// equal times in their order before it (times from a few values, so ties are
        /// common; lengths either side of the network's limit).
        #[test]
        fn sort_day_is_a_stable_sort(times in prop::collection::vec(0u8..4, 0..9)) {
            let mut day: Vec<Event> = times
                .iter()
                .enumerate()
                .map(|(i, &t)| Event {
                    key: (1.0 + t as f64 / 8.0).to_bits(),
                    id: i as u32,
                    tag: 0,
                })
                .collect();
            let mut want = day.clone();
            want.sort_by_key(|e| e.key);
            sort_day(&mut day);
            let ids = |v: &[Event]| v.iter().map(|e| e.id).collect::<Vec<_>>();
            prop_assert_eq!(ids(&day), ids(&want));
        }

        /// Whatever is pushed, and whenever (before the first pop or while popping, as
        /// handlers do), events come out by time, then by insertion order, each once, and
        /// none at or after `until`.
        #[test]
        fn queue_pops_in_time_then_insertion_order(
            first in prop::collection::vec(0.0f64..200.0, 0..60),
            later in prop::collection::vec((0.0f64..1.0, 0.0f64..40.0), 0..60),
            months in 1usize..8,
        ) {
            let mut q = Queue::default();
            q.reset(months);
            let horizon = months as f64 * DAYS_PER_MONTH;
            // Reference: (time, insertion number) of every pushed event before the horizon.
            let mut expected: Vec<(f64, u32)> = Vec::new();
            let mut n = 0u32;
            let mut push = |q: &mut Queue, t: f64, expected: &mut Vec<(f64, u32)>| {
                q.push(t, EventKind::Exit, n, 0);
                if t < horizon {
                    expected.push((t, n));
                }
                n += 1;
            };
            for &t in &first {
                push(&mut q, t, &mut expected);
            }
            // Pushes from handlers land at or after the event being handled; some at the
            // same time (ties break on insertion order).
            let mut later = later.into_iter();
            let mut got: Vec<(f64, u32)> = Vec::new();
            let mut now = 0.0f64;
            for m in 0..months {
                let until = (m + 1) as f64 * DAYS_PER_MONTH;
                while let Some(e) = q.pop_before(until) {
                    prop_assert!(e.t() < until);
                    prop_assert!(e.t() >= now);
                    now = e.t();
                    got.push((e.t(), e.id));
                    if let Some((share, delay)) = later.next() {
                        let t = if share < 0.2 { now } else { now + delay };
                        push(&mut q, t, &mut expected);
                    }
                }
            }
            expected.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            prop_assert_eq!(got, expected);
        }
    }
}
