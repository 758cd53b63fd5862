//! One Monte Carlo replication: the month loop, the events within each month, and the
//! month-end metrics. `Simulator` keeps its buffers between runs so the hot loop does not
//! allocate once warmed up.

use super::model::Model;
use super::state::*;
use crate::metrics::{self, Month};
use crate::rng::{Process, Stream};
use crate::types::{AgeBand, ExitRoute, Needs, PlacementType, DAYS_PER_MONTH, DAYS_PER_YEAR};

mod startup;
mod tally;
#[cfg(test)]
mod tests;

pub use startup::{PoolKey, StartPool};

/// Cost categories: one per placement type, then supported places bought by a lever and
/// children with Fostering Plus carers (fee uplift).
const CAT_SUPPORTED_LEVER: usize = PlacementType::COUNT;
const CAT_PLUS: usize = PlacementType::COUNT + 1;
const CATEGORIES: usize = PlacementType::COUNT + 2;

/// Age band index from age in days, without dividing, and without branches (ages are
/// random, so a chain of tests would often be mispredicted); a NaN age counts as 16+. The
/// edges are `AgeBand::EDGES` in days, as `tally::start_band` books band changes with.
#[inline]
fn band_of_age_days(days: f64) -> usize {
    let passed = AgeBand::EDGES[1..AgeBand::COUNT]
        .iter()
        .map(|edge| (days >= edge * DAYS_PER_YEAR) as usize)
        .sum();
    if days.is_nan() {
        AgeBand::COUNT - 1
    } else {
        passed
    }
}

const MAX_AGE_DAYS: f64 = 18.0 * DAYS_PER_YEAR;

/// A planned stay (days, for a child of `age` years) under the permanence drive's
/// multiplier: the routes home and to guardianship are stretched or shortened, and a stay
/// stretched past the 18th birthday ends there instead.
fn with_permanence(route: ExitRoute, stay: f64, age: f64, mult: f64) -> (ExitRoute, f64) {
    if !matches!(
        route,
        ExitRoute::ReturnHome | ExitRoute::SpecialGuardianship
    ) {
        return (route, stay);
    }
    let stay = stay * mult;
    let to18 = MAX_AGE_DAYS - age * DAYS_PER_YEAR;
    if stay >= to18 {
        (ExitRoute::Age18, to18.max(1.0))
    } else {
        (route, stay)
    }
}

/// A child drawn at admission, before placement.
#[derive(Clone, Copy, Debug)]
struct ChildSpec {
    age: f64,
    complex: bool,
    route: ExitRoute,
    duration: f64,
    with_parents: bool,
}

/// What a placement must take: how many children, their age span and whether any has
/// complex needs; and the placement they are moving out of, which is not offered to them
/// again (a foster household or children's home whose placement has just ended).
#[derive(Clone, Copy, Debug)]
struct Ask {
    n: u32,
    oldest: f64,
    youngest: f64,
    complex: bool,
    leaving: Place,
}

impl Ask {
    /// Are all the children within ages `lo` to `hi` (whole years, inclusive)?
    #[inline]
    fn within(&self, lo: u8, hi: u8) -> bool {
        self.youngest >= lo as f64 && self.oldest < hi as f64 + 1.0
    }

