//! The bridge between the app state and the worker pool: starts jobs, routes worker
//! messages through the [`Scheduler`], builds reports from the merged aggregate (throttled)
//! and tells the state. Lives in a `use_mut_ref` of the root component.
//!
//! A cancelled or superseded job is over for the page at once; its workers are asked to
//! stop. A worker reads messages only between replications, and reports progress every
//! ~150 ms while replications are short: from [`GRACE_MS`] after the stop, one that still
//! holds the old job's chunks and has been silent for [`QUIET_MS`] is in a long
//! replication, and is terminated and replaced (its chunks of the newer job sent again). A worker that dies is replaced by the pool; its
//! chunks are sent again (see [`Scheduler::worker_lost`]). Every [`WATCHDOG_MS`] the pool's
//! watchdog looks for workers silent for too long.

use std::cell::RefCell;
use std::rc::Rc;

use engine::report::Report;
use engine::runner::{Job, PreparedJob};
use gloo::timers::callback::{Interval, Timeout};
use yew::prelude::*;

use crate::app::analysis::{AnalysisRun, Merged, Work};
use crate::app::components::present::target::for_verdicts;
use crate::app::io;
use crate::app::run::{Effect, Scheduler};
use crate::app::state::scrutiny::ScrutinyAction;
use crate::app::state::{Action, AggregateRc, AppState, NoticeKind, ReportRc, Results};
use crate::pool::{PoolEvent, WorkerPool};
use crate::protocol::{FromWorker, JobId};

/// Least time between two refreshes of the results while a job runs.
const REFRESH_MS: f64 = 700.0;
/// Least time between two progress updates (each re-renders the page, on the UI thread,
/// which shares the cores with the workers).
const PROGRESS_MS: f64 = 250.0;
/// How long the workers of a cancelled or superseded job have to give up its chunks
/// before they may be terminated (they look at their messages every ~50 ms)...
pub const GRACE_MS: u32 = 80;
/// ...if silent this long (ms): longer than a worker between replications is silent.
pub const QUIET_MS: f64 = 2.0 * crate::agent::PROGRESS_EVERY_MS;
/// How often the workers still holding a stopped job's chunks are looked at again.
const EVICT_CHECK_MS: u32 = 40;
/// How often the pool's watchdog looks for silent workers.
pub const WATCHDOG_MS: u32 = 1000;

