//! One Monte Carlo replication: the month loop and the dispatch of the events within each
//! month to the processes, each an `impl Simulator` block of its own: `admissions`, `exits`,
//! `carers` (households and the recruitment funnel), `matching` and `placement`, `moves`
//! (breakdowns, planned moves, emergency reviews, step-down), `month_end`, `tally` (the
//! month-end counts kept as children move), `startup` and `checks`. `Simulator` keeps its
//! buffers between runs so the hot loop does not allocate once warmed up.

use super::households::Households;
use super::model::Model;
use super::queue::{epoch_of, Event, EventKind, Queue};
use super::state::*;
use crate::error::InvariantError;
use crate::metrics::{self, Month};
use crate::rng::{PoissonTable, Process, Stream};
use crate::types::{AgeBand, ExitRoute, Needs, PlacementType, DAYS_PER_MONTH, DAYS_PER_YEAR};

mod admissions;
mod carers;
mod checks;
mod exits;
mod matching;
mod month_end;
mod moves;
mod placement;
mod siblings;
mod start_groups;
mod start_history;
mod start_mix;
#[cfg(test)]
mod start_tests;
mod start_waiting;

mod startup;
mod tally;
#[cfg(test)]
mod tests;

use exits::with_permanence;
use matching::Ask;
use month_end::{CAT_PLUS, CAT_SUPPORTED_LEVER};

const MAX_AGE_DAYS: f64 = 18.0 * DAYS_PER_YEAR;

/// Financial-year totals of one run.
#[derive(Clone, Debug, Default)]
pub struct YearTotals {
    pub cost: Vec<f64>,
    pub budget: Vec<f64>,
}

struct Streams {
    admissions: Stream,
    exits: Stream,
    carers: Stream,
    funnel: Stream,
    breakdowns: Stream,
    placement: Stream,
    levers: Stream,
}

/// Runs replications of one model, reusing its buffers. Each process keeps its own state
/// in a part of its own; `reset` empties them all for the next run.
pub struct Simulator<'m> {
    model: &'m Model,
    pub months: Vec<Month>,
    pub years: YearTotals,
    /// The month being simulated, its last day (`tally::end_of`), and its first entry in
    /// the model's matching orders and sufficiency measures (`Model::orders_at`).
    month: usize,
    month_end: f64,
    orders_at: usize,
    /// The permanence drive's multiplier of planned stays in force (see `rescale_stays`).
    perm_mult: f64,
    queue: Queue,
    children: Children,
    households: Households,
    turnover: carers::Turnover,
    admissions: admissions::Admissions,
    capacity: placement::Capacity,
    books: month_end::Books,
    counts: tally::Counts,
    scratch: matching::Scratch<'m>,
    startup: startup::Startup,
    /// By month, the Poisson tables of its admissions and of its enquiries
    /// (`Stream::poisson_in`), kept from run to run (and model to model: a table is rebuilt
    /// for another mean).
    poisson: Vec<[PoissonTable; 2]>,
    /// Each child's history, when recording (`super::history`); `None` costs one check.
    pub(crate) history: Option<Box<super::history::HistoryRecorder>>,
}

impl<'m> Simulator<'m> {
    pub fn new(model: &'m Model) -> Self {
        Simulator {
            model,
            months: Vec::new(),
            years: YearTotals::default(),
            month: 0,
            month_end: DAYS_PER_MONTH,
            orders_at: model.orders_at(0),
            perm_mult: 1.0,
            queue: Queue::default(),
            children: Children::default(),
            households: Households::default(),
            turnover: Default::default(),
            admissions: Default::default(),
            capacity: Default::default(),
            books: Default::default(),
            counts: Default::default(),
            scratch: Default::default(),
            startup: Default::default(),
            poisson: Vec::new(),
            history: None,
        }
    }