    /// What a placement must take for one child.
    fn one(age: f64, complex: bool, leaving: Place) -> Ask {
        Ask {
            n: 1,
            oldest: age,
            youngest: age,
            complex,
            leaving,
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct Group {
    first: u32,
    len: u32,
    month: u32,
}

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

/// Runs replications of one model, reusing its buffers.
pub struct Simulator<'m> {
    model: &'m Model,
    pub months: Vec<Month>,
    pub years: YearTotals,
    children: Vec<Child>,
    active: Vec<u32>,
    households: Vec<Household>,
    /// Households approved and not yet left.
    active_households: i64,
    /// Households that can take a child now (see `refresh_open`).
    open_households: Vec<OpenHousehold>,
    homes: Vec<HomeState>,
    queue: Queue,
    specs: Vec<ChildSpec>,
    groups: Vec<Group>,
    pending: Vec<Pending>,
    market_count: [u32; PlacementType::COUNT],
    cost: [f64; metrics::COUNT],
    month: usize,
    perm_mult: f64,
    scratch: Vec<u32>,
    /// Preference orders of a sibling group's children (`place_group`).
    orders_scratch: Vec<&'m [PlacementType]>,
    /// The placements a group on a planned move leaves (`planned_move`).
    leaving_scratch: Vec<Place>,
    /// Households with a vacancy during start-up: those taking adolescents and complex
    /// needs, and the others.
    start_open: [Vec<u32>; 2],
    pool: Option<StartPool>,
    occ: [u32; CATEGORIES],
    /// Child-days of the current month in each cost category, counting every current
    /// occupant up to the month's end (an arrival adds the rest of the month, a departure
    /// takes it away), so a change costs O(1) whatever the number of categories.
    child_days: [f64; CATEGORIES],
    month_end: f64,
    tally: tally::Tally,
    /// Places of the active households, and young people staying put in them.
    household_places: i64,
    staying_put: i64,
    /// Households leaving in each month, and when (see `add_household`).
    leavers: Vec<Vec<(u32, f64)>>,
    /// Changes booked for each month end (see `tally`): children reaching an age band (and
    /// which), and children whose 3+ moves flag may lapse.
    band_checks: Vec<Vec<(u32, u8)>>,
    moved3_checks: Vec<Vec<u32>>,
    /// By child: what applying those changes needs (see `tally::Marks`).
    marks: Vec<tally::Marks>,
}

impl<'m> Simulator<'m> {
    pub fn new(model: &'m Model) -> Self {
        Simulator {
            model,
            months: Vec::new(),
            years: YearTotals::default(),
            children: Vec::new(),
            active: Vec::new(),
            households: Vec::new(),
            active_households: 0,
            open_households: Vec::new(),
            homes: Vec::new(),
            queue: Queue::default(),
            specs: Vec::new(),
            groups: Vec::new(),
            pending: Vec::new(),
            market_count: [0; PlacementType::COUNT],
            cost: [0.0; metrics::COUNT],
            month: 0,
            perm_mult: 1.0,
            scratch: Vec::new(),
            orders_scratch: Vec::new(),
            leaving_scratch: Vec::new(),
            start_open: Default::default(),
            pool: None,
            occ: [0; CATEGORIES],
            child_days: [0.0; CATEGORIES],
            month_end: DAYS_PER_MONTH,
            tally: tally::Tally::default(),
            band_checks: Vec::new(),
            moved3_checks: Vec::new(),
            marks: Vec::new(),
            household_places: 0,
            staying_put: 0,
            leavers: Vec::new(),
        }
    }

    /// Simulate replication `rep` of the master `seed`; results land in `self.months` and
    /// `self.years`.
    pub fn run(&mut self, seed: u64, rep: u32) {
        // Without checks `run_inner` cannot fail.
        let _ = self.run_inner(seed, rep, false);
    }

    /// As `run`, checking the model's invariants at every month end (for tests).
    pub fn run_checked(&mut self, seed: u64, rep: u32) -> Result<(), String> {
        self.run_inner(seed, rep, true)
    }

    /// Hand over the start-up pool (built for one seed), to reuse it in another simulator of
    /// the same model.
    pub fn take_pool(&mut self) -> Option<StartPool> {
        self.pool.take()
    }

    pub fn set_pool(&mut self, pool: Option<StartPool>) {
        self.pool = pool;
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

    fn run_inner(&mut self, seed: u64, rep: u32, check: bool) -> Result<(), String> {
        let mut rs = Self::streams(seed, rep);
        let mut startup = Stream::new(seed, rep, Process::StartUp);
        if self
            .pool
            .as_ref()
            .is_none_or(|p| !p.serves(self.model, seed))
        {
            self.pool = Some(self.build_pool(seed));
        }
        self.reset();
        self.start_up(&mut startup, &mut rs);
        for m in 0..self.model.horizon {
            self.month = m;
            let end = tally::end_of(m as i64);
            self.month_end = end;
            self.begin_month(m, &mut rs);
            while let Some(ev) = self.queue.pop_before(end) {
                self.handle(ev, &mut rs);
            }
            self.end_month(m);
            if check {
                self.check_invariants(m)
                    .map_err(|e| format!("month {m}: {e}"))?;
            }
        }
        self.close_years();
        Ok(())
    }

    /// Capacity is never exceeded, every child in care has exactly one placement, and the
    /// books balance.
    pub fn check_invariants(&self, m: usize) -> Result<(), String> {
        let mut in_households = 0usize;
        let (mut places, mut staying_put) = (0i64, 0i64);
        for h in self.households.iter().filter(|h| h.active) {
            places += h.places as i64;
            staying_put += h.staying_put as i64;
        }
        let active = self.households.iter().filter(|h| h.active).count() as i64;
        if active != self.active_households {
            return Err(format!(
                "{active} households active, kept {}",
                self.active_households
            ));
        }
        if (places, staying_put) != (self.household_places, self.staying_put) {
            return Err(format!(
                "households: {places} places and {staying_put} staying put, kept {} and {}",
                self.household_places, self.staying_put
            ));
        }
        for (i, h) in self.households.iter().enumerate() {
            if h.n + h.staying_put > h.places {
                return Err(format!(
                    "household {i} holds {} + {} staying put in {} places",
                    h.n, h.staying_put, h.places
                ));
            }
            if h.active {
                for &c in &h.children[..h.n as usize] {
                    if self.children[c as usize].place != Place::Household(i as u32) {
                        return Err(format!("household {i} lists child {c} who lives elsewhere"));
                    }
                }
                in_households += h.n as usize;
            } else if h.n > 0 {
                return Err(format!("household {i} has left but still holds children"));
            }
        }
        for (i, h) in self.households.iter().enumerate() {
            let open = h.active && !h.leaving && h.vacancies() > 0;
            let entry = self.open_households.get(h.open_at as usize);
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
        if self
            .households
            .iter()
            .filter(|h| h.open_at != NOT_OPEN)
            .count()
            != self.open_households.len()
        {
            return Err("the open list holds households that are not open".into());
        }
        for (i, h) in self.homes.iter().enumerate() {
            if h.occupied > h.usable || h.usable > h.beds {
                return Err(format!(
                    "home {i}: {} children in {} usable beds",
                    h.occupied, h.usable
                ));
            }
            if h.occupied > 0 && h.open_month as usize > m {
                return Err(format!("home {i} is used before it opens"));
            }
        }
        let e = &self.model.months[m];
        let markets = &self.model.scenario.markets;
        let limits = [
            (PlacementType::Ifa, markets.ifa.limit.unwrap_or(u32::MAX)),
            (
                PlacementType::ExternalResidential,
                markets.external_residential.limit.unwrap_or(u32::MAX),
            ),
            (PlacementType::SupportedAccommodation, e.supported_places),
        ];
        for (t, limit) in limits {
            if self.market_count[t.index()] > limit {
                return Err(format!(
                    "{} holds {} children over its limit of {limit}",
                    t.label(),
                    self.market_count[t.index()]
                ));
            }
        }
        // Lever-priced supported places: exactly as many as the market's own limit is
        // exceeded by.
        let sa = PlacementType::SupportedAccommodation.index();
        let over = self.market_count[sa].saturating_sub(self.model.supported_base_limit);
        if self.occ[CAT_SUPPORTED_LEVER] != over
            || self.occ[sa] + self.occ[CAT_SUPPORTED_LEVER] != self.market_count[sa]
        {
            return Err(format!(
                "supported accommodation: {} children, {} beyond the market's limit, {} priced \
                 at the lever's rate and {} at the market's",
                self.market_count[sa], over, self.occ[CAT_SUPPORTED_LEVER], self.occ[sa]
            ));
        }
        let mut counted = [0u32; PlacementType::COUNT];
        let mut in_household_places = 0usize;
        let end = tally::end_of(m as i64);
        for &id in &self.active {
            let c = &self.children[id as usize];
            if !c.in_care {
                return Err(format!("child {id} is listed as in care but has left"));
            }
            // Everyone leaves care by 18 (a stay is at least a day, so one entering just
            // before 18 may stay a day past it).
            if end - c.birth > MAX_AGE_DAYS + 1.0 + 1e-6 {
                return Err(format!(
                    "child {id} is in care aged {:.2}",
                    c.age_years(end)
                ));
            }
            match c.place {
                Place::Nowhere => return Err(format!("child {id} is in care with no placement")),
                Place::Market(t) => counted[t.index()] += 1,
                Place::Household(_) => in_household_places += 1,
                Place::Home(_) => {}
            }
        }
        if in_household_places != in_households {
            return Err(format!("{in_household_places} children placed in households, households hold {in_households}"));
        }
        for t in PlacementType::ALL {
            if matches!(
                t,
                PlacementType::InHouseFoster | PlacementType::InHouseResidential
            ) {
                continue;
            }
            if counted[t.index()] != self.market_count[t.index()] {
                return Err(format!(
                    "{}: {} children counted, {} booked",
                    t.label(),
                    counted[t.index()],
                    self.market_count[t.index()]
                ));
            }
        }
        let scanned = self.scan(end);
        if scanned != self.tally {
            return Err(format!(
                "month-end counts drifted: kept {:?}, recounted {:?}",
                self.tally, scanned
            ));
        }
        let row = &self.months[m];
        if row.iter().any(|v| *v < 0) {
            return Err("a metric is negative".into());
        }
        Ok(())
    }

    fn reset(&mut self) {
        let h = self.model.horizon;
        self.months.clear();
        self.months.resize(h, [0; metrics::COUNT]);
        self.children.clear();
        self.marks.clear();
        self.active.clear();
        self.households.clear();
        self.active_households = 0;
        self.open_households.clear();
        self.queue.reset(self.model.horizon);
        self.specs.clear();
        self.groups.clear();
        self.pending.clear();
        self.market_count = [0; PlacementType::COUNT];
        self.cost = [0.0; metrics::COUNT];
        self.month = 0;
        self.perm_mult = 1.0;
        self.occ = [0; CATEGORIES];
        self.child_days = [0.0; CATEGORIES];
        self.month_end = DAYS_PER_MONTH;
        self.tally = tally::Tally::default();
        self.household_places = 0;
        self.staying_put = 0;
        for l in self.leavers.iter_mut() {
            l.clear();
        }
        self.leavers.resize_with(h, Vec::new);
        self.leavers.truncate(h);
        for l in self.band_checks.iter_mut() {
            l.clear();
        }
        self.band_checks.resize_with(h, Vec::new);
        for l in self.moved3_checks.iter_mut() {
            l.clear();
        }
        self.moved3_checks.resize_with(h, Vec::new);
        self.homes.clear();
        for h in &self.model.homes {
            self.homes.push(HomeState {
                usable: h.usable_beds,
                beds: h.beds,
                min_age: h.min_age,
                max_age: h.max_age,
                open_month: h.open_month,
                weekly_cost: h.weekly_cost,
                occupied: 0,
            });
        }
    }

    // ----- start-up -------------------------------------------------------------------

    fn draw_places(rng: &mut Stream, dist: &[f64; 3]) -> u8 {
        rng.categorical(dist) as u8 + 1
    }

    /// A new household, facing attrition from month `from`: its unit-exponential attrition
    /// `budget` is spent by each month's hazard mass (early or later by tenure at the
    /// month's start) and it leaves, within the month that exhausts it, in proportion to
    /// what was left; the month and day are found now and acted on in `begin_month`.
    fn add_household(
        &mut self,
        places: u8,
        adolescent: bool,
        plus: bool,
        approved: f64,
        budget: f64,
        from: usize,
    ) {
        let f = &self.model.scenario.fostering;
        let id = self.households.len() as u32;
        self.households.push(Household {
            places,
            max_age: if adolescent { 17 } else { f.standard_max_age },
            adolescent,
            plus,
            approved,
            children: [0; 3],
            n: 0,
            staying_put: 0,
            active: true,
            leaving: false,
            open_at: NOT_OPEN,
        });
        self.active_households += 1;
        self.refresh_open(id);
        self.household_places += places as i64;
        if let Some((m, t)) = self.model.attrition_leave(approved, budget, from) {
            if let Some(l) = self.leavers.get_mut(m) {
                l.push((id, t));
            }
        }
    }

    /// Draw a child's route and total planned stay (days) from entry age.
    fn draw_route(&self, rng: &mut Stream, age: f64) -> (ExitRoute, f64) {
        let band = AgeBand::of_age(age).index();
        self.draw_route_with(
            rng,
            age,
            &self.model.scenario.exits.route_by_entry_age[band],
        )
    }

    /// As `draw_route`, with the routes' weights given.
    fn draw_route_with(
        &self,
        rng: &mut Stream,
        age: f64,
        weights: &[f64; ExitRoute::COUNT],
    ) -> (ExitRoute, f64) {
        let route = ExitRoute::ALL[rng.categorical(weights)];
        let d = match route {
            ExitRoute::ReturnHome => self.model.return_home.sample(rng),
            ExitRoute::SpecialGuardianship => self.model.sgo.sample(rng),
            ExitRoute::Adoption => self.model.adoption.sample(rng),
            ExitRoute::Age18 => f64::INFINITY,
        };
        let to18 = MAX_AGE_DAYS - age * DAYS_PER_YEAR;
        if d >= to18 {
            (ExitRoute::Age18, to18.max(1.0))
        } else {
            (route, d.max(1.0))
        }
    }

    fn entry_age(&self, rng: &mut Stream) -> f64 {
        let band = rng.categorical(&self.model.scenario.demand.entry_age);
        let lo = AgeBand::EDGES[band];
        let hi = AgeBand::EDGES[band + 1];
        lo + (hi - lo) * rng.uniform()
    }

    // ----- months ----------------------------------------------------------------------

    fn begin_month(&mut self, m: usize, rs: &mut Streams) {
        let model = self.model;
        let e = &model.months[m];
        let t0 = m as f64 * DAYS_PER_MONTH;
        self.cost[metrics::COST_LEVERS] += e.lever_cost;

        // Permanence drive: rescale remaining stays on permanence routes.
        if e.permanence_mult != self.perm_mult {
            let ratio = e.permanence_mult / self.perm_mult;
            self.perm_mult = e.permanence_mult;
            for i in 0..self.active.len() {
                let id = self.active[i];
                let c = &mut self.children[id as usize];
                if matches!(
                    c.route,
                    ExitRoute::ReturnHome | ExitRoute::SpecialGuardianship
                ) && c.exit_at > t0
                {
                    let to18 = c.birth + MAX_AGE_DAYS;
                    let mut exit = t0 + (c.exit_at - t0) * ratio;
                    if exit >= to18 {
                        exit = to18;
                        c.route = ExitRoute::Age18;
                    }
                    c.exit_at = exit;
                    c.exit_epoch += 1;
                    let ep = c.exit_epoch;
                    self.queue.push(exit, EventKind::Exit, id, ep);
                }
            }
        }

        // Households whose attrition budget runs out this month (see `add_household`).
        let mut leavers = std::mem::take(&mut self.leavers[m]);
        for &(id, t) in &leavers {
            self.households[id as usize].leaving = true;
            self.refresh_open(id);
            self.queue.push(t, EventKind::HouseholdLeave, id, 0);
        }
        leavers.clear();
        self.leavers[m] = leavers;

        // Recruitment funnel: enquiries this month and where each one ends up.
        let f = &model.scenario.fostering;
        let fu = &f.funnel;
        let cm = libm::pow(e.conversion_mult, 0.25);
        let enquiries = rs.funnel.poisson(fu.enquiries_per_month * e.enquiry_mult);
        let horizon_end = model.horizon as f64 * DAYS_PER_MONTH;
        let steps = [
            (fu.to_visit, fu.visit_delay_months, metrics::VISITS),
            (fu.to_stage1, fu.stage1_delay_months, metrics::STAGE1),
            (fu.to_stage2, fu.stage2_delay_months, metrics::STAGE2),
            (fu.to_approval, fu.approval_delay_months, usize::MAX),
        ];
        self.months[m][metrics::ENQUIRIES] += enquiries as i64;
        for _ in 0..enquiries {
            // Each step is passed or not first; the enquiry's day, a step's delay and the
            // household's places are drawn only when something depends on them.
            let mut t = f64::NAN;
            let mut approved = true;
            for (p, delay, metric) in steps {
                if rs.funnel.uniform() >= (p * cm).min(1.0) {
                    approved = false;
                    break;
                }
                if t.is_nan() {
                    t = t0 + rs.funnel.uniform() * DAYS_PER_MONTH;
                }
                t += rs.funnel.exponential(delay * DAYS_PER_MONTH);
                if metric != usize::MAX {
                    self.count_at(t, metric);
                }
            }
            if approved && t < horizon_end {
                let places = Self::draw_places(&mut rs.funnel, &fu.new_places);
                let adolescent_draw = rs.funnel.uniform();
                let id = self.pending.len() as u32;
                self.pending.push(Pending {
                    places,
                    adolescent_draw,
                    plus: false,
                });
                self.queue.push(t, EventKind::Approval, id, 0);
            }
        }
        // Fostering Plus: extra adolescent households recruited directly.
        if e.extra_plus_households > 0.0 {
            let k = rs.levers.poisson(e.extra_plus_households);
            for _ in 0..k {
                let t = t0 + rs.levers.uniform() * DAYS_PER_MONTH;
                let places = Self::draw_places(&mut rs.levers, &fu.new_places);
                let id = self.pending.len() as u32;
                self.pending.push(Pending {
                    places,
                    adolescent_draw: 0.0,
                    plus: true,
                });
                self.queue.push(t, EventKind::Approval, id, 0);
            }
        }

        // Admissions: sibling groups drawn in a fixed pattern (common random numbers).
        let d = &model.scenario.demand;
        let groups = rs.admissions.poisson(e.group_rate);
        for _ in 0..groups {
            let t = t0 + rs.admissions.uniform() * DAYS_PER_MONTH;
            let u = rs.admissions.uniform();
            let size = model
                .group_size_cdf
                .iter()
                .position(|c| u < *c)
                .unwrap_or(model.group_size_cdf.len() - 1)
                + 1;
            let anchor = self.entry_age(&mut rs.admissions);
            let thin = rs.admissions.uniform();
            let first = self.specs.len() as u32;
            for k in 0..size {
                let age = if k == 0 {
                    anchor
                } else {
                    let spread = rs.admissions.uniform() * d.sibling_age_spread_years;
                    let younger = rs.admissions.uniform() < 0.7;
                    // anchor - spread or anchor + spread (exactly), without a branch on a
                    // random outcome.
                    let a = anchor + spread * if younger { -1.0 } else { 1.0 };
                    a.clamp(0.0, 17.9)
                };
                let complex =
                    rs.admissions.uniform() < d.complex_needs[AgeBand::of_age(age).index()];
                let with_parents = rs.admissions.uniform() < d.placed_with_parents_share;
                let (route, duration) = self.draw_route(&mut rs.exits, age);
                let (route, duration) = with_permanence(route, duration, age, e.permanence_mult);
                self.specs.push(ChildSpec {
                    age,
                    complex,
                    route,
                    duration,
                    with_parents,
                });
            }
            // Edge-of-care work prevents some admissions of young people aged 10+.
            if anchor >= 10.0 && thin >= e.edge_mult {
                self.specs.truncate(first as usize);
                continue;
            }
            let gid = self.groups.len() as u32;
            self.groups.push(Group {
                first,
                len: size as u32,
                month: m as u32,
            });
            self.queue.push(t, EventKind::GroupArrival, gid, 0);
        }

        // Step-down from residential to foster care.
        if e.step_down > 0.0 {
            let k = rs.levers.poisson(e.step_down);
            let mut done = 0;
            let mut i = 0;
            while done < k && i < self.active.len() {
                let id = self.active[i];
                i += 1;
                let c = &self.children[id as usize];
                if !c.place.kind().is_some_and(|t| t.is_residential())
                    || c.age_years(t0) > e.step_down_max_age as f64 + 0.999
                {
                    continue;
                }
                for t in [PlacementType::InHouseFoster, PlacementType::Ifa] {
                    let ask = self.ask(&[id], t0);
                    if let Some(p) = self.fits(t, ask, &mut rs.placement) {
                        self.assign(id, p, t0, true, rs);
                        done += 1;
                        break;
                    }
                }
            }
        }
    }

    fn count_at(&mut self, t: f64, metric: usize) {
        let m = (t / DAYS_PER_MONTH) as usize;
        if m < self.months.len() {
            self.months[m][metric] += 1;
        }
    }

    // ----- events ----------------------------------------------------------------------

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
            EventKind::AdoptionMove => {
                let c = &self.children[ev.id as usize];
                if c.in_care
                    && c.route == ExitRoute::Adoption
                    && c.place != Place::Market(PlacementType::PlacedForAdoption)
                {
                    self.assign(
                        ev.id,
                        Place::Market(PlacementType::PlacedForAdoption),
                        t,
                        true,
                        rs,
                    );
                }
            }
            EventKind::PlannedMove => self.planned_move(ev.id, ev.epoch(), t, rs),
            EventKind::HouseholdLeave => self.household_leaves(ev.id, t, rs),
            EventKind::StayingPutEnd => {
                let h = &mut self.households[ev.id as usize];
                if h.staying_put > 0 {
                    h.staying_put -= 1;
                    self.staying_put -= 1;
                }
                self.refresh_open(ev.id);
            }
            EventKind::Approval => {
                let p = self.pending[ev.id as usize].clone();
                let e = &self.model.months[self.month];
                let adolescent = p.plus || p.adolescent_draw < e.new_adolescent_share;
                let plus = p.plus || (adolescent && e.fee_uplift > 0.0);
                let budget = rs.carers.exponential(1.0);
                self.add_household(p.places, adolescent, plus, t, budget, self.month + 1);
                self.months[self.month][metrics::APPROVALS] += 1;
                self.cost[metrics::COST_RECRUITMENT] +=
                    self.model.scenario.costs.cost_per_approval * e.inflation;
            }
        }
    }

    /// A placement breaks down: the child is matched again. If it was placed for adoption,
    /// the adoption has disrupted: the plan ends, and the child's way out of care is drawn
    /// again from its age now among the other routes (a new adoption plan within the
    /// horizon is not modelled).
    fn breakdown(&mut self, id: u32, t: f64, rs: &mut Streams) {
        let pfa = Place::Market(PlacementType::PlacedForAdoption);
        let disrupted = self.children[id as usize].place == pfa;
        self.place_single(id, t, true, Place::Nowhere, rs);
        if !disrupted {
            return;
        }
        let age = self.children[id as usize].age_years(t);
        let band = AgeBand::of_age(age).index();
        let mut weights = self.model.scenario.exits.route_by_entry_age[band];
        weights[ExitRoute::Adoption.index()] = 0.0;
        let (route, stay) = if weights.iter().any(|w| *w > 0.0) {
            self.draw_route_with(&mut rs.exits, age, &weights)
        } else {
            (
                ExitRoute::Age18,
                (MAX_AGE_DAYS - age * DAYS_PER_YEAR).max(1.0),
            )
        };
        let (route, stay) = with_permanence(route, stay, age, self.perm_mult);
        let c = &mut self.children[id as usize];
        c.route = route;
        c.exit_at = t + stay;
        c.exit_epoch += 1;
        let epoch = c.exit_epoch;
        self.queue.push(t + stay, EventKind::Exit, id, epoch);
    }

    /// A child entering care (or in care at the start), with its exit scheduled.
    fn add_child(
        &mut self,
        birth: f64,
        complex: bool,
        route: ExitRoute,
        exit_at: f64,
        preferred: PlacementType,
    ) -> u32 {
        let id = self.children.len() as u32;
        self.children.push(Child {
            birth,
            complex,
            route,
            exit_at,
            exit_epoch: 0,
            place: Place::Nowhere,
            kind: None,
            place_epoch: 0,
            preferred,
            out_of_borough: false,
            recent: [f64::NEG_INFINITY; 3],
            plus: false,
            in_care: true,
            slot: self.active.len() as u32,
            group: NO_GROUP,
            gap_pref: None,
        });
        self.active.push(id);
        self.start_band(id);
        self.queue.push(exit_at, EventKind::Exit, id, 0);
        id
    }

    fn admit_group(&mut self, gid: u32, t: f64, rs: &mut Streams) {
        let g = self.groups[gid as usize];
        let pwp = PlacementType::PlacedWithParents;
        self.scratch.clear();
        let lead = self.model.scenario.exits.adoption_placement_lead_days;
        let group_first = self.children.len() as u32;
        for k in 0..g.len {
            let s = self.specs[(g.first + k) as usize];
            let id = self.add_child(
                t - s.age * DAYS_PER_YEAR,
                s.complex,
                s.route,
                t + s.duration,
                PlacementType::InHouseFoster,
            );
            self.children[id as usize].group = gid;
            if s.route == ExitRoute::Adoption && s.duration > lead {
                self.queue
                    .push(t + s.duration - lead, EventKind::AdoptionMove, id, 0);
            }
            self.months[g.month as usize][metrics::ADMISSIONS] += 1;
            // A child adopted sooner than a move to the adopters would come is placed with
            // them from the start (early permanence: an adoption order needs the child
            // living with the adopters).
            let early_adoption = s.route == ExitRoute::Adoption && s.duration <= lead;
            if s.with_parents || early_adoption {
                let kind = if early_adoption {
                    PlacementType::PlacedForAdoption
                } else {
                    pwp
                };
                self.children[id as usize].preferred = self
                    .model
                    .order(self.month, s.age, Needs::of(s.complex))
                    .first()
                    .copied()
                    .unwrap_or(kind);
                self.assign(id, Place::Market(kind), t, false, rs);
            } else {
                self.scratch.push(id);
            }
        }
        let ids = std::mem::take(&mut self.scratch);
        self.place_group(&ids, t, false, &[], rs);
        // Some first placements are short-term: the group moves on together later. The
        // group's children have consecutive ids from `group_first`.
        let st = &self.model.scenario.stability;
        if st.short_term_first_share > 0.0 && rs.breakdowns.uniform() < st.short_term_first_share {
            let when = t + rs.breakdowns.exponential(st.short_term_days);
            if !ids.is_empty() {
                self.queue
                    .push(when, EventKind::PlannedMove, group_first, g.len);
            }
        }
        self.scratch = ids;
    }

    /// The end of a short-term first placement: the children of the group (ids
    /// `first..first + len`) still in their first placement move on together.
    fn planned_move(&mut self, first: u32, len: u32, t: f64, rs: &mut Streams) {
        let mut ids = std::mem::take(&mut self.scratch);
        ids.clear();
        for id in first..first + len {
            let c = &self.children[id as usize];
            let first_placement = c.place_epoch == 1;
            let movable = !matches!(
                c.place,
                Place::Nowhere
                    | Place::Market(
                        PlacementType::PlacedWithParents
                            | PlacementType::PlacedForAdoption
                            | PlacementType::Emergency
                    )
            );
            if c.in_care && first_placement && movable {
                ids.push(id);
            }
        }
        // Where each child was: the group is not offered it again.
        let mut leaving = std::mem::take(&mut self.leaving_scratch);
        leaving.clear();
        for &id in &ids {
            leaving.push(self.children[id as usize].place);
            self.release(id, t);
        }
        if !ids.is_empty() {
            self.place_group(&ids, t, true, &leaving, rs);
        }
        self.scratch = ids;
        self.leaving_scratch = leaving;
    }

    fn exit(&mut self, id: u32, t: f64, route: ExitRoute, rs: &mut Streams) {
        let prev = self.children[id as usize].place;
        self.release(id, t);
        if let Some(k) = self.marks.get_mut(id as usize) {
            k.in_care = false;
        }
        let c = &mut self.children[id as usize];
        c.in_care = false;
        c.place = Place::Nowhere;
        c.kind = None;
        let slot = c.slot as usize;
        self.active.swap_remove(slot);
        if slot < self.active.len() {
            let moved = self.active[slot];
            self.children[moved as usize].slot = slot as u32;
        }
        let m = self.month;
        self.months[m][metrics::EXITS] += 1;
        self.months[m][metrics::EXITS_BY_ROUTE + route.index()] += 1;
        if route == ExitRoute::Age18 {
            if let Place::Household(h) = prev {
                let sp = &self.model.scenario.exits;
                if rs.exits.uniform() < sp.staying_put_share && self.households[h as usize].active {
                    self.households[h as usize].staying_put += 1;
                    self.staying_put += 1;
                    self.refresh_open(h);
                    self.queue.push(
                        t + sp.staying_put_months * DAYS_PER_MONTH,
                        EventKind::StayingPutEnd,
                        h,
                        0,
                    );
                }
            }
        }
    }

    fn household_leaves(&mut self, hid: u32, t: f64, rs: &mut Streams) {
        let h = &mut self.households[hid as usize];
        if !h.active {
            return;
        }
        h.active = false;
        self.staying_put -= h.staying_put as i64;
        self.household_places -= h.places as i64;
        h.staying_put = 0;
        let (kids, n) = (h.children, h.n as usize);
        self.refresh_open(hid);
        let kids = &kids[..n.min(kids.len())];
        self.active_households -= 1;
        self.months[self.month][metrics::DEREGISTRATIONS] += 1;
        if kids.is_empty() {
            return;
        }
        if rs.carers.uniform() < self.model.scenario.fostering.sgo_conversion_share {
            for &k in kids {
                self.exit(k, t, ExitRoute::SpecialGuardianship, rs);
            }
        } else {
            for &k in kids {
                self.release(k, t);
            }
            // Each sibling group is matched on its own: children who only shared carers are
            // not kept together (nor counted as split when they are not).
            let mut done = [false; 3];
            for i in 0..kids.len() {
                if done[i] {
                    continue;
                }
                let group = self.children[kids[i] as usize].group;
                let mut members = [0u32; 3];
                let mut len = 0;
                for j in i..kids.len() {
                    let same = j == i
                        || (group != NO_GROUP && self.children[kids[j] as usize].group == group);
                    if !done[j] && same {
                        done[j] = true;
                        members[len] = kids[j];
                        len += 1;
                    }
                }
                self.place_group(&members[..len], t, true, &[], rs);
            }
        }
    }

    // ----- placement -------------------------------------------------------------------

    /// A child joins (`delta` 1) or leaves (-1) its placement at `t`: the month-end counts
    /// (see `tally`) and the child-days of its cost categories (its own, and the fee uplift
    /// if any), in one pass over the child.
    #[inline(always)]
    fn occupy(&mut self, id: u32, t: f64, delta: i32) {
        let end = self.month_end;
        let Some(c) = self.children.get_mut(id as usize) else {
            return;
        };
        let Some(kind) = c.kind else { return };
        let Some(k) = self.marks.get_mut(id as usize) else {
            return;
        };
        let d = delta as i64;
        // Read before `gap` is written: a load of the band spanning a byte just stored
        // would wait for the store (no store-to-load forwarding across it).
        let band = k.band;
        if delta > 0 {
            c.gap_pref = tally::gap_of(c, kind);
            k.gap = c.gap_pref.is_some();
        }
        self.tally
            .count(kind, band, c.out_of_borough, c.gap_pref, d);
        let moved3 = k.moved3_lapses != tally::NOT_MOVED3;
        if delta < 0 {
            c.gap_pref = None;
            k.gap = false;
        }
        // The fee uplift is worked out on arrival and kept for the departure. Supported
        // places beyond the market's own limit are the ones a lever bought, priced at the
        // lever's rate: whoever arrives or leaves, as many children as the count exceeds the
        // limit by (the count includes this child both ways: `assign` books the place before
        // this, `release` after).
        if delta > 0 {
            c.plus = matches!(c.place, Place::Household(h) if self.households[h as usize].plus);
        }
        let plus = c.plus;
        // Chosen by a select: the kind of placement is as good as random.
        let lever = (kind == PlacementType::SupportedAccommodation)
            & (self.market_count[kind.index()] > self.model.supported_base_limit);
        let cat = if lever {
            CAT_SUPPORTED_LEVER
        } else {
            kind.index()
        };
        if delta > 0 {
            self.count_moved3(id);
        } else {
            self.uncount_moved3(id, moved3);
        }
        let days = delta as f64 * (end - t);
        self.occ[cat] = self.occ[cat].wrapping_add_signed(delta);
        self.child_days[cat] += days;
        if plus {
            self.occ[CAT_PLUS] = self.occ[CAT_PLUS].wrapping_add_signed(delta);
            self.child_days[CAT_PLUS] += days;
        }
    }

    /// Book the month's placement costs from the child-days of each category.
    fn book_costs(&mut self) {
        let e = &self.model.months[self.month];
        let w = &self.model.scenario.costs.weekly;
        for kind in PlacementType::ALL {
            let weekly = match kind {
                PlacementType::Ifa => w.ifa * e.ifa_price,
                PlacementType::ExternalResidential => w.external_residential * e.residential_price,
                k => w.get(k),
            };
            let mut cost = weekly * self.child_days[kind.index()];
            if kind == PlacementType::SupportedAccommodation {
                cost += e.supported_price * self.child_days[CAT_SUPPORTED_LEVER];
            }
            self.cost[metrics::COST_BY_TYPE + kind.index()] += cost * e.inflation / 7.0;
        }
        self.cost[metrics::COST_FEE_UPLIFT] +=
            e.fee_uplift * e.inflation * self.child_days[CAT_PLUS] / 7.0;
        // Next month starts with everyone in place for the whole month.
        for (d, n) in self.child_days.iter_mut().zip(self.occ) {
            *d = n as f64 * DAYS_PER_MONTH;
        }
    }

    /// Take a child out of its placement (booking its cost).
    fn release(&mut self, id: u32, t: f64) {
        self.occupy(id, t, -1);
        let place = self.children[id as usize].place;
        self.children[id as usize].place = Place::Nowhere;
        self.children[id as usize].kind = None;
        match place {
            Place::Household(h) => {
                self.households[h as usize].remove(id);
                self.refresh_open(h);
            }
            Place::Home(h) => self.homes[h as usize].occupied -= 1,
            Place::Market(k) => self.market_count[k.index()] -= 1,
            Place::Nowhere => {}
        }
    }

    /// Bring household `h`'s entry in the open list up to date after a change to its
    /// children, staying-put young people or status: listed exactly while it can take a
    /// child, with its current vacancies.
    #[inline]
    fn refresh_open(&mut self, h: u32) {
        let Some(hh) = self.households.get_mut(h as usize) else {
            return;
        };
        let v = hh.vacancies();
        let open = hh.active && !hh.leaving && v > 0;
        let at = hh.open_at;
        match (open, at == NOT_OPEN) {
            (true, true) => {
                hh.open_at = self.open_households.len() as u32;
                self.open_households.push(OpenHousehold {
                    id: h,
                    vacancies: v,
                    max_age: hh.max_age,
                    adolescent: hh.adolescent,
                });
            }
            (true, false) => {
                if let Some(o) = self.open_households.get_mut(at as usize) {
                    o.vacancies = v;
                }
            }
            (false, false) => {
                hh.open_at = NOT_OPEN;
                if (at as usize) < self.open_households.len() {
                    self.open_households.swap_remove(at as usize);
                }
                if let Some(moved) = self.open_households.get(at as usize) {
                    if let Some(m) = self.households.get_mut(moved.id as usize) {
                        m.open_at = at;
                    }
                }
            }
            (false, true) => {}
        }
    }

    /// What a placement must take for `ids` at `now`: computed once per match, then asked
    /// of each placement type in turn.
    fn ask(&self, ids: &[u32], now: f64) -> Ask {
        let mut ask = Ask {
            n: ids.len() as u32,
            oldest: 0.0,
            youngest: 18.0,
            complex: false,
            leaving: Place::Nowhere,
        };
        for &i in ids {
            let c = &self.children[i as usize];
            let a = c.age_years(now);
            ask.oldest = ask.oldest.max(a);
            ask.youngest = ask.youngest.min(a);
            ask.complex |= c.complex;
        }
        ask
    }

    /// Can placement type `t` take the children of `ask` together now? Returns where.
    #[inline(always)]
    fn fits(&mut self, t: PlacementType, ask: Ask, rng: &mut Stream) -> Option<Place> {
        let Ask {
            n,
            oldest,
            complex,
            leaving,
            ..
        } = ask;
        let m = self.month;
        let markets = &self.model.scenario.markets;
        match t {
            PlacementType::InHouseFoster => self.best_household(ask).map(Place::Household),
            PlacementType::InHouseResidential => {
                for (i, h) in self.homes.iter().enumerate() {
                    if h.open_month as usize <= m
                        && h.occupied + n <= h.usable
                        && ask.within(h.min_age, h.max_age)
                        && leaving != Place::Home(i as u32)
                    {
                        return Some(Place::Home(i as u32));
                    }
                }
                None
            }
            PlacementType::ConnectedPerson => rng
                .bernoulli(markets.connected_person_availability)
                .then_some(Place::Market(t)),
            PlacementType::Ifa
                if (complex
                    && oldest >= 11.0
                    && !rng.bernoulli(markets.ifa_complex_availability))
                    || (n > 1 && !rng.bernoulli(self.model.ifa_siblings_availability(n))) =>
            {
                None
            }
            PlacementType::Ifa
            | PlacementType::ExternalResidential
            | PlacementType::SupportedAccommodation => self.market_room(t, ask),
            // An emergency bed is found for one child at a time.
            PlacementType::Emergency => (n == 1).then_some(Place::Market(t)),
            PlacementType::PlacedWithParents | PlacementType::PlacedForAdoption => None,
        }
    }

    /// Does bought-in market `t` (agency fostering, independent homes, supported
    /// accommodation) have room for `ask`'s children, of their ages, this month?
    #[inline(always)]
    fn market_room(&self, t: PlacementType, ask: Ask) -> Option<Place> {
        let markets = &self.model.scenario.markets;
        let mk = match t {
            PlacementType::Ifa => &markets.ifa,
            PlacementType::ExternalResidential => &markets.external_residential,
            _ => &markets.supported_accommodation,
        };
        let limit = match t {
            PlacementType::SupportedAccommodation => self.model.months[self.month].supported_places,
            _ => mk.limit.unwrap_or(u32::MAX),
        };
        (ask.within(mk.min_age, mk.max_age)
            && self.market_count[t.index()].saturating_add(ask.n) <= limit)
            .then_some(Place::Market(t))
    }

    /// The open foster household for `ask`: the smallest vacancy that takes everyone, then
    /// the lowest id, so the choice does not depend on the order of the open list; never the
    /// household the children are leaving.
    fn best_household(&self, ask: Ask) -> Option<u32> {
        // Ages are whole years against a household's age limit: `oldest >= max_age + 1`
        // exactly when the whole years of `oldest` exceed `max_age`.
        let oldest_years = ask.oldest.max(0.0) as u32;
        let leaving = match ask.leaving {
            Place::Household(h) => h,
            _ => NOT_OPEN,
        };
        let mut best = u64::MAX;
        for o in &self.open_households {
            let takes = o.vacancies as u32 >= ask.n
                && oldest_years <= o.max_age as u32
                && (o.adolescent || !ask.complex)
                && o.id != leaving;
            let key = (o.vacancies as u64) << 32 | o.id as u64;
            if takes && key < best {
                best = key;
            }
        }
        (best != u64::MAX).then_some(best as u32)
    }

    /// Put a child in a placement at time `t`.
    fn assign(&mut self, id: u32, place: Place, t: f64, is_move: bool, rs: &mut Streams) {
        if self.children[id as usize].place != Place::Nowhere {
            self.release(id, t);
        }
        let Some(kind) = place.kind() else { return };
        let m = self.month;
        match place {
            Place::Household(h) => {
                let hh = &mut self.households[h as usize];
                hh.children[hh.n as usize] = id;
                hh.n += 1;
                self.refresh_open(h);
            }
            Place::Home(h) => self.homes[h as usize].occupied += 1,
            Place::Market(k) => self.market_count[k.index()] += 1,
            Place::Nowhere => {}
        }
        let oob = rs.placement.uniform() < self.model.out_of_borough[kind.index()];
        let c = &mut self.children[id as usize];
        let adolescent = c.age_years(t) >= 11.0;
        let base_hazard = self.model.breakdown[adolescent as usize][kind.index()];
        let year_ago = t - DAYS_PER_YEAR;
        // Capped at two earlier placements so the feedback cannot run away.
        let recent = (c.recent[0] >= year_ago) as usize + (c.recent[1] >= year_ago) as usize;
        let hazard = base_hazard * self.model.repeat_factor[recent];
        c.place = place;
        c.kind = Some(kind);
        c.place_epoch += 1;
        c.out_of_borough = oob;
        c.recent = [t, c.recent[0], c.recent[1]];
        let epoch = c.place_epoch;
        let exit_at = c.exit_at;
        self.occupy(id, t, 1);
        self.months[m][metrics::MOVES] += is_move as i64;
        if hazard > 0.0 {
            let b = t + rs.breakdowns.exponential(DAYS_PER_YEAR / hazard);
            self.queue
                .push_before(b, exit_at, EventKind::Breakdown, id, epoch);
        }
        if kind == PlacementType::Emergency {
            let r = t + self.model.scenario.matching.emergency_review_days;
            self.queue
                .push_before(r, exit_at, EventKind::EmergencyReview, id, epoch);
        }
    }

    /// Match one child along its preference order. A child moving on is not offered the
    /// placement it leaves: its current one, or `leaving` if it has been taken out already.
    fn place_single(&mut self, id: u32, t: f64, is_move: bool, leaving: Place, rs: &mut Streams) {
        let model = self.model;
        let age = self.children[id as usize].age_years(t);
        let current = self.children[id as usize].place;
        if is_move && current != Place::Nowhere {
            self.release(id, t);
        }
        let leaving = if current != Place::Nowhere {
            current
        } else {
            leaving
        };
        if is_move && self.escalates(id, age, t) {
            self.children[id as usize].complex = true;
        }
        let complex = self.children[id as usize].complex;
        let order = model.order(self.month, age, Needs::of(complex));
        let ask = Ask::one(age, complex, leaving);
        let mut place = Place::Market(PlacementType::Emergency);
        for &ty in order {
            if let Some(p) = self.fits(ty, ask, &mut rs.placement) {
                place = p;
                break;
            }
        }
        self.children[id as usize].preferred =
            order.first().copied().unwrap_or(PlacementType::Emergency);
        self.assign(id, place, t, is_move, rs);
    }

    /// Repeated breakdowns: a young person of `age` about to start a third placement within
    /// a year is matched as having complex needs from now on.
    #[inline(always)]
    fn escalates(&self, id: u32, age: f64, t: f64) -> bool {
        self.model.scenario.stability.escalate_after_repeat_moves
            && age >= 11.0
            && self.children[id as usize].recent[1] >= t - DAYS_PER_YEAR
    }

    /// An emergency placement's review: the child moves to the first placement along its
    /// order that can take it now; if none can, it stays in its emergency bed (not a move)
    /// and the next review is booked.
    fn review_emergency(&mut self, id: u32, t: f64, rs: &mut Streams) {
        let model = self.model;
        let c = &self.children[id as usize];
        let (age, leaving) = (c.age_years(t), c.place);
        // The needs it is matched with become its own only if the move happens.
        let complex = c.complex || self.escalates(id, age, t);
        let order = model.order(self.month, age, Needs::of(complex));
        let ask = Ask::one(age, complex, leaving);
        let emergency = PlacementType::Emergency;
        let mut place = None;
        for &ty in order.iter().filter(|&&ty| ty != emergency) {
            if let Some(p) = self.fits(ty, ask, &mut rs.placement) {
                place = Some(p);
                break;
            }
        }
        match place {
            Some(p) => {
                let c = &mut self.children[id as usize];
                c.complex = complex;
                c.preferred = order.first().copied().unwrap_or(emergency);
                self.assign(id, p, t, true, rs);
            }
            None => {
                let c = &self.children[id as usize];
                let r = t + model.scenario.matching.emergency_review_days;
                let (exit_at, epoch) = (c.exit_at, c.place_epoch);
                self.queue
                    .push_before(r, exit_at, EventKind::EmergencyReview, id, epoch);
            }
        }
    }

    /// Match a sibling group, keeping it together where the scenario asks and a placement
    /// can take everyone; otherwise place each child and count the split. `leaving` gives,
    /// child by child, the placement each has just left (empty if none): a child is not
    /// offered its own again, nor the group the first child's.
    fn place_group(
        &mut self,
        ids: &[u32],
        t: f64,
        is_move: bool,
        leaving: &[Place],
        rs: &mut Streams,
    ) {
        if ids.len() > 1 && self.model.scenario.matching.keep_siblings_together {
            let model = self.model;
            // Each child's preference order, once; the group is matched along the eldest's.
            let mut orders = std::mem::take(&mut self.orders_scratch);
            orders.clear();
            let mut eldest = 0;
            let mut eldest_age = f64::NEG_INFINITY;
            for (k, &i) in ids.iter().enumerate() {
                let age = self.children[i as usize].age_years(t);
                // The last of equal ages, as `Iterator::max_by` picks.
                if age.total_cmp(&eldest_age).is_ge() {
                    eldest = k;
                    eldest_age = age;
                }
                orders.push(model.order(
                    self.month,
                    age,
                    Needs::of(self.children[i as usize].complex),
                ));
            }
            let ask = Ask {
                leaving: leaving.first().copied().unwrap_or(Place::Nowhere),
                ..self.ask(ids, t)
            };
            // The types every child's order lists, as bits by type index.
            let common = orders.iter().fold(u32::MAX, |acc, o| {
                acc & o.iter().fold(0, |m, ty| m | 1 << ty.index())
            });
            let mut placed = None;
            for &ty in orders[eldest] {
                if common & 1 << ty.index() == 0 {
                    continue;
                }
                if let Some(p) = self.fits(ty, ask, &mut rs.placement) {
                    placed = Some(p);
                    break;
                }
            }
            if let Some(p) = placed {
                for (&i, o) in ids.iter().zip(&orders) {
                    self.children[i as usize].preferred = o[0];
                    self.assign(i, p, t, is_move, rs);
                }
            }
            self.orders_scratch = orders;
            if placed.is_some() {
                return;
            }
            // A group already apart (a planned move of siblings who were split when they
            // came into care) is not split again.
            if !leaving.windows(2).any(|w| w[0] != w[1]) {
                self.months[self.month][metrics::SPLITS] += 1;
            }
        }
        for (k, &i) in ids.iter().enumerate() {
            let left = leaving.get(k).copied().unwrap_or(Place::Nowhere);
            self.place_single(i, t, is_move, left, rs);
        }
    }

    // ----- month end -------------------------------------------------------------------

    fn end_month(&mut self, m: usize) {
        self.book_costs();
        let e = &self.model.months[m];
        let mut home_cost = 0.0;
        for h in &self.homes {
            if h.open_month as usize <= m {
                home_cost += h.weekly_cost * e.inflation * DAYS_PER_MONTH / 7.0;
            }
        }
        self.cost[metrics::COST_HOMES] += home_cost;

        self.run_checks(m);
        let row = &mut self.months[m];
        self.tally.write(row);
        let moved3 = self.tally.moved3;
        let in_care = row[metrics::IN_CARE];
        if in_care > 0 {
            row[metrics::MOVES3_SHARE] = (moved3 * 10_000 + in_care / 2) / in_care;
            let in_house = row[metrics::BY_TYPE + PlacementType::InHouseFoster.index()]
                + row[metrics::BY_TYPE + PlacementType::ConnectedPerson.index()]
                + row[metrics::BY_TYPE + PlacementType::InHouseResidential.index()];
            row[metrics::IN_HOUSE_SHARE] = (in_house * 10_000 + in_care / 2) / in_care;
        }
        // Households' places: every child placed in one fills one (a household holds no
        // more than its places, so the vacancies are what is left).
        let filled = self.tally.by_type[PlacementType::InHouseFoster.index()];
        row[metrics::HOUSEHOLDS] += self.active_households;
        row[metrics::PLACES] += self.household_places;
        row[metrics::FILLED] += filled;
        row[metrics::VACANT] += self.household_places - filled - self.staying_put;
        row[metrics::STAYING_PUT] += self.staying_put;
        for h in &self.homes {
            if h.open_month as usize <= m {
                row[metrics::RES_BEDS_FILLED] += h.occupied as i64;
                row[metrics::RES_BEDS_EMPTY] += (h.beds - h.occupied) as i64;
            }
        }
        let mut total = 0.0;
        for (r, c) in row[metrics::COST_BY_TYPE..]
            .iter_mut()
            .zip(&self.cost[metrics::COST_BY_TYPE..])
        {
            let v = c.max(0.0);
            *r = v.round() as i64;
            total += v;
        }
        row[metrics::COST] = total.round() as i64;
        self.cost = [0.0; metrics::COUNT];
    }

    fn close_years(&mut self) {
        let n = self.model.fin_year_labels.len();
        self.years.cost.clear();
        self.years.cost.resize(n, 0.0);
        self.years.budget.clear();
        self.years
            .budget
            .extend_from_slice(&self.model.fin_year_budget);
        for (m, row) in self.months.iter().enumerate() {
            self.years.cost[self.model.fin_year[m]] += row[metrics::COST] as f64;
        }
    }
}
