//! Minimal proof-of-pipeline UI: runs a job on N workers, shows progress and the
//! merged result, supports cancellation. To be replaced by the real UI.
//!
//! CSP note: the page forbids inline styles (`style-src 'self'`), which also
//! blocks `style="..."` attributes set by Yew. Use classes, `<progress>`/`<meter>`
//! elements, or SVG presentation attributes instead of inline styles.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::pool::WorkerPool;
use crate::protocol::{
    engine_check_job, split_runs, FromWorker, JobId, JobSpec, PartialResult, ToWorker,
};

/// Placeholder work per run (~0.2 ms in release wasm).
pub const SAMPLES_PER_RUN: u32 = 20_000;
pub const DEFAULT_RUNS: u32 = 400;
pub const MAX_WORKERS: usize = 32;
/// Replications of the default scenario run by the "Check engine" button.
pub const ENGINE_CHECK_REPLICATIONS: u32 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Idle,
    Running,
    Cancelling,
    Done,
    Cancelled,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Idle => "idle",
            Status::Running => "running",
            Status::Cancelling => "cancelling",
            Status::Done => "done",
            Status::Cancelled => "cancelled",
        }
    }

    pub fn is_busy(self) -> bool {
        matches!(self, Status::Running | Status::Cancelling)
    }
}

/// Progress of one worker's share of the current job.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Slot {
    pub done: u32,
    pub total: u32,
    pub finished: bool,
    pub cancelled: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SimState {
    pub job_id: JobId,
    pub status: Status,
    pub slots: Vec<Slot>,
    pub result: PartialResult,
    pub started_ms: f64,
    pub elapsed_ms: f64,
    /// Latest engine smoke-test answer: (replications, fingerprint) or an error.
    pub engine: Option<Result<(u64, String), String>>,
}

impl Default for SimState {
    fn default() -> Self {
        Self {
            job_id: 0,
            status: Status::Idle,
            slots: Vec::new(),
            result: PartialResult::default(),
            started_ms: 0.0,
            elapsed_ms: 0.0,
            engine: None,
        }
    }
}

impl SimState {
    pub fn runs_done(&self) -> u32 {
        self.slots.iter().map(|s| s.done).sum()
    }

    pub fn runs_total(&self) -> u32 {
        self.slots.iter().map(|s| s.total).sum()
    }
}

pub enum Action {
    /// A job was sent to the workers; `totals[i]` is worker i's share.
    Start {
        job_id: JobId,
        totals: Vec<u32>,
        now_ms: f64,
    },
    CancelRequested,
    Worker {
        idx: usize,
        msg: FromWorker,
        now_ms: f64,
    },
}

impl Reducible for SimState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Start {
                job_id,
                totals,
                now_ms,
            } => {
                s.job_id = job_id;
                s.status = if totals.is_empty() {
                    Status::Done
                } else {
                    Status::Running
                };
                s.slots = totals
                    .into_iter()
                    .map(|total| Slot {
                        total,
                        ..Slot::default()
                    })
                    .collect();
                s.result = PartialResult::default();
                s.started_ms = now_ms;
                s.elapsed_ms = 0.0;
            }
            Action::CancelRequested => {
                if s.status == Status::Running {
                    s.status = Status::Cancelling;
                }
            }
            Action::Worker {
                msg: FromWorker::EngineChecked(answer),
                ..
            } => s.engine = Some(answer.map(|agg| (agg.runs, agg.fingerprint()))),
            Action::Worker { idx, msg, now_ms } => {
                let job_id = match &msg {
                    FromWorker::Progress { job_id, .. }
                    | FromWorker::Done { job_id, .. }
                    | FromWorker::Cancelled { job_id, .. } => *job_id,
                    FromWorker::EngineChecked(_) => unreachable!("handled above"),
                };
                if job_id != s.job_id || !s.status.is_busy() {
                    return self; // stale message from an earlier job
                }
                let Some(slot) = s.slots.get_mut(idx) else {
                    return self;
                };
                match msg {
                    FromWorker::Progress { runs_done, .. } => slot.done = runs_done,
                    FromWorker::Done { result, .. } => {
                        slot.done = result.runs;
                        slot.finished = true;
                        s.result.merge(&result);
                    }
                    FromWorker::Cancelled { runs_done, .. } => {
                        slot.done = runs_done;
                        slot.finished = true;
                        slot.cancelled = true;
                    }
                    FromWorker::EngineChecked(_) => {}
                }
                s.elapsed_ms = now_ms - s.started_ms;
                if s.slots.iter().all(|slot| slot.finished) {
                    s.status = if s.slots.iter().any(|slot| slot.cancelled) {
                        Status::Cancelled
                    } else {
                        Status::Done
                    };
                }
            }
        }
        Rc::new(s)
    }
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// `navigator.hardwareConcurrency`, clamped to `1..=MAX_WORKERS`.
pub fn default_worker_count() -> usize {
    web_sys::window()
        .map(|w| w.navigator().hardware_concurrency() as usize)
        .unwrap_or(1)
        .clamp(1, MAX_WORKERS)
}

