//! Running the teams: their one job, on the page in short slices (each a few runs of every
//! team, then the page gets the thread back), merged as the workers' chunks are merged, so
//! the figures are the same as natively and in any order. A newer run (or closing the
//! workshop) stops an older one at its next slice.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use engine::aggregate::Aggregate;
use engine::report::Report;
use engine::runner::{Job, PreparedJob};
use engine::workshop::summary::leaderboard;
use engine::workshop::Workshop;
use gloo::timers::callback::Timeout;
use yew::Callback;

use crate::app::io;
use crate::app::state::workshop::WorkshopAction;

/// Time one slice aims at (ms), so the page stays responsive.
const SLICE_MS: f64 = 60.0;

struct Task {
    ws: Workshop,
    job: Job,
    prepared: PreparedJob,
    agg: Aggregate,
    next: u32,
    chunk: u32,
    rev: u64,
    gen: u64,
}

/// Which run is current: a slice of an older one finds the count moved on and stops.
pub type Token = Rc<Cell<u64>>;

/// Stop whatever run is going.
pub fn stop(token: &Token) {
    token.set(token.get() + 1);
}

/// Run the workshop at revision `rev`, telling `dispatch` how it goes.
pub fn start(ws: &Workshop, rev: u64, token: &Token, dispatch: Callback<WorkshopAction>) {
    stop(token);
    let gen = token.get();
    let job = match ws.job() {
        Ok(j) => j,
        Err(errors) => {
            let text: Vec<String> = errors.iter().take(3).map(ToString::to_string).collect();
            return dispatch.emit(WorkshopAction::Failed {
                rev,
                error: text.join("; "),
            });
        }
    };
    let prepared = match job.prepare() {
        Ok(p) => p,
        Err(errors) => {
            let text: Vec<String> = errors.iter().take(3).map(ToString::to_string).collect();
            return dispatch.emit(WorkshopAction::Failed {
                rev,
                error: text.join("; "),
            });
        }
    };
    let total = job.settings.replications;
    dispatch.emit(WorkshopAction::Started { rev, total });
    let task = Task {
        ws: ws.clone(),
        agg: prepared.empty_aggregate(),
        job,
        prepared,
        next: 0,
        chunk: 1,
        rev,
        gen,
    };
    slice(Rc::new(RefCell::new(task)), token.clone(), dispatch);
}

fn slice(task: Rc<RefCell<Task>>, token: Token, dispatch: Callback<WorkshopAction>) {
    Timeout::new(0, move || {
        let finished = {
            let Ok(mut t) = task.try_borrow_mut() else {
                return;
            };
            if token.get() != t.gen {
                return;
            }
            let total = t.job.settings.replications;
            let from = t.next;
            let to = (from + t.chunk).min(total);
            let t0 = io::now_ms();
            let part = t.prepared.run(from..to);
            t.agg.merge(&part);
            t.next = to;
            let took = io::now_ms() - t0;
            if took < SLICE_MS / 2.0 {
                t.chunk = (t.chunk * 2).min(64);
            } else if took > SLICE_MS * 2.0 && t.chunk > 1 {
                t.chunk /= 2;
            }
            if to >= total {
                let report = Report::new(&t.job, &t.prepared, &t.agg);
                let board = leaderboard(&t.ws, &report, &t.agg);
                Some(WorkshopAction::Finished {
                    rev: t.rev,
                    board: Rc::new(board),
                })
            } else {
                dispatch.emit(WorkshopAction::Progress {
                    rev: t.rev,
                    done: to,
                });
                None
            }
        };
        match finished {
            Some(a) => dispatch.emit(a),
            None => slice(task, token, dispatch),
        }
    })
    .forget();
}
