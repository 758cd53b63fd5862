//! The starting position of a run: foster households and the children already in care.
//! Each run draws its own starting children, independently, from its own stream: from the
//! stock tables of the model (`sim::stock`: age profile, time in care and remaining time
//! consistent with it, exactly) and the placement mix, or, for a scenario that lists its
//! children one by one, each listed child with a remaining time in care drawn consistently
//! with the time already spent. Every starting child has a placement history of the last
//! 12 months (a young person's walked through their years in care from the age of 11 with
//! the model's own rules, a younger child's drawn from the scenario's shares, fewer for a
//! child in care under a year, or a listed child's own count), which counts in the stability measure and, as for
//! the model's own children, in the risk of their current placement breaking down (from
//! when it began); a child still in the placement it came into care in may be in a
//! short-term one, its planned move to come; and the recruitment funnel starts full, with
//! the applicants of the months before the start still on their way.
//! The histories themselves are drawn in `start_history`.

use super::carers::FunnelSteps;
use super::start_mix::{StartMix, ADOLESCENT_HOUSEHOLDS, COLUMNS};
use super::*;
use crate::scenario::StartChild;

/// Start-up's state: the households with a vacancy while the starting stock is placed:
/// those taking adolescents and complex needs, and the others.
#[derive(Default)]
pub(super) struct Startup {
    pub open: [Vec<u32>; 2],
    /// The size-biased group sizes (`k` in proportion to `k` times the share of groups of
    /// `k`): running totals over sizes 1, 2, ..., and their sum (worked out once a run).
    pub biased: Vec<f64>,
    pub biased_total: f64,
    /// Days to the first review of the starting child being placed in an emergency bed
    /// (`start_child`), taken by `assign` when it books that review.
    pub first_review: Option<f64>,
    /// The households a starting group living together could move into
    /// (`group_start_household`).
    pub candidates: Vec<u32>,
    /// The starting children drawn, group after group, and the size of each group.
    drawn: Vec<Starter>,
    sizes: Vec<usize>,
    /// The starting mix being placed (`start_mix`), boxed so that taking it out for a run
    /// and putting it back moves a pointer, not its tables.
    mix: Option<Box<StartMix>>,
    /// Each starting group's weight of waiting in an emergency bed, and its first child
    /// (`choose_waiting`).
    pub waiting: Vec<f64>,
    pub firsts: Vec<usize>,
}

/// A starting child before placement.
#[derive(Clone, Copy, Debug)]
pub(super) struct Starter {
    pub age: f64,
    pub entry_band: usize,
    pub route: ExitRoute,
    /// Days in care so far, and to the exit.
    pub elapsed: f64,
    pub remaining: f64,
    /// Known from the borough's returns (listed children), else drawn.
    pub complex: Option<bool>,
    pub placement: Option<PlacementType>,
    pub moves: Option<u32>,
    /// The sibling group (`NO_GROUP` for a child on their own in care).
    pub group: u32,
    /// The starts of the current placement and the two before (`placement_starts`),
    /// drawn with the group (drawn children), else at placement.
    pub starts: Option<[f64; 3]>,
    /// The child's class in the starting mix's plan (`StartMix::class_of`; drawn children,
    /// once their needs are).
    pub class: Option<u8>,
    /// Complex needs that came through repeated moves (`walk_from_eleven`), not at entry.
    pub escalated: bool,
    /// The walk through their years in care left them waiting in an emergency bed at the
    /// start, found on the newest of `starts` (`walk_from_eleven`).
    pub in_bed: bool,
}

/// Months of applicants before the start whose progress through the funnel is simulated,
/// as a multiple of the funnel's mean delays added up (an applicant is then almost never
/// still on the way: under 1 in 500 for the built-in borough's delays), within bounds.
const PIPELINE_DELAYS: f64 = 5.0;
const PIPELINE_MONTHS: (usize, usize) = (12, 240);

