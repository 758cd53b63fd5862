//! The placement histories of the children in care at the start: their moves in the 12
//! months before it (the stability measure's 3+ placements, and the recent moves that raise
//! the risk of the next breakdown), when each of those placements began, and, for a group
//! still in the placement it came into care in, whether that is a short-term one with its
//! planned move to come. Drawn for each run from its start-up stream (`startup`).

use super::matching::third_within_year;
use super::start_mix::{StartMix, ADOLESCENT_HOUSEHOLDS};
use super::startup::Starter;
use super::*;

impl<'m> Simulator<'m> {
    /// The starting children from id `first` on (one sibling group, or one child): if they
    /// have not moved since they came into care, their first placement may be a short-term
    /// one, as an admitted group's is with the scenario's share
    /// (`stability.short_term_first_share`), its planned move still to come. Of the groups
    /// still in their first placement after `e` days, those in a short-term one are
    /// `p s / (p s + 1 - p)`, with `s = exp(-e / short_term_days)` the chance a short-term
    /// placement lasts that long (a breakdown ends either kind alike); the move comes after
    /// a time drawn as at admission (memoryless: `admit_group`).
    pub(super) fn book_short_term(&mut self, first: u32, rng: &mut Stream) {
        let st = &self.model.scenario.stability;
        let len = self.children.len() as u32 - first;
        let Some(c) = self.children.get(first as usize) else {
            return;
        };
        // Still in the placement it came into care in: none before it.
        let since = c.recent[0];
        if len == 0 || st.short_term_first_share <= 0.0 || c.recent[1] > f64::NEG_INFINITY {
            return;
        }
        let p = st.short_term_first_share.min(1.0);
        let s = (since / st.short_term_days.max(1.0)).exp();
        if rng.uniform() * (p * s + 1.0 - p) < p * s {
            let when = rng.exponential(st.short_term_days);
            self.queue.push(when, EventKind::PlannedMove, first, len);
        }
    }

    /// The start days of a starting child's placements, newest first (the current one, then
    /// earlier ones), for `moves` moves within the 12 months before the start (within their
    /// time in care, `elapsed` days).
    pub(super) fn placement_starts(elapsed: f64, moves: u32, rng: &mut Stream) -> [f64; 3] {
        let window = elapsed.min(DAYS_PER_YEAR);
        let mut starts = [f64::NEG_INFINITY; 3];
        let mut n = 0;
        // The moves in the window, newest first (the top of `moves` uniform times).
        let mut last = 0.0f64;
        for k in (1..=moves).rev() {
            if n == 3 {
                break;
            }
            // The largest of k uniforms on (last - window.., last): inversion.
            let share = libm::pow(rng.uniform_open0(), 1.0 / k as f64);
            last = -window + (last + window) * share;
            starts[n] = last;
            n += 1;
        }
        // The placement the child was in when the window opened: from the entry, or from
        // some time before the window.
        if n < 3 {
            let before = if elapsed <= DAYS_PER_YEAR {
                -elapsed
            } else {
                -DAYS_PER_YEAR - rng.uniform() * (elapsed - DAYS_PER_YEAR)
            };
            starts[n] = before;
            n += 1;
            if n < 3 && before > -elapsed + 1.0 {
                starts[n] = -elapsed;
            }
        }
        starts
    }

    /// The share of the 12 months before the start a child in care for `elapsed` days spent
    /// in care.
    pub(super) fn window_share(elapsed: f64) -> f64 {
        (elapsed / DAYS_PER_YEAR).clamp(0.0, 1.0)
    }

    /// Moves in the 12 months before the start for a starting group: two (three placements),
    /// one or none. The chance of two is the scenario's share (of all the starting children)
    /// times `weight`; the chance of one is the scenario's times `window`, the share of
    /// those 12 months the group spent in care over the starting children's mean
    /// (`window_share`; `weight` is that made up, `start_up`). Modelling assumption: moves
    /// need time, so a child in care for a few weeks has seldom had them, as the model's
    /// own children have not (in its later years about 2.5% of those in care under 3 months
    /// have had 3+ placements in 12 months, 10% of those under a year, 16% of those in care
    /// one to four years, against 13-14% of all). With the chance of one move the
    /// scenario's whatever the time in care, the children who came into care in the weeks
    /// before the start had as many moves as the others packed into those weeks: too many
    /// had just moved, and moving again (at the raised rate of a recent move) their third
    /// placements left the 12-month window together 11 months on (issue 15). The starting
    /// shares stay the scenario's.
    pub(super) fn draw_recent_moves(&self, rng: &mut Stream, weight: f64, window: f64) -> u32 {
        let p = &self.model.scenario.population;
        let one = (p.one_move_share * window).min(1.0);
        let two = (p.three_placements_share * weight).min(1.0 - one);
        let u = rng.uniform();
        if u < two {
            2
        } else if u < two + one {
            1
        } else {
            0
        }
    }
}