    /// This simulator's buffers, for a simulator of `model` (as if `Simulator::new`, without
    /// growing them again: every run starts by emptying them, so a run depends only on its
    /// model and seed, not on the buffers' past).
    pub fn retarget<'n>(self, model: &'n Model) -> Simulator<'n> {
        let Simulator {
            model: _,
            months,
            years,
            month,
            month_end,
            orders_at: _,
            perm_mult,
            queue,
            children,
            households,
            turnover,
            admissions,
            capacity,
            books,
            counts,
            scratch,
            startup,
            poisson,
            history,
        } = self;
        Simulator {
            model,
            months,
            years,
            month,
            month_end,
            orders_at: model.orders_at(month),
            perm_mult,
            queue,
            children,
            households,
            turnover,
            admissions,
            capacity,
            books,
            counts,
            scratch: scratch.retarget(),
            startup,
            poisson,
            history,
        }
    }

    /// Simulate replication `rep` of the master `seed`; results land in `self.months` and
    /// `self.years`.
    pub fn run(&mut self, seed: u64, rep: u32) {
        // Without checks `run_inner` cannot fail.
        let _ = self.run_inner(seed, rep, false);
    }

    /// As `run`, checking the model's invariants at every month end (for tests).
    pub fn run_checked(&mut self, seed: u64, rep: u32) -> Result<(), InvariantError> {
        self.run_inner(seed, rep, true)
    }

    /// Replication `rep`'s random streams, one per process.
    fn streams(seed: u64, rep: u32) -> Streams {
        Streams {
            admissions: Stream::new(seed, rep, Process::Admissions),
            exits: Stream::new(seed, rep, Process::Exits),
            carers: Stream::new(seed, rep, Process::Carers),
            funnel: Stream::new(seed, rep, Process::Funnel),
            breakdowns: Stream::new(seed, rep, Process::Breakdowns),
            placement: Stream::new(seed, rep, Process::Placement),
            levers: Stream::new(seed, rep, Process::Levers),
        }
    }

    fn run_inner(&mut self, seed: u64, rep: u32, check: bool) -> Result<(), InvariantError> {
        let mut rs = Self::streams(seed, rep);
        let mut startup = Stream::new(seed, rep, Process::StartUp);
        self.reset();
        self.start_up(&mut startup, &mut rs);
        for m in 0..self.model.horizon {
            self.run_month(m, &mut rs);
            if check {
                self.check_invariants(m)
                    .map_err(|e| InvariantError::new(e).in_month(m))?;
            }
        }
        self.close_years();
        Ok(())
    }

    /// Month `m` of a run: its admissions, exits, moves and approvals, then its figures.
    fn run_month(&mut self, m: usize, rs: &mut Streams) {
        self.month = m;
        self.orders_at = self.model.orders_at(m);
        let end = tally::end_of(m as i64);
        self.month_end = end;
        self.begin_month(m, rs);
        while let Some(ev) = self.queue.pop_before(end) {
            self.handle(ev, rs);
        }
        self.end_month(m);
    }

    /// Empty every part for a new run.
    fn reset(&mut self) {
        let h = self.model.horizon;
        self.months.clear();
        self.months.resize(h, [0; metrics::COUNT]);
        self.month = 0;
        self.month_end = DAYS_PER_MONTH;
        self.orders_at = self.model.orders_at(0);
        self.perm_mult = 1.0;
        self.queue.reset(h);
        self.children.clear();
        self.households.clear();
        self.turnover.reset(h);
        self.admissions.clear();
        self.capacity.reset(self.model);
        self.books.clear();
        self.counts.reset(h);
        self.poisson.resize_with(h, Default::default);
        if let Some(r) = &mut self.history {
            r.clear();
        }
    }

    /// The start of month `m`: the levers' running costs, then each process's draws for
    /// the month, in a fixed order (so the streams are read the same way in every scenario).
    fn begin_month(&mut self, m: usize, rs: &mut Streams) {
        let e = &self.model.months[m];
        self.books.cost[metrics::COST_LEVERS] += e.lever_cost;
        self.rescale_stays(m);
        self.households_leaving(m);
        self.recruit(m, rs);
        self.admit(m, rs);
        self.step_down(m, rs);
    }

    /// Dispatch an event to its process; events made stale by a later change (a new exit
    /// date, a new placement) are dropped.
    fn handle(&mut self, ev: Event, rs: &mut Streams) {
        let t = ev.t();
        match ev.kind() {
            EventKind::GroupArrival => self.admit_group(ev.id, t, rs),
            EventKind::Exit => {
                let c = &self.children[ev.id as usize];
                if c.in_care && epoch_of(c.exit_epoch) == ev.epoch() {
                    self.exit(ev.id, t, c.route, rs);
                }
            }
            EventKind::Breakdown => {
                let c = &self.children[ev.id as usize];
                if c.in_care && epoch_of(c.place_epoch) == ev.epoch() {
                    self.breakdown(ev.id, t, rs);
                }
            }
            EventKind::EmergencyReview => {
                let c = &self.children[ev.id as usize];
                if c.in_care
                    && epoch_of(c.place_epoch) == ev.epoch()
                    && c.place == Place::Market(PlacementType::Emergency)
                {
                    self.review_emergency(ev.id, t, rs);
                }
            }
            EventKind::AdoptionMove => self.adoption_move(ev.id, t, rs),
            EventKind::PlannedMove => self.planned_move(ev.id, ev.epoch(), t, rs),
            EventKind::HouseholdLeave => self.household_leaves(ev.id, t, rs),
            EventKind::StayingPutEnd => self.staying_put_ends(ev.id),
            EventKind::Approval => self.approve(ev.id, t, rs),
        }
    }
}
