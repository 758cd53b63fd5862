//! The simulation worker: a yew-agent 0.5 reactor running the engine.
//!
//! Registered by `src/bin/worker.rs`; spawned from the UI by [`crate::pool`]. It runs one
//! chunk (a range of replications of one job) at a time, one replication per step. Roughly
//! every [`YIELD_EVERY_MS`] it reports progress and yields to the worker's event loop so that
//! incoming messages (`Cancel`, a newer job's chunk, or the bridge being dropped) are seen.
//! (Yielding is a `setTimeout(0)`, clamped to ~4 ms by browsers, hence not after every run.)

use std::collections::VecDeque;
use std::time::Duration;

use engine::runner::PreparedJob;
use futures::{FutureExt, SinkExt, StreamExt};
use yew::platform::time::sleep;
use yew_agent::prelude::*;

use crate::protocol::{prepare_job, ChunkSpec, FromWorker, JobId, ToWorker};

/// Minimum time between progress reports / cancellation checks.
pub const YIELD_EVERY_MS: f64 = 100.0;

/// What to do after a step, decided from the messages queued meanwhile.
enum Control {
    Continue,
    Cancel,
    /// The bridge was dropped: the input stream is closed, exit the reactor so the
    /// worker can close itself.
    Exit,
}

#[reactor]
pub async fn SimReactor(mut scope: ReactorScope<ToWorker, FromWorker>) {
    let mut queue: VecDeque<ChunkSpec> = VecDeque::new();
    // The prepared job of the latest job id (chunks of one job share it).
    let mut cache: Option<(JobId, Result<PreparedJob, String>)> = None;
    let mut cancelled_job: Option<JobId> = None;
    loop {
        let spec = match queue.pop_front() {
            Some(spec) => spec,
            None => match scope.next().await {
                Some(ToWorker::Run(spec)) => spec,
                Some(ToWorker::Cancel { job_id }) => {
                    cancelled_job = Some(job_id);
                    continue;
                }
                None => return,
            },
        };
        if cancelled_job == Some(spec.job_id) {
            let _ = scope.send(FromWorker::Cancelled { job_id: spec.job_id, chunk: spec.chunk, done: 0 }).await;
            continue;
        }
        if cache.as_ref().map(|c| c.0) != Some(spec.job_id) {
            cache = Some((spec.job_id, prepare_job(&spec.job_json)));
        }
        let prepared = match cache.as_ref().map(|c| &c.1) {
            Some(Ok(p)) => p,
            Some(Err(e)) => {
                let error = e.clone();
                let _ = scope.send(FromWorker::Failed { job_id: spec.job_id, chunk: spec.chunk, error }).await;
                continue;
            }
            None => continue,
        };

        let mut acc = prepared.empty_aggregate();
        let mut rep = spec.first;
        let mut control = Control::Continue;
        let mut last_yield = js_sys::Date::now();
        while rep < spec.end {
            // Run until ~YIELD_EVERY_MS have passed (at least one replication).
            let batch = prepared.run_with(rep..spec.end, |_| js_sys::Date::now() - last_yield < YIELD_EVERY_MS);
            rep += (batch.runs as u32).max(1);
            acc.merge(&batch);
            if rep < spec.end {
                let done = rep - spec.first;
                let _ = scope.send(FromWorker::Progress { job_id: spec.job_id, chunk: spec.chunk, done }).await;
            }
            // Yield a macrotask so the worker's `onmessage` can run, then drain whatever
            // arrived without blocking.
            sleep(Duration::ZERO).await;
            while let Some(msg) = scope.next().now_or_never() {
                match msg {
                    Some(ToWorker::Cancel { job_id }) => {
                        cancelled_job = Some(job_id);
                        if job_id == spec.job_id {
                            control = Control::Cancel;
                        }
                    }
                    Some(ToWorker::Run(next)) => {
                        // A newer job supersedes this one; chunks of this job wait their turn.
                        if next.job_id != spec.job_id {
                            control = Control::Cancel;
                            queue.retain(|q| q.job_id == next.job_id);
                        }
                        queue.push_back(next);
                    }
                    None => {
                        control = Control::Exit;
                        break;
                    }
                }
            }
            if !matches!(control, Control::Continue) {
                break;
            }
            last_yield = js_sys::Date::now();
        }

        let reply = match control {
            Control::Exit => return,
            Control::Cancel => FromWorker::Cancelled { job_id: spec.job_id, chunk: spec.chunk, done: rep - spec.first },
            Control::Continue => FromWorker::Done { job_id: spec.job_id, chunk: spec.chunk, aggregate: acc },
        };
        let _ = scope.send(reply).await;
    }
}
