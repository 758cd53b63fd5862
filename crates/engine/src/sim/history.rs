//! Recording each child's simulated history, when asked: when the child came into care
//! (with their sibling group and day of birth), each placement's start and type, and when
//! and by which route they left (whether a young person leaving foster care at 18 stayed
//! put, and whether a child left by special guardianship because their foster carers
//! stopped fostering and became their guardians). Off by default: the simulator then holds `None` and each hook is one
//! check of it. Used to write a simulated borough's SSDA903 returns
//! (`ssda903::simulated`), so the fit can be tested against the engine's own model.
//!
//! Times are simulation days (day 0 is the first day of the first month simulated).

use super::run::Simulator;
use crate::types::{ExitRoute, PlacementType};

/// One child's recorded history.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChildRecord {
    /// Day of birth.
    pub birth: f64,
    /// Day the child came into care (before day 0 for a child in care at the start).
    pub entered: f64,
    /// The sibling group the child came in with (`None` for the starting children, whose
    /// siblings the model does not know).
    pub group: Option<u32>,
    /// Each placement's first day and type, in time order.
    pub placements: Vec<(f64, PlacementType)>,
    /// The day the child left care and the route, while `None` still in care.
    pub left: Option<(f64, ExitRoute)>,
    /// Left foster care at 18 and stayed put with the carers.
    pub stayed_put: bool,
    /// Left by special guardianship when the foster household stopped fostering
    /// (`fostering.sgo_conversion_share`), not by the route drawn at entry.
    pub converted: bool,
}

/// Every child of a run, by the simulator's id.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HistoryRecorder {
    pub children: Vec<ChildRecord>,
}

impl HistoryRecorder {
    /// Empty, for a new run.
    pub fn clear(&mut self) {
        self.children.clear();
    }

    fn child(&mut self, id: u32) -> &mut ChildRecord {
        let i = id as usize;
        if self.children.len() <= i {
            self.children.resize(i + 1, ChildRecord::default());
        }
        &mut self.children[i]
    }

    /// Child `id` came into care on day `t`.
    pub fn admitted(&mut self, id: u32, t: f64, birth: f64, group: Option<u32>) {
        let c = self.child(id);
        c.entered = t;
        c.birth = birth;
        c.group = group;
    }

    /// Child `id` started a placement of type `kind` on day `t`.
    pub fn placed(&mut self, id: u32, t: f64, kind: PlacementType) {
        self.child(id).placements.push((t, kind));
    }

    /// Child `id` left care on day `t` by `route`.
    pub fn left(&mut self, id: u32, t: f64, route: ExitRoute) {
        self.child(id).left = Some((t, route));
    }

    /// Child `id` left with their foster carers, who became their special guardians.
    pub fn converted(&mut self, id: u32) {
        self.child(id).converted = true;
    }

    /// Child `id`, leaving foster care at 18, stayed put.
    pub fn stayed_put(&mut self, id: u32) {
        self.child(id).stayed_put = true;
    }
}

impl Simulator<'_> {
    /// Records every child's history in the runs that follow (or stops, with `false`).
    pub fn record_histories(&mut self, on: bool) {
        self.history = on.then(Box::default);
    }

    /// The histories recorded in the last run (`None` unless recording).
    pub fn histories(&self) -> Option<&HistoryRecorder> {
        self.history.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::defaults::default_scenario;
    use crate::sim::Model;

    #[test]
    fn records_every_admission_placement_and_exit_without_changing_the_run() {
        let model = Model::new(&default_scenario(), 24);
        let mut plain = Simulator::new(&model);
        plain.run(7, 0);
        let mut sim = Simulator::new(&model);
        sim.record_histories(true);
        sim.run(7, 0);
        assert_eq!(plain.months, sim.months, "recording changes nothing");
        let h = sim.histories().expect("recording");
        let admitted: i64 = sim
            .months
            .iter()
            .map(|m| m[crate::metrics::ADMISSIONS])
            .sum();
        let exits: i64 = sim.months.iter().map(|m| m[crate::metrics::EXITS]).sum();
        // Admitted during the run (children in care at the start entered before day 0;
        // they may belong to sibling groups too).
        let new = h
            .children
            .iter()
            .filter(|c| c.group.is_some() && c.entered >= 0.0)
            .count() as i64;
        let left = h.children.iter().filter(|c| c.left.is_some()).count() as i64;
        assert_eq!(new, admitted);
        assert_eq!(left, exits);
        for c in &h.children {
            assert!(c.birth <= c.entered);
            let first = c.placements.first().map_or(f64::INFINITY, |p| p.0);
            assert!(first >= c.entered.min(0.0), "placed before entering");
            if let Some((t, _)) = c.left {
                assert!(
                    c.placements.iter().all(|p| p.0 <= t),
                    "placed after leaving"
                );
            }
            if c.converted {
                assert!(matches!(c.left, Some((_, ExitRoute::SpecialGuardianship))));
                let last = c.placements.last().map(|p| p.1);
                assert_eq!(
                    last,
                    Some(PlacementType::InHouseFoster),
                    "with their carers"
                );
            }
        }
        // Off again: no record kept.
        sim.record_histories(false);
        sim.run(7, 1);
        assert!(sim.histories().is_none());
    }
}
