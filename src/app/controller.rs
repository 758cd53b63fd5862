//! The bridge between the app state and the worker pool: starts jobs, routes worker
//! messages through the [`Scheduler`], builds reports from the merged aggregate (throttled)
//! and tells the state. Lives in a `use_mut_ref` of the root component.

use std::cell::RefCell;
use std::rc::Rc;

use engine::report::Report;
use engine::runner::{Job, PreparedJob};
use yew::prelude::*;

use crate::app::io;
use crate::app::run::{Effect, Scheduler};
use crate::app::state::{Action, AppState, NoticeKind, ReportRc, Results};
use crate::pool::WorkerPool;
use crate::protocol::{FromWorker, JobId};

/// Least time between two refreshes of the results while a job runs.
const REFRESH_MS: f64 = 700.0;
/// Least time between two progress updates (each re-renders the page, on the UI thread,
/// which shares the cores with the workers).
const PROGRESS_MS: f64 = 250.0;

#[derive(Default)]
pub struct Controller {
    pool: Option<WorkerPool>,
    pub workers: usize,
    sched: Option<Scheduler>,
    job: Option<(Rc<Job>, Rc<PreparedJob>, Vec<u32>)>,
    next_job: JobId,
    last_publish_ms: f64,
    last_progress_ms: f64,
    /// A refresh was skipped by the throttle.
    pending: bool,
}

pub type Shared = Rc<RefCell<Controller>>;
type Dispatch = UseReducerDispatcher<AppState>;

/// Start running the state's job (if valid); supersedes any running job.
pub fn start(ctrl: &Shared, dispatch: &Dispatch, state: &AppState) {
    let Some(job) = state.job() else { return };
    let doc_ids: Vec<u32> = state.docs.iter().map(|d| d.id).collect();
    let json = match serde_json::to_string(&job) {
        Ok(j) => j,
        Err(e) => return dispatch.dispatch(notify(format!("Could not prepare the run: {e}"))),
    };
    let prepared = match job.prepare() {
        Ok(p) => p,
        Err(errors) => {
            let text = errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; ");
            return dispatch.dispatch(notify(format!("Could not prepare the run: {text}")));
        }
    };
    let mut actions = vec![];
    {
        let Ok(mut c) = ctrl.try_borrow_mut() else {
            return;
        };
        if c.pool.is_none() {
            let workers = io::worker_count();
            let (ctrl2, dispatch2) = (ctrl.clone(), dispatch.clone());
            c.pool = Some(WorkerPool::spawn(
                workers,
                Rc::new(move |idx, msg| on_output(&ctrl2, &dispatch2, idx, msg)),
            ));
            c.workers = workers;
        }
        c.next_job += 1;
        let job_id = c.next_job;
        let total = job.settings.replications;
        let (sched, fx) =
            Scheduler::start(job_id, json, total, c.workers, prepared.empty_aggregate());
        c.sched = Some(sched);
        c.job = Some((Rc::new(job), Rc::new(prepared), doc_ids));
        c.pending = false;
        c.last_publish_ms = 0.0;
        actions.push(Action::RunStarted {
            job_id,
            total,
            workers: c.workers,
            now_ms: io::now_ms(),
        });
        apply(&mut c, fx, &mut actions);
    }
    for a in actions {
        dispatch.dispatch(a);
    }
}

pub fn cancel(ctrl: &Shared, dispatch: &Dispatch) {
    let mut actions = vec![Action::RunCancelling];
    {
        let Ok(mut c) = ctrl.try_borrow_mut() else {
            return;
        };
        let fx = c.sched.as_mut().map(Scheduler::cancel).unwrap_or_default();
        apply(&mut c, fx, &mut actions);
    }
    for a in actions {
        dispatch.dispatch(a);
    }
}

fn on_output(ctrl: &Shared, dispatch: &Dispatch, idx: usize, msg: FromWorker) {
    let mut actions = vec![];
    match ctrl.try_borrow_mut() {
        Ok(mut c) => {
            let done = matches!(msg, FromWorker::Done { .. });
            let fx = c
                .sched
                .as_mut()
                .map(|s| s.on_message(idx, msg))
                .unwrap_or_default();
            apply(&mut c, fx, &mut actions);
            if done {
                show_memory(&c);
            }
        }
        Err(_) => {
            // Busy (cannot happen in practice): handle it on the next turn of the event loop.
            let (ctrl, dispatch) = (ctrl.clone(), dispatch.clone());
            gloo::timers::callback::Timeout::new(0, move || on_output(&ctrl, &dispatch, idx, msg))
                .forget();
            return;
        }
    }
    for a in actions {
        dispatch.dispatch(a);
    }
}

/// Wasm linear memory of the page and of each worker, as data attributes of `<html>`
/// (`data-app-wasm-bytes`, `data-worker-wasm-bytes="a,b"`), read by the benchmark.
fn show_memory(c: &Controller) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let workers = c.sched.as_ref().map(|s| {
        s.worker_memory
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(",")
    });
    let _ = root.set_attribute(
        "data-app-wasm-bytes",
        &crate::agent::wasm_memory_bytes().to_string(),
    );
    if let Some(w) = workers {
        let _ = root.set_attribute("data-worker-wasm-bytes", &w);
    }
}

fn notify(text: String) -> Action {
    Action::Notify {
        kind: NoticeKind::Error,
        text,
        action: None,
    }
}

fn apply(c: &mut Controller, fx: Vec<Effect>, actions: &mut Vec<Action>) {
    let job_id = c.sched.as_ref().map(|s| s.job_id).unwrap_or(0);
    for e in fx {
        match e {
            Effect::Send(w, msg) => {
                if let Some(pool) = &c.pool {
                    pool.send(w, msg);
                }
            }
            Effect::Progress { done, total } => {
                let now = io::now_ms();
                if done == 0 || done >= total || now - c.last_progress_ms >= PROGRESS_MS {
                    c.last_progress_ms = now;
                    actions.push(Action::RunProgress {
                        job_id,
                        done,
                        now_ms: now,
                    });
                }
            }
            Effect::Publish { last } => {
                let now = io::now_ms();
                if last || now - c.last_publish_ms >= REFRESH_MS {
                    publish(c, last, actions);
                } else {
                    c.pending = true;
                }
            }
            Effect::Cancelled { done, .. } => {
                if c.pending {
                    publish(c, false, actions);
                }
                actions.push(Action::RunCancelled { job_id, done });
            }
            Effect::Failed(error) => actions.push(Action::RunFailed { job_id, error }),
        }
    }
}

fn publish(c: &mut Controller, last: bool, actions: &mut Vec<Action>) {
    let (Some(s), Some((job, prepared, doc_ids))) = (&c.sched, &c.job) else {
        return;
    };
    let report = Report::new(job, prepared, &s.aggregate);
    actions.push(Action::RunResults {
        results: Results {
            job_id: s.job_id,
            report: ReportRc(Rc::new(report)),
            doc_ids: doc_ids.clone(),
            complete: last,
        },
        now_ms: io::now_ms(),
    });
    c.last_publish_ms = io::now_ms();
    c.pending = false;
}
