//! The simulation worker: a yew-agent 0.5 reactor.
//!
//! Registered by `src/bin/worker.rs`; spawned from the UI by [`crate::pool`].
//! One reactor instance handles one job at a time, reporting progress after every
//! batch. Roughly every [`YIELD_EVERY_MS`] it reports progress and yields to the
//! worker's event loop so that incoming messages (`Cancel`, or the bridge being
//! dropped) are delivered. (Yielding is a `setTimeout(0)`, clamped to ~4 ms by
//! browsers, hence not after every batch.)

use std::time::Duration;

use futures::{FutureExt, SinkExt, StreamExt};
use yew::platform::time::sleep;
use yew_agent::prelude::*;

use crate::protocol::{run_engine_job, run_range, FromWorker, JobSpec, PartialResult, ToWorker};

/// Minimum time between progress reports / cancellation checks.
pub const YIELD_EVERY_MS: f64 = 100.0;

/// What to do after a batch, decided from the messages queued meanwhile.
enum Control {
    Continue,
    Cancel,
    /// The bridge was dropped: the input stream is closed, exit the reactor so the
    /// worker can close itself.
    Exit,
}

#[reactor]
pub async fn SimReactor(mut scope: ReactorScope<ToWorker, FromWorker>) {
    // Start messages that arrived while a job was running.
    let mut pending: Option<JobSpec> = None;
    loop {
        let spec = match pending.take() {
            Some(spec) => spec,
            None => match scope.next().await {
                Some(ToWorker::Start(spec)) => spec,
                Some(ToWorker::Cancel { .. }) => continue,
                Some(ToWorker::EngineCheck { job_json }) => {
                    let _ = scope
                        .send(FromWorker::EngineChecked(run_engine_job(&job_json)))
                        .await;
                    continue;
                }
                None => return,
            },
        };

        let mut acc = PartialResult::default();
        let mut done = 0;
        let mut control = Control::Continue;
        let mut last_yield = js_sys::Date::now();
        while done < spec.runs {
            let n = spec.batch_size.max(1).min(spec.runs - done);
            acc.merge(&run_range(&spec, spec.first_run + done, n));
            done += n;
            if done < spec.runs && js_sys::Date::now() - last_yield < YIELD_EVERY_MS {
                continue;
            }
            let _ = scope
                .send(FromWorker::Progress {
                    job_id: spec.job_id,
                    runs_done: done,
                    runs_total: spec.runs,
                })
                .await;

            // Yield a macrotask so the worker's `onmessage` can run, then drain
            // whatever arrived without blocking.
            sleep(Duration::ZERO).await;
            while let Some(msg) = scope.next().now_or_never() {
                match msg {
                    Some(ToWorker::Cancel { job_id }) if job_id == spec.job_id => {
                        control = Control::Cancel;
                    }
                    Some(ToWorker::Cancel { .. } | ToWorker::EngineCheck { .. }) => {}
                    Some(ToWorker::Start(next)) => {
                        // A newer job supersedes this one.
                        pending = Some(next);
                        control = Control::Cancel;
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

        if matches!(control, Control::Exit) {
            return;
        }
        let reply = if done == spec.runs {
            FromWorker::Done {
                job_id: spec.job_id,
                result: acc,
            }
        } else {
            FromWorker::Cancelled {
                job_id: spec.job_id,
                runs_done: done,
            }
        };
        let _ = scope.send(reply).await;
    }
}
