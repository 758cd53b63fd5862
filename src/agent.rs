//! The simulation worker: a yew-agent 0.5 reactor running the engine.
//!
//! Registered by `src/bin/worker.rs`; spawned from the UI by [`crate::pool`]. It runs one
//! chunk (a range of replications of one job) at a time. Roughly every [`YIELD_EVERY_MS`]
//! it yields to the worker's event loop so that incoming messages (`Cancel`, a newer job's
//! chunk, or the bridge being dropped) are seen soon (a newer job's preview waits for that),
//! and every [`PROGRESS_EVERY_MS`] it reports progress. Yielding hops through a
//! `MessageChannel` message to itself and then a `setTimeout(0)`: a bare `setTimeout(0)`
//! from a timer's callback is clamped to ~4 ms by browsers, and a bare port message can
//! run ahead of the page's messages.

use std::collections::VecDeque;
use std::time::Duration;

use futures::{FutureExt, SinkExt, StreamExt};
use yew::platform::time::sleep;
use yew_agent::prelude::*;

use crate::protocol::{ChunkSpec, FromWorker, JobCache, JobId, ToWorker};

/// Least time between two looks at the incoming messages (cancellation, newer jobs).
/// (A look itself is cheap: the chunk's simulators and aggregate carry over.)
pub const YIELD_EVERY_MS: f64 = 50.0;
/// Least time between two progress reports.
pub const PROGRESS_EVERY_MS: f64 = 150.0;

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
    // The prepared job of the latest job id (chunks of one job share it; a job that only
    // changes the number of runs reuses it).
    let mut cache = JobCache::default();
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
            let _ = scope
                .send(FromWorker::Cancelled {
                    job_id: spec.job_id,
                    chunk: spec.chunk,
                    done: 0,
                })
                .await;
            continue;
        }
        let prepared = match cache.get(spec.job_id, &spec.job_json) {
            Ok(p) => p,
            Err(e) => {
                let error = e.to_string();
                let _ = scope
                    .send(FromWorker::Failed {
                        job_id: spec.job_id,
                        chunk: spec.chunk,
                        error,
                    })
                    .await;
                continue;
            }
        };

        // One batch for the whole chunk: its simulators and aggregate carry over the slices.
        let mut batch = prepared.batch();
        // A chunk reaching past the job's replications runs only those it has.
        let end = spec.end.min(prepared.settings.replications);
        let mut rep = spec.first.min(end);
        let mut control = Control::Continue;
        let mut last_yield = js_sys::Date::now();
        let mut last_progress = last_yield;
        while rep < end {
            // Run until ~YIELD_EVERY_MS have passed (at least one replication).
            let ran = batch.run_with(rep..end, |_| {
                js_sys::Date::now() - last_yield < YIELD_EVERY_MS
            });
            rep += ran.max(1);
            let now = js_sys::Date::now();
            if rep < end && now - last_progress >= PROGRESS_EVERY_MS {
                last_progress = now;
                let done = rep.saturating_sub(spec.first);
                let _ = scope
                    .send(FromWorker::Progress {
                        job_id: spec.job_id,
                        chunk: spec.chunk,
                        done,
                    })
                    .await;
            }
            // Yield a macrotask so the worker's `onmessage` can run, then drain whatever
            // arrived without blocking.
            yield_to_event_loop().await;
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
            Control::Cancel => FromWorker::Cancelled {
                job_id: spec.job_id,
                chunk: spec.chunk,
                done: rep.saturating_sub(spec.first),
            },
            Control::Continue => FromWorker::Done {
                job_id: spec.job_id,
                chunk: spec.chunk,
                aggregate: batch.finish(),
                memory: wasm_memory_bytes(),
            },
        };
        let _ = scope.send(reply).await;
        // The reply is posted to the page by another task of this worker, which runs only
        // when this one yields: yield before starting a chunk that is already queued, or
        // the result (the preview's, say) waits for that chunk's first time slice.
        if !queue.is_empty() {
            yield_to_event_loop().await;
        }
    }
}

/// This instance's wasm linear memory in bytes (0 outside wasm).
pub fn wasm_memory_bytes() -> u32 {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        wasm_bindgen::memory()
            .dyn_into::<js_sys::WebAssembly::Memory>()
            .ok()
            .and_then(|m| m.buffer().dyn_into::<js_sys::ArrayBuffer>().ok())
            .map(|b| b.byte_length())
            .unwrap_or(0)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0
    }
}

/// Lets the worker's event loop run (incoming messages) and resumes at once (see the
/// module's notes).
async fn yield_to_event_loop() {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsValue;
        if let Ok(channel) = web_sys::MessageChannel::new() {
            let port1 = channel.port1();
            let port2 = channel.port2();
            let promise = js_sys::Promise::new(&mut |resolve, _reject| {
                port1.set_onmessage(Some(&resolve));
            });
            if port2.post_message(&JsValue::NULL).is_ok() {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
                port1.set_onmessage(None);
                port1.close();
                port2.close();
            } else {
                port1.set_onmessage(None);
            }
        }
    }
    // Then a timer: a port message alone can run ahead of the messages from the page, which
    // would then wait for the end of the chunk. Set from the port's task, the timer is not
    // nested in another timer, so it is not clamped.
    sleep(Duration::ZERO).await;
}
