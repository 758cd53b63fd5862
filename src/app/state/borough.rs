//! Your own borough: the state of an import of a council's SSDA903 returns (its own small
//! reducer, beside the workspace and never saved: its quality report holds CHILD ids for
//! the screen). What the worker last answered ([`Outcome`]), the choices that refit
//! (placement table, as-at date, window), the fit groups to accept, the edits to the
//! assumptions the return does not hold, and the hindcast date. A request under way can be
//! cancelled: the choices go back to those of the answer on screen.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use engine::ssda903::fit::FitGroup;
use engine::ssda903::PlacementMap;
use serde_json::Value;
use yew::Reducible;

use crate::borough::Outcome;

/// Default reference window, in years.
pub const DEFAULT_WINDOW_YEARS: u32 = 3;
/// Default hindcast replications (a verdict, not a forecast: a few hundred are plenty).
pub const HINDCAST_RUNS: u32 = 200;

#[derive(Clone, Debug, PartialEq)]
pub struct BoroughState {
    /// The panel is shown.
    pub open: bool,
    /// Names of the files read (bytes stay in the panel and the worker).
    pub files: Vec<String>,
    /// The latest request sent (0: none under way or it was cancelled); answers to other
    /// requests are ignored.
    pub request: u32,
    /// A request under way: its step in words and share done.
    pub busy: Option<(String, f64)>,
    pub map: PlacementMap,
    /// The date to fit as at (YYYY-MM-DD); `None`: the last date in the returns.
    pub as_at: Option<String>,
    pub window_years: u32,
    pub outcome: Option<Rc<Outcome>>,
    /// Fit groups to take from the returns (the others keep the baseline's values).
    pub accepted: BTreeSet<FitGroup>,
    /// Values the user entered for assumptions the return does not hold (path -> value).
    pub entered: BTreeMap<String, Value>,
    /// The hindcast date asked for, if any.
    pub hindcast_as_at: Option<String>,
    /// The choices the answer on screen was made with (restored when a later request is
    /// cancelled).
    pub answered: Option<AnsweredChoices>,
    /// The last request was cancelled (said on screen until the next one is sent).
    pub cancelled: bool,
}

/// The choices behind an answer.
#[derive(Clone, Debug, PartialEq)]
pub struct AnsweredChoices {
    pub map: PlacementMap,
    pub as_at: Option<String>,
    pub window_years: u32,
    pub hindcast_as_at: Option<String>,
}

impl Default for BoroughState {
    fn default() -> Self {
        BoroughState {
            open: false,
            files: vec![],
            request: 0,
            busy: None,
            map: PlacementMap::default(),
            as_at: None,
            window_years: DEFAULT_WINDOW_YEARS,
            outcome: None,
            accepted: FitGroup::ALL.into_iter().collect(),
            entered: BTreeMap::new(),
            hindcast_as_at: None,
            answered: None,
            cancelled: false,
        }
    }
}

pub enum BoroughAction {
    Open(bool),
    /// Request `id` was sent (with new files, their names).
    Sent {
        id: u32,
        files: Option<Vec<String>>,
    },
    Progress {
        id: u32,
        stage: String,
        fraction: f64,
    },
    Answered {
        id: u32,
        outcome: Rc<Outcome>,
    },
    /// The worker failed (it is replaced); the request is over.
    Failed {
        id: u32,
    },
    /// The user cancelled request `id` (its worker was stopped): the answer on screen and
    /// its choices stay; nothing of the request may arrive after.
    Cancelled {
        id: u32,
    },
    SetMap(PlacementMap),
    SetAsAt(Option<String>),
    SetWindow(u32),
    Accept {
        group: FitGroup,
        yes: bool,
    },
    Enter {
        path: String,
        value: Value,
    },
    SetHindcast(Option<String>),
}

impl BoroughState {
    pub fn reduce(mut self, action: BoroughAction) -> BoroughState {
        match action {
            BoroughAction::Open(o) => self.open = o,
            BoroughAction::Sent { id, files } => {
                self.request = id;
                self.busy = Some(("starting".into(), 0.0));
                self.cancelled = false;
                if let Some(f) = files {
                    self.files = f;
                    self.outcome = None;
                    self.answered = None;
                    self.hindcast_as_at = None;
                    self.as_at = None;
                }
            }
            BoroughAction::Progress {
                id,
                stage,
                fraction,
            } if id == self.request => self.busy = Some((stage, fraction)),
            BoroughAction::Answered { id, outcome } if id == self.request && id != 0 => {
                self.busy = None;
                self.outcome = Some(outcome);
                self.answered = Some(AnsweredChoices {
                    map: self.map.clone(),
                    as_at: self.as_at.clone(),
                    window_years: self.window_years,
                    hindcast_as_at: self.hindcast_as_at.clone(),
                });
            }
            BoroughAction::Failed { id } if id == self.request => self.busy = None,
            BoroughAction::Cancelled { id } if id == self.request && id != 0 => {
                self.busy = None;
                self.request = 0;
                self.cancelled = true;
                if let Some(a) = self.answered.clone() {
                    self.map = a.map;
                    self.as_at = a.as_at;
                    self.window_years = a.window_years;
                    self.hindcast_as_at = a.hindcast_as_at;
                }
            }
            BoroughAction::Progress { .. }
            | BoroughAction::Answered { .. }
            | BoroughAction::Failed { .. }
            | BoroughAction::Cancelled { .. } => {}
            BoroughAction::SetMap(m) => self.map = m,
            BoroughAction::SetAsAt(d) => self.as_at = d,
            BoroughAction::SetWindow(w) => self.window_years = w,
            BoroughAction::Accept { group, yes } => {
                if yes {
                    self.accepted.insert(group);
                } else {
                    self.accepted.remove(&group);
                }
            }
            BoroughAction::Enter { path, value } => {
                self.entered.insert(path, value);
            }
            BoroughAction::SetHindcast(d) => self.hindcast_as_at = d,
        }
        self
    }