impl<'m> Simulator<'m> {
    pub(super) fn start_up(&mut self, rng: &mut Stream, rs: &mut Streams) {
        let model = self.model;
        let sc = &model.scenario;
        let f = &sc.fostering;
        for _ in 0..f.households {
            let places = Self::draw_places(rng, &f.places);
            let adolescent = rng.bernoulli(f.adolescent_share);
            let approved = -rng.exponential(f.mean_tenure_years * DAYS_PER_YEAR);
            let budget = rng.exponential(1.0);
            // Every place is open to the starting children; the share held back is taken
            // from the places they leave vacant (`hold_back_places`).
            self.add_household(places, places, adolescent, false, approved, budget, 0);
        }
        self.fill_pipeline(rng);
        for (class, list) in self.startup.open.iter_mut().enumerate() {
            list.clear();
            let adolescent = class == 0;
            list.extend(
                (0..self.households.len() as u32)
                    .filter(|&h| self.households[h as usize].adolescent == adolescent),
            );
        }
        let listed = &sc.population.listed;
        let n = if listed.is_empty() {
            sc.population.children as usize
        } else {
            listed.len()
        };
        let mut mix = self.startup.mix.take().unwrap_or_default();
        if listed.is_empty() {
            let cdf = &model.group_size_cdf;
            let weight =
                |k: usize| (k + 1) as f64 * (cdf[k] - if k == 0 { 0.0 } else { cdf[k - 1] });
            self.startup.biased_total = (0..cdf.len()).map(weight).sum();
            self.startup.biased.clear();
            let mut acc = 0.0;
            for k in 0..cdf.len() {
                acc += weight(k);
                self.startup.biased.push(acc);
            }
            // The groups first, then their histories (which need the time in care of them
            // all: `draw_recent_moves`), then their placements.
            let mut drawn = std::mem::take(&mut self.startup.drawn);
            let mut sizes = std::mem::take(&mut self.startup.sizes);
            drawn.clear();
            sizes.clear();
            while drawn.len() < n {
                let at = drawn.len();
                self.draw_start_group(rng, n - at, &mut drawn);
                sizes.push(drawn.len() - at);
            }
            // Their needs first (a history may follow from them), from entry or through
            // repeated moves (`walk_from_eleven`).
            let complex = &sc.demand.complex_needs;
            for s in drawn.iter_mut() {
                let at_entry = rng.bernoulli(complex[s.entry_band]);
                s.complex = Some(at_entry);
                s.class = Some(StartMix::class_of(s.age, at_entry, false));
            }
            // The breakdown rates by needs, from the starting mix's plan for them.
            let hazard = self.start_hazards(&drawn, &mut mix);
            for s in drawn.iter_mut() {
                let at_entry = s.complex == Some(true);
                let walked = self.walk_from_eleven(s, at_entry, hazard, rng);
                let escalated = walked.as_ref().is_some_and(|w| w.escalated);
                s.in_bed = walked.as_ref().is_some_and(|w| w.in_bed);
                s.complex = Some(at_entry || escalated);
                s.starts = walked.map(|w| w.starts);
                s.escalated = escalated;
            }
            // Then the groups' histories: the walk's, for a group with a young person of 11
            // or over (the eldest walked first), else drawn from the scenario's shares, those
            // of 3+ placements made up to the scenario's share over all the children.
            let three = |st: &[f64; 3]| st[1] >= -DAYS_PER_YEAR && st[2].is_finite();
            let (mut walked, mut forced3, mut others) = (0usize, 0.0, 0.0);
            let windows: f64 = drawn.iter().map(|s| Self::window_share(s.elapsed)).sum();
            let mean_window = windows / drawn.len().max(1) as f64;
            let mut at = 0;
            for &size in &sizes {
                let g = &drawn[at..at + size];
                at += size;
                match g.iter().find_map(|s| s.starts) {
                    Some(st) => {
                        walked += size;
                        forced3 += if three(&st) { size as f64 } else { 0.0 };
                    }
                    None => others += size as f64 * Self::window_share(g[0].elapsed) / mean_window,
                }
            }
            let share = sc.population.three_placements_share;
            let scale = if others > 0.0 && share > 0.0 {
                ((share * drawn.len() as f64 - forced3) / (share * others)).max(0.0)
            } else {
                1.0
            };
            debug_assert!(walked <= drawn.len());
            // The starting mix's children in emergency beds: first those the walk left
            // waiting in one (on their own in care), then others chosen (`choose_waiting`).
            let waiting = self.mix_counts(n as f64)[PlacementType::Emergency.index()];
            let mut in_beds = 0usize;
            let mut at = 0;
            for &size in &sizes {
                let g = &mut drawn[at..at + size];
                at += size;
                // One placement history for the group (they came in on one day, and move
                // together while they live together: `start_group`).
                let starts = match g.iter().find_map(|s| s.starts) {
                    Some(st) => st,
                    None => {
                        let elapsed = g[0].elapsed;
                        let window = Self::window_share(elapsed) / mean_window;
                        let moves = self.draw_recent_moves(rng, window * scale, window);
                        Self::placement_starts(elapsed, moves, rng)
                    }
                };
                if size == 1 && g[0].in_bed && ((in_beds + 1) as f64) <= waiting {
                    let s = &mut g[0];
                    if !self.with_adopters(s) {
                        s.placement = Some(PlacementType::Emergency);
                        in_beds += 1;
                    }
                }
                for s in g.iter_mut() {
                    s.starts = Some(starts);
                    // Their class in the plan of the starting mix, by their age when the
                    // placement began.
                    let then = s.age + starts[0].min(0.0) / DAYS_PER_YEAR;
                    let complex = s.complex == Some(true);
                    s.class = if s.placement == Some(PlacementType::Emergency) {
                        None
                    } else {
                        Some(StartMix::class_of(then, complex, s.escalated))
                    };
                }
            }
            // The others waiting in emergency beds, then the plan for the rest.
            self.choose_waiting(&mut drawn, &sizes, waiting - in_beds as f64, hazard, rng);
            self.plan_start_mix(&drawn, &mut mix);
            let mut at = 0;
            for &size in &sizes {
                let g = &mut drawn[at..at + size];
                at += size;
                let first = self.children.len() as u32;
                self.start_group(g, &mut mix, rng, rs);
                self.book_short_term(first, rng);
            }
            self.startup.drawn = drawn;
            self.startup.sizes = sizes;
        } else {
            // Listed children: the returns say nothing of their brothers and sisters, so
            // each is on their own (no sibling group); each is where the returns say.
            mix.remaining = self.mix_counts(n as f64);
            for child in listed {
                let starter = self.listed_starter(child, rng);
                let first = self.children.len() as u32;
                self.start_child(&starter, None, &mut mix, rng, rs);
                self.book_short_term(first, rng);
            }
        }
        self.startup.mix = Some(mix);
        self.hold_back_places(rng);
    }

