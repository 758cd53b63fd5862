//! The simulation worker: what runs inside each Web Worker (`src/bin/worker.rs` calls
//! [`serve`]); spawned and watched from the page by [`crate::pool`].
//!
//! Messages are bincode 2 (yew-agent's codec, [`Bincode`]) in `Uint8Array`s. The worker
//! first says [`FromWorker::Ready`], then runs one chunk (a range of replications of one
//! job) at a time and answers each chunk exactly once (`Done`, `Cancelled` or `Failed`).
//! Roughly every [`YIELD_EVERY_MS`] it yields to its event loop so that incoming messages
//! (`Cancel`, a newer job's chunk) are seen soon, and every [`PROGRESS_EVERY_MS`] it
//! reports progress. A chunk whose single replication runs for minutes sees nothing until
//! it ends: the page then terminates the worker instead (see `crate::pool`).
//!
//! Yielding hops through a `MessageChannel` message to itself and then a `setTimeout(0)`:
//! a bare `setTimeout(0)` from a timer's callback is clamped to ~4 ms by browsers, and a
//! bare port message can run ahead of the page's messages.
//!
//! (web/worker_loader.js holds a Web Lock named after the worker for its whole life, before
//! this starts: the pool's way to notice a worker that ended without an `error` event.)

use std::collections::VecDeque;
use std::time::Duration;

use futures::{FutureExt, StreamExt};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::platform::pinned::mpsc;
use yew::platform::time::sleep;
use yew_agent::{Bincode, Codec};

use crate::chunk::WorkCache;
use crate::protocol::{ChunkSpec, FromWorker, JobId, ToWorker};

/// Least time between two looks at the incoming messages (cancellation, newer jobs).
/// (A look itself is cheap: the chunk's simulators and aggregate carry over.)
pub const YIELD_EVERY_MS: f64 = 50.0;
/// Least time between two progress reports.
pub const PROGRESS_EVERY_MS: f64 = 150.0;

/// Start the worker: listen to the page, run chunks, say `Ready`.
pub fn serve() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let (inbox, commands) = mpsc::unbounded::<ToWorker>();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let data = e.data();
            // Anything else is not ours (web/worker_loader.js handles the test hooks' strings).
            if data.is_instance_of::<js_sys::Uint8Array>() {
                let _ = inbox.send_now(Bincode::decode(data));
            }
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    yew::platform::spawn_local(simulate(commands));
    // Set by web/worker_loader.js once it holds the worker's Web Lock.
    let holds_lock = js_sys::Reflect::get(&scope, &JsValue::from_str("sufficiencyHoldsLock"))
        .is_ok_and(|v| v.is_truthy());
    post(&FromWorker::Ready { holds_lock });
}

/// Send a message to the page.
fn post(msg: &FromWorker) {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let _ = scope.post_message(&Bincode::encode(msg));
}

/// What to do after a step, decided from the messages queued meanwhile.
enum Control {
    Continue,
    Cancel,
    /// The page is gone (the message stream ended).
    Exit,
}

/// The worker's main loop: chunks in the order they come, a newer job superseding.
async fn simulate(mut commands: mpsc::UnboundedReceiver<ToWorker>) {
    let mut queue: VecDeque<ChunkSpec> = VecDeque::new();
    // The prepared job of the latest job id (chunks of one job share it; a job that only
    // changes the number of runs reuses it), and of the latest sampled analysis.
    let mut cache = WorkCache::default();
    let mut cancelled_job: Option<JobId> = None;
    // A council's returns, kept to refit them (see `crate::borough`).
    let mut borough = crate::borough::Cache::default();
    loop {
        let spec = match queue.pop_front() {
            Some(spec) => spec,
            None => match commands.next().await {
                Some(ToWorker::Run(spec)) => spec,
                Some(ToWorker::Cancel { job_id }) => {
                    cancelled_job = Some(job_id);
                    continue;
                }
                Some(ToWorker::Borough(req)) => {
                    serve_borough(&mut borough, req);
                    continue;
                }
                None => return,
            },
        };
        if cancelled_job == Some(spec.job_id) {
            post(&cancelled(&spec, 0));
            continue;
        }
        // One run for the whole chunk: its simulators and results carry over the slices.
        let mut batch = match cache.chunk(&spec) {
            Ok(run) => run,
            Err(e) => {
                post(&FromWorker::Failed {
                    job_id: spec.job_id,
                    chunk: spec.chunk,
                    error: e,
                });
                continue;
            }
        };
        // A chunk reaching past the job's replications runs only those it has.
        let end = spec.end.min(batch.replications());
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
                post(&FromWorker::Progress {
                    job_id: spec.job_id,
                    chunk: spec.chunk,
                    done: rep.saturating_sub(spec.first),
                });
            }
            // Yield a macrotask so the worker's `onmessage` can run, then drain whatever
            // arrived without blocking.
            yield_to_event_loop().await;
            while let Some(msg) = commands.next().now_or_never() {
                match msg {
                    Some(ToWorker::Cancel { job_id }) => {
                        cancelled_job = Some(job_id);
                        if job_id == spec.job_id {
                            control = Control::Cancel;
                        }
                    }
                    Some(ToWorker::Run(next)) => {
                        // A newer job supersedes this one and the chunks of it still queued
                        // (each answered, so the page knows this worker is free of them).
                        if next.job_id != spec.job_id {
                            control = Control::Cancel;
                            for old in queue.iter().filter(|q| q.job_id != next.job_id) {
                                post(&cancelled(old, 0));
                            }
                            queue.retain(|q| q.job_id == next.job_id);
                        }
                        queue.push_back(next);
                    }
                    Some(ToWorker::Borough(req)) => serve_borough(&mut borough, req),
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

        match control {
            Control::Exit => return,
            Control::Cancel => post(&cancelled(&spec, rep.saturating_sub(spec.first))),
            Control::Continue => post(&batch.answer(spec.job_id, spec.chunk, wasm_memory_bytes())),
        }
    }
}

/// Answers a request about a council's returns (at once: its own pool sends nothing else).
fn serve_borough(cache: &mut crate::borough::Cache, req: crate::borough::BoroughRequest) {
    crate::borough::serve(
        cache,
        req,
        &|reply| post(&FromWorker::Borough(reply)),
        &js_sys::Date::now,
    );
}

fn cancelled(spec: &ChunkSpec, done: u32) -> FromWorker {
    FromWorker::Cancelled {
        job_id: spec.job_id,
        chunk: spec.chunk,
        done,
    }
}

/// This instance's wasm linear memory in bytes (0 outside wasm).
pub fn wasm_memory_bytes() -> u32 {
    #[cfg(target_arch = "wasm32")]
    {
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
    if let Ok(channel) = web_sys::MessageChannel::new() {
        let port1 = channel.port1();
        let port2 = channel.port2();
        let promise = js_sys::Promise::new(&mut |resolve, _reject| {
            port1.set_onmessage(Some(&resolve));
        });
        if port2.post_message(&JsValue::NULL).is_ok() {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        }
        port1.set_onmessage(None);
        port1.close();
        port2.close();
    }
    // Then a timer: a port message alone can run ahead of the messages from the page, which
    // would then wait for the end of the chunk. Set from the port's task, the timer is not
    // nested in another timer, so it is not clamped.
    sleep(Duration::ZERO).await;
}
