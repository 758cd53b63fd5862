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

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScrutinyState {
    pub status: AnalysisStatus,
    pub tornado: Option<Rc<Tornado>>,
    /// The global ranking made after the tornado (for the same outcome).
    pub ranking: Option<Rc<Ranking>>,
    pub what_if: Option<Rc<WhatIf>>,
    pub goal: Option<Rc<Answer>>,
}

/// What the controller reports.
#[derive(Clone, Debug, PartialEq)]
pub enum ScrutinyAction {
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
            }
            ScrutinyAction::Ranking(r) => {
                self.ranking = Some(r);
                self.status = AnalysisStatus::Idle;
            }
            ScrutinyAction::WhatIf(w) => {
                self.what_if = Some(w);
                self.status = AnalysisStatus::Idle;
            }
            ScrutinyAction::Goal(a) => {
                self.goal = Some(a);
                self.status = AnalysisStatus::Idle;
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
}
