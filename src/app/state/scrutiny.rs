//! The scrutiny part of the state: which analysis ("what matters most", "what if this is
//! wrong?", "what would it take?") is running on the workers and how far it has got, and the latest answer of
//! each. The controller (`app::controller`, `app::analysis`) runs them and reports here.

use std::rc::Rc;

use engine::goal_seek::Answer;
use engine::sensitivity::global::Ranking;
use engine::sensitivity::tornado::Tornado;
use engine::sensitivity::what_if::WhatIf;

/// Which analysis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnalysisKind {
    Tornado,
    WhatIf,
    Goal,
}

/// What the analyses are doing.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum AnalysisStatus {
    #[default]
    Idle,
    /// Runs done and in all.
    Running {
        kind: AnalysisKind,
        done: u64,
        total: u64,
    },
    Cancelled(AnalysisKind),
    Failed(AnalysisKind, String),
}

/// What an analysis was run on: the scenario and the run settings at the moment it was
/// asked for. An answer whose basis is not the scenario shown now is out of date and says so.
#[derive(Clone, Debug, PartialEq)]
pub struct Basis {
    pub scenario: Rc<engine::ValidScenario>,
    pub settings: engine::scenario::RunSettings,
}

impl Basis {
    /// Whether an answer run on `self` still answers for `now` (the same scenario and
    /// settings, by value).
    pub fn holds_for(&self, now: Option<&Basis>) -> bool {
        now.is_some_and(|n| {
            n.settings == self.settings
                && (Rc::ptr_eq(&n.scenario, &self.scenario) || n.scenario == self.scenario)
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScrutinyState {
    pub status: AnalysisStatus,
    pub tornado: Option<Rc<Tornado>>,
    /// The global ranking made after the tornado (for the same outcome).
    pub ranking: Option<Rc<Ranking>>,
    pub what_if: Option<Rc<WhatIf>>,
    pub goal: Option<Rc<Answer>>,
    /// What the analysis asked for last was run on, and what each answer shown was run on.
    pub asked: Option<Basis>,
    pub tornado_basis: Option<Basis>,
    pub what_if_basis: Option<Basis>,
    pub goal_basis: Option<Basis>,
}

/// What the controller reports.
#[derive(Clone, Debug, PartialEq)]
pub enum ScrutinyAction {
    /// An analysis was asked for on this scenario and settings (before it starts).
    Asked(Basis),
    Started {
        kind: AnalysisKind,
        total: u64,
    },
    Progress {
        done: u64,
    },
    /// The tornado, made while the global ranking still runs.
    Tornado(Rc<Tornado>),
    /// The global ranking: "what matters most" has finished.
    Ranking(Rc<Ranking>),
    WhatIf(Rc<WhatIf>),
    Goal(Rc<Answer>),
    Cancelled,
    Failed(String),
}

impl ScrutinyState {
    /// The analysis running, if any.
    pub fn running(&self) -> Option<AnalysisKind> {
        match self.status {
            AnalysisStatus::Running { kind, .. } => Some(kind),
            _ => None,
        }
    }

    /// Apply `a`; whether anything changed.
    pub fn apply(&mut self, a: ScrutinyAction) -> bool {
        let kind = self.running();
        match a {
            ScrutinyAction::Asked(b) => self.asked = Some(b),
            ScrutinyAction::Started { kind, total } => {
                self.status = AnalysisStatus::Running {
                    kind,
                    done: 0,
                    total,
                };
                match kind {
                    AnalysisKind::WhatIf => self.what_if = None,
                    AnalysisKind::Goal => self.goal = None,
                    AnalysisKind::Tornado => {}
                }
            }
            ScrutinyAction::Progress { done } => match &mut self.status {
                AnalysisStatus::Running { done: d, .. } if *d != done => *d = done,
                _ => return false,
            },
            ScrutinyAction::Tornado(t) => {
                self.tornado = Some(t);
                self.ranking = None;
                self.tornado_basis = self.asked.clone();
            }
            ScrutinyAction::Ranking(r) => {
                self.ranking = Some(r);
                self.status = AnalysisStatus::Idle;
            }
            ScrutinyAction::WhatIf(w) => {
                self.what_if = Some(w);
                self.status = AnalysisStatus::Idle;
                self.what_if_basis = self.asked.clone();
            }
            ScrutinyAction::Goal(a) => {
                self.goal = Some(a);
                self.status = AnalysisStatus::Idle;
                self.goal_basis = self.asked.clone();
            }
            ScrutinyAction::Cancelled => match kind {
                Some(k) => self.status = AnalysisStatus::Cancelled(k),
                None => return false,
            },
            ScrutinyAction::Failed(e) => match kind {
                Some(k) => self.status = AnalysisStatus::Failed(k, e),
                None => return false,
            },
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_counts_only_while_running_and_cancel_names_the_analysis() {
        let mut s = ScrutinyState::default();
        assert!(!s.apply(ScrutinyAction::Progress { done: 3 }));
        assert!(!s.apply(ScrutinyAction::Cancelled));
        s.apply(ScrutinyAction::Started {
            kind: AnalysisKind::Tornado,
            total: 10,
        });
        assert!(s.apply(ScrutinyAction::Progress { done: 3 }));
        assert_eq!(
            s.status,
            AnalysisStatus::Running {
                kind: AnalysisKind::Tornado,
                done: 3,
                total: 10
            }
        );
        assert!(s.apply(ScrutinyAction::Cancelled));
        assert_eq!(s.status, AnalysisStatus::Cancelled(AnalysisKind::Tornado));
    }

    /// An answer keeps what it was run on; it holds for the same scenario and settings and
    /// not once either changes.
    #[test]
    fn an_answer_knows_what_it_was_run_on() {
        let valid = |groups: f64| {
            let mut sc = engine::defaults::default_scenario();
            sc.demand.groups_per_month = groups;
            Rc::new(engine::ValidScenario::new(sc).expect("valid"))
        };
        let settings = engine::scenario::RunSettings {
            seed: 1,
            replications: 10,
            horizon_months: 12,
            uncertainty: false,
        };
        let asked = Basis {
            scenario: valid(10.2),
            settings,
        };
        let mut s = ScrutinyState::default();
        s.apply(ScrutinyAction::Asked(asked.clone()));
        assert!(s.what_if_basis.is_none());
        let w = engine::sensitivity::what_if::WhatIfPlan::new(
            &engine::defaults::default_scenario(),
            &settings,
            "demand.groups_per_month",
        )
        .expect("plan");
        let agg = w.job().prepare().expect("job").run(0..2);
        s.apply(ScrutinyAction::WhatIf(Rc::new(
            w.answer(&agg).expect("answer"),
        )));
        let basis = s.what_if_basis.clone().expect("kept");
        let same = Basis {
            scenario: valid(10.2),
            settings,
        };
        assert!(basis.holds_for(Some(&same)), "equal by value");
        let edited = Basis {
            scenario: valid(14.0),
            settings,
        };
        assert!(!basis.holds_for(Some(&edited)));
        let more_runs = Basis {
            settings: engine::scenario::RunSettings {
                replications: 20,
                ..settings
            },
            ..same
        };
        assert!(!basis.holds_for(Some(&more_runs)));
        assert!(!basis.holds_for(None));
    }
}