#[derive(Default)]
pub struct Controller {
    pool: Option<WorkerPool>,
    /// Terminates the workers still busy with a stopped job (armed when a job stops).
    eviction: Option<Timeout>,
    watchdog: Option<Interval>,
    pub workers: usize,
    sched: Option<Scheduler>,
    job: Option<(Rc<Job>, Rc<PreparedJob>, Vec<u32>)>,
    next_job: JobId,
    last_publish_ms: f64,
    last_progress_ms: f64,
    /// A refresh was skipped by the throttle.
    pending: bool,
    /// The scrutiny analysis whose jobs the scheduler runs, if any.
    analysis: Option<AnalysisRun>,
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
    // Each scenario was validated where it was edited, and the job as a whole when the
    // state changed: compile them as they are, without validating again.
    let Some(valid) = state.valid_scenarios() else {
        return;
    };
    // Each scenario against its comparator, as the workers compare them (so the page's
    // aggregate and report name the scenario each is compared with).
    let prepared = PreparedJob::compile(job.settings, &valid).comparing(job.comparators());
    let mut actions = vec![];
    {
        let Ok(mut c) = ctrl.try_borrow_mut() else {
            return;
        };
        if c.pool.is_none() {
            spawn_pool(&mut c, ctrl, dispatch);
        }
        // An analysis under way is given up for the run.
        if c.analysis.take().is_some() {
            actions.push(Action::Scrutiny(ScrutinyAction::Cancelled));
        }
        // A job still running is superseded: its workers are asked to stop (the newer
        // job's chunks also tell them) and terminated if they do not in time.
        let superseded = c.sched.as_mut().map(Scheduler::cancel).unwrap_or_default();
        for e in superseded {
            if let Effect::Send(w, msg) = e {
                if let Some(pool) = &c.pool {
                    pool.send(w, msg);
                }
            }
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
        arm_eviction(&mut c, ctrl, dispatch);
    }
    for a in actions {
        dispatch.dispatch(a);
    }
}

/// Spawn the pool (and its watchdog), its events coming back to `on_event`.
fn spawn_pool(c: &mut Controller, ctrl: &Shared, dispatch: &Dispatch) {
    let workers = io::worker_count();
    let (ctrl2, dispatch2) = (ctrl.clone(), dispatch.clone());
    let pool = WorkerPool::spawn(
        workers,
        Rc::new(move |event| on_event(&ctrl2, &dispatch2, event)),
    );
    if io::query_param("test").is_some() {
        pool.install_test_hooks();
    }
    c.pool = Some(pool);
    c.workers = workers;
    let (ctrl, dispatch) = (ctrl.clone(), dispatch.clone());
    c.watchdog = Some(Interval::new(WATCHDOG_MS, move || {
        with_controller(&ctrl, &dispatch, |c, actions| {
            let overdue = c.pool.as_ref().map(WorkerPool::overdue).unwrap_or_default();
            for (w, why) in overdue {
                web_sys::console::warn_1(&format!("simulation worker {w}: {why}").into());
                lost(c, w, Some(&why), actions);
            }
        });
    }));
}

/// Stop the running job now (the page shows it cancelled at once).
pub fn cancel(ctrl: &Shared, dispatch: &Dispatch) {
    with_controller(ctrl, dispatch, |c, actions| {
        let Some(s) = c.sched.as_mut() else { return };
        let fx = s.cancel();
        if fx.is_empty() && !s.is_complete() {
            // Already stopped (say by a failure the page has not shown yet): say so.
            actions.push(Action::RunCancelled {
                job_id: s.job_id,
                done: s.merged_runs,
            });
        }
        apply(c, fx, actions);
    });
    if let Ok(mut c) = ctrl.try_borrow_mut() {
        arm_eviction(&mut c, ctrl, dispatch);
    }
}

/// Run `f` on the controller and then dispatch the actions it produced; when the
/// controller is busy (cannot happen in practice), on the next turn of the event loop.
fn with_controller(
    ctrl: &Shared,
    dispatch: &Dispatch,
    f: impl FnOnce(&mut Controller, &mut Vec<Action>) + 'static,
) {
    let mut actions = vec![];
    match ctrl.try_borrow_mut() {
        Ok(mut c) => f(&mut c, &mut actions),
        Err(_) => {
            let (ctrl, dispatch) = (ctrl.clone(), dispatch.clone());
            Timeout::new(0, move || with_controller(&ctrl, &dispatch, f)).forget();
            return;
        }
    }
    for a in actions {
        dispatch.dispatch(a);
    }
}

fn on_event(ctrl: &Shared, dispatch: &Dispatch, event: PoolEvent) {
    let (ctrl2, dispatch2) = (ctrl.clone(), dispatch.clone());
    with_controller(ctrl, dispatch, move |c, actions| match event {
        PoolEvent::Output(idx, msg) => {
            let done = matches!(msg, FromWorker::Done { .. } | FromWorker::Sampled { .. });
            let failed = matches!(msg, FromWorker::Failed { .. });
            let fx = c
                .sched
                .as_mut()
                .map(|s| s.on_message(idx, msg))
                .unwrap_or_default();
            apply(c, fx, actions);
            if done {
                show_memory(c);
            }
            if failed {
                arm_eviction(c, &ctrl2, &dispatch2);
            }
        }
        PoolEvent::Lost { worker, reason } => {
            web_sys::console::warn_1(&format!("simulation worker {worker}: {reason}").into());
            let was_running = c.sched.as_ref().is_some_and(Scheduler::is_running);
            // (The pool has already replaced it.)
            let fx = c
                .sched
                .as_mut()
                .map(|s| s.worker_lost(worker, Some(&reason)))
                .unwrap_or_default();
            apply(c, fx, actions);
            if was_running && !c.sched.as_ref().is_some_and(Scheduler::is_running) {
                arm_eviction(c, &ctrl2, &dispatch2);
            }
        }
    });
}

/// Replace worker `w` and send its chunks again (`failure`: it died, and why).
fn lost(c: &mut Controller, w: usize, failure: Option<&str>, actions: &mut Vec<Action>) {
    if let Some(pool) = &c.pool {
        pool.replace(w);
    }
    let fx = c
        .sched
        .as_mut()
        .map(|s| s.worker_lost(w, failure))
        .unwrap_or_default();
    apply(c, fx, actions);
}

/// From [`GRACE_MS`] on, terminate (and replace) the workers still holding chunks of a job
/// that is no longer running and silent for [`QUIET_MS`]; the running job's chunks they
/// held are sent again. Looks again every `EVICT_CHECK_MS` until none holds such chunks.
fn arm_eviction(c: &mut Controller, ctrl: &Shared, dispatch: &Dispatch) {
    if c.eviction.is_none() && !stale_workers(c).is_empty() {
        schedule_eviction(c, ctrl, dispatch, GRACE_MS);
    }
}

fn schedule_eviction(c: &mut Controller, ctrl: &Shared, dispatch: &Dispatch, delay: u32) {
    let (ctrl, dispatch) = (ctrl.clone(), dispatch.clone());
    c.eviction = Some(Timeout::new(delay, move || {
        let (ctrl2, dispatch2) = (ctrl.clone(), dispatch.clone());
        with_controller(&ctrl, &dispatch, move |c, actions| {
            let stale = stale_workers(c);
            for &(w, silent_ms) in &stale {
                if silent_ms >= QUIET_MS {
                    lost(c, w, None, actions);
                }
            }
            // (Replacing this timeout from its own callback is safe: wasm-bindgen frees a
            // closure dropped while it runs once it returns.)
            if stale_workers(c).is_empty() {
                c.eviction = None;
            } else {
                schedule_eviction(c, &ctrl2, &dispatch2, EVICT_CHECK_MS);
            }
        });
    }));
}

/// Workers holding chunks of a job that is not running, and how long each has been silent.
fn stale_workers(c: &Controller) -> Vec<(usize, f64)> {
    let current = running_job(c);
    c.pool
        .as_ref()
        .map(|p| p.holding_other_than(current))
        .unwrap_or_default()
}

fn running_job(c: &Controller) -> Option<JobId> {
    c.sched
        .as_ref()
        .filter(|s| s.is_running())
        .map(|s| s.job_id)
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

/// Carry out the scheduler's effects: send chunks, and tell the state of the progress,
/// results, cancellation or failure of the main run or, when the scheduler runs a job of
/// the scrutiny analysis under way, of the analysis (progress over the whole analysis; the
/// next job when one finishes).
fn apply(c: &mut Controller, fx: Vec<Effect>, actions: &mut Vec<Action>) {
    let job_id = c.sched.as_ref().map(|s| s.job_id).unwrap_or(0);
    let analysis = c
        .analysis
        .as_ref()
        .is_some_and(|a| a.job_id == Some(job_id));
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
                    match &c.analysis {
                        Some(run) if analysis => {
                            let done = run.done(done);
                            actions.push(Action::Scrutiny(ScrutinyAction::Progress { done }));
                        }
                        _ => actions.push(Action::RunProgress {
                            job_id,
                            done,
                            now_ms: now,
                        }),
                    }
                }
            }
            Effect::Publish { last: false } if analysis => {}
            Effect::Publish { last: true } if analysis => {
                let merged = c.sched.as_mut().map(|s| match s.work() {
                    crate::protocol::Work::Job => Merged::Aggregate(s.aggregate.clone()),
                    crate::protocol::Work::Sampled => Merged::Runs(std::mem::take(&mut s.runs)),
                });
                if let (Some(run), Some(m)) = (c.analysis.as_mut(), merged) {
                    actions.extend(run.finished(m).map(Action::Scrutiny));
                }
                launch_next(c, actions);
            }
            Effect::Publish { last } => {
                let now = io::now_ms();
                if last || now - c.last_publish_ms >= REFRESH_MS {
                    publish(c, last, actions);
                } else {
                    c.pending = true;
                }
            }
            Effect::Cancelled { .. } if analysis => {
                c.analysis = None;
                actions.push(Action::Scrutiny(ScrutinyAction::Cancelled));
            }
            Effect::Cancelled { done, .. } => {
                if c.pending {
                    publish(c, false, actions);
                }
                actions.push(Action::RunCancelled { job_id, done });
            }
            Effect::Failed(error) if analysis => analysis_failed(c, error, actions),
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
            // Only the histograms the presentation view's target verdict reads.
            aggregate: AggregateRc(Rc::new(for_verdicts(&s.aggregate))),
            doc_ids: doc_ids.clone(),
            complete: last,
        },
        now_ms: io::now_ms(),
    });
    c.last_publish_ms = io::now_ms();
    c.pending = false;
}