    /// The starting households' places that cannot be used for a full-time placement
    /// (respite, a break, a child who cannot join those there): the scenario's share of all
    /// places, taken at random from those the starting children left vacant (where the
    /// vacancies are, at the start), as far as there are enough.
    fn hold_back_places(&mut self, rng: &mut Stream) {
        let share = 1.0 - self.model.scenario.fostering.usable_place_share;
        if share <= 0.0 {
            return;
        }
        let places: i64 = self.households.iter().map(|h| h.places as i64).sum();
        let vacant: i64 = self.households.iter().map(|h| h.vacancies() as i64).sum();
        if vacant == 0 {
            return;
        }
        let q = (share * places as f64 / vacant as f64).min(1.0);
        for h in 0..self.households.len() {
            let v = self.households[h].vacancies();
            let held = (0..v).filter(|_| rng.bernoulli(q)).count() as u8;
            if held > 0 {
                self.households[h].places -= held;
                self.households.places -= held as i64;
                self.turnover.unusable[h] += held;
                self.turnover.unusable_total += held as i64;
                self.households.refresh_open(h as u32);
            }
        }
    }

    /// A listed child: their route and remaining stay drawn given the time already spent.
    fn listed_starter(&self, child: &StartChild, rng: &mut Stream) -> Starter {
        let elapsed = child.months_in_care * DAYS_PER_MONTH;
        let (route, remaining) =
            self.model
                .stock
                .remaining(child.entry_age_years, child.age_years, elapsed, rng);
        Starter {
            age: child.age_years,
            entry_band: AgeBand::of_age(child.entry_age_years).index(),
            route,
            elapsed,
            remaining,
            complex: Some(child.complex_needs),
            placement: Some(child.placement),
            moves: Some(child.moves_last_12_months),
            group: NO_GROUP,
            starts: None,
            class: None,
            escalated: false,
            in_bed: false,
        }
    }

    /// The applicants of the months before the start still in the funnel: each month's
    /// enquiries at the scenario's own rates, followed as `recruit` follows them, keeping
    /// only what happens from the start on (approvals, and the stages reached).
    fn fill_pipeline(&mut self, rng: &mut Stream) {
        let fu = &self.model.scenario.fostering.funnel;
        // Only enquiries that go on to a visit matter: drawn as such (a thinned Poisson).
        let visits = fu.enquiries_per_month * fu.to_visit.min(1.0);
        let delays = fu.visit_delay_months
            + fu.stage1_delay_months
            + fu.stage2_delay_months
            + fu.approval_delay_months;
        let months = ((delays * PIPELINE_DELAYS).ceil() as usize)
            .clamp(PIPELINE_MONTHS.0, PIPELINE_MONTHS.1);
        let steps = FunnelSteps::new(self.model, 1.0);
        for k in 1..=months {
            let t0 = -(k as f64) * DAYS_PER_MONTH;
            for _ in 0..rng.poisson(visits) {
                self.follow_enquiry(t0, &steps, 1, rng);
            }
        }
    }

