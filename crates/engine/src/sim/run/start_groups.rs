//! The sibling groups of the children in care at the start: drawn as the admissions'
//! sibling process leaves them in care (`draw_start_group`), together or apart as the
//! matches of their placement history kept them (`start_keep`), and a group living together
//! placed in one placement of the starting mix with room for them all
//! (`find_group_start_place`).

use super::start_mix::{StartMix, ADOLESCENT_HOUSEHOLDS, COLUMNS};
use super::startup::Starter;
use super::*;

impl<'m> Simulator<'m> {
    /// One sibling group of the starting stock, appended to `drawn` (at most `room` children),
    /// as the admissions' sibling process leaves them in care: a child of the stock, the
    /// size of the group they came in with (a child is in a group of `k` in proportion to
    /// `k` times the share of groups of `k`, `demand.group_size`), and each brother or
    /// sister with an entry age as admissions draw it (`demand.sibling_age_spread_years`
    /// from the first, younger seven times in ten), the same entry day, and a route and
    /// stay drawn as at entry: still in care if that stay outlasts the time spent (the
    /// rest of it to go). A group with `j` children in care is kept with probability
    /// `1 / j` (it could have been reached through any of them), so groups, not children,
    /// come in their steady proportions. The group's placement history is drawn once all
    /// the groups are (`start_up`).
    pub(super) fn draw_start_group(&self, rng: &mut Stream, room: usize, drawn: &mut Vec<Starter>) {
        let model = self.model;
        let d = &model.scenario.demand;
        let biased = &self.startup.biased;
        let at = drawn.len();
        loop {
            drawn.truncate(at);
            let c = model.stock.draw(rng);
            // The size, size-biased: inversion over k * p_k / mean.
            let u = rng.uniform() * self.startup.biased_total;
            let size = biased
                .iter()
                .position(|&acc| u < acc)
                .map_or(biased.len(), |k| k + 1);
            drawn.push(Starter {
                age: c.age,
                entry_band: AgeBand::of_age(c.entry_age).index(),
                route: c.route,
                elapsed: c.elapsed,
                remaining: c.remaining,
                complex: None,
                placement: None,
                moves: None,
                group: NO_GROUP,
                starts: None,
                class: None,
                escalated: false,
                in_bed: false,
            });
            for _ in 1..size {
                let spread = rng.uniform() * d.sibling_age_spread_years;
                let younger = rng.uniform() < 0.7;
                let entry =
                    (c.entry_age + spread * if younger { -1.0 } else { 1.0 }).clamp(0.0, 17.9);
                let (route, duration) = self.draw_route(rng, entry);
                if duration > c.elapsed {
                    drawn.push(Starter {
                        age: entry + c.elapsed / DAYS_PER_YEAR,
                        entry_band: AgeBand::of_age(entry).index(),
                        route,
                        elapsed: c.elapsed,
                        remaining: duration - c.elapsed,
                        ..drawn[at]
                    });
                }
            }
            if rng.uniform() * ((drawn.len() - at) as f64) < 1.0 {
                break;
            }
        }
        drawn.truncate(at + room.max(1));
    }

    /// A starting sibling group, placed: together where every match of its history kept
    /// it together (`start_keep`), in one placement from the starting mix with room for
    /// them all (`find_group_start_place`; if there is none, the group is apart: about 1
    /// in 25 of the groups drawn together on the built-in borough, mostly among the last
    /// placed, when little of the mix is left), else each child from the starting mix. A
    /// group of two or more gets a sibling group id, registered with its first placement
    /// as an admitted group's is.
    pub(super) fn start_group(
        &mut self,
        group: &mut [Starter],
        mix: &mut StartMix,
        rng: &mut Stream,
        rs: &mut Streams,
    ) {
        let gid = if group.len() > 1 {
            self.admissions.start_group()
        } else {
            NO_GROUP
        };
        let Some(first) = group.first() else { return };
        let starts = first.starts;
        let together = group.len() > 1 && rng.uniform() < self.start_keep(group);
        // The children's needs, known before the group's placement is chosen (a household
        // takes a child with complex needs only if it takes adolescents).
        let complex = &self.model.scenario.demand.complex_needs;
        for s in group.iter_mut() {
            s.group = gid;
            s.starts = starts;
            if s.complex.is_none() {
                s.complex = Some(rng.bernoulli(complex[s.entry_band]));
            }
        }
        // Those who move in first: one whose adoption is due sooner than the move to the
        // adopters would come already lives with them (`start_child`), and placed between
        // two of the others would part them (`placement_unit`).
        let adopted = |s: &Starter| self.with_adopters(s);
        group.sort_by_key(adopted);
        let shared = if together {
            self.find_group_start_place(group, mix, rng)
        } else {
            None
        };
        for s in group.iter() {
            self.start_child(s, shared, mix, rng, rs);
        }
    }

