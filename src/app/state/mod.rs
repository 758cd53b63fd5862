//! The app's state as a Yew `Reducible`, in parts, each with its own file and its own
//! small reducer:
//!
//! * [`workspace`]: the scenarios and run settings as edited ([`Work`], [`WorkAction`]);
//! * [`run`]: what the simulation workers are doing and have found ([`RunState`]);
//! * [`notices`]: the messages shown above the work ([`Notices`]);
//! * [`borough`]: an import of a council's own returns (its own reducer, never saved);
//!   [`conversions`] keeps a fitted special guardianship share true to them when the
//!   carers' leaving rates are corrected;
//! * [`saved`]: how this tab's work stands against the work saved in the browser, which
//!   other tabs share ([`SavedMark`], [`Conflict`]).
//!
//! [`AppState::reduce`] only routes each [`Action`] to its part. Storage is never touched
//! here: the hooks (`app::hooks`) read and write it and tell the state what happened.

pub mod borough;
pub mod conversions;
pub mod notices;
pub mod run;
pub mod saved;
pub mod scrutiny;
pub mod variants;
pub mod workshop;
pub mod workspace;

#[cfg(test)]
mod tests;

use std::ops::Deref;
use std::rc::Rc;

use serde_json::Value;
use yew::Reducible;

pub use notices::{Notice, NoticeAction, NoticeKind, Notices};
pub use run::{AggregateRc, ReportRc, Results, RunEvent, RunInfo, RunState, RunStatus};
pub use saved::{Choice, Conflict, SavedMark};
pub use workspace::{
    default_value, Doc, Family, NewScenario, SettingKey, Settings, Work, WorkAction,
};

use crate::app::share::{Workspace, MAX_SCENARIOS};
use crate::protocol::JobId;

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub work: Work,
    pub run: RunState,
    pub notices: Notices,
    pub saved: SavedMark,
    pub conflict: Option<Conflict>,
    /// Autosave is paused (an unreadable saved state could not be copied aside).
    pub save_paused: bool,
    /// Bumped when a slider is let go: a re-run still waiting for the burst limit starts
    /// at once (the results for where it stopped are the ones people wait for).
    pub settled: u64,
    /// The scrutiny analyses (what matters most, what if this is wrong).
    pub scrutiny: scrutiny::ScrutinyState,
}

/// Most readers want the workspace (the run controller reads `docs` and `job()`).
impl Deref for AppState {
    type Target = Work;
    fn deref(&self) -> &Work {
        &self.work
    }
}

/// Where a workspace that replaces the current one comes from. `kept` is the id, in the
/// history of earlier versions, of the work it replaces (kept there first), if any.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    ShareLink { kept: Option<u64> },
    File { name: String, kept: Option<u64> },
    Earlier { kept: Option<u64> },
}

impl Source {
    fn notice(&self) -> (String, Option<NoticeAction>) {
        let (what, kept) = match self {
            Source::ShareLink { kept } => ("the scenarios from the share link".to_string(), kept),
            Source::File { name, kept } => (name.clone(), kept),
            Source::Earlier { kept } => ("an earlier version of your work".to_string(), kept),
        };
        match kept {
            Some(id) => (
                format!("Opened {what}. The work it replaced was kept in Earlier versions and can be restored."),
                Some(NoticeAction::Restore(*id)),
            ),
            None => (format!("Opened {what}."), None),
        }
    }
}

pub enum Action {
    /// An edit of the scenarios or settings.
    Work(WorkAction),
    /// Replace the workspace. Whoever sends this has kept the current work in the history
    /// first (see `Source`).
    Load {
        ws: Workspace,
        source: Source,
    },
    /// Put the workspace back as it was before a removal or a reset.
    Undo(Rc<Workspace>),
    Notify {
        kind: NoticeKind,
        text: String,
        action: Option<NoticeAction>,
    },
    Dismiss(u32),
    SetSavePaused(bool),
    /// A slider was let go (its `change` event): run any edit still waiting now.
    Settle,
    /// Autosave wrote this tab's work (as it was at `at_rev`) at `revision`.
    Saved {
        revision: u64,
        at_rev: u64,
        active: usize,
    },
    /// Another tab saved this work at `revision`.
    OtherTabSaved {
        ws: Workspace,
        revision: u64,
    },
    /// Settle a conflict with another tab.
    Resolve(Choice),
    RunStarted {
        job_id: JobId,
        total: u32,
        workers: usize,
        now_ms: f64,
    },
    RunProgress {
        job_id: JobId,
        done: u32,
        now_ms: f64,
    },
    RunResults {
        results: Results,
        now_ms: f64,
    },
    RunCancelling,
    RunCancelled {
        job_id: JobId,
        done: u32,
    },
    RunFailed {
        job_id: JobId,
        error: String,
    },
    /// A scrutiny analysis started, progressed or finished.
    Scrutiny(scrutiny::ScrutinyAction),
}

impl From<WorkAction> for Action {
    fn from(a: WorkAction) -> Action {
        Action::Work(a)
    }
}