/// What the walk through a starting young person's years in care found
/// (`Simulator::walk_from_eleven`).
pub(super) struct Walked {
    /// Their needs escalated through repeated moves.
    pub escalated: bool,
    /// The starts of their last three placements (the current one first), which stand for
    /// a history drawn from the scenario's shares (`draw_recent_moves`).
    pub starts: [f64; 3],
    /// They are waiting in an emergency bed at the start, found on `starts[0]`.
    pub in_bed: bool,
}

impl<'m> Simulator<'m> {
    /// The years in care from the age of 11 of starting child `s`, with complex needs from
    /// entry or not (`complex`), walked through with the model's own rules: their placement
    /// history (the starts of their last three placements), and, for a young person of
    /// standard needs at entry, whether they have come to be matched as having complex
    /// needs through repeated moves before the start, as the model's own young people do
    /// (`escalates`: a move at 11 or over to a third placement within 12 months). `None`
    /// for a child under 11, or one who came into care today.
    ///
    /// The rules: placements break down at `hazard` (the yearly breakdown rates of the
    /// placements the starting mix's plan gives children of their needs, begun before the
    /// age of 11 and later: `start_hazards`, complex needs from their escalation on), raised
    /// by the repeat multiplier for each placement begun in the year before; the placement
    /// they were in on their 11th birthday (for one in care then) keeps the younger child's
    /// rate, as the model's own placements do, and began before it (`began_before_eleven`);
    /// one who came into care at 11 or over may have had a short-term first placement with
    /// its planned move, as at admission; and after a move, no placement found
    /// (`unplaced_chance`, for their needs then) means an emergency bed. As in the model
    /// (`review_emergency`), a bed does not break down: it is reviewed every
    /// `emergency_review_days`, matched with the needs the move out would give them, and a
    /// review that finds nothing is not a move (they wait for the next); one that finds a
    /// place is. One still in a bed at the start is waiting there (`Walked::in_bed`), one
    /// of the starting mix's children in emergency beds (`start_up`).
    ///
    /// Modelling assumptions: the walk starts at the later of the entry and the 11th
    /// birthday with no earlier moves counted, and does not follow the kinds of placement
    /// (the average rates for their needs stand for them). A young person's moves are the
    /// walk's, not drawn from the scenario's shares: the model's own young people who move
    /// most are those with complex needs (about 40% of them with 3+ placements in 12 months
    /// in its later years, 5% of the others), and shares drawn without regard to needs left
    /// the complex young people moving less in the first months than later. The younger
    /// children's drawn histories make up the scenario's share of 3+ placements over all
    /// the starting children (`start_up`). Counting a review that found nothing as a move
    /// (and letting the bed break down) made too many quick double moves, whose third
    /// placements left the 12-month window together in months 10 and 11 (issue 15).
    pub(super) fn walk_from_eleven(
        &self,
        s: &Starter,
        complex: bool,
        hazard: StartHazards,
        rng: &mut Stream,
    ) -> Option<Walked> {
        let model = self.model;
        let st = &model.scenario.stability;
        if s.age < 11.0 {
            return None;
        }
        let entry = -s.elapsed;
        let eleven = (11.0 - s.age) * DAYS_PER_YEAR;
        // From the later of the entry and the 11th birthday to the start.
        let from = entry.max(eleven);
        if from >= 0.0 {
            return None;
        }
        let may_escalate = st.escalate_after_repeat_moves && !complex;
        let mut planned = f64::INFINITY;
        if from == entry && rng.uniform() < st.short_term_first_share {
            planned = from + rng.exponential(st.short_term_days.max(1.0));
        }
        // The placement they were in at `from`: begun then (the entry), or before the 11th
        // birthday (its rate a younger child's).
        let mut rate = hazard.rate(complex, from == entry);
        let mut starts = [from, f64::NEG_INFINITY, f64::NEG_INFINITY];
        let (mut recent, mut escalated, mut in_bed) = (0, false, false);
        let review = model.scenario.matching.emergency_review_days;
        loop {
            // An emergency bed does not break down: it ends at a review that finds a place.
            let rate_now = if in_bed {
                0.0
            } else {
                rate * model.repeat_factor[recent]
            };
            let breakdown = if rate_now > 0.0 {
                rng.exponential(DAYS_PER_YEAR / rate_now)
            } else {
                f64::INFINITY
            };
            let t = (starts[0] + breakdown).min(planned);
            if t >= 0.0 {
                break;
            }
            let age = s.age + t / DAYS_PER_YEAR;
            let third = third_within_year(starts[1], t);
            if in_bed {
                // A review: matched with the needs the move out would give them; finding
                // nothing, they stay in the bed (not a move) until the next one.
                let needs = complex || escalated || (may_escalate && third);
                if rng.uniform() < self.unplaced_chance_at(age, needs) {
                    planned = t + review;
                    continue;
                }
            }
            if may_escalate && !escalated && third {
                escalated = true;
            }
            recent = (starts[0] >= t - DAYS_PER_YEAR) as usize + third as usize;
            starts = [t, starts[0], starts[1]];
            planned = f64::INFINITY;
            rate = hazard.rate(complex || escalated, true);
            // Out of a bed into the placement its review found; else a move that finds no
            // placement goes to an emergency bed until its first review.
            in_bed = !in_bed && rng.uniform() < self.unplaced_chance_at(age, complex || escalated);
            if in_bed {
                planned = t + review;
            }
        }
        if from > entry {
            // The placement they were in on their 11th birthday began before it.
            if let Some(k) = starts.iter().position(|&x| x == from) {
                let began =
                    Self::began_before_eleven(entry, from, hazard.rate(complex, false), rng);
                starts[k] = began;
                if k < 2 && began > entry {
                    starts[k + 1] = entry;
                }
            }
        }
        Some(Walked {
            escalated,
            starts,
            in_bed,
        })
    }

