//! Foster carers: households approved at the start and through the recruitment funnel
//! (enquiry, visit, two assessment stages, approval) or recruited directly by the Fostering
//! Plus lever; their leaving (attrition), with the children they hold matched again or
//! staying on under special guardianship; and young people staying put after 18.

use super::*;

/// Households joining and leaving: approvals waiting for their day, and the households
/// leaving in each month, with when (see `add_household`); and each household's approved
/// places that cannot be used for a full-time placement, with their total over the active
/// households.
#[derive(Default)]
pub(super) struct Turnover {
    pub pending: Vec<Pending>,
    pub leavers: Vec<Vec<(u32, f64)>>,
    pub unusable: Vec<u8>,
    pub unusable_total: i64,
}

impl Turnover {
    /// Nothing pending or booked, for a run of `horizon` months.
    pub fn reset(&mut self, horizon: usize) {
        self.pending.clear();
        self.unusable.clear();
        self.unusable_total = 0;
        for l in self.leavers.iter_mut() {
            l.clear();
        }
        self.leavers.resize_with(horizon, Vec::new);
    }
}

/// The funnel's steps after an enquiry: visit, the two assessment stages, approval.
const FUNNEL_STEPS: usize = 4;

/// The month-end count each step but approval adds to when reached.
const STAGE_METRICS: [usize; 3] = [metrics::VISITS, metrics::STAGE1, metrics::STAGE2];

/// The funnel's steps for one month: each step's chance of being passed (the scenario's
/// times the month's conversion multiplier, at most 1) and mean delay in days; and the run's
/// last day, before which approvals are booked.
pub(super) struct FunnelSteps {
    pass: [f64; FUNNEL_STEPS],
    delay: [f64; FUNNEL_STEPS],
    horizon_end: f64,
}

impl FunnelSteps {
    pub(super) fn new(model: &Model, cm: f64) -> FunnelSteps {
        let fu = &model.scenario.fostering.funnel;
        let chances = [fu.to_visit, fu.to_stage1, fu.to_stage2, fu.to_approval];
        let delays = [
            fu.visit_delay_months,
            fu.stage1_delay_months,
            fu.stage2_delay_months,
            fu.approval_delay_months,
        ];
        FunnelSteps {
            pass: chances.map(|p| (p * cm).min(1.0)),
            delay: delays.map(|d| d * DAYS_PER_MONTH),
            horizon_end: model.horizon as f64 * DAYS_PER_MONTH,
        }
    }
}

impl<'m> Simulator<'m> {
    pub(super) fn draw_places(rng: &mut Stream, dist: &[f64; 3]) -> u8 {
        rng.categorical(dist) as u8 + 1
    }

    /// How many of a new household's `places` can be used for full-time placements (each
    /// with the scenario's chance; the rest are for respite, or held back).
    pub(super) fn draw_usable(&self, rng: &mut Stream, places: u8) -> u8 {
        let share = self.model.scenario.fostering.usable_place_share;
        if share >= 1.0 {
            return places;
        }
        (0..places).filter(|_| rng.bernoulli(share)).count() as u8
    }