    /// The chance that a starting sibling group lives together: that its match on entry
    /// and the match of each later move of its placement history (`placement_starts`: the
    /// starts after its entry) kept it together.
    ///
    /// The group came into care on one day and, as breakdowns and planned moves move
    /// brothers and sisters who live together as a group (`moves`), it shares one placement
    /// history. Each match keeps it together as the matching does for a group an agency
    /// foster home takes: a place found in time for its eldest, and one that takes a group
    /// of its size (`markets.ifa.found_in_time`, `adolescent_found_factor`,
    /// `ifa_sibling_availability`). Modelling assumptions: every match of a group, on entry
    /// or on a later move, keeps it together with that one chance (the agency market is
    /// where most groups are placed); and a group drawn apart is placed child by child from
    /// the starting mix, so brothers and sisters who land one after the other in the same
    /// kind of bought-in placement, or in the same home, are counted as living together (as
    /// the matching's other placements, which this chance leaves out, would have kept some
    /// of them). With both, 46% of the starting groups live apart against the 47-48% of the
    /// model's later years, and `tests/transients.rs` checks the starting level against the
    /// later path. Counting only the entry match (as before) left 33% apart at the start,
    /// still rising after five years; placing the groups drawn apart always apart left
    /// 57%, falling over seven.
    fn start_keep(&self, group: &[Starter]) -> f64 {
        let eldest = group.iter().map(|s| s.age).fold(0.0, f64::max);
        // The matches: the entry's, and one for each placement start of the history after
        // the entry (a day or more after it).
        let Some(first) = group.first() else {
            return 1.0;
        };
        let entry = -first.elapsed + 1.0;
        let moves = first
            .starts
            .map_or(0, |s| s.iter().filter(|&&t| t > entry).count());
        // Compiled with the model for the group sizes drawn (`StartTables::keep`).
        if let Some(k) = self.model.start.keep.get(group.len()) {
            return k[(eldest >= 11.0) as usize][moves];
        }
        Self::keep_chance(self, group.len(), eldest, moves)
    }

    /// `start_keep` for a group of `n` whose eldest is `eldest` years old, after `moves`
    /// moves (at most 3) since its entry.
    pub(super) fn keep_chance(&self, n: usize, eldest: f64, moves: usize) -> f64 {
        let found = self.found_in_time_chance(PlacementType::Ifa, eldest);
        let keep = found.min(1.0) * self.model.ifa_siblings_availability(n as u32);
        libm::pow(keep, (1 + moves) as f64)
    }

    /// A placement for a starting sibling group living together: of a type drawn from what
    /// is left of the starting mix (by what is left of each), one with room for every child
    /// who is not placed for adoption, that takes each of them, while the mix has that many
    /// children of its type left. `None` (the group is placed apart) if no type has one.
    fn find_group_start_place(
        &mut self,
        group: &[Starter],
        mix: &StartMix,
        rng: &mut Stream,
    ) -> Option<Place> {
        // The children who move in (not those living with their adopters).
        let movers = || group.iter().filter(|s| !self.with_adopters(s));
        let n = movers().count();
        if n < 2 {
            return None;
        }
        let ask = Ask {
            n: n as u32,
            oldest: movers().map(|s| s.age).fold(0.0, f64::max),
            youngest: movers().map(|s| s.age).fold(18.0, f64::min),
            complex: movers().any(|s| s.complex == Some(true)),
            leaving: Place::Nowhere,
        };
        // Each type by the children's plans (`StartMix::weight`) added up, none that one of
        // them cannot be in, and only while the mix has room for them all.
        let mut w = [0.0; COLUMNS];
        for (col, x) in w.iter_mut().enumerate() {
            // An emergency bed is for one child; adoption follows a child's plan.
            let shared = !matches!(
                PlacementType::ALL.get(col),
                Some(PlacementType::Emergency | PlacementType::PlacedForAdoption)
            );
            if !shared || mix.remaining[col] <= (n - 1) as f64 {
                continue;
            }
            for s in movers() {
                let v = s.class.map_or(0.0, |c| mix.weight(c, col));
                if v <= 0.0 {
                    *x = 0.0;
                    break;
                }
                *x += v;
            }
        }
        while w.iter().any(|x| *x > 0.0) {
            let col = rng.categorical(&w);
            let t = PlacementType::ALL[col.min(PlacementType::COUNT - 1)];
            let lists = [col == ADOLESCENT_HOUSEHOLDS, col != ADOLESCENT_HOUSEHOLDS];
            let t = if col == ADOLESCENT_HOUSEHOLDS {
                PlacementType::InHouseFoster
            } else {
                t
            };
            let place = match t {
                PlacementType::InHouseFoster => {
                    // By the eldest's age when the placement began, as for a child alone.
                    let since = group[0].starts.map_or(0.0, |s| s[0].min(0.0));
                    let then = Ask {
                        oldest: ask.oldest + since / DAYS_PER_YEAR,
                        ..ask
                    };
                    let mut candidates = std::mem::take(&mut self.startup.candidates);
                    let place = self.group_start_household(then, lists, rng, &mut candidates);
                    self.startup.candidates = candidates;
                    place
                }
                PlacementType::InHouseResidential => self.fits(t, ask, rng),
                PlacementType::Ifa
                | PlacementType::ExternalResidential
                | PlacementType::SupportedAccommodation => self.market_room(t, ask),
                _ => Some(Place::Market(t)),
            };
            if place.is_some() {
                return place;
            }
            w[col] = 0.0;
        }
        None
    }