    /// When the placement a child was in on their 11th birthday (day `eleven`, after their
    /// entry on day `entry`) began: as long before as a placement in progress lasts so far
    /// at the younger child's breakdown rate `rate` (a year's; exponential, the age of a
    /// placement found in progress), but not before the entry. Modelling assumption: the
    /// younger years' placements break down at the average rate.
    fn began_before_eleven(entry: f64, eleven: f64, rate: f64, rng: &mut Stream) -> f64 {
        let back = if rate > 0.0 {
            rng.exponential(DAYS_PER_YEAR / rate)
        } else {
            f64::INFINITY
        };
        (eleven - back).max(entry)
    }

    /// The yearly breakdown rates of the placements of starting children (`StartHazards`):
    /// for standard and for complex needs, of a placement begun before the age of 11 and of
    /// one begun later, each the average of the scenario's rates over the placements where
    /// the starting mix's plan puts such children (`plan_start_mix`, fitted to the children
    /// `drawn`, their needs at entry drawn and their classes set as if each placement began
    /// at their age now; `mix` is left with that plan, fitted again once the histories are
    /// known). Emergency beds and adoption are left out; a kind of child the plan has none
    /// of takes the average over all.
    ///
    /// Modelling assumption: the placements of each kind of child before the start break
    /// down, on average, as those the starting mix gives them. Those with complex needs are
    /// in residential care more than the others, and their placements break down more
    /// often; one average rate over all the types left the walked young people with complex
    /// needs moving less than the model's own (fewer of them in the run of quick moves the
    /// repeat multiplier keeps going), so the share with 3+ placements was short at the
    /// start and filled over years.
    pub(super) fn start_hazards(&mut self, drawn: &[Starter], mix: &mut StartMix) -> StartHazards {
        self.plan_start_mix(drawn, mix);
        let model = self.model;
        let mut sum = [[0.0; 2]; 2];
        let mut weight = [[0.0; 2]; 2];
        for (age, complex, count, plan) in mix.classes() {
            let adolescent = age >= 11.0;
            for (col, share) in plan.iter().enumerate() {
                let t = if col == ADOLESCENT_HOUSEHOLDS {
                    PlacementType::InHouseFoster
                } else {
                    PlacementType::ALL[col]
                };
                if matches!(
                    t,
                    PlacementType::Emergency | PlacementType::PlacedForAdoption
                ) {
                    continue;
                }
                let w = count * share;
                sum[complex as usize][adolescent as usize] +=
                    w * model.breakdown[adolescent as usize][t.index()];
                weight[complex as usize][adolescent as usize] += w;
            }
        }
        let by = std::array::from_fn(|needs| {
            std::array::from_fn(|a| {
                let (s, w) = if weight[needs][a] > 0.0 {
                    (sum[needs][a], weight[needs][a])
                } else {
                    (sum[0][a] + sum[1][a], weight[0][a] + weight[1][a])
                };
                if w > 0.0 {
                    s / w
                } else {
                    0.0
                }
            })
        });
        StartHazards { by }
    }
}

/// The yearly breakdown rates a starting child's placements are walked and weighed with
/// (`Simulator::start_hazards`).
#[derive(Clone, Copy, Debug)]
pub(super) struct StartHazards {
    /// By needs (standard, complex), then by age when the placement began (under 11, 11
    /// or over).
    by: [[f64; 2]; 2],
}

impl StartHazards {
    /// The rate of a placement of a child with complex needs or not, begun at 11 or over or
    /// not.
    pub fn rate(&self, complex: bool, adolescent: bool) -> f64 {
        self.by[complex as usize][adolescent as usize]
    }

    /// The same rates for both needs (tests).
    #[cfg(test)]
    pub fn flat(rates: [f64; 2]) -> Self {
        StartHazards { by: [rates, rates] }
    }
}