    /// A new household with `places` approved places, `usable` of them usable, facing
    /// attrition from month `from`: its unit-exponential attrition `budget` is spent by each
    /// month's hazard mass (early or later by tenure at the month's start) and it leaves,
    /// within the month that exhausts it, in proportion to what was left; the month and day
    /// are found now and acted on in `begin_month`.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn add_household(
        &mut self,
        places: u8,
        usable: u8,
        adolescent: bool,
        plus: bool,
        approved: f64,
        budget: f64,
        from: usize,
    ) {
        let f = &self.model.scenario.fostering;
        let usable = usable.min(places);
        self.turnover.unusable.push(places - usable);
        self.turnover.unusable_total += (places - usable) as i64;
        let id = self.households.push(Household {
            places: usable,
            max_age: if adolescent { 17 } else { f.standard_max_age },
            adolescent,
            plus,
            approved,
            children: [0; 3],
            n: 0,
            staying_put: 0,
            active: true,
            leaving: false,
            family: 0,
            listed: 0,
        });
        self.households.refresh_open(id);
        if let Some((m, t)) = self.model.attrition_leave(approved, budget, from) {
            if let Some(l) = self.turnover.leavers.get_mut(m) {
                l.push((id, t));
            }
        }
    }

    /// Households whose attrition budget runs out in month `m` (see `add_household`): no
    /// longer offered children, and leaving on their day.
    pub(super) fn households_leaving(&mut self, m: usize) {
        let mut leavers = std::mem::take(&mut self.turnover.leavers[m]);
        for &(id, t) in &leavers {
            self.households[id as usize].leaving = true;
            self.households.refresh_open(id);
            self.queue.push(t, EventKind::HouseholdLeave, id, 0);
        }
        leavers.clear();
        self.turnover.leavers[m] = leavers;
    }

    /// Recruitment funnel: month `m`'s enquiries and where each one ends up; and the
    /// Fostering Plus lever's households recruited directly.
    pub(super) fn recruit(&mut self, m: usize, rs: &mut Streams) {
        let model = self.model;
        let e = &model.months[m];
        let t0 = m as f64 * DAYS_PER_MONTH;
        let f = &model.scenario.fostering;
        let fu = &f.funnel;
        let steps = FunnelSteps::new(self.model, libm::pow(e.conversion_mult, 0.25));
        let mean = fu.enquiries_per_month * e.enquiry_mult;
        let enquiries = rs.funnel.poisson_in(mean, &mut self.poisson[m][1]);
        self.months[m][metrics::ENQUIRIES] += enquiries as i64;
        for _ in 0..enquiries {
            // The first step's draw is taken here, as `follow_enquiry` would take it: most
            // enquiries end there, and cost one draw and a comparison.
            if rs.funnel.uniform() < steps.pass[0] {
                self.follow_enquiry(t0, &steps, 1, &mut rs.funnel);
            }
        }
        // Fostering Plus: extra adolescent households recruited directly.
        if e.extra_plus_households > 0.0 {
            let k = rs.levers.poisson(e.extra_plus_households);
            for _ in 0..k {
                let t = t0 + rs.levers.uniform() * DAYS_PER_MONTH;
                let places = Self::draw_places(&mut rs.levers, &fu.new_places);
                let id = self.turnover.pending.len() as u32;
                self.turnover.pending.push(Pending {
                    places,
                    adolescent_draw: 0.0,
                    plus: true,
                });
                self.queue.push(t, EventKind::Approval, id, 0);
            }
        }
    }

    /// One enquiry made in the month starting on day `t0`, followed through the funnel's
    /// `steps` (each step's chance and delay, worked out once for the month's enquiries):
    /// the stages it reaches are counted in their months and an approval is booked for its
    /// day (from the start on: an enquiry before the start counts only what happens after
    /// it). Steps before `first` are taken as passed (an enquiry drawn among those that
    /// passed them).
    pub(super) fn follow_enquiry(
        &mut self,
        t0: f64,
        steps: &FunnelSteps,
        first: usize,
        rng: &mut Stream,
    ) {
        // Each step is passed or not first; the enquiry's day, a step's delay and the
        // household's places are drawn only when something depends on them.
        let mut t = f64::NAN;
        for (i, (&pass, &delay)) in steps.pass.iter().zip(&steps.delay).enumerate() {
            if i >= first && rng.uniform() >= pass {
                return;
            }
            if t.is_nan() {
                t = t0 + rng.uniform() * DAYS_PER_MONTH;
            }
            t += rng.exponential(delay);
            if let Some(&metric) = STAGE_METRICS.get(i) {
                if t >= 0.0 {
                    self.count_at(t, metric);
                }
            }
        }
        if (0.0..steps.horizon_end).contains(&t) {
            let fu = &self.model.scenario.fostering.funnel;
            let places = Self::draw_places(rng, &fu.new_places);
            let adolescent_draw = rng.uniform();
            let id = self.turnover.pending.len() as u32;
            self.turnover.pending.push(Pending {
                places,
                adolescent_draw,
                plus: false,
            });
            self.queue.push(t, EventKind::Approval, id, 0);
        }
    }

    /// A household approved at `t` (pending approval `pid`) starts fostering.
    pub(super) fn approve(&mut self, pid: u32, t: f64, rs: &mut Streams) {
        let p = self.turnover.pending[pid as usize].clone();
        let e = &self.model.months[self.month];
        let adolescent = p.plus || p.adolescent_draw < e.new_adolescent_share;
        let plus = p.plus || (adolescent && e.fee_uplift > 0.0);
        let budget = rs.carers.exponential(1.0);
        let usable = self.draw_usable(&mut rs.carers, p.places);
        self.add_household(
            p.places,
            usable,
            adolescent,
            plus,
            t,
            budget,
            self.month + 1,
        );
        self.months[self.month][metrics::APPROVALS] += 1;
        self.books.cost[metrics::COST_RECRUITMENT] +=
            self.model.scenario.costs.cost_per_approval * e.inflation;
    }

    /// A young person staying put in household `h` moves on.
    pub(super) fn staying_put_ends(&mut self, h: u32) {
        let hh = &mut self.households[h as usize];
        if hh.staying_put > 0 {
            hh.staying_put -= 1;
            self.households.staying_put -= 1;
        }
        self.households.refresh_open(h);
    }

    pub(super) fn household_leaves(&mut self, hid: u32, t: f64, rs: &mut Streams) {
        let Some((kids, n)) = self.households.leave(hid) else {
            return;
        };
        if let Some(u) = self.turnover.unusable.get(hid as usize) {
            self.turnover.unusable_total -= *u as i64;
        }
        let kids = &kids[..n.min(kids.len())];
        self.months[self.month][metrics::DEREGISTRATIONS] += 1;
        if kids.is_empty() {
            return;
        }
        if rs.carers.uniform() < self.model.scenario.fostering.sgo_conversion_share {
            for &k in kids {
                self.exit(k, t, ExitRoute::SpecialGuardianship, rs);
                if let Some(h) = &mut self.history {
                    h.converted(k);
                }
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
}