/// The notice shown when a tab follows another tab's newer work.
pub const FOLLOWED: &str = "This tab now shows the changes saved in another tab.";

impl AppState {
    /// The state for a saved workspace at `revision` (0: nothing saved yet).
    pub fn new(ws: Workspace) -> AppState {
        let active = ws.active;
        let mut s = AppState {
            work: Work::new(ws),
            run: RunState::default(),
            notices: Notices::default(),
            saved: SavedMark::default(),
            conflict: None,
            save_paused: false,
            settled: 0,
            scrutiny: Default::default(),
        };
        s.saved.active = active;
        s.work.refresh_job_errors();
        s
    }

    /// This tab has changes not saved yet.
    pub fn unsaved(&self) -> bool {
        self.work.rev != self.saved.at_rev
    }

    fn other_tab_saved(&mut self, ws: Workspace, revision: u64) -> bool {
        if revision <= self.saved.revision {
            return false;
        }
        if saved::same_work(&ws, &self.work.workspace()) {
            self.saved.revision = revision;
            self.conflict = None;
        } else if self.conflict.is_none() && !self.unsaved() {
            let active = self.work.active_index();
            let ws = Workspace {
                active: active.min(ws.scenarios.len().saturating_sub(1)),
                ..ws
            };
            self.work.replace(ws);
            self.saved = SavedMark {
                revision,
                at_rev: self.work.rev,
                active: self.work.active_index(),
            };
            self.notices.list.retain(|n| n.text != FOLLOWED);
            self.notices.push(NoticeKind::Info, FOLLOWED.into(), None);
        } else {
            self.conflict = Some(Conflict {
                theirs: ws,
                revision,
            });
        }
        true
    }

    fn resolve(&mut self, choice: Choice) -> bool {
        let Some(c) = self.conflict.take() else {
            return false;
        };
        match choice {
            Choice::Mine => {
                self.saved.revision = c.revision;
                self.work.rev += 1;
            }
            Choice::Theirs => {
                self.work.replace(c.theirs);
                self.saved = SavedMark {
                    revision: c.revision,
                    at_rev: self.work.rev,
                    active: self.work.active_index(),
                };
            }
            Choice::Both => {
                match saved::combine(&self.work.workspace(), &c.theirs, MAX_SCENARIOS) {
                    Ok(both) => {
                        self.work.replace(both);
                        self.saved.revision = c.revision;
                    }
                    Err(n) => {
                        self.notices.push(
                            NoticeKind::Warning,
                            format!("Both together would be {n} scenarios, more than the {MAX_SCENARIOS} that can be compared: keep one of them (the other stays in Earlier versions)."),
                            None,
                        );
                        self.conflict = Some(c);
                    }
                }
            }
        }
        true
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        let changed = match action {
            Action::Work(a) => s.work.apply(&mut s.notices, a),
            Action::Load { ws, source } => {
                s.work.replace(ws);
                let (text, action) = source.notice();
                s.notices.push(NoticeKind::Info, text, action);
                true
            }
            Action::Undo(ws) => {
                s.work.replace((*ws).clone());
                s.notices
                    .drop_actions(|a| matches!(a, NoticeAction::Undo(w) if Rc::ptr_eq(w, &ws)));
                true
            }
            Action::Notify { kind, text, action } => {
                s.notices.push(kind, text, action);
                true
            }
            Action::Dismiss(id) => {
                s.notices.dismiss(id);
                true
            }
            Action::SetSavePaused(p) => {
                s.save_paused = p;
                true
            }
            Action::Settle => {
                s.settled += 1;
                true
            }
            Action::Saved {
                revision,
                at_rev,
                active,
            } => {
                s.saved = SavedMark {
                    revision,
                    at_rev,
                    active,
                };
                true
            }
            Action::OtherTabSaved { ws, revision } => s.other_tab_saved(ws, revision),
            Action::Resolve(choice) => s.resolve(choice),
            Action::RunStarted {
                job_id,
                total,
                workers,
                now_ms,
            } => s.run.apply(RunEvent::Started {
                job_id,
                total,
                workers,
                now_ms,
            }),
            Action::RunProgress {
                job_id,
                done,
                now_ms,
            } => s.run.apply(RunEvent::Progress {
                job_id,
                done,
                now_ms,
            }),
            Action::RunResults { results, now_ms } => {
                s.run.apply(RunEvent::Results { results, now_ms })
            }
            Action::RunCancelling => s.run.apply(RunEvent::Cancelling),
            Action::RunCancelled { job_id, done } => {
                s.run.apply(RunEvent::Cancelled { job_id, done })
            }
            Action::RunFailed { job_id, error } => s.run.apply(RunEvent::Failed { job_id, error }),
            Action::Scrutiny(a) => s.scrutiny.apply(a),
        };
        if !changed {
            return self;
        }
        if s.work.rev != self.work.rev {
            s.work.refresh_job_errors();
        }
        Rc::new(s)
    }
}

/// A scenario value's name (for lists of scenarios outside the state).
pub fn scenario_name(value: &Value, n: usize) -> String {
    workspace::name_of(value, n as u32 + 1)
}