    /// The hindcast in the latest answer, if it worked.
    pub fn hindcast(&self) -> Option<&engine::ssda903::hindcast::Hindcast> {
        self.outcome.as_ref()?.hindcast.as_ref()?.as_ref().ok()
    }
}

impl Reducible for BoroughState {
    type Action = BoroughAction;
    fn reduce(self: Rc<Self>, action: BoroughAction) -> Rc<Self> {
        Rc::new((*self).clone().reduce(action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_to_older_requests_are_ignored_and_new_files_start_afresh() {
        let s = BoroughState::default().reduce(BoroughAction::Sent {
            id: 1,
            files: Some(vec!["a.csv".into()]),
        });
        assert!(s.busy.is_some());
        let s = s.reduce(BoroughAction::SetAsAt(Some("2020-03-31".into())));
        let s = s.reduce(BoroughAction::Sent { id: 2, files: None });
        let s = s.reduce(BoroughAction::Progress {
            id: 1,
            stage: "old".into(),
            fraction: 0.5,
        });
        assert_eq!(s.busy, Some(("starting".into(), 0.0)));
        let s = s.reduce(BoroughAction::Failed { id: 1 });
        assert!(s.busy.is_some(), "an older request's failure ends nothing");
        let s = s.reduce(BoroughAction::Failed { id: 2 });
        assert!(s.busy.is_none());
        assert_eq!(s.as_at.as_deref(), Some("2020-03-31"));
        let s = s.reduce(BoroughAction::Sent {
            id: 3,
            files: Some(vec!["b.csv".into()]),
        });
        assert_eq!(
            s.as_at, None,
            "new returns are fitted as at their last date"
        );
        assert_eq!(s.files, vec!["b.csv".to_string()]);
    }

    #[test]
    fn a_cancelled_request_keeps_the_answer_on_screen_and_its_choices_and_hears_nothing_more() {
        let outcome = |n: usize| {
            Rc::new(Outcome {
                report: Default::default(),
                child_ids: vec![],
                returns: vec![2020 + n as i32],
                observed_from: None,
                observed_to: None,
                fit: Err(crate::borough::Problem {
                    field: "returns".into(),
                    message: "none".into(),
                }),
                history: vec![],
                hindcast: None,
                import_ms: 0.0,
                fit_ms: 0.0,
            })
        };
        let s = BoroughState::default()
            .reduce(BoroughAction::Sent {
                id: 1,
                files: Some(vec!["a.csv".into()]),
            })
            .reduce(BoroughAction::Answered {
                id: 1,
                outcome: outcome(1),
            });
        // A hindcast is asked for, then cancelled while it runs.
        let s = s
            .reduce(BoroughAction::SetHindcast(Some("2019-03-31".into())))
            .reduce(BoroughAction::SetWindow(2))
            .reduce(BoroughAction::Sent { id: 2, files: None })
            .reduce(BoroughAction::Progress {
                id: 2,
                stage: "hindcast: 20 of 200 runs".into(),
                fraction: 0.9,
            });
        assert!(s.busy.is_some());
        let s = s.reduce(BoroughAction::Cancelled { id: 2 });
        assert!(s.busy.is_none() && s.cancelled);
        assert_eq!(s.hindcast_as_at, None, "back to the choices on screen");
        assert_eq!(s.window_years, DEFAULT_WINDOW_YEARS);
        assert_eq!(s.outcome.as_ref().unwrap().returns, vec![2021]);
        // Anything the stopped request still sends is ignored.
        let s = s
            .reduce(BoroughAction::Progress {
                id: 2,
                stage: "late".into(),
                fraction: 1.0,
            })
            .reduce(BoroughAction::Answered {
                id: 2,
                outcome: outcome(2),
            });
        assert!(s.busy.is_none());
        assert_eq!(s.outcome.as_ref().unwrap().returns, vec![2021]);
        // The next request clears the note.
        let s = s.reduce(BoroughAction::Sent { id: 3, files: None });
        assert!(!s.cancelled);
    }

    #[test]
    fn groups_are_accepted_one_by_one() {
        let s = BoroughState::default();
        assert_eq!(
            s.accepted.len(),
            FitGroup::ALL.len(),
            "all accepted at first"
        );
        let s = s.reduce(BoroughAction::Accept {
            group: FitGroup::Exits,
            yes: false,
        });
        assert!(!s.accepted.contains(&FitGroup::Exits));
        assert_eq!(s.accepted.len(), FitGroup::ALL.len() - 1);
    }
}