    /// One starting child: in care, placed (in their listed placement, or one drawn from
    /// what is left of the starting mix where they fit), with their exit scheduled.
    pub(super) fn start_child(
        &mut self,
        c: &Starter,
        join: Option<Place>,
        mix: &mut StartMix,
        rng: &mut Stream,
        rs: &mut Streams,
    ) -> Option<Place> {
        let model = self.model;
        let sc = &model.scenario;
        let lead = sc.exits.adoption_placement_lead_days;
        let complex = match c.complex {
            Some(known) => known,
            None => rng.bernoulli(sc.demand.complex_needs[c.entry_band]),
        };
        let exit_at = c.remaining.max(0.5);
        let preferred = model
            .order(0, c.age, Needs::of(complex))
            .first()
            .copied()
            .unwrap_or(PlacementType::Emergency);
        let id = self.add_child(-c.age * DAYS_PER_YEAR, complex, c.route, exit_at, preferred);
        self.join_group(id, c.group);
        if let Some(h) = &mut self.history {
            h.admitted(
                id,
                -c.elapsed,
                -c.age * DAYS_PER_YEAR,
                (c.group != NO_GROUP).then_some(c.group),
            );
        }
        // When the current placement began (and the two before it): drawn first, as where
        // the child can be living depends on their age then (a foster household takes a
        // child of the ages it is approved for, who may have grown older there since).
        let starts = match c.starts {
            Some(s) => s,
            None => {
                let moves = match c.moves {
                    Some(m) => m,
                    None => self.draw_recent_moves(rng, 1.0, 1.0),
                };
                Self::placement_starts(c.elapsed, moves, rng)
            }
        };
        let since = starts[0].min(0.0);
        let adoption = PlacementType::PlacedForAdoption.index();
        // A child whose adoption is due sooner than the move to the adopters would come is
        // already living with them (an adoption order needs that), starting mix or not.
        // Only while the starting mix still has children of that type to place, so
        // groups living together do not inflate it.
        let joined = match join {
            Some(p)
                if !(c.route == ExitRoute::Adoption && exit_at <= lead)
                    && self
                        .mix_column(p)
                        .is_some_and(|col| mix.remaining[col] > 0.0) =>
            {
                self.join_start_place(p, id, since)
            }
            _ => None,
        };
        let place = if c.route == ExitRoute::Adoption && exit_at <= lead {
            Some(Place::Market(PlacementType::PlacedForAdoption))
        } else if joined.is_some() {
            joined
        } else if let Some(t) = c.placement {
            // A listed child is where the returns say, if there is room there.
            match t {
                PlacementType::PlacedForAdoption => Some(Place::Market(t)),
                _ => self.find_start_place(t, id, since, rng),
            }
        } else if let Some(class) = c.class {
            // A type drawn by the plan of the child's class (`StartMix::weight`), until one
            // has room for them.
            let mut w: [f64; COLUMNS] = mix.weights(class);
            w[adoption] = 0.0;
            let mut chosen = None;
            while w.iter().any(|x| *x > 0.0) {
                let col = rng.categorical(&w);
                let found = match col {
                    ADOLESCENT_HOUSEHOLDS => self.start_household(id, since, [true, false], rng),
                    _ if col == PlacementType::InHouseFoster.index() => {
                        self.start_household(id, since, [false, true], rng)
                    }
                    _ => self.find_start_place(PlacementType::ALL[col], id, since, rng),
                };
                if found.is_some() {
                    chosen = found;
                    break;
                }
                w[col] = 0.0;
            }
            chosen
        } else {
            None
        };
        // The placements before this one, as a placement's start sees them (the risk of its
        // breakdown rises with recent moves).
        self.children[id as usize].recent = [starts[1], starts[2], f64::NEG_INFINITY];
        // A child in an emergency bed is reviewed every `emergency_review_days` since the
        // bed was found, so its next review comes at a time uniform over one interval (the
        // reviews of the children waiting at the start are spread out, not all due at the
        // end of the first one). Taken by `assign` if the child is placed in one.
        let interval = sc.matching.emergency_review_days;
        let mut first_review = rng.uniform_open0() * interval;
        if c.placement == Some(PlacementType::Emergency) && since < 0.0 && interval > 0.0 {
            // One chosen to wait in an emergency bed (`choose_waiting`) since `since`: the
            // review at the end of the interval they are in.
            first_review = since + interval * (-since / interval).ceil();
            if first_review <= 0.0 {
                first_review += interval;
            }
        }
        self.startup.first_review = Some(first_review);
        let with_adopters = c.route == ExitRoute::Adoption && exit_at <= lead;
        let col = place.and_then(|p| self.mix_column(p));
        mix.placed(c.class.filter(|_| !with_adopters), col);
        match place {
            // Its breakdown hazard as given when it began (`assign_since`).
            Some(p) => self.assign_since(id, p, 0.0, since, false, rs),
            None => self.place_single(id, 0.0, false, Place::Nowhere, rs),
        }
        self.startup.first_review = None;
        // The current placement's own start (the placement took the start of the run); the
        // two before it are as the placement (if any) counted its 3+ moves flag with (`moved3_at`
        // reads those two only), so the flag and its lapse stand as counted.
        debug_assert!({
            let c = &self.children[id as usize];
            c.place == Place::Nowhere || c.recent[1..] == starts[1..]
        });
        self.children[id as usize].recent = starts;
        if c.route == ExitRoute::Adoption && exit_at > lead {
            self.queue
                .push(exit_at - lead, EventKind::AdoptionMove, id, 0);
        }
        place
    }

