//! What the simulation workers are doing (the run in progress) and what they have found
//! (the results shown). Messages about an older job than the current one are ignored.

use std::rc::Rc;

use engine::report::Report;

use crate::protocol::JobId;

#[derive(Clone, Debug, PartialEq)]
pub enum RunStatus {
    Idle,
    Running,
    Cancelling,
    Done,
    Cancelled,
    Failed(String),
}

impl RunStatus {
    pub fn key(&self) -> &'static str {
        match self {
            RunStatus::Idle => "idle",
            RunStatus::Running => "running",
            RunStatus::Cancelling => "cancelling",
            RunStatus::Done => "done",
            RunStatus::Cancelled => "cancelled",
            RunStatus::Failed(_) => "failed",
        }
    }
    pub fn is_busy(&self) -> bool {
        matches!(self, RunStatus::Running | RunStatus::Cancelling)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct RunInfo {
    pub job_id: JobId,
    pub status: RunStatus,
    pub done: u32,
    pub total: u32,
    pub workers: usize,
    pub started_ms: f64,
    pub elapsed_ms: f64,
}

impl Default for RunInfo {
    fn default() -> Self {
        RunInfo {
            job_id: 0,
            status: RunStatus::Idle,
            done: 0,
            total: 0,
            workers: 0,
            started_ms: 0.0,
            elapsed_ms: 0.0,
        }
    }
}

/// A report shared by reference (props compare by pointer).
#[derive(Clone, Debug)]
pub struct ReportRc(pub Rc<Report>);

impl PartialEq for ReportRc {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// An aggregate shared by reference (props compare by pointer).
#[derive(Clone, Debug)]
pub struct AggregateRc(pub Rc<engine::aggregate::Aggregate>);

impl PartialEq for AggregateRc {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Results {
    pub job_id: JobId,
    pub report: ReportRc,
    /// The part of the merged aggregate the presentation view reads how often a target is
    /// met from (`present::target::for_verdicts`: the charts' monthly histograms only).
    pub aggregate: AggregateRc,
    /// Ids of the docs the report's scenarios came from, in order.
    pub doc_ids: Vec<u32>,
    pub complete: bool,
}

impl Results {
    /// The report's index of a doc (the baseline when the doc was not in the job).
    pub fn index_of(&self, doc_id: u32) -> usize {
        self.doc_ids.iter().position(|d| *d == doc_id).unwrap_or(0)
    }
}

/// A message about the run, from the run controller.
pub enum RunEvent {
    Started {
        job_id: JobId,
        total: u32,
        workers: usize,
        now_ms: f64,
    },
    Progress {
        job_id: JobId,
        done: u32,
        now_ms: f64,
    },
    Results {
        results: Results,
        now_ms: f64,
    },
    Cancelling,
    Cancelled {
        job_id: JobId,
        done: u32,
    },
    Failed {
        job_id: JobId,
        error: String,
    },
}

/// The run and its results.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RunState {
    pub info: RunInfo,
    pub results: Option<Results>,
}

impl RunState {
    /// Apply an event; `false` when it changes nothing (an older job's message).
    pub fn apply(&mut self, event: RunEvent) -> bool {
        let run = &mut self.info;
        match event {
            RunEvent::Started {
                job_id,
                total,
                workers,
                now_ms,
            } => {
                *run = RunInfo {
                    job_id,
                    status: RunStatus::Running,
                    done: 0,
                    total,
                    workers,
                    started_ms: now_ms,
                    elapsed_ms: 0.0,
                };
            }
            RunEvent::Progress {
                job_id,
                done,
                now_ms,
            } => {
                if job_id != run.job_id || !run.status.is_busy() {
                    return false;
                }
                run.done = done;
                run.elapsed_ms = now_ms - run.started_ms;
            }
            RunEvent::Results { results, now_ms } => {
                if results.job_id != run.job_id {
                    return false;
                }
                if results.complete {
                    run.status = RunStatus::Done;
                    run.done = run.total;
                }
                run.elapsed_ms = now_ms - run.started_ms;
                self.results = Some(results);
            }
            RunEvent::Cancelling => {
                if run.status != RunStatus::Running {
                    return false;
                }
                run.status = RunStatus::Cancelling;
            }
            RunEvent::Cancelled { job_id, done } => {
                if job_id != run.job_id {
                    return false;
                }
                run.status = RunStatus::Cancelled;
                run.done = done;
            }
            RunEvent::Failed { job_id, error } => {
                if job_id != run.job_id {
                    return false;
                }
                run.status = RunStatus::Failed(error);
            }
        }
        true
    }
}