/// Start a scrutiny analysis on the workers (it supersedes any job running); the state
/// hears of its progress and answer through [`Action::Scrutiny`].
pub fn start_analysis(ctrl: &Shared, dispatch: &Dispatch, run: AnalysisRun) {
    let kind = run.kind;
    let total = run.total();
    with_controller(ctrl, dispatch, move |c, actions| {
        if c.pool.is_none() {
            return actions.push(Action::Scrutiny(ScrutinyAction::Failed(
                "the simulation workers are not ready yet".into(),
            )));
        }
        let superseded = c.sched.as_mut().map(Scheduler::cancel).unwrap_or_default();
        apply(c, superseded, actions);
        c.analysis = Some(run);
        actions.push(Action::Scrutiny(ScrutinyAction::Started { kind, total }));
        launch_next(c, actions);
    });
    if let Ok(mut c) = ctrl.try_borrow_mut() {
        arm_eviction(&mut c, ctrl, dispatch);
    }
}

/// Send the analysis's next job to the workers, or report its answer when none is left.
fn launch_next(c: &mut Controller, actions: &mut Vec<Action>) {
    let Some(run) = c.analysis.as_mut() else {
        return;
    };
    let job = match run.next_job() {
        Ok(Some(job)) => job,
        Ok(None) => {
            let answer = run.answer().unwrap_or_else(ScrutinyAction::Failed);
            c.analysis = None;
            return actions.push(Action::Scrutiny(answer));
        }
        Err(e) => return analysis_failed(c, e, actions),
    };
    let total = job.runs();
    let json = match &job {
        Work::Job(j) => serde_json::to_string(j),
        Work::Sampled { job, .. } => serde_json::to_string(job),
    };
    let json = match json {
        Ok(json) => json,
        Err(e) => return analysis_failed(c, e.to_string(), actions),
    };
    c.next_job += 1;
    let job_id = c.next_job;
    run.job_id = Some(job_id);
    let (sched, fx) = match job {
        Work::Job(job) => {
            let prepared = match job.prepare() {
                Ok(p) => p,
                Err(errors) => {
                    let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
                    return analysis_failed(c, list.join("; "), actions);
                }
            };
            let empty = prepared.empty_aggregate();
            c.job = Some((Rc::new(job), Rc::new(prepared), vec![]));
            Scheduler::start(job_id, json, total, c.workers, empty)
        }
        Work::Sampled { variants, .. } => {
            Scheduler::start_sampled(job_id, json, total, c.workers, variants)
        }
    };
    c.sched = Some(sched);
    apply(c, fx, actions);
}

fn analysis_failed(c: &mut Controller, error: String, actions: &mut Vec<Action>) {
    c.analysis = None;
    actions.push(Action::Scrutiny(ScrutinyAction::Failed(error)));
}