    /// Would a household of the standard kind (approved for children up to
    /// `fostering.standard_max_age`, not for adolescents or complex needs) take a child of
    /// `age` years, with complex needs or not? (One taking adolescents takes any.)
    pub(super) fn standard_takes(&self, age: f64, complex: bool) -> bool {
        !complex && age < f64::from(self.model.scenario.fostering.standard_max_age) + 1.0
    }

    /// A household for starting child `child` alone, with a vacancy and fitting them, drawn
    /// uniformly from those of the kinds `lists` allows (those taking adolescents and
    /// complex needs, those of the standard kind: `Startup::open`). The child's age is taken
    /// when the placement began (`since`): a household keeps a child who has grown older
    /// with it, as the model's own households do.
    pub(super) fn start_household(
        &mut self,
        child: u32,
        since: f64,
        lists: [bool; 2],
        rng: &mut Stream,
    ) -> Option<Place> {
        let c = &self.children[child as usize];
        let std_fits = lists[1] && self.standard_takes(c.age_years(since), c.complex);
        loop {
            let [ado, std] = &self.startup.open;
            let ado_len = if lists[0] { ado.len() } else { 0 };
            let count = ado_len + if std_fits { std.len() } else { 0 };
            if count == 0 {
                return None;
            }
            let k = ((rng.uniform() * count as f64) as i64 as usize).min(count - 1);
            let (class, k) = if k < ado_len {
                (0, k)
            } else {
                (1, k - ado_len)
            };
            let list = &mut self.startup.open[class];
            let h = list[k];
            let v = self.households[h as usize].vacancies();
            // Full once this child moves in (or already filled by another route): no
            // longer listed.
            if v <= 1 {
                list.swap_remove(k);
            }
            if v >= 1 {
                return Some(Place::Household(h));
            }
        }
    }

    /// A place of type `t` for starting child `child` alone, if there is room.
    pub(super) fn find_start_place(
        &mut self,
        t: PlacementType,
        child: u32,
        since: f64,
        rng: &mut Stream,
    ) -> Option<Place> {
        if t == PlacementType::InHouseFoster {
            let c = &self.children[child as usize];
            let std_fits = self.standard_takes(c.age_years(since), c.complex);
            return self.start_household(child, since, [true, std_fits], rng);
        }
        // A child already living with family or friends, or with an agency's carers, is
        // there: the chances of finding such a carer for a new placement do not apply (the
        // agencies' limit and age range do).
        match t {
            PlacementType::PlacedWithParents | PlacementType::ConnectedPerson => {
                Some(Place::Market(t))
            }
            PlacementType::PlacedForAdoption => None,
            PlacementType::Ifa
            | PlacementType::ExternalResidential
            | PlacementType::SupportedAccommodation => self.market_room(t, self.ask(&[child], 0.0)),
            _ => {
                let ask = self.ask(&[child], 0.0);
                self.fits(t, ask, rng)
            }
        }
    }
}