/// Returns the pool, (re)spawning it if it does not have `workers` workers. Dropping
/// the old pool makes its workers exit.
fn ensure_pool<'a>(
    pool: &'a mut Option<WorkerPool>,
    workers: usize,
    state: &UseReducerHandle<SimState>,
) -> &'a WorkerPool {
    if pool.as_ref().map(WorkerPool::len) != Some(workers) {
        let dispatcher = state.dispatcher();
        *pool = Some(WorkerPool::spawn(
            workers,
            Rc::new(move |idx, msg| {
                dispatcher.dispatch(Action::Worker {
                    idx,
                    msg,
                    now_ms: now_ms(),
                })
            }),
        ));
    }
    pool.as_ref().expect("pool was just created")
}

fn input_u32(e: &Event) -> Option<u32> {
    e.target_unchecked_into::<HtmlInputElement>()
        .value()
        .trim()
        .parse()
        .ok()
}

#[function_component]
pub fn App() -> Html {
    let state = use_reducer(SimState::default);
    let runs = use_state(|| DEFAULT_RUNS);
    let workers = use_state(default_worker_count);
    // The pool lives as long as the component; dropping it shuts the workers down.
    let pool = use_mut_ref(|| Option::<WorkerPool>::None);
    let last_job = use_mut_ref(|| 0 as JobId);

    let on_run = {
        let (state, pool, last_job) = (state.clone(), pool.clone(), last_job.clone());
        let (runs, workers) = (*runs, *workers);
        Callback::from(move |_: MouseEvent| {
            let mut pool = pool.borrow_mut();
            let pool = ensure_pool(&mut pool, workers, &state);
            let job_id = {
                let mut last = last_job.borrow_mut();
                *last += 1;
                *last
            };
            let seed = 0x5EED_0000_0000_0000 ^ u64::from(job_id);
            let parts = split_runs(runs, pool.len() as u32);
            for (i, &(first_run, n)) in parts.iter().enumerate() {
                pool.send(
                    i,
                    ToWorker::Start(JobSpec {
                        job_id,
                        seed,
                        first_run,
                        runs: n,
                        batch_size: 1,
                        samples_per_run: SAMPLES_PER_RUN,
                    }),
                );
            }
            state.dispatch(Action::Start {
                job_id,
                totals: parts.iter().map(|p| p.1).collect(),
                now_ms: now_ms(),
            });
        })
    };

    let on_cancel = {
        let (state, pool) = (state.clone(), pool.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(pool) = pool.borrow().as_ref() {
                pool.broadcast(&ToWorker::Cancel {
                    job_id: state.job_id,
                });
            }
            state.dispatch(Action::CancelRequested);
        })
    };

    let on_engine_check = {
        let (state, pool, workers) = (state.clone(), pool.clone(), *workers);
        Callback::from(move |_: MouseEvent| {
            let job = engine_check_job(ENGINE_CHECK_REPLICATIONS);
            let job_json = serde_json::to_string(&job).expect("job serializes");
            let mut pool = pool.borrow_mut();
            ensure_pool(&mut pool, workers, &state).send(0, ToWorker::EngineCheck { job_json });
        })
    };

    let on_runs = {
        let runs = runs.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = input_u32(&e) {
                runs.set(v.max(1));
            }
        })
    };
    let on_workers = {
        let workers = workers.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = input_u32(&e) {
                workers.set((v as usize).clamp(1, MAX_WORKERS));
            }
        })
    };

    let busy = state.status.is_busy();
    let engine = match &state.engine {
        None => String::new(),
        Some(Ok((replications, fingerprint))) => format!(
            "Engine OK: {replications} replication(s) of the default scenario, fingerprint {fingerprint}"
        ),
        Some(Err(e)) => format!("Engine error: {e}"),
    };
    let result = match state.status {
        Status::Done => format!(
            "π ≈ {:.5} from {} runs ({} samples) on {} worker(s) in {:.0} ms",
            state.result.estimate(),
            state.result.runs,
            state.result.samples,
            state.slots.len(),
            state.elapsed_ms
        ),
        Status::Cancelled => format!(
            "Cancelled after {} of {} runs",
            state.runs_done(),
            state.runs_total()
        ),
        _ => String::new(),
    };

    html! {
        <main class="app">
            <header class="app-header">
                <h1>{ "Placement sufficiency modeller" }</h1>
                <p class="subtitle">{ "Pipeline check: Monte Carlo job in Web Workers" }</p>
            </header>
            <section class="controls no-print">
                <label>{ "Runs " }
                    <input id="runs" type="number" min="1" value={runs.to_string()}
                        onchange={on_runs} disabled={busy} />
                </label>
                <label>{ "Workers " }
                    <input id="workers" type="number" min="1" max={MAX_WORKERS.to_string()}
                        value={workers.to_string()} onchange={on_workers} disabled={busy} />
                </label>
                <button id="run" onclick={on_run} disabled={busy}>{ "Run" }</button>
                <button id="cancel" onclick={on_cancel}
                    disabled={state.status != Status::Running}>{ "Cancel" }</button>
                <button id="engine-check" class="secondary" onclick={on_engine_check}
                    disabled={busy}>{ "Check engine" }</button>
            </section>
            <section class="progress">
                <progress id="progress" max={state.runs_total().max(1).to_string()}
                    value={state.runs_done().to_string()} />
                <span id="status" data-status={state.status.as_str()}>
                    { format!("{} ({}/{})", state.status.as_str(), state.runs_done(), state.runs_total()) }
                </span>
                <ul class="workers">
                    { for state.slots.iter().enumerate().map(|(i, slot)| html! {
                        <li class="worker">
                            <span>{ format!("Worker {}", i + 1) }</span>
                            <progress max={slot.total.max(1).to_string()} value={slot.done.to_string()} />
                        </li>
                    }) }
                </ul>
            </section>
            <output id="result" data-status={state.status.as_str()}>{ result }</output>
            <output id="engine">{ engine }</output>
        </main>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(s: Rc<SimState>, a: Action) -> Rc<SimState> {
        s.reduce(a)
    }

    fn progress(job_id: JobId, runs_done: u32) -> FromWorker {
        FromWorker::Progress {
            job_id,
            runs_done,
            runs_total: 0,
        }
    }

    #[test]
    fn job_completes_when_every_worker_is_done() {
        let mut s = Rc::new(SimState::default());
        s = reduce(
            s,
            Action::Start {
                job_id: 1,
                totals: vec![3, 2],
                now_ms: 10.0,
            },
        );
        assert_eq!(s.status, Status::Running);
        s = reduce(
            s,
            Action::Worker {
                idx: 0,
                msg: progress(1, 2),
                now_ms: 11.0,
            },
        );
        assert_eq!((s.runs_done(), s.runs_total()), (2, 5));
        let part = |runs| PartialResult {
            runs,
            samples: u64::from(runs) * 10,
            hits: u64::from(runs) * 8,
        };
        s = reduce(
            s,
            Action::Worker {
                idx: 1,
                msg: FromWorker::Done {
                    job_id: 1,
                    result: part(2),
                },
                now_ms: 12.0,
            },
        );
        assert_eq!(s.status, Status::Running);
        s = reduce(
            s,
            Action::Worker {
                idx: 0,
                msg: FromWorker::Done {
                    job_id: 1,
                    result: part(3),
                },
                now_ms: 20.0,
            },
        );
        assert_eq!(s.status, Status::Done);
        assert_eq!(s.result, part(5));
        assert_eq!(s.elapsed_ms, 10.0);
    }

    #[test]
    fn stale_messages_are_ignored_and_cancel_finishes() {
        let mut s = Rc::new(SimState::default());
        s = reduce(
            s,
            Action::Start {
                job_id: 2,
                totals: vec![4, 4],
                now_ms: 0.0,
            },
        );
        let before = s.clone();
        s = reduce(
            s,
            Action::Worker {
                idx: 0,
                msg: progress(1, 3),
                now_ms: 1.0,
            },
        );
        assert!(Rc::ptr_eq(&before, &s));
        s = reduce(s, Action::CancelRequested);
        assert_eq!(s.status, Status::Cancelling);
        for idx in 0..2 {
            s = reduce(
                s,
                Action::Worker {
                    idx,
                    msg: FromWorker::Cancelled {
                        job_id: 2,
                        runs_done: 1,
                    },
                    now_ms: 2.0,
                },
            );
        }
        assert_eq!(s.status, Status::Cancelled);
        assert_eq!(s.runs_done(), 2);
    }

    #[test]
    fn empty_job_is_immediately_done() {
        let s = reduce(
            Rc::new(SimState::default()),
            Action::Start {
                job_id: 1,
                totals: vec![],
                now_ms: 0.0,
            },
        );
        assert_eq!(s.status, Status::Done);
    }
}
