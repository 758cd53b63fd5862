//! Admissions: sibling groups drawn each month (a compound Poisson process, in a fixed
//! pattern of draws so that scenarios share them), thinned by edge-of-care work, and each
//! group's arrival: its children enter care and are matched together.

use super::*;

/// A child drawn at admission, before placement.
#[derive(Clone, Copy, Debug)]
pub(super) struct ChildSpec {
    age: f64,
    complex: bool,
    route: ExitRoute,
    duration: f64,
    with_parents: bool,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Group {
    first: u32,
    len: u32,
    month: u32,
}

/// What admissions keep during a run: the children drawn for each sibling group before it
/// arrives, and the groups.
#[derive(Default)]
pub(super) struct Admissions {
    pub specs: Vec<ChildSpec>,
    pub groups: Vec<Group>,
}

impl Admissions {
    pub fn clear(&mut self) {
        self.specs.clear();
        self.groups.clear();
    }

    /// A sibling group id for a group of the starting stock (no children to admit: they
    /// are placed at the start), from the ids admitted groups take, so none is shared.
    pub fn start_group(&mut self) -> u32 {
        let gid = self.groups.len() as u32;
        self.groups.push(Group {
            first: self.specs.len() as u32,
            len: 0,
            month: 0,
        });
        gid
    }
}

impl<'m> Simulator<'m> {
    /// Month `m`'s sibling groups: drawn now, each arriving on its day.
    pub(super) fn admit(&mut self, m: usize, rs: &mut Streams) {
        let model = self.model;
        let e = &model.months[m];
        let t0 = m as f64 * DAYS_PER_MONTH;
        let d = &model.scenario.demand;
        let groups = rs
            .admissions
            .poisson_in(e.group_rate, &mut self.poisson[m][0]);
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
            let first = self.admissions.specs.len() as u32;
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
                let band = AgeBand::of_age(age).index();
                let complex = rs.admissions.uniform() < d.complex_needs[band];
                let with_parents = rs.admissions.uniform() < d.placed_with_parents_share;
                let weights = &model.scenario.exits.route_by_entry_age[band];
                let (route, duration) = self.draw_route_with(&mut rs.exits, age, weights);
                let (route, duration) = with_permanence(route, duration, age, e.permanence_mult);
                self.admissions.specs.push(ChildSpec {
                    age,
                    complex,
                    route,
                    duration,
                    with_parents,
                });
            }
            // Edge-of-care work prevents some admissions of young people aged 10+.
            if anchor >= 10.0 && thin >= e.edge_mult {
                self.admissions.specs.truncate(first as usize);
                continue;
            }
            let gid = self.admissions.groups.len() as u32;
            self.admissions.groups.push(Group {
                first,
                len: size as u32,
                month: m as u32,
            });
            self.queue.push(t, EventKind::GroupArrival, gid, 0);
        }
    }

    pub(super) fn entry_age(&self, rng: &mut Stream) -> f64 {
        let band = rng.categorical(&self.model.scenario.demand.entry_age);
        let lo = AgeBand::EDGES[band];
        let hi = AgeBand::EDGES[band + 1];
        lo + (hi - lo) * rng.uniform()
    }

    /// A child entering care (or in care at the start), with its exit scheduled.
    #[inline]
    pub(super) fn add_child(
        &mut self,
        birth: f64,
        complex: bool,
        route: ExitRoute,
        exit_at: f64,
        preferred: PlacementType,
    ) -> u32 {
        let id = self.children.admit(Child {
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
            slot: 0,
            group: NO_GROUP,
            gap_pref: None,
        });
        self.start_band(id);
        self.queue.push(exit_at, EventKind::Exit, id, 0);
        id
    }

    pub(super) fn admit_group(&mut self, gid: u32, t: f64, rs: &mut Streams) {
        let g = self.admissions.groups[gid as usize];
        let pwp = PlacementType::PlacedWithParents;
        self.scratch.ids.clear();
        let lead = self.model.scenario.exits.adoption_placement_lead_days;
        let group_first = self.children.len() as u32;
        for k in 0..g.len {
            let s = self.admissions.specs[(g.first + k) as usize];
            let id = self.add_child(
                t - s.age * DAYS_PER_YEAR,
                s.complex,
                s.route,
                t + s.duration,
                PlacementType::InHouseFoster,
            );
            self.join_group(id, gid);
            if let Some(h) = &mut self.history {
                h.admitted(id, t, t - s.age * DAYS_PER_YEAR, Some(gid));
            }
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
                    .order_in(self.orders_at, s.age, Needs::of(s.complex))
                    .first()
                    .copied()
                    .unwrap_or(kind);
                self.assign(id, Place::Market(kind), t, false, rs);
            } else {
                self.scratch.ids.push(id);
            }
        }
        let ids = std::mem::take(&mut self.scratch.ids);
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
        self.scratch.ids = ids;
    }
}
