//! The children waiting in emergency beds at the start: who they are, and since when. They
//! are chosen before the rest of the starting mix is shared out (`start_mix`), as the
//! model's own waiting children are: those whose placements break down often and for whom
//! a match seldom finds a place, their emergency bed the newest placement of their history.

use super::matching::third_within_year;
use super::start_history::StartHazards;
use super::start_mix::MAX_WAIT_ODDS;
use super::startup::Starter;
use super::*;

impl<'m> Simulator<'m> {
    /// Choose `count` more of the starting mix's children in emergency beds (after the young
    /// people the walk of their years in care left waiting in one, `walk_from_eleven`,
    /// already placed there) among the starting children `drawn` (groups of `sizes`, their
    /// needs and histories drawn), and make the bed the newest placement of each one's
    /// history (`Starter::placement` set to an emergency
    /// bed, their class in the mix's plan cleared). Returns how many were chosen.
    ///
    /// The model's own children arrive in an emergency bed when a move finds them no
    /// placement and wait there review after review, so those waiting at any time are, in
    /// proportion, those who move often and whom a match seldom places. Each child on their
    /// own in care is weighed so: the breakdown rate of their current placement (the
    /// average over the starting mix for their age when it began, `start_hazards`, raised
    /// by the repeat multiplier for the placements begun in the year before it) times the
    /// odds that a match along their order finds no placement (`unplaced_chance`, for the
    /// needs they would be matched with, at most `MAX_WAIT_ODDS`). A chosen child has waited
    /// as many whole review intervals as reviews that found nothing (each with that
    /// chance), and part of one: their next review comes when that interval ends. A young
    /// person of standard needs whose move into the bed was to a third placement within 12
    /// months has been matched as having complex needs since, as the model's own are
    /// (`escalates`).
    ///
    /// Modelling assumptions: only children on their own in care are chosen (brothers and
    /// sisters waiting together or apart are left out; with too few such children, the
    /// emergency beds start with as many as there are); the weight does not count children
    /// arriving at admission; and if the wait drawn goes back before the current placement
    /// began, the bed began halfway between that and the start.
    pub(super) fn choose_waiting(
        &mut self,
        drawn: &mut [Starter],
        sizes: &[usize],
        count: f64,
        hazard: StartHazards,
        rng: &mut Stream,
    ) -> usize {
        let model = self.model;
        let st = &model.scenario.stability;
        let interval = model.scenario.matching.emergency_review_days;
        // By group: a child on their own in care, their weight; a group, none.
        let mut weights = std::mem::take(&mut self.startup.waiting);
        let mut firsts = std::mem::take(&mut self.startup.firsts);
        weights.clear();
        firsts.clear();
        let mut at = 0;
        for &size in sizes {
            let s = &drawn[at];
            weights.push(
                if size == 1 && !self.with_adopters(s) && s.placement.is_none() {
                    self.waiting_weight(s, hazard)
                } else {
                    0.0
                },
            );
            firsts.push(at);
            at += size;
        }
        let mut n = count.floor() as usize;
        if rng.uniform() < count - count.floor() {
            n += 1;
        }
        let mut chosen = 0;
        while chosen < n && weights.iter().any(|&w| w > 0.0) {
            let g = rng.categorical(&weights);
            weights[g] = 0.0;
            let s = &mut drawn[firsts[g]];
            let Some(starts) = s.starts else { continue };
            let complex = s.complex == Some(true);
            let unplaced = self.unplaced_chance_at(s.age, self.review_complex(s, &starts));
            // Reviews that found nothing, then part of an interval.
            let mut waited = rng.uniform_open0() * interval;
            while rng.uniform() < unplaced.min(1.0 - 1.0 / MAX_WAIT_ODDS) {
                waited += interval;
            }
            let began = starts[0].min(0.0);
            let bed = (-waited).max(began / 2.0);
            if st.escalate_after_repeat_moves
                && !complex
                && s.age + bed / DAYS_PER_YEAR >= 11.0
                && third_within_year(starts[1], bed)
            {
                s.complex = Some(true);
                s.escalated = true;
            }
            s.starts = Some([bed, starts[0], starts[1]]);
            s.placement = Some(PlacementType::Emergency);
            s.class = None;
            chosen += 1;
        }
        self.startup.waiting = weights;
        self.startup.firsts = firsts;
        chosen
    }

    /// How often starting child `s` (on their own in care, needs and history drawn) would
    /// be found waiting in an emergency bed, up to a factor (`choose_waiting`).
    fn waiting_weight(&self, s: &Starter, hazard: StartHazards) -> f64 {
        let Some(starts) = s.starts else { return 0.0 };
        let model = self.model;
        let began = starts[0].min(0.0);
        let age_then = s.age + began / DAYS_PER_YEAR;
        let recent = starts[1..]
            .iter()
            .filter(|&&x| x >= began - DAYS_PER_YEAR)
            .count();
        let rate =
            hazard.rate(s.complex == Some(true), age_then >= 11.0) * model.repeat_factor[recent];
        let u = self.unplaced_chance_at(s.age, self.review_complex(s, &starts));
        rate * (u / (1.0 - u)).min(MAX_WAIT_ODDS)
    }

    /// Is starting child `s`, in an emergency bed after the placements that began on
    /// `starts` (newest first), matched at its reviews as having complex needs? Their own,
    /// or a young person's whose move out of the bed would be to a third placement within 12
    /// months (`escalates`).
    fn review_complex(&self, s: &Starter, starts: &[f64; 3]) -> bool {
        s.complex == Some(true)
            || (self.model.scenario.stability.escalate_after_repeat_moves
                && s.age >= 11.0
                && third_within_year(starts[0], 0.0))
    }
}