    /// Does starting child `s` already live with their adopters (their adoption due sooner
    /// than the move to the adopters would come, as `start_child` places them)?
    pub(super) fn with_adopters(&self, s: &Starter) -> bool {
        let lead = self.model.scenario.exits.adoption_placement_lead_days;
        s.route == ExitRoute::Adoption && s.remaining.max(0.5) <= lead
    }

    /// A starting household with room for the children of `ask` that takes each of them,
    /// of the kinds `lists` allows (one taking adolescents and complex needs; one of the
    /// standard kind, for children it can take), drawn uniformly from those (listed in one
    /// pass into `candidates`).
    fn group_start_household(
        &self,
        ask: Ask,
        lists: [bool; 2],
        rng: &mut Stream,
        candidates: &mut Vec<u32>,
    ) -> Option<Place> {
        let std_fits = lists[1] && self.standard_takes(ask.oldest, ask.complex);
        let [ado, std] = &self.startup.open;
        let lists: &[&Vec<u32>] = match (lists[0], std_fits) {
            (true, true) => &[ado, std],
            (true, false) => &[ado],
            (false, true) => &[std],
            (false, false) => &[],
        };
        let room = |h: &&u32| self.households[**h as usize].vacancies() as u32 >= ask.n;
        candidates.clear();
        candidates.extend(lists.iter().flat_map(|l| l.iter().filter(room)));
        let count = candidates.len();
        if count == 0 {
            return None;
        }
        let k = ((rng.uniform() * count as f64) as i64 as usize).min(count - 1);
        candidates.get(k).map(|&h| Place::Household(h))
    }

    /// The place `p` of a starting sibling group living together (`find_group_start_place`),
    /// for starting child `id`, if it has room for them: a household with a vacancy that
    /// takes them, one of the council's children's homes with a bed for their age, a
    /// bought-in placement with room, or their family or friends (brothers and sisters
    /// placed with parents or with a connected person live there together).
    /// A household takes them by their age when the placement began (`since`), as
    /// `find_start_place` does for a child on their own.
    pub(super) fn join_start_place(&mut self, p: Place, id: u32, since: f64) -> Option<Place> {
        match p {
            Place::Household(h) => {
                let hh = &self.households[h as usize];
                let c = &self.children[id as usize];
                let fits = hh.adolescent || self.standard_takes(c.age_years(since), c.complex);
                (hh.vacancies() >= 1 && fits).then_some(p)
            }
            Place::Home(h) => {
                let home = &self.capacity.homes[h as usize];
                let ask = self.ask(&[id], 0.0);
                (home.occupied < home.usable && ask.within(home.min_age, home.max_age)).then_some(p)
            }
            Place::Market(
                t @ (PlacementType::Ifa
                | PlacementType::ExternalResidential
                | PlacementType::SupportedAccommodation),
            ) => self.market_room(t, self.ask(&[id], 0.0)).map(|_| p),
            Place::Market(PlacementType::ConnectedPerson | PlacementType::PlacedWithParents) => {
                Some(p)
            }
            _ => None,
        }
    }
}
